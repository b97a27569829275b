"""Throughput: the whole newsgraph analysis against bare spaCy ``nlp.pipe`` on the same texts.

    .venv/bin/python benchmarks/speed.py [--corpus ../shared/corpus/wikinews_vanatteveldt.jsonl] [--limit N]

Prints a markdown table row per configuration (articles/second, characters/second, and the
share of time spent outside the parser), then the seconds spent in each stage after parsing
(each stage's entry point timed with ``time.perf_counter`` during the full run), as a share of
the bare parse.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

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


def time_calls(owner: Any, name: str, label: str, spent: Counter) -> None:
    """Replace ``owner.name`` by a wrapper that adds the seconds of each call to ``spent[label]``."""
    call: Callable = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - start

    setattr(owner, name, timed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "wikinews_vanatteveldt.jsonl")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    docs = load_corpus(args.corpus, args.limit)
    chars = sum(len(d.content) for d in docs)
    pipeline = newsgraph.load(args.model)
    list(pipeline.parser.pipe(d.content for d in docs[:4]))  # warm-up: the parser
    list(pipeline.pipe(docs[:2]))  # and the language check, lexicons and models of the later stages

    t0 = time.perf_counter()
    for _ in pipeline.parser.pipe(d.content for d in docs):
        pass
    bare = time.perf_counter() - t0

    spent: Counter = Counter()
    time_calls(pipeline, "_prepare", "cleaning and language check", spent)
    time_calls(pipeline, "_parse_headings", "parsing titles and decks", spent)
    time_calls(pipeline.actors, "resolve", "actors", spent)
    time_calls(pipeline.quotes, "extract", "quotes", spent)
    time_calls(pipeline.events, "code", "events", spent)
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
    print("stages after parsing: " + "; ".join(
        f"{label} {seconds:.2f} s ({100 * seconds / bare:.1f} %)" for label, seconds in spent.most_common()))


if __name__ == "__main__":
    main()
