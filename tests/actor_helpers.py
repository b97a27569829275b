"""Helpers the actor tests share: resolve a sentence (optionally forcing the entity model's labels)
and find the actor a phrase of it names."""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.actors import ActorResolver
from newsgraph.nlp import Parser
from newsgraph.records import Actor, ActorTable, Article


def resolve(parser: Parser, resolver: ActorResolver, text: str, forced: dict[str, str] | None = None,
            published: dt.date | str | None = None) -> ActorTable:
    """Resolve ``text`` and check the table's invariants; ``forced`` maps phrases to the entity label
    the model is made to give every occurrence of them, so that a rule's test does not hang on the
    model's mood."""
    doc = parser.parse(text)
    if forced:
        spans = []
        for phrase, label in forced.items():
            for found in re.finditer(re.escape(phrase), text):
                span = doc.char_span(found.start(), found.end(), label=label)
                assert span is not None
                spans.append(span)
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
        doc.ents = sorted(kept + spans, key=lambda e: e.start)
    day = dt.date.fromisoformat(published) if isinstance(published, str) else published
    table = resolver.resolve(doc, Article(id="t", text=text, published=day))
    check_invariants(table, text)
    return table


def check_invariants(table: ActorTable, text: str) -> None:
    """Offsets index the text, ids are unique, one actor's mentions are sorted and disjoint."""
    ids = [a.id for a in table]
    assert len(ids) == len(set(ids))
    for actor in table:
        assert actor.mentions, actor
        assert actor.rule.startswith("actor:")
        previous_end = -1
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert mention.start >= previous_end, (actor.name, actor.mentions)
            assert mention.rule.startswith("actor:")
            previous_end = mention.end


def at(table: ActorTable, text: str, phrase: str, occurrence: int = 0) -> Actor | None:
    """The actor with a mention on the ``occurrence``-th appearance of ``phrase`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return table.actor_at(start, start + len(phrase))
