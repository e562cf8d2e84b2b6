"""Quote benchmark on PolNeAR dev: exact span F1 per role, content overlap F1, speaker accuracy, speed.

    .venv/bin/python bench/quotes.py [--split dev] [--textacy] [--digits 3]

With the ``tagger`` extra installed, a second row scores the rules plus the span tagger's quotes.

Texts go through ``newsloom extract --keep-text`` semantics (body = the file's text, so offsets match).
Exact match: spans compared after trimming quote marks, punctuation and white space at both ends (a
discontinuous gold span is compared by its outer bounds). Overlap: one-to-one greedy matching of contents
with token Jaccard >= 0.5; "direct/mixed" restricts gold and predictions to contents holding a quotation
mark. Speaker accuracy: share of overlap-matched quotes whose speaker mention overlaps the gold Source.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsloom.evaluation.metrics import prf
from newsloom.evaluation.polnear import GoldArticle, polnear_articles, trim_span
from newsloom.nlp import span_tagger
from newsloom.nlp.model import load_nlp
from newsloom.nlp.quotes import extract_quotes

_TOKEN = re.compile(r"\w+")
#: Quotation marks. A right single mark alone is not one: it is the apostrophe of "Scalia’s casket" and
#: "Sanders’ plan" far more often than the end of a ‘single-quoted’ passage, whose left mark counts anyway
#: (PolNeAR dev's texts: 584 of 635 stand between two letters, 29 close a ‘ opened within 300 characters).
_MARKS = "\"“”‘«»"
#: Typewriter double marks (''…'', older wire and newspaper text), two characters wide.
_TYPEWRITER = "''"


def outer(pieces: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not pieces:
        return None
    return min(a for a, _ in pieces), max(b for _, b in pieces)


def tokens(text: str, span: tuple[int, int]) -> set[tuple[int, str]]:
    return {(m.start() + span[0], m.group().lower()) for m in _TOKEN.finditer(text[span[0] : span[1]])}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def has_mark(text: str, span: tuple[int, int]) -> bool:
    """A quotation mark inside the span or right beside it (spans are compared with their marks trimmed)."""
    lo, hi = max(span[0] - 1, 0), min(span[1] + 1, len(text))
    return any(c in _MARKS for c in text[lo:hi]) or _TYPEWRITER in text[max(span[0] - 2, 0) : span[1] + 2]


def prediction(q) -> dict:  # noqa: ANN001
    """What the scorer reads off one newsloom quote (the training scripts score quotes the same way)."""
    return {
        "content": (q.start, q.end),
        "cue": (q.cue.start, q.cue.end) if q.cue else None,
        "source": (q.source.start, q.source.end) if q.source else None,
        "mention": (q.speaker.mention.start, q.speaker.mention.end) if q.speaker.mention else None,
    }


def predictions_newsloom(article: GoldArticle, nlp, tagger=False) -> list[dict]:  # noqa: ANN001
    return [prediction(q) for q in extract_quotes(nlp(article.text), span_tagger=tagger)]


def predictions_textacy(article: GoldArticle, nlp) -> list[dict]:  # noqa: ANN001
    from textacy.extract.triples import direct_quotations

    doc = nlp(article.text)
    out = []
    for dq in direct_quotations(doc):
        span = lambda toks: (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None  # noqa: E731
        out.append({"content": span(dq.content), "cue": span(dq.cue), "source": span(dq.speaker)})
    return out


def score(articles: list[GoldArticle], predict, nlp) -> dict:  # noqa: ANN001
    counts = {role: [0, 0, 0] for role in ("source", "cue", "content")}
    overlap = [0, 0, 0]
    direct = [0, 0, 0]
    speaker_hits = speaker_total = 0
    failures = 0
    words = 0
    started = time.perf_counter()
    for article in articles:
        text = article.text
        words += len(text.split())
        try:
            preds = predict(article, nlp)
        except Exception:  # noqa: BLE001 - a baseline that raises on an article scores nothing on it
            failures += 1
            preds = []
        for role in counts:
            gold = {trim_span(text, *o) for o in (outer(getattr(g, role)) for g in article.attributions) if o}
            got = {trim_span(text, *p[role]) for p in preds if p[role]}
            gold.discard((0, 0))
            counts[role][0] += len(gold & got)
            counts[role][1] += len(got - gold)
            counts[role][2] += len(gold - got)
        golds = [(g, outer(g.content)) for g in article.attributions if g.content]
        for bucket, keep_gold, keep_pred in (
            (overlap, lambda s: True, lambda s: True),
            (direct, lambda s, text=text: has_mark(text, s), lambda s, text=text: has_mark(text, s)),
        ):
            gold_items = [(g, s) for g, s in golds if keep_gold(s)]
            pred_items = [p for p in preds if p["content"] and keep_pred(p["content"])]
            pairs = sorted(
                ((jaccard(tokens(text, s), tokens(text, p["content"])), gi, pi)
                 for gi, (g, s) in enumerate(gold_items) for pi, p in enumerate(pred_items)),
                reverse=True,
            )
            used_g, used_p = set(), set()
            for jac, gi, pi in pairs:
                if jac < 0.5:
                    break
                if gi in used_g or pi in used_p:
                    continue
                used_g.add(gi)
                used_p.add(pi)
                if bucket is overlap:
                    src = outer(gold_items[gi][0].source)
                    pred_src = pred_items[pi].get("mention") or pred_items[pi]["source"]
                    if src:
                        speaker_total += 1
                        speaker_hits += bool(pred_src and pred_src[0] < src[1] and pred_src[1] > src[0])
            bucket[0] += len(used_g)
            bucket[1] += len(pred_items) - len(used_p)
            bucket[2] += len(gold_items) - len(used_g)
    elapsed = time.perf_counter() - started
    return {
        **{role: prf(*c) for role, c in counts.items()},
        "overlap": prf(*overlap),
        "direct": prf(*direct),
        "speaker": speaker_hits / max(speaker_total, 1),
        "failures": failures,
        "words_per_s": words / elapsed,
    }


def bare_spacy_speed(articles: list[GoldArticle], nlp) -> float:  # noqa: ANN001
    started = time.perf_counter()
    words = 0
    for doc in nlp.pipe(a.text for a in articles):
        words += len(doc.text.split())
    return words / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev")
    parser.add_argument("--textacy", action="store_true", help="also score textacy's direct_quotations")
    parser.add_argument("--digits", type=int, default=3, help="decimals of the scores")
    parser.add_argument("--tagger-weights", type=Path, default=span_tagger.WEIGHTS,
                        help="span tagger weights for the tagger row (default: the shipped ones)")
    args = parser.parse_args()
    articles = polnear_articles(args.split)
    nlp = load_nlp()
    systems = {"newsloom": predictions_newsloom}
    if span_tagger.available():  # the optional learned tagger (pip install -e '.[tagger]')
        tagger = span_tagger.SpanTagger(args.tagger_weights)
        systems["newsloom + span tagger"] = lambda a, nlp: predictions_newsloom(a, nlp, tagger)
    if args.textacy:
        systems["textacy direct_quotations"] = predictions_textacy
    table = Table(title=f"PolNeAR {args.split} ({len(articles)} articles): exact span F1 (P/R), overlap F1, speaker")
    for col in ("system", "source", "cue", "content", "content overlap", "direct/mixed overlap",
                "speaker acc.", "articles raising", "words/s"):
        table.add_column(col)
    for name, predict in systems.items():
        r = score(articles, predict, nlp)
        cell = lambda m: f"{m.f1:.{args.digits}f} ({m.precision:.2f}/{m.recall:.2f})"  # noqa: E731
        table.add_row(name, cell(r["source"]), cell(r["cue"]), cell(r["content"]), cell(r["overlap"]),
                      cell(r["direct"]), f"{r['speaker']:.{args.digits}f}", str(r["failures"]), f"{r['words_per_s']:.0f}")
    table.add_row("bare spaCy nlp.pipe (same texts)", "", "", "", "", "", "", "",
                  f"{bare_spacy_speed(articles, nlp):.0f}")
    Console().print(table)


if __name__ == "__main__":
    main()
