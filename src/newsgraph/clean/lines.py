"""Scraped text as paragraphs ("units"), and what each unit looks like.

A page copied as text has one paragraph per line, blank lines or not between them; some
sources wrap paragraphs at a fixed width instead. :func:`split_units` recovers paragraphs
in both cases, keeping each unit's original lines so removed ones can be reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy

from newsgraph.clean import patterns

_REPAIR = ftfy.TextFixerConfig(
    unescape_html="auto",
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization=None,
    explain=False,
)
_BLOCK_BREAK = re.compile(r"\n[ \t\u00a0\u3000]*\n")
_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_WINDOW_TITLE_SEPARATOR = re.compile(r"\s+[|»•·]\s+")
_SITE_NAME_MAX_WORDS = 4
_LIST_BULLETS = ("—", "–", "- ", "•", "·", "* ", "►", "▸", "»", "›")
_CLOSERS = "\"'”’»)]*"
_TERMINAL = (".", "!", "?", "…", ":", ";")
_LONG_SENTENCE_WORDS = 25
_COLON_SENTENCE_MIN_WORDS = 4
_MAX_NOISE_CHARS = 500
_WRAP_MIN_LINES = 6
_WRAP_MAX_WIDTH = 120
_WRAP_SLACK = 20
_WRAP_SHARE = 0.7


@dataclass(slots=True)
class Unit:
    """One paragraph of the input: its text and the input lines it came from."""

    text: str
    lines: list[str] = field(default_factory=list)


def normalise_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def repair(raw: str) -> str:
    """Mojibake repaired and line endings normalised; quotes, ligatures, widths and Unicode
    normal form are left as they are, so the body keeps the characters of the page."""
    return normalise_line_endings(ftfy.fix_text(raw, _REPAIR))


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The wrap width of a fixed-width text, else None.

    In a wrapped text most lines that have a successor in the same paragraph stop near one
    width and mid-sentence; in a page copied as text such lines are short titles and
    labels, or whole paragraphs that end with a full stop.
    """
    inner = [line for block in blocks for line in block[:-1]]
    if len(inner) < _WRAP_MIN_LINES:
        return None
    width = max(len(line) for line in inner)
    if width > _WRAP_MAX_WIDTH:
        return None
    near = sum(1 for line in inner if len(line) >= width - _WRAP_SLACK)
    mid_sentence = sum(1 for line in inner if not ends_like_sentence(line))
    if near / len(inner) < _WRAP_SHARE or mid_sentence / len(inner) < _WRAP_SHARE:
        return None
    return width


def _continues(previous: str, following: str, wrap_width: int | None) -> bool:
    """Whether ``following`` is the rest of the paragraph ``previous`` started."""
    if wrap_width is not None:
        return len(previous) >= wrap_width - _WRAP_SLACK
    return not ends_like_sentence(previous) and following[:1].islower() and len(previous) >= 40


def split_units(text: str) -> list[Unit]:
    """Paragraph units in input order; blank lines and single line breaks both separate them."""
    blocks = [[ln.strip() for ln in block.split("\n") if ln.strip()] for block in _BLOCK_BREAK.split(text)]
    wrap_width = _wrap_width(blocks)
    units: list[Unit] = []
    for block in blocks:
        current: Unit | None = None
        for line in block:
            if current is not None and _continues(current.lines[-1], line, wrap_width):
                current.text = f"{current.text} {line}"
                current.lines.append(line)
                continue
            current = Unit(text=line, lines=[line])
            units.append(current)
    return units


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def strip_closers(text: str) -> str:
    """The text without trailing spaces, closing quotes and brackets."""
    return text.rstrip().rstrip(_CLOSERS)


def ends_like_sentence(text: str) -> bool:
    """Ends with a full stop, question mark and the like; a colon counts only after a few
    words ("The minister said:"), not after a form label ("Your Name:")."""
    ending = strip_closers(text)
    if ending.endswith(":"):
        return word_count(ending) >= _COLON_SENTENCE_MIN_WORDS
    return ending.endswith(_TERMINAL)


def word_count(text: str) -> int:
    return len(text.split())


def is_sentence_like(text: str) -> bool:
    """Body prose: ends like a sentence, or is long enough to be a paragraph regardless."""
    return ends_like_sentence(text) or word_count(text) >= _LONG_SENTENCE_WORDS


def noise_kind(text: str) -> str | None:
    """The kind of page furniture the whole line is ("ad", "share", "caption"...), or None."""
    line = straight_apostrophes(collapse_spaces(text))
    if not line or len(line) > _MAX_NOISE_CHARS:
        return None
    for rule in patterns.noise_rules():
        if rule.pattern.fullmatch(line):
            return rule.kind
    return None


