"""Actor lexicons: the built-in data files, user-supplied extras, and a token-span matcher.

All vocabulary lives in ``data/*.tsv``; this module only reads it and builds dictionaries
once, so matching a document costs a handful of dict look-ups per token. A user's extra lexicons
are PETRARCH/TABARI actor dictionaries, PETRARCH agent dictionaries (nouns -> ``[~AGENT]``), or
``name<TAB>code<TAB>kind`` files; their entries outrank the built-in ones.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Literal

from spacy.tokens import Doc

EntryKind = Literal["person", "organization", "country", "group", "anonymous", "adjective", "region", "sector"]
CaseMode = Literal["exact", "proper", "any"]

#: Priority of entry sources when several entries share a key (lower wins).
SOURCE_PRIORITY = {"extra": 0, "people": 1, "igo": 2, "organization": 2, "country": 3, "place": 4, "region": 4, "sector": 5}

#: Rule of a city, state or province (places.tsv): it gives its country's code.
PLACE_RULE = "actor:lexicon:place"
#: Rule of an ethnic group's name (ethnic_groups.tsv): an agent noun with the civilian agent.
ETHNIC_RULE = "actor:lexicon:ethnic-group"

_SPACES = re.compile(r"\s+")
#: Lower-case words inside a dictionary name ("Prince of Dol Amroth", "the Shire").
NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "de", "del", "la", "le", "du", "al", "el", "in", "on"})
_WORD_BREAKS = "-'.’"


def normalize(text: str) -> str:
    """The lookup key of a phrase: lower case, straight apostrophes, single spaces (an underscore,
    PETRARCH's word joiner, is a space)."""
    return _SPACES.sub(" ", text.replace("’", "'").replace("‘", "'").replace("_", " ").strip()).lower()


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One code of an extra-lexicon entry, valid between two dates (either may be open)."""

    code: str | None
    start: _dt.date | None = None
    end: _dt.date | None = None

    def valid_on(self, day: _dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form of a lexicon item and what it resolves to."""

    surface: str
    name: str
    kind: EntryKind
    code: str | None
    identity: str
    rule: str
    source: str
    case: CaseMode
    sector: str | None = None
    collective: bool = False
    gender: str | None = None
    role: str | None = None
    dated: tuple[DatedCode, ...] = ()
    stem: bool = False
    kind_known: bool = True
    plover: str | None = None
    generic: bool = False
    placed: bool = False
    named_only: bool = False
    """An agent noun that is an actor only when a country, region or international body names it
    ("African countries" AFR; a bare "the country" is none)."""
    standalone: bool = False
    """A region's own name, an actor by itself ("West Africa"), unlike its adjective ("West African")."""

    def code_on(self, day: _dt.date | None) -> str | None:
        """The code in force on ``day`` (extra lexicons may restrict codes by date)."""
        if not self.dated:
            return self.code
        for dated in self.dated:
            if dated.start is not None or dated.end is not None:
                if day is not None and dated.valid_on(day):
                    return dated.code
        for dated in self.dated:
            if dated.start is None and dated.end is None:
                return dated.code
        return self.dated[-1].code

    def accepts(self, text: str) -> bool:
        """Whether the text's capitalisation fits this entry (keeps "us" from matching "US")."""
        if self.case == "any":
            return True
        if self.case == "exact":
            return _SPACES.sub(" ", text) == self.surface
        surface_words = self.surface.split()
        text_words = text.split()
        if len(surface_words) != len(text_words):
            return text[:1].isupper() or not self.surface[:1].isupper()
        return all(t[:1].isupper() for s, t in zip(surface_words, text_words) if s[:1].isupper())


def case_mode(surface: str) -> CaseMode:
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return "any"
    if all(c.isupper() for c in letters) and len(letters) <= 6:
        return "exact"
    if any(c.isupper() for c in letters):
        return "proper"
    return "any"


@dataclass(slots=True)
class Match:
    """A lexicon hit on tokens ``[start, end)`` of a document."""

    start: int
    end: int
    entry: Entry


@dataclass(slots=True)
class PhraseTable:
    """Normalised phrase -> entries, with the first-word index that makes matching cheap."""

    entries: dict[str, list[Entry]] = field(default_factory=dict)
    stems: dict[str, list[Entry]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    stem_first_words: set[str] = field(default_factory=set)
    stem_heads: set[str] = field(default_factory=set)
    span_limit: dict[str, int] = field(default_factory=dict)
    max_tokens: int = 1

    def add(self, entry: Entry) -> None:
        key = normalize(entry.surface)
        if not key:
            return
        target = self.stems if entry.stem else self.entries
        bucket = target.setdefault(key, [])
        if any(e.identity == entry.identity and e.case == entry.case and e.kind == entry.kind for e in bucket):
            return
        bucket.append(entry)
        bucket.sort(key=lambda e: SOURCE_PRIORITY.get(e.source, 9))
        words = key.split(" ")
        first = words[0]
        width = min(12, len(re.findall(r"\w+|[^\w\s]", key)))
        starts = [first] + [first[:k] for k, ch in enumerate(first) if ch in _WORD_BREAKS and k > 0]
        starts += [first[: k + 1] for k, ch in enumerate(first) if ch in _WORD_BREAKS and k > 0]
        for word in starts:
            self.first_words.add(word)
            self.span_limit[word] = max(self.span_limit.get(word, 0), width)
        if entry.stem:
            self.stem_first_words.add(first)
            self.stem_heads.add(" ".join(words[:-1]))
        self.max_tokens = max(self.max_tokens, width)

    def match(self, doc: Doc) -> list[Match]:
        """Longest, left-to-right, non-overlapping matches over the document's tokens."""
        text = doc.text
        found: list[Match] = []
        n = len(doc)
        i = 0
        while i < n:
            token = doc[i]
            limit = 0 if token.is_space else self._span_limit(normalize(token.text))
            if not limit:
                i += 1
                continue
            hit = self._longest_at(doc, text, i, min(n, i + limit))
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i = hit.end
        return found

    def _span_limit(self, word: str) -> int:
        """How many tokens a match starting with this word can span (0: no entry starts so)."""
        limit = self.span_limit.get(word, 0)
        if self.stem_first_words and any(word[:k] in self.stem_first_words for k in range(2, len(word) + 1)):
            limit = max(limit, self.max_tokens)
        return limit

    def _longest_at(self, doc: Doc, text: str, i: int, stop: int) -> Match | None:
        start_char = doc[i].idx
        for j in range(stop, i, -1):
            last = doc[j - 1]
            if last.is_space:
                continue
            surface = text[start_char : last.idx + len(last.text)]
            if "\n" in surface:
                continue
            key = normalize(surface)
            exact = next((entry for entry in self.entries.get(key, ()) if entry.accepts(surface)), None)
            if exact is not None and exact.source == "extra":
                return Match(i, j, exact)
            # stems come only from a user's lexicon, which outranks the built-in one
            stem_hit = self._stem_at(surface, last.text, i, j) if self.stems else None
            if stem_hit is not None:
                return stem_hit
            if exact is not None:
                return Match(i, j, exact)
        return None

    def _stem_at(self, surface: str, last_word: str, i: int, j: int) -> Match | None:
        """PETRARCH stems: an entry word without a trailing "_" matches any word it begins; a
        hyphenated word ("Barad-dur") is one word, as the dictionary writes it."""
        hyphenated = re.search(r"(?:^|\s)(\w+(?:[-‐–]\w+)+)$", surface)
        if hyphenated is not None:
            last_word = hyphenated.group(1)
        last_word = last_word.rsplit("_", 1)[-1]
        head = surface[: len(surface) - len(last_word)]
        head_key = normalize(head) + (" " if head[-1:].isspace() or head.endswith("_") else "")
        if head_key.rstrip() not in self.stem_heads:
            return None
        word_key = normalize(last_word)
        # a stem of one or two letters ("THE_KU") matches only that word, not every word it begins
        for cut in range(len(word_key), 1 if len(word_key) <= 2 else 2, -1):
            for entry in self.stems.get(head_key + word_key[:cut], ()):
                if entry.accepts(surface):
                    return Match(i, j, entry)
        return None


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    adjective: str


@dataclass(frozen=True, slots=True)
class Term:
    """One office a known person held: its code and title, between two dates (end open if current)."""

    country: str
    sector: str
    role: str
    start: _dt.date | None
    end: _dt.date | None

    @property
    def code(self) -> str:
        return self.country + self.sector

    @property
    def national(self) -> bool:
        """Whether the country slot is a state (ISO3), not an international body ("UN")."""
        return len(self.country) == 3 and self.country.isalpha() and self.country.isupper()

    def covers(self, day: _dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A head of state or government, minister or other figure the news often names bare."""

    name: str
    gender: str | None
    terms: tuple[Term, ...]

    @property
    def code(self) -> str:
        return self.office_on(None)[0]

    @property
    def role(self) -> str:
        return self.office_on(None)[1]

    def office_on(self, day: _dt.date | None) -> tuple[str, str]:
        """Code and title on the article's date: the office then held (the latest begun if
        several), ``ELI`` (a former official) after the last office ended, the bare country
        before the first began; undated articles get the latest office."""
        latest = max(self.terms, key=_term_order)
        if day is None:
            return latest.code, latest.role
        held = [t for t in self.terms if t.covers(day)]
        if held:
            term = max(held, key=_term_order)
            return term.code, term.role
        if all(t.start is not None and day < t.start for t in self.terms):
            return latest.country, latest.role
        ended = max((t for t in self.terms if t.end is not None and t.end < day), key=lambda t: t.end or day)
        return (ended.country + "ELI" if ended.national else ended.country), f"former {ended.role}"


def _term_order(term: Term) -> _dt.date:
    return term.start or _dt.date.min


def _day(text: str, last: bool) -> _dt.date | None:
    """``2014``, ``2014-05`` or ``2014-05-26``; a year or month alone means its first or last day."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return _dt.date(*parts)
    if len(parts) == 2:
        if not last:
            return _dt.date(parts[0], parts[1], 1)
        following = _dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - _dt.timedelta(days=1)
    return _dt.date(parts[0], 12, 31) if last else _dt.date(parts[0], 1, 1)


@dataclass(slots=True)
class Lexicon:
    """Everything the resolver knows before reading a document."""

    table: PhraseTable
    countries: dict[str, Country]
    igo_codes: dict[str, str]
    igo_names: dict[str, str]
    people: dict[str, KnownPerson]
    surnames: dict[str, list[KnownPerson]]
    honorifics: dict[str, str | None]
    pronouns: dict[str, str]
    first_names: dict[str, str]
    context_aliases: dict[str, list[str]]
    plover_of: dict[str, str]
    org_keywords: dict[str, tuple[str, str | None]]
    origin_words: frozenset[str]
    igo_long: dict[str, str] = field(default_factory=dict)
    agent_codes: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    shared_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Normalised country name or nationality word -> the countries it may mean, default first."""
    headline_words: frozenset[str] = frozenset()
    """Lower-case verb forms and prepositions that end a name in a title-cased headline."""
    event_name_words: frozenset[str] = frozenset()
    """First words of names that name an operation or exercise, not an actor ("Operation ...")."""
    anaphor_nouns: dict[str, tuple[frozenset[str], bool]] = field(default_factory=dict)
    """Nouns that, after "the", name an organisation the text named before ("the group") -> the
    CAMEO sectors its antecedent must have, and whether a named organisation of any sector fits too."""
    shared_places: frozenset[tuple[str, str]] = frozenset()
    """(normalised shared name, ISO3) where the name, meaning that country, is a place in it ("georgia", USA)."""
    rank_qualifiers: frozenset[str] = frozenset()
    """Words that make a title another office ("vice", "deputy": ``rank_qualifiers.txt``)."""
    not_actors: frozenset[str] = frozenset()
    """Normalised names the entity model tags that never act: time zones, diseases ("UTC", "COVID-19")."""
    collective_countries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Lower-case plural names of several countries ("koreas") -> their ISO3 codes (``collective_countries.tsv``)."""
    document_words: frozenset[str] = frozenset()
    """Last words of names that name a law, treaty or other document, not an actor ("... Act")."""
    side_nouns: frozenset[str] = frozenset()
    """Plural agent nouns that, bare after "the", mean the sides of a talk or deal ("the parties")."""
    home_sectors: frozenset[str] = frozenset()
    """CAMEO agents of a country's own institutions: an uncountried one takes the report's home country."""
    foreign_scope_words: frozenset[str] = frozenset()
    """Words that put a group abroad or across several countries ("foreign", "both", "global")."""
    coding_anaphor_nouns: frozenset[str] = frozenset()
    """Anaphor nouns that an organisation no lexicon codes also fits, and that give it their sector
    ("Zantor ... the company" -> ---BUS): ``unknown`` in ``anaphor_nouns.tsv``."""
    corporate_suffixes: frozenset[str] = frozenset()
    """Words that close a company's legal name, without their dots ("Inc", "plc", "GmbH", "SA")."""
    company_evidence_nouns: frozenset[str] = frozenset()
    """Lower-case nouns that only a company owns ("Zantor shares", "the stock of Zantor")."""
    non_person_name_words: frozenset[str] = frozenset()
    """Lower-case words that make a capitalised name a place, building or thing, not a person."""
    national_body_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Lower-case names several countries' bodies share -> (the sector a country gives them, the evidence
    that names the country: "home" or "title"; ``national_body_names.tsv``)."""
    delegate_nouns: frozenset[str] = frozenset()
    """Lower-case agent nouns that stand for whoever an "of" phrase names ("representatives of ...")."""
    product_nouns: dict[str, bool] = field(default_factory=dict)
    """Lower-case nouns that make the name before them a product or an index -> whether the word marks
    one inside a name too ("Kelmar Composite Index"; ``product_nouns.tsv``)."""

    def plover_sector(self, code: str | None) -> str | None:
        """The PLOVER 2.0 sector a CAMEO-style code implies ("USADIP" -> GOV, "RUSMED" -> JRN);
        for an international body, the agent inside its CAMEO code ("ICJ" = IGOUNOJUDICJ -> JUD)."""
        if not code:
            return None
        international = self._international_code(code)
        if international is not None:
            chunks = [international[i:i + 3] for i in range(3, len(international) - 2, 3)]
            return next((self.plover_sector_of_agent(c) for c in reversed(chunks) if c in self.agent_codes), None)
        agent = code[3:6]
        return self.plover_sector_of_agent(agent) if agent else None

    def phoenix_code(self, code: str | None) -> str | None:
        """The code as the Phoenix dictionaries, and event data coded with them, write it: an
        international body in its CAMEO long form, agent suffix kept ("NATO" -> "IGOWSTNAT",
        "UNMIL" -> "IGOUNOMIL"), and a diplomat as government ("USADIP" -> "USAGOV"), since the
        Phoenix agents dictionary has no DIP agent. ``code`` itself keeps the contract's form."""
        if not code:
            return code
        if "," in code:  # a user lexicon's several codes ("FRO,BIL,SAM"), each recoded
            return ",".join(str(self.phoenix_code(part)) for part in code.split(","))
        international = self._international_code(code)
        if international is not None:
            return international
        if len(code) >= 6 and code[3:6] == "DIP":
            return code[:3] + "GOV" + code[6:]
        return code

    def _international_code(self, code: str) -> str | None:
        """The CAMEO long form of an IGO/NGO code, agent suffix kept ("EULEG" -> IGOEUREECLEG)."""
        if code.startswith(("IGO", "NGO")):
            return code
        for short, long_code in self.igo_long.items():
            tail = code[len(short):]
            if code.startswith(short) and len(tail) % 3 == 0 and (tail.isalpha() or not tail):
                return long_code + tail
        return None

    def plover_sector_of_agent(self, agent: str | None) -> str | None:
        if not agent:
            return None
        plover = self.plover_of.get(agent, agent)
        return None if plover == "-" else plover


def _data_lines(name: str) -> Iterator[list[str]]:
    path = resources.files("newsgraph.actors").joinpath(f"data/{name}")
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [cell.strip() for cell in line.split("\t")]


def load_relation_nouns() -> frozenset[str]:
    """Kinship and personal-relation nouns (``relation_nouns.txt``): a "son" or "lawyer" of a
    person is a private person, never the person the possessor or "of" phrase names."""
    return frozenset(row[0].lower() for row in _data_lines("relation_nouns.txt"))


def _cells(row: list[str], n: int) -> list[str]:
    return row + [""] * (n - len(row))


def _alts(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def load_builtin() -> Lexicon:
    """Read the package's data files into one lexicon."""
    table = PhraseTable()
    countries: dict[str, Country] = {}
    for row in _data_lines("countries.tsv"):
        iso3, name, aliases, adjectives, capitals = _cells(row, 5)[:5]
        adjective_forms = _alts(adjectives)
        adjective = next((a for a in adjective_forms if not a.endswith("s")), adjective_forms[0] if adjective_forms else name)
        countries[iso3] = Country(iso3, name, adjective)
        identity = f"country:{iso3}"
        for surface in [name, *_alts(aliases)]:
            table.add(Entry(surface, name, "country", iso3, identity, "actor:lexicon:country", "country", case_mode(surface)))
        for surface in adjective_forms:
            table.add(Entry(surface, name, "adjective", iso3, identity, "actor:lexicon:adjective", "country", case_mode(surface)))
        gov_name = f"{adjective} government"
        for surface in _alts(capitals):
            table.add(
                Entry(surface, gov_name, "organization", f"{iso3}GOV", f"code:{iso3}GOV",
                      "actor:lexicon:capital-metonym", "country", case_mode(surface), sector="GOV")
            )
    shared_names: dict[str, tuple[str, ...]] = {}
    shared_places: set[tuple[str, str]] = set()
    for row in _data_lines("shared_names.tsv"):
        surface, kind, default, others = _cells(row, 4)[:4]
        candidates = [(alt.split(":")[0], alt.endswith(":place")) for alt in _alts(others)]
        shared_names[normalize(surface)] = (default, *(code for code, _ in candidates))
        shared_places.update((normalize(surface), code) for code, place in candidates if place)
        if kind == "place":
            continue  # its row in places.tsv is the entry; only the candidates are added here
        rule = "actor:lexicon:country" if kind == "country" else "actor:lexicon:adjective"
        table.add(Entry(surface, countries[default].name, kind, default, f"country:{default}", rule, "country",  # type: ignore[arg-type]
                        case_mode(surface)))
    for row in _data_lines("places.tsv"):
        place, iso3, aliases = _cells(row, 3)[:3]
        for surface in [place, *_alts(aliases)]:
            table.add(Entry(surface, place, "country", iso3, f"place:{place}", PLACE_RULE, "place", case_mode(surface)))
    igo_codes: dict[str, str] = {}
    igo_names: dict[str, str] = {}
    for row in _data_lines("igos.tsv"):
        code, name, aliases, long_code = _cells(row, 4)[:4]
        igo_names[code] = name
        if long_code:
            igo_codes[long_code] = code
        identity = f"igo:{code}"
        for surface in dict.fromkeys([name, code, *_alts(aliases), long_code]):
            if surface:
                table.add(Entry(surface, name, "organization", code, identity, "actor:lexicon:igo", "igo", case_mode(surface)))
    for row in _data_lines("organizations.tsv"):
        name, code, kind, aliases = _cells(row, 4)[:4]
        identity = f"country:{code}" if kind == "country" else f"org:{name}"
        for surface in dict.fromkeys([name, *_alts(aliases)]):
            table.add(Entry(surface, name, kind, code, identity, "actor:lexicon:organization", "organization", case_mode(surface)))  # type: ignore[arg-type]
    people, surnames = _load_people(table)
    for row in _data_lines("regions.tsv"):
        surface, code, actor = _cells(row, 3)[:3]
        table.add(Entry(surface, surface, "region", code, f"region:{code}", "actor:lexicon:region", "region",
                        case_mode(surface), standalone=actor == "y"))
    plover_of = {row[0]: row[1] for row in _data_lines("plover_sectors.tsv")}
    for row in _data_lines("sectors.tsv"):
        phrase, sector, collective, plural, plover, generic, placed = _cells(row, 7)[:7]
        for surface, is_plural in ((phrase, False), (plural or _plural(phrase), True)):
            table.add(
                Entry(surface, phrase, "sector", None, f"sector:{phrase}", "actor:lexicon:sector", "sector", "any",
                      sector=sector or None, collective=bool(collective) or (is_plural and surface != phrase),
                      role="plural" if is_plural and surface != phrase else None,
                      plover=plover or None, generic=bool(generic), placed=bool(placed), named_only=placed == "only")
            )
    _add_ethnic_groups(table)
    org_keywords = {normalize(row[0]): (row[1], _cells(row, 3)[2] or None) for row in _data_lines("org_keywords.tsv")}
    honorifics = {row[0]: (_cells(row, 2)[1] or None) for row in _data_lines("honorifics.tsv")}
    pronouns = {row[0]: row[1] for row in _data_lines("pronouns.tsv")}
    first_names = {row[0]: row[1] for row in _data_lines("first_names.tsv")}
    context_aliases = {row[0]: _alts(row[1]) for row in _data_lines("context_aliases.tsv")}
    agent_codes = frozenset({*plover_of, *plover_of.values(), *(e.sector for b in table.entries.values()
                                                               for e in b if e.kind == "sector" and e.sector)} - {"-"})
    return Lexicon(table, countries, igo_codes, igo_names, people, surnames, honorifics, pronouns, first_names,
                   context_aliases, plover_of, org_keywords, frozenset(row[0] for row in _data_lines("origin_words.txt")),
                   {short: long_code for long_code, short in igo_codes.items()}, agent_codes,
                   frozenset(row[0] for row in _data_lines("body_nouns.txt")), shared_names,
                   frozenset(form for row in _data_lines("headline_words.txt") for form in _verb_forms(row[0])),
                   frozenset(row[0] for row in _data_lines("event_name_words.txt")),
                   {row[0]: (frozenset(_alts(row[1])), row[2:3] == ["any"]) for row in _data_lines("anaphor_nouns.tsv")},
                   shared_places=frozenset(shared_places),
                   rank_qualifiers=frozenset(row[0] for row in _data_lines("rank_qualifiers.txt")),
                   not_actors=frozenset(normalize(row[0]) for row in _data_lines("not_actors.txt")),
                   collective_countries={row[0].lower(): tuple(_alts(row[1]))
                                         for row in _data_lines("collective_countries.tsv")},
                   document_words=frozenset(row[0] for row in _data_lines("document_words.txt")),
                   side_nouns=frozenset(row[0] for row in _data_lines("side_nouns.txt")),
                   home_sectors=frozenset(row[0] for row in _data_lines("home_sectors.txt")),
                   foreign_scope_words=frozenset(row[0] for row in _data_lines("foreign_scope_words.txt")),
                   coding_anaphor_nouns=frozenset(row[0] for row in _data_lines("anaphor_nouns.tsv")
                                                  if row[2:3] == ["unknown"]),
                   corporate_suffixes=frozenset(row[0].rstrip(".") for row in _data_lines("corporate_suffixes.txt")),
                   company_evidence_nouns=frozenset(row[0] for row in _data_lines("company_evidence_nouns.txt")),
                   non_person_name_words=frozenset(row[0] for row in _data_lines("non_person_name_words.txt")),
                   national_body_names={row[0]: (row[1], row[2]) for row in _data_lines("national_body_names.tsv")},
                   delegate_nouns=frozenset(row[0] for row in _data_lines("delegate_nouns.txt")),
                   product_nouns={row[0]: row[1:2] == ["name"] for row in _data_lines("product_nouns.tsv")})


def _add_ethnic_groups(table: PhraseTable) -> None:
    """``ethnic_groups.tsv``: members, plurals and adjectives of an ethnic group are agent nouns with
    the civilian agent, as Phoenix codes an ethnic group; capitalised only ("Kurds", "Pashtun
    tribesmen"). A plural written like the singular ("the Hutu") names the group."""
    for row in _data_lines("ethnic_groups.tsv"):
        member, plurals, adjectives = _cells(row, 3)[:3]
        plural_forms = _alts(plurals) or [_plural(member)]
        forms = [(member, member in plural_forms)] + [(p, True) for p in plural_forms if p != member]
        forms += [(a, False) for a in _alts(adjectives) if a not in (member, *plural_forms)]
        for surface, plural in forms:
            table.add(Entry(surface, member, "sector", None, f"sector:{member}", ETHNIC_RULE, "sector",
                            "proper", sector="CVL", collective=plural, role="plural" if plural else None))


def _verb_forms(word: str) -> tuple[str, ...]:
    """A headline verb's regular forms ("warn": warns, warned, warning); a form that is no word
    ("meeted") matches nothing, and a preposition's extra forms do no harm either."""
    stem = word[:-1] if word.endswith("e") else word
    forms = [word, word + "s", word + "es", stem + "ed", stem + "ing"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    return tuple(forms)


def _load_people(table: PhraseTable) -> tuple[dict[str, KnownPerson], dict[str, list[KnownPerson]]]:
    """``people.tsv``: one row per office held; rows of one name make one person."""
    rows: dict[str, list[list[str]]] = {}
    for row in _data_lines("people.tsv"):
        rows.setdefault(row[0], []).append(_cells(row, 8))
    people: dict[str, KnownPerson] = {}
    surnames: dict[str, list[KnownPerson]] = {}
    for name, offices in rows.items():
        terms = tuple(Term(country, sector, role, _day(start, False), _day(end, True))
                      for _, country, role, sector, start, end, _, _ in offices)
        gender = next((o[6] for o in offices if o[6]), "") or None
        aliases = [a for o in offices for a in _alts(o[7])]
        person = KnownPerson(name, gender, terms)
        for surface in dict.fromkeys([name, *aliases]):
            people[normalize(surface)] = person
            table.add(Entry(surface, name, "person", person.code, f"person:{name}", "actor:lexicon:known-person",
                            "people", "proper", gender=gender, role=person.role))
        # "Mr Kocharian" for Robert Kocharyan: an alias spelling the surname otherwise names him too
        for surname in dict.fromkeys(normalize(s.split()[-1]) for s in [name, *aliases] if len(s.split()) >= 2):
            surnames.setdefault(surname, []).append(person)
    return people, surnames


def _plural(noun: str) -> str:
    words = noun.split(" ")
    last = words[-1]
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return " ".join([*words[:-1], last])


# --- extra lexicons ---------------------------------------------------------------------

_PETRARCH_CODE = re.compile(r"\[([^\]]*)\]")
_DATE_RANGE = re.compile(r"^(\S+)?\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*$")


def _petrarch_date(text: str) -> _dt.date:
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year < 30 else 1900
        return _dt.date(year, int(text[2:4]), int(text[4:6]))
    return _dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _petrarch_code(block: str) -> DatedCode | None:
    """``CODE``, ``CODE <YYMMDD``, ``CODE >YYMMDD`` or ``CODE YYMMDD-YYMMDD``."""
    found = _DATE_RANGE.match(block.strip())
    if not found:
        return None
    code, op, when, start, end = found.groups()
    if code and re.fullmatch(r"\d{6,8}", code):
        return None
    if code:
        # "[FRO/BIL/SAM]": an entry standing for several actors keeps every code, comma-joined as
        # the contract's list form ("USA,RUS"), so that each gets its own event triple.
        parts = [part for part in code.upper().split("/") if re.fullmatch(r"[A-Z0-9]+|-{3}[A-Z0-9]*", part)]
        code = ",".join(parts) or None
    try:
        if op == "<" and when:
            return DatedCode(code, None, _petrarch_date(when) - _dt.timedelta(days=1))
        if op == ">" and when:
            return DatedCode(code, _petrarch_date(when), None)
        if start and end:
            return DatedCode(code, _petrarch_date(start), _petrarch_date(end))
    except ValueError:
        return None
    return DatedCode(code)


def _strip_markup(lines: Iterable[str]) -> Iterator[str]:
    """Drop ``<!-- ... -->`` blocks (possibly over several lines) and ``#`` comments."""
    in_comment = False
    for line in lines:
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        stripped = line.strip()
        if stripped.startswith("<!"):
            if "-->" not in stripped and stripped.startswith("<!--"):
                in_comment = True
            continue
        yield line.split("#", 1)[0].rstrip()


def _petrarch_surface(raw: str) -> tuple[str, bool]:
    """``NEW_ZEALAND_`` -> ("NEW ZEALAND", exact); a name without the final ``_`` is a stem."""
    raw = raw.strip()
    exact = raw.endswith("_")
    words = [w for w in re.split(r"[_\s]+", raw) if w]
    return " ".join(words), exact


def _petrarch_display(surface: str) -> str:
    if len(surface.replace(".", "")) <= 4 or not re.search(r"[AEIOU]", surface):
        return surface
    words = [w.capitalize() if w.isalpha() else w.title() for w in surface.split()]
    return " ".join(w.lower() if k and w.lower() in NAME_FUNCTION_WORDS else w for k, w in enumerate(words))


def _kind_for_code(code: str | None, countries: dict[str, Country]) -> EntryKind:
    code = code.split(",")[0] if code else code
    if code and len(code) == 3 and code.isalpha():
        return "country"
    return "organization"


def _extra_entry(surface: str, exact: bool, root: str, dated: tuple[DatedCode, ...],
                 countries: dict[str, Country], kind: EntryKind | None = None) -> Entry:
    default = Entry(surface, root, "organization", None, "", "", "extra", "any", dated=dated)
    code = default.code_on(None)
    explicit = kind is not None
    kind = kind or _kind_for_code(code, countries)
    letters = surface.replace(".", "").replace(" ", "")
    mode: CaseMode = "exact" if len(letters) <= 3 else "proper"
    # function words stay lower case, so that "the Shire" and "Prince of Dol Amroth" match as written
    shown = surface if mode == "exact" else " ".join(
        w.lower() if w.lower() in NAME_FUNCTION_WORDS else w[:1].upper() + w[1:].lower() for w in surface.split())
    identity = f"country:{code}" if kind == "country" and code else (f"code:{code}" if code and kind != "person" else f"extra:{root}")
    if kind == "person":
        identity = f"person:{root}"
    return Entry(shown, root, kind, code, identity, "actor:lexicon:extra", "extra", mode, dated=dated, stem=not exact,
                 kind_known=explicit)


def read_petrarch(path: Path, countries: dict[str, Country]) -> list[Entry]:
    """A PETRARCH/TABARI ``.actors`` dictionary: roots, ``+synonyms`` and ``[CODE]`` blocks."""
    entries: list[Entry] = []
    names: list[tuple[str, bool]] = []
    codes: list[DatedCode] = []

    def flush() -> None:
        if names and codes:
            root = _petrarch_display(names[0][0])
            for surface, exact in names:
                entries.append(_extra_entry(surface, exact, root, tuple(codes), countries))
        names.clear()
        codes.clear()

    for line in _strip_markup(path.read_text("utf-8", errors="replace").splitlines()):
        if not line.strip():
            continue
        indented = line[:1] in (" ", "\t")
        body = line.strip()
        code_blocks = _PETRARCH_CODE.findall(body)
        name_part = _PETRARCH_CODE.sub("", body).strip()
        name_part = re.sub(r"\{[^}]*\}", "", name_part).strip()
        if body.startswith("+"):
            if name_part[1:].strip():
                names.append(_petrarch_surface(name_part[1:]))
        elif indented and not name_part:
            pass
        elif name_part:
            flush()
            names.append(_petrarch_surface(name_part))
        for block in code_blocks:
            dated = _petrarch_code(block)
            if dated is not None:
                codes.append(dated)
    flush()
    return entries


def read_tsv(path: Path, countries: dict[str, Country]) -> list[Entry]:
    """The simple format: ``name<TAB>code<TAB>kind`` (kind optional), ``#`` comments."""
    entries: list[Entry] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, code, kind = _cells([c.strip() for c in line.split("\t")], 3)[:3]
        valid_kind = kind if kind in ("person", "organization", "country", "group", "anonymous") else None
        entry = _extra_entry(name, True, name, (DatedCode(code or None),), countries, valid_kind)  # type: ignore[arg-type]
        entries.append(Entry(name, name, entry.kind, entry.code, entry.identity, entry.rule, "extra",
                             case_mode(name), dated=entry.dated, kind_known=valid_kind is not None))
    return entries


_AGENT_CODE = re.compile(r"\[\s*~\s*([A-Z]{3}(?:[A-Z]{3})*)\s*\]")
_SUBSTITUTION = re.compile(r"^\s*(![A-Za-z]+!)\s*=\s*(.+)$")
_AGENT_BLOCK = re.compile(r"\[\s*(?:~\s*[A-Za-z]+|[A-Za-z]+\s*~)\s*\]")


def _expand_substitutions(name: str, sets: dict[str, list[str]]) -> list[str]:
    """``POLICE!PERSON!`` -> POLICEMAN, POLICEMEN, POLICEWOMAN, ... (every set, every member); a
    last word that is a set's name without the marks is that set ("DEFENSE_MINIST" is written
    for "DEFENSE_!MINIST!": the dictionary's few remaining stems)."""
    words = re.split(r"([_\s]+)", name)
    if words and f"!{words[-1].upper()}!" in sets:
        words[-1] = f"!{words[-1].upper()}!"
        name = "".join(words)
    names = [name]
    for marker, members in sets.items():
        names = [n.replace(marker, member, 1) for n in names for member in members] if any(marker in n for n in names) else names
    return [n for n in names if "!" not in n]


def read_petrarch_agents(path: Path) -> list[Entry]:
    """A PETRARCH/TABARI agents dictionary (``Phoenix.agents.txt``): common nouns with the agent
    code they add to a country (``TROOPS {} [~MIL]``). ``{}`` means no plural, ``{FORM}`` an
    irregular plural, otherwise the regular plural is made; ``!SET!`` markers expand to the
    members of a substitution set. Codes that make the agent the root (``[NGO~]``) have no place
    in a country + sector code and are skipped. A several-agent code (``~GOVMIL``) is kept whole
    in the CAMEO code; the resolver gives it the PLOVER sector of its first agent."""
    sets: dict[str, list[str]] = {}
    entries: list[Entry] = []
    for line in _strip_markup(path.read_text("utf-8", errors="replace").splitlines()):
        substitution = _SUBSTITUTION.match(line)
        if substitution:
            sets[substitution.group(1)] = [w.strip() for w in substitution.group(2).split(",") if w.strip()]
            continue
        code = _AGENT_CODE.search(line)
        if code is None:
            continue
        head = line[: code.start()]
        plural_block = re.search(r"\{([^}]*)\}", head)
        raw_name = re.sub(r"\{[^}]*\}", "", head).strip().lstrip("+").strip()
        agent = code.group(1)
        for name in _expand_substitutions(raw_name, sets):
            surface, _ = _petrarch_surface(name)
            if not surface:
                continue
            phrase = surface.lower()
            forms = [(phrase, False)]
            already_plural = phrase.endswith("men") or (phrase.endswith("s") and not phrase.endswith("ss"))
            if plural_block is None and not already_plural:
                forms.append((_plural(phrase), True))
            elif plural_block is not None and plural_block.group(1).strip():
                forms.append((_petrarch_surface(plural_block.group(1))[0].lower(), True))
            for form, plural in forms:
                entries.append(Entry(form, phrase, "sector", None, f"extra-agent:{phrase}", "actor:lexicon:extra-agent",
                                     "extra", "any", sector=agent, collective=plural_block is not None and not plural,
                                     role="plural" if plural else None))
    return entries


def read_extra(path: str | Path, countries: dict[str, Country]) -> list[Entry]:
    """An extra lexicon: a PETRARCH agents dictionary when its codes are agents (``[~GOV]``), a
    PETRARCH actors dictionary otherwise, unless it is tab-separated without ``[CODE]`` blocks."""
    path = Path(path)
    sample = path.read_text("utf-8", errors="replace")[:20000]
    if path.suffix.lower() == ".tsv" or ("\t" in sample and "[" not in sample):
        return read_tsv(path, countries)
    blocks = _PETRARCH_CODE.findall(sample)
    if blocks and sum(bool(_AGENT_BLOCK.fullmatch(f"[{b}]")) for b in blocks) * 2 > len(blocks):
        return read_petrarch_agents(path)
    return read_petrarch(path, countries)
