"""Events: who did what to whom, coded in PLOVER with CAMEO codes and Goldstein scores."""

from newsgraph.events.coder import EventCoder

__all__ = ["EventCoder"]
