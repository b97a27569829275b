"""Matching trigger words: which dictionary entry a verb or noun takes, by the conditions its
dependents meet, and the narrower code the act it asks for, threatens, rejects or qualifies gives.

A user's PETRARCH verb dictionary is consulted here too, since it decides the code of the verbs
it matches; who the source and target are is the verbal and nominal concerns' business.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.events.ontology import NO_EVENT_CODE, Trigger
from newsgraph.events.petrarch import VerbMatch
from newsgraph.events.selection import _refines
from newsgraph.events.state import (
    ASKED_PREPS, COMPLEMENT_DEPS, NOUN_POS, OBJECT_DEPS, SUBJECT_DEPS, VERB_POS, CoderState, _Context,
)
from newsgraph.events.tree import (
    _acts_as_verb, _for_clause, _is_country, _is_infinitive, _is_place, _requested_verbs, _subject_bearer,
    _title_cased, _with_conjuncts, _word_forms,
)


MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "nummod"})
GENERIC_APPEAL = "020"
# Prepositions whose object a dictionary condition reads as the verb's object
# ("agreed on a pact", "asked for aid", "agreed to a ceasefire").
OBJECT_PREPS = frozenset({"with", "of", "for", "in", "on", "upon", "to", "against", "over"})


class TriggerMatchingMixin(CoderState):
    """Trigger words: the dictionary entry each word takes and the codes refined from its dependents."""

    def _match_sentence(self, ctx: _Context, sent: SpacySpan) -> dict[Token, Trigger]:
        matched: dict[Token, Trigger] = {}
        # A title-cased headline is tagged as a string of names: its nouns are read all the same.
        names_hide_nouns = not _title_cased(sent)
        for token in sent:
            lemma = token.lemma_.lower()
            if _acts_as_verb(token) and token.dep_ not in ("amod", "compound", "aux", "auxpass"):
                entries = self.verb_triggers.get(lemma) or self.verb_triggers.get(token.lower_)
                if not entries and token.tag_ in ("VBD", "VBN") and token.lower_.endswith("ed"):
                    # "raped" lemmatised as "rap": the regular past form of the trigger itself.
                    entries = self.verb_triggers.get(token.lower_[:-1])
            elif token.pos_ in NOUN_POS and not (names_hide_nouns and _inside_name(token, self.gathering_nouns)):
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
        """The entry with the most satisfied conditions (the earlier line on a tie); None when
        that is a line of ``NO_EVENT_CODE``, whose words name no event."""
        best = self._winning_entry(ctx, token, entries)
        return None if best is not None and best.cameo == NO_EVENT_CODE else best

    def _names_no_event(self, ctx: _Context, token: Token) -> bool:
        """Whether a no-event line wins for the verb ("fight against a bill", "release a new
        phone"): then a governing verb's line that names it as its complement ("vowed to fight")
        is not met either."""
        entries = self.entries_with_no_event_lines.get(("verb", token.lemma_.lower()))
        if not entries or token.pos_ not in VERB_POS:
            return False
        best = self._winning_entry(ctx, token, entries)
        return best is not None and best.cameo == NO_EVENT_CODE

    def _winning_entry(self, ctx: _Context, token: Token, entries: list[Trigger]) -> Trigger | None:
        features: dict[str, set[str]] | None = None
        best: Trigger | None = None
        for entry in self.entries_with_no_event_lines.get((entries[0].kind, entries[0].lemma), entries):
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
                                    "gov": set(), "subj": set(), "question": set()}
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
            if (dep == "xcomp" or (dep in ("ccomp", "advcl") and _is_infinitive(child))) and (
                    not self._names_no_event(ctx, child)):
                # "wants Germany to pay" is often parsed as a ccomp with its own subject, "sworn
                # to fight" as a purpose clause.
                out["xcomp"].add(child.lemma_.lower())
            if dep == "ccomp":
                out["ccomp_aux"].update(a.lower_ for a in child.children if a.dep_ in ("aux", "auxpass"))
                # "asked him whether he would run", "asked how the research began": a question
                out["question"].update(w.lower_ for w in child.subtree if w.i < child.i and (
                    w.tag_ in ("WDT", "WP", "WRB") or (w.dep_ == "mark" and w.lower_ in ("if", "whether"))))
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


def _condition_met(found: set[str], wanted: frozenset[str]) -> bool:
    """A dictionary condition holds when the dependents' words include one it lists; the value
    "*" asks only that there be such a dependent ("agree with X to <any act>")."""
    return bool(found & wanted) or ("*" in wanted and bool(found))


def _of_complements(noun: Token) -> list[Token]:
    """What a noun's "of" phrase names: its object, or the gerund of a clause ("of banning ...")."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ in ("pobj", "pcomp")]


def _chosen_by_asked_verb(trigger: Trigger) -> bool:
    """'urged X to lift ...' (0254) guesses from the asked-for verb alone; what is lifted (a ban:
    0251) can say more, so the asked-for act's own code is looked up as for a generic appeal."""
    return any(key == "xcomp" for key, _ in trigger.conditions)


def _subject_words(verb: Token, quantity_nouns: frozenset[str]) -> set[str]:
    """Lemmas of the verb's subject heads and their modifiers, looking through a quantity
    ("hundreds of British troops") and up to the verb that bears the subject ("began deploying");
    a participle's subject is the noun it describes ("migrants arriving in Russia")."""
    heads = [t for s in _subject_bearer(verb).children if s.dep_ == "nsubj" for t in _with_conjuncts(s)]
    if (not heads and verb.dep_ == "acl" and verb.tag_ == "VBG") or (
            verb.dep_ == "relcl" and heads and all(h.tag_ in ("WP", "WDT") for h in heads)):
        heads = _with_conjuncts(verb.head)  # "... citizens who visit Russia": the citizens
    heads += [p for h in list(heads) if h.like_num or h.lemma_.lower() in quantity_nouns
              for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    return {w for h in heads
            for w in (h.lemma_.lower(), *(m.lemma_.lower() for m in h.children if m.dep_ in ("amod", "compound")))}


#: Entity labels of names a noun trigger inside them is part of ("Christian Aid", "Kool Aid", "the
#: Strike Force arena"), not an event; not EVENT ("the Iraq War" may be the war the text reports).
NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "PERSON"})


def _inside_name(token: Token, gathering_nouns: frozenset[str]) -> bool:
    """Whether the noun is a word of a longer name the entity model tagged, other than the
    gathering the name is of ("the G20 Summit" is a meeting, "Islamic Cooperation" no act)."""
    if token.ent_type_ not in NAME_LABELS:
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if not (token.ent_iob_ == "I" or (following is not None and following.ent_iob_ == "I")):
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return not (entity is not None and entity.root.i == token.i and token.lemma_.lower() in gathering_nouns)

