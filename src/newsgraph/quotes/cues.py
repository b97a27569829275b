"""Attribution cues read off the dependency parse: who says, with which word, and what.

A cue is a speech or cognition verb ("said", "fear"), an adjective ("are concerned that"),
"according to", or a noun with a that-clause ("Trump's claim that ..."). Each cue carries
the subject that speaks and the token ranges that hold its content, if the parse shows any.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.quotes.lexicon import Lexicon, lexicon
from newsgraph.quotes.speakers import trimmed_span

_VERBAL = {"VERB", "AUX"}
_MAX_COLON_LOOKAHEAD = 8
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_PREPOSITIONS = frozenset({"about", "of", "on", "for", "against", "to", "over", "with", "at", "in"})


@dataclass(slots=True)
class Cue:
    lemma: str
    category: str
    anchor: int
    start: int
    end: int
    subject: Token | None
    content: list[tuple[int, int]] = field(default_factory=list)
    content_heads: list[int] = field(default_factory=list)
    needs_marks: bool = False
    colon_at: int | None = None
    verb: Token | None = None
    rule: str = ""

    def content_length(self) -> int:
        return sum(e - s for s, e in self.content)


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive ("to endorse"), whose unspoken subject comes from the clause above."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The speaking subject; shared subjects of coordinated verbs, "..., saying", "by saying",
    "went on to say" and "is likely to say" are followed up to the clause that has one."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    speakers = [child for child in subjects
                if child.ent_type_ in _SPEAKER_ENTITIES or child.lower_ in _SPEAKER_PRONOUNS]
    if len(subjects) > 1 and speakers:
        # "Speaking in Salem, New Hampshire, Trump went ...": the parse may give the verb two
        # subjects; a person or organisation wins over a place or a common noun, the one written
        # nearest before the verb first
        return max(speakers, key=lambda child: (child.i < verb.i, -abs(verb.i - child.i)))
    if subjects:
        return subjects[0]
    if depth >= 3:
        return None
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        pictured = _pictured_speaker(head, verb)
        if pictured is not None:
            return pictured  # "footage of Trump saying ...": Trump speaks, not the footage
        if head.head.pos_ in _VERBAL and head.dep_ not in ("nsubj", "nsubjpass"):
            # "she released a statement saying ...": the one who issued the statement speaks
            return _subject(head.head, depth + 1)
        return head  # "a petition calling for ...": the document speaks
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in _VERBAL:
        return _subject(head.head, depth + 1)  # "she won the vote by promising ..."
    if head.i == verb.i or head.pos_ not in _VERBAL | {"ADJ"}:
        return None
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.i > 0:
        named = verb.doc[verb.i - 1]
        if named.dep_ == "pobj" and named.pos_ == "PROPN" and named.head.lower_ == "of":
            return named  # "the ad uses footage of Clinton asking ...", parsed as the verb's participle
    if verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG"):
        shared = _subject(head, depth + 1)
        if shared is None and verb.dep_ == "conj":
            # "she was joined on stage and joked": the passive subject of the first verb
            shared = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        return shared
    if verb.dep_ == "acomp" or (verb.dep_ == "advcl" and _infinitive(verb)):
        return _subject(head, depth + 1)  # "he went on to endorse ...", "is likely to remind ..."
    if verb.dep_ == "xcomp":
        # object control: "prompting Russia to complain" -> Russia; not the means of a purpose
        # ("used the phrase to describe the plan": whoever used it describes)
        obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None and head.lemma_.lower() in lexicon().means_verbs:
            obj = None
        return obj if obj is not None else _subject(head, depth + 1)
    return None


def _pictured_speaker(noun: Token, verb: Token) -> Token | None:
    """The name in "footage of X saying", "a clip of X telling": the "of" object written right
    before the participle."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and obj.right_edge.i == verb.i - 1:
                    return obj
    return None


def _passive_agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive cue ("was praised by critics"): the one who speaks."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    return None


def _clause_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i


_TRAILING_SEPARATORS = {",", "—", "–", ";"}


_CONCESSIVE_MARKS = frozenset({"while", "whereas", "which", "though", "although"})
_NONRESTRICTIVE = frozenset({"which", "who", "whom", "whose"})


