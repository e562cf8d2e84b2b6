"""Article content as HTML: always escaped first, then marked up by offsets (mentions, times, quotes)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from newsloom.store.base import HIT_END, HIT_START


def highlight(snippet: str | None) -> Markup:
    """A search snippet with its matched words in ``<mark>`` (the text itself escaped)."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: a ``javascript:`` or ``data:`` URL in an article is shown as text."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _non_overlapping(spans: list[tuple[int, int, str, Any]]) -> list[tuple[int, int, str, Any]]:
    kept: list[tuple[int, int, str, Any]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[1] > span[0] and (not kept or span[0] >= kept[-1][1]):
            kept.append(span)
    return kept


def _text(chunk: str) -> str:
    return str(escape(chunk)).replace("\n", "<br>")


def annotated_body(article: dict[str, Any]) -> Markup:
    """The body with actor mentions linked to their actor page, time expressions marked with their value,
    event triggers marked with their type, and quotes marked with their speaker. Spans that would cross another are left unmarked."""
    body = article["body"]
    inner = _non_overlapping(
        [(m["start"], m["end"], "actor", e) for e in article.get("entities", []) for m in e["mentions"]]
        + [(t["start"], t["end"], "time", t) for t in article.get("times", [])]
        + [(e["trigger"]["start"], e["trigger"]["end"], "event", e) for e in article.get("events", [])]
    )
    quotes = _non_overlapping([(q["start"], q["end"], "quote", q) for q in article.get("quotes", [])])
    inner = [s for s in inner
             if all(s[1] <= q[0] or s[0] >= q[1] or (q[0] <= s[0] and s[1] <= q[1]) for q in quotes)]
    opens: dict[int, list[str]] = defaultdict(list)
    closes: dict[int, list[str]] = defaultdict(list)
    for start, end, _, q in quotes:
        speaker = q["speaker"]["name"] or "unknown speaker"
        opens[start].append(f'<span class="quote" title="{escape(speaker)}">')
        closes[end].append("</span>")
    for start, end, kind, item in inner:
        if kind == "actor":
            href = "/actors/" + url_quote(item["id"], safe=":~")
            opens[start].append(f'<a class="actor {escape(item["type"].lower())}" href="{escape(href)}" '
                                f'title="{escape(item["name"])}">')
            closes[end].insert(0, "</a>")
        elif kind == "event":
            label = item["type"] + (f'/{item["mode"]}' if item["mode"] else "") + f' · {item["modality"]}'
            opens[start].append(f'<mark class="event" title="{escape(label)}">')
            closes[end].insert(0, "</mark>")
        else:
            opens[start].append(f'<time class="when" title="{escape(item["value"] or "unresolved")}">')
            closes[end].insert(0, "</time>")
    out, previous = [], 0
    for point in sorted({*opens, *closes, len(body)}):
        out.append(_text(body[previous:point]))
        out.extend(closes.get(point, ()))
        out.extend(opens.get(point, ()))
        previous = point
    return Markup("".join(out))
