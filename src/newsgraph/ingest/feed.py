"""RSS and Atom feeds -> one RawDocument per entry.

A feed that carries the full article (``content:encoded`` or Atom ``content``) yields it as
HTML, so it goes through the same extraction as a page; otherwise the summary is all there is.
The feed's own title, date, author and link are passed along, since they are more reliable
than anything recovered from an HTML fragment.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import html as _html
from pathlib import Path
from typing import Any, Iterator

import feedparser

from newsgraph.ingest.errors import IngestError
from newsgraph.records import RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_PATH_CHARS = 4096


def _read(path_or_text: str, source: str) -> bytes | str:
    """The feed's bytes when given a path, else the text itself."""
    looks_like_path = len(path_or_text) < _MAX_PATH_CHARS and not any(ch.isspace() or ch in "<{" for ch in path_or_text)
    if not looks_like_path:
        return path_or_text
    path = Path(path_or_text)
    try:
        return path.read_bytes()
    except OSError as error:
        raise IngestError(f"{source}: cannot read the feed ({error.strerror or error})", source=source) from error


def _entry_date(entry: Any) -> _dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return _dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=_dt.timezone.utc).date()
    return None


def _absolute(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None


def _entry_url(entry: Any) -> str | None:
    """The article's address; WordPress feeds whose links were rewritten still have it in <comments>."""
    comments = _absolute(entry.get("comments"))
    guid = entry.get("id") if entry.get("guidislink") else None
    return (
        _absolute(entry.get("link"))
        or (comments.split("#", 1)[0] if comments else None)
        or _absolute(guid)
    )


def _entry_body(entry: Any) -> tuple[str, str]:
    """(kind, content): full HTML content where the feed has it, else the summary."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            kind = "html" if (content.get("type") or "text/html") in _HTML_TYPES else "text"
            return kind, value
    summary = entry.get("summary") or ""
    summary_type = (entry.get("summary_detail") or {}).get("type") or "text/html"
    return ("html" if summary_type in _HTML_TYPES else "text"), summary


def _as_page(title: str | None, fragment: str) -> str:
    """Wrap an entry's HTML fragment as a page, so extraction sees one article body."""
    heading = _html.escape(title or "")
    return (
        f"<html><head><title>{heading}</title></head><body><article>"
        f"<h1>{heading}</h1>{fragment}</article></body></html>"
    )


def iter_feed(path_or_text: str, source: str) -> Iterator[RawDocument | IngestError]:
    """Every entry of an RSS or Atom feed; a single IngestError when the input is not a feed."""
    try:
        parsed = feedparser.parse(_read(path_or_text, source))
    except IngestError as error:
        yield error
        return
    if not parsed.get("version") and not parsed.entries:
        cause = parsed.get("bozo_exception")
        detail = f" ({cause})" if cause else ""
        yield IngestError(f"{source}: not an RSS or Atom feed{detail}", source=source)
        return
    base = Path(source).name or source
    for index, entry in enumerate(parsed.entries, start=1):
        url = _entry_url(entry)
        title = (entry.get("title") or "").strip() or None
        kind, body = _entry_body(entry)
        entry_source = f"{source}#{url or index}"
        if not body.strip():
            yield IngestError(f"{entry_source}: feed entry {index} has no content or summary", source=entry_source)
            continue
        authors = [a.get("name", "").strip() for a in entry.get("authors") or [] if a.get("name", "").strip()]
        yield RawDocument(
            id=f"{base}#{index}",
            kind=kind,  # type: ignore[arg-type]
            content=_as_page(title, body) if kind == "html" else body,
            source=entry_source,
            title=title,
            published=_entry_date(entry),
            url=url,
            meta={
                "authors": authors,
                "feed_entry_id": entry.get("id"),
                "categories": [t.get("term") for t in entry.get("tags") or [] if t.get("term")],
                "from_feed": True,
                "full_content": bool(entry.get("content")),
            },
        )
