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

This module holds the coder's public API and the per-document driver; each concern is a mixin of
its own module: ``triggers`` (trigger words and their codes), ``verbs`` (verbal events and their
sources), ``targets`` (a verb's targets), ``nouns`` (nominal events), ``headlines``, ``phrases``
(the actors of a noun phrase), ``modality``, ``emission`` (the event record, its date and place)
and ``sentence_model`` (the learned type model); ``selection`` picks among a sentence's events,
``tree`` answers questions about the parse, and ``state`` holds what they share.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from spacy.tokens import Doc, Span as SpacySpan

from newsgraph.actors import LOCATIVE_PLACE_RULE, load_relation_nouns
from newsgraph.events.emission import EmissionMixin
from newsgraph.events.headlines import HeadlinesMixin
from newsgraph.events.modality import ModalityMixin
from newsgraph.events.nouns import NominalEventsMixin
from newsgraph.events.ontology import NO_EVENT_CODE, Ontology, load_cues, load_ontology
from newsgraph.events.petrarch import VerbDictionary
from newsgraph.events.phrases import COMPOUND_GROUP_RULE, PhraseActorsMixin, _misparsed_coordination
from newsgraph.events.selection import (
    _drop_subsumed, _main_events, _prefer_purpose, _rank_agentless_last, _refines, _without_requested_acts,
)
from newsgraph.events.sentence_model import MODEL_EVENT_MIN_LIFT, SentenceModelMixin
from newsgraph.events.state import _Context
from newsgraph.events.targets import VerbTargetsMixin
from newsgraph.events.triggers import TriggerMatchingMixin
from newsgraph.events.tree import _title_cased
from newsgraph.events.typemodel import TypeModel, load_type_model
from newsgraph.events.verbs import VerbalEventsMixin, _mistagged_subjects
from newsgraph.ingest.language import detect as detect_language
from newsgraph.records import ActorTable, Article, Event, Participant, Quote, Span


# A sentence with at least this many English function words, making up this share of its words,
# is English; others go to the language identifier, which must be this sure of another language.
ENGLISH_WORDS_MIN = 2
ENGLISH_SHARE_MIN = 0.12
FOREIGN_CONFIDENCE = 0.95
# Headline events are ranked into [HEADLINE_FLOOR, HEADLINE_FLOOR + HEADLINE_SPAN], above body events.
HEADLINE_FLOOR = 0.96
HEADLINE_SPAN = 0.03

__all__ = ["EventCoder", "COMPOUND_GROUP_RULE", "MODEL_EVENT_MIN_LIFT",
           "_misparsed_coordination", "_mistagged_subjects", "_refines"]


class EventCoder(SentenceModelMixin, TriggerMatchingMixin, VerbalEventsMixin, VerbTargetsMixin, NominalEventsMixin,
                 HeadlinesMixin, PhraseActorsMixin, ModalityMixin, EmissionMixin):
    """Codes events from a parsed document; the dictionaries are loaded once."""

    def __init__(self, ontology: Ontology | None = None, *, parse: Callable[[str], Doc] | None = None,
                 resolve_actors: Callable[[Doc, Article], ActorTable] | None = None,
                 type_model: TypeModel | None = None, guess_untriggered: bool = False) -> None:
        """``parse`` and ``resolve_actors`` (the pipeline's parser and actors stage) let the
        coder read the headline and dek, which are not part of the body Doc. ``guess_untriggered``
        lets the type model code sentences no trigger word matched (``Config.guess_untriggered_events``)."""
        self.guess_untriggered = guess_untriggered
        self.ontology = ontology or load_ontology()
        self.parse = parse
        self.resolve_actors = resolve_actors
        cues = load_cues()
        self.relation_nouns = load_relation_nouns()
        self.modals = cues["hypothetical_modals"]
        self.hypothetical_governors = cues["hypothetical_governors"]
        self.hypothetical_adjectives = cues["hypothetical_adjectives"]
        self.hypothetical_noun_modifiers = cues["hypothetical_noun_modifiers"]
        self.hypothetical_noun_governors = cues["hypothetical_noun_governors"]
        self.negating_governors = cues["negating_governors"]
        self.preventing_governors = cues["preventing_governors"]
        self.commitment_governors = cues["commitment_governors"]
        self.desire_governors = cues["desire_governors"]
        self.future_modals = cues["future_modals"]
        self.non_act_verbs = cues["non_act_verbs"]
        self.non_agent_subjects = cues["non_agent_subjects"]
        self.scheduled_governors = cues["scheduled_governors"]
        self.request_by_act = cues["request_by_act"]
        self.ending_nouns = frozenset(cues["ending_nouns"])
        self.aid_nouns = cues["aid_nouns"]
        self.request_nouns = cues["request_nouns"]
        self.aid_kind_of = {word: kind for kind, words in cues["aid_kinds"].items() for word in words}
        self.aid_kind_codes = cues["aid_kind_codes"]
        self.intent_codes = cues["intent_codes"]
        self.refusal_codes = cues["refusal_codes"]
        self.threat_codes = cues["threat_codes"]
        self.conditional_threat_codes = {**self.threat_codes, **cues["conditional_threat_codes"]}
        self.responsibility_claims = cues["responsibility_claims"]
        self.responsibility_adjectives = cues["responsibility_adjectives"]
        self.declared_intent_governors = cues["declared_intent_governors"]
        self.measure_nouns = cues["measure_nouns"]
        self.prepositional_light_verbs = cues["prepositional_light_verbs"]
        self.intent_by_code = cues["intent_by_code"]
        self.refusal_by_code = cues["refusal_by_code"]
        self.threat_by_code = cues["threat_by_code"]
        self.conditional_marks = cues["conditional_marks"]
        self.negation_words = cues["negation_words"]
        self.light_verbs = cues["light_verbs"]
        self.relative_pronouns = cues["relative_pronouns"]
        self.verb_target_preps = cues["verb_target_preps"]
        self.noun_target_preps = cues["noun_target_preps"]
        self.noun_source_preps = cues["noun_source_preps"]
        self.reciprocal_preps = cues["reciprocal_preps"]
        self.location_preps = cues["location_preps"]
        self.intent_nouns = cues["intent_nouns"]
        self.trigger_only_types = cues["trigger_only_types"]
        self.mishap_topics = cues["mishap_topics"]
        self.mishap_topic_types = cues["mishap_topic_types"]
        self.model_untargeted_types = cues["model_untargeted_types"]
        self.non_event_date_preps = cues["non_event_date_preps"]
        self.clause_deps = cues["clause_deps"]
        self.reporting_verbs = cues["reporting_verbs"]
        self.reporter_pronouns = cues["reporter_pronouns"]
        self.visit_codes = cues["visit_codes"]
        self.host_codes = cues["host_codes"]
        self.visit_target_preps = cues["visit_target_preps"]
        self.visit_origin_preps = cues["visit_origin_preps"]
        self.passive_place_preps = cues["passive_place_preps"]
        self.recipient_preps = cues["recipient_preps"]
        self.adverb_particles = cues["adverb_particles"]
        self.beneficiary_verbs = cues["beneficiary_verbs"]
        self.receipt_verbs = cues["receipt_verbs"]
        self.moved_kinds = cues["moved_kinds"]
        self.patient_object_codes = cues["patient_object_codes"]
        self.aiming_verbs = cues["aiming_verbs"]
        self.listing_preps = cues["listing_preps"]
        self.assembly_verbs = cues["assembly_verbs"]
        self.crowd_nouns = cues["crowd_nouns"]
        self.demonstration_code = cues["demonstration_code"]
        self.occurrence_verbs = cues["occurrence_verbs"]
        self.occurrence_place_preps = cues["occurrence_place_preps"]
        self.possibility_nouns = cues["possibility_nouns"]
        self.obligation_verbs = cues["obligation_verbs"]
        self.mishap_verbs = cues["mishap_verbs"]
        self.interview_verbs = cues["interview_verbs"]
        self.media_nouns = cues["media_nouns"]
        self.headline_passive_verbs = cues["headline_passive_verbs"]
        self.quantity_nouns = cues["quantity_nouns"]
        self.gathering_nouns = cues["gathering_nouns"]
        self.undergoer_verbs = cues["undergoer_verbs"]
        self.english_function_words = cues["english_function_words"]
        self.venue_nouns = cues["venue_nouns"]
        self.discussion_verbs = cues["discussion_verbs"]
        self.verb_dictionaries = []
        self.type_model = type_model if type_model is not None else load_type_model()
        self.verb_triggers = {}
        self.noun_triggers = {}
        self.entries_with_no_event_lines = {}
        for (kind, lemma), entries in self.ontology.triggers.items():
            table = self.verb_triggers if kind == "verb" else self.noun_triggers
            ordered = sorted(entries, key=lambda t: t.line)
            coded = [t for t in ordered if t.cameo != NO_EVENT_CODE]
            if coded:
                table[lemma] = coded
            if len(coded) < len(ordered):
                self.entries_with_no_event_lines[(kind, lemma)] = ordered

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
            if self._foreign(sent):
                continue
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
                self._apply_type_model(self.type_model, ctx, sent, first_event,
                                       code_eventless=self.guess_untriggered and not known)
            _prefer_purpose(sent, ctx.events[first_event:])
            ctx.events[first_event:] = _without_requested_acts(sent, _main_events(
                sent, ctx.events[first_event:], ctx.anchors, self.reporting_verbs, statements))
        events = _drop_subsumed(ctx.events)
        _rank_agentless_last(events)
        return events

    def _foreign(self, sent: SpacySpan) -> bool:
        """Whether the sentence is in another language ("Sin embargo, el gobierno decide ...", a
        Hindi answer in an interview), which the English parser reads as nonsense; the language
        identifier is asked only when few English function words are there."""
        words = [t for t in sent if t.is_alpha]
        common = sum(t.lower_ in self.english_function_words for t in words)
        if common >= ENGLISH_WORDS_MIN and common >= ENGLISH_SHARE_MIN * len(words):
            return False
        guess = detect_language(sent.text)
        return guess is not None and guess.code != "en" and guess.confidence >= FOREIGN_CONFIDENCE

    def load_verb_dictionary(self, path: str | Path) -> VerbDictionary:
        """Add a user's PETRARCH verb dictionary, which decides the code of the verbs it matches."""
        dictionary = VerbDictionary(path)
        self.verb_dictionaries.append(dictionary)
        return dictionary


def _same_actor(actors: ActorTable, participant: Participant) -> str | None:
    """The body's actor a headline participant names: same code, else same name."""
    for actor in actors:
        if participant.code and actor.code == participant.code:
            return actor.id
    for actor in actors:
        if actor.name.lower() == participant.name.lower():
            return actor.id
    return None


def _heading_sections(article: Article) -> list[tuple[str, str]]:
    """(section name, text) of the non-empty title and subtitle."""
    return [(name, text) for name, text in (("title", article.title), ("subtitle", article.subtitle))
            if text and text.strip()]
