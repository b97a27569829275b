"""Choosing and ranking among a sentence's coded events: the main clause's event over those
it subordinates, a purpose over the act that serves it, the specific code over the generic one
it refines, and an unknown source's event below every named one.

These run after every trigger of a sentence (or document) is coded, on ``Event`` records only,
so they are plain functions.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.events.state import AGENTLESS_HOW, MAX_CLIMB, NOUN_POS, SUBJECT_DEPS
from newsgraph.events.tree import _has_no_subject, _is_infinitive, _requested_verbs
from newsgraph.records import Event


# Acts complete in themselves, whose purpose clause names only their motive ("walked off the job
# to press for higher pay", "provided funds to support projects", "ready to use force to defend
# the dam"): unlike a dispatch ("sent inspectors to investigate"), they stay the sentence's event
# over the purpose they serve.
MOTIVATED_TYPES = frozenset({"PROTEST", "AID", "THREATEN"})
# An appeal or demand (CAMEO 02x, 10x) asks for its infinitive's act; the act is not done.
ASKING_TYPES = frozenset({"REQUEST", "DEMAND"})
AGENTLESS_RULE = f"+{AGENTLESS_HOW}"
# Sources found through a claim ("claimed responsibility for the attack"): the act stays coded
# although the claim itself is a statement.
CLAIMED_SOURCES = ("+claimed-responsibility", "+held-responsible")
# The rule mark of a reporting verb coded through its reported clause's modal ("said Y must ...").
DEMANDING_REPORT = "ccomp_aux"


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
