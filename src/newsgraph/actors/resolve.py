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
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsgraph.actors.lexicon import ETHNIC_RULE, PLACE_RULE, Entry, KnownPerson, Lexicon, Match, load_builtin, normalize, read_extra
from newsgraph.records import Actor, ActorKind, ActorTable, Article, Mention

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
INDEFINITE = {"a", "an", "one", "another"}
DEFINITE = {"the", "this", "that"}
QUANTIFIERS = {"some", "several", "many", "few", "most", "all", "other", "both", "thousands", "hundreds", "dozens", "more"}
NEGATING_PREFIXES = {"pro", "anti", "non"}
CONJUNCTIONS = {"and", "or", "&"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# a pronoun's relations to its verb that make it an object of that verb
OBJECT_PRONOUN_DEPS = {"dobj", "dative"}
# dependents that open a clause as an adverbial phrase, before its subject
FRONTED_MODIFIER_DEPS = {"advcl", "prep", "npadvmod", "advmod", "pcomp"}
DESCRIPTION_RULE = "actor:coref:definite-description"
POSSESSOR_RULE = "actor:coref:possessor-country"
#: Added to a person's rule when the "of" phrase after the name gives its country or body.
NAME_OF_RULE = "+name-of"
#: Added to a person's rule when a nationality word with no agent noun gave the country alone.
NATIONALITY_RULE = "+nationality"
#: Added to a position's rule when the body, country or person its "for"/"to" phrase names gave the code.
PRINCIPAL_RULE = "+principal"
#: Added to a position's rule when its "for"/"to" phrase names a company or person no lexicon codes (no code).
UNKNOWN_PRINCIPAL_RULE = "+unknown-principal"
#: Added to a title's holder coded with the country of the organisation its title names ("Tesco's CEO").
COMPANY_IN_TITLE_RULE = "+company-in-title"
#: Added to a bare "officers" coded COP because the last armed body the text named was the police.
POLICE_CONTEXT_RULE = "+police-context"
#: Added to an unknown organisation's rule when a country named inside its name gave the country.
COUNTRY_IN_NAME_RULE = "+country-in-name"
#: Added to an unknown organisation's rule when a legal suffix ("Ltd", "GmbH") made it a company.
CORPORATE_SUFFIX_RULE = "+corporate-suffix"
#: Added to an unknown organisation's rule when an apposition headed by a business noun made it a company.
BUSINESS_APPOSITION_RULE = "+business-apposition"
#: Added to an unknown organisation's rule when a company the text names in full ("Zantor Inc.") gave its code.
SHORT_NAME_RULE = "+short-name"
#: Added to an unknown organisation's rule when it is coordinated with a company ("Zantor and Brenko Inc.").
CONJOINED_COMPANY_RULE = "+conjoined-company"
#: How many words a company's full name may have beyond the short name that recalls it ("Zantor Motor Co").
SHORT_NAME_MAX_DROPPED_WORDS = 2
#: Added to an unknown organisation's rule when a description referring back to it ("the company") gave its agent.
CODED_BY_DESCRIPTION_RULE = "+coded-by-description"
#: A name several countries' bodies share ("Labour Party", a "Security Council") coded with the country the text gives.
NATIONAL_BODY_RULE = "actor:lexicon:national-body"
#: Added to a vocative title's rule ("Mr President") when a transcript's turn says whom it addresses.
ADDRESSEE_RULE = "+addressee"
#: How many words a transcript's speaker label may have ("President of Syldavia Ivan Petrov").
SPEAKER_LABEL_MAX_WORDS = 14
#: Lower-case words a speaker label's title may hold ("President of the Republic of Ruritania Ivan Petrov").
SPEAKER_LABEL_GLUE_WORDS = {"of", "the", "and", "for", "de", "al", "bin", "von", "van", "der", "–", "-"}
#: The same name left to the report's home country, which is known only once actors are built.
HOME_BODY_RULE = "actor:lexicon:national-body-of-home"
#: Sectors of a state's own bodies: no antecedent for "the group", and a possessor whose country
#: its forces take ("his forces" after a president).
STATE_SECTORS = {"", "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "DIP", "ELI"}
#: Dependents a definite description may have and still refer back ("the group's", "the group ,").
DESCRIPTION_DEPS = {"det", "case", "punct"}
MAX_PREMODIFIER_TOKENS = 8
MAX_ORGANISATION_DESCRIPTION_TOKENS = 6
PRONOUN_SENTENCE_WINDOW = 6
CAPITAL_RULE = "actor:lexicon:capital-metonym"
LOCATIVE_PLACE_RULE = "actor:lexicon:place-in"
FORMER_WORDS = {"former", "ex", "onetime", "erstwhile"}
#: Sectors written after an international body's code ("UN troops" -> UNMIL, as the Phoenix
#: dictionaries code peacekeepers); an IGO's officials and envoys take the bare code.
IGO_BRANCH_SECTORS = {"MIL", "LEG", "JUD", "COP", "SPY"}
FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP"}
#: Dependencies of the words inside an agent noun's phrase, before the noun.
PHRASE_MODIFIER_DEPS = {"compound", "amod", "nmod", "advmod", "cc", "conj", "npadvmod"}
COMPASS_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts"}
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into", "via"}


UNKNOWN_COUNTRY = "---"
#: Entity labels the small entity model gives a person's name it does not recognise as one.
MISLABELLED_PERSON_LABELS = {"FAC", "ORG", "GPE", "LOC", "PRODUCT"}
MISLABELLED_PERSON_RULE = "actor:ner:given-name-entity"
BUSINESS_SECTOR = "BUS"
#: Small words an abbreviation skips ("Organization *of the* Petroleum Exporting Countries").
ABBREVIATION_GLUE_WORDS = {"of", "the", "and", "for", "on", "in", "de", "&"}
#: Parts of speech of a sentence's first word that the entity model wrongly takes into a name.
NON_NAME_OPENERS = {"AUX", "ADV", "CCONJ", "SCONJ", "ADP", "DET", "PRON", "PART", "INTJ"}
#: How clearly one country must lead a report's country mentions to be its home country.
HOME_COUNTRY_MIN_MENTIONS = 3
HOME_COUNTRY_LEAD = 2
#: How far after a group's name a phrase that places it abroad is looked for.
FOLLOWING_PHRASE_TOKENS = 5


@dataclass(slots=True)
class Description:
    """What a title or agent phrase says about its holder."""

    role: str | None
    code: str | None
    sector: str | None
    quality: int
    absorbed: list[Match] = field(default_factory=list)
    head: int | None = None
    start: int = 0
    end: int = 0
    text: str = ""
    plover: str | None = None
    rule_suffix: str = ""
    """What the candidate's rule gains when this description codes it."""


@dataclass(slots=True)
class Candidate:
    """One mention before actors are formed; ``identity`` decides which actor it joins."""

    start: int
    end: int
    text: str
    rule: str
    identity: str
    name: str
    kind: ActorKind
    code: str | None = None
    role: str | None = None
    quality: int = 0
    gender: str | None = None
    head: int = -1
    title_word: str | None = None
    sector: str | None = None


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


class _Resolution:
    """The state of resolving one document."""

    def __init__(self, lexicon: Lexicon, doc: Doc, article: Article) -> None:
        self.lex = lexicon
        self.doc = doc
        self.text = doc.text
        self.article = article
        self.headline_tokens = {i for sentence in doc.sents if _title_cased(sentence)
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

    def _clean_entities(self, entities: list[SpacySpan]) -> list[SpacySpan]:
        """Entities as names: a sentence's capitalised first word that is no name ("Neither
        Dasbach nor ...", "Regarding Ashodaya, ...", "Morally, ...") leaves the entity, and
        entities in a sentence not written in Latin script (a quoted Hindi line) are dropped,
        since the English entity model only guesses there."""
        cleaned: list[SpacySpan] = []
        for ent in entities:
            if not _mostly_latin(ent.sent.text):
                continue
            start = ent.start
            while start < ent.end and self.doc[start].is_sent_start \
                    and (self.doc[start].pos_ in NON_NAME_OPENERS or self.doc[start].tag_ == "VBG"):
                start += 1
            if start == ent.end:
                continue
            cleaned.append(ent if start == ent.start else SpacySpan(self.doc, start, ent.end, label=ent.label_))
        return cleaned

    def _split_headline_entities(self) -> list[SpacySpan]:
        """ "Obama Meets Putin": in a title-cased sentence the model joins every capitalised word
        into one entity; a headline verb or preposition (``headline_words.txt``) ends each part."""
        breaks = {token.i for token in self.doc if self._headline_word(token)}
        if not breaks:
            return list(self.doc.ents)
        parts: list[SpacySpan] = []
        for ent in self.doc.ents:
            start = ent.start
            cuts = [i for i in range(ent.start, ent.end) if i in breaks]
            for i in [*cuts, ent.end]:
                # a part of common nouns only ("... Raises Rates") is no name
                if i > start and not (cuts and all(t.pos_ == "NOUN" for t in self.doc[start:i])):
                    parts.append(SpacySpan(self.doc, start, i, label=ent.label_))
                start = i + 1
        return parts

    def _headline_word(self, token: Token) -> bool:
        """A headline verb or preposition of a title-cased sentence."""
        return token.i in self.headline_tokens and token.lower_ in self.lex.headline_words

    def _headline_head(self, token: Token) -> bool:
        """ "Kosovo Police Arrest ...": the word before a headline verb ends its noun phrase,
        whatever the parse of the title-cased words says."""
        following = token.i + 1
        return following < len(self.doc) and self._headline_word(self.doc[following])

    def _with_elided_countries(self, matches: list[Match]) -> list[Match]:
        """ "North and South Korea": the first word, with the rest of the name after the
        conjunction ("North Korea"), names a country of its own."""
        starts = {i for m in matches for i in range(m.start, m.end)}
        elided: list[Match] = []
        for match in matches:
            first = match.start - 2
            if match.entry.kind != "country" or match.end - match.start < 2 or first < 0 or first in starts \
                    or self.doc[match.start - 1].lower_ not in CONJUNCTIONS or not self.doc[first].is_title:
                continue
            rest = " ".join(t.text for t in self.doc[match.start + 1:match.end])
            entries = self.lex.table.entries.get(normalize(f"{self.doc[first].text} {rest}"), [])
            entry = next((e for e in entries if e.kind == "country" and e.identity != match.entry.identity), None)
            if entry is not None:
                elided.append(Match(first, first + 1, entry))
        return sorted([*matches, *elided], key=lambda m: m.start) if elided else matches

    def _settle_shared_names(self) -> None:
        """ "Congo" is COD in a text that also says "Kinshasa" or "DRC", COG beside "Brazzaville",
        and the default (as the Phoenix dictionary codes it) when the text names neither; a city two
        countries have ("Cambridge", "Perth") is in the one the rest of the text names."""
        shared = [m for m in self.all_matches
                  if m.entry.source in ("country", "place") and normalize(m.entry.surface) in self.lex.shared_names]
        if not shared:
            return
        others = [m for m in self.all_matches
                  if m not in shared and m.entry.kind != "sector" and m.entry.source != "extra"]
        named = {(m.entry.code or "")[:3] for m in others}
        # a state's name needs another place of its country ("Texas"), not the country or its leaders
        places = {(m.entry.code or "")[:3] for m in others if m.entry.source == "place"}
        for match in shared:
            surface = normalize(match.entry.surface)
            candidates = self.lex.shared_names[surface]
            evidence = [code for code in candidates
                        if code in (places if (surface, code) in self.lex.shared_places else named)]
            chosen = evidence[0] if len(evidence) == 1 else candidates[0]
            if match.entry.source == "place":
                # "Cambridge" beside "Massachusetts": the same place row, in the other country
                match.entry = replace(match.entry, code=chosen)
            elif (surface, chosen) in self.lex.shared_places:
                # "Georgia" beside "Atlanta": the US state, a place as places.tsv codes one
                match.entry = replace(match.entry, code=chosen, identity=f"place:{match.entry.surface}",
                                      rule=PLACE_RULE, name=match.entry.surface, source="place")
            elif chosen != match.entry.code and chosen in self.lex.countries:
                match.entry = replace(match.entry, code=chosen, identity=f"country:{chosen}",
                                      name=self.lex.countries[chosen].name)

    def _drop_matches_inside_names(self, matches: list[Match]) -> list[Match]:
        """ "Warsaw" in "Warsaw Pact", "Washington" in "Washington Post" is part of a longer name."""
        kept: list[Match] = []
        covered: dict[int, SpacySpan] = {}
        for ent in self.entities:
            if ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"):
                for i in range(ent.start, ent.end):
                    covered[i] = ent
        for match in matches:
            ent = covered.get(match.start)
            if ent is None or match.entry.kind == "sector" or (ent.start >= match.start and ent.end <= match.end):
                kept.append(match)
                continue
            outside = [i for i in range(ent.start, ent.end) if not (match.start <= i < match.end)]
            # "Osgiliath with Gondor" tagged as one facility: lower-case function words join names
            explained = all(
                self.doc[i].is_punct or self.doc[i].lower_ in DEFINITE | CONJUNCTIONS or self.doc[i].tag_ == "POS"
                or (self.doc[i].pos_ in ("ADP", "DET", "CCONJ") and self.doc[i].text.islower())
                or any(m.start <= i < m.end for m in matches)
                for i in outside
            )
            if explained:
                kept.append(match)
        return kept

    # --- driver ---------------------------------------------------------------------------

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
        actors = self._build_actors()
        self._add_pronouns(actors)
        self._code_employers(actors)
        self._code_short_names(actors)
        self._code_companies_conjoined(actors)
        self._give_home_country(actors)
        return self._finish(actors)

    # --- helpers --------------------------------------------------------------------------

    def _code(self, entry: Entry) -> str | None:
        return entry.code_on(self.article.published)

    def _span_text(self, start_token: int, end_token: int) -> tuple[int, int, str]:
        start = self.doc[start_token].idx
        last = self.doc[end_token - 1]
        end = last.idx + len(last.text)
        return start, end, self.text[start:end]

    def _is_free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.taken)

    def _take(self, start: int, end: int) -> None:
        self.taken.append((start, end))

    def _sector_match(self, i: int) -> Match | None:
        match = self.match_of.get(i)
        return match if match is not None and match.entry.kind == "sector" else None

    def _named_match(self, i: int) -> Match | None:
        match = self.match_of.get(i)
        if match is None or match.entry.kind in ("sector", "person"):
            return None
        return match

    # --- people ---------------------------------------------------------------------------

    def _honorific_before(self, i: int) -> tuple[int, str | None] | None:
        if i <= 0:
            return None
        token = self.doc[i - 1]
        if token.text in self.lex.honorifics:
            return i - 1, self.lex.honorifics[token.text]
        return None

    def _person(self, start: int, end: int, rule: str, entry: Entry | None = None) -> Candidate | None:
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct):
            end -= 1
        if end <= start:
            return None
        name_start = start
        gender = entry.gender if entry else None
        honorific = self._honorific_before(start)
        if honorific is not None:
            start, honorific_gender = honorific
            gender = honorific_gender or gender
        s, e, text = self._span_text(start, end)
        _, _, name = self._span_text(name_start, end)
        name = " ".join(name.split())
        known = self.lex.people.get(normalize(name))
        canonical = entry.name if entry else (known.name if known else name)
        return Candidate(s, e, text, rule, f"person:{canonical}", canonical, "person",
                         gender=gender, head=end - 1)

    def _add_addressed_title(self, honorific: int, title: Match) -> None:
        """ "Thank you, Mr President": a title after a courtesy title addresses its holder, an
        official of that sector, not a person named "President"."""
        s, e, text = self._span_text(honorific, title.end)
        name = " ".join(self.doc[title.start:title.end].text.lower().split())
        self.candidates.append(Candidate(s, e, text, "actor:pattern:addressed-title", f"addressed:{name}", name,
                                         "anonymous", code=UNKNOWN_COUNTRY + (title.entry.sector or ""),
                                         quality=1, head=title.end - 1, sector=self._plover_of(title.entry)))
        self._take(s, e)

    def _find_persons(self) -> list[Candidate]:
        persons: list[Candidate] = []
        spans: list[tuple[int, int]] = []

        def add(candidate: Candidate | None, tok_start: int, tok_end: int) -> None:
            if candidate is None or any(a < tok_end and tok_start < b for a, b in spans):
                return
            spans.append((tok_start, tok_end))
            persons.append(candidate)

        for match in self.matches:
            if match.entry.kind == "person" and match.entry.source == "extra":
                add(self._extra_person(match), match.start, match.end)
            elif match.entry.kind == "person":
                add(self._person(match.start, match.end, match.entry.rule, match.entry), match.start, match.end)
            elif self._titled_extra_name(match):
                add(self._extra_person(match), match.start, match.end)
        for ent in self.entities:
            if ent.label_ != "PERSON":
                continue
            start, end = self._trim_person(ent)
            start = self._given_name_before(start)
            if end <= start or self._common_noun_phrase(start, end) or self._epithet_before_country(start, end) \
                    or self._not_an_actor(start, end):
                continue
            lexical = self.match_of.get(start)
            # the model tags an ethnic group's name as a people (NORP); tagged as a person it is a surname
            if lexical is not None and lexical.entry.kind != "person" and lexical.start <= start and end <= lexical.end \
                    and lexical.entry.rule != ETHNIC_RULE:
                guessed = not lexical.entry.kind_known and lexical.entry.kind != "country"
                if lexical.entry.source != "extra" or not (guessed or lexical.entry.kind == "person"):
                    continue
                add(self._extra_person(lexical), lexical.start, lexical.end)
                continue
            add(self._person(start, end, "actor:ner:person"), start, end)
        for ent in self.entities:
            if self._mislabelled_person(ent):
                add(self._person(ent.start, ent.end, MISLABELLED_PERSON_RULE), ent.start, ent.end)
        for ent in self.entities:
            name = self._name_after_place(ent)
            if name is not None:
                add(self._person(name[0], name[1], "actor:ner:name-after-place"), name[0], name[1])
        for ent in self.entities:
            if ent.label_ in ENTITY_LABELS and ent.label_ != "PERSON" and len(ent) == 1 \
                    and ent.start not in self.match_of and len(self.lex.surnames.get(normalize(ent.text), [])) == 1:
                add(self._person(ent.start, ent.end, "actor:lexicon:known-surname"), ent.start, ent.end)
        for token in self.doc:
            if self._bare_known_surname(token):
                add(self._person(token.i, token.i + 1, "actor:lexicon:known-surname"), token.i, token.i + 1)
        for token in self._untagged_surnames(persons):
            add(self._person(token.i, token.i + 1, "actor:coref:surname"), token.i, token.i + 1)
        for i, token in enumerate(self.doc[:-1]):
            if token.text not in self.lex.honorifics:
                continue
            end = i + 1
            while end < len(self.doc) and end - i <= 3 and self.doc[end].text[:1].isupper() and self.doc[end].pos_ == "PROPN":
                end += 1
            title = self._sector_match(i + 1)
            if title is not None and title.end >= end and title.entry.sector:
                self._add_addressed_title(i, title)
            elif end > i + 1 and self._named_match(i + 1) is None:
                add(self._person(i + 1, end, "actor:pattern:honorific"), i + 1, end)
        for candidate in list(persons):
            tokens = self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
            for partner in self._person_conjuncts(tokens[-1]) if tokens is not None else ():
                add(self._person(partner.start, partner.end, "actor:pattern:person-conjunct"), partner.start, partner.end)
        for candidate in persons:
            tokens = self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
            if tokens is not None:
                self.person_tokens.update(range(tokens.start, tokens.end))
        persons.sort(key=lambda c: c.start)
        return persons

    def _mislabelled_person(self, ent: SpacySpan) -> bool:
        """ "Sandra Inês Rusciolelli" tagged as a facility: a name of capitalised words that opens
        with a known given name, holds no word of a building, place or organisation ("Grace
        Memorial", "Kelly Airport", "Anna Foundation") and no word a lexicon knows, is a person."""
        if ent.label_ not in MISLABELLED_PERSON_LABELS or len(ent) < 2 or ent[0].text not in self.lex.first_names:
            return False
        if ent.start > 0 and self.doc[ent.start - 1].lower_ in DEFINITE | INDEFINITE:
            return False
        for i, token in enumerate(ent, start=ent.start):
            if not (token.is_alpha and token.text[:1].isupper() and token.text[1:].islower()) \
                    or token.lower_ in self.lex.non_person_name_words or normalize(token.text) in self.lex.org_keywords \
                    or self._named_match(i) is not None or self._sector_match(i) is not None:
                return False
        start, end = ent.start, ent.end
        return not (self._not_an_actor(start, end) or self._document_name(start, end)
                    or self.doc[start].text in self.lex.event_name_words)

    def _name_after_place(self, ent: SpacySpan) -> tuple[int, int] | None:
        """ "Senator from Vermont Bernie Sanders" with "Vermont Bernie Sanders" tagged as an
        organisation: a place's name, then a known given name and capitalised words, is a place
        and a person (token span of the person's name)."""
        if ent.label_ not in ("ORG", "GPE", "NORP", "FAC"):
            return None
        # the place inside the entity is dropped from the name matches ("Warsaw" in "Warsaw Pact")
        place = next((m for m in self.all_matches if m.start == ent.start and m.entry.kind != "sector"), None)
        if place is None or ent.end - place.end < 2 \
                or not (place.entry.kind == "country" or place.entry.rule == PLACE_RULE):
            return None
        words = self.doc[place.end:ent.end]
        if words[0].text not in self.lex.first_names \
                or not all(w.is_alpha and w.text[:1].isupper() and w.i not in self.match_of for w in words):
            return None
        return place.end, ent.end

    def _person_conjuncts(self, name: Token) -> list[SpacySpan]:
        """ "Meyer and Reives said": a capitalised name the model left untagged, coordinated with a
        person's name, is a person too (its own compound words included)."""
        found: list[SpacySpan] = []
        for partner in name.conjuncts:
            words = [t for t in partner.subtree if t.dep_ == "compound" and t.i < partner.i] + [partner]
            start, end = min(t.i for t in words), partner.i + 1
            if partner.pos_ != "PROPN" or any(not t.text[:1].isupper() or t.ent_type_ or t.i in self.match_of
                                              for t in self.doc[start:end]):
                continue
            found.append(self.doc[start:end])
        return found

    def _untagged_surnames(self, persons: list[Candidate]) -> list[Token]:
        """ "Governor Ana Ruiz resigned. Ruiz will leave ...": a capitalised word outside every entity
        that is the surname of exactly one person named in full before it is that person, however
        the model tagged the word (a verb, a common noun)."""
        first_use: dict[str, list[tuple[int, str]]] = {}
        for candidate in persons:
            words = candidate.name.split()
            if len(words) >= 2:
                first_use.setdefault(normalize(words[-1]), []).append((candidate.start, candidate.name))
        found: list[Token] = []
        for token in self.doc:
            named_before = first_use.get(normalize(token.text), [])
            # "Qandeel Baloch ... Baloch said": a surname that is also an ethnic group's name is the person's
            lexical = self.match_of.get(token.i)
            ethnic = lexical is not None and lexical.entry.rule == ETHNIC_RULE
            if (token.ent_type_ and not ethnic) or (lexical is not None and not ethnic) \
                    or not token.text[:1].isupper() or not token.is_alpha \
                    or len({name for start, name in named_before if start < token.idx}) != 1:
                continue
            neighbours = [self.doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(self.doc)]
            # "the West" after "Kanye West": a determiner makes it a common noun
            after_determiner = token.i > 0 and self.doc[token.i - 1].lower_ in DEFINITE | INDEFINITE
            if not after_determiner and not any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
                found.append(token)
        return found

    def _bare_known_surname(self, token: Token) -> bool:
        """ "Trump urges ...": the model tags a well-known surname as a common noun outside any
        entity; a capitalised noun that is exactly one known person's surname, standing alone
        (no capitalised name word beside it), is that person."""
        # "Trump and King Abdullah will meet": a subject coordinated with a person's name, whatever its tag
        beside_person = token.dep_ in SUBJECT_DEPS and any(c.ent_type_ == "PERSON" for c in token.conjuncts)
        if token.ent_type_ or token.i in self.match_of or not token.text[:1].isupper() \
                or (token.pos_ not in ("PROPN", "NOUN") and not beside_person) \
                or len(self.lex.surnames.get(normalize(token.text), [])) != 1:
            return False
        neighbours = [self.doc[i] for i in (token.i - 1, token.i + 1)
                      if 0 <= i < len(self.doc) and not self._headline_word(self.doc[i])]
        if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
            return False
        if self._headline_head(token):
            return True
        # a sentence's first word or a common noun ("Hunt for ...", "Cook") only as the subject of
        # the verb right after it: "Trump urges"
        if token.pos_ == "PROPN" and not token.is_sent_start:
            return True
        if beside_person:
            return True
        return token.dep_ == "nsubj" and token.head.i == token.i + 1 and token.head.pos_ in ("VERB", "AUX")

    def _titled_extra_name(self, match: Match) -> bool:
        """ "Prime Minister Romendacil" where a user's lexicon lists Romendacil with a bare country
        code (so its kind was guessed as a country): a personal title right before makes it a person."""
        entry = match.entry
        if entry.source != "extra" or entry.kind != "country" or entry.kind_known or match.start == 0:
            return False
        title = self._sector_match(match.start - 1)
        return (title is not None and not title.entry.collective and title.entry.role != "plural"
                and self.doc[match.start].text[:1].isupper())

    def _epithet_before_country(self, start: int, end: int) -> bool:
        """ "Evil Mordor" tagged as a person: a country name after a word that is no given name."""
        tail = self._named_match(end - 1)
        return (tail is not None and tail.end == end and tail.start > start
                and tail.entry.kind in ("country", "adjective") and tail.entry.source in ("country", "extra")
                and self.doc[start].text not in self.lex.first_names)

    def _not_an_actor(self, start: int, end: int) -> bool:
        """ "12:00 UTC", "COVID-19": a time zone or disease the entity model tags as a name (``not_actors.txt``)."""
        return normalize(self._span_text(start, end)[2]) in self.lex.not_actors

    def _common_noun_phrase(self, start: int, end: int) -> bool:
        """ "antiwar protesters" tagged PERSON: lower-case words ending in an agent noun are a group."""
        return self._sector_match(end - 1) is not None and not any(t.text[:1].isupper() for t in self.doc[start:end])

    def _extra_person(self, match: Match) -> Candidate | None:
        candidate = self._person(match.start, match.end, match.entry.rule, match.entry)
        if candidate is not None:
            candidate.code = self._code(match.entry)
            candidate.quality = 3
            candidate.identity = f"person:{match.entry.name}"
        return candidate

    def _given_name_before(self, start: int) -> int:
        """ "Dr Christian Keysers" tagged as the surname alone: a capitalised given name right before a
        person's name that is also an agent noun (the religion "Christian") is part of the name."""
        if start == 0:
            return start
        before = self.doc[start - 1]
        if before.text in self.lex.first_names and self._sector_match(before.i) is not None \
                and before.text[:1].isupper() and not before.is_sent_start:
            return start - 1
        return start

    def _trim_person(self, ent: SpacySpan) -> tuple[int, int]:
        """Drop leading courtesy titles, job titles and place names that NER kept in the name."""
        start, end = ent.start, ent.end
        while start < end:
            token = self.doc[start]
            if token.text in self.lex.honorifics or self._sector_match(start) or token.is_punct:
                start += 1
                continue
            named = self._named_match(start)
            if named is not None and named.end < end:
                start = named.end
                continue
            break
        return start, end

    def _link_person_names(self, persons: list[Candidate]) -> None:
        """A lone surname ("Smith", "Mr Putin") joins the full name used elsewhere in the text."""
        full_names: dict[str, str] = {}
        full_by_first_use: dict[str, str] = {}
        full_by_first_word: dict[str, set[str]] = {}
        for candidate in persons:
            words = candidate.name.split()
            if len(words) >= 2:
                full_by_first_use.setdefault(normalize(words[-1]), candidate.name)
                full_by_first_word.setdefault(normalize(words[0]), set()).add(candidate.name)
        for candidate in persons:
            words = candidate.name.split()
            if len(words) >= 2 or candidate.identity != f"person:{candidate.name}":
                full_names[normalize(words[-1])] = candidate.identity.split(":", 1)[1]
                continue
            surname = normalize(words[0]) if words else ""
            target = full_names.get(surname) or full_by_first_use.get(surname)
            rule = "actor:coref:surname"
            if target is None:
                known = self.lex.surnames.get(surname, [])
                if len(known) == 1:
                    target = known[0].name
            if target is None and len(full_by_first_word.get(surname, ())) == 1:
                # a given name alone ("Rahaf" after "Rahaf Mohammed") or an East Asian surname,
                # written first ("Park" after "Park Won-soon"), when one full name opens with it
                target = next(iter(full_by_first_word[surname]))
                rule = "actor:coref:first-name"
            if target is not None:
                candidate.identity = f"person:{target}"
                candidate.name = target
                candidate.rule = rule

    def _describe_persons(self, persons: list[Candidate]) -> None:
        for candidate in persons:
            token_span = self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
            if token_span is None:
                continue
            appositive = self._appositive_role(token_span)
            if appositive is not None and appositive.head is not None:
                self.described_heads.add(appositive.head)
                self.appositives.append(Candidate(appositive.start, appositive.end, appositive.text,
                                                  "actor:coref:appositive", candidate.identity, candidate.name,
                                                  "person", head=appositive.head))
            premodifier = self._premodifier_role(token_span.start)
            if premodifier is not None and premodifier.head is not None:
                self.described_heads.add(premodifier.head)
            known = self.lex.people.get(normalize(candidate.name))
            descriptions = (self._honorific_title(token_span.start), premodifier, appositive,
                            self._nationality_before(token_span.start), self._nationality_in_apposition(token_span))
            for description in descriptions:
                if description is None or (description.quality <= candidate.quality
                                           and not _refines(description.code, candidate.code)):
                    continue
                if known is not None and self._national_office_held(known) \
                        and not _refines(description.code, candidate.code):
                    # "Security Council Secretary Nikolai Patrushev", "the party's nominee, President
                    # Trump": the national office the lexicon dates to the article outweighs a title
                    # that reads like an international body's or a party's
                    self.absorbed.update(id(m) for m in description.absorbed)
                    continue
                candidate.role, candidate.code, candidate.quality = description.role, description.code, description.quality
                candidate.rule += description.rule_suffix
                candidate.sector = description.plover
                self.absorbed.update(id(m) for m in description.absorbed)
            if known is not None and candidate.quality < 2:
                candidate.code, known_role = known.office_on(self.article.published)
                candidate.role = candidate.role or known_role
                candidate.sector = None
            self._code_from_name_of(candidate, token_span)
            self._note_national_titles(candidate, [d for d in descriptions if d is not None])

    def _note_national_titles(self, person: Candidate, descriptions: list[Description]) -> None:
        """ "Security Council Secretary Ivan Petrov": a shared body name in a national official's
        title says which country's body the name means in this document."""
        country = (person.code or "")[:3]
        for description in descriptions:
            for match in description.absorbed:
                surface = normalize(self.doc[match.start:match.end].text)
                if surface in self.lex.national_body_names and country in self.lex.countries:
                    self.national_titles.append((match.start, surface, country))

    def _national_office_held(self, person: KnownPerson) -> bool:
        """Whether the lexicon dates a national office of the person to the article's publication day."""
        day = self.article.published
        return day is not None and any(t.national and t.covers(day) for t in person.terms)

    def _code_from_name_of(self, candidate: Candidate, name: SpacySpan) -> None:
        """ "President Ivan Petrov of Tajikistan": a title of no country before a name takes the
        country named in an "of" phrase right after the name; a person with no code at all takes the
        country's or body's code ("Ann Roe of Amnesty International")."""
        code = candidate.code or ""
        if code and not code.startswith(UNKNOWN_COUNTRY):
            return
        after = name.end
        if after + 1 >= len(self.doc) or self.doc[after].lower_ != "of":
            return
        match = self._named_match(after + 1)
        if match is None and self.doc[after + 1].lower_ == "the" and after + 2 < len(self.doc):
            match = self._named_match(after + 2)
        named = self._code(match.entry) if match is not None and match.start <= after + 2 else None
        if not named or match is None:
            return
        if match.entry.kind == "country" and named[:3] in self.lex.countries:
            candidate.code = named[:3] + code[len(UNKNOWN_COUNTRY):]
        elif not code and match.entry.kind == "organization" and match.entry.rule != CAPITAL_RULE:
            candidate.code = named
        else:
            return
        candidate.rule += NAME_OF_RULE

    def _honorific_title(self, first: int) -> Description | None:
        """ "Professor Ann Roe": a courtesy title that is also an agent noun gives its sector (EDU)."""
        if self.doc[first].text not in self.lex.honorifics or self._sector_match(first) is None:
            return None
        return self._describe([first], [first])

    def _premodifier_role(self, first: int) -> Description | None:
        """ "Kremlin spokesman Mr Peskov", "NATO Secretary-General Jens Stoltenberg", "Senator from
        Vermont Ann Roe"."""
        end = first
        if end == 0:
            return None
        start = end if self._sector_match(end - 1) is not None else self._place_of_title_before(end)
        if start is None:
            return None
        title_head = start - 1 if start < end else None
        sentence_start = self.doc[first].sent.start
        while start > sentence_start and end - start < MAX_PREMODIFIER_TOKENS:
            token = self.doc[start - 1]
            in_lexicon = (start - 1) in self.match_of
            allowed = (
                in_lexicon
                or token.tag_ == "POS"
                or token.text in ("-", "–")
                or (token.pos_ in ("PROPN", "NOUN", "ADJ") and token.text[:1].isupper())
                or _describing_word(token)
                or (token.lower_ in CONJUNCTIONS | {","} and start - 2 >= sentence_start
                    and _describing_word(self.doc[start - 2]) and _describing_word(self.doc[start]))
            )
            if not allowed or (start - 1) in self.person_tokens:
                break
            start -= 1
        walked = start
        # "Iran's hardline President", "Ithilen's awful and evil minister": the adjectives between
        # the country and the title belong to the description only when a name comes before them
        while start < end and (self.doc[start].tag_ == "POS" or self.doc[start].is_punct
                               or self.doc[start].lower_ in CONJUNCTIONS
                               or (_describing_word(self.doc[start]) and start not in self.match_of)):
            start += 1
        # "former Chilean President Jorge Soto": a dropped "former" still makes the holder an elite
        former = [i for i in range(walked, start) if _former_word(self.doc[i])]
        modifier_end = end
        if title_head is not None and self.doc[title_head + 1].lower_ == "for":
            # "US Special Representative for Iran Brian Hook": the country the title is for is not the holder's
            modifier_end = title_head + 1
        description = self._describe(list(range(start, end)), former + list(range(start, modifier_end)))
        if description is not None and modifier_end < end:
            description.absorbed += [m for m in (self._named_match(i) for i in range(modifier_end, end))
                                     if m is not None and m not in description.absorbed]
        if description is not None and title_head is not None:
            # the title before a "from"/"of" phrase is this person's, no agent of its own
            description.head = title_head
        return description

    def _nationality_before(self, first: int) -> Description | None:
        """ "Georgian tennis player Nikoloz Basilashvili", "English mathematician John Conway": a
        nationality before lower-case words that name no agent gives the person its country alone."""
        sentence_start = self.doc[first].sent.start
        i = first - 1
        while i >= sentence_start and first - i <= 6 and i not in self.match_of \
                and (_describing_word(self.doc[i]) or (self.doc[i].lower_ in CONJUNCTIONS and i + 1 < first)):
            i -= 1
        if i == first - 1 or self.doc[first - 1].pos_ != "NOUN" or i < sentence_start:
            return None
        return self._nationality_description(i, first)

    def _nationality_in_apposition(self, name: SpacySpan) -> Description | None:
        """ "Nikoloz Basilashvili, a Georgian tennis player, ...": the same, in an apposition."""
        for child in name.root.children:
            if child.dep_ != "appos" or child.i < name.end or child.pos_ != "NOUN" or child.i in self.match_of:
                continue
            for i in range(child.left_edge.i, child.i):
                match = self._named_match(i)
                if match is not None and match.end <= child.i:
                    return self._nationality_description(match.end - 1, child.i + 1)
        return None

    def _nationality_description(self, last: int, end: int) -> Description | None:
        """The country alone of a nationality word ending at token ``last``, for a description up to ``end``."""
        match = self._named_match(last)
        if match is None or match.end != last + 1 or match.entry.kind not in ("country", "adjective") \
                or match.entry.source not in ("country", "extra"):
            return None
        code = self._code(match.entry)
        if not code or code[:3] not in self.lex.countries:
            return None
        s, e, _ = self._span_text(match.start, end)
        return Description(" ".join(self.text[s:e].split()), code[:3], None, 1, [match], rule_suffix=NATIONALITY_RULE)

    def _place_of_title_before(self, first: int) -> int | None:
        """ "Senator from Vermont Ann Roe", "Secretary of the Security Council Ann Roe": where a title's
        "from" or "of" phrase naming a country, place or body ends right before the name, the token
        of that preposition (the title's phrase goes on before it); else None."""
        place = next((m for m in self.all_matches if m.end == first and m.entry.kind != "sector"), None)
        if place is None or place.start < 2 or not (place.entry.kind in ("country", "organization")
                                                    or place.entry.rule in (PLACE_RULE, CAPITAL_RULE)):
            return None
        preposition = place.start - 1
        if self.doc[preposition].lower_ == "the":
            preposition -= 1
        title = self._sector_match(preposition - 1) if preposition >= 1 else None
        if self.doc[preposition].lower_ not in ("from", "of", "for") or title is None or title.entry.collective:
            return None
        return preposition

    def _appositive_role(self, name: SpacySpan) -> Description | None:
        """ "Julian Smith, the US ambassador to NATO," and "The US envoy, Julian Smith,"."""
        head = name.root
        for child in head.children:
            if child.dep_ == "appos" and child.i >= name.end and self._sector_match(child.i) \
                    and not self._title_before_next_name(child):
                return self._describe_phrase(child)
        if head.dep_ == "appos" and head.head.i < name.start and self._sector_match(head.head.i):
            return self._describe_phrase(head.head, exclude=set(range(name.start, name.end)))
        twin = self._twin_subject_title(name)
        if twin is not None:
            return self._describe_phrase(twin)
        return self._title_between_commas(name)

    def _twin_subject_title(self, name: SpacySpan) -> Token | None:
        """ "Park Won-soon, the mayor of Seoul, was found dead" parsed with two subjects: a title
        right after the name's comma that is a subject of the name's own verb is its apposition."""
        if name.end + 2 >= len(self.doc) or self.doc[name.end].text != "," or name.root.dep_ not in SUBJECT_DEPS:
            return None
        first = self.doc[name.end + 1]
        title = self.doc[name.end + 2] if first.lower_ in DEFINITE | INDEFINITE else first
        if title.dep_ in SUBJECT_DEPS and title.head.i == name.root.head.i and self._sector_match(title.i) \
                and title.tag_ == "NN" and not self._title_before_next_name(title):
            return title
        return None

    def _title_before_next_name(self, title: Token) -> bool:
        """ "Deputy Minister Ann Roe, Vice President of Arnor, Jan Nowak, ...": in a list of titles and
        names, the title right before a comma and another name is that name's."""
        comma = title.i + 1
        while comma < len(self.doc) and comma <= title.right_edge.i + 1 and self.doc[comma].text != ",":
            comma += 1
        return comma < len(self.doc) and self.doc[comma].text == "," and comma + 1 in self.person_tokens

    def _title_between_commas(self, name: SpacySpan) -> Description | None:
        """ "According to the Dallas mayor, Dee Margo, police ...": a singular title right before a
        comma and a name that a comma or the sentence's end closes is that name's, however the parser
        attached the two."""
        title_end = name.start - 2
        if title_end < 0 or self.doc[name.start - 1].text != "," or not self._closes_apposition(name.end):
            return None
        head = self._position_of_body(self.doc[title_end]) or self.doc[title_end]
        title = self._sector_match(head.i)
        if title is None or title.end != head.i + 1 or title.entry.collective or title.entry.role == "plural" \
                or title.entry.placed or head.tag_ not in ("NN", "NNP") or head.i in self.person_tokens:
            return None
        return self._describe_phrase(head, exclude=set(range(name.start - 1, len(self.doc))))

    def _position_of_body(self, body: Token) -> Token | None:
        """ "the head of the country's counter-terror police, Neil Basu,": the generic position whose
        "of" phrase ends with the body right before the comma."""
        preposition = body.head
        if body.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.i >= body.i:
            return None
        position = self._sector_match(preposition.head.i)
        return preposition.head if position is not None and position.entry.generic else None

    def _closes_apposition(self, i: int) -> bool:
        """Whether the words from token ``i`` on close an apposition: a comma or the sentence's end."""
        return i >= len(self.doc) or self.doc[i].text == "," or self.doc[i].is_sent_end \
            or (self.doc[i].is_punct and self.doc[i].text in ".;:")

    def _describe_phrase(self, head: Token, exclude: set[int] | None = None) -> Description | None:
        exclude = exclude or set()
        tokens = [t.i for t in head.subtree if t.i not in exclude]
        if not tokens:
            return None
        role_tokens: list[int] = []
        for i in range(min(tokens), max(tokens) + 1):
            token = self.doc[i]
            if i in exclude or token.text in (",", ";", "(", ")") or token.lower_ in ("who", "which", "that"):
                if i > head.i:
                    break
                role_tokens = []
                continue
            role_tokens.append(i)
        while role_tokens and self.doc[role_tokens[0]].lower_ in INDEFINITE | DEFINITE:
            role_tokens.pop(0)
        if any(self._name_ends_unpossessed(i) for i in role_tokens):
            # "President Petrov of Russia, Polish Prime Minister Jan Nowak, ...": a title with a name
            # of its own in a list of people describes that person, not this one ("Governor Chris
            # Christie's deputy" still describes the deputy)
            return None
        modifiers = [i for i in role_tokens if i <= head.i]
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                modifiers.extend(t.i for t in child.subtree)
            elif child.dep_ == "conj" and child.i in role_tokens and self._business_title(child.i) \
                    and not self._business_title(head.i):
                # "president and chief executive officer": the second office says the first is a company's
                title = self._sector_match(child.i)
                modifiers.extend(range(title.start, title.end))
        description = self._describe(role_tokens, sorted(set(modifiers)))
        if description is not None:
            description.head = head.i
            description.start, description.end, description.text = self._span_text(role_tokens[0], role_tokens[-1] + 1)
        return description

    def _name_ends_unpossessed(self, i: int) -> bool:
        """Whether token ``i`` ends a person's name with no possessive after it."""
        following = self.doc[i + 1] if i + 1 < len(self.doc) else None
        return i in self.person_tokens and (following is None or (following.i not in self.person_tokens
                                                                   and following.tag_ != "POS"))

    def _describe(self, role_tokens: list[int], modifier_tokens: list[int]) -> Description | None:
        """The code a title phrase implies: IGO > national body > country + sector > region + sector."""
        if not role_tokens:
            return None
        sector, plover = self._phrase_sector(modifier_tokens)
        if sector is None:
            return None
        if sector == "ELI" and self._former_private_role(modifier_tokens):
            # still the holder's description (no actor of its own), but one that codes nothing
            s, e, _ = self._span_text(role_tokens[0], role_tokens[-1] + 1)
            return Description(" ".join(self.text[s:e].split()), None, None, 0)
        used: list[Match] = []
        for i in modifier_tokens:
            match = self._named_match(i)
            if match is not None and match not in used:
                used.append(match)
        generic_only = all(m.entry.generic for m in self._sector_matches(modifier_tokens))
        code, quality = self._combine_matches(used, sector, generic_only)
        s, e, _ = self._span_text(role_tokens[0], role_tokens[-1] + 1)
        role = " ".join(self.text[s:e].split())
        return Description(role, code, sector, quality, used, plover=self._plover_for(code, sector, plover))

    def _former_private_role(self, tokens: list[int]) -> bool:
        """ "a former high school student", "ex-Muslim", "former Newsweek manager": a title no
        longer held that was no public office makes no elite (and no longer what the noun says)."""
        held, _ = self._phrase_sector([i for i in tokens if not _former_word(self.doc[i])])
        return held is not None and held not in STATE_SECTORS | {"PTY"}

    def _plover_for(self, code: str | None, agent: str | None, plover: str | None) -> str | None:
        """The PLOVER sector of a coded phrase: the agent noun's, unless a named body gave the code
        an agent of its own ("Taliban bombers" are the Taliban's REB, not the noun's)."""
        own = self.lex.plover_sector(code)
        if own is not None and code is not None and agent and agent != "ELI" and not code.endswith(agent):
            return own
        return plover

    def _phrase_sector(self, tokens: list[int], of_tokens: list[int] | None = None) -> tuple[str | None, str | None]:
        """(CAMEO agent, PLOVER sector) of an agent phrase: its last sector noun, unless that is a
        generic position ("commander", "officer") after a sector noun naming the body ("rebel",
        "intelligence agency") or before one in an "of" phrase ("members of parliament");
        "former"/"ex-" makes anyone an elite (ELI)."""
        found = self._sector_matches(tokens)
        # "undersecretary of state": a noun that only restates a country names no agent of its own
        found = [m for m in found if not m.entry.named_only] or found
        if not found:
            return None, None
        chosen = found[-1]
        if chosen.entry.generic:
            # an ethnic group names no body: "Kurdish leaders" are leaders, not civilians
            # "president and chief executive": a conjoined title is a second office, not the body
            bodies = [m for m in reversed(found[:-1])
                      if m.entry.sector and not m.entry.generic and m.entry.rule != ETHNIC_RULE
                      and not self._conjoined_titles(m, chosen)]
            bodies += [m for m in self._sector_matches(of_tokens or []) if m.entry.sector and not m.entry.generic]
            if not bodies and of_tokens and normalize(chosen.entry.name) in self.lex.delegate_nouns:
                return self._delegation_sector(of_tokens)
            chosen = bodies[0] if bodies else chosen
        if any(_former_word(self.doc[i]) for i in tokens):
            return "ELI", "ELI"
        return self._user_agents_joined(found, chosen) or chosen.entry.sector, self._plover_of(chosen.entry)

    def _delegation_sector(self, of_tokens: list[int]) -> tuple[str | None, str | None]:
        """ "representatives of Syldavia": delegates of a country or an international body are its
        officials (GOV); of anything else the lexicon does not know, no actor."""
        for i in of_tokens:
            match = self._named_match(i)
            if match is not None and match.entry.kind in ("country", "adjective", "organization"):
                return "GOV", self.lex.plover_sector_of_agent("GOV")
        return None, None

    def _business_title(self, i: int) -> bool:
        title = self._sector_match(i)
        return title is not None and title.entry.sector == BUSINESS_SECTOR and title.entry.generic

    def _conjoined_titles(self, first: Match, second: Match) -> bool:
        """Whether two title matches are conjuncts ("president and CEO"), not one modifying the other."""
        first_head, second_head = self.doc[first.end - 1], self.doc[second.end - 1]
        return (second_head.dep_ == "conj" and first.start <= second_head.head.i < first.end) \
            or (first_head.dep_ == "conj" and second.start <= first_head.head.i < second.end)

    @staticmethod
    def _user_agents_joined(found: list[Match], chosen: Match) -> str | None:
        """ "Danish Islamist media" with a user's agents dictionary listing both nouns: every agent
        of the phrase in text order, each once (MUSMED), as PETRARCH joins a noun phrase's agents.
        The built-in agent nouns keep one agent per code."""
        agents = [m for m in found if m.entry.source == "extra" and m.entry.sector and not m.entry.generic]
        if len(agents) < 2 or chosen not in agents:
            return None
        chunks: list[str] = []
        for match in agents:
            sector = match.entry.sector or ""
            chunks += [c for c in (sector[k:k + 3] for k in range(0, len(sector), 3)) if c not in chunks]
        return "".join(chunks)

    def _sector_matches(self, tokens: list[int]) -> list[Match]:
        found: list[Match] = []
        for i in tokens:
            match = self._sector_match(i)
            if match is not None and match not in found:
                found.append(match)
        return found

    def _plover_of(self, entry: Entry) -> str | None:
        return entry.plover or self.lex.plover_sector_of_agent(entry.sector)

    # --- groups and unnamed office holders -------------------------------------------------

    def _find_groups(self) -> list[Candidate]:
        groups: list[Candidate] = []
        for match in self.matches:
            if match.entry.kind != "sector" or match.start in self.person_tokens or (match.end - 1) in self.described_heads:
                continue
            head = self.doc[match.end - 1]
            body = self._body_noun_after(match, head)
            if body is not None:
                match, head = Match(match.start, body.i + 1, replace(match.entry, collective=True, role=None)), body
            if head.pos_ not in ("NOUN", "PROPN") or (head.dep_ in ("compound", "amod") and not self._headline_head(head)):
                continue
            if match.end < len(self.doc) and (match.end in self.person_tokens or self.doc[match.end].text in self.lex.honorifics):
                continue
            if self._inside_unknown_name(head, match.start) or self._body_of_position(head) \
                    or self._title_of_named_person(match, head):
                continue
            groups.extend(self._group_from(match, head))
        return groups

    def _last_armed_body_before(self, i: int) -> str | None:
        """COP or MIL: the sector of the last police or military agent noun before token ``i`` in
        the document ("Police shot a man ... the officers involved"), else of the first after it in
        its sentence ("Officers arrived after police were called"), else None."""
        after = range(i + 1, self.doc[i].sent.end)
        for j in [*range(i - 1, -1, -1), *after]:
            match = self._sector_match(j)
            if match is not None and not match.entry.generic and match.entry.sector in ("COP", "MIL"):
                return match.entry.sector
        return None

    def _code_of_principal(self, head: Token, sector: str) -> str | None:
        """ "a spokesman for the Taliban", "aides to Afghan President Karzai": a position of no body
        speaks for the body, country or coded person its "for"/"to" phrase names."""
        national_sector = sector if sector not in ("IGO", "ALLY") else ""
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in ("for", "to"):
                continue
            for principal in (t for t in child.children if t.dep_ == "pobj"):
                match = self._named_match(principal.i)
                code = self._code(match.entry) if match is not None else None
                if match is not None and code and match.entry.kind == "organization":
                    return code
                if match is not None and code and match.entry.kind in ("country", "adjective") \
                        and code[:3] in self.lex.countries:
                    return code[:3] + national_sector
                person = next((c for c in self.candidates if c.kind == "person" and c.start <= principal.idx < c.end), None)
                if person is not None and (person.code or "")[:3] in self.lex.countries:
                    return (person.code or "")[:3] + national_sector
                country = self._country_of_state_body(principal)
                if country:
                    return country + national_sector
                if match is None and principal.pos_ == "PROPN":
                    # "a spokesman for Stagecoach", "an aide to the singer West": speaking for a
                    # company or a person no lexicon knows makes no government official
                    return ""
        return None

    def _country_of_state_body(self, body: Token) -> str | None:
        """ "the German government", "Russia's defence ministry": the country of an agent noun of the
        state whose modifier names one."""
        own = self._sector_match(body.i)
        if own is None or own.entry.generic or own.entry.sector not in STATE_SECTORS:
            return None
        for modifier in body.children:
            if modifier.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            match = self._named_match(modifier.i)
            code = self._code(match.entry) if match is not None else None
            if match is not None and code and match.entry.kind in ("country", "adjective") and code[:3] in self.lex.countries:
                return code[:3]
        return None

    def _title_of_named_person(self, match: Match, head: Token) -> bool:
        """ "head of the EU Council Jan Nowak": a position whose "of" phrase runs into a person's
        name is that person's title, no group of its own."""
        if not match.entry.generic:
            return False
        return any(t.i in self.person_tokens for child in head.children if child.dep_ == "prep" and child.lower_ == "of"
                   for t in child.subtree)

    def _leader_before(self, i: int, head: Token) -> Match | None:
        """ "the Maduro government", "the Erdogan administration": a known office holder's name modifying an
        agent noun gives the noun that person's country, as the name would in PETRARCH."""
        if i not in self.person_tokens or not _modifies_within(self.doc[i], head):
            return None
        for person in self.candidates:
            if person.kind != "person" or not (self.doc[i].idx >= person.start and self.doc[i].idx < person.end):
                continue
            country = (person.code or "")[:3]
            tokens = self.doc.char_span(person.start, person.end, alignment_mode="expand")
            if tokens is None or len(country) != 3 or not country.isalpha() or country not in self.lex.countries:
                return None
            match = Match(tokens.start, tokens.end, Entry(person.text, person.name, "adjective", country,
                                                          f"country:{country}", "actor:coref:leader-country",
                                                          "country", "any"))
            self.leader_names[id(match)] = person
            return match
        return None

    def _body_noun_after(self, match: Match, head: Token) -> Token | None:
        """ "a rebel group", "the main opposition coalition": an agent noun modifying the body
        noun right after it makes the body an actor with the agent's sector."""
        if head.dep_ not in ("compound", "amod") or head.head.i != match.end or match.entry.generic:
            return None
        if match.start >= 2 and self.doc[match.start - 1].text == "-" \
                and self.doc[match.start - 2].lower_ in NEGATING_PREFIXES:
            # "an anti-government movement" is no government body
            return None
        body = head.head
        if body.lemma_.lower() not in self.lex.body_nouns or body.i in self.match_of:
            return None
        return body

    def _body_of_position(self, head: Token) -> bool:
        """ "members of *parliament*", "commander of the *army*": the body in a generic position's
        "of" phrase gives that position its sector; it is not an actor of its own."""
        preposition = head.head
        if head.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.i == preposition.i:
            return False
        if any(self._headline_word(self.doc[i]) for i in range(preposition.i + 1, head.i)):
            # "Leader of Chad Threatens Rebels": a headline verb ends the "of" phrase first
            return False
        position = self._sector_match(preposition.head.i)
        return position is not None and position.entry.generic

    def _unknown_org_entity(self, i: int) -> SpacySpan | None:
        """The ORG entity around token ``i`` when no lexicon entry names any of it."""
        for ent in self.entities:
            if ent.label_ == "ORG" and ent.start <= i < ent.end:
                if len(ent) > 1 and not any(self._named_match(t) or t in self.person_tokens for t in range(ent.start, ent.end)):
                    return ent
                return None
        return None

    def _inside_unknown_name(self, head: Token, phrase_start: int | None = None) -> bool:
        """ "the Chilean Fishermen's Party": a capitalised agent noun inside an organisation's
        name is part of that name (coded as a whole later), not an agent of its own; an agent
        phrase that begins before the name ("Minister of Silly Walks" around "Silly Walks") is not."""
        if not head.text[:1].isupper():
            return False
        entity = self._unknown_org_entity(head.i)
        return entity is not None and (phrase_start is None or entity.start <= phrase_start)

    def _group_from(self, match: Match, head: Token) -> list[Candidate]:
        entry = match.entry
        marker = head.i + 1
        if marker < len(self.doc) and self.doc[marker].tag_ == "POS" and self._sector_match(head.head.i) is not None \
                and self._nationality_of_possessor_noun(marker, head.head):
            # "workers" in "American workers' party" is part of the party's name, no actor of its own
            return []
        sector = entry.sector or ""
        plural = entry.role == "plural" or head.tag_ in ("NNS", "NNPS")
        sentence_start = head.sent.start
        start = match.start
        modifiers: list[Match] = []
        determiner: str | None = None
        i = match.start - 1
        while i >= sentence_start:
            token = self.doc[i]
            if self._headline_word(token):
                break
            named = self._named_match(i) or self._leader_before(i, head)
            if named is not None and named.entry.kind != "person":
                if named not in modifiers:
                    modifiers.insert(0, named)
                start = named.start
                i = named.start - 1
                continue
            left = self._named_match(i - 1) if i - 1 >= sentence_start else None
            if token.text in ("-", "–") and left is not None and i + 1 < len(self.doc) \
                    and self.doc[i + 1].lower_ in self.lex.origin_words:
                i -= 1
                continue
            if token.lower_ in CONJUNCTIONS and modifiers and left is not None \
                    and self._coordinated_nationalities(left, modifiers[0], head):
                i -= 1
                continue
            if token.tag_ == "POS" and left is not None and all(m.entry.kind == "region" for m in modifiers):
                i -= 1
                continue
            if token.tag_ == "POS" and self._nationality_of_possessor_noun(i, head):
                # "Nigerian people's democratic party": the possessor noun is part of the name
                i -= 2
                continue
            # "labor and employment ministry" is one phrase; "Taipei and Hong Kong activists" are two actors
            inside_phrase = _modifies_within(token, head) and not (token.lower_ in CONJUNCTIONS and left is not None)
            # the hyphens of "a 35-year-old inmate" join words of one modifier
            inside_phrase = inside_phrase or (token.text in ("-", "–") and token.dep_ == "punct" and left is None
                                              and head.left_edge.i <= token.head.i < head.i)
            if (token.pos_ in ("ADJ", "NUM") or token.lower_ in QUANTIFIERS or inside_phrase) \
                    and token.lower_ not in DEFINITE | INDEFINITE:
                i -= 1
                continue
            if token.lower_ in INDEFINITE | DEFINITE or token.pos_ == "DET":
                determiner = token.lower_
            break
        if any(self.doc[m.start - 2].lower_ in NEGATING_PREFIXES for m in modifiers if m.start >= 2 and self.doc[m.start - 1].text == "-"):
            return []
        borrowed = [] if modifiers else self._conjunct_modifiers(head)
        modifiers = modifiers + borrowed
        # "representatives from Syldavia", "representatives for Zantor": whom a delegate stands for
        whose = ("of", "from", "for") if normalize(entry.name) in self.lex.delegate_nouns else ("of",)
        of_phrase = self._headline_cut([t.i for child in head.children if child.dep_ == "prep" and child.lower_ in whose
                                        for t in child.subtree])
        phrase_sector, plover = self._phrase_sector(list(range(i + 1, match.end)), of_phrase)
        generic_only = all(m.entry.generic for m in self._sector_matches(list(range(i + 1, match.end)) + of_phrase))
        if phrase_sector is None and entry.generic:
            # "the station", "a member": a position with no body named is no actor
            return []
        police_context = entry.generic and generic_only and phrase_sector == "MIL" and not modifiers \
            and normalize(entry.name) == "officer" and self._last_armed_body_before(head.i) == "COP"
        if police_context:
            phrase_sector, plover = "COP", self.lex.plover_sector_of_agent("COP")
        if sector != "ALLY":
            sector = phrase_sector or ""
        collective = entry.collective and not (entry.role == "plural")
        if head.lower_ in self.lex.side_nouns and determiner in DEFINITE and not modifiers and i + 1 == match.start \
                and not any(child.dep_ in ("prep", "relcl") for child in head.children):
            # "the parties discussed ...": the two sides of a talk or a deal, no political party
            return []
        if sector == "ALLY" and not modifiers:
            if determiner != "the":
                return []
            s, e, text = self._span_text(match.start, match.end)
            return [Candidate(s, e, text, "actor:coref:allies", f"allies:{s}", text, "group",
                              head=head.i, title_word=normalize(entry.name))]
        if not plural and not entry.collective and determiner not in INDEFINITE | DEFINITE and not modifiers \
                and not _fragment_head(head):
            return []
        if not any(m.entry.kind in ("country", "adjective") or m.entry.rule == CAPITAL_RULE
                   or m.entry.identity.startswith("igo:") for m in modifiers):
            # "trade unions in Denmark", "human rights activists in Arnor": the place stays a mention;
            # "president of the Council": the body is part of the title
            preposition, places = self._place_after(head)
            phrase_root = self._phrase_root(match)
            if not places and phrase_root is not head:
                # "the head of government in Chile": the place hangs on the phrase's first noun
                preposition, places = self._place_after(phrase_root)
            for partner in head.conjuncts if not places else ():
                # "lawmakers and officials in Fornost": the place after one agent noun is the other's too
                preposition, places = self._place_after(partner)
                if places:
                    break
            modifiers = modifiers + (places if preposition == "of" else [Match(m.start, m.end, m.entry) for m in places])
        parts = self._compound_parts(modifiers)
        results: list[Candidate] = []
        for index, part in enumerate(parts):
            code = self._combine_matches(part, sector, generic_only)[0]
            principal = self._code_of_principal(head, sector) if entry.generic and generic_only \
                and code is not None and code.startswith(UNKNOWN_COUNTRY) else None
            code = (principal or None) if principal is not None else code
            if entry.placed and code is not None and code.startswith(UNKNOWN_COUNTRY):
                # "two men": a noun coded only when a country names it ("Indian men")
                code = None
            if entry.named_only and code is None:
                # "the country", "member states": no actor until something names them
                continue
            part_plover = self._plover_for(code, sector, plover)
            last_part = index == len(parts) - 1
            leading = [m for m in part if m.start < match.start and m not in borrowed]
            trailing = [m for m in part if m.start >= match.end]
            span_start = leading[0].start if leading else match.start
            # "commander of the army", "members of the judiciary in Chile": a position's "of" phrase
            # that names its body belongs to the mention and the name
            of_extent = max(of_phrase) + 1 if entry.generic and of_phrase else match.end
            of_end = max([of_extent] + [m.end for m in trailing
                                        if self._preposition_before(m) == "of" or m.start in of_phrase])
            span_end = of_end if last_part else part[-1].end
            s, e, text = self._span_text(span_start, span_end)
            head_text = self._span_text(match.start, match.end)[2]
            modifier_text = " ".join(self._span_text(m.start, m.end)[2] for m in part if m in leading or m in borrowed)
            shown_head = head_text if (collective and head_text[:1].isupper() and match.start > sentence_start) else head_text.lower()
            name = f"{modifier_text} {shown_head}".strip()
            whole = last_part and len(parts) == 1
            if whole and span_end > match.end:
                name = f"{name}{self._span_text(match.start, span_end)[2][len(head_text):]}"
            outside = [m for m in trailing if m.end > span_end] if whole else trailing
            if outside:
                linker = self._preposition_before(outside[0]) or "in"
                name = f"{name} {linker} {self._span_text(outside[0].start, outside[0].end)[2]}"
            if plural or collective:
                kind: ActorKind = "organization" if collective and shown_head[:1].isupper() else "group"
                identity = f"group:{normalize(name)}"
                rule = "actor:group:compound" if len(parts) > 1 else "actor:group:agent-noun"
            else:
                kind = "anonymous"
                identity = f"anonymous:{s}"
                rule = "actor:anonymous:agent-noun"
            restated = [m for m in part if m.entry.kind in ("country", "adjective") and m.entry.source == "country"]
            if entry.named_only and len(part) == 1 and restated:
                # "the nations of Serbia and Kosovo", "the state of Qatar": the countries themselves
                kind, identity, name = "country", restated[0].entry.identity, restated[0].entry.name
            candidate = Candidate(s, e, text, rule, identity, name, kind, code=code, quality=2 if code else 1,
                                  head=head.i, title_word=normalize(entry.name), sector=part_plover)
            if kind == "anonymous" and determiner in DEFINITE:
                candidate.rule = "actor:anonymous:definite"
            if principal is not None:
                candidate.rule += PRINCIPAL_RULE if principal else UNKNOWN_PRINCIPAL_RULE
            if police_context:
                candidate.rule += POLICE_CONTEXT_RULE
            if not last_part:
                candidate.end = self._span_text(part[0].start, part[-1].end)[1]
            results.append(candidate)
        for m in modifiers:
            self.absorbed.add(id(m))
            leader = self.leader_names.get(id(m))
            if results and leader is not None and leader in self.candidates:
                # the name is part of the phrase ("the Maduro government"), not a mention of the person
                self.candidates.remove(leader)
        return results

    def _nationality_of_possessor_noun(self, marker: int, head: Token) -> bool:
        """Whether the possessive marker at ``marker`` closes a common noun that possesses ``head`` and
        has a nationality word right before it ("American workers' party", "Kenyan people's party")."""
        if marker < 2:
            return False
        possessor, before = self.doc[marker - 1], self.doc[marker - 2]
        if possessor.dep_ != "poss" or possessor.head.i != head.i or possessor.pos_ != "NOUN" \
                or not possessor.is_lower or before.head.i != possessor.i:
            return False
        named = self._named_match(before.i)
        return named is not None and named.end == before.i + 1 and named.entry.kind == "adjective"

    def _headline_cut(self, indexes: list[int]) -> list[int]:
        """ "Leader of Chad Threatens Rebels With Force": the parse of a title-cased headline may
        hang the rest of it under the "of" phrase; a headline verb or preposition ends the phrase."""
        ends = [i for i in indexes if self._headline_word(self.doc[i])]
        return [i for i in indexes if i < min(ends)] if ends else indexes

    def _coordinated_nationalities(self, left: Match, right: Match, head: Token) -> bool:
        """ "Russian and Belarusian soldiers", "the Russian and US navies", "US and British troops": two
        nationality words, or a country name used as one, joined before one agent noun each name a
        part of it; a country name that is no modifier of the noun ("talks between Russia and
        Ukrainian officials") stays an actor of its own."""
        if left.entry.kind == "adjective" and right.entry.kind == "adjective":
            return True
        national = all(m.entry.source == "country" and m.entry.kind in ("country", "adjective") for m in (left, right))
        return national and (left.entry.kind == "adjective" or _modifies_within(self.doc[left.end - 1], head))

    def _phrase_root(self, match: Match) -> Token:
        """The token of a several-word match whose head lies outside it ("head" in "head of state")."""
        for token in self.doc[match.start:match.end]:
            if not (match.start <= token.head.i < match.end) or token.head.i == token.i:
                return token
        return self.doc[match.end - 1]

    def _conjunct_modifiers(self, head: Token) -> list[Match]:
        """ "Danish media and government": an agent noun coordinated after another shares the
        nationality, capital or international body named before the first one."""
        first = head.head
        if head.dep_ != "conj" or first.i >= head.i or self._sector_match(first.i) is None:
            return []
        found: list[Match] = []
        for i in range(first.left_edge.i, first.i):
            match = self._named_match(i)
            if match is not None and match not in found and (
                    match.entry.kind in ("country", "adjective", "region") or match.entry.rule == CAPITAL_RULE
                    or match.entry.identity.startswith("igo:")):
                found.append(match)
        return found

    def _preposition_before(self, match: Match) -> str | None:
        """The preposition governing a named match ("of" in "president of the Council")."""
        token = self.doc[match.end - 1]
        while token.dep_ != "prep" and token.i != token.head.i:
            token = token.head
        return token.lower_ if token.dep_ == "prep" else None

    def _place_after(self, head: Token, depth: int = 0) -> tuple[str | None, list[Match]]:
        """ "trade unions in Denmark": a country or capital named by an "in"/"from" phrase;
        "president of the Council", "parliament of Iran": the body or country an "of" phrase names;
        "members of the judiciary in Chile": the place after an "of" phrase that names none."""
        of_objects: list[Token] = []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "of"):
                for grandchild in child.children:
                    if grandchild.dep_ != "pobj":
                        continue
                    # "lawmakers in Fornost and Gondor": every coordinated place
                    # "Soldiers from Gondor wire tapped ...": a name the parser made a compound of the object
                    named_compounds = [t for t in grandchild.children if t.dep_ == "compound" and t.i < grandchild.i]
                    places = [self._named_match(t.i) for t in (grandchild, *grandchild.conjuncts, *named_compounds)]
                    found = [m for m in places if m is not None
                             and (m.entry.rule in ("actor:lexicon:country", CAPITAL_RULE, PLACE_RULE)
                                  or (m.entry.source == "extra" and m.entry.kind == "country")
                                  or (child.lower_ == "of" and m.entry.kind == "organization"))]
                    if found:
                        return child.lower_, self._with_adjacent_places(sorted(found, key=lambda m: m.start))
                    if child.lower_ == "of":
                        of_objects.append(grandchild)
        for obj in of_objects if depth == 0 else ():
            preposition, found = self._place_after(obj, depth + 1)
            if found and preposition in ("in", "from"):
                return preposition, found
        return None, []

    def _with_adjacent_places(self, places: list[Match]) -> list[Match]:
        """ "lawmakers in Fornost and Gondor" parsed as "[lawmakers in Fornost] and Gondor": a
        country right after the last place and a conjunction is one of the places too."""
        places = list(places)
        while True:
            after = places[-1].end
            if after + 1 >= len(self.doc) or self.doc[after].lower_ not in CONJUNCTIONS | {","}:
                return places
            following = self._named_match(after + 1)
            if following is None or following.start != after + 1 or following in places \
                    or following.entry.kind != "country":
                return places
            places.append(following)

    def _compound_parts(self, modifiers: list[Match]) -> list[list[Match]]:
        """ "Russian and Belarusian soldiers" -> [[Russian], [Belarusian]]; else one part."""
        national = [m for m in modifiers if m.entry.kind in ("country", "adjective")]
        if len(national) < 2:
            return [modifiers]
        between = [self.doc[i].lower_ for i in range(national[0].end, national[-1].start)]
        if not any(word in CONJUNCTIONS for word in between):
            return [modifiers]
        others = [m for m in modifiers if m not in national]
        return [[m, *others] for m in national]

    def _combine_matches(self, matches: list[Match], sector: str, generic_only: bool) -> tuple[str | None, int]:
        """The code of an agent phrase from the names in it (see ``_combine``); a bare position
        after a seat of government speaks for it ("Kremlin spokesman" RUSGOV, whatever sector a
        user's agent dictionary gives "spokesman")."""
        igo = org = country = region = None
        org_after_country = False
        for match in matches:
            entry = match.entry
            code = self._code(entry)
            if entry.kind == "region":
                region = region or code
            elif entry.identity.startswith("igo:") or (code and code.startswith(("IGO", "NGO"))):
                igo = igo or code
            elif entry.rule == CAPITAL_RULE and generic_only and sector != "ELI" and code:
                org = org or code
            elif entry.kind in ("country", "adjective") or entry.rule == CAPITAL_RULE:
                country = country or (code[:3] if code else None)
            elif code:
                org_after_country = org is None and country is not None
                org = org or code
        if org and country and org_after_country and len(org) == 6 and org[:3] in self.lex.countries \
                and org[:3] != country:
            # "Iraqi Hizbollah fighters": a national body's name after another country's is that country's body
            org = country + org[3:]
        return _combine(igo, org, country, region, sector)


    # --- named countries, bodies and metonyms ----------------------------------------------

    def _add_lexicon_mentions(self) -> None:
        redefined = self._redefined_abbreviations()
        for match in self.matches:
            entry = match.entry
            if id(match) in self.absorbed or entry.kind in ("sector", "person") \
                    or (entry.kind == "region" and not entry.standalone):
                continue
            if self.doc[match.start:match.end].text in redefined:
                continue
            if any(i in self.person_tokens for i in range(match.start, match.end)):
                continue
            if entry.kind == "adjective" and match.start >= 2 and self.doc[match.start - 1].text == "-" \
                    and self.doc[match.start - 2].lower_ in NEGATING_PREFIXES:
                continue
            s, e, text = self._span_text(match.start, match.end)
            # "in Washington, D.C.": the word of the name that the rest of the sentence governs
            if entry.rule in (CAPITAL_RULE, PLACE_RULE) and self._is_place(self._phrase_root(match)):
                self._add_locative_place(match, s, e, text)
                continue
            code = self._code(entry)
            if self._add_national_body(match, s, e, text):
                continue
            other = self._other_country_before(match, code)
            if other is not None and code is not None:
                # "Chile's Defense Department": a national body's generic name, another country's.
                code = other + code[3:]
                self.candidates.append(Candidate(s, e, text, "actor:lexicon:body-of-named-country",
                                                 f"body:{code}:{normalize(entry.name)}", text, "organization",
                                                 code=code, quality=3, head=match.end - 1))
                self._take(s, e)
                continue
            kind: ActorKind = "country" if entry.kind in ("country", "adjective", "region") else (
                entry.kind if entry.kind in ("person", "organization", "group", "anonymous") else "organization")  # type: ignore[assignment]
            rule = entry.rule
            if entry.kind == "adjective" and text.endswith("s") and not text.endswith("ss"):
                rule = "actor:lexicon:demonym"
            self.candidates.append(Candidate(s, e, text, rule, entry.identity or f"extra:{entry.name}", entry.name,
                                             kind, code=code, quality=3, head=match.end - 1))
            self._take(s, e)

    def _add_national_body(self, match: Match, start: int, end: int, text: str) -> bool:
        """ "the Labour Party", "the Security Council": a name several countries' bodies share is the
        body of the country the text gives (``national_body_names.tsv``); the lexicon's code holds only
        without such evidence. Returns whether it added the mention."""
        surface = normalize(self.doc[match.start:match.end].text)
        shared = self.lex.national_body_names.get(surface)
        if shared is None:
            return False
        sector, evidence = shared
        country = self._country_beside(match)
        if country is None and evidence == "title":
            country = self._country_of_titles(match.start, surface)
        if country is not None:
            code = country + sector
            self.candidates.append(Candidate(start, end, text, NATIONAL_BODY_RULE, f"body:{code}:{surface}",
                                             f"{self.lex.countries[country].adjective} {match.entry.surface}",
                                             "organization", code=code, quality=3, head=match.end - 1))
        elif evidence == "home":
            entry = match.entry
            self.candidates.append(Candidate(start, end, text, HOME_BODY_RULE, entry.identity, entry.name,
                                             "organization", code=self._code(entry), quality=3, head=match.end - 1))
        else:
            return False
        self._take(start, end)
        return True

    def _country_beside(self, match: Match) -> str | None:
        """The country named right before a name ("Australia's", "Russian") or in an "of" phrase
        right after it ("... of Canada")."""
        index = match.start - 1
        if index > 0 and self.doc[index].tag_ == "POS":
            index -= 1
        before = self._named_match(index) if index >= 0 else None
        if before is not None and before.entry.kind in ("country", "adjective") and before.end == index + 1:
            code = self._code(before.entry)
            if code and code[:3] in self.lex.countries:
                return code[:3]
        if match.end + 1 < len(self.doc) and self.doc[match.end].lower_ == "of":
            after = self._named_match(match.end + 1)
            code = self._code(after.entry) if after is not None and after.entry.kind == "country" else None
            if code and code[:3] in self.lex.countries:
                return code[:3]
        return None

    def _country_of_titles(self, token: int, surface: str) -> str | None:
        """The country of the nearest person titled by the shared name, or None when an explicit
        international form of the name ("UN Security Council") comes nearer before the mention."""
        evidence: list[tuple[int, str | None]] = [(i, country) for i, name, country in self.national_titles
                                                  if name == surface]
        evidence += [(m.start, None) for m in self.all_matches
                     if m.entry.source == "igo" and surface in normalize(self.doc[m.start:m.end].text)
                     and normalize(self.doc[m.start:m.end].text) != surface]
        if not evidence:
            return None
        before = [item for item in evidence if item[0] < token]
        nearest = max(before, key=lambda item: item[0]) if before else min(evidence, key=lambda item: item[0])
        return nearest[1]

    def _redefined_abbreviations(self) -> set[str]:
        """Abbreviations the text spells out as something the lexicon does not mean: after
        "Internet Relay Chat (IRC)", "IRC" is no longer the International Rescue Committee."""
        redefined: set[str] = set()
        for token in self.doc[2:-1]:
            if not (token.is_upper and token.is_alpha and len(token.text) >= 2
                    and self.doc[token.i - 1].text == "(" and self.doc[token.i + 1].text == ")"):
                continue
            words = [t for t in self.doc[max(0, token.i - 1 - 2 * len(token.text)):token.i - 1]
                     if t.is_alpha and t.lower_ not in ABBREVIATION_GLUE_WORDS]
            expansion = words[-len(token.text):]
            if len(expansion) != len(token.text) or "".join(t.text[0] for t in expansion).upper() != token.text:
                continue
            first, last = expansion[0].i, expansion[-1].i
            if not any(m.start <= first and m.end > last for m in self.all_matches):
                redefined.add(token.text)
        return redefined

    def _add_collective_countries(self) -> None:
        """ "the two Koreas": a plural name of several countries is a mention of each of them."""
        for token in self.doc:
            codes = self.lex.collective_countries.get(token.lower_) if token.text[:1].isupper() else None
            s, e, text = self._span_text(token.i, token.i + 1)
            if not codes or not self._is_free(s, e):
                continue
            for code in codes:
                country = self.lex.countries.get(code)
                if country is not None:
                    self.candidates.append(Candidate(s, e, text, "actor:lexicon:collective-country",
                                                     f"country:{code}", country.name, "country", code=code,
                                                     quality=3, head=token.i))
            self._take(s, e)

    def _add_locative_place(self, match: Match, start: int, end: int, text: str) -> None:
        """ "a bomb exploded in Bangkok": the city after "in" stands for its country as a place,
        one actor per place name, apart from the capital's government ("Bangkok said")."""
        code = self._code(match.entry)
        root = self._phrase_root(match)
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if not code or root.dep_ != "pobj" or root.head.lower_ != "in":
            return
        self.candidates.append(Candidate(start, end, text, LOCATIVE_PLACE_RULE,
                                         f"place-in:{normalize(match.entry.surface)}", text, "country",
                                         code=code[:3], quality=1, head=match.end - 1))
        self._take(start, end)

    def _other_country_before(self, match: Match, code: str | None) -> str | None:
        """The country named just before a national body's name ("Chile's", "Chilean") when it
        is not the body's own country; the name itself must not name its country."""
        if match.entry.kind != "organization" or not code or len(code) < 6 or not code[:3].isalpha():
            return None
        own = self.lex.countries.get(code[:3])
        if own is None or own.name.lower() in match.entry.surface.lower() or match.start == 0:
            return None
        index = match.start - 1
        if self.doc[index].tag_ == "POS" and index > 0:
            index -= 1
        before = self._named_match(index)
        if before is None or before.entry.kind not in ("country", "adjective") or before.end != index + 1:
            return None
        other = self._code(before.entry)
        if not other or other[:3] == code[:3]:
            return None
        return other[:3]

    @staticmethod
    def _is_place(token: Token) -> bool:
        """ "talks in Moscow", "an airfield north of Kabul": a capital after a locative preposition
        is a place, not its government; so is every place coordinated with it ("in Perth and Sydney"),
        unless a finite verb with no subject of its own follows it ("in Moscow and Beijing welcomed it":
        the subject of a new clause the parser joined to the list)."""
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is None or following.tag_ not in FINITE_VERB_TAGS \
                or any(child.dep_ in SUBJECT_DEPS for child in following.children):
            while token.dep_ == "conj" and token.head.i != token.i:
                token = token.head
        if token.dep_ != "pobj":
            return False
        preposition = token.head
        return preposition.lower_ in LOCATIVE_PREPOSITIONS or (
            preposition.lower_ == "of" and preposition.head.lower_ in COMPASS_WORDS) or _end_of_route(token)

    def _add_context_aliases(self) -> None:
        """ "the alliance" -> NATO, when NATO itself is named in the document."""
        present = {m.entry.identity.split(":", 1)[1] for m in self.matches if m.entry.identity.startswith("igo:")}
        if not present:
            return
        for i, token in enumerate(self.doc[:-1]):
            if token.lower_ != "the":
                continue
            for width in (2, 1):
                if i + width >= len(self.doc):
                    continue
                phrase = normalize(self._span_text(i + 1, i + 1 + width)[2])
                choices = self.lex.context_aliases.get(phrase)
                if not choices:
                    continue
                target = next((code for code in choices if code in present), None)
                nxt = self.doc[i + 1 + width] if i + 1 + width < len(self.doc) else None
                if target is None or (nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.dep_ != "appos"):
                    continue
                s, e, text = self._span_text(i, i + 1 + width)
                if not self._is_free(s, e):
                    continue
                self.candidates.append(Candidate(s, e, text, "actor:coref:context-alias", f"igo:{target}",
                                                 self.lex.igo_names.get(target, target), "organization",
                                                 code=target, quality=3, head=i + width))
                self._take(s, e)
                break

    def _add_leftover_entities(self) -> None:
        """Organisations spaCy found that no lexicon knows ("Warsaw Pact")."""
        for ent in self.entities:
            if ent.label_ != "ORG":
                continue
            start, end = ent.start, ent.end
            if self.doc[start].lower_ == "the":
                start += 1
            while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct):
                # "The Fishermen's Coalition Government's plans": the possessive is no part of the name
                end -= 1
            if end <= start or any(self._named_match(i) or i in self.person_tokens for i in range(start, end)):
                continue
            if self.doc[start].text in self.lex.event_name_words or self._not_an_actor(start, end) \
                    or self._document_name(start, end):
                continue
            if all(self._corporate_suffix_at(i) or self.doc[i].is_punct for i in range(start, end)):
                # "Chrysler LLC" split by the entity model: "LLC" alone names nobody
                continue
            agents = [m for m in (self._sector_match(i) for i in range(start, end)) if m is not None]
            if agents and not self._inside_unknown_name(self.doc[end - 1], min(m.start for m in agents)):
                continue
            s, e, text = self._span_text(start, end)
            if not self._is_free(s, e) or not any(c.isupper() for c in text):
                continue
            # "Fans filled the Hall" after "Peter Hall": a determiner makes the name no person's
            after_determiner = start > 0 and self.doc[start - 1].lower_ in DEFINITE | INDEFINITE
            person = None if after_determiner else self._person_by_name(text)
            if person is not None:
                self.candidates.append(Candidate(s, e, text, "actor:coref:surname", person.identity, person.name,
                                                 "person", head=end - 1))
                self._take(s, e)
                continue
            rule = "actor:ner:org"
            owner = self._owner_country(start)
            if owner:
                rule += "+owner-country"
            else:
                owner = self._leading_nationality(start, end) or self._country_after(self.doc[start:end].root)
                rule += "+nationality" if owner else ""
                if not owner:
                    owner = self._country_in_name(start, end)
                    rule += COUNTRY_IN_NAME_RULE if owner else ""
            agent, plover = self._org_keyword_sector(start, end)
            if owner in self.lex.igo_names:
                agent = agent if agent in IGO_BRANCH_SECTORS else ""
            if agent:
                rule += "+keyword-sector"
            elif self._corporate_suffix_at(end - 1) or self._corporate_suffix_after(end):
                agent, plover = BUSINESS_SECTOR, self.lex.plover_sector_of_agent(BUSINESS_SECTOR)
                rule += CORPORATE_SUFFIX_RULE
            described = self._described_organisation(start)
            if described is not None:
                # "UK-based retailer Tesco": the words before the name say what and whose it is
                owner = owner or described[0]
                agent, plover = (agent, plover) if agent else (described[1], described[2])
                rule += "+description"
            apposed = None if agent else self._business_apposition(start, end)
            if apposed is not None:
                # "NPD Group, a market research firm,": the apposition says it is a company, and whose
                owner = owner or apposed[0]
                agent, plover = BUSINESS_SECTOR, self.lex.plover_sector_of_agent(BUSINESS_SECTOR)
                rule += BUSINESS_APPOSITION_RULE
            code = (owner or UNKNOWN_COUNTRY) + agent if agent else owner
            organisation = Candidate(s, e, text, rule, f"org:{normalize(text)}", " ".join(text.split()),
                                     "organization", code=code, quality=2 if owner else 1, head=end - 1, sector=plover)
            self.candidates.append(organisation)
            self._take(s, e)
            if described is not None:
                self._join_description(organisation, start - 1)
            if apposed is not None:
                self._join_description(organisation, apposed[1])

    def _business_apposition(self, start: int, end: int) -> tuple[str, int] | None:
        """ "NPD Group, a market research firm", "Ostra, Norway's largest airline": an apposition
        headed by a business noun makes an unknown organisation a company. Returns the country the
        apposition names ("" when it names none) and the apposition's head."""
        root = self.doc[start:end].root
        for child in root.children:
            if child.dep_ != "appos" or child.i < end:
                continue
            title = self._sector_match(child.i)
            if title is None or title.entry.sector != BUSINESS_SECTOR or title.entry.generic:
                continue
            for token in self.doc[child.left_edge.i:child.i]:
                named = self._named_match(token.i)
                if named is not None and named.entry.kind in ("country", "adjective"):
                    code = self._code(named.entry)
                    if code and code[:3] in self.lex.countries:
                        return code[:3], child.i
            return "", child.i
        return None

    def _corporate_suffix_at(self, i: int) -> bool:
        """ "Zantor Ltd", "Ostra S.A.": a word that closes a company's legal name (``corporate_suffixes.txt``)."""
        return 0 <= i < len(self.doc) and self.doc[i].text.rstrip(".") in self.lex.corporate_suffixes

    def _corporate_suffix_after(self, end: int) -> bool:
        """The legal suffix the entity model left outside the name ("Zantor Ltd", "Zantor, Inc.")."""
        if end < len(self.doc) and self.doc[end].text == ",":
            end += 1
        return self._corporate_suffix_at(end) and not self.doc[end].is_sent_start

    def _code_from_company_in_title(self) -> None:
        """ "Tesco's CEO Dave Lewis", "the chief executive of Tesco": a title of no country whose
        words name an organisation the text gives a country elsewhere ("UK-based retailer Tesco")
        takes that country."""
        countries: dict[str, str] = {}
        for candidate in self.candidates:
            if candidate.kind == "organization" and candidate.identity.startswith("org:") \
                    and (candidate.code or "")[:3] in self.lex.countries:
                countries.setdefault(candidate.identity, (candidate.code or "")[:3])
        if not countries:
            return
        for candidate in self.candidates:
            code = candidate.code or ""
            if candidate.kind not in ("person", "anonymous") or not code.startswith(UNKNOWN_COUNTRY) \
                    or code == UNKNOWN_COUNTRY:
                continue
            words = re.sub(r"['’]s\b", "", f" {normalize(candidate.role or candidate.text)} ")
            named = [country for identity, country in countries.items() if f" {identity[4:]} " in words]
            if len(set(named)) == 1:
                candidate.code = named[0] + code[len(UNKNOWN_COUNTRY):]
                candidate.rule += COMPANY_IN_TITLE_RULE

    def _join_description(self, organisation: Candidate, head: int) -> None:
        """ "UK-based retailer Tesco": the agent phrase before the name is a mention of the organisation."""
        for candidate in self.candidates:
            if candidate.head == head and candidate.kind in ("group", "anonymous"):
                candidate.identity, candidate.name, candidate.kind = organisation.identity, organisation.name, "organization"
                candidate.code, candidate.sector = organisation.code, organisation.sector
                candidate.rule = "actor:coref:description"

    def _document_name(self, start: int, end: int) -> bool:
        """ "the National Emergencies Act", "Ballot Interference Prevention Act (BIPA)": a law's or
        treaty's name (``document_words.txt``), or the abbreviation a text gives one, is no actor."""
        if self.doc[end - 1].text in self.lex.document_words and end - start >= 2:
            return True
        if self._document_abbreviations is None:
            self._document_abbreviations = {
                found.group(2) for found in re.finditer(r"\b([A-Z]\w+) \(([A-Z][A-Z.]{1,7})\)", self.text)
                if found.group(1) in self.lex.document_words}
        return self._span_text(start, end)[2] in self._document_abbreviations

    def _person_by_name(self, text: str) -> Candidate | None:
        """ "Senator Ann Roe ... Roe said": a name the entity model tags as an organisation that is the
        full name or surname of exactly one person the text names in full is that person."""
        key = normalize(text)
        fitting = {c.identity: c for c in self.candidates
                   if c.kind == "person" and len(c.name.split()) >= 2
                   and key in (normalize(c.name), normalize(c.name.split()[-1]))}
        return next(iter(fitting.values())) if len(fitting) == 1 else None

    def _leading_nationality(self, start: int, end: int) -> str | None:
        """ "Chadian Human Rights League", "United Nations Human Rights Office": a nationality
        word, country, place or international body opening the name."""
        for match in self.all_matches:
            if match.start != start or match.end >= end:
                continue
            code = self._code(match.entry)
            if match.entry.source == "igo":
                return code
            if match.entry.kind in ("adjective", "country") and match.entry.source in ("country", "place", "extra"):
                return code[:3] if code and code[:3].isalpha() else None
        return None

    def _country_in_name(self, start: int, end: int) -> str | None:
        """ "Royal Canadian Mounted Police", "Recording Industry Association of America": a
        nationality word or country's name inside an unknown organisation's name, when the name
        holds exactly one (a body named for two countries is neither's)."""
        countries = set()
        for match in self.all_matches:
            if match.start <= start or match.end > end or match.entry.kind not in ("adjective", "country") \
                    or match.entry.source not in ("country", "extra"):
                continue
            code = self._code(match.entry)
            if code and code[:3] in self.lex.countries:
                countries.add(code[:3])
        return next(iter(countries)) if len(countries) == 1 else None

    def _country_after(self, head: Token) -> str | None:
        """ "the University of Arnor in Scotland": the country an "in" phrase names."""
        preposition, places = self._place_after(head)
        code = self._code(places[0].entry) if places and preposition in ("in", "from") else None
        return code[:3] if code else None

    def _org_keyword_sector(self, start: int, end: int) -> tuple[str, str | None]:
        """(CAMEO agent, PLOVER sector) from a word of an unknown organisation's name
        ("Amherst College" -> EDU); the last keyword wins ("Party University" is a university)."""
        words = [normalize(t.text) for t in self.doc[start:end]]
        found: tuple[int, str, str | None] | None = None
        for i in range(start, end):
            match = self._sector_match(i)
            # "Tamil Tigers": an ethnic group's name says who the members are, not what the body does
            # "Ministry of Education": a noun that needs a country to name a body ("education") names no sector here
            if match is not None and match.entry.sector and not match.entry.generic and match.entry.rule != ETHNIC_RULE \
                    and not match.entry.named_only:
                found = (i - start + 1, match.entry.sector, self._plover_of(match.entry))
        for width in (3, 2, 1):
            for first in range(len(words) - width + 1):
                entry = self.lex.org_keywords.get(" ".join(words[first:first + width]))
                if entry is not None and (found is None or first + width > found[0]):
                    found = (first + width, entry[0], entry[1] or self.lex.plover_sector_of_agent(entry[0]))
        return (found[1], found[2]) if found else ("", None)

    def _described_organisation(self, start: int) -> tuple[str | None, str, str | None] | None:
        """(country, CAMEO agent, PLOVER sector) of the description right before an unknown
        organisation's name: lower-case words with an agent noun ("retailer Tesco", "property
        developer Echo"), with the country before them ("UK-based retailer", "Danish shipping firm");
        hyphenated words count as description ("Finnish open-source game developer")."""
        i = start - 1
        agent: Match | None = None
        while i >= 0 and start - i <= MAX_ORGANISATION_DESCRIPTION_TOKENS \
                and (self._description_word(self.doc[i]) or self._hyphen_inside_description(i)):
            found = self._sector_match(i)
            if found is not None and found.entry.sector and not found.entry.generic and agent is None:
                agent = found
            i -= 1
        if agent is None or agent.end != start or agent.entry.rule == ETHNIC_RULE:
            return None
        if i >= 2 and self.doc[i].lower_ in self.lex.origin_words and self.doc[i - 1].text in ("-", "–"):
            i -= 2
        named = self._named_match(i) if i >= 0 else None
        country = None
        if named is not None and named.end == i + 1 \
                and (named.entry.kind in ("country", "adjective") or named.entry.rule in (PLACE_RULE, CAPITAL_RULE)):
            code = self._code(named.entry)
            country = code[:3] if code and code[:3] in self.lex.countries else None
        return country, agent.entry.sector or "", self._plover_of(agent.entry)

    @staticmethod
    def _description_word(token: Token) -> bool:
        return token.text[:1].islower() and token.is_alpha and token.pos_ in ("NOUN", "ADJ", "PROPN")

    def _hyphen_inside_description(self, i: int) -> bool:
        """The hyphen of "open-source": a dash with a lower-case word on each side, no spaces."""
        token = self.doc[i]
        return token.text in ("-", "–") and 0 < i < len(self.doc) - 1 and not self.doc[i - 1].whitespace_ \
            and not token.whitespace_ and self.doc[i - 1].is_lower and self.doc[i + 1].is_lower

    def _owner_country(self, start: int) -> str | None:
        """The country of "Russia's Baltic Fleet", "Ecuador's Ombudsman's Office": a country
        name with a possessive right before an unknown organisation."""
        if start < 2 or self.doc[start - 1].tag_ != "POS":
            return None
        before = self._named_match(start - 2)
        if before is None or before.entry.kind != "country" or before.end != start - 1:
            return None
        code = self._code(before.entry)
        return code[:3] if code else None

    def _link_abbreviations(self) -> None:
        """ "the European Union (EU)", "the Syrian Observatory for Human Rights (SOHR)": an
        abbreviation in brackets right after a named body is that body, there and wherever else
        the text uses it, whatever a lexicon says the abbreviation alone stands for."""
        ends: dict[int, Candidate] = {}
        for candidate in self.candidates:
            # a capital or city is a dateline's place ("BEIJING (AFP)"), not a body with an abbreviation
            if candidate.kind == "organization" and candidate.rule not in (CAPITAL_RULE, PLACE_RULE):
                ends.setdefault(candidate.end, candidate)
        bodies: dict[str, Candidate] = {}
        for bracketed in re.finditer(r"\(([A-Z][A-Z.]{1,7})\)", self.text):
            body = ends.get(len(self.text[:bracketed.start()].rstrip()))
            initials = {word[:1].upper() for word in re.findall(r"\w+", body.text)} if body is not None else set()
            if body is not None and bracketed.group(1)[0] in initials \
                    and normalize(body.text) != normalize(bracketed.group(1)):
                bodies.setdefault(bracketed.group(1), body)
        for candidate in self.candidates:
            body = bodies.get(candidate.text)
            if body is not None and candidate is not body and candidate.kind != "person":
                candidate.identity, candidate.name, candidate.kind = body.identity, body.name, body.kind
                candidate.code, candidate.sector, candidate.quality = body.code, body.sector, body.quality
                candidate.rule = "actor:coref:abbreviation"
        for abbreviation, body in bodies.items():
            for use in re.finditer(rf"(?<![\w.]){re.escape(abbreviation)}(?!\w)", self.text):
                tokens = self.doc.char_span(use.start(), use.end())
                if tokens is None or not self._is_free(use.start(), use.end()) \
                        or any(c.start < use.end() and use.start() < c.end for c in self.candidates):
                    continue
                self.candidates.append(Candidate(use.start(), use.end(), use.group(), "actor:coref:abbreviation",
                                                 body.identity, body.name, body.kind, code=body.code,
                                                 quality=body.quality, head=tokens.end - 1, sector=body.sector))
                self._take(use.start(), use.end())

    def _link_titles_to_people(self) -> None:
        """ "a Kremlin spokesman" / "the Russian president" -> the one named person fitting it;
        "the allies" -> the one allied group named ("NATO allies"), else nothing."""
        allied = {c.identity: c for c in self.candidates if c.identity.startswith("group:") and c.title_word == "ally"}
        for candidate in [c for c in self.candidates if c.identity.startswith("allies:")]:
            if len(allied) == 1:
                group = next(iter(allied.values()))
                candidate.identity, candidate.name, candidate.code = group.identity, group.name, group.code
            else:
                self.candidates.remove(candidate)
        people = [c for c in self.candidates if c.kind == "person"]
        for candidate in self.candidates:
            if candidate.kind != "anonymous" or not candidate.title_word:
                continue
            fitting = {p.identity for p in people if self._holds_title(p, candidate)}
            if len(fitting) == 1:
                identity = fitting.pop()
                person = next(p for p in people if p.identity == identity)
                candidate.identity, candidate.name, candidate.kind = identity, person.name, "person"
                candidate.rule = "actor:coref:title"

    def _link_addressed_titles(self) -> None:
        """ "Mr President" in a transcript's turn addresses the one holder of that title who is not the
        turn's speaker (the label opening a paragraph: "President of Syldavia Ivan Petrov: ...") and who
        speaks in the transcript or, failing that, is named in its lead. Outside a transcript, or with
        two such holders, it stays an unnamed official; a holder named only in passing is none."""
        addressed = [c for c in self.candidates if c.identity.startswith("addressed:")]
        spans = {(c.start, c.end) for c in addressed}
        # "Ivan Petrov (retranslated): Mr President, ...": a vocative is no apposition of the speaker
        self.candidates = [c for c in self.candidates
                           if not (c.rule == "actor:coref:appositive" and (c.start, c.end) in spans)]
        turns = self._speaker_turns() if addressed else []
        if not turns:
            return
        people = [c for c in self.candidates if c.kind == "person"]
        speakers = {speaker for _, _, speaker in turns if speaker is not None}
        lead = {p.identity for p in people if p.end <= turns[0][0]}
        for candidate in addressed:
            spoken = [turn for turn in turns if turn[0] <= candidate.start]
            if not spoken:
                continue
            _, label, speaker = spoken[-1]
            title = replace(candidate, title_word=candidate.name)
            holders = {p.identity: p for p in people if p.identity != speaker and self._holds_title(p, title)}
            # the partner in the talk: a speaker of the transcript, else one the lead names
            holders = {i: p for i, p in holders.items() if i in speakers} \
                or {i: p for i, p in holders.items() if i in lead}
            if len(holders) != 1:
                continue
            person = next(iter(holders.values()))
            if speaker is None and normalize(person.name).split()[-1] in normalize(label).split():
                continue  # a speaker the entity model missed may be the holder himself
            candidate.identity, candidate.name, candidate.kind = person.identity, person.name, "person"
            candidate.code, candidate.role = person.code, person.role
            candidate.rule += ADDRESSEE_RULE

    def _speaker_turns(self) -> list[tuple[int, str, str | None]]:
        """(offset, label, speaker's identity or None) for each paragraph that opens with a speaker's
        label, a short capitalised phrase ending in a colon ("Ivan Petrov: Thank you.")."""
        people = [c for c in self.candidates if c.kind == "person"]
        turns: list[tuple[int, str, str | None]] = []
        for paragraph in re.finditer(r"(?:^|\n\s*\n)(\S[^\n:]{0,120}?):\s", self.text):
            label = paragraph.group(1)
            words = re.sub(r"\([^)]*\)", " ", label).split()
            if not words or len(words) > SPEAKER_LABEL_MAX_WORDS or any(mark in label for mark in ",.?!;\"") \
                    or any(not any(part[:1].isupper() for part in w.split("-"))
                           for w in words if w.lower() not in SPEAKER_LABEL_GLUE_WORDS):
                continue
            start, end = paragraph.start(1), paragraph.end(1)
            speaker = next((p.identity for p in people if start <= p.start and p.end <= end), None)
            turns.append((start, label, speaker))
        return turns

    def _holds_title(self, person: Candidate, title: Candidate) -> bool:
        """Whether a named person may be the unnamed holder of a title: the title word is in the
        person's role, which has no rank word the mention lacks ("Vice President" is not "the
        president"), and the codes agree; a bare title of no country ("the president") fits a person
        of any country with the same sector, one with a body of its own ("of the league") nobody."""
        role = normalize(person.role or "")
        if not title.title_word or title.title_word not in role:
            return False
        said = set(normalize(title.text).split())
        if any(word in self.lex.rank_qualifiers and word not in said for word in role.split()):
            return False
        unknown_country = (title.code or "").startswith(UNKNOWN_COUNTRY)
        if unknown_country and title.head >= 0 \
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in self.doc[title.head].children):
            # "the president of the chess league" names a body of its own that no country names
            return False
        if title.code is None or person.code == title.code:
            return True
        return (unknown_country and normalize(title.name) == title.title_word
                and (person.code or "")[3:] == (title.code or "")[len(UNKNOWN_COUNTRY):])

    def _link_definite_descriptions(self) -> None:
        """ "A spokesman for the Taliban said the group ...": "the group", "the movement", "the
        militants" (``anaphor_nouns.tsv``) join the nearest compatible organisation named before
        them in the same paragraph or the sentence before; a description with its own modifiers
        ("the movement of workers", "the group blamed for ...") is left alone."""
        sentence_of: dict[int, int] = {}
        starts: list[int] = []
        for token in self.doc[1:]:
            fits = self.lex.anaphor_nouns.get(token.lower_)
            if fits is None or self.doc[token.i - 1].lower_ != "the" or token.dep_ == "compound" \
                    or any(child.dep_ not in DESCRIPTION_DEPS for child in token.children) \
                    or (token.i + 1 < len(self.doc) and self.doc[token.i + 1].pos_ == "PROPN"):
                continue
            if not sentence_of:  # built on the first description: most articles have none
                sentence_of.update((i, index) for index, sentence in enumerate(self.doc.sents)
                                   for i in range(sentence.start, sentence.end))
                starts.extend(t.idx for t in self.doc)
            s, e, text = self._span_text(token.i - 1, token.i + 1)
            coding = token.lower_ in self.lex.coding_anaphor_nouns
            antecedent = self._description_antecedent(s, fits, sentence_of[token.i], sentence_of, starts, coding)
            if antecedent is None:
                continue
            if coding and antecedent.code is None:
                self._code_organisation(antecedent.identity, sorted(fits[0])[0])
            own = next((c for c in self.candidates if c.head == token.i and c.kind in ("group", "anonymous")), None)
            if own is None:
                if not self._is_free(s, e):
                    continue
                own = Candidate(s, e, text, DESCRIPTION_RULE, "", "", "group", head=token.i)
                self.candidates.append(own)
                self._take(s, e)
            own.identity, own.name, own.kind = antecedent.identity, antecedent.name, antecedent.kind
            own.code, own.sector, own.quality = antecedent.code, antecedent.sector, antecedent.quality
            own.rule = DESCRIPTION_RULE

    def _subject_or_possessor(self, candidate: Candidate) -> bool:
        """Whether a name is a clause's subject or a possessor ("Zantor said", "Zantor's shares"): an
        unknown name elsewhere is as often a product or a place as the company a description recalls."""
        span = self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in SUBJECT_DEPS | {"poss"}

    def _names_a_product(self, candidate: Candidate) -> bool:
        """ "the Falcon's bodyshell", "the Nasdaq index", "Zantor instant messenger": a name after a
        determiner, or one that modifies a noun that is no agent, names a product, not a company."""
        span = self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is None or not len(span):
            return True
        if span.start > 0 and self.doc[span.start - 1].lower_ in DEFINITE | INDEFINITE:
            return True
        root = span.root
        return root.dep_ == "compound" and root.head.i >= span.end and self._sector_match(root.head.i) is None \
            and not self._corporate_suffix_at(root.head.i)

    def _mostly_product(self, mentions: list[tuple[int, int]]) -> bool:
        """Whether most mentions of a name show it is a product or an index, not a company: the entity
        model tags it PRODUCT, a product noun follows it or sits inside it ("the Vexa laptop", "Orvix
        OS"; ``product_nouns.tsv``), or a determiner comes before it ("the new Vexa"). A brand takes
        the same nouns now and then ("Zantor phones"), hence most, not any."""
        products = [e for e in self.doc.ents if e.label_ == "PRODUCT"]
        shown = sum(1 for start, end in mentions if self._shows_product(start, end, products))
        return shown * 2 > len(mentions)

    def _shows_product(self, start: int, end: int, products: list[SpacySpan]) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        if any(e.start_char < end and start < e.end_char for e in products):
            return True
        nouns = self.lex.product_nouns
        words = [t.lower_ for t in span]
        inside = words + [" ".join(pair) for pair in zip(words, words[1:])]
        if any(nouns.get(word) for word in inside):
            return True
        after = [t.lower_ for t in self.doc[span.end:span.end + 2]]
        if after and (after[0] in nouns or " ".join(after) in nouns):
            return True
        if span.root.dep_ == "compound":
            return False  # "a former Zantor manager": the determiner is the manager's
        i = span.start - 1
        while i >= 0 and self.doc[i].pos_ == "ADJ":
            i -= 1
        return i >= 0 and self.doc[i].lower_ in DEFINITE | INDEFINITE

    def _code_organisation(self, identity: str, agent: str) -> None:
        """Give every uncoded mention of an organisation the agent its description says ("the company": BUS)."""
        for candidate in self.candidates:
            if candidate.identity == identity and candidate.code is None:
                candidate.code = UNKNOWN_COUNTRY + agent
                candidate.sector = self.lex.plover_sector_of_agent(agent)
                candidate.rule += CODED_BY_DESCRIPTION_RULE

    def _description_antecedent(self, start: int, fits: tuple[frozenset[str], bool], sentence: int,
                                sentence_of: dict[int, int], starts: list[int],
                                coding: bool = False) -> Candidate | None:
        """The nearest named organisation, or group of a fitting sector named by one ("al Shabaab
        fighters"), ending before ``start`` in the same paragraph or in the sentence before. With
        ``coding``, an organisation no lexicon codes, or one of no country but a fitting sector, fits
        too when it is a clause's subject or a possessor and no product's name."""
        sectors, any_organization = fits
        for candidate in sorted(self.candidates, key=lambda c: -c.end):
            if candidate.end > start or candidate.kind not in ("organization", "group") \
                    or candidate.rule in (CAPITAL_RULE, PLACE_RULE, DESCRIPTION_RULE):
                continue
            its_sentence = sentence_of[bisect.bisect_right(starts, candidate.start) - 1]
            if sentence - its_sentence > 1 and ("\n" in self.text[candidate.end:start]
                                                or sentence - its_sentence > PRONOUN_SENTENCE_WINDOW):
                return None
            code = candidate.code or ""
            country_coded = code[:3] in self.lex.countries or code.startswith(UNKNOWN_COUNTRY)
            sector = code[3:6] if country_coded else ""
            if coding and candidate.kind == "organization" and candidate.identity.startswith("org:") \
                    and (not code or sector in sectors):
                if self._names_a_product(candidate) or self._mostly_product(
                        [(c.start, c.end) for c in self.candidates if c.identity == candidate.identity]) \
                        or not (code or self._subject_or_possessor(candidate)):
                    continue
                return candidate
            if code.startswith(UNKNOWN_COUNTRY) or candidate.identity.startswith(("country:", "code:")):
                continue
            if sector in sectors or (any_organization and candidate.kind == "organization"
                                     and not (country_coded and sector in STATE_SECTORS)):
                return candidate
        return None

    # --- actors ---------------------------------------------------------------------------

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

    # --- pronouns -------------------------------------------------------------------------

    def _add_pronouns(self, actors: list[Actor]) -> None:
        token_actor: dict[int, Actor] = {}
        starts: list[int] = [t.idx for t in self.doc]
        for actor in actors:
            for mention in actor.mentions:
                first = bisect.bisect_left(starts, mention.start)
                for i in range(first, len(self.doc)):
                    if self.doc[i].idx >= mention.end:
                        break
                    token_actor.setdefault(i, actor)
        person_mentions = sorted(
            ((m.start, m.end, a) for a in actors if a.kind in ("person", "anonymous") for m in a.mentions),
            key=lambda item: (item[0], item[1]),
        )
        person_starts = [p[0] for p in person_mentions]
        quoted = _quoted_regions(self.text)
        sentence_of = {}
        for index, sentence in enumerate(self.doc.sents):
            for i in range(sentence.start, sentence.end):
                sentence_of[i] = index
        for token in self.doc:
            kind = self.lex.pronouns.get(token.lower_)
            if kind is None or token.i in token_actor:
                continue
            if kind in ("m", "f"):
                target = self._subject_antecedent(token, kind, token_actor, person_mentions, person_starts, quoted) \
                    or self._personal_antecedent(token, kind, person_mentions, person_starts, sentence_of,
                                                 self._clause_subject(token, token_actor))
            else:
                if _inside(token.idx, quoted):
                    continue
                target = self._thing_antecedent(token, kind, token_actor)
            if target is None:
                continue
            target.mentions.append(Mention(token.idx, token.idx + len(token.text), token.text, "actor:coref:pronoun"))
            token_actor[token.i] = target
            if kind in ("m", "f"):
                # "He said ... he added": the next pronoun may follow the chain back to its name
                place = bisect.bisect_left(person_starts, token.idx)
                person_starts.insert(place, token.idx)
                person_mentions.insert(place, (token.idx, token.idx + len(token.text), target))
            if token.dep_ == "poss":
                self._give_possessor_country(token, target, token_actor, actors)

    def _give_possessor_country(self, pronoun: Token, possessor: Actor, token_actor: dict[int, Actor],
                                actors: list[Actor]) -> None:
        """ "Putin said his forces ...", "Russia says its troops ...": a state body or force of unknown
        country owned by a pronoun that refers to a state actor (a country, or a person or organisation
        whose code names a country and a state sector) is that country's, one owned by an international
        body's pronoun that body's; the mention becomes an actor of its own."""
        owned = token_actor.get(pronoun.head.i)
        code = possessor.code or ""
        owned_code = (owned.code or "") if owned is not None else ""
        agent = owned_code[len(UNKNOWN_COUNTRY):]
        if owned is None or owned is possessor or possessor.kind == "group" or "," in code \
                or not owned_code.startswith(UNKNOWN_COUNTRY) or agent not in STATE_SECTORS - {"", "ELI"}:
            # "his relatives", "their fighters": only a state's own bodies and forces follow their owner
            return
        if code in self.lex.igo_names and agent in IGO_BRANCH_SECTORS:
            # "NATO said its troops ...": an international body's forces, as "NATO troops" (NATOMIL)
            owner_code, owner_name = code + agent, code
        elif code[:3] in self.lex.countries and code[3:6] in STATE_SECTORS:
            owner_code, owner_name = code[:3] + agent, self.lex.countries[code[:3]].adjective
        else:
            return
        mention = next((m for m in owned.mentions if m.start <= pronoun.head.idx < m.end), None)
        if mention is None:
            return
        owned.mentions.remove(mention)
        actor = Actor(id="", name=f"{owner_name} {mention.text.lower()}", kind=owned.kind, code=owner_code,
                      role=owned.role, mentions=[Mention(mention.start, mention.end, mention.text, POSSESSOR_RULE)],
                      rule=POSSESSOR_RULE, sector=owned.sector)
        actors.append(actor)
        for i, bearer in list(token_actor.items()):
            if bearer is owned and mention.start <= self.doc[i].idx < mention.end:
                token_actor[i] = actor

    def _subject_antecedent(self, token: Token, kind: str, token_actor: dict[int, Actor],
                            mentions: list[tuple[int, int, Actor]], starts: list[int],
                            quoted: list[tuple[int, int]]) -> Actor | None:
        """ "Brenn was charged in the inquiry into Veltman. He was convicted", "Vesk met the bankers,
        then Dunmore, where he denounced the treaty": a subject pronoun continues the topic, the named
        person who is subject of a clause governing it or, when it opens its sentence, of the previous
        sentence's main clause, rather than the person named last in an object or a phrase."""
        if token.dep_ not in SUBJECT_DEPS or "Nom" not in token.morph.get("Case") or _inside(token.idx, quoted):
            # "want him to resign" is no subject pronoun; one inside a quote speaks from its speaker's side
            return None
        governing = [child for ancestor in token.ancestors for child in ancestor.children]
        # and the subject of an adverbial clause before the pronoun ("When Smith lost, he resigned")
        opening = [child for clause in token.head.children if clause.i < token.i and clause.dep_ == "advcl"
                   for child in clause.children]
        for child in governing + opening:
            if child.dep_ in SUBJECT_DEPS and child.i < token.i:
                actor = self._person_of(child, kind, token_actor)
                if actor is not None:
                    return actor
        sentence = token.sent
        position = bisect.bisect_left(starts, token.idx)
        fronted = _fronted_modifiers(token)
        named_before = any(start >= sentence.start_char and not _inside(start, quoted + fronted)
                           for start, _, _ in mentions[:position])
        # "The party said he was ...": only a pronoun that opens its sentence looks back across it
        subject_before = any(t.dep_ in SUBJECT_DEPS and not _inside(t.idx, quoted)
                             for t in self.doc[sentence.start:token.i])
        if sentence.start == 0 or named_before or subject_before:
            return None
        previous = self.doc[sentence.start - 1].sent
        for clause in [previous.root] + [t for t in previous.root.children if t.dep_ == "conj"]:
            for child in clause.children:
                if child.dep_ in SUBJECT_DEPS:
                    return self._person_of(child, kind, token_actor)
        return None

    @staticmethod
    def _clause_subject(token: Token, token_actor: dict[int, Actor]) -> Actor | None:
        """The actor subject of the clause a non-reflexive object pronoun belongs to."""
        if token.dep_ not in OBJECT_PRONOUN_DEPS or "Yes" in token.morph.get("Reflex") + token.morph.get("Poss"):
            # "she hurt herself" is her; "he ended his" (his campaign) may well be him
            return None
        subjects = [c for c in token.head.children if c.dep_ in SUBJECT_DEPS and c.i < token.i]
        return token_actor.get(subjects[0].i) if subjects else None

    def _person_of(self, subject: Token, kind: str, token_actor: dict[int, Actor]) -> Actor | None:
        """The named person of a compatible gender a subject word stands for, if any ("the chief
        constable, Arno Vitt, wrote" stands for Arno Vitt through its apposition)."""
        actor = token_actor.get(subject.i)
        if actor is None:
            named = [token_actor[c.i] for c in subject.children if c.dep_ == "appos" and c.i in token_actor]
            actor = named[0] if named else None
        gender = self.genders.get(id(actor)) if actor is not None else None
        said_as = self.lex.pronouns.get(subject.lower_)
        if actor is None or actor.kind != "person" or gender not in (None, kind) \
                or (said_as in ("m", "f") and said_as != kind):
            return None
        return actor

    def _personal_antecedent(self, token: Token, kind: str, mentions: list[tuple[int, int, Actor]],
                             starts: list[int], sentence_of: dict[int, int],
                             own_subject: Actor | None = None) -> Actor | None:
        """ "he said" -> the most recently named person of a compatible gender; an object pronoun is
        never its own clause's subject ("Holm invited him" is not Holm)."""
        position = bisect.bisect_left(starts, token.idx)
        sentence = sentence_of.get(token.i, 0)
        fronted = _fronted_modifiers(token) if token.dep_ in SUBJECT_DEPS else []
        for start, end, actor in reversed(mentions[:position]):
            if end > token.idx or _inside(start, fronted):
                # "Speaking to Smith, he said": a subject pronoun is none of the names its own clause opens with
                continue
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and sentence - sentence_of.get(span.start, 0) > PRONOUN_SENTENCE_WINDOW:
                return None
            if actor is own_subject:
                continue
            gender = self.genders.get(id(actor))
            said_as = self.lex.pronouns.get(self.text[start:end].lower())
            if said_as in ("m", "f") and said_as != kind:
                # "lift her ban. Both he and ...": a pronoun's own gender tells whom it stood for
                continue
            if gender is None or gender == kind:
                return actor
        return None

    def _thing_antecedent(self, token: Token, kind: str, token_actor: dict[int, Actor]) -> Actor | None:
        """ "Russia says it wants" -> Russia: the subject of a governing clause, else of the last sentence."""
        wanted = ("country", "organization") if kind == "n" else ("group",)
        if kind == "n" and token.lower_ == "it" and token.dep_ == "expl":
            return None
        for ancestor in token.ancestors:
            for child in ancestor.children:
                if child.dep_ in SUBJECT_DEPS and child.i < token.i and child.i != token.i:
                    actor = token_actor.get(child.i) or _subject_actor(child, token_actor)
                    if actor is not None and actor.kind in wanted:
                        return actor
        if token.lower_ not in ("its", "their", "they"):
            return None
        sentence = token.sent
        if sentence.start == 0 or not _first_clause(token):
            return None
        previous = self.doc[sentence.start - 1].sent
        for child in previous.root.children:
            if child.dep_ in SUBJECT_DEPS:
                actor = token_actor.get(child.i) or _subject_actor(child, token_actor)
                if actor is not None and actor.kind in wanted:
                    return actor
        return None

    # --- output ---------------------------------------------------------------------------

    def _code_employers(self, actors: list[Actor]) -> None:
        """An organisation no lexicon knows is a company (---BUS) when the text names its business
        officer ("the chief executive of Zantor", "Zantor's chief executive", "its CEO") or something
        only a company owns ("Zantor shares", "the stock of Zantor": ``company_evidence_nouns.txt``);
        a product's or an index's name is none ("Vexa laptop sales")."""
        for actor in actors:
            if actor.code is not None or actor.kind != "organization" \
                    or self._mostly_product([(m.start, m.end) for m in actor.mentions]):
                continue
            for mention in actor.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None and len(span) and (self._business_officer_of(span.root)
                                                       or self._company_possession_of(span.root)):
                    actor.code = UNKNOWN_COUNTRY + BUSINESS_SECTOR
                    actor.sector = self.lex.plover_sector(actor.code)
                    break

    def _code_short_names(self, actors: list[Actor]) -> None:
        """ "Zantor Inc." or "Zantor Group" coded a company, then "Zantor" alone: an uncoded
        organisation whose name opens a company's longer name, with at most
        ``SHORT_NAME_MAX_DROPPED_WORDS`` words more, is that company and takes its code."""
        companies = [a for a in actors if a.kind == "organization" and a.code and a.code.endswith(BUSINESS_SECTOR)]
        for actor in actors:
            if actor.code is not None or actor.kind != "organization":
                continue
            short = normalize(actor.name)
            codes = {c.code for c in companies
                     if normalize(c.name).startswith(short + " ")
                     and len(normalize(c.name)[len(short):].split()) <= SHORT_NAME_MAX_DROPPED_WORDS}
            if len(codes) == 1:
                actor.code = codes.pop()
                actor.sector = self.lex.plover_sector(actor.code)
                actor.rule += SHORT_NAME_RULE

    def _code_companies_conjoined(self, actors: list[Actor]) -> None:
        """ "the strategies of Zantor and Brenko", "staff of Brenko and German airline Nordair": an
        uncoded organisation coordinated with a company (a country's or none's) is a company too."""
        company_tokens: set[int] = set()
        for actor in actors:
            if actor.kind == "organization" and actor.code and actor.code.endswith(BUSINESS_SECTOR):
                for mention in actor.mentions:
                    span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                    company_tokens.update(range(span.start, span.end) if span is not None else ())
        if not company_tokens:
            return
        for actor in actors:
            if actor.code is not None or actor.kind != "organization":
                continue
            for mention in actor.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                root = span.root
                partners = [root.head] if root.dep_ == "conj" else []
                partners += [child for child in root.children if child.dep_ == "conj"]
                if any(partner.i in company_tokens for partner in partners):
                    actor.code = UNKNOWN_COUNTRY + BUSINESS_SECTOR
                    actor.sector = self.lex.plover_sector(actor.code)
                    actor.rule += CONJOINED_COMPANY_RULE
                    break

    @staticmethod
    def _owned_noun(name: Token) -> Token | None:
        """The noun a name owns or modifies: "Zantor's shares", "Zantor CEO", "the stock of Zantor"."""
        if name.dep_ in ("compound", "poss"):
            return name.head
        if name.dep_ == "pobj" and name.head.lower_ == "of":
            return name.head.head
        return None

    def _company_possession_of(self, name: Token) -> bool:
        owned = self._owned_noun(name)
        if owned is None:
            return False
        two_words = f"{self.doc[owned.i - 1].lower_} {owned.lower_}" if owned.i > 0 else ""
        return owned.lower_ in self.lex.company_evidence_nouns or two_words in self.lex.company_evidence_nouns

    def _business_officer_of(self, name: Token) -> bool:
        officer = self._owned_noun(name)
        if officer is None:
            return False
        # "Zantor President and Chief Executive": a business office conjoined with the title counts
        return self._business_title(officer.i) or any(child.dep_ == "conj" and self._business_title(child.i)
                                                      for child in officer.children)

    def _home_country(self, actors: list[Actor]) -> str | None:
        """The one country a report is about, when its named actors and places leave no doubt:
        the most-mentioned country has at least ``HOME_COUNTRY_MIN_MENTIONS`` mentions, half of
        all mentions of a country and ``HOME_COUNTRY_LEAD`` times as many as the next one.
        Pronouns and other references back do not count; international bodies are no country."""
        counts: dict[str, int] = {}
        for actor in actors:
            if actor.country in self.lex.countries and actor.rule != HOME_BODY_RULE:
                named = sum(1 for m in actor.mentions if not m.rule.startswith("actor:coref"))
                counts[actor.country] = counts.get(actor.country, 0) + named
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        top, top_count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if top_count < HOME_COUNTRY_MIN_MENTIONS or top_count * 2 < sum(counts.values()) \
                or top_count < HOME_COUNTRY_LEAD * runner_up:
            return None
        return top

    def _give_home_country(self, actors: list[Actor]) -> None:
        """A police force, a party or "the president" whose country the words around it leave
        open ("---COP") belongs to the country the whole report is about ("Serbian protesters
        clashed with police" -> SRBCOP), unless its sentence names another country or its phrase
        says it is foreign or spans several countries ("the two leaders", "authorities across
        the globe"). Lexicon entries keep their own code: "---" there is deliberate."""
        home = self._home_country(actors)
        if home is None:
            return
        sentence_countries: dict[int, set[str]] = {}
        for actor in actors:
            if actor.country in self.lex.countries and actor.rule != HOME_BODY_RULE:
                for mention in actor.mentions:
                    sentence_countries.setdefault(self._sentence_start(mention.start), set()).add(actor.country)
        for actor in actors:
            code = actor.code
            agent = code[len(UNKNOWN_COUNTRY):] if code and code.startswith(UNKNOWN_COUNTRY) else None
            if actor.rule == HOME_BODY_RULE and code:
                agent = code[3:]  # "the Labour Party": the lexicon's country only without a home country
            elif agent not in self.lex.home_sectors:
                continue
            elif actor.rule.startswith("actor:lexicon") or (actor.kind == "person"
                                                            and normalize(actor.name) in self.lex.people):
                continue
            own = [m for m in actor.mentions if not m.rule.startswith("actor:coref")]
            if any(self._foreign_scope(mention) for mention in own):
                continue
            abroad = sum(1 for m in own if sentence_countries.get(self._sentence_start(m.start), set()) - {home})
            if abroad * 2 > len(own):
                continue
            actor.code = home + agent

    def _sentence_start(self, offset: int) -> int:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span.sent.start if span is not None and len(span) else -1

    def _foreign_scope(self, mention: Mention) -> bool:
        """Whether the phrase of a mention says its members are foreign or from several countries,
        in its own words or in a phrase right after it ("authorities across the globe to ...")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        words = list(span.root.subtree)
        for token in self.doc[span.end:min(span.end + FOLLOWING_PHRASE_TOKENS, span.sent.end)]:
            if token.pos_ in ("VERB", "AUX", "PART", "PUNCT", "SCONJ", "PRON"):
                break
            words.append(token)
        return any(t.lower_ in self.lex.foreign_scope_words for t in words)

    def _finish(self, actors: list[Actor]) -> ActorTable:
        for actor in actors:
            actor.mentions = _dedupe(actor.mentions)
        actors = [a for a in actors if a.mentions]
        actors.sort(key=lambda a: (a.mentions[0].start, a.mentions[0].end))
        for number, actor in enumerate(actors, start=1):
            actor.id = f"a{number}"
        return ActorTable(actors)


def _combine(igo: str | None, org: str | None, country: str | None, region: str | None, sector: str) -> tuple[str | None, int]:
    """IGO staff take the IGO's code; a body's staff its code; else place + sector."""
    national_sector = sector if sector not in ("IGO", "ALLY") else ""
    if igo:
        return igo + (sector if sector in IGO_BRANCH_SECTORS and not igo.startswith(("IGO", "NGO")) else ""), 3
    if org:
        # "a former CIA official": a former official of a national body is its country's elite
        return (org[:3] + "ELI" if sector == "ELI" and org[:3].isalpha() and len(org) == 6 else org), 3
    if country:
        return country + national_sector, 3
    if region:
        return region + national_sector, 2
    if national_sector:
        # Phoenix convention: an agent of unknown nationality is "---" + sector ("---REB").
        return UNKNOWN_COUNTRY + national_sector, 1
    return None, 1


def _mostly_latin(text: str) -> bool:
    """Whether most letters of a text are Latin ones (accented included)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250")
    return not letters or latin * 2 >= len(letters)


