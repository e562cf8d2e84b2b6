"""What every SQL backend shares: the schema's queries, written once in portable SQL with ``?`` parameters.

A backend (:mod:`newsloom.store.sqlite`, :mod:`newsloom.store.postgres`) subclasses :class:`SQLStore` with a
connection whose ``execute`` takes ``?`` parameters and rows that index by position and by name, and adds
what differs between engines: connecting, the schema version, migrations, and full-text search.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from newsloom.record import Article
from newsloom.store.base import Batch, QueryError
from newsloom.temporal import first_day

ARTICLE_COLUMNS = (
    "id, source_path, source_url, source_format, source_item, title, published, authors, outlet, dateline, "
    "language, body, raw_sha256, body_sha256, duplicate_of, extra, ingested_at"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations(folder_name: str = "migrations") -> list[tuple[int, str]]:
    """``(version, sql)`` for every file in ``store/<folder_name>``, in order."""
    folder = resources.files("newsloom.store") / folder_name
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


#: quotes with their article, speaker entities made canonical
QUOTES_FROM = "quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actor_links ql ON ql.actor_id = q.entity"
#: per-article actors with their canonical id as ``cid``
ACTORS_FROM = "actors_canonical"
QUOTE_COLUMNS = (
    'q.article_id, q.position, q.text, q.start, q."end", q.kind, q.act, q.cue, q.cue_start, q.cue_end, q.speaker, '
    "q.mention, q.mention_start, q.mention_end, q.role, COALESCE(ql.canonical, q.entity) AS entity, q.via, q.source, q.source_start, q.source_end, "
    "a.published, a.title, a.outlet"
)


def _quote_row(row: Any) -> dict[str, Any]:
    """A stored quote in the shape of the ``extract`` contract, plus its article's date/title/outlet."""
    r = dict(row)
    return {
        "article_id": r["article_id"], "position": r["position"], "text": r["text"], "start": r["start"], "end": r["end"], "kind": r["kind"], "act": r["act"],
        "cue": None if r["cue"] is None else {"text": r["cue"], "start": r["cue_start"], "end": r["cue_end"]},
        "speaker": {
            "name": r["speaker"], "role": r["role"], "entity": r["entity"],
            "mention": None if r["mention"] is None
            else {"text": r["mention"], "start": r["mention_start"], "end": r["mention_end"]},
        },
        "via": r["via"],
        "source": None if r["source"] is None
        else {"text": r["source"], "start": r["source_start"], "end": r["source_end"]},
        "published": r["published"], "title": r["title"], "outlet": r["outlet"],
    }


#: events with their article, participants' actor ids made canonical
EVENTS_FROM = (
    "events e JOIN articles a ON a.id = e.article_id "
    "LEFT JOIN actor_links la ON la.actor_id = e.actor_entity "
    "LEFT JOIN actor_links lt ON lt.actor_id = e.target_entity "
    "LEFT JOIN actor_links ll ON ll.actor_id = e.location_entity"
)
EVENT_COLUMNS = (
    "e.article_id, e.position, e.type, e.mode, e.coded, e.trigger_text, e.trigger_start, e.trigger_end, "
    "e.actor, e.actor_start, e.actor_end, COALESCE(la.canonical, e.actor_entity) AS actor_entity, e.actor_name, "
    "e.target, e.target_start, e.target_end, COALESCE(lt.canonical, e.target_entity) AS target_entity, e.target_name, "
    "e.location, e.location_start, e.location_end, COALESCE(ll.canonical, e.location_entity) AS location_entity, "
    "e.location_name, e.date, e.day, e.date_source, e.time_text, e.time_start, e.time_end, e.quantities, e.modality, "
    "e.sentence_start, e.sentence_end, e.quote, e.acled, "
    "substr(a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence, "
    "a.published, a.title, a.outlet"
)
_PARTICIPANTS = ("actor", "target", "location")
#: the columns of the events table, in the order :func:`_event_values` gives them
EVENT_FIELDS = (
    "article_id", "position", "type", "mode", "coded", "trigger_text", "trigger_start", "trigger_end",
    *(f"{p}{suffix}" for p in _PARTICIPANTS for suffix in ("", "_start", "_end", "_entity", "_name")),
    "date", "day", "date_source", "time_text", "time_start", "time_end", "quantities", "modality", "sentence_start",
    "sentence_end", "quote", "acled",
)


