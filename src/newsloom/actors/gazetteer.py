"""The gazetteer: known actors, their aliases and dated roles, read from data files users can extend.

Files are read in order and the first one to claim a name keeps it: user files (``NEWSLOOM_GAZETTEER`` or
``--gazetteer``), then the hand-checked ``data/gazetteer.toml``, then the converted Phoenix dictionaries
(``data/phoenix.jsonl.gz``, built by ``training/build_gazetteer.py``). A file is TOML (``[[actor]]`` tables)
or JSON Lines (one actor object per line, optionally gzipped).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

ENV_VAR = "NEWSLOOM_GAZETTEER"
BUILTIN_FILES = ("gazetteer.toml", "phoenix.jsonl.gz")
#: an alias of capitals only, at most this many letters ("IS", "US", "ISKP"), matches only that spelling:
#: "is" and "us" are words
CASE_SENSITIVE_MAX_LETTERS = 5
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


@dataclass(frozen=True)
class GazetteerRole:
    role: str
    since: str | None = None
    until: str | None = None

    def held_on(self, date: str | None) -> bool:
        if date is None:
            return self.since is None and self.until is None
        day = date[:10]
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # the capital and other places that can stand for a state ("Washington said")
    parent: str | None = None
    roles: tuple[GazetteerRole, ...] = ()
    source: str = ""

    def roles_on(self, date: str | None) -> list[str]:
        return [r.role for r in self.roles if r.held_on(date)]


@lru_cache(maxsize=65536)  # names recur within and across articles: 107k calls for 84 PolNeAR articles
def fold(text: str) -> str:
    """Accents, curly apostrophes, dashes and spacing folded; letter case kept."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def name_key(text: str) -> str:
    """How a name is compared: folded, lower case, without a leading article, possessive or final dot."""
    text = fold(text)
    text = re.sub(r"(?:'s|s')$", lambda m: "s" if m.group(0) == "s'" else "", text)
    text = re.sub(r"^(?:the|The|THE)\s+", "", text).strip(" .,;:")
    return text.lower()


def _without_article(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text)


def is_case_sensitive(alias: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return bool(letters) and letters.isupper() and len(letters) <= CASE_SENSITIVE_MAX_LETTERS


class Gazetteer:
    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries: dict[str, GazetteerEntry] = {}
        self._names: dict[str, str] = {}  # name_key -> id, for aliases that match in any case
        self._exact: dict[str, str] = {}  # folded exact spelling -> id, for short all-capital aliases
        self._demonyms: dict[str, str] = {}
        self._places: dict[str, str] = {}
        #: ids of entries folded into an earlier one of the same name and type (Phoenix's "Russian
        #: Federation" into the checked "Russia")
        self.redirects: dict[str, str] = {}
        for entry in entries:
            if entry.id in self.entries or entry.id in self.redirects:
                continue
            known = self.lookup(entry.name)
            target = entry.id
            if known is not None and known.type == entry.type:
                target = self.redirects[entry.id] = known.id
            else:
                self.entries[entry.id] = entry
            for alias in (entry.name, *entry.aliases):
                if is_case_sensitive(_without_article(alias)):
                    self._exact.setdefault(fold(_without_article(alias)).rstrip("."), target)
                else:
                    self._names.setdefault(name_key(alias), target)
            for demonym in entry.demonyms:
                self._demonyms.setdefault(name_key(demonym), target)
            for place in entry.places:
                self._places.setdefault(name_key(place), target)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: str) -> bool:
        return entry_id in self.entries

    def get(self, entry_id: str) -> GazetteerEntry | None:
        return self.entries.get(self.redirects.get(entry_id, entry_id))

    def lookup(self, text: str) -> GazetteerEntry | None:
        """The actor a name refers to, by alias; case matters only for short all-capital aliases."""
        folded = _without_article(re.sub(r"['’]s$", "", fold(text).rstrip(".")))
        entry_id = self._exact.get(folded)
        if entry_id is None and not (folded.isupper() and len(re.sub(r"[^A-Z]", "", folded)) <= 2):
            entry_id = self._names.get(name_key(text))
        return self.entries[entry_id] if entry_id else None

    def demonym(self, text: str) -> GazetteerEntry | None:
        entry_id = self._demonyms.get(name_key(text))
        return self.entries[entry_id] if entry_id else None

    def place(self, text: str) -> GazetteerEntry | None:
        """The state a place can stand for ("Washington" → United States)."""
        entry_id = self._places.get(name_key(text))
        return self.entries[entry_id] if entry_id else None

    def phrase_aliases(self, source_prefix: str = "newsloom") -> list[tuple[str, str]]:
        """``(alias, id)`` of the hand-checked entries, safe to look for in free text (Phoenix aliases are
        only used on spans NER already found)."""
        out = []
        for entry in self.entries.values():
            if entry.source.startswith(source_prefix) or entry.source.startswith("user"):
                out.extend((alias, entry.id) for alias in (entry.name, *entry.aliases))
        return out


def _entry(data: dict, source: str) -> GazetteerEntry:
    roles = tuple(GazetteerRole(r["role"], r.get("since"), r.get("until")) for r in data.get("roles", ()))
    places = list(data.get("places", ()))
    if data.get("capital"):
        places.insert(0, data["capital"])
    return GazetteerEntry(
        id=str(data["id"]), name=data["name"], type=data.get("type", "ORG"),
        aliases=tuple(data.get("aliases", ())), demonyms=tuple(data.get("demonyms", ())), places=tuple(places),
        parent=data.get("parent"), roles=roles, source=data.get("source", source),
    )


def read_entries(path: str | Path, source: str | None = None) -> list[GazetteerEntry]:
    """Entries of one gazetteer file (TOML, JSONL or JSONL.gz)."""
    path = Path(path)
    source = source or f"user {path.name}"
    if path.suffix == ".toml":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return [_entry(item, source) for item in data.get("actor", [])]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [_entry(json.loads(line), source) for line in handle if line.strip()]


def _builtin(name: str) -> list[GazetteerEntry]:
    with resources.as_file(resources.files("newsloom.actors") / "data" / name) as path:
        return read_entries(path, "newsloom" if name.endswith(".toml") else None)


@lru_cache(maxsize=8)
def load_gazetteer(extra: tuple[str, ...] | None = None) -> Gazetteer:
    """The built-in gazetteer behind the user's files (``extra`` or ``$NEWSLOOM_GAZETTEER``), cached."""
    if extra is None:
        extra = tuple(p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p)
    entries: list[GazetteerEntry] = []
    for path in extra:
        entries.extend(read_entries(path))
    for name in BUILTIN_FILES:
        entries.extend(_builtin(name))
    return Gazetteer(entries)
