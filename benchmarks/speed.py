"""Throughput: the whole newsgraph analysis against bare spaCy ``nlp.pipe`` on the same texts.

    .venv/bin/python benchmarks/speed.py [--corpus ../shared/corpus/wikinews_vanatteveldt.jsonl] [--limit N]

Prints a markdown table row per configuration (articles/second, characters/second, and the
share of time spent outside the parser).
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import newsgraph
from newsgraph.records import RawDocument

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_corpus(path: Path, limit: int | None) -> list[RawDocument]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            docs.append(RawDocument(id=rec["id"], kind="text", content=rec["text"], title=rec.get("title")))
            if limit and len(docs) >= limit:
                break
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "wikinews_vanatteveldt.jsonl")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    docs = load_corpus(args.corpus, args.limit)
    chars = sum(len(d.content) for d in docs)
    pipeline = newsgraph.load(args.model)
    list(pipeline.parser.pipe(d.content for d in docs[:4]))  # warm-up

    t0 = time.perf_counter()
    for _ in pipeline.parser.pipe(d.content for d in docs):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    out = list(pipeline.pipe(docs))
    full = time.perf_counter() - t0
    failed = sum(1 for d in out if d.error)
    quotes = sum(len(d.quotes) for d in out)
    events = sum(len(d.events) for d in out)
    actors = sum(len(d.actors) for d in out)

    print(f"corpus: {args.corpus.name}, {len(docs)} articles, {chars:,} characters; "
          f"model {pipeline.model}; {platform.processor() or platform.machine()}, 1 process")
    print("| run | seconds | articles/s | characters/s |")
    print("|---|---|---|---|")
    print(f"| bare spaCy `nlp.pipe` | {bare:.1f} | {len(docs) / bare:.1f} | {chars / bare:,.0f} |")
    print(f"| newsgraph full analysis | {full:.1f} | {len(docs) / full:.1f} | {chars / full:,.0f} |")
    print(f"overhead over parsing: {100 * (full - bare) / bare:.0f} %; "
          f"found {actors} actors, {quotes} quotes, {events} events; {failed} failed")


if __name__ == "__main__":
    main()
