"""WARC archives -> one RawDocument per HTML response record, read as a stream.

Memory stays bounded whatever the archive's size: the file is read forwards in fixed-size
pieces, gzip members are inflated incrementally (with a cap on what one inflate call may
return), and only the record being looked at is held, never more than one document's worth.

Around fastwarc, which parses each record's WARC and HTTP headers, this module adds what a
damaged archive needs.  A corrupt or truncated gzip member costs only the records in it:
reading resumes at the next gzip member that inflates to a WARC record.  Inside the
decompressed stream a record that cannot be read is reported and reading resumes at the next
line that starts ``WARC/1.``.  Every problem becomes an :class:`IngestError` in the stream,
naming the file and the record or byte offset, and reading goes on.

RSS and Atom responses are expanded into entry documents (:mod:`newsgraph.ingest.feed`).
An entry whose page the archive also captured is dropped in favour of the page, so one
article is not analysed twice; entries are therefore held back (within a byte budget) until
the archive ends or their page turns up.
"""

from __future__ import annotations

import io
import zlib
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Generator, Iterator, Protocol
from urllib.parse import urlsplit

from fastwarc.warc import ArchiveIterator, WarcRecord

from newsgraph.ingest.encoding import decode_bytes
from newsgraph.ingest.errors import IngestError
from newsgraph.records import RawDocument

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})
RECORD_TYPES = frozenset({
    "warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation",
})
MAX_RECORD_BYTES = 24 * 1024 * 1024
"""Largest response record read whole; a bigger one is skipped (an HTML one is reported)."""

_GZIP_MAGIC = b"\x1f\x8b\x08"
_RECORD_START = b"WARC/1."
_LINE_RECORD_START = b"\nWARC/1."
_PADDING = b"\r\n\t \x00"
_READ_BYTES = 1 << 20
_INFLATE_INPUT = 64 * 1024
_INFLATE_LIMIT = 1 << 20
_LOOKBACK_BYTES = 1 << 20
_PROBE_BYTES = 64 * 1024
_MAX_HEADER_BYTES = 64 * 1024
_HTTP_PEEK_BYTES = 16 * 1024
_PENDING_FEED_BYTES = 16 * 1024 * 1024
_FEED_SNIFF = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(slots=True)
class WarcStats:
    """What one pass over an archive found: records, documents, skipped records by reason, errors."""

    records: int = 0
    documents: int = 0
    errors: int = 0
    feeds: int = 0
    feed_entries: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """One line for a progress report: what became documents and why the rest did not."""
        reasons = ", ".join(f"{count} {reason}" for reason, count in self.skipped.most_common())
        feeds = f" ({self.feed_entries} from {self.feeds} feeds)" if self.feeds else ""
        return (
            f"{self.records} records: {self.documents} documents{feeds}, {self.errors} errors"
            + (f"; skipped {reasons}" if reasons else "")
        )


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(slots=True)
class _Chunk:
    """Decompressed bytes and the file offset of the gzip member they came from (None: no gzip)."""

    data: bytes
    member: int | None


@dataclass(slots=True)
class _Break:
    """A gap in the decompressed stream: what was lost, already phrased for the user."""

    message: str


# -- the byte source ---------------------------------------------------------------------


def _plain_chunks(stream: _Readable) -> Iterator[_Chunk | _Break]:
    while chunk := stream.read(_READ_BYTES):
        yield _Chunk(chunk, None)


