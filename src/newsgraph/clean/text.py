"""Raw scraped text -> :class:`~newsgraph.records.Article`.

The cleaner works on paragraph units (see :mod:`newsgraph.clean.lines`) in three passes:

1. each unit alone: byline, date line, dateline-only line, page noise, link-list header;
2. position: on a whole page rendered as text, the body blocks (the run with the most
   prose under the byline and date, and the runs that continue it past an interruption,
   see :func:`~newsgraph.clean.regions.prose_blocks`) and the headline next to them are
   found first and what lies around and between them is navigation; then
   the header zone before the first body paragraph gives the title, the dek and
   drops short navigation lines; link lists under "Related Stories"-style headers go; the
   trailer after the last prose paragraph loses its short leftovers and an author bio;
3. the body: every remaining paragraph, with the dateline cut from the first one.

It errs on keeping text: a paragraph is dropped only when a rule names it as furniture or,
on a page with its navigation around it, when it lies outside the body block.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from newsgraph.clean import lines as L
from newsgraph.clean import patterns
from newsgraph.clean.byline import (
    Byline,
    author_bio,
    is_role_line,
    parse_byline,
    parse_lone_name,
    split_trailing_credit,
)
from newsgraph.clean.dateline import find_dateline, find_dateline_line
from newsgraph.clean.dates import DateLine, parse_date_line
from newsgraph.clean.regions import Region, article_region, prose_blocks, repeated_title
from newsgraph.records import Article, RawDocument

EXTRACTOR = "clean:lines"
_TITLE_MIN_WORDS = 2
_TITLE_MIN_CHARS = 12
_TITLE_MAX_CHARS = 250
_TITLE_MAX_WORDS = 30
_DEK_MIN_WORDS = 6
_DEK_MAX_CHARS = 350
_DEK_WITH_PERIOD_MAX_WORDS = 45
_BODY_WITHOUT_PERIOD_MIN_WORDS = 8
_LONE_NAME_MAX_WORDS = 5
_BIO_MIN_BODY_UNITS = 3
_KICKER_MAX_WORDS = 4
_HEADLINE_MIN_WORDS_BEFORE_SITE = 3
_HEADLINE_CAPITALISED_SHARE = 0.75
_HEADER_WINDOW_UNITS = 25
_PAGE_DUMP_MIN_FURNITURE = 3
_CREDIT_SLACK_UNITS = 3
_TITLE_FURNITURE_REACH = 3
_TITLE_INSIDE_BLOCK_UNITS = 15
_TITLE_INSIDE_BLOCK_TEXT_LINES = 4
_CLOSING_CREDIT_ROLE = "byline:credit"
_SPLIT_BYLINE_LABEL_ENDS = frozenset({"by", "author", "authors", "byline"})
_HEADLINE_MIN_WORDS = 3
_TITLE_SCORE_MAX_WORDS = 18
_TITLE_DISTANCE_COST = 1.0
_TITLE_FURNITURE_BONUS = 6.0
_TITLE_CAPITALS_BONUS = 3.0
_TITLE_FULL_STOP_COST = 6.0

# Roles a unit can take. Units whose role is in _METADATA_ROLES are not reported as boilerplate.
BODY = "body"
TITLE = "title"
SUBTITLE = "subtitle"
DATELINE_LINE = "dateline"
_METADATA_ROLES = {TITLE, SUBTITLE, DATELINE_LINE}
_SITE_LINE_ROLES = ("byline:name-agency", "noise:caption")
_FALLBACK_ROLES = {TITLE, SUBTITLE, "header:short", "trailer:short", "link-list:item"}


@dataclass(slots=True)
class _Found:
    """What the passes collected besides the body; bylines and dates by unit index."""

    bylines: dict[int, Byline] = field(default_factory=dict)
    dates: dict[int, DateLine] = field(default_factory=dict)
    title: str | None = None
    subtitle: str | None = None
    dateline: str | None = None

    def authors(self) -> list[str]:
        """Every author named, in the order of the page, each once."""
        names: list[str] = []
        for index in sorted(self.bylines):
            for name in self.bylines[index].authors:
                if name.casefold() not in {n.casefold() for n in names}:
                    names.append(name)
        return names

    def published(self) -> _dt.date | None:
        """The first publication date stated, else the first update date."""
        stated = [self.dates[i] for i in sorted(self.dates)]
        stated += [self.bylines[i].date for i in sorted(self.bylines) if self.bylines[i].date is not None]
        for wanted in ("published", "updated"):
            for date in stated:
                if date is not None and date.kind == wanted and date.date is not None:
                    return date.date
        return None


def from_clean_text(doc: RawDocument) -> Article:
    """An already clean body: line endings normalised and edges stripped, nothing removed."""
    return Article(
        id=doc.id,
        text=L.normalise_line_endings(doc.content).strip(),
        source=doc.source,
        title=doc.title,
        published=doc.published,
        url=doc.url,
        extractor="clean:given",
    )


def clean_raw(doc: RawDocument) -> Article:
    """Scraped plain text -> title, dek, authors, date, dateline, body and removed lines."""
    units = L.split_units(L.repair(doc.content))
    found = _Found(title=doc.title)
    roles = [_classify_alone(index, unit, found) for index, unit in enumerate(units)]
    _join_split_bylines(units, roles, found)
    _mark_link_lists(units, roles)
    region = article_region(units, roles)
    _mark_outside(units, roles, found, region)
    _mark_around_block(units, roles, found, region, given_title=doc.title)
    first_body = _read_header(units, roles, found, given_title=doc.title)
    if doc.title is None and found.title is None and region.trimmed:
        _title_above_region(units, roles, found, region)
    _read_trailer(units, roles, found, first_body)
    paragraphs = _body_paragraphs(units, roles, found, first_body) or _fallback_body(units, roles)
    boilerplate = [
        line for unit, role in zip(units, roles) if role != BODY and role not in _METADATA_ROLES for line in unit.lines
    ]
    return Article(
        id=doc.id,
        text="\n\n".join(paragraphs),
        source=doc.source,
        title=found.title,
        subtitle=found.subtitle,
        authors=found.authors(),
        published=doc.published or found.published(),
        boilerplate=boilerplate,
        dateline=found.dateline,
        url=doc.url,
        extractor=EXTRACTOR,
    )


def _classify_alone(index: int, unit: L.Unit, found: _Found) -> str | None:
    """The unit's role from its own text only; None when it may be body text."""
    probe = L.unglue(unit.text)
    byline = parse_byline(probe)
    if byline is not None:
        found.bylines[index] = byline
        return byline.rule
    date = (
        parse_date_line(probe)
        or parse_date_line(patterns.shape("read_time").sub(" ", probe))
        or parse_date_line(_without_share_tail(probe))
    )
    if date is not None:
        found.dates[index] = date
        return "date"
    if L.is_link_list_header(unit.text):
        return "link-list:header"
    kind = L.noise_kind(unit.text)
    if kind is not None:
        return f"noise:{kind}"
    return None


