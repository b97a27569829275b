"""The embedded SQLite store: documents, actors, mentions, quotes and events with provenance.

Each document is written in one transaction, so a crash or a bad input never leaves a
half-stored document, and re-ingesting an unchanged document changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Literal

from newsgraph.records import AnalyzedDocument, iso

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    source TEXT, url TEXT,
    title TEXT, subtitle TEXT, authors TEXT NOT NULL,
    published TEXT, dateline TEXT, language TEXT,
    text TEXT NOT NULL, boilerplate TEXT NOT NULL,
    extractor TEXT, model TEXT,
    input_hash TEXT NOT NULL, content_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS actors (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL, kind TEXT NOT NULL, code TEXT, role TEXT, rule TEXT,
    PRIMARY KEY (doc_id, actor_id)
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, rule TEXT,
    PRIMARY KEY (doc_id, start, end, actor_id)
);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, kind TEXT NOT NULL,
    speaker_actor TEXT, speaker_name TEXT, speaker_start INTEGER, speaker_end INTEGER,
    cue TEXT, addressee TEXT, confidence REAL, rule TEXT,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL, mode TEXT, cameo TEXT, goldstein REAL, quad_class INTEGER,
    source_actor TEXT, source_code TEXT, source_name TEXT,
    target_actor TEXT, target_code TEXT, target_name TEXT,
    reciprocal INTEGER NOT NULL, negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL,
    date TEXT, location TEXT,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    trigger_start INTEGER, trigger_end INTEGER,
    quote_seq INTEGER, confidence REAL, rule TEXT,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS events_dyad ON events (source_code, target_code, date);
CREATE INDEX IF NOT EXISTS actors_code ON actors (code);
"""


class StoreError(RuntimeError):
    """The database file cannot be opened or is not a newsgraph store."""


@dataclass(slots=True)
class PutResult:
    doc_id: str
    status: Literal["added", "unchanged", "replaced"]


def input_hash(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


def _content_hash(doc: AnalyzedDocument) -> str:
    payload = json.dumps(doc.to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Store:
    """A newsgraph database in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(str(self.path))
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            with self.conn:
                self.conn.executescript(_SCHEMA)
                self.conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable newsgraph database: {exc}") from exc
        self.conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, doc_id: str, raw_hash: str) -> bool:
        """True if this exact input was already stored (lets long jobs resume)."""
        row = self.conn.execute("SELECT input_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None and row[0] == raw_hash

    def put(self, doc: AnalyzedDocument, raw_hash: str) -> PutResult:
        """Store an analysed document atomically; an identical document is left as it is."""
        if doc.error:
            raise ValueError(f"{doc.id}: refusing to store a failed document: {doc.error}")
        content_hash = _content_hash(doc)
        row = self.conn.execute("SELECT content_hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is not None and row[0] == content_hash:
            return PutResult(doc.id, "unchanged")
        with self.conn:
            if row is not None:
                self.conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
            self._insert(doc, raw_hash, content_hash)
        return PutResult(doc.id, "replaced" if row is not None else "added")

    def _insert(self, doc: AnalyzedDocument, raw_hash: str, content_hash: str) -> None:
        a = doc.article
        c = self.conn
        c.execute(
            "INSERT INTO documents (id, source, url, title, subtitle, authors, published, dateline, language,"
            " text, boilerplate, extractor, model, input_hash, content_hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.source, a.url, a.title, a.subtitle, json.dumps(a.authors, ensure_ascii=False),
             iso(a.published), a.dateline, a.language, a.text, json.dumps(a.boilerplate, ensure_ascii=False),
             a.extractor, doc.model, raw_hash, content_hash),
        )
        c.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(a.id, x.id, x.name, x.kind, x.code, x.role, x.rule) for x in doc.actors],
        )
        c.executemany(
            "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
            [(a.id, x.id, m.start, m.end, m.text, m.rule) for x in doc.actors for m in x.mentions],
        )
        c.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.id, i, q.text, q.start, q.end, q.kind, q.speaker.actor, q.speaker.name, q.speaker.start,
              q.speaker.end, q.cue, q.addressee, q.confidence, q.rule) for i, q in enumerate(doc.quotes)],
        )
        c.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.id, i, e.type, e.mode, e.cameo, e.goldstein, e.quad_class,
              e.source.actor, e.source.code, e.source.name,
              e.target.actor if e.target else None, e.target.code if e.target else None,
              e.target.name if e.target else None,
              int(e.reciprocal), int(e.negated), int(e.hypothetical), iso(e.date), e.location,
              e.sentence.start, e.sentence.end, e.trigger_start, e.trigger_end, e.quote, e.confidence, e.rule)
             for i, e in enumerate(doc.events)],
        )

    def count(self, table: Literal["documents", "actors", "mentions", "quotes", "events"]) -> int:
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def documents(self) -> Iterator[sqlite3.Row]:
        yield from self.conn.execute(
            "SELECT id, title, published, authors, source FROM documents ORDER BY published, id"
        )

    def quotes_of(self, doc_id: str) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM quotes WHERE doc_id = ? ORDER BY start", (doc_id,)).fetchall()

    def events_of(self, doc_id: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM events WHERE doc_id = ? ORDER BY sentence_start, seq", (doc_id,)
        ).fetchall()

    def actor_summary(self, limit: int = 25) -> list[sqlite3.Row]:
        """Actors across documents, grouped by canonical name and code."""
        return self.conn.execute(
            "SELECT a.name, a.code, a.kind, COUNT(DISTINCT a.doc_id) AS docs, COUNT(m.start) AS mentions"
            " FROM actors a LEFT JOIN mentions m ON m.doc_id = a.doc_id AND m.actor_id = a.actor_id"
            " GROUP BY a.name, a.code, a.kind ORDER BY mentions DESC, a.name LIMIT ?",
            (limit,),
        ).fetchall()

    def dyad_summary(self, limit: int = 25) -> list[sqlite3.Row]:
        """Source -> target pairs of factual events with counts and mean Goldstein score."""
        return self.conn.execute(
            "SELECT COALESCE(source_code, source_name) AS source, COALESCE(target_code, target_name) AS target,"
            " COUNT(*) AS events, AVG(goldstein) AS goldstein, GROUP_CONCAT(DISTINCT type) AS types"
            " FROM events WHERE target_name IS NOT NULL AND negated = 0 AND hypothetical = 0"
            " GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?",
            (limit,),
        ).fetchall()

    def document_json(self, doc_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return dict(row) if row else None
