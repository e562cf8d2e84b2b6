"""Corpus-level line repetition: a line that recurs across many documents of one outlet is boilerplate.

Nothing here is hard-coded per outlet: :class:`LineStats` counts, per group (an outlet, or the whole batch
when the outlet is unknown), in how many documents each normalised line occurs. It is filled in a cheap
first pass over a batch (hashing lines only), can be merged across workers and persisted in the store, and
is read by the line classifier as one feature.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

from newsloom.clean.lines import Line, normalize_line

#: Lines shorter than this (normalised) are not counted: "Share" or "Photo" recur in body text too,
#: and the shape features already see them.
MIN_COUNTED_CHARS = 4
WHOLE_BATCH = ""


def line_key(text: str) -> str | None:
    norm = normalize_line(text)
    if len(norm) < MIN_COUNTED_CHARS:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


class LineStats:
    """Document frequency of normalised lines, per group."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.documents: Counter[str] = Counter()

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, int]]) -> LineStats:
        """Rebuild from stored ``(group, line_key, docs)`` rows."""
        stats = cls()
        for group, key, docs in rows:
            stats.counts.setdefault(group, Counter())[key] = docs
        return stats

    def add_document(self, lines: Iterable[str], group: str = WHOLE_BATCH) -> None:
        keys = {k for k in (line_key(t) for t in lines) if k}
        self.counts.setdefault(group, Counter()).update(keys)
        self.documents[group] += 1

    def merge(self, other: LineStats) -> None:
        for group, counter in other.counts.items():
            self.counts.setdefault(group, Counter()).update(counter)
        self.documents.update(other.documents)

    def repeats(self, lines: Sequence[Line], group: str = WHOLE_BATCH, *, includes_self: bool = True) -> list[int]:
        """For each line, in how many *other* documents of ``group`` it occurs."""
        counter = self.counts.get(group)
        if not counter:
            return [0] * len(lines)
        own = 1 if includes_self else 0
        out = []
        for line in lines:
            key = line_key(line.text)
            out.append(max(counter.get(key, 0) - own, 0) if key else 0)
        return out
