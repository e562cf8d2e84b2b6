"""Who "he" and "she" are: hand-judged pronoun sources of PolNeAR articles.

    .venv/bin/python bench/speaker_resolution.py [--gold bench/gold/speakers-polnear-train-judged.tsv]

PolNeAR marks the source *mention* ("he"), so bench/quotes.py cannot say whether newsloom named the right
person behind it. The gold file lists quotes whose pronoun source was judged by hand (article, the cue's
character offset, the surname of the person meant). The script parses those articles, extracts quotes as
the pipeline does, and counts a quote right when its resolved speaker name holds that surname.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsloom.evaluation.polnear import polnear_articles
from newsloom.nlp.model import load_nlp
from newsloom.nlp.quotes import extract_quotes

GOLD = Path(__file__).parent / "gold" / "speakers-polnear-train-judged.tsv"


def read_gold(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    judged = read_gold(args.gold)
    wanted = {row["article"] for row in judged}
    split = "train" if "train" in args.gold.name else "dev"
    nlp = load_nlp()
    speakers: dict[tuple[str, int], str | None] = {}
    for article in polnear_articles(split):
        if article.name in wanted:
            for quote in extract_quotes(nlp(article.text)):
                speakers[(article.name, quote.cue.start)] = quote.speaker.name
    right = missing = 0
    for row in judged:
        key = (row["article"], int(row["cue_start"]))
        missing += key not in speakers
        name = speakers.get(key) or ""
        right += bool(name) and row["speaker"].lower() in name.lower()
    table = Table(title=f"Pronoun speakers judged by hand ({args.gold.name})")
    for column in ("judged", "resolved to the person meant", "accuracy", "quote no longer found"):
        table.add_column(column)
    table.add_row(str(len(judged)), str(right), f"{right / max(len(judged), 1):.3f}", str(missing))
    Console().print(table)


if __name__ == "__main__":
    main()
