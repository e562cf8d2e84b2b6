"""Plain-text cleaner benchmark: full-page plain text of scrapinghub and WCXB pages → article body.

    .venv/bin/python bench/clean_text.py            # test split (the reported figures)
    .venv/bin/python bench/clean_text.py --split tune
    .venv/bin/python bench/clean_text.py --split train --pages-out before.json   # at one commit, then at another:
    .venv/bin/python bench/clean_text.py --split train --compare before.json     # pages each field gained and lost

Pages are rendered to plain text with inscriptis (links and images off), cleaned by newsloom's plain-text
cleaner exactly as ``newsloom ingest`` does (line repetition counted over the batch), and scored with the
scrapinghub benchmark's measure: token 4-shingle precision and recall per page, averaged, F1 of the
averages. Baselines on the same pages: keep every line, C4's line rules, and the oracle line choice.
WCXB pages also score the metadata read from the plain text (title, date, author).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
from cache_pages import load_labelled  # noqa: E402
from newsloom.clean.stats import LineStats  # noqa: E402
from newsloom.clean.text import clean_plain_text  # noqa: E402
from newsloom.evaluation.metrics import macro_prf, shingle_counts  # noqa: E402
from newsloom.evaluation.pages import (  # noqa: E402
    METADATA_MEASURES,
    metadata_accuracy,
    named_without_gold,
    split_of,
)

_C4_BAD = re.compile(r"javascript|lorem ipsum|\{|cookie|privacy policy|terms of use", re.I)


def c4_rules(text: str) -> str:
    """C4's line filter: keep lines ending in terminal punctuation with at least 3 words (C4 used 5 words
    per line and a page-level filter; the line rule is the part that applies to one page)."""
    kept = []
    for line in text.split("\n"):
        line = line.strip(" *+-•")
        if line.endswith((".", "!", "?", '"', "”")) and len(line.split()) >= 3 and not _C4_BAD.search(line):
            kept.append(line)
    return "\n".join(kept)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=["train", "tune", "test"])
    parser.add_argument("--pages-out", help="write the metadata read from each WCXB page to this JSON file")
    parser.add_argument("--compare", help="a --pages-out file of another run: print the pages each field gained "
                                          "and lost since")
    args = parser.parse_args()
    console = Console()
    table = Table(title=f"Plain-text cleaning, split={args.split} (4-shingle P / R / F1)")
    for col in ("dataset", "pages", "method", "precision", "recall", "F1"):
        table.add_column(col)
    meta_rows = []
    for dataset in ("scrapinghub", "wcxb"):
        pages = [p for p in load_labelled(dataset) if split_of(dataset, p.page.page_id) == args.split]
        stats = LineStats()
        for page in pages:
            stats.add_document(line.text for line in page.lines)
        started = time.perf_counter()
        cleaned = [clean_plain_text(p.text, stats.repeats(p.lines), lines=p.lines) for p in pages]
        elapsed = time.perf_counter() - started
        methods = {
            "keep all lines": [p.text for p in pages],
            "C4 line rules": [c4_rules(p.text) for p in pages],
            "newsloom": [c.body for c in cleaned],
            "oracle line choice": ["\n".join(ln.text for ln, y in zip(p.lines, p.labels) if y) for p in pages],
        }
        for method, bodies in methods.items():
            score = macro_prf(shingle_counts(p.page.body, b) for p, b in zip(pages, bodies))
            table.add_row(dataset, str(len(pages)), method, f"{score.precision:.3f}", f"{score.recall:.3f}",
                          f"{score.f1:.3f}")
        table.add_row(dataset, "", f"newsloom speed: {len(pages) / elapsed:.1f} pages/s", "", "", "")
        if dataset == "wcxb":
            found = [(p.page, {"title": c.metadata.title, "published": c.metadata.published,
                               "author": c.metadata.authors}) for p, c in zip(pages, cleaned)]
            meta_rows = metadata_accuracy(found)
            made_up, silent = named_without_gold(found)
    console.print(table)
    meta = Table(title=f"WCXB metadata from plain text, split={args.split} (accuracy over pages with gold)")
    for col in ("field", "pages with gold", "accuracy"):
        meta.add_column(col)
    for name, count, accuracy in meta_rows:
        meta.add_row(name, str(count), f"{accuracy:.3f}")
    meta.add_row("author named where the gold has none (share of pages)", str(silent),
                 f"{made_up / max(silent, 1):.3f} ({made_up})")
    console.print(meta)
    by_page = {page.page_id: got for page, got in found}
    if args.pages_out:
        Path(args.pages_out).write_text(json.dumps(by_page, ensure_ascii=False, indent=0))
    if args.compare:
        console.print(compare_pages(found, json.loads(Path(args.compare).read_text()), args.compare))


def compare_pages(found: list, before: dict, name: str) -> Table:
    """Per metadata field: pages right now and wrong in ``before``, the other way round, and pages whose value
    changed while wrong both times."""
    table = Table(title=f"WCXB metadata page by page, against {name}")
    for col in ("field", "now right (was wrong)", "now wrong (was right)", "changed, wrong both times"):
        table.add_column(col)
    for label, field_name, matches in METADATA_MEASURES:
        gained = lost = moved = 0
        for page, got in found:
            gold = getattr(page, field_name)
            old = before.get(page.page_id, {}).get(field_name)
            if not gold or old == got[field_name]:
                continue
            if old is None and isinstance(got[field_name], list):
                old = []  # authors: none found
            right, was_right = matches(got[field_name], gold), matches(old, gold)
            gained += right and not was_right
            lost += was_right and not right
            moved += not right and not was_right
        table.add_row(label, str(gained), str(lost), str(moved))
    return table


if __name__ == "__main__":
    main()
