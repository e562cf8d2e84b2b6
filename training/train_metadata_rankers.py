"""Train the metadata line rankers shipped in ``src/newsloom/clean/model/`` (``title`` / ``author`` .txt + .json).

    .venv/bin/python training/cache_pages.py                  # once: labelled pages in .cache/
    .venv/bin/python training/train_line_model.py --oof-only  # once: out-of-fold line probabilities
    .venv/bin/python training/train_metadata_rankers.py title|author [--no-write]

Data: the plain text of the WCXB pages whose ground truth has the field. Each page is cleaned exactly as
shipped, except that the line probabilities are the line model's out-of-fold ones (.cache/line-oof.pkl), so
the lines around the body are those the cleaner will really see on a new page. ``title``: every candidate line
:func:`newsloom.clean.metadata.title_candidates` offers is labelled 1 when it is the gold title (after folding
case and punctuation, as the benchmark compares). ``author``: every name-shaped line
:func:`newsloom.clean.metadata.author_candidates` offers is labelled 1 when the gold author string holds it,
and the ranker is scored as the cleaner uses it, after the bylines that say so. Fits on the *train* split;
the threshold is chosen on out-of-fold predictions over the train pages (5 folds by page), counting a
page whose ground truth lacks the field as right when nothing is named; the *tune* split is
scored by the model fitted on all train pages; *test* pages are never read here (``bench/clean_text.py``
scores them).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

import lightgbm as lgb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsloom.clean import metadata  # noqa: E402
from newsloom.clean.classifier import default_classifier  # noqa: E402
from newsloom.clean.rankers import FEATURES, MODEL_DIR, top_row  # noqa: E402
from newsloom.clean.text import clean_plain_text  # noqa: E402
from newsloom.evaluation.pages import LabelledPage, folded  # noqa: E402
from train_line_model import OOF_FILE, FixedProbabilities, labelled_splits  # noqa: E402
from train_line_model import PARAMS as LINE_MODEL_PARAMS  # noqa: E402

#: the line model's settings, with smaller trees: a page gives a ranker a few dozen rows, not a thousand
PARAMS = {**LINE_MODEL_PARAMS, "num_leaves": 15, "min_data_in_leaf": 20, "feature_fraction": 0.8}
#: Title, out-of-fold train accuracy (best threshold, before the author ranker): 100 rounds 0.783, 150 0.781, 300
#: 0.779 — the smallest ships; the author ranker uses the same
ROUNDS = 100
FOLDS = 5
THRESHOLDS = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5]


class PageCandidates:
    """One page's candidate lines, their features, their labels, and what the rules alone found."""

    def __init__(self, page: LabelledPage, task: str, picked: list[int], features: np.ndarray,
                 said: list[str]) -> None:
        self.page = page
        self.gold = folded(getattr(page.page, task))
        self.picked = picked
        self.features = features
        self.said = said  # authors a byline states (the ranker runs only without one); unused for titles
        texts = [folded(page.lines[i].text) for i in picked]
        if task == "title":
            self.labels = np.array([t == self.gold for t in texts], dtype=np.float32)
        else:
            self.labels = np.array([bool(t) and t in self.gold for t in texts], dtype=np.float32)


def candidates_of(pages: list[LabelledPage], task: str, oof: dict,
                  repeats: dict[int, list[int]]) -> list[PageCandidates]:
    """Clean each page as shipped (out-of-fold line probabilities) and keep what the finder was given."""
    threshold = default_classifier().threshold
    seen: list[tuple] = []
    name = "find_title" if task == "title" else "find_authors"
    shipped = getattr(metadata, name)

    def record_title(lines, zone, skip, first_body, body=(), repeats=None, ranker=None):  # noqa: ANN001, ANN202, ARG001
        # the candidates do not depend on the choice, and the ranker being trained cannot choose yet
        seen.append((lines, list(zone), set(skip), first_body, list(body), repeats))
        return None

    def record_authors(lines, candidates, stamps=(), body=(), repeats=None, ranker=None):  # noqa: ANN001, ANN202, ARG001
        seen.append((lines, list(candidates), list(stamps), list(body), repeats))
        return metadata._byline(lines, candidates)

    out = []
    setattr(metadata, name, record_title if task == "title" else record_authors)
    try:
        for page in pages:
            seen.clear()
            model = FixedProbabilities(oof[(page.page.dataset, page.page.page_id)], threshold)
            clean_plain_text(page.text, repeats[id(page)], classifier=model, lines=page.lines)
            if task == "title":
                picked, features = metadata.title_candidates(*seen[-1])
                said: list[str] = []
            else:
                picked, features = metadata.author_candidates(*seen[-1])
                said = metadata._byline(*seen[-1][:2])[0]
            out.append(PageCandidates(page, task, picked, features, said))
    finally:
        setattr(metadata, name, shipped)
    return out


def fit(pages: list[PageCandidates]) -> lgb.Booster:
    rows = [p for p in pages if len(p.labels)]
    return lgb.train(PARAMS, lgb.Dataset(np.vstack([p.features for p in rows]),
                                         np.concatenate([p.labels for p in rows])), num_boost_round=ROUNDS)


