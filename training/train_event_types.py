"""Train the PLOVER sentence-type model (src/newsgraph/events/data/plover_type_model.json).

Training data (development data only; the test sets are never read except to drop overlap):

  * NGEC synthetic stories after the first 600 (those are the dev benchmark's evaluation
    stories): the headline and the first two sentences, each an example labelled with the
    story's type (the coder classifies single sentences);
  * the CAMEO code table: each code's name and description, labelled with the code's
    PLOVER type (events/data/cameo_codes.tsv), and with --cameo-examples also the codebook
    example sentence, minus every example that is also a PLOVER GSR sentence.

The model is a multinomial logistic regression (numpy, full-batch Adam, L2), with classes
weighted so that every type carries the same total weight. Features are
``newsgraph.events.typemodel.sentence_features``; features seen once, and features whose
weights all stay small, are dropped.

    .venv/bin/python training/train_event_types.py [--cameo-examples] [--check]

``--check`` prints the training accuracy and the accuracy on the sentences of the 600
held-out NGEC stories without writing the model.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "benchmarks" / "events" / "jsonl"
OUT = REPO / "src" / "newsgraph" / "events" / "data" / "plover_type_model.json"
NGEC_DEV = 600
STORY_SENTENCES = 3  # the headline and the story's first two sentences, each its own example
MIN_COUNT = 2
L2 = 3e-3
EPOCHS = 300
LEARNING_RATE = 0.05
DIGITS = 3
PRUNE = 0.05  # features whose weights all stay under this are dropped from the data file


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def default_codes(ontology: Any) -> dict[str, str]:
    """Per type, its first three-digit root-like code (``180`` for ASSAULT), else its first code."""
    codes: dict[str, list[str]] = {}
    for entry in ontology.cameo.values():
        if entry.plover:
            codes.setdefault(entry.plover, []).append(entry.code)
    out = {}
    for plover_type, listed in codes.items():
        listed.sort()
        out[plover_type] = next((c for c in listed if len(c) == 3 and c.endswith("0")),
                                next((c for c in listed if len(c) == 3), listed[0]))
    return out


Example = tuple[list[str], str, str]  # features, PLOVER type, where it came from


def examples(nlp: Any, ontology: Any, with_cameo_examples: bool) -> tuple[list[Example], list[tuple[list[str], str]]]:
    """Training examples and the held-out sentences of the NGEC dev stories."""
    from newsgraph.events.typemodel import sentence_features

    plover_2 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
    stories = read_jsonl(GOLD / "ngec_synthetic_stories.jsonl")
    texts = [(s.get("headline") or "") + "\n\n" + s["text"][:600] for s in stories]
    labels = [plover_2.get(s["event"].upper(), s["event"].upper()) for s in stories]
    train: list[Example] = []
    held_out: list[tuple[list[str], str]] = []
    for number, (doc, label) in enumerate(zip(nlp.pipe(texts, batch_size=64), labels)):
        for sent in list(doc.sents)[:STORY_SENTENCES]:
            if number < NGEC_DEV:
                held_out.append((sentence_features(sent), label))
            else:
                train.append((sentence_features(sent), label, "ngec"))

    test_texts = {normalised(r["text"]) for r in read_jsonl(GOLD / "plover_gsr_cameo.jsonl")}
    for row in read_jsonl(GOLD / "cameo_codes.jsonl"):
        entry = ontology.cameo.get(row["code"])
        if entry is None or not entry.plover:
            continue
        parts = [row["name"], row.get("description") or ""]
        if with_cameo_examples and row.get("example") and normalised(row["example"]) not in test_texts:
            parts.append(row["example"])
        for doc in nlp.pipe([p for p in parts if p.strip()]):
            train.append((sentence_features(doc), entry.plover, "cameo"))
    return train, held_out


def fit(train: list[Example], types: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Multinomial logistic regression on sparse binary features (index arrays, no scipy)."""
    counts = Counter(f for feats, _, _ in train for f in set(feats))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for row, (feats, _, _) in enumerate(train):
        for f in set(feats):
            if f in index:
                rows.append(row)
                cols.append(index[f])
    rows_a, cols_a = np.array(rows), np.array(cols)
    y = np.array([types.index(t) for _, t, _ in train])
    frequency = np.bincount(y, minlength=len(types)).astype(float)
    sample_weight = (len(y) / (len(types) * np.maximum(frequency, 1)))[y]
    weights = np.zeros((len(vocabulary), len(types)))
    bias = np.zeros(len(types))
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    for step in range(1, EPOCHS + 1):
        logits = np.tile(bias, (len(y), 1))
        np.add.at(logits, rows_a, weights[cols_a])
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        delta = probs
        delta[np.arange(len(y)), y] -= 1.0
        delta *= sample_weight[:, None] / sample_weight.sum()
        grad_w = np.zeros_like(weights)
        np.add.at(grad_w, cols_a, delta[rows_a])
        grad_w += L2 * weights
        grad_b = delta.sum(axis=0)
        for param, grad, m, v in ((weights, grad_w, moments[0], moments[1]), (bias, grad_b, moments[2], moments[3])):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= LEARNING_RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return vocabulary, weights, bias


def accuracy(model: Any, items: list[tuple[list[str], str]]) -> float:
    hits = 0
    for feats, gold in items:
        probs = model.probabilities(feats)
        hits += max(probs, key=probs.get) == gold
    return hits / max(len(items), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cameo-examples", action="store_true", help="also train on the codebook example sentences")
    parser.add_argument("--check", action="store_true", help="report held-out accuracy; do not write the model")
    args = parser.parse_args(argv)
    if not GOLD.exists():
        print(f"{GOLD} is absent: training needs ../shared", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO / "src"))
    from newsgraph.events.ontology import load_ontology
    from newsgraph.events.typemodel import TypeModel
    from newsgraph.nlp import load_language, model_name

    ontology = load_ontology()
    nlp = load_language(model_name())
    types = list(ontology.plover)
    train, held_out = examples(nlp, ontology, args.cameo_examples)
    print(f"training examples: {Counter(origin for _, _, origin in train)}")
    vocabulary, weights, bias = fit(train, types)
    keep = np.abs(weights).max(axis=1) >= PRUNE
    name = "plover-type-lr" + ("+cameo-examples" if args.cameo_examples else "")
    model = TypeModel(types=tuple(types), bias=tuple(round(float(b), DIGITS) for b in bias),
                      weights={f: tuple(round(float(w), DIGITS) for w in row)
                               for f, row, k in zip(vocabulary, weights, keep) if k},
                      default_codes=default_codes(ontology), name=name)
    print(f"features kept: {len(model.weights)} of {len(vocabulary)}")
    print(f"training accuracy {accuracy(model, [(f, t) for f, t, _ in train]):.3f}; "
          f"held-out sentences of the first {NGEC_DEV} NGEC stories {accuracy(model, held_out):.3f}")
    if args.check:
        return 0
    OUT.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
