"""Find the stretches of text between quotation marks.

Works on characters, not tokens, so it is cheap and independent of the tokenizer. The quote
state is reset at every paragraph boundary: an unbalanced mark cannot swallow the rest of the
article. The one exception is the news convention for a quote running over several
paragraphs: each paragraph opens with a mark, and only the last one closes; a transcript's
paragraphs opening with a mark and a speaker's label ("“WALLACE: ...") are turns of their own,
and a quotation left open at a paragraph's end goes on into a paragraph whose first mark closes it.
Typing slips are tolerated where they cannot be read otherwise: a space inside the marks, a
closing mark forgotten at the end of a quoting paragraph, typographic marks nested in straight ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.quotes.lexicon import QuoteMark, lexicon

_PARAGRAPH = re.compile(r"[^\n]+")
_SINGLE_CLOSERS = frozenset("’'")
UNCLOSED_MIN_WORDS = 4
_TURN_LABEL = re.compile(r"[A-Z][A-Z.’'-]*(?:[ \t]+[A-Z][A-Z.’'-]*){0,3}:\s")
_UTTERANCE_STOPS = frozenset(",.?!…")
_UNCLOSED_LEAD_END = frozenset(".?!:,”\"")
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
    prev = text[i - 1] if i > 0 else "\n"
    if nxt.isspace() and not text[i + 1:i + 5].lstrip(" ").startswith(("…", "...")) \
            and not _opens_before_space(text, i, mark, prev):
        return False  # a quotation may open on an ellipsis: “ … if the vote were held today”
    if mark.role == "close" or _elided_year(text, i, mark):
        return False
    if mark.role == "open":
        # "‘" after a letter is a typographic apostrophe gone wrong ("rock ‘n’ roll" aside), not a quote
        return not (mark.family == "single" and prev.isalnum())
    return prev.isspace() or prev in _OPENING_CONTEXT or prev in lexicon().quote_marks


def _elided_year(text: str, i: int, mark: QuoteMark) -> bool:
    """A single mark before two digits stands for the century left out ("in ‘08", "the ‘90s"):
    an apostrophe, not a quotation opening."""
    return mark.family == "single" and text[i + 1:i + 3].isdigit() and not text[i + 3:i + 4].isdigit()


def _opens_before_space(text: str, i: int, mark: QuoteMark, prev: str) -> bool:
    """A typographic opening double mark typed with a stray space after it (said. “ You know,
    ...”): it still opens, when written after a space and followed by one space and a capital."""
    return mark.role == "open" and mark.family == "double" and prev.isspace() \
        and text[i + 1:i + 2] == " " and text[i + 2:i + 3].isupper()


def _closes_after_space(text: str, i: int) -> bool:
    """“... a disgrace, ” he said: a double mark typed with a stray space before it still closes,
    after the comma or stop that ends the quoted words and before no word of its own."""
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    return text[i - 2] in _UTTERANCE_STOPS and text[i - 1] == " " and not nxt.isalnum()


def _can_close(text: str, i: int, mark: QuoteMark) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    if prev.isspace():
        # 'Clinton,' ": a double mark closing right after a nested single one, a space between
        return mark.family == "double" and mark.role != "open" and i >= 2 and (
            text[i - 2] in _SINGLE_CLOSERS or _closes_after_space(text, i))
    if mark.role == "open":
        # a typo'd closer: an opening mark after the last word, before a space or the line end
        nxt = text[i + 1] if i + 1 < len(text) else "\n"
        return mark.family == "double" and (nxt.isspace() or nxt in ",.;)[")
    if mark.family in ("single",):
        nxt = text[i + 1] if i + 1 < len(text) else "\n"
        # an apostrophe inside a word ("don't", "Russia's") never closes a quote
        return not nxt.isalnum()
    return True


def _single_typed_for_double(text: str, open_at: int, i: int, mark: QuoteMark) -> bool:
    """“Let’s go. We can win.’ Schumer ...: a single closing mark typed for the double one. It
    closes a double quotation when it follows the stop or comma that ends the quoted words,
    stands before a space or the line end, and no single quotation was opened inside."""
    if mark.family != "single" or mark.role == "open":
        return False
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if text[i - 1] not in _UTTERANCE_STOPS or not nxt.isspace():
        return False
    inner = text[open_at + 1:i]
    if "‘" in inner:
        return False
    marks = lexicon().quote_marks
    return not any(ch == "'" and _can_open(inner, k, marks[ch]) for k, ch in enumerate(inner))


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
    """Read ``''`` (two apostrophes standing for a double mark) as one ``"``, and two backticks
    (the opening mark of text that went through a tokenizer, as in ``Yes,'' he said) as one
    ``“``, keeping offsets.

    The spare character becomes a space on the outer side, so an opening pair still opens
    and a closing pair still closes.
    """
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    i = 0
    while i < len(chars) - 1:
        if chars[i] == "`" and chars[i + 1] == "`":
            chars[i], chars[i + 1] = " ", "\u201c"
            i += 2
        elif chars[i] == "'" and chars[i + 1] == "'":
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
    carried_straight = False
    for p, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        family = ""
        current: MarkedSpan | None = None
        i = p_start
        straight = False  # the quotation open now was opened by a straight mark
        if carried is not None:
            reopen = _opens_with_mark(text, p_start, p_end, carried.family)
            if reopen is not None:
                current, family, open_at = carried, carried.family, reopen
                straight = marks[text[reopen]].role == "both"
                i = reopen + 1
            elif _continues_sentence(text, p_start, p_end) or _closes_unopened(text, p_start, p_end, carried.family):
                current, family, open_at, straight = carried, carried.family, p_start - 1, carried_straight
            carried = None
        nested = 0
        while i < p_end:
            mark = marks.get(text[i])
            if mark is not None:
                if open_at is None:
                    if _can_open(text, i, mark):
                        open_at, family = i, mark.family
                        current = MarkedSpan(family=family)
                        straight = mark.role == "both"
                        label = _TURN_LABEL.match(text, i + 1, p_end) if not text[p_start:i].strip() else None
                        if label is not None:
                            open_at = label.end() - 1  # the turn's words follow its speaker's label
                elif straight and mark.family == family and mark.role == "open" and i == open_at + 1:
                    open_at, straight = i, False  # "“...”: a stray straight mark doubling the real one
                elif straight and mark.family == family and mark.role == "open" and _can_open(text, i, mark):
                    nested += 1  # "... as “The Journal” wrote ...": typographic marks nested in straight ones
                elif straight and nested and mark.family == family and mark.role == "close":
                    nested -= 1
                elif i > open_at + 1 and ((_closes(family, mark) and _can_close(text, i, mark))
                                          or (family == "double" and _single_typed_for_double(text, open_at, i, mark))):
                    assert current is not None
                    current.pieces.append((open_at + 1, i))
                    spans.append(current)
                    open_at, current = None, None
            i += 1
        if open_at is not None and current is not None:
            nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
            reopen = _opens_with_mark(text, nxt[0], nxt[1], family) if nxt is not None else None
            if reopen is not None and _TURN_LABEL.match(text, reopen + 1, nxt[1]) is not None:
                # a transcript: the next paragraph opens the next speaker's turn ("“WALLACE: ...")
                current.pieces.append((open_at + 1, _trim_end(text, open_at + 1, p_end)))
                spans.append(current)
            elif reopen is not None or (nxt is not None and (_continues_sentence(text, nxt[0], nxt[1])
                                                             or _closes_unopened(text, nxt[0], nxt[1], family))):
                current.pieces.append((open_at + 1, _trim_end(text, open_at + 1, p_end)))
                carried, carried_straight = current, straight
            elif not current.pieces and _unclosed_sentence(text, p_start, open_at, _before_source_tag(text, p_end)):
                end = _before_source_tag(text, p_end)
                current.pieces.append((open_at + 1, _trim_end(text, open_at + 1, end)))
                spans.append(current)
    return spans


def _continues_sentence(text: str, start: int, end: int) -> bool:
    """A paragraph opening in lower case: the line was broken inside a sentence ("... to
    participate personally¶in caucuses and primaries.”"), so a quotation still open goes on."""
    first = text[start:end].lstrip()[:1]
    return first.isalpha() and first.islower()


def _closes_unopened(text: str, start: int, end: int, family: str) -> bool:
    """A paragraph whose first mark of the family closes a quotation it never opened (said, “We
    learned a lot.¶It was an emotional day.”): the writer left out the mark that opens each
    paragraph of a long quotation, so the one open before goes on to this closing mark."""
    marks = lexicon().quote_marks
    for i in range(start, end):
        mark = marks.get(text[i])
        if mark is None or mark.family != family or (mark.family == "single" and _inside_word(text, i)):
            continue
        return not _can_open(text, i, mark) and _can_close(text, i, mark) and text[i - 1] in _UTTERANCE_STOPS
    return False


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


_SOURCE_TAG = re.compile(r"\s*\[[^\[\]\n]{1,40}\]\s*$")


def _before_source_tag(text: str, end: int) -> int:
    """Where a paragraph's words end before a digest's bracketed source tag ("... states. [Gallup.]")."""
    line_start = text.rfind("\n", 0, end) + 1
    match = _SOURCE_TAG.search(text, line_start, end)
    return match.start() if match is not None else end


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _unclosed_sentence(text: str, p_start: int, open_at: int, p_end: int) -> bool:
    """A double mark opening a quotation whose closing mark was forgotten at the paragraph's end
    (..., she said. “His record speaks for itself. It always has.¶): the rest of the paragraph
    is the quote when the mark opens the paragraph or follows a sentence end, a comma or a colon,
    and the rest ends a sentence, holds no other mark and runs for a few words. A mark opening
    in the middle of the writer's sentence stays a stray mark."""
    lead = text[p_start:open_at].rstrip()
    if lead and lead[-1] not in _UNCLOSED_LEAD_END:
        return False
    mark = lexicon().quote_marks.get(text[open_at])
    rest = text[open_at + 1:_trim_end(text, open_at + 1, p_end)]
    if mark is None or mark.family != "double" or not rest or rest[-1] not in ".?!…":
        return False
    if any(ch in lexicon().quote_marks for ch in rest if ch not in "’'"):
        return False
    return len(rest.split()) >= UNCLOSED_MIN_WORDS