def _added_clause(token: Token, head: Token) -> bool:
    """Whether ``token`` heads a clause the writer added after the reported one: a participle or
    a "while"/"though" clause after a separator, or a ", which ..." relative clause."""
    doc = token.doc
    edge = token.left_edge.i
    if edge <= head.i:
        return False
    before = edge - 1
    while before > head.i and doc[before].is_quote:
        before -= 1  # “..., A,” adding that B: the comma sits inside the closing mark
    set_off = doc[before].text in _TRAILING_SEPARATORS
    if token.dep_ in ("advcl", "xcomp", "conj") and token.tag_ == "VBG" and set_off and token.head.i == head.i \
            and not any(c.dep_ in ("aux", "nsubj") for c in token.children):
        return True
    if token.dep_ in ("advcl", "relcl") and set_off and any(
            c.dep_ in ("mark", "nsubj", "nsubjpass") and c.lower_ in _CONCESSIVE_MARKS for c in token.children):
        return True
    if token.dep_ == "relcl" and set_off and doc[edge].lower_ in _NONRESTRICTIVE:
        return True
    return False


def _reported_range(head: Token) -> tuple[int, int]:
    """A reported clause without what the parse hung on its end but the writer added (see
    ``_added_clause``); the clause is cut before the first such addition that runs to its end."""
    return _without_additions(head, *_clause_range(head))


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _split_around_cue(clause: tuple[int, int], verb: Token) -> list[tuple[int, int]]:
    """A reported clause that the cue sits inside ("the bill, which critics say would fail"):
    the relative word that opens it and the words after the cue, without the speaker and cue."""
    first, last = clause
    if first >= verb.i or last <= verb.i:
        return [clause]
    doc = verb.doc
    parts = [(first, first)] if doc[first].tag_ in _RELATIVE_TAGS else []
    return parts + [(verb.i + 1, last)]


def _without_additions(head: Token, first: int, last: int) -> tuple[int, int]:
    doc = head.doc
    for token in doc[head.i + 1:last + 1]:
        if token.right_edge.i == last and _added_clause(token, head):
            last = token.left_edge.i - 1
            break
    while last > first and doc[last].text in _TRAILING_SEPARATORS | {"and", "but"}:
        last -= 1
    return first, last


def _clause_preposition(child: Token, prepositions: frozenset[str]) -> Token | None:
    """The opening preposition of a clause hung on the verb ("for X to do Y" read as an adverbial
    clause marked by "for"), when the verb takes that preposition."""
    if child.dep_ != "advcl" or child.i <= child.head.i:
        return None
    first = child.left_edge
    if first.dep_ == "mark" and first.head.i == child.i and first.lower_ in prepositions:
        return first
    return None


def _stray_that_clause(verb: Token) -> tuple[int, int] | None:
    """A "that" clause the parse hung on a noun after the verb ("said during a news conference
    that he may wait"): the first clause marked by "that" before any other verb."""
    doc = verb.doc
    for token in doc[verb.i + 1:verb.right_edge.i + 1]:
        if token.pos_ in _VERBAL:
            return None
        if token.lower_ == "that" and token.dep_ == "mark" and token.head.i > token.i:
            return token.i, _reported_range(token.head)[1]
    return None


_OBJECT_PREDICATES = frozenset({"as", "for", "of", "to", "with"})


def _rest_of_clause(verb: Token, obj: Token) -> int:
    """The last token of what follows the object inside the cue's clause, up to the first
    separator or clause: PolNeAR's content runs on to the clause end ("rebuked Trump in December")."""
    doc = verb.doc
    last = obj.right_edge.i
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.i <= obj.right_edge.i:
            continue
        if doc[child.left_edge.i - 1].text in _TRAILING_SEPARATORS or child.dep_ in ("punct", "cc", "conj") \
                or child.pos_ in _VERBAL:
            break
        last = child.right_edge.i
    return last


