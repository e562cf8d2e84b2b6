"""Attributions that touch a quotation: “…,” he said / X said: “…” / “A,” X said, “b …”.

The quotation beside an attribution is its content, whole — after it only punctuation, no line break, no new
sentence; before it a colon or a comma — and a quotation no cue's clause covers looks for the attribution
right after it or right before it, read off the parse or, where the parse lost it, off the words. Run by
:func:`newsloom.nlp.quotes.extract_quotes`, whose candidates these functions read and change.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsloom.nlp.cues import QUOTATION_MARKS
from newsloom.nlp.marks import before_marks, has_quotation_mark

# (this module extends quotes.py, as continuation.py and layout.py do; quotes.py imports it when it runs)
from newsloom.nlp.quotes import SPEECH_LEMMAS, _Candidate, cue_kind


def _only_punct(doc: Doc, start: int, end: int, limit: int = 3) -> bool:
    return 0 <= end - start <= limit and all(t.is_punct or t.is_space for t in doc[start:end])


def _crosses_line(doc: Doc, start: int, end: int) -> bool:
    return any("\n" in t.text or "\n" in t.whitespace_ for t in doc[max(start - 1, 0) : end])


def _joins_after(doc: Doc, quotation: tuple[int, int], attribution_start: int) -> bool:
    """“…,” he said: only punctuation between, no line break, and no full stop before a new sentence; and
    the quotation no name after a preposition ('On “Face the Nation,” Sanders identified …')."""
    quote_end = quotation[1]
    if not _only_punct(doc, quote_end, attribution_start) or _crosses_line(doc, quote_end, attribution_start) \
            or _object_of_preposition(doc, quotation[0]):
        return False
    # the full stop may sit inside the closing mark (“… soft.” He says …): a new sentence either way
    stop = quote_end > 0 and doc[quote_end - 1].text == "."
    gap = doc[quote_end:attribution_start]
    return not ((stop or any(t.text == "." for t in gap)) and doc[attribution_start].is_title
                and doc[attribution_start].pos_ != "PROPN")


def _joins_before(doc: Doc, attribution_end: int, quote_start: int) -> bool:
    """X said: “…” — a colon or comma between, nothing that ends a sentence or a paragraph (but a colon may end
    the attribution's paragraph: 'Reporter Jomana Karadsheh says:' over a quotation in the next)."""
    if not _only_punct(doc, attribution_end, quote_start):
        return False
    gap = doc[attribution_end:quote_start]
    if _crosses_line(doc, attribution_end, quote_start) and not (len(gap) and gap[0].text == ":"):
        return False
    return any(t.text in (":", ",") for t in gap) and not any(t.text in (".", "!", "?") for t in gap)


#: words between a cue and the colon that introduces its quotation ("responded pointedly, with a smile: “…”")
MAX_COLON_LEAD = 12
#: verbs whose object before the colon is the addressee, not part of the cue ("told reporters: “…”")
ADDRESSEE_LEMMAS = frozenset(["tell", "ask", "inform", "remind", "assure", "warn", "urge", "thank", "email", "write"])


def _introducing_colon(doc: Doc, attribution_end: int, quote_start: int) -> int | None:
    """X said in a statement: “…” / X responded, with a smile: “…” — the colon before the quotation, when
    the words between it and the attribution are circumstances of the saying (no verb, no end of sentence,
    no line break before the colon); None otherwise."""
    if quote_start - attribution_end > 2 * MAX_COLON_LEAD:  # (room for white space and the opening mark)
        return None
    gap = [t for t in doc[attribution_end:quote_start] if not t.is_space]
    while gap and gap[-1].text in QUOTATION_MARKS:  # the opening mark
        gap.pop()
    if not gap or len(gap) > MAX_COLON_LEAD or gap[-1].text != ":":
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" or t.text in (".", "!", "?", ";", ":")
           or t.text in QUOTATION_MARKS for t in gap[:-1]) or _crosses_line(doc, attribution_end, gap[-1].i):
        return None
    return gap[-1].i


