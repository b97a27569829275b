"""The state shared by every concern of resolving one document, and the words several concerns use.

``ResolutionState`` declares what ``resolve._Resolution`` holds, so that each concern's mixin
shows the state it reads; the candidates gathered here become actors in ``resolve``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan

from newsgraph.actors.lexicon import Entry, Lexicon, Match
from newsgraph.records import ActorKind, Article


INDEFINITE = {"a", "an", "one", "another"}
DEFINITE = {"the", "this", "that"}
NEGATING_PREFIXES = {"pro", "anti", "non"}
CONJUNCTIONS = {"and", "or", "&"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
#: Sectors of a state's own bodies: no antecedent for "the group", and a possessor whose country
#: its forces take ("his forces" after a president).
STATE_SECTORS = {"", "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "DIP", "ELI"}
CAPITAL_RULE = "actor:lexicon:capital-metonym"
#: Sectors written after an international body's code ("UN troops" -> UNMIL, as the Phoenix
#: dictionaries code peacekeepers); an IGO's officials and envoys take the bare code.
IGO_BRANCH_SECTORS = {"MIL", "LEG", "JUD", "COP", "SPY"}
FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP"}
UNKNOWN_COUNTRY = "---"
BUSINESS_SECTOR = "BUS"


@dataclass(slots=True)
class Candidate:
    """One mention before actors are formed; ``identity`` decides which actor it joins."""

    start: int
    end: int
    text: str
    rule: str
    identity: str
    name: str
    kind: ActorKind
    code: str | None = None
    role: str | None = None
    quality: int = 0
    gender: str | None = None
    head: int = -1
    title_word: str | None = None
    sector: str | None = None


class ResolutionState:
    """What resolving one document holds, set by ``resolve._Resolution``; the helpers every concern uses."""

    lex: Lexicon
    doc: Doc
    text: str
    article: Article
    headline_tokens: set[int]
    entities: list[SpacySpan]
    all_matches: list[Match]
    matches: list[Match]
    match_of: dict[int, Match]
    absorbed: set[int]
    taken: list[tuple[int, int]]
    candidates: list[Candidate]
    person_tokens: set[int]
    described_heads: set[int]
    appositives: list[Candidate]
    leader_names: dict[int, Candidate]
    _document_abbreviations: set[str] | None
    national_titles: list[tuple[int, str, str]]
    genders: dict[int, str | None]

    def _code(self, entry: Entry) -> str | None:
        return entry.code_on(self.article.published)

    def _span_text(self, start_token: int, end_token: int) -> tuple[int, int, str]:
        start = self.doc[start_token].idx
        last = self.doc[end_token - 1]
        end = last.idx + len(last.text)
        return start, end, self.text[start:end]

    def _is_free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.taken)

    def _take(self, start: int, end: int) -> None:
        self.taken.append((start, end))

    def _sector_match(self, i: int) -> Match | None:
        match = self.match_of.get(i)
        return match if match is not None and match.entry.kind == "sector" else None

    def _named_match(self, i: int) -> Match | None:
        match = self.match_of.get(i)
        if match is None or match.entry.kind in ("sector", "person"):
            return None
        return match
