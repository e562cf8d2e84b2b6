"""Event types on real conflict and protest news: CASE 2021 task 2 snippets (ACLED subtypes) through
newsloom's event finder.

    .venv/bin/python bench/event_types_case.py [--split test|train|all]

Each snippet reports one violent or protest event with its ACLED subtype. An ACLED subtype names a family
of PLOVER types (a suicide bombing is ASSAULT; an armed clash FIGHT; a peaceful protest PROTEST; an arrest
COERCE …, table ``FAMILY`` below, written from the two codebooks). Scores: the share of snippets where some
event newsloom finds has a type of the family (recall of the event), and where the first violent or protest
event it finds does (the type an analyst would see first). Nothing in the event finder was tuned on these
snippets; the split is the one ``bench/events.py`` uses.
"""

from __future__ import annotations

import argparse
from collections import Counter

from rich.console import Console
from rich.table import Table

from newsloom.evaluation.case2021 import case_snippets
from newsloom.pipeline import process_items
from newsloom.record import Article, RawDocument, Source

VIOLENT = {"ASSAULT", "FIGHT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN", "SANCTION", "RETREAT"}
FAMILY: dict[str, set[str]] = {
    "SUIC_BOMB": {"ASSAULT", "FIGHT"}, "REM_EXPLOS": {"ASSAULT", "FIGHT"}, "GRENADE": {"ASSAULT", "FIGHT"},
    "ATTACK": {"ASSAULT", "FIGHT"}, "ARMED_CLASH": {"FIGHT", "ASSAULT"}, "AIR_STRIKE": {"FIGHT", "ASSAULT"},
    "ART_MISS_ATTACK": {"FIGHT", "ASSAULT"}, "CHEM_WEAP": {"ASSAULT", "FIGHT"},
    "ABDUCT_DISSAP": {"ASSAULT", "COERCE"}, "SEX_VIOL": {"ASSAULT"}, "MOB_VIOL": {"ASSAULT", "PROTEST"},
    "ARREST": {"COERCE"}, "PROPERTY_DISTRUCT": {"COERCE", "ASSAULT"}, "DISR_WEAP": {"COERCE"},
    "PEACE_PROTEST": {"PROTEST"}, "VIOL_DEMONSTR": {"PROTEST"}, "PROTEST_WITH_INTER": {"PROTEST", "COERCE"},
    "FORCE_AGAINST_PROTEST": {"COERCE", "ASSAULT", "PROTEST"},
    "NON_STATE_ACTOR_OVERTAKES_TER": {"FIGHT"}, "GOV_REGAINS_TERIT": {"FIGHT"},
    "NON_VIOL_TERRIT_TRANSFER": {"RETREAT", "FIGHT"}, "HQ_ESTABLISHED": {"MOBILIZE", "FIGHT"},
    "CHANGE_TO_GROUP_ACT": {"MOBILIZE", "COERCE", "AGREE", "CONSULT"}, "AGREEMENT": {"AGREE", "RETREAT"},
    "DIPLO": {"CONSULT", "AGREE", "SUPPORT"}, "ATTRIB": {"ASSAULT", "FIGHT"},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="test", choices=["train", "test", "all"])
    args = parser.parse_args()
    rows = [r for r in case_snippets(args.split) if r[2] in FAMILY]
    results = process_items([RawDocument(Source(path=i), text) for i, text, _ in rows], None, keep_text=True)
    by_family: Counter[str] = Counter()
    hits_any: Counter[str] = Counter()
    hits_first: Counter[str] = Counter()
    for (_, _, subtype), article in zip(rows, results):
        events = article.events if isinstance(article, Article) else []
        family = FAMILY[subtype]
        group = "protest" if family & {"PROTEST"} and subtype.endswith(("PROTEST", "DEMONSTR", "INTER")) else "violence"
        if subtype in ("DIPLO", "AGREEMENT", "CHANGE_TO_GROUP_ACT", "NON_VIOL_TERRIT_TRANSFER", "HQ_ESTABLISHED"):
            group = "strategic developments"
        for key in (group, "all"):
            by_family[key] += 1
            hits_any[key] += any(e.type in family for e in events)
            first = next((e for e in events if e.type in VIOLENT | family), None)
            hits_first[key] += first is not None and first.type in family
    table = Table(title=f"CASE 2021 task 2, {args.split} split: does newsloom find the event? ({len(rows)} snippets)")
    for column in ("ACLED group", "snippets", "an event of the family found", "first violent/protest event in the family"):
        table.add_column(column, justify="left" if column == "ACLED group" else "right")
    for key in ("violence", "protest", "strategic developments", "all"):
        if by_family[key]:
            table.add_row(key, str(by_family[key]), f"{hits_any[key] / by_family[key]:.3f}",
                          f"{hits_first[key] / by_family[key]:.3f}")
    Console(width=140).print(table)


if __name__ == "__main__":
    main()
