"""Event triggers: which word names which PLOVER event type (and mode).

Two sources, the hand-checked one first:

- ``data/triggers.toml``: verbs, verb + object pairs and nouns checked by hand against news usage
  ("seize" a city is FIGHT/occupy, "bombing" is ASSAULT/explosives, "send troops" is MOBILIZE/troops);
- ``data/cameo_verbs.json``: the PETRARCH2 CAMEO verb dictionary converted by
  ``training/build_event_lexicon.py`` (verb → CAMEO code), mapped to PLOVER by :data:`CAMEO_ROOTS` and
  :data:`CAMEO_MODES` below.

Type names are those of the PLOVER gold-standard records in ``shared/data/plover`` (version 0.5: DEMAND and
DISAPPROVE are what later PLOVER versions call REQUEST and ACCUSE).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
)

#: CAMEO root code (two digits) → PLOVER type. 01 (public statements) has none: those are quotes.
CAMEO_ROOTS = {
    "02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "FIGHT",
    "20": "ASSAULT",
}
#: CAMEO codes whose PLOVER type differs from their root's, or that carry a PLOVER mode:
#: ``code prefix → (type or None to keep the root's, mode)``; the longest matching prefix wins.
CAMEO_MODES: dict[str, tuple[str | None, str | None]] = {
    "041": (None, "phone"), "042": (None, "visit"), "043": (None, "host"), "044": (None, "third-party"),
    "045": (None, "mediate"), "046": (None, "negotiate"),
    "057": ("AGREE", None),
    "087": ("RETREAT", None),
    "141": (None, "demo"), "142": (None, "strike-hun"), "143": (None, "strike-gen"), "144": (None, "obstruct"),
    "145": (None, "riot"),
    "150": (None, "troops"), "151": (None, "police"), "152": (None, "troops"), "153": (None, "troops"),
    "171": (None, "seize"), "1711": (None, "confiscate"), "1712": (None, "destroy"),
    "1721": (None, "restrict"), "1722": (None, "ban"), "1723": (None, "curfew"), "1724": (None, "martial-law"),
    "173": (None, "arrest"), "174": (None, "deport"), "175": (None, "repress"),
    "181": (None, "abduct"), "182": (None, "beat"), "1821": (None, "sexual"), "1822": (None, "torture"),
    "1823": (None, "kill"), "183": (None, "explosives"), "1831": (None, "suicide-attack"),
    "1832": (None, "explosives"), "1833": (None, "explosives"), "185": (None, "assassinate"),
    "186": (None, "assassinate"),
    "192": (None, "occupy"), "193": (None, "firearms"), "194": (None, "heavy-weapons"), "195": (None, "aerial"),
}


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None = None
    #: where the entry came from: "hand" (triggers.toml) or "cameo" (converted dictionary)
    source: str = "hand"


def plover_of_cameo(code: str) -> Trigger | None:
    """The PLOVER type and mode of a CAMEO code ("1831" → ASSAULT/suicide-attack), None for statements."""
    root = CAMEO_ROOTS.get(code[:2])
    if root is None:
        return None
    for length in range(len(code), 2, -1):
        if code[:length] in CAMEO_MODES:
            kind, mode = CAMEO_MODES[code[:length]]
            return Trigger(kind or root, mode, "cameo")
    return Trigger(root, None, "cameo")


@dataclass
class Lexicon:
    verbs: dict[str, Trigger]
    #: "verb object-lemma" → trigger (the object decides: "send troops", "take control")
    verb_objects: dict[str, Trigger]
    #: "verb particle" → trigger ("blow up", "call for")
    phrases: dict[str, Trigger]
    nouns: dict[str, Trigger]
    #: multi-word nouns by their last word: "bombing" → {"suicide bombing": …}
    noun_phrases: dict[str, dict[str, Trigger]]
    #: verbs that are never events on their own (say, tell…): statements are quotes
    ignore: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    cameo = json.loads((DATA / "cameo_verbs.json").read_text(encoding="utf-8"))
    hand = tomllib.loads((DATA / "triggers.toml").read_text(encoding="utf-8"))

    def converted(table: dict[str, str]) -> dict[str, Trigger]:
        out = {}
        for key, code in table.items():
            trigger = plover_of_cameo(code)
            if trigger:
                out[key] = trigger
        return out

    def written(table: dict[str, list[str]]) -> dict[str, Trigger]:
        return {key: Trigger(value[0], value[1] if len(value) > 1 and value[1] else None) for key, value in table.items()}

    ignore = frozenset(hand["ignore"]["verbs"])
    verbs = {k: v for k, v in converted(cameo["verbs"]).items() if k not in ignore}
    verbs.update(written(hand["verbs"]))
    verb_objects = converted(cameo["objects"])
    verb_objects.update(written(hand["verb_objects"]))
    phrases = converted(cameo["phrases"])
    phrases.update(written(hand["phrases"]))
    nouns: dict[str, Trigger] = {}
    noun_phrases: dict[str, dict[str, Trigger]] = {}
    for key, trigger in written(hand["nouns"]).items():
        if " " in key:
            noun_phrases.setdefault(key.rsplit(" ", 1)[1], {})[key] = trigger
        else:
            nouns[key] = trigger
    return Lexicon(verbs, verb_objects, phrases, nouns, noun_phrases, ignore)
