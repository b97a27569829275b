"""Actors inside kinship and personal-relation phrases: "the son of the leader" is the son.

A relation noun (``relation_nouns.txt``) heads a private person of their own, so the event coder
must not hand its possessor or "of" object the act; a role noun ("spokesman", "president") of a
body still speaks for that body."""

from __future__ import annotations

import pytest

from newsgraph.actors.lexicon import load_relation_nouns


def _events(pipeline, text: str) -> list[dict]:
    return pipeline.analyze(text, kind="text").to_dict()["events"]


def _code(participant: dict | None) -> str:
    return (participant or {}).get("code") or ""


def test_relation_nouns_are_data_and_exclude_roles() -> None:
    nouns = load_relation_nouns()
    assert {"son", "wife", "fiancee", "lawyer", "friend"} <= nouns
    assert not {"spokesman", "president", "minister", "leader"} & nouns


@pytest.mark.parametrize("text, possessor, wrong_country", [
    ("The fiancee of a jailed Saudi blogger accused Turkey of ignoring the case.", "Saudi blogger", "SAU"),
    ("The wife of the Iranian president criticized Israel on Sunday.", "Iranian president", "IRN"),
    ("The Iranian president's daughter condemned Israel in a statement.", "Iranian president", "IRN"),
    ("The lawyer of the jailed Russian activist urged France to act.", "Russian activist", "RUS"),
])
def test_relation_head_is_not_its_possessor(pipeline, text: str, possessor: str, wrong_country: str) -> None:
    events = _events(pipeline, text)
    assert events, "the act itself is still coded"
    for event in events:
        source = event.get("source")
        assert not _code(source).startswith(wrong_country), source
        assert source is None or source.get("name") != possessor, source


def test_relation_target_is_not_the_of_object(pipeline) -> None:
    text = "The son of the former Libyan leader was killed by rebels near the border."
    events = _events(pipeline, text)
    assert events, "the killing is still coded"
    for event in events:
        assert not _code(event.get("target")).startswith("LBY"), event.get("target")


def test_role_of_a_country_keeps_that_country(pipeline) -> None:
    text = "The president of France visited Germany on Monday."
    sources = [e["source"] for e in _events(pipeline, text) if e.get("source")]
    assert any(_code(s).startswith("FRA") for s in sources), sources


def test_role_of_a_ministry_keeps_the_government(pipeline) -> None:
    text = "The spokesman of the foreign ministry criticized Germany on Monday."
    sources = [e["source"] for e in _events(pipeline, text) if e.get("source")]
    assert any(_code(s).endswith("GOV") for s in sources), sources


def test_relation_keeps_its_own_country_modifier(pipeline) -> None:
    text = "A Syrian son of the former Libyan leader was killed by rebels."
    targets = [e["target"] for e in _events(pipeline, text) if e.get("target")]
    assert targets, "the son is still the target"
    assert all(_code(t).startswith("SYR") for t in targets), targets
