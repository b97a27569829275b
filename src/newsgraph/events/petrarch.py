"""A user's PETRARCH verb dictionary (e.g. CAMEO.2.0.txt) as an extra verb lexicon, read at run time.

PETRARCH's dictionaries hold many years of coders' verb patterns with fine CAMEO codes. A
user who has one can load it (``EventCoder.load_verb_dictionary``) the way actor lexicons are
loaded; nothing of it is shipped with newsgraph. Where it matches a verb it decides the code,
as in PETRARCH (the coder keeps its own code only where that narrows the dictionary's within
the same family). Only what maps onto newsgraph's dependency reading is used:

* a verb block (``--- NAME [code] ---``): its verb forms and default code. The written form
  is looked up before the lemma, so "LEFT" can have a block apart from "LEAVE"; a two-word
  form ("+BREAK_DOWN", "+" marking the verb) matches a verb whose dependent is the other word;
* its patterns (``- words * words [code]``): the words after ``*`` must occur, in order,
  among the words of the verb's own phrase (not of the clauses hung on it), the words before
  ``*`` before the verb; ``&SYNSET`` stands for any word of the synonym set; a pattern of
  prepositions or particles only ("* ON") names the verb's own. The pattern matching the most
  words wins, else the verb form's own code (``ASK [020]``), else the block's default; a code
  the caller cannot use (not CAMEO, as in WEIS-derived dictionaries) is passed over.
* role markers: ``+`` marks the target's phrase and ``$`` the source's (the first noun phrase
  naming an actor between the matched words around the marker, after the phrases each ``^``
  before it skips); ``%`` makes coordinated sources act on each other.
* ``[042:043]``: the code after the colon is the target's act back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from spacy.tokens import Token

BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
PATTERN_LINE = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
ROLE_MARKERS = frozenset({"$", "+", "%", "^"})
# Clauses hung on a verb whose words are not part of its own phrase for pattern matching.
EMBEDDED_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj"})
# A pattern made only of these words ("* ON", "* (FOR)") names the verb's own preposition or particle.
FUNCTION_POS = frozenset({"ADP", "PART"})


@dataclass(frozen=True, slots=True)
class RoleSlot:
    """Where a pattern's ``$`` (source) or ``+`` (target) sits: on which side of the verb, after
    how many of that side's words, and how many noun phrases ``^`` skips before it."""

    after_verb: bool
    words_before: int
    skips: int


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """Word alternatives before and after the verb, the CAMEO code and the marked roles."""

    before: tuple[frozenset[str], ...]
    after: tuple[frozenset[str], ...]
    code: str
    text: str
    source: RoleSlot | None = None
    target: RoleSlot | None = None
    reverse: str | None = None
    compound: bool = False

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(slots=True)
class VerbBlock:
    name: str
    default: str | None
    default_reverse: str | None = None
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MarkedPhrase:
    """The words a pattern's role marker covers in a sentence, and how many noun phrases to skip."""

    tokens: tuple[Token, ...]
    skips: int


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """A dictionary's code for a verb; ``reverse`` is the target's act back to the source
    (``[042:043]``: a visit made and hosted), where the dictionary gives one."""

    code: str
    label: str
    from_pattern: bool
    source: MarkedPhrase | None = None
    target: MarkedPhrase | None = None
    reverse: str | None = None
    compound: bool = False
    """The pattern's ``%``: coordinated sources act on each other."""


def _code(text: str) -> str | None:
    """'042:043' -> '042' (the source's code), ':020' -> '020', '---' -> None."""
    for part in text.replace(" ", "").split(":"):
        if part and part != "---":
            return part
    return None


def _reverse_code(text: str) -> str | None:
    """'042:043' -> '043' (the target's act back); None without a source code before the colon."""
    parts = text.replace(" ", "").split(":")
    if len(parts) != 2 or not parts[0] or parts[0] == "---" or parts[1] in ("", "---"):
        return None
    return parts[1]


def _words(text: str) -> list[str]:
    """Lower-cased words of a form: '_' joins words, a trailing '_' marks an exact form."""
    return [w for w in text.strip("_").lower().split("_") if w]


