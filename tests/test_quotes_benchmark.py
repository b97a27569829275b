"""Regression floors for the quotes stage: PolNeAR dev, scored by the shared scorer, and the GUM
Wikinews quotation marks (benchmarks/quotes_gum.py).

Runs the 84 dev articles through the loaded pipeline (as ``benchmarks/quotes.py`` does), writes
the contract JSONL, and scores it with ``../shared/tools/score_quotes.py --json`` over all
attributions and over direct+mixed. The floors sit a little under the figures measured when
they were set (see docs/benchmarks.md); a drop below one of them is a regression.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, shared_path

FLOOR_E2E_F1_ALL = 0.680
FLOOR_E2E_F1_DIRECT_MIXED = 0.800
FLOOR_RECALL_DIRECT = 0.958  # measured 0.963 (ninth session)
FLOOR_SPEAKER_ACCURACY_DIRECT_MIXED = 0.950
FLOOR_GUM_QUOTATION_RECALL = 0.86  # measured 0.887
CEILING_GUM_QUOTED_WORDS_TAKEN = 5  # measured 3 of 46


def _score(scorer: Path, gold: Path, predictions: Path, types: str | None) -> dict[str, Any]:
    command = [sys.executable, str(scorer), str(gold), str(predictions), "--json"]
    if types:
        command += ["--types", types]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def dev_scores(pipeline, tmp_path_factory) -> dict[str, dict[str, Any]]:
    from newsgraph.records import RawDocument

    gold = shared_path("benchmarks", "quotes", "jsonl", "polnear_dev.jsonl")
    scorer = shared_path("tools", "score_quotes.py")
    records = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
    documents = (RawDocument(id=r["id"], kind="text", content=r["text"], source=r["id"]) for r in records)
    predictions = tmp_path_factory.mktemp("quotes_bench") / "polnear_dev.jsonl"
    with predictions.open("w", encoding="utf-8") as handle:
        for analysed in pipeline.pipe(documents):
            assert analysed.error is None, analysed.error
            handle.write(json.dumps(analysed.to_dict(), ensure_ascii=False) + "\n")
    return {
        "all": _score(scorer, gold, predictions, None),
        "direct+mixed": _score(scorer, gold, predictions, "direct,mixed"),
    }


def test_end_to_end_f1_all_attributions(dev_scores) -> None:
    assert dev_scores["all"]["documents"] == 84
    assert dev_scores["all"]["end_to_end_overlap"]["f1"] >= FLOOR_E2E_F1_ALL


def test_end_to_end_f1_direct_and_mixed(dev_scores) -> None:
    assert dev_scores["direct+mixed"]["end_to_end_overlap"]["f1"] >= FLOOR_E2E_F1_DIRECT_MIXED


def test_direct_quote_recall(dev_scores) -> None:
    assert dev_scores["all"]["recall_by_type"]["direct"]["recall"] >= FLOOR_RECALL_DIRECT


def test_speaker_accuracy_on_direct_and_mixed(dev_scores) -> None:
    assert dev_scores["direct+mixed"]["speaker_accuracy_on_matched"] >= FLOOR_SPEAKER_ACCURACY_DIRECT_MIXED


@pytest.fixture(scope="module")
def gum_figures(pipeline) -> dict[str, float]:
    shared_path("corpus", "wikinews_gum.jsonl")
    path = REPO / "benchmarks" / "quotes_gum.py"
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location("bench_quotes_gum", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure(pipeline)


def test_gum_quotations_are_found_and_quoted_words_left_alone(gum_figures) -> None:
    assert gum_figures["docs"] == 43 and gum_figures["quotes"] >= 90
    assert gum_figures["quote_recall"] >= FLOOR_GUM_QUOTATION_RECALL
    assert gum_figures["q_taken"] <= CEILING_GUM_QUOTED_WORDS_TAKEN
