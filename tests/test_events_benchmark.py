"""Regression floors for the event and actor benchmarks (benchmarks/events.py, benchmarks/actors.py).

Each floor sits a little under the figure measured when it was set, so a change that makes
event coding or actor resolution worse fails here. Every record of the event sets reports an
event, so they are coded as such inputs should be, with the type model's guesses on sentences no
trigger matched (``guess_untriggered_events``); the default, for running news, has floors of
its own on the development sets (``DEFAULT_FLOORS``). The data are read from ../shared (skipped
when it is absent, failing under NEWSGRAPH_REQUIRE_SHARED=1). The figures themselves and the
commands that print them are in the benchmark scripts' docstrings.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import REPO, shared_path

# Measured figures, minus a margin (see the module docstring).
FLOORS = {
    "up_gsr_f1": 0.21,                  # measured 0.234, then 0.222, then 0.216, then 0.217
    "up_gsr_root_f1": 0.40,             # measured 0.395, then 0.413, then 0.424, then 0.413
    "plover_type_acc_top": 0.75,        # measured 0.708, then 0.720, then 0.755, then 0.761, then 0.758 (eighth round)
    "petrarch2_source_agreement": 0.71,  # measured 0.398 ... 0.535, 0.657 (retrained type model), 0.691, 0.719, then 0.724
    "petrarch2_target_agreement": 0.72,  # measured 0.699, 0.733 (argument-selection rules, fourth round), then 0.738
    "petrarch2_f1_with_its_verbs": 0.55,  # measured 0.093, 0.117, then 0.572 (the loaded dictionary wins where it matches)
    # The CAMEO examples without any edited version of a test sentence (49 of them; the 132 before held
    # 83 hand-edited PLOVER GSR sentences): measured 0.469 / 0.674 / 0.735 on these 49, then 0.490 / 0.694 / 0.755
    # ("told X that Y needs to ..." coded as an appeal).
    "cameo_manual_code_acc": 0.47,
    "cameo_manual_root_acc": 0.67,
    "cameo_manual_type_acc_top": 0.73,
    # measured 0.507, 0.527, 0.593, 0.587, then 0.520 (first 150 stories): lowered on purpose when the learned
    # model stopped coding events with no placed source, on verbs of state or inside direct quotations, which
    # on 100 Wikinews articles cut its events from 470, nearly all wrong, to 80 (docs/benchmarks.md, events).
    "ngec_type_acc_any": 0.59,          # then 0.527 (first 150; codebook verbs added to triggers.tsv), then 0.627 (headlines read word by word)
    "ngec_type_acc_top": 0.55,          # measured 0.413, then 0.473, then 0.580 (first 150 stories; headlines read word by word)
    # the set's five-way class of the top event's CAMEO code, 0.867 (first 150 sentences); the earlier
    # floor, 0.81, held the contract's four-way quad against it, which never credited 01-02 or 16
    "conflibert_class5_acc": 0.85,
    "conflibert_target_overlap": 0.87,  # measured 0.757, 0.808, 0.865, then 0.893 (first 150; "called for X to act" targets X)
    "conflibert_source_actor": 0.95,    # measured 0.964, then 0.972 (first 150; any mention of the gold span's actor)
    "conflibert_target_actor": 0.88,    # measured 0.890, then 0.907 (first 150)
    "actors_a_country_acc": 0.97,       # measured 0.992
    "actors_b_country_acc": 0.58,       # measured 0.612
    "actors_coactor_split": 0.92,       # measured 0.929 (13 of the 14 NGEC compound-actor cases), then 1.0
}
DEV_LIMIT = 150
# The default configuration, which codes no sentence without a trigger word (first DEV_LIMIT records).
DEFAULT_FLOORS = {
    "ngec_type_acc_any": 0.69,          # measured 0.713
    "ngec_type_acc_top": 0.60,          # measured 0.620
    "conflibert_class5_acc": 0.84,      # measured 0.867
}


def _load(name: str) -> ModuleType:
    path = REPO / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def guessing() -> Any:
    """The pipeline for inputs whose every sentence reports an event."""
    import newsgraph

    return newsgraph.load(guess_untriggered_events=True)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    shared_path("benchmarks", "events", "jsonl")
    shared_path("tools", "score_events.py")
    return _load("events")


def _summary(gold: Path, pred: Path) -> dict[str, Any]:
    result = subprocess.run([sys.executable, str(shared_path("tools", "score_events.py")), str(gold), str(pred), "--json"],
                            check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def _summary_values(line: str) -> dict[str, float]:
    values: dict[str, float] = {}
    for item in line.split():
        key, _, value = item.partition("=")
        try:
            values[key] = float(value)
        except ValueError:
            continue
    return values


def _run(bench: ModuleType, pipeline: Any, records: list[dict[str, Any]], out: Path) -> list[dict[str, Any]]:
    return bench.analyse(pipeline, records, bench.unique_ids(records), out)


def test_up_gsr_triples(bench, guessing, tmp_path) -> None:
    gold = bench.GOLD / "up_gsr_en_events.jsonl"
    pred = tmp_path / "up.jsonl"
    _run(bench, guessing, bench.read_jsonl(gold), pred)
    scores = _summary(gold, pred)
    values = _summary_values(scores["summary"])
    assert values["f1"] >= FLOORS["up_gsr_f1"], scores["summary"]
    assert values["root_f1"] >= FLOORS["up_gsr_root_f1"], scores["summary"]


def test_plover_gsr_types(bench, guessing, tmp_path) -> None:
    gold = bench.GOLD / "plover_gsr_cameo.jsonl"
    pred = tmp_path / "plover.jsonl"
    _run(bench, guessing, bench.read_jsonl(gold), pred)
    values = _summary_values(_summary(gold, pred)["summary"])
    assert values["type_acc_top"] >= FLOORS["plover_type_acc_top"], values


def test_petrarch2_mechanics_with_a_user_lexicon(bench, tmp_path) -> None:
    """The fictional actors exist only in the extra lexicon: coding them at all shows it loaded."""
    import newsgraph

    lexicon = shared_path("benchmarks", "events", "raw", "petrarch2", "dictionaries", "PETR.Validate.actors.txt")
    pipeline = newsgraph.load(extra_lexicons=(str(lexicon),), guess_untriggered_events=True)
    gold = bench.GOLD / "petrarch2_unittest_events.jsonl"
    pred = tmp_path / "petrarch2.jsonl"
    _run(bench, pipeline, bench.read_jsonl(gold), pred)
    report = subprocess.run([sys.executable, str(shared_path("tools", "score_events.py")), str(gold), str(pred)],
                            check=True, capture_output=True, text=True).stdout
    for side in ("source", "target"):
        line = next(line for line in report.splitlines() if line.strip().startswith(side))
        agreement = float(line.rsplit(":", 1)[1].strip().rstrip("%")) / 100
        assert agreement >= FLOORS[f"petrarch2_{side}_agreement"], report


def test_petrarch2_with_its_own_verb_dictionary(bench, tmp_path) -> None:
    """A user's PETRARCH verb dictionary codes verbs the built-in dictionary does not know:
    the unit tests' fictional verb codes are found only through it."""
    import newsgraph

    dictionaries = shared_path("benchmarks", "events", "raw", "petrarch2", "dictionaries")
    pipeline = newsgraph.load(extra_lexicons=(str(dictionaries / "PETR.Validate.actors.txt"),),
                              guess_untriggered_events=True)
    pipeline.events.load_verb_dictionary(dictionaries / "PETR.Validate.verbs.txt")
    gold = bench.GOLD / "petrarch2_unittest_events.jsonl"
    pred = tmp_path / "petrarch2.jsonl"
    _run(bench, pipeline, bench.read_jsonl(gold), pred)
    values = _summary_values(_summary(gold, pred)["summary"])
    assert values["f1"] >= FLOORS["petrarch2_f1_with_its_verbs"], values