def _participant(r: dict[str, Any], name: str) -> dict[str, Any] | None:
    if r[name] is None:
        return None
    return {"text": r[name], "start": r[f"{name}_start"], "end": r[f"{name}_end"], "entity": r[f"{name}_entity"],
            "name": r[f"{name}_name"]}


def _event_row(row: Any) -> dict[str, Any]:
    """A stored event in the shape of the ``extract`` contract, plus its article's date/title/outlet."""
    r = dict(row)
    return {
        "article_id": r["article_id"], "position": r["position"], "type": r["type"], "mode": r["mode"],
        "coded": r["coded"],
        "trigger": {"text": r["trigger_text"], "start": r["trigger_start"], "end": r["trigger_end"]},
        **{name: _participant(r, name) for name in _PARTICIPANTS},
        "date": r["date"], "day": r["day"], "date_source": r["date_source"],
        "time": None if r["time_text"] is None
        else {"text": r["time_text"], "start": r["time_start"], "end": r["time_end"]},
        "quantities": json.loads(r["quantities"] or "[]"), "modality": r["modality"],
        "sentence": {"text": r["sentence"], "start": r["sentence_start"], "end": r["sentence_end"]},
        "quote": r["quote"], "acled": r["acled"],
        "published": r["published"], "title": r["title"], "outlet": r["outlet"],
    }


def _event_values(article_id: str, position: int, e: Any) -> tuple[Any, ...]:
    parts: list[Any] = []
    for p in (e.actor, e.target, e.location):
        parts += [None] * 5 if p is None else [p.text, p.start, p.end, p.entity, p.name]
    return (
        article_id, position, e.type, e.mode, e.coded, e.trigger.text, e.trigger.start, e.trigger.end, *parts,
        e.date, first_day(e.date), e.date_source, e.time.text if e.time else None, e.time.start if e.time else None,
        e.time.end if e.time else None, json.dumps([asdict(q) for q in e.quantities], ensure_ascii=False),
        e.modality, e.sentence.start, e.sentence.end, e.quote, e.acled,
    )


def _row_to_article(row: Any) -> dict[str, Any]:
    data = dict(row)
    data["authors"] = json.loads(data.get("authors") or "[]")
    data["extra"] = json.loads(data.get("extra") or "{}")
    data["source"] = {
        "path": data.pop("source_path"),
        "url": data.pop("source_url"),
        "format": data.pop("source_format"),
    }
    item = data.pop("source_item", None)
    if item is not None:
        data["source"]["item"] = item
    return data


