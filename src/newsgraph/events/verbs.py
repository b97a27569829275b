"""Verbal events and their sources: a verb's subject, a passive's agent, a reporter standing
behind a pronoun, the place of an agentless passive, and the verbs that code no act at all
(mishaps, non-agent subjects).

The verb's targets are ``targets``' concern; this module decides whether and from whom a
verbal event is coded.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.events.ontology import Trigger
from newsgraph.events.petrarch import MarkedPhrase
from newsgraph.events.state import (
    AGENTLESS_HOW, AGENTLESS_PASSIVE_PENALTY, ASKED_PREPS, MAX_CLIMB, NOUN_POS, OWNER_DEPS, SUBJECT_DEPS,
    UNRESOLVED_SOURCE_PENALTY, VERB_POS, CoderState, _Context, Found, _unique, _unknown_source,
)
from newsgraph.events.tree import (
    _acts_as_verb, _core_tokens, _governing_verb, _is_country, _is_infinitive, _subject_bearer, _word_forms,
)
from newsgraph.records import Actor


# A singular subject pronoun of a reported clause cannot stand for a plural reporter.
SINGULAR_PRONOUNS = frozenset({"it", "he", "she"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
# Words that tie harm to a mishap's time ("were killed when the plane crashed").
MISHAP_TIME_MARKS = frozenset({"when", "after", "as"})
UNCODED_HOW = "nsubj-uncoded"
# Prepositions whose gerund is done by the governing verb's object ("blamed X for leaving").
OBJECT_CONTROL_PREPS = frozenset({"for", "of", "from"})
# Of these, the ones whose object always acts ("accused X of", "stopped X from"); after "for" an
# object that is no one ("spent millions for rebuilding") leaves the act to the subject.
AGENT_OBJECT_PREPS = frozenset({"of", "from"})
OBJECT_PRONOUNS = frozenset({"you", "him", "her", "them", "us", "me"})
# "sent him to stand trial": besides the verbs of undergoing, one sent to do this undergoes it.
TRIAL_VERBS = frozenset({"stand"})
# A verb a user's dictionary codes ranks below the built-in dictionary's events.
USER_DICTIONARY_PENALTY = -0.15


class VerbalEventsMixin(CoderState):
    """Verbal events: whether a verb codes an act, and its sources."""

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
        while not passive and bearer.dep_ == "conj" and bearer.head is not bearer \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in bearer.children):
            bearer = _subject_bearer(bearer.head)  # "... fire kills three, injures sixteen"
        heads = [next((p for p in c.children if p.dep_ == "pobj"), None) if passive else c
                 for c in bearer.children if c.dep_ == ("agent" if passive else "nsubj")]
        heads = [t for head in heads if head is not None for t in (head, *head.conjuncts)]
        # "Lions, tigers and Gondor welcomed ...": one agent among the subjects is enough.
        return bool(heads) and all(t.lemma_.lower() in self.non_agent_subjects for t in heads)

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
                            return self._agent_actors(ctx, verb, pobj)
            return self._detached_agent(ctx, verb)
        return self._subject_actors(ctx, verb, depth=0)

    def _agent_actors(self, ctx: _Context, verb: Token, agent: Token) -> list[Found]:
        """The passive's agent; one that names only the patient itself ("was killed by his own
        guards": the possessor) is not its actor, and the phrase is left for an uncoded source."""
        found = self._phrase_actors(ctx, agent, "agent")
        patients = {f.actor.id for c in verb.children if c.dep_ == "nsubjpass"
                    for f in self._phrase_actors(ctx, c, "nsubjpass")}
        if found and all(f.actor.id in patients for f in found):
            return []
        return found

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
        lemma = verb.lemma_.lower()
        if dep == "advcl" and _is_infinitive(verb) and (lemma in self.undergoer_verbs or lemma in TRIAL_VERBS):
            # "sought to extradite the gunman to face charges": the one sent faces them.
            controller = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if controller is not None:
                return self._phrase_actors(ctx, controller, "object-control")
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
            if governor is None:
                return []
            controller = self._gerund_controller(verb, governor)
            if controller is not None:
                found = self._phrase_actors(ctx, controller, "object-control")
                if found or controller.lower_ in OBJECT_PRONOUNS or verb.head.lower_ in AGENT_OBJECT_PREPS:
                    # An unresolved "you" ("Thank you for coming") or "accused two teenagers of
                    # plotting" names someone unknown, never the thanker or the accuser.
                    return found
            return self._subject_actors(ctx, governor, depth + 1)
        return []

    @staticmethod
    def _gerund_controller(verb: Token, governor: Token) -> Token | None:
        """'thanked you for visiting', 'accused X of attacking', 'stopped Y from leaving': a
        gerund after such a preposition on a verb with an object is the object's act ("on" is
        left out: "spent millions on helping", "invited them to comment on whether to ...")."""
        prep = verb.head
        if prep.dep_ != "prep" or prep.head != governor or prep.lower_ not in OBJECT_CONTROL_PREPS:
            return None
        return next((c for c in governor.children if c.dep_ in ("dobj", "obj")), None)

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


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP")


def _mistagged_subjects(verb: Token) -> list[Token]:
    """All-capitals words before a finite verb that the parser hung on it as adverbs
    ("USAID/advmod deployed", also tagged ADJ): acronyms that may be the verb's missing subject."""
    return [c for c in verb.children if c.i < verb.i and c.dep_ in ("advmod", "npadvmod")
            and c.pos_ in ("ADV", "ADJ", "PROPN", "NOUN") and len(c.text) > 1 and c.text.isupper()]