def _without_share_tail(text: str) -> str:
    """The line without a share button glued at its end ("March 5, 2024 | 10:30 e-mail")."""
    head, _, last = text.rstrip().rpartition(" ")
    if not head or not any(c.isdigit() for c in head):
        return text
    return head if L.noise_kind(last) == "share" else text


def _join_split_bylines(units: list[L.Unit], roles: list[str | None], found: _Found) -> None:
    """A byline whose label ends its own line ("By", "Written by", "Posted March 5, 2024 by")
    and whose names fill the next one: page markup puts the two in separate elements."""
    for index in range(len(units) - 1):
        if roles[index] is not None or roles[index + 1] is not None:
            continue
        label = units[index].text.strip(" —–-|:")
        if not label or label.split()[-1].casefold() not in _SPLIT_BYLINE_LABEL_ENDS:
            continue
        byline = parse_byline(L.unglue(f"{label} {units[index + 1].text}"))
        if byline is None or not byline.authors:
            continue
        roles[index] = "byline:label"
        roles[index + 1] = byline.rule
        found.bylines[index + 1] = byline


def _mark_outside(units: list[L.Unit], roles: list[str | None], found: _Found, region: Region) -> None:
    """Lines outside the article region are navigation; credits below it (comments,
    teasers) name other people's work."""
    for index in range(len(units)):
        if not region.start <= index < region.end and roles[index] is None:
            roles[index] = "nav:outside"
    for index in [i for i in found.bylines if i >= region.end]:
        del found.bylines[index]
    for index in [i for i in found.dates if i >= region.end]:
        del found.dates[index]


