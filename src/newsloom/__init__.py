"""newsloom: raw news in; a clean, deduplicated, searchable record of who said what, when and where out.

    >>> import newsloom
    >>> article = newsloom.analyze("path/to/article.txt")   # or the text itself
    >>> article.title, article.published, article.body
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["analyze", "normalize_time", "acled_subtype", "Article", "__version__"]

if TYPE_CHECKING:
    from newsloom.record import Article


def analyze(text_or_path):  # type: ignore[no-untyped-def]
    """Clean one article (plain text, HTML, or a path to a file) and return an :class:`Article`."""
    from newsloom.pipeline import analyze as _analyze

    return _analyze(text_or_path)


def normalize_time(expression, reference_date, context=None):  # type: ignore[no-untyped-def]
    """TIMEX3-style value of a temporal expression against a publication date (see newsloom.temporal)."""
    from newsloom.temporal import normalize_time as _normalize

    return _normalize(expression, reference_date, context)


def acled_subtype(snippet):  # type: ignore[no-untyped-def]
    """ACLED-style event subtype of a snippet (one of 30 labels) or None (see newsloom.events)."""
    from newsloom.events import acled_subtype as _acled_subtype

    return _acled_subtype(snippet)


def __getattr__(name: str):  # lazy, so `import newsloom` stays cheap
    if name == "Article":
        from newsloom.record import Article

        return Article
    raise AttributeError(name)
