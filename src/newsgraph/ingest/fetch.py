"""Fetch an article by URL with a real HTTP client: timeouts, a size cap, bounded redirects."""

from __future__ import annotations

import httpx

from newsgraph import __version__
from newsgraph.ingest.errors import IngestError

USER_AGENT = f"newsgraph/{__version__} (news analysis; respects robots by operator policy)"
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_S) -> tuple[bytes, str, str | None]:
    """Return ``(body, final_url, content_type)``; raise IngestError naming the URL on failure."""
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"},
        ) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise IngestError(f"{url}: HTTP {response.status_code}", source=url)
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(f"{url}: {int(declared) / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit", source=url)
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise IngestError(f"{url}: body exceeds the {max_bytes / 1e6:.0f} MB limit", source=url)
            return bytes(body), str(response.url), response.headers.get("content-type")
    except httpx.TooManyRedirects as exc:
        raise IngestError(f"{url}: more than {MAX_REDIRECTS} redirects", source=url) from exc
    except httpx.TimeoutException as exc:
        raise IngestError(f"{url}: timed out after {timeout:.0f} s", source=url) from exc
    except httpx.HTTPError as exc:
        raise IngestError(f"{url}: cannot fetch: {type(exc).__name__}: {exc}", source=url) from exc
