"""Which verbs are attribution cues: a small LightGBM model over each verb's parse context.

The learned lexicon says how often a lemma heads a cue in PolNeAR train; the model adds what the sentence
says about this occurrence (a clause or infinitive complement, who the subject is, quotation marks nearby,
tense), so "called for" in "he called for calm" and "called" in "a place called Kandahar" part ways.
Trained by ``training/train_cue_model.py``; shipped in ``nlp/data/cue_model.txt`` with ``cue_model.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import ORTH, POS
from spacy.parts_of_speech import AUX, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

DATA = Path(__file__).parent / "data"
_lexicon: dict[str, dict] | None = None


def cue_lexicon() -> dict[str, dict]:
    """The learned lexicon (:func:`lexicon_key` -> {rate, count, tails, inside, source, clause_rate,
    bare_rate, through_infinitive, circumstance_preps}; training/train_cue_lexicon.py), loaded once.
    ``inside`` is how often a word sits inside a cue it does not head ("optimistic" in "are optimistic"),
    ``source`` how often it heads a Source span; a word that never heads a cue has only those."""
    global _lexicon
    if _lexicon is None:
        path = DATA / "cue_lexicon.json"
        _lexicon = json.loads(path.read_text()) if path.exists() else {}
    return _lexicon


def set_cue_lexicon(lexicon: dict[str, dict]) -> None:
    """Use another lexicon (the training scripts fit one on part of train and score the rest)."""
    global _lexicon
    _lexicon = lexicon


def lexicon_key(token: Token) -> str:
    """A token's key in the lexicon: "lemma|POS" ("say|VERB")."""
    return f"{token.lemma_.lower()}|{token.pos_}"


def lexicon_entry(token: Token, lexicon: dict[str, dict] | None = None) -> dict:
    """What the lexicon (the shipped one unless given) knows of ``token``'s word; {} for nothing."""
    return (cue_lexicon() if lexicon is None else lexicon).get(lexicon_key(token)) or {}


