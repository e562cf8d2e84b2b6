"""PostgreSQL store (psycopg 3): the same schema and queries as SQLite, full-text search on tsvector + GIN.

``open_store("postgresql://user@host/db")`` or ``NEWSLOOM_DB=postgresql://…``. Migrations are SQLite's
(``store/migrations``) where their SQL is portable and ``store/migrations_pg`` where it is not (tables with
full-text search), under the same version numbers; the applied version is kept in ``newsloom_schema`` and
migrations run under an advisory lock, so several processes can open a new database.
"""

from __future__ import annotations

import re
from typing import Any

import psycopg
from psycopg import errors

from newsloom.store.base import QueryError
from newsloom.store.sql import SQLStore, article_filters, fts_query, migrations

_MIGRATE_LOCK = 0x6E6C6D67  # "nlmg": one advisory lock id for newsloom migrations


class Row(tuple):
    """A row that indexes by position and by column name, like ``sqlite3.Row``, so the shared queries read
    rows the same way on both engines."""

    _index: dict[str, int]

    def __new__(cls, values: tuple, index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        return tuple.__getitem__(self, self._index[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: psycopg.Cursor) -> Any:
    names = [c.name for c in cursor.description or ()]
    index = {name: i for i, name in enumerate(names)}
    return lambda values: Row(values, index)


def _qmark(sql: str) -> str:
    """The shared queries' ``?`` parameters as psycopg's ``%s`` (and a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _Cursor:
    def __init__(self, cursor: psycopg.Cursor) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Any = None) -> _Cursor:
        self._cursor.execute(_qmark(sql) if params is not None else sql, params)
        return self

    def executemany(self, sql: str, rows: Any) -> _Cursor:
        rows = list(rows)
        if rows:
            self._cursor.executemany(_qmark(sql), rows)
        return self

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    def __iter__(self) -> Any:
        return iter(self._cursor)


class _Connection:
    """psycopg with ``?`` parameters; autocommit, so ``BEGIN``/``COMMIT`` are explicit as on SQLite."""

    def __init__(self, url: str) -> None:
        self.raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory)

    def cursor(self) -> _Cursor:
        return _Cursor(self.raw.cursor())

    def execute(self, sql: str, params: Any = None) -> _Cursor:
        return self.cursor().execute(sql, params)

    def close(self) -> None:
        self.raw.close()


def websearch_text(query: str) -> str:
    """A query in newsloom's search syntax ("phrases", AND/OR/NOT, prefix*) for ``websearch_to_tsquery``,
    after the same validation SQLite's search gets."""
    fts_query(query)  # raises QueryError for an unclosed quotation mark or a query of operators only
    out = []
    negate = False
    for token in re.findall(r'"[^"]*"|\S+', query):
        if token == "AND":
            continue
        if token == "NOT":
            negate = True
            continue
        token = token.rstrip("*") or token
        out.append(("-" if negate else "") + token)
        negate = False
    return " ".join(out)


def postgres_migrations() -> list[tuple[int, str]]:
    """SQLite's migrations, with PostgreSQL's own file for the versions that need one."""
    return sorted({**dict(migrations()), **dict(migrations("migrations_pg"))}.items())


class PostgresStore(SQLStore):
    BEGIN = "BEGIN"
    QUERY_ERRORS = (errors.SyntaxError, errors.InvalidTextRepresentation)

    def __init__(self, url: str) -> None:
        self.url = url
        self.conn = _Connection(url)
        self.migrate()

    def schema_version(self) -> int:
        exists = self.conn.execute("SELECT to_regclass('newsloom_schema') IS NOT NULL").fetchone()[0]
        if not exists:
            return 0
        return self.conn.execute("SELECT COALESCE(MAX(version), 0) FROM newsloom_schema").fetchone()[0]

    def migrate(self) -> None:
        pending = [(v, sql) for v, sql in postgres_migrations() if v > self.schema_version()]
        if not pending:
            return
        cur = self.conn.cursor()
        cur.execute("BEGIN")
        try:
            cur.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATE_LOCK,))
            cur.execute("CREATE TABLE IF NOT EXISTS newsloom_schema (version INTEGER PRIMARY KEY)")
            current = self.schema_version()  # re-read under the lock: another process may have migrated
            for version, sql in pending:
                if version > current:
                    cur.execute(sql)
                    cur.execute("INSERT INTO newsloom_schema (version) VALUES (?)", (version,))
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def search(self, query: str, *, limit: int = 20, outlet: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict[str, Any]]:
        text = websearch_text(query)
        conditions, params = article_filters(outlet, since, until)
        where = "".join(" AND " + c for c in conditions)
        try:
            rows = self.conn.execute(
                "SELECT a.id, a.title, a.published, a.outlet, "
                "ts_headline('simple', a.body, q, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=8') "
                "AS snippet, "
                "-ts_rank_cd(a.fts, q) AS rank FROM articles a, websearch_to_tsquery('simple', ?) q "
                f"WHERE a.fts @@ q {where} ORDER BY rank, a.id LIMIT ?",
                (text, *params, limit),
            ).fetchall()
        except self.QUERY_ERRORS as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc
        return [dict(r) for r in rows]

    def _quote_text_filter(self, query: str) -> tuple[str, list[Any]]:
        return "q.fts @@ websearch_to_tsquery('simple', ?)", [websearch_text(query)]
