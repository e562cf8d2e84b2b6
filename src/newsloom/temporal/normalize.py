"""Normalise a temporal expression against the article's publication date, TIMEX3-style.

Values: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-Www`` (ISO week), ``YYYY-Www-WE`` (weekend),
``YYYY-QN`` (quarter), ``YYYY-SU/FA/WI/SP`` (season), ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``,
durations ``PnY/PnM/PnW/PnD/PTnH``, and intervals ``start/end``. News conventions: a bare weekday is the
most recent such day on or before publication ("said on Wednesday"); a bare month the most recent such
month; "within 48 hours" an interval forward from publication. Without a reference date a relative
expression stays unresolved (None): it is never resolved against today.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
#: the month a season begins (northern hemisphere, as the TIMEX3 guidelines read it)
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-eight": 48, "fifty": 50, "several": 3, "few": 3, "a few": 3,
}
_PRESENT = re.compile(
    r"^(?:now|currently|current|at present|presently|right now|nowadays|these days|today's|the present|"
    r"(?:this|the) (?:[a-z]+ )?moment|this time)$"
)
_PLURAL_UNITS = r"(?:years|months|weeks|days|decades|quarters)(?: and (?:years|months|weeks|days|decades))?"
#: vague references: "in recent weeks and months", "past years", "at the time" (a time the text spoke of)
_PAST = re.compile(
    r"^(?:recently|recent|lately|the past|in the past|previously|earlier|formerly|once|before|the time|"
    rf"(?:in )?(?:the )?(?:recent|past) {_PLURAL_UNITS}|the recent past|(?:years|months|weeks|days|decades) ago|"
    r"(?:a )?long (?:time )?ago|not (?:so )?long ago|some time ago|the other day|in days gone by)$"
)
_FUTURE = re.compile(
    rf"^(?:the future|in the future|soon|eventually|future|(?:the )?(?:coming|upcoming|future) {_PLURAL_UNITS}|"
    rf"the {_PLURAL_UNITS} ahead|later)$"
)
_SPELLED_DAYS = {
    word: n for n, word in enumerate([
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
        "nineteenth", "twentieth",
    ], start=1)
}
_SPELLED_DAYS.update({f"twenty-{w}": 20 + n for w, n in list(_SPELLED_DAYS.items())[:9]})
_SPELLED_DAYS.update({"thirtieth": 30, "thirty-first": 31})
_HEDGE = re.compile(
    r"^(?:nearly|almost|roughly|approximately|just|some|more than|less than) (?=\d|[a-z]+ (?:year|month|week|day|hour))"
)
_SPELLED_MONTH_DAY = re.compile(
    r"\b(" + "|".join(_MONTHS) + r")\.? (" + "|".join(sorted(_SPELLED_DAYS, key=len, reverse=True)) + r")\b"
)
_UNIT = r"(year|month|week|day|hour|quarter)s?"
_NUMBER = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-eight|fifty|several|a few|few)"


def _clean(expression: str) -> str:
    text = expression.lower().strip()
    text = re.sub(r"[’']s\b", "", text)
    text = re.sub(r"\s+", " ", text.replace("-", " - ").replace(" - ", "-"))
    text = re.sub(r"^(?:on|in|at|by|during|for|of|from|until|through|since|around|about)\s+", "", text)
    # hedges change nothing about the date: "nearly two weeks ago", "the next year or so"
    text = _HEDGE.sub("", text).replace(" or so", "")
    # "March eighth" → "march 8"
    text = _SPELLED_MONTH_DAY.sub(lambda m: f"{m.group(1)} {_SPELLED_DAYS[m.group(2)]}", text)
    return text.strip(" .,")


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _most_recent_weekday(ref: date, weekday: int, *, strictly_before: bool = False, after: bool = False) -> date:
    if after:
        delta = (weekday - ref.weekday()) % 7 or 7
        return ref + timedelta(days=delta)
    delta = (ref.weekday() - weekday) % 7
    if strictly_before and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def _month_value(ref: date, month: int, modifier: str | None) -> str:
    if modifier == "next":
        year = ref.year + (1 if month <= ref.month else 0)
    elif modifier == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif modifier == "this":
        year = ref.year
    else:  # bare month: the nearest one, before or after publication ("in January", written in November)
        year = min((ref.year - 1, ref.year, ref.year + 1),
                   key=lambda y: (abs((y * 12 + month) - (ref.year * 12 + ref.month)), y != ref.year))
    return f"{year}-{month:02d}"


def _month_day(ref: date, month: int, day: int) -> str | None:
    """'Sept. 30' — the publication year, unless that puts the date far after publication."""
    try:
        candidate = date(ref.year, month, day)
    except ValueError:
        return None
    if (candidate - ref).days > 180:
        candidate = date(ref.year - 1, month, day)
    elif (ref - candidate).days > 300:
        candidate = date(ref.year + 1, month, day)
    return candidate.isoformat()


def _relative_unit(ref: date, unit: str, delta: int) -> str:
    if unit == "year":
        return str(ref.year + delta)
    if unit == "month":
        year, month = _shift_month(ref.year, ref.month, delta)
        return f"{year}-{month:02d}"
    if unit == "week":
        return _week(ref + timedelta(weeks=delta))
    if unit == "quarter":
        year, quarter = _quarter_of(ref)
        index = year * 4 + quarter - 1 + delta
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "hour":
        return (datetime(ref.year, ref.month, ref.day) + timedelta(hours=delta)).isoformat(timespec="hours")
    return (ref + timedelta(days=delta)).isoformat()


def _duration(number: int, unit: str) -> str:
    if unit == "hour":
        return f"PT{number}H"
    return f"P{number}{ {'year': 'Y', 'month': 'M', 'week': 'W', 'day': 'D', 'quarter': 'Q'}[unit] }"


def _to_date(value: date | datetime | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def normalize_time(
    expression: str, reference_date: date | datetime | str | None, context: str | None = None
) -> str | None:
    """The TIMEX3-style value of ``expression`` read against ``reference_date`` (the publication date);
    None when it cannot be resolved (always for relative expressions without a reference date).
    ``context`` (the text around it; the whole article is fine) lets "a year ago" in a quarterly earnings
    report mean the year-ago quarter."""
    text = _clean(expression)
    if not text:
        return None
    ref = _to_date(reference_date)
    text = _spelled_years(text)
    if ref is not None and context and (text in _YEAR_AGO or text in _THE_QUARTER):
        named = _named_quarter(context, ref)
        if text in _YEAR_AGO and (named or len(_QUARTER_CONTEXT.findall(context)) >= 2):
            year, quarter = named or _latest_quarter_tuple(ref)
            return f"{year - 1}-Q{quarter}"
        if named and text in _THE_QUARTER:
            return f"{named[0]}-Q{named[1]}"
    absolute = _absolute(text)
    if absolute is not None:
        return absolute
    if _PRESENT.match(text):
        return "PRESENT_REF"
    if _PAST.match(text):
        return "PAST_REF"
    if _FUTURE.match(text):
        return "FUTURE_REF"
    m = re.fullmatch(rf"(?:the )?(?:last |past |next |coming )?{_NUMBER} {_UNIT}", text)
    if m and not text.startswith(("last ", "next ", "the last ", "the next ", "the past ", "past ")):
        number = _number(m.group(1))
        if number is not None:
            return _duration(number, m.group(2))  # "20 years", "three months"
    if ref is None:
        return None
    return _relative(text, ref)


_QUARTER_CONTEXT = re.compile(r"\bquarter\b", re.I)
#: "second quarter", "fiscal-first-quarter" ("fiscal" may also stand before it)
_ORDINAL_QUARTER = r"(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter"
_NAMED_QUARTER = re.compile(rf"\b{_ORDINAL_QUARTER}\b(?! of \d)", re.I)
#: "the quarter" of an earnings report: the one the article names, else the latest
_THE_QUARTER = frozenset(("the quarter", "the latest quarter", "the latest period", "the period", "that quarter",
                          "the most recent quarter", "the recent quarter", "the latest three months"))
_YEAR_AGO = frozenset(("a year ago", "a year earlier", "the year-earlier period", "the year-ago period",
                       "year-earlier", "year-ago", "the year-earlier quarter", "the year-ago quarter"))


def _quarter_year(ref: date, quarter: int) -> tuple[int, int]:
    """An ordinal quarter without a year: the latest such quarter that has begun by ``ref``."""
    return (ref.year if quarter <= _quarter_of(ref)[1] else ref.year - 1), quarter


def _named_quarter(context: str, ref: date) -> tuple[int, int] | None:
    """The quarter an article names when it names exactly one ("the fiscal first quarter"), with its year."""
    named = {_ORDINALS[m.group(1).lower()] for m in _NAMED_QUARTER.finditer(context)}
    return _quarter_year(ref, named.pop()) if len(named) == 1 else None
_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS_WORDS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90}
_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
            "eighties": 8, "nineties": 9}


def _spelled_years(text: str) -> str:
    """"nineteen ninety-one" → "1991", "the year two thousand" → "2000", "the nineties" → "the 1990s"."""
    def two_digits(words: str) -> int | None:
        parts = words.split("-")
        if len(parts) == 1:
            return _TENS_WORDS.get(parts[0])
        if parts[0] in _TENS_WORDS and parts[1] in _UNITS_WORDS:
            return _TENS_WORDS[parts[0]] + _UNITS_WORDS[parts[1]]
        return None

    m = re.search(r"\bnineteen ([a-z]+(?:-[a-z]+)?)\b", text)
    if m and two_digits(m.group(1)) is not None:
        text = text.replace(m.group(0), str(1900 + two_digits(m.group(1))))
    text = re.sub(r"^the year (\d{4})$", r"\1", text)
    text = text.replace("two thousand", "2000")
    text = re.sub(r"^the year 2000$", "2000", text)
    m = re.fullmatch(r"the (?:(early|late|mid) )?(" + "|".join(_DECADES) + ")", text)
    if m:
        text = f"the 19{_DECADES[m.group(2)]}0s"
    return text


def _absolute(text: str) -> str | None:
    """Expressions that carry their own year."""
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(?:the )?(?:(?:early|late|mid)[- ])?(\d{4})s", text)
    if m:
        return m.group(1)[:3]
    m = re.fullmatch(r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?: of)? (\d{4})", text)
    if m:
        return f"{m.group(2)}-Q{_ORDINALS[m.group(1)]}"
    m = re.fullmatch(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", text) or re.fullmatch(
        r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})", text)
    if m:
        a, b, year = m.groups()
        month_word, day = (a, b) if a.isalpha() else (b, a)
        if month_word in _MONTHS:
            try:
                return date(int(year), _MONTHS[month_word], int(day)).isoformat()
            except ValueError:
                return None
    m = re.fullmatch(r"([a-z]+)\.?,? (\d{4})", text)
    if m and m.group(1) in _MONTHS:
        return f"{m.group(2)}-{_MONTHS[m.group(1)]:02d}"
    m = re.fullmatch(r"(?:the )?(spring|summer|fall|autumn|winter)(?: of)? (\d{4})", text)
    if m:
        return f"{m.group(2)}-{_SEASONS[m.group(1)]}"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return text
    m = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century", text)
    if m and int(m.group(1)) > 0:  # TIMEX3 writes a century as its two leading digits: the 20th is "19"
        return f"{int(m.group(1)) - 1:02d}"
    return None


_WEEKDAY_BEFORE_DATE = re.compile(r"^(?:(?:this|next|last|this coming|coming) )?(?:" + "|".join(_WEEKDAYS) + r"),? (?=[a-z]+\.? \d)")


def _relative(text: str, ref: date) -> str | None:  # noqa: C901 - one rule per news idiom, flat on purpose
    text = re.sub(r"^(?:late|early|earlier|later) (yesterday|today|tomorrow)$", r"\1", text)
    text = re.sub(r"^the (?:middle|end|beginning|start) of ", "", text)
    m = re.fullmatch(r"([a-z]+)\.? (this|last|next) year", text)
    if m and m.group(1) in _MONTHS:
        year = ref.year + {"this": 0, "last": -1, "next": 1}[m.group(2)]
        return f"{year}-{_MONTHS[m.group(1)]:02d}"
    if text in ("more recently", "most recently", "in recent times"):
        return "PAST_REF"
    if text in ("the near future", "the foreseeable future"):
        return "FUTURE_REF"
    if text in ("last year's quarter", "last year quarter", "the corresponding period last year", "the same period last year",
                "the same quarter last year", "the year-before quarter"):
        year, quarter = _latest_quarter_tuple(ref)
        return f"{year - 1}-Q{quarter}"
    m = re.fullmatch(r"(this|last|next) year(?:'s)? (first|second|third|fourth) quarter", text.replace("’", "'"))
    if m:
        return f"{ref.year + {'this': 0, 'last': -1, 'next': 1}[m.group(1)]}-Q{_ORDINALS[m.group(2)]}"
    if text in ("the full year", "the whole year", "the entire year", "all year"):
        return str(ref.year)
    m = re.fullmatch(rf"{_NUMBER} {_UNIT} or so (ago|earlier)", text)
    if m:
        text = f"{m.group(1)} {m.group(2)} ago"
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening", "the day", "this day"):
        return ref.isoformat()
    if text in ("yesterday", "last night", "yesterday morning", "yesterday afternoon"):
        return (ref - timedelta(days=1)).isoformat()
    if text in ("tomorrow", "tomorrow morning"):
        return (ref + timedelta(days=1)).isoformat()
    # "this coming Sunday, March 8": the date says it all
    text = _WEEKDAY_BEFORE_DATE.sub("", text)
    m = re.fullmatch(r"(?:(last|this coming|this|next|coming|past|early|late|earlier|later) )?(" + "|".join(_WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?", text)
    if m:
        modifier, weekday = m.group(1), _WEEKDAYS.index(m.group(2))
        if modifier in ("next", "this coming", "coming"):
            return _most_recent_weekday(ref, weekday, after=True).isoformat()
        return _most_recent_weekday(ref, weekday, strictly_before=modifier in ("last", "past")).isoformat()
    m = re.fullmatch(r"(?:(last|this|next|early|late|mid|earlier|later) )?([a-z]+)\.?(?: (\d{1,2})(?:st|nd|rd|th)?)?", text)
    if m and m.group(2) in _MONTHS and not (m.group(2) == "may" and not m.group(3) and not m.group(1)):
        month = _MONTHS[m.group(2)]
        if m.group(3):
            return _month_day(ref, month, int(m.group(3)))
        modifier = {"early": None, "late": None, "mid": None, "earlier": None, "later": None}.get(m.group(1), m.group(1))
        return _month_value(ref, month, modifier)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?", text)
    if m and m.group(2) in _MONTHS:
        return _month_day(ref, _MONTHS[m.group(2)], int(m.group(1)))
    # fiscal years are written as calendar years in TIMEX3 ("the latest fiscal year" → 1988); comparing
    # adjectives add nothing ("the comparable year-ago quarter" is the year-ago quarter)
    text = re.sub(r"\bfiscal (?=year)|\b(?:comparable|corresponding|equivalent) (?=year)", "", text)
    text = re.sub(r"^a (?=year[- ](?:ago|earlier) (?:quarter|period))", "the ", text)
    text = {"the latest year": "last year", "the last quarter": "last quarter"}.get(text, text)  # the latest completed
    # this/last/next year, month, week, quarter; "a year earlier", "the year-ago quarter"
    m = re.fullmatch(r"(?:(?:early|late|earlier|later) )?(this|last|next|the current|the previous|the prior|the past|the coming|the same) (year|month|week|quarter|weekend)", text)
    if m:
        delta = {"this": 0, "the current": 0, "the same": 0, "last": -1, "the previous": -1, "the prior": -1,
                 "the past": -1, "next": 1, "the coming": 1}[m.group(1)]
        if m.group(2) == "weekend":
            return _week(ref + timedelta(weeks=delta)) + "-WE"
        return _relative_unit(ref, m.group(2), delta)
    if re.fullmatch(r"(?:earlier|later) this (year|month|week)", text):
        return _relative_unit(ref, text.split()[-1], 0)
    m = re.fullmatch(r"(?:the )?(year|week|month|quarter)(?:[- ](?:ago|earlier|before))?", text)
    if m and (text.startswith("the ") or "-" in text or " " in text):
        unit = m.group(1)
        if "ago" in text or "earlier" in text or "before" in text:
            return _relative_unit(ref, unit, -4 if unit == "quarter" else -1)
        if unit == "quarter":
            return _latest_quarter(ref)
        return _relative_unit(ref, unit, 0)
    if re.fullmatch(r"(?:the )?year[- ](?:ago|earlier) (?:quarter|period)", text):
        year, quarter = _latest_quarter_tuple(ref)
        return f"{year - 1}-Q{quarter}"
    # ("the year ago", "year-earlier", "the prior year" are read above as units)
    if text in ("a year earlier", "a year ago", "a year before", "last year's"):
        return str(ref.year - 1)
    if text in ("the weekend", "this weekend", "the week-end"):
        # early in the week "the weekend" is the one just past
        return _week(ref - timedelta(days=ref.weekday() + 1) if ref.weekday() <= 2 else ref) + "-WE"
    if text in _THE_QUARTER:
        return _latest_quarter(ref)
    m = re.fullmatch(rf"(?:the |its |their |a )?(?:(?:fiscal|latest|current|same|flat|strong|weak) )?{_ORDINAL_QUARTER}", text)
    if m:
        year, quarter = _quarter_year(ref, _ORDINALS[m.group(1)])
        return f"{year}-Q{quarter}"
    m = re.fullmatch(r"(?:the )?(?:(this past|this|last|next|past|coming) )?(?:(?:early|late|mid)[- ]?)?"
                     r"(spring|summer|fall|autumn|winter)", text)
    if m:
        which = m.group(1) or ""
        if which in ("this past", "past"):  # the latest one that has begun
            year = ref.year if _SEASON_START[m.group(2)] <= ref.month else ref.year - 1
        else:
            year = ref.year + {"last": -1, "next": 1, "coming": 1}.get(which, 0)
        return f"{year}-{_SEASONS[m.group(2)]}"
    m = re.fullmatch(r"(?:early|mid|late)[- ]?([a-z]+)\.?", text)
    if m and m.group(1) in _MONTHS:
        return _month_value(ref, _MONTHS[m.group(1)], None)
    m = re.fullmatch(rf"{_NUMBER} {_UNIT} (ago|earlier|before|later|from now|hence)", text)
    if m:
        number = _number(m.group(1))
        if number is not None:
            sign = 1 if m.group(3) in ("later", "from now", "hence") else -1
            return _relative_unit(ref, m.group(2), sign * number)
    m = re.fullmatch(rf"(?:within|in|over) (?:the next )?{_NUMBER} {_UNIT}", text)
    if m:
        number = _number(m.group(1))
        if number is not None:
            start = datetime(ref.year, ref.month, ref.day)
            unit = m.group(2)
            end = start + ({"hour": timedelta(hours=number), "day": timedelta(days=number),
                            "week": timedelta(weeks=number)}.get(unit) or timedelta(days=30 * number
                                                                                       if unit == "month" else 365 * number))
            return f"{ref.isoformat()}/{end.date().isoformat()}"
    m = re.fullmatch(r"by the end of (?:the|this) (week|weekend|month|year)", text)
    if m:
        unit = m.group(1)
        if unit == "weekend":
            return _week(ref) + "-WE"
        return _relative_unit(ref, unit, 0)
    if text in ("year-end", "year end", "the year-end", "the year end", "the end of the year", "the end of this year",
                "end of the year"):
        return str(ref.year)
    m = re.fullmatch(r"(?:earlier|later) in the (day|week|month|year)", text)
    if m:  # "earlier in the day": the publication's own day, week, month or year
        return _relative_unit(ref, m.group(1), 0)
    m = re.fullmatch(r"this past (week|weekend|month)", text)
    if m:  # the one just ended
        if m.group(1) == "weekend":
            return _week(ref - timedelta(days=ref.weekday() + 1)) + "-WE"
        return _relative_unit(ref, m.group(1), -1)
    m = re.fullmatch(rf"{_NUMBER} (?:decade|quarter-century|half-century)s? ago|(?:a )?(?:quarter|half)[- ]century ago", text)
    if m:
        return str(ref.year - _years_ago(text))
    text = re.sub(r"^the (?:last|latter) half\b", "the second half", text)
    m = re.fullmatch(r"the (first|second) half(?: of (?:the|this) year)?", text)
    if m:  # TIMEX3 halves: H1, H2
        return f"{ref.year}-H{1 if m.group(1) == 'first' else 2}"
    holiday = _holiday(text, ref)
    if holiday is not None:
        return holiday
    return dateparser_value(text, ref)


def _years_ago(text: str) -> int:
    """How many years "a decade ago", "two decades ago", "a quarter-century ago" go back."""
    if "quarter" in text:
        return 25
    if "half" in text:
        return 50
    count = _number(text.split()[0]) or 1
    return 10 * count


#: holidays on a fixed day of the year
_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "new years day": (1, 1), "new years eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "independence day": (7, 4), "fourth of july": (7, 4), "july fourth": (7, 4),
    "veterans day": (11, 11), "boxing day": (12, 26),
}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 for the last) given weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


#: US holidays on a weekday of a month: (month, weekday, n); election day is the Tuesday after the first
#: Monday of November
_FLOATING_HOLIDAYS = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1), "memorial day": (5, 0, -1),
    "martin luther king day": (1, 0, 3), "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3),
}


#: every holiday name :func:`normalize_time` knows (lower case, without "the"); the span finder looks for these
HOLIDAY_NAMES = (*_FIXED_HOLIDAYS, *_FLOATING_HOLIDAYS, "election day")
#: the names as they read after :func:`_clean` ("new year's day" → "new year day")
_HOLIDAY_BY_CLEAN_NAME = {_clean(name): name for name in HOLIDAY_NAMES}


def _holiday_in(name: str, year: int) -> date | None:
    if name in _FIXED_HOLIDAYS:
        month, day = _FIXED_HOLIDAYS[name]
        return date(year, month, day)
    if name in _FLOATING_HOLIDAYS:
        return _nth_weekday(year, *_FLOATING_HOLIDAYS[name])
    if name == "election day":
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    return None


def _holiday(text: str, ref: date) -> str | None:
    """A named holiday: the nearest one to publication ("Christmas" in a February story is the last one)."""
    m = re.fullmatch(r"(?:(last|this|next) )?(?:the )?(.+?)", text)
    modifier, name = m.group(1), _HOLIDAY_BY_CLEAN_NAME.get(m.group(2))
    if name is None:
        return None
    candidates = [d for d in (_holiday_in(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d is not None]
    if modifier == "last":
        candidates = [d for d in candidates if d < ref]
        return max(candidates).isoformat()
    if modifier == "next":
        candidates = [d for d in candidates if d > ref]
        return min(candidates).isoformat()
    if modifier == "this":
        return _holiday_in(name, ref.year).isoformat()
    return min(candidates, key=lambda d: (abs((d - ref).days), d > ref)).isoformat()


def _latest_quarter_tuple(ref: date) -> tuple[int, int]:
    """The quarter a report published on ``ref`` is about: the last completed one."""
    year, quarter = _quarter_of(ref)
    index = year * 4 + quarter - 2
    return index // 4, index % 4 + 1


def _latest_quarter(ref: date) -> str:
    year, quarter = _latest_quarter_tuple(ref)
    return f"{year}-Q{quarter}"


@lru_cache(maxsize=64)
def _date_parser(ref: date, prefer_past: bool):  # -> dateparser.date.DateDataParser
    """One parser per reference date: building one costs far more than parsing a phrase with it."""
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": datetime(ref.year, ref.month, ref.day), "RETURN_TIME_AS_PERIOD": True}
    if prefer_past:
        settings["PREFER_DATES_FROM"] = "past"
    return DateDataParser(languages=["en"], settings=settings)


def dateparser_value(text: str, ref: date, *, prefer_past: bool = True) -> str | None:
    """Anything the rules do not know: dateparser, at the granularity it reports. (With
    ``prefer_past=False`` and nothing else, it is the "dateparser alone" baseline of bench/time.py.)"""
    parser = _date_parser(ref, prefer_past)
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    return {
        "year": f"{d.year}", "month": f"{d.year}-{d.month:02d}", "week": _week(d.date()),
    }.get(data.period or "day", d.date().isoformat())


_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])")
_SEASON_VALUE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)")
#: "SU" → "06": the month each season value begins
_SEASON_VALUE_MONTH = {_SEASONS[name]: f"{month:02d}" for name, month in _SEASON_START.items()}
_SEASON_WORD = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def readable_date(value: str | None) -> str | None:
    """A TIMEX3-style value as a reader takes it, at its own precision: "2001" stays "2001" (its first day,
    2001-01-01, would claim a day nobody named), "2021-W31" is "week of 2021-08-02", "2021-Q3" "2021 Q3",
    "2021-SU" "summer 2021", a range "2021-08-13 to 2021-08-15"; a day (or a time of day) is its day."""
    if not value:
        return None
    if "/" in value:
        start, _, end = value.partition("/")
        first, last = readable_date(start), readable_date(end)
        return f"{first} to {last}" if first and last else first or last
    if _WEEK_VALUE.match(value):
        day = first_day(value)
        return f"weekend of {day}" if value.endswith("-WE") else f"week of {day}"
    quarter = _QUARTER_VALUE.match(value)
    if quarter:
        return f"{quarter.group(1)} Q{quarter.group(2)}"
    season = _SEASON_VALUE.match(value)
    if season:
        return f"{_SEASON_WORD[season.group(2)]} {season.group(1)}"
    if re.match(r"^\d{4}(-\d{2})?$", value):
        return value
    return first_day(value)


def first_day(value: str | None) -> str | None:
    """The first day a TIMEX3-style value covers, as YYYY-MM-DD ("2021-W31" → its Monday, "2021-Q3" →
    2021-07-01, "2021-08-13/2021-08-15" → 2021-08-13), so values of any granularity order together."""
    if not value:
        return None
    value = value.split("/", 1)[0]
    week = _WEEK_VALUE.match(value)
    if week:  # "2021-W31", or "2021-W31-WE" for its weekend (from the Saturday)
        weekday = 6 if value.endswith("-WE") else 1
        return date.fromisocalendar(int(week.group(1)), int(week.group(2)), weekday).isoformat()
    quarter = _QUARTER_VALUE.match(value)
    if quarter:
        return f"{quarter.group(1)}-{3 * int(quarter.group(2)) - 2:02d}-01"
    season = _SEASON_VALUE.match(value)
    if season:
        return f"{season.group(1)}-{_SEASON_VALUE_MONTH[season.group(2)]}-01"
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    if re.match(r"^\d{4}-\d{2}$", value):
        return value + "-01"
    if re.match(r"^\d{4}$", value):
        return value + "-01-01"
    return None
