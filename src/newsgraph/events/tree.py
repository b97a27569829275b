"""Small questions about the dependency parse that several concerns ask: a word's dictionary
forms, its conjuncts, whether it acts as a verb or is an infinitive, the verb that bears a subject.

They read only the parse (and, for places and countries, an entity label or an actor), never
the coder's dictionaries, so they are plain functions.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from newsgraph.events.state import COMPLEMENT_DEPS, MAX_CLIMB, NOUN_POS, PLACE_LABELS, SUBJECT_DEPS, VERB_POS
from newsgraph.records import Actor


# Dependencies of a clause's head: a noun-tagged word there with a subject is a verb.
CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "parataxis", "advcl"})


def _word_forms(token: Token) -> list[str]:
    """The forms a dictionary lemma may take for a word, in order: its lemma, its lower-case
    form, and that form without a plural or third-person "-es"/"-s", for the title-cased words
    the tagger leaves unlemmatised ("Bans", "Expels", "Raises")."""
    word = token.lower_
    forms = [token.lemma_.lower(), word]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


def _is_place(token: Token) -> bool:
    """A named place, or a proper name that is not a person (spaCy often tags regions as ORG)."""
    if token.ent_type_ in PLACE_LABELS:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "NORP")


def _is_country(actor: Actor | None) -> bool:
    return actor is not None and actor.kind == "country"


def _with_conjuncts(token: Token) -> list[Token]:
    """The token and the members coordinated after it, including lists the parser hangs as
    appositions ("The US, Russia, and Switzerland met")."""
    members = [token, *[c for c in token.conjuncts if c.i > token.i]]
    for child in token.children:
        if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
            members += [child, *[c for c in child.conjuncts if c.i > child.i]]
    return members


def _acts_as_verb(token: Token) -> bool:
    """A verb, or a clause head the tagger called a noun although it has a subject ("The
    government rejects and condemns the decision", "X, thus, rejects ..., said Y", with
    "rejects" tagged NOUN)."""
    return token.pos_ in VERB_POS or (token.dep_ in CLAUSE_HEAD_DEPS and token.pos_ in NOUN_POS
                                      and any(c.dep_ == "nsubj" for c in token.children))


def _requested_verbs(token: Token) -> list[Token]:
    """The acts a request word asks for: its infinitive complement or purpose clause, a
    "that" clause ("demanded that Y withdraw"), or a noun's infinitive ("an appeal to extradite")."""
    acts = []
    for child in token.children:
        if child.pos_ not in VERB_POS:
            continue
        if child.dep_ in ("xcomp", "ccomp") or (child.dep_ in ("advcl", "acl") and _is_infinitive(child)):
            acts.append(child)
    return acts


def _subject_bearer(verb: Token) -> Token:
    """The verb whose subject performs an infinitive with none of its own: 'the group was
    willing to hold talks', 'his forces were ready to halt fire' (through the adjective to the
    copula), 'the group wants to hold talks', and a participle ('a bomb exploded, killing ten');
    an object-controlled verb ('urged X to go') stops."""
    node = verb
    for _ in range(MAX_CLIMB):
        participle = node.dep_ == "advcl" and node.tag_ == "VBG"
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in node.children) or not (
                node.dep_ == "xcomp" or participle):
            return node
        head = node.head
        if head.pos_ == "ADJ" and head.dep_ in COMPLEMENT_DEPS and head.head != head:
            head = head.head
        elif head.pos_ not in VERB_POS or any(c.dep_ in ("dobj", "obj") for c in head.children):
            return node
        node = head
    return node


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _for_clause(clause: Token) -> bool:
    """An infinitive clause with its own subject introduced by "for" ("for Russia to withdraw")."""
    return clause.dep_ in ("advcl", "ccomp", "xcomp") and _is_infinitive(clause) and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def _has_no_subject(verb: Token) -> bool:
    return not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children)


def _core_tokens(head: Token, clause_deps: frozenset[str]) -> set[Token]:
    """The head's phrase without its coordinated members and embedded clauses."""
    core: set[Token] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        core.add(token)
        for child in token.children:
            if child.dep_ in clause_deps or (token == head and child.dep_ in ("conj", "cc")):
                continue
            stack.append(child)
    return core


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(MAX_CLIMB):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in VERB_POS:
            return node
    return None


def _location_prep(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        head = node.head
        if head == node:
            return None
        if node.dep_ == "pobj" and head.pos_ == "ADP":
            return head
        if node.dep_ not in ("poss", "compound", "conj", "appos", "nmod", "amod", "pobj"):
            return None
        node = head
    return None


#: Share of a headline's longer words that are capitalised in a title-cased headline.
TITLE_CASE_SHARE = 0.8


def _title_cased(sent: SpacySpan) -> bool:
    """A headline in title case ("Slovakia Expels Dozens of Diplomats"), which the tagger reads
    as a string of names: most of its longer words are capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title or t.is_upper for t in words) >= TITLE_CASE_SHARE * len(words)
