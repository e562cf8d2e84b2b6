"""HTML cleaning benchmark on scrapinghub's article-extraction pages: newsloom's HTML path vs trafilatura.

    .venv/bin/python bench/clean_html.py [--split test|tune|train]

Scored with the benchmark's own measure (token 4-shingles; per-page precision and recall averaged; F1 of the
averages). The HTML path is trafilatura plus newsloom's fallback to the line classifier when trafilatura
finds no main text; the classifier was trained on the ``train`` split, so the ``test`` split (the default
``--split``) is the clean figure, and all 181 pages are shown for comparison with published trafilatura
numbers. Two more tables score the body and the title, date and author read from the WCXB pages of
``--split`` (rules and models chosen on ``train`` and ``tune``), with the measures of ``bench/clean_text.py``
(``newsloom.evaluation.pages.metadata_accuracy``, and how often an author is named on a page whose ground
truth has none).
"""

from __future__ import annotations

import time

import trafilatura
from rich.console import Console
from rich.table import Table

from newsloom.clean.html import clean_html
from newsloom.evaluation.metrics import macro_prf, shingle_counts
from newsloom.evaluation.pages import (
    METADATA_MEASURES,
    iter_pages,
    metadata_accuracy,
    named_without_gold,
    split_of,
)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=["train", "tune", "test"],
                        help="split of the scrapinghub pages scored beside all 181, and of the WCXB tables "
                             "(rules and models were chosen on train and tune)")
    parser.add_argument("--digits", type=int, default=3, help="decimals of the scrapinghub table's P / R / F1")
    args = parser.parse_args()
    pages = list(iter_pages("scrapinghub"))
    started = time.perf_counter()
    ours = {p.page_id: "\n".join(clean_html(p.html, p.url).paragraphs) for p in pages}
    ours_speed = len(pages) / (time.perf_counter() - started)
    started = time.perf_counter()
    plain = {p.page_id: trafilatura.extract(p.html, url=p.url) or "" for p in pages}
    plain_speed = len(pages) / (time.perf_counter() - started)
    table = Table(title="HTML cleaning on scrapinghub (4-shingle P / R / F1)")
    for col in ("pages", "method", "precision", "recall", "F1", "pages/s"):
        table.add_column(col)
    for subset_name, subset in ((f"{args.split} split", [p for p in pages if split_of("scrapinghub", p.page_id) == args.split]),
                                ("all 181", pages)):
        for name, bodies, speed in (("trafilatura.extract defaults", plain, plain_speed),
                                    ("newsloom HTML path", ours, ours_speed)):
            score = macro_prf(shingle_counts(p.body, bodies[p.page_id]) for p in subset)
            table.add_row(f"{subset_name} ({len(subset)})", name,
                          *(f"{value:.{args.digits}f}" for value in (score.precision, score.recall, score.f1)),
                          f"{speed:.1f}")
    Console().print(table)
    for wcxb_table in wcxb_tables(args.split):
        Console().print(wcxb_table)


def wcxb_tables(split: str) -> tuple[Table, Table]:
    """On the WCXB pages of ``split``: body F1, and title, date and author, from trafilatura alone and from
    newsloom's HTML path (the line model judging trafilatura's modes; the headline line inside the <title>,
    a byline read from the page when trafilatura has none)."""
    pages = list(iter_pages("wcxb", split))
    found: dict[str, list] = {"trafilatura defaults": [], "newsloom HTML path": []}
    bodies: dict[str, list] = {method: [] for method in found}
    for page in pages:
        doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
        found["trafilatura defaults"].append((page, {
            "title": getattr(doc, "title", None), "published": getattr(doc, "date", None),
            "author": [a for a in [getattr(doc, "author", None)] if a]}))
        bodies["trafilatura defaults"].append(shingle_counts(page.body, getattr(doc, "text", None) or ""))
        ours = clean_html(page.html, page.url)
        found["newsloom HTML path"].append((page, {"title": ours.title, "published": ours.published,
                                                   "author": ours.authors}))
        bodies["newsloom HTML path"].append(shingle_counts(page.body, "\n".join(ours.paragraphs)))
    body_table = Table(title=f"WCXB body from HTML, split={split} ({len(pages)} pages, 4-shingle P / R / F1)")
    for col in ("method", "precision", "recall", "F1"):
        body_table.add_column(col)
    for method, counts in bodies.items():
        score = macro_prf(counts)
        body_table.add_row(method, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    table = Table(title=f"WCXB metadata from HTML, split={split} (accuracy over pages with gold)")
    table.add_column("method")
    for name, _, _ in METADATA_MEASURES:
        table.add_column(name)
    table.add_column("author named where the gold has none")
    for method, items in found.items():
        made_up, silent = named_without_gold(items)
        table.add_row(method, *(f"{accuracy:.3f} ({count})" for _, count, accuracy in metadata_accuracy(items)),
                      f"{made_up} of {silent}")
    return body_table, table


if __name__ == "__main__":
    main()
