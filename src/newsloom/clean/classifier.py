"""The two-stage line classifier that decides which lines of a plain-text page are article body.

Stage 1 reads each line's shape, its neighbours' shapes, its place on the page and how often the line
recurs across the batch. Each later stage reads the same plus the previous stage's probabilities of the
lines around it and of the page's main block, and how much of the line's vocabulary the lines that stage is
sure of use, so a prose-looking teaser blurb after the article's end, an author's bio or a comment thread loses
to its context. All are LightGBM models shipped as text in ``clean/model/`` and trained
by ``training/train_line_model.py``; ``meta.json`` beside them holds the stage count, the decision threshold
and the split.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsloom.clean.lines import Line, PageWords, context_features, page_words, shape_features, word_features

MODEL_DIR = Path(__file__).parent / "model"


def stage_input(shape: np.ndarray, previous: np.ndarray | None, page: PageWords) -> np.ndarray:
    """Stage 1 reads the shape features; every later stage also reads the previous stage's context."""
    return shape if previous is None else np.hstack([shape, context_features(previous, page)])


@dataclass
class LineClassifier:
    stages: list  # lightgbm.Booster, applied in order
    threshold: float
    log_odds: dict[str, float] | None = None  # word evidence; None for a model trained without it

    def base_features(self, lines: Sequence[Line], corpus_repeat: Sequence[int] | None) -> np.ndarray:
        shape = shape_features(lines, corpus_repeat)
        if self.log_odds is None:
            return shape
        return np.hstack([shape, word_features(lines, self.log_odds)])

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> LineClassifier:
        import lightgbm as lgb

        meta = json.loads((directory / "meta.json").read_text())
        words_file = directory / "word_log_odds.json"
        return cls(
            stages=[lgb.Booster(model_file=str(directory / f"stage{k + 1}.txt")) for k in range(meta["stages"])],
            threshold=float(meta["threshold"]),
            log_odds=json.loads(words_file.read_text()) if meta.get("word_features") else None,
        )

    def body_probabilities(self, lines: Sequence[Line], corpus_repeat: Sequence[int] | None = None) -> np.ndarray:
        if not lines:
            return np.zeros(0)
        shape = self.base_features(lines, corpus_repeat)
        page = page_words(lines)
        probs = None
        for stage in self.stages:
            probs = stage.predict(stage_input(shape, probs, page), num_threads=1)
        return probs


@lru_cache(maxsize=1)
def default_classifier() -> LineClassifier:
    """The shipped model, loaded once per process (workers each load their own)."""
    return LineClassifier.load()
