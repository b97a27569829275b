"""A user's PETRARCH verb dictionary (e.g. CAMEO.2.0.txt) as an extra verb lexicon, read at run time.

PETRARCH's dictionaries hold many years of coders' verb patterns with fine CAMEO codes. A
user who has one can load it (``EventCoder.load_verb_dictionary``) the way actor lexicons are
loaded; nothing of it is shipped with newsgraph. The coder asks it only about verbs its own
dictionary does not code. Only what maps onto newsgraph's dependency reading is used:

* a verb block (``--- NAME [code] ---``): its verb forms and default code;
* its patterns (``- words * words [code]``): the words after ``*`` must occur, in order,
  among the words that follow the verb in its own phrase, the words before ``*`` before the
  verb; ``&SYNSET`` stands for any word of the synonym set; ``$``, ``+`` and ``%`` (source,
  target, compound markers) are left to newsgraph's actor reading. The pattern matching the
  most words wins, else the verb form's own code (``ASK [020]``), else the block's default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
PATTERN_LINE = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
ROLE_MARKERS = frozenset({"$", "+", "%", "^"})


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """Word alternatives before and after the verb, and the CAMEO code."""

    before: tuple[frozenset[str], ...]
    after: tuple[frozenset[str], ...]
    code: str
    text: str

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(slots=True)
class VerbBlock:
    name: str
    default: str | None
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class VerbMatch:
    code: str
    label: str
    from_pattern: bool


def _code(text: str) -> str | None:
    """'042:043' -> '042' (the source's code), ':020' -> '020', '---' -> None."""
    for part in text.replace(" ", "").split(":"):
        if part and part != "---":
            return part
    return None


def _words(text: str) -> list[str]:
    """Lower-cased words of a form: '_' joins words, a trailing '_' marks an exact form."""
    return [w for w in text.strip("_").lower().split("_") if w]


class VerbDictionary:
    """Verb lemma -> its blocks, with synonym sets expanded."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.synsets: dict[str, set[str]] = {}
        self.blocks: dict[str, list[VerbBlock]] = {}
        self.form_codes: dict[str, str | None] = {}  # "ASK [020]": a form's own default code
        self._read(Path(path).read_text(encoding="utf-8", errors="replace"))

    def _read(self, text: str) -> None:
        lines = [re.sub(r"<!--.*?-->", "", line).split("#", 1)[0].strip() for line in text.splitlines()]
        synset: str | None = None
        block: VerbBlock | None = None
        raw_patterns: list[tuple[VerbBlock, str, str]] = []  # parsed last: synsets may come later
        for line in lines:
            if not line:
                synset = None
                continue
            header = BLOCK_HEADER.match(line)
            if header:
                synset = None
                block = VerbBlock(header.group(1).lower(), _code(header.group(2)))
                continue
            if line.startswith("&"):
                synset = line[1:].split()[0].strip("_").upper()
                self.synsets.setdefault(synset, set())
                continue
            if synset is not None:
                member = _words(line[1:].split()[0]) if line.startswith("+") else []
                if len(member) == 1:  # multi-word members cannot match one token
                    self.synsets[synset].add(member[0])
                continue
            if block is None:
                continue
            pattern = PATTERN_LINE.match(line)
            if pattern:
                raw_patterns.append((block, pattern.group(1), pattern.group(2)))
                continue
            if line.startswith("-"):
                continue
            own_code = re.search(r"\[([^\]]*)\]", line)
            irregular = re.search(r"\{([^}]*)\}", line)
            forms = line.lstrip("+").split("{")[0].split()[:1] + (irregular.group(1).split() if irregular else [])
            for form in forms:
                words = _words(form)
                if len(words) != 1:
                    continue
                if block not in self.blocks.setdefault(words[0], []):
                    self.blocks[words[0]].append(block)
                if own_code is not None:
                    self.form_codes[words[0]] = _code(own_code.group(1))
        for owner, body, code in raw_patterns:
            parsed = self._pattern(body, code)
            if parsed is not None:
                owner.patterns.append(parsed)

    def _pattern(self, body: str, code_text: str) -> VerbPattern | None:
        code = _code(code_text)
        if code is None or "*" not in body:
            return None
        before_text, _, after_text = body.partition("*")
        before = self._alternatives(before_text)
        after = self._alternatives(after_text)
        if before is None or after is None:
            return None
        return VerbPattern(tuple(before), tuple(after), code, body.strip())

    def _alternatives(self, text: str) -> list[frozenset[str]] | None:
        out: list[frozenset[str]] = []
        for item in re.sub(r"[(){}]", " ", text).split():
            if item in ROLE_MARKERS or item.startswith("$") or item.startswith("+") or item.startswith("%"):
                continue
            if item.startswith("&"):
                members = self.synsets.get(item[1:].strip("_").upper())
                if not members:
                    return None
                out.append(frozenset(members))
                continue
            out.extend(frozenset({w}) for w in _words(item))
        return out

    def match(self, verb: Token) -> VerbMatch | None:
        """The code for this verb token: the best matching pattern, else its block's default."""
        blocks = self.blocks.get(verb.lemma_.lower()) or self.blocks.get(verb.lower_)
        if not blocks:
            return None
        after = sorted((t for t in verb.subtree if t.i > verb.i), key=lambda t: t.i)
        before = [t for t in verb.sent if t.i < verb.i]
        best: tuple[int, int, VerbPattern] | None = None
        for block in blocks:
            for pattern in block.patterns:
                reach = _reach(pattern.after, after)
                if reach is None or _reach(pattern.before, before) is None:
                    continue
                # More words first; among equals, the pattern whose words sit closest to the verb.
                if best is None or (pattern.size, -reach) > (best[0], best[1]):
                    best = (pattern.size, -reach, pattern)
        if best is not None:
            return VerbMatch(best[2].code, f"petrarch:{blocks[0].name}:{best[2].text}", True)
        lemma = verb.lemma_.lower() if verb.lemma_.lower() in self.blocks else verb.lower_
        if self.form_codes.get(lemma):
            return VerbMatch(str(self.form_codes[lemma]), f"petrarch:{blocks[0].name}:{lemma}", False)
        for block in blocks:
            if block.default is not None:
                return VerbMatch(block.default, f"petrarch:{block.name}", False)
        return None


def _reach(wanted: tuple[frozenset[str], ...], tokens: list[Token]) -> int | None:
    """How many tokens it takes to find the wanted words in order; None when they are not all there."""
    position = 0
    for alternatives in wanted:
        while position < len(tokens) and not (tokens[position].lower_ in alternatives
                                              or tokens[position].lemma_.lower() in alternatives):
            position += 1
        if position >= len(tokens):
            return None
        position += 1
    return position