def decided(task: str) -> Callable[[PageCandidates, np.ndarray, float], list[str]]:
    """What the cleaner reports for a page given the ranker's probabilities, as folded strings."""
    def title(page: PageCandidates, probs: np.ndarray, threshold: float) -> list[str]:
        line = metadata.pick_title(page.page.lines, page.picked, probs, threshold)
        return [folded(page.page.lines[line].text)] if line is not None else []

    def author(page: PageCandidates, probs: np.ndarray, threshold: float) -> list[str]:
        if page.said:
            return [folded(a) for a in page.said]
        row = top_row(probs, threshold)
        return [folded(page.page.lines[page.picked[row]].text)] if row is not None else []

    return title if task == "title" else author


def accuracy(task: str, pages: list[PageCandidates], probs: list[np.ndarray], threshold: float) -> float:
    """The benchmark's measure over pages with the field: the title equal; an author inside the gold string."""
    decide = decided(task)
    right = 0
    for page, p in zip(pages, probs):
        found = decide(page, p, threshold)
        right += (found[:1] == [page.gold]) if task == "title" else any(a and a in page.gold for a in found)
    return right / max(len(pages), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("task", choices=sorted(FEATURES))
    parser.add_argument("--no-write", action="store_true", help="score only; leave the shipped model alone")
    args = parser.parse_args()
    task = args.task
    if not OOF_FILE.exists():
        sys.exit(f"{OOF_FILE} is missing: run training/train_line_model.py --oof-only first")
    oof = pickle.loads(OOF_FILE.read_bytes())
    train_pages, tune_pages, repeats = labelled_splits(("wcxb",))
    groups = {"train": train_pages, "tune": tune_pages}
    data = {split: candidates_of([p for p in group if getattr(p.page, task)], task, oof, repeats)
            for split, group in groups.items()}
    train, tune = data["train"], data["tune"]
    reachable = sum(bool(p.labels.any()) for p in train) / len(train)
    print(f"{task}: train pages {len(train)} (gold among the candidates: {reachable:.3f}), tune pages {len(tune)}")

    fold_of = np.arange(len(train)) % FOLDS
    oof_probs: list[np.ndarray] = [np.zeros(0)] * len(train)
    for fold in range(FOLDS):
        model = fit([p for p, f in zip(train, fold_of) if f != fold])
        for i, page in enumerate(train):
            if fold_of[i] == fold and len(page.labels):
                oof_probs[i] = model.predict(page.features)
    model = fit(train)
    # pages whose ground truth has no such field: the right answer there is none. The ranker never trained
    # on them, so the model fitted on all train pages scores them fairly.
    silent = candidates_of([p for p in groups["train"] if not getattr(p.page, task)], task, oof, repeats)
    silent_probs = [model.predict(p.features) if len(p.picked) else np.zeros(0) for p in silent]
    decide = decided(task)
    if task == "author":
        print(f"  bylines that say so alone: out-of-fold train accuracy {accuracy(task, train, oof_probs, 2.0):.3f}; "
              f"names one on {sum(bool(decide(p, q, 2.0)) for p, q in zip(silent, silent_probs))} of the "
              f"{len(silent)} train pages whose ground truth has none")
    right = {}
    for t in THRESHOLDS:
        acc = accuracy(task, train, oof_probs, t)
        named = sum(bool(decide(p, q, t)) for p, q in zip(silent, silent_probs))
        right[t] = (acc * len(train) + len(silent) - named) / (len(train) + len(silent))
        print(f"  threshold {t:.2f}: out-of-fold train accuracy {acc:.3f}; names one on {named} of the "
              f"{len(silent)} pages without; right on {right[t]:.3f} of all {len(train) + len(silent)}")
    # the threshold right on the most train pages, those without the field included (a made-up author is
    # as wrong as a missed one); of near ties (0.002) the highest
    best = max(right.values())
    threshold = max(t for t, r in right.items() if r >= best - 0.002)
    chosen = accuracy(task, train, oof_probs, threshold)
    tune_acc = accuracy(task, tune, [model.predict(p.features) if len(p.labels) else np.zeros(0) for p in tune],
                        threshold)
    print(f"chosen threshold {threshold:.2f}: out-of-fold train {chosen:.3f}, tune {tune_acc:.3f}")
    importance = sorted(zip(model.feature_importance("gain"), FEATURES[task]), reverse=True)
    print("gain:", ", ".join(f"{name} {gain:.0f}" for gain, name in importance[:12]))
    if args.no_write:
        return
    model.save_model(str(MODEL_DIR / f"{task}.txt"))
    (MODEL_DIR / f"{task}.json").write_text(json.dumps({
        "features": FEATURES[task],
        "threshold": threshold,
        "trained_on": f"wcxb split=train, pages with a gold {task} ({len(train)})",
        "threshold_chosen_on": f"out-of-fold predictions over those pages ({FOLDS} folds)",
        "oof_train_accuracy": round(chosen, 4),
        "right_on_all_train_pages": round(right[threshold], 4),
        "tune_accuracy": round(tune_acc, 4),
        "rounds": ROUNDS,
        "params": PARAMS,
    }, indent=2) + "\n")
    print(f"wrote {MODEL_DIR}/{task}.txt and {task}.json")


if __name__ == "__main__":
    main()
