"""Attributions the layout states rather than a verb.

- headlines: "US mission in Afghanistan failed: Russia", "Will remain focused on ISIS-K, says US", "Kasich:
  ‘We are going all the way’" — headlines drop the verb or move the source to an edge;
- transcript lines: "Matthews: Well, speculation is bad." — a paragraph that opens with a name and a colon,
  or with a longer lead holding a name when a quotation follows the colon ('Rep. X (R-S.C.):"…"');
- signed quotations: a paragraph that is one quotation, then a line "— Bernie Sanders" or "-President Obama,
  tweeting after …" (fact checks, epigraphs, quote boxes), or the signature on the quotation's own line
  ("“…” ― Sonya Herridge", lists of readers' answers), and the text of an embedded post as a page's text keeps
  it ("… pic.twitter.com/x — Paul Ryan (@SpeakerRyan) July 5, 2016").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsloom.actors.names import strip_possessive
from newsloom.nlp.marks import quotation_spans
from newsloom.nlp.quotes import Quote, Speaker, TextSpan

_SAYS_LAST = re.compile(
    r"^(?P<content>.{8,}?),\s*(?P<cue>says|said|warns|claims|tells|insists|admits|vows|urges)\s+"
    r"(?P<speaker>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,4})\s*$"
)
# "…: Russia" — a short capitalised source after a colon, no verb in it
_COLON_LAST = re.compile(r"^(?P<content>.{12,}?)(?P<cue>:)\s*(?P<speaker>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s*$")
# "Rubio: I'm not interested in being vice president" — a name, a colon, what was said. The same shape is a
# label ("Analysis: …", "Breaking: …", "Poll: …"), so the name must be one the article names (below).
_COLON_FIRST = re.compile(r"^(?P<speaker>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s*(?P<cue>:)\s*(?P<content>\S.{7,})$")
# "Obama to Asians Worried About U.S. Election: It's Going To Be OK", "CNN President On Trump: ‘…’" — the
# same with whom or what it was said to or about
_ADDRESSED_FIRST = re.compile(r"^(?P<speaker>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s+(?:to|on|To|On)\s+"
                              r"[^:\s][^:]{1,80}?\s*(?P<cue>:)\s*(?P<content>\S.{7,})$")
_QUOTE_MARKS = " '\"‘’“”"
#: a headline's "Poll: …" or "Officials: …" names what speaks, as a name would; "Breaking:", "The Latest:",
#: "Analysis:" do not (4/5 of PolNeAR train, `training/quote_conventions.py`: a first line opening with one of
#: these and a colon is an annotated attribution in 10 of 11; "The Latest:", "Breaking:", "Revealed:" in 0 of 13)
HEADLINE_SOURCE_NOUNS = frozenset([
    "poll", "polls", "survey", "study", "report", "newspaper", "editorial", "officials", "sources", "insiders",
    "experts", "analysts", "economists", "historians", "researchers", "scientists", "aides", "critics",
])
_OPENING_MARKS = "\"“‘"
_LEADING_SOURCE_LABELS = frozenset(["PERSON", "ORG", "NORP"])  # not places: "Kabul: …" is a dateline
_TRAILING_SOURCE_LABELS = _LEADING_SOURCE_LABELS | {"GPE"}  # "US mission in Afghanistan failed: Russia"


def source_names(doc: Doc, after: int = 0) -> dict[str, frozenset[str]]:
    """The names of people, organisations and groups (and, for a source placed last, places) an article
    uses from character ``after`` on, lower-cased: what tells a headline's "Rubio: …" from "Analysis: …"."""
    def names(labels: frozenset[str]) -> frozenset[str]:
        return frozenset(strip_possessive(e.text).lower() for e in doc.ents
                         if e.label_ in labels and e.start_char >= after)

    return {"first": names(_LEADING_SOURCE_LABELS), "last": names(_TRAILING_SOURCE_LABELS)}


