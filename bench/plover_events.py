"""Event records on the PLOVER gold standard (shared/data/plover): type, mode, actor and target.

    .venv/bin/python bench/plover_events.py [--split test|dev|all]

Each of the 322 records is one news sentence coded with one event. The sentence goes through the whole
newsloom pipeline (taken as clean text). The event scored is the one whose trigger is a word the markup tags
as the event, else the first event found. Scores: how often the gold type is that event's ``type`` (what was
done), how often it is its ``coded`` PLOVER code (PLOVER codes an announced or refused action as AGREE /
THREATEN / REJECT), how often any event of the sentence has it, mode accuracy where PLOVER codes a mode,
and actor / target accuracy (the event's actor or target text overlaps a gold source / target actor) among
records whose type or code was right. The trigger lexicon and the rules were written looking at the dev half only.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from rich.console import Console
from rich.table import Table

from newsloom.evaluation.plover import PloverRecord, plover_records
from newsloom.events.plover import load_lexicon
from newsloom.pipeline import process_items
from newsloom.record import Article, RawDocument, Source


def overlaps(found: str | None, gold: list[str]) -> bool:
    if not found:
        return False
    low = found.lower()
    return any(g.lower() in low or low in g.lower() for g in gold)


def pick(article: Article, record: PloverRecord):
    events = article.events
    marked = {w.lower() for t in record.triggers for w in t.split()}
    for event in events:
        if event.trigger.text.lower() in marked:
            return event
    return events[0] if events else None


def score(records: list[PloverRecord], articles: list[Article]) -> dict[str, float]:
    n = len(records)
    right = coded = anywhere = modes = mode_right = actors = actor_right = targets = target_right = 0
    for record, article in zip(records, articles):
        event = pick(article, record)
        anywhere += any(record.type in (e.type, e.coded) for e in article.events)
        coded += event is not None and event.coded == record.type
        if event is None or record.type not in (event.type, event.coded):
            continue
        right += event.type == record.type
        if record.mode:
            modes += 1
            mode_right += event.mode == record.mode
        if record.sources:
            actors += 1
            actor_right += overlaps(event.actor.text if event.actor else None, record.sources)
        if record.targets:
            targets += 1
            target_right += overlaps(event.target.text if event.target else None, record.targets)
    return {"records": n, "type accuracy": right / n, "PLOVER-coded accuracy": coded / n,
            "type found in sentence": anywhere / n,
            "mode accuracy": mode_right / modes if modes else 0.0, "actor accuracy": actor_right / actors if actors else 0.0,
            "target accuracy": target_right / targets if targets else 0.0}


def restrict_lexicon(which: str) -> None:
    """Drop converted CAMEO entries from the loaded lexicon, for the ablation rows of docs/benchmarks.md."""
    if which == "full":
        return
    lexicon = load_lexicon()
    tables = [lexicon.verb_objects, lexicon.phrases] + ([lexicon.verbs] if which == "hand" else [])
    for table in tables:
        for key in [k for k, trigger in table.items() if trigger.source == "cameo"]:
            del table[key]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="test", choices=["dev", "test", "all"])
    parser.add_argument("--lexicon", default="full", choices=["full", "hand", "hand+cameo-verbs"],
                        help="ablation: hand-checked triggers only, plus converted CAMEO verbs, or everything")
    args = parser.parse_args()
    restrict_lexicon(args.lexicon)
    records = plover_records(args.split)
    raws = [RawDocument(Source(path=r.id), r.text) for r in records]
    started = time.perf_counter()
    articles = process_items(raws, None, keep_text=True)
    seconds = time.perf_counter() - started
    failed = [a for a in articles if not isinstance(a, Article)]
    if failed:
        raise SystemExit(f"{len(failed)} records failed: {failed[:3]}")
    majority = Counter(r.type for r in records).most_common(1)[0]
    result = score(records, articles)
    table = Table(title=f"PLOVER gold standard, {args.split} split ({len(records)} sentences, {seconds:.1f} s)")
    for column in ("system", *list(result)[1:]):
        table.add_column(column, justify="left" if column == "system" else "right")
    table.add_row(f"newsloom find_events ({args.lexicon} lexicon)", *(f"{v:.3f}" for v in list(result.values())[1:]))
    share = f"{majority[1] / len(records):.3f}"
    table.add_row(f"majority type ({majority[0]})", share, share, "", "", "", "")
    console = Console(width=150)
    console.print(table)
    confusion = Counter((r.type, (pick(a, r).type if pick(a, r) else None)) for r, a in zip(records, articles))
    wrong = [(g, p, n) for (g, p), n in confusion.most_common() if g != p][:8]
    console.print("most frequent confusions (gold → found):", ", ".join(f"{g}→{p} {n}" for g, p, n in wrong))


if __name__ == "__main__":
    main()
