"""Paths and JSON Lines reading shared by the benchmark scripts (they are run as scripts, so this sits beside them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOOLS = SHARED / "tools"


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` records (all when None); blank lines are skipped."""
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(records) >= limit:
                break
            if line.strip():
                records.append(json.loads(line))
    return records


def write_section(path: Path, section: str, begin: str, end: str, *, after: str | None = None,
                  heading: str = "") -> None:
    """Put ``section`` (which starts with ``begin`` and ends with ``end``) into a Markdown file.

    The text between the markers is replaced and nothing else is touched. A first run puts the
    section after the ``after`` marker when the file has one, else at the end under ``heading``.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(begin)
    stop = text.find(end, start) if start >= 0 else -1
    if stop >= 0:
        text = text[:start] + section + text[stop + len(end):]
    elif after is not None and after in text:
        text = text.replace(after, after + "\n\n" + heading + section, 1)
    else:
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + heading + section + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
