"""Raw scraped text -> :class:`~newsgraph.records.Article`.

The cleaner works on paragraph units (see :mod:`newsgraph.clean.lines`) in three passes:

1. each unit alone: byline, date line, dateline-only line, page noise, link-list header;
2. position: the header zone before the first body paragraph gives the title, the dek and
   drops short navigation lines; link lists under "Related Stories"-style headers go; the
   trailer after the last prose paragraph loses its short leftovers and an author bio;
3. the body: every remaining paragraph, with the dateline cut from the first one.

It errs on keeping text: a paragraph is dropped only when a rule names it as furniture.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from newsgraph.clean import lines as L
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
from newsgraph.clean.regions import Region, article_region, repeated_title
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
    _mark_link_lists(units, roles)
    region = article_region(units, roles)
    _mark_outside(units, roles, found, region)
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
    byline = parse_byline(unit.text)
    if byline is not None:
        found.bylines[index] = byline
        return byline.rule
    date = parse_date_line(unit.text)
    if date is not None:
        found.dates[index] = date
        return "date"
    if L.is_link_list_header(unit.text):
        return "link-list:header"
    kind = L.noise_kind(unit.text)
    if kind is not None:
        return f"noise:{kind}"
    return None


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
    title_index: int | None = None
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
