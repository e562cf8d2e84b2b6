"""Quotes: who said what — direct, mixed, partial, indirect and reported statements, with the speaker.

Three sources of evidence, combined per article:

1. quotation marks (“ ” " " ‘ ’ « »), paired per paragraph, with quotes running over several paragraphs
   (:mod:`newsloom.nlp.marks`);
2. cue verbs from a speech lexicon over the dependency parse: the cue's subject is the source, its clausal
   complement (or the clause it is attached to, for "…, a U.N. official said") is the content, and
   "according to X" / "X quoted Y as saying" / "…, Reuters reported" have their own shapes;
3. adjacency: a quotation with no cue in its own clause takes the cue right after it (", he said") or right
   before it ("said: “…”") (:mod:`newsloom.nlp.adjacent`), and the second half of a split quote goes on with
   the first (:mod:`newsloom.nlp.continuation`); headlines, transcript lines and signed quotations have their
   own shapes (:mod:`newsloom.nlp.layout`).

Speakers are resolved in :mod:`newsloom.nlp.speakers`. Everything is a pure function of one parsed ``Doc``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsloom.nlp.boundaries import BoundaryModel, Columns, default_boundary_model
from newsloom.nlp.cue_extent import CueExtentModel, default_cue_extent_model
from newsloom.nlp.cues import (
    QUOTATION_MARKS,
    CueModel,
    default_cue_model,
    infinitive_after,
    lexicon_entry,
    verb_indexes,
)
from newsloom.nlp.marks import (
    balanced_marks,
    before_marks,
    has_quotation_mark,
    quotation_spans,
    quotation_token_spans,
)
from newsloom.nlp.span_tagger import SpanTagger, default_span_tagger

#: Lemmas of verbs that report a statement. Beliefs ("think", "believe") are left out on purpose: newsloom
#: reports what people said or wrote, not what an article says they think.
SPEECH_LEMMAS = frozenset(
    ["say", "tell", "add", "state", "note", "warn", "deny", "assert", "maintain", "inform", "report", "claim", "argue", "insist", "explain", "announce", "acknowledge", "admit", "write", "ask", "reply", "respond", "suggest", "confirm", "declare", "stress", "emphasise", "emphasize", "urge", "reiterate", "complain", "predict", "promise", "vow", "pledge", "testify", "recall", "contend", "concede", "allege", "remark", "comment", "observe", "point", "describe", "call", "threaten", "accuse", "blame", "praise", "criticize", "criticise", "tweet", "post", "quote", "reveal", "disclose", "caution", "express", "agree"]
)
#: Cues that need a clausal complement or a quotation to count (they have other, non-speech uses).
WEAK_LEMMAS = frozenset(
    ["add", "point", "describe", "call", "note", "post", "agree", "express", "ask", "write", "recall", "observe", "praise", "criticize", "criticise", "blame", "accuse", "threaten", "welcome"]
)
NEWS_AGENCIES = frozenset(
    ["reuters", "ap", "afp", "sputnik", "xinhua", "ani", "pti", "ians", "bloomberg", "tass", "dpa", "efe", "anadolu", "upi", "interfax", "kyodo", "yonhap", "ria"]
)
#: Without the cue model, a verb outside the speech list is a cue when its learned lexicon rate (how often
#: it heads a gold cue in PolNeAR train, :func:`newsloom.nlp.cues.cue_lexicon`) is at least this.
MIN_CUE_RATE = 0.35  # chosen on a held-out fifth of PolNeAR train (train_cue_lexicon.py --choose)


def cue_kind(token: Token, model_cues: set[int] | None = None) -> str | None:
    """"statement" for speech verbs, "belief" for learned attribution verbs (think, want, plan, show …),
    None when the token is no cue. With ``model_cues`` (the cue model's choice) that set decides; set phrases
    ("That said, …") are never cues and "as X put it" always is one, whoever decides."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or _discourse_marker(token):
        return None
    if _puts_it(token) or _introduces_quotation(token):
        return "statement"
    if model_cues is not None:
        if token.i not in model_cues:
            return None
        return "statement" if lemma in SPEECH_LEMMAS else "belief"
    if lemma in SPEECH_LEMMAS:
        return "statement"
    if lexicon_entry(token).get("rate", 0.0) >= MIN_CUE_RATE:
        return "belief"
    return None


#: what may stand between a verb and the colon or comma that opens its quotation: its particle, adverbs and
#: prepositional phrases ("went on to say,", "added in a statement:", "said on Twitter Tuesday,")
_LEAD_DEPS = frozenset(["prt", "advmod", "prep", "pobj", "det", "amod", "compound", "poss", "npadvmod"])
MAX_QUOTATION_LEAD = 5


def _introduces_quotation(verb: Token) -> bool:
    """'… but went on to say, “…”', 'Trump said before adding: “…”', 'X said in a statement, “…”': a verb of
    saying whose own words end at a colon or comma right before a quotation mark introduces that quotation,
    whatever the cue model makes of the verb in its context; so does any verb standing between the halves of
    a split quotation ('“The way I see it,” she elaborated, “…”')."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and i - verb.i <= MAX_QUOTATION_LEAD and doc[i].text not in (":", ","):
        token = doc[i]
        if token.dep_ not in _LEAD_DEPS or verb not in token.ancestors or token.is_space:
            return False
        i += 1
    if i + 1 >= len(doc) or doc[i].text not in (":", ",") or doc[i + 1].text not in QUOTATION_MARKS:
        return False
    # any verb before a colon measured lower on PolNeAR train ("Christie was thinking: “…”", "… happened on his
    # watch: “…”"), and so did adding verbs the cue lexicon rates as attributions (scratch; docs/benchmarks.md)
    return verb.lemma_.lower() in SPEECH_LEMMAS or _after_quotation(verb)


def _after_quotation(verb: Token) -> bool:
    """'“The way I see it,” she elaborated, “…”': the verb and its subject stand right after a closing mark
    and comma as well, between the halves of a split quotation."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    left = subject.left_edge.i if subject is not None else verb.i
    before = [t.text for t in doc[max(left - 2, 0) : left]]
    return len(before) == 2 and (before[1] in QUOTATION_MARKS and before[0] in (",", "?", "!")
                                 or before[1] == "," and before[0] in QUOTATION_MARKS)


def _quotation_introducers(doc: Doc, quoted: set[int]) -> list[int]:
    """Indexes of the verbs that may introduce a quotation (`_introduces_quotation` decides): those a few
    tokens before a colon or comma that stands right before a quotation's opening mark (``quoted``: the
    tokens inside quotation marks)."""
    found = []
    for first in (i for i in quoted if i - 1 not in quoted and i >= 3):
        if doc[first - 2].text in (":", ","):
            found += [j for j in range(max(first - 3 - MAX_QUOTATION_LEAD, 0), first - 2)
                      if doc[j].pos_ in ("VERB", "AUX")]
    return found


def _puts_it(verb: Token) -> bool:
    """"As Vulture put it, “…”", "as one adviser puts it": the idiom says, though "put" is no verb of saying."""
    return verb.lower_ in ("put", "puts") and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


#: set phrases built on a verb of saying that report nothing: the verb -> (words before it, words after it)
_DISCOURSE_MARKERS = {
    # "That said, Fox News's audience tends to be older"
    "said": ((("that",), (",",)), (("this",), (",",)), (("that", "being"), (",",)), (("having",), ("that",))),
    "say": ((("needless", "to"), ()), (("suffice", "it", "to"), ()), (("to",), ("the", "least")),
            (("that", "is", "to"), ())),
    "speak": ((("so", "to"), ()),),
}


def _discourse_marker(verb: Token) -> bool:
    """"That said, …", "Having said that", "needless to say", "to say the least": a verb of saying in a set
    phrase that links sentences, not an attribution ("That" said nothing)."""
    doc, i = verb.doc, verb.i
    return any(
        i >= len(before) and [t.lower_ for t in doc[i - len(before) : i]] == list(before)
        and [t.lower_ for t in doc[i + 1 : i + 1 + len(after)]] == list(after)
        for before, after in _DISCOURSE_MARKERS.get(verb.lower_, ()))




@dataclass
class TextSpan:
    text: str
    start: int
    end: int


@dataclass
class Speaker:
    name: str | None
    mention: TextSpan | None
    entity: str | None = None
    role: str | None = None


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | mixed | partial | indirect | report
    cue: TextSpan | None
    speaker: Speaker
    via: str | None = None
    quoted: list[TextSpan] = field(default_factory=list)  # the quotation-mark spans inside the content
    act: str = "statement"  # statement (said, wrote …) | belief (thinks, wants, plans, finds …)
    source: TextSpan | None = None  # the whole source phrase ("Rendell, a Clinton surrogate")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- parse helpers ---------------------------------------------------------------------------------------

#: brackets a span keeps at its ends when it holds their pair ("[Ted] knows …", "Sen. Rand Paul (R-Ky.)")
_BRACKETS = {"[": "]", "(": ")"}
_OPENING_OF = {close: open_ for open_, close in _BRACKETS.items()}
_ELLIPSES = frozenset(["…", "...", ". . ."])


def _after_opening_mark(doc: Doc, i: int) -> bool:
    """Whether a quotation mark (spaces aside) comes right before token ``i`` and opens a quotation: at a
    paragraph's start or after a space."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text not in QUOTATION_MARKS:
        return False
    return j == 0 or bool(doc[j - 1].whitespace_) or "\n" in doc[j - 1].text


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token span without punctuation or white space at either end, but for a bracket whose pair is inside
    the span: an editor's "[Ted] knows …" or "[W]e are …" inside a quotation stays whole, and so does
    "(R-Ky.)"; and for the ellipsis that opens a quotation ("“… overall, I think …”"): the quotation starts
    in the middle of what was said, and the content says so."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        closing = _BRACKETS.get(doc[start].text)
        # (the tokenizer may keep the pair inside a word: "[", "W]e")
        if closing is not None and any(closing in t.text for t in doc[start + 1 : end]):
            break
        if doc[start].text in _ELLIPSES and _after_opening_mark(doc, start):
            break
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        opening = _OPENING_OF.get(doc[end - 1].text)
        if opening is not None and any(opening in t.text for t in doc[start : end - 1]):
            break
        end -= 1
    return start, end


def _span(doc: Doc, start: int, end: int) -> TextSpan | None:
    start, end = trim_tokens(doc, start, end)
    if start >= end:
        return None
    s = doc[start:end]
    return TextSpan(s.text, s.start_char, s.end_char)


def _subtree_bounds(token: Token, exclude: Token | None = None) -> tuple[int, int]:
    """Token bounds of ``token``'s subtree; with ``exclude``, the part of it on the side away from that
    child's subtree."""
    lo, hi = token.left_edge.i, token.right_edge.i + 1
    if exclude is None:
        return lo, hi
    ex_lo, ex_hi = exclude.left_edge.i, exclude.right_edge.i + 1
    if ex_lo <= token.i < ex_hi:
        return lo, hi
    if ex_hi <= token.i:  # the cue's part is left of the head: content is what follows it
        return ex_hi, hi
    return lo, ex_lo


#: focus words a source phrase may open with that PolNeAR leaves out of the Source span (a scratch count over all
#: of train, before this rule: predicted sources opening with "even" 3 right / 25 wrong, "just" 1 / 4; "only"
#: 9 / 7 is kept; `training/quotes_heldout.py --all` source .7433 → .7443 with it)
_FOCUS_WORDS = frozenset(["even", "just"])


def _is_cue_word(verb: Token) -> bool:
    """A verb of saying, or one the cue lexicon rates as an attribution at least as often as the lexicon
    rule's threshold."""
    return verb.lemma_.lower() in SPEECH_LEMMAS or lexicon_entry(verb).get("rate", 0.0) >= MIN_CUE_RATE


def _source_bounds(subject: Token, cue: Token | None = None) -> tuple[int, int]:
    """The phrase naming a source: the subject's subtree with appositions, coordinated names ("Rendell, a
    Clinton surrogate") and a describing relative clause (", who took over as head of …": PolNeAR's Source
    spans keep it), without a participle or adverbial clause a comma sets off (", speaking at a rally") or
    a relative clause whose verb is a cue word (", who endorsed Clinton in February"), within its line (not a
    "7:10 p.m." stamp the parser joined to it) and after a dateline's dash; the resolver reads the name from
    its head. A ``cue`` hung on the subject ("signs saying: “…”", "a statement Tuesday saying, “…”") ends the
    phrase before it. All of PolNeAR train (`training/quotes_heldout.py --all`), source exact F1: every
    relative clause cut .7443 (commit 545ef1e), and, scratch variants of this test, none .7469, those whose verb
    is a verb of saying .7488, or one the cue lexicon rates ≥ 0.5 / 0.35 / 0.2 .7493 / .7500 / .7497."""
    doc = subject.doc
    lo, hi = subject.left_edge.i, subject.right_edge.i + 1
    if cue is not None and cue.head.i == subject.i and subject.i < cue.i:
        hi = min(hi, cue.left_edge.i)
    while lo < subject.i and doc[lo].lower_ in _FOCUS_WORDS:
        lo += 1  # "Even Donald Trump", "Just 28 percent of voters": the focus word is not the source's
    for token in doc[lo:hi]:
        if token.i < subject.i:
            # a line break, or a dateline's dash ("CLEVELAND — Former AG Mukasey told …"), or the closing mark
            # of a statement the parser hung on the name ('“It’s unanimous,” councilmember Mark Levine said'; a
            # nickname's marks, 'John “Tig” Tiegen', close no sentence)
            line_or_dash = "\n" in token.text or "\n" in token.whitespace_ or token.text in ("—", "–", "-") and (
                token.i > 0 and doc[token.i - 1].whitespace_ and token.whitespace_)
            closing_mark = token.text in QUOTATION_MARKS and token.i > lo and doc[token.i - 1].text in (",", ".", "?", "!")
            if line_or_dash or closing_mark:
                lo = token.i + 1
        elif "\n" in token.text:
            hi = min(hi, token.i)
        elif "\n" in token.whitespace_:
            hi = min(hi, token.i + 1)
        elif token.i > subject.i and (token.dep_ in ("acl", "advcl") or token.dep_ == "relcl" and _is_cue_word(token)) \
                and doc[token.left_edge.i - 1].text == ",":
            hi = min(hi, token.left_edge.i - 1)
    return lo, max(hi, subject.i + 1)


def _mention_bounds(doc: Doc, source: tuple[int, int]) -> tuple[int, int]:
    """The source phrase without trailing clauses: "the Russian diplomat [using the other acronym …]"."""
    start, end = source
    head = doc[start:end].root
    hi = head.i + 1
    for child in head.rights:
        if child.dep_ in ("relcl", "acl", "advcl", "punct") or child.i >= end:
            break
        hi = child.right_edge.i + 1
    return start, min(max(hi, head.i + 1), end)


#: adverbs before a cue verb that PolNeAR leaves out of the cue (it takes "also", "repeatedly", "publicly":
#: 94% of the adverbs right before a cue verb are in the cue, on 4/5 of train)
_CUE_ADVERBS_OUT = frozenset(["so", "however", "instead", "overall", "thus", "therefore"])


def _belongs_to_cue(before: Token, verb: Token) -> bool:
    if before.head.i != verb.i:
        return False
    if before.dep_ == "advmod":
        return before.pos_ == "ADV" and before.lower_ not in _CUE_ADVERBS_OUT
    return before.dep_ in ("aux", "auxpass", "neg")


def _cue_bounds(verb: Token) -> tuple[int, int]:
    lo = verb.i
    # "has also repeatedly said": auxiliaries, negation and adverbs of the verb right before it are the cue's
    while lo > 0 and _belongs_to_cue(verb.doc[lo - 1], verb):
        lo -= 1
    hi = verb.i + 1
    entry = lexicon_entry(verb)
    for child in verb.rights:
        if child.i == hi and child.dep_ == "prt":
            hi += 1
    # learned tails: "talked about", "said in a statement", "made it clear"; "tried to attack"
    doc = verb.doc
    infinitive = infinitive_after(verb) if entry.get("through_infinitive") else None
    if infinitive is not None:
        hi = infinitive.i + 1
        if hi < len(doc) and doc[hi].dep_ == "prt" and doc[hi].head.i == infinitive.i:
            hi += 1
    for tail in entry.get("tails", ()):  # longest first
        n = tail.count(" ") + 1
        if verb.i + n < len(doc) and hi <= verb.i + n and " ".join(t.lower_ for t in doc[verb.i + 1 : verb.i + n + 1]) == tail:
            hi = verb.i + n + 1
            break
    predicate = _attitude(verb)
    if predicate is not None:  # "are optimistic", "are concerned about", "is an outspoken critic of"
        hi = max(hi, predicate.i + 1)
        prep = next((c for c in predicate.rights if c.dep_ == "prep" and c.i == hi), None)
        hi = prep.i + 1 if prep is not None else hi
    return lo, hi


def _attitude(verb: Token) -> Token | None:
    """The adjective or noun of "be" that states an attitude ("optimistic", "concerned", "critic"): a word
    PolNeAR train puts inside cues (its learned "inside" rate)."""
    if verb.lemma_ != "be":
        return None
    predicate = next((c for c in verb.rights if c.dep_ in ("acomp", "attr")), None)
    if predicate is None:
        return None
    return predicate if lexicon_entry(predicate).get("inside", 0.0) >= ATTITUDE_MIN_INSIDE else None


def _colon_after(verb: Token) -> bool:
    """'Cruz continued: “…”' — a colon and a quotation right after the verb."""
    after = [t for t in verb.doc[verb.i + 1 : verb.i + 5] if not t.is_space]
    return len(after) >= 2 and after[0].text == ":" and after[1].text in QUOTATION_MARKS


def _inverted_subject(verb: Token) -> Token | None:
    """'“The risk,” said Edward Leamer, an economist …, “is that …”': after a quotation, a verb of saying with
    the name right after it, which the parser made the subject of the quotation's second half."""
    doc = verb.doc
    if verb.lemma_.lower() not in SPEECH_LEMMAS or verb.i + 1 >= len(doc):
        return None
    before = [t for t in doc[max(verb.i - 3, 0) : verb.i] if not t.is_space]
    if not any(t.text in QUOTATION_MARKS for t in before) or not any(t.text == "," for t in before):
        return None
    name = doc[verb.i + 1]
    while name.dep_ in ("compound", "det", "amod") and verb.i < name.head.i <= verb.i + 4:
        name = name.head
    if name.pos_ in ("PROPN", "NOUN", "PRON") and name.dep_ in ("nsubj", "nsubjpass"):
        return name
    # '“…,” said Skelly, explaining …': a capitalised name the parser hung on the verb as a modifier or object
    # (and tagged an adverb, for its "-ly")
    right_after_quotation = all(t.text in QUOTATION_MARKS or t.text == "," for t in before[-2:])
    if right_after_quotation and (name.pos_ == "PROPN" or name.is_title) and name.head.i == verb.i \
            and name.ent_type_ not in ("DATE", "TIME") and (
                name.dep_ in _MISREAD_NAME_DEPS or name.dep_ == "dobj" and verb.lemma_.lower() in ("say", "add")):
        return name
    return None


#: what the parser sometimes makes of the name right after '“…,” said': anything but its subject (its object
#: too, after "say" and "add" only: '“…,” telling Fox 35 that …' names whom it was said to)
_MISREAD_NAME_DEPS = frozenset(["advmod", "npadvmod", "attr", "oprd"])


#: how often (in train) a word must sit inside cues to make "be" + it an attitude cue
ATTITUDE_MIN_INSIDE = 0.1


#: words that open a clause but which the parser may read as a preposition with a noun object
_CLAUSE_OPENING_PREPOSITIONS = frozenset(["after", "before", "since", "until", "as"])


def _subject_of_misread_clause(verb: Token) -> Token | None:
    """A conjunct verb whose words before it are "after/before/since/until <name>[, <apposition>,]": the
    name is the subject of a clause the parser took for a prepositional phrase."""
    if verb.dep_ != "conj" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    name = before if before.ent_type_ == "PERSON" else None
    if name is None and before.text == ",":
        # the comma closing an apposition of the name: step back to the name it describes
        appos = verb.doc[verb.i - 2] if verb.i >= 2 else None
        while appos is not None and appos.dep_ != "appos" and appos.head.i < appos.i:
            appos = appos.head
        name = appos.head if appos is not None and appos.dep_ == "appos" else None
    if name is None or name.ent_type_ != "PERSON" or name.dep_ != "pobj":
        return None
    return name if name.head.lower_ in _CLAUSE_OPENING_PREPOSITIONS else None


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # two subjects are a parse error; the one nearest before the verb is the likelier ("CLEVELAND — Former
        # AG Mukasey told …": the dateline became a subject too)
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    # "About 4 in 10 say they want …": a poll share the parser hung on the verb as a number
    share = next((c for c in verb.lefts if c.dep_ in ("nummod", "npadvmod") and c.pos_ == "NUM"), None)
    if share is not None:
        return share
    # "… emerged after Zamir Kabulov, Putin's envoy, asserted Moscow had …": the parser read "after" as a
    # preposition and made the verb a conjunct; the name right before it is its subject
    garden_path = _subject_of_misread_clause(verb)
    if garden_path is not None:
        return garden_path
    # "Durbin, noting the size of …, said, “…”": the parser gave the name to the participle between them, and
    # made the verb of saying a parataxis on it (when it made the participle a clause under the verb instead,
    # taking its subject measured lower on PolNeAR train: a subject of the clause before, not the speaker)
    participle = verb.head
    if verb.dep_ == "parataxis" and participle.tag_ == "VBG" and participle.i < verb.i:
        subject = next((c for c in participle.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    # "X said … and added that …", "X said …, adding that …": the verb shares the first one's subject
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        if (verb.dep_ == "conj" or verb.tag_ == "VBG") and verb.head.lemma_.lower() not in SPEECH_LEMMAS:
            # "X said the city had approved … and accused his rival": a parser's conjunct inside the reported
            # clause; the speech verb above it is the one it shares a subject with (so does a participle the
            # parser hung inside it: "X said the campaign had gone too far, noting …")
            speech = next((a for a in verb.head.ancestors if a.lemma_.lower() in SPEECH_LEMMAS), None)
            if speech is not None:
                return _subject(speech)
        return _subject(verb.head)
    # "After suggesting on Wednesday that …, Rubio …": the subject of the clause the phrase modifies
    # ("Tass quoted Okafor as saying …" is the "quote" shape, read with its via)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ != "as" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head)
    # "emails that night showing that …", "an item suggesting that …": the noun the participle describes
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


#: verbs whose passive raises the subject of what is reported ("is said to", "is expected to", "is believed to")
RAISING_LEMMAS = frozenset(["say", "expect", "believe", "think", "report", "rumor", "rumour", "know", "consider",
                            "see", "project", "predict", "estimate", "suppose", "understand"])


def _passive(verb: Token) -> tuple[Token | None, tuple[int, int]] | None:
    """A passive cue with a subject: (source, content). "Both attacks were claimed by the Islamic State": the
    agent speaks about the subject; "Some advisers are said to be urging …" (a raising verb with an
    infinitive, no agent): nobody is named and the statement is the whole clause, its subject included."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    xcomp = next((c for c in verb.rights if c.dep_ == "xcomp"), None)
    content = (subject.left_edge.i, (xcomp or subject).right_edge.i + 1)
    if agent is not None:
        by = next((c for c in agent.children if c.dep_ == "pobj"), None)
        return (by, content) if by is not None else None
    raised = verb.lemma_.lower() in RAISING_LEMMAS and xcomp is not None and subject.i < verb.i and any(
        c.dep_ == "auxpass" for c in verb.children)
    return (None, content) if raised else None


#: active verbs that raise the subject of what they qualify ("Sanders appears to have a slight lead")
APPEARANCE_LEMMAS = frozenset(["seem", "appear"])


def _appearance(verb: Token) -> tuple[int, int] | None:
    """"Sanders appears to have a slight lead": how things look, said by nobody in particular — the
    statement is the whole clause, subject and verb included (PolNeAR train: 74 of the 117 such cues have no
    source and this content; 23 make the subject the source)."""
    if verb.lemma_.lower() not in APPEARANCE_LEMMAS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    xcomp = next((c for c in verb.rights if c.dep_ == "xcomp"), None)
    if subject is None or xcomp is None:
        return None
    return subject.left_edge.i, xcomp.right_edge.i + 1


def _stray_subject(verb: Token, clause: Token, clause_start: int) -> Token | None:
    """'said the days when … are gone': the subject of a reported clause that the parser hung on the verb
    (as a noun phrase of time or an object) right before a clause that has no subject of its own."""
    if clause.dep_ != "ccomp" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("npadvmod", "dobj") and verb.i < c.i < clause.i
                 and c.right_edge.i + 1 == clause_start), None)


#: subordinators of a clause that comments on a statement rather than being one (parsed as a complement)
_ADVERBIAL_MARKS = frozenset(["while", "although", "though", "as", "because", "since", "when", "before", "after",
                              "until", "unless", "whereas"])


def _complement(verb: Token) -> Token | None:
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        # two clauses (a quotation from the paragraph before, the reported one after): the one after; one
        # before the verb with a direct object after it ("there is no divide: most endorse checks") is not it
        after = [c for c in clauses if c.i > verb.i and c.left_edge.lower_ not in _ADVERBIAL_MARKS]  # ", while …"
        if after:
            return after[0]
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        return clauses[0] if obj is None else None
    predicate = _attitude(verb)
    if predicate is not None:  # "are optimistic that …", "are concerned about …"
        clause = next((c for c in predicate.children if c.dep_ == "ccomp"), None)
        prep = next((c for c in predicate.rights if c.dep_ == "prep"), None)
        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        return clause if clause is not None else obj
    for child in verb.children:  # "said in a statement that …" sometimes attaches low
        if child.dep_ in ("xcomp", "advcl") and _marked(child, "that"):
            return child
    for child in verb.rights:  # "is calling for the United States to step up …"
        if child.dep_ == "advcl" and child.left_edge.i == verb.i + 1 and _marked(child, "for"):
            return child
    for prep in verb.rights:  # …or under the noun: "says in a statement [that the race …]"
        if prep.dep_ == "prep" and prep.lower_ in ("in", "on"):
            for noun in prep.children:
                clause = next((c for c in noun.rights if c.dep_ in ("acl", "relcl", "ccomp") and _marked(c, "that")), None)
                if noun.dep_ == "pobj" and clause is not None:
                    return clause
    return None


#: conjunctions that make a clause the reason, time or condition of the one it hangs on, never its source:
#: "It was an unusual step, since the Taliban has been listed as a terrorist group"
_SUBORDINATORS = frozenset(["since", "because", "when", "after", "before", "if", "although", "though", "while",
                            "until", "unless", "once", "whereas"])


def _subordinate(clause: Token) -> bool:
    return clause.dep_ == "advcl" and _marked(clause, *_SUBORDINATORS)


def _marked(clause: Token, *words: str) -> bool:
    """The clause is introduced by one of ``words`` ("that …", "for X to …", "as X reported")."""
    return any(g.dep_ == "mark" and g.lower_ in words for g in clause.children)


# -- the extractor ---------------------------------------------------------------------------------------

@dataclass
class _Candidate:
    content: tuple[int, int]  # token bounds
    cue: tuple[int, int]
    source: tuple[int, int] | None
    via: tuple[int, int] | None = None
    report: bool = False
    act: str = "statement"
    governs: bool = False  # the content is the cue's own clausal complement
    attached: bool = False  # the content is a quotation the attribution touches ("“…,” she said")
    shared_subject: bool = False  # the source is another verb's subject ("X said, adding that …")


def _through_sentence_tail(cue: Token, content: tuple[int, int], quoted: set[int]) -> tuple[int, int]:
    """A reported clause after its cue runs to the end of the sentence when the rest is still the cue's
    (the parser hangs trailing phrases on the verb of saying: "said the tool was used, and people were still
    using it on Saturday", "said he would be honored to serve should the opportunity present itself") —
    unless the rest holds a quotation, another verb of saying or "according to", which are statements of
    their own. Held-out train content .595 → .599, dev .557 → .563."""
    doc = cue.doc
    end = cue.sent.end
    while end > content[1] and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    tail = doc[content[1] : end]
    if not len(tail) or not all(cue.is_ancestor(t) for t in tail):
        return content
    if any(t.i in quoted or t.text in QUOTATION_MARKS or t.lower_ == "according" for t in tail):
        return content
    if any(t.pos_ == "VERB" and cue_kind(t) is not None for t in tail):
        return content
    return content[0], end


def _according_clause(according: Token) -> Token:
    """The clause an "according to X" vouches for. The parser often hangs the phrase on the nearest noun or
    adjective ("leads Sanders by 271 pledged delegates according to …", "might not be so lucky, according to
    …"), but it reports the whole clause, every conjunct of it ("rose …, but declined …, according to …")."""
    clause = according.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause


_ACCORDING = get_string_id("according")
_PUT = [get_string_id(w) for w in ("put", "puts")]


def _cue_candidates(doc: Doc, quoted: set[int], model_cues: set[int] | None) -> list[_Candidate]:
    """``model_cues``: the cue model's choice of cue tokens (None: the speech list and lexicon rule)."""
    found: list[_Candidate] = []
    # only "according" and the tokens that can be cues are read (making every token's Token object cost more
    # than the rules below); in document order, as before
    lower = doc.to_array(LOWER)
    according = np.flatnonzero(lower == _ACCORDING).tolist()
    put = np.flatnonzero(np.isin(lower, _PUT)).tolist()  # "as X put it" (cue_kind tells), whatever the model says
    introducers = _quotation_introducers(doc, quoted)  # 'said: “…”' (cue_kind tells), whatever the model says
    for index in sorted({*according, *put, *introducers,
                         *(model_cues if model_cues is not None else verb_indexes(doc))}):
        token = doc[index]
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            to = next(c for c in token.children if c.lower_ == "to")
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            content = _subtree_bounds(_according_clause(token), exclude=token) if token.head.i != token.i else (
                token.i + 1, token.i + 1)
            found.append(_Candidate(content, (token.i, to.i + 1), _source_bounds(pobj)))
            continue
        act = cue_kind(token, model_cues)
        if act is None:
            continue
        subject = _subject(token)
        bare = False  # a bare attribution: its content is the quotation it touches, or nothing
        passive = _passive(token)
        if passive is not None:
            by, content = passive
            found.append(_Candidate(content, _cue_bounds(token), _source_bounds(by) if by is not None else None,
                                    act=act))
            continue
        appearance = _appearance(token)
        if appearance is not None:
            found.append(_Candidate(appearance, _cue_bounds(token), None, act=act))
            continue
        # "Sputnik quoted Shoigu as saying that …": Shoigu speaks, via Sputnik
        if lemma == "quote":
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            saying = next((t for t in token.subtree if t.lemma_ == "say" and t.i > token.i), None)
            comp = _complement(saying) if saying is not None else None
            if obj is not None and comp is not None:
                found.append(_Candidate(
                    _subtree_bounds(comp), (token.i, saying.i + 1), _source_bounds(obj),
                    via=_source_bounds(subject) if subject is not None else None,
                ))
                continue
        comp = _complement(token)
        obj = _object(token)
        infinitive_subject = None
        if comp is None:
            # "wants to …", "plans to …", "pledged to …": the infinitive is what is attributed — unless an
            # object comes first ("called for the port authority to step up …" is read as an object below)
            comp = next((c for c in token.children if c.dep_ == "xcomp"), None)
            through = infinitive_after(token) if lexicon_entry(token).get("through_infinitive") else None
            if comp is not None and through is not None and comp.i == through.i:
                # the cue runs through the infinitive ("continues to tell itself that …"): what that verb
                # reports is the content, not the infinitive phrase with its addressee
                comp = _complement(comp) or comp
            if comp is not None and obj is not None and obj.i < comp.i:
                if act == "statement":
                    comp = None
                else:  # "ordered the State Department to review …": PolNeAR's content starts at the object
                    infinitive_subject = obj
        if comp is not None:
            content = _clause_content(comp)
            if infinitive_subject is None:
                infinitive_subject = _stray_subject(token, comp, content[0])
            if infinitive_subject is not None:
                content = (infinitive_subject.left_edge.i, content[1])
            if comp.dep_ == "ccomp" and content[0] > token.i:
                content = _through_sentence_tail(token, content, quoted)
            content = _without_trailing_description(doc, *content)
        elif token.dep_ == "advcl" and _marked(token, "as") and token.head.pos_ in ("VERB", "AUX"):
            # "As The Washington Post reported, even if Sanders split the delegates …": the clause it heads
            content = _subtree_bounds(token.head, exclude=token)
        elif token.dep_ == "parataxis" and token.head.i > token.i and subject is not None and (
                token.left_edge.i > (clause := _reported_clause(token)).left_edge.i):
            # "By eliminating the line, Ms. Tchen said, the White House is able to …": the attribution sits
            # inside the clause it reports, which runs on both sides of it
            content = (clause.left_edge.i, clause.right_edge.i + 1)
        elif token.dep_ in ("parataxis", "ccomp", "advcl") and token.head.i != token.i and token.head.i < token.i \
                and obj is None and not _subordinate(token):  # "…, most endorse universal checks": its object is the content
            # "…, a U.N. official said": the cue hangs off the clause it reports; "The benefit, it says,
            # would be $300": the clause goes on after it, and the statement is the whole clause
            head = token.head
            ends_clause = token.right_edge.i + 1 >= head.right_edge.i or all(
                t.is_punct for t in doc[token.right_edge.i + 1 : head.right_edge.i + 1])
            content = (head.left_edge.i, token.left_edge.i if ends_clause else head.right_edge.i + 1)
        elif token.dep_ == "ROOT" and subject is not None and subject.i > token.i:
            # inverted "…,” said Bharat Bhushan Babu": content is the quotation before the cue
            content = (token.sent.start, token.i)
        elif subject is not None and _trailing_attribution(token, subject):
            # "The strike could last weeks, Maritime Daily reported." (whatever the parser made of the rest)
            content = (token.sent.start, subject.left_edge.i)
        elif subject is not None and (act == "statement" or model_cues is not None) and _bare_attribution(token, subject):
            # "“…?” Rubio said." / "“…?” a staffer wondered." parsed as a sentence of its own: content only if a
            # quotation touches it
            content, bare = (token.i, token.i), True
        else:
            # Without the cue model, a bare object only counts for a quotation ("expressed ‘deep concern’");
            # the model has already judged this verb in its context ("called for calm", "cited a poll").
            trusted = model_cues is not None
            pro_form = _pro_form(token)
            if obj is None and pro_form is not None and subject is not None and act == "statement":
                # "after half said so in the earlier poll", "Mook said as much": the words stand for a statement
                content = pro_form
            elif obj is None and trusted and subject is not None and (act == "statement" or _colon_after(token)):
                # 'Erdogan said, “Let the United Nations …”' with the quotation parsed apart: the content is
                # the quotation the attribution touches, if one does
                content, bare = (token.i, token.i), True
            elif obj is None or not trusted and (lemma in WEAK_LEMMAS or act == "belief") and not _has_quote_mark(obj):
                continue
            elif act == "belief" and _quotes_only_names(obj, quoted):
                continue  # "launched a radio station named “Voice of the Caliphate”": a name, nothing said
            else:
                content = _object_content(token, obj)
        if subject is None or content[0] > content[1] or content[0] == content[1] and not bare:
            continue
        if model_cues is None and lemma in WEAK_LEMMAS and comp is None and not has_quotation_mark(doc, *content):
            continue
        report = lemma == "report" and subject.lower_ in NEWS_AGENCIES
        cue = _cue_bounds(token)
        if cue[0] <= content[0] < cue[1] < content[1]:
            content = (cue[1], content[1])  # the cue's learned tail ("calling for") is not content
        found.append(_Candidate(content, cue, _source_bounds(subject, token), report=report, act=act,
                                governs=comp is not None and comp.head.i == token.i,
                                shared_subject=subject.head.i != token.i and subject != _inverted_subject(token)))
    return found


#: openers of a ", though …" clause after a reported one: the article's comment. (", because …", ", when …" are
#: more often part of what was said: all of _ADVERBIAL_MARKS here measured .001 lower content on held-out train.)
_COMMENT_MARKS = frozenset(["as", "though", "although", "while", "whereas"])


def _pro_form(verb: Token) -> tuple[int, int] | None:
    """"so", "as much", "yes", "no" or "the same" right after a finite verb of saying, standing for what was
    said ("46 percent of voters said yes", "26 percent said the same")."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i + 1 >= len(doc):
        return None
    after = doc[verb.i + 1]
    if after.lower_ in ("so", "yes", "no") and after.head.i == verb.i:
        return after.i, after.i + 1
    two = doc[verb.i + 1 : verb.i + 3].text.lower() if verb.i + 2 < len(doc) else ""
    if two in ("as much", "the same") and doc[verb.i + 2].head.i == verb.i:
        return after.i, after.i + 2
    return None


def _reported_clause(attribution: Token) -> Token:
    """The clause a parenthetical attribution sits in: its head, or the verb of that head when the parser hung
    the attribution on an auxiliary ("Even then, he said, he’s learned …": "said" on "’s")."""
    clause = attribution.head
    while clause.dep_ in ("aux", "auxpass") and clause.head.i != clause.i:
        clause = clause.head
    return clause


def _clause_content(root: Token) -> tuple[int, int]:
    """A reported clause, without a trailing ", focusing on …" participle phrase or ", though …" clause that
    comments on it."""
    lo, hi = _subtree_bounds(root)
    doc = root.doc
    for child in root.rights:
        start = child.left_edge.i
        # 'that he has “expanded the party,” claiming …': the comma may close a quotation
        comma = before_marks(doc, start - 1, lo)
        if comma <= lo or doc[comma].text != ",":
            continue
        if child.dep_ == "advcl" and (child.tag_ == "VBG" or doc[start].lower_ in _COMMENT_MARKS):
            return lo, comma if comma == start - 1 else start
    return lo, hi


#: relative pronouns of a describing clause set off by a comma (", which closed in 2019", ", who has lived …")
_DESCRIBING_PRONOUNS = frozenset(["which", "who"])


def _without_trailing_description(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """A reported clause without the describing relative clause that closes it after a comma ("said the port
    would reopen the north terminal, which closed in 2019"): the article's aside, not what was said — unless
    a quotation mark is in or beside the content. All of PolNeAR train (`training/quotes_heldout.py --all`):
    content .5683 → .5693; held-out fifth and dev unchanged at three decimals."""
    if has_quotation_mark(doc, lo, hi):
        return lo, hi
    last = hi - 1
    while last > lo and doc[last].is_punct:
        last -= 1
    for token in doc[lo:hi]:
        start = token.left_edge.i
        if (token.dep_ == "relcl" and start - 1 > lo and doc[start - 1].text == ","
                and doc[start].lower_ in _DESCRIBING_PRONOUNS and token.right_edge.i >= last
                and lo <= token.head.i < start - 1):
            return lo, start - 1
    return lo, hi


def _object_content(verb: Token, obj: Token) -> tuple[int, int]:
    """An object content, with what the verb says about it right after it: a predicate ("called climate
    change a hoax"), a phrase ("portrayed Obama as …", "attacked Clinton for …", "likened the deal to …",
    "opposed the deal last summer")."""
    lo, hi = _subtree_bounds(obj)
    for child in verb.rights:
        # the child's phrase, not the child itself, must follow: "calls her record a “blueprint” for …"
        if child.i < hi or child.left_edge.i - hi > 1:
            continue
        if child.dep_ in ("oprd", "xcomp", "ccomp", "prep", "npadvmod", "advmod"):
            hi = child.right_edge.i + 1
    return lo, hi


#: prepositions whose object is what a cue verb is about ("called for calm", "warned of a crisis")
OBJECT_PREPOSITIONS = frozenset(["for", "on", "to", "about", "against", "at", "of", "over"])


def preposition_objects(verb: Token) -> Iterator[tuple[Token, Token]]:
    """(preposition, its object) after ``verb`` for the prepositions in :data:`OBJECT_PREPOSITIONS`."""
    for prep in verb.rights:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in OBJECT_PREPOSITIONS:
            pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                yield prep, pobj


def _object(verb: Token) -> Token | None:
    """What a cue verb is about when it has no clause: its object, or the object of "for/on/to/about"
    right after it ("called for calm", "pointed to the polls")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    # learned per lemma: "spoke at the conference about …" — "at" says where, "about" what
    circumstances = lexicon_entry(verb).get("circumstance_preps", ())
    return next((pobj for prep, pobj in preposition_objects(verb) if prep.lower_ not in circumstances), None)


def _trailing_attribution(verb: Token, subject: Token) -> bool:
    """Subject and cue close the sentence, after a comma: "…, a U.N. official said." Not a relative clause:
    in "He met Ruiz, who called it reckless" what comes before the comma is the article's, not Ruiz's."""
    if verb.dep_ == "relcl" or subject.tag_ in ("WP", "WDT"):
        return False
    start = subject.left_edge.i
    if start <= verb.sent.start or verb.doc[start - 1].text not in (",", "—", "–"):
        return False
    rest = [t for t in verb.doc[verb.i + 1 : verb.sent.end] if not t.is_punct]
    return len(rest) <= 4 and start - verb.sent.start >= 4


#: words besides the speaker and the verb a bare attribution sentence may hold ("Rubio said in a
#: statement on Tuesday.")
BARE_ATTRIBUTION_EXTRA = 6


def _bare_attribution(verb: Token, subject: Token) -> bool:
    """The sentence is only "<speaker> said [when/where]": the parser cut it off the quotation before."""
    sent = verb.sent
    first = next((t.i for t in sent if not t.is_punct and not t.is_space), sent.start)  # after a closing mark
    if verb.dep_ != "ROOT" or subject.left_edge.i != first or subject.i > verb.i:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative") for c in verb.children):
        return False
    about = _object(verb)  # "have asked for copies": what it is about, unless a day ("said on Tuesday")
    if about is not None and about.ent_type_ not in ("DATE", "TIME"):
        return False
    rest = [t for t in sent if not t.is_punct and not t.is_space and not (subject.left_edge.i <= t.i <= subject.right_edge.i)]
    return len(rest) - 1 <= BARE_ATTRIBUTION_EXTRA


def _has_quote_mark(token: Token) -> bool:
    return any(t.text in QUOTATION_MARKS for t in token.subtree)


#: words after which a quotation is the name of something ("a station named “Voice of the Caliphate”")
_NAMING_WORDS = frozenset(["named", "called", "dubbed", "titled", "entitled", "nicknamed"])


def _quotes_only_names(obj: Token, quoted: set[int]) -> bool:
    """Every quotation in the object's phrase (``quoted``: the tokens inside quotation marks) is a name that a
    naming word introduces, right before its opening mark."""
    doc = obj.doc
    firsts = [i for i in range(obj.left_edge.i, obj.right_edge.i + 1) if i in quoted and i - 1 not in quoted]
    return bool(firsts) and all(i >= 2 and doc[i - 2].lower_ in _NAMING_WORDS for i in firsts)


def extract_quotes(doc: Doc, *, cue_model: CueModel | None | bool = True,
                   boundary_model: BoundaryModel | None | bool = True,
                   cue_extent_model: CueExtentModel | None | bool = True,
                   span_tagger: SpanTagger | None | bool = True) -> list[Quote]:
    """Every attributed statement in ``doc`` (parsed), in text order.

    Cues are chosen by ``cue_model`` (``True``: the shipped one; ``False``: none, the speech list plus the
    lexicon rule, which the training scripts compare with it). ``boundary_model`` may move an
    edge of each content (:mod:`newsloom.nlp.boundaries`; ``True``: the shipped model, ``False``: none, the
    rules' extents, as its training script reads them); ``cue_extent_model`` likewise the end of each cue
    (:mod:`newsloom.nlp.cue_extent`), after the contents have moved.
    ``span_tagger`` drops quotes whose cue the learned tagger all but rules out, gives source phrases the
    extent of its near-sure sources and adds quotes for its confident spans that no rule found
    (:mod:`newsloom.nlp.tagged`; ``True``: the tagger when ``NEWSLOOM_TAGGER`` switches it on, else none)."""
    from newsloom.nlp.adjacent import (  # (adjacent.py imports this module)
        adjacent_cue,
        attach_adjacent_quotation,
        attribution_after_quotation,
        attribution_before_quotation,
    )
    from newsloom.nlp.speakers import SpeakerResolver

    text = doc.text  # (spaCy builds it from the tokens on each access)
    marks = quotation_spans(text)
    mark_tokens = quotation_token_spans(doc, marks)
    resolver = SpeakerResolver(doc, mark_tokens)
    model = default_cue_model() if cue_model is True else cue_model or None
    inside_marks = set()
    for ms, me in mark_tokens:
        inside_marks.update(range(ms, me))
    paragraph = _paragraph_index(doc)
    candidates = []
    model_cues = model.cue_tokens(doc, SPEECH_LEMMAS, inside_marks) if model is not None else None
    for cand in _cue_candidates(doc, inside_marks, model_cues):
        # speech reported inside a quotation ("I can tell you …") is the speaker's, not the article's
        if cand.cue[0] in inside_marks:
            continue
        cand = attach_adjacent_quotation(doc, cand, mark_tokens)
        cand.content = _clip_to_paragraph(cand.content, cand.cue[0], paragraph, mark_tokens)
        if cand.content[0] >= cand.content[1] or cand.content[1] <= cand.cue[0] and not cand.attached:
            cand.content = _paragraph_after_colon(doc, cand, paragraph) or cand.content
        cand.content = _run_to_quotation_end(cand.content, mark_tokens)
        if cand.content[0] < cand.content[1]:
            candidates.append(cand)

    # A quotation inside a candidate's content belongs to it; a quotation no candidate covers looks for a
    # cue right after it (", he said") or right before it ("said: “…”").
    covered = [False] * len(mark_tokens)
    for cand in candidates:
        for k, (ms, me) in enumerate(mark_tokens):
            if ms < cand.content[1] and me > cand.content[0]:
                covered[k] = True
    for k, (ms, me) in enumerate(mark_tokens):
        if covered[k]:
            continue
        cand = adjacent_cue(doc, candidates, ms, me)
        if cand is not None and cand.attached and cand.content[1] <= cand.cue[0] < ms:
            continue  # “A,” he said, “B”: B goes on with A (the continuation step below), one statement
        if cand is None:
            cand = attribution_after_quotation(doc, ms, me, paragraph, model_cues) or attribution_before_quotation(
                doc, ms, me, paragraph, model_cues)
            if cand is not None and cand.cue[0] >= me:
                # '“It’s finished,” she said of the election, in which she was sure Trump would triumph …': the
                # quotation is what the verb after it says, whatever clause the parser also hung on the verb
                candidates = [c for c in candidates if c.cue != cand.cue or c.content[0] < c.cue[1]]
        if cand is not None:
            candidates.append(_Candidate((ms, me), cand.cue, cand.source, cand.via, cand.report, cand.act))
            covered[k] = True

    quotes: list[Quote] = []
    used_content: set[tuple[int, int]] = set()
    # Two cues can claim one content (a parser's stray conjunct, a cue in the paragraph before a quotation);
    # the attribution touching the quotation wins, then the cue whose clause it is.
    for cand in sorted(candidates, key=lambda c: (c.content, not c.attached, not c.governs)):
        start, end = trim_tokens(doc, *cand.content)
        if start >= end or (start, end) in used_content:
            continue
        used_content.add((start, end))
        quotes.append(_make_quote(doc, start, end, cand, mark_tokens, resolver))

    # attributions the layout states, where the parse found none, and the findings an "in …" phrase attributes
    # ("… in a CNN poll"); layout.py and findings.py import this module, hence the imports here. A quotation
    # signed ("— Name") or opened by a transcript's "NAME:" is the speaker's, not a sequel of the statement
    # before it.
    from newsloom.nlp.continuation import extend_continuations
    from newsloom.nlp.findings import finding_quotes
    from newsloom.nlp.layout import covered as layout_covered
    from newsloom.nlp.layout import (
        opening_headline_quotes,
        quoted_lines,
        signed_quotations,
        transcript_quotes,
    )

    signed = signed_quotations(text, marks, quotes, resolver.full_names)
    transcript = transcript_quotes(doc, text, quotes, resolver.full_names)
    for k, (ms, _) in enumerate(mark_tokens):
        at = doc[ms].idx
        covered[k] = covered[k] or any(text.rfind("\n", 0, q.start) < at < q.end for q in signed + transcript)
    # the second half of a split quote, a quote continued in the next paragraph
    extend_continuations(doc, text, quotes, mark_tokens, covered, paragraph, inside_marks)
    quotes += opening_headline_quotes(doc, text, quotes, resolver.full_names)
    quotes += quoted_lines(doc, text, quotes + signed + transcript, resolver.full_names)
    signed = [q for q in signed if not layout_covered(quotes, q.start, q.end)]
    transcript = [q for q in transcript if not layout_covered(quotes, q.start, q.end)]
    # speech reported inside a signed quotation is the signer's, as inside any quotation (the candidates above);
    # inside a transcript line ("TAPPER: Trump said …") or a post's text it stays an attribution of its own
    quotations = [q for q in signed if q.quoted]
    quotes = [q for q in quotes if q.cue is None or not any(w.start <= q.cue.start < w.end for w in quotations)]
    quotes += signed + transcript
    quotes += finding_quotes(doc, quotes, mark_tokens, resolver)
    # the learned models' word on the extents (refined.py imports this module)
    from newsloom.nlp.refined import (
        content_items,
        with_refined_contents,
        with_refined_cues,
        without_cues_inside_others,
    )

    content_model = default_boundary_model() if boundary_model is True else boundary_model or None
    cue_model_ = default_cue_extent_model() if cue_extent_model is True else cue_extent_model or None
    if content_model is not None or cue_model_ is not None:
        cols = Columns(doc, mark_tokens)
        if content_model is not None:
            items = content_items(doc, quotes)
            quotes = with_refined_contents(doc, quotes, items, content_model.refine(cols, items))
        if cue_model_ is not None:
            quotes = with_refined_cues(doc, quotes, cue_model_, cols)
    quotes = without_cues_inside_others(quotes)
    tagger = default_span_tagger() if span_tagger is True else span_tagger or None
    if tagger is not None:
        # (tagged.py imports this module)
        from newsloom.nlp.tagged import supported, tagged_quotes, with_tagged_sources

        tagging = tagger.tag(text)
        quotes = with_tagged_sources(text, supported(quotes, tagging), tagging)
        quotes += tagged_quotes(doc, quotes, tagging, mark_tokens, resolver)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _run_to_quotation_end(content: tuple[int, int], marks: list[tuple[int, int]]) -> tuple[int, int]:
    """A content that opens a quotation, or ends inside one, runs to the quotation's end (the parse stops at
    its first sentence: 'told his audience, “What has happened is this. The campaign …”')."""
    start, end = content
    for ms, me in marks:
        # opening it, or ending inside it: 'told him that “to be able to beat expectations [would be helpful]”'
        if ms <= start <= ms + 1 and end < me or start <= ms < end < me:
            return start, me
    return content


def _paragraph_index(doc: Doc) -> list[int]:
    """Paragraph number of every token (a paragraph ends at a line break)."""
    out, number = [], 0
    for token in doc:
        out.append(number)
        if "\n" in token.text or "\n" in token.whitespace_:
            number += 1
    return out


def _clip_to_paragraph(content: tuple[int, int], cue: int, paragraph: list[int],
                       marks: list[tuple[int, int]]) -> tuple[int, int]:
    """Content stays in the cue's paragraph. A quotation that opens in or after it stays whole (it may run
    over several paragraphs); one that opened in an earlier paragraph keeps only its part in the cue's
    ("…” closing a long quote, then ', he said')."""
    start, end = content
    home = paragraph[min(cue, len(paragraph) - 1)]
    if content in marks and paragraph[start] >= home:
        return content
    while start < end and paragraph[start] < home:
        start += 1
    while end > start and paragraph[end - 1] > home:
        end -= 1
    return start, end


def _paragraph_after_colon(doc: Doc, cand: _Candidate, paragraph: list[int]) -> tuple[int, int] | None:
    """'The governor added:' closing its paragraph, over a paragraph without quotation marks (a block quote
    whose marks the page set as indentation): that paragraph is what was said. A paragraph that opens with a
    quotation mark is read as a quotation elsewhere; one that opens with markup ('<tweet …>') is an embed. The
    colon must follow the cue itself: letting words stand between, as ``adjacent._introducing_colon`` does
    before a quotation, gave "according to the State Department:" the next paragraph instead of the clause it
    vouches for (all of train, one content lost)."""
    colon = cand.cue[1]
    if colon < len(doc) and doc[colon].lower_ == "that":
        colon += 1
    if colon + 1 >= len(doc) or doc[colon].text != ":":
        return None
    start = colon + 1
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or paragraph[start] == paragraph[colon] or doc[start].text[0] in "<“\"‘'«" or (
            doc[start].is_punct and doc[start].text != "…"):
        return None
    end = start
    while end < len(doc) and paragraph[end] == paragraph[start]:
        end += 1
    return start, end


def _make_quote(doc: Doc, start: int, end: int, cand: _Candidate, marks: list[tuple[int, int]], resolver) -> Quote:  # noqa: ANN001
    content = doc[start:end]
    inside = [(max(ms, start), min(me, end)) for ms, me in marks if ms < end and me > start]
    quoted_chars = sum(doc[a:b].end_char - doc[a:b].start_char for a, b in inside if a < b)
    share = quoted_chars / max(content.end_char - content.start_char, 1)
    if cand.report:
        kind = "report"
    elif share >= 0.85:
        # a short quoted fragment standing alone ("expressed ‘deep concern’") is a partial quote
        kind = "direct" if len(content) > 5 or any(t.pos_ in ("VERB", "AUX") for t in content) else "partial"
    elif inside:
        kind = "partial" if len(content) <= 8 and sum(b - a for a, b in inside) <= 5 else "mixed"
    else:
        kind = "indirect"
    cue = _span(doc, *cand.cue)
    speaker = resolver.resolve(_mention_bounds(doc, cand.source), start) if cand.source else Speaker(None, None)
    source = _span(doc, *cand.source) if cand.source else None
    via = _span(doc, *cand.via).text if cand.via and _span(doc, *cand.via) else None
    quoted = [TextSpan(doc[a:b].text, doc[a:b].start_char, doc[a:b].end_char) for a, b in inside if a < b]
    lo, hi = balanced_marks(doc, start, end)  # its text never shows half a pair of marks
    content = doc[lo:hi]
    return Quote(content.text, content.start_char, content.end_char, kind, cue, speaker, via, quoted, cand.act,
                 source)
