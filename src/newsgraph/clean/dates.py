"""Date lines of scraped pages: "Published 12:30 GMT, 4 March 2024", "Updated 3 hours ago".

A line is a date line when, once every date, time, time zone, relative time and the
few allowed words ("published", "updated", "on", "at", weekday names) are taken out,
nothing but punctuation is left. Such a line is page furniture; its absolute date, if it
has one, is a candidate for ``Article.published``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from newsgraph.clean import patterns

_FULL_DATE_SHAPES = (
    "date_iso", "date_mdy", "date_dmy", "date_ymd_slash", "date_dmy_dots", "date_us_dash", "date_us_slash",
)
_PARTIAL_DATE_SHAPES = ("date_month_year", "date_month_day", "date_day_month")
_OTHER_TIME_SHAPES = ("zone_offset", "time_of_day", "relative_time")
_LEFTOVER_PUNCTUATION = re.compile(r"[\s,;:|/•·()\[\]\-–—.]+")
_EARLIEST_YEAR = 1900


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that only says when: the absolute date found (if any) and which date it is."""

    date: _dt.date | None
    kind: str  # "published" or "updated"


def find_dates(text: str) -> list[tuple[int, _dt.date]]:
    """Every absolute calendar date written in ``text``, with its offset, in text order."""
    found: list[tuple[int, _dt.date]] = []
    taken: list[tuple[int, int]] = []
    for name in _FULL_DATE_SHAPES:
        for match in patterns.shape(name).finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            date = _date_from_match(match)
            if date is not None:
                found.append((match.start(), date))
                taken.append(match.span())
    return sorted(found, key=lambda item: item[0])


def _date_from_match(match: re.Match[str]) -> _dt.date | None:
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        if year < 100:
            year += 2000 if year < 70 else 1900
        if groups.get("month"):
            month = patterns.month_numbers()[groups["month"].casefold().rstrip(".")]
        else:
            month = int(groups["mon"])
        day = int(groups["day"])
        if month > 12 and day <= 12:  # a day-first numeric date
            month, day = day, month
        date = _dt.date(year, month, day)
    except (KeyError, TypeError, ValueError):
        return None
    if date.year < _EARLIEST_YEAR or date.year > _dt.date.today().year + 1:
        return None
    return date


def parse_date_line(line: str) -> DateLine | None:
    """The line as a :class:`DateLine`, or None when it says anything besides when."""
    text = " ".join(line.split())
    if not text or len(text) > 160 or text.endswith(","):
        return None
    if not any(c.isdigit() for c in text) and not patterns.shape("relative_time").search(text):
        return None  # every other date or time shape has a digit
    dates = find_dates(text)
    residue = text
    found_time = bool(dates)
    for name in _FULL_DATE_SHAPES + _PARTIAL_DATE_SHAPES + _OTHER_TIME_SHAPES:
        residue, count = patterns.shape(name).subn(" ", residue)
        found_time = found_time or count > 0
    if not found_time:
        return None
    residue_folded = f" {residue.casefold()} "
    for phrase, _kind in patterns.date_words():
        residue_folded = _phrase_pattern(phrase).sub(" ", residue_folded)
    words = [w for w in _LEFTOVER_PUNCTUATION.split(residue_folded) if w]
    if any(word not in patterns.weekday_names() for word in words):
        return None
    date_at = dates[0][0] if dates else len(text)
    return DateLine(date=dates[0][1] if dates else None, kind=_date_kind(text, date_at))


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def _date_kind(text: str, date_at: int) -> str:
    """ "updated" when the last kind word before the date says so ("Updated: March 5")."""
    folded = text.casefold()
    cues: list[tuple[int, str]] = []
    for phrase, kind in patterns.date_words():
        if kind in ("published", "updated"):
            cues.extend((m.start(), kind) for m in _phrase_pattern(phrase).finditer(folded) if m.start() < date_at)
    if not cues:
        return "published"
    return max(cues)[1]