def headline_quotes(title: str | None, names: dict[str, frozenset[str]] | None = None) -> list[Quote]:
    """The attribution a headline states, if any. With ``names`` (:func:`source_names` of the article), a
    source before or after a bare colon must be one the article names; without them the name-first shape,
    which is too often a label, is not read."""
    if not title:
        return []
    stripped = title.strip()
    offset = len(title) - len(title.lstrip())
    for pattern in (_SAYS_LAST, _COLON_LAST, _COLON_FIRST, _ADDRESSED_FIRST):
        match = pattern.match(stripped)
        if not match:
            continue
        speaker = match.group("speaker").rstrip(".")
        if pattern in (_COLON_FIRST, _ADDRESSED_FIRST) and speaker.lower() not in HEADLINE_SOURCE_NOUNS and (
                names is None or not _is_named(speaker, match.group("content"), names["first"])):
            continue
        if pattern is _COLON_LAST and names is not None and not _is_named(speaker, "", names["last"]):
            continue
        content = _unquoted(match.group("content").rstrip(" .,;"))
        c_start = title.find(content, offset + match.start("content"))
        c_end = c_start + len(content)
        s_start = match.start("speaker") + offset
        cue = TextSpan(match.group("cue"), match.start("cue") + offset, match.end("cue") + offset)
        mention = TextSpan(speaker, s_start, s_start + len(speaker))
        quoted = [(max(a, c_start), min(b, c_end)) for a, b in quotation_spans(title) if a < c_end and b > c_start]
        share = sum(b - a for a, b in quoted) / max(len(content), 1)
        kind = "direct" if share >= 0.85 else "mixed" if quoted else "indirect"
        return [Quote(content, c_start, c_end, kind, cue, Speaker(speaker, mention), source=mention,
                      quoted=[TextSpan(title[a:b], a, b) for a, b in quoted])]
    return []


def _unquoted(text: str) -> str:
    """Without the marks around it when the whole text is one quotation ("‘We will not sign.’"); a
    quotation that closes inside ("‘Of Course’ Hillary …") keeps its marks."""
    spans = quotation_spans(text)
    if spans and spans[0][0] == 1 and not text[spans[0][1] + 1 :].strip(_QUOTE_MARKS + ".,;!?"):
        return text[1 : spans[0][1]].rstrip(" .,;")
    return text.rstrip(" .,;")


def _is_named(speaker: str, content: str, names: frozenset[str], *, upper_case: bool = False) -> bool:
    """Whether ``speaker`` is one of the ``names`` the article uses. A name in capitals is a label ("BREAKING:
    …") unless ``upper_case`` allows it: transcripts write their speakers so ("WALLACE: …"), and a label
    that is no name the article uses still fails."""
    if speaker.isupper() and not upper_case or content.rstrip(_QUOTE_MARKS + ".").endswith("?"):
        return False  # "BREAKING: …", "Ted Cruz: conservative or career politician?"
    wanted = strip_possessive(speaker).lower()
    # the name itself, or a phrase ending in its last word ("Dr. Ben Carson", "OK Gov Fallin"; not "Trump Tower")
    last = wanted.rsplit(" ", 1)[-1]
    return any(f" {wanted} " in f" {name} " or name.rsplit(" ", 1)[-1] == last for name in names)


#: a first line at most this long, standing alone, may be the headline of a text taken as it is
HEADLINE_WORDS = 25


def opening_headline_quotes(doc: Doc, text: str, quotes: list[Quote], full_names: dict[str, str]) -> list[Quote]:
    """The headline attribution of a text whose first line is its headline (``extract --keep-text``, a
    JSONL body with the title in it): a short line of its own that no attribution found in the parse covers.
    Surnames take the full name the article uses ("Issa" → "Darrell Issa")."""
    match = re.match(r"\s*([^\n]+)\n", text)
    if match is None or len(match.group(1).split()) > HEADLINE_WORDS:
        return []
    line_start, line_end = match.span(1)
    parsed_cues = [q.cue for q in quotes if q.cue is not None and q.cue.start < line_end]
    # (where the parse found a cue in the line, the sentence-case reading would only find it again)
    found = headline_quotes(match.group(1), source_names(doc, after=line_end)) if parsed_cues else \
        headline_attributions(match.group(1), doc, after=line_end)
    for q in found:
        _shift(q, line_start)
        q.speaker.name = _full_name(q.speaker.name, full_names)
    # an attribution the parse found in the line is the headline's own unless it stands inside what the
    # headline attributes ("Gingrich: Trump Must Decide If …", "Rubio: I Still Believe Trump …")
    return [q for q in found if all(q.cue.end <= c.start and q.start <= c.start < q.end for c in parsed_cues)]