def test_dev_sets(bench, guessing, tmp_path) -> None:
    pipeline = guessing
    manual = bench.cameo_manual_records()
    plover_texts = {bench.normalised(r["text"]) for r in bench.read_jsonl(bench.GOLD / "plover_gsr_cameo.jsonl")}
    assert manual and not any(bench.normalised(r["text"]) in plover_texts for r in manual), "dev must exclude test sentences"
    guard = bench.overlap_guard()
    assert not any(guard.overlaps(r["text"]) for r in manual), "dev must exclude edited versions of test sentences"
    outputs = _run(bench, pipeline, manual, tmp_path / "manual.jsonl")
    values = _summary_values(bench.score_cameo_manual(manual, outputs).splitlines()[-1])
    assert values["code_acc"] >= FLOORS["cameo_manual_code_acc"], values
    assert values["root_acc"] >= FLOORS["cameo_manual_root_acc"], values
    assert values["type_acc_top"] >= FLOORS["cameo_manual_type_acc_top"], values

    stories = bench.read_jsonl(bench.GOLD / "ngec_synthetic_stories.jsonl", DEV_LIMIT)
    outputs = _run(bench, pipeline, stories, tmp_path / "ngec.jsonl")
    values = _summary_values(bench.score_ngec(stories, outputs).splitlines()[-1])
    assert values["type_acc_any"] >= FLOORS["ngec_type_acc_any"], values
    assert values["type_acc_top"] >= FLOORS["ngec_type_acc_top"], values

    sentences = bench.read_jsonl(bench.GOLD / "conflibert_cameo_train.jsonl", DEV_LIMIT)
    outputs = _run(bench, pipeline, sentences, tmp_path / "conflibert.jsonl")
    values = _summary_values(bench.score_conflibert(sentences, outputs).splitlines()[-1])
    assert values["class5_acc"] >= FLOORS["conflibert_class5_acc"], values
    assert values["target_overlap"] >= FLOORS["conflibert_target_overlap"], values
    assert values["source_actor"] >= FLOORS["conflibert_source_actor"], values
    assert values["target_actor"] >= FLOORS["conflibert_target_actor"], values


