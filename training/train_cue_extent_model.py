"""Train the cue extent model shipped as ``src/newsloom/nlp/data/cue_extent_model.txt`` (+ ``.json``).

    .venv/bin/python training/train_cue_extent_model.py [--no-write]

PolNeAR *train* only. The quote extractor runs as shipped (its content boundary model on: ``extract_quotes``
moves contents first) but with no cue extent model; every candidate end of every cue it finds
(:func:`newsloom.nlp.cue_extent.cue_ends`) is an example, labelled 1 when the cue with that end is a gold Cue
span (exact, after trimming) that no other quote of the article already has (the end as the rules give it
counts too: the model learns when to leave a cue as it is). The threshold is chosen on the held-out fifth of train (articles i % 5 == 0)
with the model fitted on the other four fifths, by exact F1 there; the shipped model is then refitted on all
of train. The fitting and scoring helpers are the content boundary model's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from newsloom.evaluation.polnear import trim_span  # noqa: E402
from newsloom.nlp import cue_extent  # noqa: E402
from newsloom.nlp.boundaries import Columns  # noqa: E402
from newsloom.nlp.marks import quotation_token_spans  # noqa: E402
from newsloom.nlp.quotes import extract_quotes  # noqa: E402
from newsloom.nlp.refined import cue_items  # noqa: E402
from quotes import outer  # noqa: E402
from train_boundary_model import (  # noqa: E402
    char_span,
    decision_report,
    fit,
    held_out_report,
    predict,
    threshold_table,
    write_model,
)
from train_cue_lexicon import parsed_train  # noqa: E402


def article_examples(article, doc) -> tuple[set, list[dict]]:  # noqa: ANN001
    """The article's gold Cue spans and one record per quote with a cue: its trimmed char span as the rules
    give it, and the span, features and label of each candidate end (read through the same helpers as
    ``extract_quotes``)."""
    gold = {trim_span(doc.text, *o) for o in (outer(g.cue) for g in article.attributions) if o}
    cols = Columns(doc, quotation_token_spans(doc))
    quotes = extract_quotes(doc, cue_extent_model=False)
    found = []
    for item in cue_items(doc, quotes):
        if item is not None:
            cue, content = item
            ends, rows = cue_extent.candidate_rows(cols, cue, content)
            found.append((cue, [(cue[0], r) for r in ends], rows))
    befores = {char_span(doc, cue) for cue, _, _ in found}
    records = []
    for cue, extents, rows in found:
        before = char_span(doc, cue)
        spans = [char_span(doc, e) for e in extents]
        labels = [int(span in gold and (span == before or span not in befores)) for span in spans]
        records.append({"before": before, "rows": rows, "labels": labels, "spans": spans})
    return gold, records


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-write", action="store_true", help="print the held-out table only")
    args = parser.parse_args()
    pairs = parsed_train()
    per_article = [article_examples(article, doc) for article, doc in pairs]
    held = [i for i in range(len(pairs)) if not i % 5]
    train_records = [r for i in range(len(pairs)) if i % 5 for r in per_article[i][1]]
    print(f"{len(train_records)} cues, {sum(len(r['rows']) for r in train_records)} candidate ends, "
          f"{sum(sum(r['labels']) for r in train_records)} right (4/5 of train)")
    booster = fit(train_records, cue_extent.CATEGORICAL)
    held_articles = [per_article[i] for i in held]
    probs = [predict(booster, records) for _, records in held_articles]
    # a record keeps its cue unless the best end is a new one over the threshold: score it that way
    for (_, records), article_probs in zip(held_articles, probs):
        for record, p in zip(records, article_probs):
            if len(p) and record["spans"][int(p.argmax())] == record["before"]:
                p[:] = 0.0
    scores, threshold = threshold_table(held_articles, probs, "cue")
    decision_report(held_articles, probs, threshold)
    held_out_report([pairs[i] for i in held], "cue_extent_model", cue_extent.CueExtentModel(booster, threshold))
    if not args.no_write:
        write_model(fit([r for _, records in per_article for r in records], cue_extent.CATEGORICAL),
                    "cue_extent_model", threshold, cue_extent.FEATURE_NAMES, scores)


if __name__ == "__main__":
    main()
