"""HTML cleaning benchmark on scrapinghub's article-extraction pages: newsloom's HTML path vs trafilatura.

    .venv/bin/python bench/clean_html.py

Scored with the benchmark's own measure (token 4-shingles; per-page precision and recall averaged; F1 of the
averages). The HTML path is trafilatura plus newsloom's fallback to the line classifier when trafilatura
finds no main text; the classifier was trained on the ``train`` split, so the ``test`` split is the clean
figure, and all 181 pages are shown for comparison with published trafilatura numbers.
"""

from __future__ import annotations

import time

import trafilatura
from rich.console import Console
from rich.table import Table

from newsloom.clean.html import clean_html
from newsloom.evaluation.metrics import macro_prf, shingle_counts
from newsloom.evaluation.pages import iter_pages, split_of


def main() -> None:
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
    for subset_name, subset in (("test split", [p for p in pages if split_of("scrapinghub", p.page_id) == "test"]),
                                ("all 181", pages)):
        for name, bodies, speed in (("trafilatura.extract defaults", plain, plain_speed),
                                    ("newsloom HTML path", ours, ours_speed)):
            score = macro_prf(shingle_counts(p.body, bodies[p.page_id]) for p in subset)
            table.add_row(f"{subset_name} ({len(subset)})", name, f"{score.precision:.3f}", f"{score.recall:.3f}",
                          f"{score.f1:.3f}", f"{speed:.1f}")
    Console().print(table)


if __name__ == "__main__":
    main()