def _mark_around_block(
    units: list[L.Unit], roles: list[str | None], found: _Found, region: Region, given_title: str | None
) -> None:
    """Narrow a page dump to its body blocks (see :func:`prose_blocks`) and the header just above them.

    A text with fewer than three lines of page furniture and no menus around it is taken as
    an article copied with care and left whole.

    Below the block: teasers, footers and comments are not body, and bylines or dates more
    than a credit line's distance below name other stories, unless only furniture separates
    a byline from the block and no author was named above. Above it: only a window of lines
    can hold the headline, byline and date; with no title given, the headline is picked in that
    window and every line above it is navigation; a line that is only a person's name between
    the headline and the block is the author; prose there (captions, notices) is not body,
    except a dek candidate right under the headline.
    """
    if not region.trimmed and sum(1 for role in roles if role is not None) < _PAGE_DUMP_MIN_FURNITURE:
        return
    blocks = prose_blocks(units, roles, region)
    block_start, block_end = blocks[0][0], blocks[-1][1]
    in_blocks = {i for start, end in blocks for i in range(start, end)}
    text_below = [i for i in range(blocks[0][1], region.end) if roles[i] is None and i not in in_blocks]
    for index in text_below:
        roles[index] = "nav:after-body"
    header_start = max(region.start, block_start - _HEADER_WINDOW_UNITS)
    for index in range(region.start, header_start):
        if roles[index] is None:
            roles[index] = "nav:outside"

    def near(index: int) -> bool:
        """Above: within the header window. Inside: in a body block, not in the teasers
        between two blocks. Below: a credit line, with at most a few lines of other text
        between it and the body."""
        if index < block_start:
            return index >= block_start - _HEADER_WINDOW_UNITS
        if index < block_end:
            return any(start <= index < end + _CREDIT_SLACK_UNITS for start, end in blocks)
        return index < block_end + _CREDIT_SLACK_UNITS

    def closing_credit(index: int) -> bool:
        """A byline below the body with only furniture (share bars, link lists) in between: the
        article's own sign-off ("Write Jane Roe at ..."), trusted only when nothing above named
        an author."""
        return index >= block_end and not any(i < block_end and near(i) for i in found.bylines) and not [
            i for i in text_below if i < index
        ]

    for index in [i for i in found.bylines if not near(i) and not closing_credit(i)]:
        del found.bylines[index]
    for index in [i for i in found.dates if not near(i)]:
        del found.dates[index]
    if given_title is not None:
        return
    title_index = _pick_headline(units, roles, header_start, block_start, block_end)
    if title_index is None:
        return
    roles[title_index] = TITLE
    found.title = L.without_site_name(units[title_index].text)
    for index in range(header_start, title_index):
        if roles[index] is None:
            roles[index] = "nav:outside"
    between = [i for i in range(title_index + 1, max(block_start, title_index + 1)) if roles[i] is None]
    for index in between:
        name = parse_lone_name(units[index].text)
        if name is not None and L.word_count(units[index].text) <= _LONE_NAME_MAX_WORDS:
            roles[index] = "byline:lone-name"
            found.bylines[index] = Byline(authors=[name], rule="byline:lone-name-under-title")
    between = [i for i in between if roles[i] is None]
    for index in between[1:]:
        if _is_prose(units[index].text):
            roles[index] = "header:prose"


