"""Train the headline ranker shipped as ``src/newsloom/clean/model/title.txt`` (+ ``title.json``).

    .venv/bin/python training/cache_pages.py                  # once: labelled pages in .cache/
    .venv/bin/python training/train_line_model.py --oof-only  # once: out-of-fold line probabilities
    .venv/bin/python training/train_title_model.py [--no-write]

Data: the plain text of the WCXB pages whose ground truth has a title. Each page is cleaned exactly as
shipped, except that the line probabilities are the line model's out-of-fold ones (.cache/line-oof.pkl), so
the lines above the body are those the cleaner will really see on a new page; every candidate line
:func:`newsloom.clean.metadata.title_candidates` offers is labelled 1 when it is the gold title (after folding
case and punctuation, as the benchmark compares). Fits on the *train* split; the threshold is chosen on
out-of-fold predictions over the train pages (5 folds by page); the *tune* split is scored by the model fitted
on all train pages; *test* pages are never read here (``bench/clean_text.py`` scores them).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cache_pages import load_labelled  # noqa: E402
from line_rules_oof import FixedProbabilities  # noqa: E402
from newsloom.clean import metadata  # noqa: E402
from newsloom.clean.classifier import default_classifier  # noqa: E402
from newsloom.clean.headline import META_FILE, MODEL_FILE, TITLE_FEATURES, TitleRanker  # noqa: E402
from newsloom.clean.text import clean_plain_text  # noqa: E402
from newsloom.evaluation.pages import LabelledPage, folded, split_of  # noqa: E402
from train_line_model import OOF_FILE, repeats_for  # noqa: E402

PARAMS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 20,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
    "num_threads": 2,
    "seed": 7,
}
#: Out-of-fold train accuracy (best threshold): 100 rounds 0.783, 150 0.781, 300 0.779 — the smallest ships
ROUNDS = 100
FOLDS = 5
THRESHOLDS = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5]


class PageCandidates:
    """One page's candidate lines, their features and which of them is the gold title."""

    def __init__(self, page: LabelledPage, picked: list[int], features: np.ndarray) -> None:
        self.gold = folded(page.page.title)
        self.lines = page.lines
        self.picked = picked
        self.texts = [page.lines[i].text for i in picked]
        self.features = features
        self.labels = np.array([folded(t) == self.gold for t in self.texts], dtype=np.float32)


def candidates_of(pages: list[LabelledPage], oof: dict, repeats: dict[int, list[int]]) -> list[PageCandidates]:
    """Clean each page as shipped (out-of-fold line probabilities) and keep what ``find_title`` was given."""
    threshold = default_classifier().threshold
    shipped = metadata.find_title
    seen: list[tuple] = []

    def recording(lines, zone, skip, first_body, body=(), repeats=None, ranker=None):  # noqa: ANN001, ANN202, ARG001
        # the candidates do not depend on the choice, and the ranker being trained cannot choose yet
        seen.append((lines, list(zone), set(skip), first_body, list(body), repeats))
        return None

    out = []
    metadata.find_title = recording
    try:
        for page in pages:
            seen.clear()
            model = FixedProbabilities(oof[(page.page.dataset, page.page.page_id)], threshold)
            clean_plain_text(page.text, repeats[id(page)], classifier=model, lines=page.lines)
            picked, features = metadata.title_candidates(*seen[-1])
            out.append(PageCandidates(page, picked, features))
    finally:
        metadata.find_title = shipped
    return out


def fit(pages: list[PageCandidates]) -> lgb.Booster:
    rows = [p for p in pages if len(p.labels)]
    return lgb.train(PARAMS, lgb.Dataset(np.vstack([p.features for p in rows]),
                                         np.concatenate([p.labels for p in rows])), num_boost_round=ROUNDS)


def accuracy(pages: list[PageCandidates], probs: list[np.ndarray], threshold: float) -> float:
    right = 0
    for page, p in zip(pages, probs):
        line = metadata.pick_title(page.lines, page.picked, p, threshold)  # as the cleaner decides
        right += (folded(page.lines[line].text) if line is not None else "") == page.gold
    return right / max(len(pages), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-write", action="store_true", help="score only; leave the shipped model alone")
    args = parser.parse_args()
    if not OOF_FILE.exists():
        sys.exit(f"{OOF_FILE} is missing: run training/train_line_model.py --oof-only first")
    oof = pickle.loads(OOF_FILE.read_bytes())
    wcxb = load_labelled("wcxb")
    groups = {split: [p for p in wcxb if split_of("wcxb", p.page.page_id) == split] for split in ("train", "tune")}
    repeats: dict[int, list[int]] = {}
    for group in groups.values():  # repetition counted within each split, as one ingest batch would
        for page, rep in zip(group, repeats_for(group)):
            repeats[id(page)] = rep
    data = {split: candidates_of([p for p in group if p.page.title], oof, repeats) for split, group in groups.items()}
    train, tune = data["train"], data["tune"]
    reachable = sum(bool(p.labels.any()) for p in train) / len(train)
    print(f"train pages {len(train)} (gold title among the candidates: {reachable:.3f}), tune pages {len(tune)}")

    fold_of = np.arange(len(train)) % FOLDS
    oof_probs: list[np.ndarray] = [np.zeros(0)] * len(train)
    for fold in range(FOLDS):
        model = fit([p for p, f in zip(train, fold_of) if f != fold])
        for i, page in enumerate(train):
            if fold_of[i] == fold and len(page.labels):
                oof_probs[i] = model.predict(page.features)
    scores = {t: accuracy(train, oof_probs, t) for t in THRESHOLDS}
    for t, acc in scores.items():
        print(f"  threshold {t:.2f}: out-of-fold train title accuracy {acc:.3f}")
    # the highest threshold within 0.002 of the best: a line the ranker barely believes in is no headline
    best = max(scores.values())
    threshold = max(t for t, acc in scores.items() if acc >= best - 0.002)
    model = fit(train)
    ranker = TitleRanker(model, threshold)
    tune_acc = accuracy(tune, [ranker.probabilities(p.features) for p in tune], threshold)
    print(f"chosen threshold {threshold:.2f}: out-of-fold train {scores[threshold]:.3f}, tune {tune_acc:.3f}")
    importance = sorted(zip(model.feature_importance("gain"), TITLE_FEATURES), reverse=True)
    print("gain:", ", ".join(f"{name} {gain:.0f}" for gain, name in importance[:12]))
    if args.no_write:
        return
    model.save_model(str(MODEL_FILE))
    META_FILE.write_text(json.dumps({
        "features": TITLE_FEATURES,
        "threshold": threshold,
        "trained_on": f"wcxb split=train, pages with a gold title ({len(train)})",
        "threshold_chosen_on": f"out-of-fold predictions over those pages ({FOLDS} folds)",
        "oof_train_accuracy": round(scores[threshold], 4),
        "tune_accuracy": round(tune_acc, 4),
        "rounds": ROUNDS,
        "params": PARAMS,
    }, indent=2) + "\n")
    print(f"wrote {MODEL_FILE} and {META_FILE}")


if __name__ == "__main__":
    main()
