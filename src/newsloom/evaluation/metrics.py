"""Scoring functions shared by the ``bench/`` scripts and the training scripts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(gold: str, predicted: str, n: int = 4) -> tuple[float, float, float]:
    """Per-page (tp, fp, fn) over token 4-shingles, normalised to sum to 1 so long pages weigh no more.

    This is the measure of the article-extraction-benchmark (scrapinghub): pages' precision and recall
    are averaged separately and F1 is taken of the two averages (see :func:`macro_prf`).
    """
    g, p = _shingles(gold, n), _shingles(predicted, n)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


@dataclass
class PRF:
    precision: float
    recall: float
    f1: float


def macro_prf(counts: Iterable[tuple[float, float, float]]) -> PRF:
    precisions, recalls = [], []
    for tp, fp, fn in counts:
        if tp + fp > 0 or (fp == fn == 0):
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0 or (fp == fn == 0):
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    precision = sum(precisions) / max(len(precisions), 1)
    recall = sum(recalls) / max(len(recalls), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def prf(tp: int, fp: int, fn: int) -> PRF:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)
