"""Convert the PETRARCH2 CAMEO verb dictionary into newsloom's event-verb lexicon.

    .venv/bin/python training/build_event_lexicon.py   # reads ../shared/data/phoenix-dictionaries

Writes ``src/newsloom/events/data/cameo_verbs.json``: ``{"verbs": {lemma: code}, "phrases": {"wage war":
code}, "objects": {"verb object": code}}`` with CAMEO codes as strings. :mod:`newsloom.events.plover` maps a
code to a PLOVER type and mode at run time, so the mapping stays readable in one place.

What is kept, and why:
- every single-word verb of a synset block ("--- PHYSICAL_CONFLICT [190] ---" then "ATTACK", "CLASH", …)
  with the block's code or its own bracketed code;
- multi-word verbs ("+WAGE_WAR") as phrases of lower-case words;
- patterns of the plain shape "- * WORD [code]" (the verb followed by one object word) as verb + object
  refinements ("take control" and "take prisoner" are different events). Patterns with synonym sets,
  actors or several words are PETRARCH's parse-tree matcher's business and are not converted;
- statement codes (01x: "say", "comment") are dropped: statements are quotes in newsloom, not events;
- light verbs whose block code is mostly wrong outside a pattern ("take", "make", "hit", "match") are
  listed in ``LIGHT_VERBS`` and kept only through their object patterns.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "phoenix-dictionaries" / "CAMEO.verbpatterns.150430.txt"
OUTPUT = ROOT / "src" / "newsloom" / "events" / "data" / "cameo_verbs.json"

#: verbs too general to code without their object (checked by reading their blocks)
LIGHT_VERBS = frozenset(
    ["take", "make", "give", "get", "have", "go", "come", "put", "set", "hold", "keep", "see", "do", "hit", "match",
     "pit", "conflict", "struggle", "find", "turn", "run", "move", "bring", "call", "lead", "leave", "meet",
     "open", "close", "pass", "show", "look", "raise", "cut", "stand", "play", "work", "act", "face", "end",
     "continue", "carry", "offer", "express", "receive", "send", "return", "fall", "break", "form", "build",
     "join", "cover", "use", "note", "mark", "point", "draw", "spread", "reach", "push", "pull", "head", "back",
     "step", "seek", "plan", "expect", "prepare", "hope", "want", "need", "tell", "say"]
)
_HEADER = re.compile(r"^---\s*([A-Z_]+)\s*\[([0-9:-]*)\]\s*---")
_VERB = re.compile(r"^(\+?[A-Z][A-Z_'-]*)\s*(?:\[([0-9]+)\])?")
_PATTERN = re.compile(r"^-\s+\*\s+([A-Z][A-Z-]+)\s+\[([0-9]+)\]\s*(?:#\s*([A-Z_]+))?")


def parse(path: Path) -> dict[str, dict[str, str]]:
    verbs: dict[str, str] = {}
    phrases: dict[str, str] = {}
    objects: dict[str, str] = {}
    block_code: str | None = None
    block_verbs: list[str] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("- ") else raw.rstrip()
        header = _HEADER.match(line)
        if header:
            code = header.group(2).split(":")[0]
            block_code = code if code.isdigit() else None
            block_verbs = []
            continue
        if block_code is None and not line.startswith("- "):
            continue
        if line.startswith("- "):
            pattern = _PATTERN.match(line)
            if pattern:
                word, code, source = pattern.groups()
                verb = (source or (block_verbs[0] if block_verbs else "")).lower()
                if verb and "_" not in verb and not code.startswith("01"):
                    objects.setdefault(f"{verb} {word.lower()}", code)
            continue
        verb = _VERB.match(line.strip())
        if not verb or block_code is None:
            continue
        word, own_code = verb.groups()
        code = own_code or block_code
        if code.startswith("01"):
            continue
        if word.startswith("+"):
            words = [w for w in word[1:].lower().split("_") if w]
            if len(words) > 1 and not any(w.startswith("&") for w in words):
                phrases.setdefault(" ".join(words), code)
            continue
        lemma = word.lower()
        block_verbs.append(word)
        if lemma not in LIGHT_VERBS:
            verbs.setdefault(lemma, code)
    return {"verbs": dict(sorted(verbs.items())), "phrases": dict(sorted(phrases.items())),
            "objects": dict(sorted(objects.items()))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    lexicon = parse(args.source)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(lexicon, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"verbs {len(lexicon['verbs'])}  phrases {len(lexicon['phrases'])}  verb+object {len(lexicon['objects'])}"
          f"  → {args.output} ({args.output.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
