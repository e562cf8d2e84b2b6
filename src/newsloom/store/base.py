"""The store interface: everything the pipeline and the CLI need from a database, and nothing more.

A backend implements :class:`Store`; :func:`newsloom.store.open_store` picks one from a URL or path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from newsloom.record import Article, Failure

#: what marks a matched word in a search snippet (control characters no article text contains after decoding;
#: the CLI and the web pages turn them into their own highlighting after escaping the text)
HIT_START, HIT_END = "\x02", "\x03"


class QueryError(ValueError):
    """A user's search query the backend cannot run (e.g. malformed full-text syntax)."""


@dataclass
class Batch:
    """What one transaction writes: new articles, their MinHash signatures and line keys, relinked
    duplicates (``{id: duplicate_of}``) and failures."""

    articles: list[Article] = field(default_factory=list)
    signatures: dict[str, bytes | None] = field(default_factory=dict)
    line_keys: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # id -> (group, keys)
    links: dict[str, str | None] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles) + len(self.failures)


class Store(Protocol):
    url: str

    def existing_ids(self, ids: Iterable[str]) -> set[str]: ...

    def write_batch(self, batch: Batch) -> None:
        """Write all of ``batch`` in one transaction (all or nothing)."""

    def duplicate_rows(self) -> Iterator[tuple[str, str | None, str, bytes | None, str | None]]:
        """``(id, published, body_sha256, minhash, duplicate_of)`` for every stored article."""

    def line_counts(self) -> Iterator[tuple[str, str, int]]: ...

    def get_article(self, article_id: str) -> dict[str, Any] | None: ...

    def list_articles(self, *, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[dict[str, Any]]: ...

    def iter_articles(self) -> Iterator[dict[str, Any]]: ...

    def search(self, query: str, *, limit: int = 20, outlet: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict[str, Any]]:
        """Articles matching a full-text query, best first, with a snippet (matches between HIT_START and
        HIT_END), optionally only from one outlet and a publication-date range."""

    def quotes(self, *, speaker: str | None = None, entity: str | None = None, search: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 100,
               offset: int = 0) -> list[dict[str, Any]]: ...

    def events(self, *, actor: str | None = None, type: str | None = None, search: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 100,
               offset: int = 0) -> list[dict[str, Any]]:
        """Event records by the date they happened, filterable by actor or target, type, words, dates."""

    def actor_names(self) -> Iterator[tuple[str, str, str, str | None, int]]:
        """``(provisional id, name, type, gazetteer id, articles)`` for every actor id articles used."""

    def set_actor_links(self, links: dict[str, str]) -> None:
        """Replace the provisional → canonical actor id map, in one transaction."""

    def actors(self, *, type: str | None = None, search: str | None = None, limit: int = 50,
               offset: int = 0) -> list[dict[str, Any]]: ...

    def resolve_actor(self, name_or_id: str) -> str | None: ...

    def actor(self, name_or_id: str, *, limit: int = 50) -> dict[str, Any] | None: ...

    def failures(self) -> list[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]: ...

    def close(self) -> None: ...
