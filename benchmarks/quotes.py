"""Quote benchmark: newsgraph against textacy's direct quotations on PolNeAR and the seed article.

Builds the inputs with shared/tools/make_inputs.py (PolNeAR train is written here in the same
``{"id", "text"}`` form), analyses each set through ``newsgraph.load()`` and ``Pipeline.pipe``
(PolNeAR records as clean ``text`` documents, the seed as raw text), and in the same run feeds
the same texts, one document at a time and through the same spaCy model, to textacy 0.13's
``extract.triples.direct_quotations``. Both outputs are written as contract JSONL and scored
with shared/tools/score_quotes.py over all attribution types and over direct+mixed only. A
textacy exception on an article (it refuses an odd number of quotation marks) counts as no
quotes, as in the peers' README. The quotes stage is also timed against parsing alone on the
same texts, since it must stay a small fraction of the parse.

    python benchmarks/quotes.py [--train] [--test] [--no-dev] [--no-seed] [--no-textacy]
                                [--inputs DIR] [--out DIR] [--limit N] [--write-docs]
                                [--show-misses [TYPES]]

Tune on train and dev; --test is for reporting only. --write-docs replaces the section of
docs/benchmarks.md between ``<!-- quotes:begin -->`` and ``<!-- quotes:end -->``.
--show-misses prints newsgraph's misses on each set, with the scorer's own matching: the gold
quotes of the given types (default direct) that no prediction matches, and those matched with
the wrong speaker, each with its paragraph, to see which kinds of quotation are still lost.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_io import REPO, SHARED, TOOLS, read_jsonl, write_section  # noqa: E402  (a sibling module)

GOLD = SHARED / "benchmarks" / "quotes" / "jsonl"
DOCS = REPO / "docs" / "benchmarks.md"
BEGIN, END = "<!-- quotes:begin -->", "<!-- quotes:end -->"
GOLD_FILES = {
    "polnear_train": "polnear_train.jsonl",
    "polnear_dev": "polnear_dev.jsonl",
    "polnear_test": "polnear_test.jsonl",
    "seed": "seed_000_gold.jsonl",
}
TYPE_SCOPES = (("all", None), ("direct+mixed", "direct,mixed"))


def make_inputs(target: Path, with_train: bool) -> None:
    subprocess.run(
        [sys.executable, str(TOOLS / "make_inputs.py"), "--out", str(target), "--only", "quotes,seed",
         "--shared", str(SHARED)],
        check=True, stdout=subprocess.DEVNULL,
    )
    if with_train:
        write_train_inputs(target / "polnear_train.jsonl")


def write_train_inputs(path: Path) -> None:
    """PolNeAR train as make_inputs.py writes dev: the gold id and exactly the gold text."""
    with (GOLD / GOLD_FILES["polnear_train"]).open(encoding="utf-8") as gold, path.open("w", encoding="utf-8") as out:
        for line in gold:
            if line.strip():
                record = json.loads(line)
                out.write(json.dumps({"id": record["id"], "text": record["text"]}, ensure_ascii=False) + "\n")


def raw_documents(records: list[dict[str, Any]]) -> Iterator[Any]:
    from newsgraph.records import RawDocument

    for record in records:
        for kind in ("text", "raw", "html"):
            if kind in record:
                yield RawDocument(id=record["id"], kind=kind, content=record[kind], source=record["id"])
                break


def analyse(pipeline: Any, records: list[dict[str, Any]], out: Path) -> tuple[float, list[str]]:
    """Write the contract JSONL for the records; return the pipeline's wall time and the texts it analysed."""
    started = time.perf_counter()
    texts = []
    with out.open("w", encoding="utf-8") as handle:
        for doc in pipeline.pipe(raw_documents(records)):
            texts.append(doc.article.text)
            handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    return time.perf_counter() - started, texts


