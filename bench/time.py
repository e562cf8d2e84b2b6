"""Time normalisation on TimeBank: value accuracy of DATE expressions against the document creation time,
and extraction F1 of newsloom's span finder against the gold TIMEX3 spans.

    .venv/bin/python bench/time.py [--split test|dev|all]

Relative DATE expressions are those whose text holds no 4-digit year ("Friday", "last year", "the third
quarter"); values compared as strings (TIMEX3). Baseline: dateparser alone (RELATIVE_BASE = creation time,
value at the granularity dateparser reports).
"""

from __future__ import annotations

import re
import time
from datetime import datetime

from rich.console import Console
from rich.table import Table

from newsloom.evaluation.metrics import prf
from newsloom.evaluation.timebank import timebank_docs
from newsloom.temporal import find_times, normalize_time
from newsloom.temporal.normalize import dateparser_value

_YEAR = re.compile(r"\b\d{4}\b")


def dateparser_alone(text: str, dct: str) -> str | None:
    return dateparser_value(text, datetime.fromisoformat(dct[:10]).date(), prefer_past=False)


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around a span (the context normalize_time may use)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[left : min(right_candidates) if right_candidates else len(text)]


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=["dev", "test", "all"],
                        help="dev: where the rules were developed; test: reported")
    args = parser.parse_args()
    docs = timebank_docs(args.split)
    rows = {"relative DATE": [], "all DATE": []}
    for doc in docs:
        for t in doc.timexes:
            if t.type != "DATE":
                continue
            item = (t.text, doc.dct, t.value, doc.text)
            rows["all DATE"].append(item)
            if not _YEAR.search(t.text):
                rows["relative DATE"].append(item)
    table = Table(title=f"TimeBank {args.split} ({len(docs)} documents): DATE value accuracy vs creation time")
    for col in ("expressions", "count", "newsloom.normalize_time", "dateparser alone", "unresolved (newsloom)"):
        table.add_column(col)
    for name, items in rows.items():
        ours = [normalize_time(text, dct, sentence) for text, dct, _, sentence in items]
        base = [dateparser_alone(text, dct) for text, dct, _, _ in items]
        acc = sum(o == gold for o, (_, _, gold, _) in zip(ours, items)) / len(items)
        base_acc = sum(b == gold for b, (_, _, gold, _) in zip(base, items)) / len(items)
        table.add_row(name, str(len(items)), f"{acc:.3f}", f"{base_acc:.3f}", str(sum(o is None for o in ours)))
    Console().print(table)

    exact = [0, 0, 0]
    overlap = [0, 0, 0]
    started = time.perf_counter()
    words = 0
    for doc in docs:
        words += len(doc.text.split())
        gold = {(t.start, t.end) for t in doc.timexes if t.type in ("DATE", "DURATION", "TIME")}
        got = {(f.start, f.end) for f in find_times(doc.text, doc.dct)}
        exact[0] += len(gold & got)
        exact[1] += len(got - gold)
        exact[2] += len(gold - got)
        matched_gold = {g for g in gold if any(s < g[1] and e > g[0] for s, e in got)}
        matched_got = {p for p in got if any(s < p[1] and e > p[0] for s, e in gold)}
        overlap[0] += len(matched_gold)
        overlap[1] += len(got) - len(matched_got)
        overlap[2] += len(gold) - len(matched_gold)
    elapsed = time.perf_counter() - started
    spans = Table(title="Span finder vs gold DATE/TIME/DURATION spans")
    for col in ("match", "precision", "recall", "F1"):
        spans.add_column(col)
    for name, counts in (("exact", exact), ("overlap", overlap)):
        score = prf(*counts)
        spans.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    spans.add_row(f"speed: {words / elapsed:.0f} words/s", "", "", "")
    Console().print(spans)


if __name__ == "__main__":
    main()
