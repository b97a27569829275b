"""Article extraction benchmark: newsgraph's extract_html against its peers on the same pages.

For each set (AEB, NAEB, trafilatura's evaluation set) it writes contract-shaped JSONL
({"id", "title", "authors", "published", "text"}) for newsgraph, for trafilatura in precision
mode and, when importable, for readability-lxml, scores each file with
shared/tools/score_extraction.py, and prints one markdown table.  Each tool runs over the pages
in one process, so pages/second compare like with like.

    python benchmarks/extraction.py [--sets aeb,naeb,traf] [--tools newsgraph,trafilatura,readability]
                                    [--inputs DIR] [--out DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOOLS = SHARED / "tools"
SETS = ("aeb", "naeb", "traf")
METADATA_KEYS = ("title_exact", "title_loose", "author_exact", "author_f1", "date_exact")

Extractor = Callable[[dict[str, Any]], dict[str, Any]]


def newsgraph_extractor() -> Extractor:
    from newsgraph.ingest.errors import IngestError
    from newsgraph.ingest.html import extract_html
    from newsgraph.records import RawDocument

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
    import trafilatura

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


def read_pages(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if limit is not None and index >= limit:
                return
            yield json.loads(line)


def run_tool(extract: Extractor, pages: list[dict[str, Any]], out: Path) -> float:
    """Write one output line per page; return pages per second (after one untimed warm-up page)."""
    if pages:
        try:
            extract(pages[0])
        except Exception:  # the timed pass records the error for this page
            pass
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for page in pages:
            try:
                record = extract(page)
            except Exception as error:  # a crash on one page must not stop the benchmark
                record = {"id": page["id"], "error": f"{type(error).__name__}: {error}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    return len(pages) / elapsed if elapsed > 0 else float("inf")


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


def _cell(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, (int, float)) else "–"


def table(rows: list[dict[str, Any]]) -> str:
    header = ["set", "tool", "pages", "errors", "body P", "body R", "body F1", *METADATA_KEYS, "pages/s"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        body, meta = row["result"]["body"], row["result"].get("metadata", {})
        cells = [
            row["set"], row["tool"], str(row["result"]["pages"]), str(row["result"]["pages_with_error"]),
            _cell(body["precision"]), _cell(body["recall"]), _cell(body["f1"]),
            *(_cell(meta.get(key)) for key in METADATA_KEYS), f"{row['speed']:.1f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--tools", default="newsgraph,trafilatura,readability")
    parser.add_argument("--inputs", type=Path, help="existing make_inputs.py output (default: build one)")
    parser.add_argument("--out", type=Path, help="where the prediction files go (default: a temp dir)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set (scored on those)")
    args = parser.parse_args(argv)
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
            pages = list(read_pages(inputs / f"{bench}.jsonl", args.limit))
            for name, extract in extractors.items():
                predictions = out / f"{bench}.{name}.jsonl"
                speed = run_tool(extract, pages, predictions)
                result = score(bench, predictions, only_predicted=args.limit is not None)
                rows.append({"set": bench, "tool": name, "speed": speed, "result": result})
                print(f"{bench} {name}: {result['summary']} pages/s={speed:.1f}", file=sys.stderr, flush=True)
        print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
