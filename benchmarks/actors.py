"""Actor benchmark: country (and sector) of the NGEC actor-resolution test phrases.

Reads ``../shared/benchmarks/events/jsonl/ngec_actor_resolution_tests.jsonl``. Every case with
a text and an expected ``country`` (operator ``Eq``) is scored; the phrase is analysed alone
(parsed, then resolved by the actors stage) and the actor with the longest mention gives the
prediction. Country of a code: the ISO3 prefix of a state code; for international bodies the
NGEC conventions: UN bodies ``UNO``, EU bodies ``EUR``, other IGOs (the IMF and the World
Bank included) ``IGO``, NGOs no country; ``---`` or no
code is no country (``""``); an IGO's short code with a sector after it ("EULEG", "UNMIL") is
that IGO's. Sector, compared with ``code_1`` (a PLOVER 2.0 sector) where the case gives one:
the actor's PLOVER ``sector`` (``Actor.sector``); ``code sector`` is the older measure,
the three CAMEO letters after the country in ``code`` (DIP, MED, HLH never match PLOVER).

Split (stated so others can recompute it; it depends on the phrase, not on newsgraph's answer):

  (a) resolvable from the text: the phrase names a country, a nationality word or a capital
      (any name, alias, adjective or capital in ``actors/data/countries.tsv``), or an
      international body (any name or alias in ``actors/data/igos.tsv``), or has no
      capitalised word at all after its first word (generic agents: "soldiers",
      "a group of tourists", "authorities"; their expected country is ``""``).
  (b) needs outside knowledge: everything else: a person's name alone or with a title
      ("Nikol Pashinyan", "President Ibrahim Mohamed Solih"), a named body or place with no
      country word ("Knesset", "Harvard", "Mariupol", "SANDF").
  The split reads only countries.tsv and igos.tsv; cities and provinces (places.tsv) stay in
  (b) on purpose, so that figures stay comparable as the gazetteer grows.

    python benchmarks/actors.py [--show-errors a|b|all|sector]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CASES = SHARED / "benchmarks" / "events" / "jsonl" / "ngec_actor_resolution_tests.jsonl"


@dataclass(slots=True)
class Case:
    test: str
    text: str
    country: str
    sectors: tuple[str, ...]
    group: str


def _data_rows(name: str) -> Iterable[list[str]]:
    text = resources.files("newsgraph.actors").joinpath(f"data/{name}").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def country_words() -> set[str]:
    """Lower-cased names, aliases, nationality words and capitals of countries, and IGO names."""
    words: set[str] = set()
    for row in _data_rows("countries.tsv"):
        for cell in row[1:5]:
            words.update(w.strip().lower() for w in cell.split("|") if w.strip())
    for row in _data_rows("igos.tsv"):
        for cell in row[:3]:
            words.update(w.strip().lower() for w in cell.split("|") if w.strip())
    return words


def has_word(text: str, phrases: set[str]) -> bool:
    lowered = " " + re.sub(r"[^\w.'-]+", " ", text.lower().replace("’", "'")) + " "
    return any(f" {p} " in lowered or f" {p}'s " in lowered for p in phrases)


def split_group(text: str, phrases: set[str]) -> str:
    if has_word(text, phrases):
        return "a"
    words = text.split()
    if not any(w[:1].isupper() for w in words[1:]) and not (words and words[0][:1].isupper()
                                                            and words[0].lower() not in ("a", "an", "the")):
        return "a"
    return "b"


def read_cases(phrases: set[str]) -> list[Case]:
    cases: list[Case] = []
    with CASES.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            expected = record.get("expected") or {}
            country = expected.get("country")
            args = record.get("args") or []
            if not country or country.get("op") != "Eq" or not args or not isinstance(args[0], str) or not args[0].strip():
                continue
            sector = (expected.get("code_1") or {}).get("value")
            sectors = tuple(sector) if isinstance(sector, list) else ((sector,) if sector else ())
            text = args[0].strip()
            cases.append(Case(record["test"], text, country.get("value") or "", sectors, split_group(text, phrases)))
    return cases


def igo_long_codes() -> dict[str, str]:
    """Short IGO code -> CAMEO long code ("NATO" -> "IGOWSTNAT"), from actors/data/igos.tsv."""
    return {row[0]: row[3] for row in _data_rows("igos.tsv") if len(row) > 3 and row[3]}


IGO_LONG = igo_long_codes()
# NGEC codes the IMF and the World Bank as plain IGOs, not as UN bodies.
BRETTON_WOODS = ("IGOUNODEV", "IGOBUSIMF", "IGOUNOIMF", "IMF", "WB")


def code_parts(code: str | None) -> tuple[str, str]:
    """(country, sector) of an actor code in NGEC's conventions."""
    if not code or code.startswith("---"):
        return "", (code or "")[3:6]
    upper = code.upper()
    for short in sorted(IGO_LONG, key=len, reverse=True):
        tail = upper[len(short):]
        if upper.startswith(short) and len(tail) % 3 == 0 and (not tail or tail.isalpha()):
            upper = IGO_LONG[short] + tail
            break
    if upper.startswith("NGO"):
        return "", ""
    if upper.startswith(BRETTON_WOODS):
        return "IGO", ""
    if upper.startswith("IGOUNO"):
        return "UNO", upper[6:9]
    if upper.startswith("IGOEUR") or upper == "EUR":
        return "EUR", upper[9:12]
    if upper.startswith(("IGO", "NGO")) or not upper[:3].isalpha() or len(upper) < 3:
        return "IGO", ""
    return upper[:3], upper[3:6]


