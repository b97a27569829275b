"""Where the article sits in a whole-page dump.

A page saved as text with its menus ("» Americas", "» East Asia", ...) has long runs of
short link lines around the article. Such runs split the page into segments; the article
is the span from the first to the last segment that holds real prose, widened upwards to
a lead paragraph set apart by a short run (a date, "Direct link", "Photo"), and cut where a
comment section ("2 comments") starts below the segment with the most prose (a comment
counter in the header is not the start of the comments). On a page copied
with care (no such runs) the region is the whole text and nothing changes.

Inside the region, :func:`prose_blocks` finds the body itself: the runs of prose under the
page's byline and date, without the teasers, product cards and link boxes between them.
"""

from __future__ import annotations

import re
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
_CONTINUATION_MIN_WEIGHT = 120
_CONTINUATION_PARAGRAPH_WEIGHT = 150
_ANCHOR_REACH_LINES = 3
_ANCHOR_FACTOR = 2.0
_HEADER_CLUSTER_SPAN = 3
_CONTINUATION_MAX_GAP_LINES = 60
_CONTINUATION_AFTER_LINKS_MAX_GAP_LINES = 6
_LINK_LIST_HEADER_ROLE = "link-list:header"
_ARTICLE_END_ROLES = ("noise:comments", "noise:copyright", "noise:trailer", "byline:bio")


def _has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


_CUT_SHORT = re.compile(r"\w(?:\.\.\.|…)$")


def _is_cut_short(text: str) -> bool:
    """A teaser cut off mid-sentence by the page ("... as the pair were seen..."), not a paragraph."""
    return bool(_CUT_SHORT.search(text.rstrip()))


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
        if L.ends_like_sentence(text) and not _is_cut_short(text):
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


def _best_run(weights: list[float], start: int, end: int) -> tuple[tuple[int, int], float]:
    """The maximum-sum run of ``weights[start:end]`` and its sum (an empty run at ``start``
    with sum 0 when every weight is negative)."""
    best = (start, start)
    best_sum = 0.0
    run_start, run_sum = start, 0.0
    for index in range(start, end):
        if run_sum <= 0:
            run_start, run_sum = index, 0.0
        run_sum += weights[index]
        if run_sum > best_sum:
            best, best_sum = (run_start, index + 1), run_sum
    return best, best_sum


def _take_closing_lines(
    units: list[L.Unit], roles: list[str | None], weights: list[float], end: int, limit: int
) -> int:
    """Separators and furniture just below a run, then a closing paragraph without its stop."""
    while end < limit and weights[end] == 0.0 and (roles[end] is not None or not _has_letters(units[end].text)):
        end += 1
    if end < limit and roles[end] is None and L.word_count(units[end].text) >= _LONG_LINE_MIN_WORDS:
        end += 1
    return end


def prose_blocks(units: list[L.Unit], roles: list[str | None], region: Region) -> list[tuple[int, int]]:
    """The body of a page dump as runs of units, in order, without the teasers, footers and
    menus around it or the interruptions inside it.

    The main run is the run with the most prose net of the lines between (maximum-sum run,
    see :func:`_anchored_run`): a short list between two long paragraphs costs less than
    they weigh, so it stays inside; a closing paragraph without a full stop and separators
    just below a run are taken in. Further runs continue the body where an interruption
    costs more than the paragraphs after it weigh (product cards, a gallery, an embedded
    card): between the page's byline and date and the main run, and below it until a line
    that ends an article (a link-list header, comments, a copyright or sign-off line or an
    author bio). The lines between runs stay out of the body.
    """
    weights = _block_weights(units, roles)
    found = _anchored_run(units, roles, weights, region)
    if found is None:
        return [(region.start, region.end)]
    start, end = found
    main = (start, _take_closing_lines(units, roles, weights, end, region.end))
    header = _header_cluster(roles, region)
    above = header[-1] + 1 if header and header[-1] < main[0] else main[0]
    blocks = _continuations(units, roles, weights, above, main[0], below_body=False)
    blocks.append(main)
    stop = next((i for i in range(main[1], region.end) if _ends_article(roles[i])), region.end)
    blocks.extend(_continuations(units, roles, weights, main[1], stop, below_body=True))
    return blocks


