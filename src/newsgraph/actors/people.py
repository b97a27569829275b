"""People: named persons, their surnames and the unnamed title holders that refer to them.

A lone surname joins the full name used elsewhere; "a Kremlin spokesman" joins the one named
person holding that title; "Mr President" in a transcript addresses the partner holding it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.actors.lexicon import ETHNIC_RULE, PLACE_RULE, Entry, Match, normalize
from newsgraph.actors.state import DEFINITE, INDEFINITE, SUBJECT_DEPS, UNKNOWN_COUNTRY, Candidate, ResolutionState


ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
#: Added to a vocative title's rule ("Mr President") when a transcript's turn says whom it addresses.
ADDRESSEE_RULE = "+addressee"
#: How many words a transcript's speaker label may have ("President of Syldavia Ivan Petrov").
SPEAKER_LABEL_MAX_WORDS = 14
#: Lower-case words a speaker label's title may hold ("President of the Republic of Ruritania Ivan Petrov").
SPEAKER_LABEL_GLUE_WORDS = {"of", "the", "and", "for", "de", "al", "bin", "von", "van", "der", "–", "-"}
#: Entity labels the small entity model gives a person's name it does not recognise as one.
MISLABELLED_PERSON_LABELS = {"FAC", "ORG", "GPE", "LOC", "PRODUCT"}
MISLABELLED_PERSON_RULE = "actor:ner:given-name-entity"


class PeopleMixin(ResolutionState):
    """Named people: finding them, joining a surname to the full name, and linking unnamed title holders to them."""

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
            split = self._name_after_place(ent)
            if split is not None:
                place, name_start = split
                add(self._person(name_start, ent.end, "actor:ner:name-after-place"), name_start, ent.end)
                # the place is a place again: "President of Moldova" describes the person after it
                for i in range(place.start, place.end):
                    self.match_of.setdefault(i, place)
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

    def _name_after_place(self, ent: SpacySpan) -> tuple[Match, int] | None:
        """ "Senator from Vermont Bernie Sanders" with "Vermont Bernie Sanders" tagged as an
        organisation: a place's name, then a known given name and capitalised words, is a place
        and a person (the place's match and the first token of the name). After a title's "of" or
        "from" ("President of Turkmenistan Gurbanguly Berdimuhamedov") any given name will do."""
        if ent.label_ not in ("ORG", "GPE", "NORP", "FAC"):
            return None
        # the place inside the entity is dropped from the name matches ("Warsaw" in "Warsaw Pact")
        place = next((m for m in self.all_matches if m.start == ent.start and m.entry.kind != "sector"), None)
        if place is None or ent.end - place.end < 2 \
                or not (place.entry.kind == "country" or place.entry.rule == PLACE_RULE):
            return None
        words = self.doc[place.end:ent.end]
        lowered = {w.lower_ for w in words}
        titled = place.start >= 2 and self.doc[place.start - 1].lower_ in ("of", "from") \
            and self._sector_match(place.start - 2) is not None \
            and not lowered & (self.lex.body_nouns | self.lex.non_person_name_words | set(self.lex.org_keywords))
        if not (titled or words[0].text in self.lex.first_names) \
                or not all(w.is_alpha and w.text[:1].isupper() and w.i not in self.match_of for w in words):
            return None
        return place, place.end

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
        """A lone surname ("Smith", "Mr Putin", "bin Ladin") joins the full name used elsewhere in the text."""
        full_names: dict[str, str] = {}
        full_by_first_use: dict[str, str] = {}
        full_by_first_word: dict[str, set[str]] = {}
        for candidate in persons:
            words = candidate.name.split()
            if len(words) >= 2 and not _surname_alone(words):
                full_by_first_use.setdefault(normalize(words[-1]), candidate.name)
                full_by_first_word.setdefault(normalize(words[0]), set()).add(candidate.name)
        for candidate in persons:
            words = candidate.name.split()
            if (len(words) >= 2 and not _surname_alone(words)) or candidate.identity != f"person:{candidate.name}":
                full_names[normalize(words[-1])] = candidate.identity.split(":", 1)[1]
                continue
            surname = normalize(words[-1]) if words else ""
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
        if not title.title_word or not re.search(rf"\b{re.escape(title.title_word)}\b", role):
            return False  # a word of the role: "the president" is no "presidential envoy"
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


def _surname_alone(words: list[str]) -> bool:
    """A surname with its lower-case particles and no given name ("bin Ladin", "de Gaulle")."""
    return len(words) >= 2 and all(word.islower() for word in words[:-1])
