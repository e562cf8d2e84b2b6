"""HTML cleaning: trafilatura finds the main text and the metadata (htmldate for the date).

When trafilatura finds no main text (a fragment, a broken page, a feed entry), the page's visible text goes
through the plain-text cleaner instead, so an HTML input never yields less than a text input would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import trafilatura
from lxml import etree

from newsloom.clean.kinds import removed_kind
from newsloom.clean.lines import Line, normalize_line, split_lines
from newsloom.clean.metadata import find_authors
from newsloom.clean.text import CleanedText, clean_plain_text
from newsloom.record import RemovedLine

#: trafilatura gives up on trees deeper/larger than this; we refuse earlier with a clear message.
MAX_HTML_CHARS = 20_000_000


@dataclass
class CleanedHtml:
    paragraphs: list[str]
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    language: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    fallback: CleanedText | None = None


def visible_text(html: str) -> str:
    """Every visible line of the page, as a scraper that keeps everything would dump it (inscriptis, links
    and images off): the fallback's input and the source of 'removed'. The line model was trained on
    exactly this rendering."""
    from inscriptis import get_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    try:
        return get_text(html, ParserConfig(css=CSS_PROFILES["strict"], display_links=False, display_images=False))
    except (ValueError, etree.ParserError, RecursionError):
        return ""


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    return [a.strip() for a in value.replace(" and ", ";").split(";") if a.strip()]


#: a page line is the headline inside a <title> when it is at least this share of the title's length
#: (WCXB train titles: 0.561 from trafilatura's title alone, 0.773 with the line)
HEADLINE_SHARE_OF_TITLE = 0.4


def headline_of(title: str | None, lines: Sequence[Line], normalized: Sequence[str]) -> str | None:
    """The headline as the page shows it: the longest visible line that the document title contains
    ("Go ahead, self-host Postgres" in "Go ahead, self-host Postgres | Pierce Freeman"); else the title.
    ``normalized[i]`` is ``normalize_line(lines[i].text)``."""
    wanted = normalize_line(title or "")
    if not wanted:
        return title
    inside = [line.text for line, norm in zip(lines, normalized)
              if len(norm.split()) >= 2 and f" {norm} " in f" {wanted} "
              and len(norm) >= HEADLINE_SHARE_OF_TITLE * len(wanted)]
    return max(inside, key=len) if inside else title


def clean_html(html: str, url: str | None = None) -> CleanedHtml:
    if len(html) > MAX_HTML_CHARS:
        raise ValueError(f"HTML of {len(html) / 1e6:.0f} M characters is over the limit")
    try:
        # favor_precision: on the scrapinghub train+tune pages (88, never the test half) shingle F1 goes
        # 0.968 -> 0.979; favor_recall and dropping tables both score lower (bench/clean_html.py).
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
            favor_precision=True,
        )
    except (ValueError, etree.ParserError, RecursionError):
        doc = None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    page_text = visible_text(html)
    if not text:
        # No main text found: clean the page's visible lines like a plain-text page.
        fallback = clean_plain_text(page_text)
        return CleanedHtml(
            paragraphs=fallback.paragraphs,
            title=(getattr(doc, "title", None) if doc is not None else None) or fallback.metadata.title,
            published=(getattr(doc, "date", None) if doc is not None else None) or fallback.metadata.published,
            authors=fallback.metadata.authors,
            outlet=fallback.metadata.outlet,
            removed=fallback.removed,
            fallback=fallback,
        )
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    kept = {normalize_line(p) for p in paragraphs}
    lines = split_lines(page_text)
    normalized = [normalize_line(line.text) for line in lines]
    title = headline_of(doc.title, lines, normalized)
    outside = [i for i, norm in enumerate(normalized) if norm not in kept]
    kept_at = [i for i, norm in enumerate(normalized) if norm in kept]
    last_kept = kept_at[-1] if kept_at else len(lines)
    removed = [
        RemovedLine(lines[i].text, removed_kind(
            lines[i], is_title=bool(title) and lines[i].text == title, is_byline=False, is_date=False,
            after_body=i > last_kept, in_teaser_zone=False,
        ))
        for i in outside
        if lines[i].text
    ]
    return CleanedHtml(
        paragraphs=paragraphs,
        title=title,
        published=doc.date,
        # no author from trafilatura: a byline outside the article text, read as the plain-text cleaner does
        authors=_split_authors(doc.author) or find_authors(lines, outside)[0],
        outlet=doc.sitename or doc.hostname,
        language=doc.language,
        removed=removed,
    )
