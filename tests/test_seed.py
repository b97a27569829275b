"""End to end on the seed article (read from ../shared/seed), as the foundation issue asks."""

from __future__ import annotations

import pytest

from newsgraph.contract import validate

PARAGRAPH_STARTS = [
    "Russia has gathered thousands of troops",
    "NATO maintains that membership",
    "“Russian action has led to this crisis,”",
    "A Kremlin spokesman said",
    "“Undoubtedly, any expansion of NATO",
    "Russia says it wants big changes",
    "NATO allies have called such demands unacceptable",
    "Russia has long sought to prevent Ukraine",
    "NATO allies have provided Ukraine",
    "Russia on Tuesday conducted live-fire exercises",
    "NATO Secretary-General Jens Stoltenberg said on Friday",
    "“We have nothing to offer them,”",
    "America has emphasized unity with its allies in Europe.",
    "“The United States remains in lockstep",
    "But there are divisions.",
]


@pytest.fixture(scope="module")
def seed(pipeline, seed_text):
    return pipeline.analyze(seed_text, doc_id="seed").to_dict()


def test_output_follows_the_contract_schema(seed):
    validate(seed)


def test_clean_article(seed):
    assert seed["title"] == "Russia, NATO Meet Over Ukraine Impasse"
    assert seed["subtitle"] == "The first talks between the coalition and Moscow since 2019 come amid pessimism about a quick solution"
    assert seed["authors"] == ["James Marson"]
    text = seed["text"]
    for noise in ("- Advertisement -", "Advertisement", "Get the daily news", "DMCA", "Recent Articles",
                  "Related Stories", "Write James Marson", "[email protected]"):
        assert noise not in text, noise
    for start in PARAGRAPH_STARTS:
        assert start in text, f"body paragraph lost: {start}"
    assert any("Advertisement" in line for line in seed["boilerplate"])


def _quote(seed, fragment):
    found = [q for q in seed["quotes"] if fragment in q["text"]]
    assert found, f"no quote contains {fragment!r}: {[q['text'][:50] for q in seed['quotes']]}"
    return found[0]


@pytest.mark.parametrize("fragment, speaker", [
    ("Russian action has led to this crisis", "Julian Smith"),
    ("NATO is open and committed", "Julian Smith"),
    ("remains in lockstep with all of our allies", "Julian Smith"),
    ("any expansion of NATO has to do with Russia", "Dmitry Peskov"),
    ("NATO is an instrument of confrontation", "Dmitry Peskov"),
])
def test_direct_quotes_resolve_to_named_speakers(seed, fragment, speaker):
    q = _quote(seed, fragment)
    assert q["speaker"]["name"] == speaker
    assert q["speaker"]["actor"] is not None
    assert q["kind"] in ("direct", "mixed")


@pytest.mark.parametrize("fragment", ["We have nothing to offer them", "The only hope is to put the Russians on the table"])
def test_anonymous_diplomat(seed, fragment):
    q = _quote(seed, fragment)
    assert "European diplomat" in q["speaker"]["name"]
    assert q["speaker"].get("kind") == "anonymous"


def test_indirect_quotes(seed):
    nato = _quote(seed, "membership is a matter for the alliance")
    assert nato["kind"] == "indirect" and nato["speaker"]["name"] == "NATO"
    officials = _quote(seed, "ready to talk to Russia")
    assert officials["kind"] == "indirect" and "officials" in officials["speaker"]["name"].lower()
    assert _quote(seed, "not giving an ultimatum")["kind"] == "indirect"


def test_quote_spans_index_the_text(seed):
    for q in seed["quotes"]:
        if "spans" in q:
            parts = [seed["text"][s:e] for s, e in q["spans"]]
            assert all(part and part in q["text"] for part in parts)
            assert q["start"] == q["spans"][0][0] and q["end"] == q["spans"][-1][1]
        else:
            assert seed["text"][q["start"]:q["end"]] == q["text"]
        assert q["rule"]


def _events(seed, etype, sentence_fragment):
    return [e for e in seed["events"] if e["type"] == etype and sentence_fragment in e["sentence"]["text"]]


def _code(party):
    return (party or {}).get("code") or ""


def test_russia_mobilizes_and_requests(seed):
    mob = [e for e in _events(seed, "MOBILIZE", "gathered thousands of troops") if _code(e["source"]).startswith("RUS")]
    assert mob and not mob[0]["hypothetical"]
    req = [e for e in _events(seed, "REQUEST", "binding guarantee") if _code(e["source"]).startswith("RUS")]
    assert req and any("NATO" in _code(e["target"]) for e in req)


def test_allies_reject_and_aid(seed):
    rej = [e for e in _events(seed, "REJECT", "unacceptable") if "NATO" in _code(e["source"])]
    assert rej
    aid = [e for e in _events(seed, "AID", "provided Ukraine") if _code(e["target"]).startswith("UKR")]
    assert aid and "NATO" in _code(aid[0]["source"])


def test_crimea_seizure_is_an_assault_dated_2014(seed):
    assault = _events(seed, "ASSAULT", "seize Crimea")
    assert assault and assault[0]["date"] and assault[0]["date"].startswith("2014")
    assert _code(assault[0]["source"]).startswith("RUS")


def test_feared_invasion_is_hypothetical(seed):
    feared = _events(seed, "ASSAULT", "fresh invasion")
    assert feared, "the feared invasion should be coded, flagged hypothetical"
    assert all(e["hypothetical"] for e in feared)


def test_events_carry_provenance(seed):
    assert seed["events"]
    for e in seed["events"]:
        s = e["sentence"]
        field = {"title": "title", "subtitle": "subtitle"}.get(e.get("section", "body"), "text")
        assert seed[field][s["start"]:s["end"]] == s["text"]
        assert e["rule"] and e["cameo"] and e["goldstein"] is not None
