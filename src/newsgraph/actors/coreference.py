"""Coreference: definite descriptions ("the group") and pronouns joined to the actor they refer to.

Runs after actors are built for pronouns, since a pronoun needs the actors' kinds and genders.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.tokens import Token

from newsgraph.actors.lexicon import PLACE_RULE
from newsgraph.actors.state import (CAPITAL_RULE, IGO_BRANCH_SECTORS, STATE_SECTORS, SUBJECT_DEPS, UNKNOWN_COUNTRY,
                                    Candidate, ResolutionState)
from newsgraph.records import Actor, Mention


# a pronoun's relations to its verb that make it an object of that verb
OBJECT_PRONOUN_DEPS = {"dobj", "dative"}
# dependents that open a clause as an adverbial phrase, before its subject
FRONTED_MODIFIER_DEPS = {"advcl", "prep", "npadvmod", "advmod", "pcomp"}
DESCRIPTION_RULE = "actor:coref:definite-description"
NAME_HEAD_RULE = "actor:coref:name-head"
#: Words before the head word that make it recall the name ("our Union" in a member's speech).
NAME_HEAD_DETERMINERS = {"the", "our", "this"}
POSSESSOR_RULE = "actor:coref:possessor-country"
#: Added to an unknown organisation's rule when a description referring back to it ("the company") gave its agent.
CODED_BY_DESCRIPTION_RULE = "+coded-by-description"
#: Dependents a definite description may have and still refer back ("the group's", "the group ,").
DESCRIPTION_DEPS = {"det", "case", "punct"}
PRONOUN_SENTENCE_WINDOW = 6


class CoreferenceMixin(ResolutionState):
    """Definite descriptions ("the group") and pronouns joined to the actor they refer to."""

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
            self._recall(own, (s, e, text), token, antecedent, DESCRIPTION_RULE, "group")

    def _link_name_heads(self) -> None:
        """ "The Eurasian Economic Union ... the union", "the Federation Council ... the council":
        "the" ("our", "this") and the head word of an organisation's name recall the one named most
        before it in the document (the nearest of equals); a description with modifiers of its own ("the union of
        workers") is left alone, and one the document names no such organisation for keeps its
        agent ("the union" of workers: LAB)."""
        by_head: dict[str, list[Candidate]] = {}
        for candidate in self.candidates:
            if candidate.kind == "organization" and candidate.code and candidate.rule not in (
                    CAPITAL_RULE, PLACE_RULE, DESCRIPTION_RULE, NAME_HEAD_RULE):
                head = _name_head(candidate.name)
                if head is not None:
                    by_head.setdefault(head, []).append(candidate)
        if not by_head:
            return
        for token in self.doc[1:]:
            named = by_head.get(token.lower_) or by_head.get(token.lemma_.lower())
            if not named or self.doc[token.i - 1].lower_ not in NAME_HEAD_DETERMINERS or token.dep_ == "compound" \
                    or any(child.dep_ not in DESCRIPTION_DEPS | {"cc", "conj"}
                           and not (child.dep_ == "poss" and child.lower_ in NAME_HEAD_DETERMINERS)
                           for child in token.children) \
                    or (token.i + 1 < len(self.doc) and self.doc[token.i + 1].pos_ == "PROPN"):
                continue
            s, e, text = self._span_text(token.i - 1, token.i + 1)
            before = [c for c in named if c.end <= s]
            if not before:
                continue
            # the organisation named most so far, its members included ("our Union" in a speech on
            # the Eurasian one that once names the African Union), the nearest of equals
            named_so_far = Counter(c.code for c in self.candidates if c.end <= s and c.code)
            antecedent = max(before, key=lambda c: (named_so_far[c.code], c.end))
            own = next((c for c in self.candidates
                        if (c.kind in ("group", "anonymous") or c.rule.startswith("actor:group:"))
                        and (c.head == token.i or s <= c.start < c.end <= e)), None)
            self._recall(own, (s, e, text), token, antecedent, NAME_HEAD_RULE, "organization")

    def _recall(self, own: Candidate | None, span: tuple[int, int, str], token: Token, antecedent: Candidate,
                rule: str, kind: str) -> None:
        """Make the mention at ``span`` (its own candidate, or a new one where the span is free) a
        mention of ``antecedent``."""
        if own is None:
            s, e, text = span
            if not self._is_free(s, e):
                return
            own = Candidate(s, e, text, rule, "", "", kind, head=token.i)
            self.candidates.append(own)
            self._take(s, e)
        own.identity, own.name, own.kind = antecedent.identity, antecedent.name, antecedent.kind
        own.code, own.sector, own.quality = antecedent.code, antecedent.sector, antecedent.quality
        own.rule = rule

    def _subject_or_possessor(self, candidate: Candidate) -> bool:
        """Whether a name is a clause's subject or a possessor ("Zantor said", "Zantor's shares"): an
        unknown name elsewhere is as often a product or a place as the company a description recalls."""
        span = self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in SUBJECT_DEPS | {"poss"}

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


def _name_head(name: str) -> str | None:
    """The head word of a name of several words, lower case: its last word, or the one before an
    "of" phrase ("Bank of Russia" -> "bank"); None for a one-word name."""
    words = name.split()
    if len(words) < 2:
        return None
    if "of" in words[1:]:
        words = words[:words.index("of", 1)]
    head = words[-1].lower()
    return head if head.isalpha() else None