class _CompressedWindow:
    """The compressed bytes from a movable low mark onwards; the stream is only read forwards."""

    def __init__(self, stream: _Readable) -> None:
        self._stream = stream
        self._data = bytearray()
        self.base = 0
        self.exhausted = False

    @property
    def end(self) -> int:
        return self.base + len(self._data)

    def ensure(self, offset: int) -> bool:
        """Read until the bytes before ``offset`` are held; False if the stream ends first."""
        while self.end < offset and not self.exhausted:
            chunk = self._stream.read(_READ_BYTES)
            if chunk:
                self._data += chunk
            else:
                self.exhausted = True
        return self.end >= offset

    def slice(self, start: int, stop: int) -> bytes:
        with memoryview(self._data) as view:
            return bytes(view[max(start - self.base, 0):max(stop - self.base, 0)])

    def release(self, offset: int) -> None:
        """Forget the bytes before ``offset``, which no resynchronisation will need again."""
        cut = min(offset, self.end) - self.base
        if cut >= _READ_BYTES or (cut > 0 and cut == len(self._data)):
            del self._data[:cut]
            self.base += cut

    def only_padding_from(self, offset: int) -> bool:
        """True when nothing but whitespace or NULs follows ``offset`` to the end of the file."""
        position = offset
        while self.ensure(position + 1):
            piece = self.slice(position, self.end)
            if piece.strip(_PADDING):
                return False
            position = self.end
        return True

    def find_member(self, start: int) -> int | None:
        """The first offset from ``start`` where a gzip member that inflates to a WARC record begins."""
        position = max(start, self.base)
        while True:
            self.ensure(position + _PROBE_BYTES)
            hit = self._data.find(_GZIP_MAGIC, position - self.base)
            if hit < 0:
                if self.exhausted:
                    return None
                position = max(position, self.end - len(_GZIP_MAGIC) + 1)
                self.release(position)
                continue
            candidate = self.base + hit
            if self._inflates_to_warc(candidate):
                return candidate
            position = candidate + 1

    def _inflates_to_warc(self, offset: int) -> bool:
        self.ensure(offset + _PROBE_BYTES)
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            head = inflater.decompress(self.slice(offset, offset + _PROBE_BYTES), 4096).lstrip(_PADDING)
        except zlib.error:
            return False
        return head.startswith(b"WARC/") or (inflater.eof and not head)


def _gzip_chunks(stream: _Readable, name: str) -> Iterator[_Chunk | _Break]:
    """Inflate member after member; after a damaged one, resume at the next readable member."""
    window = _CompressedWindow(stream)
    member = 0
    while window.ensure(member + 1):
        if window.slice(member, member + len(_GZIP_MAGIC)) != _GZIP_MAGIC:
            if window.only_padding_from(member):
                return
            resume = window.find_member(member + 1)
            yield _Break(f"{name}: unreadable bytes at byte {member}, not a gzip member{_resume_note(resume)}")
            if resume is None:
                return
            member = resume
            continue
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        position = member
        try:
            while not inflater.eof:
                if not window.ensure(position + 1):
                    rest = inflater.flush()
                    if rest:
                        yield _Chunk(rest, member)
                    if inflater.eof:
                        break
                    yield _Break(f"{name}: the archive is truncated (gzip member at byte {member} ends early)")
                    return
                piece = window.slice(position, min(position + _INFLATE_INPUT, window.end))
                position += len(piece)
                output = inflater.decompress(piece, _INFLATE_LIMIT)
                while True:
                    if output:
                        yield _Chunk(output, member)
                    if inflater.eof or not inflater.unconsumed_tail:
                        break  # at the end of a member zlib leaves the next one's bytes in both attributes
                    output = inflater.decompress(inflater.unconsumed_tail, _INFLATE_LIMIT)
                window.release(max(member + 1, position - _LOOKBACK_BYTES))
        except zlib.error as error:
            resume = window.find_member(member + 1)
            yield _Break(f"{name}: corrupt gzip data in the member at byte {member} ({error}){_resume_note(resume)}")
            if resume is None:
                return
            member = resume
            continue
        member = position - len(inflater.unused_data)


def _resume_note(resume: int | None) -> str:
    return f"; resuming at byte {resume}" if resume is not None else "; no later record is readable"


