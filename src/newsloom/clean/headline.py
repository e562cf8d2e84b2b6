"""The learned headline ranker: which line above a plain-text article is its headline.

:func:`newsloom.clean.metadata.find_title` describes each line above the body (its shape, where it stands,
the hand-written headline score and its vetoes, and how many of its words the article's first paragraphs
use) in the columns :data:`TITLE_FEATURES`; a small LightGBM model, trained by
``training/train_title_model.py`` on the WCXB *train* pages and shipped as ``model/title.txt``, gives each
line a probability of being the headline. The most probable line is the headline when it reaches the
threshold in ``model/title.json``; a page whose lines all fall short has none (a page that opens with its
body text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsloom.clean.lines import _STOPWORDS, words

MODEL_FILE = Path(__file__).parent / "model" / "title.txt"
META_FILE = Path(__file__).parent / "model" / "title.json"

TITLE_FEATURES = [
    "rule_score",
    "vetoed",
    "log_words",
    "log_chars",
    "log_lines_to_body",
    "rank_from_body",
    "rank_by_length",
    "log_candidates",
    "rel_index",
    "is_body",
    "ends_period",
    "ends_question",
    "ends_colon_comma",
    "inner_colon",
    "capitalised",
    "same_line_nearby",
    "byline_or_date_below",
    "log_corpus_repeat",
    "ui_text",
    "has_date",
    "has_url",
    "names_only",
    "credit_line",
    "byline",
    "list_marker",
    "blank_before",
    "blank_after",
    "lede_share",
    "lede_count",
    "body_share",
]


def content_words(text: str) -> set[str]:
    """The line's words that carry its topic: lower-cased, no stop words, no one- or two-letter words."""
    return {w.lower() for w in words(text) if len(w) > 2 and w.lower() not in _STOPWORDS}


def overlap(line_words: set[str], other: set[str]) -> tuple[float, float]:
    """(share of the line's content words found in ``other``, how many)."""
    if not line_words:
        return 0.0, 0.0
    found = len(line_words & other)
    return found / len(line_words), float(found)


@dataclass
class TitleRanker:
    booster: object  # lightgbm.Booster
    threshold: float

    @classmethod
    def load(cls, model_file: Path = MODEL_FILE, meta_file: Path = META_FILE) -> TitleRanker:
        import lightgbm as lgb

        meta = json.loads(meta_file.read_text())
        if meta["features"] != TITLE_FEATURES:
            raise ValueError(f"{model_file} was trained on other features; run training/train_title_model.py")
        return cls(lgb.Booster(model_file=str(model_file)), float(meta["threshold"]))

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        if not len(features):
            return np.zeros(0)
        return self.booster.predict(features, num_threads=1)


@lru_cache(maxsize=1)
def default_ranker() -> TitleRanker:
    """The shipped ranker, loaded once per process."""
    return TitleRanker.load()
