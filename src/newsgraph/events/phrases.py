"""From a noun phrase to the actors the actors stage found in it: each coordinated head, an
apposition, a relation noun's owner ("the son of X"), a country in an "of" phrase, and the core
words of a phrase without its clauses.

Sources and targets of verbal, nominal and headline events all go through here.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.actors import CAPITAL_RULE, PLACE_RULE
from newsgraph.events.state import NOUN_POS, OWNER_DEPS, CoderState, _Context, Found, _unique
from newsgraph.events.tree import _core_tokens, _with_conjuncts
from newsgraph.records import Actor, Mention


COMPOUND_GROUP_RULE = "actor:group:compound"
# Mentions of a city (a capital or a place of places.tsv), which can name a meeting's venue.
VENUE_RULES = frozenset({CAPITAL_RULE, PLACE_RULE})


class PhraseActorsMixin(CoderState):
    """The actors a noun phrase names."""

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
            if token is None or token not in core or (mention.rule in VENUE_RULES and self._names_venue(token)):
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
                if mention.rule in VENUE_RULES and self._names_venue(token):
                    return None
                return Found(actor, mention.start, mention.end, how)
        return Found(actor, start, end, how)

    def _names_venue(self, token: Token) -> bool:
        """'the Geneva talks', 'the Minsk agreements': a city before a meeting or what it agreed
        on names where it was held, not a party to it."""
        head = token
        while head.dep_ in ("compound", "nmod") and head.head.pos_ in NOUN_POS and head.head != head:
            # "his Novo-Ogaryovo country residence": through the compounds to the noun they modify.
            head = head.head
        return head is not token and head.lemma_.lower() in self.venue_nouns


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


def _under_of(token: Token, head: Token) -> bool:
    """Whether the token sits in an 'of' complement of the head ('the president of Russia')."""
    node = token
    while node != head and node.head != node:
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head == head:
            return True
        node = node.head
    return False
