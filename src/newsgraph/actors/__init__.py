"""Actors: mentions of people, organisations, countries and groups, resolved to canonical actors.

Other stages import from here only: the resolver, the rule names of place actors (which the event
coder keeps for last-resort targets, and reads as a meeting's venue in "the Geneva talks") and the
relation nouns (whose possessor is never the actor).
"""

from newsgraph.actors.lexicon import PLACE_RULE, load_relation_nouns
from newsgraph.actors.resolve import LOCATIVE_PLACE_RULE, ActorResolver
from newsgraph.actors.state import CAPITAL_RULE

__all__ = ["ActorResolver", "CAPITAL_RULE", "LOCATIVE_PLACE_RULE", "PLACE_RULE", "load_relation_nouns"]
