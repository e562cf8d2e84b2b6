"""Convert the PETRARCH2 Phoenix actor dictionaries into newsloom's gazetteer format.

    .venv/bin/python training/build_gazetteer.py   # reads ../shared/data/phoenix-dictionaries

Writes ``src/newsloom/actors/data/phoenix.jsonl.gz``: one actor per line, ``{"id", "name", "type", "aliases",
"roles", "source"}``. The hand-written ``gazetteer.toml`` beside it takes precedence (it carries actors that
appeared after 2016 — ISIS-K, the Pakistani Taliban as a separate group — and current office holders).

What is kept, and why:
- countries (GPE), intergovernmental and non-state armed organisations, government bodies (ORG), and the
  people of CountryInfo / IGO rulers (PERSON) with their dated role codes;
- multinational companies and NGOs are left out: 7,000 entries whose short aliases ("APPLE", "SHELL") would
  mostly match things that are not actors in news about politics and conflict;
- person aliases that are a bare surname or a title + name are dropped: newsloom splits titles itself, and a
  surname alone is resolved per article and across the corpus, not by a 2014 list;
- generic role entries ("US_SECRETARY_OF_DEFENSE_") are dropped: a role is not an actor.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "phoenix-dictionaries"
OUTPUT = ROOT / "src" / "newsloom" / "actors" / "data" / "phoenix.jsonl.gz"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")

#: CAMEO sector codes, as words for a readable role
SECTORS = {
    "GOV": "government", "ELI": "elite", "MIL": "military", "REB": "rebels", "OPP": "opposition",
    "BUS": "business", "AGR": "agriculture", "MED": "media", "EDU": "education", "HLH": "health",
    "DEV": "development", "JUD": "judiciary", "LAB": "labour", "ENV": "environment", "HRI": "human rights",
    "LEG": "legislature", "REL": "religion", "COP": "police", "SPY": "intelligence", "IGO": "intergovernmental",
    "NGO": "non-governmental", "CVL": "civilians", "PTY": "party", "INS": "insurgents", "UAF": "armed forces",
    "MUS": "Muslim", "RAD": "radical", "CRM": "criminal", "IMG": "militant group", "REF": "refugees",
}
_ROLE_ENTRY = re.compile(
    r"^(?:[A-Z]+_)?(?:SECRETARY|MINISTER|PRESIDENT|PRIME_MINISTER|AMBASSADOR|SPOKESMAN|CHIEF|DIRECTOR|"
    r"GOVERNOR|DEPUTY|VICE|HEAD|LEADER|COMMANDER|FOREIGN_MINISTER|DEFEN[CS]E_MINISTER|UN_SECRETARY)")
_TITLE_ALIAS = re.compile(
    r"^(?:MR|MRS|MS|DR|PRESIDENT|PRIME_MINISTER|MINISTER|SECRETARY|SENATOR|GENERAL|GEN|KING|QUEEN|PRINCE|"
    r"FOREIGN_MINISTER|DEFEN[CS]E_MINISTER|CHANCELLOR|AMBASSADOR|SHEIKH|SHEIK|EMIR|AYATOLLAH|PRESIDENT-ELECT|"
    r"[A-Z]+_PRESIDENT|UN_|UNITED_NATIONS_|US_|AMERICAN_|SECRETARY-GENERAL)[._]")
_CODE = re.compile(r"\[([~A-Z]*)\s*([<>]?\s*[0-9]{6,8})?(?:\s*-\s*([0-9]{6,8}))?\s*\]")
_LOWER_WORDS = {"Of", "The", "And", "For", "In", "On", "Al", "De", "Du", "Des", "La", "Le", "Van", "Von", "Bin"}


@dataclass
class Entry:
    head: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    person: bool = False
    file: str = ""


def readable(tabari: str) -> str:
    """``UNITED_STATES_OF_AMERICA_`` → ``United States of America`` (acronyms and ``U.S.`` kept)."""
    words = [w for w in tabari.strip().strip("_").split("_") if w]
    out = []
    for i, word in enumerate(words):
        if i and word.capitalize() in _LOWER_WORDS and word not in ("AL", "BIN"):
            out.append(word.lower())
            continue
        if "." in word or (len(word) <= 4 and not re.search(r"[AEIOU]", word[1:]) and word.isupper()):
            out.append(word)  # U.S., UN, NATO-like
            continue
        cased = "-".join(part.capitalize() for part in word.split("-"))
        cased = "'".join(p if j == 0 else p.lower() if len(p) <= 1 else p.capitalize()
                         for j, p in enumerate(cased.split("'")))
        out.append(cased)
    return " ".join(out)


def _date(text: str | None) -> str | None:
    if not text:
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{19 if year >= 40 else 20}{digits}"
    if len(digits) != 8:
        return None
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def _parse_codes(text: str) -> list[tuple[str, str | None, str | None]]:
    codes = []
    for code, first, second in _CODE.findall(text):
        if not code or code.startswith("~"):
            continue
        first = first.replace(" ", "")
        if first.startswith(">"):
            codes.append((code, _date(first), None))
        elif first.startswith("<"):
            codes.append((code, None, _date(first)))
        else:
            codes.append((code, _date(first), _date(second)))
    return codes


def parse(path: Path) -> Iterator[Entry]:
    entry: Entry | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            if entry is not None and not raw.strip():
                yield entry
                entry = None
            continue
        if line.strip().startswith("["):
            if entry is not None:
                entry.codes.extend(_parse_codes(line))
            continue
        line = line.strip()  # a few heads are indented by mistake
        if line.startswith("+"):
            for alias in line[1:].split("+"):
                name = alias.split("[")[0].strip()
                if entry is None:
                    entry = Entry(name, file=path.name)
                elif name:
                    entry.aliases.append(name)
                if entry is not None:
                    entry.codes.extend(_parse_codes(alias))
            continue
        if entry is not None:
            yield entry
        head = line.split("[")[0].strip()
        entry = Entry(head, codes=_parse_codes(line), file=path.name,
                      person="CountryInfo" in comment or "IGOrulers" in comment)
    if entry is not None:
        yield entry


def _is_person(e: Entry) -> bool:
    """CountryInfo and IGO-ruler people are marked; others show it by a title before their surname
    ("+PRESIDENT_OBAMA" under "BARACK_OBAMA")."""
    if e.person:
        return True
    surname = e.head.strip("_").split("_")[-1]
    return any(_TITLE_ALIAS.match(a) and a.strip("_").endswith(surname) for a in e.aliases)


def _same_name(alias: str, name: str) -> bool:
    """An alias that is a form of the country's name (Afghan, Afganistan, US, America), not one of its
    places (Kabul, Washington): those are kept apart, as metonyms."""
    if re.search(r"\b(?:city|province|state|island|islands|district|region|capital)\b", alias.lower()) and \
            not re.search(r"\b(?:city|province|state|island|islands|district|region|capital)\b", name.lower()):
        return False  # "Mexico City" is a place of Mexico
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in ("of", "the", "and")]
    initials = "".join(w[0] for w in words)
    letters = re.sub(r"[^a-z]", "", alias.lower())
    if alias.replace(".", "").isupper() and initials.startswith(letters):
        return True
    return any(letters[:4] == w[:4] or w[:4] in letters for w in words if len(w) >= 4)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def convert(entries: list[Entry]) -> list[dict]:
    countries: dict[str, str] = {}
    for e in entries:  # a country holds a bare 3-letter code, perhaps after dated historical ones (USRTJK)
        if e.file.startswith("Phoenix.Countries") and e.codes and len(e.codes[-1][0]) == 3 and not e.person:
            countries.setdefault(e.codes[-1][0], readable(e.head))

    def role(code: str) -> str:
        words = []
        if code[:3] in countries:
            words.append(countries[code[:3]])
            code = code[3:]
        while code:
            words.append(SECTORS.get(code[:3], code[:3]))
            code = code[3:]
        return " ".join(words)

    out: list[dict] = []
    by_id: dict[str, dict] = {}
    for e in entries:
        codes = [c for c in e.codes if c[0]]
        if not codes or e.file.startswith("Phoenix.International") and codes[0][0][:3] in ("MNC", "NGO"):
            continue
        is_country = countries.get(codes[-1][0]) == readable(e.head)
        places: list[str] = []
        if _is_person(e):
            kind = "PERSON"
            aliases = [a for a in e.aliases if "_" in a.strip("_") and not _TITLE_ALIAS.match(a)
                       and not re.search(r"ADMINISTRATION|GOVERNMENT|CABINET", a)]
        elif is_country:
            kind = "GPE"
            aliases = [a for a in e.aliases if _same_name(readable(a), readable(e.head))]
            places = [readable(a) for a in e.aliases if a not in aliases]
        else:
            if _ROLE_ENTRY.match(e.head):
                continue
            kind, aliases = "ORG", e.aliases
        name = readable(e.head)
        if not name or len(name) < 2:
            continue
        ident = f"phoenix:{kind.lower()}-{_slug(name)}"
        names = [readable(a) for a in aliases if readable(a) and readable(a) != name]
        roles = [] if is_country else [
            {"role": role(code), "code": code, "since": since, "until": until} for code, since, until in codes
        ]
        if ident in by_id:  # the same actor listed twice (UN_ and U.N._ entries): one actor
            known = by_id[ident]
            known["aliases"] = list(dict.fromkeys(known["aliases"] + names))
            known["roles"] += [r for r in roles if r not in known["roles"]]
            continue
        actor = {"id": ident, "name": name, "type": kind, "aliases": list(dict.fromkeys(names)),
                 "roles": roles, "source": f"Phoenix {e.file.split('.')[1]}"}
        if places:
            actor["places"] = list(dict.fromkeys(places))
        by_id[ident] = actor
        out.append(actor)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    entries = [e for name in FILES for e in parse(args.source / name)]
    actors = convert(entries)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.output, "wt", encoding="utf-8", compresslevel=9) as out:
        for actor in actors:
            out.write(json.dumps(actor, ensure_ascii=False, separators=(",", ":")) + "\n")
    counts: dict[str, int] = {}
    for actor in actors:
        counts[actor["type"]] = counts.get(actor["type"], 0) + 1
    print(f"| entries read | actors written | {' | '.join(counts)} | size |")
    print(f"|---:|---:|{'---:|' * len(counts)}---:|")
    print(f"| {len(entries)} | {len(actors)} | {' | '.join(map(str, counts.values()))} | "
          f"{args.output.stat().st_size / 1e6:.2f} MB |")


if __name__ == "__main__":
    main()
