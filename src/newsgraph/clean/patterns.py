"""Loads the cleaner's vocabulary and regular expressions from ``clean/data/``.

Everything that names page furniture (ad markers, share prompts, agencies, month names,
byline shapes) lives in data files so it can be extended without touching the logic.
Each loader is cached: the files are read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_PACKAGE = "newsgraph.clean"


def _data_lines(name: str) -> list[str]:
    """Non-blank, non-comment lines of a data file, right-stripped of the newline only."""
    text = resources.files(_PACKAGE).joinpath(f"data/{name}").read_text("utf-8")
    return [line.rstrip("\n\r") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _tsv(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _data_lines(name)]


@dataclass(frozen=True, slots=True)
class NoiseRule:
    """One whole-line noise pattern and the kind of page furniture it removes."""

    kind: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def noise_rules() -> tuple[NoiseRule, ...]:
    return tuple(NoiseRule(kind, re.compile(regex, re.IGNORECASE)) for kind, regex in _tsv("noise.tsv"))


@lru_cache(maxsize=None)
def noise_rules_of_kind(kind: str) -> tuple[NoiseRule, ...]:
    return tuple(rule for rule in noise_rules() if rule.kind == kind)


@lru_cache(maxsize=1)
def link_list_headers() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line.strip(), re.IGNORECASE) for line in _data_lines("link_list_headers.txt"))


def _folded_set(name: str) -> frozenset[str]:
    return frozenset(line.strip().casefold() for line in _data_lines(name))


@lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    """Agency and outlet names, case-folded, without a leading "the "."""
    return frozenset(_drop_article(name) for name in _folded_set("agencies.txt"))


def _drop_article(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


def is_agency(text: str) -> bool:
    folded = " ".join(text.casefold().strip(" .,;:()").split())
    return _drop_article(folded) in agencies()


@lru_cache(maxsize=1)
def job_title_words() -> frozenset[str]:
    return frozenset(word.casefold() for word, _kind in _tsv("job_titles.tsv"))


@lru_cache(maxsize=1)
def job_title_nouns() -> frozenset[str]:
    return frozenset(word.casefold() for word, kind in _tsv("job_titles.tsv") if kind == "noun")


@lru_cache(maxsize=1)
def name_stopwords() -> frozenset[str]:
    """Words never inside a reporter's name: the stop list plus weekday names."""
    weekdays = {word for word, kind, _ in calendar_rows() if kind == "weekday"}
    return _folded_set("name_stopwords.txt") | frozenset(weekdays)


@lru_cache(maxsize=1)
def author_roles() -> dict[str, bool]:
    """Credit-line role phrase -> whether the people it names are authors."""
    return {role.strip().casefold(): kind.strip() == "author" for role, kind in _tsv("author_roles.tsv")}


@lru_cache(maxsize=1)
def calendar_rows() -> tuple[tuple[str, str, int], ...]:
    return tuple((word.casefold(), kind, int(value)) for word, kind, value in _tsv("calendar.tsv"))


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    return {word: value for word, kind, value in calendar_rows() if kind == "month"}


@lru_cache(maxsize=1)
def weekday_names() -> frozenset[str]:
    return frozenset(word for word, kind, _ in calendar_rows() if kind == "weekday")


@lru_cache(maxsize=1)
def date_words() -> tuple[tuple[str, str], ...]:
    """(phrase, kind) for words allowed in a date line, longest phrases first."""
    rows = [(phrase.strip().casefold(), kind.strip()) for phrase, kind in _tsv("date_words.tsv")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=1)
def dateline_exclusions() -> frozenset[str]:
    return frozenset(line.strip() for line in _data_lines("dateline_exclusions.txt"))


@lru_cache(maxsize=1)
def _shape_sources() -> dict[str, str]:
    months = sorted(month_numbers(), key=len, reverse=True)
    month_alternation = "|".join(re.escape(m) for m in months)
    return {name: regex.replace("{MONTH}", f"(?:{month_alternation})") for name, regex in _tsv("shapes.tsv")}


@lru_cache(maxsize=None)
def shape(name: str, *, ignore_case: bool = True) -> re.Pattern[str]:
    """A structural regex from ``shapes.tsv`` by name."""
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(_shape_sources()[name], flags)


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    return frozenset(word.casefold() for word, kind in _tsv("name_parts.tsv") if kind == "particle")


@lru_cache(maxsize=1)
def name_suffixes() -> frozenset[str]:
    return frozenset(word.casefold() for word, kind in _tsv("name_parts.tsv") if kind == "suffix")


@lru_cache(maxsize=1)
def glued_label() -> re.Pattern[str]:
    """A label word glued to what follows it at the start of a line ("ByJane Doe")."""
    labels = sorted((line.strip() for line in _data_lines("glued_labels.txt")), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(label) for label in labels) + r")(?=[A-Z0-9])")


@lru_cache(maxsize=1)
def glued_date_label() -> re.Pattern[str]:
    """A date label glued to the word before it inside a line ("Jane DoePublished: ...")."""
    labels = [
        line.strip() for line in _data_lines("glued_labels.txt")
        if any(line.strip().casefold() == phrase and kind in ("published", "updated") for phrase, kind in date_words())
    ]
    labels.sort(key=len, reverse=True)
    return re.compile(r"(?<=[a-z])(?=(?:" + "|".join(re.escape(label) for label in labels) + r")\b)")


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month and weekday names and abbreviations, case-folded."""
    return frozenset(word for word, _kind, _value in calendar_rows())
