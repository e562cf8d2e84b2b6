"""NLP stage: attributed statements (quotes) over a cleaned article body.

``find_quotes(body)`` parses with the pinned English model and returns :class:`~newsloom.nlp.quotes.Quote`
records whose offsets index into ``body``. The same logic is a spaCy component: ``nlp.add_pipe(
"newsloom_quotes")`` (see :mod:`newsloom.nlp.component`).
"""

from __future__ import annotations

from newsloom.nlp.model import load_nlp
from newsloom.nlp.quotes import Quote, Speaker, TextSpan, extract_quotes

__all__ = ["find_quotes", "extract_quotes", "Quote", "Speaker", "TextSpan", "load_nlp"]


def find_quotes(body: str) -> list[Quote]:
    if not body.strip():
        return []
    return extract_quotes(load_nlp()(body))
