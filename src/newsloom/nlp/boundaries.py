"""Where a reported content starts and ends: a small LightGBM model that may move one edge of a content to a
constituent boundary inside it.

The parse gives a content's extent (the clause a cue governs, the cue's object); annotators draw some of those
shorter. The parser hangs a circumstance of the speech act inside the reported clause ("said the plan was dead
| on Monday at a rally in Ohio"), or an object noun is part of the cue ("renewed calls for | a ceasefire",
"criticised the paper for | printing the letter"). Each candidate cut keeps the part before or after one
boundary where no word of the kept part depends on a word of the dropped part; the model scores each cut from
the words at the boundary and what the dropped part holds, and the best cut is taken when it clears the
threshold. Trained by ``training/train_boundary_model.py`` on PolNeAR train; shipped in
``nlp/data/boundary_model.txt`` with ``boundary_model.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_PUNCT, IS_SPACE, LOWER, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token

from newsloom.nlp.cues import cue_lexicon, lexicon_entry, lexicon_key, quotation_mark_tokens, shipped_booster

#: contents longer than this (tokens) are left as they are: a bound on the work per content (the scan for
#: cuts grows with the square of the length), not tuned
MAX_TOKENS = 120

#: words whose identity at a boundary matters (prepositions, subordinators, relative pronouns, dashes …);
#: any other word is "other" (0)
BOUNDARY_WORDS = [
    "on", "at", "in", "for", "to", "about", "of", "with", "over", "against", "as", "after", "before", "during",
    "while", "when", "because", "since", "if", "though", "although", "but", "and", "or", "which", "who", "whom",
    "whose", "where", "that", "according", "compared", "including", "saying", "adding", "citing", "noting",
    "despite", "amid", "than", "like", "by", "from", "into", "through", "until", "without", "—", "--", "-", "–",
    ",", ";", ":", "(", "”", "“", '"', "the", "a", "an", "his", "her", "their", "its", "it", "he", "she",
    "they", "we", "i", "you", "this", "these", "those", "not", "how", "what", "why", "whether", "so", "even",
    "also", "just", "only", "more", "then", "there", "here", "now", "today", "yesterday", "tonight",
    "last", "next", "late", "early",
]
_WORD_ID = {w: i + 1 for i, w in enumerate(BOUNDARY_WORDS)}
POS_TAGS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
            "SCONJ", "SYM", "VERB", "X", "SPACE"]
_POS_ID = {p: i + 1 for i, p in enumerate(POS_TAGS)}
DEPS = ["ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass", "case",
        "cc", "ccomp", "compound", "conj", "csubj", "dative", "dep", "det", "dobj", "expl", "intj", "mark", "meta",
        "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd", "parataxis", "pcomp", "pobj", "poss",
        "preconj", "predet", "prep", "prt", "punct", "quantmod", "relcl", "xcomp"]
_DEP_ID = {d: i + 1 for i, d in enumerate(DEPS)}
KINDS = ["direct", "mixed", "partial", "indirect", "report"]
_KIND_ID = {k: i + 1 for i, k in enumerate(KINDS)}
TIME_ENTS = frozenset(["DATE", "TIME"])
_PLACE_ENTS = frozenset(["GPE", "LOC", "FAC"])
_NAME_ENTS = frozenset(["PERSON", "ORG", "NORP"])

FEATURE_NAMES = [
    "side_start", "n_tokens", "kept", "dropped", "dropped_share", "position",
    "word_at", "pos_at", "dep_at", "word_before", "pos_before", "dep_before", "word_last_dropped",
    "head_pos_at", "head_dep_at", "head_is_root",
    "dropped_roots", "dropped_has_root", "dropped_has_verb", "dropped_has_mark", "dropped_time", "dropped_place",
    "dropped_name", "kept_has_mark", "content_marks_share", "root_pos", "kind", "cue_before", "cue_gap",
    "candidates", "rank_from_edge",
    "cue_rate", "cue_lemma", "at_circumstance_prep", "dropped_inside_rate", "dropped_cue_rate", "dropped_in_tails",
]
#: the categorical columns (LightGBM reads them as categories, not as numbers)
CATEGORICAL = [FEATURE_NAMES.index(n) for n in (
    "word_at", "pos_at", "dep_at", "word_before", "pos_before", "dep_before", "word_last_dropped", "head_pos_at",
    "head_dep_at", "root_pos", "kind", "cue_lemma")]
#: how many of the lexicon's most frequent cue words get an identity of their own (the rest are "other")
CUE_LEMMAS = 120


@lru_cache(maxsize=1)
def _cue_lemma_ids() -> dict[str, int]:
    ranked = sorted(cue_lexicon().items(), key=lambda kv: (-kv[1].get("count", 0), kv[0]))
    return {key: k + 1 for k, (key, _) in enumerate(ranked[:CUE_LEMMAS])}


def cue_lemma_id(token: Token) -> int:
    """The category of a cue's word: its rank among the lexicon's most frequent cue words, 0 for the rest."""
    return _cue_lemma_ids().get(lexicon_key(token), 0)


def word_id(word: str) -> int:
    """The category of a word at a boundary (:data:`BOUNDARY_WORDS`), 0 for any other."""
    return _WORD_ID.get(word, 0)


def pos_id(pos: str) -> int:
    return _POS_ID.get(pos, 0)


def dep_id(dep: str) -> int:
    return _DEP_ID.get(dep, 0)


#: a dropped phrase that is the object of a kept preposition would leave "… in" behind
_OBJECTS_OF_KEPT = frozenset(["pobj", "pcomp"])


@dataclass(frozen=True)
class Cut:
    """Keep ``[start, at)`` (side "end": the end moves left) or ``[at, end)`` (side "start": the start moves
    right) of a content ``[start, end)``."""

    side: str
    at: int


class Columns:
    """The token attributes cuts and features read, as plain lists over the whole document (one
    ``Doc.to_array`` call instead of a Token object per look), built once per document for every span model;
    ``quotations`` are the token bounds of the document's quoted passages (marks included)."""

    def __init__(self, doc: Doc, quotations: list[tuple[int, int]] = ()) -> None:
        strings = doc.vocab.strings
        table = doc.to_array([HEAD, DEP, POS, IS_PUNCT, IS_SPACE, ENT_TYPE, LOWER])
        self.doc = doc
        self.head = (table[:, 0].astype(np.int64) + np.arange(len(doc))).tolist()  # HEAD is relative
        self.dep = [strings[x] for x in table[:, 1].tolist()]
        self.pos = [POS_NAMES[x] for x in table[:, 2].tolist()]
        self.punct = [bool(a or b) for a, b in zip(table[:, 3].tolist(), table[:, 4].tolist())]
        self.ent = [strings[x] if x else "" for x in table[:, 5].tolist()]
        self.lower = [strings[x] for x in table[:, 6].tolist()]
        #: punctuation, white space or a coordinating conjunction: never the first or last word of a content
        self.edge_junk = [p or d == "cc" for p, d in zip(self.punct, self.dep)]
        self.mark = quotation_mark_tokens(doc)  # the token is a quotation mark
        self.in_quotation = [False] * len(doc)  # the token is inside a quoted passage
        for start, end in quotations:
            self.in_quotation[start:end] = [True] * (end - start)


