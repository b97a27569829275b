"""The SQLite store: idempotent re-ingest, atomic replacement, provenance kept."""

from __future__ import annotations

import sqlite3

import pytest

from newsgraph.records import (
    Actor, ActorTable, AnalyzedDocument, Article, Event, Mention, Participant, Quote, SpeakerRef, Span,
)
from newsgraph.store import Store, StoreError, input_hash

TEXT = "Chile and Peru met in Lima. \"We agree,\" said Ana Ruiz."


def make_doc(title: str = "Talks") -> AnalyzedDocument:
    chile = Actor(id="a1", name="Chile", kind="country", code="CHL",
                  mentions=[Mention(0, 5, "Chile", "test")], rule="test")
    peru = Actor(id="a2", name="Peru", kind="country", code="PER",
                 mentions=[Mention(10, 14, "Peru", "test")], rule="test")
    quote = Quote(text="We agree,", start=29, end=38, kind="direct",
                  speaker=SpeakerRef(name="Ana Ruiz", start=45, end=53), cue="say", rule="test")
    event = Event(type="CONSULT", source=Participant("Chile", "a1", "CHL"), target=Participant("Peru", "a2", "PER"),
                  sentence=Span(0, 27), sentence_text=TEXT[:27], cameo="040", goldstein=1.0, quad_class=1,
                  reciprocal=True, rule="test")
    return AnalyzedDocument(article=Article(id="doc1", text=TEXT, title=title), actors=ActorTable([chile, peru]),
                            quotes=[quote], events=[event], model="test")


def test_put_is_idempotent_and_keeps_spans(tmp_path):
    with Store(tmp_path / "db.sqlite") as store:
        assert store.put(make_doc(), input_hash(TEXT)).status == "added"
        assert store.put(make_doc(), input_hash(TEXT)).status == "unchanged"
        assert store.count("documents") == 1 and store.count("mentions") == 2
        row = store.conn.execute("SELECT start, end, text FROM mentions WHERE actor_id = 'a2'").fetchone()
        assert TEXT[row["start"]:row["end"]] == row["text"] == "Peru"
        q = store.quotes_of("doc1")[0]
        assert TEXT[q["start"]:q["end"]] == q["text"]
        assert store.has("doc1", input_hash(TEXT)) and not store.has("doc1", input_hash("other"))


def test_changed_document_replaces_whole_record(tmp_path):
    with Store(tmp_path / "db.sqlite") as store:
        store.put(make_doc(), "h1")
        assert store.put(make_doc(title="Talks resume"), "h2").status == "replaced"
        assert store.count("documents") == 1 and store.count("events") == 1
        assert store.document_json("doc1")["title"] == "Talks resume"


def test_a_failing_write_leaves_the_previous_version_intact(tmp_path):
    with Store(tmp_path / "db.sqlite") as store:
        store.put(make_doc(), "h1")
        broken = make_doc(title="Broken")
        broken.quotes[0].text = None  # violates NOT NULL in the middle of the transaction
        with pytest.raises(sqlite3.IntegrityError):
            store.put(broken, "h2")
        assert store.document_json("doc1")["title"] == "Talks"
        assert store.count("quotes") == 1 and store.count("actors") == 2


def test_failed_documents_are_not_stored(tmp_path):
    with Store(tmp_path / "db.sqlite") as store:
        failed = AnalyzedDocument(article=Article(id="x", text=""), error="x: empty")
        with pytest.raises(ValueError, match="x: empty"):
            store.put(failed, "h")
        assert store.count("documents") == 0


def test_a_file_that_is_not_a_database_is_refused_by_name(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store(bogus)
    assert bogus.read_bytes().startswith(b"these are my notes")
