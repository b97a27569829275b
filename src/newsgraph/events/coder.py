"""Event coding on the dependency parse: who did what to whom, in PLOVER with CAMEO codes.

For every sentence the coder finds trigger words from the dictionary (``data/triggers.tsv``):
verbs ("demanded", "provided ... with weapons") and nominal events ("talks between X and Y",
"Russia's invasion of Ukraine", "launched an invasion"). The source is the subject (or the
agent of a passive, or the possessor of a nominal event), the target the object, indirect
object, prepositional object or the subject of a demanded clause. Words become actors only
through the actors stage's :class:`ActorTable`; a subject that names no known actor is kept
as an uncoded source, and a passive with no agent ("three soldiers were killed") is coded as
CAMEO does, its subject the target and its source the country it happened in or else the
unknown actor "---", ranked below every event whose source is named. Modality (negation,
hypotheticals), date and place are read from the clause.

A learned sentence-type model (``typemodel.py``) ranks each sentence's events and codes a
sentence that has no event when it is fairly sure of the type; a user's PETRARCH verb
dictionary (``petrarch.py``) can be loaded, and decides the code of the verbs it matches; its
patterns' role markers pick the source and target.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Callable, Iterable

from spacy.tokens import Doc, Span as SpacySpan, Token

from newsgraph.actors import LOCATIVE_PLACE_RULE, load_relation_nouns
from newsgraph.events import dates
from newsgraph.events.ontology import Ontology, Trigger, load_cues, load_ontology
from newsgraph.events.petrarch import MarkedPhrase, VerbDictionary, VerbMatch
from newsgraph.events.typemodel import TypeModel, load_type_model, sentence_distribution
from newsgraph.records import Actor, ActorTable, Article, Event, Mention, Participant, Quote, Span

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
# A singular subject pronoun of a reported clause cannot stand for a plural reporter.
SINGULAR_PRONOUNS = frozenset({"it", "he", "she"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr"})
COMPLEMENT_DEPS = frozenset({"oprd", "acomp", "attr"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_CLIMB = 12
# Dependencies of a clause's head: a noun-tagged word there with a subject is a verb.
CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "parataxis", "advcl"})
# Types that comment on another act, so "rejected such demands" can point back at the demand.
REACTIVE_TYPES = frozenset({"REJECT", "ACCUSE", "SUPPORT", "AGREE", "CONCEDE"})
# Acts that coordinated subjects do together ("Jordan and Britain agreed", "X and Y clashed",
# "X and Y signed a treaty", "X and Y restored ties" (050, diplomatic cooperation)):
# coded in both directions when no separate target is named.
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
JOINT_CODES = frozenset({"193", "0356", "0871", "057", "050"})
# Mediation and the offer of it: the parties "between" which one mediates are its targets.
MEDIATION_CODES = frozenset({"045", "039"})
# Acts whose purpose clause names a topic rather than a target ("marched to protest attacks on
# protesters", "met to discuss trade", "demanding the right to appoint guardians for women");
# other acts may take the target their purpose names ("donated ventilators to assist X",
# "accepted an invitation to meet with X").
# The object slots of a transfer that can hold its cargo ("sent troops", "offered to send troops").
CARGO_SLOTS = frozenset({"dobj", "xcomp-obj"})
TOPIC_PURPOSE_TYPES = frozenset({"PROTEST", "CONSULT", "MOBILIZE", "REQUEST"})
# Acts complete in themselves, whose purpose clause names only their motive ("walked off the job
# to press for higher pay", "provided funds to support projects", "ready to use force to defend
# the dam"): unlike a dispatch ("sent inspectors to investigate"), they stay the sentence's event
# over the purpose they serve.
MOTIVATED_TYPES = frozenset({"PROTEST", "AID", "THREATEN"})
# An appeal or demand (CAMEO 02x, 10x) asks for its infinitive's act; the act is not done.
ASKING_TYPES = frozenset({"REQUEST", "DEMAND"})
# The party an appeal is made to ("pleaded with X", "appealed to X", "called on X").
ASKED_PREPS = frozenset({"with", "to", "on", "upon"})
GENERIC_APPEAL = "020"
# Prepositions whose object a dictionary condition reads as the verb's object
# ("agreed on a pact", "asked for aid", "agreed to a ceasefire").
OBJECT_PREPS = frozenset({"with", "of", "for", "in", "on", "upon", "to", "against", "over"})
COMPOUND_GROUP_RULE = "actor:group:compound"
LOCATIVE_TARGET = "clause-place"
# CAMEO quad classes of verbal and material conflict.
CONFLICT_QUADS = frozenset({3, 4})
MATERIAL_CONFLICT_QUAD = 4
VERBAL_COOPERATION_QUAD = 1
LATER_SENTENCE_PENALTY = 0.02
UNRESOLVED_SOURCE_PENALTY = -0.3
# "Three soldiers were killed": a passive that names no agent is coded, as CAMEO does, with an
# unknown source ("---": no actor, no code, no words) acting on its subject, below any event
# whose source is named.
UNKNOWN_SOURCE_NAME = "---"
AGENTLESS_PASSIVE_PENALTY = -0.35
# Words that tie harm to a mishap's time ("were killed when the plane crashed").
MISHAP_TIME_MARKS = frozenset({"when", "after", "as"})
AGENTLESS_HOW = "agentless-passive"
UNCODED_HOW = "nsubj-uncoded"
AGENTLESS_RULE = f"+{AGENTLESS_HOW}"
MAIN_CLAUSE_BONUS = 0.05
# Headline events are ranked into [HEADLINE_FLOOR, HEADLINE_FLOOR + HEADLINE_SPAN], above body events.
HEADLINE_FLOOR = 0.96
HEADLINE_SPAN = 0.03
# The learned type model: how much its probability moves an event's confidence, how sure it
# must be to code a sentence without an event (its best type's probability over the uniform
# one: 2.0 is 0.125 for the 16 PLOVER types; on the dev sets 1.3 to 2.5 beat the former fixed
# 0.3, 2.0 being best for triples), and how far below rule-coded events those rank.
MODEL_RANK_WEIGHT = 0.3
MODEL_EVENT_MIN_LIFT = 2.0
# Two types whose probabilities differ by less than this are a tie (they differ only by rounding).
MODEL_TIE_MARGIN = 1e-9
MODEL_EVENT_SHIFT = -0.2
# A verb a user's dictionary codes ranks below the built-in dictionary's events.
USER_DICTIONARY_PENALTY = -0.15
# Sources found through a claim ("claimed responsibility for the attack"): the act stays coded
# although the claim itself is a statement.
CLAIMED_SOURCES = ("+claimed-responsibility", "+held-responsible")
# Share of a headline's longer words that are capitalised in a title-cased headline.
TITLE_CASE_SHARE = 0.8
# The rule mark of a reporting verb coded through its reported clause's modal ("said Y must ...").
DEMANDING_REPORT = "ccomp_aux"
ANAPHORIC_DETERMINERS = frozenset({"such", "these", "those", "this", "that", "the", "its", "their"})


@dataclass(slots=True)
class Found:
    """An actor found for a participant slot, and how it was found (for the rule string)."""

    actor: Actor
    start: int | None
    end: int | None
    how: str

    def participant(self) -> Participant:
        return Participant(name=self.actor.name, actor=self.actor.id or None, code=self.actor.code,
                           start=self.start, end=self.end)


@dataclass(slots=True)
class Modality:
    """``hypothetical``: uncertain (feared, "could"); ``conditional``: under an "if"/"unless"
    clause; ``desired``: the subject's own wish ("seeks to deepen ties", "wants to attack"),
    or declared plan ("plans to impose", "ready to attack", "vowed to invade"), which CAMEO codes
    as an intent (03x) or a threat (13x); ``committed``: agreed or decided ("agreed to",
    "willing to"); ``future``: "will", "would"; ``modal``: the clause's own "could", "may"
    (uncertain, and on a condition a threat: "may halt its mediation if ...")."""

    negated: bool = False
    hypothetical: bool = False
    conditional: bool = False
    desired: bool = False
    committed: bool = False
    future: bool = False
    modal: bool = False


@dataclass(slots=True)
class _Context:
    """Per-document state: the inputs and the events coded so far (for anaphoric objects)."""

    doc: Doc
    article: Article
    actors: ActorTable
    quotes: list[Quote]
    events: list[Event] = field(default_factory=list)
    sentence_index: int = 0
    dateline_country: str | None = None
    dateline_done: bool = False
    anchors: dict[int, Token] = field(default_factory=dict)
    """The clause token each event hangs on (its verb, or a nominal event's light verb), by ``id``."""
    marked_roles: dict[int, VerbMatch] = field(default_factory=dict)
    """A user's dictionary pattern that coded a verb (by token index), with its ``$``/``+`` phrases."""
    uncodable: set[int] = field(default_factory=set)
    """Verbs (token indexes) a user's dictionary codes only with codes the ontology lacks."""
    headline: bool = False
    """Coding a title or subtitle, whose grammar drops the passive's auxiliary."""
    places: ActorTable = field(default_factory=ActorTable)
    """Cities after "in" (the actors stage's ``LOCATIVE_PLACE_RULE``), kept out of ``actors``:
    only a last-resort target, never a source nor ahead of anyone the clause names."""


class EventCoder:
    """Codes events from a parsed document; the dictionaries are loaded once."""

    def __init__(self, ontology: Ontology | None = None, *, parse: Callable[[str], Doc] | None = None,
                 resolve_actors: Callable[[Doc, Article], ActorTable] | None = None,
                 type_model: TypeModel | None = None) -> None:
        """``parse`` and ``resolve_actors`` (the pipeline's parser and actors stage) let the
        coder read the headline and dek, which are not part of the body Doc."""
        self.ontology = ontology or load_ontology()
        self.parse = parse
        self.resolve_actors = resolve_actors
        cues = load_cues()
        self.relation_nouns: frozenset[str] = load_relation_nouns()
        self.modals: frozenset[str] = cues["hypothetical_modals"]
        self.hypothetical_governors: frozenset[str] = cues["hypothetical_governors"]
        self.hypothetical_adjectives: frozenset[str] = cues["hypothetical_adjectives"]
        self.hypothetical_noun_modifiers: frozenset[str] = cues["hypothetical_noun_modifiers"]
        self.hypothetical_noun_governors: frozenset[str] = cues["hypothetical_noun_governors"]
        self.negating_governors: frozenset[str] = cues["negating_governors"]
        self.commitment_governors: frozenset[str] = cues["commitment_governors"]
        self.desire_governors: frozenset[str] = cues["desire_governors"]
        self.future_modals: frozenset[str] = cues["future_modals"]
        self.non_act_verbs: frozenset[str] = cues["non_act_verbs"]
        self.non_agent_subjects: frozenset[str] = cues["non_agent_subjects"]
        self.scheduled_governors: frozenset[str] = cues["scheduled_governors"]
        self.request_by_act: dict[str, dict[str, str]] = cues["request_by_act"]
        self.ending_nouns: frozenset[str] = frozenset(cues["ending_nouns"])
        self.aid_nouns: frozenset[str] = cues["aid_nouns"]
        self.request_nouns: frozenset[str] = cues["request_nouns"]
        self.aid_kind_of: dict[str, str] = {word: kind for kind, words in cues["aid_kinds"].items() for word in words}
        self.aid_kind_codes: dict[str, dict[str, str]] = cues["aid_kind_codes"]
        self.intent_codes: dict[str, str] = cues["intent_codes"]
        self.refusal_codes: dict[str, str] = cues["refusal_codes"]
        self.threat_codes: dict[str, str] = cues["threat_codes"]
        self.conditional_threat_codes: dict[str, str] = {**self.threat_codes, **cues["conditional_threat_codes"]}
        self.responsibility_claims: frozenset[str] = cues["responsibility_claims"]
        self.responsibility_adjectives: frozenset[str] = cues["responsibility_adjectives"]
        self.declared_intent_governors: frozenset[str] = cues["declared_intent_governors"]
        self.measure_nouns: frozenset[str] = cues["measure_nouns"]
        self.prepositional_light_verbs: frozenset[str] = cues["prepositional_light_verbs"]
        self.intent_by_code: dict[str, str] = cues["intent_by_code"]
        self.refusal_by_code: dict[str, str] = cues["refusal_by_code"]
        self.threat_by_code: dict[str, str] = cues["threat_by_code"]
        self.conditional_marks: frozenset[str] = cues["conditional_marks"]
        self.negation_words: frozenset[str] = cues["negation_words"]
        self.light_verbs: frozenset[str] = cues["light_verbs"]
        self.relative_pronouns: frozenset[str] = cues["relative_pronouns"]
        self.verb_target_preps: frozenset[str] = cues["verb_target_preps"]
        self.noun_target_preps: frozenset[str] = cues["noun_target_preps"]
        self.noun_source_preps: frozenset[str] = cues["noun_source_preps"]
        self.reciprocal_preps: frozenset[str] = cues["reciprocal_preps"]
        self.location_preps: frozenset[str] = cues["location_preps"]
        self.intent_nouns: frozenset[str] = cues["intent_nouns"]
        self.trigger_only_types: frozenset[str] = cues["trigger_only_types"]
        self.mishap_topics: frozenset[str] = cues["mishap_topics"]
        self.mishap_topic_types: frozenset[str] = cues["mishap_topic_types"]
        self.model_untargeted_types: frozenset[str] = cues["model_untargeted_types"]
        self.non_event_date_preps: frozenset[str] = cues["non_event_date_preps"]
        self.clause_deps: frozenset[str] = cues["clause_deps"]
        self.reporting_verbs: frozenset[str] = cues["reporting_verbs"]
        self.reporter_pronouns: frozenset[str] = cues["reporter_pronouns"]
        self.visit_codes: frozenset[str] = cues["visit_codes"]
        self.host_codes: dict[str, str] = cues["host_codes"]
        self.visit_target_preps: frozenset[str] = cues["visit_target_preps"]
        self.visit_origin_preps: frozenset[str] = cues["visit_origin_preps"]
        self.passive_place_preps: frozenset[str] = cues["passive_place_preps"]
        self.recipient_preps: frozenset[str] = cues["recipient_preps"]
        self.adverb_particles: frozenset[str] = cues["adverb_particles"]
        self.beneficiary_verbs: frozenset[str] = cues["beneficiary_verbs"]
        self.receipt_verbs: frozenset[str] = cues["receipt_verbs"]
        self.moved_kinds: frozenset[str] = cues["moved_kinds"]
        self.patient_object_codes: frozenset[str] = cues["patient_object_codes"]
        self.aiming_verbs: frozenset[str] = cues["aiming_verbs"]
        self.listing_preps: frozenset[str] = cues["listing_preps"]
        self.assembly_verbs: frozenset[str] = cues["assembly_verbs"]
        self.crowd_nouns: frozenset[str] = cues["crowd_nouns"]
        self.demonstration_code: str = cues["demonstration_code"]
        self.occurrence_verbs: frozenset[str] = cues["occurrence_verbs"]
        self.occurrence_place_preps: frozenset[str] = cues["occurrence_place_preps"]
        self.possibility_nouns: frozenset[str] = cues["possibility_nouns"]
        self.obligation_verbs: frozenset[str] = cues["obligation_verbs"]
        self.mishap_verbs: frozenset[str] = cues["mishap_verbs"]
        self.interview_verbs: frozenset[str] = cues["interview_verbs"]
        self.media_nouns: frozenset[str] = cues["media_nouns"]
        self.headline_passive_verbs: frozenset[str] = cues["headline_passive_verbs"]
        self.quantity_nouns: frozenset[str] = cues["quantity_nouns"]
        self.verb_dictionaries: list[VerbDictionary] = []
        self.type_model: TypeModel | None = type_model if type_model is not None else load_type_model()
        self.verb_triggers: dict[str, list[Trigger]] = {}
        self.noun_triggers: dict[str, list[Trigger]] = {}
        for (kind, lemma), entries in self.ontology.triggers.items():
            table = self.verb_triggers if kind == "verb" else self.noun_triggers
            table[lemma] = sorted(entries, key=lambda t: t.line)

    # ------------------------------------------------------------------ entry point

    def code(
        self, doc: Doc, article: Article, actors: ActorTable, quotes: list[Quote],
        headings: list[Doc] | None = None,
    ) -> list[Event]:
        """The article's events. ``headings`` are the parses of :meth:`heading_texts`, when the
        caller parsed them in its own batch; otherwise they are parsed here one by one."""
        events = self._code_doc(doc, article, actors, quotes) if len(actors) and len(doc) else []
        return events + self._code_headings(article, actors, headings)

    @staticmethod
    def heading_texts(article: Article) -> list[str]:
        """The title and subtitle texts the coder reads for headline events, in order."""
        return [text for _, text in _heading_sections(article)]

    def _code_headings(self, article: Article, body_actors: ActorTable, headings: list[Doc] | None) -> list[Event]:
        """Events of the title and subtitle, parsed together so that the dek's "the coalition"
        can name the headline's NATO; offsets index into the title or subtitle string."""
        if self.resolve_actors is None or (headings is None and self.parse is None):
            return []
        sections = _heading_sections(article)
        if not sections:
            return []
        docs = headings if headings is not None else [self.parse(text) for _, text in sections]
        if len(docs) != len(sections):
            raise ValueError(f"{article.id}: {len(docs)} heading parses for {len(sections)} headings")
        doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=True)
        heading = Article(id=article.id, text=doc.text, published=article.published, dateline=article.dateline)
        actors = self.resolve_actors(doc, heading)
        if not len(actors):
            return []
        starts = []
        offset = 0
        for (name, text), part in zip(sections, docs):
            starts.append((name, offset))
            offset += len(part.text) + (0 if part.text.endswith(" ") else 1)
        events = self._code_doc(doc, heading, actors, [], headline_mode=True)
        for event in events:
            section, base = next((n, b) for n, b in reversed(starts) if event.sentence.start >= b)
            event.section = section
            event.sentence = Span(event.sentence.start - base, event.sentence.end - base)
            if event.trigger_start is not None and event.trigger_end is not None:
                event.trigger_start -= base
                event.trigger_end -= base
            event.date = event.date or article.published
            for participant in (event.source, event.target):
                if participant is None:
                    continue
                if participant.start is not None and participant.end is not None:
                    participant.start -= base
                    participant.end -= base
                participant.actor = _same_actor(body_actors, participant)
            event.rule += f"+{section}"
            # A headline states the story's main event: its events rank above the body's (whose
            # confidence is at most 0.95), in their own order. On the NGEC dev stories the top
            # event's type was right for 0.325 of stories before, 0.372 with this.
            event.confidence = round(HEADLINE_FLOOR + HEADLINE_SPAN * event.confidence, 3)
        return events

    def _code_doc(self, doc: Doc, article: Article, actors: ActorTable, quotes: list[Quote], *,
                  headline_mode: bool = False) -> list[Event]:
        places = [actor for actor in actors if actor.rule == LOCATIVE_PLACE_RULE]
        named = ActorTable([actor for actor in actors if actor.rule != LOCATIVE_PLACE_RULE]) if places else actors
        ctx = _Context(doc, article, named, quotes, places=ActorTable(places), headline=headline_mode)
        for index, sent in enumerate(doc.sents):
            ctx.sentence_index = index
            first_event = len(ctx.events)
            matched = self._match_sentence(ctx, sent)
            for token, trigger in matched.items():
                if trigger.kind == "verb":
                    self._code_verb(ctx, sent, token, trigger)
                else:
                    self._code_noun(ctx, sent, token, trigger, matched)
            # A title-cased headline whose parse gave no event ("Slovakia Expels Dozens of Diplomats
            # Following Accusations": the verb read as a name) is read word by word.
            if (headline_mode and (not matched or (len(ctx.events) == first_event and _title_cased(sent)))) or (
                    not matched and not any(t.pos_ == "VERB" for t in sent)):
                self._code_headline(ctx, sent)
            statements = [t for t, trigger in matched.items() if self.ontology.plover_of(trigger.cameo)[0] is None]
            # A verb a user's dictionary codes with a code the ontology lacks is the sentence's
            # known act: the model does not guess another type for it.
            known = statements or any(sent.start <= i < sent.end for i in ctx.uncodable)
            if self.type_model is not None:
                self._apply_type_model(self.type_model, ctx, sent, first_event, code_eventless=not known)
            _prefer_purpose(sent, ctx.events[first_event:])
            ctx.events[first_event:] = _without_requested_acts(sent, _main_events(
                sent, ctx.events[first_event:], ctx.anchors, self.reporting_verbs, statements))
        events = _drop_subsumed(ctx.events)
        _rank_agentless_last(events)
        return events

    # ------------------------------------------------------------------ learned sentence type

    def _apply_type_model(self, model: TypeModel, ctx: _Context, sent: SpacySpan, first_event: int, *,
                          code_eventless: bool) -> None:
        """Rank the sentence's events by how well their type fits the sentence's wording, and
        code a sentence that has no event when the model is fairly sure of its type (the main
        verb's subject and object as actors). That includes sentences whose trigger found no
        actor (on the dev sets that beat coding only sentences without a trigger), but not
        those whose trigger codes a statement (CAMEO 01x), which PLOVER has no type for. On real
        news most sentences are no event at all, and the model, trained on event sentences only,
        still names a type: so it codes only an act (not a condition such as "is" or "remains",
        not inside a direct quotation) whose source the actors stage placed in a country
        or body, never a type only a trigger word names (``trigger_only_types``: force,
        coercion, sanctions), and, but for a demonstration or a mobilisation, only with a target
        or joint subjects."""
        probabilities = sentence_distribution(model, sent)
        found = ctx.events[first_event:]
        for event in found:
            bonus = MODEL_RANK_WEIGHT * (probabilities.get(event.type, 0.0) - 1.0 / len(probabilities))
            event.confidence = round(max(0.05, min(0.95, event.confidence + bonus)), 3)
            event.rule += f"+rank:{model.name}"
        if found or not code_eventless:
            return
        ranked = sorted(probabilities, key=lambda name: (-probabilities[name], name))
        best = ranked[0]
        if probabilities[best] * len(probabilities) < MODEL_EVENT_MIN_LIFT:
            return
        if len(ranked) > 1 and probabilities[best] - probabilities[ranked[1]] < MODEL_TIE_MARGIN:
            # Two types equally likely: the model cannot tell which act this is (and the pick
            # between them would depend on the order of a dictionary, which varies per run).
            return
        verb = self._main_event_verb(sent)
        if verb is None or self._states_no_act(verb) or _inside_direct_quote(ctx.quotes, verb):
            return
        code = model.default_codes.get(best)
        if code is None or code not in self.ontology.cameo or best in self.trigger_only_types:
            return
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if self._has_non_agent_subject(verb, passive):
            return
        sources = self._verb_sources(ctx, verb, passive)
        if not any(found.actor.country for found in sources):
            return
        trigger = Trigger("model", f"{model.name}+verb:{verb.lemma_.lower()}", (), code, None, 0)
        targets = self._verb_targets(ctx, verb, passive, trigger, sources)
        if not targets and len(sources) < 2 and best not in self.model_untargeted_types:
            # A guessed act aimed at no one ("the court ruled", "he was speaking at ..."): too
            # weak; joint subjects ("X and Y commit to working together") name each other.
            return
        self._emit(ctx, sent, verb, verb, trigger, sources, targets, self._modality(verb),
                   confidence_shift=MODEL_EVENT_SHIFT)

    def _states_no_act(self, verb: Token) -> bool:
        """Whether the verb states a condition or a view, not an act (``non_act_verbs``); the
        regular past form's stem counts too, since the tagger lemmatises "hoped" as "hop"."""
        forms = {verb.lemma_.lower()}
        if verb.tag_ in ("VBD", "VBN") and verb.lower_.endswith("ed"):
            forms.add(verb.lower_[:-1])
        return not forms.isdisjoint(self.non_act_verbs)

    def _main_event_verb(self, sent: SpacySpan) -> Token | None:
        """The sentence's main verb, looking through a reporting verb ("X said Y attacked Z")."""
        verb = sent.root
        for _ in range(3):
            if verb.lemma_.lower() not in self.reporting_verbs:
                break
            embedded = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in VERB_POS]
            if not embedded:
                return None
            verb = embedded[0]
        return verb if verb.pos_ in VERB_POS else None

    # ------------------------------------------------------------------ trigger matching

    def _match_sentence(self, ctx: _Context, sent: SpacySpan) -> dict[Token, Trigger]:
        matched: dict[Token, Trigger] = {}
        for token in sent:
            lemma = token.lemma_.lower()
            if _acts_as_verb(token) and token.dep_ not in ("amod", "compound", "aux", "auxpass"):
                entries = self.verb_triggers.get(lemma) or self.verb_triggers.get(token.lower_)
                if not entries and token.tag_ in ("VBD", "VBN") and token.lower_.endswith("ed"):
                    # "raped" lemmatised as "rap": the regular past form of the trigger itself.
                    entries = self.verb_triggers.get(token.lower_[:-1])
            elif token.pos_ in NOUN_POS:
                entries = self.noun_triggers.get(lemma)
            else:
                entries = None
            best = self._best_entry(ctx, token, entries) if entries else None
            user_verb = self.verb_dictionaries and token.pos_ in VERB_POS and token.dep_ not in ("aux", "auxpass")
            if user_verb:
                user = self._dictionary_trigger(token)
                if user is not None and not (best is not None and _refines(best.cameo, user[0].cameo)):
                    best = user[0]
                    ctx.marked_roles[token.i] = user[1]
                elif user is None and any(d.match(token) is not None for d in self.verb_dictionaries):
                    ctx.uncodable.add(token.i)
            if best is not None and self._own_aim(token, best):
                best = None
            if best is not None and (best.cameo[:2] == "13" or (
                    (len(best.cameo) == 3 or _chosen_by_asked_verb(best))
                    and best.cameo[:2] + "0" in self.request_by_act)):
                refined = self._requested_act(ctx, token, best)
                # "raised the possibility of talks" threatens nothing: such a noun is a threat
                # only through the conflictual act it names.
                possibility = token.pos_ in NOUN_POS and token.lemma_.lower() in self.possibility_nouns
                best = None if possibility and refined.cameo == best.cameo else refined
            if best is not None and best.cameo == "120" and _acts_as_verb(token):
                best = self._rejected_request(ctx, token, best)
            if best is not None and best.cameo in self.aid_kind_codes:
                best = self._aid_kind(token, best)
            if best is not None and self._demonstrated_purpose(token, best, matched):
                best = Trigger(best.kind, f"{best.lemma}+demonstration", best.conditions, self.demonstration_code,
                               None, best.line, best.origin)
            if best is not None:
                matched[token] = best
        return matched

    def _own_aim(self, token: Token, trigger: Trigger) -> bool:
        """ "The agreement seeks to remove tariffs", "sought to capitalise on it": a verb of wish
        coded only as a generic appeal (020), with its subject's own infinitive and no one asked,
        is no appeal; the infinitive's act, if any, is coded as a desire."""
        if trigger.kind != "verb" or trigger.cameo != GENERIC_APPEAL:
            return False
        if token.lemma_.lower() not in self.desire_governors:
            return False
        asked = any(c.dep_ in ("dobj", "obj", "dative") or (c.dep_ == "prep" and c.lower_ in ASKED_PREPS | {"from"})
                    for c in token.children)
        return not asked and any(c.dep_ == "xcomp" and _is_infinitive(c) for c in token.children)

    def _demonstrated_purpose(self, token: Token, trigger: Trigger, matched: dict[Token, Trigger]) -> bool:
        """'Protesters gathered outside the embassy to denounce the strikes': a crowd that
        assembles (an act no trigger codes) to accuse or to demand is demonstrating."""
        if self.ontology.plover_of(trigger.cameo)[0] not in ("ACCUSE", "REQUEST"):
            return False
        if token.dep_ not in ("advcl", "xcomp") or not _is_infinitive(token):
            return False
        assembly = token.head
        if assembly in matched or assembly.lemma_.lower() not in self.assembly_verbs:
            return False
        return any(c.dep_ == "nsubj" and (c.lemma_.lower() in self.crowd_nouns or c.lower_ in self.crowd_nouns)
                   for c in assembly.children)

    def _requested_act(self, ctx: _Context, token: Token, trigger: Trigger) -> Trigger:
        """'urged X to release the prisoners', 'demanded that Y withdraw', 'an appeal to Z to
        extradite', 'threatened to halt the talks', 'agreed to release the prisoners': an appeal
        (02x), demand (10x), generic threat (130) or promise (030) takes the codebook's sub-code
        for the act it asks for, threatens or promises (0253, 1056, 0213, 134, 0353) when that is
        narrower than its own code or its own code was chosen by the asked-for verb alone; read
        through "help" ("to help finance": 0231) and light verbs ("to hold talks": 026)."""
        best: tuple[int, str, str] | None = None
        frontier = [(act, 1) for act in _requested_verbs(token)]
        if token.pos_ in NOUN_POS and trigger.cameo[:2] == "13":
            # "raised the possibility of sanctions", "the threat of banning the party": the act
            # named in the threat's "of" complement.
            frontier += [(act, 2) for act in _of_complements(token)]
        if trigger.cameo[:2] == "13":
            # One threatens one's own act: "warned it would impose", not "warned that Y would attack".
            frontier = [(act, depth) for act, depth in frontier if all(
                c.lower_ in self.reporter_pronouns for c in act.children if c.dep_ in SUBJECT_DEPS)]
        while frontier:
            act, depth = frontier.pop(0)
            table = self.noun_triggers if act.pos_ in NOUN_POS else self.verb_triggers
            entries = next((table[form] for form in _word_forms(act) if form in table), None)
            found = self._best_entry(ctx, act, entries) if entries else None
            if found is not None and found.cameo in self.aid_kind_codes:
                # "urged X to provide humanitarian aid": the kind of aid asked for picks 0233.
                found = self._aid_kind(act, found)
            for noun in (o for o in act.children if o.dep_ in ("dobj", "obj")) if found is None else ():
                noun_entries = self.noun_triggers.get(noun.lemma_.lower())
                found = self._best_entry(ctx, noun, noun_entries) if noun_entries else None
                if found is not None:
                    break
            code = self._family_code(trigger.cameo, found.cameo) if found is not None else None
            if code is not None:
                # An entry that chose its code by the asked-for verb alone ("ask" + "provide":
                # 023) knows less than that verb's own entry ("provide information": 064).
                guessed = trigger.cameo.endswith("0") or any(key == "xcomp" for key, _ in trigger.conditions)
                narrower = code != trigger.cameo and (guessed or code.startswith(trigger.cameo))
                if narrower and code in self.ontology.cameo and (best is None or len(code) > best[0]):
                    best = (len(code), code, act.lemma_.lower())
            if depth < 2:
                frontier += [(deeper, depth + 1) for deeper in _requested_verbs(act)]
        if best is None:
            return trigger
        _, code, act_lemma = best
        return Trigger(trigger.kind, f"{trigger.lemma}+{act_lemma}", trigger.conditions, code, None,
                       trigger.line, trigger.origin)

    def _rejected_request(self, ctx: _Context, token: Token, trigger: Trigger) -> Trigger:
        """'rejected calls for economic aid', 'rejected an ultimatum to hand over a guard': a
        generic rejection (120) of a request takes the refusal code of the act asked for."""
        for request in (c for c in token.children if c.dep_ in ("dobj", "obj")):
            if request.lemma_.lower() not in self.request_nouns:
                continue
            acts = _requested_verbs(request) + [p for c in request.children
                                                if c.dep_ == "prep" and c.lower_ in ("for", "of")
                                                for p in c.children if p.dep_ == "pobj"]
            for act in acts:
                table = self.verb_triggers if act.pos_ in VERB_POS else self.noun_triggers
                entries = table.get(act.lemma_.lower())
                found = self._best_entry(ctx, act, entries) if entries else None
                if found is None:
                    continue
                if found.cameo in self.aid_kind_codes:
                    found = self._aid_kind(act, found)
                act_type = self.ontology.plover_of(found.cameo)[0]
                code = (self.refusal_by_code.get(found.cameo) or self.refusal_by_code.get(found.cameo[:3])
                        or (self.refusal_codes.get(act_type) if act_type else None))
                if code is not None and code in self.ontology.cameo:
                    return Trigger(trigger.kind, f"{trigger.lemma}+{act.lemma_.lower()}", trigger.conditions, code,
                                   None, trigger.line, trigger.origin)
        return trigger

    def _aid_kind(self, token: Token, trigger: Trigger) -> Trigger:
        """'asked for military aid', 'halted economic assistance', 'humanitarian aid': the word
        qualifying the aid picks the codebook's sub-code of a generic aid act (070 -> 072)."""
        candidates = [token] if token.pos_ in NOUN_POS else []
        for child in token.children:
            if child.dep_ in ("dobj", "obj", "dative", "nsubjpass"):
                candidates.append(child)
            elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
                candidates += [p for p in child.children if p.dep_ == "pobj"]
        candidates += [p for c in candidates for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for p in prep.children if p.dep_ == "pobj"]
        for noun in candidates:
            if noun.lemma_.lower() not in self.aid_nouns:
                continue
            for modifier in noun.children:
                kind = self.aid_kind_of.get(modifier.lemma_.lower()) if modifier.dep_ in ("amod", "compound") else None
                code = self.aid_kind_codes[trigger.cameo].get(kind) if kind else None
                if code is not None and code in self.ontology.cameo:
                    return Trigger(trigger.kind, f"{trigger.lemma}+{modifier.lemma_.lower()}", trigger.conditions,
                                   code, None, trigger.line, trigger.origin)
        return trigger

    def _family_code(self, governor_code: str, act_code: str) -> str | None:
        """The code of asking for (02x, 10x), promising (03x) or threatening (13x) the act ``act_code``."""
        if governor_code[:2] == "13":
            act_type = self.ontology.plover_of(act_code)[0]
            return (self.threat_by_code.get(act_code) or self.threat_by_code.get(act_code[:3])
                    or (self.threat_codes.get(act_type) if act_type else None))
        table = self.request_by_act[governor_code[:2] + "0"]
        return next((table[act_code[:n]] for n in (4, 3, 2) if act_code[:n] in table), None)

    def load_verb_dictionary(self, path: str | Path) -> VerbDictionary:
        """Add a user's PETRARCH verb dictionary, which decides the code of the verbs it matches."""
        dictionary = VerbDictionary(path)
        self.verb_dictionaries.append(dictionary)
        return dictionary

    def _dictionary_trigger(self, verb: Token) -> tuple[Trigger, VerbMatch] | None:
        """A loaded dictionary's code for a verb. A user who loads their own dictionary expects
        it to win where it matches, as in PETRARCH; the caller keeps a built-in code only where
        it narrows the dictionary's within the same family. On the PETRARCH unit tests with
        their own dictionary that raised triple F1 from 0.12 to 0.54; on the CAMEO manual dev
        sentences with CAMEO.2.0.txt, whose codes are coarser than the built-in ones, top-event
        code accuracy fell from 0.47 to 0.37 (0.25 before the family exception and before
        patterns were matched in the verb's own phrase only)."""
        for dictionary in self.verb_dictionaries:
            # A statement code (01x) codes no event but keeps the acts inside it uncoded ("declined
            # to comment on reports of air strikes"); a reporting verb ("said") gives way to the act
            # it reports, so only the codes of acts are usable for it.
            reporting = verb.lemma_.lower() in self.reporting_verbs
            found = dictionary.match(verb, usable=lambda code: code in self.ontology.cameo and not (
                reporting and self.ontology.plover_of(code)[0] is None))
            if found is None:
                continue
            label = found.label.replace(" ", "_")
            return Trigger("verb", f"{verb.lemma_.lower()}+{label}", (), found.code, None, 0, dictionary.path), found
        return None

    def _best_entry(self, ctx: _Context, token: Token, entries: list[Trigger]) -> Trigger | None:
        features: dict[str, set[str]] | None = None
        best: Trigger | None = None
        for entry in entries:
            if entry.conditions:
                if features is None:
                    features = self._features(ctx, token)
                if not all(_condition_met(features.get(key, set()), values) for key, values in entry.conditions):
                    continue
            if best is None or len(entry.conditions) > len(best.conditions):
                best = entry
        return best

    def _features(self, ctx: _Context, token: Token) -> dict[str, set[str]]:
        """The dependents' words a dictionary condition can test."""
        objects: list[Token] = []
        out: dict[str, set[str]] = {"obj": set(), "prep": set(), "prt": set(), "comp": set(),
                                    "xcomp": set(), "mod": set(), "place": set(), "ccomp_aux": set(),
                                    "gov": set(), "subj": set()}
        if token.pos_ in VERB_POS:
            # "peacekeepers arrived in X", "troops left the city": who moves decides what a verb
            # of motion is (a deployment or a withdrawal, not a visit).
            out["subj"] = _subject_words(token, self.quantity_nouns)
        for child in token.children:
            dep = child.dep_
            if dep in OBJECT_DEPS or dep in ("nsubjpass", "dative"):
                objects.extend(_with_conjuncts(child))
                for sub in child.children:
                    if sub.dep_ == "prep" and (sub.lower_ == "of" or (
                            sub.lower_ == "to" and child.lemma_.lower() in self.ending_nouns)):
                        objects.extend(t for p in sub.children if p.dep_ == "pobj" for t in _with_conjuncts(p))
            elif dep == "prep":
                pobjs = [t for p in child.children if p.dep_ == "pobj" for t in _with_conjuncts(p)]
                nested = not pobjs
                if nested:
                    # "pulled out of the talks": the parser hangs the object under "out" -> "of".
                    pobjs = [t for inner in child.children if inner.dep_ == "prep" and inner.lower_ in OBJECT_PREPS
                             for p in inner.children if p.dep_ == "pobj" for t in _with_conjuncts(p)]
                if pobjs and all(t.ent_type_ in ("DATE", "TIME") for t in pobjs):
                    continue  # "On Nov. 2, X called Y": a date, not "call on"
                out["prep"].add(child.lower_)
                if child.lower_ in OBJECT_PREPS or token.pos_ in NOUN_POS or nested:
                    # "asked for the delivery of aid": the "of" complement names what was asked for too.
                    # "called for an end to the embargo": what is to end names the act asked for too.
                    pobjs += [o for p in pobjs for c in p.children if c.dep_ == "prep" and (
                              c.lower_ == "of" or (c.lower_ == "to" and p.lemma_.lower() in self.ending_nouns))
                              for o in c.children if o.dep_ == "pobj"]
                    out["obj"].update(p.lemma_.lower() for p in pobjs)
                    # "deployed troops to the peacekeeping mission": a compound names the object too,
                    # as it does for a direct object.
                    out["obj"].update(m.lemma_.lower() for p in pobjs for m in p.children if m.dep_ == "compound")
            elif dep == "prt" or (dep == "advmod" and token.pos_ in VERB_POS and child.lower_ in self.adverb_particles):
                out["prt"].add(child.lower_)
            elif dep in COMPLEMENT_DEPS or (dep in ("ccomp", "xcomp") and child.pos_ == "ADJ"):
                out["comp"].add(child.lemma_.lower())
            if _for_clause(child):
                # "called for Russia to withdraw", "pushed for Congress to act": the parser makes
                # "for" the clause's marker; the verb is "called for" all the same.
                out["prep"].add("for")
            if dep == "xcomp" or (dep in ("ccomp", "advcl") and _is_infinitive(child)):
                # "wants Germany to pay" is often parsed as a ccomp with its own subject, "sworn
                # to fight" as a purpose clause.
                out["xcomp"].add(child.lemma_.lower())
            if dep == "ccomp":
                out["ccomp_aux"].update(a.lower_ for a in child.children if a.dep_ in ("aux", "auxpass"))
                if child.lemma_.lower() in self.obligation_verbs and any(
                        x.dep_ == "xcomp" and _is_infinitive(x) for x in child.children):
                    # "said Japan needs to enact reforms": the verb of obligation counts as its modal.
                    out["ccomp_aux"].add(child.lemma_.lower())
            if dep in MODIFIER_DEPS:
                out["mod"].add(child.lemma_.lower())
                out["mod"].add(child.lower_)
        if token.pos_ in NOUN_POS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects.extend(t for p in child.children if p.dep_ == "pobj" for t in _with_conjuncts(p))
            head = token.head
            if token.dep_ in OBJECT_DEPS and head.pos_ in VERB_POS:
                out["prep"].update(c.lower_ for c in head.children if c.dep_ == "prep")
                out["gov"].update((head.lemma_.lower(), head.lower_))
            elif token.dep_ == "pobj" and head.head != head and head.head.pos_ in VERB_POS:
                # "acted as a mediator": a verb and preposition that carry the nominal event.
                governor = head.head
                if f"{governor.lemma_.lower()} {head.lower_}" in self.prepositional_light_verbs:
                    out["gov"].update((governor.lemma_.lower(), governor.lower_))
        if token.pos_ in VERB_POS and token.dep_ == "acl" and token.tag_ == "VBN":
            # "a statement released by the ministry": the noun a passive participle modifies is
            # what the verb acts on.
            objects.extend(_with_conjuncts(token.head))
        objects += [m for o in list(objects) for m in o.children if m.dep_ == "compound"]
        if token.pos_ in VERB_POS:
            # "held joint drills": a verb's mod= condition reads its object's modifiers.
            out["mod"].update(m.lemma_.lower() for o in objects for m in o.children if m.dep_ in ("amod", "compound"))
        # "hit five bases": the tagger lemmatises some plurals to another noun ("basis"), so the
        # plain singular counts too.
        out["obj"].update(form for o in objects for form in _word_forms(o))
        # "staged a sit-in": the parser splits a hyphenated noun, whose last part is the object.
        out["obj"].update(f"{o.doc[o.i - 2].lower_}-{o.lower_}" for o in objects
                          if o.i >= 2 and o.doc[o.i - 1].text == "-" and o.doc[o.i - 2].head == o)
        if any(_is_place(o) or _is_country(ctx.actors.actor_at(o.idx, o.idx + len(o))) for o in objects):
            out["place"].add("yes")
        return out

    # ------------------------------------------------------------------ verbs

    def _code_verb(self, ctx: _Context, sent: SpacySpan, verb: Token, trigger: Trigger) -> None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN")
        if self._has_non_agent_subject(verb, passive) or self._about_mishap(verb, trigger) or (
                self._mishap_circumstance(verb)):
            return
        if not passive and self._headline_participle(ctx, verb):
            self._code_headline_passive(ctx, sent, verb, trigger)
            return
        if passive and trigger.cameo in self.visit_codes and not self._visited_by(ctx, verb, trigger):
            # "was flown to a hospital", "were taken to Berlin": someone carried is on no visit.
            return
        sources = self._verb_sources(ctx, verb, passive)
        if verb.lemma_.lower() in self.receipt_verbs and self.ontology.plover_of(
                trigger.cameo)[0] == "AID":
            self._code_receipt(ctx, sent, verb, trigger, sources)
            return
        if not sources and passive and self.ontology.plover_of(trigger.cameo)[0] == "MOBILIZE":
            # "The army was placed on high alert", "Russian troops were deployed": with no agent
            # named, the forces mobilised are the acting side.
            sources = [Found(f.actor, f.start, f.end, "nsubjpass-mobilized") for c in verb.children
                       if c.dep_ == "nsubjpass" for f in self._phrase_actors(ctx, c, "nsubjpass")]
        shift = 0.0
        agentless = False
        if not sources and not self._verbal_cooperation(trigger.cameo):
            # "Gunmen opened fire", "the rebels pulled out": an act is news whoever did it; words
            # of cooperation by no one the actors stage knows ("the press asked", "the event
            # played host to") were rarely an event on real news.
            sources = self._unresolved_subject(verb, passive)
            shift = UNRESOLVED_SOURCE_PENALTY
        if not sources and self._codes_agentless(verb, passive):
            sources = self._passive_place_source(ctx, verb) or [_unknown_source()]
            agentless, shift = True, AGENTLESS_PASSIVE_PENALTY
        if not sources:
            return
        if trigger.origin != "built-in":
            shift += USER_DICTIONARY_PENALTY
            if self._reports_uncodable_act(ctx, verb):
                return
        marked = ctx.marked_roles.get(verb.i)
        marked_sources = self._marked_actors(ctx, marked.source, "pattern-source") if marked else []
        sources = marked_sources or sources
        targets = self._marked_actors(ctx, marked.target, "pattern-target") if marked else []
        source_ids = {s.actor.id for s in sources}
        targets = [t for t in targets if t.actor.id not in source_ids]
        targets = targets or self._verb_targets(ctx, verb, passive, trigger, sources)
        if self._media_interview(verb, trigger, targets):
            return
        if (not targets and not ctx.headline and self.ontology.plover_of(trigger.cameo)[0] == "AID"
                and all(found.how == UNCODED_HOW for found in sources)):
            # "Local management provides a degree of insurance", "a loan financed the purchase":
            # help by something the actors stage does not know, given to no one named, was no
            # one's act on real news.
            return
        if agentless and not marked_sources and not any(t.how == "nsubjpass" or t.how.startswith("prep:")
                                                        for t in targets):
            # With neither side named ("the bridge was destroyed"), nothing is left to code; the
            # target is the subject acted on or, when that is a thing ("sanctions were imposed
            # on X"), whom the verb's preposition names.
            return
        # "threatened to secede unless ...": the condition belongs to the threat, which was made.
        threat = self.ontology.plover_of(trigger.cameo)[0] == "THREATEN"
        modality = self._modality(verb, conditions_count=not threat)
        self._emit(ctx, sent, verb, verb, trigger, sources, targets, modality, confidence_shift=shift,
                   mutual=marked is not None and marked.compound)

    def _visited_by(self, ctx: _Context, verb: Token, trigger: Trigger) -> bool:
        """'Ruritania was visited by President Ottokar': an actor visited by someone named (with a
        trigger whose object is the one visited, not one that needs a preposition for it, as
        'flown to') receives a visit; 'the rally was visited by thousands' names no host."""
        if any(key == "prep" for key, _ in trigger.conditions) or not any(c.dep_ == "agent" for c in verb.children):
            return False
        return any(self._phrase_actors(ctx, c, "nsubjpass") for c in verb.children if c.dep_ == "nsubjpass")

    def _code_receipt(self, ctx: _Context, sent: SpacySpan, verb: Token, trigger: Trigger,
                      recipients: list[Found]) -> None:
        """'Syldavia received rifles from Borduria', 'aid was received by Syldavia': aid received
        is given by whom the "from" phrase (on the verb or on what was received) or the aid's own
        modifier names, to the receiver (the subject, or the passive's agent)."""
        if not recipients:
            return
        received = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        receivers = {r.actor.id for r in recipients}
        givers = _unique(f for phrase in (verb, *received) for c in phrase.children if c.dep_ == "prep"
                         and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"
                         for f in self._phrase_actors(ctx, p, "giver") if f.actor.id not in receivers)
        # "received Bordurian assistance": the aid's own owner or nationality gives it.
        givers = givers or _unique(f for noun in received for f in self._noun_sources(ctx, noun)
                                   if f.actor.id not in receivers)
        if not givers:
            # "patients received medical assistance": help from no one named is no event.
            return
        targets = [Found(r.actor, r.start, r.end, "recipient") for r in recipients]
        self._emit(ctx, sent, verb, verb, trigger, givers, targets, self._modality(verb))

    def _has_non_agent_subject(self, verb: Token, passive: bool) -> bool:
        """'A fire killed five', 'the crash injured ten', 'the study examined 93 statues': a
        mishap, a disease or a piece of research is nobody's act, so the trigger codes no event
        (an actor named only as the subject's modifier, 'Catalonia apartment fire kills three',
        does not make it one)."""
        bearer = verb if passive else _subject_bearer(verb)
        for child in bearer.children:
            if child.dep_ == ("agent" if passive else "nsubj"):
                head = next((p for p in child.children if p.dep_ == "pobj"), None) if passive else child
                return head is not None and head.lemma_.lower() in self.non_agent_subjects
        return False

    def _about_mishap(self, token: Token, trigger: Trigger) -> bool:
        """ "investigated the crash", "an investigation of his death", "issued a hurricane
        warning": an inquiry into, or a warning of, a mishap, a disaster or a death concerns no
        one's act (``mishap_topic_types``), so it is no event."""
        if self.ontology.plover_of(trigger.cameo)[0] not in self.mishap_topic_types:
            return False
        topics = [c for c in token.children if c.dep_ in ("dobj", "obj", "compound", "nsubjpass")]
        topics += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "into")
                   for p in c.children if p.dep_ == "pobj"]
        return any(t.lemma_.lower() in self.non_agent_subjects or t.lemma_.lower() in self.mishap_topics
                   for t in topics)

    def _mishap_circumstance(self, verb: Token) -> bool:
        """'were injured in the crash', 'were killed when a bomber crashed', 'a plane crashes,
        killing seven': harm done in a mishap (``non_agent_subjects``, ``mishap_verbs``) is no
        one's act, though the verb that names the harm has a subject or agent of its own."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "during"):
                if any(p.dep_ == "pobj" and p.lemma_.lower() in self.non_agent_subjects for p in child.children):
                    return True
        if any(t.lemma_.lower() in self.mishap_verbs and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in MISHAP_TIME_MARKS for c in t.children)
               for t in verb.subtree if t is not verb):
            return True
        return verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.lemma_.lower() in self.mishap_verbs

    def _media_interview(self, verb: Token, trigger: Trigger, targets: list[Found]) -> bool:
        """'Speaking to BBC Sport, she said', 'spoke to the press': talking to reporters is how a
        story got its quotation, no consultation between the two."""
        if verb.lemma_.lower() not in self.interview_verbs or self.ontology.plover_of(trigger.cameo)[0] != "CONSULT":
            return False
        if targets:
            return all(t.actor.code is not None and t.actor.code.endswith("MED") for t in targets)
        return any(p.dep_ == "pobj" and p.lemma_.lower() in self.media_nouns
                   for c in verb.children if c.dep_ == "prep" for p in c.children)

    def _headline_participle(self, ctx: _Context, verb: Token) -> bool:
        """'Minister stabbed', 'Doctor sentenced to 40 years': a headline drops the passive's
        auxiliary, so a past participle of a verb that needs an object (``headline_passive_verbs``)
        with a subject and no object of its own reads as a passive."""
        if not ctx.headline or verb.tag_ not in ("VBN", "VBD"):
            return False
        if verb.lemma_.lower() not in self.headline_passive_verbs:
            return False
        deps = {c.dep_ for c in verb.children}
        return "nsubj" in deps and not deps & (OBJECT_DEPS | {"dative", "agent"})

    def _code_headline_passive(self, ctx: _Context, sent: SpacySpan, verb: Token, trigger: Trigger) -> None:
        """The headline participle's subject is whom the act befell; the doer is unknown."""
        targets = [Found(f.actor, f.start, f.end, "headline-participle") for c in verb.children
                   if c.dep_ == "nsubj" for f in self._phrase_actors(ctx, c, "nsubj")]
        if targets:
            self._emit(ctx, sent, verb, verb, trigger, [_unknown_source()], targets, self._modality(verb),
                       confidence_shift=AGENTLESS_PASSIVE_PENALTY)

    def _reports_uncodable_act(self, ctx: _Context, verb: Token) -> bool:
        """'X will abandon ties with Y, an official said': a reporting verb gives way to the act
        it reports, also when the user's dictionary codes that act with a code the ontology lacks
        (a WEIS code), which is then the sentence's event, only not one newsgraph can write."""
        if verb.lemma_.lower() not in self.reporting_verbs:
            return False
        reported = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        if verb.dep_ in ("ccomp", "parataxis"):
            reported.append(verb.head)
        return any(clause.i in ctx.uncodable for clause in reported)

    def _marked_actors(self, ctx: _Context, phrase: MarkedPhrase | None, how: str) -> list[Found]:
        """The actors of the first noun phrase a pattern's role marker covers that names one,
        after the phrases its ``^`` skips ("warned at ^ +": skip the place, take the next)."""
        if phrase is None:
            return []
        covered = {t.i for t in phrase.tokens}
        # Phrase heads only: not a modifier, apposition or conjunct of a noun the phrase covers.
        heads = [t for t in phrase.tokens if t.pos_ in NOUN_POS and t.dep_ not in OWNER_DEPS | {"appos", "conj"}
                 and not (t.head.i in covered and t.head.pos_ in NOUN_POS and t.dep_ != "pobj")]
        for head in heads[phrase.skips:]:
            found = self._phrase_actors(ctx, head, how)
            if found or self._is_relation(head):
                # "the son of the leader": the son acts, and the leader the phrase names next does not.
                return found
        return []

    @staticmethod
    def _unresolved_subject(verb: Token, passive: bool) -> list[Found]:
        """A subject noun phrase that names no known actor ("a guerrilla group"): kept as an
        uncoded source so the act itself is still recorded, at a lower confidence. An infinitive
        or participle with no subject of its own takes its governing verb's (:func:`_subject_bearer`)."""
        deps = ("agent",) if passive else ("nsubj",)
        if not passive:
            verb = _subject_bearer(verb)
        mistagged = [] if passive or not _is_finite(verb) else _mistagged_subjects(verb)
        for child in verb.children:
            if child.dep_ not in deps and child not in mistagged:
                continue
            head = child
            if child.dep_ == "agent":
                head = next((p for p in child.children if p.dep_ == "pobj"), None)
            if head is None or (head.pos_ not in NOUN_POS and head not in mistagged):
                return []
            left, right = head.left_edge, head
            text = verb.doc[left.i:right.i + 1].text
            actor = Actor(id="", name=text, kind="anonymous")
            return [Found(actor, left.idx, right.idx + len(right), UNCODED_HOW)]
        return []

    def _codes_agentless(self, verb: Token, passive: bool) -> bool:
        """A passive with a subject and no agent is coded on the sentence's own line, not in a
        relative clause ("farmers who were killed", a detail of another act) nor as a report
        ("X is said to ..."), which states no act of its own."""
        if not passive or verb.lemma_.lower() in self.reporting_verbs:
            return False
        if not any(c.dep_ == "nsubjpass" for c in verb.children):
            return False
        return not any(node.dep_ in ("relcl", "acl") for node in (verb, *verb.ancestors))

    def _passive_place_source(self, ctx: _Context, verb: Token) -> list[Found]:
        """'was shot dead in X', 'tortured in a prison in X', 'expelled from X': with no agent
        named, the PETRARCH-2 unit tests and the ConfliBERT annotations take the country the act
        happened in or came from as its source; the first such country, through nested phrases."""
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.passive_place_preps]
        while preps:
            prep = preps.pop(0)
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                countries = [f for f in self._phrase_actors(ctx, pobj, "place") if _is_country(f.actor)]
                if countries:
                    first = countries[0]
                    return [Found(first.actor, first.start, first.end, f"{AGENTLESS_HOW}-place")]
                preps.extend(c for c in pobj.children if c.dep_ == "prep" and c.lower_ in self.passive_place_preps)
        return []

    def _verb_sources(self, ctx: _Context, verb: Token, passive: bool) -> list[Found]:
        if passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self._phrase_actors(ctx, pobj, "agent")
            return self._detached_agent(ctx, verb)
        return self._subject_actors(ctx, verb, depth=0)

    def _detached_agent(self, ctx: _Context, verb: Token) -> list[Found]:
        """'was murdered in an attack on a patrol by rebels': the parser hung the agent's "by"
        on a noun of the verb's own phrases; the first "by" there that names an actor acts."""
        for token in sorted(_core_tokens(verb, self.clause_deps), key=lambda t: t.i):
            if token.i > verb.i and token.dep_ == "prep" and token.lower_ == "by" and token.head != verb:
                for pobj in token.children:
                    if pobj.dep_ == "pobj":
                        found = self._phrase_actors(ctx, pobj, "agent-detached")
                        if found:
                            return found
        return []

    def _asks(self, verb: Token) -> bool:
        """Whether the verb is an appeal or demand (CAMEO 02x, 10x) in the trigger dictionary."""
        entries = next((self.verb_triggers[form] for form in _word_forms(verb) if form in self.verb_triggers), [])
        return verb.pos_ in VERB_POS and any(entry.cameo[:2] in ("02", "10") for entry in entries)

    def _subject_actors(self, ctx: _Context, verb: Token, depth: int) -> list[Found]:
        """The subject's actors, climbing to the controlling clause when the verb has none."""
        if depth > MAX_CLIMB:
            return []
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not subjects:
            # The parser sometimes hangs the subject on the auxiliary ("X however have opposed").
            subjects = [s for a in verb.children if a.dep_ in ("aux", "auxpass") for s in a.children
                        if s.dep_ in SUBJECT_DEPS]
        if not subjects and _is_finite(verb):
            # "USAID deployed teams": the tagger read an acronym subject as an adverb.
            subjects = [c for c in _mistagged_subjects(verb)
                        if ctx.actors.actor_at(c.idx, c.idx + len(c)) is not None]
        if subjects:
            first = subjects[0]
            if first.lower_ in self.relative_pronouns and verb.dep_ == "relcl":
                return self._phrase_actors(ctx, verb.head, "relcl")
            how = "nsubj" if depth == 0 else "nsubj-inherited"
            for subject in subjects:
                # "The attack on X by Y killed dozens": an act named as the subject was done by its
                # own source, not by whom its phrase names first.
                event_noun = (subject.pos_ == "NOUN" and subject.lemma_.lower() in self.noun_triggers
                              and self._token_actor(ctx, subject, how) is None)
                own = [Found(f.actor, f.start, f.end, how)
                       for f in (self._noun_sources(ctx, subject) if event_noun else [])]
                found = own or self._phrase_actors(ctx, subject, how)
                if found:
                    return found
            if len(subjects) > 1:
                return self._split_subject_actors(ctx, subjects, how)
            return self._reporter_of_pronoun(ctx, verb, first, depth)
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        head = verb.head
        if head == verb:
            return []
        dep = verb.dep_
        if dep in ("xcomp", "advcl") and _is_infinitive(verb) and self._asks(head):
            # "pleaded with X to free them", "appealed to Y to provide food": the one asked acts.
            asked = [p for c in head.children if c.dep_ == "prep" and c.lower_ in ASKED_PREPS
                     for p in c.children if p.dep_ == "pobj"]
            for party in asked:
                found = self._phrase_actors(ctx, party, "object-control")
                if found:
                    return found
        if dep == "xcomp":
            # "X was forced to withdraw", "X is poised to attack": the passive subject acts.
            controllers = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            controllers += [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                            for p in c.children if p.dep_ == "pobj"]
            for child in controllers:
                how = "passive-control" if child.dep_ == "nsubjpass" else "object-control"
                found = self._phrase_actors(ctx, child, how)
                if found:
                    return found
            if head.pos_ == "ADJ" and head.head != head:
                return self._subject_actors(ctx, head.head, depth + 1)
            return self._subject_actors(ctx, head, depth + 1)
        if dep == "advcl" and (_is_infinitive(verb) or verb.tag_ in ("VBG", "VBN")):
            reported = self._reported_clause(head, verb)
            if reported is None and head.pos_ in NOUN_POS and not _acts_as_verb(head):
                # "announced an increase in funding to fight the epidemic": the purpose clause the
                # parser hung on the object serves the verb whose subject acts.
                reported = _governing_verb(head)
                if reported is None:
                    return []
            return self._subject_actors(ctx, reported if reported is not None else head, depth + 1)
        if dep == "conj" and _acts_as_verb(head):
            return self._subject_actors(ctx, head, depth + 1)
        if dep in ("acl", "relcl"):
            relation = self._relation_owning(head)
            if dep == "acl" and relation is not None and relation.dep_ == "ROOT":
                # "The fiancee of a jailed blogger accused X": the parser hung the sentence's verb
                # on the "of" object; the relation noun is the real, uncoded subject.
                name = verb.doc[relation.left_edge.i:relation.i + 1]
                actor = Actor(id="", name=name.text, kind="anonymous")
                return [Found(actor, name.start_char, name.end_char, UNCODED_HOW)]
            found = self._phrase_actors(ctx, head, "acl-head")
            if found:
                return found
            if head.dep_ == "attr" and _is_infinitive(verb):
                # "X is not a pleasant place to visit": X is what one would visit, not the visitor.
                return []
            governor = _governing_verb(head)
            if governor is not None:
                return self._subject_actors(ctx, governor, depth + 1)
            return []
        if dep == "pcomp":
            governor = _governing_verb(verb)
            if governor is not None:
                return self._subject_actors(ctx, governor, depth + 1)
        return []

    def _reported_clause(self, reporter: Token, participle: Token) -> Token | None:
        """'X overran a base, officials said, killing 17 soldiers': a participle hung on a
        parenthetical reporting verb continues the reported clause before it, not the report."""
        if reporter.lemma_.lower() not in self.reporting_verbs:
            return None
        return next((c for c in reporter.children if c.dep_ in ("ccomp", "parataxis") and c.i < participle.i
                     and _acts_as_verb(c)), None)

    def _reporter_of_pronoun(self, ctx: _Context, verb: Token, subject: Token, depth: int) -> list[Found]:
        """'The party said it will boycott the vote': an unresolved subject pronoun of a reported
        clause is the reporter (used only when the actors stage left the pronoun unresolved)."""
        if subject.lower_ not in self.reporter_pronouns or verb.dep_ not in ("ccomp", "parataxis"):
            return []
        reporter = verb.head
        if reporter.lemma_.lower() not in self.reporting_verbs:
            return []
        if subject.lower_ in SINGULAR_PRONOUNS and any(
                c.dep_ in SUBJECT_DEPS and c.tag_ in PLURAL_NOUN_TAGS for c in reporter.children):
            # "Officials said it killed nine": "it" cannot stand for the officials.
            return []
        found = self._subject_actors(ctx, reporter, depth + 1)
        return [Found(f.actor, f.start, f.end, "nsubj-reporter") for f in found]

    def _split_subject_actors(self, ctx: _Context, subjects: list[Token], how: str) -> list[Found]:
        """A name the parser broke into several subjects ("Minister Fayez al - Sarraj"): the
        actor named last in the span the subject tokens cover."""
        doc = subjects[0].doc
        left = min(s.left_edge.i for s in subjects)
        right = max(s.right_edge.i for s in subjects)
        pairs = ctx.actors.mentions_in(doc[left].idx, doc[right].idx + len(doc[right]))
        if not pairs:
            return []
        mention, actor = max(pairs, key=lambda pair: (pair[0].end - pair[0].start, pair[0].start))
        return [Found(actor, mention.start, mention.end, how + "-split")]

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

    # ------------------------------------------------------------------ nouns

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
        sources = own_sources
        if not sources and light is not None:
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
        if not sources and light is not None and light.pos_ in VERB_POS:
            # "the group was willing to hold talks": a subject that names no known actor.
            sources = self._unresolved_subject(light, any(c.dep_ == "auxpass" for c in light.children))
            shift = UNRESOLVED_SOURCE_PENALTY
        if (not sources and anchor.dep_ == "nsubj" and governor is not None and self._conflictual(trigger.cameo)
                and governor.lemma_.lower() in self.occurrence_verbs):
            # "Riots broke out across X", "clashes erupted in X": no one is named, the place is.
            sources = self._occurrence_place_source(ctx, governor)
            shift = AGENTLESS_PASSIVE_PENALTY
        agentless = (not sources and light is not None and anchor.dep_ == "nsubjpass"
                     and not any(c.dep_ == "agent" for c in light.children))
        if agentless:
            # "New sanctions were imposed on X": no one named imposed them.
            sources, shift = [_unknown_source()], AGENTLESS_PASSIVE_PENALTY
        if not sources:
            return
        source_ids = {s.actor.id for s in sources}
        targets = self._noun_targets(ctx, noun, source_ids, departure)
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

    def _noun_modality(self, noun: Token, light: Token | None) -> Modality:
        modality = self._modality(light) if light is not None else Modality()
        for child in noun.children:
            if child.dep_ == "det" and child.lower_ in self.negation_words:
                modality.negated = True
            if child.dep_ in ("amod", "compound") and child.lemma_.lower() in self.hypothetical_noun_modifiers:
                modality.hypothetical = True
        head = noun.head
        if light is None and head is not noun and noun.dep_ not in SUBJECT_DEPS:
            # "Li's visit will push forward cooperation": an event that is the subject happened.
            if head.dep_ == "prep" and head.head != head:
                head = head.head
            lemma = head.lemma_.lower()
            if head.pos_ in VERB_POS and lemma in self.hypothetical_governors:
                modality.hypothetical = True
            if head.pos_ in NOUN_POS and lemma in self.hypothetical_noun_governors:
                modality.hypothetical = True
        return modality

    # ------------------------------------------------------------------ headlines

    def _code_headline(self, ctx: _Context, sent: SpacySpan) -> None:
        """'Russia, NATO Meet Over Ukraine': headlines parse badly; code actors before a trigger word."""
        for token in sent:
            entries = self._headline_entries(ctx, token) if token.i != sent.start else []
            if not entries:
                continue
            # The entry whose conditions the headline's words meet ("on wildcat strike": a
            # protest), not the first unconditioned one.
            trigger = self._headline_entry(ctx, token, entries)
            if trigger is None:
                return
            if any(form in self.non_agent_subjects for t in sent[:token.i - sent.start] for form in _word_forms(t)):
                # "New Hampshire Crash Kills Seven": a mishap is nobody's act.
                return
            before = ctx.actors.mentions_in(sent.start_char, token.idx)
            members = _unique([Found(a, m.start, m.end, "headline") for m, a in before])
            if not members:
                return
            act_type = self.ontology.plover_of(trigger.cameo)[0]
            consult = act_type == "CONSULT"
            # "Chile and Portugal Resume Diplomatic Relations": joint acts of the parties named first.
            joint = act_type in JOINT_TYPES or trigger.cameo in JOINT_CODES
            if joint and len(members) >= 2:
                for first, second in combinations(members, 2):
                    self._emit(ctx, sent, token, token, trigger, [first], [second], Modality(),
                               reciprocal=True, confidence_shift=-0.15)
            elif not consult:
                after = ctx.actors.mentions_in(token.idx + len(token), sent.end_char)
                targets = _unique([Found(a, m.start, m.end, "headline") for m, a in after])[:1]
                self._emit(ctx, sent, token, token, trigger, members[:1], targets, Modality(), confidence_shift=-0.15)
            return

    def _headline_entries(self, ctx: _Context, token: Token) -> list[Trigger]:
        """The entries of a headline word, whose title-cased form the tagger often leaves
        unlemmatised ("Expels", "Raises"): looked up by its :func:`_word_forms`; read as a noun
        after a preposition or determiner ("Out on Wildcat Strike", "Responsible for Torture"),
        else as a verb ("Mayor of Rome Promises": the preposition belongs to the name)."""
        named = [t for t in token.doc[max(token.sent.start, token.i - 2):token.i]
                 if ctx.actors.actor_at(t.idx, t.idx + len(t)) is not None]
        table = self.noun_triggers if _after_preposition(token, named) else self.verb_triggers
        return next((table[form] for form in _word_forms(token) if form in table), [])

    def _headline_entry(self, ctx: _Context, token: Token, entries: list[Trigger]) -> Trigger | None:
        """The entry a headline word takes: by its parse, unless the headline's words meet more
        of an entry's object or modifier conditions ("Expels Dozens of Diplomats": the
        diplomats, which the misparse hangs elsewhere, make it an expulsion of diplomats)."""
        best = self._best_entry(ctx, token, entries)
        after = {form for t in token.doc[token.i + 1:token.sent.end] for form in _word_forms(t)}
        before = {form for t in token.doc[max(token.sent.start, token.i - 2):token.i] for form in _word_forms(t)}
        for entry in entries:
            if not entry.conditions or any(key not in ("obj", "mod") for key, _ in entry.conditions):
                continue
            met = all(values & (after if key == "obj" else before) for key, values in entry.conditions)
            if met and (best is None or len(entry.conditions) > len(best.conditions)):
                best = entry
        return best

    # ------------------------------------------------------------------ actors of a phrase

    def _phrase_actors(self, ctx: _Context, head: Token, how: str) -> list[Found]:
        """The actors a noun phrase names: its head and each coordinated head, one actor each."""
        found: list[Found] = []
        for member in _with_conjuncts(head) + _misparsed_coordination(head):
            single = self._single_phrase_actor(ctx, member, how)
            if single is None:
                continue
            found.append(single)
            found.extend(self._same_span_partners(ctx, single))
            found.extend(self._split_group_partners(ctx, member, single))
            found.extend(self._nested_conjuncts(ctx, member, single, how))
        # "lawmakers in Fornost and Gondor": the actors stage's per-country groups already stand
        # for the countries the phrase names, so a country is not a member beside its own group.
        grouped = {f.actor.country for f in found if f.actor.rule == COMPOUND_GROUP_RULE}
        return _unique(f for f in found if not (f.actor.code == f.actor.country and f.actor.country in grouped))

    @staticmethod
    def _same_span_partners(ctx: _Context, single: Found) -> list[Found]:
        """ "the two Koreas": the actors stage gave each country named by the one word a mention
        on it; all of them are the phrase's actors."""
        if single.start is None or single.end is None:
            return []
        return [Found(actor, mention.start, mention.end, single.how)
                for mention, actor in ctx.actors.mentions_in(single.start, single.end)
                if (mention.start, mention.end) == (single.start, single.end) and actor.id != single.actor.id]

    def _split_group_partners(self, ctx: _Context, member: Token, single: Found) -> list[Found]:
        """'Russian and Belarusian soldiers', 'lawmakers in France and Germany': the actors
        stage made one group per country; the phrase names all of them."""
        if single.actor.rule != COMPOUND_GROUP_RULE:
            return []
        left, right = member.left_edge, member.right_edge
        return [Found(actor, mention.start, mention.end, single.how)
                for mention, actor in ctx.actors.mentions_in(left.idx, right.idx + len(right))
                if actor.rule == COMPOUND_GROUP_RULE and actor.id != single.actor.id]

    def _nested_conjuncts(self, ctx: _Context, member: Token, single: Found, how: str) -> list[Found]:
        """'a resumption of ties with Mordor, Rohan and Bree': the actor was found inside the
        phrase; its coordinated partners are named there too."""
        span = member.doc.char_span(single.start, single.end, alignment_mode="expand")
        if span is None or span.root == member or span.root.i not in {t.i for t in member.subtree}:
            return []
        partners = [self._single_phrase_actor(ctx, c, how) for c in span.root.conjuncts if c.i > span.root.i]
        return [p for p in partners if p is not None]

    def _single_phrase_actor(self, ctx: _Context, head: Token, how: str) -> Found | None:
        direct = self._token_actor(ctx, head, how)
        if direct is not None and direct.actor.country is None and not self._is_relation(head):
            # "the Prince of Dol Amroth", "the population of Gondor": a position or group with no
            # country of its own stands for the country its "of" phrase names; a relation ("the
            # lawyer of a Russian activist") is a private person and does not.
            named = self._of_country(ctx, head, how)
            if named is not None:
                return named
        if direct is not None:
            return direct
        core = _core_tokens(head, self.clause_deps)
        if self._is_relation(head):
            # "the fiancee of a murdered journalist", "the leader's son": a private person of
            # their own, not the one the possessor or "of" phrase names; "a Russian lawyer"
            # still takes its own modifier's country.
            core -= {t for c in head.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                     for t in c.subtree}
        if not core:
            return None
        found = self._core_actor(ctx, head, core, how)
        if found is not None:
            return found
        # "met regional rival Japan's Prime Minister Shinzo Abe": a descriptive head that names
        # no one is named by its apposition.
        return self._apposition_actor(ctx, head, how)

    def _is_relation(self, head: Token) -> bool:
        """Whether the noun is a kinship or personal relation (``relation_nouns.txt``)."""
        return head.pos_ in NOUN_POS and (head.lemma_.lower() in self.relation_nouns
                                          or head.lower_ in self.relation_nouns)

    def _relation_owning(self, token: Token) -> Token | None:
        """The relation noun whose "of" phrase the token heads ("the son of *the leader*")."""
        preposition = token.head
        if token.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head == preposition:
            return None
        return preposition.head if self._is_relation(preposition.head) else None

    def _apposition_actor(self, ctx: _Context, head: Token, how: str) -> Found | None:
        """The actor an apposition names by itself or by its owner ("Japan's Prime Minister
        Shinzo Abe"), not one buried in its modifiers ("a gift from X to Y")."""
        for appos in head.children:
            if appos.dep_ != "appos" or appos.pos_ not in NOUN_POS:
                continue
            owners = [c for c in appos.children if c.dep_ in OWNER_DEPS]
            for token in [appos, *owners]:
                found = self._token_actor(ctx, token, how)
                if found is not None:
                    return found
            found = self._apposition_actor(ctx, appos, how)
            if found is not None:
                return found
        return None

    def _core_actor(self, ctx: _Context, head: Token, core: set[Token], how: str) -> Found | None:
        """The actor the phrase's own tokens name: its owner first, then one under "of", then any."""
        left = min(t.i for t in core)
        right = max(t.i for t in core)
        doc = head.doc
        pairs = ctx.actors.mentions_in(doc[left].idx, doc[right].idx + len(doc[right]))
        if not pairs:
            return None
        starts = {t.idx: t for t in core}

        def token_of(mention: Mention) -> Token | None:
            return starts.get(mention.start) or doc.char_span(mention.start, mention.end, alignment_mode="expand").root

        ranked: list[tuple[int, int, Mention, Actor]] = []
        for mention, actor in pairs:
            token = token_of(mention)
            if token is None or token not in core:
                continue
            if token.head == head and token.dep_ in OWNER_DEPS:
                rank = 0
            elif _under_of(token, head):
                rank = 1
            else:
                rank = 2
            ranked.append((rank, mention.start, mention, actor))
        if not ranked:
            return None
        ranked.sort(key=lambda item: (item[0], item[1]))
        _, _, mention, actor = ranked[0]
        return Found(actor, mention.start, mention.end, how)

    def _of_country(self, ctx: _Context, head: Token, how: str) -> Found | None:
        """The first actor with a country in the head's "of" phrase."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                found = self._token_actor(ctx, pobj, how) if pobj.dep_ == "pobj" else None
                if found is not None and found.actor.country is not None:
                    return found
        return None

    def _token_actor(self, ctx: _Context, token: Token, how: str) -> Found | None:
        start, end = token.idx, token.idx + len(token)
        actor = ctx.actors.actor_at(start, end)
        if actor is None:
            return None
        for mention in actor.mentions:
            if mention.start < end and start < mention.end:
                return Found(actor, mention.start, mention.end, how)
        return Found(actor, start, end, how)

    # ------------------------------------------------------------------ modality

    def _modality(self, anchor: Token, *, conditions_count: bool = True) -> Modality:
        """Negation and hypotheticals of the anchor's clause and of the clauses governing it.

        Auxiliaries and negation count while the path up stays in the same clause (a
        coordinated verb without its own subject, an infinitive complement or purpose
        clause); beyond that only governing words count ("fear that ...", "plans to ...").
        """
        modality = Modality()
        node = anchor
        local = True
        for _ in range(MAX_CLIMB):
            for child in node.children:
                dep = child.dep_
                if local and (dep == "neg" or (dep == "advmod" and child.lower_ in self.negation_words)):
                    modality.negated = True
                if local and dep in ("aux", "auxpass") and child.tag_ == "MD":
                    if child.lower_ in self.future_modals:
                        modality.future = True
                    elif child.lower_ in self.modals or child.lemma_.lower() in self.modals:
                        modality.modal = True
                if dep == "mark" and child.lower_ in self.conditional_marks and node.dep_ in ("advcl", "ccomp"):
                    modality.hypothetical = True
                if local and conditions_count and dep == "advcl" and any(
                        m.dep_ == "mark" and m.lower_ in self.conditional_marks for m in child.children):
                    modality.conditional = True
            head = node.head
            if head == node:
                break
            dep = node.dep_
            lemma = head.lemma_.lower()
            if dep in ("acl", "pcomp") and self._disowned_intent(head):
                # "has no intention of withdrawing", "no plans to attack": an intent denied.
                modality.negated = modality.desired = True
                node, local = head, False
                continue
            if dep == "conj":
                local = local and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in node.children)
            elif dep == "xcomp" or (dep == "advcl" and _is_infinitive(node) and _has_no_subject(node)):
                # "have sworn to fight" is often parsed as a purpose clause: a complement all the same.
                if lemma in self.negating_governors:
                    modality.negated = True
                if lemma in self.scheduled_governors:
                    modality.future = True
                if lemma in self.desire_governors or lemma in self.declared_intent_governors:
                    modality.desired = True
                elif lemma in self.hypothetical_governors or lemma in self.hypothetical_adjectives:
                    modality.hypothetical = True
                if lemma in self.commitment_governors and lemma not in self.declared_intent_governors:
                    modality.committed = True
            elif _for_clause(node):
                # "called for Russia to withdraw": the act asked for has not happened.
                if lemma in self.hypothetical_governors:
                    modality.hypothetical = True
                local = False
            elif (dep == "advcl" and _is_infinitive(node)) or dep in ("acomp", "oprd"):
                pass
            elif dep in ("ccomp", "parataxis"):
                if lemma in self.hypothetical_governors:
                    modality.hypothetical = True
                if lemma in self.commitment_governors:
                    modality.committed = True
                local = False
            elif dep in ("acl", "relcl", "pcomp"):
                # "the possibility of providing experts", "plans to attack": the act hangs on a
                # noun of possibility or plan, directly or through "of".
                noun = head.head if dep == "pcomp" and head.dep_ == "prep" and head.lower_ == "of" else head
                if noun.lemma_.lower() in self.hypothetical_noun_governors:
                    modality.hypothetical = True
                local = False
            else:
                local = False
            if head.pos_ == "ADJ" and lemma in self.hypothetical_adjectives and lemma not in self.desire_governors:
                modality.hypothetical = True
            if head.pos_ == "ADJ" and lemma in self.commitment_governors and lemma not in self.declared_intent_governors:
                modality.committed = True
            node = head
        return modality

    def _disowned_intent(self, head: Token) -> bool:
        """ "no intention of", "no plans to": the noun of intent an act hangs on (directly or
        through "of"), determined by "no"."""
        noun = head.head if head.lower_ == "of" and head.dep_ == "prep" else head
        return noun.lemma_.lower() in self.intent_nouns and any(
            c.dep_ == "det" and c.lower_ in self.negation_words for c in noun.children)

    # ------------------------------------------------------------------ emit

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
        if not targets and len(sources) >= 2 and (mutual or act_type in JOINT_TYPES or cameo.code in JOINT_CODES):
            pairs = list(combinations(sources, 2))
            joint = True
        else:
            pairs = [(s, t) for s in sources for t in (targets or [None])]
        event_date = self._date(ctx, sent, clause)
        named = [Span(f.start, f.end) for f in (*sources, *targets)
                 if f.how != LOCATIVE_TARGET and f.start is not None and f.end is not None]
        location = self._location(ctx, sent, clause, named)
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
                location=location,
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

    # ------------------------------------------------------------------ date and place

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

    def _location(self, ctx: _Context, sent: SpacySpan, clause: Token, participants: list[Span]) -> str | None:
        """A place named with a locative preposition in the event's clause, else the dateline's."""
        scope = {t.i for t in clause.subtree}
        for ent in sent.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            if any(Span(ent.start_char, ent.end_char).overlaps(p) for p in participants):
                continue
            prep = _location_prep(ent.root)
            if prep is None or prep.lower_ not in self.location_preps or prep.i not in scope:
                continue
            actor = (ctx.actors.actor_at(ent.start_char, ent.end_char)
                     or ctx.places.actor_at(ent.start_char, ent.end_char))
            if actor is not None and actor.country:
                return actor.country
        return self._dateline_country(ctx)

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


# ---------------------------------------------------------------------- parse helpers


def _is_amount(token: Token) -> bool:
    """A number or sum of money ("$33 million", "two billion euros"), which an "in" phrase
    qualifies ("$33 million in assistance")."""
    return token.like_num or token.tag_ == "CD" or (token.ent_type_ == "MONEY" and token.pos_ in NOUN_POS)


def _condition_met(found: set[str], wanted: frozenset[str]) -> bool:
    """A dictionary condition holds when the dependents' words include one it lists; the value
    "*" asks only that there be such a dependent ("agree with X to <any act>")."""
    return bool(found & wanted) or ("*" in wanted and bool(found))


def _word_forms(token: Token) -> list[str]:
    """The forms a dictionary lemma may take for a word, in order: its lemma, its lower-case
    form, and that form without a plural or third-person "-es"/"-s", for the title-cased words
    the tagger leaves unlemmatised ("Bans", "Expels", "Raises")."""
    word = token.lower_
    forms = [token.lemma_.lower(), word]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


def _title_cased(sent: SpacySpan) -> bool:
    """A headline in title case ("Slovakia Expels Dozens of Diplomats"), which the tagger reads
    as a string of names: most of its longer words are capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title or t.is_upper for t in words) >= TITLE_CASE_SHARE * len(words)


