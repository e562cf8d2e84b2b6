"""CASE 2021 task 2 snippets (ACLED-style subtypes) with a fixed split by id."""

from __future__ import annotations

import csv
import hashlib

from newsloom.evaluation.pages import shared_data_dir


def split_of(snippet_id: str) -> str:
    """60% train (fit and choose), 40% test (reported only), by a hash of the id."""
    return "train" if int(hashlib.sha1(snippet_id.encode()).hexdigest(), 16) % 10 < 6 else "test"


def case_snippets(split: str | None = None) -> list[tuple[str, str, str]]:
    """``(id, snippet, subtype)`` rows."""
    path = shared_data_dir() / "case2021-task2" / "dev.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = [(r["id"], r["EventSnippet"], r["SubType"]) for r in csv.DictReader(handle, delimiter="\t")]
    return [r for r in rows if split in (None, "all") or split_of(r[0]) == split]
