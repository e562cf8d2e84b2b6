"""Where a newsloom ingest's time goes, and how fast it could get by parsing only where it must.

    .venv/bin/python bench/parse_budget.py [--split dev] [--articles 84]

On PolNeAR articles (one core, one process): the bare spaCy pipeline, the time of each of its components in
newsloom's pipeline (cached attribute ruler, ``newsloom.nlp.cached``; spaCy's own ruler and lemmatizer for comparison; each
pipeline's second pass, caches warm), NER alone, newsloom's cleaning and
analysis after the parse, and the share of sentences that hold anything the dependency parse is needed for
(a quotation mark, a word whose lemma is an attribution cue in at least 30% of its PolNeAR train uses, or an
event trigger). From these: the best ratio to bare spaCy that parsing only those sentences could give, and
the ratio with no parse at all — the ceiling for issue 7's "≥ 1.5× bare spaCy" target on this kind of news —
and the ratio with NER at no cost while the parse stays where it is needed: the bound for any cheaper NER.
None of them counts reading, decoding and storing, which the end-to-end ingest also pays.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402

from newsloom.actors import find_actors  # noqa: E402
from newsloom.clean.text import clean_plain_text  # noqa: E402
from newsloom.evaluation.polnear import polnear_articles  # noqa: E402
from newsloom.events import find_events  # noqa: E402
from newsloom.events.find import trigger_of  # noqa: E402
from newsloom.events.plover import load_lexicon  # noqa: E402
from newsloom.nlp import extract_quotes, load_nlp  # noqa: E402
from newsloom.nlp.cues import cue_lexicon  # noqa: E402
from newsloom.nlp.model import MODEL_NAME  # noqa: E402
from newsloom.temporal import find_times  # noqa: E402

#: a cue lemma counts when PolNeAR train annotators marked it as a cue this often (and at least 5 times)
CUE_RATE = 0.3
PUBLISHED = "2016-09-01"
_MARKS = set("“”\"‘’«»")


def timed(fn, *args):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def component_times(nlp: spacy.Language, texts: list[str]) -> tuple[dict[str, float], list[spacy.tokens.Doc]]:
    """Seconds each pipeline component takes over ``texts`` (batches of 16, as ``nlp.pipe``), and the docs."""
    seconds: dict[str, float] = defaultdict(float)
    docs = []
    for i in range(0, len(texts), 16):
        batch = [nlp.make_doc(t) for t in texts[i : i + 16]]
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            batch = list(proc.pipe(batch)) if hasattr(proc, "pipe") else [proc(d) for d in batch]
            seconds[name] += time.perf_counter() - start
        docs += batch
    return seconds, docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--articles", type=int, default=84)
    args = parser.parse_args()
    texts = [a.text for a in polnear_articles(args.split)][: args.articles]

    reference = spacy.load(MODEL_NAME)
    list(reference.pipe(texts))  # warm-up: the lemmatizer's cache fills on a first pass
    words = sum(len(reference.make_doc(t)) for t in texts)
    _, bare = timed(lambda: list(reference.pipe(texts, batch_size=16)))
    with reference.select_pipes(enable=["ner"]):
        _, ner_alone = timed(lambda: list(reference.pipe(texts, batch_size=16)))

    # steady state, as in a long ingest: each pipeline's second pass, its caches warm from the first
    nlp = load_nlp()
    component_times(nlp, texts)
    original, _ = component_times(reference, texts)
    components, docs = component_times(nlp, texts)
    model = sum(components.values())

    _, cleaning = timed(lambda: [clean_plain_text(t) for t in texts])
    find_actors(docs[0], PUBLISHED, [])  # loads the gazetteer once, as a worker does at start
    extract_quotes(docs[0])  # and the quote stage's models
    stages: dict[str, float] = defaultdict(float)
    for doc in docs:
        quotes, seconds = timed(extract_quotes, doc)
        stages["quotes"] += seconds
        actors, seconds = timed(find_actors, doc, PUBLISHED, quotes)
        stages["actors"] += seconds
        times, seconds = timed(find_times, doc.text, PUBLISHED)
        stages["times"] += seconds
        _, seconds = timed(find_events, doc, PUBLISHED, quotes, actors, times)
        stages["events"] += seconds
    analysis = sum(stages.values())
    # the quote stage again without its two span models (the rules alone): what those models cost
    _, rules_only = timed(lambda: [extract_quotes(d, boundary_model=False, cue_extent_model=False) for d in docs])

    cues = {key.split("|")[0] for key, v in cue_lexicon().items() if v.get("rate", 0) >= CUE_RATE and v.get("count", 0) >= 5}
    lexicon = load_lexicon()
    sentences = needed = tokens = needed_tokens = 0
    for doc in docs:
        for sent in doc.sents:
            need = any(t.text in _MARKS or t.lemma_.lower() in cues or trigger_of(t, lexicon) for t in sent)
            sentences += 1
            needed += need
            tokens += len(sent)
            needed_tokens += len(sent) * need
    share = needed_tokens / tokens

    parse_chain = sum(v for k, v in components.items() if k != "ner")
    selective = components["ner"] + share * parse_chain + cleaning + analysis
    no_parse = components["ner"] + cleaning + analysis
    # what any cheaper NER could give at best: NER at no cost, the parse still where attribution needs it
    free_ner = share * parse_chain + cleaning + analysis

    print(f"Parse budget: PolNeAR {args.split}, {len(texts)} articles, {words:,} words, one core\n")
    print("| part | seconds | share of bare spaCy |")
    print("|---|---:|---:|")
    print(f"| bare spaCy `nlp.pipe` (full en_core_web_sm) | {bare:.1f} | 1.00 |")
    print(f"| NER alone (its own embedding) | {ner_alone:.1f} | {ner_alone / bare:.2f} |")
    for name in ("attribute_ruler", "lemmatizer"):
        print(f"| spaCy's own {name} | {original[name]:.1f} | {original[name] / bare:.2f} |")
    print(f"| newsloom's pipeline (cached attribute ruler), all | {model:.1f} | {model / bare:.2f} |")
    for name, seconds in components.items():
        print(f"| newsloom's pipeline: {name} | {seconds:.1f} | {seconds / bare:.2f} |")
    print(f"| cleaning (plain-text line model) | {cleaning:.1f} | {cleaning / bare:.2f} |")
    for name, seconds in stages.items():
        print(f"| analysis: {name} | {seconds:.1f} | {seconds / bare:.2f} |")
    print(f"| (quotes by the rules alone, no span models; not in the sums) | {rules_only:.1f} | "
          f"{rules_only / bare:.2f} |")
    print(f"\nSentences needing the dependency parse (quotation mark, cue lemma with rate ≥ {CUE_RATE}, event "
          f"trigger): {needed}/{sentences} = {needed / sentences:.2f} of sentences, {share:.2f} of tokens")
    print(f"Best ratio to bare spaCy, parsing only those sentences (NER everywhere, no cost for splitting): "
          f"{bare / selective:.2f}×")
    print(f"Ratio with no dependency parse, tagger or lemmatizer at all (NER, cleaning and analysis only): "
          f"{bare / no_parse:.2f}×")
    print(f"Ratio with NER at no cost, parsing only those sentences (the bound for any cheaper NER): "
          f"{bare / free_ner:.2f}×")


if __name__ == "__main__":
    main()