def _after_preposition(token: Token, names: list[Token]) -> bool:
    """Whether a headline word follows a preposition or determiner, across at most one
    modifier that is not a name (``names``): "on Wildcat Strike" is a noun, whatever the
    tagger made of it; "of Rome Promises" is not."""
    for previous in reversed(token.doc[max(token.sent.start, token.i - 2):token.i]):
        if previous.tag_ in ("IN", "DT", "PRP$") and previous.is_lower:
            return True
        if not previous.is_title or previous in names:
            return False
    return False


def _unknown_source() -> Found:
    """The unnamed agent of a passive: CAMEO's unknown actor, with no words in the text."""
    return Found(Actor(id="", name=UNKNOWN_SOURCE_NAME, kind="anonymous"), None, None, AGENTLESS_HOW)


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


def _same_actor(actors: ActorTable, participant: Participant) -> str | None:
    """The body's actor a headline participant names: same code, else same name."""
    for actor in actors:
        if participant.code and actor.code == participant.code:
            return actor.id
    for actor in actors:
        if actor.name.lower() == participant.name.lower():
            return actor.id
    return None


def _own_possession(token: Token) -> bool:
    """'its troops', 'their forces': the actor's own, not whom the act is aimed at."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in token.children)


def _own_country(found: list[Found], sources: list[Found]) -> bool:
    """Whether every actor found is the country of the acting side itself ("the president
    closed his country's border"), whose own things the object names."""
    countries = {s.actor.country for s in sources if s.actor.country}
    return bool(countries) and all(_is_country(f.actor) and f.actor.code in countries for f in found)


def _is_place(token: Token) -> bool:
    """A named place, or a proper name that is not a person (spaCy often tags regions as ORG)."""
    if token.ent_type_ in PLACE_LABELS:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "NORP")