def _closing_tokens(cols: Columns, lo: int, hi: int) -> tuple[int, int]:
    """``[lo, hi)`` without punctuation, white space or a coordinating conjunction at either end (a cut before
    ", but denied …" leaves ", but")."""
    junk = cols.edge_junk
    while lo < hi and junk[lo]:
        lo += 1
    while hi > lo and junk[hi - 1]:
        hi -= 1
    return lo, hi


def apply_cut(cols: Columns, start: int, end: int, cut: Cut) -> tuple[int, int]:
    """The token bounds a cut leaves (edges cleaned as :func:`_closing_tokens` does)."""
    return _closing_tokens(cols, start, cut.at) if cut.side == "end" else _closing_tokens(cols, cut.at, end)


def cuts(cols: Columns, start: int, end: int) -> list[Cut]:
    """Every cut of ``[start, end)`` at a boundary no quotation straddles, where no word before the boundary
    depends on a word after it. An end cut must not take a kept preposition's object; a start cut needs the
    part after the boundary to be one phrase (one word in it depends on a word outside it)."""
    if end - start < 3 or end - start > MAX_TOKENS:
        return []
    heads, in_quotation = cols.head, cols.in_quotation
    out: list[Cut] = []
    reach = -1  # the rightmost in-span head of a word before the boundary
    for at in range(start + 1, end):
        h = heads[at - 1]
        if start <= h < end:
            reach = max(reach, h)
        if reach >= at or (in_quotation[at - 1] and in_quotation[at]):
            continue
        kept_lo, kept_hi = _closing_tokens(cols, start, at)
        if kept_lo < kept_hi and not any(cols.dep[i] in _OBJECTS_OF_KEPT for i in range(at, end)
                                         if kept_lo <= heads[i] < at):
            out.append(Cut("end", at))
        roots = sum(1 for i in range(at, end) if not at <= heads[i] < end)
        kept_lo, kept_hi = _closing_tokens(cols, at, end)
        if roots == 1 and kept_lo < kept_hi:
            out.append(Cut("start", at))
    return out


