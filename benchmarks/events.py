"""Event benchmark: newsgraph's events on development sets (for tuning) and test sets (for reporting).

Split (the test sets are never used to write dictionary entries or rules):

  test  ``up_gsr``      UniversalPetrarch English GSR (78 sentences, real actors), exact CAMEO
                        triples scored by shared/tools/score_events.py.
        ``plover_gsr``  PLOVER GSR (322 sentences): PLOVER type accuracy and country triples,
                        scored by shared/tools/score_events.py.
  dev   ``petrarch2``   PETRARCH-2 unit-test sentences (fictional actors from
                        raw/petrarch2/dictionaries/PETR.Validate.actors.txt, loaded as an extra
                        lexicon as a user would load theirs), CAMEO triples via score_events.py.
        ``cameo_manual`` CAMEO codebook example sentences, minus every sentence that is also in
                        the PLOVER GSR (compared on lower-cased letters and digits): CAMEO code,
                        root code and PLOVER type of the top event (scored here).
        ``ngec``        the first N (default 600) NGEC synthetic stories: PLOVER type of the
                        story (any event, and the top event), scored here.
        ``conflibert``  the first N (default 600) ConfliBERT CAMEO training sentences: the
                        set's five-way class of the top event's CAMEO code (01-02, 03-05, 06-08,
                        09-13 and 16, the rest), and whether the source and target overlap the
                        gold spans; also actor agreement: whether the side's actor is the one a
                        gold span of its role names (any mention of it, a reciprocal R span
                        counting as both roles), over the sentences with such a span (scored here).

Each sentence or story is analysed as a clean ``text`` document through ``newsgraph.load()``
(its date, where it has one, is the publication date); the contract JSONL is written with
``doc.to_dict()``. Prints each set's figures and, last, one ``SUMMARY`` line per set.

    python benchmarks/events.py --mode dev  [--limit N] [--sets petrarch2,cameo_manual,ngec,conflibert]
    python benchmarks/events.py --mode test [--limit N] [--sets up_gsr,plover_gsr]

``--petrarch-verbs`` also loads a PETRARCH verb dictionary into the event coder, as a user
who has one would (``EventCoder.load_verb_dictionary``): CAMEO.2.0.txt for every set but
petrarch2, which gets its own PETR.Validate.verbs.txt. Figures with it are an extra row,
never the default one.

``--guess-untriggered-events`` lets the learned type model code the sentences no trigger word
matched (``Config.guess_untriggered_events``). Every record of these sets reports an event, which
is what the option is for; on running news it is off by default, and its figures here are an
extra row.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_io import REPO, SHARED, TOOLS, read_jsonl  # noqa: E402  (a sibling module)

sys.path.insert(0, str(REPO / "training"))
from type_sources import conflibert_class, guard_against_test_sets  # noqa: E402  (the training script's)

GOLD = SHARED / "benchmarks" / "events" / "jsonl"
PETRARCH_DICTIONARIES = SHARED / "benchmarks" / "events" / "raw" / "petrarch2" / "dictionaries"
VALIDATE_LEXICON = PETRARCH_DICTIONARIES / "PETR.Validate.actors.txt"
# --petrarch-verbs: the verb dictionary a PETRARCH user would load (the unit tests have their own).
CAMEO_VERBS = PETRARCH_DICTIONARIES / "CAMEO.2.0.txt"
VALIDATE_VERBS = PETRARCH_DICTIONARIES / "PETR.Validate.verbs.txt"
TEST_SETS = ("up_gsr", "plover_gsr")
DEV_SETS = ("petrarch2", "cameo_manual", "ngec", "conflibert")
DEV_LIMIT = 600
PLOVER_2 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def unique_ids(records: list[dict[str, Any]]) -> list[str]:
    """Repeated ids get '#2', '#3', ... as shared/tools/make_inputs.py writes them."""
    seen: Counter[str] = Counter()
    out = []
    for record in records:
        seen[record["id"]] += 1
        out.append(record["id"] if seen[record["id"]] == 1 else f"{record['id']}#{seen[record['id']]}")
    return out


def normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def parse_date(value: str | None) -> dt.date | None:
    """Gold dates are ISO or YYYYMMDD; anything else is no date."""
    if not value:
        return None
    digits = value.replace("-", "")
    if re.fullmatch(r"\d{8}", digits):
        try:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            return None
    return None


def analyse(pipeline: Any, records: list[dict[str, Any]], ids: list[str], out_path: Path) -> list[dict[str, Any]]:
    """Run the pipeline over the records; write and return one contract object per record."""
    from newsgraph import RawDocument

    docs = [RawDocument(id=doc_id, kind="text", content=r["text"], title=r.get("headline"),
                        published=parse_date(r.get("date")))
            for doc_id, r in zip(ids, records)]
    results = []
    with out_path.open("w", encoding="utf-8") as handle:
        for analysed in pipeline.pipe(docs):
            obj = analysed.to_dict()
            results.append(obj)
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return results


def score_with_tool(gold: Path, pred: Path) -> str:
    result = subprocess.run([sys.executable, str(TOOLS / "score_events.py"), str(gold), str(pred)],
                            check=True, capture_output=True, text=True)
    return result.stdout


def kept(obj: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in obj.get("events") or [] if not e.get("negated") and not e.get("hypothetical")]


def top_event(obj: dict[str, Any]) -> dict[str, Any] | None:
    events = kept(obj)
    return max(events, key=lambda e: e.get("confidence") or 0.0) if events else None


# ---------------------------------------------------------------------------------- set definitions


def cameo_manual_records() -> list[dict[str, Any]]:
    """CAMEO codebook examples that are not versions of a test sentence: the PLOVER GSR sentences
    are codebook examples edited by hand (other names, shortened clauses), so an exact-match
    filter is not enough; the training script's overlap guard decides, as it does for training."""
    guard = overlap_guard()
    return [r for r in read_jsonl(GOLD / "cameo_manual_examples.jsonl")
            if r.get("event") and not guard.overlaps(r["text"])]


