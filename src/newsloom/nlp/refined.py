"""The learned models' word on the extents the rules gave each quote, and the quotes that word leaves doubled.

The content boundary model (:mod:`newsloom.nlp.boundaries`) may move an edge of each content and the cue extent
model (:mod:`newsloom.nlp.cue_extent`) the end of each cue; this module applies their choices to the rules'
quotes, keeps a content from moving onto a statement nested in it, and merges two quotes that the moves made
one. ``content_items`` and ``cue_items`` are what both models read (their training scripts read them too).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from newsloom.nlp.boundaries import Columns
from newsloom.nlp.cue_extent import CueExtentModel

# (this module extends quotes.py, as continuation.py and layout.py do)
from newsloom.nlp.marks import balanced_marks, token_bounds
from newsloom.nlp.quotes import Quote, _span, trim_tokens


def content_items(doc: Doc, quotes: list[Quote]) -> list[tuple[int, int, str, tuple[int, int] | None]]:
    """For each quote, what the boundary model reads: its content's token bounds (trimmed; (0, 0) when they
    do not align), its kind and its cue's token bounds."""
    items = []
    for quote in quotes:
        bounds = token_bounds(doc, quote.start, quote.end)
        start, end = trim_tokens(doc, *bounds) if bounds else (0, 0)
        cue = token_bounds(doc, quote.cue.start, quote.cue.end) if quote.cue else None
        items.append((start, end, quote.kind, cue))
    return items


def cue_items(doc: Doc, quotes: list[Quote]) -> list[tuple[tuple[int, int], tuple[int, int]] | None]:
    """For each quote, what the cue extent model reads: its cue's token bounds and its content's (trimmed),
    or None for a quote without a cue."""
    items = []
    for quote in quotes:
        cue = token_bounds(doc, quote.cue.start, quote.cue.end) if quote.cue else None
        content = token_bounds(doc, quote.start, quote.end)
        items.append((cue, trim_tokens(doc, *content)) if cue is not None and content is not None else None)
    return items


def with_refined_cues(doc: Doc, quotes: list[Quote], model: CueExtentModel, cols: Columns) -> list[Quote]:
    """Each quote with the cue extent model's end applied to its cue (:mod:`newsloom.nlp.cue_extent`)."""
    items = cue_items(doc, quotes)
    where = [k for k, item in enumerate(items) if item is not None]
    out = list(quotes)
    for k, refined in zip(where, model.refine(cols, [items[k] for k in where])):
        cue = _span(doc, *refined) if refined != items[k][0] else None
        source = out[k].source
        # a cue never takes in its own source ('…,” said Skelly' with the name read as an adverb of "said")
        if cue is not None and not (source is not None and cue.start < source.end and source.start < cue.end):
            out[k] = replace(out[k], cue=cue)
    return out


def without_cues_inside_others(quotes: list[Quote]) -> list[Quote]:
    """One statement where a cue has grown over another cue of the same content: "issued a statement Tuesday
    saying …" and "saying …" (the cue extent model takes the participle in) are one attribution."""
    def inside(inner: Quote, outer: Quote) -> bool:
        return (inner is not outer and inner.cue is not None and outer.cue is not None
                and (inner.start, inner.end) == (outer.start, outer.end)
                and outer.cue.start <= inner.cue.start and inner.cue.end <= outer.cue.end
                and (inner.cue.start, inner.cue.end) != (outer.cue.start, outer.cue.end))
    return [q for q in quotes if not any(inside(q, other) for other in quotes)]


def with_refined_contents(doc: Doc, quotes: list[Quote], items: list[tuple[int, int, str, tuple[int, int] | None]],
                           refined: list[tuple[int, int]]) -> list[Quote]:
    """Each quote with its content moved to the boundary model's choice (token bounds, one per quote; its
    ``items`` as :func:`content_items` gave them)."""
    refined = _not_onto_nested_statements(doc, items, refined)
    out = []
    for quote, (start, end, _, _), (lo, hi) in zip(quotes, items, refined):
        if (lo, hi) == (start, end):
            out.append(quote)
            continue
        lo, hi = balanced_marks(doc, lo, hi)
        content = doc[lo:hi]
        quoted = [q for q in quote.quoted if q.start >= content.start_char and q.end <= content.end_char]
        out.append(replace(quote, text=content.text, start=content.start_char, end=content.end_char,
                           quoted=quoted))
    return out


def _not_onto_nested_statements(doc: Doc, items: list[tuple[int, int, str, tuple[int, int] | None]],
                                refined: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The boundary model learned that a content holding another attribution often starts after it; but
    where that leaves two cues with one content, the outer cue said something else. In "Spicer said the party
    was not in a crisis, and urged that everyone take a deep breath" (the parser hangs "urged" inside what
    "said" reports) and "voters shrugged off the decision, with three in 10 saying a running mate would have
    no effect", the outer content is the part before the nested statement; where nothing comes before it
    ("said Y claimed Z"), the rules' content stays. PolNeAR gives one content to two attributions in 5 of
    15,729 contents (4/5 of train; ``training/quote_conventions.py`` counts it, and the contents the extractor
    still gives two quotes)."""
    out = list(refined)
    for k, ((start, end, _, cue), (lo, hi)) in enumerate(zip(items, refined)):
        if cue is None or (lo, hi) == (start, end) or cue[1] > start:
            continue
        for j, (_, _, _, other_cue) in enumerate(items):
            if j == k or other_cue is None or refined[j] != (lo, hi) or not start <= other_cue[0] < end:
                continue
            verb = doc[other_cue[0]:other_cue[1]].root
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if verb.dep_ != "conj" and (subject is None or subject.i < start):
                continue  # "issued a statement saying …": one attribution, its cue running on
            cut = min(verb.left_edge.i, subject.left_edge.i if subject is not None else verb.left_edge.i)
            while cut > start and (doc[cut - 1].is_punct or doc[cut - 1].dep_ in ("cc", "prep", "mark")):
                cut -= 1
            if cut > start:
                out[k] = (start, cut)
            break
    return out