class VerbDictionary:
    """Verb form -> its blocks, with synonym sets expanded."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.synsets: dict[str, set[str]] = {}
        self.blocks: dict[str, list[VerbBlock]] = {}
        # Two-word forms ("BREAK_DOWN", "WIRE_TAP"), by their verb word: the other word and
        # whether it follows the verb.
        self.phrasal: dict[str, list[tuple[str, bool]]] = {}
        self.form_codes: dict[str, str] = {}  # "ASK [020]": a form's own default code, as written
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
                block = VerbBlock(header.group(1).lower(), _code(header.group(2)), _reverse_code(header.group(2)))
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
            forms = line.split("{")[0].split()[:1] + (irregular.group(1).split() if irregular else [])
            for form in forms:
                key = self._form_key(form)
                if key is None:
                    continue
                if block not in self.blocks.setdefault(key, []):
                    self.blocks[key].append(block)
                if own_code is not None:
                    self.form_codes[key] = own_code.group(1)
        for owner, body, code in raw_patterns:
            parsed = self._pattern(body, code)
            if parsed is not None:
                owner.patterns.append(parsed)

    def _form_key(self, form: str) -> str | None:
        """A verb form's key: the word itself, or for a two-word form ("+BREAK_DOWN", where "+"
        marks the verb, else the first word) both words, registered under its verb word."""
        parts = [w for w in form.strip("_").split("_") if w.strip("+")]
        if len(parts) == 1:
            return parts[0].lstrip("+").lower()
        if len(parts) != 2:
            return None  # longer forms cannot be read off one verb and one dependent
        verb_index = next((i for i, w in enumerate(parts) if w.startswith("+")), 0)
        verb_word, other = parts[verb_index].lstrip("+").lower(), parts[1 - verb_index].lstrip("+").lower()
        if (other, verb_index == 0) not in self.phrasal.setdefault(verb_word, []):
            self.phrasal[verb_word].append((other, verb_index == 0))
        return "_".join(w.lstrip("+").lower() for w in parts)

    def _forms(self, verb: Token) -> tuple[str, list[VerbBlock]] | None:
        """The dictionary form a verb token is, with its blocks: a two-word form whose other word
        depends on the verb ("broke down", "wire tapped") first, then the written form (a
        dictionary may give "LEFT" a block of its own, apart from "LEAVE"), then the lemma."""
        for word in (verb.lower_, verb.lemma_.lower()):
            for other, after in self.phrasal.get(word, []):
                if any(c.lower_ == other and (c.i > verb.i) == after for c in verb.children):
                    key = f"{word}_{other}" if after else f"{other}_{word}"
                    if key in self.blocks:
                        return key, self.blocks[key]
        for word in (verb.lower_, verb.lemma_.lower()):
            if word in self.blocks:
                return word, self.blocks[word]
        return None

    def _pattern(self, body: str, code_text: str) -> VerbPattern | None:
        code = _code(code_text)
        if code is None or "*" not in body:
            return None
        before_text, _, after_text = body.partition("*")
        before = self._alternatives(before_text, after_verb=False)
        after = self._alternatives(after_text, after_verb=True)
        if before is None or after is None:
            return None
        slots = {**before[1], **after[1]}
        return VerbPattern(tuple(before[0]), tuple(after[0]), code, body.strip(), slots.get("$"), slots.get("+"),
                           _reverse_code(code_text), "%" in body.split())

    def _alternatives(self, text: str, *, after_verb: bool
                      ) -> tuple[list[frozenset[str]], dict[str, RoleSlot]] | None:
        """One side's word alternatives, and where its ``$`` and ``+`` markers sit."""
        out: list[frozenset[str]] = []
        slots: dict[str, RoleSlot] = {}
        skips = 0
        for item in re.sub(r"[(){}]", " ", text).split():
            if item == "^":
                skips += 1
                continue
            if item in ("$", "+"):
                slots.setdefault(item, RoleSlot(after_verb, len(out), skips))
                continue
            if item in ROLE_MARKERS or item.startswith("$") or item.startswith("+") or item.startswith("%"):
                continue
            skips = 0
            if item.startswith("&"):
                members = self.synsets.get(item[1:].strip("_").upper())
                if not members:
                    return None
                out.append(frozenset(members))
                continue
            out.extend(frozenset({w}) for w in _words(item))
        return out, slots

    def match(self, verb: Token, usable: Callable[[str], bool] = bool) -> VerbMatch | None:
        """The code for this verb token: the best matching pattern, else its block's default;
        patterns and defaults whose code the caller cannot use (``usable``) are passed over."""
        forms = self._forms(verb)
        if forms is None:
            return None
        form, blocks = forms
        after = sorted(_own_phrase(verb), key=lambda t: t.i)
        before = [t for t in verb.sent if t.i < verb.i]
        best: tuple[tuple[int, int, int], VerbPattern, list[int], list[int]] | None = None
        for block in blocks:
            for pattern in (p for p in block.patterns if usable(p.code)):
                found_after = _positions(pattern.after, after)
                found_before = _positions(pattern.before, before)
                if found_after is None or found_before is None:
                    continue
                if found_after and all(after[i].pos_ in FUNCTION_POS for i in found_after) and any(
                        after[i].head != verb for i in found_after):
                    continue  # "press * ON": the verb's own particle, not an "on" deep in its object
                reach = found_after[-1] + 1 if found_after else 0
                exact = sum(after[i].lower_ in pattern.after[n] for n, i in enumerate(found_after))
                exact += sum(before[i].lower_ in pattern.before[n] for n, i in enumerate(found_before))
                # More words first; among equals, the pattern whose words sit closest to the verb,
                # then the one whose words are the sentence's own forms ("sanctions" before "sanction").
                rank = (pattern.size, -reach, exact)
                if best is None or rank > best[0]:
                    best = (rank, pattern, found_before, found_after)
        if best is not None:
            _, pattern, found_before, found_after = best
            sides = {False: (before, found_before), True: (after, found_after)}
            return VerbMatch(pattern.code, f"petrarch:{blocks[0].name}:{pattern.text}", True,
                             _marked(pattern.source, sides), _marked(pattern.target, sides), pattern.reverse,
                             pattern.compound)
        own = self.form_codes.get(form)
        own_code = _code(own) if own is not None else None
        if own_code is not None and usable(own_code):
            return VerbMatch(own_code, f"petrarch:{blocks[0].name}:{form}", False, reverse=_reverse_code(own))
        for block in blocks:
            if block.default is not None and usable(block.default):
                return VerbMatch(block.default, f"petrarch:{block.name}", False, reverse=block.default_reverse)
        return None


