"""Quotations: direct, indirect and mixed, attributed to speakers."""

from newsgraph.quotes.extract import QuoteExtractor

__all__ = ["QuoteExtractor"]