def overlap_guard() -> Any:
    """The training script's guard, which knows the test sets' sentences and their edited versions."""
    return guard_against_test_sets(GOLD)


def score_cameo_manual(records: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> str:
    from newsgraph.events.ontology import load_ontology

    ontology = load_ontology()
    code = root = plover = any_plover = no_event = 0
    for record, obj in zip(records, outputs):
        gold = str(record["event"]).strip()
        gold_type = ontology.plover_of(gold)[0] if gold in ontology.cameo else None
        top = top_event(obj)
        if top is None:
            no_event += 1
            continue
        predicted = top.get("cameo") or ""
        code += predicted == gold
        root += predicted[:2] == gold[:2]
        plover += top.get("type") == gold_type
        any_plover += any(e.get("type") == gold_type for e in kept(obj))
    n = len(records) or 1
    lines = [f"sentences={len(records)} without any kept event={no_event}",
             f"top event: CAMEO code {code / n:.3f}  root code {root / n:.3f}  PLOVER type {plover / n:.3f}"
             f"  (any event PLOVER type {any_plover / n:.3f})",
             f"SUMMARY bench=cameo_manual sentences={len(records)} code_acc={code / n:.4f} root_acc={root / n:.4f}"
             f" type_acc_top={plover / n:.4f} type_acc_any={any_plover / n:.4f} no_event={no_event}"]
    return "\n".join(lines)


def score_ngec(records: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> str:
    top_hits = any_hits = no_event = 0
    per_type: Counter[str] = Counter()
    per_type_hits: Counter[str] = Counter()
    for record, obj in zip(records, outputs):
        gold = PLOVER_2.get(record["event"].upper(), record["event"].upper())
        per_type[gold] += 1
        top = top_event(obj)
        if top is None:
            no_event += 1
            continue
        hit = PLOVER_2.get(top["type"], top["type"]) == gold
        top_hits += hit
        per_type_hits[gold] += hit
        any_hits += any(PLOVER_2.get(e["type"], e["type"]) == gold for e in kept(obj))
    n = len(records) or 1
    lines = [f"stories={len(records)} without any kept event={no_event}",
             f"PLOVER type: top event {top_hits / n:.3f}  any event {any_hits / n:.3f}"]
    lines += [f"  {t:<10} n={per_type[t]:>3} top-type accuracy={per_type_hits[t] / per_type[t]:.3f}"
              for t in sorted(per_type)]
    lines.append(f"SUMMARY bench=ngec stories={len(records)} type_acc_top={top_hits / n:.4f}"
                 f" type_acc_any={any_hits / n:.4f} no_event={no_event}")
    return "\n".join(lines)


def _gold_chunks(record: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Role and character span of every S, T and R chunk, from the record's tokens and BIO tags
    (the span texts are tokenised, "Israel 's military", so they are not found verbatim)."""
    text = record["text"]
    chunks: list[tuple[str, int, int]] = []
    position = 0
    current: tuple[str, int, int] | None = None
    for token, tag in zip(record.get("tokens") or [], record.get("bio") or []):
        at = text.find(token, position)
        if at < 0:
            continue
        position = at + len(token)
        role = tag[2:] if tag[:2] in ("B-", "I-") else None
        if tag.startswith("B-") or (role and (current is None or current[0] != role)):
            if current is not None:
                chunks.append(current)
            current = (role, at, position)
        elif tag.startswith("I-") and current is not None:
            current = (current[0], current[1], position)
        else:
            if current is not None:
                chunks.append(current)
            current = None
    if current is not None:
        chunks.append(current)
    return chunks


def _gold_spans(record: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """The first chunk of each role."""
    spans: dict[str, tuple[int, int]] = {}
    for role, start, end in _gold_chunks(record):
        spans.setdefault(role, (start, end))
    return spans


def _overlaps(side: dict[str, Any] | None, span: tuple[int, int] | None) -> bool:
    if side is None or span is None or side.get("start") is None:
        return False
    return side["start"] < span[1] and span[0] < side["end"]


def _names_gold(side: dict[str, Any] | None, spans: list[tuple[int, int]], obj: dict[str, Any]) -> bool:
    """The side's actor is the one a gold span names: its own span overlaps one, or the actor
    has a mention there ("Farc said it will release ...": the source span is "it", the gold
    span is its antecedent "Farc"; the actor, not the mention, is what a coded triple keeps)."""
    if side is None:
        return False
    mentions = [(m[0], m[1]) for a in obj.get("actors") or [] if side.get("actor") and a["id"] == side["actor"]
                for m in a.get("mentions") or []]
    return any(_overlaps(side, span) or any(m[0] < span[1] and span[0] < m[1] for m in mentions)
               for span in spans)


def score_conflibert(records: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> str:
    """Five-way class of the top event; its source and target against the first gold S and T spans
    (of coded sentences, as first measured), and, as actor agreement, against every gold span
    of the role where the sentence has one, a reciprocal R span counting as both roles."""
    quad = source_hits = target_hits = with_target = no_event = 0
    actor_source = actor_target = with_gold_source = with_gold_target = 0
    for record, obj in zip(records, outputs):
        top = top_event(obj)
        if top is None:
            no_event += 1
            continue
        quad += conflibert_class(top.get("cameo")) == record.get("quad5")
        spans = _gold_spans(record)
        source_hits += _overlaps(top.get("source"), spans.get("S"))
        if spans.get("T"):
            with_target += 1
            target_hits += _overlaps(top.get("target"), spans.get("T"))
        chunks = _gold_chunks(record)
        gold_sources = [(s, e) for role, s, e in chunks if role in ("S", "R")]
        gold_targets = [(s, e) for role, s, e in chunks if role in ("T", "R")]
        if gold_sources:
            with_gold_source += 1
            actor_source += _names_gold(top.get("source"), gold_sources, obj)
        if gold_targets:
            with_gold_target += 1
            actor_target += _names_gold(top.get("target"), gold_targets, obj)
    n = len(records) or 1
    coded = (len(records) - no_event) or 1
    lines = [f"sentences={len(records)} without any kept event={no_event}",
             f"top event's five-way class {quad / n:.3f}; of coded sentences, source overlaps gold S "
             f"{source_hits / coded:.3f}, target overlaps gold T {target_hits / (with_target or 1):.3f}",
             f"actor agreement where gold has the role (S or R: {with_gold_source}, T or R: {with_gold_target}):"
             f" source {actor_source / (with_gold_source or 1):.3f}, target {actor_target / (with_gold_target or 1):.3f}",
             f"SUMMARY bench=conflibert sentences={len(records)} class5_acc={quad / n:.4f}"
             f" source_overlap={source_hits / coded:.4f} target_overlap={target_hits / (with_target or 1):.4f}"
             f" source_actor={actor_source / (with_gold_source or 1):.4f}"
             f" target_actor={actor_target / (with_gold_target or 1):.4f} no_event={no_event}"]
    return "\n".join(lines)


def run_set(name: str, limit: int | None, out: Path, pipelines: dict[tuple[str, ...], Any],
            make_pipeline: Callable[[tuple[str, ...], str | None], Any], petrarch_verbs: bool = False) -> str:
    """Analyse one set; return the scorer's report (its last line is the SUMMARY)."""
    lexicons: tuple[str, ...] = ()
    if name == "up_gsr":
        gold_path = GOLD / "up_gsr_en_events.jsonl"
        records = read_jsonl(gold_path, limit)
    elif name == "plover_gsr":
        gold_path = GOLD / "plover_gsr_cameo.jsonl"
        records = read_jsonl(gold_path, limit)
    elif name == "petrarch2":
        gold_path = GOLD / "petrarch2_unittest_events.jsonl"
        records = read_jsonl(gold_path, limit)
        lexicons = (str(VALIDATE_LEXICON),)
    elif name == "cameo_manual":
        records = cameo_manual_records()[:limit]
    elif name == "ngec":
        records = read_jsonl(GOLD / "ngec_synthetic_stories.jsonl", limit or DEV_LIMIT)
    elif name == "conflibert":
        records = read_jsonl(GOLD / "conflibert_cameo_train.jsonl", limit or DEV_LIMIT)
    else:
        raise SystemExit(f"unknown set {name!r}: test sets {TEST_SETS}, dev sets {DEV_SETS}")
    verbs = (str(VALIDATE_VERBS if name == "petrarch2" else CAMEO_VERBS)) if petrarch_verbs else None
    key = (*lexicons, f"verbs={verbs}")
    if key not in pipelines:
        pipelines[key] = make_pipeline(lexicons, verbs)
    pred = out / f"{name}.jsonl"
    start = time.perf_counter()
    outputs = analyse(pipelines[key], records, unique_ids(records), pred)
    seconds = time.perf_counter() - start
    events = sum(len(o.get("events") or []) for o in outputs)
    print(f"== {name}: {len(records)} documents, {events} events, {seconds:.1f}s -> {pred}")
    if name in ("up_gsr", "plover_gsr", "petrarch2"):
        report = score_with_tool(gold_path, pred)
        if limit is not None:
            report = subprocess.run([sys.executable, str(TOOLS / "score_events.py"), str(gold_path), str(pred),
                                     "--only-predicted"], check=True, capture_output=True, text=True).stdout
        return report
    scorer = {"cameo_manual": score_cameo_manual, "ngec": score_ngec, "conflibert": score_conflibert}[name]
    return scorer(records, outputs)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=("dev", "test"), default="dev",
                        help="dev sets for tuning (default); test sets only to report, named on purpose")
    parser.add_argument("--sets", help="comma-separated subset of the mode's sets")
    parser.add_argument("--out", type=Path, help="folder for the newsgraph output (temporary by default)")
    parser.add_argument("--limit", type=int, help="analyse only the first N records of each set")
    parser.add_argument("--petrarch-verbs", action="store_true",
                        help="also load a PETRARCH verb dictionary (an extra row, see above)")
    parser.add_argument("--codes", choices=("newsgraph", "phoenix"), default="newsgraph",
                        help="actor code style of the output (an extra row: Phoenix's GOV for diplomats, IGO long codes)")
    parser.add_argument("--guess-untriggered-events", action="store_true",
                        help="let the type model code sentences no trigger matched (an extra row, see above)")
    parser.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not TOOLS.exists():
        print(f"{TOOLS} is absent: the benchmarks need ../shared", file=sys.stderr)
        return 2

    from newsgraph.pipeline import Config, Pipeline

    default = TEST_SETS if args.mode == "test" else DEV_SETS
    names = [s.strip() for s in (args.sets or ",".join(default)).split(",") if s.strip()]
    out = args.out or Path(tempfile.mkdtemp(prefix="ng_events_"))
    out.mkdir(parents=True, exist_ok=True)

    def make_pipeline(lexicons: tuple[str, ...], verbs: str | None) -> Any:
        pipeline = Pipeline(Config(extra_lexicons=lexicons, codes=args.codes,
                                   guess_untriggered_events=args.guess_untriggered_events))
        if verbs is not None:
            pipeline.events.load_verb_dictionary(verbs)
        return pipeline

    pipelines: dict[tuple[str, ...], Any] = {}
    summaries: list[str] = []
    label = ("+petrarch-verbs" if args.petrarch_verbs else "") + ("+phoenix-codes" if args.codes == "phoenix" else "") \
        + ("+guess-untriggered" if args.guess_untriggered_events else "")
    for name in names:
        report = run_set(name, args.limit, out, pipelines, make_pipeline, args.petrarch_verbs)
        print(report)
        summaries += [f"{name}{label} {line}" for line in report.splitlines() if line.startswith("SUMMARY")]
    for line in summaries:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