def stage_timing(pipeline: Any, records: list[dict[str, Any]], texts: list[str],
                 textacy_out: Path | None) -> dict[str, float]:
    """Parse-only seconds and the quotes stage alone on those parses (actors resolved first),
    one document at a time; textacy's direct quotations run on the very same parses."""
    from newsgraph.records import Article

    parse = quotes = peer = 0.0
    found = failed = 0
    handle = textacy_out.open("w", encoding="utf-8") if textacy_out is not None else None
    try:
        for record, text in zip(records, texts):
            started = time.perf_counter()
            doc = pipeline.parser.parse(text)
            parse += time.perf_counter() - started
            article = Article(id=record["id"], text=text)
            actors = pipeline.actors.resolve(doc, article)
            started = time.perf_counter()
            found += len(pipeline.quotes.extract(doc, article, actors))
            quotes += time.perf_counter() - started
            if handle is not None:
                started = time.perf_counter()
                peer_quotes, ok = run_textacy(text, doc)
                peer += time.perf_counter() - started
                failed += not ok
                handle.write(json.dumps({"id": record["id"], "text": text, "quotes": peer_quotes},
                                        ensure_ascii=False) + "\n")
    finally:
        if handle is not None:
            handle.close()
    return {"parse_s": parse, "quotes_s": quotes, "quotes_found": found, "textacy_s": peer, "textacy_failed": failed}


def _char_span(tokens: Any) -> tuple[int, int] | None:
    tokens = list(tokens)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def textacy_quote(text: str, triple: Any) -> dict[str, Any]:
    """One textacy ``DQTriple`` as a contract quote: content inside the marks, speaker and cue from tokens."""
    inner = list(triple.content)
    while inner and inner[0].is_quote:
        inner.pop(0)
    while inner and inner[-1].is_quote:
        inner.pop()
    start, end = _char_span(inner) or (triple.content.start_char, triple.content.end_char)
    speaker = _char_span(triple.speaker)
    cue = _char_span(triple.cue)
    quote: dict[str, Any] = {
        "text": text[start:end],
        "start": start,
        "end": end,
        "kind": "direct",
        "speaker": {"name": " ".join(t.text for t in triple.speaker) or "unknown"},
        "cue": " ".join(t.lemma_ for t in triple.cue if not t.is_punct) or None,
        "confidence": 0.5,
        "rule": "textacy:direct_quotations",
    }
    if speaker is not None:
        quote["speaker"].update(start=speaker[0], end=speaker[1])
    if cue is not None:
        quote["cue_start"], quote["cue_end"] = cue
    return quote


def run_textacy(text: str, doc: Any) -> tuple[list[dict[str, Any]], bool]:
    """textacy's direct quotations on one parsed document; an exception means no quotes (peer protocol)."""
    from textacy.extract.triples import direct_quotations

    try:
        return [textacy_quote(text, triple) for triple in direct_quotations(doc)], True
    except Exception:  # noqa: BLE001 - any failure is an article with no quotes, as for the peers
        return [], False


