"""Plain scraped text benchmark: newsgraph's line cleaner on whole pages rendered as text.

The extraction sets (AEB, NAEB, trafilatura's evaluation set) come as HTML; a scraper that
keeps only text, or a reader who selects the whole page and copies it, hands newsgraph
something else: every visible line of the page, menus, footers and ads included. This script
makes that text from each page at run time and scores ``kind="raw"`` cleaning on it with
``../shared/tools/score_extraction.py``.

Rendering (one function, :func:`render_page_text`): the HTML is parsed with lxml; ``<head>``,
``script``, ``style``, ``noscript``, ``template``, ``svg``, ``iframe``, form controls and
elements marked ``hidden``/``aria-hidden="true"``/``display:none`` are dropped; every block
element (p, div, li, h1-h6, tr, br, section, article, header, footer, nav, aside, figure,
figcaption, blockquote, pre, table, ul/ol, dl/dt/dd, form, address, main) starts and ends a
line; table cells in a row are joined with a space; whitespace inside a line is collapsed and
empty lines are dropped. Navigation, footers, ads, cookie notices and related-link lists are
kept: that noise is what the cleaner must remove. No title, date or author is passed along:
the cleaner must find them in the text.

Tools, all on the same renderings, in one process, pages/s on the process's CPU time:

- ``newsgraph``: ``newsgraph.pipeline.prepare`` (the clean stage of ``newsgraph.load()``) on a
  ``RawDocument(kind="raw")``;
- ``all-lines``: every line kept, no cleaning (the floor);
- ``trafilatura``: ``trafilatura.bare_extraction`` on the text wrapped as minimal HTML, one
  ``<p>`` per line (``favor_precision=True``), which tests its text-density heuristics without
  the page's markup.

NAEB is the development set the cleaner's rules were tuned on; AEB and TE are held out.

    python benchmarks/scraped_text.py [--sets naeb,aeb,traf] [--tools newsgraph,all-lines,trafilatura]
                                      [--inputs DIR] [--out DIR] [--limit N] [--write-docs]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import html as _html
import json
import os
import platform
import re
import shlex
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import lxml.etree
import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_io import REPO, TOOLS, read_jsonl, write_section  # noqa: E402  (sibling modules)
from extraction import article_record, make_inputs, run_tool, score, table  # noqa: E402

SETS = ("naeb", "aeb", "traf")
SET_NAMES = {"naeb": "NAEB (dev)", "aeb": "AEB (held out)", "traf": "TE (held out)"}
DOCS = REPO / "docs" / "benchmarks.md"
BEGIN_MARKER = "<!-- scraped:begin -->"
END_MARKER = "<!-- scraped:end -->"
AFTER_MARKER = "<!-- extraction:end -->"

DROPPED_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
    "select", "option", "input", "textarea", "button", "canvas", "audio", "video", "map",
})
BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "thead",
    "tbody", "tfoot", "section", "article", "header", "footer", "nav", "aside", "figure",
    "figcaption", "blockquote", "pre", "dl", "dt", "dd", "form", "address", "main", "hr",
    "fieldset", "legend", "caption", "details", "summary", "body", "center",
})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000]+")

Tool = Callable[[str, str], dict[str, Any]]


def _is_hidden(element: lxml.etree._Element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def render_page_text(page_html: str) -> str:
    """The page's visible text, one line per block element (see the module docstring)."""
    try:
        root = lxml.html.fromstring(_XML_DECLARATION.sub("", page_html, count=1))
    except (lxml.etree.ParserError, ValueError):
        return ""
    pieces: list[str] = []
    skipping = 0
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        dropped = tag in DROPPED_TAGS or not isinstance(element.tag, str) or _is_hidden(element)
        if event == "start":
            if skipping or dropped:
                skipping += 1
                continue
            if tag in BLOCK_TAGS or tag == "br":
                pieces.append("\n")
            elif tag in ("td", "th"):
                pieces.append(" ")
            if element.text:
                pieces.append(element.text)
            continue
        if skipping:
            skipping -= 1
            if skipping == 0 and element.tail:
                pieces.append(element.tail)
            continue
        if tag in BLOCK_TAGS:
            pieces.append("\n")
        elif tag in ("td", "th"):
            pieces.append(" ")
        if element.tail:
            pieces.append(element.tail)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def newsgraph_tool() -> Tool:
    from newsgraph.pipeline import DocumentError, prepare
    from newsgraph.records import RawDocument

    def run(page_id: str, text: str) -> dict[str, Any]:
        try:
            article = prepare(RawDocument(id=page_id, kind="raw", content=text, source=page_id))
        except DocumentError as error:
            return {"id": page_id, "error": str(error)}
        return article_record(page_id, article)

    return run


def all_lines_tool() -> Tool:
    def run(page_id: str, text: str) -> dict[str, Any]:
        return {"id": page_id, "title": None, "authors": [], "published": None, "text": text}

    return run