def _pick_headline(
    units: list[L.Unit], roles: list[str | None], start: int, block_start: int, block_end: int
) -> int | None:
    """The headline near the top of the body block.

    Candidates are headline-shaped lines of three words or more that are not a lone name or
    a job title, above the block or, when a byline or date follows them closely, among its
    first lines (the block may open with teasers above the headline), unless a candidate
    above the block already has its byline or date under it; a line taken as an item of a
    link list also counts only when a byline or date follows it. Each candidate
    scores for its length (up to 18 words), for a byline or date right under it (less with
    a dek between) and for headline capitals; it loses for a closing full stop and for each
    text line between it and the top of the block. When the line above the winner (furniture
    skipped) is a shorter candidate, the winner is the dek under that headline.
    """
    reach = min(block_end, block_start + _TITLE_INSIDE_BLOCK_UNITS)
    candidates = [
        i for i in range(start, reach)
        if _is_headline_candidate(units[i].text)
        and (roles[i] is None or roles[i] == "link-list:item")
        and (
            (i < block_start and roles[i] is None)
            or (_opens_block(roles, block_start, i) and _furniture_within(roles, i, reach))
        )
    ]
    if not candidates:
        return None
    above_with_furniture = [i for i in candidates if i < block_start and _furniture_within(roles, i, block_start)]
    if above_with_furniture:
        candidates = [i for i in candidates if i < block_start]

    def score(index: int) -> float:
        text = units[index].text
        lines_between = range(index + 1, block_start) if index < block_start else range(block_start, index)
        distance = sum(1 for i in lines_between if roles[i] is None)
        value = min(L.word_count(text), _TITLE_SCORE_MAX_WORDS) - _TITLE_DISTANCE_COST * distance
        furniture = _furniture_distance(roles, index, reach)
        value += 0.0 if furniture is None else _TITLE_FURNITURE_BONUS / (1 + furniture)
        value += _TITLE_CAPITALS_BONUS if _headline_styled(text) else 0.0
        value -= _TITLE_FULL_STOP_COST if L.strip_closers(text).endswith(".") else 0.0
        return value

    best = max(reversed(candidates), key=score)
    previous = [i for i in range(start, best) if roles[i] is None]
    headline_above = previous[-1] if previous and previous[-1] in candidates else None
    if headline_above is not None and L.word_count(units[headline_above].text) < L.word_count(units[best].text):
        return headline_above
    return best


def _is_headline_candidate(text: str) -> bool:
    """Headline-shaped, three words or more, opening with a capital, digit or quote; not a
    kicker ending in a dash, a "By ..." line, a name or a job title."""
    if L.word_count(text) < _HEADLINE_MIN_WORDS or not _is_headline_shaped(text):
        return False
    first = text.lstrip()[:1]
    if not (first.isupper() or first.isdigit() or not first.isalnum()):
        return False
    if patterns.shape("byline_lead").match(text.lstrip()):
        return False
    if text.rstrip().endswith(("—", "–", "-", "|")):
        return False
    return parse_lone_name(text) is None and not is_role_line(text)


def _is_headline_shaped(text: str) -> bool:
    """A few words, not too long; unlike :func:`_is_title_candidate` it may end with "?",
    "!" or a full stop, since a page's headline stands out by place, not by punctuation."""
    words = L.word_count(text)
    if not _TITLE_MIN_WORDS <= words <= _TITLE_MAX_WORDS or not _TITLE_MIN_CHARS <= len(text) <= _TITLE_MAX_CHARS:
        return False
    return not L.strip_closers(text).endswith((":", ";", "…", ","))


def _opens_block(roles: list[str | None], block_start: int, index: int) -> bool:
    """Among the first few text lines of the block (teasers above the headline), not deep in the body."""
    return sum(1 for role in roles[block_start:index] if role is None) <= _TITLE_INSIDE_BLOCK_TEXT_LINES


def _furniture_within(roles: list[str | None], index: int, end: int) -> bool:
    """A byline or date line right under the unit (see :func:`_furniture_distance`)."""
    return _furniture_distance(roles, index, end) is not None


def _furniture_distance(roles: list[str | None], index: int, end: int) -> int | None:
    """How many text lines (0 or 1, a dek) come between the unit and a byline or date line
    within a few lines under it; None when there is none. Other furniture, such as a share
    bar, may come between too; a closing credit ("Reporting by ...") ends a body, so it
    does not count."""
    text_lines = 0
    for role in roles[index + 1 : min(end, index + 1 + _TITLE_FURNITURE_REACH)]:
        if role is None:
            text_lines += 1
            if text_lines > 1:
                return None
        elif (role.startswith("byline") and not role.startswith(_CLOSING_CREDIT_ROLE)) or role == "date":
            return text_lines
    return None


def _title_above_region(units: list[L.Unit], roles: list[str | None], found: _Found, region: Region) -> None:
    """The headline of a page dump, found above the navigation that precedes the article."""
    candidates = [
        i for i in range(region.start) if roles[i] == "nav:outside" and _is_title_candidate(units[i].text)
    ]
    index = repeated_title(units, region.start, candidates)
    if index is not None:
        roles[index] = TITLE
        found.title = L.collapse_spaces(units[index].text)


def _mark_link_lists(units: list[L.Unit], roles: list[str | None]) -> None:
    """Remove the headline-like lines listed under a "Related Stories"-style header."""
    inside = False
    for index, unit in enumerate(units):
        if roles[index] == "link-list:header":
            inside = True
            continue
        if not inside:
            continue
        if roles[index] is not None:
            continue
        if L.is_link_title(unit.text):
            roles[index] = "link-list:item"
        else:
            inside = False


