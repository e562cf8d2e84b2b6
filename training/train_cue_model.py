"""Train the cue model shipped as ``src/newsloom/nlp/data/cue_model.txt`` (+ ``cue_model.json``).

    .venv/bin/python training/train_cue_lexicon.py     # the lexicon first (its rates are a feature)
    .venv/bin/python training/train_cue_model.py

PolNeAR *train* only. Every verb is an example, labelled by whether it heads a gold Cue span. The lexicon
feature is computed out of fold (from the other four fifths of the articles), as it will be for unseen text.
The decision threshold is chosen by the quote benchmark's scores on a held-out fifth of train, with the
model fitted on the other four; the shipped model is then refitted on all of train.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from newsloom.nlp import cues as cue_module  # noqa: E402
from newsloom.nlp import quotes as quote_module  # noqa: E402
from newsloom.nlp.marks import quotation_spans  # noqa: E402
from newsloom.nlp.quotes import SPEECH_LEMMAS  # noqa: E402
from quotes import prediction  # noqa: E402
from train_cue_lexicon import count, parsed_train  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "src" / "newsloom" / "nlp" / "data"
FOLDS = 5
PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 31, "min_data_in_leaf": 30,
          "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "verbose": -1, "seed": 3,
          "num_threads": 2}
ROUNDS = 300


def quoted_tokens(doc) -> set[int]:  # noqa: ANN001
    out: set[int] = set()
    for start, end in quotation_spans(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def examples(pairs, lexicon):  # noqa: ANN001
    xs, ys = [], []
    for article, doc in pairs:
        heads = set()
        for attribution in article.attributions:
            for start, end in attribution.cue:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    heads.add(span.root.i)
        quoted = quoted_tokens(doc)
        marks = cue_module.SentenceMarks(doc)
        for token in doc:
            if token.pos_ in ("VERB", "AUX"):
                xs.append(cue_module.verb_features(doc, token, lexicon, SPEECH_LEMMAS, quoted, marks))
                ys.append(int(token.i in heads))
    return xs, ys


def out_of_fold_examples(pairs):  # noqa: ANN001
    xs, ys = [], []
    for fold in range(FOLDS):
        lexicon = count([p for i, p in enumerate(pairs) if i % FOLDS != fold])
        fx, fy = examples([p for i, p in enumerate(pairs) if i % FOLDS == fold], lexicon)
        xs += fx
        ys += fy
    return np.array(xs, dtype=np.float32), np.array(ys)


def main() -> None:
    from quotes import score  # noqa: PLC0415 - bench/quotes.py

    pairs = parsed_train()
    fit_pairs = [p for i, p in enumerate(pairs) if i % 5]
    held = [p for i, p in enumerate(pairs) if not i % 5]
    x, y = out_of_fold_examples(fit_pairs)
    print(f"{len(y)} verbs, {int(y.sum())} cue heads")
    booster = lgb.train(PARAMS, lgb.Dataset(x, y), num_boost_round=ROUNDS)
    fit_lexicon = count(fit_pairs)
    docs = {id(a): d for a, d in held}
    cue_module.set_cue_lexicon(fit_lexicon)
    best = (-1.0, 0.5)
    for threshold in (None, 0.25, 0.35, 0.45, 0.55):  # None: the lexicon rule alone, for comparison
        model = cue_module.CueModel(booster, threshold or 0.5, fit_lexicon)
        result = score([a for a, _ in held], lambda art, nlp, m=model if threshold is not None else False: [
            prediction(q) for q in quote_module.extract_quotes(docs[id(art)], cue_model=m)], None)
        total = result["source"].f1 + result["cue"].f1 + result["content"].f1
        print(f"threshold {threshold}: source {result['source'].f1:.3f} cue {result['cue'].f1:.3f} "
              f"content {result['content'].f1:.3f} overlap {result['overlap'].f1:.3f} speaker {result['speaker']:.3f}")
        if threshold is not None:
            best = max(best, (total, threshold))
    print(f"chosen threshold {best[1]}")
    x_all, y_all = out_of_fold_examples(pairs)
    final = lgb.train(PARAMS, lgb.Dataset(x_all, y_all), num_boost_round=ROUNDS)
    final.save_model(str(DATA / "cue_model.txt"))
    (DATA / "cue_model.json").write_text(json.dumps({
        "threshold": best[1], "trained_on": "PolNeAR train (840 articles), lexicon feature out of fold",
        "threshold_chosen_on": "a held-out fifth of PolNeAR train (articles i % 5 == 0)",
        "features": cue_module.FEATURE_NAMES, "rounds": ROUNDS, "params": PARAMS,
    }, indent=2) + "\n")


if __name__ == "__main__":
    main()