def _object_range(verb: Token, obj: Token) -> tuple[int, int]:
    """The object with what the verb says about it: "the media for being dishonest", "Clinton as a
    disgrace", "steps to tighten sales" (the parse often hangs the infinitive on the verb)."""
    last = max(obj.right_edge.i, _rest_of_clause(verb, obj))
    for child in verb.children:
        predicative = child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ in _OBJECT_PREDICATES)
        infinitive = child.dep_ in ("xcomp", "advcl") and _infinitive(child)
        pictured = child.dep_ in ("xcomp", "advcl", "ccomp") and child.tag_ == "VBG" \
            and child.left_edge.i == obj.right_edge.i + 1  # "showed Trump losing support"
        if child.i > obj.i and (predicative or infinitive or pictured):
            last = max(last, child.right_edge.i)
    return _without_additions(obj, obj.left_edge.i, last)


def _prepositional_range(verb: Token, prep: Token, obj: Token) -> tuple[int, int]:
    """The object of "called for", "warned of" with the rest of the clause and the infinitive the
    parse hung on the verb ("called for a special prosecutor to oversee the inquiry")."""
    last = max(obj.right_edge.i, _rest_of_clause(verb, prep))
    for child in verb.children:
        if child.i > prep.i and child.dep_ in ("xcomp", "advcl") and _infinitive(child) \
                and child.left_edge.i == last + 1:
            last = child.right_edge.i
    return _without_additions(obj, obj.left_edge.i, last)


def _without(outer: tuple[int, int], inner: tuple[int, int]) -> list[tuple[int, int]]:
    """The parts of token range ``outer`` left when ``inner`` is cut out."""
    parts = []
    if outer[0] < inner[0]:
        parts.append((outer[0], min(outer[1], inner[0] - 1)))
    if inner[1] < outer[1]:
        parts.append((max(outer[0], inner[1] + 1), outer[1]))
    return parts


def _set_off_by_comma(verb: Token) -> bool:
    """Whether the cue clause is a parenthetical: a comma right before or right after it."""
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    before = doc[first - 1].text if first > 0 else ""
    after = doc[last + 1].text if last + 1 < len(doc) else ""
    return before in (",", "—", "–") or after in (",", "—", "–") or doc[last].text in (",",)


def _reporter_of_joined(verb: Token, lex: Lexicon) -> Token | None:
    """The speaker of "she said X and added Y" when the parse joined "added" to X's verb: the
    subject of the report that X belongs to, not X's own subject."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    clause = verb.head
    report = clause.head
    entry = lex.cue_verbs.get(report.lemma_.lower())
    if clause.dep_ != "ccomp" or report.pos_ != "VERB" or entry is None or entry.category != "speech":
        return None
    return _subject(report)


def _inner_report(token: Token, verb: Token, lex: Lexicon) -> bool:
    """Whether ``token`` is a report of its own inside ``verb``'s content: a speech verb with a
    reported clause and its own subject written before ``verb`` ("A say X, while B say Y": the
    parse hangs the first report on the second), or a cue verb coordinated after it ("she said X
    and said Y", "she said X was wrong and vowed to ...")."""
    entry = lex.cue_verbs.get(token.lemma_.lower())
    if entry is None or token.pos_ != "VERB":
        return False
    if token.dep_ == "conj" and token.i > verb.i and token.tag_ == verb.tag_ != token.head.tag_ \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children):
        return True  # same tense as "said", not as the verb it hangs on: it continues "said"
    if entry.category != "speech" or "ccomp" not in entry.frames or not any(c.dep_ == "ccomp" for c in token.children):
        return False
    if token.i < verb.i:
        return any(c.dep_ == "nsubj" for c in token.children)
    return token.dep_ == "conj" and not any(c.dep_ in ("nsubj", "aux") for c in token.children)


def _report_extent(token: Token) -> tuple[int, int]:
    """An inner report from its subject (or the conjunction before it) to the end of what it
    reports, leaving out the clauses coordinated after it, which belong to the outer report."""
    doc = token.doc
    first = token.left_edge.i
    if token.dep_ == "conj":
        while first > 0 and (doc[first - 1].dep_ == "cc" or doc[first - 1].text == ","):
            first -= 1
    last = token.i
    for child in token.children:
        if child.i > token.i and child.dep_ not in ("conj", "cc", "punct"):
            last = max(last, child.right_edge.i)
    return first, last