class SQLStore:
    """The shared part of the SQL backends. Subclasses set ``conn``, ``url`` and the class attributes."""

    #: what opens a write transaction
    BEGIN = "BEGIN"
    #: the engine's exceptions for a query it cannot run (malformed full-text syntax)
    QUERY_ERRORS: tuple[type[Exception], ...] = ()
    conn: Any
    url: str

    # -- schema (engine-specific) -----------------------------------------------------------------------
    def schema_version(self) -> int:
        raise NotImplementedError

    def migrate(self) -> None:
        raise NotImplementedError

    # -- full-text search (engine-specific) -------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20, outlet: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _quote_text_filter(self, query: str) -> tuple[str, list[Any]]:
        """A WHERE condition on ``q`` (quotes) for a full-text query, and its parameters."""
        raise NotImplementedError

    # -- writing ----------------------------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def write_batch(self, batch: Batch) -> None:
        now = _now()
        cur = self.conn.cursor()
        cur.execute(self.BEGIN)
        try:
            for article in batch.articles:
                self._insert_article(cur, article, batch.signatures.get(article.id), now)
            for group, keys in batch.line_keys.values():
                cur.executemany(
                    "INSERT INTO line_counts (grp, line_key, docs) VALUES (?, ?, 1) "
                    "ON CONFLICT (grp, line_key) DO UPDATE SET docs = line_counts.docs + 1",
                    [(group, key) for key in keys],
                )
            cur.executemany(
                "UPDATE articles SET duplicate_of = ? WHERE id = ?",
                [(target, article_id) for article_id, target in batch.links.items()],
            )
            cur.executemany(
                "INSERT INTO failures (path, item, reason, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (path, item, reason) DO UPDATE SET last_seen = excluded.last_seen",
                [(f.path, -1 if f.item is None else f.item, f.reason, now, now) for f in batch.failures],
            )
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def _insert_article(self, cur: Any, a: Article, signature: bytes | None, now: str) -> None:
        cur.execute(
            f"INSERT INTO articles ({ARTICLE_COLUMNS}, minhash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (
                a.id, a.source.path, a.source.url, a.source.format, a.source.item, a.title, a.published,
                json.dumps(a.authors, ensure_ascii=False), a.outlet, a.dateline, a.language, a.body,
                a.raw_sha256, a.body_sha256, a.duplicate_of, json.dumps(a.extra, ensure_ascii=False, default=str),
                now, signature,
            ),
        )
        if cur.rowcount == 0:
            return  # already stored: nothing of it is written twice
        cur.executemany(
            "INSERT INTO removed_lines (article_id, position, text, kind, score) VALUES (?, ?, ?, ?, ?)",
            [(a.id, i, r.text, r.kind, r.score) for i, r in enumerate(a.removed)],
        )
        cur.executemany(
            'INSERT INTO quotes (article_id, position, text, start, "end", kind, act, cue, cue_start, cue_end, '
            "speaker, mention, mention_start, mention_end, role, entity, via, source, source_start, source_end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id, i, q.text, q.start, q.end, q.kind, q.act,
                    q.cue.text if q.cue else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
                    q.speaker.name, q.speaker.mention.text if q.speaker.mention else None,
                    q.speaker.mention.start if q.speaker.mention else None,
                    q.speaker.mention.end if q.speaker.mention else None,
                    q.speaker.role, q.speaker.entity, q.via,
                    q.source.text if q.source else None, q.source.start if q.source else None,
                    q.source.end if q.source else None,
                )
                for i, q in enumerate(a.quotes)
            ],
        )
        cur.executemany(
            'INSERT INTO times (article_id, position, text, start, "end", value, reference) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(a.id, i, t.text, t.start, t.end, t.value, t.reference) for i, t in enumerate(a.times)],
        )
        cur.executemany(
            "INSERT INTO article_actors (article_id, position, actor_id, name, type, gazetteer) VALUES (?, ?, ?, ?, ?, ?)",
            [(a.id, i, e.id, e.name, e.type, e.gazetteer) for i, e in enumerate(a.entities)],
        )
        cur.executemany(
            'INSERT INTO actor_mentions (article_id, actor, text, start, "end") VALUES (?, ?, ?, ?, ?)',
            [(a.id, i, m.text, m.start, m.end) for i, e in enumerate(a.entities) for m in e.mentions],
        )
        cur.executemany(
            "INSERT INTO actor_roles (article_id, actor, role, date, source) VALUES (?, ?, ?, ?, ?)",
            [(a.id, i, r.role, r.date, r.source) for i, e in enumerate(a.entities) for r in e.roles],
        )
        cur.executemany(
            f"INSERT INTO events ({', '.join(EVENT_FIELDS)}) VALUES ({', '.join('?' * len(EVENT_FIELDS))})",
            [_event_values(a.id, i, e) for i, e in enumerate(a.events)],
        )

    # -- reading ----------------------------------------------------------------------------------------
    def duplicate_rows(self) -> Iterator[tuple[str, str | None, str, bytes | None, str | None]]:
        yield from self.conn.execute("SELECT id, published, body_sha256, minhash, duplicate_of FROM articles")

    def line_counts(self) -> Iterator[tuple[str, str, int]]:
        yield from self.conn.execute("SELECT grp, line_key, docs FROM line_counts")

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            rows = self.conn.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id LIKE ? LIMIT 2", (article_id + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            return None
        data = _row_to_article(row)
        data["removed"] = [
            {"text": r["text"], "kind": r["kind"], "score": r["score"]}
            for r in self.conn.execute(
                "SELECT text, kind, score FROM removed_lines WHERE article_id = ? ORDER BY position", (data["id"],)
            )
        ]
        data["quotes"] = [
            _quote_row(r)
            for r in self.conn.execute(
                f"SELECT {QUOTE_COLUMNS} FROM {QUOTES_FROM} "
                "WHERE q.article_id = ? ORDER BY q.position", (data["id"],)
            )
        ]
        data["times"] = [
            dict(r) for r in self.conn.execute(
                'SELECT text, start, "end", value, reference FROM times WHERE article_id = ? ORDER BY position',
                (data["id"],),
            )
        ]
        data["entities"] = self._article_entities(data["id"])
        data["events"] = [
            _event_row(r) for r in self.conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM {EVENTS_FROM} WHERE e.article_id = ? ORDER BY e.position", (data["id"],))
        ]
        data["duplicates"] = [
            r[0] for r in self.conn.execute("SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", (data["id"],))
        ]
        return data

    def _article_entities(self, article_id: str) -> list[dict[str, Any]]:
        entities = []
        for row in self.conn.execute(
            f"SELECT cid, position, name, type, gazetteer FROM {ACTORS_FROM} WHERE article_id = ? ORDER BY position",
            (article_id,),
        ):
            entities.append({
                "id": row["cid"], "name": row["name"], "type": row["type"], "gazetteer": row["gazetteer"],
                "roles": [dict(r) for r in self.conn.execute(
                    "SELECT role, date, source FROM actor_roles WHERE article_id = ? AND actor = ?",
                    (article_id, row["position"]))],
                "mentions": [dict(r) for r in self.conn.execute(
                    'SELECT text, start, "end" FROM actor_mentions WHERE article_id = ? AND actor = ? ORDER BY start',
                    (article_id, row["position"]))],
            })
        return entities

    # -- actors -----------------------------------------------------------------------------------------
    def actor_names(self) -> Iterator[tuple[str, str, str, str | None, int]]:
        """``(provisional id, name, type, gazetteer id, articles)`` for every actor id articles used."""
        yield from self.conn.execute(
            "SELECT actor_id, MIN(name), MIN(type), MIN(gazetteer), COUNT(*) FROM article_actors GROUP BY actor_id"
        )

    def set_actor_links(self, links: dict[str, str]) -> None:
        """Replace the provisional → canonical map (only ids that change are stored)."""
        cur = self.conn.cursor()
        cur.execute(self.BEGIN)
        try:
            cur.execute("DELETE FROM actor_links")
            cur.executemany("INSERT INTO actor_links (actor_id, canonical) VALUES (?, ?)",
                            [(k, v) for k, v in links.items() if k != v])
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def actors(self, *, type: str | None = None, search: str | None = None, limit: int = 50,
               offset: int = 0) -> list[dict[str, Any]]:
        """Canonical actors by number of articles; ``search`` matches any name or mention (substring)."""
        where, params = [], []
        if type:
            where.append("c.cid IN (SELECT cid FROM " + ACTORS_FROM + " WHERE type = ?)")
            params.append(type.upper())
        if search:
            where.append(
                "c.cid IN (SELECT x.cid FROM " + ACTORS_FROM + " x WHERE lower(x.name) LIKE lower(?) OR EXISTS ("
                "SELECT 1 FROM actor_mentions m WHERE m.article_id = x.article_id AND m.actor = x.position "
                "AND lower(m.text) LIKE lower(?)))"
            )
            params += [f"%{search}%", f"%{search}%"]
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = self.conn.execute(
            f"SELECT c.cid AS id, COALESCE(MAX(CASE WHEN c.actor_id = c.cid THEN c.name END), MIN(c.name)) AS name, "
            "COALESCE(MAX(CASE WHEN c.actor_id = c.cid THEN c.type END), MIN(c.type)) AS type, "
            f"MIN(c.gazetteer) AS gazetteer, COUNT(DISTINCT c.article_id) AS articles FROM {ACTORS_FROM} c "
            f"{clause} GROUP BY c.cid ORDER BY articles DESC, name LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [dict(r) for r in rows]

    def resolve_actor(self, name_or_id: str) -> str | None:
        """The canonical id of an actor given by id, provisional id, name or any mention text."""
        row = self.conn.execute(
            f"SELECT cid FROM {ACTORS_FROM} WHERE cid = ? OR actor_id = ? LIMIT 1", (name_or_id, name_or_id)
        ).fetchone()
        if row is None:
            row = self.conn.execute(
                f"SELECT c.cid, COUNT(*) AS n FROM {ACTORS_FROM} c WHERE lower(c.name) = lower(?) OR EXISTS ("
                "SELECT 1 FROM actor_mentions m WHERE m.article_id = c.article_id AND m.actor = c.position "
                "AND lower(m.text) = lower(?)) GROUP BY c.cid ORDER BY n DESC LIMIT 1",
                (name_or_id, name_or_id),
            ).fetchone()
        if row is None:  # part of a name: "Reyes" finds "Daniel Reyes"
            row = self.conn.execute(
                f"SELECT cid, COUNT(*) AS n FROM {ACTORS_FROM} WHERE lower(name) LIKE lower(?) GROUP BY cid ORDER BY n DESC LIMIT 1",
                (f"%{name_or_id}%",),
            ).fetchone()
        return row[0] if row else None

    def actor(self, name_or_id: str, *, limit: int = 50) -> dict[str, Any] | None:
        """One canonical actor: names used, roles over time, quotes by and about, co-occurring actors,
        articles."""
        cid = self.resolve_actor(name_or_id)
        if cid is None:
            return None
        summary = self.conn.execute(
            f"SELECT COALESCE(MAX(CASE WHEN actor_id = cid THEN name END), MIN(name)) AS name, "
            f"COALESCE(MAX(CASE WHEN actor_id = cid THEN type END), MIN(type)) AS type, MIN(gazetteer) AS gazetteer, "
            f"COUNT(DISTINCT article_id) AS article_count FROM {ACTORS_FROM} WHERE cid = ?", (cid,)
        ).fetchone()
        own = f"SELECT article_id, position FROM {ACTORS_FROM} WHERE cid = ?"
        aliases = self.conn.execute(
            f"SELECT m.text, COUNT(*) AS n FROM actor_mentions m JOIN ({own}) o "
            "ON o.article_id = m.article_id AND o.position = m.actor GROUP BY m.text ORDER BY n DESC, m.text",
            (cid,),
        ).fetchall()
        roles = self.conn.execute(
            f"SELECT r.role, MIN(r.date) AS since, MAX(r.date) AS until, r.source, COUNT(*) AS articles "
            f"FROM actor_roles r JOIN ({own}) o ON o.article_id = r.article_id AND o.position = r.actor "
            "GROUP BY r.role, r.source ORDER BY COALESCE(MIN(r.date), ''), r.role",
            (cid,),
        ).fetchall()
        quotes_by = self.conn.execute(
            f"SELECT {QUOTE_COLUMNS} FROM {QUOTES_FROM} WHERE COALESCE(ql.canonical, q.entity) = ? "
            "ORDER BY COALESCE(a.published, '') DESC, q.article_id, q.position LIMIT ?", (cid, limit)
        ).fetchall()
        quotes_about = self.conn.execute(
            f"SELECT {QUOTE_COLUMNS} FROM {QUOTES_FROM} WHERE COALESCE(ql.canonical, q.entity, '') != ? AND EXISTS ("
            f"SELECT 1 FROM actor_mentions m JOIN ({own}) o ON o.article_id = m.article_id AND o.position = m.actor "
            'WHERE m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end") '
            "ORDER BY COALESCE(a.published, '') DESC, q.article_id, q.position LIMIT ?", (cid, cid, limit)
        ).fetchall()
        co_occurring = self.conn.execute(
            "SELECT x.cid AS id, COALESCE(MAX(CASE WHEN x.actor_id = x.cid THEN x.name END), MIN(x.name)) AS name, "
            "COUNT(DISTINCT x.article_id) AS articles "
            f"FROM {ACTORS_FROM} x WHERE x.article_id IN (SELECT article_id FROM {ACTORS_FROM} WHERE cid = ?) "
            "AND x.cid != ? GROUP BY x.cid ORDER BY articles DESC, name LIMIT ?", (cid, cid, limit)
        ).fetchall()
        articles = self.conn.execute(
            f"SELECT a.id, a.title, a.published, a.outlet FROM articles a WHERE a.id IN (SELECT article_id FROM ({own}) o) "
            "ORDER BY COALESCE(a.published, '') DESC, a.id LIMIT ?", (cid, limit)
        ).fetchall()
        return {
            "id": cid, **dict(summary),
            "aliases": [{"text": r[0], "mentions": r[1]} for r in aliases],
            "roles": [dict(r) for r in roles],
            "quotes_by": [_quote_row(r) for r in quotes_by],
            "quotes_about": [_quote_row(r) for r in quotes_about],
            "events": self.events(actor=cid, limit=limit),
            "co_occurring": [dict(r) for r in co_occurring],
            "articles": [dict(r) for r in articles],
        }

    def list_articles(self, *, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[dict[str, Any]]:
        where, params = ("WHERE outlet = ?", [outlet]) if outlet else ("", [])
        rows = self.conn.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles {where} "
            "ORDER BY COALESCE(published, '') DESC, id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [_row_to_article(r) for r in rows]

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id"):
            yield _row_to_article(row)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        entity: str | None = None,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored quotes, newest articles first; ``speaker`` matches name or mention (case-insensitive
        substring), ``entity`` a canonical actor id the speaker must be, ``search`` is a full-text query over
        quote text and speaker, dates bound publication."""
        where, params = article_filters(None, since, until)
        if speaker:
            where.append("(lower(q.speaker) LIKE lower(?) OR lower(q.mention) LIKE lower(?))")
            params += [f"%{speaker}%", f"%{speaker}%"]
        if entity:
            where.append("COALESCE(ql.canonical, q.entity) = ?")
            params.append(entity)
        if search:
            condition, extra = self._quote_text_filter(search)
            where.append(condition)
            params += extra
        try:
            rows = self._filtered(f"SELECT {QUOTE_COLUMNS} FROM {QUOTES_FROM}", where, params,
                                  "COALESCE(a.published, '') DESC, q.article_id, q.position", limit, offset)
        except self.QUERY_ERRORS as exc:
            raise QueryError(f"cannot search quotes for {search!r}: {exc}") from exc
        return [_quote_row(r) for r in rows]

    def _filtered(self, select: str, where: list[str], params: list[Any], order: str, limit: int,
                  offset: int) -> list[Any]:
        """``select`` with the ANDed ``where`` conditions, in ``order``, one page of rows."""
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        return self.conn.execute(f"{select} {clause} ORDER BY {order} LIMIT ? OFFSET ?",
                                 [*params, limit, offset]).fetchall()

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored events by the date they happened (unknown dates last); ``actor`` (any name, id or
        mention) must be the actor or the target, ``type`` a PLOVER type, ``search`` words of the sentence;
        ``since``/``until`` bound the first day of the event's date (a week by its Monday)."""
        where: list[str] = []
        params: list[Any] = []
        if actor:
            cid = self.resolve_actor(actor)
            if cid is None:
                return []
            where.append("(COALESCE(la.canonical, e.actor_entity) = ? OR COALESCE(lt.canonical, e.target_entity) = ?)")
            params += [cid, cid]
        if type:
            where.append("(e.type = ? OR e.coded = ?)")
            params += [type.upper(), type.upper()]
        if search:
            where.append("lower(substr(a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start)) LIKE lower(?)")
            params.append(f"%{search}%")
        checked_dates(since=since, until=until)
        if since:
            where.append("e.day >= ?")
            params.append(since[:10])
        if until:
            where.append("substr(e.day, 1, ?) <= ?")
            params += [len(until), until]
        rows = self._filtered(f"SELECT {EVENT_COLUMNS} FROM {EVENTS_FROM}", where, params,
                              "CASE WHEN e.day IS NULL THEN 1 ELSE 0 END, e.day, e.article_id, e.position", limit, offset)
        return [_event_row(r) for r in rows]

    def failures(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT path, item, reason, first_seen, last_seen FROM failures ORDER BY path, item")
        return [{**dict(r), "item": None if r["item"] == -1 else r["item"]} for r in rows]

    def stats(self) -> dict[str, Any]:
        one = self.conn.execute(
            "SELECT COUNT(*), COUNT(duplicate_of), MIN(published), MAX(published), "
            "COUNT(DISTINCT outlet), COALESCE(SUM(LENGTH(body)), 0) FROM articles"
        ).fetchone()
        outlets = self.conn.execute(
            "SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC LIMIT 10"
        ).fetchall()
        return {
            "articles": one[0],
            "duplicates": one[1],
            "published_from": one[2],
            "published_to": one[3],
            "outlets": one[4],
            "body_chars": one[5],
            "failures": self.conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0],
            "quotes": self.conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0],
            "actors": self.conn.execute(f"SELECT COUNT(DISTINCT cid) FROM {ACTORS_FROM}").fetchone()[0],
            "events": self.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0],
            "removed_lines": self.conn.execute("SELECT COUNT(*) FROM removed_lines").fetchone()[0],
            "top_outlets": [(r[0], r[1]) for r in outlets],
            "schema_version": self.schema_version(),
        }

    def close(self) -> None:
        self.conn.close()