DEPS = ["ROOT", "ccomp", "conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "parataxis", "amod", "csubj", "aux"]
TAGS = ["VBD", "VBZ", "VBP", "VB", "VBG", "VBN"]
SUBJECT_KINDS = ["PERSON", "ORG", "GPE", "NORP", "PRON", "PROPN", "NOUN"]
FEATURE_NAMES = (
    ["lex_rate", "lex_log_count", "speech_list"]
    + [f"dep={d}" for d in DEPS]
    + [f"tag={t}" for t in TAGS]
    + ["has_ccomp", "has_that_clause", "has_xcomp", "has_dobj", "has_subject", "passive"]
    + [f"subj={k}" for k in SUBJECT_KINDS]
    + ["subject_after", "in_quotes", "quote_before", "quote_after", "colon_after", "comma_before_subject",
       "rel_position", "n_children", "head_is_verb", "sentence_has_quote",
       "child_inside_rate", "object_has_quote", "head_rate", "subject_source_rate", "situation_rate"]
)


def infinitive_after(verb: Token) -> Token | None:
    """The verb of an infinitive right after ``verb`` ("tried to attack" → "attack"), or None."""
    to = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if to is None or to.lower_ != "to" or to.dep_ != "aux":
        return None
    head = to.head
    return head if head.dep_ == "xcomp" and head.head.i == verb.i else None


#: dependents that make a verb's use one with a clause complement
CLAUSE_DEPS = frozenset(["ccomp", "xcomp"])
#: children whose words a cue often takes in ("are optimistic", "made it clear", "took issue with")
_CUE_PART_DEPS = frozenset(["acomp", "dobj", "prt", "prep", "attr", "advmod", "oprd", "xcomp", "npadvmod"])
#: the tokens that open or close a quotation: straight, curly and angle marks, and the typewriter pairs ''…''
#: and ``…'' of older wire and newspaper text (3,609 '' in 116 of PolNeAR train's 840 texts)
QUOTATION_MARKS = frozenset([*"“”\"‘’«»", "''", "``"])
#: the marks the learned models' features read (the cue model's and the content boundary model's were fitted on
#: these alone)
_MARK_IDS = np.array(sorted(get_string_id(mark) for mark in "“”\"‘’«»"), dtype=np.uint64)


def verb_indexes(doc: Doc) -> list[int]:
    """Indexes of the tokens tagged VERB or AUX, read from the POS column (no Token objects made)."""
    return np.flatnonzero(np.isin(doc.to_array(POS), [VERB, AUX])).tolist()


def quotation_mark_tokens(doc: Doc) -> list[bool]:
    """For each token, whether it is a quotation mark (read from the ORTH column)."""
    return np.isin(doc.to_array(ORTH), _MARK_IDS).tolist()


def _subject_kind(subject: Token | None) -> str | None:
    if subject is None:
        return None
    if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return subject.ent_type_
    return subject.pos_ if subject.pos_ in ("PRON", "PROPN", "NOUN") else None


class SentenceMarks:
    """Per-document facts every verb's features read: which tokens are quotation marks, and each token's
    sentence (its bounds and whether it holds a quotation mark). Computed once per document."""

    def __init__(self, doc: Doc) -> None:
        self.is_mark = quotation_mark_tokens(doc)  # a token that is a mark
        self.sentence: list[tuple[int, int, bool]] = [(0, 0, False)] * len(doc)
        for sent in doc.sents:
            bounds = (sent.start, sent.end, any(self.is_mark[sent.start : sent.end]))
            self.sentence[sent.start : sent.end] = [bounds] * len(sent)


def verb_features(doc: Doc, token: Token, lexicon: dict[str, dict], speech: frozenset[str],
                  quoted: set[int], marks: SentenceMarks) -> list[float]:
    lemma = token.lemma_.lower()
    entry = lexicon_entry(token, lexicon)
    children = list(token.children)
    deps = {c.dep_ for c in children}
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    kind = _subject_kind(subject)
    sent_start, sent_end, sent_has_mark = marks.sentence[token.i]
    i = token.i
    dep, tag = token.dep_, token.tag_
    return [
        entry.get("rate", 0.0),
        float(np.log1p(entry.get("count", 0))),
        float(lemma in speech),
        *[float(dep == d) for d in DEPS],
        *[float(tag == t) for t in TAGS],
        float("ccomp" in deps),
        float(any(c.dep_ == "ccomp" and any(g.lower_ == "that" for g in c.children) for c in children)),
        float("xcomp" in deps),
        float("dobj" in deps),
        float(subject is not None),
        float("nsubjpass" in deps or "auxpass" in deps),
        *[float(kind == k) for k in SUBJECT_KINDS],
        float(subject is not None and subject.i > i),
        float(i in quoted),
        float(any(marks.is_mark[max(i - 4, 0) : i])),
        float(any(marks.is_mark[i + 1 : i + 5])),
        float(any(doc[j].text == ":" for j in range(i + 1, min(i + 3, len(doc))))),
        float(subject is not None and subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].text == ","),
        (i - sent_start) / max(sent_end - sent_start, 1),
        float(len(children)),
        float(token.head.pos_ in ("VERB", "AUX")),  # a root verb is its own head: 1 for a root verb too
        float(sent_has_mark),
        max((lexicon_entry(c, lexicon).get("inside", 0.0) for c in children if c.dep_ in _CUE_PART_DEPS),
            default=0.0),
        float(any(marks.is_mark[t.i] for c in children if c.dep_ == "dobj" for t in c.subtree)),
        lexicon_entry(token.head, lexicon).get("rate", 0.0) if token.head.i != token.i else 0.0,
        lexicon_entry(subject, lexicon).get("source", 0.0) if subject is not None else 0.0,
        # the lemma's rate with or without a clause, as this use has one: "show that …" vs "show up"
        entry.get("clause_rate" if deps & CLAUSE_DEPS else "bare_rate", entry.get("rate", 0.0)),
    ]


class CueModel:
    def __init__(self, booster, threshold: float, lexicon: dict[str, dict]) -> None:  # noqa: ANN001
        self.booster = booster
        self.threshold = threshold
        self.lexicon = lexicon

    def cue_tokens(self, doc: Doc, speech: frozenset[str], quoted: set[int]) -> set[int]:
        """Indexes of the verbs the model takes for cues."""
        verbs = [doc[i] for i in verb_indexes(doc)]
        if not verbs:
            return set()
        marks = SentenceMarks(doc)
        x = np.array([verb_features(doc, t, self.lexicon, speech, quoted, marks) for t in verbs], dtype=np.float32)
        p = self.booster.predict(x, num_threads=1)
        return {t.i for t, prob in zip(verbs, p) if prob >= self.threshold}


def shipped_booster(name: str):  # noqa: ANN201 - (lightgbm.Booster, threshold) or None
    """A LightGBM model shipped in ``nlp/data`` as ``<name>.txt`` with its threshold in ``<name>.json``;
    None when the package has none."""
    model_file, meta_file = DATA / f"{name}.txt", DATA / f"{name}.json"
    if not model_file.exists():
        return None
    import lightgbm as lgb

    return lgb.Booster(model_file=str(model_file)), float(json.loads(meta_file.read_text())["threshold"])


@lru_cache(maxsize=1)
def default_cue_model() -> CueModel | None:
    """The shipped model, or None when the package has none (the lexicon rule is used then)."""
    shipped = shipped_booster("cue_model")
    return CueModel(*shipped, cue_lexicon()) if shipped else None
