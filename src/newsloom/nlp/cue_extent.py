"""Where a cue ends: a small LightGBM model that may move a cue's right edge.

The rules give a cue its verb and the words the lexicon says such cues take in. PolNeAR's annotators take in
more now and then: an infinitive marker or particle ("has vowed to", "then writes back"), the object of a
light verb ("announced plans", "makes no specific mention of"), a circumstance ("said in an interview") — and
at other times the same kinds of words stay out. Each candidate end lies between the word after the cue's
head and the start of its content (or, for a cue after its content, the next punctuation mark); the model
scores each from the words it adds or drops, their dependencies and what the lexicon knows of them, and the
best end is taken when it is not the current one and clears the threshold. Trained by
``training/train_cue_extent_model.py`` on PolNeAR train; shipped in ``nlp/data/cue_extent_model.txt`` with
``cue_extent_model.json``.
"""

from __future__ import annotations

from functools import lru_cache

from newsloom.nlp.boundaries import TIME_ENTS, Columns, choose_best, cue_lemma_id, dep_id, pos_id, word_id
from newsloom.nlp.cues import lexicon_entry, shipped_booster

#: how far past a cue that follows its content an end may reach ("…, he said in a statement"), in tokens
REACH_AFTER = 6
_DEPS_OF_INTEREST = ["prep", "dobj", "prt", "advmod", "npadvmod", "aux", "xcomp", "pobj", "acomp", "attr"]

FEATURE_NAMES = [
    "is_current", "shift", "added", "removed", "length_after_head",
    "last_word", "last_pos", "last_dep", "last_head_is_cue", "next_word", "next_pos", "next_dep",
    "cue_lemma", "cue_rate", "in_tails", "added_in_tails", "added_inside_max", "removed_inside_max",
    "content_after", "gap_to_content", "reaches_content", "added_time", "added_comma",
    *[f"added_dep={d}" for d in _DEPS_OF_INTEREST],
]
CATEGORICAL = [FEATURE_NAMES.index(n) for n in ("last_word", "last_pos", "last_dep", "next_word", "next_pos",
                                                 "next_dep", "cue_lemma")]


def cue_ends(cols: Columns, cue: tuple[int, int], content: tuple[int, int]) -> list[int]:
    """Candidate exclusive ends of ``cue`` (token bounds), the current one included: any word from the one
    after the cue's head up to where its content starts (or up to the next punctuation mark when the content
    comes first) that is not itself punctuation."""
    doc = cols.doc
    c0, c1 = cue
    head = doc[c0:c1].root.i
    if content[0] >= c1:
        reach = content[0]
    else:
        reach = c1
        while reach < min(len(doc), c1 + REACH_AFTER) and not cols.punct[reach]:
            reach += 1
    ends = [r for r in range(head + 1, reach + 1) if not cols.punct[r - 1]]
    return ends if c1 in ends else [*ends, c1]


class _Cue:
    """What every candidate end of one cue reads, computed once: its bounds, head and lexicon entry."""

    def __init__(self, cols: Columns, cue: tuple[int, int], content: tuple[int, int]) -> None:
        self.cols, self.cue, self.content = cols, cue, content
        self.head = cols.doc[cue[0] : cue[1]].root
        self.entry = lexicon_entry(self.head)
        self.lemma = cue_lemma_id(self.head)


def end_features(cue: _Cue, r: int) -> list[float]:
    cols, c1, content = cue.cols, cue.cue[1], cue.content
    head = cue.head.i
    tails = cue.entry.get("tails", ())
    added = range(c1, r) if r > c1 else range(0)
    removed = range(r, c1) if r < c1 else range(0)
    last = r - 1
    after_head = " ".join(cols.lower[i] for i in range(head + 1, r) if not cols.punct[i])
    added_words = " ".join(cols.lower[i] for i in added if not cols.punct[i])
    deps = {cols.dep[i] for i in added}
    nxt = r if r < len(cols.doc) else r - 1
    return [
        float(r == c1),
        float(r - c1),
        float(len(added)),
        float(len(removed)),
        float(r - head - 1),
        word_id(cols.lower[last]), pos_id(cols.pos[last]), dep_id(cols.dep[last]),
        float(cols.head[last] == head),
        word_id(cols.lower[nxt]), pos_id(cols.pos[nxt]), dep_id(cols.dep[nxt]),
        cue.lemma,
        cue.entry.get("rate", 0.0),
        float(bool(after_head) and after_head in tails),
        float(bool(added_words) and added_words in tails),
        max((lexicon_entry(cols.doc[i]).get("inside", 0.0) for i in added), default=0.0),
        max((lexicon_entry(cols.doc[i]).get("inside", 0.0) for i in removed), default=0.0),
        float(content[0] >= c1),
        float(content[0] - c1 if content[0] >= c1 else -1),
        float(r == content[0]),
        float(any(cols.ent[i] in TIME_ENTS for i in added)),
        float(any(cols.lower[i] == "," for i in range(c1, r))),
        *[float(d in deps) for d in _DEPS_OF_INTEREST],
    ]


def candidate_rows(cols: Columns, cue: tuple[int, int], content: tuple[int, int]) -> tuple[list[int], list[list[float]]]:
    """A cue's candidate ends and their feature rows (the training script and the model read the same)."""
    ends = cue_ends(cols, cue, content)
    view = _Cue(cols, cue, content)
    return ends, [end_features(view, r) for r in ends]


class CueExtentModel:
    def __init__(self, booster, threshold: float) -> None:  # noqa: ANN001
        self.booster = booster
        self.threshold = threshold

    def refine(self, cols: Columns, cues: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[tuple[int, int]]:
        """Each ``(cue, content)`` pair's cue with its best-scored end when that is a new end clearing the
        threshold, else as it was; one model call for the whole document."""
        found = [candidate_rows(cols, cue, content) for cue, content in cues]
        ends = choose_best(self.booster, self.threshold, found, [cue[1] for cue, _ in cues])
        return [(cue[0], end) for (cue, _), end in zip(cues, ends)]


@lru_cache(maxsize=1)
def default_cue_extent_model() -> CueExtentModel | None:
    """The shipped model, or None when the package has none (cues keep the rules' extent)."""
    shipped = shipped_booster("cue_extent_model")
    return CueExtentModel(*shipped) if shipped else None