def _title_cased(sentence: SpacySpan) -> bool:
    """A headline written in title case: three or more words of four letters or more, every one
    of them capitalised."""
    words = [t.text for t in sentence if t.is_alpha and len(t.text) >= 4]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)


def _end_of_route(place: Token) -> bool:
    """ "moved its embassy from Tel Aviv to Jerusalem", "the flight from London to Sydney": either end
    of a "from ... to" route is a place, not its government ("a protest from Beijing" stays one)."""
    preposition = place.head
    other = {"from": "to", "to": "from"}.get(preposition.lower_)
    if other is None:
        return False
    around = list(preposition.head.children) + list(place.children)
    if preposition.head.dep_ == "pobj" and preposition.head.head.lower_ == other:
        return True
    doc = place.doc
    # however the parser attached them, "from X to Y" written in a row is a route
    if other == "to" and place.right_edge.i + 1 < len(doc) and doc[place.right_edge.i + 1].lower_ == "to":
        return True
    before = doc[preposition.i - 1] if preposition.i > 0 else None
    if other == "from" and before is not None and before.dep_ == "pobj" and before.head.lower_ == "from":
        return True
    return any(t.dep_ == "prep" and t.lower_ == other and t.i != preposition.i for t in around)


def _refines(described: str | None, known: str | None) -> bool:
    """ "Bree Prime Minister Romendacil" with Romendacil listed as BRE: the title adds a sector to
    the listed country (BREGOV), so the text's description wins over an equally sure lexicon; as
    PETRARCH codes a noun phrase by its first actor, "Ithilen's minister Calimehtar" is ITHGOV
    even where the lexicon lists Calimehtar with another bare country."""
    return bool(described and known and len(known) == 3 and len(described) > 3
                and not described.startswith(UNKNOWN_COUNTRY))


