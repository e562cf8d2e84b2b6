"""Timelines across outlets: events and statements ordered by the date they happened, each shown once with
every article that reported it.

Two reports are the same event when they share the day and the PLOVER type, and the actor and target they
both give are the same (by actor id when the articles resolved them, else by folded text; a report that
leaves one out still joins, one that gives neither joins only a copy of its sentence); the same statement when they share the day and
the folded quote text. A statement that is itself an event (a speech act such as "accused") is shown as the
event. Pure functions over store rows, so the CLI, the API and the web page order and merge alike.
"""

from __future__ import annotations

from typing import Any

from newsloom.temporal import first_day, readable_date


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
    entries: list[dict[str, Any]] = []
    by_day_type: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    cue_starts = {(q["article_id"], q["position"]): q["cue"]["start"] for q in quotes if q["cue"]}
    # a statement whose cue is an event's trigger ("accused") is shown as that event
    speech_events = {(e["article_id"], e["quote"]) for e in events
                     if cue_starts.get((e["article_id"], e["quote"])) == e["trigger"]["start"]}
    for e in events:
        day = e["day"]
        who, whom = _who(e["actor"]), _who(e["target"])
        candidates = by_day_type.setdefault((day, e["type"]), [])
        sentence = _fold(e["sentence"]["text"])
        entry = next((c for c in candidates if _same_sentence(sentence, c["_sentences"])
                      or _same_event(c["_who"], c["_whom"], who, whom)), None)
        if entry is None:
            entry = {
                "kind": "event", "date": day, "value": e["date"], "when": readable_date(e["date"]) or day,
                "date_source": e["date_source"], "type": e["type"],
                "mode": e["mode"], "modality": e["modality"], "actor": e["actor"], "target": e["target"],
                "location": e["location"], "quantities": e["quantities"], "text": e["sentence"]["text"],
                "trigger": e["trigger"]["text"], "time": e["time"], "sources": [], "_who": who, "_whom": whom,
                "_sentences": set()}
            candidates.append(entry)
            entries.append(entry)
        entry["sources"].append(_source(e))
        entry["_sentences"].add(sentence)
        for name in ("location", "actor", "target", "mode"):
            entry[name] = entry[name] or e[name]
        entry["_who"], entry["_whom"] = entry["_who"] or who, entry["_whom"] or whom
        if not entry["quantities"]:
            entry["quantities"] = e["quantities"]
    for entry in entries:
        del entry["_who"], entry["_whom"], entry["_sentences"]
    statements: dict[tuple[str | None, str], dict[str, Any]] = {}
    for q in quotes:
        if (q["article_id"], q["position"]) in speech_events:
            continue
        day = first_day(q["published"])
        entry = statements.setdefault((day, _fold(q["text"])), {
            "kind": "statement", "date": day, "value": day, "when": day, "date_source": "published", "text": q["text"],
            "speaker": q["speaker"], "sources": []})
        entry["sources"].append(_source(q))
    return sorted([*entries, *statements.values()],
                  key=lambda x: (x["date"] is None, x["date"] or "", x["kind"], _fold(x["text"])))


def _same_sentence(sentence: str, seen: set[str]) -> bool:
    """The same sentence, or a copy of it behind a dateline ("PORT ALDER, March 12 (Wire) - …")."""
    return sentence in seen or len(sentence) >= 40 and any(
        len(other) >= 40 and (sentence in other or other in sentence) for other in seen)


def _same_event(who: str, whom: str, other_who: str, other_whom: str) -> bool:
    """Reports of one day and type name the same event when a participant they both give is the same and
    none they both give differs (a report that leaves the actor out still joins)."""
    pairs = [(a, b) for a, b in ((who, other_who), (whom, other_whom)) if a and b]
    return bool(pairs) and all(a == b for a, b in pairs)


def store_timeline(store: Any, *, actor: str | None = None, search: str | None = None, type: str | None = None,
                   since: str | None = None, until: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """The timeline of a store: its events (by actor or target, type, words of the sentence, event day)
    and, unless a type is asked for, its statements (by the actor as speaker, full-text query, publication
    date).
    Raises :class:`newsloom.store.QueryError` for a malformed query."""
    events = store.events(actor=actor, type=type, search=search, since=since, until=until, limit=limit)
    quotes: list[dict[str, Any]] = []
    if not type:
        entity = store.resolve_actor(actor) if actor else None
        if not actor or entity is not None:
            quotes = store.quotes(entity=entity, search=search, since=since, until=until, limit=limit)
    return build_timeline(events, quotes)[:limit]