def _names_instrument(doc: Doc, found: Found, instruments: set[str]) -> bool:
    """'gathered troops': the troops are what was moved, not whom the act is aimed at."""
    if not instruments:
        return False
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    words = {found.actor.name.lower()}
    if span is not None:
        words |= {span.root.lemma_.lower(), span.root.lower_}
    return bool(words & instruments)


def _is_country(actor: Actor | None) -> bool:
    return actor is not None and actor.kind == "country"


def _with_conjuncts(token: Token) -> list[Token]:
    """The token and the members coordinated after it, including lists the parser hangs as
    appositions ("The US, Russia, and Switzerland met")."""
    members = [token, *[c for c in token.conjuncts if c.i > token.i]]
    for child in token.children:
        if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
            members += [child, *[c for c in child.conjuncts if c.i > child.i]]
    return members


def _misparsed_coordination(head: Token) -> list[Token]:
    """'Fornost and the evil awful Gondor welcomed': the parser made the first member a
    modifier of the last name (Fornost/nmod -> Gondor) and hung the rest on it; a name's
    modifier that carries a coordinating word or a conjunct is a member, with its conjuncts."""
    if head.pos_ != "PROPN":
        return []
    members: list[Token] = []
    for child in head.children:
        if child.dep_ in ("nmod", "compound") and child.i < head.i and child.pos_ in NOUN_POS and any(
                g.dep_ in ("cc", "conj") for g in child.children):
            members.append(child)
            members += [c for c in child.conjuncts if c.pos_ in NOUN_POS and c.i < head.i]
    return members


