"""Emitting an event: its code after modality (intent, threat, refusal, hosting), confidence,
quotation, date and place, and the dateline's country.

Every concern that codes an act ends here, so the record the contract asks for is built in one place.
"""

from __future__ import annotations

import datetime as _dt
from itertools import combinations

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsgraph.events import dates
from newsgraph.events.ontology import Trigger
from newsgraph.events.phrases import VENUE_RULES
from newsgraph.events.state import (
    JOINT_CODES, JOINT_TYPES, LOCATIVE_TARGET, MAX_CLIMB, NOUN_POS, PLACE_LABELS, VERBAL_CONFLICT_QUAD,
    VERBAL_COOPERATION_QUAD, VERB_POS,
    CoderState, _Context, Found, Modality,
)
from newsgraph.events.tree import _governing_verb, _location_prep
from newsgraph.records import Event, Span


LATER_SENTENCE_PENALTY = 0.02
MAIN_CLAUSE_BONUS = 0.05


class EmissionMixin(CoderState):
    """Building the event record: code, confidence, date and place."""

    def _emit(self, ctx: _Context, sent: SpacySpan, trigger_token: Token, clause: Token, trigger: Trigger,
              sources: list[Found], targets: list[Found], modality: Modality, *,
              reciprocal: bool = False, mutual: bool = False, confidence_shift: float = 0.0) -> None:
        """``mutual``: coordinated sources act on each other when no target is named, whatever
        the act (a user's pattern marked ``%``: "X and Y have postponed their meeting")."""
        cameo = self.ontology.cameo.get(trigger.cameo)
        if cameo is None or cameo.plover is None:
            return
        mode = trigger.mode or cameo.mode
        act_type = cameo.plover
        rule_suffix = ""
        uncertain = modality.hypothetical or modality.modal
        hypothetical = uncertain or modality.committed or modality.conditional or modality.desired
        negated = modality.negated
        promised = (modality.committed or modality.future or modality.desired) and not uncertain
        if ((modality.future or modality.modal) and modality.conditional and not modality.hypothetical and not negated
                and cameo.plover in self.conditional_threat_codes):
            # CAMEO: "will withdraw its force unless ...", "may halt mediation if ...": announcing
            # an act on a condition is a threat.
            recoded = self.ontology.cameo[self.threat_by_code.get(cameo.code)
                                          or self.conditional_threat_codes[cameo.plover]]
            rule_suffix = "+conditional-threat"
            cameo, mode, hypothetical = recoded, recoded.mode, False
        elif (promised and (negated or not modality.conditional or modality.desired or modality.committed)
              and cameo.plover in self.intent_codes):
            # PLOVER: cooperation promised or in the future is AGREE (CAMEO 03x), refused is REJECT
            # (12x), also on a condition ("will not end the strike unless ...": the refusal is made;
            # "ready to halt fire if Y does the same": the offer is made).
            by_code, by_type = ((self.refusal_by_code, self.refusal_codes) if negated
                                else (self.intent_by_code, self.intent_codes))
            recoded = self.ontology.cameo[by_code.get(cameo.code) or by_type[cameo.plover]]
            rule_suffix = "+refusal" if negated else "+intent"
            cameo, mode, hypothetical, negated = recoded, recoded.mode, False, False
        elif negated and not uncertain and cameo.plover == "AGREE":
            # "failed to reach an agreement", "did not agree": a refusal.
            recoded = self.ontology.cameo[self.refusal_codes["AGREE"]]
            rule_suffix = "+refusal"
            cameo, mode, hypothetical, negated = recoded, recoded.mode, False, False
        elif ((modality.future or modality.desired) and not negated and cameo.plover in self.threat_codes
              and not (uncertain or modality.committed or modality.conditional)):
            # An announced or wanted conflictual act ("they would boycott ...", "wants to
            # attack") is, in CAMEO, a threat of it.
            recoded = self.ontology.cameo[self.threat_by_code.get(cameo.code) or self.threat_codes[cameo.plover]]
            rule_suffix = "+threat"
            cameo, mode, hypothetical = recoded, recoded.mode, False
        joint = False
        # "Ottokar and Dupont met": each met the other; "Ottokar and Dupont toured the exhibition":
        # fellow visitors, neither the other's host
        visit = cameo.code in self.visit_codes
        if not targets and len(sources) >= 2 and (mutual or (not visit and (act_type in JOINT_TYPES
                                                                            or cameo.code in JOINT_CODES))):
            pairs = list(combinations(sources, 2))
            joint = True
        else:
            pairs = [(s, t) for s in sources for t in (targets or [None])]
        event_date = self._date(ctx, sent, clause)
        named = [Span(f.start, f.end) for f in (*sources, *targets)
                 if f.how != LOCATIVE_TARGET and f.start is not None and f.end is not None]
        # words happen where they are said, not where what they are about is; a visit, where it goes
        verbal = cameo.quad_class in (VERBAL_COOPERATION_QUAD, VERBAL_CONFLICT_QUAD) and not visit
        location = self._venue(ctx, trigger_token) or self._location(ctx, sent, clause, named,
                                                                     trigger_token if verbal else None)
        quote_index = self._quote_index(ctx, trigger_token.idx)
        for source, target in pairs:
            if target is not None and target.actor.id == source.actor.id:
                continue
            if target is None and not source.actor.code and cameo.quad_class == VERBAL_COOPERATION_QUAD:
                # "Kokesh hosted a show", "the actor talked about the series": words of cooperation
                # by someone with no political identity, aimed at no one, are outside the codebook.
                continue
            key = (trigger_token.idx, cameo.plover, source.actor.id, target.actor.id if target else None)
            if any((e.trigger_start, e.type, e.source.actor, e.target.actor if e.target else None) == key
                   for e in ctx.events):
                continue
            # News puts the main event first: later sentences rank a little lower.
            confidence = 0.55 + confidence_shift - LATER_SENTENCE_PENALTY * min(ctx.sentence_index, 5)
            if clause.dep_ == "ROOT" or (clause.dep_ == "conj" and clause.head.dep_ == "ROOT"):
                confidence += MAIN_CLAUSE_BONUS
            if target is not None:
                confidence += 0.15
            if source.how in ("nsubj", "poss", "agent"):
                confidence += 0.1
            if trigger.conditions:
                confidence += 0.05
            if trigger.kind == "noun" and clause == trigger_token and not reciprocal:
                confidence -= 0.05
            rule = f"event:{trigger.kind}:{trigger.label}"
            if clause != trigger_token and trigger.kind == "noun":
                rule += f"+light:{clause.lemma_.lower()}"
            rule += f"+{source.how}"
            if target is not None:
                rule += f"+{target.how}"
            rule += rule_suffix
            place = location
            if place is None:
                place = _implied_location(sent.doc, cameo.code, cameo.plover, source, target)
                if place is not None:
                    rule += "+place:implied"
            event = Event(
                type=cameo.plover,
                source=_named_in_sentence(sent, source).participant(),
                target=_named_in_sentence(sent, target).participant() if target is not None else None,
                sentence=Span(sent.start_char, sent.end_char),
                sentence_text=sent.text,
                mode=mode,
                cameo=cameo.code,
                goldstein=cameo.goldstein,
                quad_class=cameo.quad_class,
                reciprocal=reciprocal or joint,
                negated=negated,
                hypothetical=hypothetical,
                date=event_date,
                location=place,
                trigger=trigger_token.text,
                trigger_start=trigger_token.idx,
                trigger_end=trigger_token.idx + len(trigger_token),
                quote=quote_index,
                confidence=round(max(0.05, min(0.95, confidence)), 3),
                rule=rule,
            )
            ctx.events.append(event)
            ctx.anchors[id(event)] = clause
        host = self._host_code(ctx, trigger, trigger_token, cameo.code)
        if host is not None and targets and not reciprocal and not joint:
            # CAMEO codes a visit both ways: the visitor makes it (042), the visited hosts it (043).
            host_trigger = Trigger(trigger.kind, f"{trigger.lemma}+host", trigger.conditions, host, None,
                                   trigger.line, trigger.origin)
            self._emit(ctx, sent, trigger_token, clause, host_trigger, targets, sources, modality,
                       confidence_shift=confidence_shift - 0.05)

    def _host_code(self, ctx: _Context, trigger: Trigger, token: Token, code: str) -> str | None:
        """The target's act back to the source: the host's 043 for a visit (042), or what a
        user's dictionary gives after a colon ("[032:033]"), which then decides alone."""
        if trigger.origin == "built-in":
            return self.host_codes.get(code)
        if trigger.lemma.endswith("+host"):
            return None
        marked = ctx.marked_roles.get(token.i)
        reverse = marked.reverse if marked is not None and marked.code == code else None
        return reverse if reverse in self.ontology.cameo else None

    def _quote_index(self, ctx: _Context, offset: int) -> int | None:
        for index, quote in enumerate(ctx.quotes):
            spans = quote.spans or [Span(quote.start, quote.end)]
            if any(span.start <= offset < span.end for span in spans):
                return index
        return None

    def _date(self, ctx: _Context, sent: SpacySpan, clause: Token) -> _dt.date | None:
        published = ctx.article.published
        candidates = [ent for ent in sent.ents if ent.label_ == "DATE"]
        if not candidates:
            return published
        node: Token | None = clause
        for _ in range(4):
            if node is None:
                break
            for ent in candidates:
                attached, prep = _attachment(ent.root)
                if attached is None or attached != node:
                    continue
                if prep is None or prep.lower_ not in self.non_event_date_preps:
                    resolved = dates.resolve(ent.text, published)
                    if resolved is not None:
                        return resolved
            if node.dep_ in ("conj", "xcomp", "advcl", "acl", "relcl", "pcomp") and node.head != node:
                node = node.head if node.head.pos_ in VERB_POS else _governing_verb(node.head)
            else:
                break
        return published

    def _location(self, ctx: _Context, sent: SpacySpan, clause: Token, participants: list[Span],
                  spoken: Token | None = None) -> str | None:
        """A place named with a locative preposition in the event's clause, else the dateline's. For
        words (``spoken``: the trigger of a verbal event) a place inside what was said or talked
        about is not where it was said: "discussed the situation in Syria" (see ``_in_topic``)."""
        scope = {t.i for t in clause.subtree}
        for ent in sent.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            if any(Span(ent.start_char, ent.end_char).overlaps(p) for p in participants):
                continue
            prep = _location_prep(ent.root)
            if prep is None or prep.lower_ not in self.location_preps or prep.i not in scope:
                continue
            if spoken is not None and _in_topic(prep, (spoken, clause), self.venue_nouns):
                continue
            actor = (ctx.actors.actor_at(ent.start_char, ent.end_char)
                     or ctx.places.actor_at(ent.start_char, ent.end_char))
            if actor is not None and actor.country:
                return actor.country
        return self._dateline_country(ctx)

    def _venue(self, ctx: _Context, trigger_token: Token) -> str | None:
        """The country of the city a nominal event's name gives as its venue ("the Astana talks")."""
        for child in trigger_token.children:
            if not self._names_venue(child):
                continue
            start, end = child.idx, child.idx + len(child)
            actor = ctx.actors.actor_at(start, end)
            if actor is not None and actor.country and any(
                    m.rule in VENUE_RULES and m.start < end and start < m.end for m in actor.mentions):
                return actor.country
        return None

    def _dateline_country(self, ctx: _Context) -> str | None:
        if ctx.dateline_done:
            return ctx.dateline_country
        ctx.dateline_done = True
        dateline = (ctx.article.dateline or "").split("(")[0].split(",")[0].strip().lower()
        if dateline:
            for actor in ctx.actors:
                if actor.country and any(m.text.lower() == dateline for m in actor.mentions):
                    ctx.dateline_country = actor.country
                    break
        return ctx.dateline_country


