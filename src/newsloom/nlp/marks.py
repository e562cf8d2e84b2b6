"""Quotation marks: which characters of a text are quoted, and on which tokens a span's marks fall.

Marks are paired per paragraph; a quote left open at a paragraph's end runs on when the next paragraph opens
with a mark again; typewriter ``''…''``, curly, straight and guillemet marks are read, with the errors scraped
text carries (a closing mark typed as an opening one, a stray typewriter mark left around curly ones).
Used by :mod:`newsloom.nlp.quotes` and the modules beside it; pure functions of a text or a parsed ``Doc``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsloom.nlp.cues import QUOTATION_MARKS

#: opening mark -> the marks that close it; scraped text mixes straight and curly ones ("…,” said X)
_OPEN_CLOSE = {"“": "”\"", '"': '"”', "«": "»", "„": "“"}
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, marks excluded. A quote left open at the end of a paragraph runs
    on when the next paragraph opens with a quotation mark again (the news convention for long quotes)."""
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    for index, (offset, para) in enumerate(paragraphs):
        i = 0
        while i < len(para):
            ch = para[i]
            if para.startswith("''", i) or para.startswith("``", i):
                # typewriter quotes of older wire and newspaper text: ''…'' and ``…''
                j = para.find("''", i + 2)
                if j > i + 2:
                    spans.append((offset + i + 2, offset + j))
                    i = j + 2
                    continue
                i += 2
                continue
            if ch in _OPEN_CLOSE:
                j = _closing_mark(para, ch, i + 1)
                if ch == '"' and j >= 0 and para[j] == "”" and "“" in para[i + 1 : j]:
                    # the curly pair inside closes itself. The typewriter mark's own pair comes later
                    # ('"…I’m going to read you the question: “As you …?” Forty-three, yes …"'), or the quote
                    # goes on in the next paragraph, or the mark is a stray: a scraper's leftover at a
                    # paragraph's start ('"Trump walked onto the stage, chanting “U-S-A!”'), or doubled
                    # ('"“You don’t win the nomination …,” Rubio responded …"')
                    doubled = para[i + 1] == "“"
                    j = -1 if doubled else para.find('"', j + 1)
                    if j < 0 and (doubled or not _next_paragraph_opens(paragraphs, index, ch)):
                        i += 1  # the stray: read on from the next character
                        continue
                if j < 0:
                    # open to the end of the paragraph: a long quote continued in the next one, or an error
                    if _next_paragraph_opens(paragraphs, index, ch):
                        spans.append((offset + i + 1, offset + len(para)))
                    break
                if j > i + 1:
                    spans.append((offset + i + 1, offset + j))
                i = j + 1
                continue
            if ch == "‘" and _SINGLE_OPEN.match(para, i) and not para[i + 1 : i + 2].isdigit():  # ‘08 is a year
                j = para.find("’", i + 1)
                # a closing mark followed by a letter is an apostrophe (don’t), keep looking
                while j > 0 and j + 1 < len(para) and para[j + 1].isalpha():
                    j = para.find("’", j + 1)
                if j > i + 1:
                    spans.append((offset + i + 1, offset + j))
                    i = j + 1
                    continue
            i += 1
    return spans


def _next_paragraph_opens(paragraphs: list[tuple[int, str]], index: int, mark: str) -> bool:
    """Whether the paragraph after paragraph ``index`` opens with ``mark``."""
    return index + 1 < len(paragraphs) and paragraphs[index + 1][1].lstrip().startswith(mark)


#: an opening mark typed where the closing one belongs: after the quotation's last punctuation, before a space
#: ('“Apparently not,“ he said.'; 4 times in PolNeAR train's texts)
_OPENING_AS_CLOSING = re.compile(r"(?<=[,.?!])“(?=\s|$)")


def _closing_mark(para: str, opening: str, start: int) -> int:
    found = [j for j in (para.find(c, start) for c in _OPEN_CLOSE[opening]) if j >= 0]
    if opening == "“" and (typo := _OPENING_AS_CLOSING.search(para, start)) is not None:
        found.append(typo.start())
    return min(found) if found else -1


def token_bounds(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None


def quotation_token_spans(doc: Doc, marks: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Token bounds of the document's quoted passages (``marks``: their character spans, found when not
    given)."""
    spans = quotation_spans(doc.text) if marks is None else marks
    return [b for b in (token_bounds(doc, s, e) for s, e in spans) if b]


#: how far past a content's end its closing mark may sit ('“… with momentum.”': the full stop, then the mark)
_MARK_REACH = 2


def balanced_marks(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds grown over the quotation mark a trimmed content left outside, so that its text never
    shows a mark without its pair ('Cruz will “leave here with momentum' → '… momentum.”')."""
    text = doc[start:end].text
    opened = text.count("“") - text.count("”") + text.count("«") - text.count("»")
    straight_odd = text.count('"') % 2 == 1
    if opened > 0 or opened == 0 and straight_odd:
        after = _mark_just_after(doc, end, "”»" if opened > 0 else '"')
        if after is not None:
            return start, after
    if opened < 0 or opened == 0 and straight_odd:
        opening = "“«" if opened < 0 else '"'
        if start > 0 and doc[start - 1].text in opening:
            return start - 1, end
    return _balanced_single_marks(doc, start, end)


def _balanced_single_marks(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The same for ‘single’ marks ("expressed ‘deep concern’ for …" gave "deep concern’ for …"). A right
    single mark is also the apostrophe ("don’t", "Sanders’ plan"), so only a ‘ token right outside the
    content, with a ’ inside it that does not stand within a word, is taken as the missing half, and the
    other way round."""
    text = doc[start:end].text
    if "‘" not in text and start > 0 and doc[start - 1].text == "‘" and _CLOSING_SINGLE.search(text):
        return start - 1, end
    last_open = text.rfind("‘")
    if last_open >= 0 and "’" not in text[last_open:]:
        after = _mark_just_after(doc, end, "’")
        if after is not None:
            return start, after
    return start, end


def _mark_just_after(doc: Doc, end: int, marks: str) -> int | None:
    """The end of one of ``marks`` standing at ``end`` or past punctuation only, within reach."""
    for i in range(end, min(end + _MARK_REACH, len(doc))):
        if doc[i].text in marks:
            return i + 1
        if not doc[i].is_punct:
            return None
    return None


#: a right single mark that closes a quotation: not between two letters ("don’t")
_CLOSING_SINGLE = re.compile(r"’(?!\w)")


def has_quotation_mark(doc: Doc, start: int, end: int) -> bool:
    """Whether a quotation mark stands in tokens ``start:end`` or right beside them."""
    return any(doc[i].text in QUOTATION_MARKS for i in range(max(start - 1, 0), min(end + 1, len(doc))))


def before_marks(doc: Doc, i: int, floor: int = -1) -> int:
    """The index of the last token at or before ``i`` that is no quotation mark (``floor`` if none is above
    it)."""
    while i > floor and doc[i].text in QUOTATION_MARKS:
        i -= 1
    return i
