"""URL ingestion against a real HTTP server on localhost."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsgraph.ingest import IngestError, iter_documents
from newsgraph.ingest.fetch import fetch

PAGE = b"""<!doctype html><html lang="en"><head><title>Harbour Deal Signed</title></head>
<body><article><h1>Harbour Deal Signed</h1>
<p>Ministers from Estonia and Finland signed an agreement on Thursday to share a new ferry harbour.</p>
<p>The deal follows two years of talks between the neighbours, officials said.</p></article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/article":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/moved":
            self._redirect("/article")
        elif self.path.startswith("/loop"):
            self._redirect(f"/loop{len(self.path)}")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, PAGE, "text/html")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, code, body, ctype):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to):
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_page_is_fetched_and_redirect_followed(server):
    [doc] = list(iter_documents([f"{server}/moved"]))
    assert not isinstance(doc, IngestError), doc
    assert doc.kind == "html" and doc.url == f"{server}/article"
    assert "Estonia and Finland" in doc.content


def test_redirect_loop_is_named(server):
    [err] = list(iter_documents([f"{server}/loop"]))
    assert isinstance(err, IngestError) and "redirects" in str(err) and f"{server}/loop" in str(err)


def test_timeout_is_named(server):
    with pytest.raises(IngestError, match="timed out") as info:
        fetch(f"{server}/slow", max_bytes=10**6, timeout=0.5)
    assert "/slow" in str(info.value)


def test_size_cap_and_http_errors(server):
    with pytest.raises(IngestError, match="limit"):
        fetch(f"{server}/huge", max_bytes=1_000_000)
    [err] = list(iter_documents([f"{server}/missing"]))
    assert isinstance(err, IngestError) and "404" in str(err)


def test_fetched_page_is_analysed(server, pipeline):
    [doc] = list(pipeline.analyze_inputs([f"{server}/article"], stages="clean"))
    assert doc.error is None, doc.error
    assert "Estonia and Finland" in doc.article.text
