"""Storage behind one small interface (:class:`~newsloom.store.base.Store`).

``open_store(None)`` opens ``$NEWSLOOM_DB`` or ``./newsloom.db`` (SQLite); a ``postgresql://`` URL opens
the PostgreSQL backend.
"""

from __future__ import annotations

import os
import re

from newsloom.store.base import Batch, QueryError, Store
from newsloom.store.sqlite import SQLiteStore

DEFAULT_DB = "newsloom.db"

__all__ = ["Batch", "QueryError", "Store", "SQLiteStore", "display_url", "open_store", "resolve_db"]


def resolve_db(db: str | None) -> str:
    return db or os.environ.get("NEWSLOOM_DB") or DEFAULT_DB


def display_url(url: str) -> str:
    """A store URL fit to print: a password in it is masked."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def open_store(db: str | None = None) -> Store:
    url = resolve_db(db)
    if url.startswith(("postgresql://", "postgres://")):
        from newsloom.store.postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return SQLiteStore(url)
