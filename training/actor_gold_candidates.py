"""Candidate mentions for the actor gold set, to be labelled by hand.

    .venv/bin/python training/actor_gold_candidates.py [--offset 2] > /tmp/candidates.tsv

Prints every NER span of an actor type (PERSON, ORG, GPE, NORP, LOC, FAC) in the PolNeAR dev articles a
gold set uses (every fifth by file name from --offset), with a leading article and trailing possessive
trimmed. Offset 0 is the set the actor rules were developed on (bench/gold/actors-polnear-dev.tsv);
offset 2 was labelled afterwards for error analysis (bench/gold/actors-polnear-dev-heldout.tsv), offset 4
last, as the test set (bench/gold/actors-polnear-dev-test.tsv). An
annotator then writes the actor each mention refers to (a global name such as "Donald Trump", the same in
every article) in the last column, or deletes the row when the span is not an actor; mentions NER missed
may be added by hand. bench/actors.py reads both labelled files.
"""

from __future__ import annotations

import argparse
import re

from newsloom.evaluation.polnear import polnear_articles
from newsloom.nlp import load_nlp

LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
EVERY = 5


def gold_articles(offset: int = 0):
    return polnear_articles("dev")[offset::EVERY]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--offset", type=int, default=0)
    args = parser.parse_args()
    nlp = load_nlp()
    print("article\tstart\tend\ttext\tner\tactor")
    for article in gold_articles(args.offset):
        doc = nlp(article.text)
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            text = ent.text
            start, end = ent.start_char, ent.end_char
            lead = re.match(r"(?i)(the|a|an)\s+", text)
            if lead:
                start += lead.end()
            tail = re.search(r"['’]s?$", text)
            if tail:
                end -= len(tail.group(0))
            print(f"{article.name}\t{start}\t{end}\t{article.text[start:end]}\t{ent.label_}\t")


if __name__ == "__main__":
    main()
