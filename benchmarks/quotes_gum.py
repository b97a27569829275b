"""Quotation spans on real Wikinews text: newsgraph against GUM's gold ``<quote>`` and ``<q>`` marks.

GUM (``shared/corpus/annotations/gum_wikinews/xml``) marks, in 24 news stories and 19 interviews,
every quotation (``<quote>``, one element per sentence of it) and every quoted word or title
(``<q>``: "self-medicating", a film's name). It gives no speakers, so this measures only where the
quotations are, on running news that PolNeAR's political stories do not cover:

  quotation recall   share of gold ``<quote>`` elements half of whose letters and digits lie inside
                     newsgraph's direct or mixed quotes (GUM splits a quotation at each sentence;
                     newsgraph keeps it whole, so the comparison is per gold sentence)
  letter recall      share of all ``<quote>`` letters and digits inside newsgraph's direct or mixed quotes
  precision          share of the letters and digits of newsgraph's direct quotes that lie inside a
                     gold ``<quote>`` or ``<q>``: a lower bound, since GUM leaves some quotations
                     unmarked (``--verbose`` lists the direct quotes outside both, to read by hand)
  quoted words taken ``<q>`` elements (quoted words and names, not quotations) inside which
                     newsgraph reports a direct quote of its own (few is right: the issue keeps scare
                     quotes and titles out)

Gold tokens are aligned to the corpus text sentence by sentence (see ``gold_spans``).

    python benchmarks/quotes_gum.py [--verbose]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys

from bench_io import REPO, SHARED, read_jsonl

sys.path.insert(0, str(REPO / "src"))

CORPUS = SHARED / "corpus"
_TAG = re.compile(r"^<(/?)(quote|q)\b")
_SEARCH_WINDOW = 400


def gold_spans(record: dict) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the ``<quote>`` and ``<q>`` elements of one document, in its ``text``.

    The corpus text was rebuilt from the CoNLL-U ``# text`` lines (a heading equal to the title
    dropped), so each XML sentence is found through its ``# text`` line, and its tokens in it."""
    text = record["text"]
    xml = (CORPUS / record["annotations"]["xml"]).read_text(encoding="utf-8").splitlines()
    conllu = (CORPUS / record["annotations"]["conllu"]).read_text(encoding="utf-8").splitlines()
    sentence_texts = [line[len("# text = "):] for line in conllu if line.startswith("# text = ")]
    found: dict[str, list[tuple[int, int]]] = {"quote": [], "q": []}
    open_at: dict[str, list[int | None]] = {"quote": [], "q": []}
    sentence, position, cursor, last_end = -1, 0, None, None
    for line in xml:
        if line.startswith("<s ") or line == "<s>":
            sentence += 1
            wanted = sentence_texts[sentence] if sentence < len(sentence_texts) else ""
            at = text.find(wanted, position) if wanted else -1
            cursor = at if at >= 0 else None  # a dropped heading: its tokens are nowhere
            if at >= 0:
                position = at + len(wanted)
            continue
        tag = _TAG.match(line)
        if tag:
            name = tag.group(2)
            if tag.group(1) != "/":
                open_at[name].append(None)
            elif open_at[name]:
                start = open_at[name].pop()
                if start is not None and last_end is not None and last_end > start:
                    found[name].append((start, last_end))
            continue
        if line.startswith("<") or "\t" not in line or cursor is None:
            continue
        token = html.unescape(line.split("\t", 1)[0])
        at = text.find(token, cursor, cursor + _SEARCH_WINDOW)
        if at < 0:
            continue
        cursor = last_end = at + len(token)
        for name, pending in open_at.items():
            open_at[name] = [at if s is None else s for s in pending]
    return found["quote"], found["q"]


def pieces(quote) -> list[tuple[int, int]]:
    """The character spans of a quotation's pieces (one interrupted by "she said" has two)."""
    return [(span.start, span.end) for span in quote.spans] if quote.spans else [(quote.start, quote.end)]