def _is_title_candidate(text: str) -> bool:
    """Headline-shaped: a few words, not too long, not ending like a running sentence."""
    words = L.word_count(text)
    if not _TITLE_MIN_WORDS <= words <= _TITLE_MAX_WORDS:
        return False
    if not _TITLE_MIN_CHARS <= len(text) <= _TITLE_MAX_CHARS:
        return False
    return not L.strip_closers(text).endswith((".", ":", ";", "…", ","))


def _furniture_follows(roles: list[str | None], index: int) -> bool:
    """Whether page furniture (a byline, date, share bar...) comes right after the unit.

    A line ending in "?" or "!" is taken as the headline only then: otherwise it may be the
    opening question of a body that has no headline.
    """
    return index + 1 < len(roles) and roles[index + 1] is not None


def _headline_styled(text: str) -> bool:
    """Written as a headline: a kicker ("China: A leaking dam?") or most long words capitalised."""
    head, colon, rest = text.partition(": ")
    if colon and rest and L.word_count(head) <= _KICKER_MAX_WORDS and head[:1].isupper():
        return True
    long_words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    capitalised = [w for w in long_words if w[:1].isupper()]
    return len(long_words) >= 2 and len(capitalised) / len(long_words) >= _HEADLINE_CAPITALISED_SHARE


def _is_dek(units: list[L.Unit], roles: list[str | None], index: int) -> bool:
    """A standalone line after the title that stands apart from the body that follows."""
    text = units[index].text
    if len(text) > _DEK_MAX_CHARS or L.word_count(text) < _DEK_MIN_WORDS or find_dateline(text):
        return False
    later = [i for i in range(index + 1, len(units)) if roles[i] is None]
    if not any(_is_prose(units[i].text) for i in later):
        return False
    if text.rstrip().endswith((",", "-", "–", "—")):
        return False
    if not L.ends_like_sentence(text):
        return True
    if L.word_count(text) > _DEK_WITH_PERIOD_MAX_WORDS:
        return False
    next_body = later[0]
    between = roles[index + 1 : next_body]
    return any(role is not None and (role.startswith("byline") or role == "date") for role in between)


def _read_header(units: list[L.Unit], roles: list[str | None], found: _Found, given_title: str | None) -> int:
    """Title, dek and header furniture; returns the index of the first body unit."""
    title_index = next((i for i, role in enumerate(roles) if role == TITLE), None)
    dek_checked = False
    for index, unit in enumerate(units):
        if title_index is None and _headline_with_site(units, roles, found, index, given_title):
            title_index = index
            continue
        if roles[index] is not None:
            continue
        text = unit.text
        dateline = find_dateline_line(text)
        if dateline is not None:
            roles[index] = DATELINE_LINE
            found.dateline = dateline
            continue
        if given_title is not None and L.starts_with_title(text, given_title):
            roles[index] = TITLE if title_index is None else "duplicate-title"
            title_index = title_index if title_index is not None else index
            continue
        if given_title is None and title_index is None and _is_title_candidate(text) and (
            not L.ends_like_sentence(text) or _furniture_follows(roles, index) or _headline_styled(text)
        ):
            roles[index] = TITLE
            title_index = index
            found.title = L.without_site_name(text)
            continue
        if title_index is not None and found.title and L.same_line(text, found.title):
            roles[index] = "duplicate-title"
            continue
        title_date = _title_with_date(text, found.title) if title_index is not None else None
        if title_date is not None:
            roles[index] = "duplicate-title"
            found.dates[index] = title_date
            continue
        if title_index is not None and not dek_checked:
            dek_checked = True
            if _is_dek(units, roles, index):
                roles[index] = SUBTITLE
                found.subtitle = L.collapse_spaces(text)
                continue
        if _is_prose(text):
            return index
        roles[index] = _header_leftover(units, roles, index, found)
    return len(units)


def _headline_with_site(
    units: list[L.Unit], roles: list[str | None], found: _Found, index: int, given_title: str | None
) -> bool:
    """ "Putin Meets Erdogan | Reuters" above any title reads as a name and an agency (or a
    photo credit). It is the headline when it repeats the given title or, with no title
    given, when three or more words come before the site name."""
    if roles[index] not in _SITE_LINE_ROLES:
        return False
    head = L.split_site_name(units[index].text)
    if head is None:
        return False
    if given_title is not None:
        is_headline = L.same_line(head, given_title)
    else:
        is_headline = L.word_count(head) >= _HEADLINE_MIN_WORDS_BEFORE_SITE and _is_title_candidate(head)
    if not is_headline:
        return False
    roles[index] = TITLE
    found.title = given_title or head
    found.bylines.pop(index, None)
    return True