def _implied_location(doc: Doc, code: str, plover: str | None, source: Found, target: Found | None) -> str | None:
    """Where an event with no place named happened, when what it is says so: a visit happens in
    the host's country (CAMEO 042: the one visited; 043: the one hosting), and force used on a
    country ("Russia attacked Ukraine") happens in it. A host named only by an adjective ("the
    Russian air base", "the Russian embassy"), or named as the visited one in an "of" phrase of
    a thing ("a cemetery of U.S. soldiers", "the embassy of Peru"), may stand abroad, so it places
    nothing; force used on "parts of Aleppo" is still used in Aleppo."""
    if code.startswith("042") and target is not None:
        host = target
    elif code.startswith("043"):
        host = source
    elif plover == "ASSAULT" and target is not None and target.actor.kind == "country":
        host = target
    else:
        return None
    if host.start is None or host.end is None:
        return None
    span = doc.char_span(host.start, host.end, alignment_mode="expand")
    if span is None or span.root.pos_ == "ADJ" or span.root.dep_ == "amod":
        return None
    if plover != "ASSAULT" and _in_of_phrase(span.root):
        return None
    return host.actor.country


#: Prepositions whose object is what words are about ("a discussion of the prospects in X").
TOPIC_PREPS = frozenset({"of", "on", "about", "over", "regarding", "concerning"})


