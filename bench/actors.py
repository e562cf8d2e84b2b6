"""Actor grouping against two hand-labelled gold sets of PolNeAR dev articles (bench/gold/).

    .venv/bin/python bench/actors.py

Within articles: B³ precision/recall/F1 of how gold mentions are grouped (a gold mention belongs to the
system actor whose mention overlaps it most; one no system mention overlaps is a singleton). Across
articles: every (article, gold actor) pair gets the canonical id most of its mentions received; pairwise
precision and recall of "same actor" between articles. All 84 PolNeAR dev articles are processed and linked
together (the corpus the merges are decided in); the labelled ones are scored. "development" is the set the
rules were written against; "held-out" was labelled afterwards and used once for error analysis (two rule
fixes and one gold correction came of it); "test" was labelled after that and only scored. The baseline
groups mentions by identical text. Gold mentions are NER's spans (labelled, non-actors dropped): the score
is about grouping, not about finding mentions NER misses.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsloom.actors import find_actors  # noqa: E402
from newsloom.evaluation.pages import shared_data_dir  # noqa: E402
from newsloom.evaluation.polnear import polnear_articles  # noqa: E402
from newsloom.link.actors import ActorName, canonical_ids  # noqa: E402
from newsloom.nlp import extract_quotes, load_nlp  # noqa: E402

GOLD = {"development": ROOT / "bench" / "gold" / "actors-polnear-dev.tsv",
        "held-out": ROOT / "bench" / "gold" / "actors-polnear-dev-heldout.tsv",
        "test": ROOT / "bench" / "gold" / "actors-polnear-dev-test.tsv"}


def read_gold(path: Path = GOLD["development"]) -> dict[str, list[tuple[int, int, str]]]:
    gold: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            gold[row["article"]].append((int(row["start"]), int(row["end"]), row["actor"]))
    return gold


def publication_dates() -> dict[str, str]:
    path = shared_data_dir() / "polnear" / "metadata.tsv"
    with path.open(encoding="utf-8") as handle:
        return {r["filename"]: r["publication_date"] for r in csv.DictReader(handle, delimiter="\t")}


def assign(mentions: list[tuple[int, int, str]], system: list[tuple[int, int, str]]) -> list[str | None]:
    """The system actor of each gold mention: the one whose mention overlaps it most (the shorter mention on
    a tie: "Democratic" inside a speaker description "the Democratic nominee" is the party's mention)."""
    out = []
    for start, end, _ in mentions:
        best, best_key = None, (0, 0)
        for s, e, actor in system:
            key = (min(end, e) - max(start, s), -(e - s))
            if key[0] > 0 and key > best_key:
                best, best_key = actor, key
        out.append(best)
    return out


def b_cubed(gold_labels: list[str], system_labels: list[str | None]) -> tuple[float, float, int]:
    """Summed per-mention B³ precision and recall (unassigned mentions are singletons)."""
    n = len(gold_labels)
    sys_ids = [s if s is not None else f"_single{i}" for i, s in enumerate(system_labels)]
    p = r = 0.0
    for i in range(n):
        same_gold = {j for j in range(n) if gold_labels[j] == gold_labels[i]}
        same_sys = {j for j in range(n) if sys_ids[j] == sys_ids[i]}
        both = len(same_gold & same_sys)
        p += both / len(same_sys)
        r += both / len(same_gold)
    return p, r, n


def pairwise(units: list[tuple[str, str, str | None]]) -> tuple[float, float, int, int]:
    """Precision/recall of cross-article "same actor" pairs; units are (article, gold actor, system id)."""
    tp = sys_pairs = gold_pairs = 0
    for (a1, g1, s1), (a2, g2, s2) in combinations(units, 2):
        if a1 == a2:
            continue
        same_gold = g1 == g2
        same_sys = s1 is not None and s1 == s2
        gold_pairs += same_gold
        sys_pairs += same_sys
        tp += same_gold and same_sys
    return tp / sys_pairs if sys_pairs else 1.0, tp / gold_pairs if gold_pairs else 1.0, sys_pairs, gold_pairs


def score(gold: dict[str, list[tuple[int, int, str]]], system: dict[str, list[tuple[int, int, str]]],
          links: dict[str, str]) -> dict[str, float]:
    p_sum = r_sum = 0.0
    n_sum = 0
    units = []
    for name, mentions in gold.items():
        assigned = [links.get(a, a) if a else None for a in assign(mentions, system.get(name, []))]
        p, r, n = b_cubed([m[2] for m in mentions], assigned)
        p_sum, r_sum, n_sum = p_sum + p, r_sum + r, n_sum + n
        by_actor: dict[str, Counter] = defaultdict(Counter)
        for (_, _, label), actor in zip(mentions, assigned):
            if actor is not None:
                by_actor[label][actor] += 1
        for label in {m[2] for m in mentions}:
            votes = by_actor.get(label)
            units.append((name, label, votes.most_common(1)[0][0] if votes else None))
    p, r = p_sum / n_sum, r_sum / n_sum
    cp, cr, sys_pairs, gold_pairs = pairwise(units)
    return {"mentions": n_sum, "b3_p": p, "b3_r": r, "b3_f1": 2 * p * r / (p + r), "merge_p": cp, "merge_r": cr,
            "sys_pairs": sys_pairs, "gold_pairs": gold_pairs}


def main() -> None:
    golds = {name: read_gold(path) for name, path in GOLD.items()}
    dates = publication_dates()
    nlp = load_nlp()
    articles = polnear_articles("dev")
    system: dict[str, list[tuple[int, int, str]]] = {}
    names: dict[str, ActorName] = {}
    baseline: dict[str, list[tuple[int, int, str]]] = {}
    texts = [a.text for a in articles]
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16)):
        actors = find_actors(doc, dates.get(article.name), extract_quotes(doc))
        system[article.name] = [(m.start, m.end, a.id) for a in actors for m in a.mentions]
        baseline[article.name] = [(m.start, m.end, "text:" + m.text.lower()) for a in actors for m in a.mentions]
        for a in actors:
            known = names.get(a.id)
            names[a.id] = ActorName(a.id, a.name, a.type, a.gazetteer, (known.articles if known else 0) + 1)
    links = canonical_ids(names.values())
    print(f"Actor grouping, PolNeAR dev ({len(articles)} articles processed and linked together)\n")
    print("| gold set | system | mentions | B³ P | B³ R | B³ F1 | merge P | merge R | system pairs | gold pairs |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for set_name, gold in golds.items():
        rows = [("exact text (baseline)", score(gold, baseline, {})),
                ("newsloom, per article only", score(gold, system, {})),
                ("newsloom, linked across the corpus", score(gold, system, links))]
        for label, s in rows:
            print(f"| {set_name} ({len(gold)} articles) | {label} | {s['mentions']} | {s['b3_p']:.3f} | {s['b3_r']:.3f} | "
                  f"{s['b3_f1']:.3f} | {s['merge_p']:.3f} | {s['merge_r']:.3f} | {s['sys_pairs']} | {s['gold_pairs']} |")


if __name__ == "__main__":
    main()
