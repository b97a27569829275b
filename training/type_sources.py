"""Labelled sentences for the PLOVER sentence-type model, read from ../shared at training time.

Nothing here is copied into the package: the training script turns these sentences into
feature weights. Every source passes through :class:`OverlapGuard`, which drops any text
that shares enough wording with a sentence of the test sets (PLOVER GSR, UP GSR English).
The PLOVER GSR sentences are CAMEO codebook examples edited by hand (other country names,
shortened clauses), so an exact-text comparison misses most of them; the guard compares word
4-grams in both directions instead, and drops any text with a long run of a test sentence's
words (a story that quotes it).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

EVENTS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "events"
GOLD = EVENTS_DIR / "jsonl"
TEST_FILES = ("plover_gsr_cameo.jsonl", "up_gsr_en_events.jsonl")
# PLOVER 0.5 names used by the GSR and the NGEC stories, as PLOVER 2.0 types.
PLOVER_2 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NGEC_DEV_STORIES = 600  # the events dev benchmark scores the first 600 NGEC stories
HELD_OUT_SENTENCES = 3  # a held-out story's headline and first two sentences are scored
SHINGLE = 4
OVERLAP_SHARE = 0.2  # a text sharing this share of its (or a test sentence's) 4-grams is test data
LONG_RUN = 8  # a text sharing this many words in a row with a test sentence is dropped too
# CASE 2021 (ACLED sub-event types) labels with an unambiguous PLOVER type; the others
# (property destruction, headquarters, territory changes, disasters, crime) are left out.
ACLED_TO_PLOVER = {
    "AIR_STRIKE": "ASSAULT", "ARMED_CLASH": "ASSAULT", "ATTACK": "ASSAULT", "ART_MISS_ATTACK": "ASSAULT",
    "GRENADE": "ASSAULT", "SUIC_BOMB": "ASSAULT", "ABDUCT_DISSAP": "ASSAULT", "SEX_VIOL": "ASSAULT",
    "CHEM_WEAP": "ASSAULT", "REM_EXPLOS": "ASSAULT",
    "PEACE_PROTEST": "PROTEST", "PROTEST_WITH_INTER": "PROTEST", "VIOL_DEMONSTR": "PROTEST",
    "ARREST": "COERCE", "AGREEMENT": "AGREE",
}


@dataclass(frozen=True, slots=True)
class Labelled:
    """A text with its PLOVER type. ``group`` keeps near-copies (stories written from the same
    headline template) on one side of a split; ``sentences`` > 0 means the text is a story
    whose first that many sentences are each one example."""

    text: str
    label: str
    source: str
    group: str
    sentences: int = 0


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


class OverlapGuard:
    """Says whether a text is (a version of) a test sentence."""

    def __init__(self, test_texts: Iterable[str]) -> None:
        self.normalised = set()
        self.long_runs: set[tuple[str, ...]] = set()
        self.sizes: list[int] = []
        self.index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for number, text in enumerate(test_texts):
            self.normalised.add("".join(_words(text)))
            self.long_runs |= shingles(text, LONG_RUN)
            grams = shingles(text)
            self.sizes.append(len(grams))
            for gram in grams:
                self.index[gram].append(number)

    def overlaps(self, text: str) -> bool:
        if "".join(_words(text)) in self.normalised or not self.long_runs.isdisjoint(shingles(text, LONG_RUN)):
            return True
        grams = shingles(text)
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for number in self.index.get(gram, ()):
                shared[number] += 1
        return any(count >= OVERLAP_SHARE * len(grams) or count >= OVERLAP_SHARE * self.sizes[number]
                   for number, count in shared.items())


def guard_against_test_sets(gold: Path = GOLD) -> OverlapGuard:
    texts = [r["text"] for name in TEST_FILES for r in read_jsonl(gold / name) if r.get("text")]
    return OverlapGuard(texts)


def _template_group(template: str) -> str:
    return "tpl:" + hashlib.sha1(template.encode("utf-8")).hexdigest()[:10]


def ngec_stories(gold: Path = GOLD, sentences: int = 5) -> tuple[list[Labelled], list[Labelled]]:
    """NGEC synthetic stories (headline plus the story's opening), split into training stories
    (their first ``sentences``) and held-out ones (their first ``HELD_OUT_SENTENCES``, so that
    the held-out figures stay comparable when training reads more): the dev benchmark's first
    600 and every story written from one of their headline templates."""
    stories = read_jsonl(gold / "ngec_synthetic_stories.jsonl")
    dev_templates = {s.get("headline_template") or s["id"] for s in stories[:NGEC_DEV_STORIES]}
    train: list[Labelled] = []
    held_out: list[Labelled] = []
    for number, story in enumerate(stories):
        template = story.get("headline_template") or story["id"]
        label = PLOVER_2.get(story["event"].upper(), story["event"].upper())
        text = (story.get("headline") or "").strip() + "\n\n" + story["text"][:800]
        if number < NGEC_DEV_STORIES or template in dev_templates:
            held_out.append(Labelled(text, label, "ngec", _template_group(template), HELD_OUT_SENTENCES))
        else:
            train.append(Labelled(text, label, "ngec", _template_group(template), sentences))
    return train, held_out


def cameo_codebook(gold: Path = GOLD) -> tuple[list[Labelled], list[Labelled]]:
    """CAMEO code names, descriptions and usage notes (wording of the codebook), and its example
    sentences, each labelled with the code's PLOVER type."""
    definitions: list[Labelled] = []
    examples: list[Labelled] = []
    for row in read_jsonl(gold / "cameo_codes.jsonl"):
        label = row.get("plover_event")
        if not label:
            continue
        label = PLOVER_2.get(label.upper(), label.upper())
        group = f"cameo:{row['code']}"
        for part in (row.get("name"), row.get("description"), row.get("usage_notes")):
            if part and part.strip():
                definitions.append(Labelled(part.strip(), label, "cameo-definition", group))
        if row.get("example") and row["example"].strip():
            examples.append(Labelled(row["example"].strip(), label, "cameo-example", group))
    return definitions, examples


def plover_definitions(gold: Path = GOLD) -> list[Labelled]:
    """PLOVER manual definitions of each type and mode, and NGEC's structured codebook."""
    items: list[Labelled] = []
    ontology = json.loads((gold / "plover_ontology.json").read_text("utf-8"))
    for plover_type, entry in ontology["events"].items():
        items.append(Labelled(entry["definition"], plover_type, "plover-definition", f"plover:{plover_type}"))
        for mode in entry.get("modes") or []:
            if mode.get("definition"):
                items.append(Labelled(mode["definition"], plover_type, "plover-definition", f"plover:{plover_type}"))
    codebook = gold.parent / "raw" / "ngec" / "PLOVER_structured_codebook_updated.csv"
    with codebook.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = PLOVER_2.get(row["event"].strip().upper(), row["event"].strip().upper())
            if label in ontology["events"] and row.get("mode_def", "").strip():
                items.append(Labelled(row["mode_def"].strip(), label, "plover-definition", f"plover:{label}"))
    return items


def case2021_snippets(gold: Path = GOLD) -> list[Labelled]:
    """CASE 2021 news snippets whose ACLED sub-event type has one PLOVER type."""
    items = []
    for row in read_jsonl(gold / "case2021_task2_test.jsonl"):
        label = ACLED_TO_PLOVER.get(row["label"])
        if label:
            items.append(Labelled(row["text"], label, "case2021", f"case:{row['id']}", sentences=2))
    return items


CONFLIBERT_DEV_SENTENCES = 600  # the events dev benchmark scores the first 600 ConfliBERT training rows


def conflibert_quads(gold: Path = GOLD) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """ConfliBERT training sentences with their five-way conflict/cooperation class (0 is a
    public statement, which has no PLOVER type), split into the rows after the dev
    benchmark's first 600 plus ConfliBERT's own test split (trainable), and those 600 (held out)."""
    rows = [(r["text"], int(r["quad5"])) for r in read_jsonl(gold / "conflibert_cameo_train.jsonl")]
    extra = [(r["text"], int(r["quad5"])) for r in read_jsonl(gold / "conflibert_cameo_test.jsonl")]
    return rows[CONFLIBERT_DEV_SENTENCES:] + extra, rows[:CONFLIBERT_DEV_SENTENCES]


def conflibert_class(cameo: str | None) -> int | None:
    """ConfliBERT's five classes from a CAMEO code: 01-02, 03-05, 06-08, 09-13 with 16, the rest of
    material conflict. Its class 0 splits the usual verbal-cooperation quad and its class 3 takes 16
    (reduce relations), so the contract's four-way ``quad_class`` cannot be compared with it."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 or root == 16 else 4


def plover_quads(gold: Path = GOLD) -> dict[str, set[int]]:
    """For each PLOVER type, the ConfliBERT classes of the CAMEO codes mapped to it."""
    out: dict[str, set[int]] = defaultdict(set)
    for row in read_jsonl(gold / "cameo_codes.jsonl"):
        if row.get("plover_event"):
            out[PLOVER_2.get(row["plover_event"].upper(), row["plover_event"].upper())].add(conflibert_class(row["code"]))
    return dict(out)


@dataclass(slots=True)
class Collected:
    """Every text the training script reads, already cleared of test-set overlap."""

    trainable: list[Labelled]  # NGEC training stories, codebook and manual definitions, CASE snippets
    cameo_examples: list[Labelled]  # codebook example sentences (trained on; cross-validated)
    held_out_stories: list[Labelled]  # NGEC stories never trained on
    quad_train: list[tuple[str, int]]  # ConfliBERT rows after the dev benchmark's 600, class > 0
    quad_held: list[tuple[str, int]]  # the dev benchmark's 600 ConfliBERT rows, never trained on
    dropped: Counter[str] = field(default_factory=Counter)


def collect(story_sentences: int = 5, with_case: bool = True, gold: Path = GOLD) -> Collected:
    """All sources, each text checked against the test sets by :class:`OverlapGuard`."""
    guard = guard_against_test_sets(gold)
    dropped: Counter[str] = Counter()

    def clean(items: list[Labelled]) -> list[Labelled]:
        kept = []
        for item in items:
            if guard.overlaps(item.text):
                dropped[item.source] += 1
            else:
                kept.append(item)
        return kept

    def clean_rows(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
        kept = [(text, quad) for text, quad in rows if not guard.overlaps(text)]
        dropped["conflibert"] += len(rows) - len(kept)
        return kept

    ngec_train, ngec_held = ngec_stories(gold, story_sentences)
    definitions, examples = cameo_codebook(gold)
    trainable = clean(ngec_train) + clean(definitions) + clean(plover_definitions(gold))
    if with_case:
        trainable += clean(case2021_snippets(gold))
    quad_train, quad_held = conflibert_quads(gold)
    return Collected(trainable, clean(examples), clean(ngec_held),
                     [(t, q) for t, q in clean_rows(quad_train) if q > 0], clean_rows(quad_held), dropped)