class _Content:
    """What every cut of one content reads, computed once: the words' lexicon rates, the content's root, and
    running counts for "does the dropped part hold a …"."""

    def __init__(self, cols: Columns, start: int, end: int, kind: str, cue: tuple[int, int] | None) -> None:
        doc = cols.doc
        self.cols, self.start, self.end, self.kind, self.cue = cols, start, end, kind, cue
        entries = [lexicon_entry(t) for t in doc[start:end]]
        self.inside = [e.get("inside", 0.0) for e in entries]
        self.rate = [e.get("rate", 0.0) for e in entries]
        heads = cols.head
        self.root = next((i for i in range(start, end) if not start <= heads[i] < end or heads[i] == i), start)

        def running(flags: list[bool]) -> list[int]:
            out = [0]
            for flag in flags:
                out.append(out[-1] + flag)
            return out

        span = range(start, end)
        self.verbs = running([cols.pos[i] in ("VERB", "AUX") for i in span])
        self.marks = running(cols.mark[start:end])
        self.times = running([cols.ent[i] in TIME_ENTS for i in span])
        self.places = running([cols.ent[i] in _PLACE_ENTS for i in span])
        self.names = running([cols.ent[i] in _NAME_ENTS for i in span])
        cue_head = doc[cue[0] : cue[1]].root if cue else None
        self.cue_entry = lexicon_entry(cue_head) if cue_head is not None else {}
        self.cue_lemma = cue_lemma_id(cue_head) if cue_head is not None else 0

    def count(self, column: list[int], lo: int, hi: int) -> int:
        return column[hi - self.start] - column[lo - self.start]


#: a dropped part longer than this (tokens) is no cue tail ("at a rally", "in an interview")
_TAIL_REACH = 8


