"""Countries, capitals, places and national bodies the lexicon names, and the report's home country.

A capital is its government unless a locative preposition makes it a place; a name several
countries' bodies share takes the country the text gives, else the report's home country.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.actors.lexicon import PLACE_RULE, Match, normalize
from newsgraph.actors.state import (CAPITAL_RULE, FINITE_VERB_TAGS, NEGATING_PREFIXES, SUBJECT_DEPS, UNKNOWN_COUNTRY,
                                    Candidate, ResolutionState)
from newsgraph.records import Actor, ActorKind, Mention


#: A name several countries' bodies share ("Labour Party", a "Security Council") coded with the country the text gives.
NATIONAL_BODY_RULE = "actor:lexicon:national-body"
#: The same name left to the report's home country, which is known only once actors are built.
HOME_BODY_RULE = "actor:lexicon:national-body-of-home"
LOCATIVE_PLACE_RULE = "actor:lexicon:place-in"
COMPASS_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts"}
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into", "via"}
#: Small words an abbreviation skips ("Organization *of the* Petroleum Exporting Countries").
ABBREVIATION_GLUE_WORDS = {"of", "the", "and", "for", "on", "in", "de", "&"}
#: How clearly one country must lead a report's country mentions to be its home country.
HOME_COUNTRY_MIN_MENTIONS = 3
HOME_COUNTRY_LEAD = 2
#: How far after a group's name a phrase that places it abroad is looked for.
FOLLOWING_PHRASE_TOKENS = 5


class PlacesMixin(ResolutionState):
    """Named countries, capitals and other metonyms, places, national bodies and the report's home country."""

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