def score(gold: Path, predictions: Path, types: str | None, limited: bool) -> dict[str, Any]:
    command = [sys.executable, str(TOOLS / "score_quotes.py"), str(gold), str(predictions), "--json"]
    if types:
        command += ["--types", types]
    if limited:
        command.append("--only-predicted")
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def _scorer_module() -> Any:
    """score_quotes.py as a module, so that misses are found with the scorer's own matching."""
    spec = importlib.util.spec_from_file_location("score_quotes", TOOLS / "score_quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pairs(scorer: Any, text: str, gold_quotes: list[dict[str, Any]], predicted: list[dict[str, Any]],
           min_overlap: float = 0.5) -> dict[int, int]:
    """Gold index -> predicted index, paired greedily best overlap first as score_quotes.py does."""
    gold_sets = [scorer.charset(text, q["content_spans"]) for q in gold_quotes]
    pred_sets = [scorer.charset(text, q["content_spans"]) for q in predicted]
    candidates = []
    for i, gold_set in enumerate(gold_sets):
        for j, pred_set in enumerate(pred_sets):
            shared = len(gold_set & pred_set)
            if shared and gold_set and pred_set:
                ratio_gold, ratio_pred = shared / len(gold_set), shared / len(pred_set)
                if ratio_gold >= min_overlap and ratio_pred >= min_overlap:
                    candidates.append((min(ratio_gold, ratio_pred), i, j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _paragraph_of(text: str, start: int, end: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return text[lo:hi if hi >= 0 else len(text)]


def show_misses(gold_path: Path, predictions: Path, types: set[str], limited: bool) -> None:
    """Print the gold quotes of ``types`` that newsgraph missed or gave the wrong speaker."""
    scorer = _scorer_module()
    gold_docs = scorer.read_jsonl(str(gold_path))
    converted, _ = scorer.convert_predictions(gold_docs, scorer.read_jsonl(str(predictions)))
    missed = wrong = 0
    for gold in gold_docs:
        if gold["id"] not in converted and limited:
            continue
        text = gold["text"]
        predicted = [q for q in converted.get(gold["id"], {}).get("quotes", []) if q.get("content_spans")]
        gold_quotes = gold["quotes"]
        pairs = _pairs(scorer, text, gold_quotes, predicted)
        for i, quote in enumerate(gold_quotes):
            if (quote.get("type") or "").lower() not in types or not quote.get("content_spans"):
                continue
            start, end = quote["content_spans"][0][0], quote["content_spans"][-1][1]
            if i not in pairs:
                missed += 1
                label = "MISS"
                near = [q for q in predicted if scorer.spans_overlap(q["content_spans"], quote["content_spans"])]
                detail = "; ".join(f"pred {q['content_spans']} speaker={q.get('speaker')!r}" for q in near)
            elif not scorer.speaker_ok(predicted[pairs[i]], quote):
                wrong += 1
                label = "SPEAKER"
                detail = f"pred speaker={predicted[pairs[i]].get('speaker')!r}"
            else:
                continue
            print(f"{label} {gold['id']} [{start}:{end}] gold speaker={quote.get('speaker')!r} "
                  f"cue={quote.get('cue')!r} {detail}")
            print(f"    content: {quote.get('content')!r}")
            print(f"    paragraph: {_paragraph_of(text, start, end)!r}")
    print(f"MISSES set={gold_path.name} types={','.join(sorted(types))} missed={missed} wrong_speaker={wrong}",
          flush=True)


def table_rows(set_name: str, system: str, scores: dict[str, dict[str, Any]]) -> list[str]:
    rows = []
    for scope, _ in TYPE_SCOPES:
        s = scores[scope]
        by_type = s["recall_by_type"]
        recall = " / ".join(f"{by_type[t]['recall']:.3f}" if t in by_type else "–" for t in ("direct", "mixed", "indirect"))
        e2e = s["end_to_end_overlap"]
        rows.append(
            f"| {set_name} | {system} | {scope} | {s['gold_quotes']} | {s['overlap']['precision']:.3f} | "
            f"{s['overlap']['recall']:.3f} | {s['overlap']['f1']:.3f} | {s['speaker_accuracy_on_matched']:.3f} | "
            f"{e2e['precision']:.3f} | {e2e['recall']:.3f} | **{e2e['f1']:.3f}** | {recall} |"
        )
    return rows


TABLE_HEAD = [
    "| set | system | types | gold | quote P | quote R | quote F1 | speaker acc | e2e P | e2e R | e2e F1 "
    "| recall direct / mixed / indirect |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
]


def docs_section(rows: list[str], timings: list[str], command: str) -> str:
    return "\n".join([
        BEGIN,
        "newsgraph's quotes stage against textacy 0.13 `extract.triples.direct_quotations`, run in the same",
        "benchmark on the same texts with the same spaCy model, both scored with",
        "`../shared/tools/score_quotes.py` (all attributions, and `--types direct,mixed`). textacy extracts",
        "direct quotes only and raises on an odd number of quotation marks; such an article counts as",
        "having no quotes. Tuned on PolNeAR train and dev; test is reported, never tuned on.",
        "",
        f"Command: `{command}`",
        "",
        *TABLE_HEAD,
        *rows,
        "",
        "Peers not run here (figures from `../shared/tools/README.md`, same scorer, PolNeAR test, e2e F1 all /",
        "direct+mixed): Gender Gap Tracker 0.437 / 0.521 (direct recall 0.804), Citron* 0.406 / 0.531.",
        "",
        "Quotes stage time over parse time of the same texts (target: at most 20 %):",
        "",
        *[f"- {line}" for line in timings],
        END,
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", action="store_true", help="also score polnear_train (840 articles, slow)")
    parser.add_argument("--test", action="store_true", help="also score polnear_test (for reporting, never tuning)")
    parser.add_argument("--no-dev", action="store_true", help="skip polnear_dev")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed article")
    parser.add_argument("--no-textacy", action="store_true", help="skip the textacy peer")
    parser.add_argument("--inputs", type=Path, help="existing make_inputs.py output (default: build one)")
    parser.add_argument("--out", type=Path, help="where the prediction files go (default: a temp dir)")
    parser.add_argument("--limit", type=int, help="only the first N documents of each set (scored on those)")
    parser.add_argument("--verbose", action="store_true", help="print the scorers' summary lines too")
    parser.add_argument("--write-docs", action="store_true", help=f"update the quotes section of {DOCS.relative_to(REPO)}")
    parser.add_argument("--show-misses", nargs="?", const="direct", metavar="TYPES",
                        help="print newsgraph's missed gold quotes of these types (comma list, default direct)")
    args = parser.parse_args(argv)
    if not (TOOLS / "score_quotes.py").exists():
        print(f"{TOOLS} is absent: the benchmark needs ../shared", file=sys.stderr)
        return 2

    import newsgraph

    sets = (["polnear_train"] if args.train else []) + ([] if args.no_dev else ["polnear_dev"])
    sets += (["polnear_test"] if args.test else []) + ([] if args.no_seed else ["seed"])
    pipeline = newsgraph.load()
    rows: list[str] = []
    timings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ng_quotes_") as scratch:
        inputs = args.inputs or Path(scratch) / "inputs"
        if args.inputs is None:
            make_inputs(inputs, args.train)
        elif args.train and not (inputs / "polnear_train.jsonl").exists():
            write_train_inputs(inputs / "polnear_train.jsonl")
        out = args.out or Path(scratch) / "out"
        out.mkdir(parents=True, exist_ok=True)
        for name in sets:
            records = read_jsonl(inputs / f"{name}.jsonl", args.limit)
            predictions = out / f"{name}.jsonl"
            full, texts = analyse(pipeline, records, predictions)
            peer = None if args.no_textacy else out / f"{name}.textacy.jsonl"
            timing = stage_timing(pipeline, records, texts, peer)
            share = timing["quotes_s"] / timing["parse_s"] if timing["parse_s"] else 0.0
            timing_line = (f"TIMING set={name} docs={len(records)} full_pipeline_s={full:.2f} "
                           f"parse_only_s={timing['parse_s']:.2f} quotes_stage_s={timing['quotes_s']:.3f} "
                           f"quotes_over_parse={share:.3f} quotes_found={timing['quotes_found']}")
            print(timing_line, flush=True)
            documents = "document" if len(records) == 1 else "documents"
            timings.append(f"{name}: {len(records)} {documents}, parse {timing['parse_s']:.1f} s, quotes stage "
                           f"{timing['quotes_s']:.2f} s = **{100 * share:.1f} %** of parse time")
            systems = {"newsgraph": predictions}
            if peer is not None:
                print(f"TEXTACY set={name} seconds={timing['textacy_s']:.2f} "
                      f"failed_articles={timing['textacy_failed']}", flush=True)
                systems["textacy"] = peer
            if args.show_misses:
                show_misses(GOLD / GOLD_FILES[name], predictions, set(args.show_misses.lower().split(",")),
                            args.limit is not None)
            for system, path in systems.items():
                scores = {scope: score(GOLD / GOLD_FILES[name], path, types, args.limit is not None)
                          for scope, types in TYPE_SCOPES}
                if args.verbose:
                    for scope in scores:
                        print(f"{system} {scores[scope]['summary']}")
                rows.extend(table_rows(name, system, scores))
    print()
    print("\n".join(TABLE_HEAD + rows))
    if args.write_docs:
        command = "python benchmarks/quotes.py " + " ".join(argv if argv is not None else sys.argv[1:])
        write_section(DOCS, docs_section(rows, timings, command.strip()), BEGIN, END, heading="## Quotations\n\n")
        print(f"\nwrote {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