def _without_inner_reports(verb: Token, ranges: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """The content of a report less the reports of others (or later ones) written inside it,
    which PolNeAR annotates as attributions of their own."""
    doc = verb.doc
    out: list[tuple[int, int]] = []
    for first, last in ranges:
        pieces = [(first, last)]
        for token in doc[first:last + 1]:
            if token.i != verb.i and _inner_report(token, verb, lex):
                extent = _report_extent(token)
                pieces = [part for piece in pieces
                          for part in (_without(piece, extent) if piece[0] <= token.i <= piece[1] else [piece])]
        for start, end in pieces:
            while end > start and (doc[end].dep_ == "cc" or doc[end].is_punct):
                end -= 1
            while start < end and (doc[start].dep_ == "cc" or doc[start].is_punct):
                start += 1
            out.append((start, end))
    return out


def _to_chars(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for first, last in ranges:
        span = trimmed_span(doc, first, last)
        if span is not None:
            spans.append(span)
    return spans


def _colon_after(doc: Doc, verb: Token, content: list[tuple[int, int]]) -> int | None:
    """Char index of a colon closing the cue clause ("said in a statement:")."""
    sent_end = verb.sent.end
    content_starts = {s for s, _ in content}
    for j in range(verb.i + 1, min(sent_end + 1, verb.i + 1 + _MAX_COLON_LOOKAHEAD, len(doc))):
        tok = doc[j]
        if tok.text == ":":
            return tok.idx
        if tok.idx in content_starts or tok.text in ".!?" or tok.is_quote:
            return None
    return None


def _verb_cue(verb: Token, lex: Lexicon) -> Cue | None:
    entry = lex.cue_verbs.get(verb.lemma_.lower())
    if entry is None:
        return None
    doc = verb.doc
    frames = entry.frames
    heads: list[int] = []
    ranges: list[tuple[int, int]] = []
    needs_marks = False
    anchor_tokens = [verb]
    if verb.pos_ == "ADJ":
        if verb.dep_ != "acomp":
            return None
        host = verb.head
        anchor_tokens = [host, verb] if host.i < verb.i else [verb]
        subject = _subject(host)
        children = list(verb.children) + [c for c in host.children if c.dep_ == "ccomp"]
    else:
        if verb.pos_ not in _VERBAL or verb.dep_ in ("amod", "compound"):
            return None
        subject = _reporter_of_joined(verb, lex) or _subject(verb)
        children = list(verb.children)
        if verb.lemma_.lower() == "go" and not any(c.dep_ == "prt" and c.lower_ == "on" for c in children):
            return None  # only "she went on", a continuation of speech
        if verb.lemma_.lower() == "put" and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in children):
            return None  # only "as she put it", a way of speaking
        if verb.lemma_.lower() == "point":
            particle = [c for c in children if c.dep_ in ("prt", "prep") and c.lower_ in ("out", "to")]
            if not particle:
                return None
            if particle[0].lower_ == "out":
                anchor_tokens = [verb, particle[0]]
    rule = "ccomp"
    for child in children:
        if child.dep_ == "ccomp" and "ccomp" in frames:
            heads.append(child.i)
            ranges.extend(_split_around_cue(_reported_range(child), verb))
        elif child.dep_ == "xcomp" and "xcomp" in frames and any(c.dep_ == "aux" for c in child.children):
            heads.append(child.i)
            ranges.append(_clause_range(child))
            rule = "xcomp"
    if not ranges and "oprd" in frames:
        rule = "oprd"
        objs = [c for c in children if c.dep_ == "dobj"]
        oprds = [c for c in children if c.dep_ == "oprd"]
        if objs and oprds:
            heads.append(objs[0].i)
            if objs[0].i < verb.i and objs[0].tag_ in _RELATIVE_TAGS:
                # "what critics called “a disgrace”": the relative word and the naming, not the speaker
                ranges.extend([(objs[0].i, objs[0].i), (verb.i + 1, oprds[-1].right_edge.i)])
            else:
                ranges.append((objs[0].left_edge.i, oprds[-1].right_edge.i))
    prepositions = frames & _PREPOSITIONS
    if not ranges and prepositions:
        rule = "prep"
        for prep in children:
            mark = _clause_preposition(prep, prepositions)
            if mark is not None:
                # "calling for the United States to step up ...": the parse made a clause of it
                heads.append(prep.i)
                ranges.append((mark.i + 1, prep.right_edge.i))
                anchor_tokens = [verb, mark]
                break
            if prep.dep_ in ("prep", "prt") and prep.lower_ in prepositions:
                objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if objs:
                    heads.append(objs[0].i)
                    ranges.append(_prepositional_range(verb, prep, objs[0]))
                    anchor_tokens = [verb, prep] if prep.i > verb.i else anchor_tokens
                break
    if not ranges and "term" in frames:
        objs = [c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in lex.term_nouns]
        if objs:
            rule = "term"
            heads.append(objs[0].i)
            ranges.append((objs[0].left_edge.i, objs[0].right_edge.i))  # the words, not their purpose
            needs_marks = True
    if not ranges and ("dobj" in frames or "dobj!" in frames):
        rule = "dobj"
        objs = [c for c in children if c.dep_ == "dobj"]
        if objs:
            heads.append(objs[0].i)
            ranges.append(_object_range(verb, objs[0]))
            needs_marks = "dobj!" not in frames
    if not ranges and "ccomp" in frames and verb.pos_ != "ADJ":
        clause = _stray_that_clause(verb)
        if clause is not None:
            heads.append(clause[0])
            ranges.append(clause)
    if not ranges and ("dobj" in frames or "oprd" in frames) and verb.pos_ != "ADJ" and verb.right_edge.i > verb.i:
        # "called both rivals “crazy”" parsed without an object: what follows the verb, only
        # ever used when it holds quoted words (a mixed quote)
        rule = "dobj"
        heads.append(verb.i + 1)
        ranges.append((verb.i + 1, verb.right_edge.i))
        needs_marks = True
    agent = _passive_agent(verb) if verb.pos_ != "ADJ" else None
    if agent is not None:
        subject = agent
        passive_subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if not ranges and passive_subject is not None and ("dobj" in frames or "dobj!" in frames):
            # "the plan was praised by critics": the critics speak about the plan
            rule = "passive"
            heads.append(passive_subject.i)
            ranges.append(_clause_range(passive_subject))
            needs_marks = "dobj!" not in frames
    if not ranges:
        rule = "ccomp"
    if not ranges and "paren" in frames and verb.dep_ in ("parataxis", "advcl", "conj", "ccomp") and subject is not None \
            and subject.head.i == verb.i and _set_off_by_comma(verb):
        # "..., a source said." parsed with the reported clause as the head
        host = verb.head
        if host.pos_ in _VERBAL and lex.cue_verbs.get(host.lemma_.lower()) is None:
            heads.append(host.i)
            ranges.extend(_without(_clause_range(host), _clause_range(verb)))
            rule = "parenthetical"
    if rule in ("ccomp", "parenthetical"):
        ranges = _without_inner_reports(verb, ranges, lex)
    content = _to_chars(doc, ranges)
    first, last = anchor_tokens[0], anchor_tokens[-1]
    cue = Cue(
        lemma=entry.lemma,
        category=entry.category,
        anchor=verb.i,
        start=first.idx,
        end=last.idx + len(last.text),
        subject=subject,
        content=content,
        content_heads=heads,
        needs_marks=needs_marks,
        verb=verb if verb.pos_ != "ADJ" else verb.head,
        rule=rule,
    )
    cue.colon_at = _colon_after(doc, verb, content)
    return cue


def _according_cue(token: Token) -> Cue | None:
    """"according to X, ..." : X speaks the clause the phrase is attached to."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    sources = [c for c in to.children if c.dep_ == "pobj"]
    if not sources:
        return None
    host = token.head
    if host.i == token.i:
        return None
    if host.pos_ not in _VERBAL:
        host = host.head if host.head.pos_ in _VERBAL else host
    phrase = (token.left_edge.i, token.right_edge.i)
    host = _sourced_clause(host, phrase)
    ranges = _without(_clause_range(host), phrase)
    return Cue(
        lemma="according to",
        category="speech",
        anchor=token.i,
        start=token.idx,
        end=to.idx + len(to.text),
        subject=sources[0],
        content=_to_chars(doc, ranges),
        content_heads=[host.i],
        rule="according-to",
    )


def _sourced_clause(host: Token, phrase: tuple[int, int]) -> Token:
    """The clause an "according to" phrase vouches for: the whole sentence when the phrase ends
    it ("A rose and B fell, according to the survey"), not only the nearest conjunct."""
    sentence = host.sent
    last = sentence.end - 1
    while last > phrase[1] and (sentence.doc[last].is_punct or sentence.doc[last].is_space):
        last -= 1
    if last == phrase[1] and sentence.root.pos_ in _VERBAL and host.i != sentence.root.i \
            and sentence.root.left_edge.i == sentence.start:
        return sentence.root
    while host.dep_ == "conj" and host.head.pos_ in _VERBAL:
        host = host.head
    return host


def _noun_cue(noun: Token, lex: Lexicon) -> Cue | None:
    """"Trump's claim that ..." : the possessor (or the subject of "made the claim") speaks."""
    clause = None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "appos") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            clause = child
            break
    if clause is None:
        return _noun_object_cue(noun, lex)
    subject = next((c for c in noun.children if c.dep_ == "poss"), None)
    if subject is None and noun.dep_ == "dobj":
        subject = _subject(noun.head)
    return _held_noun_cue(noun, subject, clause, _clause_range(clause), "noun")


def _noun_holder(noun: Token) -> Token | None:
    """Who voices a noun cue: the possessor ("the mayor's criticism"), a "by"/"from" phrase
    ("criticism from the unions"), or the subject of the verb that takes the noun ("she voiced
    criticism of ...")."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return possessor
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            holder = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if holder is not None and holder.pos_ in ("PROPN", "NOUN", "PRON"):
                return holder
    if noun.dep_ == "dobj":
        return _subject(noun.head)
    return None


def _noun_object_cue(noun: Token, lex: Lexicon) -> Cue | None:
    """"The mayor's criticism of the budget": the prepositional object is what was said."""
    prepositions = lex.cue_noun_objects.get(noun.lemma_.lower())
    if not prepositions or (noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.cue_verbs):
        return None  # "he cited criticism of ...": the verb's cue reports the whole phrase
    if "to-infinitive" in prepositions:
        clause = next((c for c in noun.children if c.dep_ == "acl" and _infinitive(c)), None)
        if clause is not None:
            return _noun_content_cue(noun, clause, _clause_range(clause))
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
    if prep is None and noun.dep_ == "dobj":
        # "renewed his calls for a recount": the parse may hang the phrase on the verb
        prep = next((c for c in noun.head.children if c.dep_ == "prep" and c.lower_ in prepositions
                     and c.i == noun.right_edge.i + 1), None)
    target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if target is None:
        return None
    return _noun_content_cue(noun, target, _clause_range(target))


def _noun_content_cue(noun: Token, head: Token, tokens: tuple[int, int]) -> Cue | None:
    """A noun cue whose content is ``tokens``, if someone in the sentence holds the noun."""
    return _held_noun_cue(noun, _noun_holder(noun), head, tokens, "noun-object")


def _held_noun_cue(noun: Token, subject: Token | None, head: Token, tokens: tuple[int, int],
                   rule: str) -> Cue | None:
    """The cue of a noun held by ``subject`` whose content is ``tokens``; none without a holder."""
    if subject is None:
        return None
    return Cue(
        lemma=noun.lemma_.lower(),
        category="speech",
        anchor=noun.i,
        start=noun.idx,
        end=noun.idx + len(noun.text),
        subject=subject,
        content=_to_chars(noun.doc, [tokens]),
        content_heads=[head.i],
        rule=rule,
    )


def find_cues(doc: Doc, lex: Lexicon) -> list[Cue]:
    """Every attribution cue in the document, in text order."""
    cues: list[Cue] = []
    cue_lemmas = lex.cue_verbs
    for token in doc:
        lemma = token.lemma_.lower()
        cue: Cue | None = None
        if token.lower_ == "according":
            cue = _according_cue(token)
        elif lemma in cue_lemmas and token.pos_ in ("VERB", "AUX", "ADJ"):
            cue = _verb_cue(token, lex)
        elif token.pos_ == "NOUN" and (lemma in lex.cue_nouns or lemma in lex.cue_noun_objects):
            cue = _noun_cue(token, lex)
        if cue is not None:
            cues.append(cue)
    return cues
