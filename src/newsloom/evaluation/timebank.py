"""TimeBank (TempEval-3): documents with their creation time and gold TIMEX3 spans and values."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from newsloom.evaluation.pages import shared_data_dir

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    text: str
    start: int
    end: int
    type: str
    value: str


@dataclass
class TimeDoc:
    name: str
    dct: str
    text: str
    timexes: list[GoldTimex]


def read_tml(path: Path) -> TimeDoc:
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<DCT><TIMEX3[^>]*value="([^"]+)"', raw)
    body = raw[raw.index("<TEXT>") + 6 : raw.index("</TEXT>")]
    out, timexes, open_timex = [], [], None
    pos = 0
    length = 0
    for m in _TAG.finditer(body):
        chunk = unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            text = "".join(out)[start:length]
            timexes.append(GoldTimex(text, start, length, attributes.get("type", ""), attributes.get("value", "")))
            open_timex = None
    out.append(unescape(body[pos:]))
    return TimeDoc(path.stem, dct_match.group(1) if dct_match else "", "".join(out), timexes)


def split_of(name: str) -> str:
    """Fixed half/half split by a hash of the document name: rules are developed on ``dev``, ``test`` is
    only reported."""
    return "dev" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 == 0 else "test"


def timebank_docs(split: str | None = None) -> list[TimeDoc]:
    root = shared_data_dir() / "tempeval3-tbaq" / "TimeBank"
    return [read_tml(p) for p in sorted(root.glob("*.tml")) if split in (None, "all") or split_of(p.stem) == split]
