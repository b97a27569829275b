"""Find the stretches of text between quotation marks.

Works on characters, not tokens, so it is cheap and independent of the tokenizer. The quote
state is reset at every paragraph boundary: an unbalanced mark cannot swallow the rest of the
article. The one exception is the news convention for a quote running over several
paragraphs: each paragraph opens with a mark, and only the last one closes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.quotes.lexicon import QuoteMark, lexicon

_PARAGRAPH = re.compile(r"[^\n]+")
_SINGLE_CLOSERS = frozenset("’'")
_OPENING_CONTEXT = set(" \t\u00a0([{—–-/:") | {"\u2014", "\u2013"}


@dataclass(slots=True)
class MarkedSpan:
    """Quoted content between an opening and a closing mark (marks excluded).

    ``pieces`` holds one ``(start, end)`` per paragraph the quote runs through.
    """

    pieces: list[tuple[int, int]] = field(default_factory=list)
    family: str = "double"

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def open_mark(self) -> int:
        return self.start - 1

    @property
    def close_mark(self) -> int:
        return self.end


def _closes(family: str, mark: QuoteMark) -> bool:
    if mark.family == family:
        return True
    return family == "guillemet" and mark.char == "»"


def _can_open(text: str, i: int, mark: QuoteMark) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if nxt.isspace() and not text[i + 1:i + 5].lstrip(" ").startswith(("…", "...")):
        return False  # a quotation may open on an ellipsis: “ … if the vote were held today”
    if mark.role == "close":
        return False
    prev = text[i - 1] if i > 0 else "\n"
    if mark.role == "open":
        # "‘" after a letter is a typographic apostrophe gone wrong ("rock ‘n’ roll" aside), not a quote
        return not (mark.family == "single" and prev.isalnum())
    return prev.isspace() or prev in _OPENING_CONTEXT or prev in lexicon().quote_marks


def _can_close(text: str, i: int, mark: QuoteMark) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    if prev.isspace():
        # 'Clinton,' ": a double mark closing right after a nested single one, a space between
        return mark.family == "double" and mark.role != "open" and i >= 2 and text[i - 2] in _SINGLE_CLOSERS
    if mark.role == "open":
        # a typo'd closer: an opening mark after the last word, before a space or the line end
        nxt = text[i + 1] if i + 1 < len(text) else "\n"
        return mark.family == "double" and (nxt.isspace() or nxt in ",.;)")
    if mark.family in ("single",):
        nxt = text[i + 1] if i + 1 < len(text) else "\n"
        # an apostrophe inside a word ("don't", "Russia's") never closes a quote
        return not nxt.isalnum()
    return True


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _opens_with_mark(text: str, start: int, end: int, family: str) -> int | None:
    """Index of the opening mark that starts a paragraph, if its family matches."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    mark = lexicon().quote_marks.get(text[i]) if i < end else None
    if mark is not None and mark.family == family and _can_open(text, i, mark):
        return i
    return None


def _normalise_doubled_apostrophes(text: str) -> str:
    """Read ``''`` (two apostrophes standing for a double mark) as one ``"``, keeping offsets.

    The spare character becomes a space on the outer side, so an opening pair still opens
    and a closing pair still closes.
    """
    if "''" not in text:
        return text
    chars = list(text)
    i = 0
    while i < len(chars) - 1:
        if chars[i] == "'" and chars[i + 1] == "'":
            before = chars[i - 1] if i > 0 else " "
            if before.isspace() or before in _OPENING_CONTEXT:
                chars[i], chars[i + 1] = " ", '"'
            else:
                chars[i], chars[i + 1] = '"', " "
            i += 2
        else:
            i += 1
    return "".join(chars)


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """All top-level quoted stretches, in text order; nested marks stay inside their quote."""
    marks = lexicon().quote_marks
    text = _normalise_doubled_apostrophes(text)
    spans: list[MarkedSpan] = []
    paragraphs = _paragraphs(text)
    carried: MarkedSpan | None = None
    for p, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        family = ""
        current: MarkedSpan | None = None
        i = p_start
        if carried is not None:
            reopen = _opens_with_mark(text, p_start, p_end, carried.family)
            if reopen is not None:
                current, family, open_at = carried, carried.family, reopen
                i = reopen + 1
            carried = None
        while i < p_end:
            mark = marks.get(text[i])
            if mark is not None:
                if open_at is None:
                    if _can_open(text, i, mark):
                        open_at, family = i, mark.family
                        current = MarkedSpan(family=family)
                elif _closes(family, mark) and _can_close(text, i, mark) and i > open_at + 1:
                    assert current is not None
                    current.pieces.append((open_at + 1, i))
                    spans.append(current)
                    open_at, current = None, None
            i += 1
        if open_at is not None and current is not None:
            nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
            if nxt is not None and _opens_with_mark(text, nxt[0], nxt[1], family) is not None:
                end = p_end
                while end > open_at + 1 and text[end - 1].isspace():
                    end -= 1
                current.pieces.append((open_at + 1, end))
                carried = current
    return spans
