"""Modality of an event's clause or noun: negation, hypotheticals, conditions, wishes and
plans, commitments, the future and modals, and an intent the subject disowns.

The emission step turns these into CAMEO's intent, threat and refusal codes.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.state import MAX_CLIMB, NOUN_POS, SUBJECT_DEPS, VERB_POS, CoderState, Modality
from newsgraph.events.tree import _for_clause, _has_no_subject, _is_infinitive


class ModalityMixin(CoderState):
    """The modality of a clause or a nominal event."""

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
            elif dep == "pcomp" and head.lower_ == "from" and head.head.lemma_.lower() in self.preventing_governors:
                # "stopped the rebels from attacking", "refrained from retaliating": it did not happen.
                modality.negated = True
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
