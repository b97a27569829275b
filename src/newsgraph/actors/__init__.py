"""Actors: mentions of people, organisations, countries and groups, resolved to canonical actors."""

from newsgraph.actors.resolve import ActorResolver

__all__ = ["ActorResolver"]
