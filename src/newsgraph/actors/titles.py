"""Titles and agent phrases: the role, CAMEO code and PLOVER sector they give their holder.

Kept apart from the people who hold them because groups ("US officials") are coded the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.actors.lexicon import ETHNIC_RULE, PLACE_RULE, Entry, KnownPerson, Match, normalize
from newsgraph.actors.state import (BUSINESS_SECTOR, CAPITAL_RULE, CONJUNCTIONS, DEFINITE, INDEFINITE, STATE_SECTORS,
                                    SUBJECT_DEPS, UNKNOWN_COUNTRY, Candidate, ResolutionState)


#: Added to a person's rule when the "of" phrase after the name gives its country or body.
NAME_OF_RULE = "+name-of"
#: Added to a person's rule when a nationality word with no agent noun gave the country alone.
NATIONALITY_RULE = "+nationality"
MAX_PREMODIFIER_TOKENS = 8
FORMER_WORDS = {"former", "ex", "onetime", "erstwhile"}


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


class TitlesMixin(ResolutionState):
    """What a title, apposition or agent phrase says about its holder: role, CAMEO code and PLOVER sector."""

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


def _refines(described: str | None, known: str | None) -> bool:
    """ "Bree Prime Minister Romendacil" with Romendacil listed as BRE: the title adds a sector to
    the listed country (BREGOV), so the text's description wins over an equally sure lexicon; as
    PETRARCH codes a noun phrase by its first actor, "Ithilen's minister Calimehtar" is ITHGOV
    even where the lexicon lists Calimehtar with another bare country."""
    return bool(described and known and len(known) == 3 and len(described) > 3
                and not described.startswith(UNKNOWN_COUNTRY))


def _former_word(token: Token) -> bool:
    """ "former", "ex-": the holder no longer holds the office."""
    return token.lower_ in FORMER_WORDS or token.lower_.startswith("ex-")


def _describing_word(token: Token) -> bool:
    """A lower-case adjective or noun inside a title phrase ("hardline", "awful" and "evil"); not the end
    of a hyphenated word ("French-backed Prime Minister" is not French)."""
    after_hyphen = token.i > 0 and token.nbor(-1).text in ("-", "–") and not token.nbor(-1).whitespace_
    return token.text[:1].islower() and (token.pos_ in ("ADJ", "NOUN") or token.dep_ == "amod") and not after_hyphen
