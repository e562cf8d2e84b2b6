"""Learned line rankers of the plain-text metadata: which line above the body is the headline, and which
name-shaped line names the author when no byline says so.

:mod:`newsloom.clean.metadata` describes each candidate line in the columns :data:`TITLE_FEATURES` or
:data:`AUTHOR_FEATURES` (its shape, where it stands, the hand-written rules' verdicts as columns, and what the
rest of the page says about it); a small LightGBM model per task, trained on the WCXB *train* pages by
``training/train_metadata_rankers.py title|author`` and shipped as ``model/<name>.txt``
beside ``model/<name>.json`` (its columns and threshold), gives each candidate a probability. The most
probable line wins when it reaches the threshold; otherwise the page has none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from newsloom.clean.lines import STOPWORDS, words

MODEL_DIR = Path(__file__).parent / "model"

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

AUTHOR_FEATURES = [
    "n_words",
    "log_chars",
    "bare_name",
    "ui_text",
    "menu_word",
    "job_title",
    "same_line_in_page",
    "inside_other_lines",
    "biography_follows",
    "label_above",
    "lower_case_share",
    "lines_to_date",
    "date_beside",
    "lines_to_body",
    "after_body",
    "is_body",
    "rel_index",
    "log_corpus_repeat",
    "blank_before",
    "blank_after",
    "list_marker",
    "log_candidates",
]

FEATURES = {"title": TITLE_FEATURES, "author": AUTHOR_FEATURES}


def content_words(text: str) -> set[str]:
    """The line's words that carry its topic: lower-cased, no stop words, no one- or two-letter words."""
    return {w.lower() for w in words(text) if len(w) > 2 and w.lower() not in STOPWORDS}


def overlap(line_words: set[str], other: set[str]) -> tuple[float, float]:
    """(share of the line's content words found in ``other``, how many)."""
    if not line_words:
        return 0.0, 0.0
    found = len(line_words & other)
    return found / len(line_words), float(found)


@dataclass
class LineRanker:
    booster: object  # lightgbm.Booster
    threshold: float

    @classmethod
    def load(cls, name: str, directory: Path = MODEL_DIR) -> LineRanker:
        import lightgbm as lgb

        meta = json.loads((directory / f"{name}.json").read_text())
        if meta["features"] != FEATURES[name]:
            raise ValueError(f"model/{name}.txt was trained on other features; run "
                             f"training/train_metadata_rankers.py {name} again")
        return cls(lgb.Booster(model_file=str(directory / f"{name}.txt")), float(meta["threshold"]))

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        if not len(features):
            return np.zeros(0)
        return self.booster.predict(features, num_threads=1)


def top_row(probs: np.ndarray, threshold: float) -> int | None:
    """The row of the most probable candidate; None when there is none or it falls short of ``threshold``."""
    if not len(probs) or probs.max() < threshold:
        return None
    return int(np.argmax(probs))


@cache
def shipped_ranker(name: str) -> LineRanker:
    """The shipped ranker ``name`` ("title" or "author"), loaded once per process."""
    return LineRanker.load(name)