def _on_main_line(token: Token) -> bool:
    """Whether a word heads the sentence's own statement: the root, or reached from it through
    coordination and complements only."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.head == node:
            return True
        if node.dep_ not in ("conj", "xcomp", "ccomp", "parataxis"):
            return False
        node = node.head
    return False


def _inside_direct_quote(quotes: list[Quote], token: Token) -> bool:
    """Whether the token lies in a direct quotation: the learned model reads a quoted remark's
    words as if the speaker had acted on them, so it codes none there."""
    return any(q.kind == "direct" and q.start <= token.idx < q.end for q in quotes)


def _acts_as_verb(token: Token) -> bool:
    """A verb, or a clause head the tagger called a noun although it has a subject ("The
    government rejects and condemns the decision", "X, thus, rejects ..., said Y", with
    "rejects" tagged NOUN)."""
    return token.pos_ in VERB_POS or (token.dep_ in CLAUSE_HEAD_DEPS and token.pos_ in NOUN_POS
                                      and any(c.dep_ == "nsubj" for c in token.children))


def _requested_verbs(token: Token) -> list[Token]:
    """The acts a request word asks for: its infinitive complement or purpose clause, a
    "that" clause ("demanded that Y withdraw"), or a noun's infinitive ("an appeal to extradite")."""
    acts = []
    for child in token.children:
        if child.pos_ not in VERB_POS:
            continue
        if child.dep_ in ("xcomp", "ccomp") or (child.dep_ in ("advcl", "acl") and _is_infinitive(child)):
            acts.append(child)
    return acts


