"""Candidate mentions for the actor gold set, to be labelled by hand.

    .venv/bin/python training/actor_gold_candidates.py > /tmp/candidates.tsv

Prints every NER span of an actor type (PERSON, ORG, GPE, NORP, LOC, FAC) in the PolNeAR dev articles the
gold set uses (every fifth by file name), with a leading article and trailing possessive trimmed. An
annotator then writes the actor each mention refers to (a global name such as "Donald Trump", the same in
every article) in the last column, or deletes the row when the span is not an actor; mentions NER missed
may be added by hand. The labelled file is bench/gold/actors-polnear-dev.tsv; bench/actors.py reads it.
"""

from __future__ import annotations

import re

from newsloom.evaluation.polnear import polnear_articles
from newsloom.nlp import load_nlp

LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
EVERY = 5


def gold_articles():
    return polnear_articles("dev")[::EVERY]


def main() -> None:
    nlp = load_nlp()
    print("article\tstart\tend\ttext\tner\tactor")
    for article in gold_articles():
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