class _Buffer:
    """Decompressed bytes between the record parser and the source, and the gaps the source reports."""

    def __init__(self, chunks: Iterator[_Chunk | _Break]) -> None:
        self._chunks = chunks
        self._data = bytearray()
        self._cursor = 0
        self._base = 0
        self._members: list[tuple[int, int]] = []
        self.gap: str | None = None
        self.ended = False

    @property
    def held(self) -> int:
        return len(self._data) - self._cursor

    @property
    def position(self) -> int:
        """Offset of the next unread byte in the decompressed stream."""
        return self._base + self._cursor

    def fill(self, size: int) -> bool:
        """Hold at least ``size`` bytes; False when the source ends or reports a gap first."""
        while self.held < size:
            if self.gap is not None or self.ended:
                return False
            item = next(self._chunks, None)
            if item is None:
                self.ended = True
            elif isinstance(item, _Break):
                self.gap = item.message
            else:
                if item.member is not None and (not self._members or self._members[-1][1] != item.member):
                    self._members.append((self._base + len(self._data), item.member))
                self._data += item.data
        return True

    def take(self, start: int, stop: int) -> bytes:
        return bytes(self._data[self._cursor + start:self._cursor + min(stop, self.held)])

    def find(self, needle: bytes, start: int, stop: int) -> int:
        hit = self._data.find(needle, self._cursor + start, self._cursor + min(stop, self.held))
        return hit - self._cursor if hit >= 0 else -1

    def drop(self, count: int) -> None:
        self._cursor += min(count, self.held)
        if self._cursor >= _READ_BYTES and self._cursor * 2 >= len(self._data):
            del self._data[:self._cursor]
            self._base += self._cursor
            self._cursor = 0
        while len(self._members) > 1 and self._members[1][0] <= self.position:
            self._members.pop(0)

    def take_gap(self) -> str | None:
        """The pending gap's message, forgetting what was held before it (a partial record)."""
        message, self.gap = self.gap, None
        if message is not None:
            self.drop(self.held)
        return message

    def where(self, position: int) -> str:
        if not self._members:
            return f"at byte {position}"
        start, member = self._members[0]
        for entry_start, entry_member in self._members:
            if entry_start <= position:
                start, member = entry_start, entry_member
        inside = position - start
        return f"in the gzip member at byte {member}" + (f", {inside} bytes in" if inside else "")


# -- records ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Head:
    """A record's WARC header block as read from the stream."""

    position: int
    length: int
    fields: dict[str, str]
    record_id: str
    label: str