def _continuations(
    units: list[L.Unit], roles: list[str | None], weights: list[float], start: int, stop: int, below_body: bool
) -> list[tuple[int, int]]:
    """The runs of at least a paragraph's weight in ``[start, stop)``, in order.

    Between the byline and the main run every such run is body. Below the body, where
    teasers of other stories follow, a run must also hold a full paragraph and start
    within a bounded number of text lines of the one before: a few lines only when a
    "Related"-style header comes between (a box of links set inside the body).
    """
    blocks: list[tuple[int, int]] = []
    position = start
    while position < stop:
        run = _first_run(weights, position, stop, _CONTINUATION_MIN_WEIGHT)
        if run is None:
            break
        if below_body:
            gap_lines = sum(1 for i in range(position, run[0]) if roles[i] is None)
            after_links = any(roles[i] == _LINK_LIST_HEADER_ROLE for i in range(position, run[0]))
            if gap_lines > (_CONTINUATION_AFTER_LINKS_MAX_GAP_LINES if after_links else _CONTINUATION_MAX_GAP_LINES):
                break
            if not any(weights[i] >= _CONTINUATION_PARAGRAPH_WEIGHT for i in range(*run)):
                break
        blocks.append((run[0], _take_closing_lines(units, roles, weights, run[1], stop)))
        position = blocks[-1][1]
    return blocks


def _anchored_run(
    units: list[L.Unit], roles: list[str | None], weights: list[float], region: Region
) -> tuple[int, int] | None:
    """The body's main run: the maximum-sum run, where every byline or date line is a wall
    (a run never climbs from a body into the teasers or comments around it, each under its
    own byline or date) and a run that starts right under the page's first byline and date
    lines counts for more. None when no run has any weight."""
    walls = [i for i in range(region.start, region.end) if _is_header_furniture(roles[i])]
    header = _header_cluster(roles, region)
    best: tuple[int, int] | None = None
    best_score = 0.0
    for wall, (start, end) in zip([None, *walls], _pieces(region.start, region.end, walls)):
        (run_start, run_end), total = _best_run(weights, start, end)
        if total <= 0:
            continue
        lines_before = sum(1 for i in range(start, run_start) if roles[i] is None)
        anchored = bool(header) and wall == header[-1] and lines_before <= _ANCHOR_REACH_LINES
        score = total * (_ANCHOR_FACTOR if anchored else 1.0)
        if score > best_score:
            best, best_score = (run_start, run_end), score
    return best


def _header_cluster(roles: list[str | None], region: Region) -> list[int]:
    """The first byline or date line of the region and those that follow it closely."""
    cluster: list[int] = []
    for index in range(region.start, region.end):
        if cluster and index - cluster[-1] > _HEADER_CLUSTER_SPAN:
            break
        if _is_header_furniture(roles[index]):
            cluster.append(index)
    return cluster


def _pieces(start: int, end: int, walls: list[int]) -> list[tuple[int, int]]:
    """``[start, end)`` cut at each wall index (the walls themselves left out)."""
    bounds = [start - 1, *walls, end]
    return [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]


def _is_header_furniture(role: str | None) -> bool:
    return role is not None and (role == "date" or (role.startswith("byline") and not role.startswith("byline:credit")))


def _first_run(weights: list[float], start: int, end: int, minimum: float) -> tuple[int, int] | None:
    """The first run in ``weights[start:end]`` whose sum reaches ``minimum``, extended as far
    as its sum keeps growing without falling to zero; None when no run reaches it."""
    run_start, run_sum = start, 0.0
    for index in range(start, end):
        if run_sum <= 0:
            run_start, run_sum = index, 0.0
        run_sum += weights[index]
        if run_sum < minimum:
            continue
        best_end, best_sum = index + 1, run_sum
        for later in range(index + 1, end):
            run_sum += weights[later]
            if run_sum <= 0:
                break
            if run_sum > best_sum:
                best_end, best_sum = later + 1, run_sum
        return run_start, best_end
    return None


def _ends_article(role: str | None) -> bool:
    return role is not None and role.startswith(_ARTICLE_END_ROLES)
