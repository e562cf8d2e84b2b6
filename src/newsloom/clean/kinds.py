"""Why a line was removed: the ``kind`` of each entry in ``Article.removed``.

The classifier says *whether* a line is body; these rules say what the removed line *was*, so a user can
audit the cleaner ("show me every caption it dropped") and metadata lines are labelled for what they are.
"""

from __future__ import annotations

import re

from newsloom.clean.lines import CAPTION, Line, words
from newsloom.clean.metadata import DATE_WITH_YEAR

# Image placeholders a scraper leaves ("main img") count as captions too.
_IMAGE_PLACEHOLDER = re.compile(r"^(?:main img|video)\b|_img\b", re.I)
_CREDIT = re.compile(
    r"^\(?(?:with inputs from|reporting by|additional reporting|edited by|writing by|compiled by|source:)"
    r"|^\((?:ANI|PTI|IANS|AFP|AP|Reuters|UNI|APP|Xinhua)\)$",
    re.I,
)
_FOOTER = re.compile(
    r"©|\bcopyright\b|all rights reserved|\bprivacy\b|\bterms (?:of|and)\b|\bcookies?\b|^tags?:|^topics?:"
    r"|^filed under|contact us|about us",
    re.I,
)
_AD = re.compile(r"\badvert|\badsen[cs]e|\bsponsored\b|\b\d{3}\s*[x×]\s*\d{2,3}\b|\bpromoted\b", re.I)
_LINK = re.compile(r"https?://|www\.|^link:|^source:\s*\S+\.\w{2,}", re.I)
_NAV = re.compile(
    r"\b(?:read more|click here|subscribe|sign up|sign in|log ?in|newsletter|follow us|share|comments?|"
    r"skip to|back to top|go ?to ?top|menu|search|home|watch:?|listen|story highlights|min(?:ute)?s? read|"
    r"previous story|next story)\b|_banner\b",
    re.I,
)
_TEASER_HEAD = re.compile(
    r"^(?:previous|next) (?:story|article|post)$|^latest (?:from|news)|^don.?t miss|^related|^recommended"
    r"|^more (?:from|stories)|^most (?:read|popular|viewed)|^also read|^read (?:next|also|more)|^you may",
    re.I,
)


def removed_kind(
    line: Line,
    *,
    is_title: bool,
    is_byline: bool,
    is_date: bool,
    after_body: bool,
    in_teaser_zone: bool,
) -> str:
    text = line.text
    if is_title:
        return "title"
    if is_byline or _BY.match(text) and len(words(text)) <= 8:
        return "byline"
    if is_date or (DATE_WITH_YEAR.search(text) and len(words(text)) <= 8):
        return "dateline"
    if _AD.search(text):
        return "ad"
    if CAPTION.search(text) or _IMAGE_PLACEHOLDER.search(text):
        return "caption"
    if _CREDIT.search(text):
        return "credit"
    if _LINK.search(text) and len(words(text)) <= 15:
        return "link"
    if in_teaser_zone or _TEASER_HEAD.search(text):
        return "teaser"
    if after_body and _FOOTER.search(text):
        return "footer"
    if _NAV.search(text) or line.list_marker or len(words(text)) <= 3:
        return "navigation"
    if after_body:
        return "teaser" if len(words(text)) >= 6 else "footer"
    return "other"


def is_teaser_head(line: Line) -> bool:
    return bool(_TEASER_HEAD.search(line.text)) and len(words(line.text)) <= 8


_BY = re.compile(r"^(?:by|written by|posted by)\s*:?\s+[A-Z]", re.I)
_LABEL_ONLY = re.compile(r"^[\w\s&-]{1,30}:$")
_COPYRIGHT = re.compile(r"©|\bcopyright\b|all rights reserved", re.I)


def is_edge_junk(line: Line) -> bool:
    """Lines that are never the first or last paragraph of an article, whatever the classifier thought:
    a source link, a © notice, a bare label ("TAGS:"), a one- or two-word fragment, an inputs credit."""
    text = line.text
    n = len(words(text))
    return bool(
        (_LINK.search(text) and n <= 15)
        or (_COPYRIGHT.search(text) and n <= 25)
        or _LABEL_ONLY.match(text)
        or (n <= 2 and not text.endswith((".", "!", "?")))
        or _CREDIT.search(text)
        or (_TEASER_HEAD.search(text) and n <= 20)
    )
