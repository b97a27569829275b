"""Where the article sits in a whole-page dump.

A page saved as text with its menus ("» Americas", "» East Asia", ...) has long runs of
short link lines around the article. Such runs split the page into segments; the article
is the span from the first to the last segment that holds real prose, widened upwards to
a lead paragraph set apart by a short run (a date, "Direct link", "Photo"), and cut where a
comment section ("2 comments") starts below the article. On a page copied
with care (no such runs) the region is the whole text and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.clean import lines as L

_NAV_ITEM_MAX_WORDS = 8
_NAV_RUN_MIN_ITEMS = 6
_SUBSTANTIAL_MIN_PARAGRAPHS = 2
_SUBSTANTIAL_MIN_CHARS = 200
_LEAD_GAP_MAX_ITEMS = 12
_COMMENTS_ROLE = "noise:comments"


@dataclass(frozen=True, slots=True)
class Region:
    """The article's units are ``[start, end)``; ``trimmed`` when navigation was found around it."""

    start: int
    end: int
    trimmed: bool


def _is_nav_item(text: str) -> bool:
    return not L.is_sentence_like(text) and L.word_count(text) <= _NAV_ITEM_MAX_WORDS


def _segments(units: list[L.Unit], roles: list[str | None]) -> list[tuple[int, int]]:
    """Index ranges between navigation runs (runs of many short lines; removed lines inside
    a run neither count nor break it)."""
    segments: list[tuple[int, int]] = []
    segment_start = 0
    run_start: int | None = None
    run_items = 0
    closing_sentence = L.Unit(text="End of page.")  # closes a run that reaches the last line
    for index, unit in enumerate(units + [closing_sentence]):
        removed = index < len(units) and roles[index] is not None
        if removed or (index < len(units) and _is_nav_item(unit.text)):
            run_start = index if run_start is None else run_start
            run_items += 0 if removed else 1
            continue
        if run_start is not None and run_items >= _NAV_RUN_MIN_ITEMS:
            if run_start > segment_start:
                segments.append((segment_start, run_start))
            segment_start = index
        run_start, run_items = None, 0
    if segment_start < len(units):
        segments.append((segment_start, len(units)))
    return segments


def _is_substantial(units: list[L.Unit], roles: list[str | None], segment: tuple[int, int]) -> bool:
    prose = [
        units[i].text for i in range(*segment) if roles[i] is None and L.is_sentence_like(units[i].text)
    ]
    return len(prose) >= _SUBSTANTIAL_MIN_PARAGRAPHS and sum(map(len, prose)) >= _SUBSTANTIAL_MIN_CHARS


def article_region(units: list[L.Unit], roles: list[str | None]) -> Region:
    """The span of the page that holds the article."""
    segments = _segments(units, roles)
    substantial = [s for s in segments if _is_substantial(units, roles, s)]
    if len(segments) <= 1 or not substantial:
        return Region(0, len(units), trimmed=False)
    start, end = substantial[0][0], substantial[-1][1]
    for previous in reversed([s for s in segments if s[1] <= start]):
        gap_items = sum(1 for i in range(previous[1], start) if roles[i] is None)
        if gap_items > _LEAD_GAP_MAX_ITEMS or not _has_prose(units, roles, previous):
            break
        start = previous[0]
    first_end = substantial[0][1]
    comments = [i for i in range(first_end, end) if roles[i] == _COMMENTS_ROLE]
    if comments:
        end = comments[0]  # readers' comments below the article are not part of it
    if not any(_has_prose(units, roles, s) for s in segments if s[1] <= start):
        start = 0  # only menus above: the header pass drops them line by line and keeps the title
    return Region(start, end, trimmed=start > 0 or end < len(units))


def _has_prose(units: list[L.Unit], roles: list[str | None], segment: tuple[int, int]) -> bool:
    return any(roles[i] is None and L.is_sentence_like(units[i].text) for i in range(*segment))


def repeated_title(units: list[L.Unit], before: int, candidates: list[int]) -> int | None:
    """Among title-shaped lines above the article, the one another line repeats inside it
    (a page dump shows the headline both alone and in the window title "Site » Headline")."""
    folded = [L.collapse_spaces(units[i].text).casefold() for i in range(before)]
    best: int | None = None
    for index in candidates:
        own = L.collapse_spaces(units[index].text).casefold()
        if any(own in other and own != other for other in folded):
            if best is None or len(units[index].text) > len(units[best].text):
                best = index
    return best
