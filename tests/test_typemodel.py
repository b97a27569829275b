"""The learned PLOVER sentence-type model: its features, its packaged weights, and the training
data's separation from the test sets (PLOVER GSR, UP GSR)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from newsgraph.events.ontology import load_ontology
from newsgraph.events.typemodel import MODEL_FILE, TypeModel, headline_lemma, lemma_candidates, load_type_model, \
    model_from_json, sentence_distribution, sentence_features
from conftest import shared_path

TRAINING = Path(__file__).resolve().parents[1] / "training"
sys.path.insert(0, str(TRAINING))

import type_sources  # noqa: E402
import train_event_types  # noqa: E402

MAX_MODEL_BYTES = 3_000_000
LONG_RUN = 8  # words in a row shared with a test sentence: a copy


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.nlp import load_language, model_name

    return load_language(model_name())


def _word_runs(text: str, length: int = LONG_RUN) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i:i + length]) for i in range(len(words) - length + 1)}


# ------------------------------------------------------------------------------------ features


def test_features_drop_names_but_keep_the_act_and_its_object(nlp) -> None:
    features = sentence_features(nlp("Police in Ruritania arrested forty students from Borduria on Friday."))
    assert "v:arrest" in features and "vo:arrest_student" in features
    assert "sv:police_arrest" in features
    assert not any("ruritan" in f or "bordur" in f for f in features)


def test_features_mark_negation_and_modals(nlp) -> None:
    features = sentence_features(nlp("The council would not lift the sanctions."))
    assert "neg:lift" in features and "modal:lift" in features
    plain = sentence_features(nlp("The council lifted the sanctions."))
    assert "neg:lift" not in plain and "modal:lift" not in plain


def test_title_case_headline_words_become_features(nlp) -> None:
    """The tagger reads a title-case headline's verbs as names; the model still sees them."""
    headline = sentence_features(nlp("Army Withdraws Troops From Disputed Border Villages"))
    assert any(f in headline for f in ("t:withdraws", "v:withdraw", "w:withdraw"))
    sentence = sentence_features(nlp("Zembla criticised Ruritania over the border dispute."))
    assert not any(f.startswith("t:") for f in sentence)


def test_title_case_headline_words_are_read_as_lemmas_the_model_knows(nlp) -> None:
    headline = nlp("Army Withdraws Troops From Disputed Border Villages")
    known = sentence_features(headline, frozenset({"withdraw", "troop"}))
    assert "w:withdraw" in known and "b:withdraw_troop" in known
    assert "w:village" not in known
    assert not any(f.startswith("w:") for f in sentence_features(headline))


def test_lemma_candidates_undo_regular_inflections() -> None:
    assert next(lemma_candidates("expelled")) == "expelled"
    assert "expel" in lemma_candidates("expelled")
    assert "arrive" in lemma_candidates("arrives")
    assert "rally" in lemma_candidates("rallies")
    assert "stop" in lemma_candidates("stopping")
    assert "ral" not in lemma_candidates("rallies")


def test_a_headline_word_taken_for_a_name_counts_only_when_inflected(nlp) -> None:
    from spacy.tokens import Doc, Span

    doc = Doc(nlp.vocab, words=["Gordon", "Brown", "Expels", "Envoys", "Zembla"])
    doc.ents = [Span(doc, 0, 4, label="PERSON"), Span(doc, 4, 5, label="GPE")]
    lemmas = frozenset({"brown", "expel", "envoy", "zembla"})
    assert headline_lemma(doc[2], lemmas) == "expel"
    assert headline_lemma(doc[3], lemmas) == "envoy"
    assert headline_lemma(doc[1], lemmas) is None
    assert headline_lemma(doc[4], lemmas) is None


def test_model_file_stores_weights_as_integers_and_reads_them_back() -> None:
    def toy(weights: dict[str, tuple[float, ...]]) -> TypeModel:
        return TypeModel(types=("AGREE", "ASSAULT"), bias=(0.25, -0.25), weights=weights,
                         default_codes={"AGREE": "057", "ASSAULT": "190"}, name="toy-lr", lemmas=frozenset({"sign"}))

    hundredths = toy({"w:sign": (0.12, -2.0)})
    assert '"w:sign":[12,-200]' in hundredths.to_json()
    assert model_from_json(hundredths.to_json()) == hundredths
    thousandths = toy({"w:sign": (0.123, -2.0), "w:shell": (-0.5, 1.25)})
    assert '"w:sign":[123,-2000]' in thousandths.to_json()
    again = model_from_json(thousandths.to_json())
    assert again == thousandths and again.lemmas == frozenset({"sign"})


# ------------------------------------------------------------------------------------ packaged model


