"""Train the PLOVER sentence-type model (src/newsgraph/events/data/plover_type_model.json).

Training data (``training/type_sources.py`` reads it from ../shared; every text that shares
wording with a test-set sentence, PLOVER GSR or UP GSR, is dropped first, which removes most
CAMEO codebook examples: the GSR was written from them):

  * NGEC synthetic stories: the headline and the story's first four sentences
    (``--story-sentences``, 5 with the headline; 3 gave lower held-out figures), each an
    example labelled with the story's type, except the held-out stories (the dev benchmark's
    first 600 and every story written from one of their headline templates), of which the
    headline and the first two sentences are scored whatever ``--story-sentences`` says;
  * the CAMEO codebook: each code's name, description, usage notes and example sentence,
    labelled with the code's PLOVER type;
  * the PLOVER manual's type and mode definitions and NGEC's structured codebook;
  * CASE 2021 news snippets whose ACLED type has one PLOVER type (ASSAULT, PROTEST, COERCE,
    AGREE);
  * ConfliBERT sentences after the dev benchmark's first 600, as partial labels: their
    conflict/cooperation class allows several types, and the loss is -log of their sum.

Codebook, manual and CASE texts weigh ``--curated-weight`` times a story sentence (held-out
figures rose with it up to about 6).

Held-out figures (never trained on): the sentences of the held-out NGEC stories (headline
alone, every sentence, and the story as a whole), the CAMEO example sentences left after the
overlap check by 5-fold cross-validation over codes, and the first 600 ConfliBERT training
sentences' class (the top type's class must be the sentence's). Calibration: the share of
held-out sentences whose top probability clears candidate coder thresholds, the accuracy
among them, and the same share for ConfliBERT's public statements (CAMEO 01-02, no PLOVER
type), which the coder should leave alone; the weights are divided by the temperature that
fits the held-out NGEC labels best.

The model is a multinomial logistic regression (numpy, full-batch Adam, L2) with classes
weighted so that every type carries the same total weight. Features are
``newsgraph.events.typemodel.sentence_features``; features seen fewer than twice, and those
whose weights all stay small, are dropped, and weights are kept to two decimals. A title-case
headline's words, which the tagger reads as names, are read as the lemmas that the training
texts' other words have (``known_lemmas``, a first pass over the texts); the model file keeps
that list so that inference reads headlines the same way.

    .venv/bin/python training/train_event_types.py [--check] [--evaluate-packaged] [--without b,sv] ...

``--check`` prints the held-out figures without writing the model; ``--evaluate-packaged``
prints those of the model file at ``--out`` (the packaged one by default); ``--out`` writes a
candidate elsewhere. Parses are cached under the system temporary folder (``--cache``), keyed
by the texts and the spaCy model.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import type_sources as sources  # noqa: E402

OUT = REPO / "src" / "newsgraph" / "events" / "data" / "plover_type_model.json"
MODEL_NAME = "plover-type-lr3"
MIN_COUNT = 2
DIGITS = 2
PRUNE = 0.05  # features whose weights all stay under this are dropped from the data file
FOLDS = 5
CURATED_SOURCES = ("cameo-definition", "plover-definition", "cameo-example", "case2021")
CODER_MIN_LIFT = 2.0  # the coder codes a trigger-less sentence when top probability x types >= this
LIFTS = (2.0, 3.0, 4.0, 6.0, 8.0)  # candidate thresholds reported for the coder
TEMPERATURES = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


@dataclass(frozen=True, slots=True)
class Example:
    features: tuple[str, ...]
    label: str
    source: str
    group: str
    story: int = -1  # index of the story a sentence comes from (-1: not a story)
    position: int = 0  # sentence number inside its story (0: headline)
    allowed: tuple[str, ...] = ()  # a partial label: any of these types (ConfliBERT's classes)


def parse_cached(nlp: Any, texts: list[str], cache: Path) -> list[Any]:
    """Parsed documents, read from the cache when the same texts were parsed before."""
    from spacy.tokens import DocBin

    key = hashlib.sha1("\x00".join([nlp.meta.get("name", ""), nlp.meta.get("version", ""), *texts])
                       .encode("utf-8")).hexdigest()[:16]
    path = cache / f"typemodel-{key}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=64))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def to_examples(nlp: Any, items: list[sources.Labelled], cache: Path, lemmas: frozenset[str]) -> list[Example]:
    """One example per text, or per sentence of a story; ``lemmas`` reads title-case headline words."""
    from newsgraph.events.typemodel import sentence_features

    out: list[Example] = []
    for number, (item, doc) in enumerate(zip(items, parse_cached(nlp, [i.text for i in items], cache))):
        if item.sentences:
            for position, sent in enumerate(list(doc.sents)[:item.sentences]):
                out.append(Example(tuple(sentence_features(sent, lemmas)), item.label, item.source, item.group,
                                   number, position))
        else:
            out.append(Example(tuple(sentence_features(doc, lemmas)), item.label, item.source, item.group))
    return out


def featurise(nlp: Any, texts: list[str], cache: Path, lemmas: frozenset[str]) -> list[tuple[str, ...]]:
    from newsgraph.events.typemodel import sentence_features

    return [tuple(sentence_features(doc, lemmas)) for doc in parse_cached(nlp, texts, cache)]


def known_lemmas(examples: list[Example]) -> frozenset[str]:
    """The lemmas of word features a model trained on these examples keeps (seen at least
    ``MIN_COUNT`` times): the ones a title-case headline word can be read as, as at inference."""
    counts = Counter(f for ex in examples for f in set(ex.features) if f.startswith("w:"))
    return frozenset(f[2:] for f, n in counts.items() if n >= MIN_COUNT)


class Fitted:
    """A trained weight matrix with its vocabulary, for held-out evaluation before packaging."""

    def __init__(self, vocabulary: list[str], weights: np.ndarray, bias: np.ndarray, types: list[str]) -> None:
        self.index = {f: i for i, f in enumerate(vocabulary)}
        self.vocabulary, self.weights, self.bias, self.types = vocabulary, weights, bias, types

    def log_probabilities(self, features: Iterable[str]) -> np.ndarray:
        scores = self.bias.copy()
        for feature in set(features):
            row = self.index.get(feature)
            if row is not None:
                scores = scores + self.weights[row]
        scores -= scores.max()
        return scores - math.log(np.exp(scores).sum())


def fit(train: list[Example], types: list[str], l2: float, epochs: int, learning_rate: float,
        balance: float, partial_weight: float, source_weights: dict[str, float] | None = None) -> Fitted:
    """Multinomial logistic regression on sparse binary features (CSR arrays, numpy only).

    An example with a partial label (``allowed``) adds -log of the probability of its set of
    types, so it says "one of these" without choosing; each weighs ``partial_weight`` times an
    average single-label example; ``source_weights`` multiplies the examples of a source."""
    counts = Counter(f for ex in train for f in set(ex.features))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    rows: list[int] = []
    cols: list[int] = []
    for row, ex in enumerate(train):
        for f in sorted(set(ex.features)):
            if f in index:
                rows.append(row)
                cols.append(index[f])
    rows_a, cols_a = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    n = len(train)
    row_starts = np.searchsorted(rows_a, np.arange(n))
    has_features = np.bincount(rows_a, minlength=n) > 0
    by_column = np.argsort(cols_a, kind="stable")
    used_columns, column_starts = np.unique(cols_a[by_column], return_index=True)
    target = np.zeros((n, len(types)))
    for row, ex in enumerate(train):
        for label in ex.allowed or (ex.label,):
            target[row, types.index(label)] = 1.0
    partial = np.array([bool(ex.allowed) for ex in train])
    y = np.array([types.index(ex.label) if not ex.allowed else 0 for ex in train])
    frequency = np.bincount(y[~partial], minlength=len(types)).astype(float)
    class_weight = (len(y) / (len(types) * np.maximum(frequency, 1))) ** balance
    sample_weight = class_weight[y]
    if partial.any():
        sample_weight[partial] = partial_weight * sample_weight[~partial].mean()
    if source_weights:
        sample_weight *= np.array([source_weights.get(ex.source, 1.0) for ex in train])
    sample_weight /= sample_weight.sum()
    weights = np.zeros((len(vocabulary), len(types)))
    bias = np.zeros(len(types))
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    safe_starts = np.minimum(row_starts, max(len(cols_a) - 1, 0))
    for step in range(1, epochs + 1):
        gathered = weights[cols_a]
        sums = np.add.reduceat(gathered, safe_starts, axis=0) if len(cols_a) else np.zeros((n, len(types)))
        logits = np.where(has_features[:, None], sums, 0.0) + bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        allowed = probs * target
        delta = (probs - allowed / allowed.sum(axis=1, keepdims=True)) * sample_weight[:, None]
        grad_w = l2 * weights
        grad_w[used_columns] += np.add.reduceat(delta[rows_a[by_column]], column_starts, axis=0)
        grad_b = delta.sum(axis=0)
        for param, grad, m, v in ((weights, grad_w, moments[0], moments[1]), (bias, grad_b, moments[2], moments[3])):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= learning_rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return Fitted(vocabulary, weights, bias, types)


# ---------------------------------------------------------------------------------- evaluation


def per_type_report(name: str, gold: list[str], predicted: list[str]) -> str:
    total: Counter[str] = Counter(gold)
    hits: Counter[str] = Counter(g for g, p in zip(gold, predicted) if g == p)
    accuracy = sum(hits.values()) / max(len(gold), 1)
    macro = sum(hits[t] / total[t] for t in total) / max(len(total), 1)
    lines = [f"{name}: n={len(gold)} accuracy={accuracy:.3f} macro-average over types={macro:.3f}"]
    lines.append("    " + "  ".join(f"{t}={hits[t]}/{total[t]}" for t in sorted(total)))
    return "\n".join(lines)


def calibration(name: str, model: Fitted, items: list[tuple[tuple[str, ...], str]]) -> str:
    """Share of sentences the coder would code without a trigger, and how often it is right."""
    confident = right = 0
    bins: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for features, gold in items:
        probs = np.exp(model.log_probabilities(features))
        best = int(probs.argmax())
        hit = model.types[best] == gold
        if probs[best] * len(model.types) >= CODER_MIN_LIFT:
            confident += 1
            right += hit
        cell = bins[min(int(probs[best] * 5), 4)]
        cell[0] += 1
        cell[1] += hit
    table = "  ".join(f"p<{(b + 1) / 5:.1f}:{c[1]}/{c[0]}" for b, c in sorted(bins.items()))
    nll = {t: log_loss(model, items, t) for t in TEMPERATURES}
    best = min(nll, key=nll.__getitem__)
    return (f"{name}: top p >= {CODER_MIN_LIFT / len(model.types):.3f} on {confident}/{len(items)}"
            f" (accuracy there {right / max(confident, 1):.3f}); accuracy by top p: {table};"
            f" mean log-loss {nll[1.0]:.3f}, lowest at temperature {best} ({nll[best]:.3f})")


def log_loss(model: Fitted, items: list[tuple[tuple[str, ...], str]], temperature: float) -> float:
    total = 0.0
    for features, gold in items:
        scaled = model.log_probabilities(features) / temperature
        total -= scaled[model.types.index(gold)] - math.log(np.exp(scaled - scaled.max()).sum()) - scaled.max()
    return total / max(len(items), 1)


def best_temperature(model: Fitted, items: list[tuple[tuple[str, ...], str]]) -> float:
    """The divisor of the weights that makes the probabilities fit held-out labels best, so that
    the coder's threshold on the top probability means what it says."""
    return min(TEMPERATURES, key=lambda t: log_loss(model, items, t))


