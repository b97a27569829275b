"""Resolve a date expression from a sentence to a calendar day.

Relative expressions ("on Tuesday", "yesterday", "last month") are anchored on the
publication date. The contract carries only a day, so an expression that names a month
or a year resolves to its first day ("in 2014" -> 2014-01-01).
"""

from __future__ import annotations

import datetime as _dt
import re

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_AGO = re.compile(r"\b(\d+|[a-z]+)\s+(day|week|month|year)s?\s+ago\b")
_DAY_NUMBER = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def _month_back(day: _dt.date, months: int) -> _dt.date:
    total = day.year * 12 + (day.month - 1) - months
    return _dt.date(total // 12, total % 12 + 1, 1)


def _safe(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def resolve(text: str, published: _dt.date | None) -> _dt.date | None:
    """The day a date expression names, or None when it names none we can place."""
    words = text.lower().replace(",", " ").replace(".", " ")
    iso = _ISO.search(words)
    if iso:
        return _safe(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    tokens = words.split()
    year_match = _YEAR.search(words)
    year = int(year_match.group(1)) if year_match else None
    month = next((MONTHS[t] for t in tokens if t in MONTHS), None)
    if month is not None:
        day_numbers = [int(m.group(1)) for m in _DAY_NUMBER.finditer(_YEAR.sub(" ", words))]
        day = next((d for d in day_numbers if 1 <= d <= 31), None)
        if year is None:
            if published is None:
                return None
            year = published.year
            if (month, day or 1) > (published.month, published.day):
                year -= 1
        return _safe(year, month, day or 1)
    if year is not None:
        return _dt.date(year, 1, 1)
    if published is None:
        return None
    return _relative(tokens, words, published)


def _relative(tokens: list[str], words: str, published: _dt.date) -> _dt.date | None:
    if "yesterday" in tokens:
        return published - _dt.timedelta(days=1)
    if "today" in tokens or "tonight" in tokens:
        return published
    if "tomorrow" in tokens:
        return published + _dt.timedelta(days=1)
    weekday = next((WEEKDAYS[t] for t in tokens if t in WEEKDAYS), None)
    if weekday is not None:
        back = (published.weekday() - weekday) % 7
        if "last" in tokens and back == 0:
            back = 7
        return published - _dt.timedelta(days=back)
    ago = _AGO.search(words)
    if ago:
        count_text, unit = ago.group(1), ago.group(2)
        count = int(count_text) if count_text.isdigit() else NUMBER_WORDS.get(count_text)
        if count is None:
            return None
        if unit == "day":
            return published - _dt.timedelta(days=count)
        if unit == "week":
            return published - _dt.timedelta(weeks=count)
        if unit == "month":
            return _month_back(published, count)
        return _dt.date(published.year - count, 1, 1)
    if "last" in tokens or "previous" in tokens:
        if "week" in tokens:
            return published - _dt.timedelta(weeks=1)
        if "month" in tokens:
            return _month_back(published, 1)
        if "year" in tokens:
            return _dt.date(published.year - 1, 1, 1)
    if "this" in tokens or "earlier" in tokens:
        if "week" in tokens:
            return published - _dt.timedelta(days=published.weekday())
        if "month" in tokens:
            return published.replace(day=1)
        if "year" in tokens:
            return published.replace(month=1, day=1)
    return None
