"""Readable text summaries: one analysed document, or a whole store."""

from __future__ import annotations

import json
import textwrap
from typing import Iterable

from newsgraph.records import AnalyzedDocument, Event
from newsgraph.store import Store

WIDTH = 100


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _party(name: str | None, code: str | None) -> str:
    if not name:
        return "?"
    return f"{name} [{code}]" if code else name


def _flags(negated: bool, hypothetical: bool) -> str:
    flags = [f for f, on in (("negated", negated), ("hypothetical", hypothetical)) if on]
    return f" ({', '.join(flags)})" if flags else ""


def event_line(e: Event) -> str:
    target = _party(e.target.name, e.target.code) if e.target else "—"
    arrow = "<->" if e.reciprocal else "->"
    when = f" on {e.date.isoformat()}" if e.date else ""
    return (
        f"{_party(e.source.name, e.source.code)} {arrow} {target}: {e.type}"
        f" (CAMEO {e.cameo or '?'}, Goldstein {e.goldstein if e.goldstein is not None else '?'}){when}"
        f"{_flags(e.negated, e.hypothetical)}"
    )


def document_table(doc: AnalyzedDocument) -> str:
    """A person-readable view of one analysed document (``--format table``)."""
    a = doc.article
    if doc.error:
        return f"✗ {a.id}: {doc.error}\n"
    lines = [f"■ {a.title or a.id}"]
    meta = [x for x in (", ".join(a.authors) or None, a.published and a.published.isoformat(), a.dateline) if x]
    if meta:
        lines.append("  " + " · ".join(meta))
    if a.subtitle:
        lines.append("  " + _clip(a.subtitle, WIDTH))
    lines.append(f"  {len(a.text):,} characters, {len(a.boilerplate)} boilerplate lines removed")
    if doc.actors:
        lines.append("  Actors:")
        for actor in doc.actors:
            role = f", {actor.role}" if actor.role else ""
            lines.append(f"    {actor.name} [{actor.code or '-'}] {actor.kind}{role} ×{len(actor.mentions)}")
    if doc.quotes:
        lines.append("  Who said what:")
        for q in doc.quotes:
            mark = "“”" if q.kind == "direct" else "~"
            lines.append(f"    {q.speaker.name} ({q.kind}, {q.cue or '-'}): {mark[0]}{_clip(q.text, 70)}{mark[-1]}")
    if doc.events:
        lines.append("  Who did what to whom:")
        for e in doc.events:
            lines.append("    " + event_line(e))
    return "\n".join(lines) + "\n"


def store_summary(store: Store, actors: int = 20, dyads: int = 20) -> str:
    """The sample job's summary: per article, then actors and dyads across the store."""
    out: list[str] = []
    for row in store.documents():
        authors = ", ".join(json.loads(row["authors"]))
        head = f"■ {row['title'] or row['id']}"
        meta = " · ".join(x for x in (authors, row["published"]) if x)
        out.append(head + (f"\n  {meta}" if meta else ""))
        for q in store.quotes_of(row["id"]):
            out.append(f"  said  {q['speaker_name']}: {_clip(q['text'], 72)!r} ({q['kind']})")
        for e in store.events_of(row["id"]):
            target = _party(e["target_name"], e["target_code"]) if e["target_name"] else "—"
            arrow = "<->" if e["reciprocal"] else "->"
            when = f" on {e['date']}" if e["date"] else ""
            out.append(
                f"  did   {_party(e['source_name'], e['source_code'])} {arrow} {target}: {e['type']}"
                f" (CAMEO {e['cameo']}){when}{_flags(bool(e['negated']), bool(e['hypothetical']))}"
            )
        out.append("")
    out.append(f"Actors across {store.count('documents')} documents (most mentioned first):")
    for r in store.actor_summary(actors):
        out.append(f"  {r['name']:<32} {r['code'] or '-':<10} {r['kind']:<13} docs {r['docs']:>3}  mentions {r['mentions']:>4}")
    out.append("")
    out.append("Dyads (factual events, source -> target):")
    for r in store.dyad_summary(dyads):
        g = f"{r['goldstein']:+.1f}" if r["goldstein"] is not None else "?"
        out.append(f"  {r['source']:<14} -> {r['target']:<14} {r['events']:>3} events, mean Goldstein {g}: {r['types']}")
    return "\n".join(out) + "\n"


def wrap(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(textwrap.fill(p, WIDTH) for p in paragraphs)