def _cue_through_colon(doc: Doc, cue: tuple[int, int], colon: int) -> tuple[int, int]:
    """The cue of a quotation introduced by a colon takes the words up to it ("said in a statement:",
    "issued the following statement:": 93% of such PolNeAR train cues), but not an addressee ("told
    reporters:")."""
    verb = doc[cue[0]:cue[1]].root
    for token in doc[cue[1]:colon]:
        if token.dep_ == "dative" or token.dep_ == "dobj" and token.head.i == verb.i and (
                verb.lemma_.lower() in ADDRESSEE_LEMMAS or token.pos_ in ("PROPN", "PRON")):
            return cue
    return cue[0], colon


def attach_adjacent_quotation(doc: Doc, cand: _Candidate, marks: list[tuple[int, int]]) -> _Candidate:
    """“…,” said X / X said: “…” — a quotation touching the attribution is its content, whole."""
    if cand.source is None:
        return cand
    lo, hi = _attribution_bounds(cand)
    for ms, me in marks:
        # a cue sharing another verb's subject ('told X that “…,” adding, “…”') reports what follows it
        if me <= lo and not cand.shared_subject and _joins_after(doc, (ms, me), lo) and not _reports_a_later_clause(
                doc, cand, (ms, me)):
            # 'Both parties "saw Burma as …," said Victor Cha': a quotation that starts mid-sentence carries
            # the words before it in its sentence
            sentence_start = doc[ms].sent.start
            lead = doc[sentence_start:ms]
            # (not after a colon: 'X scolded him: “…,” she said' — the lead is another attribution's)
            introduced = any(t.text == ":" for t in lead[-3:])
            starts_mid = len(lead) > 1 and not any("\n" in t.text for t in lead) and not introduced
            cand.content = (sentence_start if starts_mid else ms, me)
            cand.attached = True
            break
        if ms < hi:
            continue
        colon = _introducing_colon(doc, hi, ms)
        if colon is not None or _joins_before(doc, hi, ms):
            cand.content = (ms, me)
            if colon is None:
                cand.content = (_interrupted_clause_start(doc, lo, ms), me)
            cand.attached = True
            if colon is not None and colon > hi and cand.cue[1] == hi:
                cand.cue = _cue_through_colon(doc, cand.cue, colon)
            break
    return cand


def _reports_a_later_clause(doc: Doc, cand: _Candidate, quotation: tuple[int, int]) -> bool:
    """'“… no place in a political campaign.” Ohio Gov. John Kasich said he would have fired …': the quotation
    ends its sentence, and the cue after it governs a clause of its own, or has an object holding a quotation
    of its own ('… called Trump “unhinged.” Sen. Marco Rubio called the statement “offensive.”'), which is
    what it reports — the quotation is not its content (it may go on with the statement before it). Held-out
    fifth of PolNeAR train, content / overlap / direct/mixed .6271 / .7181 / .8801 → .6285 / .7192 / .8815
    (the clause case; docs/benchmarks.md has the object case). A short quotation is not the content of a cue
    governing a clause of its own even mid-sentence: 'Asked about it on “CBS This Morning,” Sanders said he
    had not …' (a title, a term). A quotation inside a participle phrase that opens the sentence is that
    phrase's object, when the cue has a content of its own after it ('Bemoaning the “phony system,” Trump
    accused Holt of being a Democrat')."""
    if cand.cue[1] <= cand.content[0] < cand.content[1] and _in_opening_participle(doc, cand, quotation):
        return True
    if not (cand.content[0] >= cand.cue[1] and (cand.governs or has_quotation_mark(doc, *cand.content))):
        return False
    if cand.governs and quotation[1] - quotation[0] <= SHORT_QUOTATION_TOKENS and not _split_second_half(
            doc, cand.content[0]):
        return True
    last = before_marks(doc, quotation[1] - 1)
    return last >= 0 and doc[last].text in (".", "?", "!", "...")


def _in_opening_participle(doc: Doc, cand: _Candidate, quotation: tuple[int, int]) -> bool:
    """The quotation's words hang on a participle ("Bemoaning …", "Calling it …") that modifies the cue from
    before it."""
    cue = doc[cand.cue[0] : cand.cue[1]].root
    token = doc[quotation[0]]
    while token.head.i != token.i and token.head.i != cue.i:
        token = token.head
    return token.head.i == cue.i and token.i < cue.i and token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN")


