"""``nlp.add_pipe("newsloom_quotes")``: the quote finder as a spaCy component, usable outside newsloom.

It needs a parser and NER before it (``en_core_web_sm`` has both) and sets ``doc._.quotes`` to a list of
:class:`~newsloom.nlp.quotes.Quote`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsloom.nlp.quotes import extract_quotes

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc)
        return doc


@Language.factory("newsloom_quotes", requires=["token.dep", "doc.ents"], assigns=["doc._.quotes"])
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()
