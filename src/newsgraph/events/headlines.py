"""Headlines, whose grammar differs from the body's: a title-cased headline the parser reads
as names is coded word by word, and a past participle without its auxiliary ("Minister
stabbed") reads as a passive.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.events.ontology import Trigger
from newsgraph.events.state import (
    AGENTLESS_PASSIVE_PENALTY, JOINT_CODES, JOINT_TYPES, OBJECT_DEPS, CoderState, _Context, Found, Modality,
    _unique, _unknown_source,
)
from newsgraph.events.tree import _word_forms


class HeadlinesMixin(CoderState):
    """Headline events: title-cased headlines and participles without an auxiliary."""

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