class WarcReader:
    """Iterate an archive's HTML pages and feed entries; ``stats`` holds the counts as they grow."""

    def __init__(self, source: Path | str | BinaryIO | PrefixedStream, name: str | None = None) -> None:
        """``source`` is a path or an open binary stream; ``name`` is what messages call it."""
        if isinstance(source, (str, Path)):
            self._stream: _Readable | None = None
            self.path = Path(source)
        else:
            self._stream = source
            self.path = Path(name or str(getattr(source, "name", "") or "<stream>"))
        self.name = name or str(self.path)
        self.stats = WarcStats()
        self._page_keys: set[str] = set()
        self._pending: OrderedDict[str, RawDocument] = OrderedDict()
        self._pending_bytes = 0

    def __iter__(self) -> Iterator[RawDocument | IngestError]:
        self.stats = WarcStats()
        self._page_keys = set()
        self._pending = OrderedDict()
        self._pending_bytes = 0
        if self._stream is not None:
            yield from self._read(self._stream)
            return
        try:
            stream = self.path.open("rb")
        except OSError as error:
            yield self._error(f"{self.name}: cannot read the archive ({error.strerror or error})")
            return
        with stream:
            yield from self._read(stream)

    def _read(self, stream: _Readable) -> Iterator[RawDocument | IngestError]:
        head = stream.read(len(_GZIP_MAGIC))
        rest = PrefixedStream(head, stream)
        chunks = _gzip_chunks(rest, self.name) if head == _GZIP_MAGIC else _plain_chunks(rest)
        buffer = _Buffer(chunks)
        try:
            yield from self._records(buffer)
        except OSError as error:
            yield self._error(f"{self.name}: reading stopped at byte {buffer.position} "
                              f"of the decompressed stream ({error.strerror or error})")
        yield from self._flush_pending(0)
        if not self.stats.records and not self.stats.errors:
            yield self._error(f"{self.name}: empty archive, no WARC record in it")

    def _records(self, buffer: _Buffer) -> Iterator[RawDocument | IngestError]:
        quiet = False
        while True:
            found, start, junk = _skip_to_record(buffer)
            if junk and not quiet and buffer.gap is None:
                detail = "" if found else ", and no WARC record after them"
                yield self._error(f"{self.name}: {junk} unreadable bytes {buffer.where(start)}{detail}")
            quiet = False
            if not found:
                gap = buffer.take_gap()
                if gap is None:
                    return
                yield self._error(gap)
                continue
            head = _read_head(buffer, self.stats.records + 1)
            if isinstance(head, str):
                if buffer.gap is None:
                    yield self._error(f"{self.name}: {head} {buffer.where(buffer.position)}")
                buffer.drop(len(_RECORD_START))
                quiet = True
                continue
            self.stats.records += 1
            outcome = yield from self._record(buffer, head)
            quiet = not outcome

    def _record(self, buffer: _Buffer, head: _Head) -> Generator[RawDocument | IngestError, None, bool]:
        """Read one record from the buffer; False when the bytes after it are known to be its own."""
        where = buffer.where(head.position)
        declared = head.fields.get("content-length", "")
        if not declared.isdigit():
            yield self._error(f"{self.name}: record {head.label} {where} has no valid Content-Length")
            buffer.drop(head.length)
            return False
        length = int(declared)
        record_type = head.fields.get("warc-type", "").lower()
        if record_type not in RECORD_TYPES:
            yield self._error(f"{self.name}: record {head.label} {where} has no valid WARC-Type")
            return (yield from self._skip_content(buffer, head, length, None))
        if record_type != "response" or length > MAX_RECORD_BYTES:
            reason = record_type if record_type != "response" else self._oversized_reason(buffer, head, length)
            if isinstance(reason, IngestError):
                yield reason
                reason = None
            return (yield from self._skip_content(buffer, head, length, reason))
        end = head.length + length
        if not buffer.fill(end):
            if buffer.gap is None:
                overrun = self._overrun(buffer, head, where, length, buffer.held)
                if overrun:
                    yield overrun
                    return True
                yield self._error(f"{self.name}: record {head.label} {where} is truncated "
                                  f"({buffer.held - head.length} of {length} content bytes)")
            buffer.drop(buffer.held)
            return True
        buffer.fill(end + 64)
        after = buffer.take(end, end + 64).lstrip(_PADDING)
        if after and not after.startswith(_RECORD_START):
            overrun = self._overrun(buffer, head, where, length, end)
            if overrun:
                yield overrun
                return True
        raw = buffer.take(0, end) + b"\r\n\r\n"
        buffer.drop(end)
        yield from self._response(raw, head, where)
        return True

    def _overrun(self, buffer: _Buffer, head: _Head, where: str, length: int, stop: int) -> IngestError | None:
        """When a declared length runs into the next record: the error, the buffer moved to that record."""
        inner = buffer.find(b"\r" + _LINE_RECORD_START, head.length, stop)
        if inner < 0:
            return None
        buffer.drop(inner + 2)
        return self._error(f"{self.name}: record {head.label} {where} declares {length} content bytes "
                           "but the next record starts inside them")

    def _skip_content(self, buffer: _Buffer, head: _Head, length: int,
                      reason: str | None) -> Generator[IngestError, None, bool]:
        """Read past a record's content without keeping it; ``reason`` is counted once it is passed."""
        buffer.drop(head.length)
        remaining = length
        while remaining:
            if not buffer.held and not buffer.fill(1):
                if buffer.gap is None:
                    yield self._error(f"{self.name}: record {head.label} {buffer.where(head.position)} is truncated "
                                      f"({length - remaining} of {length} content bytes)")
                return True
            step = min(remaining, buffer.held)
            buffer.drop(step)
            remaining -= step
        if reason:
            self.stats.skipped[reason] += 1
        return True

    def _oversized_reason(self, buffer: _Buffer, head: _Head, length: int) -> str | IngestError:
        """Why a response too large to read whole is skipped; an error if it is an HTML page."""
        buffer.fill(head.length + _HTTP_PEEK_BYTES)
        status, content_type = _peek_http(buffer.take(head.length, head.length + _HTTP_PEEK_BYTES))
        if status == 200 and content_type in HTML_TYPES:
            target = head.fields.get("warc-target-uri", "")
            return self._error(f"{self.name}#{target or head.label}: record {head.label} "
                               f"{buffer.where(head.position)} holds {length:,} bytes, too large for one "
                               f"document (limit {MAX_RECORD_BYTES:,} bytes)")
        if status is None or (status == 200 and not content_type):
            return "oversized"
        return f"status-{status}" if status != 200 else content_type

    def _response(self, raw: bytes, head: _Head, where: str) -> Iterator[RawDocument | IngestError]:
        try:
            record = next(iter(ArchiveIterator(io.BytesIO(raw), parse_http=True)), None)
        except Exception as error:  # fastwarc reports malformed headers as OSError or ValueError
            record, problem = None, str(error)
        else:
            problem = "fastwarc found no record"
        if record is None:
            yield self._error(f"{self.name}: record {head.label} {where} is unreadable ({problem})")
            return
        payload = record.reader.read()
        http = record.http_headers
        if http is None or http.status_code is None:
            if _looks_like_http(record):
                yield self._error(f"{self.name}: response record {head.label} {where} has no readable HTTP status line")
            else:
                self.stats.skipped["response-without-http"] += 1
            return
        if http.status_code != 200:
            self.stats.skipped[f"status-{http.status_code}"] += 1
            return
        content_type = (http.get("Content-Type") or "").split(";")[0].strip().lower()
        is_html = content_type in HTML_TYPES
        is_feed = content_type in FEED_TYPES or (content_type in _XML_TYPES and _sniffs_as_feed(payload))
        if not (is_html or is_feed):
            self.stats.skipped[content_type or "no-content-type"] += 1
            return
        target = head.fields.get("warc-target-uri", "")
        source = f"{self.name}#{target or head.label}"
        try:
            text = decode_bytes(_unwrap_http_body(payload, http), source, declared=record.http_charset)
        except IngestError as error:
            yield self._error(str(error))
            return
        except (OSError, zlib.error) as error:
            yield self._error(f"{source}: {error}")
            return
        if not text.strip():
            yield self._error(f"{source}: empty {'HTML' if is_html else 'feed'} payload in record {head.label} {where}")
            return
        capture = head.fields.get("warc-date", "")[:10] or None
        if is_feed:
            yield from self._feed(text, source, head, target, capture)
            return
        key = _url_key(target)
        if key:
            self._page_keys.add(key)
            superseded = self._pending.pop(key, None)
            if superseded is not None:
                self.stats.skipped["feed-entry-captured"] += 1
                self._pending_bytes -= len(superseded.content)
        self.stats.documents += 1
        yield RawDocument(
            id=f"{self.path.name}#{head.record_id or head.label.lstrip('#')}",
            kind="html",
            content=text,
            source=source,
            url=target or None,
            published=None,
            meta={"capture_date": capture, "warc_record_id": head.record_id or None},
        )

    def _feed(self, text: str, source: str, head: _Head, target: str,
              capture: str | None) -> Iterator[RawDocument | IngestError]:
        """Entries of a captured feed, held back until the archive shows whether it captured their pages."""
        from newsgraph.ingest.feed import iter_feed

        self.stats.feeds += 1
        for index, item in enumerate(iter_feed(text, source), start=1):
            if isinstance(item, IngestError) and item.source != source:
                self.stats.skipped["feed-entry-empty"] += 1  # a headline without text is no document
                continue
            if isinstance(item, IngestError):
                self.stats.errors += 1
                yield item
                continue
            item.id = f"{self.path.name}#{head.record_id or head.label.lstrip('#')}#{index}"
            item.meta.update(capture_date=capture, warc_record_id=head.record_id or None, feed_url=target or None)
            key = _url_key(item.url or "") or item.id
            if key in self._page_keys:
                self.stats.skipped["feed-entry-captured"] += 1
                continue
            earlier = self._pending.pop(key, None)
            if earlier is not None:
                self.stats.skipped["feed-entry-repeated"] += 1
                self._pending_bytes -= len(earlier.content)
            self._pending[key] = item
            self._pending_bytes += len(item.content)
        yield from self._flush_pending(_PENDING_FEED_BYTES)

    def _flush_pending(self, budget: int) -> Iterator[RawDocument]:
        while self._pending and self._pending_bytes >= budget:
            _, entry = self._pending.popitem(last=False)
            self._pending_bytes -= len(entry.content)
            self.stats.documents += 1
            self.stats.feed_entries += 1
            yield entry

    def _error(self, message: str) -> IngestError:
        self.stats.errors += 1
        return IngestError(message, source=self.name)