def thresholds(name: str, model: Fitted, items: list[tuple[tuple[str, ...], str]],
               statements: list[tuple[str, ...]]) -> str:
    """For candidate coder thresholds (top probability over the uniform one): the share of
    held-out sentences coded, the accuracy among them, and the share of statements coded."""
    tops = [np.exp(model.log_probabilities(f)) for f, _ in items]
    cells = []
    for lift in LIFTS:
        chosen = [(p, g) for p, (_, g) in zip(tops, items) if p.max() * len(model.types) >= lift]
        right = sum(model.types[int(p.argmax())] == g for p, g in chosen)
        said = sum(np.exp(model.log_probabilities(f)).max() * len(model.types) >= lift for f in statements)
        cells.append(f"lift {lift}: {len(chosen)}/{len(items)} coded, {right / max(len(chosen), 1):.3f} right,"
                     f" statements {said}/{len(statements)}")
    return f"{name}:\n    " + "\n    ".join(cells)


def predict(model: Fitted, features: Iterable[str]) -> str:
    return model.types[int(model.log_probabilities(features).argmax())]


def evaluate_ngec(model: Fitted, held_out: list[Example]) -> list[str]:
    headlines = [ex for ex in held_out if ex.position == 0]
    lines = [per_type_report("NGEC held-out headlines", [ex.label for ex in headlines],
                             [predict(model, ex.features) for ex in headlines]),
             per_type_report("NGEC held-out sentences (headline + first sentences)", [ex.label for ex in held_out],
                             [predict(model, ex.features) for ex in held_out])]
    stories: dict[int, list[Example]] = defaultdict(list)
    for ex in held_out:
        stories[ex.story].append(ex)
    gold, predicted = [], []
    for story in stories.values():
        total = sum(model.log_probabilities(ex.features) for ex in story)
        gold.append(story[0].label)
        predicted.append(model.types[int(np.argmax(total))])
    lines.append(per_type_report("NGEC held-out stories (sum of sentence log-probabilities)", gold, predicted))
    lines.append(calibration("  calibration, NGEC held-out headlines", model,
                             [(ex.features, ex.label) for ex in headlines]))
    return lines