_DATE_FILTER = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def checked_dates(**bounds: str | None) -> None:
    """Date bounds compare as text, so a malformed one ("notadate", "2021-13-45") would quietly match nothing
    or everything: it is a :class:`QueryError` instead."""
    for name, value in bounds.items():
        if value and not _DATE_FILTER.match(value):
            raise QueryError(f"{name} must be a date: YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}")


def article_filters(outlet: str | None, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    """Conditions on ``a`` (articles) for an outlet and a publication-date range, and their parameters."""
    checked_dates(since=since, until=until)
    where, params = [], []
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:  # a month or a year includes its last day: compare as many characters as the bound has
        where.append("substr(a.published, 1, ?) <= ?")
        params += [len(until), until]
    return where, params


_FTS_TOKEN = re.compile(r'"[^"]*"|\S+')
_FTS_OPERATORS = {"AND", "OR", "NOT"}


def fts_query(text: str) -> str:
    """A user's query as safe FTS5 syntax: "phrases", AND/OR/NOT and prefix* pass through; every other word
    is quoted, so ISIS-K or U.S. search for what they say instead of failing as FTS column syntax."""
    if text.count('"') % 2:
        raise QueryError(f"cannot search for {text!r}: a quotation mark is not closed")
    parts = []
    for token in _FTS_TOKEN.findall(text):
        if token in _FTS_OPERATORS or (token.startswith('"') and token.endswith('"') and len(token) > 1) or token.endswith("*") and token[:-1].isalnum():
            parts.append(token)
        else:
            parts.append('"' + token.replace('"', "") + '"')
    if not parts or all(p in _FTS_OPERATORS for p in parts):
        raise QueryError(f"cannot search for {text!r}: no search words")
    # FTS5's operators are all binary ("a NOT b", never "NOT b"): one at either end or beside another is SQLite's
    # bare "syntax error near ..." otherwise
    dangling = next((p for i, p in enumerate(parts) if p in _FTS_OPERATORS and (
        i in (0, len(parts) - 1) or parts[i + 1] in _FTS_OPERATORS)), None)
    if dangling:
        raise QueryError(f"cannot search for {text!r}: {dangling} needs search words on both sides "
                         f'(write "{dangling.lower()}" in lower case to search for the word)')
    return " ".join(parts)
