"""The HTML-page benchmarks in ``../shared/data`` (scrapinghub, WCXB) as plain-text pages with line labels.

A page is rendered to full-page plain text the way a scraper dumps it (inscriptis: every visible line,
links and images off). Each line is labelled body / not-body by aligning the page's words with the ground
truth article body: difflib matching blocks of at least :data:`MIN_BLOCK` tokens, and a line is body when at
least half of its tokens fall in such blocks. Choosing exactly the body lines scores ~0.99 shingle F1, so the
labels are a faithful target for a line classifier.

The split is fixed by a hash of the page id (never by position), and it is the only split used by the
training script and the benchmark: ``train`` and ``tune`` pages may be used to fit and choose, ``test``
pages are only ever scored.
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsloom.clean.html import visible_text
from newsloom.clean.lines import Line, split_lines
from newsloom.ingest.readers import read_html
from newsloom.record import RawDocument

MIN_BLOCK = 3
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shared_data_dir() -> Path:
    """``../shared/data`` next to the repository (or ``$NEWSLOOM_SHARED``/data)."""
    env = os.environ.get("NEWSLOOM_SHARED")
    if env:
        return Path(env) / "data"
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass
class Page:
    dataset: str
    page_id: str
    html: str
    body: str  # ground-truth article body
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None


def split_of(dataset: str, page_id: str) -> str:
    """Fixed split. scrapinghub: 40% train, 10% tune, 50% test. WCXB: 70% train, 10% tune, 20% test."""
    bucket = int(hashlib.sha1(f"{dataset}:{page_id}".encode()).hexdigest(), 16) % 100
    train, tune = (40, 50) if dataset == "scrapinghub" else (70, 80)
    if bucket < train:
        return "train"
    return "tune" if bucket < tune else "test"


def html_as_read(path: Path) -> str:
    """A benchmark page's HTML as ``newsloom ingest`` reads an .html file: the declared or detected charset,
    mojibake repaired (a few WCXB pages are UTF-8 encoded twice: their apostrophes read as "â" and two
    control characters where the ground truth has "’"), NFC, plain spaces."""
    item = next(read_html(gzip.decompress(path.read_bytes()), str(path)))
    if not isinstance(item, RawDocument):  # a page ingest would refuse has no place in a benchmark
        raise ValueError(f"{path}: {item.reason}")
    return item.text


def iter_pages(dataset: str, split: str | None = None) -> Iterator[Page]:
    root = shared_data_dir() / dataset
    if dataset == "scrapinghub":
        truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for page_id in sorted(truth):
            if split and split_of(dataset, page_id) != split:
                continue
            html = html_as_read(root / "html" / f"{page_id}.html.gz")
            item = truth[page_id]
            yield Page(dataset, page_id, html, item.get("articleBody") or "", url=item.get("url"))
    elif dataset == "wcxb":
        for path in sorted((root / "ground-truth").glob("*.json")):
            page_id = path.stem
            if split and split_of(dataset, page_id) != split:
                continue
            item = json.loads(path.read_text(encoding="utf-8"))
            gt = item.get("ground_truth", {})
            html_path = root / "html" / f"{page_id}.html.gz"
            if not html_path.exists():
                continue
            html = html_as_read(html_path)
            yield Page(
                dataset,
                page_id,
                html,
                gt.get("main_content") or "",
                url=item.get("url"),
                title=gt.get("title"),
                author=gt.get("author"),
                published=gt.get("publish_date"),
            )
    else:
        raise ValueError(f"unknown dataset {dataset!r}")


def page_text(html: str) -> str:
    """Full-page plain text: every visible line, as a scraper that keeps everything would dump it."""
    return visible_text(html)


def line_labels(lines: list[Line], body: str) -> list[int]:
    """1 for lines whose tokens mostly align with the ground-truth body, else 0."""
    page_tokens: list[str] = []
    owner: list[int] = []
    for i, line in enumerate(lines):
        toks = [t.lower() for t in _TOKEN.findall(line.text)]
        page_tokens.extend(toks)
        owner.extend([i] * len(toks))
    gold_tokens = [t.lower() for t in _TOKEN.findall(body)]
    matched = [0] * len(lines)
    matcher = difflib.SequenceMatcher(None, page_tokens, gold_tokens, autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size < MIN_BLOCK:
            continue
        for k in range(block.a, block.a + block.size):
            matched[owner[k]] += 1
    totals = [0] * len(lines)
    for i in owner:
        totals[i] += 1
    return [int(t > 0 and m / t >= 0.5) for m, t in zip(matched, totals)]


@dataclass
class LabelledPage:
    page: Page
    text: str
    lines: list[Line]
    labels: list[int]


def labelled_pages(dataset: str, split: str | None = None) -> Iterator[LabelledPage]:
    for page in iter_pages(dataset, split):
        text = page_text(page.html)
        lines = split_lines(text)
        yield LabelledPage(page, text, lines, line_labels(lines, page.body))



def folded(value: str | None) -> str:
    """Lower case, every run of non-word characters one space: how the WCXB measures compare text."""
    return re.sub(r"\W+", " ", (value or "").lower()).strip()


#: the metadata measures of the WCXB benchmarks: (row name, Page field, whether what was found matches it)
METADATA_MEASURES: list[tuple[str, str, Callable[[Any, str], bool]]] = [
    ("title (exact, normalised)", "title", lambda found, gold: folded(found) == folded(gold)),
    ("date (same day)", "published", lambda found, gold: (found or "")[:10] == gold[:10]),
    ("author (any gold author found)", "author",
     lambda found, gold: any(folded(a) and folded(a) in folded(gold) for a in found)),
]


def named_without_gold(found: list[tuple[Page, dict[str, Any]]], field_name: str = "author") -> tuple[int, int]:
    """(pages whose ground truth has no ``field_name`` but a system named one anyway, pages whose ground truth
    has none): a made-up author is as wrong as a missed one, and :func:`metadata_accuracy` cannot see it."""
    silent = [bool(got[field_name]) for page, got in found if not getattr(page, field_name)]
    return sum(silent), len(silent)


def metadata_accuracy(found: list[tuple[Page, dict[str, Any]]]) -> list[tuple[str, int, float]]:
    """(measure, pages with that field in the ground truth, accuracy) for each of :data:`METADATA_MEASURES`.
    ``found`` pairs each page with what a system read from it: ``{"title": …, "published": …, "author": [...]}``."""
    rows = []
    for name, field_name, matches in METADATA_MEASURES:
        scored = [matches(got[field_name], getattr(page, field_name)) for page, got in found
                  if getattr(page, field_name)]
        rows.append((name, len(scored), sum(scored) / max(len(scored), 1)))
    return rows
