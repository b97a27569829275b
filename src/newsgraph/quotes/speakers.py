"""Speakers and addressees: noun phrases read off the parse, resolved through the actor table."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.quotes.lexicon import Lexicon
from newsgraph.records import ActorTable, SpeakerRef

_EDGE_PUNCT = set(",;:.-—–()[]\"'“”‘’«»")
_NAME_DEPS = {"compound", "flat", "amod", "nmod", "nummod", "poss", "case"}
_RELATIVE = {"who", "which", "that", "whom"}
_PRONOUN_KIND = {"he": "person", "she": "person", "him": "person", "her": "person", "i": "person"}
_ENT_KIND = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}


def trimmed_span(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Character span of tokens ``first..last`` without punctuation or quote marks at the edges,
    except the mark that closes one opened inside ("the bill as “a disaster.”", a mixed quote)."""
    end = last
    while first <= last and (doc[first].is_punct or doc[first].text in _EDGE_PUNCT or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].text in _EDGE_PUNCT or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    if sum(1 for t in doc[first:last + 1] if t.is_quote) % 2:
        closing = next((t.i for t in doc[last + 1:min(end + 3, len(doc))] if t.is_quote), None)
        if closing is not None and all(t.is_punct for t in doc[last + 1:closing]):
            last = closing
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _name_tokens(head: Token, lex: Lexicon) -> list[Token]:
    """The head with the modifiers that belong to its name: "European diplomat", "Julian Smith".

    A proper name keeps only its own words: "Kremlin spokesman Mr Peskov" is named "Peskov",
    "NATO Secretary-General Jens Stoltenberg" is "Jens Stoltenberg".
    """
    doc = head.doc
    if head.pos_ == "PROPN":
        first = head.i
        if head.ent_type_:
            while first > 0 and doc[first].ent_iob_ == "I":
                first -= 1
        else:
            while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i >= first - 1:
                first -= 1
        tokens = [t for t in doc[first:head.i + 1] if t.lower_ not in lex.honorifics]
        return tokens or [head]
    tokens: list[Token] = []
    for t in head.lefts:
        if t.dep_ in _NAME_DEPS and t.dep_ not in ("poss", "case"):
            tokens.extend(x for x in t.subtree if x.dep_ not in ("det", "punct", "case", "poss"))
    tokens.append(head)
    tokens.sort(key=lambda t: t.i)
    return tokens


def _appos_name(head: Token) -> Token | None:
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    return None


def antecedent(token: Token) -> Token:
    """A relative pronoun's antecedent ("the report, which said" -> "report"), else the token."""
    if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def speaker_from(subject: Token, actors: ActorTable, lex: Lexicon) -> SpeakerRef:
    """The speaker named by a subject (or agent) token: its phrase, canonical name and actor."""
    doc = subject.doc
    mention = subject
    head = antecedent(subject)
    span = trimmed_span(doc, subject.left_edge.i, subject.right_edge.i) if head is subject else (
        subject.idx, subject.idx + len(subject.text)
    )
    if span is None:
        span = (subject.idx, subject.idx + len(subject.text))
    named = head if head.pos_ == "PROPN" else (_appos_name(head) or head)
    actor = actors.actor_at(mention.idx, mention.idx + len(mention.text)) if len(actors) else None
    if actor is None and named is not mention and len(actors):
        actor = actors.actor_at(named.idx, named.idx + len(named.text))
    tokens = _name_tokens(named, lex)
    if actor is not None:
        kind = actor.kind
        if kind == "group" and _kind(named, tokens, lex) == "anonymous":
            kind = "anonymous"  # "diplomats said": a group, but an unnamed source all the same
        return SpeakerRef(name=actor.name, actor=actor.id, start=span[0], end=span[1], kind=kind)
    adjective = _adjective_name(named) if named is subject else None
    if adjective is not None:
        span = adjective
    name = doc.text[span[0]:span[1]] if adjective is not None else " ".join(t.text for t in tokens)
    return SpeakerRef(name=name, actor=None, start=span[0], end=span[1], kind=_kind(named, tokens, lex))


def _adjective_name(head: Token) -> tuple[int, int] | None:
    """An adjective standing for a person ("the 43-year-old asked") is named by its written
    phrase up to the adjective, hyphens kept, without the article or what the parse hung after
    it: "43-year-old"."""
    if head.pos_ != "ADJ":
        return None
    lefts = [t for t in head.lefts if t.dep_ not in ("det", "punct")]
    if not lefts:
        return None
    return lefts[0].left_edge.idx, head.idx + len(head.text)


def _kind(head: Token, tokens: list[Token], lex: Lexicon) -> str | None:
    if head.lower_ in _PRONOUN_KIND:
        return _PRONOUN_KIND[head.lower_]  # type: ignore[return-value]
    if head.pos_ == "NOUN" and head.lemma_.lower() in lex.anonymous_nouns:
        return "anonymous"
    if head.ent_type_ in _ENT_KIND:
        return _ENT_KIND[head.ent_type_]  # type: ignore[return-value]
    return None


def _phrase(token: Token) -> str:
    span = trimmed_span(token.doc, token.left_edge.i, token.right_edge.i)
    return token.doc.text[span[0]:span[1]] if span else token.text


def addressee_of(verb: Token, lex: Lexicon) -> str | None:
    """Whom a cue verb addresses: "told reporters", "said to the press", "in a letter to the Council"."""
    if verb.lemma_.lower() in lex.addressee_verbs:
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
                return _phrase(child)
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _phrase(obj)
        if child.lower_ in ("in", "during"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in lex.medium_nouns:
                    for prep in obj.children:
                        if prep.dep_ == "prep" and prep.lower_ == "to":
                            for target in prep.children:
                                if target.dep_ == "pobj":
                                    return _phrase(target)
    return None
