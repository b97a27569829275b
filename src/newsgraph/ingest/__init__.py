"""Ingestion: turn paths, directories, globs and standard input into :class:`RawDocument` records.

Kinds are recognised by content first and by extension where content is ambiguous
(``shared/CONTRACT.md``). Each unreadable input or record becomes an :class:`IngestError`
in the stream, naming the input, so one bad file never stops a run.
"""

from __future__ import annotations

import datetime as _dt
import glob
import gzip
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator

from newsgraph.ingest.errors import IngestError
from newsgraph.ingest.fetch import fetch, is_url
from newsgraph.records import RawDocument

if TYPE_CHECKING:
    from newsgraph.ingest.warc import PrefixedStream, WarcStats

ArchiveCallback = Callable[[str, "WarcStats"], None]
"""Called with an archive's name and counts once it has been read to the end."""

__all__ = ["ArchiveCallback", "IngestError", "iter_documents", "sniff_kind", "MAX_DOCUMENT_BYTES"]

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
"""Largest single text or HTML document read whole; bigger inputs are refused by name."""

KNOWN_SUFFIXES = (
    ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc",
    ".rss", ".atom", ".xml", ".gz",
)
_SNIFF_BYTES = 64 * 1024


def iter_documents(
    inputs: Iterable[str], stdin: BinaryIO | None = None, on_archive: ArchiveCallback | None = None,
) -> Iterator[RawDocument | IngestError]:
    """Yield one RawDocument (or IngestError) per document found in ``inputs``, in order.

    ``on_archive`` hears of every WARC read to the end, with its counts of skipped records.
    """
    for spec in inputs:
        if spec == "-":
            yield from _from_stdin(stdin if stdin is not None else sys.stdin.buffer, on_archive)
            continue
        if is_url(spec):
            yield from _from_url(spec)
            continue
        path = Path(spec)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _known(p))
            if not files:
                yield IngestError(f"{spec}: directory holds no readable inputs", source=spec)
            for file in files:
                yield from _from_path(file, on_archive)
        elif path.exists():
            yield from _from_path(path, on_archive)
        elif any(ch in spec for ch in "*?["):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield IngestError(f"{spec}: pattern matches no file", source=spec)
            for match in matches:
                if Path(match).is_file():
                    yield from _from_path(Path(match), on_archive)
        else:
            yield IngestError(f"{spec}: no such file or directory", source=spec)


def _from_stdin(stream: BinaryIO, on_archive: ArchiveCallback | None) -> Iterator[RawDocument | IngestError]:
    """Standard input; a WARC there is streamed like a file, anything else is one capped document."""
    head = stream.read(_SNIFF_BYTES)
    kind = sniff_kind(head)
    if kind == "warc":
        from newsgraph.ingest.warc import PrefixedStream

        yield from _archive(PrefixedStream(head, stream), "<stdin>", on_archive)
        return
    if kind == "jsonl":
        yield from _jsonl_lines(_lines_after(head, stream), "<stdin>")
        return
    yield from _from_bytes(head + stream.read(MAX_DOCUMENT_BYTES + 1 - len(head)), "<stdin>", "stdin")


