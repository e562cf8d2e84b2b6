"""The two-stage line classifier that decides which lines of a plain-text page are article body.

Stage 1 reads each line's shape, its neighbours' shapes, its place on the page and how often the line
recurs across the batch. Stage 2 reads the same plus the stage-1 probabilities of the lines around it and
of the page's main block, so a prose-looking teaser blurb after the article's end or a comment thread
loses to its context. Both are LightGBM models shipped as text in ``clean/model/`` and trained by
``training/train_line_model.py``; ``meta.json`` beside them holds the decision threshold and the split.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsloom.clean.lines import Line, context_features, shape_features, word_count

MODEL_DIR = Path(__file__).parent / "model"


@dataclass
class LineClassifier:
    stage1: object  # lightgbm.Booster
    stage2: object
    threshold: float

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> LineClassifier:
        import lightgbm as lgb

        meta = json.loads((directory / "meta.json").read_text())
        return cls(
            stage1=lgb.Booster(model_file=str(directory / "stage1.txt")),
            stage2=lgb.Booster(model_file=str(directory / "stage2.txt")),
            threshold=float(meta["threshold"]),
        )

    def body_probabilities(self, lines: Sequence[Line], corpus_repeat: Sequence[int] | None = None) -> np.ndarray:
        if not lines:
            return np.zeros(0)
        shape = shape_features(lines, corpus_repeat)
        p1 = self.stage1.predict(shape, num_threads=1)
        stage2 = np.hstack([shape, context_features(p1, word_count(lines))])
        return self.stage2.predict(stage2, num_threads=1)


@lru_cache(maxsize=1)
def default_classifier() -> LineClassifier:
    """The shipped model, loaded once per process (workers each load their own)."""
    return LineClassifier.load()
