"""Serialise analysed documents to the contract's JSON objects (``shared/CONTRACT.md``)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.records import AnalyzedDocument, Event, Participant, Quote, iso


def _participant(p: Participant | None) -> dict[str, Any] | None:
    if p is None:
        return None
    out: dict[str, Any] = {"actor": p.actor, "code": p.code, "name": p.name}
    if p.start is not None:
        out["start"], out["end"] = p.start, p.end
    return out


def _quote(q: Quote) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "speaker": {
            "actor": q.speaker.actor,
            "name": q.speaker.name,
            "start": q.speaker.start,
            "end": q.speaker.end,
        },
        "cue": q.cue,
        "addressee": q.addressee,
        "confidence": round(q.confidence, 3),
        "rule": q.rule,
    }
    if q.speaker.kind:
        out["speaker"]["kind"] = q.speaker.kind
    if q.cue_start is not None and q.cue_end is not None:
        out["cue_start"], out["cue_end"] = q.cue_start, q.cue_end
    if q.spans:
        out["spans"] = [s.as_list() for s in q.spans]
    return out


def _event(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": e.type,
        "mode": e.mode,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "source": _participant(e.source),
        "target": _participant(e.target),
        "reciprocal": e.reciprocal,
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "date": iso(e.date),
        "location": e.location,
        "sentence": {"start": e.sentence.start, "end": e.sentence.end, "text": e.sentence_text},
        "confidence": round(e.confidence, 3),
        "rule": e.rule,
    }
    if e.trigger is not None:
        out["trigger"] = {"text": e.trigger, "start": e.trigger_start, "end": e.trigger_end}
    if e.quote is not None:
        out["quote"] = e.quote
    if e.section != "body":
        out["section"] = e.section
    return out


def document_to_dict(doc: AnalyzedDocument) -> dict[str, Any]:
    a = doc.article
    if doc.error:
        return error_dict(a.id, doc.error, a.source)
    out = {
        "id": a.id,
        "source": a.source,
        "url": a.url,
        "title": a.title,
        "subtitle": a.subtitle,
        "authors": list(a.authors),
        "published": iso(a.published),
        "dateline": a.dateline,
        "language": a.language,
        "text": a.text,
        "boilerplate": list(a.boilerplate),
        "extractor": a.extractor,
        "model": doc.model,
        "actors": [
            {
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "code": actor.code,
                "sector": actor.sector,
                "role": actor.role,
                "mentions": [[m.start, m.end] for m in actor.mentions],
                "mention_rules": [m.rule for m in actor.mentions],
                "rule": actor.rule,
            }
            for actor in doc.actors
        ],
        "quotes": [_quote(q) for q in doc.quotes],
        "events": [_event(e) for e in doc.events],
    }
    if doc.skipped:
        out["skipped"] = doc.skipped
    return out


def error_dict(doc_id: str, message: str, source: str | None = None) -> dict[str, Any]:
    return {"id": doc_id, "source": source, "error": message}


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The contract as JSON Schema, shipped in the package."""
    text = resources.files("newsgraph.schema").joinpath("document.schema.json").read_text("utf-8")
    return json.loads(text)


def validate(obj: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``obj`` breaks the contract."""
    import jsonschema

    jsonschema.validate(obj, schema())
