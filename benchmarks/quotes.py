"""Quote benchmark: newsgraph's quotes on PolNeAR (dev by default) and the seed article.

Builds the inputs with shared/tools/make_inputs.py, analyses each set through
``newsgraph.load()`` and ``Pipeline.pipe`` (PolNeAR records as clean ``text`` documents, the
seed as raw text), writes the contract JSONL with ``doc.to_dict()``, and scores it with
shared/tools/score_quotes.py over all attribution types and over direct+mixed only. It also
times parsing alone against the quotes stage run on the same parses, since the stage must
stay a small fraction of the parse.

    python benchmarks/quotes.py [--test] [--no-dev] [--no-seed] [--inputs DIR] [--out DIR] [--limit N]

Tune on dev (and train); --test is for reporting only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOOLS = SHARED / "tools"
GOLD = SHARED / "benchmarks" / "quotes" / "jsonl"


def make_inputs(target: Path) -> None:
    subprocess.run(
        [sys.executable, str(TOOLS / "make_inputs.py"), "--out", str(target), "--only", "quotes,seed",
         "--shared", str(SHARED)],
        check=True, stdout=subprocess.DEVNULL,
    )


def read_records(path: Path, limit: int | None) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def raw_documents(records: list[dict[str, Any]]) -> Iterator[Any]:
    from newsgraph.records import RawDocument

    for record in records:
        for kind in ("text", "raw", "html"):
            if kind in record:
                yield RawDocument(id=record["id"], kind=kind, content=record[kind], source=record["id"])
                break


def analyse(pipeline: Any, records: list[dict[str, Any]], out: Path) -> float:
    """Write the contract JSONL for the records; return the wall time of the full pipeline."""
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for doc in pipeline.pipe(raw_documents(records)):
            handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    return time.perf_counter() - started


def stage_timing(pipeline: Any, records: list[dict[str, Any]]) -> dict[str, float]:
    """Parse-only seconds, and the quotes stage alone on those parses (actors resolved first)."""
    from newsgraph.records import Article

    texts = [r.get("text") or r.get("raw") or "" for r in records]
    started = time.perf_counter()
    docs = list(pipeline.parser.pipe(texts))
    parse = time.perf_counter() - started
    quotes = 0.0
    found = 0
    for record, text, doc in zip(records, texts, docs):
        article = Article(id=record["id"], text=text)
        actors = pipeline.actors.resolve(doc, article)
        started = time.perf_counter()
        found += len(pipeline.quotes.extract(doc, article, actors))
        quotes += time.perf_counter() - started
    return {"parse_s": parse, "quotes_s": quotes, "quotes_found": found}


def score(gold: Path, predictions: Path, types: str | None, limited: bool) -> str:
    command = [sys.executable, str(TOOLS / "score_quotes.py"), str(gold), str(predictions)]
    if types:
        command += ["--types", types]
    if limited:
        command.append("--only-predicted")
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return result.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--test", action="store_true", help="also score polnear_test (for reporting, never tuning)")
    parser.add_argument("--no-dev", action="store_true", help="skip polnear_dev")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed article")
    parser.add_argument("--inputs", type=Path, help="existing make_inputs.py output (default: build one)")
    parser.add_argument("--out", type=Path, help="where the prediction files go (default: a temp dir)")
    parser.add_argument("--limit", type=int, help="only the first N documents of each set (scored on those)")
    parser.add_argument("--verbose", action="store_true", help="print the scorers' full reports")
    args = parser.parse_args(argv)
    if not (TOOLS / "score_quotes.py").exists():
        print(f"{TOOLS} is absent: the benchmark needs ../shared", file=sys.stderr)
        return 2

    import newsgraph

    sets = ([] if args.no_dev else ["polnear_dev"]) + (["polnear_test"] if args.test else [])
    sets += [] if args.no_seed else ["seed"]
    gold_files = {"polnear_dev": "polnear_dev.jsonl", "polnear_test": "polnear_test.jsonl",
                  "seed": "seed_000_gold.jsonl"}
    pipeline = newsgraph.load()
    with tempfile.TemporaryDirectory(prefix="ng_quotes_") as scratch:
        inputs = args.inputs or Path(scratch) / "inputs"
        if args.inputs is None:
            make_inputs(inputs)
        out = args.out or Path(scratch) / "out"
        out.mkdir(parents=True, exist_ok=True)
        for name in sets:
            records = read_records(inputs / f"{name}.jsonl", args.limit)
            predictions = out / f"{name}.jsonl"
            full = analyse(pipeline, records, predictions)
            timing = stage_timing(pipeline, records)
            share = timing["quotes_s"] / timing["parse_s"] if timing["parse_s"] else 0.0
            print(f"== {name}: {len(records)} documents")
            print(f"TIMING set={name} full_pipeline_s={full:.2f} parse_only_s={timing['parse_s']:.2f} "
                  f"quotes_stage_s={timing['quotes_s']:.3f} quotes_over_parse={share:.3f} "
                  f"quotes_found={timing['quotes_found']}")
            for types in (None, "direct,mixed"):
                report = score(GOLD / gold_files[name], predictions, types, args.limit is not None)
                lines = report.splitlines()
                print("\n".join(lines if args.verbose else [line for line in lines if line.startswith("SUMMARY")]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