def _lines_after(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of ``stream``, read one line at a time."""
    first = head + (stream.readline() if head and not head.endswith(b"\n") else b"")
    yield from first.splitlines(keepends=True)
    yield from stream


def _archive(source: Path | BinaryIO | PrefixedStream, name: str,
             on_archive: ArchiveCallback | None) -> Iterator[RawDocument | IngestError]:
    from newsgraph.ingest.warc import WarcReader

    reader = WarcReader(source, name)
    yield from reader
    if on_archive is not None:
        on_archive(name, reader.stats)


def _from_url(url: str) -> Iterator[RawDocument | IngestError]:
    try:
        body, final_url, content_type = fetch(url, MAX_DOCUMENT_BYTES)
    except IngestError as exc:
        yield exc
        return
    for item in _from_bytes(body, url, url):
        if isinstance(item, RawDocument):
            item.url = final_url
            if content_type and "html" in content_type and item.kind == "raw":
                item.kind = "html"
        yield item


def _known(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in KNOWN_SUFFIXES and path.name != "README.md"


def _from_path(path: Path, on_archive: ArchiveCallback | None = None) -> Iterator[RawDocument | IngestError]:
    source = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        yield IngestError(f"{source}: cannot read: {exc.strerror or exc}", source=source)
        return
    kind = sniff_kind(head, path.name)
    if kind == "warc":
        yield from _archive(path, source, on_archive)
        return
    if kind == "jsonl":
        yield from _iter_jsonl(path)
        return
    if kind == "empty":
        yield IngestError(f"{source}: file is empty", source=source)
        return
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES and not path.name.endswith(".gz"):
        yield IngestError(
            f"{source}: {size / 1e6:.1f} MB is too large for one document "
            f"(limit {MAX_DOCUMENT_BYTES / 1e6:.0f} MB); split it or pass it as JSON Lines",
            source=source,
        )
        return
    try:
        data = _read_capped(path)
    except IngestError as exc:
        yield exc
        return
    yield from _from_bytes(data, source, _doc_id(path))


def _read_capped(path: Path) -> bytes:
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            data = fh.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise IngestError(f"{path}: cannot decompress or read: {exc}", source=str(path)) from exc
    if len(data) > MAX_DOCUMENT_BYTES:
        raise IngestError(
            f"{path}: more than {MAX_DOCUMENT_BYTES / 1e6:.0f} MB once decompressed; too large for one document",
            source=str(path),
        )
    return data


def _doc_id(path: Path) -> str:
    return str(path)


def sniff_kind(head: bytes, name: str = "") -> str:
    """Recognise an input's kind from its first bytes, then its name."""
    lower = name.lower()
    if not head:
        return "empty"
    if head[:2] == b"\x1f\x8b":
        try:
            inner = gzip.GzipFile(fileobj=io.BytesIO(head)).read(4096)
        except (OSError, EOFError):
            inner = b""
        if inner.startswith(b"WARC/") or lower.endswith((".warc.gz", ".arc.gz")):
            return "warc"
        if lower.endswith((".jsonl.gz", ".ndjson.gz")):
            return "jsonl"
        return sniff_kind(inner, lower[:-3] if lower.endswith(".gz") else lower) if inner else "binary"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if lower.endswith((".jsonl", ".ndjson")) or (stripped.startswith(b"{") and _looks_jsonl(stripped)):
        return "jsonl"
    if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    probe = stripped[:2048].lower()
    if probe.startswith(b"<?xml") or probe.startswith(b"<rss") or probe.startswith(b"<feed"):
        if b"<rss" in probe or b"<feed" in probe or b"<rdf" in probe:
            return "feed"
    if probe.startswith((b"<!doctype html", b"<html")) or b"<html" in probe or b"<body" in probe:
        return "html"
    if lower.endswith((".rss", ".atom")):
        return "feed"
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def _looks_jsonl(head: bytes) -> bool:
    first_line = head.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        return False


def _from_bytes(data: bytes, source: str, doc_id: str) -> Iterator[RawDocument | IngestError]:
    kind = sniff_kind(data[:_SNIFF_BYTES], source)
    if kind == "empty" or not data.strip():
        yield IngestError(f"{source}: input is empty", source=source)
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield IngestError(f"{source}: more than {MAX_DOCUMENT_BYTES / 1e6:.0f} MB; too large for one document", source=source)
        return
    if kind == "binary":
        yield IngestError(f"{source}: binary content, not text, HTML, JSON Lines or WARC", source=source)
        return
    if kind == "warc":
        yield from _archive(io.BytesIO(data), source, None)
        return
    from newsgraph.ingest.encoding import decode_bytes

    try:
        text = decode_bytes(data, source)
    except IngestError as exc:
        yield exc
        return
    if kind == "feed":
        from newsgraph.ingest.feed import iter_feed

        yield from iter_feed(text, source)
        return
    yield RawDocument(id=doc_id, kind="html" if kind == "html" else "raw", content=text, source=source)


def _iter_jsonl(path: Path, label: str | None = None) -> Iterator[RawDocument | IngestError]:
    """One document per line: ``id`` and one of ``text``, ``raw``, ``html`` (CONTRACT.md)."""
    name = label or str(path)
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            yield from _jsonl_lines(fh, name)
    except (OSError, EOFError) as exc:
        yield IngestError(f"{name}: stopped reading: {exc}", source=name)


def _jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[RawDocument | IngestError]:
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            yield _jsonl_record(line, f"{name}:{lineno}", name)


def _jsonl_record(line: bytes, where: str, source: str) -> RawDocument | IngestError:
    try:
        rec = json.loads(line)
    except ValueError as exc:
        return IngestError(f"{where}: not a JSON object: {exc}", source=where)
    if not isinstance(rec, dict):
        return IngestError(f"{where}: not a JSON object", source=where)
    doc_id = str(rec.get("id") or where)
    for field, kind in (("text", "text"), ("raw", "raw"), ("html", "html")):
        content = rec.get(field)
        if isinstance(content, str):
            break
    else:
        return IngestError(f"{where} (id {doc_id}): needs one of 'text', 'raw' or 'html'", source=where)
    published = None
    date_value = rec.get("date") or rec.get("published")
    if isinstance(date_value, str) and date_value:
        try:
            published = _dt.date.fromisoformat(date_value[:10])
        except ValueError:
            published = None
    title = rec.get("title") if isinstance(rec.get("title"), str) else None
    url = rec.get("url") if isinstance(rec.get("url"), str) else None
    return RawDocument(
        id=doc_id, kind=kind, content=content, source=url or f"{source}#{doc_id}",
        title=title, published=published, url=url,
    )