def _split_second_half(doc: Doc, start: int) -> bool:
    """A clause opening with a mark after a comma: the second half of a split quotation (“A,” X said, “b …”),
    not a quotation a colon introduces ('“down the line” he warned: “It’s not …”')."""
    i = before_marks(doc, start - 1)
    return i < start - 1 and i >= 0 and doc[i].text == ","


#: tokens inside the marks (punctuation included) of a quotation too short to be what a clause-governing cue
#: after it reports. `training/quotes_heldout.py --all` at commit 4498f15 with this constant changed, content /
#: overlap / direct/mixed: no such rule (-1) .5992 / .6948 / .8651; 4 tokens .5995 / .6954 / .8663; 7 .5993 /
#: .6955 / .8665; 11 .5989 / .6955 / .8661 (and, scratch, without the split-quotation exception: 2 .5991 / .6948
#: / .8652, 4 .5991 / .6955 / .8664, 9 .5984 / .6956 / .8664)
SHORT_QUOTATION_TOKENS = 4


def _interrupted_clause_start(doc: Doc, attribution_start: int, quote_start: int) -> int:
    """'If Clinton is elected, he said, “she might be going back …”': a quotation that goes on in lower case
    after an attribution set off by commas finishes the clause the sentence began before it, and the
    statement starts there; otherwise it starts at the quotation."""
    sentence_start = doc[attribution_start].sent.start
    first = next((t for t in doc[quote_start : quote_start + 3] if t.text not in QUOTATION_MARKS), None)
    if first is None or not first.text[:1].islower() or sentence_start >= attribution_start - 1:
        return quote_start
    lead = doc[sentence_start:attribution_start]
    if lead[-1].text != "," or any(t.text in QUOTATION_MARKS or "\n" in t.text for t in lead):
        return quote_start
    return sentence_start


def _attribution_bounds(cand: _Candidate) -> tuple[int, int]:
    """Token bounds of the words that attribute: cue and source together ("Anderson said"), or the cue
    alone when its source is another verb's subject ('“…,” Anderson said, adding that …': the quotation
    touching "Anderson" is not the adding's)."""
    if cand.shared_subject or cand.source is None:
        return cand.cue
    return min(cand.cue[0], cand.source[0]), max(cand.cue[1], cand.source[1])


def adjacent_cue(doc: Doc, candidates: list[_Candidate], ms: int, me: int) -> _Candidate | None:
    best = None
    for cand in candidates:
        if cand.source is None:
            continue
        cue_start, cue_end = _attribution_bounds(cand)
        if cue_start >= me and not cand.shared_subject and _joins_after(doc, (ms, me), cue_start) and (
                not _reports_a_later_clause(doc, cand, (ms, me))):
            return cand  # “…,” he said
        if cue_end <= ms and _joins_before(doc, cue_end, ms):
            best = cand  # he said: “…”
    return best


def _object_of_preposition(doc: Doc, ms: int) -> bool:
    """'On “Face the Nation,” Sanders identified …': a quotation right after a preposition is the name of
    something (a show, a book), not a statement the next attribution reports."""
    i = before_marks(doc, ms - 1)
    return 0 <= i < ms - 1 and doc[i].pos_ == "ADP" and doc[i].lower_ != "that"


#: tokens an attribution after a quotation may run to its full stop ('…,” said James Acton, a physicist who …')
TRAILING_ATTRIBUTION_TOKENS = 40
#: forms a verb of saying takes in "…,” X said" / "…,” says X" (VB: the tagger's reading of "read" in '…,"
#: read the email')
_ATTRIBUTION_VERB_TAGS = frozenset(["VBD", "VBZ", "VBP", "VB"])
_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP"])


def _saying_verb(token: Token, model_cues: set[int] | None, tags: frozenset[str]) -> bool:
    """A verb of one of ``tags`` that is a cue: one the cue model takes, or (without the model) a verb of
    saying."""
    return token.tag_ in tags and cue_kind(token, model_cues) is not None and (
        token.lemma_ in SPEECH_LEMMAS or model_cues is not None)