def straight_apostrophes(text: str) -> str:
    """Typographic apostrophes as ASCII ones, so "Editor’s picks" matches "editor's picks"."""
    return text.replace("’", "'").replace("‘", "'")


def is_link_list_header(text: str) -> bool:
    """ "Related Stories", "Read more:", "Recommended" and the like."""
    line = straight_apostrophes(collapse_spaces(text)).strip(" :.-–—›»>|•·*#")
    if not line or len(line) > 60:
        return False
    return any(header.fullmatch(line) for header in patterns.link_list_headers())


def is_link_title(text: str) -> bool:
    """A line that reads like a headline linking elsewhere: short, and not ending like a
    sentence unless it opens with a list bullet ("— Teaser headline!")."""
    line = collapse_spaces(text)
    if len(line) > 200 or word_count(line) > 25:
        return False
    if line.startswith(_LIST_BULLETS):
        return True
    return not strip_closers(line).endswith((".", "!", "…", ":", ";"))


def same_line(a: str, b: str) -> bool:
    """Equal after case, spacing, quotes and edge punctuation are ignored (title comparison)."""
    return _comparable(a) == _comparable(b) and bool(_comparable(a))


def _comparable(text: str) -> str:
    folded = collapse_spaces(text).casefold()
    folded = re.sub(r"[\"'“”‘’`«»]", "", folded)
    return folded.strip(" .:;,!?-–—|")


def split_site_name(line: str) -> str | None:
    """The headline part of "Headline | Site name" or "Headline - Site name", else None."""
    parts = _SITE_SEPARATOR.split(collapse_spaces(line), maxsplit=1)
    return parts[0] if len(parts) == 2 and parts[0] else None


def without_site_name(title: str) -> str:
    """ "Global Voices Online » Headline" or "Headline • Site" -> the headline part; a
    breadcrumb trail glued before it ("News / World / Headline") goes too."""
    title = without_breadcrumbs(title)
    parts = [p.strip() for p in _WINDOW_TITLE_SEPARATOR.split(collapse_spaces(title))]
    if len(parts) != 2 or not all(parts):
        return collapse_spaces(title)
    short, long = sorted(parts, key=word_count)
    if word_count(short) <= _SITE_NAME_MAX_WORDS and word_count(long) >= 3:
        return long
    return collapse_spaces(title)


_BREADCRUMB_SEPARATOR = re.compile(r"\s+[/>›]\s+")
_BREADCRUMB_MAX_WORDS = 3


def without_breadcrumbs(title: str) -> str:
    """ "News / India News / Headline" -> "Headline": two or more short section names before
    the last part, which must itself be a few words long."""
    parts = [p.strip() for p in _BREADCRUMB_SEPARATOR.split(collapse_spaces(title))]
    if len(parts) < 3 or not all(parts):
        return collapse_spaces(title)
    *trail, last = parts
    if all(word_count(p) <= _BREADCRUMB_MAX_WORDS for p in trail) and word_count(last) >= 3:
        return last
    return collapse_spaces(title)


def starts_with_title(line: str, title: str) -> bool:
    """The line is the title, possibly followed by " | Site name" or " - Site name"."""
    if same_line(line, title):
        return True
    head = split_site_name(line)
    return head is not None and same_line(head, title)


_CAMEL_JOIN = re.compile(r"(?<=[A-Za-z.])(?=[A-Z][a-z]+)")
_YEAR_TIME_JOIN = re.compile(r"(?<=\b(?:19|20)\d\d)(?=\d{1,2}:\d\d)")


def unglue(text: str) -> str:
    """Words that page markup glued together put apart again, for reading metadata only:
    a label and what follows ("ByJane Doe"), and a word and a month or weekday after it
    ("Jane DoeMarch 5, 2024" -> "Jane Doe | March 5, 2024": two fields of the page's markup),
    a name and a date label after it ("Jane DoePublished: ..." -> "Jane Doe | Published: ..."),
    and a year and the time after it ("March 5, 20249:30" -> "March 5, 2024 9:30"). The body
    keeps the page's characters."""
    line = patterns.glued_label().sub(lambda match: match.group(0) + " ", text, count=1)
    line = patterns.glued_date_label().sub(" | ", line)
    calendar = patterns.calendar_words()

    def split(match: re.Match[str]) -> str:
        following = re.match(r"[A-Za-z]+", line[match.start():])
        return " | " if following and following.group(0).casefold() in calendar else ""

    return _YEAR_TIME_JOIN.sub(" ", _CAMEL_JOIN.sub(split, line))
