"""Event precision over running political news: hand-judged events of PolNeAR articles.

    .venv/bin/python bench/event_precision.py [--gold bench/gold/events-polnear-dev-judged.jsonl]

The PLOVER gold standard (bench/plover_events.py) codes one event per sentence, so it cannot say how many of
the events newsloom finds in running text are events at all. These files hold events newsloom once found in
PolNeAR articles, drawn at random and judged by hand: ``right`` (an event of that PLOVER type),
``wrong-type`` (an event, another type), ``no-event`` (the word names no political event there: "the food
was contaminated", "tax breaks boost the economy"). The script re-runs the pipeline on the judged articles
and reports, for the judged events it still finds, the share that is right; how many right events it no
longer finds; and how many events it finds per article now.

- ``events-polnear-dev-judged.jsonl``: 120 events of the PolNeAR dev articles, judged before the precision
  rules were written and used to write them (development);
- ``events-polnear-train-judged.jsonl``: 100 events of PolNeAR train articles, drawn and judged after those
  rules were written, not used to change anything (held out).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsloom.evaluation.polnear import polnear_articles
from newsloom.pipeline import process_items
from newsloom.record import Article, RawDocument, Source

GOLD = Path(__file__).parent / "gold"


def score(path: Path) -> dict[str, float]:
    judged = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    split = "train" if "train" in path.name else "dev"
    wanted = {j["article"] for j in judged}
    articles = [a for a in polnear_articles(split) if a.name in wanted]
    results = process_items([RawDocument(Source(path=a.name), a.text) for a in articles], None, keep_text=True)
    found = {(a.name, e.trigger.start, e.type) for a, r in zip(articles, results) if isinstance(r, Article)
             for e in r.events}
    verdicts = Counter()
    kept = Counter()
    for j in judged:
        verdicts[j["verdict"]] += 1
        if (j["article"], j["start"], j["type"]) in found:
            kept[j["verdict"]] += 1
    total_kept = sum(kept.values())
    return {
        "judged": len(judged), "judged right": verdicts["right"],
        "precision when judged": verdicts["right"] / len(judged),
        "still found": total_kept, "precision now": kept["right"] / total_kept if total_kept else 0.0,
        "event or wrong type now": (kept["right"] + kept["wrong-type"]) / total_kept if total_kept else 0.0,
        "right events lost": verdicts["right"] - kept["right"],
        "events per article": len(found) / len(articles),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, nargs="*",
                        default=sorted(GOLD.glob("events-polnear-*-judged.jsonl")))
    args = parser.parse_args()
    table = Table(title="Hand-judged events in PolNeAR articles: precision")
    rows = {path.name: score(path) for path in args.gold}
    columns = list(next(iter(rows.values())))
    table.add_column("judged set")
    for column in columns:
        table.add_column(column, justify="right")
    for name, result in rows.items():
        table.add_row(name.replace("events-polnear-", "").replace("-judged.jsonl", ""),
                      *(f"{v:.3f}" if isinstance(v, float) else str(v) for v in result.values()))
    Console(width=200).print(table)


if __name__ == "__main__":
    main()
