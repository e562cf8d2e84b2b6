"""Why a line was removed: the ``kind`` of each entry in ``Article.removed``.

The classifier says *whether* a line is body; these rules say what the removed line *was*, so a user can
audit the cleaner ("show me every caption it dropped") and metadata lines are labelled for what they are.
"""

from __future__ import annotations

import re

from newsloom.clean.lines import (
    AD,
    CALL_TO_ACTION,
    CAPTION,
    COPYRIGHT,
    TEASER_HEAD,
    Line,
    is_teaser_head,
    words,
)
from newsloom.clean.metadata import stamp_kind

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
_LINK = re.compile(r"https?://|www\.|^link:|^source:\s*\S+\.\w{2,}", re.I)
_NAV = re.compile(
    r"\b(?:read more|click here|subscribe|sign up|sign in|log ?in|newsletter|follow us|share|comments?|"
    r"skip to|back to top|go ?to ?top|menu|search|home|watch:?|listen|story highlights|min(?:ute)?s? read|"
    r"previous story|next story)\b|_banner\b",
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
    in_comments: bool = False,
) -> str:
    text = line.text
    if is_title:
        return "title"
    if in_comments:  # the names, time stamps and "Reply" links of a thread are all the comments'
        return "footer" if _FOOTER.search(text) else "comment"
    if is_byline:
        return "byline"
    if is_date:
        return "dateline"
    stamp = stamp_kind(line)
    if stamp:
        return stamp
    if AD.search(text):
        return "ad"
    if CAPTION.search(text) or _IMAGE_PLACEHOLDER.search(text):
        return "caption"
    if _CREDIT.search(text):
        return "credit"
    if _LINK.search(text) and len(words(text)) <= 15:
        return "link"
    if in_teaser_zone or is_teaser_head(line):
        return "teaser"
    if after_body and _FOOTER.search(text):
        return "footer"
    if _NAV.search(text) or line.list_marker or len(words(text)) <= 3:
        return "navigation"
    if after_body:
        return "teaser" if len(words(text)) >= 6 else "footer"
    return "other"


_LABEL_ONLY = re.compile(r"^[\w\s&-]{1,30}:$")
#: a call to action this short is a button or a prompt ("Share this article", "Follow us on Twitter"), not the
#: article's first or last paragraph
BUTTON_MAX_WORDS = 6


def is_edge_junk(line: Line) -> bool:
    """Lines that are never the first or last paragraph of an article, whatever the classifier thought:
    a source link, a © notice, a bare label ("TAGS:"), a one- or two-word fragment, an inputs credit, a share
    button."""
    text = line.text
    n = len(words(text))
    return bool(
        (_LINK.search(text) and n <= 15)
        or (COPYRIGHT.search(text) and n <= 25)
        or _LABEL_ONLY.match(text)
        or (n <= 2 and not text.endswith((".", "!", "?")))
        or _CREDIT.search(text)
        or (TEASER_HEAD.match(text) and n <= 20)  # "ALSO READ: <another story's headline>"
        or (CALL_TO_ACTION.search(text) and n <= BUTTON_MAX_WORDS)
    )
