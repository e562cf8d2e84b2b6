"""ACLED-style event subtype of a news snippet (the 30 CASE 2021 task-2 labels).

A linear model over TF-IDF word unigrams and bigrams, character 3–5-grams, and keyword cues written from ACLED's published
subtype definitions (suicide bomber, warplanes, grenade, IED, shelling, chlorine, rape, abducted …), fitted
with scikit-learn by ``training/train_acled.py`` and shipped as plain weights (``events/data/acled.json``)
that numpy scores here: no pickles, nothing version-bound.
"""

from __future__ import annotations

import base64
import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).parent / "data" / "acled.json"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")

#: Keyword cues per subtype, from ACLED's codebook definitions (not from the benchmark's snippets).
KEYWORDS: dict[str, list[str]] = {
    "SUIC_BOMB": ["suicide bomb", "suicide attack", "suicide bomber", "blew himself", "blew herself", "explosive vest", "suicide car"],
    "AIR_STRIKE": ["airstrike", "air strike", "air raid", "warplane", "fighter jet", "drone strike", "bombed from the air", "aerial bombardment", "helicopter gunship"],
    "ART_MISS_ATTACK": ["shelling", "shelled", "artillery", "mortar", "rocket", "missile", "howitzer", "shells"],
    "GRENADE": ["grenade"],
    "REM_EXPLOS": ["ied", "landmine", "land mine", "roadside bomb", "improvised explosive", "car bomb", "explosive device", "booby trap", "detonated"],
    "CHEM_WEAP": ["chemical", "chlorine", "sarin", "nerve agent", "toxic gas", "mustard gas"],
    "ARMED_CLASH": ["clash", "clashes", "fighting between", "exchange of fire", "gunfight", "firefight", "battle", "engaged"],
    "ATTACK": ["attacked", "gunmen", "shot dead", "opened fire", "killed", "ambush", "stabbed"],
    "ABDUCT_DISSAP": ["abducted", "kidnapped", "abduction", "kidnapping", "disappeared", "missing", "hostage"],
    "SEX_VIOL": ["rape", "raped", "sexual violence", "sexually assaulted", "sexual assault", "gang-raped"],
    "ARREST": ["arrested", "detained", "arrest", "detention", "taken into custody", "apprehended"],
    "PEACE_PROTEST": ["protest", "protesters", "demonstration", "rally", "march", "sit-in", "peacefully"],
    "VIOL_DEMONSTR": ["riot", "rioters", "torched", "pelted", "stone", "stones", "vandalised", "set fire", "violent protest"],
    "FORCE_AGAINST_PROTEST": ["tear gas", "teargas", "water cannon", "rubber bullets", "dispersed", "baton", "lathi"],
    "PROTEST_WITH_INTER": ["police intervened", "prevented", "blocked protesters", "detained protesters"],
    "MOB_VIOL": ["mob", "lynch", "lynched", "vigilante"],
    "PROPERTY_DISTRUCT": ["destroyed", "demolished", "set ablaze", "burned", "burnt", "razed", "looted"],
    "NATURAL_DISASTER": ["earthquake", "flood", "floods", "cyclone", "hurricane", "landslide", "drought", "storm", "tsunami", "wildfire"],
    "MAN_MADE_DISASTER": ["fire broke out", "collapse", "collapsed", "explosion at", "accident", "derailed", "crash", "blaze", "factory fire", "gas leak"],
    "DIPLO": ["talks", "met with", "visit", "ambassador", "diplomatic", "summit", "foreign minister", "bilateral"],
    "AGREEMENT": ["agreement", "ceasefire", "truce", "peace deal", "signed", "accord", "deal"],
    "CHANGE_TO_GROUP_ACT": ["curfew", "ban", "banned", "restrictions", "recruited", "new commander", "appointed", "formed", "announced"],
    "DISR_WEAP": ["seized weapons", "weapons cache", "defused", "arms cache", "ammunition", "confiscated", "recovered weapons", "bomb disposal"],
    "GOV_REGAINS_TERIT": ["regained control", "recaptured", "retook", "liberated", "army took control", "forces regained"],
    "NON_STATE_ACTOR_OVERTAKES_TER": ["seized control", "captured the town", "took control", "overran", "militants captured", "fell to"],
    "NON_VIOL_TERRIT_TRANSFER": ["withdrew", "handed over", "withdrawal", "took over without", "evacuated", "transfer of control"],
    "HQ_ESTABLISHED": ["headquarters", "base", "established", "set up", "outpost"],
    "ORG_CRIME": ["drug", "cartel", "gang", "smuggling", "trafficking", "extortion", "robbery", "robbers"],
    "ATTRIB": ["claimed responsibility", "claims responsibility", "responsible for"],
    "OTHER": [],
}
LABELS = sorted(KEYWORDS)


