"""PolNeAR (political news attribution relations, brat standoff) as gold attributions.

Each ``.ann`` holds ``T`` span lines (Source, Cue, Content, Attribution; ``start end`` offsets into the
article text, ``;``-separated pieces for discontinuous spans) and ``E`` lines tying one attribution's spans.
Articles with two annotators have two files; the first (sorted) is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newsloom.evaluation.pages import shared_data_dir

_TRIM = "\"'“”‘’«»`.,;:!?()[]—–- \n\t"


@dataclass
class GoldAttribution:
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop quote marks, punctuation and white space at both ends (the exact-match convention). White space
    is any, the no-break space of web text included ("said\xa0" is "said")."""
    while start < end and (text[start] in _TRIM or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1].isspace()):
        end -= 1
    return start, end


def _pieces(spec: str) -> list[tuple[int, int]]:
    out = []
    for piece in spec.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        try:
            if line.startswith("T"):
                label, offsets = fields[1].split(" ", 1)
                spans[fields[0]] = (label, _pieces(offsets))
            elif line.startswith("E"):
                relations.append(dict(p.split(":", 1) for p in fields[1].split()))
        except (IndexError, ValueError):
            continue  # a handful of lines in the corpus are malformed; they carry no usable span
    def get(rel: dict[str, str], role: str) -> list[tuple[int, int]]:
        key = next((v for k, v in rel.items() if re.sub(r"\d+$", "", k) == role), None)
        return spans[key][1] if key in spans else []

    return [GoldAttribution(get(rel, "Source"), get(rel, "Cue"), get(rel, "Content")) for rel in relations]


def polnear_articles(split: str = "dev") -> list[GoldArticle]:
    root = shared_data_dir() / "polnear" / split
    articles = []
    for text_path in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        articles.append(GoldArticle(text_path.stem, text_path.read_text(encoding="utf-8"), read_ann(anns[0])))
    return articles
