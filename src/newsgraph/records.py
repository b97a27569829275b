"""Typed records passed between stages.

Every stage reads and writes these dataclasses and nothing else, so a stage can be
rewritten without touching its neighbours. Offsets are character offsets into
``Article.text`` (the clean body); every record names the rule or model that made it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Literal

ActorKind = Literal["person", "organization", "country", "group", "anonymous"]
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into the article text."""

    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(slots=True)
class RawDocument:
    """One input document as ingestion found it, before cleaning.

    Exactly one of ``raw`` (scraped text), ``html`` or ``text`` (an already clean body)
    is set; ``kind`` says which.
    """

    id: str
    kind: Literal["raw", "html", "text"]
    content: str
    source: str | None = None
    title: str | None = None
    published: _dt.date | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Article:
    """The clean article: metadata and the body every span indexes into."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: _dt.date | None = None
    boilerplate: list[str] = field(default_factory=list)
    dateline: str | None = None
    url: str | None = None
    language: str | None = None
    extractor: str = "none"


@dataclass(slots=True)
class Mention:
    """One place in the text that refers to an actor."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(slots=True)
class Actor:
    """A canonical participant of the document, with all its mentions."""

    id: str
    name: str
    kind: ActorKind
    code: str | None = None
    role: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    rule: str = ""
    sector: str | None = None
    """PLOVER 2.0 sector; differs from ``code``'s CAMEO agent where the schemes differ (DIP vs GOV)."""

    @property
    def country(self) -> str | None:
        """ISO3 country part of a state code (``RUSGOV`` -> ``RUS``)."""
        if self.code and len(self.code) >= 3 and self.code[:3].isalpha() and self.code[:3].isupper():
            return self.code[:3]
        return None


@dataclass(slots=True)
class ActorTable:
    """The actors stage's output: actors plus a lookup from text offsets to actors.

    Later stages (quotes, events) resolve a span of text to an actor only through
    :meth:`actor_at`, never through the actors stage's internals.
    """

    actors: list[Actor] = field(default_factory=list)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Actor]]:
        """All mentions lying inside ``[start, end)``, in text order."""
        found = [
            (m, a)
            for a in self.actors
            for m in a.mentions
            if start <= m.start and m.end <= end
        ]
        return sorted(found, key=lambda pair: (pair[0].start, -pair[0].end))

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor best matching the span: the widest mention inside it, else one overlapping it."""
        inside = self.mentions_in(start, end)
        if inside:
            return max(inside, key=lambda pair: pair[0].end - pair[0].start)[1]
        for actor in self.actors:
            for m in actor.mentions:
                if m.start < end and start < m.end:
                    return actor
        return None


@dataclass(slots=True)
class SpeakerRef:
    """Who a quote is attributed to; ``actor`` is an :class:`Actor` id when resolved."""

    name: str
    actor: str | None = None
    start: int | None = None
    end: int | None = None
    kind: ActorKind | None = None


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: SpeakerRef
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    addressee: str | None = None
    confidence: float = 0.5
    rule: str = ""
    spans: list[Span] | None = None


@dataclass(slots=True)
class Participant:
    """An event's source or target: the actor, its code and the words that named it."""

    name: str
    actor: str | None = None
    code: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Event:
    type: str
    source: Participant
    sentence: Span
    sentence_text: str
    target: Participant | None = None
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    reciprocal: bool = False
    negated: bool = False
    hypothetical: bool = False
    date: _dt.date | None = None
    location: str | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    quote: int | None = None
    confidence: float = 0.5
    rule: str = ""
    section: Literal["body", "title", "subtitle"] = "body"
    """Where the sentence is: offsets index into ``Article.text``, or into the title or subtitle."""


@dataclass(slots=True)
class AnalyzedDocument:
    """Everything newsgraph recovered from one input, or the error that stopped it."""

    article: Article
    actors: ActorTable = field(default_factory=ActorTable)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None
    model: str | None = None

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        """The contract's object (``shared/CONTRACT.md``), with provenance fields added."""
        from newsgraph.contract import document_to_dict

        return document_to_dict(self)


def iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d else None


def first(items: Iterable[Any]) -> Any:
    for item in items:
        return item
    return None
