"""Attributions a prepositional phrase states: what a poll shows, what someone holds in their own words.

"Trump has a decisive lead in the polls", "In a CNN/ORC poll released Wednesday, 38 percent of voters said …",
"Only European immigrants are “safe” in his eyes": no verb of saying, yet the clause is the poll's finding
or the person's view, and PolNeAR annotates it so (the cue is "in", the source the phrase it opens, the
content the clause the phrase belongs to). The parse gives all three; a clause another attribution already
reports is left to it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

# (this module extends quotes.py, as layout.py and tagged.py do: it builds quotes with its own helpers)
from newsloom.nlp.quotes import Quote, _Candidate, _make_quote, trim_tokens

#: what an "in …" phrase names when it is a source: polls and surveys (4/5 of PolNeAR train: 41 of the 46 gold
#: cues "in" open one, `training/quote_conventions.py`) …
POLL_NOUNS = frozenset(["poll", "polls", "survey", "surveys"])
#: … or someone's own words or view ("in Forbes' words", "in his view"; not "in other words")
VIEW_NOUNS = frozenset(["words", "view", "opinion"])
#: a clause that depends on another is no finding of its own
_DEPENDENT_CLAUSES = frozenset(["relcl", "advcl", "acl", "pcomp", "csubj"])
#: fewest words a finding has (a shorter clause is a fragment of a heading or a list)
MIN_CONTENT_WORDS = 3


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (the clause its phrase belongs to)."""
    head = token.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _finding(doc: Doc, prep: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(content, source) token bounds of the attribution ``prep`` ("in") opens, or None."""
    nouns = [t for t in prep.children if t.dep_ == "pobj"]
    if len(nouns) != 1:
        return None
    noun = nouns[0]
    if noun.lower_ not in POLL_NOUNS and not (
            noun.lower_ in VIEW_NOUNS and any(t.dep_ == "poss" for t in noun.children)):
        return None
    source = (prep.i + 1, noun.right_edge.i + 1)
    verb = _clause_verb(prep)
    if verb is None or verb.dep_ in _DEPENDENT_CLAUSES or any(t.dep_ == "mark" for t in verb.children):
        return None  # "Trump, who is leading in the polls", "because he is ahead in the polls": not a finding
    subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ not in ("WDT", "WP")),
                   None)
    if subject is None:
        return None  # "Do well enough in polls", "sits at single digits in the polls"
    if prep.i < verb.i:  # "In a CNN poll, 38 percent said …": the clause after the phrase
        start, end = source[1], verb.right_edge.i + 1
    else:  # "(In the fall of 2007,) Hillary Clinton held a 24-point lead … in a CNN poll": subject to phrase
        start, end = subject.left_edge.i, prep.i
    start, end = trim_tokens(doc, start, end)
    if sum(1 for t in doc[start:end] if t.is_alpha) < MIN_CONTENT_WORDS:
        return None
    return (start, end), source


def finding_quotes(doc: Doc, quotes: list[Quote], marks: list[tuple[int, int]], resolver) -> list[Quote]:  # noqa: ANN001
    """Quotes for the "in <poll/words>" phrases of ``doc`` whose clause no quote in ``quotes`` overlaps
    (``marks``: quotation token spans, ``resolver``: the document's speaker resolver)."""
    found: list[Quote] = []
    for prep in doc:
        if prep.lower_ != "in" or prep.dep_ != "prep":
            continue
        bounds = _finding(doc, prep)
        if bounds is None:
            continue
        (start, end), source = bounds
        lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        if any(q.start < hi and q.end > lo for q in quotes + found):
            continue
        found.append(_make_quote(doc, start, end, _Candidate((start, end), (prep.i, prep.i + 1), source), marks,
                                 resolver))
    return found
