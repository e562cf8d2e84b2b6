"""Readers: one function per input format, each yielding ``RawDocument`` or ``Failure`` items.

A reader never raises for bad content: it yields a :class:`~newsloom.record.Failure` naming the file
(and the item inside it) and goes on, so one broken line of a JSONL file costs one item, not the batch.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from newsloom.ingest.decode import DecodeError, decode_bytes, normalize_text
from newsloom.record import Failure, RawDocument, Source, sha256_hex

Item = RawDocument | Failure

#: JSONL fields with a meaning of their own, each under the names crawlers' exports give it (news-please
#: writes ``maintext``, ``date_publish``, ``source_domain``); the first present wins, any other field is
#: kept in ``meta['extra']``.
JSONL_ALIASES: dict[str, tuple[str, ...]] = {
    "html": ("html", "raw_html"),
    "text": ("text", "maintext", "content", "body", "article"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date_publish", "published_at", "publish_date", "date"),
    "outlet": ("outlet", "source_domain", "site_name"),
    "authors": ("authors", "author"),
    "id": ("id",),
}
JSONL_FIELDS = tuple(name for names in JSONL_ALIASES.values() for name in names)


def _field(record: dict[str, Any], name: str) -> Any:
    """The value of the first of ``name``'s aliases that has one (None when none has)."""
    return next((record[key] for key in JSONL_ALIASES[name] if record.get(key) not in (None, "", [], {})), None)


def _html_charset(data: bytes) -> str | None:
    head = data[:4096].lower()
    marker = head.find(b"charset=")
    if marker < 0:
        return None
    value = head[marker + 8 : marker + 40].strip(b"\"' ")
    end = next((i for i, b in enumerate(value) if chr(b) in "\"' ;>/"), len(value))
    return value[:end].decode("ascii", "ignore") or None


def read_text(data: bytes, path: str, *, normalize: bool = True) -> Iterator[Item]:
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        yield Failure(path, str(exc))
        return
    yield RawDocument(
        Source(path=path, format="text"),
        normalize_text(text) if normalize else text,
        raw_sha256=sha256_hex(data),
        encoding=encoding,
    )


def read_html(data: bytes, path: str, *, normalize: bool = True) -> Iterator[Item]:
    try:
        text, encoding = decode_bytes(data, _html_charset(data))
    except DecodeError as exc:
        yield Failure(path, str(exc))
        return
    if "<" not in text:
        yield Failure(path, "no HTML markup in an .html file")
        return
    yield RawDocument(
        Source(path=path, format="html"),
        normalize_text(text) if normalize else text,
        is_html=True,
        raw_sha256=sha256_hex(data),
        encoding=encoding,
    )


def looks_like_html(head: str) -> bool:
    """Whether text that came as plain text (a .txt file, a JSONL "content" field) is an HTML document or
    fragment: it opens on a tag and is a page, or closes a paragraph or a block within its first lines."""
    head = head.lstrip()[:2000].lower()
    return head.startswith("<") and (head.startswith(("<!doctype html", "<html")) or "</p>" in head or "</div>" in head)


def _jsonl_document(record: Any, path: str, item: int, line_bytes: bytes, normalize: bool) -> Item:
    if not isinstance(record, dict):
        return Failure(path, f"expected a JSON object, got {type(record).__name__}", item)
    html, text = _field(record, "html"), _field(record, "text")
    if not (isinstance(html, str) and html.strip()) and isinstance(text, str) and looks_like_html(text):
        html = text  # a "content" or "body" field holding the page's HTML
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        return Failure(path, "no text or html field with content (text, maintext, content, body, article, html)", item)
    meta: dict[str, Any] = {}
    for name in ("title", "published", "outlet"):
        value = _field(record, name)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            meta[name] = value
    authors = _field(record, "authors")
    if isinstance(authors, str):
        meta["authors"] = [authors]  # one author as a string, not a list of its letters
    elif isinstance(authors, list):
        meta["authors"] = [a for a in authors if isinstance(a, str) and a.strip()]
    extra = {k: v for k, v in record.items() if k not in JSONL_FIELDS}
    if extra:
        meta["extra"] = extra
    if record.get("id") is not None:
        meta["input_id"] = str(record["id"])
    url = _field(record, "url")
    url = url if isinstance(url, str) else None
    return RawDocument(
        Source(path=path, url=url, format="jsonl", item=item),
        normalize_text(content) if normalize else content,
        is_html=content is html,
        raw_sha256=sha256_hex(line_bytes),
        encoding="utf-8",
        meta=meta,
    )


def read_jsonl(data: bytes, path: str, *, normalize: bool = True) -> Iterator[Item]:
    try:
        text, _ = decode_bytes(data)
    except DecodeError as exc:
        yield Failure(path, str(exc))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(path, f"line {number} is not JSON: {exc.msg} (column {exc.colno})", number)
            continue
        yield _jsonl_document(record, path, number, line.encode("utf-8"), normalize)


def read_warc(data: bytes, path: str, *, normalize: bool = True) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            records += 1
            if record.rec_type != "response":
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in content_type.lower():
                continue
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                continue  # a redirect, a "Not found" or an error page is no article: passed over like a PDF
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read()
            declared = None
            if "charset=" in content_type.lower():
                declared = content_type.lower().split("charset=")[-1].split(";")[0].strip()
            try:
                html, encoding = decode_bytes(payload, declared or _html_charset(payload))
            except DecodeError as exc:
                yield Failure(path, f"record {url}: {exc}", number)
                continue
            meta: dict[str, Any] = {}
            warc_date = record.rec_headers.get_header("WARC-Date")
            if warc_date:
                meta["crawled"] = warc_date
            yield RawDocument(
                Source(path=path, url=url, format="warc", item=number),
                normalize_text(html) if normalize else html,
                is_html=True,
                raw_sha256=sha256_hex(payload),
                encoding=encoding,
                meta=meta,
            )
    except (ArchiveLoadFailed, ValueError, OSError) as exc:
        yield Failure(path, f"broken WARC file ({exc})", number or None)
        return
    if not number:
        # a file that yields nothing must say so, or it vanishes from the run without a trace
        yield Failure(path, f"no HTML page (a 2xx HTML response) in the WARC file ({records} records read)")


def read_feed(data: bytes, path: str, *, normalize: bool = True) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield Failure(path, f"not a readable RSS/Atom feed ({reason})")
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry.content), key=len)
        content = content or entry.get("summary", "")
        if not content.strip():
            yield Failure(path, "feed entry has neither content nor summary", number)
            continue
        meta: dict[str, Any] = {}
        if entry.get("title"):
            meta["title"] = entry.title
        published = entry.get("published") or entry.get("updated")
        if published:
            meta["published"] = published
        if entry.get("author"):
            meta["authors"] = [entry.author]
        if outlet:
            meta["outlet"] = outlet
        yield RawDocument(
            Source(path=path, url=entry.get("link"), format="feed", item=number),
            normalize_text(content) if normalize else content,
            is_html="<" in content,
            raw_sha256=sha256_hex(content),
            encoding="utf-8",
            meta=meta,
        )