def test_dev_sets_in_the_default_configuration(bench, pipeline, tmp_path) -> None:
    """With no guesses on untriggered sentences, the trigger dictionary alone still types most stories."""
    stories = bench.read_jsonl(bench.GOLD / "ngec_synthetic_stories.jsonl", DEV_LIMIT)
    values = _summary_values(bench.score_ngec(stories, _run(bench, pipeline, stories, tmp_path / "ngec.jsonl")).splitlines()[-1])
    assert values["type_acc_any"] >= DEFAULT_FLOORS["ngec_type_acc_any"], values
    assert values["type_acc_top"] >= DEFAULT_FLOORS["ngec_type_acc_top"], values
    sentences = bench.read_jsonl(bench.GOLD / "conflibert_cameo_train.jsonl", DEV_LIMIT)
    outputs = _run(bench, pipeline, sentences, tmp_path / "conflibert.jsonl")
    values = _summary_values(bench.score_conflibert(sentences, outputs).splitlines()[-1])
    assert values["class5_acc"] >= DEFAULT_FLOORS["conflibert_class5_acc"], values


def test_actor_countries(pipeline) -> None:
    shared_path("benchmarks", "events", "jsonl", "ngec_actor_resolution_tests.jsonl")
    actors = _load("actors")
    cases = actors.read_cases(actors.country_words())
    predictions = actors.predict(pipeline, [c.text for c in cases])
    hits = {"a": [0, 0], "b": [0, 0]}
    for case, (code, _) in zip(cases, predictions):
        hits[case.group][0] += 1
        hits[case.group][1] += actors.code_parts(code)[0] == case.country
    assert hits["a"][0] > 50 and hits["b"][0] > 50, hits
    assert hits["a"][1] / hits["a"][0] >= FLOORS["actors_a_country_acc"], hits
    assert hits["b"][1] / hits["b"][0] >= FLOORS["actors_b_country_acc"], hits


def test_compound_actors_split(pipeline) -> None:
    shared_path("benchmarks", "events", "jsonl", "ngec_coactor_tests.jsonl")
    actors = _load("actors")
    lines = actors.score_coactors(pipeline.actors, pipeline.parser, show=False)
    values = _summary_values(lines[-1])
    assert values["n"] == 14, lines
    assert values["exact_split"] >= FLOORS["actors_coactor_split"], lines