def cut_features(content: _Content, cut: Cut, candidates: int, rank: int) -> list[float]:
    cols, start, end, cue = content.cols, content.start, content.end, content.cue
    n = end - start
    at = cut.at
    lo, hi = apply_cut(cols, start, end, cut)
    d_lo, d_hi = (at, end) if cut.side == "end" else (start, at)
    b, a = at, at - 1
    last_dropped = d_hi - 1 if cut.side == "start" else b
    dropped_roots = sum(1 for h in cols.head[d_lo:d_hi] if not d_lo <= h < d_hi)
    b_head = cols.head[b]
    tails = content.cue_entry.get("tails", ())
    dropped_words = " ".join(cols.lower[i] for i in range(d_lo, d_hi) if not cols.punct[i]) \
        if d_hi - d_lo <= _TAIL_REACH else ""
    return [
        float(cut.side == "start"),
        float(n),
        float(hi - lo),
        float(d_hi - d_lo),
        (d_hi - d_lo) / n,
        (at - start) / n,
        word_id(cols.lower[b]), pos_id(cols.pos[b]), dep_id(cols.dep[b]),
        word_id(cols.lower[a]), pos_id(cols.pos[a]), dep_id(cols.dep[a]),
        word_id(cols.lower[last_dropped]),
        pos_id(cols.pos[b_head]), dep_id(cols.dep[b_head]),
        float(b_head == content.root),
        float(dropped_roots),
        float(d_lo <= content.root < d_hi),
        float(content.count(content.verbs, d_lo, d_hi) > 0),
        float(content.count(content.marks, d_lo, d_hi) > 0),
        float(content.count(content.times, d_lo, d_hi) > 0),
        float(content.count(content.places, d_lo, d_hi) > 0),
        float(content.count(content.names, d_lo, d_hi) > 0),
        float(content.count(content.marks, lo, hi) > 0),
        content.count(content.marks, start, end) / n,
        pos_id(cols.pos[content.root]),
        _KIND_ID.get(content.kind, 0),
        float(cue is not None and cue[1] <= start),
        float(min(abs(start - cue[1]), abs(cue[0] - end)) if cue else -1),
        float(candidates),
        float(rank),
        content.cue_entry.get("rate", 0.0),
        content.cue_lemma,
        float(cols.lower[b] in content.cue_entry.get("circumstance_preps", ())),
        max(content.inside[d_lo - start : d_hi - start]),
        max(content.rate[d_lo - start : d_hi - start]),
        float(bool(dropped_words) and dropped_words in tails or cols.lower[last_dropped] in tails),
    ]


def candidate_rows(cols: Columns, start: int, end: int, kind: str, cue: tuple[int, int] | None
                   ) -> tuple[list[Cut], list[list[float]]]:
    """The cuts of one content and their feature rows (the training script and the model read the same)."""
    found = cuts(cols, start, end)
    if not found:
        return [], []
    content = _Content(cols, start, end, kind, cue)
    ends = [c for c in found if c.side == "end"]
    starts = [c for c in found if c.side == "start"]
    rows = []
    for cut in found:
        rank = len(ends) - ends.index(cut) if cut.side == "end" else starts.index(cut) + 1
        rows.append(cut_features(content, cut, len(found), rank))
    return found, rows


class BoundaryModel:
    def __init__(self, booster, threshold: float) -> None:  # noqa: ANN001
        self.booster = booster
        self.threshold = threshold

    def refine(self, cols: Columns, contents: list[tuple[int, int, str, tuple[int, int] | None]]
               ) -> list[tuple[int, int]]:
        """Each content ``(start, end, kind, cue)`` with its best-scored cut applied when that clears the
        threshold, else as it was; one model call for the whole document."""
        found = [candidate_rows(cols, start, end, kind, cue) for start, end, kind, cue in contents]
        chosen = choose_best(self.booster, self.threshold, found, [None] * len(contents))
        return [apply_cut(cols, start, end, cut) if cut else (start, end)
                for (start, end, _, _), cut in zip(contents, chosen)]


def choose_best(booster, threshold: float, found: list[tuple[list, list[list[float]]]], current: list) -> list:  # noqa: ANN001
    """For each item (its candidates and their feature rows), the best-scored candidate when it is not the
    item's ``current`` choice and clears ``threshold``, else ``current``; one model call for all of them."""
    rows = [row for _, item_rows in found for row in item_rows]
    p = booster.predict(np.array(rows, dtype=np.float32), num_threads=1) if rows else np.array([])
    out = []
    offset = 0
    for (candidates, _), keep in zip(found, current):
        scores = p[offset : offset + len(candidates)]
        offset += len(candidates)
        best = int(np.argmax(scores)) if len(candidates) else -1
        out.append(candidates[best] if best >= 0 and candidates[best] != keep and scores[best] >= threshold
                   else keep)
    return out


@lru_cache(maxsize=1)
def default_boundary_model() -> BoundaryModel | None:
    """The shipped model, or None when the package has none (contents keep the rules' extent)."""
    shipped = shipped_booster("boundary_model")
    return BoundaryModel(*shipped) if shipped else None
