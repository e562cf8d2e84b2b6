"""A generated corpus of plain-text news articles, for tests that need hundreds of files.

Deterministic for a seed. Each article has a headline, a date line, and three paragraphs drawn from
different pools with names, places and numbers filled in, so articles share phrasing the way wire copy
does without being copies of each other.
"""

from __future__ import annotations

import random
from pathlib import Path

FIRST = ["Miriam", "Daniel", "Helen", "Jonas", "Amira", "Paulo", "Ines", "Marta", "Tomas", "Leila", "Victor",
         "Grace", "Omar", "Sofia", "Karl", "Nadia", "Ruth", "Elias", "Hana", "Pedro"]
LAST = ["Okafor", "Reyes", "Varga", "Berg", "Haddad", "Mendes", "Maurer", "Nilsen", "Kovac", "Aziz", "Lindqvist",
        "Moreau", "Petrov", "Santos", "Weber", "Quinn", "Ibarra", "Novak", "Tanaka", "Costa"]
TOWNS = ["Port Alder", "Kessel", "Lindau", "Ostby", "Marrow Bay", "Fenwick", "Carra", "Dunmore", "Esk",
         "Halden", "Brightwater", "Solano"]
BODIES = ["the harbour authority", "the regional council", "the transport ministry", "the miners' union",
          "the water board", "the health agency", "the farmers' cooperative", "the port operator"]
ROLES = ["spokesman", "chair", "minister", "director", "mayor", "union leader", "analyst"]
TOPICS = ["a strike", "the floods", "a new tram line", "the mine closure", "a fuel shortage", "the budget",
          "a bridge repair", "the hospital merger"]
OPENINGS = [
    "Negotiations between {body} and local representatives over {topic} broke down again on {day}, leaving "
    "more than {n} families in {town} without a clear answer about what happens next.",
    "{town} woke on {day} to news that {body} had postponed its decision on {topic} for at least {n} days, a "
    "delay critics said would cost the region dearly.",
    "Officials in {town} said on {day} that {topic} had already affected {n} households and that the figure "
    "was likely to rise before the end of the month.",
    "A crowd of about {n} people gathered outside the offices of {body} in {town} on {day} to protest over "
    "{topic}, the largest demonstration the town has seen in years.",
]
QUOTES = [
    '"We came to the table with a fair offer and we were told it was not enough," {role} {first} {last} told '
    "reporters after the meeting.",
    '{role_cap} {first} {last} said the authority would not act until it had seen the full report. "Nobody '
    'wants this to drag on, but we will not rush a decision of this size," {last} said.',
    "According to {first} {last}, the {role} of {body}, the situation in {town} had improved since {day}, "
    "although {n} complaints were still open.",
    '"This is not something we can fix overnight," said {first} {last}, who has led {body} since {year}.',
]
CLOSINGS = [
    "{first2} {last2}, a {role2} in {town2}, said neighbouring towns were watching closely and warned that "
    "{topic} could spread to {town2} within weeks.",
    "The next meeting is scheduled for {day2}. {body_cap} said it would publish its figures before then.",
    "Residents of {town} said they had heard little from {body} since {year}. \"We read about it in the "
    'paper like everyone else," one shop owner said.',
    "By {day2}, {n2} people had signed a petition calling on {body} to reconsider, organisers said.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def article(rng: random.Random, number: int) -> str:
    slots = {
        "first": rng.choice(FIRST), "last": rng.choice(LAST), "first2": rng.choice(FIRST), "last2": rng.choice(LAST),
        "town": rng.choice(TOWNS), "town2": rng.choice(TOWNS), "body": rng.choice(BODIES), "role": rng.choice(ROLES),
        "role2": rng.choice(ROLES), "topic": rng.choice(TOPICS), "day": rng.choice(DAYS), "day2": rng.choice(DAYS),
        "n": rng.randint(12, 4000), "n2": rng.randint(100, 9000), "year": rng.randint(2009, 2022),
    }
    slots["role_cap"] = slots["role"].capitalize()
    slots["body_cap"] = slots["body"][0].upper() + slots["body"][1:]
    headline = f"{slots['town']}: {slots['topic'][0].upper()}{slots['topic'][1:]} talks enter day {number % 40 + 2}"
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2024"
    paragraphs = [rng.choice(OPENINGS), rng.choice(QUOTES), rng.choice(CLOSINGS)]
    body = "\n\n".join(p.format(**slots) for p in paragraphs)
    return f"{headline}\n\n{date}\n\n{body}\n"


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` articles as ``folder/NNNN.txt``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"{number:04d}.txt"
        path.write_text(article(rng, number), encoding="utf-8")
        paths.append(path)
    return paths