def _of_complements(noun: Token) -> list[Token]:
    """What a noun's "of" phrase names: its object, or the gerund of a clause ("of banning ...")."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ in ("pobj", "pcomp")]


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


def _chosen_by_asked_verb(trigger: Trigger) -> bool:
    """'urged X to lift ...' (0254) guesses from the asked-for verb alone; what is lifted (a ban:
    0251) can say more, so the asked-for act's own code is looked up as for a generic appeal."""
    return any(key == "xcomp" for key, _ in trigger.conditions)


def _refines(specific: str, general: str) -> bool:
    """Whether a code narrows another within its family: '0256' narrows '025', '0211' and
    '022' narrow the root-level '020'."""
    if specific == general or (len(specific) <= len(general) and not general.endswith("0")):
        return False
    if specific.startswith(general):
        return True
    return len(general) == 3 and general.endswith("0") and specific[:2] == general[:2]


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """'agreed to lift sanctions', 'vowed to punish': the generic promise (030) is dropped when
    the promised act was itself coded as a specific intent or threat by the same source in the
    same sentence."""
    intents = {(e.sentence.start, e.source.actor): e.cameo for e in events
               if "+intent" in e.rule or "+threat" in e.rule}
    kept = []
    for event in events:
        promised = intents.get((event.sentence.start, event.source.actor))
        if (promised is not None and event.type == "AGREE" and "+intent" not in event.rule
                and event.cameo in ("030", promised)):
            continue
        kept.append(event)
    return kept