class PrefixedStream:
    """A stream with bytes already read from it (to sniff its kind) put back in front."""

    def __init__(self, prefix: bytes, stream: _Readable) -> None:
        self._prefix = prefix
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if not self._prefix:
            return self._stream.read(size)
        if size < 0:
            head, self._prefix = self._prefix, b""
            return head + self._stream.read()
        head, self._prefix = self._prefix[:size], self._prefix[size:]
        return head


def _skip_to_record(buffer: _Buffer) -> tuple[bool, int, int]:
    """Move to the next line starting ``WARC/1.``: (found, where unreadable bytes began, how many)."""
    junk_start: int | None = None

    def outcome(found: bool) -> tuple[bool, int, int]:
        if junk_start is None:
            return found, buffer.position, 0
        return found, junk_start, buffer.position - junk_start

    while True:
        if not buffer.fill(len(_RECORD_START)):
            tail = buffer.take(0, buffer.held)
            if junk_start is None and tail.strip(_PADDING):
                junk_start = buffer.position + len(tail) - len(tail.lstrip(_PADDING))
            buffer.drop(len(tail))
            return outcome(False)
        lead = buffer.take(0, 4096)
        padding = len(lead) - len(lead.lstrip(_PADDING))
        if padding:
            buffer.drop(padding)
            continue
        if lead.startswith(_RECORD_START):
            return outcome(True)
        if junk_start is None:
            junk_start = buffer.position
        hit = buffer.find(_LINE_RECORD_START, 0, buffer.held)
        if hit >= 0:
            buffer.drop(hit + 1)
            continue
        buffer.drop(buffer.held - (len(_LINE_RECORD_START) - 1))
        if not buffer.fill(buffer.held + 1):
            buffer.drop(buffer.held)
            return outcome(False)


