"""Batch jobs over many inputs: analyse and store, with progress and resume."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TextIO

from newsgraph.ingest import IngestError, iter_documents
from newsgraph.pipeline import Pipeline
from newsgraph.records import AnalyzedDocument, Article, RawDocument
from newsgraph.store import Store, input_hash

if TYPE_CHECKING:
    from newsgraph.ingest.warc import WarcStats


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.replaced + self.unchanged + self.skipped + len(self.failed)

    def line(self) -> str:
        return (
            f"{self.seen} documents: {self.added} added, {self.replaced} replaced, "
            f"{self.unchanged} unchanged, {self.skipped} already stored, {len(self.failed)} failed"
        )


def _hash_raw(raw: RawDocument) -> str:
    return input_hash("\x1f".join([raw.kind, raw.title or "", str(raw.published or ""), raw.content]))


class Progress:
    """Prints a progress line to stderr at most every ``interval`` seconds."""

    def __init__(self, stream: TextIO | None = None, interval: float = 2.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.start = self.last = time.monotonic()

    def __call__(self, report: IngestReport, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self.last < self.interval:
            return
        self.last = now
        rate = report.seen / max(now - self.start, 1e-9)
        print(f"newsgraph: {report.line()} ({rate:.1f} docs/s)", file=self.stream, flush=True)

    def archive(self, name: str, stats: WarcStats) -> None:
        """One line per WARC read: how many records became documents and why the others did not."""
        print(f"newsgraph: {name}: {stats.summary()}", file=self.stream, flush=True)


def ingest(
    inputs: Iterable[str],
    store: Store,
    pipeline: Pipeline,
    progress: Callable[[IngestReport, bool], None] | None = None,
) -> IngestReport:
    """Analyse every document in ``inputs`` and store it; inputs already stored are skipped."""
    report = IngestReport()
    hashes: dict[str, str] = {}
    on_archive = progress.archive if isinstance(progress, Progress) else None

    def todo() -> Iterator[RawDocument | AnalyzedDocument]:
        for item in iter_documents(inputs, on_archive=on_archive):
            if isinstance(item, IngestError):
                yield AnalyzedDocument(article=Article(id=item.source or "input", text=""), error=str(item))
                continue
            digest = _hash_raw(item)
            if store.has(item.id, digest):
                report.skipped += 1
                continue
            hashes[item.id] = digest
            yield item

    for doc in pipeline.pipe(todo()):
        if doc.error:
            report.failed.append(doc.error)
        else:
            result = store.put(doc, hashes.pop(doc.id, ""))
            setattr(report, result.status, getattr(report, result.status) + 1)
        if progress:
            progress(report, False)
    if progress:
        progress(report, True)
    return report