def evaluate_quads(model: Fitted, quads: list[tuple[tuple[str, ...], int]], type_quads: dict[str, set[int]],
                   statements: list[tuple[str, ...]]) -> list[str]:
    hits = 0
    per_class: Counter[int] = Counter()
    per_class_hits: Counter[int] = Counter()
    for features, quad in quads:
        hit = quad in type_quads.get(predict(model, features), set())
        hits += hit
        per_class[quad] += 1
        per_class_hits[quad] += hit
    coded = sum(np.exp(model.log_probabilities(f)).max() * len(model.types) >= CODER_MIN_LIFT for f in statements)
    detail = "  ".join(f"class {q}={per_class_hits[q]}/{per_class[q]}" for q in sorted(per_class))
    return [f"ConfliBERT train (first 600, held out), class of the top type: n={len(quads)}"
            f" accuracy={hits / max(len(quads), 1):.3f}  ({detail})",
            f"  public statements (class 0, no PLOVER type) over the coder's threshold: {coded}/{len(statements)}"]


def cross_validate(examples_cv: list[Example], rest: list[Example], types: list[str],
                   train_model: Callable[[list[Example]], Fitted]) -> str:
    """Each CAMEO example sentence predicted by a model trained without its code's fold."""
    groups = sorted({ex.group for ex in examples_cv})
    fold_of = {g: int(hashlib.sha1(g.encode()).hexdigest(), 16) % FOLDS for g in groups}
    gold, predicted = [], []
    for fold in range(FOLDS):
        held = [ex for ex in examples_cv if fold_of[ex.group] == fold]
        model = train_model(rest + [ex for ex in examples_cv if fold_of[ex.group] != fold])
        gold += [ex.label for ex in held]
        predicted += [predict(model, ex.features) for ex in held]
    return per_type_report(f"CAMEO example sentences, {FOLDS}-fold cross-validation over codes", gold, predicted)


