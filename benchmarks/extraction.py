"""Article extraction benchmark: newsgraph's extract_html against its peers on the same pages.

For each set (AEB, NAEB, trafilatura's evaluation set) it writes contract-shaped JSONL
({"id", "title", "authors", "published", "text"}) for newsgraph, for trafilatura in precision
mode and, when importable, for readability-lxml, scores each file with
shared/tools/score_extraction.py, and prints one markdown table.  Each tool runs over the pages
in one process, so pages/second compare like with like; they are counted on the process's CPU
time, so that other work on a shared machine does not tilt one tool's figure against another's.
One-time set-up (models and word lists each tool loads on first use, and one warm-up page) is
left out of the timing, since a long-running process pays it once.
``--write-docs`` also puts the table, the command, the date and the machine into
docs/benchmarks.md, between the extraction markers.

    python benchmarks/extraction.py [--sets aeb,naeb,traf] [--tools newsgraph,trafilatura,readability]
                                    [--inputs DIR] [--out DIR] [--limit N] [--write-docs]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_io import read_jsonl, write_section  # noqa: E402  (a sibling module)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOOLS = SHARED / "tools"
SETS = ("aeb", "naeb", "traf")
DOCS = REPO / "docs" / "benchmarks.md"
BEGIN_MARKER = "<!-- extraction:begin -->"
END_MARKER = "<!-- extraction:end -->"
METADATA_KEYS = ("title_exact", "title_loose", "author_exact", "author_f1", "date_exact")

Extractor = Callable[[dict[str, Any]], dict[str, Any]]


WARM_UP_TEXT = "The council met on Tuesday and voted to rebuild the old pier before the winter storms. " * 3


def newsgraph_extractor() -> Extractor:
    """newsgraph's extract_html; the language model it loads on first use is loaded here, before timing."""
    from newsgraph.ingest.errors import IngestError
    from newsgraph.ingest.html import extract_html
    from newsgraph.ingest.language import detect
    from newsgraph.records import RawDocument

    detect(WARM_UP_TEXT)

    def run(page: dict[str, Any]) -> dict[str, Any]:
        doc = RawDocument(id=page["id"], kind="html", content=page["html"], source=page["id"], url=page.get("url"))
        try:
            article = extract_html(doc)
        except IngestError as error:
            return {"id": page["id"], "error": str(error)}
        return {
            "id": page["id"],
            "title": article.title,
            "authors": article.authors,
            "published": article.published.isoformat() if article.published else None,
            "text": article.text,
        }

    return run


def trafilatura_extractor() -> Extractor:
    """trafilatura in precision mode; the jusText stoplists it loads on first use are loaded here, before timing."""
    import trafilatura
    from trafilatura.external import jt_stoplist_init

    jt_stoplist_init()

    def run(page: dict[str, Any]) -> dict[str, Any]:
        found = trafilatura.bare_extraction(
            page["html"], url=page.get("url"), favor_precision=True, include_comments=False,
            include_tables=True, with_metadata=True,
        )
        if found is None:
            return {"id": page["id"], "title": None, "authors": [], "published": None, "text": ""}
        data = found.as_dict()
        authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
        return {
            "id": page["id"],
            "title": data.get("title"),
            "authors": authors,
            "published": data.get("date"),
            "text": data.get("text") or "",
        }

    return run


def readability_extractor() -> Extractor | None:
    """readability-lxml as its benchmark runner used it (it gives no date); None when not installed."""
    try:
        import lxml.html
        from readability import Document
    except ImportError:
        return None

    def run(page: dict[str, Any]) -> dict[str, Any]:
        try:
            document = Document(page["html"])
            summary = document.summary(html_partial=True)
            text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
            title = document.short_title()
            author = document.author()
        except Exception as error:  # readability raises bare Exceptions on odd pages
            return {"id": page["id"], "error": f"readability: {error}"}
        authors = [author] if author and author != "[no-author]" else []
        return {"id": page["id"], "title": title, "authors": authors, "published": None, "text": text}

    return run