def trafilatura_tool() -> Tool:
    import trafilatura

    def run(page_id: str, text: str) -> dict[str, Any]:
        paragraphs = "".join(f"<p>{_html.escape(line)}</p>" for line in text.split("\n"))
        found = trafilatura.bare_extraction(
            f"<html><body>{paragraphs}</body></html>", favor_precision=True, include_comments=False,
            include_tables=True, with_metadata=True,
        )
        if found is None:
            return {"id": page_id, "title": None, "authors": [], "published": None, "text": ""}
        data = found.as_dict()
        authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
        return {
            "id": page_id, "title": data.get("title"), "authors": authors,
            "published": data.get("date"), "text": data.get("text") or "",
        }

    return run


TOOL_FACTORIES: dict[str, Callable[[], Tool]] = {
    "newsgraph": newsgraph_tool, "all-lines": all_lines_tool, "trafilatura": trafilatura_tool,
}


def docs_section(markdown_table: str, command: str, when: _dt.datetime, render_speed: str) -> str:
    """The docs/benchmarks.md section: how the text was made, which set is dev, then the table."""
    machine = f"{platform.machine()} {platform.processor() or ''}".strip()
    return "\n".join([
        BEGIN_MARKER,
        "### Plain scraped text (whole pages as text)",
        "",
        f"Command: `{command}`  ",
        f"Date: {when:%Y-%m-%d %H:%M} UTC  ",
        f"Machine: {machine}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}  ",
        "Each extraction page's whole visible text is rendered the way a scraper or a select-all copy would give "
        "it (lxml; head, scripts, styles and hidden elements dropped; one line per block element; menus, footers, "
        "ads and related links kept), then cleaned as `kind=\"raw\"` by newsgraph's line cleaner with no title, "
        "author or date given. Baselines on the same renderings: every line kept, and trafilatura "
        "(`favor_precision=True`) on the lines wrapped as one `<p>` each. **NAEB is the development set the "
        "cleaner was tuned on; AEB and TE are held out** (never used to write rules). pages/s are per CPU second "
        f"of the benchmark process and exclude the rendering ({render_speed}). AEB has no metadata gold.",
        "",
        markdown_table,
        END_MARKER,
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--tools", default=",".join(TOOL_FACTORIES))
    parser.add_argument("--inputs", type=Path, help="existing make_inputs.py output (default: build one)")
    parser.add_argument("--out", type=Path, help="where renderings and predictions go (default: a temp dir)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set (scored on those)")
    parser.add_argument("--write-docs", action="store_true", help=f"write the table into {DOCS.relative_to(REPO)}")
    args = parser.parse_args(argv)
    command = ".venv/bin/python benchmarks/scraped_text.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    if not (TOOLS / "score_extraction.py").exists():
        print(f"{TOOLS} is absent: the benchmark needs ../shared", file=sys.stderr)
        return 2
    tools = {name: TOOL_FACTORIES[name]() for name in args.tools.split(",")}

    with tempfile.TemporaryDirectory(prefix="ng_scraped_") as scratch:
        inputs = args.inputs or Path(scratch) / "inputs"
        if args.inputs is None:
            make_inputs(inputs)
        out = args.out or Path(scratch) / "out"
        out.mkdir(parents=True, exist_ok=True)
        rows: list[dict[str, Any]] = []
        rendered_pages, render_seconds = 0, 0.0
        for bench in args.sets.split(","):
            started = time.process_time()
            pages = read_jsonl(inputs / f"{bench}.jsonl", args.limit)
            renderings = [(page["id"], render_page_text(page["html"])) for page in pages]
            render_seconds += time.process_time() - started
            rendered_pages += len(renderings)
            with (out / f"{bench}.rendered.jsonl").open("w", encoding="utf-8") as handle:
                for page_id, text in renderings:
                    handle.write(json.dumps({"id": page_id, "raw": text}, ensure_ascii=False) + "\n")
            for name, tool in tools.items():
                predictions = out / f"{bench}.{name}.jsonl"
                speed = run_tool(lambda rendering: tool(*rendering), renderings, predictions, item_id=lambda r: r[0])
                result = score(bench, predictions, only_predicted=args.limit is not None)
                rows.append({"set": bench, "tool": name, "speed": speed, "result": result})
                print(f"{bench} {name}: {result['summary']} pages/s={speed:.1f}", file=sys.stderr, flush=True)
        markdown = table(rows, SET_NAMES)
        print(markdown)
    render_speed = f"rendering ran at {rendered_pages / render_seconds:.0f} pages/s" if render_seconds else "rendering"
    if args.write_docs:
        section = docs_section(markdown, command.strip(), _dt.datetime.now(_dt.timezone.utc), render_speed)
        write_section(DOCS, section, BEGIN_MARKER, END_MARKER, after=AFTER_MARKER)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