def headline_attributions(title: str | None, doc: Doc, after: int = 0) -> list[Quote]:
    """The attribution a headline states, read against its article ``doc`` (from character ``after`` on):
    by its shape (:func:`headline_quotes`), else, for a title-cased headline, by the parse of it in sentence
    case. Offsets are into ``title``."""
    found = headline_quotes(title, source_names(doc, after=after))
    if not found and title and _title_cased(title):
        found = _sentence_cased_quotes(title, _names_in_body(doc, after))
    return found


#: share of a line's longer words (four letters or more) written with a capital that makes it title case
TITLE_CASE_SHARE = 0.7
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _title_cased(line: str) -> bool:
    """'Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud’': a headline in title case, which the parser
    reads as a row of names ("Rip" a proper noun, no verb to be a cue)."""
    longer = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer)


def _names_in_body(doc: Doc, after: int) -> frozenset[str]:
    """Words the article writes with a capital inside a sentence from character ``after`` on (names, not
    sentence openers): what a headline keeps capitalised when it is put in sentence case."""
    return frozenset(t.text for t in doc if t.idx >= after and t.text[:1].isupper() and not t.is_sent_start)


def _sentence_cased_quotes(line: str, names: frozenset[str]) -> list[Quote]:
    """The attributions the parse finds in a title-cased headline put in sentence case: its first word and
    the words the body writes as names keep their capital, the rest are lower-cased ("Black lawmakers rip
    Donald Trump as a ‘disgusting fraud’"). Case is all that changes, so offsets hold; the quotes then take
    their words back from the line as written."""
    from newsloom.nlp.model import load_nlp
    from newsloom.nlp.quotes import extract_quotes

    first = _WORD.search(line)
    cased = _WORD.sub(lambda m: m.group() if m.start() == first.start() or m.group() in names
                      or m.group().isupper() else m.group().lower(), line)
    found = extract_quotes(load_nlp()(cased), span_tagger=False)
    for quote in found:
        quote.text = line[quote.start : quote.end]
        for span in {id(x): x for x in (quote.cue, quote.speaker.mention, quote.source, *quote.quoted)}.values():
            if span is not None:
                span.text = line[span.start : span.end]
        if quote.speaker.mention is not None and quote.speaker.name == cased[quote.speaker.mention.start:
                                                                             quote.speaker.mention.end]:
            quote.speaker.name = quote.speaker.mention.text
    return found


def _shift(quote: Quote, offset: int) -> None:
    quote.start += offset
    quote.end += offset
    spans = [quote.cue, quote.speaker.mention, *quote.quoted]
    if quote.source is not None and all(quote.source is not span for span in spans):
        spans.append(quote.source)  # (a headline's source phrase is often its mention itself)
    for span in spans:
        if span is not None:
            span.start += offset
            span.end += offset


def _full_name(name: str | None, full_names: dict[str, str]) -> str | None:
    if name and " " not in name:
        return full_names.get(strip_possessive(name), name)
    return name


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


def covered(quotes: list[Quote], start: int, end: int) -> bool:
    """Whether an attribution in ``quotes`` overlaps characters ``start``–``end`` other than one stated wholly
    inside them, cue and all (a statement the speaker reports within the line: "TAPPER: Trump said …")."""
    return any(q.start < end and q.end > start and not _nested(q, start, end) for q in quotes)


def _nested(quote: Quote, start: int, end: int) -> bool:
    return (quote.cue is not None and start <= quote.start and quote.end <= end
            and start <= quote.cue.start and quote.cue.end <= end)


#: words a transcript line says at least after "Name:"
TRANSCRIPT_MIN_WORDS = 4


# 'Rep. Trey Gowdy (R-S.C.):"I have not heard …"', 'Former secretary of state Hillary Rodham Clinton:"We …"', 'A
# HEADLINE - Jim Harter: “We found …”': any words before a colon that opens a quotation, so long as the parse
# finds a person or organisation among them (after a dash, when a heading comes first)
_QUOTED_AFTER_COLON = re.compile(r"^(?:.*\s[-–—]\s+)?(?P<speaker>[^:\n“”\"]{2,90}?)\s*(?P<cue>:)\s*(?P<content>[“\"‘].{8,})$")
#: words at most before the colon of such a line
QUOTED_LINE_LEAD_WORDS = 10