def attribution_after_quotation(doc: Doc, ms: int, me: int, paragraph: list[int],
                                 model_cues: set[int] | None) -> _Candidate | None:
    """'“…,” Tulsa police Chief Chuck Jordan said Monday.', '“…,” said James Acton, a physicist who …': the
    commonest shape of a direct quote, read off the words when the parse lost it (it took "Tulsa" for a verb
    and left "said" without a subject). The quotation ends in a comma, a question or an exclamation mark; a
    verb of saying follows in the same sentence, either first (its source after it) or after a phrase that
    opens like a name or a noun phrase (the source). The cue model (``model_cues``) decides, as everywhere,
    whether the verb is a cue."""
    close = me
    while close < len(doc) and doc[close].text in QUOTATION_MARKS:
        close += 1
    inner = [t for t in doc[max(ms, me - 2) : close] if t.text not in QUOTATION_MARKS]
    if close == me or not inner or inner[-1].text not in (",", "?", "!") or _object_of_preposition(doc, ms):
        return None
    home = paragraph[me - 1]
    end = close
    while end < min(len(doc), close + TRAILING_ATTRIBUTION_TOKENS) and paragraph[end] == home \
            and doc[end].text not in (".", ";") and doc[end].text not in QUOTATION_MARKS:
        end += 1
    if end == len(doc) or doc[end].text != "." and paragraph[end] == home:
        return None  # no full stop in reach: another quotation, a semicolon, a longer sentence
    verb = next((t for t in doc[close:end] if _saying_verb(t, model_cues, _ATTRIBUTION_VERB_TAGS)), None)
    if verb is None:
        return None
    if verb.i == close:  # “…,” said X, …
        source = (verb.i + 1, end)
    else:  # “…,” X said …
        first = doc[close]
        if not (first.is_title or first.pos_ in ("DET", "PRON")) or verb.i - close > TRAILING_ATTRIBUTION_TOKENS // 2:
            return None
        source = (close, verb.i)
    while source[1] > source[0] and (doc[source[1] - 1].is_punct or doc[source[1] - 1].is_space):
        source = (source[0], source[1] - 1)
    if source[1] <= source[0] or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[source[0] : source[1]]):
        return None
    return _Candidate((ms, me), (verb.i, verb.i + 1), source, attached=True)


#: words between a verb of saying and the quotation it introduces ('Beck joked, again using a drawl, “…”')
LEAD_TO_QUOTATION_TOKENS = 12
#: words a quotation introduced so needs, its first one capitalised: a sentence of its own
MIN_INTRODUCED_WORDS = 3
#: parts of speech a source phrase right before its verb is made of ("former Gov. Jerry Brown", "Hillary")
_SOURCE_POS = frozenset(["PROPN", "NOUN", "PRON", "DET", "ADJ", "PART", "NUM"])


def attribution_before_quotation(doc: Doc, ms: int, me: int, paragraph: list[int],
                                  model_cues: set[int] | None) -> _Candidate | None:
    """'…, Hillary shot back, “I suppose …”', 'Beck joked, again using an accent, “Amen …”': a verb of saying
    and its subject right before the quotation, read off the words when the parse hung the verb on the
    quotation's own clause and left it no subject."""
    lead = before_marks(doc, ms - 1)  # the comma or colon before the opening mark
    if not 0 <= lead < ms - 1 or doc[lead].text not in (",", ":"):
        return None
    words = [t for t in doc[ms:me] if not t.is_punct and not t.is_space]
    if len(words) < MIN_INTRODUCED_WORDS or not words[0].text[:1].isupper():
        return None  # a quoted term or a fragment inside the sentence ('…, calling it “reckless”')
    home = paragraph[lead]
    verb = None
    for i in range(lead - 1, max(lead - 1 - LEAD_TO_QUOTATION_TOKENS, -1), -1):
        token = doc[i]
        if paragraph[i] != home or token.text in (".", "!", "?", ";") or token.text in QUOTATION_MARKS:
            return None
        if _saying_verb(token, model_cues, _FINITE_TAGS):
            verb = token
            break
    if verb is None:
        return None
    end = verb.i
    while end > 0 and doc[end - 1].pos_ == "ADV":  # "then said", "also noted"
        end -= 1
    start = end
    while start > 0 and paragraph[start - 1] == home and doc[start - 1].pos_ in _SOURCE_POS:
        start -= 1
    if start == end or not any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in doc[start:end]):
        return None
    return _Candidate((ms, me), (verb.i, verb.i + 1), (start, end), attached=True)