def _modifies_within(token: Token, head: Token) -> bool:
    """Whether a word before an agent noun modifies it through words between the two only ("high
    ranking military personnel", "labor and employment ministry"); a finite verb read as a
    modifier ("Soldiers from Mali attacked rebels") ends the phrase."""
    if token.dep_ not in PHRASE_MODIFIER_DEPS or token.tag_ in FINITE_VERB_TAGS:
        return False
    current = token
    while current.i != head.i:
        parent = current.head
        if parent.i == current.i or not (head.left_edge.i <= parent.i <= head.i) or parent.tag_ in FINITE_VERB_TAGS:
            return False
        current = parent
    return True


def _former_word(token: Token) -> bool:
    """ "former", "ex-": the holder no longer holds the office."""
    return token.lower_ in FORMER_WORDS or token.lower_.startswith("ex-")


def _describing_word(token: Token) -> bool:
    """A lower-case adjective or noun inside a title phrase ("hardline", "awful" and "evil"); not the end
    of a hyphenated word ("French-backed Prime Minister" is not French)."""
    after_hyphen = token.i > 0 and token.nbor(-1).text in ("-", "–") and not token.nbor(-1).whitespace_
    return token.text[:1].islower() and (token.pos_ in ("ADJ", "NOUN") or token.dep_ == "amod") and not after_hyphen