def _read_head(buffer: _Buffer, index: int) -> _Head | str:
    """The header block at the buffer's start, or what is wrong with it."""
    position = buffer.position
    searched = 0
    while True:
        end = buffer.find(b"\r\n\r\n", max(searched - 3, 0), _MAX_HEADER_BYTES)
        if end >= 0:
            break
        if buffer.held >= _MAX_HEADER_BYTES:
            return f"a record header has no end within {_MAX_HEADER_BYTES // 1024} KB"
        searched = buffer.held
        if not buffer.fill(buffer.held + 1):
            return "the archive ends inside a record header"
    fields: dict[str, str] = {}
    for line in buffer.take(0, end).decode("utf-8", "replace").split("\r\n")[1:]:
        key, colon, value = line.partition(":")
        if colon and not key[:1].isspace():
            fields.setdefault(key.strip().lower(), value.strip())
    record_id = fields.get("warc-record-id", "").strip("<>")
    if not record_id.isprintable() or " " in record_id:
        record_id = ""
    return _Head(position, end + 4, fields, record_id, record_id or f"#{index}")


def _peek_http(block: bytes) -> tuple[int | None, str]:
    """Status code and media type from the start of an HTTP response block."""
    lines = block.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    parts = lines[0].split(None, 2)
    status = int(parts[1]) if len(parts) > 1 and parts[0].startswith(b"HTTP/") and parts[1].isdigit() else None
    content_type = ""
    for line in lines[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == b"content-type":
            content_type = value.split(b";")[0].strip().lower().decode("latin-1")
    return status, content_type


def _sniffs_as_feed(payload: bytes) -> bool:
    body = payload.split(b"\r\n\r\n", 1)[-1][:2048].lower()
    return any(marker in body for marker in _FEED_SNIFF)


def _url_key(url: str) -> str:
    """A URL as the same page would be addressed twice: no fragment, no trailing slash, host in lower case."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.netloc.lower()}{parts.path.rstrip('/')}{query}"


def _looks_like_http(record: WarcRecord) -> bool:
    return "application/http" in (record.headers.get("Content-Type") or "").lower()


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


def iter_warc(
    source: Path | str | BinaryIO | PrefixedStream, name: str | None = None,
) -> Iterator[RawDocument | IngestError]:
    """Every HTML response record and feed entry of the archive, and an IngestError for each damaged part."""
    return iter(WarcReader(source, name))
