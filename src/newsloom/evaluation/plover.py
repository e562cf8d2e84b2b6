"""PLOVER gold-standard records (shared/data/plover): one sentence, its event type, mode, source and target
actors, with a fixed split by id."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from newsloom.evaluation.pages import shared_data_dir

_MARK = re.compile(r"\(([A-Z/]+): ([^()]*)\)")


@dataclass
class PloverRecord:
    id: str
    text: str
    type: str
    mode: str | None
    sources: list[str]
    targets: list[str]
    #: the words the markup tags as the event ("(EVT: agreed)")
    triggers: list[str]


def split_of(record_id: str) -> str:
    """Half dev (rules and lexicon decided on these), half test (reported only), by a hash of the id."""
    return "dev" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _actors(value: object) -> list[str]:
    return [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")] if isinstance(value, list) else []


def plover_records(split: str | None = None) -> list[PloverRecord]:
    path = shared_data_dir() / "plover" / "PLOVER_GSR_CAMEO.txt"
    rows = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for r in rows:
        if r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        if split not in (None, "all") and split_of(r["id"]) != split:
            continue
        info = r.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else ""
        triggers = [m.group(2) for m in _MARK.finditer(markup) if m.group(1) == "EVT"]
        out.append(PloverRecord(r["id"], r["text"], r["event"], r.get("mode") or None, _actors(r.get("source")),
                                _actors(r.get("target")), triggers))
    return out