def _named_in(doc: Doc, start: int, end: int) -> str | None:
    """The first person or organisation the parse finds between characters ``start`` and ``end``."""
    inside = [e for e in doc.ents if e.label_ in ("PERSON", "ORG") and start <= e.start_char and e.end_char <= end]
    return strip_possessive(inside[0].text) if inside else None


def transcript_quotes(doc: Doc, text: str, quotes: list[Quote], full_names: dict[str, str]) -> list[Quote]:
    """Paragraphs of a transcript or panel ("Luciana Lopez: Saying to people …", "Lopez: Well, …") whose words
    no other attribution covers (one stated inside them may stand: "TAPPER: Trump said …"); the name must be
    one the article uses, as for headlines."""
    names = source_names(doc)["first"]
    found = []
    for start, end in _paragraphs(text)[1:]:  # the first line is the headline's (above)
        quote = _transcript_line(text, start, end, names, full_names)
        if quote is not None and not covered(quotes, quote.start, quote.end):
            found.append(quote)
    return found


def quoted_lines(doc: Doc, text: str, quotes: list[Quote], full_names: dict[str, str]) -> list[Quote]:
    """Paragraphs that are a quotation after a lead naming its source and a colon ('Rep. Trey Gowdy
    (R-S.C.):"…"', `_QUOTED_AFTER_COLON`) that no attribution overlaps (one found by the parse in the line
    has its own reading of the lead: "Trump said: “…”")."""
    found = []
    for start, end in _paragraphs(text)[1:]:
        if any(q.start < end and q.end > start for q in quotes):
            continue
        match = _QUOTED_AFTER_COLON.match(text[start:end])
        if match is None or len(match.group("speaker").split()) > QUOTED_LINE_LEAD_WORDS:
            continue
        name = _named_in(doc, start + match.start("speaker"), start + match.end("speaker"))
        if name is not None:
            found.append(_quoted_line(text, start, match, name, full_names))
    return found


def _transcript_line(text: str, start: int, end: int, names: frozenset[str],
                     full_names: dict[str, str]) -> Quote | None:
    if text[start] in _OPENING_MARKS and ":" in text[start:end]:
        start += 1  # a transcript quoted whole opens every paragraph with a mark ('"WALLACE: Let's start …')
    match = _COLON_FIRST.match(text[start:end])
    if match is None or not _is_named(match.group("speaker"), "", names, upper_case=True):
        return None
    if len(re.findall(r"[^\W\d_]{2,}", match.group("content"))) < TRANSCRIPT_MIN_WORDS:
        return None  # "Twitter: @harbourdaily", "Reuters: 12 Jan" are page furniture, not speech
    if re.search(rf"\b{re.escape(match.group('speaker'))}\b", match.group("content"), re.IGNORECASE):
        return None  # "Bernie Sanders: Credit scores. On his website, Senator Bernie Sanders calls …": a heading
    speaker = match.group("speaker")
    written = speaker.title() if speaker.isupper() else speaker  # "WALLACE" is the article's "Wallace"
    if match.group("content")[0] in _QUOTE_MARKS:
        return _quoted_line(text, start, match, written, full_names)
    content = match.group("content").rstrip(" .…" + _QUOTE_MARKS)
    c_start = start + match.start("content")
    return _layout_quote(text, (c_start, c_start + len(content)), start + match.start("cue"),
                         (start + match.start("speaker"), start + match.end("speaker")), written, full_names)


def _quoted_line(text: str, start: int, match: re.Match, name: str, full_names: dict[str, str]) -> Quote:
    """The quote of a line "<source>: “…”", its marks left out."""
    content = _unquoted(match.group("content"))
    c_start = text.find(content, start + match.start("content"))
    return _layout_quote(text, (c_start, c_start + len(content)), start + match.start("cue"),
                         (start + match.start("speaker"), start + match.end("speaker")), name, full_names)


