"""WARC archives -> one RawDocument per HTML response record.

fastwarc parses the records.  Around it this module adds what a damaged archive needs: gzip
members are inflated one by one, so a corrupt or truncated member costs only the records in
it; inside a member a record that cannot be read is reported and parsing resumes at the next
``WARC/`` header.  Every problem becomes an :class:`IngestError` in the stream, naming the file
and the record or byte offset, and reading goes on.
"""

from __future__ import annotations

import io
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from newsgraph.ingest.encoding import decode_bytes
from newsgraph.ingest.errors import IngestError
from newsgraph.records import RawDocument

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b\x08"
_RECORD_START = b"WARC/1."
_INFLATE_CHUNK = 1 << 20


@dataclass(slots=True)
class WarcStats:
    """What one pass over an archive found: documents, skipped records by reason, errors."""

    documents: int = 0
    errors: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def records(self) -> int:
        return self.documents + sum(self.skipped.values())


@dataclass(slots=True)
class _Member:
    """A decompressed stretch of the archive and where it began in the file."""

    data: bytes
    offset: int
    complete: bool
    error: str | None = None


class WarcReader:
    """Iterate an archive's HTML pages; ``stats`` holds the counts once iteration ends."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.stats = WarcStats()
        self._index = 0

    def __iter__(self) -> Iterator[RawDocument | IngestError]:
        self.stats = WarcStats()
        self._index = 0
        try:
            data = self.path.read_bytes()
        except OSError as error:
            yield self._error(f"{self.path}: cannot read the archive ({error.strerror or error})")
            return
        if not data.strip():
            yield self._error(f"{self.path}: empty archive")
            return
        members = self._gzip_members(data) if data.startswith(_GZIP_MAGIC) else iter([_Member(data, 0, True)])
        for member in members:
            errors_before = self.stats.errors
            if member.data:
                yield from self._records(member)
            if member.error and self.stats.errors == errors_before:
                yield self._error(member.error)

    # -- decompression -------------------------------------------------------------------

    def _gzip_members(self, data: bytes) -> Iterator[_Member]:
        """Inflate gzip members one at a time; after a bad one, resume at the next gzip header."""
        offset = 0
        while offset < len(data):
            inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
            parts: list[bytes] = []
            position = offset
            try:
                while not inflater.eof and position < len(data):
                    chunk = data[position:position + _INFLATE_CHUNK]
                    position += len(chunk)
                    parts.append(inflater.decompress(chunk))
            except zlib.error as error:
                next_member = data.find(_GZIP_MAGIC, offset + 1)
                yield _Member(
                    b"".join(parts), offset, False,
                    f"{self.path}: corrupt gzip data in the member at byte {offset} ({error}); "
                    + (f"resuming at byte {next_member}" if next_member >= 0 else "no later record is readable"),
                )
                if next_member < 0:
                    return
                offset = next_member
                continue
            if not inflater.eof:
                yield _Member(
                    b"".join(parts) + inflater.flush(), offset, False,
                    f"{self.path}: the archive is truncated (gzip member at byte {offset} ends early)",
                )
                return
            parts.append(inflater.flush())
            member_start, offset = offset, position - len(inflater.unused_data)
            yield _Member(b"".join(parts), member_start, True)
            while offset < len(data) and data[offset:offset + 3] != _GZIP_MAGIC:
                if not data[offset:].strip(b"\x00\r\n\t "):
                    return
                next_member = data.find(_GZIP_MAGIC, offset)
                yield _Member(b"", offset, False, f"{self.path}: unreadable bytes at byte {offset}, not a gzip member")
                if next_member < 0:
                    return
                offset = next_member

    # -- records -------------------------------------------------------------------------

    def _records(self, member: _Member) -> Iterator[RawDocument | IngestError]:
        """Parse the records of one decompressed stretch, resynchronising after a bad one."""
        buffer = member.data
        start = buffer.find(_RECORD_START)
        if start < 0:
            if buffer.strip():
                yield self._error(f"{self.path}: no WARC record at byte {member.offset}")
            return
        if buffer[:start].strip():
            yield self._error(f"{self.path}: {start} unreadable bytes before the first record{_member_note(member)}")
        reported: set[int] = set()
        while 0 <= start < len(buffer):
            last_good: int | None = None
            expected_next: int | None = None
            try:
                for record in ArchiveIterator(io.BytesIO(buffer[start:]), parse_http=True):
                    where = start + record.stream_pos
                    if expected_next is not None and buffer[expected_next:where].strip():
                        yield self._error(f"{self.path}: {where - expected_next} unreadable bytes before the "
                                          f"record at byte {where}{_member_note(member)}")
                    expected_next = _record_end(buffer, where, record)
                    result = self._record(record, member, where)
                    last_good = where
                    if result is not None:
                        yield result
                        if isinstance(result, IngestError):
                            break
                else:
                    return
            except (OSError, ValueError, RuntimeError) as error:
                gap_from = expected_next if last_good is not None and expected_next is not None else start
                resume = buffer.find(_RECORD_START, (last_good if last_good is not None else start) + 1)
                if buffer[gap_from:resume if resume >= 0 else len(buffer)].strip() and gap_from not in reported:
                    reported.add(gap_from)
                    yield self._error(f"{self.path}: unreadable WARC data at byte {gap_from}{_member_note(member)}"
                                      f" ({error})")
                start = resume
                continue
            start = buffer.find(_RECORD_START, (last_good if last_good is not None else start) + 1)

    def _record(self, record: WarcRecord, member: _Member, where: int) -> RawDocument | IngestError | None:
        self._index += 1
        record_id = (record.record_id or "").strip("<>")
        if not record_id.isprintable() or " " in record_id:
            record_id = ""
        label = record_id or f"#{self._index}"
        declared_length = (record.headers.get("Content-Length") or "").strip()
        if not declared_length.isdigit():
            return self._error(f"{self.path}: record {label} has no valid Content-Length{_member_note(member)}")
        if _type_name(record.record_type) == "unknown":
            return self._error(f"{self.path}: record {label} has no valid WARC-Type{_member_note(member)}")
        if record.record_type != WarcRecordType.response:
            self.stats.skipped[_type_name(record.record_type)] += 1
            return None
        payload = record.reader.read()
        if len(payload) < record.content_length:
            return self._error(
                f"{self.path}: record {label} is truncated ({len(payload)} of {record.content_length} payload bytes)"
            )
        http = record.http_headers
        if http is None or http.status_code is None:
            if not member.complete:
                return None
            if _looks_like_http(record):
                return self._error(f"{self.path}: response record {label} has no readable HTTP status line")
            self.stats.skipped["response-without-http"] += 1
            return None
        if http.status_code != 200:
            self.stats.skipped[f"status-{http.status_code}"] += 1
            return None
        content_type = (http.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type not in HTML_TYPES:
            self.stats.skipped[content_type or "no-content-type"] += 1
            return None
        target = record.headers.get("WARC-Target-URI") or ""
        source = f"{self.path}#{target or label}"
        try:
            html = decode_bytes(_unwrap_http_body(payload, http), source, declared=record.http_charset)
        except (IngestError, OSError, zlib.error) as error:
            return self._error(f"{source}: {error}" if not isinstance(error, IngestError) else str(error))
        if not html.strip():
            return self._error(f"{source}: empty HTML payload in record {label}")
        self.stats.documents += 1
        capture = (record.headers.get("WARC-Date") or "")[:10] or None
        return RawDocument(
            id=f"{self.path.name}#{record_id or self._index}",
            kind="html",
            content=html,
            source=source,
            url=target or None,
            published=None,
            meta={"capture_date": capture, "warc_record_id": record_id or None},
        )

    def _error(self, message: str) -> IngestError:
        self.stats.errors += 1
        return IngestError(message, source=str(self.path))


def _member_note(member: _Member) -> str:
    return f" (gzip member at byte {member.offset})" if member.offset else ""


def _record_end(buffer: bytes, where: int, record: WarcRecord) -> int | None:
    """Where the next record should begin: after the header block, the content and CRLFCRLF."""
    header_end = buffer.find(b"\r\n\r\n", where)
    declared = (record.headers.get("Content-Length") or "").strip()
    if header_end < 0 or not declared.isdigit():
        return None
    return header_end + 4 + int(declared)


def _looks_like_http(record: WarcRecord) -> bool:
    return "application/http" in (record.headers.get("Content-Type") or "").lower()


def _type_name(record_type: WarcRecordType) -> str:
    return str(record_type).rsplit(".", 1)[-1]


def _dechunk(body: bytes) -> bytes:
    """Undo HTTP chunked transfer coding, keeping what was there if it is not chunked after all."""
    out = bytearray()
    position = 0
    while position < len(body):
        line_end = body.find(b"\r\n", position)
        if line_end < 0:
            return body
        try:
            size = int(body[position:line_end].split(b";")[0].strip(), 16)
        except ValueError:
            return body
        if size == 0:
            return bytes(out)
        out += body[line_end + 2:line_end + 2 + size]
        position = line_end + 2 + size + 2
    return bytes(out)


def _unwrap_http_body(payload: bytes, http: object) -> bytes:
    """The entity body as the server meant it: chunking and gzip/deflate coding removed."""
    headers = http  # fastwarc's header map
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():  # type: ignore[attr-defined]
        payload = _dechunk(payload)
    coding = (headers.get("Content-Encoding") or "").lower()  # type: ignore[attr-defined]
    if coding in ("gzip", "x-gzip"):
        payload = zlib.decompress(payload, zlib.MAX_WBITS | 32)
    elif coding == "deflate":
        try:
            payload = zlib.decompress(payload)
        except zlib.error:
            payload = zlib.decompress(payload, -zlib.MAX_WBITS)
    return payload


def iter_warc(path: Path) -> Iterator[RawDocument | IngestError]:
    """Every HTML response record of the archive, and an IngestError for each damaged part."""
    return iter(WarcReader(path))
