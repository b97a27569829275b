"""Cleaning the entity model's names and the lexicon's matches before any mention is formed.

Title-cased headlines merge names, a sentence's first word is often no name, a shared name
("Congo", "Cambridge") needs the rest of the text, and "Warsaw" in "Warsaw Pact" is no mention.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.actors.lexicon import PLACE_RULE, Match, normalize
from newsgraph.actors.state import CONJUNCTIONS, DEFINITE, ResolutionState


#: Parts of speech of a sentence's first word that the entity model wrongly takes into a name.
NON_NAME_OPENERS = {"AUX", "ADV", "CCONJ", "SCONJ", "ADP", "DET", "PRON", "PART", "INTJ"}


class EntityMixin(ResolutionState):
    """Entities as names: headline cuts, sentence openers, shared names and names inside longer ones."""

    def _clean_entities(self, entities: list[SpacySpan]) -> list[SpacySpan]:
        """Entities as names: a sentence's capitalised first word that is no name ("Neither
        Dasbach nor ...", "Regarding Ashodaya, ...", "Morally, ...") leaves the entity, and
        entities in a sentence not written in Latin script (a quoted Hindi line), or themselves not
        written in it (Hindi words in a line that mixes in English ones), are dropped, since the
        English entity model only guesses there."""
        cleaned: list[SpacySpan] = []
        for ent in entities:
            if not (_mostly_latin(ent.sent.text) and _mostly_latin(ent.text)):
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
            if match.entry.kind == "person" and match.end == ent.end and match.end - match.start >= 2:
                # "Federation Council Speaker Valentina Matviyenko" tagged as one organisation: a
                # known person's full name ends titles, not the names of bodies
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


def _mostly_latin(text: str) -> bool:
    """Whether most letters of a text are Latin ones (accented included)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250")
    return not letters or latin * 2 >= len(letters)


def title_cased(sentence: SpacySpan) -> bool:
    """A headline written in title case: three or more words of four letters or more, every one
    of them capitalised."""
    words = [t.text for t in sentence if t.is_alpha and len(t.text) >= 4]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)
