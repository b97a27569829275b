"""WARC ingestion: streaming, damaged archives, feeds inside archives, bad inputs through the CLI.

Synthetic archives are built here, in tmp_path, from short texts written for these tests;
the three real archives are read at test time from ../shared/corpus/warc.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import tracemalloc
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from newsgraph.ingest import iter_documents
from newsgraph.ingest.errors import IngestError
from newsgraph.ingest.html import extract_html
from newsgraph.ingest.warc import MAX_RECORD_BYTES, WarcReader, iter_warc
from newsgraph.records import RawDocument

PARAGRAPHS = [
    "The river authority of a small inland county agreed on Wednesday to dredge the old canal basin, "
    "which silt had closed to barges for most of the past six summers, after a long dispute over the cost.",
    "Boat owners said the basin brings trade and tourists back to the town, while farmers upstream argued "
    "that the money should go to the flood banks that failed during the spring storms two years ago.",
    "Dredging is due to start in late autumn, once surveyors have mapped the canal bed and the county "
    "has approved the plans that the authority put forward at its last meeting.",
]


def _page(index: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in [f"Report {index}: " + PARAGRAPHS[index % 3], *PARAGRAPHS])
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Canal basin to be dredged, part {index} | County Courier</title></head><body>"
        f"<article><h1>Canal basin to be dredged, part {index}</h1>{body}</article></body></html>"
    )


def _record(index: int, body: bytes | str | None = None, content_type: str = "text/html; charset=utf-8",
            warc_type: str = "response", url: str | None = None, status: str = "200 OK") -> bytes:
    """One WARC record: a response with an HTTP block, or another type with the body as it is."""
    payload = body.encode("utf-8") if isinstance(body, str) else (body if body is not None else _page(index).encode())
    if warc_type == "response":
        http = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n").encode()
        block, block_type = http + payload, "application/http; msgtype=response"
    else:
        block, block_type = payload, content_type
    header = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\n"
        f"WARC-Record-ID: <urn:uuid:test-{index}>\r\nWARC-Date: 2024-05-{index % 28 + 1:02d}T10:00:00Z\r\n"
        f"WARC-Target-URI: {url or f'http://courier.example/{index}'}\r\n"
        f"Content-Type: {block_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return header + block + b"\r\n\r\n"


def _urls(items: list[RawDocument | IngestError]) -> list[str | None]:
    return [item.url for item in items if isinstance(item, RawDocument)]


def _errors(items: list[RawDocument | IngestError]) -> list[str]:
    return [str(item) for item in items if isinstance(item, IngestError)]


def _normalise_quotes(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


# --- records and damage ----------------------------------------------------------------------


def test_warc_reads_html_and_skips_other_records(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    records = [_record(0), _record(1, body="body{color:red}", content_type="text/css"), _record(2)]
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    reader = WarcReader(path)
    items = list(reader)
    assert _urls(items) == ["http://courier.example/0", "http://courier.example/2"]
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.id == "mixed.warc.gz#urn:uuid:test-0"
    assert first.source == f"{path}#http://courier.example/0"
    assert first.meta["capture_date"] == "2024-05-01"
    assert reader.stats.skipped["text/css"] == 1 and reader.stats.documents == 2 and reader.stats.records == 3


def test_skipped_records_are_counted_by_reason(tmp_path: Path) -> None:
    records = [
        _record(0, body=b"software: test", content_type="application/warc-fields", warc_type="warcinfo"),
        _record(1, body=b"GET / HTTP/1.1\r\n\r\n", content_type="application/http; msgtype=request",
                warc_type="request"),
        _record(2, status="404 Not Found"),
        _record(3, body=b"\x89PNG\r\n\x1a\n", content_type="image/png"),
        _record(4),
    ]
    path = tmp_path / "kinds.warc"
    path.write_bytes(b"".join(records))
    reader = WarcReader(path)
    items = list(reader)
    assert _urls(items) == ["http://courier.example/4"] and not _errors(items)
    assert reader.stats.skipped == {"warcinfo": 1, "request": 1, "status-404": 1, "image/png": 1}
    summary = reader.stats.summary()
    assert "5 records: 1 documents" in summary and "1 status-404" in summary


def test_truncated_gzip_warc_keeps_earlier_records(tmp_path: Path) -> None:
    members = [gzip.compress(_record(i)) for i in range(4)]
    data = b"".join(members)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - len(members[-1]) // 2])
    items = list(iter_warc(path))
    assert _urls(items) == [f"http://courier.example/{i}" for i in range(3)]
    errors = _errors(items)
    assert len(errors) == 1 and "cut.warc.gz" in errors[0] and "truncated" in errors[0]
    assert f"byte {len(data) - len(members[-1])}" in errors[0]


def test_corrupt_gzip_member_in_the_middle_is_skipped(tmp_path: Path) -> None:
    members = [gzip.compress(_record(i)) for i in range(4)]
    broken = bytearray(members[1])
    broken[30:60] = b"\xff" * 30
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(members[0] + bytes(broken) + members[2] + members[3])
    items = list(iter_warc(path))
    assert _urls(items) == ["http://courier.example/0", "http://courier.example/2", "http://courier.example/3"]
    errors = _errors(items)
    assert len(errors) == 1
    assert "corrupt.warc.gz" in errors[0] and f"byte {len(members[0])}" in errors[0]
    assert f"resuming at byte {len(members[0]) + len(members[1])}" in errors[0]


def test_junk_between_gzip_members_is_reported_and_skipped(tmp_path: Path) -> None:
    members = [gzip.compress(_record(i)) for i in range(3)]
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(members[0] + b"not gzip at all, " * 40 + members[1] + members[2] + b"\n\n")
    items = list(iter_warc(path))
    assert _urls(items) == [f"http://courier.example/{i}" for i in range(3)]
    errors = _errors(items)
    assert len(errors) == 1 and f"byte {len(members[0])}" in errors[0] and "not a gzip member" in errors[0]


def test_corrupt_record_in_uncompressed_warc_is_reported(tmp_path: Path) -> None:
    records = [_record(i) for i in range(4)]
    records[1] = records[1].replace(b"Content-Length: ", b"Content-Length: x", 1)
    path = tmp_path / "plain.warc"
    path.write_bytes(b"".join(records))
    items = list(iter_warc(path))
    assert _urls(items) == ["http://courier.example/0", "http://courier.example/2", "http://courier.example/3"]
    errors = _errors(items)
    assert len(errors) == 1 and "urn:uuid:test-1" in errors[0] and f"at byte {len(records[0])}" in errors[0]


def test_garbage_between_records_names_its_offset(tmp_path: Path) -> None:
    records = [_record(i) for i in range(3)]
    path = tmp_path / "garbage.warc"
    path.write_bytes(records[0] + b"stray bytes from a broken copy\r\n" * 20 + records[1] + records[2])
    items = list(iter_warc(path))
    assert _urls(items) == [f"http://courier.example/{i}" for i in range(3)]
    errors = _errors(items)
    assert len(errors) == 1 and "garbage.warc" in errors[0] and f"at byte {len(records[0])}" in errors[0]


def test_content_length_running_into_the_next_record(tmp_path: Path) -> None:
    records = [_record(i) for i in range(3)]
    declared = records[0].split(b"Content-Length: ")[1].split(b"\r\n")[0]
    overrun = str(int(declared) + 900).encode()
    records[0] = records[0].replace(b"Content-Length: " + declared, b"Content-Length: " + overrun, 1)
    path = tmp_path / "overrun.warc"
    path.write_bytes(b"".join(records))
    items = list(iter_warc(path))
    assert _urls(items) == ["http://courier.example/1", "http://courier.example/2"]
    errors = _errors(items)
    assert len(errors) == 1 and "urn:uuid:test-0" in errors[0] and "next record starts inside" in errors[0]


def test_truncated_uncompressed_warc_names_the_record(tmp_path: Path) -> None:
    data = b"".join(_record(i) for i in range(3))
    path = tmp_path / "short.warc"
    path.write_bytes(data[:-300])
    items = list(iter_warc(path))
    assert _urls(items) == ["http://courier.example/0", "http://courier.example/1"]
    errors = _errors(items)
    assert len(errors) == 1 and "urn:uuid:test-2" in errors[0] and "truncated" in errors[0]


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("just some notes, not an archive\n")
    items = list(iter_warc(path))
    assert len(items) == 1 and isinstance(items[0], IngestError) and "notes.warc" in str(items[0])


def test_oversized_html_record_is_refused_and_reading_goes_on(tmp_path: Path) -> None:
    huge = "<html><body><p>" + " " * (MAX_RECORD_BYTES + 1024) + "</p></body></html>"
    path = tmp_path / "huge.warc.gz"
    path.write_bytes(gzip.compress(_record(0)) + gzip.compress(_record(1, body=huge), 1) + gzip.compress(_record(2)))
    items = list(iter_warc(path))
    assert _urls(items) == ["http://courier.example/0", "http://courier.example/2"]
    errors = _errors(items)
    assert len(errors) == 1 and "http://courier.example/1" in errors[0] and "too large" in errors[0]


def test_members_that_inflate_past_one_read_step(tmp_path: Path) -> None:
    """zlib leaves the next member's bytes in ``unconsumed_tail`` when a size-capped inflate ends a
    member; a loop on that attribute never ends (the hang an earlier streaming attempt met)."""
    filler = b"0123456789abcdef" * (3 << 16)  # 3 MB that compresses to a few kilobytes
    records = [_record(i, body=filler, content_type="application/octet-stream") if i % 2 else _record(i)
               for i in range(6)]
    path = tmp_path / "big-members.warc.gz"
    path.write_bytes(b"".join(gzip.compress(record) for record in records))
    reader = WarcReader(path)
    items = list(reader)
    assert _urls(items) == ["http://courier.example/0", "http://courier.example/2", "http://courier.example/4"]
    assert reader.stats.skipped["application/octet-stream"] == 3 and not _errors(items)


# --- streaming ---------------------------------------------------------------------------


class _CountingReader(io.RawIOBase):
    """A file that counts the bytes handed out, to see how far a reader has gone."""

    def __init__(self, path: Path) -> None:
        self._handle = path.open("rb")
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.consumed += len(data)
        return data

    def close(self) -> None:
        self._handle.close()
        super().close()


def _large_archive(path: Path, records: int = 48, filler_bytes: int = 1 << 20) -> None:
    """An archive of ``records`` incompressible 1 MB image responses, with an HTML page every 8th."""
    with path.open("wb") as handle:
        for index in range(records):
            if index % 8 == 0:
                record = _record(index)
            else:
                record = _record(index, body=os.urandom(filler_bytes), content_type="image/jpeg")
            handle.write(gzip.compress(record, 1))


def test_first_document_arrives_before_the_archive_is_read(tmp_path: Path) -> None:
    path = tmp_path / "large.warc.gz"
    _large_archive(path)
    size = path.stat().st_size
    source = _CountingReader(path)
    items = iter_warc(source, "large.warc.gz")
    first = next(items)
    assert isinstance(first, RawDocument) and first.url == "http://courier.example/0"
    assert source.consumed < size // 8, f"read {source.consumed} of {size} bytes before the first document"
    rest = list(items)
    assert len(_urls(rest)) == 5 and not _errors(rest)
    assert source.consumed == size
    source.close()


def test_memory_stays_far_below_the_archive_size(tmp_path: Path) -> None:
    path = tmp_path / "large.warc.gz"
    _large_archive(path)
    size = path.stat().st_size
    reader = WarcReader(path)
    tracemalloc.start()
    try:
        documents = sum(1 for item in reader if isinstance(item, RawDocument))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert documents == 6 and reader.stats.skipped["image/jpeg"] == 42
    assert peak < size // 4, f"peak {peak / 1e6:.1f} MB while reading a {size / 1e6:.1f} MB archive"


# --- feeds inside archives -----------------------------------------------------------------


def _rss(items: list[tuple[str, str]], headline_only: str = "") -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>Tue, 07 May 2024 08:00:00 +0000</pubDate>"
        f"<content:encoded><![CDATA[<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>]]></content:encoded></item>"
        for title, link in items
    )
    if headline_only:
        entries += f"<item><title>{headline_only}</title><link>http://courier.example/brief</link></item>"
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>County Courier</title>'
        f"<link>http://courier.example/</link>{entries}</channel></rss>"
    )


def test_feed_in_archive_is_expanded_and_captured_pages_win(tmp_path: Path) -> None:
    feed = _rss([("Canal basin to be dredged, part 1", "http://courier.example/1/"),
                 ("Ferry fares to rise in June", "http://courier.example/ferry-fares")],
                headline_only="Weather warning for the coast")
    records = [_record(index, body=feed, content_type="application/rss+xml; charset=utf-8",
                       url="http://courier.example/feed") if index in (0, 3) else _record(index) for index in range(4)]
    path = tmp_path / "feed.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    reader = WarcReader(path)
    items = list(reader)
    assert not _errors(items)
    assert sorted(_urls(items)) == ["http://courier.example/1", "http://courier.example/2",
                                    "http://courier.example/ferry-fares"]
    entry = next(item for item in items if isinstance(item, RawDocument) and item.meta.get("from_feed"))
    assert entry.id == "feed.warc.gz#urn:uuid:test-3#2" and entry.title == "Ferry fares to rise in June"
    assert entry.published == _dt.date(2024, 5, 7) and entry.meta["feed_url"] == "http://courier.example/feed"
    assert PARAGRAPHS[1] in extract_html(entry).text
    assert reader.stats.feeds == 2 and reader.stats.feed_entries == 1 and reader.stats.documents == 3
    assert reader.stats.skipped["feed-entry-captured"] == 2 and reader.stats.skipped["feed-entry-repeated"] == 1
    assert reader.stats.skipped["feed-entry-empty"] == 2, "a headline without text is counted, not an error"


def test_feed_record_that_is_not_xml_is_named(tmp_path: Path) -> None:
    records = [_record(0, body='{"items": []}', content_type="application/rss+xml",
                       url="http://courier.example/feed"), _record(1)]
    path = tmp_path / "badfeed.warc"
    path.write_bytes(b"".join(records))
    items = list(iter_warc(path))
    assert _urls(items) == ["http://courier.example/1"]
    errors = _errors(items)
    assert len(errors) == 1 and "badfeed.warc" in errors[0] and "http://courier.example/feed" in errors[0]
    assert "not an RSS or Atom feed" in errors[0]


# --- the real archives in ../shared ----------------------------------------------------------


def _corpus(shared_dir: Path, name: str) -> list[dict]:
    with (shared_dir / "corpus" / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_globalvoices_warc(shared_dir: Path) -> None:
    reader = WarcReader(shared_dir / "corpus" / "warc" / "globalvoices_2009-06.warc.gz")
    docs = list(reader)
    assert len(docs) == 15 and all(isinstance(d, RawDocument) for d in docs)
    # The archive's one RSS response is now expanded; its 15 entries are the 15 captured pages,
    # so each entry gives way to its page and the document count stays at 15.
    assert reader.stats.feeds == 1 and reader.stats.feed_entries == 0
    assert reader.stats.skipped["feed-entry-captured"] == 15 and reader.stats.errors == 0
    assert {d.meta["capture_date"] for d in docs if isinstance(d, RawDocument)} == {"2009-06-11"}
    gold = {r["url"]: r for r in _corpus(shared_dir, "globalvoices_2009.jsonl")}
    for doc in docs:
        assert isinstance(doc, RawDocument)
        article = extract_html(doc)
        expected = gold[doc.url]
        assert _normalise_quotes(article.title or "") == _normalise_quotes(expected["title"])
        assert article.published == _dt.date.fromisoformat(expected["date"][:10])
        assert article.authors == [expected["byline"]]


def test_kremlin_warc_counts_and_sample(shared_dir: Path) -> None:
    reader = WarcReader(shared_dir / "corpus" / "warc" / "kremlin_foreign_policy.warc.gz")
    docs = [d for d in reader if isinstance(d, RawDocument)]
    assert len(docs) == 360 and reader.stats.errors == 0 and reader.stats.skipped["request"] == 360
    assert len({d.id for d in docs}) == 360
    gold = {r["url"]: r for r in _corpus(shared_dir, "kremlin_foreign_policy.jsonl")}
    for doc in docs[::24]:
        article = extract_html(doc)
        expected = gold[doc.url or ""]
        assert article.title == expected["title"]
        assert article.published == _dt.date.fromisoformat(expected["date"][:10])
        lead, *body = expected["text"].split("\n\n")
        assert lead[:60] in article.text or lead[:60] in (article.subtitle or "")
        assert body[0][:60] in article.text


def test_ukwa_crawler_warc(shared_dir: Path) -> None:
    reader = WarcReader(shared_dir / "corpus" / "warc" / "ukwa_wikipedia_main_page_2012-01-19.warc.gz")
    docs = list(reader)
    assert len(docs) == 1 and isinstance(docs[0], RawDocument)
    assert docs[0].url == "http://en.wikipedia.org/wiki/Main_Page"
    skipped = reader.stats.skipped
    responses_skipped = sum(n for kind, n in skipped.items() if kind not in ("request", "resource", "warcinfo"))
    assert responses_skipped == 69 and skipped["request"] == 77
    assert "In the news" in docs[0].content


def test_real_archive_streams_from_standard_input(shared_dir: Path) -> None:
    archive = shared_dir / "corpus" / "warc" / "globalvoices_2009-06.warc.gz"
    seen: list[tuple[str, int]] = []
    with archive.open("rb") as handle:
        items = list(iter_documents(["-"], stdin=handle,  # type: ignore[arg-type]
                                    on_archive=lambda name, stats: seen.append((name, stats.records))))
    assert len(_urls(items)) == 15 and not _errors(items)
    assert seen == [("<stdin>", 33)]


# --- bad inputs as a user meets them: the CLI and an existing database ----------------------


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], input=stdin, capture_output=True,
                          timeout=600)


class _RedirectForever(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(302)
        self.send_header("Location", f"{self.path}x")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture()
def redirect_loop() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _RedirectForever)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/loop"
    server.shutdown()


def _stored(db: Path) -> dict[str, tuple[str, str, str]]:
    """Each stored document's text, content hash and time of ingestion, by id."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT id, text, content_hash, ingested_at FROM documents").fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def test_bad_inputs_through_the_cli_leave_stored_documents_untouched(tmp_path: Path, redirect_loop: str) -> None:
    good = tmp_path / "good.warc.gz"
    good.write_bytes(b"".join(gzip.compress(_record(i)) for i in range(2)))
    db = tmp_path / "news.db"
    first = _cli("ingest", "--quiet", str(good), "--db", str(db))
    assert first.returncode == 0, first.stderr.decode()
    before = _stored(db)
    assert len(before) == 2

    members = [gzip.compress(_record(i)) for i in range(10, 13)]
    truncated = tmp_path / "truncated.warc.gz"
    truncated.write_bytes(b"".join(members)[: -len(members[-1]) // 2])
    records = [_record(i) for i in range(20, 23)]
    records[1] = records[1].replace(b"Content-Length: ", b"Content-Length: x", 1)
    corrupt = tmp_path / "corrupt-record.warc"
    corrupt.write_bytes(b"".join(records))
    not_xml = tmp_path / "news.rss"
    not_xml.write_text("Service unavailable: the feed server is down for maintenance until Monday.\n")
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    no_body = tmp_path / "menu.html"
    no_body.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.write(_page(0).encode())
        handle.truncate(100 * 1024 * 1024)
    bad = [truncated, corrupt, not_xml, binary, no_body, huge]
    proc = _cli("ingest", str(good), *map(str, bad), redirect_loop, "--db", str(db))
    stderr = proc.stderr.decode()
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    for path in bad:
        assert str(path) in stderr, f"{path.name} is not named in:\n{stderr}"
    assert "truncated" in stderr and "urn:uuid:test-21" in stderr
    assert "not an RSS or Atom feed" in stderr and "binary" in stderr and "too large" in stderr
    assert f"{redirect_loop}: more than" in stderr and "redirects" in stderr
    assert f"{good}: 2 records: 2 documents" in stderr, "the archive's counts are reported"
    assert f"{truncated}: 3 records: 2 documents, 1 errors" in stderr
    after = _stored(db)
    assert {key: after[key] for key in before} == before, "documents stored earlier are untouched"
    assert {"truncated.warc.gz#urn:uuid:test-10", "corrupt-record.warc#urn:uuid:test-22"} <= set(after)
