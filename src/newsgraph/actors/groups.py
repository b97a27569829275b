"""Groups named by agent nouns ("US officials", "a rebel group") and how a compound phrase splits.

"Russian and Belarusian soldiers" are two actors, "lawmakers in Fornost and Gondor" four; a body
noun after an agent noun is the actor, and a generic position takes the sector of its body.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.actors.lexicon import PLACE_RULE, Entry, Match, normalize
from newsgraph.actors.state import (CAPITAL_RULE, CONJUNCTIONS, DEFINITE, FINITE_VERB_TAGS, IGO_BRANCH_SECTORS,
                                    INDEFINITE, NEGATING_PREFIXES, STATE_SECTORS, UNKNOWN_COUNTRY, Candidate,
                                    ResolutionState)
from newsgraph.records import ActorKind


QUANTIFIERS = {"some", "several", "many", "few", "most", "all", "other", "both", "thousands", "hundreds", "dozens", "more"}
#: Added to a position's rule when the body, country or person its "for"/"to" phrase names gave the code.
PRINCIPAL_RULE = "+principal"
#: Added to a position's rule when its "for"/"to" phrase names a company or person no lexicon codes (no code).
UNKNOWN_PRINCIPAL_RULE = "+unknown-principal"
#: Added to a bare "officers" coded COP because the last armed body the text named was the police.
POLICE_CONTEXT_RULE = "+police-context"
#: Dependencies of the words inside an agent noun's phrase, before the noun.
PHRASE_MODIFIER_DEPS = {"compound", "amod", "nmod", "advmod", "cc", "conj", "npadvmod"}


class GroupsMixin(ResolutionState):
    """Agent-noun groups and unnamed office holders ("US officials", "a rebel group"), split into actors."""

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


def _fragment_head(head: Token) -> bool:
    """A bare noun heading a verbless fragment ("soldier", "Defense Minister" as a headline or
    label) names an agent even without a determiner."""
    return head.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in head.sent)
