"""Fit the ACLED subtype model shipped as ``src/newsloom/events/data/acled.json``.

    .venv/bin/pip install -e '.[train]' && .venv/bin/python training/train_acled.py

Reads ../shared/data/case2021-task2/dev.tsv, *train* split only (60% by id hash; the other 40% is what
bench/events.py reports). C and the keyword weight are chosen by 5-fold cross-validation inside train.
"""

from __future__ import annotations

import json
import sys
import warnings
from itertools import product
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from newsloom.evaluation.case2021 import case_snippets  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
warnings.filterwarnings("ignore", message="The least populated class")
from acled_definitions import DEFINITIONS  # noqa: E402
from newsloom.events.acled import MODEL_PATH, keyword_features, ngrams  # noqa: E402


def design(texts, vectorizer, keyword_weight, fit=False):  # noqa: ANN001
    tfidf = vectorizer.fit_transform(texts) if fit else vectorizer.transform(texts)
    keywords = np.array([keyword_features(t) for t in texts]) * keyword_weight
    return np.hstack([tfidf.toarray(), keywords])


def vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=ngrams, sublinear_tf=True, min_df=2)


def main() -> None:
    rows = case_snippets("train")
    texts = [r[1] for r in rows]
    labels = np.array([r[2] for r in rows])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    definition_texts = list(DEFINITIONS.values())
    definition_labels = list(DEFINITIONS)
    best = (-1.0, None)
    for c, kw, with_definitions in product((10.0, 30.0, 100.0), (0.5, 1.0), (False, True)):
        scores = []
        for fit_idx, val_idx in folds.split(texts, labels):
            fit_texts = [texts[i] for i in fit_idx] + (definition_texts if with_definitions else [])
            fit_labels = list(labels[fit_idx]) + (definition_labels if with_definitions else [])
            vec = vectorizer()
            x_fit = design(fit_texts, vec, kw, fit=True)
            x_val = design([texts[i] for i in val_idx], vec, kw)
            model = LogisticRegression(C=c, max_iter=3000).fit(x_fit, fit_labels)
            scores.append(f1_score(labels[val_idx], model.predict(x_val), average="weighted"))
        mean = float(np.mean(scores))
        print(f"C={c:<5} keyword weight={kw} definitions={with_definitions}: 5-fold weighted F1 {mean:.3f}")
        best = max(best, (mean, (c, kw, with_definitions)), key=lambda b: b[0])
    c, kw, with_definitions = best[1]
    print(f"chosen C={c}, keyword weight={kw}, definitions={with_definitions} (cv {best[0]:.3f})")
    all_texts = texts + (definition_texts if with_definitions else [])
    all_labels = list(labels) + (definition_labels if with_definitions else [])
    vec = vectorizer()
    x = design(all_texts, vec, kw, fit=True)
    model = LogisticRegression(C=c, max_iter=3000).fit(x, all_labels)
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps({
        "vocabulary": {k: int(v) for k, v in vec.vocabulary_.items()},
        "idf": [round(float(v), 5) for v in vec.idf_],
        "coef": [[round(float(v), 5) for v in row] for row in model.coef_],
        "intercept": [round(float(v), 5) for v in model.intercept_],
        "classes": [str(c) for c in model.classes_],
        "keyword_weight": kw,
        "definitions_as_examples": with_definitions,
        "min_probability": 0.15,
        "trained_on": "CASE 2021 task 2 dev.tsv, split=train (60% by id hash)",
        "chosen_by": "5-fold cross-validation inside train",
    }))


if __name__ == "__main__":
    main()
