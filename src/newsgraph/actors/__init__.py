"""Actors: mentions of people, organisations, countries and groups, resolved to canonical actors.

Other stages import from here only: the resolver, the rule name of place actors (which the event
coder keeps for last-resort targets) and the relation nouns (whose possessor is never the actor).
"""

from newsgraph.actors.lexicon import load_relation_nouns
from newsgraph.actors.resolve import LOCATIVE_PLACE_RULE, ActorResolver

__all__ = ["ActorResolver", "LOCATIVE_PLACE_RULE", "load_relation_nouns"]
