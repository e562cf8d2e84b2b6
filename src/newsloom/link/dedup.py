"""Duplicates: exact (same folded body hash) and near (MinHash LSH over word 5-shingles, datasketch).

Syndicated copies are *linked*, never dropped: every member of a duplicate cluster points with
``duplicate_of`` at the cluster's canonical article, chosen by a rule that does not depend on arrival
order (earliest publication date, then smallest id), so a parallel ingest links the same way a serial one
does. When a newcomer becomes the canonical article, the older members are re-pointed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
#: Stored signatures are only comparable with ones made by the same permutation scheme.
SCHEME = "affine32"
SHINGLE_WORDS = 5
#: Estimated Jaccard similarity of 5-shingle sets above which two bodies are one story. Wire copies with a
#: changed headline, a dropped last paragraph or an outlet's credit line stay well above it.
NEAR_DUPLICATE_JACCARD = 0.7
#: Bodies shorter than this (words) are only matched exactly: short texts collide too easily.
MIN_WORDS_FOR_NEAR = 40


def minhash_of(body: str) -> MinHash | None:
    tokens = re.findall(r"\w+", body.lower())
    if len(tokens) < MIN_WORDS_FOR_NEAR:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(
        [" ".join(tokens[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(tokens) - SHINGLE_WORDS + 1)]
    )
    return mh


def signature_bytes(mh: MinHash | None) -> bytes | None:
    return None if mh is None else np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def minhash_from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64))


@dataclass(frozen=True)
class Member:
    id: str
    published: str | None
    arrival: int = 0

    def rank(self) -> tuple[str, str]:
        return (self.published or "9999", self.id)

    def arrival_rank(self) -> int:
        return self.arrival


class DuplicateIndex:
    """In-memory index of a store's articles (exact hashes + LSH), kept in step with what is stored.

    ``first_seen_wins``: the canonical article is the one indexed first (for a stream whose earlier output
    cannot be re-pointed, like ``newsloom extract``); by default it is the earliest published, then smallest
    id, whatever the arrival order.
    """

    def __init__(self, *, first_seen_wins: bool = False) -> None:
        self.rank = Member.arrival_rank if first_seen_wins else Member.rank
        self.lsh = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=NUM_PERM)
        self.minhashes: dict[str, MinHash] = {}
        self.by_body: dict[str, str] = {}
        self.members: dict[str, Member] = {}
        self.parent: dict[str, str] = {}  # id -> canonical id (itself when canonical)
        self.clusters: dict[str, set[str]] = {}  # canonical id -> all members (itself included)

    def load(self, rows: Iterable[tuple[str, str | None, str, bytes | None, str | None]]) -> None:
        """Fill from stored ``(id, published, body_sha256, signature, duplicate_of)`` rows."""
        for article_id, published, body_sha, signature, duplicate_of in rows:
            self.members[article_id] = Member(article_id, published)
            root = duplicate_of or article_id
            self.parent[article_id] = root
            self.clusters.setdefault(root, {root}).add(article_id)
            self.by_body.setdefault(body_sha, article_id)
            if signature:
                mh = minhash_from_bytes(signature)
                self.minhashes[article_id] = mh
                self.lsh.insert(article_id, mh)

    def root(self, article_id: str) -> str:
        return self.parent.get(article_id, article_id)

    def add(self, article_id: str, published: str | None, body_sha: str, mh: MinHash | None) -> dict[str, str | None]:
        """Index an article; return ``{id: duplicate_of}`` for every article whose link changed (the new
        one included, mapped to None when it is canonical)."""
        matches: set[str] = set()
        if body_sha in self.by_body:
            matches.add(self.by_body[body_sha])
        if mh is not None:
            for other in self.lsh.query(mh):
                if mh.jaccard(self.minhashes[other]) >= NEAR_DUPLICATE_JACCARD:
                    matches.add(other)
            self.lsh.insert(article_id, mh)
            self.minhashes[article_id] = mh
        self.by_body.setdefault(body_sha, article_id)
        new = Member(article_id, published, len(self.members))
        self.members[article_id] = new
        roots = {self.root(m) for m in matches}
        cluster: set[str] = set().union(*(self.clusters.get(r, {r}) for r in roots)) if roots else set()
        canonical = min([new, *(self.members[m] for m in cluster)], key=self.rank).id
        changes: dict[str, str | None] = {article_id: None if canonical == article_id else canonical}
        self.parent[article_id] = canonical
        for member in cluster:
            if self.parent.get(member) != canonical:
                self.parent[member] = canonical
                changes[member] = None if member == canonical else canonical
        for r in roots:
            self.clusters.pop(r, None)
        self.clusters[canonical] = cluster | {article_id}
        return changes