def keyword_features(text: str) -> np.ndarray:
    lower = text.lower()
    return np.array([float(sum(lower.count(k) for k in KEYWORDS[label]) > 0) for label in LABELS], dtype=np.float64)


def ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams, lower-cased (scikit-learn's default token pattern)."""
    tokens = _TOKEN.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def char_ngrams(text: str, low: int = 3, high: int = 5) -> list[str]:
    """Character 3–5-grams inside space-padded words ("shelled", "shelling" share " she", "shel")."""
    out = []
    for word in text.lower().split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) < n:
                out.append(padded)
                break
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


def _decode(block: dict) -> np.ndarray:
    raw = base64.b64decode(block["data"])
    return np.frombuffer(raw, dtype=block["dtype"]).reshape(block["shape"]).astype(np.float64)


class _TfidfBlock:
    """One TF-IDF block (sublinear tf, l2 norm) over a vocabulary learned by training/train_acled.py."""

    def __init__(self, data: dict, analyzer) -> None:  # noqa: ANN001
        self.vocabulary: dict[str, int] = data["vocabulary"]
        self.idf = np.array(data["idf"])
        self.analyzer = analyzer

    def transform(self, text: str) -> np.ndarray:
        counts = np.zeros(len(self.vocabulary))
        for gram in self.analyzer(text):
            index = self.vocabulary.get(gram)
            if index is not None:
                counts[index] += 1
        tfidf = np.where(counts > 0, 1 + np.log(np.maximum(counts, 1)), 0) * self.idf
        norm = math.sqrt(float((tfidf**2).sum())) or 1.0
        return tfidf / norm


class AcledModel:
    def __init__(self, data: dict) -> None:
        self.words = _TfidfBlock(data["words"], ngrams)
        self.chars = _TfidfBlock(data["chars"], char_ngrams)
        self.char_weight: float = data["char_weight"]
        self.keyword_weight: float = data["keyword_weight"]
        self.coef = _decode(data["coef"])  # classes x (words + chars + keyword features)
        self.intercept = np.array(data["intercept"])
        self.classes: list[str] = data["classes"]
        self.min_probability: float = data["min_probability"]

    def features(self, text: str) -> np.ndarray:
        return np.concatenate([
            self.words.transform(text),
            self.chars.transform(text) * self.char_weight,
            keyword_features(text) * self.keyword_weight,
        ])

    def probabilities(self, text: str) -> dict[str, float]:
        scores = self.coef @ self.features(text) + self.intercept
        scores = np.exp(scores - scores.max())
        probs = scores / scores.sum()
        return dict(zip(self.classes, probs.tolist()))


@lru_cache(maxsize=1)
def default_model() -> AcledModel:
    return AcledModel(json.loads(MODEL_PATH.read_text()))


def acled_subtype(snippet: str) -> str | None:
    """One of the 30 ACLED-style subtypes, or None when the snippet reads as no such event: no keyword cue
    of any subtype and no subtype reaching ``min_probability``."""
    if not snippet or not snippet.strip():
        return None
    model = default_model()
    probs = model.probabilities(snippet)
    label, p = max(probs.items(), key=lambda kv: kv[1])
    if p < model.min_probability and not keyword_features(snippet).any():
        return None
    return label
