"""Timelines across outlets: events and statements ordered by the date they happened, each shown once with
every article that reported it.

Two reports are the same event when they share the day and the PLOVER type, and the actor and target they
both give are the same (by actor id when the articles resolved them, else by folded text; a report that
leaves one out still joins, one that gives neither joins only a copy of its sentence); the same statement when they share the day and
the folded quote text. A statement that is itself an event (a speech act such as "accused") is shown as the
event. Pure functions over store rows, so the CLI, the API and the web page order and merge alike.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])")
_SEASONS = {"SP": "03", "SU": "06", "FA": "09", "WI": "12"}


def sort_date(value: str | None) -> str | None:
    """The first day a TIMEX3-style value covers, as YYYY-MM-DD ("2021-W31" → its Monday, "2021-Q3" →
    2021-07-01, "2021-08-13/2021-08-15" → 2021-08-13), so values of any granularity order together."""
    if not value:
        return None
    value = value.split("/", 1)[0]
    week = _WEEK.match(value)
    if week:  # "2021-W31", or "2021-W31-WE" for its weekend (from the Saturday)
        weekday = 6 if value.endswith("-WE") else 1
        return date.fromisocalendar(int(week.group(1)), int(week.group(2)), weekday).isoformat()
    quarter = _QUARTER.match(value)
    if quarter:
        return f"{quarter.group(1)}-{3 * int(quarter.group(2)) - 2:02d}-01"
    season = re.match(r"^(\d{4})-(SP|SU|FA|WI)", value)
    if season:
        return f"{season.group(1)}-{_SEASONS[season.group(2)]}-01"
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    if re.match(r"^\d{4}-\d{2}$", value):
        return value + "-01"
    if re.match(r"^\d{4}$", value):
        return value + "-01-01"
    return None


def _fold(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _who(part: dict[str, Any] | None) -> str:
    if not part:
        return ""
    return part.get("entity") or _fold(part.get("text"))


def _source(row: dict[str, Any]) -> dict[str, Any]:
    return {"article_id": row["article_id"], "outlet": row["outlet"], "title": row["title"],
            "published": row["published"]}


def build_timeline(events: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline entries (``kind`` event or statement) from store rows, merged across articles and sorted by
    the day they happened; entries with no known date come last."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    by_day_type: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    speech_events = {(e["article_id"], e["quote"]) for e in events
                     if e["quote"] is not None and e["trigger"]["start"] == _cue_start(quotes, e)}
    for e in events:
        day = sort_date(e["date"])
        who, whom = _who(e["actor"]), _who(e["target"])
        candidates = by_day_type.setdefault((day, e["type"]), [])
        sentence = _fold(e["sentence"]["text"])
        entry = next((c for c in candidates if _same_sentence(sentence, c["_sentences"])
                      or _same_event(c["_who"], c["_whom"], who, whom)), None)
        if entry is None:
            entry = {
                "kind": "event", "date": day, "value": e["date"], "date_source": e["date_source"], "type": e["type"],
                "mode": e["mode"], "modality": e["modality"], "actor": e["actor"], "target": e["target"],
                "location": e["location"], "quantities": e["quantities"], "text": e["sentence"]["text"],
                "trigger": e["trigger"]["text"], "time": e["time"], "sources": [], "_who": who, "_whom": whom,
                "_sentences": set()}
            candidates.append(entry)
            merged[("event", day, e["type"], len(merged))] = entry
        entry["sources"].append(_source(e))
        entry["_sentences"].add(sentence)
        for name in ("location", "actor", "target", "mode"):
            entry[name] = entry[name] or e[name]
        entry["_who"], entry["_whom"] = entry["_who"] or who, entry["_whom"] or whom
        if not entry["quantities"]:
            entry["quantities"] = e["quantities"]
    for entry in merged.values():
        del entry["_who"], entry["_whom"], entry["_sentences"]
    for q in quotes:
        if (q["article_id"], q["position"]) in speech_events:
            continue
        day = sort_date(q["published"])
        key = ("statement", day, _fold(q["text"]))
        entry = merged.setdefault(key, {"kind": "statement", "date": day, "value": day, "date_source": "published",
                                        "text": q["text"], "speaker": q["speaker"], "sources": []})
        entry["sources"].append(_source(q))
    return sorted(merged.values(), key=lambda x: (x["date"] is None, x["date"] or "", x["kind"], _fold(x["text"])))


def _same_sentence(sentence: str, seen: set[str]) -> bool:
    """The same sentence, or a copy of it behind a dateline ("PORT ALDER, March 12 (Wire) - …")."""
    return sentence in seen or len(sentence) >= 40 and any(
        len(other) >= 40 and (sentence in other or other in sentence) for other in seen)


def _same_event(who: str, whom: str, other_who: str, other_whom: str) -> bool:
    """Reports of one day and type name the same event when a participant they both give is the same and
    none they both give differs (a report that leaves the actor out still joins)."""
    pairs = [(a, b) for a, b in ((who, other_who), (whom, other_whom)) if a and b]
    return bool(pairs) and all(a == b for a, b in pairs)


def _cue_start(quotes: list[dict[str, Any]], event: dict[str, Any]) -> int | None:
    for q in quotes:
        if q["article_id"] == event["article_id"] and q.get("position") == event["quote"] and q["cue"]:
            return q["cue"]["start"]
    return None


def store_timeline(store: Any, *, actor: str | None = None, search: str | None = None, type: str | None = None,
                   since: str | None = None, until: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """The timeline of a store: its events (by actor or target, type, words of the sentence, event date)
    and, unless a type is asked for, its statements (by speaker, full-text query, publication date).
    Raises :class:`newsloom.store.QueryError` for a malformed query."""
    events = store.events(actor=actor, type=type, search=search, since=since, until=until, limit=limit)
    quotes: list[dict[str, Any]] = []
    if not type:
        if actor:
            record = store.actor(actor, limit=limit)
            quotes = [q for q in (record["quotes_by"] if record else [])
                      if (not since or (q["published"] or "") >= since)
                      and (not until or (q["published"] or "")[:10] <= until)]
        else:
            quotes = store.quotes(search=search, since=since, until=until, limit=limit)
    return build_timeline(events, quotes)[:limit]
