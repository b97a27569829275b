"""Organisations no lexicon knows, and names that other mentions make refer to a known one.

The code of an unknown organisation comes from the words around and inside its name; "the
alliance" joins NATO when NATO is named, and an abbreviation in brackets joins its full name.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.actors.lexicon import ETHNIC_RULE, PLACE_RULE, Match, normalize
from newsgraph.actors.state import (BUSINESS_SECTOR, CAPITAL_RULE, DEFINITE, IGO_BRANCH_SECTORS, INDEFINITE,
                                    UNKNOWN_COUNTRY, Candidate, ResolutionState)


#: Added to an unknown organisation's rule when a country named inside its name gave the country.
COUNTRY_IN_NAME_RULE = "+country-in-name"
#: Added to an unknown organisation's rule when a legal suffix ("Ltd", "GmbH") made it a company.
CORPORATE_SUFFIX_RULE = "+corporate-suffix"
#: Added to an unknown organisation's rule when an apposition headed by a business noun made it a company.
BUSINESS_APPOSITION_RULE = "+business-apposition"
MAX_ORGANISATION_DESCRIPTION_TOKENS = 6


class OrganisationsMixin(ResolutionState):
    """Organisations no lexicon knows, context aliases ("the alliance") and abbreviations."""

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

    def _join_description(self, organisation: Candidate, head: int) -> None:
        """ "UK-based retailer Tesco": the agent phrase before the name is a mention of the organisation."""
        for candidate in self.candidates:
            if candidate.head == head and candidate.kind in ("group", "anonymous"):
                candidate.identity, candidate.name, candidate.kind = organisation.identity, organisation.name, "organization"
                candidate.code, candidate.sector = organisation.code, organisation.sector
                candidate.rule = "actor:coref:description"

    def _document_name(self, start: int, end: int) -> bool:
        """ "the National Emergencies Act", "Ballot Interference Prevention Act (BIPA)", "Treaty on
        Open Skies": a law's or treaty's name (``document_words.txt``: ending in such a word, or
        opening with one and "on" or "of"), or the abbreviation a text gives one, is no actor."""
        if self.doc[end - 1].text in self.lex.document_words and end - start >= 2:
            return True
        if end - start >= 3 and self.doc[start].text in self.lex.document_words \
                and self.doc[start + 1].lower_ in ("on", "of", "for", "between"):
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
