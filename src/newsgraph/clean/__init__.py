"""Cleaning: raw scraped text or a clean body -> :class:`~newsgraph.records.Article`."""

from newsgraph.clean.text import clean_raw, from_clean_text

__all__ = ["clean_raw", "from_clean_text"]