def _rank_agentless_last(events: list[Event]) -> None:
    """'Eleven soldiers were killed when rebels attacked a camp': the act whose source is named is
    the news; an agentless passive's event (unknown source) ranks below every kept event that
    names its source, so it leads only where nothing else was coded."""
    named = [e.confidence for e in events if not e.negated and not e.hypothetical
             and AGENTLESS_RULE not in e.rule]
    if not named:
        return
    ceiling = round(min(named) - 0.01, 3)
    for event in events:
        if AGENTLESS_RULE in event.rule and event.confidence > ceiling:
            event.confidence = max(0.01, ceiling)


def _main_events(sent: SpacySpan, events: list[Event], anchors: dict[int, Token],
                 reporting_verbs: frozenset[str], statements: list[Token]) -> list[Event]:
    """CAMEO codes a lead's main event, not the acts named inside it: when a sentence has a kept
    event on its main line, kept events that are subordinate to it are dropped (see
    :func:`_subordination`). A chain of a verb and its complement or purpose clause with the
    same source ("vowed to wage war", "sent inspectors to investigate") keeps its higher-ranked
    event; a reporting verb that a user's dictionary codes gives way to the act it reports ("X
    said Y attacked Z"). A statement on the main line (CAMEO 01x, no PLOVER event: "declined to
    comment on reports of air strikes", "denied charges by Y that ...") is a main event too, so
    the acts inside it are not coded. Negated and hypothetical events stay: they are not coded
    events either way. An agentless passive's event (:func:`_rank_agentless_last`) neither
    subordinates nor is subordinated: "civilians were killed as forces launched air strikes"
    keeps the strikes, whose source is named."""
    by_start = {token.idx: token for token in sent}
    kept = [e for e in events if not e.negated and not e.hypothetical and id(e) in anchors
            and AGENTLESS_RULE not in e.rule]
    main_statement = any(_on_main_line(token) for token in statements)
    if len(kept) < (1 if main_statement else 2):
        return events
    clause_events: dict[int, list[Event]] = {}
    statement_marks = {token.i for token in statements}
    for event in kept:
        clause_events.setdefault(anchors[id(event)].i, []).append(event)
        trigger = by_start.get(event.trigger_start) if event.trigger_start is not None else None
        if trigger is not None and trigger.i != anchors[id(event)].i:
            clause_events.setdefault(trigger.i, []).append(event)
    outranked: set[int] = set()
    reasons = {id(e): _subordination(e, anchors[id(e)], by_start, clause_events, outranked, reporting_verbs,
                                      statement_marks) for e in kept}
    dropped = {key for key, reason in reasons.items() if reason is not None} | outranked
    if len(dropped) == len(kept) and not main_statement:
        return events
    return [e for e in events if id(e) not in dropped]


