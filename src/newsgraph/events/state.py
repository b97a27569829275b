"""What every concern of coding events shares: the participant and modality records, the
per-document context, the dictionaries' cue words and the dependency labels several concerns read.

``CoderState`` declares what ``coder.EventCoder`` loads once, so that each concern's mixin
shows the cue words it reads; ``_Context`` is what coding one document holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from spacy.tokens import Doc, Token

from newsgraph.events.ontology import Ontology, Trigger
from newsgraph.events.petrarch import VerbDictionary, VerbMatch
from newsgraph.events.typemodel import TypeModel
from newsgraph.records import Actor, ActorTable, Article, Event, Participant, Quote


SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr"})
COMPLEMENT_DEPS = frozenset({"oprd", "acomp", "attr"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_CLIMB = 12
# Acts that coordinated subjects do together ("Jordan and Britain agreed", "X and Y clashed",
# "X and Y signed a treaty", "X and Y restored ties" (050, diplomatic cooperation)):
# coded in both directions when no separate target is named.
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
JOINT_CODES = frozenset({"193", "0356", "0871", "057", "050"})
# The party an appeal is made to ("pleaded with X", "appealed to X", "called on X").
ASKED_PREPS = frozenset({"with", "to", "on", "upon"})
LOCATIVE_TARGET = "clause-place"
VERBAL_COOPERATION_QUAD = 1
VERBAL_CONFLICT_QUAD = 3
UNRESOLVED_SOURCE_PENALTY = -0.3
# "Three soldiers were killed": a passive that names no agent is coded, as CAMEO does, with an
# unknown source ("---": no actor, no code, no words) acting on its subject, below any event
# whose source is named.
UNKNOWN_SOURCE_NAME = "---"
AGENTLESS_PASSIVE_PENALTY = -0.35
AGENTLESS_HOW = "agentless-passive"


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


class CoderState:
    """What ``coder.EventCoder`` loads once (the ontology, its triggers and the cue words of
    ``data/cues``), declared here so that each concern's mixin shows what it reads."""

    ontology: Ontology
    parse: Callable[[str], Doc] | None
    resolve_actors: Callable[[Doc, Article], ActorTable] | None
    relation_nouns: frozenset[str]
    modals: frozenset[str]
    hypothetical_governors: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    hypothetical_noun_modifiers: frozenset[str]
    hypothetical_noun_governors: frozenset[str]
    negating_governors: frozenset[str]
    preventing_governors: frozenset[str]
    commitment_governors: frozenset[str]
    desire_governors: frozenset[str]
    future_modals: frozenset[str]
    non_act_verbs: frozenset[str]
    non_agent_subjects: frozenset[str]
    scheduled_governors: frozenset[str]
    request_by_act: dict[str, dict[str, str]]
    ending_nouns: frozenset[str]
    aid_nouns: frozenset[str]
    request_nouns: frozenset[str]
    aid_kind_of: dict[str, str]
    aid_kind_codes: dict[str, dict[str, str]]
    intent_codes: dict[str, str]
    refusal_codes: dict[str, str]
    threat_codes: dict[str, str]
    conditional_threat_codes: dict[str, str]
    responsibility_claims: frozenset[str]
    responsibility_adjectives: frozenset[str]
    declared_intent_governors: frozenset[str]
    measure_nouns: frozenset[str]
    prepositional_light_verbs: frozenset[str]
    intent_by_code: dict[str, str]
    refusal_by_code: dict[str, str]
    threat_by_code: dict[str, str]
    conditional_marks: frozenset[str]
    negation_words: frozenset[str]
    light_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    verb_target_preps: frozenset[str]
    noun_target_preps: frozenset[str]
    noun_source_preps: frozenset[str]
    reciprocal_preps: frozenset[str]
    location_preps: frozenset[str]
    intent_nouns: frozenset[str]
    trigger_only_types: frozenset[str]
    mishap_topics: frozenset[str]
    mishap_topic_types: frozenset[str]
    model_untargeted_types: frozenset[str]
    non_event_date_preps: frozenset[str]
    clause_deps: frozenset[str]
    reporting_verbs: frozenset[str]
    reporter_pronouns: frozenset[str]
    visit_codes: frozenset[str]
    host_codes: dict[str, str]
    visit_target_preps: frozenset[str]
    visit_origin_preps: frozenset[str]
    passive_place_preps: frozenset[str]
    recipient_preps: frozenset[str]
    adverb_particles: frozenset[str]
    beneficiary_verbs: frozenset[str]
    receipt_verbs: frozenset[str]
    moved_kinds: frozenset[str]
    patient_object_codes: frozenset[str]
    aiming_verbs: frozenset[str]
    listing_preps: frozenset[str]
    assembly_verbs: frozenset[str]
    crowd_nouns: frozenset[str]
    demonstration_code: str
    occurrence_verbs: frozenset[str]
    occurrence_place_preps: frozenset[str]
    possibility_nouns: frozenset[str]
    obligation_verbs: frozenset[str]
    mishap_verbs: frozenset[str]
    interview_verbs: frozenset[str]
    media_nouns: frozenset[str]
    headline_passive_verbs: frozenset[str]
    quantity_nouns: frozenset[str]
    verb_dictionaries: list[VerbDictionary]
    type_model: TypeModel | None
    verb_triggers: dict[str, list[Trigger]]
    #: A lemma's dictionary lines in file order, its no-event lines included, for lemmas that have some.
    entries_with_no_event_lines: dict[tuple[str, str], list[Trigger]]
    gathering_nouns: frozenset[str]
    undergoer_verbs: frozenset[str]
    english_function_words: frozenset[str]
    venue_nouns: frozenset[str]
    discussion_verbs: frozenset[str]
    noun_triggers: dict[str, list[Trigger]]


def _unknown_source() -> Found:
    """The unnamed agent of a passive: CAMEO's unknown actor, with no words in the text."""
    return Found(Actor(id="", name=UNKNOWN_SOURCE_NAME, kind="anonymous"), None, None, AGENTLESS_HOW)


def _unique(found: Iterable[Found]) -> list[Found]:
    seen: set[str] = set()
    out: list[Found] = []
    for item in found:
        if item.actor.id not in seen:
            seen.add(item.actor.id)
            out.append(item)
    return out