def run_tool(
    extract: Callable[[Any], dict[str, Any]], items: list[Any], out: Path,
    item_id: Callable[[Any], str] = lambda page: page["id"],
) -> float:
    """Write one output line per item; return items per CPU second (after one untimed warm-up item).

    Shared with benchmarks/scraped_text.py, whose items are rendered texts rather than pages.
    """
    if items:
        try:
            extract(items[0])
        except Exception:  # the timed pass records the error for this item
            pass
    started = time.process_time()
    with out.open("w", encoding="utf-8") as handle:
        for item in items:
            try:
                record = extract(item)
            except Exception as error:  # a crash on one page must not stop the benchmark
                record = {"id": item_id(item), "error": f"{type(error).__name__}: {error}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elapsed = time.process_time() - started
    return len(items) / elapsed if elapsed > 0 else float("inf")


def score(bench: str, predictions: Path, only_predicted: bool) -> dict[str, Any]:
    command = [sys.executable, str(TOOLS / "score_extraction.py"), bench, str(predictions), "--json"]
    if only_predicted:
        command.append("--only-predicted")
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def make_inputs(target: Path) -> None:
    subprocess.run(
        [sys.executable, str(TOOLS / "make_inputs.py"), "--out", str(target), "--only", "extraction",
         "--shared", str(SHARED)],
        check=True, stdout=subprocess.DEVNULL,
    )


def cell(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, (int, float)) else "–"


def table(rows: list[dict[str, Any]], set_names: dict[str, str] | None = None) -> str:
    """The figures as a Markdown table; ``set_names`` relabels the sets (e.g. "NAEB (dev)")."""
    header = ["set", "tool", "pages", "errors", "body P", "body R", "body F1", *METADATA_KEYS, "pages/s"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        body, meta = row["result"]["body"], row["result"].get("metadata", {})
        cells = [
            (set_names or {}).get(row["set"], row["set"]), row["tool"], str(row["result"]["pages"]), str(row["result"]["pages_with_error"]),
            cell(body["precision"]), cell(body["recall"]), cell(body["f1"]),
            *(cell(meta.get(key)) for key in METADATA_KEYS), f"{row['speed']:.1f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def docs_section(markdown_table: str, command: str, when: _dt.datetime) -> str:
    """The docs/benchmarks.md section: how the figures were made, then the table."""
    machine = f"{platform.machine()} {platform.processor() or ''}".strip()
    return "\n".join([
        BEGIN_MARKER,
        "### Article extraction",
        "",
        f"Command: `{command}`  ",
        f"Date: {when:%Y-%m-%d %H:%M} UTC  ",
        f"Machine: {machine}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}  ",
        "All tools run on the same pages in one process; pages/s are pages per CPU second of that process "
        "(compare tools within one run only: other load on a shared machine still moves the figures).",
        "",
        markdown_table,
        END_MARKER,
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--tools", default="newsgraph,trafilatura,readability")
    parser.add_argument("--inputs", type=Path, help="existing make_inputs.py output (default: build one)")
    parser.add_argument("--out", type=Path, help="where the prediction files go (default: a temp dir)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set (scored on those)")
    parser.add_argument("--write-docs", action="store_true", help=f"write the table into {DOCS.relative_to(REPO)}")
    args = parser.parse_args(argv)
    command = "python benchmarks/extraction.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    if not (TOOLS / "score_extraction.py").exists():
        print(f"{TOOLS} is absent: the benchmark needs ../shared", file=sys.stderr)
        return 2

    factories: dict[str, Callable[[], Extractor | None]] = {
        "newsgraph": newsgraph_extractor, "trafilatura": trafilatura_extractor, "readability": readability_extractor,
    }
    extractors: dict[str, Extractor] = {}
    for name in args.tools.split(","):
        extractor = factories[name]()
        if extractor is None:
            print(f"note: {name} is not installed; its column is skipped", file=sys.stderr)
        else:
            extractors[name] = extractor

    with tempfile.TemporaryDirectory(prefix="ng_extraction_") as scratch:
        inputs = args.inputs or Path(scratch) / "inputs"
        if args.inputs is None:
            make_inputs(inputs)
        out = args.out or Path(scratch) / "out"
        out.mkdir(parents=True, exist_ok=True)
        rows: list[dict[str, Any]] = []
        for bench in args.sets.split(","):
            pages = read_jsonl(inputs / f"{bench}.jsonl", args.limit)
            for name, extract in extractors.items():
                predictions = out / f"{bench}.{name}.jsonl"
                speed = run_tool(extract, pages, predictions)
                result = score(bench, predictions, only_predicted=args.limit is not None)
                rows.append({"set": bench, "tool": name, "speed": speed, "result": result})
                print(f"{bench} {name}: {result['summary']} pages/s={speed:.1f}", file=sys.stderr, flush=True)
        markdown = table(rows)
        print(markdown)
    if args.write_docs:
        write_section(DOCS, docs_section(markdown, command.strip(), _dt.datetime.now(_dt.timezone.utc)), BEGIN_MARKER, END_MARKER)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
