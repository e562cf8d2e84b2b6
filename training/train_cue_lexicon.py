"""Learn the attribution-cue lexicon shipped in ``src/newsloom/nlp/data/cue_lexicon.json``.

    .venv/bin/python training/train_cue_lexicon.py

Reads PolNeAR *train* only (../shared/data/polnear/train; dev is the reported benchmark). For every
(lemma, coarse POS) it counts how often a token is the head of a gold Cue span against how often it occurs
at all, and which word usually follows the head inside the cue ("called *for*", "pointed *to*"). The
extractor treats a verb as a cue when its lemma is in its speech list or its learned rate clears
``MIN_RATE``; the rate and count floors were chosen on a held-out fifth of train (see ``--choose``).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

from newsloom.evaluation.polnear import polnear_articles
from newsloom.nlp.cues import CLAUSE_DEPS, infinitive_after, lexicon_key
from newsloom.nlp.model import load_nlp
from newsloom.nlp.quotes import preposition_objects

OUT = Path(__file__).resolve().parents[1] / "src" / "newsloom" / "nlp" / "data" / "cue_lexicon.json"
CACHE = Path(__file__).resolve().parents[1] / ".cache" / "polnear-train-docs.pkl"
MIN_COUNT = 3
#: cue tails ("about" after "talk", "in a statement" after "say"): up to this many words, seen after at
#: least MIN_TAIL_COUNT cue heads of the lemma, inside the cue at least MIN_TAIL_SHARE of those times
MAX_TAIL = 3
MIN_TAIL_COUNT = 4
MIN_TAIL_SHARE = 0.5
#: a tail never ends on a word that opens a phrase ("said in a" is the start of "said in a statement")
_OPEN_ENDS = frozenset(["a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "no",
                        "one", "recent", "some"])


def parsed_train():
    """(article, Doc) pairs for PolNeAR train, parsed once and cached as DocBin bytes."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    articles = polnear_articles("train")
    if CACHE.exists():
        docs = list(DocBin().from_bytes(pickle.loads(CACHE.read_bytes())).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_bytes(pickle.dumps(DocBin(store_user_data=False, docs=docs).to_bytes()))
    return list(zip(articles, docs))


def has_clause(token) -> bool:  # noqa: ANN001
    return any(c.dep_ in CLAUSE_DEPS for c in token.children)


def count(pairs) -> dict:  # noqa: ANN001
    cue_heads: Counter = Counter()
    totals: Counter = Counter()
    tail_seen: dict[str, Counter] = defaultdict(Counter)
    tail_in_cue: dict[str, Counter] = defaultdict(Counter)
    inside: Counter = Counter()  # words inside a cue other than its head ("optimistic" in "are optimistic")
    source_heads: Counter = Counter()  # heads of Source spans ("official", "poll", "he")
    with_clause: Counter = Counter()  # uses with a clause complement ("show that …", not "show up")
    cue_with_clause: Counter = Counter()
    infinitive_seen: Counter = Counter()
    infinitive_in_cue: Counter = Counter()
    # "spoke at the conference about …": prepositions whose object is where or to whom, not what was said
    prep_seen: dict[str, Counter] = defaultdict(Counter)
    prep_is_content: dict[str, Counter] = defaultdict(Counter)
    for article, doc in pairs:
        for token in doc:
            totals[lexicon_key(token)] += 1
            if has_clause(token):
                with_clause[lexicon_key(token)] += 1
        for attribution in article.attributions:
            for start, end in attribution.source:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    source_heads[lexicon_key(span.root)] += 1
            for start, end in attribution.cue:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                root = span.root
                key = lexicon_key(root)
                cue_heads[key] += 1
                cue_with_clause[key] += has_clause(root)
                content = (min(a for a, _ in attribution.content), max(b for _, b in attribution.content)) \
                    if attribution.content else None
                for prep, pobj in preposition_objects(root):
                    prep_seen[key][prep.lower_] += 1
                    prep_is_content[key][prep.lower_] += content is not None and (
                        pobj.left_edge.idx <= content[0] <= pobj.right_edge.idx)
                infinitive = infinitive_after(root)
                if infinitive is not None:  # "tried to attack": does the cue run through the infinitive?
                    infinitive_seen[key] += 1
                    infinitive_in_cue[key] += infinitive.i < span.end
                for token in span:
                    if token.i != root.i:
                        inside[lexicon_key(token)] += 1
                # which words right after a cue head belong to the cue ("talk about", "said in a statement")
                for k in range(1, MAX_TAIL + 1):
                    if root.i + k >= len(doc) or any(t.is_punct or t.is_space for t in doc[root.i + 1 : root.i + k + 1]):
                        break
                    tail = " ".join(t.lower_ for t in doc[root.i + 1 : root.i + k + 1])
                    tail_seen[key][tail] += 1
                    tail_in_cue[key][tail] += root.i + k < span.end
    lexicon = {}
    for key, n in cue_heads.items():
        if n < MIN_COUNT:
            continue
        lexicon[key] = {"rate": round(n / totals[key], 3), "count": n}
        circumstances = sorted(p for p, seen in prep_seen[key].items()
                               if seen >= MIN_TAIL_COUNT and prep_is_content[key][p] / seen < MIN_TAIL_SHARE)
        if circumstances:
            lexicon[key]["circumstance_preps"] = circumstances
        if infinitive_seen[key] >= MIN_TAIL_COUNT and infinitive_in_cue[key] / infinitive_seen[key] >= MIN_TAIL_SHARE:
            lexicon[key]["through_infinitive"] = True
        if with_clause[key] >= MIN_COUNT:
            lexicon[key]["clause_rate"] = round(cue_with_clause[key] / with_clause[key], 3)
        if totals[key] - with_clause[key] >= MIN_COUNT:
            lexicon[key]["bare_rate"] = round((n - cue_with_clause[key]) / (totals[key] - with_clause[key]), 3)
        # longest first: the cue takes the longest tail that follows it ("in a statement" before "in")
        tails = sorted((t for t, seen in tail_seen[key].items()
                        if seen >= MIN_TAIL_COUNT and tail_in_cue[key][t] / seen >= MIN_TAIL_SHARE
                        and t.rsplit(" ", 1)[-1] not in _OPEN_ENDS), key=lambda t: (-t.count(" "), t))
        if tails:
            lexicon[key]["tails"] = tails
    for key, n in inside.items():
        if n >= MIN_COUNT:
            lexicon.setdefault(key, {})["inside"] = round(n / totals[key], 3)
    for key, n in source_heads.items():
        if n >= MIN_COUNT:
            lexicon.setdefault(key, {})["source"] = round(n / totals[key], 3)
    return lexicon


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--choose", action="store_true", help="fit on 4/5 of train, score rates on the rest")
    args = parser.parse_args()
    pairs = parsed_train()
    if args.choose:
        fit = [p for i, p in enumerate(pairs) if i % 5]
        held = [p for i, p in enumerate(pairs) if not i % 5]
        OUT.parent.mkdir(parents=True, exist_ok=True)
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
        from newsloom.nlp import cues
        from newsloom.nlp import quotes as quote_module
        from quotes import prediction, score  # noqa: PLC0415

        cues.set_cue_lexicon(count(fit))
        docs = {id(a): d for a, d in held}
        for min_rate in (0.15, 0.25, 0.35, 0.5, 9.0):  # 9.0: no learned cue at all
            quote_module.MIN_CUE_RATE = min_rate
            # the lexicon rule alone, not the cue model trained later from it
            result = score([a for a, _ in held], lambda art, nlp: [
                prediction(q) for q in quote_module.extract_quotes(docs[id(art)], cue_model=False)], None)
            print(f"min_rate {min_rate}: source {result['source'].f1:.3f} cue {result['cue'].f1:.3f} "
                  f"content {result['content'].f1:.3f} overlap {result['overlap'].f1:.3f} "
                  f"speaker {result['speaker']:.3f}")
        return
    lexicon = count(pairs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(dict(sorted(lexicon.items())), indent=0, ensure_ascii=False) + "\n")
    print(f"{len(lexicon)} cue lemmas written to {OUT}")


if __name__ == "__main__":
    main()
