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

``--dev`` scores development sets instead (for tuning; the NGEC cases above are the test set):

  icews-agents  ICEWS 2018 sample generic actors ("Police (India)"), each written as two phrases,
                "Indian police" and "the police in India" (nationality words from raw/ngec/countries.csv);
                expected: the ICEWS country and the CAMEO agent its sector list implies
                (``ICEWS_AGENTS`` below; Phoenix agent-dictionary conventions, so GOV for envoys).
  icews-named   ICEWS countries and international bodies by name; expected: the country, or the
                code the Phoenix international dictionary gives that name (compared after
                shared/tools/score_events.py's normalisation: "NATO" = "IGOWSTNAT").
  petrarch2     PETRARCH-2 unit-test sentences with PETR.Validate.actors.txt as a user lexicon:
                the share of gold source/target codes that some actor of the sentence carries,
                exactly and by actor root (as score_events.py defines it); "petrarch2+agents"
                loads the tests' agent dictionary PETR.Validate.agents.txt as well.
  conflibert-spans  the first 600 ConfliBERT CAMEO training sentences: the share of gold source and
                target spans (a reciprocal R span counts as both) that some actor mention overlaps,
                whatever the event coder then picks (benchmarks/events.py scores the coder's choice).
  ngec-coactors the 14 compound-actor cases of NGEC's multiple-actor tests ("Russian and Belorussian
                soldiers" -> two actors): each conjunct of the coordination that holds the case's
                phrase (never an apposition or a prepositional phrase) is given the actor whose
                mention holds it (a group's before the country that names it); the case is right
                when these are exactly one distinct actor per expected phrase, sharing a word with it.
  Exact figures are given for ``code`` and for its Phoenix form (``Lexicon.phoenix_code``: IGO
  long codes, DIP -> GOV), the form Phoenix-coded gold uses.

    python benchmarks/actors.py --dev [--lexicon FILE ...] [--show-errors dev]
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


def resolve_phrases(parser: Any, resolver: Any, texts: list[str],
                    by_head: bool = False) -> list[tuple[str | None, str, str]]:
    """The code, name and PLOVER sector of the actor with the longest mention in each phrase
    (``by_head``: of the actor whose mention holds the phrase's syntactic head, if any, so that
    "police in Malaysia" is the police, not Malaysia)."""
    from newsgraph.records import Article

    results: list[tuple[str | None, str, str]] = []
    for index, (text, doc) in enumerate(zip(texts, parser.pipe(texts))):
        table = resolver.resolve(doc, Article(id=f"case{index}", text=text))
        root = next(iter(doc.sents)).root if by_head and len(doc) else None
        best = None
        for actor in table:
            for mention in actor.mentions:
                length = mention.end - mention.start
                if root is not None and mention.start <= root.idx < mention.end:
                    length += len(text)
                if best is None or length > best[0]:
                    best = (length, actor)
        results.append((best[1].code, best[1].name, getattr(best[1], "sector", None) or "") if best else (None, "", ""))
    return results


# --- development sets (--dev) -----------------------------------------------------------------

EVENTS = SHARED / "benchmarks" / "events"
ICEWS = EVENTS / "raw" / "icews" / "icews_events.2018.sample.tab"
NGEC_COUNTRIES = EVENTS / "raw" / "ngec" / "countries.csv"
DICTIONARIES = EVENTS / "raw" / "petrarch2" / "dictionaries"
PETRARCH_TESTS = EVENTS / "jsonl" / "petrarch2_unittest_events.jsonl"
CONFLIBERT_TRAIN = EVENTS / "jsonl" / "conflibert_cameo_train.jsonl"
COACTOR_TESTS = EVENTS / "jsonl" / "ngec_coactor_tests.jsonl"
#: Dependencies that keep a token inside a coordination of actors ("the leaders of X" stops at "of").
COORDINATION_DEPS = frozenset({"conj", "cc", "compound", "amod", "det", "nmod", "poss", "case", "punct",
                               "nummod", "flat", "preconj"})
#: The ConfliBERT training sentences scored (the first N, as benchmarks/events.py scores them).
CONFLIBERT_DEV_LIMIT = 600
#: ICEWS country names that raw/ngec/countries.csv spells otherwise.
ICEWS_COUNTRY_NAMES = {
    "Russian Federation": "RUS", "Occupied Palestinian Territory": "PSE", "Myanmar": "MMR",
    "Democratic Republic of Congo": "COD", "Swaziland": "SWZ", "South Sudan": "SSD", "Czech Republic": "CZE",
    "the former Yugoslav Republic of Macedonia": "MKD", "Moldova, Republic of": "MDA", "Hong Kong": "HKG",
}
#: ICEWS sector label -> the CAMEO agents that code it, first listed label that the actor has wins
#: (the Phoenix agent dictionary's conventions: envoys and foreign ministries GOV, activists OPP).
ICEWS_AGENTS: tuple[tuple[str, frozenset[str]], ...] = tuple((label, frozenset(agents.split())) for label, agents in (
    ("Police", "COP"), ("Military Intelligence", "SPY"), ("Military", "MIL"), ("Judicial", "JUD"),
    ("Legal", "JUD"), ("Legislative / Parliamentary", "LEG"), ("Rebel", "REB"), ("Insurgents", "REB INS"),
    ("Unidentified Forces", "UAF"), ("Criminals / Gangs", "CRM"), ("Protestors / Popular Opposition / Mobs", "OPP"),
    ("State Media", "MED GOV"), ("Media", "MED"), ("Parties", "PTY"), ("Business", "BUS"), ("Education", "EDU"),
    ("Labor", "LAB"), ("Agricultural", "AGR"), ("Medical / Health NGOs", "HLH"), ("Human Rights NGOs", "HRI OPP"),
    ("National Religious", "REL MUS HIN CHR CTH JEW BUD SHI SUN"), ("Government", "GOV"), ("Executive", "GOV"),
    ("General Population / Civilian / Social", "CVL PPL"),
))


@dataclass(slots=True)
class DevCase:
    group: str
    text: str
    code: str
    agents: frozenset[str]
    date: str | None = None


def icews_countries() -> tuple[dict[str, str], dict[str, str]]:
    """ICEWS country name -> ISO3, and ISO3 -> nationality adjective (the first one listed)."""
    import csv

    codes = dict(ICEWS_COUNTRY_NAMES)
    adjectives: dict[str, str] = {}
    with NGEC_COUNTRIES.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            codes[row["Name"]] = row["CCA3"]
            nationality = [n.strip() for n in row["Nationality"].split(",") if n.strip()]
            if nationality:
                adjectives[row["CCA3"]] = nationality[0]
    return codes, adjectives


def icews_role_phrase(role: str, sectors: str) -> str:
    """ICEWS's role label as a common noun: "Cabinet / Council of Ministers / Advisors" -> "cabinet",
    "Military Personnel - Special" -> "military personnel", and a ministry's label ("Foreign
    Affairs", "Treasury/Finance Ministry" with a "... Ministry" sector) names the ministry."""
    phrase = role.split(" / ")[0].split("/")[0].split(" - ")[0].strip().lower()
    ministry = any(s.strip().endswith("Ministry") for s in sectors.split(","))
    if ministry and not re.search(r"ministry|department|secretariat|commission|minister|envoy", phrase):
        phrase += " ministry"
    return phrase


def icews_agents(sectors: str) -> frozenset[str]:
    labels = {s.strip() for s in sectors.split(",")}
    return next((agents for label, agents in ICEWS_AGENTS if label in labels), frozenset())


def phoenix_codes(names: set[str]) -> dict[str, str]:
    """The Phoenix international dictionary's code for each of these names (that it lists)."""
    from newsgraph.actors.lexicon import normalize, read_petrarch

    wanted = {normalize(n): n for n in names}
    found: dict[str, str] = {}
    for entry in read_petrarch(DICTIONARIES / "Phoenix.International.actors.txt", {}):
        key = normalize(entry.surface)
        code = entry.code_on(None)
        if key in wanted and code and not entry.stem and wanted[key] not in found:
            found[wanted[key]] = code
    return found


def icews_cases() -> list[DevCase]:
    codes, adjectives = icews_countries()
    seen: set[tuple[str, str]] = set()
    roles: set[tuple[str, str]] = set()
    generic: list[DevCase] = []
    named: dict[str, DevCase] = {}
    igo_names: set[str] = set()
    with ICEWS.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            for name, sectors, country in ((cells[2], cells[3], cells[4]), (cells[8], cells[9], cells[10])):
                if (name, sectors) in seen:
                    continue
                seen.add((name, sectors))
                role = re.fullmatch(r"(.+) \((.+)\)", name)
                iso3 = codes.get(country, "")
                if role and iso3 and role.group(2) == country:
                    agents = icews_agents(sectors)
                    phrase = icews_role_phrase(role.group(1), sectors)
                    if not agents or (phrase, iso3) in roles:
                        continue
                    roles.add((phrase, iso3))
                    if iso3 in adjectives:
                        generic.append(DevCase("icews-agents", f"{adjectives[iso3]} {phrase}", iso3, agents))
                    generic.append(DevCase("icews-agents", f"the {phrase} in {country}", iso3, agents))
                elif sectors == "NA" and iso3 and name == country:
                    named.setdefault(name, DevCase("icews-named", name, iso3, frozenset()))
                elif country == "NA" and "International Government Organization" in sectors:
                    igo_names.add(name)
    for name, code in phoenix_codes(igo_names).items():
        named.setdefault(name, DevCase("icews-named", name, code, frozenset()))
    return generic + sorted(named.values(), key=lambda c: c.text)


def score_icews(resolver: Any, parser: Any, show: bool) -> list[str]:
    sys.path.insert(0, str(SHARED / "tools"))
    from score_events import norm_code  # noqa: E402  (the shared scorer's code normalisation)

    cases = icews_cases()
    results = resolve_phrases(parser, resolver, [c.text for c in cases], by_head=True)
    lines: list[str] = []
    for group in ("icews-agents", "icews-named"):
        n = country_hits = agent_hits = exact = phoenix_exact = 0
        for case, (code, name, _) in zip(cases, results):
            if case.group != group:
                continue
            n += 1
            predicted = norm_code(code)
            phoenix = norm_code(phoenix_form(resolver, code))
            if group == "icews-named":
                right = predicted == norm_code(case.code)
                exact += right
                phoenix_exact += phoenix == norm_code(case.code)
                country_hits += predicted[:3] == norm_code(case.code)[:3]
                if show and phoenix != norm_code(case.code):
                    print(f"  [{group}] {case.text!r}: expected {case.code}, got {code} ({name!r})")
                continue
            country_ok = predicted[:3] == case.code
            agent_ok = predicted[3:6] in case.agents and len(predicted) == 6
            country_hits += country_ok
            agent_hits += agent_ok
            exact += country_ok and agent_ok
            phoenix_exact += country_ok and phoenix[3:6] in case.agents and len(phoenix) == 6
            if show and not (country_ok and agent_ok):
                print(f"  [{group}] {case.text!r}: expected {case.code}+{'|'.join(sorted(case.agents))}, "
                      f"got {code} ({name!r})")
        lines.append(f"{group}: n={n} country {country_hits / (n or 1):.3f}"
                     + (f" agent {agent_hits / (n or 1):.3f}" if group == "icews-agents" else "")
                     + f" exact code {exact / (n or 1):.3f} (Phoenix form {phoenix_exact / (n or 1):.3f})")
        key = group.replace("-", "_")
        lines.append(f"SUMMARY bench=actors_dev set={key} n={n} country_acc={country_hits / (n or 1):.4f}"
                     + (f" agent_acc={agent_hits / (n or 1):.4f}" if group == "icews-agents" else "")
                     + f" exact_acc={exact / (n or 1):.4f} phoenix_exact_acc={phoenix_exact / (n or 1):.4f}")
    return lines


def phoenix_form(resolver: Any, code: str | None) -> str | None:
    """``code`` as Phoenix-coded gold writes it (``Lexicon.phoenix_code``; absent in older versions)."""
    convert = getattr(resolver.lexicon, "phoenix_code", None)
    return convert(code) if convert is not None else code


def score_petrarch2(parser: Any, lexicons: tuple[str, ...], show: bool, label: str = "petrarch2") -> list[str]:
    """Share of the unit tests' gold actor codes that some actor of the sentence carries."""
    sys.path.insert(0, str(SHARED / "tools"))
    from score_events import actor_root, norm_code  # noqa: E402

    from newsgraph.actors import ActorResolver
    from newsgraph.records import Article

    resolver = ActorResolver(extra_lexicons=(str(DICTIONARIES / "PETR.Validate.actors.txt"), *lexicons))
    show = show and label == "petrarch2"
    records = [json.loads(line) for line in PETRARCH_TESTS.open(encoding="utf-8")]
    records = [r for r in records if not r.get("error") and r.get("events")]
    n = exact = root = phoenix_exact = 0
    for record, doc in zip(records, parser.pipe([r["text"] for r in records])):
        date = record.get("date") or ""
        published = None
        if re.fullmatch(r"\d{8}", date):
            import datetime as dt

            published = dt.date(int(date[:4]), int(date[4:6]), int(date[6:]))
        table = resolver.resolve(doc, Article(id=record["id"], text=record["text"], published=published))
        # a comma list ("FRO,BIL,SAM") is several actors' codes, as score_events.py expands it
        codes = {norm_code(c) for a in table if a.code for c in a.code.split(",")}
        phoenix = {norm_code(phoenix_form(resolver, c)) for a in table if a.code for c in a.code.split(",")}
        roots = {actor_root(c) for c in codes}
        gold = {norm_code(c) for e in record["events"] for c in (e["source"], e["target"]) if c and c != "---"}
        for code in gold:
            n += 1
            exact += code in codes
            phoenix_exact += code in phoenix
            root += actor_root(code) in roots
            if show and code not in codes:
                print(f"  [{label}] {record['id']}: gold {code} not among {sorted(codes)}: {record['text'][:90]!r}")
    return [f"{label}: gold actor codes={n} found exactly {exact / (n or 1):.3f} (Phoenix form "
            f"{phoenix_exact / (n or 1):.3f}), by root {root / (n or 1):.3f}",
            f"SUMMARY bench=actors_dev set={label} n={n} exact_recall={exact / (n or 1):.4f}"
            f" phoenix_exact_recall={phoenix_exact / (n or 1):.4f} root_recall={root / (n or 1):.4f}"]


def gold_role_spans(record: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Role ("S", "T" or "R") and character span of each chunk the record's BIO tags mark; the
    tokens are found in the text in order, since the record's span texts are tokenised."""
    text = record["text"]
    spans: list[tuple[str, int, int]] = []
    position = 0
    for token, tag in zip(record.get("tokens") or [], record.get("bio") or []):
        at = text.find(token, position)
        if at < 0:
            continue
        position = at + len(token)
        role = tag[2:] if tag[:2] in ("B-", "I-") else ""
        if role and spans and tag.startswith("I-") and spans[-1][0] == role and spans[-1][2] <= at:
            spans[-1] = (role, spans[-1][1], position)
        elif role:
            spans.append((role, at, position))
    return spans


def score_conflibert_spans(resolver: Any, parser: Any, show: bool) -> list[str]:
    """Share of the gold source and target spans of ConfliBERT training sentences (the first
    ``CONFLIBERT_DEV_LIMIT``) that some actor mention overlaps: whether the actors stage finds the
    participants at all, whatever the event coder then picks. A reciprocal R span counts for both."""
    from newsgraph.records import Article

    with CONFLIBERT_TRAIN.open(encoding="utf-8") as handle:
        records = [json.loads(line) for _, line in zip(range(CONFLIBERT_DEV_LIMIT), handle)]
    totals = {"S": [0, 0], "T": [0, 0]}
    for record, doc in zip(records, parser.pipe([r["text"] for r in records])):
        table = resolver.resolve(doc, Article(id=record["id"], text=record["text"]))
        mentions = [(m.start, m.end) for actor in table for m in actor.mentions]
        for role, start, end in gold_role_spans(record):
            found = any(s < end and start < e for s, e in mentions)
            for side in ("S", "T"):
                if role in (side, "R"):
                    totals[side][0] += 1
                    totals[side][1] += found
            if show and not found:
                print(f"  [conflibert] {record['id']} {role}: no actor in {record['text'][start:end]!r}")
    shares = {side: hits / (n or 1) for side, (n, hits) in totals.items()}
    return [f"conflibert-spans: gold source spans={totals['S'][0]} with an actor {shares['S']:.3f} "
            f"({totals['S'][0] - totals['S'][1]} without), target spans={totals['T'][0]} with an actor "
            f"{shares['T']:.3f} ({totals['T'][0] - totals['T'][1]} without)",
            f"SUMMARY bench=actors_dev set=conflibert_spans n_source={totals['S'][0]} n_target={totals['T'][0]}"
            f" source_found={shares['S']:.4f} target_found={shares['T']:.4f}"]


def conjunct_tokens(doc: Any, start: int, end: int) -> list[Any]:
    """The conjuncts of the coordination holding the characters ``start:end``: its head, climbed up
    ``conj`` links, and every token reached through ``COORDINATION_DEPS`` that is a conjunct or has one
    ("Russian and Belorussian soldiers": soldiers, Russian, Belorussian)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    found, todo = [head], [head]
    while todo:
        for child in todo.pop().children:
            if child.dep_ in COORDINATION_DEPS and child not in found:
                found.append(child)
                todo.append(child)
    return [t for t in found if t is head or t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)]


def _actor_of(token: Any, table: Any) -> Any:
    """The actor a conjunct names: of the mentions holding it, a person's, group's or body's before a
    country's ("Japan" in "counterparts from Japan" is the group's country), the shortest first."""
    holding = [(actor.kind == "country", m.end - m.start, index, actor)
               for index, actor in enumerate(table) for m in actor.mentions if m.start <= token.idx < m.end]
    return min(holding, key=lambda h: h[:3])[3] if holding else None


def score_coactors(resolver: Any, parser: Any, show: bool) -> list[str]:
    """Share of NGEC's compound-actor cases whose coordination is split into exactly the expected actors."""
    from newsgraph.records import Article

    with COACTOR_TESTS.open(encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle if line.strip()]
    right = 0
    for index, (case, doc) in enumerate(zip(cases, parser.pipe([c["text"] for c in cases]))):
        table = list(resolver.resolve(doc, Article(id=f"coactor{index}", text=case["text"])))
        at = case["text"].find(case["actor_phrase"])
        words: dict[str, set[str]] = {}
        codes: dict[str, str | None] = {}
        for token in conjunct_tokens(doc, at, at + len(case["actor_phrase"])) if at >= 0 else []:
            actor = _actor_of(token, table)
            if actor is not None:
                words.setdefault(actor.id, set()).add(token.lower_)
                codes[actor.id] = actor.code
        expected = [set(re.findall(r"\w+", phrase.lower())) for phrase in case["expected_actors"]]
        unmatched = dict(words)
        for phrase_words in expected:
            match = next((actor for actor, found in unmatched.items() if found & phrase_words), None)
            if match is not None:
                del unmatched[match]
        ok = len(words) == len(expected) and not unmatched
        right += ok
        if show and not ok:
            print(f"  [coactors] {case['test']} {case['actor_phrase']!r}: expected {case['expected_actors']}, "
                  f"found {[(codes[a], sorted(w)) for a, w in words.items()]}")
    share = right / (len(cases) or 1)
    return [f"ngec-coactors: cases={len(cases)} split exactly {share:.3f}",
            f"SUMMARY bench=actors_dev set=ngec_coactors n={len(cases)} exact_split={share:.4f}"]


def run_dev(lexicons: tuple[str, ...], show: bool) -> int:
    if not ICEWS.exists():
        print(f"{ICEWS} is absent: the development sets need ../shared", file=sys.stderr)
        return 2
    from newsgraph.actors import ActorResolver
    from newsgraph.nlp import Parser

    parser = Parser()
    lines = score_icews(ActorResolver(extra_lexicons=lexicons), parser, show)
    lines += score_petrarch2(parser, lexicons, show)
    # the unit tests' own agent dictionary too, as a PETRARCH user would load it (``[~GOVFRM]``)
    lines += score_petrarch2(parser, (*lexicons, str(DICTIONARIES / "PETR.Validate.agents.txt")), show,
                             "petrarch2+agents")
    lines += score_conflibert_spans(ActorResolver(extra_lexicons=lexicons), parser, show)
    lines += score_coactors(ActorResolver(extra_lexicons=lexicons), parser, show)
    for line in lines:
        print(line)
    return 0


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-errors", choices=("a", "b", "all", "sector", "dev"), help="print the wrong cases of a group")
    parser.add_argument("--dev", action="store_true", help="score the development sets instead of the NGEC tests")
    parser.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                        help="with --dev: an extra actor or agent lexicon, as a user would load it (repeatable)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.dev:
        return run_dev(tuple(args.lexicon), args.show_errors == "dev")
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
