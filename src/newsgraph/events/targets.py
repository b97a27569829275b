"""The targets of a verbal event: objects, indirect and prepositional objects, the subject of a
demanded clause, a purpose's or result's target, a transfer's beneficiary, an anaphoric object
pointing at an earlier event, and the clause's place as a last resort.

This is the largest single question of coding a verb, hence its own module.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.events.ontology import Trigger
from newsgraph.events.selection import _refines
from newsgraph.events.state import (
    JOINT_CODES, JOINT_TYPES, LOCATIVE_TARGET, NOUN_POS, OWNER_DEPS, SUBJECT_DEPS, VERBAL_COOPERATION_QUAD,
    VERB_POS, CoderState, _Context, Found, _unique,
)
from newsgraph.events.tree import (
    _core_tokens, _for_clause, _has_no_subject, _is_country, _is_infinitive, _is_place, _location_prep,
)


# Types that comment on another act, so "rejected such demands" can point back at the demand.
REACTIVE_TYPES = frozenset({"REJECT", "ACCUSE", "SUPPORT", "AGREE", "CONCEDE"})
# The object slots of a transfer that can hold its cargo ("sent troops", "offered to send troops").
CARGO_SLOTS = frozenset({"dobj", "xcomp-obj"})
# Acts whose purpose clause names a topic rather than a target ("marched to protest attacks on
# protesters", "met to discuss trade", "demanding the right to appoint guardians for women");
# other acts may take the target their purpose names ("donated ventilators to assist X",
# "accepted an invitation to meet with X").
TOPIC_PURPOSE_TYPES = frozenset({"PROTEST", "CONSULT", "MOBILIZE", "REQUEST"})
# CAMEO quad classes of verbal and material conflict.
CONFLICT_QUADS = frozenset({3, 4})
MATERIAL_CONFLICT_QUAD = 4
ANAPHORIC_DETERMINERS = frozenset({"such", "these", "those", "this", "that", "the", "its", "their"})


class VerbTargetsMixin(CoderState):
    """The targets of a verbal event."""

    def _verb_targets(self, ctx: _Context, verb: Token, passive: bool, trigger: Trigger,
                      sources: list[Found]) -> list[Found]:
        source_ids = {s.actor.id for s in sources}
        served = self._beneficiary_of_transfer(ctx, verb, source_ids)
        if served:
            return served
        groups: list[tuple[str, list[Token]]] = []
        if passive:
            groups.append(("nsubjpass", [c for c in verb.children if c.dep_ == "nsubjpass"]))
            if verb.dep_ == "acl":
                groups.append(("acl-head", [verb.head]))
        children = list(verb.children)
        objects = [c for c in children if c.dep_ in ("dobj", "obj")]
        reactive = self.ontology.plover_of(trigger.cameo)[0] in REACTIVE_TYPES
        author_groups: list[tuple[str, list[Token]]] = []
        for obj in objects:
            # "welcomed memos sent by X", "rejected the proposal by X": a reaction is aimed at the
            # author of what it reacts to; any act at the author a participle's agent names.
            authors = [p for c in obj.children if c.dep_ == "prep" and c.lower_ in self.noun_source_preps
                       for p in c.children if p.dep_ == "pobj"] if reactive else []
            authors += [p for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                        for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            author_groups.append(("obj-author", authors))
        authors_first = reactive and not any(self._token_actor(ctx, token, "dobj") for obj in objects
                                             for token in (obj, *obj.children)
                                             if token is obj or token.dep_ in OWNER_DEPS)
        if authors_first:
            # "condemned the attack on X by Y": the author of the act reacted to, before whom the
            # act was aimed at, which the object's phrase names first (an object that is itself
            # an actor or names its owner, "praised the troops from X", "vetoed a UN resolution
            # presented by X", is aimed at).
            groups += author_groups
        groups.append(("dobj", objects))
        groups.append(("dative", [p for c in children if c.dep_ == "dative"
                                  for p in ([c] if c.pos_ != "ADP" else [g for g in c.children if g.dep_ == "pobj"])]))
        visit = trigger.cameo in self.visit_codes
        for child in children:
            if visit and child.lower_ in self.visit_origin_preps:
                continue
            if child.dep_ == "prep" and (child.lower_ in self.verb_target_preps
                                         or (visit and child.lower_ in self.visit_target_preps)):
                groups.append((f"prep:{child.lower_}", [p for p in child.children if p.dep_ == "pobj"]))
        for obj in objects:
            for child in obj.children:
                if child.dep_ == "prep" and child.lower_ in self.verb_target_preps - {"with", "from"}:
                    groups.append((f"obj-prep:{child.lower_}", [p for p in child.children if p.dep_ == "pobj"]))
        # "lifted a ban imposed on Chadian citizens", "cordoned off roads leading into X": an object
        # that names no one is described by a participle whose phrase names who it concerns.
        groups.append(("obj-participle", [p for obj in objects for clause in _participles(obj)
                                          for c in clause.children if c.dep_ == "prep"
                                          and c.lower_ in self.verb_target_preps - {"with", "from"}
                                          for p in c.children if p.dep_ == "pobj"]))
        groups.append(("obj-recipient", self._deep_recipients(objects)))
        if not authors_first:
            groups += author_groups
        for child in children:
            if child.dep_ == "ccomp":
                groups.append(("ccomp", [s for s in child.children if s.dep_ in ("nsubj", "nsubjpass")]))
            elif _for_clause(child):
                # "called for Russia to withdraw": who is asked is the "for" clause's subject, but
                # not a passive one ("called for his death to be investigated").
                groups.append(("for-clause", [s for s in child.children if s.dep_ == "nsubj"]))
            if child.dep_ == "xcomp":
                groups.append(("xcomp-obj", [o for o in child.children if o.dep_ in ("dobj", "obj")
                                             and not _own_possession(o)]))
        # "warned it might impose sanctions on Poland", "refused to withdraw its troops from
        # Ukraine": the embedded act's own target.
        for child in children:
            if child.dep_ in ("ccomp", "xcomp"):
                groups.append((f"{child.dep_}-target", [
                    p for c in child.children if (c.dep_ == "prep" and c.lower_ in self.verb_target_preps)
                    or (c.dep_ == "dative" and c.pos_ == "ADP") for p in c.children if p.dep_ == "pobj"]))
        # "agreed to lift its ban on US poultry": the embedded act's object names whom it concerns.
        for child in children:
            if child.dep_ == "xcomp":
                groups.append(("xcomp-obj-target", [
                    p for o in child.children if o.dep_ in ("dobj", "obj")
                    for c in o.children if c.dep_ == "prep" and c.lower_ in self.verb_target_preps - {"with", "from"}
                    for p in c.children if p.dep_ == "pobj"]))
        if not objects:
            # "rejects and condemns the decision": coordinated verbs share the object named last.
            groups.append(("conj-dobj", [o for c in children if c.dep_ == "conj" and _has_no_subject(c)
                                         for o in c.children if o.dep_ in ("dobj", "obj")]))
        instruments = {value for key, values in trigger.conditions if key == "obj" for value in values}
        joint = len(sources) >= 2 and (self.ontology.plover_of(trigger.cameo)[0] in JOINT_TYPES
                                       or trigger.cameo in JOINT_CODES)
        if joint:
            # "X and Y agree that the disputes should be settled": joint subjects agree with each
            # other; a reported clause names what they agreed on, not a partner.
            groups = [(how, tokens) for how, tokens in groups
                      if not how.startswith(("ccomp", "xcomp")) or how.endswith("-target")]
            if self.ontology.plover_of(trigger.cameo)[0] == "CONSULT":
                # "Putin and Macron discussed the situation in Syria": they consulted each other;
                # what they discussed is no partner, one they spoke with is; nor is where they
                # met ("the heads of state of A, B and C meet at Taba")
                groups = [(how, tokens) for how, tokens in groups
                          if how in ("prep:with", "prep:to") or (verb.lemma_.lower() not in self.discussion_verbs
                                                                 and how not in ("prep:at", "prep:in"))]
        uncountried: list[Found] = []
        # "freed prisoners from a jail in X": whoever is released is the target, not cargo.
        patient = any(_refines(trigger.cameo, code) or trigger.cameo == code for code in self.patient_object_codes)
        for how, tokens in groups:
            found = [f for t in tokens for f in self._phrase_actors(ctx, t, how)
                     if f.actor.id not in source_ids and (patient or not _names_instrument(verb.doc, f, instruments))]
            if found and how in CARGO_SLOTS and not patient and (
                    self._moved(found, tokens) or self._own_forces(found, tokens)
                    # "defended Ruritania's decision": a reaction to its own country's act targets it.
                    or (not reactive and _own_country(found, sources))):
                # "deployed troops to Syria", "sent peacekeepers to Mali", "offered to send troops
                # to Uganda", "withdrew its troops from X", "closed Ruritania's border with X" (by
                # Ruritania's leader): a generic group with no country, or the acting side's own,
                # is what was moved or shut when a later slot names someone ("urged the UN to renew
                # sanctions on Iran": a named organisation is no cargo).
                uncountried = uncountried or found
                continue
            if found:
                return _unique(found if any(f.actor.country for f in found) or not uncountried else uncountried)
        if uncountried:
            # "made ambulances available to fight the epidemic in X": the purpose names whom the
            # cargo serves; not when a "with" phrase names the cargo ("provided airlines with
            # time to ..."): the object is then the recipient.
            supplied_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in children)
            served = [] if supplied_with or self.ontology.plover_of(trigger.cameo)[0] in TOPIC_PURPOSE_TYPES else [
                f for f in self._purpose_target(ctx, verb, objects, source_ids) if not self._moved([f], [])]
            return _unique(served or uncountried)
        for obj in objects if reactive else []:
            antecedent = self._antecedent_target(ctx, obj, source_ids)
            if antecedent is not None:
                return [antecedent]
        if joint:
            return []
        aimed = self._subject_event_target(ctx, verb, trigger, source_ids)
        if aimed:
            return aimed
        origins = self.visit_origin_preps if trigger.cameo in self.visit_codes else frozenset()
        found = self._result_target(ctx, verb, trigger, source_ids) or self._phrase_target(
            ctx, verb, source_ids, skipped_preps=origins)
        if not found and self.ontology.plover_of(trigger.cameo)[0] not in TOPIC_PURPOSE_TYPES:
            found = self._purpose_target(ctx, verb, objects, source_ids)
        found = found or self._served_target(ctx, verb, source_ids) or self._place_target(ctx, verb, trigger)
        if not found and self.ontology.plover_of(trigger.cameo)[0] == "AID":
            found = self._aided_country(ctx, verb, objects, source_ids)
        return found

    def _subject_event_target(self, ctx: _Context, verb: Token, trigger: Trigger, source_ids: set[str]) -> list[Found]:
        """'The Ruritanian air strike on Borduria killed twelve': harm done by an attack named as
        the subject is aimed at whom the attack was aimed at (the attack itself, inside the
        verb's clause, is no event of its own)."""
        if not self._conflictual(trigger.cameo):
            return []
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            entries = self.noun_triggers.get(subject.lemma_.lower(), [])
            if (subject.pos_ == "NOUN" and self._token_actor(ctx, subject, "nsubj") is None
                    and any(self._conflictual(e.cameo) for e in entries)):
                found = [Found(f.actor, f.start, f.end, "subject-event-target")
                         for f in self._noun_targets(ctx, subject, source_ids)]
                if found and not self._moved(found, []):
                    return found
        return []

    def _aided_country(self, ctx: _Context, verb: Token, objects: list[Token], source_ids: set[str]) -> list[Found]:
        """'provided 28 million to pay for aid for those affected in Syldavia', 'provided funds
        to support projects that benefit Bordurian refugees': aid given to no one named goes to
        the first actor with a country that its purpose or its beneficiaries' description names."""
        phrases = [c for c in verb.children if c.dep_ == "advcl" and _is_infinitive(c)]
        phrases += [c for obj in objects for c in obj.children if c.dep_ in ("acl", "relcl") and _is_infinitive(c)]
        phrases += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.recipient_preps | {"for"}]
        for phrase in phrases:
            for token in sorted(phrase.subtree, key=lambda t: t.i):
                actor = ctx.actors.actor_at(token.idx, token.idx + len(token))
                if actor is not None and actor.country is not None and actor.id not in source_ids:
                    found = self._token_actor(ctx, token, "aided-country")
                    if found is not None:
                        return [found]
        return []

    def _purpose_target(self, ctx: _Context, verb: Token, objects: list[Token],
                        source_ids: set[str]) -> list[Found]:
        """'donated ventilators to assist Ethiopia', 'gave money to promote investment in Ethiopia':
        an act that names no one is aimed at whom its purpose clause (or its object's) names."""
        purposes = [c for c in verb.children if c.dep_ == "advcl" and _is_infinitive(c)]
        purposes += [c for obj in objects for c in obj.children if c.dep_ == "acl" and _is_infinitive(c)]
        for purpose in purposes:
            found = [f for t in _clause_arguments(purpose, self.verb_target_preps)
                     for f in self._phrase_actors(ctx, t, "purpose-target") if f.actor.id not in source_ids]
            found = found or [Found(f.actor, f.start, f.end, "purpose-target")
                              for f in self._phrase_target(ctx, purpose, source_ids)]
            if found:
                return _unique(found)
        return []

    def _served_target(self, ctx: _Context, verb: Token, source_ids: set[str]) -> list[Found]:
        """'sent vehicles to Lebanon to help the country': an act done for a purpose, naming no
        one itself, is aimed at the recipient of the transfer it serves (a verb with an object)."""
        served = verb.head
        transfer = any(c.dep_ in ("dobj", "obj") for c in served.children)
        if verb.dep_ != "advcl" or not _is_infinitive(verb) or not transfer:
            return []
        recipients = [p for c in served.children if c.dep_ == "dative"
                      for p in ([c] if c.pos_ != "ADP" else [g for g in c.children if g.dep_ == "pobj"])]
        recipients += [p for c in served.children if c.dep_ == "prep"
                       and c.lower_ in self.verb_target_preps | self.visit_target_preps
                       for p in c.children if p.dep_ == "pobj"]
        # "sent rifles to X to help ...": the parser often hangs the recipient on the cargo.
        cargo = [c for c in served.children if c.dep_ in ("dobj", "obj")]
        recipients += [p for obj in cargo for c in obj.children
                       if c.dep_ == "prep" and c.lower_ in self.recipient_preps
                       for p in c.children if p.dep_ == "pobj"]
        recipients += self._deep_recipients(cargo)
        found = [f for t in recipients for f in self._phrase_actors(ctx, t, "served-target")
                 if f.actor.id not in source_ids]
        return _unique(found)

    def _result_target(self, ctx: _Context, verb: Token, trigger: Trigger, source_ids: set[str]) -> list[Found]:
        """'carried out a raid, targeting militant commanders', 'shelled the town, killing three
        soldiers': a conflictual act that names no one is aimed at whom its participle's object
        names, when the participle is itself an act aimed at someone (not 'raising fears of
        violence in X'); a generic group with no country ('killing dozens of people') says less
        than a place the clause names."""
        if not self._conflictual(trigger.cameo):
            return []
        for clause in verb.children:
            if clause.dep_ != "advcl" or clause.tag_ != "VBG" or not self._aimed_act(clause):
                continue
            found = [f for o in clause.children if o.dep_ in ("dobj", "obj")
                     for f in self._phrase_actors(ctx, o, "result-target") if f.actor.id not in source_ids]
            if found and not self._moved(found, []):
                return _unique(found)
        return []

    def _conflictual(self, cameo: str) -> bool:
        """Verbal or material conflict: the acts that are aimed at a target they harm."""
        code = self.ontology.cameo.get(cameo)
        return code is not None and code.quad_class in CONFLICT_QUADS

    def _verbal_cooperation(self, cameo: str) -> bool:
        """CAMEO quad class 1: statements of intent, appeals, consultations, praise."""
        code = self.ontology.cameo.get(cameo)
        return code is not None and code.quad_class == VERBAL_COOPERATION_QUAD

    def _aimed_act(self, verb: Token) -> bool:
        """A verb of an act aimed at someone: a conflictual trigger ('killing') or an aiming verb
        ('targeting')."""
        lemma = verb.lemma_.lower()
        return lemma in self.aiming_verbs or any(self._conflictual(t.cameo) for t in self.verb_triggers.get(lemma, []))

    def _beneficiary_of_transfer(self, ctx: _Context, verb: Token, source_ids: set[str]) -> list[Found]:
        """'gave rifles to the marines to help in operations against X', 'sent aid to Colombia to
        help the country care for refugees': a helping purpose whose own object names no actor
        helps the recipient of the transfer it serves, not whoever its clause mentions."""
        if verb.lemma_.lower() not in self.beneficiary_verbs:
            return []
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if any(self._phrase_actors(ctx, o, "dobj") for o in objects):
            return []
        return self._served_target(ctx, verb, source_ids)

    def _deep_recipients(self, objects: list[Token]) -> list[Token]:
        """'returned skulls that date back to 640 AD to Peru', 'sent supplies and personnel such
        as doctors to Nepal': the parser hangs the recipient's "to" on a clause or a noun inside
        the long object; the "to" phrases there, in order (the object's own prepositions are
        read before, as obj-prep). Only on the object's listed nouns or their own relative
        clauses: 'staff suspected of having ties to X' names no recipient."""
        found = []
        for obj in objects:
            listed = _listed_nouns(obj, self.listing_preps)
            for t in obj.subtree:
                if t.dep_ != "prep" or t.lower_ not in self.recipient_preps or t.head == obj or t.i < obj.i:
                    continue
                hung = t.head in listed or (t.head.dep_ in ("relcl", "acl") and t.head.head in listed)
                if hung and not self._crosses_clause(t, obj):
                    found += [p for p in t.children if p.dep_ == "pobj"]
        return found

    def _crosses_clause(self, token: Token, top: Token) -> bool:
        """Whether a token below ``top`` hangs in a clause of its own there ("rejected the
        announcement that X won, saying he would file a complaint to the court"): under a
        complement or adverbial clause, or a verb with a subject that is no relative pronoun."""
        for ancestor in token.ancestors:
            if ancestor == top:
                return False
            if ancestor.dep_ in ("advcl", "ccomp", "parataxis", "xcomp", "conj") and ancestor.pos_ in VERB_POS:
                return True
            if any(c.dep_ in SUBJECT_DEPS and c.lower_ not in self.relative_pronouns for c in ancestor.children):
                return True
        return False

    def _moved(self, found: list[Found], objects: list[Token]) -> bool:
        """What a transfer moves, actors with no country: generic groups ("troops", "doctors"),
        or whoever a modifier after the object's head names ("a sculpture of the head of Marcus
        Aurelius", "$400 million in ODA"); not a named organisation the object is ("the UN")."""
        ends = [obj.idx + len(obj) for obj in objects]
        return all(f.actor.country is None
                   and (f.actor.kind in self.moved_kinds or any(f.start >= end for end in ends))
                   for f in found)

    def _own_forces(self, found: list[Found], objects: list[Token]) -> bool:
        """'withdrew its troops', 'strengthened their forces': groups the acting side owns are
        what it moves, not whom the act is aimed at."""
        return bool(objects) and all(_own_possession(obj) for obj in objects) and all(
            f.actor.kind in self.moved_kinds for f in found)

    def _phrase_target(self, ctx: _Context, verb: Token, source_ids: set[str], *,
                       skipped_preps: frozenset[str] = frozenset()) -> list[Found]:
        """Last resort, as CAMEO coders read a sentence: the first actor named after the verb
        in its own clause ("signed a deal on gas prices with the Ukrainian government"), not
        one under ``skipped_preps`` (a visit's "from": where the visitor set out); the cargo
        the verb's object names ("withdrew its troops from X") only when no one else is named."""
        cargo: list[Found] = []
        for token in sorted(_core_tokens(verb, self.clause_deps), key=lambda t: t.i):
            if token.i <= verb.i or (token.pos_ not in NOUN_POS and token.pos_ != "ADJ"):
                continue
            if _phrase_head(token).dep_ == "npadvmod":
                # a noun used as an adverb is a time or a measure ("met Tuesday with X"), or the
                # parser's reading of a name in apposition to a place ("met at his residence,
                # Bocharov Ruchei, with X"): no one the act is aimed at
                continue
            prep = _location_prep(token)
            if prep is not None and prep.lower_ in skipped_preps:
                continue
            # "shelled villages in Syldavia": Syldavia is the target and still the event's place.
            locative = prep is not None and prep.lower_ in self.location_preps and _is_place(token)
            found = self._token_actor(ctx, token, LOCATIVE_TARGET if locative else "clause")
            if found is not None and found.actor.id not in source_ids:
                if self._is_cargo(verb, token, found):
                    cargo = cargo or [found]
                    continue
                return [found]
        return cargo

    def _is_cargo(self, verb: Token, token: Token, found: Found) -> bool:
        """Whether the verb's object names what the act moves ("sent troops", "withdrew its
        forces"), not whom it is aimed at."""
        if token.dep_ not in ("dobj", "obj") or token.head != verb:
            return False
        return self._moved([found], []) or self._own_forces([found], [token])

    def _place_target(self, ctx: _Context, anchor: Token, trigger: Trigger) -> list[Found]:
        """Very last resort: the city a material conflict took place in ("bombs exploded in
        Bangkok"), when the clause names no one else; ranked after every person, body or agent.
        A statement or a meeting in a city is not aimed at it ("condemned the attack in Moscow")."""
        code = self.ontology.cameo.get(trigger.cameo)
        if not len(ctx.places) or code is None or code.quad_class != MATERIAL_CONFLICT_QUAD:
            return []
        for token in sorted(_core_tokens(anchor, self.clause_deps), key=lambda t: t.i):
            prep = _location_prep(token) if token.i > anchor.i else None
            if prep is None or prep.lower_ != "in":
                continue
            actor = ctx.places.actor_at(token.idx, token.idx + len(token))
            if actor is not None:
                mention = next((m for m in actor.mentions if m.start <= token.idx < m.end), None)
                return [Found(actor, mention.start if mention else token.idx,
                              mention.end if mention else token.idx + len(token), LOCATIVE_TARGET)]
        return []

    def _antecedent_target(self, ctx: _Context, obj: Token, source_ids: set[str]) -> Found | None:
        """'called such demands unacceptable': the demands are an earlier event; its source is the target."""
        entries = self.noun_triggers.get(obj.lemma_.lower())
        if not entries or not any(c.lower_ in ANAPHORIC_DETERMINERS for c in obj.children):
            return None
        wanted = {self.ontology.plover_of(e.cameo)[0] for e in entries}
        for event in reversed(ctx.events):
            if event.type in wanted and event.source.actor not in source_ids:
                actor = ctx.actors.get(event.source.actor)
                if actor is not None:
                    return Found(actor, obj.idx, obj.idx + len(obj), "antecedent-event")
        return None


