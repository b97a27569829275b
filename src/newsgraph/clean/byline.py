"""Bylines and credit lines: who wrote the article.

Recognised shapes (each must be the whole line, so a body sentence is never taken):
"By Jane Doe and John Roe", "By JANE DOE, Associated Press", "Jane Doe | Reuters",
"By Jane Doe | March 4, 2024", "Write James Marson at ...", "Reporting by A; Editing by B",
and an author bio closing the article ("Jane Doe is a reporter for ...").
Authors come out without "By", e-mail addresses, agencies or job titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.clean import patterns
from newsgraph.clean.dates import DateLine, parse_date_line

_MAX_BYLINE_CHARS = 400
_MAX_NAME_TOKENS = 5
_MAX_AFFILIATION_WORDS = 8
_INITIAL = re.compile(r"^(?:[^\W\d_]\.)+$")
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_]{1,3}['’])?[^\W\d_][^\W\d_.'’\-]*(?:[-'’][^\W\d_]+)*\.?$")


@dataclass(slots=True)
class Byline:
    """A line recognised as a byline: the authors it names and any date it carries."""

    authors: list[str] = field(default_factory=list)
    date: DateLine | None = None
    rule: str = "byline"


def _normal_spaces(text: str) -> str:
    return " ".join(text.split())


def _fix_capitals(name: str) -> str:
    """An all-capitals name ("JANE DOE") in ordinary capitalisation ("Jane Doe")."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) <= 3 or not all(c.isupper() for c in letters):
        return name

    def word(token: str) -> str:
        if _INITIAL.match(token):
            return token
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), token)

    return " ".join(word(token) for token in name.split())


def valid_name(text: str) -> str | None:
    """The text as a person's name if it looks like one (2-5 capitalised words), else None."""
    name = _normal_spaces(text).strip(" ,;:.()[]\"'“”")
    if name.endswith((" Jr", " Sr")):
        name += "."
    tokens = name.split()
    if not 2 <= len(tokens) <= _MAX_NAME_TOKENS:
        return None
    if patterns.is_agency(name):
        return None
    stopwords = patterns.name_stopwords()
    particles = patterns.name_particles()
    suffixes = patterns.name_suffixes()
    substantial = 0
    for position, token in enumerate(tokens):
        folded = token.casefold()
        if folded.rstrip(".") in stopwords:
            return None
        if folded in particles and 0 < position < len(tokens) - 1:
            continue
        if folded in suffixes and position == len(tokens) - 1 and position >= 2:
            continue
        if _INITIAL.match(token):
            continue
        if not _NAME_TOKEN.match(token) or not token[0].isupper() or folded.endswith(("'s", "’s")):
            return None
        substantial += 1
    if substantial == 0 or all(t.casefold().strip(".") in patterns.job_title_words() for t in tokens):
        return None
    return _fix_capitals(name)


def _strip_name_tails(text: str) -> str:
    text = patterns.shape("name_place_tail", ignore_case=False).sub("", text)
    return patterns.shape("name_outlet_tail", ignore_case=False).sub("", text).strip()


def _names_in_group(text: str) -> list[str] | None:
    """Names joined by "and"/"&" ("Jane Doe and John Roe", ", and John Roe" after an Oxford
    comma); an agency among them ("Jane Doe and The Associated Press") is left out. None if
    any other piece is not a name."""
    pieces = [p for p in patterns.shape("name_joiner").split(text.strip()) if p.strip()]
    if len(pieces) > 1:
        pieces = [piece for piece in pieces if not patterns.is_agency(piece)]
    names = [valid_name(_strip_name_tails(piece)) for piece in pieces]
    if not names or any(name is None for name in names):
        return None
    return [name for name in names if name]


def _is_affiliation(text: str) -> bool:
    """A byline part naming an agency, outlet (or its web address), job title or place
    rather than a person."""
    words = text.split()
    if not words or len(words) > _MAX_AFFILIATION_WORDS:
        return False
    if patterns.is_agency(text) or _is_web_domain(text):
        return True
    if any(w.casefold().strip(".,") in patterns.job_title_words() for w in words):
        return True
    return words[0][0].isupper() or words[0][0].isdigit()


def names_from_credit(text: str) -> list[str] | None:
    """Names in "Jane Doe, John Roe and Mary Major, Reuters": a list, then affiliations.

    Comma parts after the first are names only when a later part closes the list with
    "and"; otherwise they are affiliations ("Jane Doe, Kyiv Independent"). None when the
    text is not a credit at all (a part is neither a name list nor an affiliation).
    """
    text = patterns.shape("email").sub("", text).strip(" ,;:")
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return None
    last_list_end = 0
    for index, part in enumerate(parts):
        if patterns.shape("name_joiner").search(part) and _names_in_group(part):
            last_list_end = index
    names: list[str] = []
    for part in parts[: last_list_end + 1]:
        group = _names_in_group(part)
        if group is None:
            if patterns.is_agency(part) or _only_job_title(part):
                continue
            return None
        names.extend(group)
    if not all(_is_affiliation(part) for part in parts[last_list_end + 1 :]):
        return None
    return names


def _only_job_title(text: str) -> bool:
    words = [w.casefold().strip(".,") for w in text.split()]
    known = patterns.job_title_words()
    return bool(words) and all(w in known or patterns.is_agency(w) for w in words)


def _credit_line(text: str) -> Byline | None:
    """ "Reporting by A in Kyiv; Additional reporting by C; Editing by B" (parentheses allowed)."""
    inner = text.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    segments = [s.strip() for s in re.split(r";|\s+/\s+", inner) if s.strip()]
    roles = patterns.author_roles()
    authors: list[str] = []
    for segment in segments:
        match = patterns.shape("credit_segment").fullmatch(segment.rstrip("."))
        if not match:
            return None
        role = _normal_spaces(match.group("role")).casefold()
        if role not in roles:
            return None
        names = names_from_credit(match.group("names"))
        if names is None:
            return None
        if roles[role]:
            authors.extend(names)
    return Byline(authors=authors, rule="byline:credit-line")


