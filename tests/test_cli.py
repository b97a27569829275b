"""The command line as a user meets it: real subprocesses, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.contract import validate

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = """Envoys Agree to Resume Border Talks

By Lena Ortiz

VIENNA (Newsgraph Wire) — Envoys from Austria and Hungary met in Vienna on Monday and agreed to resume talks on border controls.

"We have found a basis for a deal," said Karl Huber, the Austrian interior minister.
"""


def run_cli(*args: str, stdin: bytes | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", *args],
        input=stdin, capture_output=True, timeout=timeout,
    )


@pytest.fixture(scope="module")
def article_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "envoys.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_analyze_single_file_prints_one_valid_json_object(article_file):
    proc = run_cli("analyze", str(article_file))
    assert proc.returncode == 0, proc.stderr.decode()
    obj = json.loads(proc.stdout)
    validate(obj)
    assert obj["id"] == str(article_file)
    assert obj["title"] == "Envoys Agree to Resume Border Talks"
    assert "Austria and Hungary met" in obj["text"]
    for actor in obj["actors"]:
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(obj["text"])


def test_analyze_jsonl_keeps_input_order_and_ids(tmp_path):
    lines = [
        {"id": "b", "text": "Chile and Peru signed a trade agreement on Friday.", "date": "2024-05-10"},
        {"id": "a", "raw": "Peru Protests\n\nProtesters marched in Lima on Sunday.\n\n- Advertisement -\n"},
        {"id": "c", "nothing": 1},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    proc = run_cli("analyze", str(path))
    assert proc.returncode == 1, "a failed record must make the exit status non-zero"
    objs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["id"] for o in objs] == ["b", "a", f"{path}:3"]
    assert objs[0]["published"] == "2024-05-10"
    assert objs[0]["text"] == lines[0]["text"], "a 'text' record is analysed as given"
    assert "Advertisement" not in objs[1]["text"]
    assert "error" in objs[2] and str(path) in objs[2]["error"]
    for obj in objs:
        validate(obj)


def test_stdin_and_table_format(article_file):
    proc = run_cli("analyze", "--format", "table", "-", stdin=article_file.read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert out.startswith("■ Envoys Agree to Resume Border Talks")


def test_stages_clean_returns_empty_analysis(article_file):
    proc = run_cli("analyze", "--stages", "clean", str(article_file))
    obj = json.loads(proc.stdout)
    assert obj["actors"] == [] and obj["quotes"] == [] and obj["events"] == []
    assert obj["authors"] == ["Lena Ortiz"]


def test_analyze_reports_what_a_warc_held_besides_pages(tmp_path):
    page = b"<html><head><title>Harbour reopens</title></head><body><p>" + b"The harbour of Tarvik reopened on Monday. " * 20 + b"</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"

    def record(n: int, block: bytes) -> bytes:
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:cli-{n}>\r\nWARC-Date: 2024-05-02T10:00:00Z\r\n"
            f"WARC-Target-URI: http://port.example/{n}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n"
        ).encode()
        return head + block + b"\r\n\r\n"

    path = tmp_path / "crawl.warc"
    path.write_bytes(record(0, http) + record(1, image))
    proc = run_cli("analyze", "--stages", "clean", "--format", "jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.decode().splitlines()) == 1
    counts = [line for line in proc.stderr.decode().splitlines() if "crawl.warc" in line]
    assert counts and "2 records" in counts[0] and "1 documents" in counts[0] and "image/png" in counts[0]


def test_bad_inputs_get_clear_messages_and_do_not_stop_the_run(tmp_path, article_file):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Café Talks in Zürich\n\nDiplomats met in Zürich on Monday to discuss the café owners' protest.\n".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        block = b"Negotiators met again on Monday without a result. " * 1000 + b"\n\n"
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    missing = tmp_path / "missing.txt"
    proc = run_cli("analyze", "--format", "jsonl", str(empty), str(binary), str(latin1), str(huge),
                   str(missing), str(article_file))
    assert proc.returncode == 1
    objs = {o["id"]: o for o in map(json.loads, proc.stdout.decode().splitlines())}
    assert len(objs) == 6
    assert "empty" in objs[str(empty)]["error"] and str(empty) in objs[str(empty)]["error"]
    assert "binary" in objs[str(binary)]["error"]
    assert "Zürich" in objs[str(latin1)]["text"], "a Latin-1 file is decoded, not mangled"
    assert "too large" in objs[str(huge)]["error"] and str(huge) in objs[str(huge)]["error"]
    assert "no such file" in objs[str(missing)]["error"]
    assert "error" not in objs[str(article_file)]
    stderr = proc.stderr.decode()
    assert str(empty) in stderr and str(huge) in stderr


def test_user_verb_dictionary_is_loaded_from_the_command_line(tmp_path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- HARANGUE   [111]  ---\nHARANGUE\n", encoding="utf-8")
    text = tmp_path / "harangue.txt"
    text.write_text("Norway harangued Sweden on Monday over fishing quotas.", encoding="utf-8")

    def harangues(*extra: str) -> list[dict]:
        proc = run_cli("analyze", *extra, str(text))
        assert proc.returncode == 0, proc.stderr
        return [e for e in json.loads(proc.stdout)["events"] if "harangu" in ((e.get("trigger") or {}).get("text") or "")]

    assert harangues() == []
    found = harangues("--verb-dictionary", str(verbs))
    assert found and found[0]["cameo"] == "111"
    assert found[0]["source"]["code"] == "NOR" and found[0]["target"]["code"] == "SWE"


def test_phoenix_codes_from_the_command_line(tmp_path):
    text = tmp_path / "envoy.txt"
    text.write_text("The Dutch ambassador to the EU, Pieter Maas, criticised Hungary on Friday.", encoding="utf-8")
    proc = run_cli("analyze", "--codes", "phoenix", str(text))
    assert proc.returncode == 0, proc.stderr
    codes = {a["code"] for a in json.loads(proc.stdout)["actors"]}
    assert "NLDGOV" in codes and "IGOEUREEC" in codes
    assert not {"NLDDIP", "EU"} & codes


def test_missing_model_is_a_clear_error(article_file):
    proc = run_cli("analyze", "--model", "no_such_pipeline_xyz", str(article_file))
    assert proc.returncode == 2
    assert "no_such_pipeline_xyz" in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()


def test_ingest_and_report_on_the_bundled_sample(tmp_path):
    db = tmp_path / "sample.db"
    proc = run_cli("ingest", str(EXAMPLES), "--db", str(db))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "5 added" in proc.stderr.decode()
    again = run_cli("ingest", str(EXAMPLES), "--db", str(db))
    assert "5 already stored" in again.stderr.decode()
    report = run_cli("report", "--db", str(db))
    assert report.returncode == 0
    text = report.stdout.decode()
    assert text.count("■ ") == 5
    assert "Actors across 5 documents" in text and "Dyads" in text
