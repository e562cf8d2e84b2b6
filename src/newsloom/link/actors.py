"""Across articles: the per-article actor ids of a corpus merged into canonical actors.

Input is the set of provisional ids articles gave their actors (:func:`newsloom.actors.find.find_actors`)
with how many articles used each; output maps every provisional id to a canonical one. The result depends
on that set only, never on the order articles arrived in, so it is recomputed whole after every ingest.

Rules, precision first (a wrong merge is worse than a missed one):
1. gazetteer ids are canonical;
2. two full names merge when one name part is the same and the other a spelling variant one edit away
   (rapidfuzz Levenshtein: "Zamir Kabulov"/"Zamir Kabulow", "Joe Biden"/"Joe Bidens", "Sergei"/"Sergey
   Shoigu"); "Bill Clinton" and "Hillary Clinton", "Ivana" and "Ivanka Trump" never do;
3. a surname used alone ("person:~kirby") joins the one full name in the corpus with that surname, or the
   one named in :data:`DOMINANCE` times as many articles as the next ("Obama" is Barack, not Michelle, in
   2016 news); with two comparable owners ("Bill" and "Hillary Clinton" in a 1990s archive) it stays apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from newsloom.actors.find import person_key

#: how many times more articles the main bearer of a surname needs over the next to take its bare uses;
#: at 3 "Obama" joins Barack Obama (16 PolNeAR dev articles) over Michelle Obama (1), see bench/actors.py
DOMINANCE = 3


@dataclass(frozen=True)
class ActorName:
    """One provisional actor id as the corpus uses it."""

    id: str
    name: str
    type: str
    gazetteer: str | None = None
    articles: int = 1


def _parts(key: str) -> tuple[str, str]:
    words = key.split(":", 1)[1].split("-")
    return words[0], words[-1]


def _variants(a: str, b: str) -> bool:
    """Spelling variants of one name: the same first name and a surname one edit away ("Kabulov"/"Kabulow",
    "Biden"/"Bidens"), or the same surname and a first name one letter swapped ("Sergei"/"Sergey").
    "Ivana"/"Ivanka" (a letter added) are two people; so are "Kerry"/"Kirby"."""
    (first_a, last_a), (first_b, last_b) = _parts(a), _parts(b)
    if first_a == first_b:
        return last_a == last_b or min(len(last_a), len(last_b)) >= 5 and Levenshtein.distance(last_a, last_b) == 1
    if last_a == last_b:
        return len(first_a) == len(first_b) >= 5 and Levenshtein.distance(first_a, first_b) == 1
    return False


class _Clusters:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def canonical_ids(names: Iterable[ActorName]) -> dict[str, str]:
    """``{provisional id: canonical id}`` for every id given."""
    names = list(names)
    by_id = {n.id: n for n in names}
    clusters = _Clusters()
    for n in names:
        clusters.find(n.id)

    # full-name people, keyed by first + last name; gazetteer people by the key of their name
    full: dict[str, list[str]] = defaultdict(list)  # person key -> ids
    for n in names:
        if n.type != "PERSON" or n.id.startswith("person:~"):
            continue
        key = n.id if n.id.startswith("person:") else person_key(n.name)
        if key.count("-") >= 1 or n.gazetteer:
            full[key].append(n.id)
    keys = sorted(full)
    for key in keys:  # same key: one person (a gazetteer person and the same name without a match)
        ids = full[key]
        gazetteer_ids = {i for i in ids if by_id[i].gazetteer}
        for other in ids[1:]:
            if not (other in gazetteer_ids and ids[0] in gazetteer_ids):
                clusters.union(ids[0], other)
    by_block: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        first, last = _parts(key)
        by_block[last[:1]].append(key)
    for block in by_block.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if _variants(a, b) and not _two_gazetteer_people(full[a], full[b], by_id):
                    clusters.union(full[a][0], full[b][0])

    # surnames used alone
    surname_owners: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        surname_owners[_parts(key)[1]].add(clusters.find(full[key][0]))
    articles: dict[str, int] = defaultdict(int)
    for n in names:
        articles[clusters.find(n.id)] += n.articles
    for n in names:
        if n.id.startswith("person:~"):
            owners = sorted(surname_owners.get(n.id.split("~", 1)[1], set()), key=lambda o: -articles[o])
            if len(owners) == 1 or len(owners) > 1 and articles[owners[0]] >= DOMINANCE * articles[owners[1]]:
                clusters.union(n.id, owners[0])

    members: dict[str, list[str]] = defaultdict(list)
    for n in names:
        members[clusters.find(n.id)].append(n.id)
    mapping: dict[str, str] = {}
    for ids in members.values():
        canonical = min(ids, key=lambda i: (by_id[i].gazetteer is None, i.startswith("person:~"),
                                            -by_id[i].articles, i))
        for i in ids:
            mapping[i] = canonical
    return mapping


def _two_gazetteer_people(a: list[str], b: list[str], by_id: dict[str, ActorName]) -> bool:
    """Two different gazetteer entries are two people, however alike their names."""
    ga = {by_id[i].gazetteer for i in a if by_id[i].gazetteer}
    gb = {by_id[i].gazetteer for i in b if by_id[i].gazetteer}
    return bool(ga and gb and ga != gb)