def _fragment_head(head: Token) -> bool:
    """A bare noun heading a verbless fragment ("soldier", "Defense Minister" as a headline or
    label) names an agent even without a determiner."""
    return head.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in head.sent)


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


def _subject_actor(token: Token, token_actor: dict[int, Actor]) -> Actor | None:
    for child in token.subtree:
        actor = token_actor.get(child.i)
        if actor is not None:
            return actor
    return None


def _first_clause(token: Token) -> bool:
    """Whether no clause subject stands between the sentence start and the pronoun."""
    for other in token.sent:
        if other.i >= token.i:
            return True
        if other.dep_ in SUBJECT_DEPS:
            return False
    return True


def _fronted_modifiers(subject: Token) -> list[tuple[int, int]]:
    """The character ranges of the adverbial phrases that open a subject's clause ("Speaking to
    Smith, he said", "In an interview with the Courier, she said"): a name there is not the subject. A
    clause with a subject of its own ("When Smith lost, he resigned") is no such phrase."""
    clauses = [subject.head]
    if subject.head.dep_ == "parataxis":
        # "Speaking to Smith, he said, "...": the parser hangs the phrase on the quoted clause
        clauses.append(subject.head.head)
    return [(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
            for clause in clauses for child in clause.children
            if child.i < subject.i and child.dep_ in FRONTED_MODIFIER_DEPS
            and not any(grandchild.dep_ in SUBJECT_DEPS for grandchild in child.children)]


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    for match in re.finditer(r"“[^”]*”|\"[^\"]*\"|«[^»]*»", text):
        regions.append((match.start(), match.end()))
    return regions


def _inside(offset: int, regions: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in regions)
