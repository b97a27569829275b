"""The one error type ingestion raises, kept apart so every ingest module can import it."""

from __future__ import annotations


class IngestError(ValueError):
    """An input that cannot be read as a document; the message names the input and the cause."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source
