"""Clean: one ``RawDocument`` in, one ``Article`` out (body, removed lines, metadata).

:func:`clean_document` is a pure function of the document and the batch's line statistics, so it can run
on any worker. HTML goes through trafilatura (:mod:`.html`), plain text through the line classifier
(:mod:`.text`); container metadata (JSONL fields, feed entries) wins over what is read from the text.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from newsloom.clean.html import clean_html
from newsloom.clean.lines import split_lines, words
from newsloom.clean.metadata import outlet_from_url, parse_date
from newsloom.clean.stats import WHOLE_BATCH, LineStats
from newsloom.clean.text import clean_plain_text
from newsloom.record import Article, RawDocument, sha256_hex

__all__ = ["clean_document", "article_id", "body_hash", "guess_language"]

_EN_FUNCTION_WORDS = frozenset(["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "said", "with", "was", "as", "by", "at", "from", "it", "his", "he"])


def article_id(raw: RawDocument) -> str:
    """Content-addressed: the same input bytes get the same id wherever they are found."""
    return raw.raw_sha256[:16] if raw.raw_sha256 else sha256_hex(raw.text)[:16]


def body_hash(body: str) -> str:
    """Hash of the body with case, punctuation and spacing folded: exact duplicates across outlets."""
    return sha256_hex(" ".join(re.findall(r"\w+", body.lower())))


#: below this probability (py3langid's, normalised over its 97 languages) a text's language is not named
MIN_LANGUAGE_PROBABILITY = 0.95


@lru_cache(maxsize=1)
def _language_identifier():  # -> py3langid.langid.LanguageIdentifier
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, None when it is too short to tell or the identifier is unsure.

    English is recognised by its function words first (what the quote, actor and event stages were
    measured on stays "en" whatever the identifier says); any other language by py3langid. The NLP stages
    run on English (and undetermined) articles only: spaCy's English model on Russian or French text finds
    people and quotes that are not there."""
    sample = text[:5000]
    toks = [t.lower() for t in words(sample)]
    if len(toks) < 20:
        return None
    if sum(t in _EN_FUNCTION_WORDS for t in toks) / len(toks) > 0.12:
        return "en"
    language, probability = _language_identifier().classify(sample)
    return str(language) if probability >= MIN_LANGUAGE_PROBABILITY else None


def _published(value: Any) -> str | None:
    if not value:
        return None
    text = str(value)
    iso = parse_date(text)
    if iso:
        return iso
    import dateparser

    parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def _container_date(value: Any, read_from_text: str | None) -> str | None:
    """The container's date (JSONL field, feed entry). "03/04/2024" reads month first, as dateparser does,
    unless the page's own date line says the day comes first: then the other reading, which it agrees with."""
    published = _published(value)
    match = _NUMERIC_DATE.match(str(value)) if value and published and read_from_text else None
    if match and int(match.group(1)) <= 12 and int(match.group(2)) <= 12 and match.group(1) != match.group(2):
        day_first = date(int(match.group(3)), int(match.group(2)), int(match.group(1))).isoformat()
        if read_from_text[:10] == day_first and published[:10] != day_first:
            return day_first + published[10:]
    return published


def outlet_group(raw: RawDocument) -> str:
    """The group a document's lines are counted in for repetition: its outlet when known, else the batch."""
    outlet = raw.meta.get("outlet") or outlet_from_url(raw.source.url)
    return str(outlet) if outlet else WHOLE_BATCH


def clean_document(raw: RawDocument, stats: LineStats | None = None, *, keep_text: bool = False) -> Article:
    meta = raw.meta
    if keep_text:
        body, removed, title, published, authors, outlet, dateline = raw.text, [], None, None, [], None, None
        language = guess_language(raw.text)
    elif raw.is_html:
        cleaned = clean_html(raw.text, raw.source.url)
        body = "\n\n".join(cleaned.paragraphs)
        removed, title, published = cleaned.removed, cleaned.title, cleaned.published
        authors, outlet, language = cleaned.authors, cleaned.outlet, cleaned.language
        dateline = cleaned.fallback.metadata.dateline if cleaned.fallback else None
    else:
        lines = split_lines(raw.text)
        repeats = stats.repeats(lines, outlet_group(raw)) if stats else None
        cleaned_text = clean_plain_text(raw.text, repeats, lines=lines)
        body, removed = cleaned_text.body, cleaned_text.removed
        md = cleaned_text.metadata
        title, published, authors, outlet, dateline = md.title, md.published, md.authors, md.outlet, md.dateline
        language = None
    if not keep_text:
        title = meta.get("title") or title
        published = _container_date(meta.get("published"), published) or published
        authors = list(meta.get("authors") or authors)
        outlet = meta.get("outlet") or outlet or outlet_from_url(raw.source.url)
        language = language or guess_language(body)
    extra = dict(meta.get("extra") or {})
    for key in ("input_id", "crawled"):
        if key in meta:
            extra[key] = meta[key]
    return Article(
        id=article_id(raw),
        source=raw.source,
        title=title,
        published=published,
        authors=authors,
        outlet=outlet,
        dateline=dateline,
        language=language,
        body=body,
        removed=removed,
        raw_sha256=raw.raw_sha256,
        body_sha256=body_hash(body),
        extra=extra,
    )