def _marked(slot: RoleSlot | None, sides: dict[bool, tuple[list[Token], list[int]]]) -> MarkedPhrase | None:
    """The words between the matched word before a role marker and the matched word after it."""
    if slot is None:
        return None
    tokens, positions = sides[slot.after_verb]
    start = positions[slot.words_before - 1] + 1 if slot.words_before else 0
    end = positions[slot.words_before] if slot.words_before < len(positions) else len(tokens)
    return MarkedPhrase(tuple(tokens[start:end]), slot.skips)


def _own_phrase(verb: Token) -> list[Token]:
    """The words after the verb in its own phrase: its objects and complements, not the
    clauses hung on it (a reported clause, a relative or adverbial clause, a coordinated verb)."""
    out: list[Token] = []
    stack = [c for c in verb.children if c.i > verb.i]
    while stack:
        token = stack.pop()
        if token.dep_ in EMBEDDED_CLAUSE_DEPS or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
            continue
        out.append(token)
        stack.extend(token.children)
    return out


def _positions(wanted: tuple[frozenset[str], ...], tokens: list[Token]) -> list[int] | None:
    """Where the wanted words occur, in order (the first occurrence of each after the last);
    None when they are not all there."""
    found: list[int] = []
    position = 0
    for alternatives in wanted:
        while position < len(tokens) and not (tokens[position].lower_ in alternatives
                                              or tokens[position].lemma_.lower() in alternatives):
            position += 1
        if position >= len(tokens):
            return None
        found.append(position)
        position += 1
    return found