def _in_topic(prep: Token, anchors: tuple[Token, ...], venue_nouns: frozenset[str]) -> bool:
    """Whether a locative phrase hangs inside the topic of words: in the phrase of their direct
    object ("discussed the situation in X") or of a topic preposition on them ("talked about ...",
    "a discussion of ..."); an object that is a meeting's name ("held talks in Geneva") is the
    words themselves, and a partner's phrase ("with Y, who was in X") no topic."""
    node = prep
    while node.head not in anchors:
        if node.head is node:
            return False
        node = node.head
    if node is prep:
        return False
    if node.dep_ in ("dobj", "obj"):
        return node.lemma_.lower() not in venue_nouns
    return node.dep_ == "prep" and node.lower_ in TOPIC_PREPS


def _in_of_phrase(token: Token) -> bool:
    """Whether a token is the object of an "of" phrase that hangs on a common noun before it."""
    preposition = token.head
    return token.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head.pos_ == "NOUN" \
        and preposition.head.i < token.i


def _named_in_sentence(sent: SpacySpan, found: Found) -> Found:
    """'The ministry said it hit the convoy', 'Ottokar pledged his support': a participant found
    as a pronoun is shown at its actor's nearest earlier mention by name in the sentence, the
    words that say who acted (the actor stays the one the pronoun was resolved to)."""
    if found.start is None or found.end is None or not sent.start_char <= found.start < sent.end_char:
        return found
    doc = sent.doc

    def is_pronoun(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and len(span) == 1 and span[0].pos_ == "PRON"

    if not is_pronoun(found.start, found.end):
        return found
    named = [m for m in found.actor.mentions
             if sent.start_char <= m.start and m.end <= found.start and not is_pronoun(m.start, m.end)]
    if not named:
        return found
    nearest = max(named, key=lambda m: (m.start, m.end))
    return Found(found.actor, nearest.start, nearest.end, found.how)


def _attachment(token: Token) -> tuple[Token | None, Token | None]:
    """The verb (or noun) a modifier hangs on, and the nearest preposition linking it."""
    node = token
    prep: Token | None = None
    for _ in range(MAX_CLIMB):
        head = node.head
        if head == node:
            return None, prep
        if head.pos_ == "ADP" or head.dep_ == "prep":
            prep = prep or head
        elif head.pos_ in VERB_POS:
            return head, prep
        elif head.pos_ in NOUN_POS and node.dep_ in ("prep", "compound", "nummod", "npadvmod", "nmod", "amod"):
            return head, prep
        node = head
    return None, prep
