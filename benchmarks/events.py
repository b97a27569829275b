"""Event benchmark: newsgraph's events on the UniversalPetrarch English GSR and the PLOVER GSR.

Builds the inputs with shared/tools/make_inputs.py (--only events), analyses each sentence as
a clean ``text`` document through ``newsgraph.load()`` and ``Pipeline.pipe`` (with its date as
the publication date where the input has one), writes the contract JSONL with
``doc.to_dict()``, and scores it with shared/tools/score_events.py. Prints the scorer's output
and, last, its SUMMARY lines.

    python benchmarks/events.py [--inputs DIR] [--out DIR] [--limit N] [--sets up_gsr_en,plover_gsr]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOOLS = SHARED / "tools"
GOLD = SHARED / "benchmarks" / "events" / "jsonl"
SETS = {"up_gsr_en": GOLD / "up_gsr_en_events.jsonl", "plover_gsr": GOLD / "plover_gsr_cameo.jsonl"}


def make_inputs(target: Path) -> None:
    subprocess.run(
        [sys.executable, str(TOOLS / "make_inputs.py"), "--out", str(target), "--only", "events",
         "--shared", str(SHARED)],
        check=True, stdout=subprocess.DEVNULL,
    )


def read_records(path: Path, limit: int | None) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def analyse(pipeline: Any, records: list[dict[str, Any]], out_path: Path) -> tuple[int, float]:
    """Run the pipeline over the records; write one contract object per line. Returns (events, seconds)."""
    from newsgraph import RawDocument

    docs = [
        RawDocument(
            id=r["id"], kind="text", content=r["text"],
            published=dt.date.fromisoformat(r["date"]) if r.get("date") else None,
        )
        for r in records
    ]
    start = time.perf_counter()
    count = 0
    with out_path.open("w", encoding="utf-8") as handle:
        for analysed in pipeline.pipe(docs):
            obj = analysed.to_dict()
            count += len(obj.get("events", []))
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return count, time.perf_counter() - start


def score(gold: Path, pred: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(TOOLS / "score_events.py"), str(gold), str(pred)],
        check=True, capture_output=True, text=True,
    )
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=Path, help="folder with make_inputs.py output (built when absent)")
    parser.add_argument("--out", type=Path, help="folder for the newsgraph output (temporary by default)")
    parser.add_argument("--limit", type=int, help="analyse only the first N records of each set")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS))
    args = parser.parse_args(argv)
    if not TOOLS.exists():
        print(f"{TOOLS} is absent: the benchmarks need ../shared", file=sys.stderr)
        return 2

    import newsgraph

    work = Path(tempfile.mkdtemp(prefix="ng_events_"))
    inputs = args.inputs or work / "inputs"
    if not (inputs / "up_gsr_en.jsonl").exists():
        inputs.mkdir(parents=True, exist_ok=True)
        make_inputs(inputs)
    out = args.out or work / "out"
    out.mkdir(parents=True, exist_ok=True)

    pipeline = newsgraph.load()
    summaries: list[str] = []
    for name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        records = read_records(inputs / f"{name}.jsonl", args.limit)
        pred = out / f"{name}.jsonl"
        events, seconds = analyse(pipeline, records, pred)
        print(f"== {name}: {len(records)} sentences, {events} events, {seconds:.1f}s -> {pred}")
        report = score(SETS[name], pred)
        print(report)
        summaries += [f"{name} {line}" for line in report.splitlines() if line.startswith("SUMMARY")]
    for line in summaries:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
