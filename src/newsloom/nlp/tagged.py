"""The span tagger's word on the rules' quotes (:mod:`newsloom.nlp.span_tagger`).

- A quote of the rules whose cue the tagger gives almost no chance of being a cue is dropped.
- A tagged content that overlaps no quote of the rules becomes a quote when a tagged cue stands near it in the
  same paragraph; the source is the tagged source nearest that cue, else the parse's subject of the cue.
- A quote's source phrase takes the extent of the one tagged source that overlaps it, when the tagger is all
  but sure of that span ("Ed Rendell" where the parse gave "Ed Rendell, a former governor", or the other way
  round).

Otherwise the rules' extents stay as they are: where both find an attribution, the tagger's cue and content
extents are worse (on the held-out fifth of PolNeAR train, exact F1 lower when its spans replace the
rules'), and so are its sources below near certainty. Thresholds chosen on that fifth:
``training/train_span_tagger.py --choose``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from newsloom.nlp.marks import token_bounds

# (this module extends quotes.py, as continuation.py and layout.py do: it builds quotes with its own helpers)
from newsloom.nlp.quotes import (
    Quote,
    TextSpan,
    _Candidate,
    _make_quote,
    _source_bounds,
    _subject,
    cue_kind,
)
from newsloom.nlp.span_tagger import TaggedSpan, Tagging

#: confidence a tagged content, its cue and its source need
MIN_CONFIDENCE = 0.85
#: below this cue probability on every piece of its cue, a quote of the rules is dropped
MIN_CUE_SUPPORT = 0.2
#: confidence at which a tagged source's extent replaces the rules' source phrase it overlaps
MIN_SOURCE_OVERRIDE = 0.95
#: how far (characters) a cue may stand from its content, and a source from its cue
CUE_REACH, SOURCE_REACH = 200, 120


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans; negative when they overlap."""
    return max(a[0], b[0]) - min(a[1], b[1])


def _same_paragraph(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    lo, hi = min(a[0], b[0]), max(a[1], b[1])
    return "\n" not in text[lo:hi].strip()


def _nearest(spans: list[TaggedSpan], to: tuple[int, int], reach: int, text: str,
             outside: tuple[int, int] | None = None) -> TaggedSpan | None:
    best = None
    for span in spans:
        where = (span.start, span.end)
        gap = _gap(where, to)
        if gap < 0 or gap > reach or outside is not None and _gap(where, outside) < 0:
            continue
        if not _same_paragraph(text, where, to):
            continue
        if best is None or gap < best[0]:
            best = (gap, span)
    return best[1] if best else None


def _parsed_source(doc: Doc, cue: tuple[int, int], content: tuple[int, int]) -> tuple[int, int] | None:
    """The parse's subject of the cue's head word, when the tagger marked no source near the cue."""
    head = doc[cue[0]:cue[1]].root
    subject = _subject(head) if head.pos_ in ("VERB", "AUX") else None
    if subject is None or content[0] <= subject.i < content[1]:
        return None
    return _source_bounds(subject)


def supported(quotes: list[Quote], tagging: Tagging, min_support: float | None = None) -> list[Quote]:
    """``quotes`` without those whose cue the tagger all but rules out (quotes without a cue stay)."""
    min_support = MIN_CUE_SUPPORT if min_support is None else min_support
    return [q for q in quotes if q.cue is None or tagging.support("cue", q.cue.start, q.cue.end) >= min_support]


def with_tagged_sources(text: str, quotes: list[Quote], tagging: Tagging,
                        min_confidence: float | None = None) -> list[Quote]:
    """``quotes``, each source phrase set to the extent of the one sure tagged source overlapping it; the
    speaker, resolved from the rules' mention, stays."""
    min_confidence = MIN_SOURCE_OVERRIDE if min_confidence is None else min_confidence
    sure = [s for s in tagging.spans["source"] if s.confidence >= min_confidence]
    out = []
    for quote in quotes:
        hits = [s for s in sure if quote.source and _gap((s.start, s.end), (quote.source.start, quote.source.end)) < 0]
        if len(hits) == 1:
            quote = replace(quote, source=TextSpan(text[hits[0].start : hits[0].end], hits[0].start, hits[0].end))
        out.append(quote)
    return out


def tagged_quotes(doc: Doc, quotes: list[Quote], tagging: Tagging, marks: list[tuple[int, int]], resolver,  # noqa: ANN001
                  min_confidence: float | None = None) -> list[Quote]:
    """New quotes for tagged contents that no quote in ``quotes`` overlaps (``marks``: quotation token spans,
    ``resolver``: the document's :class:`~newsloom.nlp.speakers.SpeakerResolver`)."""
    min_confidence = MIN_CONFIDENCE if min_confidence is None else min_confidence
    spans = tagging.spans
    text = doc.text
    taken = [(q.start, q.end) for q in quotes]
    used_cues = [(q.cue.start, q.cue.end) for q in quotes if q.cue]
    cues = [c for c in spans["cue"] if c.confidence >= min_confidence]
    sources = [s for s in spans["source"] if s.confidence >= min_confidence]
    found = []
    for content in spans["content"]:
        where = (content.start, content.end)
        if content.confidence < min_confidence or any(_gap(where, t) < 0 for t in taken):
            continue
        free = [c for c in cues if all(_gap((c.start, c.end), u) >= 0 for u in used_cues)]
        cue = _nearest(free, where, CUE_REACH, text)
        if cue is None:
            continue
        source = _nearest(sources, (cue.start, cue.end), SOURCE_REACH, text, outside=where)
        bounds = [token_bounds(doc, s.start, s.end) if s else None for s in (content, cue, source)]
        if bounds[0] is None or bounds[1] is None:
            continue
        if bounds[2] is None:
            bounds[2] = _parsed_source(doc, bounds[1], bounds[0])
        # "belief" when the cue's head is a verb the cue lexicon counts as one (believe, plan, want …)
        act = cue_kind(doc[bounds[1][0] : bounds[1][1]].root) or "statement"
        found.append(_make_quote(doc, *bounds[0], _Candidate(bounds[0], bounds[1], bounds[2], act=act), marks,
                                 resolver))
        taken.append(where)
        used_cues.append((cue.start, cue.end))
    return found