def _contact_line(text: str) -> Byline | None:
    """ "Write James Marson at jm@example.com", "Contact Jane Doe on Twitter"."""
    lead = patterns.shape("contact_lead").match(text)
    if not lead:
        return None
    rest = text[lead.end():]
    tail = patterns.shape("contact_tail").search(rest)
    if not tail:
        return None
    names = _names_in_group(rest[: tail.start()])
    if not names:
        return None
    return Byline(authors=names, rule="byline:write-to")


def _by_piece(piece: str) -> tuple[list[str], DateLine | None] | None:
    """A "By ..." piece: its names (possibly none: "By The Associated Press") and a date."""
    lead = patterns.shape("byline_lead").match(piece)
    if not lead:
        return None
    rest = piece[lead.end():]
    date: DateLine | None = None
    cue = patterns.shape("byline_date_cue").search(rest)
    if cue:
        date = parse_date_line(rest[cue.end():])
        if date is None:
            return None
        rest = rest[: cue.start()]
    names = names_from_credit(rest)
    if names is None:
        return None
    if not names and not (patterns.is_agency(rest) or _agency_with_title(rest)):
        return None
    return names, date


def _agency_with_title(text: str) -> bool:
    """ "AP Staff", "Reuters staff writers", "The Associated Press", "Staff": no person named."""
    if patterns.is_agency(text):
        return True
    words = [w.strip(".,") for w in text.split()]
    titles = patterns.job_title_words()
    while words and words[-1].casefold() in titles:
        words.pop()
    return len(words) < len(text.split()) and (not words or patterns.is_agency(" ".join(words)))


def parse_byline(line: str) -> Byline | None:
    """The line as a byline, or None. The whole line must be byline material."""
    text = _normal_spaces(line)
    if not text or len(text) > _MAX_BYLINE_CHARS:
        return None
    for shaped in (_credit_line, _contact_line):
        found = shaped(text)
        if found is not None:
            return found
    pieces = [
        piece
        for part in patterns.shape("meta_separator").split(text)
        if part and part.strip()
        for piece in _split_date_by(part)
    ]
    authors: list[str] = []
    date: DateLine | None = None
    saw_by = saw_names = saw_companion = False
    for piece in pieces:
        piece = piece.strip()
        if patterns.shape("email").fullmatch(piece):
            continue  # "By Jane Doe | jdoe@example.com": the address is not a name
        by = _by_piece(piece)
        if by is not None:
            saw_by = True
            authors.extend(by[0])
            date = date or by[1]
            continue
        as_date = parse_date_line(piece)
        if as_date is not None:
            date = date or as_date
            saw_companion = True
            continue
        if patterns.is_agency(piece) or _only_job_title(piece) or _agency_with_title(piece) or _is_read_time(piece):
            saw_companion = True
            continue
        names = names_from_credit(piece)
        if names:
            saw_names = True
            saw_companion = saw_companion or _names_an_agency(piece)
            authors.extend(names)
            continue
        return None
    if saw_by or (saw_names and saw_companion):
        return Byline(authors=_unique(authors), date=date, rule="byline:by" if saw_by else "byline:name-agency")
    return None


def _names_an_agency(piece: str) -> bool:
    """ "Jane Doe, Reuters", "Jane Doe, example.com": a comma part is an agency, a job title
    or the outlet's web address."""
    return any(
        patterns.is_agency(part) or _only_job_title(part) or _is_web_domain(part) for part in piece.split(",")[1:]
    )


def _is_web_domain(text: str) -> bool:
    return bool(patterns.shape("web_domain").fullmatch(text.strip()))


def _split_date_by(part: str) -> list[str]:
    """ "Posted on 5 March 2024 by Jane Doe" -> the date and the "by" piece."""
    pieces = patterns.shape("by_after_date").split(part, maxsplit=1)
    if len(pieces) == 2 and parse_date_line(pieces[0]) is not None:
        return pieces
    return [part]


def _is_read_time(piece: str) -> bool:
    return any(rule.pattern.fullmatch(piece) for rule in patterns.noise_rules_of_kind("share"))


def parse_lone_name(line: str) -> str | None:
    """A line that is only a person's name, maybe with a place ("Jane Doe in Kyiv")."""
    text = _normal_spaces(line)
    if len(text) > 60 or "," in text:
        return None
    return valid_name(patterns.shape("name_place_tail", ignore_case=False).sub("", text))


def is_role_line(line: str) -> bool:
    """A short job-title line under a name: "Europe correspondent", "Staff Writer"."""
    words = [w.casefold().strip(".,") for w in _normal_spaces(line).split()]
    if not words or len(words) > 6:
        return False
    return words[-1] in patterns.job_title_nouns() or all(w in patterns.job_title_words() for w in words)


def author_bio(paragraph: str) -> str | None:
    """The author's name from a closing bio ("Jane Doe is a reporter for ..."), else None."""
    text = _normal_spaces(paragraph)
    match = patterns.shape("author_bio", ignore_case=False).fullmatch(text)
    if not match:
        return None
    return valid_name(match.group("name"))


def split_trailing_credit(paragraph: str) -> tuple[str, Byline | None]:
    """A last paragraph without its closing "(Reporting by ...; Editing by ...)"."""
    match = patterns.shape("trailing_credit").search(paragraph)
    if not match:
        return paragraph, None
    credit = _credit_line(match.group(0).strip())
    if credit is None:
        return paragraph, None
    return paragraph[: match.start()].rstrip(), credit


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept
