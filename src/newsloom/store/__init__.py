"""Storage behind one small interface (:class:`~newsloom.store.base.Store`).

``open_store(None)`` opens ``$NEWSLOOM_DB`` or ``./newsloom.db`` (SQLite). A ``postgresql://`` URL is
reserved for the PostgreSQL backend (scale issue).
"""

from __future__ import annotations

import os

from newsloom.store.base import Batch, QueryError, Store
from newsloom.store.sqlite import SQLiteStore

DEFAULT_DB = "newsloom.db"

__all__ = ["Batch", "QueryError", "Store", "SQLiteStore", "open_store", "resolve_db"]


def resolve_db(db: str | None) -> str:
    return db or os.environ.get("NEWSLOOM_DB") or DEFAULT_DB


def open_store(db: str | None = None) -> Store:
    url = resolve_db(db)
    if url.startswith(("postgresql://", "postgres://")):
        raise NotImplementedError("the PostgreSQL backend is not built yet; use a SQLite path")
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return SQLiteStore(url)