def predict(pipeline: Any, texts: list[str]) -> list[tuple[str | None, str]]:
    """The code and name of the actor with the longest mention in each phrase (the interface
    the regression floors in tests/test_events_benchmark.py use)."""
    return [(code, name) for code, name, _ in resolve_phrases(pipeline.parser, pipeline.actors, texts)]


def resolve_phrases(parser: Any, resolver: Any, texts: list[str]) -> list[tuple[str | None, str, str]]:
    """The code, name and PLOVER sector of the actor with the longest mention in each phrase."""
    from newsgraph.records import Article

    results: list[tuple[str | None, str, str]] = []
    for index, (text, doc) in enumerate(zip(texts, parser.pipe(texts))):
        table = resolver.resolve(doc, Article(id=f"case{index}", text=text))
        best = None
        for actor in table:
            for mention in actor.mentions:
                length = mention.end - mention.start
                if best is None or length > best[0]:
                    best = (length, actor)
        results.append((best[1].code, best[1].name, getattr(best[1], "sector", None) or "") if best else (None, "", ""))
    return results


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-errors", choices=("a", "b", "all", "sector"), help="print the wrong cases of a group")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not CASES.exists():
        print(f"{CASES} is absent: the benchmark needs ../shared", file=sys.stderr)
        return 2
    from newsgraph.actors import ActorResolver
    from newsgraph.nlp import Parser

    cases = read_cases(country_words())
    # only the parser and the actors stage are loaded
    predictions = resolve_phrases(Parser(), ActorResolver(), [c.text for c in cases])
    totals: dict[str, list[int]] = {"a": [0, 0, 0, 0, 0], "b": [0, 0, 0, 0, 0]}
    for case, (code, name, sector) in zip(cases, predictions):
        country, code_sector = code_parts(code)
        right = country == case.country
        stats = totals[case.group]
        stats[0] += 1
        stats[1] += right
        if case.sectors:
            stats[2] += 1
            stats[3] += sector in case.sectors
            stats[4] += code_sector in case.sectors
        if case.sectors and sector not in case.sectors and args.show_errors == "sector":
            print(f"  [{case.group}] {case.text!r}: expected sector {case.sectors}, got {sector!r} ({code} {name!r})")
        if not right and args.show_errors in (case.group, "all"):
            print(f"  [{case.group}] {case.text!r}: expected {case.country!r}, got {country!r} ({code} {name!r})")
    summary = []
    for group, label in (("a", "resolvable from the text"), ("b", "needs outside knowledge")):
        n, hits, sector_n, sector_hits, code_sector_hits = totals[group]
        print(f"({group}) {label}: country {hits}/{n} = {hits / (n or 1):.3f}; "
              f"sector {sector_hits}/{sector_n} = {sector_hits / (sector_n or 1):.3f}; "
              f"code sector {code_sector_hits}/{sector_n} = {code_sector_hits / (sector_n or 1):.3f}")
        summary.append(f"{group}_n={n} {group}_country_acc={hits / (n or 1):.4f} "
                       f"{group}_sector_acc={sector_hits / (sector_n or 1):.4f} "
                       f"{group}_code_sector_acc={code_sector_hits / (sector_n or 1):.4f}")
    n = sum(t[0] for t in totals.values())
    hits = sum(t[1] for t in totals.values())
    print(f"all: country {hits}/{n} = {hits / (n or 1):.3f}")
    print(f"SUMMARY bench=actors n={n} country_acc={hits / (n or 1):.4f} " + " ".join(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
