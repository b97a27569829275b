"""Nominal events ("talks between X and Y", "Russia's invasion of Ukraine", "launched an
invasion"): the clause they hang on, their possessor or "by" phrase as source, their "of"/"on"
phrase as target, and reciprocal pairs.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.events.ontology import Trigger
from newsgraph.events.state import (
    AGENTLESS_HOW, AGENTLESS_PASSIVE_PENALTY, LOCATIVE_TARGET, MAX_CLIMB, NOUN_POS, SUBJECT_DEPS,
    UNRESOLVED_SOURCE_PENALTY, VERB_POS, CoderState, _Context, Found, _unique, _unknown_source,
)
from newsgraph.events.tree import _is_country


# Mediation and the offer of it: the parties "between" which one mediates are its targets.
MEDIATION_CODES = frozenset({"045", "039"})


class NominalEventsMixin(CoderState):
    """Nominal events, their sources and targets."""

    def _code_noun(self, ctx: _Context, sent: SpacySpan, noun: Token, trigger: Trigger,
                   matched: dict[Token, Trigger]) -> None:
        if self._about_mishap(noun, trigger):
            return
        anchor = self._nominal_anchor(noun)
        governor = _nominal_governor(anchor)
        # "the pullout of its troops from Borduria": what one withdraws from is the target.
        departure = self.ontology.plover_of(trigger.cameo)[0] == "RETREAT" and trigger.mode == "withdraw"
        own_sources = self._noun_sources(ctx, noun, departure)
        if governor is not None and governor in matched and (
                not own_sources or (governor.lemma_.lower() in self.receipt_verbs
                                    and self.ontology.plover_of(matched[governor].cameo)[0] == "AID")):
            # "received Bordurian aid": the verb of receiving codes the aid, giver to receiver.
            return
        light = None
        if governor is not None and anchor.dep_ in ("dobj", "obj", "nsubjpass"):
            governed = {value for key, values in trigger.conditions if key == "gov" for value in values}
            if (governor.lemma_.lower() in self.light_verbs or governor.lower_ in self.light_verbs
                    or (anchor.dep_ != "nsubjpass" and governor.lemma_.lower() in self.undergoer_verbs)
                    or (governor.pos_ in VERB_POS and governor.lemma_.lower() in governed)):
                # An entry that names its governing verb ("raised the possibility of ...") makes
                # that verb its light verb.
                light = governor
        elif governor is not None and anchor.dep_ == "pobj" and governor.pos_ in VERB_POS:
            if f"{governor.lemma_.lower()} {anchor.head.lower_}" in self.prepositional_light_verbs:
                light = governor
        elif governor is None:
            light = self._misparsed_light_verb(anchor)
        # "acted as a mediator between X and Y": a go-between's parties are its targets, not each other's.
        mediation = trigger.cameo in MEDIATION_CODES and light is not None
        pairs = [] if mediation else self._reciprocal_pairs(ctx, noun)
        if pairs:
            modality = self._noun_modality(noun, light)
            for first, second in pairs:
                self._emit(ctx, sent, noun, light or noun, trigger, [first], [second], modality, reciprocal=True)
            return
        # "received a prison sentence", "faced sanctions from X": the light verb's subject undergoes the act.
        undergoer = (light is not None and anchor.dep_ in ("dobj", "obj")
                     and light.lemma_.lower() in self.undergoer_verbs
                     and self.ontology.plover_of(trigger.cameo)[0] not in (None, "AID"))
        sources = own_sources
        if not sources and undergoer:
            sources = [f for c in light.children if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
                       for p in c.children if p.dep_ == "pobj" for f in self._phrase_actors(ctx, p, f"prep:{c.lower_}")]
        if not sources and light is not None and not undergoer:
            sources = self._verb_sources(ctx, light, any(c.dep_ == "auxpass" for c in light.children))
        if not sources and light is not None and anchor.dep_ == "pobj":
            # "Serb forces were engaged in ethnic cleansing": a stative passive, its subject acts.
            sources = [f for c in light.children if c.dep_ == "nsubjpass"
                       for f in self._phrase_actors(ctx, c, "nsubjpass-stative")]
        if not sources and governor is not None and governor.pos_ in VERB_POS and _pronoun_possessor(noun):
            # "Chile and Peru postponed their meeting": the possessive pronoun names the subject,
            # and the verb carries the event as a light verb would (its clause, its modality).
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in governor.children)
            sources = [Found(f.actor, f.start, f.end, "poss-pronoun")
                       for f in self._verb_sources(ctx, governor, passive)]
            light = governor if sources else light
        shift = 0.0
        if not sources and light is not None and light.pos_ in VERB_POS and not undergoer:
            # "the group was willing to hold talks": a subject that names no known actor.
            sources = self._unresolved_subject(light, any(c.dep_ == "auxpass" for c in light.children))
            shift = UNRESOLVED_SOURCE_PENALTY
        if (not sources and anchor.dep_ == "nsubj" and governor is not None and self._conflictual(trigger.cameo)
                and governor.lemma_.lower() in self.occurrence_verbs):
            # "Riots broke out across X", "clashes erupted in X": no one is named, the place is.
            sources = self._occurrence_place_source(ctx, governor)
            shift = AGENTLESS_PASSIVE_PENALTY
        agentless = (not sources and light is not None and (undergoer or (
            anchor.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in light.children))))
        if agentless:
            # "New sanctions were imposed on X": no one named imposed them.
            sources, shift = [_unknown_source()], AGENTLESS_PASSIVE_PENALTY
        if not sources:
            return
        source_ids = {s.actor.id for s in sources}
        targets = self._noun_targets(ctx, noun, source_ids, departure)
        if undergoer and not targets:
            passive = any(c.dep_ == "auxpass" for c in light.children)
            targets = [f for f in self._verb_sources(ctx, light, passive) if f.actor.id not in source_ids]
        if mediation and not targets:
            targets = [f for f in self._reciprocal_members(ctx, noun) if f.actor.id not in source_ids]
        moved = bool(targets) and all(t.how == "prep:of" for t in targets) and self._moved(targets, [])
        if light is not None and (not targets or moved):
            # "announced the deployment of 230 troops to Liberia": the recipient hangs on the verb.
            carried = self._verb_targets(ctx, light, False, trigger, sources)
            if not targets or any(t.actor.country for t in carried):
                targets = carried
        if not targets and anchor.dep_ == "nsubj" and governor is not None and self._conflictual(trigger.cameo):
            # "Syrian air strikes hit the enclave of Eastern Ghouta": what the attack as subject hit.
            targets = _unique(f for o in governor.children if o.dep_ in ("dobj", "obj")
                              for f in self._phrase_actors(ctx, o, "subject-event-object")
                              if f.actor.id not in source_ids)
        if not targets and self.ontology.plover_of(trigger.cameo)[0] == "AID":
            targets = self._recipient_country(ctx, noun, source_ids)
        if not targets:
            targets = self._place_target(ctx, noun, trigger)
        if agentless:
            # A place the act happened in is no one it was aimed at: with no side named, no event.
            targets = [t for t in targets if t.how != LOCATIVE_TARGET]
            if not targets:
                return
        modality = self._noun_modality(noun, light)
        consult = self.ontology.plover_of(trigger.cameo)[0] == "CONSULT"
        reciprocal = consult and any(t.how == "prep:with" for t in targets)
        self._emit(ctx, sent, noun, light or noun, trigger, sources, targets, modality, reciprocal=reciprocal,
                   confidence_shift=shift)

    def _recipient_country(self, ctx: _Context, noun: Token, source_ids: set[str]) -> list[Found]:
        """'assistance to populations affected by the cyclone in Mozambique': aid to people that
        names no actor goes to the country their description names, the first one in it."""
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in self.recipient_preps):
            for pobj in _prep_objects(prep):
                for token in sorted(pobj.subtree, key=lambda t: t.i):
                    actor = ctx.actors.actor_at(token.idx, token.idx + len(token))
                    if _is_country(actor) and actor.id not in source_ids:
                        found = self._token_actor(ctx, token, f"prep:{prep.lower_}-country")
                        if found is not None:
                            return [found]
        return []

    def _occurrence_place_source(self, ctx: _Context, verb: Token) -> list[Found]:
        """The country where a nominal event broke out, as its source: named by the occurring
        verb's place phrase ("erupted in X") or object ("rocked X"), like an agentless passive's."""
        places = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in self.occurrence_place_preps
                  for p in c.children if p.dep_ == "pobj"]
        places += [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        for place in places:
            countries = [f for f in self._phrase_actors(ctx, place, "place") if _is_country(f.actor)]
            if countries:
                first = countries[0]
                return [Found(first.actor, first.start, first.end, f"{AGENTLESS_HOW}-occurrence-place")]
        return []

    def _misparsed_light_verb(self, noun: Token) -> Token | None:
        """'X held talks on Sunday with Y': the parser made the light verb, with its subject, a
        modifier of the nominal event, which then heads the sentence."""
        for child in noun.children:
            if (child.dep_ in ("amod", "acl") and child.i < noun.i and child.pos_ in VERB_POS
                    and child.lemma_.lower() in self.light_verbs
                    and any(c.dep_ in SUBJECT_DEPS for c in child.children)):
                return child
        return None

    def _nominal_anchor(self, noun: Token) -> Token:
        """The phrase that carries a nominal event in the clause: the first of coordinated
        events, the counting noun of "three days of war games", "a wave of strikes", and the
        amount of "announced $33 million in assistance"."""
        anchor = noun
        for _ in range(MAX_CLIMB):
            head = anchor.head
            if head == anchor:
                break
            if anchor.dep_ == "conj" and head.pos_ in NOUN_POS:
                anchor = head
            elif (anchor.dep_ == "pobj" and head.lower_ == "of" and head.head != head
                  and head.head.pos_ in NOUN_POS and head.head.lemma_.lower() in self.measure_nouns):
                anchor = head.head
            elif anchor.dep_ == "pobj" and head.lower_ == "in" and head.head != head and _is_amount(head.head):
                anchor = head.head
            else:
                break
        return anchor

    def _reciprocal_pairs(self, ctx: _Context, noun: Token) -> list[tuple[Found, Found]]:
        members = self._reciprocal_members(ctx, noun)
        return list(combinations(members, 2)) if len(members) >= 2 else []

    def _reciprocal_members(self, ctx: _Context, noun: Token) -> list[Found]:
        """The parties a "between"/"among" phrase of the noun names, when there are two or more."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in self.reciprocal_preps:
                members = _unique(f for p in child.children if p.dep_ == "pobj"
                                  for f in self._phrase_actors(ctx, p, f"prep:{child.lower_}"))
                if len(members) >= 2:
                    return members
        return []

    def _noun_sources(self, ctx: _Context, noun: Token, departure: bool = False) -> list[Found]:
        for child in noun.children:
            if child.dep_ == "poss":
                found = self._phrase_actors(ctx, child, "poss")
                if found:
                    return found
        source_preps = self.noun_source_preps - {"from"} if departure else self.noun_source_preps
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in source_preps:
                found = [f for p in child.children if p.dep_ == "pobj"
                         for f in self._phrase_actors(ctx, p, f"prep:{child.lower_}")]
                if found:
                    return found
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod"):
                found = self._token_actor(ctx, child, child.dep_)
                if found is not None:
                    return [found]
        return self._claimant(ctx, self._nominal_anchor(noun))

    def _claimant(self, ctx: _Context, noun: Token) -> list[Found]:
        """'The group claimed responsibility for the attack', 'the army is responsible for the
        attack': the claimant did it."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head == prep:
            return []
        responsibility = prep.head
        verb = responsibility.head
        if responsibility.lemma_.lower() in self.responsibility_adjectives and verb != responsibility:
            # "The government is responsible for the killings": the subject of "is" did them.
            return [Found(f.actor, f.start, f.end, "held-responsible")
                    for f in self._subject_actors(ctx, verb, 0)]
        if responsibility.lemma_.lower() not in ("responsibility", "credit") or verb == responsibility:
            return []
        if verb.lemma_.lower() not in self.responsibility_claims:
            return []
        return [Found(f.actor, f.start, f.end, "claimed-responsibility") for f in self._subject_actors(ctx, verb, 0)]

    def _noun_targets(self, ctx: _Context, noun: Token, source_ids: set[str],
                      departure: bool = False) -> list[Found]:
        target_preps = self.noun_target_preps | {"from"} if departure else self.noun_target_preps
        moved: list[Found] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in target_preps:
                found = [f for p in _prep_objects(child)
                         for f in self._phrase_actors(ctx, p, f"prep:{child.lower_}") if f.actor.id not in source_ids]
                if found and child.lower_ == "of" and self._moved(found, []):
                    # "the deployment of 230 troops to Liberia": the troops are what is moved.
                    moved = moved or found
                    continue
                if found and moved and (child.lower_ not in self.recipient_preps
                                        or not any(f.actor.country for f in found)):
                    break
                if found:
                    return _unique(found)
        return _unique(moved)


def _is_amount(token: Token) -> bool:
    """A number or sum of money ("$33 million", "two billion euros"), which an "in" phrase
    qualifies ("$33 million in assistance")."""
    return token.like_num or token.tag_ == "CD" or (token.ent_type_ == "MONEY" and token.pos_ in NOUN_POS)


def _prep_objects(prep: Token) -> list[Token]:
    """A preposition's objects, also the one the parser hung on a participle read as a clause
    ("talks with visiting King X": "visiting" as pcomp, the king as its object)."""
    objects = [p for p in prep.children if p.dep_ == "pobj"]
    if not objects:
        objects = [o for p in prep.children if p.dep_ == "pcomp" and p.tag_ == "VBG"
                   for o in p.children if o.dep_ in ("dobj", "obj")]
    return objects


def _pronoun_possessor(noun: Token) -> bool:
    """'their meeting', 'his march': a possessive pronoun, which stands for the clause's subject."""
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)


def _nominal_governor(noun: Token) -> Token | None:
    """The verb or noun a nominal event depends on: 'launched an invasion', 'talks on sanctions'."""
    head = noun.head
    if head == noun:
        return None
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head != head:
        return head.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass", "nsubj", "attr", "oprd"):
        return head
    if noun.dep_ == "conj":
        return _nominal_governor(head)
    return None
