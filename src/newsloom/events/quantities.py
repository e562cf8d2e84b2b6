"""Quantities in a parsed sentence: "13 US service members were killed" → 13 service members, kill.

A number counts when the parser attaches it to a noun (``nummod``); the noun (with its common-noun
compounds) is the unit and the verb that noun depends on says what happened to them. Numbers inside time
expressions ("July 23, 2021", "within 48 hours") are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200,
    "thousands": 2000,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_APPROXIMATE = frozenset(["about", "some", "around", "nearly", "almost", "approximately", "roughly", "over",
                          "more", "up", "least", "estimated", "than", "dozens", "hundreds", "thousands"])
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass
class Quantity:
    number: float
    #: what is counted ("service members", "troops", "civilians"); "$" for money
    unit: str | None
    #: the lemma of the verb the counted noun depends on ("kill", "send", "force"), if any
    what: str | None
    text: str
    start: int
    end: int
    approximate: bool = False


def parse_number(tokens: list[Token]) -> float | None:
    """The value of a number written with digits, words and scales ("3,000", "400,000", "1 trillion")."""
    value: float | None = None
    for tok in tokens:
        word = tok.lower_
        if _NUMBER.match(word):
            value = float(word.replace(",", "")) if value is None else value + float(word.replace(",", ""))
        elif word in _SCALES and value is not None:
            value *= _SCALES[word]
        elif word in _WORD_NUMBERS:
            value = (value or 0) + _WORD_NUMBERS[word] if word not in _SCALES else (value or 1) * _SCALES[word]
        elif word in _SCALES:
            value = (value or 1) * _SCALES[word]
    return value


def find_quantities(sent: Span, blocked: list[tuple[int, int]]) -> list[Quantity]:
    """Counted things in ``sent``; ``blocked`` are character spans (time expressions) to leave alone."""
    found = []
    sentence, offset = sent.text, sent.start_char
    for tok in sent:
        if tok.dep_ != "nummod" or tok.head.pos_ not in ("NOUN", "PROPN", "SYM"):
            continue
        if any(s <= tok.idx < e for s, e in blocked) or tok.ent_type_ in ("DATE", "TIME", "ORDINAL", "PERCENT"):
            continue
        parts = sorted([tok, *(c for c in tok.children if c.dep_ in ("compound", "quantmod") and c.like_num)],
                       key=lambda t: t.i)
        number = parse_number(parts) if all(p.like_num or p.lower_ in _SCALES for p in parts) else None
        if number is None:
            continue
        noun = tok.head
        money = noun.text in ("$", "€", "£") or noun.ent_type_ == "MONEY" and noun.pos_ == "SYM"
        if money:
            unit = noun.text
        else:
            words = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower()] + [noun]
            unit = " ".join(w.text for w in words)
        approximate = any(c.lower_ in _APPROXIMATE for c in tok.children) or any(
            c.lower_ in _APPROXIMATE for c in noun.children if c.dep_ in ("advmod", "quantmod", "amod") and c.i < tok.i)
        start = min(p.idx for p in parts)
        end = max(noun.idx + len(noun), max(p.idx + len(p) for p in parts))
        found.append(Quantity(number, unit, _governing_verb(noun), sentence[start - offset : end - offset], start, end, approximate))
    return found


def _governing_verb(noun: Token) -> str | None:
    """The verb a counted noun is an argument of: directly, through a preposition, or as the verb's
    reduced relative ("fighters returning to the battlefield")."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return child.lemma_.lower()
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.pos_ in ("VERB", "AUX") and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
        return head.lemma_.lower()
    return None