def _title_with_date(text: str, title: str | None) -> DateLine | None:
    """A heading repeating the title with the date after it ("Title Tuesday, May 5, 2015")."""
    if not title:
        return None
    words = text.split()
    title_words = len(title.split())
    if len(words) <= title_words or not L.same_line(" ".join(words[:title_words]), title):
        return None
    return parse_date_line(" ".join(words[title_words:]))


def _header_leftover(units: list[L.Unit], roles: list[str | None], index: int, found: _Found) -> str:
    """A short line in the header: a lone author name beside a date or job-title line, else navigation."""
    if is_role_line(units[index].text):
        return "byline:role"
    name = parse_lone_name(units[index].text)
    if name is not None and L.word_count(units[index].text) <= _LONE_NAME_MAX_WORDS + 2:
        neighbours = [i for i in (index - 1, index + 1) if 0 <= i < len(units)]
        if any(_is_byline_company(units[i].text, roles[i]) for i in neighbours):
            found.bylines[index] = Byline(authors=[name], rule="byline:lone-name")
            return "byline:lone-name"
    return "header:short"


def _is_byline_company(text: str, role: str | None) -> bool:
    """A line that keeps a byline company: a date line, a byline, or a job title."""
    if role is not None and (role == "date" or role.startswith("byline")):
        return True
    return role is None and is_role_line(text)


def _is_prose(text: str) -> bool:
    """Body text: a sentence, or a line long enough to be one without its full stop."""
    return L.is_sentence_like(text) or L.word_count(text) >= _BODY_WITHOUT_PERIOD_MIN_WORDS


def _read_trailer(units: list[L.Unit], roles: list[str | None], found: _Found, first_body: int) -> None:
    """After the last prose paragraph: an author bio and short leftovers are not body."""
    body = [i for i in range(first_body, len(units)) if roles[i] is None]
    prose = [i for i in body if _is_prose(units[i].text)]
    if not prose:
        return
    last = prose[-1]
    for index in body:
        if index > last and any(c.isalpha() for c in units[index].text):
            roles[index] = "trailer:short"
    if len(prose) > _BIO_MIN_BODY_UNITS:
        name = author_bio(units[last].text)
        if name is not None:
            roles[last] = "byline:bio"
            found.bylines[last] = Byline(authors=[name], rule="byline:bio")
            _drop_name_over_bio(units, roles, body, last, name)


def _drop_name_over_bio(units: list[L.Unit], roles: list[str | None], body: list[int], bio: int, name: str) -> None:
    """The author's name set alone on the line above their bio is part of the bio box."""
    above = [i for i in body if i < bio and roles[i] is None]
    if above and L.same_line(parse_lone_name(units[above[-1]].text) or "", name):
        roles[above[-1]] = "byline:lone-name"


def _body_paragraphs(units: list[L.Unit], roles: list[str | None], found: _Found, first_body: int) -> list[str]:
    """The kept paragraphs, the dateline cut from the first and a closing credit from the last."""
    body = [i for i in range(first_body, len(units)) if roles[i] is None]
    for i in body:
        roles[i] = BODY
    paragraphs = [units[i].text for i in body]
    if paragraphs and found.dateline is None:
        dateline = find_dateline(paragraphs[0])
        if dateline is not None:
            found.dateline = dateline.text
            paragraphs[0] = paragraphs[0][dateline.body_start :]
    if paragraphs:
        last_text, credit = split_trailing_credit(paragraphs[-1])
        if credit is not None and last_text:
            paragraphs[-1] = last_text
            found.bylines[body[-1]] = credit
    return paragraphs


def _fallback_body(units: list[L.Unit], roles: list[str | None]) -> list[str]:
    """No prose found (a headline alone, a list of short lines): keep every line not named
    as page furniture, the title included, rather than return an empty article."""
    kept = [i for i, role in enumerate(roles) if role in _FALLBACK_ROLES]
    for i in kept:
        roles[i] = BODY
    return [units[i].text for i in kept]
