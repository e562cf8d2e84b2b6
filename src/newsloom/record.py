"""The records that flow through the pipeline.

One ``RawDocument`` comes out of ingest for every input item; one ``Article`` comes out of cleaning.
Both are plain dataclasses so they pickle cheaply to Dask workers and serialise to the JSON contract of
``newsloom extract`` with :meth:`Article.to_dict`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

InputFormat = Literal["text", "html", "jsonl", "warc", "feed"]

#: The kinds a removed line can have (the ``removed[].kind`` field of the output contract).
REMOVED_KINDS = (
    "title",
    "byline",
    "dateline",
    "caption",
    "teaser",
    "comment",
    "navigation",
    "ad",
    "credit",
    "footer",
    "link",
    "other",
)


@dataclass
class Source:
    """Where an item came from: ``path`` is the file, ``item`` the position inside a multi-item file."""

    path: str | None = None
    url: str | None = None
    format: InputFormat = "text"
    item: int | None = None

    def key(self) -> str:
        """A stable key for this item, used to make re-ingest idempotent."""
        return f"{self.path or ''}#{self.item if self.item is not None else ''}|{self.url or ''}"


@dataclass
class RawDocument:
    """One decoded input item, before cleaning.

    ``text`` holds plain text for ``text`` items and markup for ``html`` items; ``meta`` carries what the
    container already knew (JSONL fields, a feed entry's title and date, a WARC record's URL).
    """

    source: Source
    text: str
    is_html: bool = False
    raw_sha256: str = ""
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class RemovedLine:
    text: str
    kind: str
    #: The classifier's body probability, for inspection (None when a rule removed the line).
    score: float | None = None


@dataclass
class Article:
    """A cleaned article: the contract of ``newsloom extract`` (later stages add fields)."""

    id: str
    source: Source
    title: str | None
    published: str | None
    authors: list[str]
    outlet: str | None
    dateline: str | None
    language: str | None
    body: str
    removed: list[RemovedLine] = field(default_factory=list)
    duplicate_of: str | None = None
    raw_sha256: str = ""
    body_sha256: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    #: attributed statements (newsloom.nlp.quotes.Quote), offsets into ``body``
    quotes: list[Any] = field(default_factory=list)
    #: attributions in the headline itself, offsets into ``title``
    title_quotes: list[Any] = field(default_factory=list)
    #: temporal expressions (newsloom.temporal.TimeExpression), offsets into ``body``, values against
    #: ``published`` (None for relative ones when there is no publication date)
    times: list[Any] = field(default_factory=list)
    #: actors (newsloom.actors.Actor) with their mentions (offsets into ``body``) and roles; ids are
    #: per-article until :mod:`newsloom.link.actors` makes them canonical for a corpus
    entities: list[Any] = field(default_factory=list)
    #: events (newsloom.events.Event): PLOVER type, actor/target/location (actor ids as in ``entities``),
    #: date and which source it came from, quantities, modality, offsets into ``body``
    events: list[Any] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["source"] = {k: v for k, v in data["source"].items() if k != "item" or v is not None}
        return data


@dataclass
class Failure:
    """An input item that could not be turned into an article: recorded, never fatal to the batch."""

    path: str
    reason: str
    item: int | None = None

    def __str__(self) -> str:
        where = self.path if self.item is None else f"{self.path}[{self.item}]"
        return f"{where}: {self.reason}"


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()