def _layout_quote(text: str, content: tuple[int, int], cue: int, mention: tuple[int, int], name: str,
                  full_names: dict[str, str], source: tuple[int, int] | None = None, quoted: bool = True) -> Quote:
    """A direct quote the layout states: ``content`` (character bounds), its one-character cue at ``cue`` (":",
    a dash), the name written at ``mention`` and the whole source phrase at ``source`` (the name itself when
    None), spoken by ``name`` (a surname becomes the full name the article uses). ``quoted``: whether the
    content stands in quotation marks (a post's text does not)."""
    words = text[content[0] : content[1]]
    mention_span = TextSpan(text[mention[0] : mention[1]], *mention)
    source_span = TextSpan(text[source[0] : source[1]], *source) if source is not None else mention_span
    return Quote(words, *content, "direct", TextSpan(text[cue], cue, cue + 1),
                 Speaker(_full_name(name, full_names), mention_span), source=source_span,
                 quoted=[TextSpan(words, *content)] if quoted else [])


# "— Bernie Sanders.", "-President Obama, tweeting after Clinton's speech.", "- Maria Reyes, Philadelphia."
_SIGNATURE = re.compile(
    r"^(?P<cue>[-–—―])\s*(?P<speaker>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})(?:,\s+[^\n]{1,80})?\.?$")


# '“… He represents our greatest shame.” ― Sonya Herridge', '"…" - Maria Reyes, Philadelphia.': a line that is
# one quotation and its signature (the closing mark is the last one before the dash)
_SIGNED_LINE = re.compile(
    r"^[“”\"‘](?P<content>.{8,})[”\"’][.,]?\s*(?P<cue>[-–—―])\s*"
    r"(?P<speaker>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})(?:,\s+[^\n“”\"]{1,80})?\.?$")
# an embedded post as the page's text keeps it: '… above the law. pic.twitter.com/Oq — Paul Ryan (@SpeakerRyan)
# July 5, 2016' (markup around it allowed: a crawl may keep the embed's own tags)
_POST_LINE = re.compile(
    r"^(?:<[^>\n]*>)?(?P<content>[^<\n]{8,}?)\s+(?P<cue>[-–—―])\s+"
    r"(?P<speaker>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,4}?)(?P<handle>\s*\(@\w+\))\s+"
    r"[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*(?:<[^>\n]*>)?\.?$")


def _signed_quote(content: tuple[int, int], cue: int, source: tuple[int, int], speaker: str, text: str,
                  full_names: dict[str, str], quoted: bool = True) -> Quote:
    """The quote of ``content`` signed by ``speaker`` (``source``: the signature's name, with a handle if it has
    one), its cue the dash at ``cue``."""
    end = content[0] + len(text[content[0] : content[1]].rstrip(" .,"))
    return _layout_quote(text, (content[0], end), cue, (source[0], source[0] + len(speaker)), speaker, full_names,
                         source=source, quoted=quoted)


def signed_quotations(text: str, marks: list[tuple[int, int]], quotes: list[Quote],
                      full_names: dict[str, str]) -> list[Quote]:
    """A paragraph that is one quotation (``marks``: the text's quotation spans), signed on the next line
    ("— Bernie Sanders.") or on its own line after the closing mark; an embedded post signed with its
    author's name, handle and date."""
    paragraphs = _paragraphs(text)
    found = []
    for (start, end), (sign_start, sign_end) in zip(paragraphs, paragraphs[1:]):
        signature = text[sign_start:sign_end]
        match = _SIGNATURE.match(signature.strip())
        inner = next(((a, b) for a, b in marks if a - 1 == start and b >= end - 2), None) if match else None
        if match is None or inner is None or covered(quotes, *inner):
            continue
        offset = sign_start + len(signature) - len(signature.lstrip())
        speaker = match.group("speaker").rstrip(".")
        s_start = offset + match.start("speaker")
        found.append(_signed_quote(inner, offset, (s_start, s_start + len(speaker)), speaker, text, full_names))
    for start, end in paragraphs:
        line = text[start:end].rstrip()
        match = _SIGNED_LINE.match(line) or _POST_LINE.match(line)
        if match is None or covered(quotes + found, start + match.start("content"), start + match.end("content")):
            continue
        speaker = match.group("speaker").rstrip(".")
        s_start = start + match.start("speaker")
        s_end = start + match.end("handle") if "handle" in match.re.groupindex else s_start + len(speaker)
        found.append(_signed_quote((start + match.start("content"), start + match.end("content")),
                                   start + match.start("cue"), (s_start, s_end), speaker, text, full_names,
                                   quoted=match.re is _SIGNED_LINE))
    return found