def _own_possession(token: Token) -> bool:
    """'its troops', 'their forces': the actor's own, not whom the act is aimed at."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in token.children)


def _own_country(found: list[Found], sources: list[Found]) -> bool:
    """Whether every actor found is the country of the acting side itself ("the president
    closed his country's border"), whose own things the object names."""
    countries = {s.actor.country for s in sources if s.actor.country}
    return bool(countries) and all(_is_country(f.actor) and f.actor.code in countries for f in found)


def _names_instrument(doc: Doc, found: Found, instruments: set[str]) -> bool:
    """'gathered troops': the troops are what was moved, not whom the act is aimed at."""
    if not instruments:
        return False
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    words = {found.actor.name.lower()}
    if span is not None:
        words |= {span.root.lemma_.lower(), span.root.lower_}
    return bool(words & instruments)


def _listed_nouns(head: Token, listing_preps: frozenset[str]) -> set[Token]:
    """The nouns a phrase lists or names as its parts: its conjuncts, appositions and "of",
    "such as", "including" objects ('a team of paratroopers', 'personnel such as doctors'),
    and those a participle describing it names ('a pendant engraved with the image of X')."""
    listed = {head}
    frontier = [head]
    while frontier:
        token = frontier.pop()
        for child in token.children:
            nested = [child] if child.dep_ in ("conj", "appos") else []
            if child.dep_ == "prep" and child.lower_ in listing_preps:
                nested = [p for p in child.children if p.dep_ == "pobj"]
            if child.dep_ == "acl" and child.tag_ in ("VBN", "VBG"):
                nested = [p for c in child.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            for noun in nested:
                if noun not in listed:
                    listed.add(noun)
                    frontier.append(noun)
    return listed


def _participles(noun: Token) -> list[Token]:
    """Participle clauses that describe a noun ("a ban imposed on ...", "roads leading into ...")."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and not _is_infinitive(c)]


def _clause_arguments(clause: Token, target_preps: frozenset[str]) -> list[Token]:
    """The direct objects of a clause's verb, then the objects of its target prepositions."""
    objects = [c for c in clause.children if c.dep_ in ("dobj", "obj")]
    return objects + [p for c in clause.children if c.dep_ == "prep" and c.lower_ in target_preps
                      for p in c.children if p.dep_ == "pobj"]


def _phrase_head(token: Token) -> Token:
    """The head of the name or compound a token is part of ("Bocharov" -> "Ruchei")."""
    while token.dep_ in ("compound", "flat") and token.head is not token:
        token = token.head
    return token
