"""ACLED-style subtype classification on CASE 2021 task 2 (dev.tsv): weighted F1 on the held-out 40%.

    .venv/bin/python bench/events.py

The model (training/train_acled.py) was fitted and its settings chosen on the 60% train split only.
Baselines on the same test snippets: the majority label, and keyword cues alone (first subtype whose
ACLED-definition keywords occur).
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from newsloom.evaluation.case2021 import case_snippets
from newsloom.events.acled import KEYWORDS, LABELS, acled_subtype


def weighted_f1(gold: list[str], predicted: list[str | None]) -> float:
    total = len(gold)
    score = 0.0
    for label, support in Counter(gold).items():
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted))
        fn = support - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        score += f1 * support / total
    return score


def keywords_only(text: str) -> str | None:
    lower = text.lower()
    hits = [(sum(lower.count(k) for k in KEYWORDS[label]), label) for label in LABELS]
    count, label = max(hits)
    return label if count else None


def main() -> None:
    train, test = case_snippets("train"), case_snippets("test")
    gold = [r[2] for r in test]
    majority = Counter(r[2] for r in train).most_common(1)[0][0]
    systems = {
        "newsloom.acled_subtype": [acled_subtype(r[1]) for r in test],
        "keyword cues alone": [keywords_only(r[1]) for r in test],
        "majority label": [majority] * len(test),
    }
    table = Table(title=f"CASE 2021 task 2: {len(test)} test snippets (fitted on {len(train)}), 30 subtypes")
    for col in ("system", "weighted F1", "accuracy", "None returned"):
        table.add_column(col)
    for name, predicted in systems.items():
        accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
        table.add_row(name, f"{weighted_f1(gold, predicted):.3f}", f"{accuracy:.3f}",
                      str(sum(p is None for p in predicted)))
    Console().print(table)


if __name__ == "__main__":
    main()
