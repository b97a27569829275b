"""Consistency of the event ontology data: CAMEO table, PLOVER types, trigger dictionary."""

from __future__ import annotations

import re

import pytest

from newsgraph.events.ontology import CONDITION_KEYS, NO_EVENT_CODE, load_cues, load_ontology

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


def expected_quad(root: str) -> int:
    """CAMEO quad class by root code: 01-05 verbal coop, 06-08 material coop, 09-13 verbal conflict, 14-20 material conflict."""
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


@pytest.fixture(scope="module")
def ontology():
    return load_ontology()


def test_plover_has_exactly_the_sixteen_types(ontology) -> None:
    assert set(ontology.plover) == PLOVER_TYPES
    for plover in ontology.plover.values():
        assert plover.quad_class in (1, 2, 3, 4)
        assert -10.0 <= plover.score <= 10.0
        for score in plover.modes.values():
            assert score is None or -10.0 <= score <= 10.0


def test_plover_quad_classes_follow_the_manual(ontology) -> None:
    assert ontology.plover["CONSULT"].quad_class == 1
    assert ontology.plover["AID"].quad_class == 2
    assert ontology.plover["REQUEST"].quad_class == 3
    assert ontology.plover["ASSAULT"].quad_class == 4
    assert "troops" in ontology.plover["MOBILIZE"].modes


def test_cameo_codes_are_strings_with_leading_zeros(ontology) -> None:
    codes = set(ontology.cameo)
    assert {"010", "040", "036", "0211", "1041", "204", "2042"} <= codes
    for code in codes:
        assert re.fullmatch(r"\d{3,4}", code), code
        assert 1 <= int(code[:2]) <= 20, code
    assert "40" not in codes and "4" not in codes


def test_every_subcode_has_its_parent(ontology) -> None:
    for code in ontology.cameo:
        if len(code) == 4:
            assert code[:3] in ontology.cameo, code


def test_every_cameo_code_maps_to_a_plover_type_except_statements(ontology) -> None:
    """PLOVER dropped CAMEO root 01 (public statements); every other code has a PLOVER type."""
    for code, entry in ontology.cameo.items():
        if entry.root == "01":
            assert entry.plover is None, code
        else:
            assert entry.plover in PLOVER_TYPES, code
            if entry.mode is not None:
                assert entry.mode in ontology.plover[entry.plover].modes, (code, entry.mode)


def test_goldstein_scores_in_range_and_quad_consistent_with_root(ontology) -> None:
    for code, entry in ontology.cameo.items():
        assert -10.0 <= entry.goldstein <= 10.0, code
        assert entry.quad_class == expected_quad(entry.root), code


def test_known_codebook_facts(ontology) -> None:
    assert ontology.cameo["040"].plover == "CONSULT"
    assert ontology.cameo["190"].plover == "ASSAULT"
    assert ontology.cameo["190"].goldstein == -10.0
    assert ontology.cameo["072"].plover == "AID"
    assert ontology.cameo["154"].plover == "MOBILIZE"
    assert ontology.cameo["163"].plover == "SANCTION"


def test_every_dictionary_entry_names_an_existing_code(ontology) -> None:
    entries = list(ontology.all_triggers())
    assert len(entries) > 150
    for entry in entries:
        where = f"triggers.tsv line {entry.line}"
        assert entry.kind in ("verb", "noun"), where
        if entry.cameo == NO_EVENT_CODE:
            # words that are no event: only under conditions, beside the lemma's coded entries
            assert entry.conditions and entry.mode is None, where
            assert any(t.cameo != NO_EVENT_CODE for t in ontology.triggers[(entry.kind, entry.lemma)]), where
            continue
        assert entry.cameo in ontology.cameo, where
        plover = ontology.cameo[entry.cameo].plover
        if entry.cameo.startswith("01"):
            # statements are known to the dictionary but are not PLOVER events
            assert plover is None and entry.mode is None, where
            continue
        assert plover in PLOVER_TYPES, where
        if entry.mode is not None:
            assert entry.mode in ontology.plover[plover].modes, where
        for key, values in entry.conditions:
            assert key in CONDITION_KEYS and values, where


def test_dictionary_covers_every_plover_type(ontology) -> None:
    covered = {ontology.cameo[e.cameo].plover for e in ontology.all_triggers() if e.cameo != NO_EVENT_CODE}
    assert covered - {None} == PLOVER_TYPES


def test_cues_have_the_lists_the_coder_reads() -> None:
    cues = load_cues()
    for key in ("hypothetical_modals", "hypothetical_governors", "negating_governors", "light_verbs",
                "verb_target_preps", "noun_target_preps", "location_preps", "gathering_nouns"):
        assert cues[key], key
    assert "could" in cues["hypothetical_modals"] and "will" not in cues["hypothetical_modals"]


def test_recoding_tables_point_at_the_right_plover_types() -> None:
    """Promised acts become AGREE (03x), refused ones REJECT (12x), announced conflict THREATEN (13x)."""
    from newsgraph.events.ontology import load_cues, load_ontology

    ontology = load_ontology()
    cues = load_cues()
    for table, wanted in (("intent_by_code", "AGREE"), ("refusal_by_code", "REJECT"), ("threat_by_code", "THREATEN")):
        assert cues[table], table
        for act, recoded in cues[table].items():
            assert act in ontology.cameo, (table, act)
            assert ontology.cameo[recoded].plover == wanted, (table, act, recoded)
