"""SQLite store (the default): WAL, one transaction per batch, versioned migrations, FTS5 over title+body."""

from __future__ import annotations

import sqlite3
from typing import Any

from newsloom.store.base import QueryError
from newsloom.store.sql import SQLStore, article_filters, fts_query, migrations


class SQLiteStore(SQLStore):
    BEGIN = "BEGIN IMMEDIATE"
    QUERY_ERRORS = (sqlite3.OperationalError,)

    def __init__(self, path: str) -> None:
        self.url = path
        self.conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        current = self.schema_version()
        for version, sql in migrations():
            if version <= current:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                # re-check inside the lock: another process may have migrated meanwhile
                if self.schema_version() < version:
                    for statement in _split_sql(sql):
                        self.conn.execute(statement)
                    self.conn.execute(f"PRAGMA user_version = {int(version)}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def search(self, query: str, *, limit: int = 20, outlet: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict[str, Any]]:
        match = fts_query(query)
        conditions, params = article_filters(outlet, since, until)
        where = "".join(" AND " + c for c in conditions)
        try:
            rows = self.conn.execute(
                "SELECT a.id, a.title, a.published, a.outlet, "
                "snippet(articles_fts, 1, char(2), char(3), ' … ', 12) AS snippet, bm25(articles_fts) AS rank "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? {where} ORDER BY rank LIMIT ?",
                (match, *params, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc
        return [dict(r) for r in rows]

    def _quote_text_filter(self, query: str) -> tuple[str, list[Any]]:
        return "q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", [fts_query(query)]


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file (``sqlite3.complete_statement`` keeps trigger bodies whole)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
