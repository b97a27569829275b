"""The learned sentence-type model in the coder: it reranks a sentence's events by how well
their type fits the wording, and codes a sentence without a trigger when it is fairly sure of
the type.

Kept apart because it is the one statistical step; the rule-based concerns do not depend on it.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.events.ontology import Trigger
from newsgraph.events.state import VERB_POS, CoderState, _Context
from newsgraph.events.typemodel import TypeModel, sentence_distribution
from newsgraph.records import Quote


# The learned type model: how much its probability moves an event's confidence, how sure it
# must be to code a sentence without an event (its best type's probability over the uniform
# one: 2.0 is 0.125 for the 16 PLOVER types; on the dev sets 1.3 to 2.5 beat the former fixed
# 0.3, 2.0 being best for triples), and how far below rule-coded events those rank.
MODEL_RANK_WEIGHT = 0.3
MODEL_EVENT_MIN_LIFT = 2.0
# Two types whose probabilities differ by less than this are a tie (they differ only by rounding).
MODEL_TIE_MARGIN = 1e-9
MODEL_EVENT_SHIFT = -0.2


class SentenceModelMixin(CoderState):
    """The learned type model: ranking a sentence's events and coding eventless sentences."""

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


def _inside_direct_quote(quotes: list[Quote], token: Token) -> bool:
    """Whether the token lies in a direct quotation: the learned model reads a quoted remark's
    words as if the speaker had acted on them, so it codes none there."""
    return any(q.kind == "direct" and q.start <= token.idx < q.end for q in quotes)
