"""Cost of the event stage: ``find_events`` alone over parsed PolNeAR dev articles, beside the parse and
the other per-document stages (quotes, actors, times) on the same documents, one core.

    .venv/bin/python bench/event_speed.py
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.table import Table

from newsloom.actors import find_actors
from newsloom.evaluation.polnear import polnear_articles
from newsloom.events import find_events
from newsloom.nlp import extract_quotes, load_nlp
from newsloom.temporal import find_times

PUBLISHED = "2016-10-01"  # PolNeAR texts carry no date; one reference date for every article


def main() -> None:
    texts = [a.text for a in polnear_articles("dev")]
    nlp = load_nlp()
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - started
    tokens = sum(len(d) for d in docs)
    started = time.perf_counter()
    annotated = []
    for doc in docs:
        quotes = extract_quotes(doc)
        annotated.append((doc, quotes, find_actors(doc, PUBLISHED, quotes), find_times(doc.text, PUBLISHED)))
    other = time.perf_counter() - started
    started = time.perf_counter()
    events = sum(len(find_events(doc, PUBLISHED, q, e, t)) for doc, q, e, t in annotated)
    stage = time.perf_counter() - started
    table = Table(title=f"Event stage cost: {len(docs)} PolNeAR dev articles, {tokens:,} tokens, {events} events")
    for column in ("step", "seconds", "tokens/s", "share of the parse"):
        table.add_column(column, justify="left" if column == "step" else "right")
    for name, seconds in (("spaCy parse (nlp.pipe)", parse), ("quotes + actors + times", other),
                          ("events (find_events)", stage)):
        table.add_row(name, f"{seconds:.2f}", f"{tokens / seconds:,.0f}", f"{seconds / parse:.0%}")
    Console(width=120).print(table)


if __name__ == "__main__":
    main()
