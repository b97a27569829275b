"""Within-document actor resolution.

Mentions come from four places: the lexicons (countries, capitals and other metonyms, IGOs,
national bodies, known people, user extras), spaCy's named entities, courtesy titles
("Mr Peskov"), and agent nouns with their modifiers ("US officials", "a European diplomat").
Mentions are then grouped into canonical actors: surnames join the full name given
elsewhere in the text, "the alliance" joins NATO when NATO is named, titles and appositives
give people a role and a CAMEO-style code, and pronouns join the actor they most likely
refer to.

Design choices, documented here because later stages depend on them:

* A capital or seat of government ("Moscow", "the Kremlin") is a separate actor from the
  country: kind ``organization``, code ``<ISO3>GOV``, name "<adjective> government"
  ("Russian government"); "Russia" itself is the country actor, code ``RUS``.
* A capital after a locative preposition ("talks in Moscow") is a place, not its government.
  After "in" it is still an actor of its own, the country as a place (``LOCATIVE_PLACE_RULE``,
  code ``<ISO3>``), which the event coder uses only as a last-resort target ("a bomb exploded
  in Bangkok"), never as a source.
* A country, organisation or IGO named inside a title or agent phrase ("*Kremlin* spokesman",
  "*US* officials", "*NATO* allies") only shapes that phrase's code; it is not a mention of
  its own. Names after the title ("ambassador to *NATO*") stay mentions.
* An unnamed title holder ("a Kremlin spokesman", "the Russian president") joins the one
  named person of the document with the same code and title word, when there is exactly
  one; otherwise it is its own ``anonymous`` actor.
* Every actor carries two sector codes: ``code`` is CAMEO-style (Phoenix conventions, with
  DIP for diplomats as the contract asks), and ``sector`` is the
  PLOVER 2.0 sector, from the agent noun's row in ``sectors.tsv`` or else from the code
  through ``plover_sectors.tsv`` (protesters: OPP and CVL; journalists: MED and JRN).
* A generic position ("spokesman", "officer", "commander", "station") takes the sector of the
  body named before it or in its "of" phrase ("rebel commander" REB, "intelligence officer"
  SPY); "former"/"ex-" makes an elite (ELI); an IGO's troops, legislators, judges, police and
  spies keep the IGO code with the sector after it ("UNMIL", "EULEG"), its officials the bare code.
* Known people (``people.tsv``) hold dated offices: the article's date picks the one held
  then, a person out of office is ``<country>ELI``, and the text's own description wins.
* A city, state or province (``places.tsv``) gives its country: to an agent noun before it
  ("Shanghai police" CHNCOP), or as an actor of its own, except after a locative preposition.
* Agent nouns follow the Phoenix agents dictionary's CAMEO codes where it has the noun (border
  guards MIL, detainees OPP, migrants CVL), except diplomats (DIP, as the contract asks);
  ``Lexicon.phoenix_code`` gives the form Phoenix-coded event data uses (DIP -> GOV, IGO long codes).
* Coordinated agent nouns share what names them: "Danish media and government" (both DNK),
  "lawmakers and officials in Fornost and Gondor" (four actors).
* A user's agents dictionary (``--lexicon Phoenix.agents.txt``) replaces the sector of a noun it
  lists, but a generic position stays generic ("Kremlin spokesman" is RUSGOV whatever sector the
  dictionary gives "spokesman"); several of its agents in one phrase are joined in text order,
  as PETRARCH joins them ("Danish Islamist media" DNKMUSMED).
* A body noun after an agent noun is the actor, with the agent's sector ("a rebel group" ---REB,
  "the opposition coalition" OPP; ``body_nouns.txt``); an office holder's name before an agent
  noun gives it the person's country ("the Maduro government" VENGOV, one actor, not Maduro).
* An abbreviation in brackets after a named body ("the Syrian Observatory for Human Rights
  (SOHR)") is that body wherever the text uses it.
* "men" and "women" are coded (CVL) only when a country or place names them ("Indian men").
* A title-cased headline ("Obama Meets Putin", "Kosovo Police Arrest Two Men") has its merged
  entities cut at headline verbs and prepositions (``headline_words.txt``); the word before such a
  verb ends an agent phrase. Names of operations and exercises ("Operation ...") are no actors.
* A name two countries share ("Congo", "Congolese"; ``shared_names.tsv``) takes the country the
  rest of the document names unambiguously (Kinshasa, DRC vs Brazzaville), else the Phoenix default.
* A user-lexicon entry with several codes ("[FRO/BIL/SAM]") gives one actor whose ``code`` is the
  comma list "FRO,BIL,SAM", the contract's form for several codes (one event triple per code).
* "the group", "the movement", "the militants" (``anaphor_nouns.tsv``) with no modifiers of their own
  join the nearest fitting organisation named before them, in the same paragraph or the sentence
  before (rule ``actor:coref:definite-description``); governments and countries never fit.
* An ethnic group ("Kurds", "Pashtun tribesmen"; ``ethnic_groups.tsv``) is civilians, as Phoenix codes
  ETHNIC_GROUP: CVL with the country the words around it name, else "---CVL"; it names no body for
  a position ("Kurdish leaders" stay ---GOV).
* A region's own name ("West Africa", "the Middle East"; ``regions.tsv``) is an actor with its CAMEO
  region code (WAF, MEA); "country", "nation" and "state" are actors only when a country, region or
  international body names them ("African countries" AFR, "the state of Qatar" is Qatar).
* News outlets are their country's media (``organizations.tsv``: BBC GBRMED); names the entity model
  tags that never act (time zones, diseases: ``not_actors.txt``) are no actors.
* A name the model tags as an organisation, or leaves untagged, that is the surname of exactly one
  person named in full before it is that person (rule ``actor:coref:surname``).
* A city two countries have ("Cambridge", ``shared_names.tsv``) is in the country the rest of the
  text names; "Georgia" beside another US place is the US state.
* A state body or force of unknown country owned by a pronoun that refers to a state actor ("Putin
  said his forces", "Chile said its troops") takes that country (``actor:coref:possessor-country``),
  as an actor of its own ("NATO said its troops": NATOMIL); a rebel group's or a crowd's possessions
  stay as they were.
* A name several countries' bodies share ("Labour Party", a bare "Security Council";
  ``national_body_names.tsv``) is the body of the country the text gives: one named right before or
  after it, a national official it titles, or the report's home country; the lexicon's code is the fallback.
* "representatives" with an "of"/"from" phrase are a delegation (``delegate_nouns.txt``): of a
  country or international body GOV, of companies BUS; bare they stay legislators.
* A name most of whose mentions read as a product or an index (``product_nouns.tsv``) never
  becomes a company, not even through "the company".
* "Mr President" in a transcript's turn is the one partner holding that title who is not the speaker.

This module only orders the steps and builds the actors; each concern is a mixin of its own module:
``entities`` (cleaning names and lexicon matches), ``people`` (names, surnames, unnamed title holders),
``titles`` (what a title or agent phrase codes), ``groups`` (agent-noun groups, compound phrases),
``places`` (countries, metonyms, national bodies, home country), ``organisations`` (unknown
organisations, aliases, abbreviations), ``companies`` and ``coreference`` (descriptions, pronouns);
``state`` holds what they share.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.actors.companies import CompaniesMixin
from newsgraph.actors.coreference import CoreferenceMixin
from newsgraph.actors.entities import EntityMixin, title_cased
from newsgraph.actors.groups import GroupsMixin
from newsgraph.actors.lexicon import Entry, Lexicon, Match, load_builtin, normalize, read_extra
from newsgraph.actors.organisations import OrganisationsMixin
from newsgraph.actors.people import PeopleMixin
from newsgraph.actors.places import LOCATIVE_PLACE_RULE, PlacesMixin
from newsgraph.actors.state import UNKNOWN_COUNTRY, Candidate
from newsgraph.actors.titles import TitlesMixin
from newsgraph.records import Actor, ActorKind, ActorTable, Article, Mention

__all__ = ["ActorResolver", "LOCATIVE_PLACE_RULE"]


class ActorResolver:
    """Finds actor mentions in a parsed document and groups them into canonical actors."""

    def __init__(self, extra_lexicons: tuple[str, ...] = ()) -> None:
        self.extra_lexicons = tuple(extra_lexicons)
        self.lexicon: Lexicon = load_builtin()
        for path in self.extra_lexicons:
            for entry in read_extra(path, self.lexicon.countries):
                self.lexicon.table.add(self._keep_builtin_role(entry))

    def _keep_builtin_role(self, entry: Entry) -> Entry:
        """A user's agent noun replaces the built-in sector of the same noun, but a position the
        package treats as generic ("spokesman", "official") still takes the sector of the body
        named before it, and a body noun stays collective ("Kremlin spokesman" stays RUSGOV)."""
        if entry.kind != "sector":
            return entry
        builtin = [e for e in self.lexicon.table.entries.get(normalize(entry.surface), ())
                   if e.kind == "sector" and e.source == "sector"]
        plover = self.lexicon.plover_sector_of_agent((entry.sector or "")[:3])
        if not builtin:
            return replace(entry, plover=plover)
        same_agent = builtin[0].sector == entry.sector
        return replace(entry, generic=builtin[0].generic, collective=entry.collective or builtin[0].collective,
                       plover=builtin[0].plover if same_agent else plover)

    def resolve(self, doc: Doc, article: Article) -> ActorTable:
        return _Resolution(self.lexicon, doc, article).run()

    def phoenix_code(self, code: str | None) -> str | None:
        """``code`` as Phoenix-coded event data writes it (``USADIP`` -> ``USAGOV``, ``NATO`` -> ``IGOWSTNAT``)."""
        return self.lexicon.phoenix_code(code)


class _Resolution(EntityMixin, PeopleMixin, TitlesMixin, GroupsMixin, PlacesMixin, OrganisationsMixin,
                  CompaniesMixin, CoreferenceMixin):
    """The state of resolving one document; each concern's steps come from its mixin, in ``run``'s order."""

    def __init__(self, lexicon: Lexicon, doc: Doc, article: Article) -> None:
        self.lex = lexicon
        self.doc = doc
        self.text = doc.text
        self.article = article
        self.headline_tokens = {i for sentence in doc.sents if title_cased(sentence)
                                for i in range(sentence.start, sentence.end)}
        self.entities = self._clean_entities(self._split_headline_entities())
        self.all_matches = self._with_elided_countries(lexicon.table.match(doc))
        self._settle_shared_names()
        self.matches = self._drop_matches_inside_names(self.all_matches)
        self.match_of: dict[int, Match] = {}
        for match in self.matches:
            for i in range(match.start, match.end):
                self.match_of[i] = match
        self.absorbed: set[int] = set()
        self.taken: list[tuple[int, int]] = []
        self.candidates: list[Candidate] = []
        self.person_tokens: set[int] = set()
        self.described_heads: set[int] = set()
        self.appositives: list[Candidate] = []
        self.leader_names: dict[int, Candidate] = {}
        self._document_abbreviations: set[str] | None = None
        self.national_titles: list[tuple[int, str, str]] = []
        """(token, shared body name, country) for each shared name that titles a national official
        ("Security Council Secretary Ivan Petrov": RUS; ``national_body_names.tsv``)."""

    def run(self) -> ActorTable:
        persons = self._find_persons()
        self._link_person_names(persons)
        self._describe_persons(persons)
        self.candidates.extend(persons)
        self.candidates.extend(self.appositives)
        groups = self._find_groups()
        self._add_lexicon_mentions()
        self._add_collective_countries()
        self.candidates.extend(groups)
        self._add_context_aliases()
        self._add_leftover_entities()
        self._code_from_company_in_title()
        self._link_abbreviations()
        self._link_titles_to_people()
        self._link_addressed_titles()
        self._link_definite_descriptions()
        self._link_name_heads()
        actors = self._build_actors()
        self._add_pronouns(actors)
        self._code_employers(actors)
        self._code_short_names(actors)
        self._code_companies_conjoined(actors)
        self._give_home_country(actors)
        return self._finish(actors)

    def _build_actors(self) -> list[Actor]:
        by_identity: dict[str, list[Candidate]] = {}
        for candidate in sorted(self.candidates, key=lambda c: (c.start, -c.end)):
            by_identity.setdefault(candidate.identity, []).append(candidate)
        actors: list[Actor] = []
        self.genders: dict[int, str | None] = {}
        for identity, members in by_identity.items():
            best = max(members, key=lambda c: (c.role is not None, c.quality, -c.start))
            kind = _actor_kind(members)
            name = best.name if kind != "person" else members[0].name
            code, role, sector = best.code, best.role, best.sector
            if kind == "person":
                code, role = self._person_code(name, best)
                sector = sector if code == best.code else None
            mentions = _dedupe([Mention(c.start, c.end, c.text, c.rule) for c in members])
            rule = next((c.rule for c in members if not c.rule.startswith("actor:coref")), members[0].rule)
            actor = Actor(id="", name=name, kind=kind, code=code, role=role, mentions=mentions, rule=rule,
                                  sector=sector or self.lex.plover_sector(code))
            actors.append(actor)
            if kind in ("person", "anonymous"):
                self.genders[id(actor)] = self._gender(name, members)
        return actors

    def _person_code(self, name: str, best: Candidate) -> tuple[str | None, str | None]:
        known = self.lex.people.get(normalize(name))
        if best.quality >= 2 or known is None:
            return best.code, best.role
        vague = best.code is None or best.code.startswith(UNKNOWN_COUNTRY)
        known_code, known_role = known.office_on(self.article.published)
        return (known_code if vague else best.code), best.role or known_role

    def _gender(self, name: str, members: list[Candidate]) -> str | None:
        for member in members:
            if member.gender:
                return member.gender
        known = self.lex.people.get(normalize(name))
        if known is not None and known.gender:
            return known.gender
        first = name.split()[0] if name.split() else ""
        return self.lex.first_names.get(first)

    def _finish(self, actors: list[Actor]) -> ActorTable:
        for actor in actors:
            actor.mentions = _dedupe(actor.mentions)
        actors = [a for a in actors if a.mentions]
        actors.sort(key=lambda a: (a.mentions[0].start, a.mentions[0].end))
        for number, actor in enumerate(actors, start=1):
            actor.id = f"a{number}"
        return ActorTable(actors)


def _actor_kind(members: list[Candidate]) -> ActorKind:
    kinds = [m.kind for m in members]
    for kind in ("person", "country", "organization", "group", "anonymous"):
        if kind in kinds:
            return kind  # type: ignore[return-value]
    return members[0].kind


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Sorted mentions of one actor, keeping the longer of two that overlap."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept
