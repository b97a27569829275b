"""Datelines opening a story: "KYIV, Ukraine (AP) —", "MOSCOW (Reuters) -", "WASHINGTON —".

The dateline is cut from the start of the first body paragraph and kept in
``Article.dateline``; the rest of the paragraph stays in the body.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.clean import patterns


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a paragraph, and where the paragraph proper begins."""

    text: str
    body_start: int


def _is_proper_region(region: str) -> bool:
    """Region words after the place ("Ukraine", "March 4", "N.Y.") are capitalised or numbers."""
    words = region.replace(",", " ").split()
    return all(word[0].isupper() or word[0].isdigit() for word in words)


def _is_capital_place(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and place not in patterns.dateline_exclusions()


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline prefix of ``paragraph``, or None if it does not open with one."""
    match = patterns.shape("dateline", ignore_case=False).match(paragraph)
    if match and _is_capital_place(match.group("place")) and _is_proper_region(match.group("region")):
        uses_hyphen = match.group("dash").startswith("-")
        qualified = bool(match.group("agency") or match.group("region"))
        if not uses_hyphen or qualified or len(match.group("place")) > 3:
            return _dateline(paragraph, match.start("dash"), match.end())
    match = patterns.shape("dateline_agency_only", ignore_case=False).match(paragraph)
    if match:
        return _dateline(paragraph, match.start("dash"), match.end())
    return None


def _dateline(paragraph: str, dash_start: int, end: int) -> Dateline | None:
    if end >= len(paragraph.rstrip()):
        return None
    text = " ".join(paragraph[:dash_start].split())
    return Dateline(text=text, body_start=end)


def find_dateline_line(line: str) -> str | None:
    """A line that is only a dateline ("KYIV, Ukraine (AP) —"), as its dateline text."""
    stripped = line.strip()
    probe = stripped + " x"
    found = find_dateline(probe)
    if found is None or found.body_start != len(probe) - 1:
        return None
    return found.text