# ---------------------------------------------------------------------------------- packaging


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


def package(fitted: Fitted, ontology: Any, name: str, lemmas: frozenset[str]) -> Any:
    from newsgraph.events.typemodel import TypeModel

    keep = np.abs(fitted.weights).max(axis=1) >= PRUNE
    return TypeModel(types=tuple(fitted.types), bias=tuple(round(float(b), DIGITS) for b in fitted.bias),
                     weights={f: tuple(round(float(w), DIGITS) for w in row)
                              for f, row, k in zip(fitted.vocabulary, fitted.weights, keep) if k},
                     default_codes=default_codes(ontology), name=name, lemmas=lemmas)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report held-out figures; do not write the model")
    parser.add_argument("--no-case", action="store_true", help="leave out the CASE 2021 snippets")
    parser.add_argument("--no-cv", action="store_true", help="skip the CAMEO example cross-validation")
    parser.add_argument("--story-sentences", type=int, default=5, help="headline + this many - 1 sentences per story")
    parser.add_argument("--l2", type=float, default=3e-4)
    parser.add_argument("--epochs", type=int, default=300)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--partial-weight", type=float, default=1.0,
                        help="weight of a ConfliBERT sentence (partial label) against a labelled one; 0: none")
    parser.add_argument("--curated-weight", type=float, default=6.0,
                        help="weight of codebook, manual and CASE texts against synthetic story sentences")
    parser.add_argument("--balance", type=float, default=1.0, help="0: no class weights, 1: every type weighs the same")
    parser.add_argument("--without", help="comma-separated feature kinds to leave out (ablation), e.g. b,sv")
    parser.add_argument("--evaluate-packaged", action="store_true",
                        help="report the held-out figures of the model file at --out instead of training one")
    parser.add_argument("--temperature", type=float,
                        help="divide the weights by this (default: the one that fits the held-out NGEC labels best)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model (default: the packaged one)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-typemodel")
    args = parser.parse_args(argv)
    if not sources.GOLD.exists():
        print(f"{sources.GOLD} is absent: training needs ../shared", file=sys.stderr)
        return 2
    from newsgraph.events.ontology import load_ontology
    from newsgraph.nlp import load_language, model_name

    ontology = load_ontology()
    nlp = load_language(model_name())
    types = list(ontology.plover)
    data = sources.collect(args.story_sentences, not args.no_case)
    packaged = None
    if args.evaluate_packaged:
        from newsgraph.events.typemodel import model_from_json

        packaged = model_from_json(args.out.read_text("utf-8"))
        lemmas = packaged.lemmas
    else:
        first_pass = to_examples(nlp, data.trainable + data.cameo_examples, args.cache, frozenset())
        if args.partial_weight > 0:
            first_pass += [Example(f, "", "conflibert-class", "")
                           for f in featurise(nlp, [t for t, _ in data.quad_train], args.cache, frozenset())]
        lemmas = known_lemmas(first_pass)
    base = to_examples(nlp, data.trainable, args.cache, lemmas)
    cameo_examples = to_examples(nlp, data.cameo_examples, args.cache, lemmas)
    held_out = to_examples(nlp, data.held_out_stories, args.cache, lemmas)
    type_quads = sources.plover_quads()
    held_features = featurise(nlp, [text for text, _ in data.quad_held], args.cache, lemmas)
    quads = [(f, q) for f, (_, q) in zip(held_features, data.quad_held) if q > 0]
    statements = [f for f, (_, q) in zip(held_features, data.quad_held) if q == 0]
    if args.partial_weight > 0:
        allowed = {q: tuple(t for t in types if q in type_quads.get(t, ())) for q in range(1, 5)}
        quad_features = featurise(nlp, [t for t, _ in data.quad_train], args.cache, lemmas)
        base += [Example(f, allowed[q][0], "conflibert-class", f"conflibert:{n}", allowed=allowed[q])
                 for n, (f, (_, q)) in enumerate(zip(quad_features, data.quad_train))]

    train = base + cameo_examples
    print(f"dropped as test-set overlap: {dict(data.dropped)}")
    print(f"training examples: {dict(Counter(ex.source for ex in train))}; held-out NGEC sentences {len(held_out)}")
    print(f"training examples per type: {dict(sorted(Counter(ex.label for ex in train).items()))}")

    if args.without:
        prefixes = tuple(p + ":" for p in args.without.split(","))

        def strip(features: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(f for f in features if not f.startswith(prefixes))

        train = [replace(ex, features=strip(ex.features)) for ex in train]
        base = [replace(ex, features=strip(ex.features)) for ex in base]
        cameo_examples = [replace(ex, features=strip(ex.features)) for ex in cameo_examples]

    def train_model(items: list[Example]) -> Fitted:
        return fit(items, types, args.l2, args.epochs, args.learning_rate, args.balance, args.partial_weight,
                   {source: args.curated_weight for source in CURATED_SOURCES})

    if packaged is not None:
        vocabulary = sorted(packaged.weights)
        fitted = Fitted(vocabulary, np.array([packaged.weights[f] for f in vocabulary]), np.array(packaged.bias),
                        list(packaged.types))
    else:
        fitted = train_model(train)
    for line in evaluate_ngec(fitted, held_out):
        print(line)
    for line in evaluate_quads(fitted, quads, type_quads, statements):
        print(line)
    body = [(ex.features, ex.label) for ex in held_out if ex.position > 0]
    print(calibration("  calibration, NGEC held-out story sentences", fitted, body))
    print(thresholds("coder thresholds on NGEC held-out story sentences (statements: ConfliBERT class 0)",
                     fitted, body, statements))
    if args.evaluate_packaged:
        return 0
    if not args.no_cv:
        print(cross_validate(cameo_examples, base, types, train_model))
    temperature = args.temperature or best_temperature(fitted, [(ex.features, ex.label) for ex in held_out])
    fitted = Fitted(fitted.vocabulary, fitted.weights / temperature, fitted.bias / temperature, fitted.types)
    print(f"weights divided by the temperature {temperature}"
          + ("" if args.temperature else " (lowest log-loss on the held-out NGEC sentences)"))
    print(thresholds("coder thresholds after that", fitted, body, statements))
    model = package(fitted, ontology, MODEL_NAME, lemmas)
    print(f"features kept: {len(model.weights)} of {len(fitted.vocabulary)}")
    if args.check:
        return 0
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