def _subordination(event: Event, clause: Token, by_start: dict[int, Token],
                   clause_events: dict[int, list[Event]], outranked: set[int],
                   reporting_verbs: frozenset[str], statement_marks: set[int]) -> str | None:
    """Why an event is not a main event of its sentence, or None when it is: it hangs in a
    relative or adverbial clause ("guerrillas who overran it", "after crowds trashed its embassy"),
    it is a bare nominal event with no verb to carry it ("the nuclear talks"), or it is named
    inside another event's clause ("condemned an attack by X", "accused Y of attacking"). Through
    a complement or purpose chain with the same source the lower-ranked of the two gives way
    (a governing event that ranks lower is added to ``outranked``)."""
    if any(how in event.rule for how in CLAIMED_SOURCES):
        return None
    trigger = by_start.get(event.trigger_start) if event.trigger_start is not None else None
    if trigger is not None and trigger == clause and trigger.pos_ in NOUN_POS and trigger.dep_ not in (
            *SUBJECT_DEPS, "nsubjpass", "ROOT"):
        return "bare-nominal"
    node = clause
    chain = True
    for _ in range(MAX_CLIMB):
        head = node.head
        if head == node:
            return None
        dep = node.dep_
        if dep in ("relcl", "acl"):
            return "relative-clause"
        # "rallied demanding faster action": a participle with no subject of its own is a
        # co-event of its verb, like a purpose clause.
        purpose = dep == "xcomp" or (dep == "advcl" and (
            _is_infinitive(node) or (node.tag_ == "VBG" and _has_no_subject(node))))
        if dep == "advcl" and not purpose:
            return "adverbial-clause"
        chain = chain and (purpose or dep == "conj")
        if head.i in statement_marks and dep != "conj":
            return "inside-statement"
        governing = [e for e in clause_events.get(head.i, []) if e is not event]
        # "said Y must free the prisoners": a report coded by its clause's modal is a demand or an
        # appeal, and the reported act is what it asks for, not an act that happened.
        reports = [g for g in governing if DEMANDING_REPORT not in g.rule]
        if reports and dep in ("ccomp", "parataxis") and head.lemma_.lower() in reporting_verbs:
            outranked.update(id(g) for g in reports)
        elif governing and dep != "conj":
            if not chain:
                return "inside-event"
            same_source = [g for g in governing if g.source.actor == event.source.actor]
            if not same_source:
                return "inside-event"
            if any(g.confidence >= event.confidence for g in same_source):
                return "complement-chain"
            outranked.update(id(g) for g in same_source)
        node = head
    return None


