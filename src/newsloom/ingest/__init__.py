"""Ingest: find input files and read them into ``RawDocument`` items.

``iter_items(["corpus/", "*.warc.gz", "-"])`` walks directories recursively, expands globs, reads ``-`` from
stdin, picks a reader by file name (or by sniffing the content when the name says nothing) and yields one
``RawDocument`` per article, or a ``Failure`` per item that cannot be read.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsloom.ingest.decode import MAX_INPUT_BYTES, DecodeError, maybe_gunzip
from newsloom.ingest.readers import (
    Item,
    looks_like_html,
    read_feed,
    read_html,
    read_jsonl,
    read_text,
    read_warc,
)
from newsloom.record import Failure, RawDocument

Reader = Callable[..., Iterator[Item]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "feed": read_feed,
}

_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
}

__all__ = ["iter_items", "iter_paths", "format_of", "RawDocument", "Failure"]


def format_of(name: str, head: bytes) -> str:
    """The reader for a file: by its name (``.gz`` looked through), else by its first bytes — and a "text"
    file that is an HTML document (a page saved as .txt) by its first bytes too."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    sniff = head.lstrip()[:512].lower()
    for suffix, fmt in _SUFFIXES.items():
        if lower.endswith(suffix):
            if fmt == "text" and looks_like_html(head[:2048].decode("latin-1")):
                return "html"
            return fmt
    if sniff.startswith(b"warc/"):
        return "warc"
    if b"<rss" in sniff or b"<feed" in sniff or b"<rdf:rdf" in sniff:
        return "feed"
    if sniff.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if sniff.startswith(b"{"):
        return "jsonl"
    if lower.endswith(".xml"):
        return "feed"
    return "text"


def iter_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Files named by ``inputs`` (files, directories walked recursively, globs, ``-``), each once, sorted."""
    seen: set[str] = set()
    for spec in inputs:
        if spec == "-":
            yield "-"
            continue
        matches = sorted(glob.glob(spec, recursive=True)) if glob.has_magic(spec) else [spec]
        if not matches:
            yield spec  # reported as missing by the reader
        for match in matches:
            path = Path(match)
            candidates = (
                sorted(
                    p for p in path.rglob("*")
                    # a link to nowhere is a file the user meant to give: reported, not silently passed over
                    if (p.is_file() or p.is_symlink() and not p.exists())
                    and not any(x.startswith(".") for x in p.relative_to(path).parts)
                )
                if path.is_dir()
                else [path]
            )
            if path.is_dir() and not candidates:
                candidates = [path]  # reported by the reader: a folder given that holds nothing to read
            for candidate in candidates:
                key = str(candidate)
                if key not in seen:
                    seen.add(key)
                    yield key


def read_path(path: str, *, normalize: bool = True) -> Iterator[Item]:
    """Read one file (or ``-``) with the right reader."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            file = Path(path)
            if not file.exists():
                yield Failure(path, "broken symbolic link" if file.is_symlink() else "no such file")
                return
            if file.is_dir():
                yield Failure(path, "no files in this folder (hidden ones are skipped)")
                return
            if file.stat().st_size > MAX_INPUT_BYTES and not path.lower().endswith((".warc", ".warc.gz")):
                yield Failure(path, f"file is {file.stat().st_size / 1e6:.0f} MB, over the "
                                    f"{MAX_INPUT_BYTES // 2**20} MiB limit")
                return
            data = file.read_bytes()
        data = maybe_gunzip(data)
    except (OSError, DecodeError) as exc:
        yield Failure(path, str(exc))
        return
    reader = READERS[format_of(path, data[:2048])]
    yield from reader(data, path, normalize=normalize)


def iter_items(inputs: Iterable[str], *, normalize: bool = True) -> Iterator[Item]:
    for path in iter_paths(inputs):
        yield from read_path(path, normalize=normalize)