def test_packaged_model_covers_the_plover_types_with_valid_codes() -> None:
    model = load_type_model()
    assert model is not None
    ontology = load_ontology()
    assert set(model.types) == set(ontology.plover)
    assert all(ontology.plover_of(code)[0] == plover_type for plover_type, code in model.default_codes.items())
    assert all(len(row) == len(model.types) for row in model.weights.values())
    assert model_from_json(model.to_json()) == model


def test_packaged_model_file_stays_small() -> None:
    from importlib import resources

    size = len(resources.files("newsgraph.events").joinpath(f"data/{MODEL_FILE}").read_bytes())
    assert 0 < size < MAX_MODEL_BYTES


@pytest.mark.parametrize("text, expected", [
    ("Riot police detained dozens of opposition activists and imposed a curfew on the city.", "COERCE"),
    ("Thousands of demonstrators marched through the capital to demand the minister's resignation.", "PROTEST"),
    ("The army pulled its troops out of the disputed border villages.", "RETREAT"),
    ("The two foreign ministers met in Vienna to discuss the water dispute.", "CONSULT"),
    ("Fighter jets bombed rebel positions overnight, killing twelve fighters.", "ASSAULT"),
    ("The government mobilised reservists and deployed tanks along the frontier.", "MOBILIZE"),
])
def test_packaged_model_names_the_type_of_plain_invented_sentences(nlp, text: str, expected: str) -> None:
    model = load_type_model()
    distribution = sentence_distribution(model, next(iter(nlp(text).sents)))
    assert sum(distribution.values()) == pytest.approx(1.0)
    assert max(distribution, key=distribution.__getitem__) == expected


# ------------------------------------------------------------------------------------ training


def test_overlap_guard_catches_edited_copies_and_spares_other_text() -> None:
    test_sentence = ("Zembla and Ruritania agreed on Monday to reopen the mountain pass to lorries carrying "
                     "grain, the Zemblan trade ministry said.")
    guard = type_sources.OverlapGuard([test_sentence])
    assert guard.overlaps(test_sentence)
    assert guard.overlaps(test_sentence.upper().replace(",", ""))
    edited = test_sentence.replace("Zembla", "Syldavia").replace("Monday", "Friday")
    assert guard.overlaps(edited)
    assert guard.overlaps("Officials said the countries agreed to reopen the mountain pass to lorries carrying "
                          "grain after a long dispute over tolls and customs checks at the frontier posts.")
    assert not guard.overlaps("Borduria expelled two diplomats after a row over fishing rights in the lake.")


def test_fit_learns_full_and_partial_labels() -> None:
    types = ["AGREE", "ASSAULT", "PROTEST"]
    Example = train_event_types.Example
    train = ([Example(("v:sign",), "AGREE", "toy", "a")] * 5 + [Example(("v:shell",), "ASSAULT", "toy", "b")] * 5
             + [Example(("v:march",), "PROTEST", "toy", "c")] * 5
             + [Example(("v:sign", "w:pact"), "AGREE", "toy", "d", allowed=("AGREE",))] * 3)
    fitted = train_event_types.fit(train, types, l2=1e-3, epochs=150, learning_rate=0.1, balance=1.0,
                                   partial_weight=1.0)
    assert train_event_types.predict(fitted, ("v:shell",)) == "ASSAULT"
    assert train_event_types.predict(fitted, ("v:march",)) == "PROTEST"
    assert train_event_types.predict(fitted, ("w:pact",)) == "AGREE"


def test_training_data_shares_no_sentence_with_the_test_sets() -> None:
    """Every text the training script reads, checked here with a rule of its own: no run of
    eight words in common with a PLOVER GSR or UP GSR sentence."""
    gold = shared_path("benchmarks", "events", "jsonl")
    test_runs: set[tuple[str, ...]] = set()
    for name in type_sources.TEST_FILES:
        for record in type_sources.read_jsonl(gold / name):
            test_runs |= _word_runs(record.get("text") or "")
    data = type_sources.collect(gold=gold)
    texts = [item.text for item in data.trainable + data.cameo_examples]
    texts += [text for text, _ in data.quad_train]
    assert len(texts) > 4000
    copies = [text[:80] for text in texts if _word_runs(text) & test_runs]
    assert copies == []
    assert data.dropped["cameo-example"] > 100  # the codebook examples the GSR was written from


def test_held_out_ngec_stories_share_no_headline_template_with_training_stories() -> None:
    gold = shared_path("benchmarks", "events", "jsonl")
    train, held_out = type_sources.ngec_stories(gold)
    assert len(held_out) >= type_sources.NGEC_DEV_STORIES
    assert not {item.group for item in train} & {item.group for item in held_out}
