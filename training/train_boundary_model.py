"""Train the content boundary model shipped as ``src/newsloom/nlp/data/boundary_model.txt`` (+ ``.json``).

    .venv/bin/python training/train_boundary_model.py [--no-write]

PolNeAR *train* only. The quote extractor runs with no boundary model (and no cue extent model, which runs
after it); every cut of every content it finds
(:func:`newsloom.nlp.boundaries.cuts`) is an example, labelled 1 when the cut turns a content that is not a
gold Content span (exact, after trimming) into one. The threshold is chosen on the held-out fifth of train
(articles i % 5 == 0) with the model fitted on the other four fifths, by exact content F1 there; the shipped
model is then refitted on all of train. Prints the held-out table (before / after, every threshold tried).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from newsloom.evaluation.polnear import trim_span  # noqa: E402
from newsloom.nlp import boundaries  # noqa: E402
from newsloom.nlp.marks import quotation_token_spans  # noqa: E402
from newsloom.nlp.quotes import extract_quotes  # noqa: E402
from newsloom.nlp.refined import content_items  # noqa: E402
from quotes import outer, prediction, score  # noqa: E402
from train_cue_lexicon import parsed_train  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "src" / "newsloom" / "nlp" / "data"
PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 20,
          "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "verbose": -1, "seed": 5,
          "num_threads": 2, "max_cat_to_onehot": 8, "cat_smooth": 10}
ROUNDS = 300
THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]


def article_examples(article, doc) -> list[dict]:  # noqa: ANN001
    """One record per quote of the article: its trimmed char span as the rules give it, and the span, features
    and label of each cut (read through the same helpers as ``extract_quotes``)."""
    text = doc.text
    gold = {trim_span(text, *o) for o in (outer(g.content) for g in article.attributions) if o}
    cols = boundaries.Columns(doc, quotation_token_spans(doc))
    # as in extract_quotes, cuts are chosen before any cue end is moved
    quotes = extract_quotes(doc, boundary_model=False, cue_extent_model=False)
    records = []
    for quote, (start, end, kind, cue) in zip(quotes, content_items(doc, quotes)):
        if (start, end) == (0, 0):
            continue  # offsets that do not align with tokens (none in PolNeAR)
        found, rows = boundaries.candidate_rows(cols, start, end, kind, cue)
        before = trim_span(text, quote.start, quote.end)
        spans = [char_span(doc, boundaries.apply_cut(cols, start, end, cut)) for cut in found]
        labels = [int(before not in gold and after in gold) for after in spans]
        records.append({"before": before, "rows": rows, "labels": labels, "spans": spans})
    return records


def char_span(doc, bounds: tuple[int, int]) -> tuple[int, int]:  # noqa: ANN001
    """Token bounds as a character span, trimmed as the benchmark trims spans."""
    return trim_span(doc.text, doc[bounds[0]].idx, doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1]))


def exact_f1(articles: list[tuple[set, list[dict]]], probs: list[list[np.ndarray]], threshold: float) -> float:
    """Exact span F1 over the articles when each record takes its best-scored candidate span at ``threshold``
    (records: "before", the span as the rules give it, and "spans", one per candidate)."""
    tp = fp = fn = 0
    for (gold, records), article_probs in zip(articles, probs):
        got = set()
        for record, p in zip(records, article_probs):
            span = record["before"]
            if len(p) and p.max() >= threshold:
                span = record["spans"][int(np.argmax(p))]
            got.add(span)
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def fit(records: list[dict], categorical: list[int] = boundaries.CATEGORICAL):  # noqa: ANN201
    x = [row for r in records for row in r["rows"]]
    y = [label for r in records for label in r["labels"]]
    data = lgb.Dataset(np.array(x, dtype=np.float32), np.array(y), categorical_feature=categorical,
                       free_raw_data=False)
    return lgb.train(PARAMS, data, ROUNDS)


def predict(booster, records: list[dict]) -> list[np.ndarray]:  # noqa: ANN001
    return [booster.predict(np.array(r["rows"], dtype=np.float32), num_threads=2) if r["rows"] else np.array([])
            for r in records]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-write", action="store_true", help="print the held-out table only")
    args = parser.parse_args()
    pairs = parsed_train()
    per_article = []
    for article, doc in pairs:
        gold = {trim_span(doc.text, *o) for o in (outer(g.content) for g in article.attributions) if o}
        per_article.append((gold, article_examples(article, doc)))
    held = [i for i in range(len(pairs)) if not i % 5]
    fitted = [i for i in range(len(pairs)) if i % 5]
    train_records = [r for i in fitted for r in per_article[i][1]]
    rows = sum(len(r["rows"]) for r in train_records)
    positives = sum(sum(r["labels"]) for r in train_records)
    print(f"{len(train_records)} contents, {rows} cuts, {positives} positive (4/5 of train); "
          f"{sum(any(r['labels']) for _, records in per_article for r in records)} of "
          f"{sum(len(records) for _, records in per_article)} contents in all of train have a right cut")
    booster = fit(train_records)
    held_articles = [per_article[i] for i in held]
    probs = [predict(booster, records) for _, records in held_articles]
    scores, threshold = threshold_table(held_articles, probs, "content")
    decision_report(held_articles, probs, threshold)
    held_out_report([pairs[i] for i in held], "boundary_model", boundaries.BoundaryModel(booster, threshold))
    if not args.no_write:
        write_model(fit([r for _, records in per_article for r in records]), "boundary_model", threshold,
                    boundaries.FEATURE_NAMES, scores)


def threshold_table(held_articles: list, probs: list, role: str) -> tuple[dict[float, float], float]:
    """Exact F1 on the held-out articles at each threshold, printed; the best threshold (the higher on a tie)."""
    scores = {t: exact_f1(held_articles, probs, t) for t in THRESHOLDS}
    print(f"held-out fifth, exact {role} F1: no model {exact_f1(held_articles, probs, 2.0):.4f}")
    for t, f in scores.items():
        print(f"  threshold {t:.2f}: {f:.4f}")
    return scores, max(scores, key=lambda t: (scores[t], t))


def decision_report(held_articles: list, probs: list, threshold: float) -> None:
    """What the model does on the held-out articles at ``threshold``, against what it could do: exact F1 if
    every record took a right candidate where it has one (the oracle over the same candidates), and how many
    records it rights, leaves wrong though a right candidate exists, moves from wrong to another wrong span,
    and moves off a right one."""
    oracle = [[np.array(r["labels"], dtype=float) * (r["before"] not in gold) for r in records]
              for gold, records in held_articles]
    counts = {"righted": 0, "missed": 0, "moved, still wrong": 0, "broken": 0}
    for (gold, records), article_probs in zip(held_articles, probs):
        for record, p in zip(records, article_probs):
            right_before = record["before"] in gold
            fixable = not right_before and any(record["labels"])
            changed = len(p) > 0 and p.max() >= threshold
            if right_before and changed:
                counts["broken"] += 1
            elif changed:
                counts["righted" if record["labels"][int(p.argmax())] else "moved, still wrong"] += 1
            elif fixable:
                counts["missed"] += 1
    print(f"  oracle over the same candidates {exact_f1(held_articles, oracle, 0.5):.4f}; at {threshold}: "
          + ", ".join(f"{n} {k}" for k, n in counts.items()))


def held_out_report(held_pairs: list, option: str, model) -> None:  # noqa: ANN001
    """Every score of the quote benchmark on the held-out articles, without the model and with it (``option``
    names ``extract_quotes``'s argument for it), as ``bench/quotes.py`` scores dev."""
    docs = {id(a): d for a, d in held_pairs}
    for name, m in (("no model", False), (f"4/5 model, threshold {model.threshold}", model)):
        r = score([a for a, _ in held_pairs],
                  lambda art, nlp, m=m: [prediction(q) for q in extract_quotes(docs[id(art)], **{option: m})], None)
        print(f"  {name}: source {r['source'].f1:.4f} cue {r['cue'].f1:.4f} content {r['content'].f1:.4f} "
              f"overlap {r['overlap'].f1:.4f} direct/mixed {r['direct'].f1:.4f} speaker {r['speaker']:.4f}")


def write_model(booster, name: str, threshold: float, features: list[str], scores: dict) -> None:  # noqa: ANN001
    """``nlp/data/<name>.txt`` and its ``.json`` (threshold, features, settings, held-out F1 per threshold)."""
    booster.save_model(str(DATA / f"{name}.txt"))
    (DATA / f"{name}.json").write_text(json.dumps({
        "threshold": threshold, "features": features, "params": PARAMS, "rounds": ROUNDS,
        "held_out_exact_f1": {str(t): round(f, 4) for t, f in scores.items()},
    }, indent=1) + "\n")
    print(f"wrote {DATA / f'{name}.txt'} (threshold {threshold})")


if __name__ == "__main__":
    main()
