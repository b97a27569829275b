"""Where the article sits in a whole-page dump.

A page saved as text with its menus ("» Americas", "» East Asia", ...) has long runs of
short link lines around the article. Such runs split the page into segments; the article
is the span from the first to the last segment that holds real prose, widened upwards to
a lead paragraph set apart by a short run (a date, "Direct link", "Photo"), and cut where a
comment section ("2 comments") starts below the segment with the most prose (a comment
counter in the header is not the start of the comments). On a page copied
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
_LINK_LIST_ROLE = "link-list"


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


def _prose_chars(units: list[L.Unit], roles: list[str | None], segment: tuple[int, int]) -> int:
    return sum(len(units[i].text) for i in range(*segment) if roles[i] is None and L.is_sentence_like(units[i].text))


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
    main_end = max(substantial, key=lambda segment: _prose_chars(units, roles, segment))[1]
    comments = [i for i in range(main_end, end) if roles[i] == _COMMENTS_ROLE]
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


_BLOCK_PROSE_DISCOUNT = 20
_BLOCK_SHORT_SENTENCE_WEIGHT = 1
_BLOCK_LINE_COST = 30
_BLOCK_COST_PER_CHAR = 0.3
_BLOCK_LONG_LINE_COST = 5
_LONG_LINE_MIN_WORDS = 8


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _block_weights(units: list[L.Unit], roles: list[str | None]) -> list[float]:
    """What each unit adds to the body block.

    A line that ends like a sentence counts by its length, and never less than nothing, so a
    short closing sentence ("Nobody was hurt.") stays with the body; a short line that does not (menu
    item, label) and a line of a link list cost a little, a long line without a stop (a
    teaser headline, or a paragraph missing its stop) less. Other lines already named as
    furniture (ads and share bars split a body too), symbol-only separators and the short
    items of a list that a sentence ending in a colon introduces are neutral.
    """
    weights: list[float] = []
    in_list = False
    for unit, role in zip(units, roles):
        text = unit.text
        if role is not None and role.startswith(_LINK_LIST_ROLE):
            weights.append(-(_BLOCK_LINE_COST + _BLOCK_COST_PER_CHAR * len(text)))
            continue
        if role is not None or not _has_letters(text):
            weights.append(0.0)
            continue
        if L.ends_like_sentence(text):
            weights.append(float(max(len(text) - _BLOCK_PROSE_DISCOUNT, _BLOCK_SHORT_SENTENCE_WEIGHT)))
            in_list = L.strip_closers(text).endswith(":")
            continue
        if in_list:
            weights.append(0.0)
        elif L.word_count(text) >= _LONG_LINE_MIN_WORDS:
            weights.append(-float(_BLOCK_LONG_LINE_COST))
        else:
            weights.append(-(_BLOCK_LINE_COST + _BLOCK_COST_PER_CHAR * len(text)))
    return weights


def prose_block(units: list[L.Unit], roles: list[str | None], region: Region) -> tuple[int, int]:
    """The run of units inside the region with the most prose net of the lines between
    (maximum-sum run): the body of a page dump, without the teasers, footers and menus
    around it. A short list between two long paragraphs costs less than they weigh, so it
    stays inside; a closing paragraph without a full stop and separators just below the
    run are taken in."""
    weights = _block_weights(units, roles)
    best = (region.start, region.start)
    best_sum = 0.0
    run_start, run_sum = region.start, 0.0
    for index in range(region.start, region.end):
        if run_sum <= 0:
            run_start, run_sum = index, 0.0
        run_sum += weights[index]
        if run_sum > best_sum:
            best, best_sum = (run_start, index + 1), run_sum
    if best_sum <= 0:
        return region.start, region.end
    start, end = best
    while end < region.end and weights[end] == 0.0 and (roles[end] is not None or not _has_letters(units[end].text)):
        end += 1
    if end < region.end and roles[end] is None and L.word_count(units[end].text) >= _LONG_LINE_MIN_WORDS:
        end += 1
    return start, end