def _without_requested_acts(sent: SpacySpan, events: list[Event]) -> list[Event]:
    """ "urged Lam to resign", "asked residents to evacuate": CAMEO codes the request, whose code
    already names the act asked for (0241, 0233); the act itself, not done, is no event of its own."""
    by_start = {token.idx: token for token in sent}
    requests = {by_start[e.trigger_start] for e in events
                if e.type in ASKING_TYPES and e.trigger_start in by_start}
    kept = []
    for event in events:
        token = by_start.get(event.trigger_start) if event.trigger_start is not None else None
        asked = token is not None and token.head in requests and token in _requested_verbs(token.head)
        if not (asked and event.hypothetical):
            kept.append(event)
    return kept


def _prefer_purpose(sent: SpacySpan, events: list[Event]) -> None:
    """'sent inspectors to investigate', 'launched an offensive to retake the town': the act the
    first one was done for is the news, so a kept event of the purpose clause ranks just above
    the event of the verb it serves (same source), unless that event is a demonstration, a
    transfer or a threat (:data:`MOTIVATED_TYPES`), which the purpose only explains, or a request
    ("pleaded with X to free them"), whose infinitive is what it asks for, not what was done."""
    by_start = {token.idx: token for token in sent}
    for purpose in events:
        token = by_start.get(purpose.trigger_start) if purpose.trigger_start is not None else None
        if (token is None or purpose.negated or purpose.hypothetical or token.dep_ not in ("advcl", "xcomp")
                or not _is_infinitive(token)):
            continue
        for served in events:
            if (served.trigger_start == token.head.idx and served.source.actor == purpose.source.actor
                    and served.type != purpose.type and served.type not in MOTIVATED_TYPES | ASKING_TYPES
                    and served.confidence >= purpose.confidence):
                purpose.confidence = round(min(0.95, served.confidence + 0.01), 3)
                purpose.rule += "+purpose"


def _subject_bearer(verb: Token) -> Token:
    """The verb whose subject performs an infinitive with none of its own: 'the group was
    willing to hold talks', 'his forces were ready to halt fire' (through the adjective to the
    copula), 'the group wants to hold talks', and a participle ('a bomb exploded, killing ten');
    an object-controlled verb ('urged X to go') stops."""
    node = verb
    for _ in range(MAX_CLIMB):
        participle = node.dep_ == "advcl" and node.tag_ == "VBG"
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in node.children) or not (
                node.dep_ == "xcomp" or participle):
            return node
        head = node.head
        if head.pos_ == "ADJ" and head.dep_ in COMPLEMENT_DEPS and head.head != head:
            head = head.head
        elif head.pos_ not in VERB_POS or any(c.dep_ in ("dobj", "obj") for c in head.children):
            return node
        node = head
    return node


def _subject_words(verb: Token, quantity_nouns: frozenset[str]) -> set[str]:
    """Lemmas of the verb's subject heads and their modifiers, looking through a quantity
    ("hundreds of British troops") and up to the verb that bears the subject ("began deploying")."""
    heads = [t for s in _subject_bearer(verb).children if s.dep_ == "nsubj" for t in _with_conjuncts(s)]
    heads += [p for h in list(heads) if h.like_num or h.lemma_.lower() in quantity_nouns
              for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    return {w for h in heads
            for w in (h.lemma_.lower(), *(m.lemma_.lower() for m in h.children if m.dep_ in ("amod", "compound")))}


def _prep_objects(prep: Token) -> list[Token]:
    """A preposition's objects, also the one the parser hung on a participle read as a clause
    ("talks with visiting King X": "visiting" as pcomp, the king as its object)."""
    objects = [p for p in prep.children if p.dep_ == "pobj"]
    if not objects:
        objects = [o for p in prep.children if p.dep_ == "pcomp" and p.tag_ == "VBG"
                   for o in p.children if o.dep_ in ("dobj", "obj")]
    return objects


def _unique(found: Iterable[Found]) -> list[Found]:
    seen: set[str] = set()
    out: list[Found] = []
    for item in found:
        if item.actor.id not in seen:
            seen.add(item.actor.id)
            out.append(item)
    return out


def _pronoun_possessor(noun: Token) -> bool:
    """'their meeting', 'his march': a possessive pronoun, which stands for the clause's subject."""
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)


def _participles(noun: Token) -> list[Token]:
    """Participle clauses that describe a noun ("a ban imposed on ...", "roads leading into ...")."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and not _is_infinitive(c)]


def _clause_arguments(clause: Token, target_preps: frozenset[str]) -> list[Token]:
    """The direct objects of a clause's verb, then the objects of its target prepositions."""
    objects = [c for c in clause.children if c.dep_ in ("dobj", "obj")]
    return objects + [p for c in clause.children if c.dep_ == "prep" and c.lower_ in target_preps
                      for p in c.children if p.dep_ == "pobj"]


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP")


def _mistagged_subjects(verb: Token) -> list[Token]:
    """All-capitals words before a finite verb that the parser hung on it as adverbs
    ("USAID/advmod deployed", also tagged ADJ): acronyms that may be the verb's missing subject."""
    return [c for c in verb.children if c.i < verb.i and c.dep_ in ("advmod", "npadvmod")
            and c.pos_ in ("ADV", "ADJ", "PROPN", "NOUN") and len(c.text) > 1 and c.text.isupper()]


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _for_clause(clause: Token) -> bool:
    """An infinitive clause with its own subject introduced by "for" ("for Russia to withdraw")."""
    return clause.dep_ in ("advcl", "ccomp", "xcomp") and _is_infinitive(clause) and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def _has_no_subject(verb: Token) -> bool:
    return not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children)


def _core_tokens(head: Token, clause_deps: frozenset[str]) -> set[Token]:
    """The head's phrase without its coordinated members and embedded clauses."""
    core: set[Token] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        core.add(token)
        for child in token.children:
            if child.dep_ in clause_deps or (token == head and child.dep_ in ("conj", "cc")):
                continue
            stack.append(child)
    return core


def _under_of(token: Token, head: Token) -> bool:
    """Whether the token sits in an 'of' complement of the head ('the president of Russia')."""
    node = token
    while node != head and node.head != node:
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head == head:
            return True
        node = node.head
    return False


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(MAX_CLIMB):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in VERB_POS:
            return node
    return None


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


def _location_prep(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        head = node.head
        if head == node:
            return None
        if node.dep_ == "pobj" and head.pos_ == "ADP":
            return head
        if node.dep_ not in ("poss", "compound", "conj", "appos", "nmod", "amod", "pobj"):
            return None
        node = head
    return None


def _heading_sections(article: Article) -> list[tuple[str, str]]:
    """(section name, text) of the non-empty title and subtitle."""
    return [(name, text) for name, text in (("title", article.title), ("subtitle", article.subtitle))
            if text and text.strip()]
