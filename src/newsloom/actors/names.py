"""People's names in a parse: where a name starts, which words before it are a title, and its role.

Shared by speaker resolution (:mod:`newsloom.nlp.speakers`) and actor grouping (:mod:`newsloom.actors.find`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

#: words that make the tokens before a name a title or role ("US General Mark Milley")
TITLE_WORDS = frozenset(
    ["president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "general", "gen.", "chief", "director", "ambassador", "envoy", "senator", "sen.", "rep.", "representative", "governor", "mayor", "chairman", "chairwoman", "chair", "official", "officer", "commander", "diplomat", "adviser", "advisor", "leader", "head", "press", "deputy", "undersecretary", "prime", "vice", "king", "queen", "prince", "judge", "justice", "attorney", "lawyer", "professor", "dr.", "mr.", "mrs.", "ms.", "analyst", "economist", "editor", "reporter"]
)
#: honorifics that are neither part of the name nor a role; those that say the person's gender, with it
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}
HONORIFICS = frozenset([*HONORIFIC_GENDER, *(f"{h}." for h in ("mr", "mrs", "ms")), "dr", "dr."])


def widen_name(ent: Span) -> Span:
    """NER sometimes drops a first name ("Bharat [Bhushan Babu]"): take adjacent proper nouns in."""
    doc, start, end = ent.doc, ent.start, ent.end
    # (a word: the tokenizer splits "Col." into "Col" and a "." the tagger may call a proper noun)
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isalpha() \
            and doc[start - 1].lower_ not in TITLE_WORDS \
            and doc[start - 1].ent_type_ in ("", "PERSON") and doc[start - 1].whitespace_ != "":
        start -= 1
    return doc[start:end] if start != ent.start else ent


def strip_possessive(text: str) -> str:
    return re.sub(r"[’']s$", "", text).strip()


def split_title(span: Span) -> tuple[Span, Span | None]:
    """``President Obama`` → (``Obama``, ``President``): title and honorific words NER put inside a name."""
    start = span.start
    while start < span.end - 1 and (span.doc[start].lower_ in TITLE_WORDS or span.doc[start].lower_ in HONORIFICS):
        start += 1
    name = span.doc[start : span.end]
    title = span.doc[span.start : start] if start > span.start else None
    if title is not None and all(t.lower_ in HONORIFICS for t in title):
        title = None
    return name, title


def role_of(ent: Span) -> str | None:
    """Title words right before the name ("US General Mark Milley") or an apposition after it
    ("Antony Blinken, US Secretary of State")."""
    doc = ent.doc
    i = ent.start - 1
    words = []
    # leftwards while each word modifies something to its right up to the name ("US" → "General" → "Milley")
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case") and i < doc[i].head.i < ent.end:
        words.insert(0, doc[i])
        i -= 1
    role_tokens = [t for t in words if t.dep_ != "case"]
    if role_tokens and any(t.lower_ in TITLE_WORDS for t in role_tokens):
        return " ".join(t.text for t in role_tokens)
    appositions = [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
    if appositions:
        start, end = appositions[0].left_edge.i, appositions[0].right_edge.i + 1
        # "Babu, Defence Ministry's Principal Spokesperson": the parser may split one apposition in two
        for nxt in appositions[1:]:
            if nxt.left_edge.i != end:
                break
            end = nxt.right_edge.i + 1
        text = doc[start:end].text.strip(" ,")
        if len(text.split()) <= 12:
            return text
    return None
