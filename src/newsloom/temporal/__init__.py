"""Time: find temporal expressions in a body and normalise them against the publication date."""

from __future__ import annotations

from newsloom.temporal.find import TimeExpression, find_times
from newsloom.temporal.normalize import first_day, normalize_time, readable_date

__all__ = ["TimeExpression", "find_times", "first_day", "normalize_time", "readable_date"]
