"""Find temporal expressions in text (a pattern per news idiom), each with offsets and its value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from newsloom.temporal.normalize import HOLIDAY_NAMES, normalize_time

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
        r"forty|forty-eight|fifty|several|a few)")
_UNIT = r"(?:years?|months?|weeks?|days?|hours?|quarters?)"
#: the holidays normalize_time knows, longest first ("Christmas Eve" before "Christmas"), either apostrophe
_HOLIDAYS = "|".join(re.escape(name).replace("'", "['’]") for name in sorted(HOLIDAY_NAMES, key=len, reverse=True))
_PATTERNS = [
    rf"{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}",
    rf"\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}",
    rf"{_MONTH},? \d{{4}}",
    rf"(?:(?:last|this|next) )?{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b",
    rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}",
    rf"(?:(?:last|this|next|early|late|mid) )?{_MONTH}(?! \d)",
    rf"(?:(?:last|this|next) )?{_WEEKDAY}(?: (?:morning|afternoon|evening|night))?",
    r"(?:the )?(?:first|second|third|fourth)[- ](?:fiscal[- ])?quarter(?: of \d{4})?",
    r"(?:the |a )?(?:(?:comparable|corresponding) )?(?:latest|year-earlier|year-ago) (?:quarter|period)",
    r"(?:(?:early|late|earlier|later) )?(?:this|last|next) (?:year|month|week|quarter|weekend)",
    r"the (?:prior|previous|current|coming) (?:year|month|week|quarter)",
    r"(?:this|last|next|the current|the latest|the previous|the prior) fiscal year",
    r"(?:earlier|later) this (?:year|month|week)",
    r"(?:a|one) (?:year|month|week) (?:earlier|ago|before)",
    rf"{_NUM} {_UNIT} (?:ago|earlier|later|from now)",
    rf"within {_NUM} {_UNIT}",
    r"by the end of (?:the|this) (?:week|weekend|month|year)",
    r"(?:(?:this|last|next) )?(?:spring|summer|fall|autumn|winter)(?: of \d{4})?",
    r"(?:in |since |until |by )?(?:19|20)\d{2}s?\b",
    r"yesterday|today|tonight|tomorrow|the weekend|year-end",
    r"(?:earlier|later) in the (?:day|week|month|year)|this past (?:weekend|week|month)|the other day",
    rf"(?:{_NUM} (?:decades?|quarter-century|half-century)|(?:a )?(?:quarter|half)[- ]century"
    r"|(?:years|months|weeks|days|decades)|(?:a )?long time) ago",
    r"the (?:first|second|last|latter) half of (?:the|this) year",
    rf"(?:(?:last|this|next) )?(?:the )?(?:{_HOLIDAYS})\b",
    r"(?:right )?now|currently|recently",
    rf"{_NUM} {_UNIT}\b",
]
_FINDER = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")", re.I)
_FULL_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])
_MONTH_START = re.compile(rf"^(?:(?:last|this|next|early|late|mid) )?{_MONTH}", re.I)


@dataclass
class TimeExpression:
    text: str
    start: int
    end: int
    value: str | None  # None: relative and no publication date, or not resolvable
    reference: str | None  # the date it was resolved against


def find_times(text: str, reference_date: date | datetime | str | None) -> list[TimeExpression]:
    """Temporal expressions in ``text`` with offsets and values (relative ones only with a reference)."""
    found = []
    ref = str(reference_date)[:10] if reference_date else None
    for match in _FINDER.finditer(text):
        span = match.group(0)
        start, end = match.start(), match.end()
        stripped = re.sub(r"^(?:in|since|until|by) ", "", span, flags=re.I)
        start += len(span) - len(stripped)
        # "may" the verb, "march" the noun: only capitalised month names count
        month = _MONTH_START.match(stripped)
        if month and not stripped[month.end() - len(month.group(0).split()[-1]) :][:1].isupper():
            continue
        if stripped.lower() in ("now",) and text[max(0, start - 1) : start].isalpha():
            continue
        if stripped.endswith(".") and stripped[:-1].split()[-1].lower() in _FULL_MONTHS:
            stripped, end = stripped[:-1], end - 1  # "in May." ends a sentence; "Aug." is an abbreviation
        found.append(TimeExpression(stripped, start, end, normalize_time(stripped, ref, text), ref))
    return found