def letters(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if text[i].isalnum()}


def measure(pipeline, verbose: bool = False) -> dict[str, float]:
    """The figures above for a loaded pipeline (``verbose`` prints the misses and the extras)."""
    import newsgraph

    records = [r for r in read_jsonl(CORPUS / "wikinews_gum.jsonl") if (r.get("annotations") or {}).get("xml")]
    raws = [newsgraph.RawDocument(id=r["id"], kind="text", content=r["text"], title=r.get("title"),
                                  published=dt.date.fromisoformat(r["date"][:10]) if r.get("date") else None)
            for r in records]
    totals = {"quote": 0, "quote_found": 0, "quote_letters": 0, "quote_letters_found": 0,
              "pred_letters": 0, "pred_letters_in_gold": 0, "q": 0, "q_taken": 0, "docs": 0}
    for record, analysed in zip(records, pipeline.pipe(raws)):
        text = record["text"]
        quotes, quoted_words = gold_spans(record)
        predicted = [span for q in analysed.quotes if q.kind in ("direct", "mixed") for span in pieces(q)]
        direct = [span for q in analysed.quotes if q.kind == "direct" for span in pieces(q)]
        covered = letters(text, predicted)
        gold_all = letters(text, quotes + quoted_words)
        totals["docs"] += 1
        for span in quotes:
            own = letters(text, [span])
            totals["quote"] += 1
            totals["quote_letters"] += len(own)
            totals["quote_letters_found"] += len(own & covered)
            hit = bool(own) and len(own & covered) * 2 >= len(own)
            totals["quote_found"] += hit
            if verbose and not hit:
                print(f"MISS {record['id']} [{span[0]}:{span[1]}] {text[span[0]:span[1]]!r}")
        for span in quoted_words:
            own = letters(text, [span])
            totals["q"] += 1
            taken = bool(own) and any(letters(text, [d]) and letters(text, [d]) <= own for d in direct)
            totals["q_taken"] += taken
            if verbose and taken:
                print(f"TAKEN {record['id']} [{span[0]}:{span[1]}] {text[span[0]:span[1]]!r}")
        pred = letters(text, direct)
        totals["pred_letters"] += len(pred)
        totals["pred_letters_in_gold"] += len(pred & gold_all)
        if verbose:
            for start, end in direct:
                own = letters(text, [(start, end)])
                if len(own & gold_all) * 2 < len(own):
                    print(f"EXTRA {record['id']} [{start}:{end}] {text[start:end]!r}")

    def ratio(a: str, b: str) -> float:
        return totals[a] / totals[b] if totals[b] else 0.0

    return {"docs": totals["docs"], "quotes": totals["quote"], "quote_recall": ratio("quote_found", "quote"),
            "letter_recall": ratio("quote_letters_found", "quote_letters"),
            "precision": ratio("pred_letters_in_gold", "pred_letters"), "q": totals["q"], "q_taken": totals["q_taken"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true",
                        help="print the gold quotations missed, the quoted words taken and the direct quotes outside the gold")
    args = parser.parse_args(argv)
    if not (CORPUS / "wikinews_gum.jsonl").exists():
        print(f"no GUM corpus under {CORPUS}", file=sys.stderr)
        return 2
    import newsgraph

    figures = measure(newsgraph.load(), args.verbose)
    print(f"GUM Wikinews: {figures['docs']} documents, {figures['quotes']} gold quotation sentences, "
          f"{figures['q']} quoted words or names")
    print(f"quotation recall {figures['quote_recall']:.3f}  letter recall {figures['letter_recall']:.3f}  "
          f"direct-quote precision {figures['precision']:.3f}  quoted words taken as quotes "
          f"{figures['q_taken']}/{figures['q']}")
    print("SUMMARY bench=quotes_gum " + " ".join(
        f"{key}={value:.4f}" if isinstance(value, float) else f"{key}={value}" for key, value in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
