"""Quote extraction: direct, mixed and indirect quotations, each tied to a speaker.

Two cheap passes over what the parser already produced: quotation marks found on the raw
characters (``marks``), and attribution cues found on the dependency parse (``cues``). A
quoted stretch takes the speaker of the cue whose reported clause it lies in, else of a cue
right next to it, else of the other quotes in its paragraph; a long quotation nothing claims
goes, with a low confidence, to the person or organisation named in its paragraph. Cues left over whose clause
holds no quotation marks become indirect quotes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.quotes.cues import Cue, find_cues
from newsgraph.quotes.lexicon import Lexicon, lexicon
from newsgraph.quotes.marks import MarkedSpan, find_marked_spans
from newsgraph.quotes.speakers import addressee_of, speaker_from
from newsgraph.records import Actor, ActorTable, Article, Mention, Quote, SpeakerRef, Span

_WORD = re.compile(r"\w+")
_THAT = re.compile(r"\bthat\b")
_DASH_BEFORE_NAME = re.compile(r"[ \t\u00a0]*[―—–]+[ \t\u00a0]*(?=[A-Z])")
_SIGNATURE_LINE = re.compile(r"[ \t\u00a0]*[-―—–]+[ \t\u00a0]*(?=[A-Z])")
_SIGNED_NAME_BEFORE_COLON = re.compile(r"(?:\s[-―—–]+|[.?!…][”’'\"]?|^)\s*(?:More\s+)?(?:[Ff]rom\s+)?((?:[A-Z][\w.’'-]*\s+(?:and\s+)?){0,4}[A-Z][\w.’'-]*):$")
_SOURCE_BEFORE_COLON = re.compile(
    r"(?:[.?!…][”’'\"]?\s+|\s[-―—–]+\s+|^)(?:More\s+)?[Ff]rom\s+"
    r"(?:the|a|an|his|her|its|their|(?P<owner>[A-Z][\w.-]*)[’']s)\s+"
    r"(?P<source>(?:[\w’'-]+\s+){0,3}[\w’'-]+):$")
_HEADLINE = re.compile(r"[ \t]*((?:[A-Z0-9’'‘,:.-]+[ \t]+){2,}[A-Z0-9’'‘,:.-]*[A-Z])[ \t]*")
_NAME_LABEL = re.compile(r"[ \t]*[\"“]?((?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w.’'-]*)[ \t]*:[ \t]*\S")
_MAX_NAME_TOKENS = 6
_NOUN_PHRASE_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM")
_PARAGRAPH = re.compile(r"[^\n]+")
_UTTERANCE_END = set(",.?!…—–-")
SCARE_QUOTE_MAX_WORDS = 3
GUESSED_QUOTE_MIN_WORDS = 9
INTRODUCED_MIN_WORDS = 4
WRITER_SENTENCE_MIN_WORDS = 4
WRITER_LEAD_MIN_WORDS = 2
_MAX_INTERRUPTION_WORDS = 12
_MAX_APPOSITION_TOKENS = 12
_MAX_SIGNATURE_CHARS = 80
_MAX_LEAD_WORDS = 2
_MAX_ADDRESSEE_TOKENS = 4
_MAX_ADJUNCT_TOKENS = 8
_MAX_TAIL_WORDS = 4
_CLAUSE_GOES_ON = frozenset({"ADP", "NUM", "ADV", "SCONJ"})
_CLAUSE_SEPARATORS = frozenset(",;(-—–―")
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
DIRECT_SHARE = 0.9

CONFIDENCE = {
    "direct:content": 0.9,
    "direct:adjacent": 0.85,
    "direct:colon": 0.8,
    "direct:paragraph-speaker": 0.7,
    "direct:paragraph-cue": 0.6,
    "direct:previous-paragraph": 0.5,
    "direct:nearby-subject": 0.35,
    "direct:guessed-speaker": 0.25,
    "direct:introduced": 0.8,
    "mixed:content": 0.75,
    "mixed:adjacent": 0.6,
    "indirect:ccomp": 0.7,
    "indirect:parenthetical": 0.65,
    "indirect:according-to": 0.7,
    "indirect:xcomp": 0.6,
    "indirect:oprd": 0.6,
    "indirect:prep": 0.5,
    "indirect:dobj": 0.5,
    "indirect:colon": 0.55,
    "indirect:noun": 0.55,
    "indirect:noun-object": 0.45,
}
CATEGORY_WEIGHT = {"speech": 1.0, "belief": 0.9, "evidence": 0.9, "label": 0.8}


@dataclass(slots=True)
class _Attribution:
    cue: Cue
    how: str
    mate: int | None = None


def _age_phrase(phrase: list[Token]) -> bool:
    """"the 43-year-old": a person named by their age, which the tagger reads as a date."""
    return phrase[-1].lower_ == "old" and any(t.like_num for t in phrase)


def _alnum_count(text: str, start: int, end: int) -> int:
    return sum(1 for ch in text[start:end] if ch.isalnum())


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            lo, hi = max(s1, s2), min(e1, e2)
            if lo < hi:
                total += hi - lo
    return total


class QuoteExtractor:
    """Finds quotations in a parsed article; one instance serves many documents.

    ``join_continuations``: a quotation with no cue of its own that continues a speaker's
    quote in the same paragraph (“A,” she said. “B.”) is added to that quote as a second
    span, as PolNeAR annotates it; off, it becomes a quote of its own (the seed gold's way).
    ``previous_paragraph``: a paragraph made only of an unattributed quote takes the speaker
    of the quote just before it (on by default; off for comment collections signed one by one).
    ``guess_speakers``: a quotation of more than ``GUESSED_QUOTE_MIN_WORDS`` words that no cue
    claims is still kept when a person or organisation is named in its paragraph, with that one
    as a guessed speaker and a low confidence (on by default; most such quotations are speech
    whose cue the parse missed).
    ``nearby_subject``: a quotation no cue claims takes the person-like subject of the clause it
    sits in ("Nixon ran on the slogan “...”"), the verb standing as the cue.
    """

    def __init__(
        self, *, previous_paragraph: bool = True, guess_speakers: bool = True, join_continuations: bool = True,
        nearby_subject: bool = True,
    ) -> None:
        self.nearby_subject = nearby_subject
        self.lexicon: Lexicon = lexicon()
        self.previous_paragraph = previous_paragraph
        self.guess_speakers = guess_speakers
        self.join_continuations = join_continuations

    def extract(self, doc: Doc, article: Article, actors: ActorTable) -> list[Quote]:
        return _Assembly(self, doc, article.text, actors).run()


class _Assembly:
    """The state of one document's extraction."""

    def __init__(self, owner: QuoteExtractor, doc: Doc, text: str, actors: ActorTable) -> None:
        self.owner = owner
        self.lex = owner.lexicon
        self.doc = doc
        self.text = text
        self.actors = actors
        self.marks = find_marked_spans(text)
        paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
        self.paragraph_starts = [s for s, _ in paragraphs]
        self.paragraph_ends = [e for _, e in paragraphs]
        pieces = sorted((s, e) for m in self.marks for s, e in m.pieces)
        self.piece_starts = [s for s, _ in pieces]
        self.pieces = pieces
        self.token_starts = [t.idx for t in doc]
        self.cues = [c for c in find_cues(doc, self.lex) if self._usable(c) and self._clip(c)]
        self.cues.extend(self._speaker_labels())
        self.cues_by_paragraph: dict[int, list[Cue]] = {}
        for cue in self.cues:
            self.cues_by_paragraph.setdefault(self._paragraph(cue.start), []).append(cue)
        self.speakers: dict[int, SpeakerRef] = {}
        self.outside_cache: dict[int, int] = {}

    def _cues_in(self, first: int, last: int) -> list[Cue]:
        """The cues of paragraphs ``first..last``: attributions never reach further."""
        return [cue for para in range(max(first, 0), last + 1) for cue in self.cues_by_paragraph.get(para, ())]

    def _token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.token_starts, char) - 1)

    def _name_head(self, start: int, limit: int, capitals: bool = False) -> int | None:
        """Last token of a capitalised name starting at ``start`` ("Stephanie Egan", "PENCE");
        with ``capitals``, a word in capitals counts as a name whatever its tag (a transcript's
        "ROSS:" label, which the tagger may read as a common noun)."""
        i = self._token_at(start)
        head = None
        while i < len(self.doc) and self.doc[i].idx < limit and i - self._token_at(start) < _MAX_NAME_TOKENS:
            token = self.doc[i]
            if token.text.lstrip("-―—–")[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ"):
                head = i  # the tokenizer may glue a signature's dash to the name ("-President")
            elif token.text not in (".", "-") or head is None:
                break
            i += 1
        if head is None:
            return None
        last = self.doc[head]
        return head if last.pos_ == "PROPN" or (capitals and last.text.isupper() and len(last.text) > 1) else None

    def _speaker_labels(self) -> list[Cue]:
        """Transcript labels at a paragraph start ("PENCE: ..."), read as a speaker and a colon."""
        cues = []
        for start, end in zip(self.paragraph_starts, self.paragraph_ends):
            match = _NAME_LABEL.match(self.text, start, end)
            if match is None:
                continue
            turn = match.group(1).isupper() and self.text[start:match.start(1)].strip() in self.lex.quote_marks
            head = self._name_head(match.start(1), match.end(1), capitals=turn)
            if head is None or self.doc[head].idx + len(self.doc[head].text) != match.end(1):
                continue
            colon = self.text.index(":", match.end(1))
            cues.append(Cue(lemma=":", category="speech", anchor=self._token_at(colon), start=colon, end=colon + 1,
                            subject=self.doc[head], colon_at=colon, rule="speaker-label"))
        return cues

    def _dash_signature(self, mark: MarkedSpan) -> Cue | None:
        """“...” ― Stephanie Egan: a quote signed with a dash and a name, on its line or, for a
        quotation filling its paragraph, opening the next one ("- Mara Quill.")."""
        para = self._paragraph(mark.close_mark)
        match = _DASH_BEFORE_NAME.match(self.text, mark.close_mark + 1)
        if match is None and self._starts_paragraph(mark) and para + 1 < len(self.paragraph_starts) \
                and not _WORD.search(self.text[mark.close_mark + 1:self.paragraph_ends[para]]):
            para += 1
            match = _SIGNATURE_LINE.match(self.text, self.paragraph_starts[para], self.paragraph_ends[para])
        if match is None:
            return None
        head = self._name_head(match.end(), self.paragraph_ends[para])
        if head is None:
            return None
        dash = match.group().strip()
        at = self.text.index(dash, match.start())
        return Cue(lemma=dash, category="speech", anchor=self._token_at(at), start=at, end=at + len(dash),
                   subject=self.doc[head], rule="dash-signature")

    def _inside_marks(self, char: int) -> bool:
        k = bisect.bisect_right(self.piece_starts, char) - 1
        return k >= 0 and self.pieces[k][0] <= char < self.pieces[k][1]

    def _usable(self, cue: Cue) -> bool:
        """A cue inside a quotation is part of what was said, not an attribution.

        A subject found inside the quotation is the parser taking quoted words for the speaker
        ("... Full panic mode,” said Leslie Wimes"); a second subject outside it wins.
        """
        if self._inside_marks(cue.start):
            return False
        if cue.subject is not None and self._inside_marks(cue.subject.idx) and cue.verb is not None:
            cue.subject = self._subject_after_quote(cue) or next(
                (c for c in cue.verb.children
                 if c.dep_ in ("nsubj", "dobj", "attr") and c.i > cue.verb.i and not self._inside_marks(c.idx)
                 and c.pos_ in ("PROPN", "NOUN", "PRON") and c.ent_type_ not in _TIME_ENTITIES),
                None,
            ) or self._name_before_verb(cue.verb) or self._governing_speaker(cue.verb)
        if cue.subject is None and cue.verb is not None and cue.category == "speech":
            cue.subject = self._inverted_subject(cue) or self._subject_after_quote(cue) \
                or self._name_before_verb(cue.verb)
        return cue.subject is not None

    def _governing_speaker(self, verb: Token) -> Token | None:
        """The speaker of the cue a participle hangs under (Cardin stressed that “...,” suggesting
        that ...), for a parse that hung the participle inside the quoted clause."""
        if verb.tag_ != "VBG":
            return None
        for ancestor in verb.ancestors:
            if ancestor.lemma_.lower() in self.lex.cue_verbs:
                subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
                if subject is not None and not self._inside_marks(subject.idx):
                    return subject
        return None

    def _name_before_verb(self, verb: Token) -> Token | None:
        """The name written right before a speech verb the parse left without a subject ("her
        adviser, Jake Sullivan, said:", "Rep. Paul Ryan (R-WI) said"): a parenthesis and one
        comma may stand between them."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        i = verb.i - 1
        comma_first = i >= 1 and self.doc[i].text == "," and self.doc[i - 1].text == ")"
        if comma_first:
            i -= 1  # "Gov. John Kasich (R-OH), said"
        if i >= 0 and self.doc[i].text == ")":
            while i >= 0 and self.doc[i].text != "(" and verb.i - i <= _MAX_APPOSITION_TOKENS:
                i -= 1
            i -= 1
        if i >= 0 and self.doc[i].text == "," and not comma_first:
            i -= 1
        if i < 0 or self._inside_marks(self.doc[i].idx):
            return None
        if self._paragraph(self.doc[i].idx) != self._paragraph(verb.idx):
            return None
        token = self.doc[i]
        if token.ent_type_ in _TIME_ENTITIES:
            return None
        if token.pos_ == "PROPN" or token.lemma_.lower() in self.lex.anonymous_nouns \
                or (token.pos_ == "PRON" and token.lower_ in _PERSONAL_PRONOUNS):
            return token
        return None

    def _inverted_subject(self, cue: Cue) -> Token | None:
        """“...,” added another delegate: the parse reads the speaker after the verb as its object."""
        assert cue.verb is not None
        i = cue.verb.i - 1
        if i > 0 and self.doc[i].text == ",":
            i -= 1
        if i < 0 or not self.doc[i].is_quote:
            return None
        asked = i > 0 and self.doc[i - 1].text == "?"  # “...?” asked the boy: the boy asks
        if cue.verb.lemma_.lower() in self.lex.addressee_verbs and not asked:
            return None  # "..., telling the crowd": the object of "tell" is whom she spoke to
        return next(
            (c for c in cue.verb.children
             if c.dep_ in ("dobj", "attr", "npadvmod", "nsubjpass") and c.i > cue.verb.i
             and c.pos_ in ("PROPN", "NOUN") and not self._inside_marks(c.idx)),
            None,
        ) or self._phrase_after(cue.verb)

    def _phrase_after(self, verb: Token) -> Token | None:
        """The head of the noun phrase right after an inverted cue (“...,” said Tomas Reyl, a
        confidant), for a parse that hung the name on a later verb."""
        i, head = verb.i + 1, None
        while i < len(self.doc) and self._noun_phrase_part(self.doc[i]) and not self._inside_marks(self.doc[i].idx):
            if self.doc[i].pos_ in ("PROPN", "NOUN"):
                head = self.doc[i]
            i += 1
        if head is None or head.ent_type_ in _TIME_ENTITIES or i - verb.i > _MAX_NAME_TOKENS + 1:
            return None
        return head

    def _subject_after_quote(self, cue: Cue) -> Token | None:
        """“...,” Flynn, a top surrogate, said: the noun phrase between a closing mark and the cue
        verb, for a parse that hung the name elsewhere (an apposition inside the quote)."""
        assert cue.verb is not None
        k = bisect.bisect_right(self.piece_starts, cue.start) - 1
        if k < 0:
            return None
        close = self.pieces[k][1]
        if self._paragraph(close) != self._paragraph(cue.start):
            return None
        if "\n" in self.text[close + 1:cue.start]:
            return None
        i = self._token_at(close + 1)
        if any(t.text in (".", "!", "?") for t in self.doc[i:cue.verb.i]):
            return None  # a sentence ends between the quotation and the cue
        while i < cue.verb.i and (self.doc[i].is_punct or self.doc[i].is_space):
            i += 1
        head = None
        while i < cue.verb.i and self._noun_phrase_part(self.doc[i]):
            if self.doc[i].pos_ in ("PROPN", "NOUN", "PRON") or self.doc[i].text[:1].isupper():
                head = self.doc[i]
            i += 1
        if head is None or head.ent_type_ in _TIME_ENTITIES:
            return None
        rest = self.doc[i:cue.verb.i]
        if any(t.pos_ == "VERB" for t in rest) or len(rest) > _MAX_APPOSITION_TOKENS:
            return None
        return head

    @staticmethod
    def _noun_phrase_part(token: Token) -> bool:
        """A word of a noun phrase, counting a capitalised word the tagger took for a verb
        ("Tulsa police Chief Chuck Jordan")."""
        return token.pos_ in _NOUN_PHRASE_POS or (token.is_alpha and token.text[:1].isupper())

    def _clip(self, cue: Cue) -> bool:
        """Keep a cue's content inside its own paragraph: the parser may run sentences across."""
        para = self._paragraph(cue.start)
        if para < 0:
            return False
        if self._paragraph(cue.subject.idx) != para:  # type: ignore[union-attr]
            cue.subject = self._paragraph_subject(para, cue.start)
            if cue.subject is None:
                return False
        lo, hi = self.paragraph_starts[para], self.paragraph_ends[para]
        cue.content = [(max(s, lo), min(e, hi)) for s, e in cue.content if s < hi and lo < e]
        cue.content_heads = [h for h in cue.content_heads if lo <= self.doc[h].idx < hi]
        return True

    def _paragraph_subject(self, para: int, before: int) -> Token | None:
        """The noun phrase opening a paragraph ("Russia has gathered ..."), for a parse that ran
        the paragraph into the previous one and found its subject there."""
        i = self._token_at(self.paragraph_starts[para])
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        head = None
        while i < len(self.doc) and self.doc[i].idx < before and self.doc[i].pos_ in _NOUN_PHRASE_POS:
            if self.doc[i].pos_ in ("PROPN", "NOUN", "PRON"):
                head = self.doc[i]
            i += 1
        if head is None or i >= len(self.doc) or self.doc[i].pos_ not in ("AUX", "VERB"):
            return None
        return head

    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def _sentence_bounds(self, char: int) -> tuple[int, int]:
        sent = self.doc[self._token_at(char)].sent
        para = self._paragraph(char)
        return max(sent.start_char, self.paragraph_starts[para]), min(sent.end_char, self.paragraph_ends[para])

    def _speaker(self, cue: Cue) -> SpeakerRef:
        key = id(cue)
        if key not in self.speakers:
            assert cue.subject is not None
            self.speakers[key] = speaker_from(cue.subject, self.actors, self.lex)
        return self.speakers[key]

    def _quoted_chars(self, spans: list[tuple[int, int]]) -> int:
        """How many characters of ``spans`` lie inside quotation marks (pieces are sorted)."""
        total = 0
        for start, end in spans:
            k = max(0, bisect.bisect_right(self.piece_starts, start) - 1)
            while k < len(self.pieces) and self.pieces[k][0] < end:
                lo, hi = max(start, self.pieces[k][0]), min(end, self.pieces[k][1])
                total += max(0, hi - lo)
                k += 1
        return total

    def _outside_content(self, cue: Cue) -> int:
        """Characters of the cue's own content that are not inside quotation marks."""
        if cue.needs_marks:
            return 0
        key = id(cue)
        if key not in self.outside_cache:
            self.outside_cache[key] = cue.content_length() - self._quoted_chars(cue.content)
        return self.outside_cache[key]

    # --- attaching quoted stretches to cues -------------------------------------------------

    def _by_content(self, mark: MarkedSpan) -> Cue | None:
        best, best_score = None, 0
        for cue in self._cues_in(self._paragraph(mark.start), self._paragraph(mark.end)):
            if not cue.content:
                continue
            shared = _overlap(cue.content, mark.pieces)
            if not shared:
                continue
            head_inside = any(
                any(s <= self.doc[h].idx < e for s, e in mark.pieces) for h in cue.content_heads
            )
            length = sum(e - s for s, e in mark.pieces)
            opens_inside = any(s < mark.start < e for s, e in cue.content)  # "called Burma a “good ...”"
            if head_inside or opens_inside or shared * 2 >= length:
                if shared > best_score:
                    best, best_score = cue, shared
        return best

    def _dash_name_colon(self, mark: MarkedSpan) -> Cue | None:
        """“...” after a name and a colon that open a sentence or follow a dash ("Polls agree - Ann
        Berg: “...”", "... . Bush: “...”"): the name speaks, as in a transcript."""
        para_start = self.paragraph_starts[self._paragraph(mark.start)]
        before_end = para_start + len(self.text[para_start:mark.open_mark].rstrip())
        lo = max(para_start, before_end - 80)
        colon = before_end - 1
        signed = _SIGNED_NAME_BEFORE_COLON.search(self.text, lo, before_end)
        head = None
        if signed is not None:
            head = self._name_head(signed.start(1), colon)
            if head is None:
                head = self._named_actor_head(signed.start(1), colon)
        source = _SOURCE_BEFORE_COLON.search(self.text, lo, before_end) if head is None else None
        if source is not None:
            token = self.doc[self._token_at(source.end("source") - 1)]
            head = token.i if token.pos_ in ("NOUN", "PROPN") else None
            if head is not None and source.group("owner") is not None:
                head = self._token_at(source.start("owner"))  # "From Bush's post:": the one who wrote it
        if head is None:
            return None
        return Cue(lemma=":", category="speech", anchor=self._token_at(colon), start=colon, end=colon + 1,
                   subject=self.doc[head], colon_at=colon, rule="dash-name-colon")

    def _named_actor_head(self, start: int, end: int) -> int | None:
        """The last token of a person or organisation named exactly from ``start`` to ``end`` ("- Pew
        Research:"), for a name the tagger read as common nouns."""
        for mention, actor in self.actors.mentions_in(start, end):
            if actor.kind in ("person", "organization") and mention.start == start and mention.end == end:
                return self._token_at(end - 1)
        return None

    def _by_colon(self, mark: MarkedSpan) -> Cue | None:
        para = self._paragraph(mark.start)
        for cue in self._cues_in(para - 1, para):
            if cue.colon_at is not None and cue.colon_at < mark.open_mark and \
                    not self.text[cue.colon_at + 1:mark.open_mark].strip():
                return cue
        return None

    def _colon_sentence(self, mark: MarkedSpan, same_paragraph: bool = False) -> Cue | None:
        """Trump went even further: “...”: a quotation introduced by a sentence ending in a colon,
        in its paragraph or closing the one before, is said by that sentence's subject."""
        para = self._paragraph(mark.start)
        before = self.text[self.paragraph_starts[para]:mark.open_mark].rstrip()
        if not before and (para == 0 or same_paragraph):
            return None
        if not before:
            before = self.text[self.paragraph_starts[para - 1]:self.paragraph_ends[para - 1]].rstrip()
            colon = self.paragraph_starts[para - 1] + len(before) - 1
        else:
            colon = self.paragraph_starts[para] + len(before) - 1
        if not before.endswith(":") or self._inside_marks(colon):
            return None
        inverted = self._inverted_speaker(colon)
        if inverted is not None:
            return Cue(lemma=inverted[0], category="speech", anchor=self._token_at(colon), start=colon, end=colon + 1,
                       subject=inverted[1], colon_at=colon, rule="inverted-colon")
        root = self._clause_head_before(colon)
        if root is None:
            return None
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if root.lemma_ == "be" and not (subject is not None and subject.ent_type_ in ("PERSON", "ORG")):
            return None  # "The rule is simple:" introduces no speaker; "The board was clear:" does
        if subject is None and root.lemma_.lower() in self.lex.cue_verbs:
            # "Said Orwin:", "Continued Pell:": the speaker follows the verb
            subject = next((c for c in root.children if c.i > root.i and c.idx < colon and c.pos_ == "PROPN"), None)
        if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON") or subject.lower_ in ("it", "this", "there"):
            return None
        if self._inside_marks(subject.idx) or subject.idx > colon:
            return None
        return Cue(lemma=":", category="speech", anchor=self._token_at(colon), start=colon, end=colon + 1,
                   subject=subject, colon_at=colon, verb=root if root.pos_ in ("VERB", "AUX") else None,
                   rule="colon-sentence")

    def _inverted_speaker(self, colon: int) -> tuple[str, Token] | None:
        """"Said Orwin:", "Continued Pell:": a speech verb, then a name, then the colon. The
        tagger often reads the capitalised verb as the first word of the name."""
        para = self._paragraph(colon)
        sentence_start = max(self.doc[self._token_at(colon)].sent.start_char, self.paragraph_starts[para])
        i = self._token_at(sentence_start)
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        if i + 1 >= len(self.doc) or not self.doc[i].text[:1].isupper():
            return None
        lemma = self.lex.verb_lemma(self.doc[i].text)
        if lemma is None or self.lex.cue_verbs[lemma].category != "speech":
            return None
        head = self._name_head(self.doc[i + 1].idx, colon)
        if head is None or self.doc[head].idx + len(self.doc[head].text) != colon:
            return None
        return lemma, self.doc[head]

    def _utterance(self, mark: MarkedSpan) -> bool:
        """Whether a quotation reads as an utterance of its own (a capital first, a stop or comma
        last), not a phrase quoted inside the writer's sentence or a title: only such a quotation
        is given a speaker from further away than its own sentence."""
        return self.text[mark.start:mark.start + 1].isupper() and self.text[mark.end - 1] in ".?!,…"

    def _nearby_subject(self, mark: MarkedSpan) -> Cue | None:
        """A quotation no cue claims, read as said by the closest subject before it in its paragraph
        ("Richard Nixon ran on the slogan “...”"); its verb stands as the cue."""
        if not self._utterance(mark):
            return None
        para = self._paragraph(mark.start)
        lo = self.paragraph_starts[para]
        i = self._token_at(mark.open_mark)
        while i > 0 and self.doc[i - 1].idx >= lo:
            i -= 1
            token = self.doc[i]
            if token.dep_ == "nsubj" and not self._inside_marks(token.idx) and self._person_like(token):
                verb = token.head
                if not verb.left_edge.idx <= mark.open_mark <= verb.right_edge.idx + len(verb.right_edge.text):
                    return None  # the quotation is not part of that clause
                return Cue(lemma=verb.lemma_.lower(), category="speech", anchor=verb.i, start=verb.idx,
                           end=verb.idx + len(verb.text), subject=token, verb=verb, rule="nearby-subject")
        return None

    def _person_like(self, token: Token) -> bool:
        """A named person or organisation, a personal pronoun, or an anonymous source noun."""
        if token.pos_ == "PROPN":
            return token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        if token.pos_ == "PRON":
            return token.lower_ in _PERSONAL_PRONOUNS
        return token.lemma_.lower() in self.lex.anonymous_nouns

    def _clause_head_before(self, colon: int) -> Token | None:
        """The head of the clause that ends at ``colon``: the parse may have made the quotation
        after the colon the sentence root."""
        colon_token = self._token_at(colon)
        sent = self.doc[colon_token].sent
        span = range(sent.start, colon_token)
        heads = [self.doc[i] for i in span if self.doc[i].head.i not in span or self.doc[i].head.i == i]
        return next((t for t in heads if t.pos_ in ("VERB", "AUX")), None)

    def _bare(self, cue: Cue) -> bool:
        """A speech cue with no reported clause of its own, free to introduce a nearby quotation."""
        return cue.category in ("speech", "belief") and self._outside_content(cue) < 3

    def _adjacent(self, mark: MarkedSpan) -> Cue | None:
        """A cue with no content of its own in the sentence where the quote opens or closes."""
        open_sent = self._sentence_bounds(mark.open_mark)
        close_sent = self._sentence_bounds(mark.close_mark)
        best, best_distance = None, None
        for cue in self._cues_in(self._paragraph(mark.open_mark), self._paragraph(mark.close_mark)):
            if cue.start >= mark.end and (close_sent[0] <= cue.start < close_sent[1]
                                          or self._same_clause(mark.close_mark + 1, cue.start)):
                if self._ended_before(mark, cue) or self._introduces_next(mark, cue):
                    continue
                distance = cue.start - mark.end
            elif cue.end <= mark.start and (open_sent[0] <= cue.start < open_sent[1]
                                            or self._same_clause(cue.end, mark.open_mark)):
                distance = mark.start - cue.end
            else:
                continue
            if not self._bare(cue):
                continue
            gap = self.text[mark.close_mark + 1:cue.start] if cue.start >= mark.end else self.text[cue.end:mark.open_mark]
            if cue.category != "speech" and _WORD.search(gap):
                continue  # "they want to keep them": a belief claims only a quotation right next to it
            if best_distance is None or distance < best_distance:
                best, best_distance = cue, distance
        return best

    def _ended_before(self, mark: MarkedSpan, cue: Cue) -> bool:
        """“... a circus act.” Of the other man, Levine, a donor, said: a quotation closed by a full
        stop ends its sentence; a cue further on than a short signature opens a sentence of its own."""
        gap = self.text[mark.close_mark + 1:cue.start]
        return self.text[mark.end - 1] == "." and len(_WORD.findall(gap)) > _MAX_NAME_TOKENS

    def _introduces_next(self, mark: MarkedSpan, cue: Cue) -> bool:
        """“A.” To which he replied, “B.”: a cue after a quotation that ended its sentence, followed
        at once by a comma or colon and another quotation, introduces that one, not the one before."""
        if self.text[mark.end - 1] not in ".?!":
            return False
        after = self.text[cue.end:cue.end + 4].lstrip(" ")
        return after[:1] in (",", ":") and after[1:].lstrip(" ")[:1] in self.lex.quote_marks

    def _introducing_cue(self, mark: MarkedSpan) -> Cue | None:
        """A bare speech cue written right before the quotation, a comma or colon between them
        (“..., the mother of three replied, “...”): it wins over a cue further off whose clause
        the parse stretched over the quotation."""
        lead = self.text[:mark.open_mark].rstrip()
        if not lead.endswith((",", ":")):
            return None
        lead_end = len(lead[:-1].rstrip())
        for cue in self._cues_in(self._paragraph(mark.open_mark), self._paragraph(mark.open_mark)):
            if (cue.end == lead_end or self._addressee_between(cue, lead_end) or self._adjunct_between(cue, lead_end)) \
                    and cue.category == "speech" \
                    and (self._bare(cue) or self._parenthetical(cue)):
                return cue
        return None

    def _addressee_between(self, cue: Cue, end: int) -> bool:
        """Whether only the one spoken to stands between a cue and ``end`` ("asking her,", "telling
        the crowd:"): the object of a verb whose object is its addressee, a few words at most."""
        verb = cue.verb
        if verb is None or verb.lemma_.lower() not in self.lex.addressee_verbs or end <= cue.end:
            return False
        last = self._token_at(end - 1)
        between = self.doc[verb.i + 1:last + 1]
        if not 0 < len(between) <= _MAX_ADDRESSEE_TOKENS or between[-1].idx + len(between[-1].text) != end:
            return False
        objects = [t for t in between if t.head.i == verb.i and t.dep_ in ("dobj", "dative")]
        return len(objects) == 1 and all(t.i == objects[0].i or t.head.i == objects[0].i for t in between)

    def _adjunct_between(self, cue: Cue, end: int) -> bool:
        """Whether only when or where the words were said stands between a participle cue and ``end``
        ("footage of her saying during the hearing,", "saying on Sunday:"): a few words, all a time
        phrase or a prepositional phrase hung on the cue, none of them a verb. Limited to participles,
        whose clause the parse seldom stretches over the quotation they introduce."""
        verb = cue.verb
        if verb is None or verb.tag_ != "VBG" or end <= cue.end:
            return False
        last = self._token_at(end - 1)
        between = self.doc[verb.i + 1:last + 1]
        if not 0 < len(between) <= _MAX_ADJUNCT_TOKENS or between[-1].idx + len(between[-1].text) != end:
            return False
        adjuncts = [t for t in between if t.head.i == verb.i]
        if not adjuncts or any(t.dep_ not in ("prep", "npadvmod", "advmod") for t in adjuncts):
            return False
        inside = {i for t in adjuncts for i in range(t.left_edge.i, t.right_edge.i + 1)}
        return all(t.i in inside and t.pos_ not in ("VERB", "AUX") for t in between)

    def _parenthetical(self, cue: Cue) -> bool:
        """", Sanders said, “...”": a speaker and a speech verb set off by commas right before a
        quotation introduce it, whatever clause the parse hung on the verb."""
        subject = cue.subject
        if subject is None or cue.verb is None or subject.i >= cue.verb.i:
            return False
        if self.text[subject.idx + len(subject.text):cue.start].strip():
            return False
        return self.text[:subject.left_edge.idx].rstrip().endswith(",")

    def _same_clause(self, start: int, end: int) -> bool:
        """Whether only a short stretch with no sentence end lies between a quotation and a cue:
        the parser often starts a new sentence at “...?” Dunmore said."""
        gap = self.text[start:end]
        return len(gap) <= _MAX_SIGNATURE_CHARS and "\n" not in gap and not any(
            ch in gap for ch in ".!?") and not any(ch in self.lex.quote_marks for ch in gap)

    def _paragraph_cue(self, mark: MarkedSpan) -> Cue | None:
        """A bare cue elsewhere in the quote's paragraph ("told reporters on Tuesday.")."""
        if not self._utterance(mark):
            return None
        para = self._paragraph(mark.start)
        best, best_distance = None, None
        for cue in self._cues_in(para, para):
            if not self._bare(cue):
                continue
            distance = abs(cue.start - mark.start)
            if best_distance is None or distance < best_distance:
                best, best_distance = cue, distance
        return best

    def run(self) -> list[Quote]:
        text = self.text
        attributions: dict[int, _Attribution] = {}
        for k, mark in enumerate(self.marks):
            cue, how = self._dash_name_colon(mark), "colon"
            introducer = None
            if cue is None:
                cue, how = self._by_content(mark), "content"
                introducer = self._introducing_cue(mark)
                if introducer is not None and introducer is not cue:
                    # the introducer bounds the quotation; its speaker only when named in its own clause
                    own_subject = introducer.subject is not None and introducer.verb is not None \
                        and (introducer.subject.head.i == introducer.verb.i
                             or introducer.subject.right_edge.i == introducer.verb.i - 1)  # "footage of X saying"
                    cue, how = (introducer if own_subject or cue is None else cue), "adjacent"
            if cue is None:
                cue, how = self._by_colon(mark), "colon"
            if cue is None:
                cue, how = self._dash_signature(mark), "adjacent"
            if cue is None:
                cue, how = self._adjacent(mark), "adjacent"
            if cue is not None:
                previous = attributions.get(k - 1)
                if how == "adjacent" and cue.end <= mark.start and previous is not None and previous.cue is cue \
                        and introducer in (None, cue) \
                        and self._paragraph(self.marks[k - 1].end) == self._paragraph(mark.start):
                    how = "paragraph-speaker"  # “A,” she said. “B.”: B continues A
                    attributions[k] = _Attribution(cue, how, k - 1)
                    continue
                attributions[k] = _Attribution(cue, how)
        self._split_far_content(attributions)
        self._join_interrupted(attributions)
        for k, mark in enumerate(self.marks):
            if k in attributions:
                continue
            cue = self._colon_sentence(mark, same_paragraph=True)
            if cue is not None:
                attributions[k] = _Attribution(cue, "colon")
                continue
            cue = self._trailing_signature(mark)
            if cue is not None:
                attributions[k] = _Attribution(cue, "adjacent")
                continue
            mate = self._paragraph_mate(k, attributions)
            if mate is not None:
                attributions[k] = _Attribution(attributions[mate].cue, "paragraph-speaker", mate)
                continue
            cue = self._paragraph_cue(mark)
            if cue is not None:
                attributions[k] = _Attribution(cue, "paragraph-cue")
                continue
            cue = self._colon_sentence(mark)
            if cue is not None:
                attributions[k] = _Attribution(cue, "colon")
                continue
            cue = self._uttered(mark)
            if cue is not None:
                attributions[k] = _Attribution(cue, "adjacent")
                continue
            if self.owner.nearby_subject:
                cue = self._nearby_subject(mark)
                if cue is not None:
                    attributions[k] = _Attribution(cue, "nearby-subject")
        if self.owner.previous_paragraph:
            for k, mark in enumerate(self.marks):
                if k not in attributions and self._starts_paragraph(mark):
                    previous = self._previous_paragraph_attribution(k, attributions)
                    if previous is not None:
                        attributions[k] = _Attribution(attributions[previous].cue, "previous-paragraph", previous)

        quotes: list[Quote] = []
        used_cues: set[int] = set()
        quote_of: dict[int, Quote] = {}
        grouped: dict[int, list[int]] = {}
        for k, att in sorted(attributions.items()):
            if att.how == "content":
                grouped.setdefault(id(att.cue), []).append(k)
        for members in grouped.values():
            quote = self._content_quote([self.marks[k] for k in members], attributions[members[0]].cue)
            if quote is not None:
                quotes.append(quote)
                used_cues.add(id(attributions[members[0]].cue))
                quote_of.update({k: quote for k in members})
        joining = ("paragraph-speaker", "previous-paragraph") if self.owner.join_continuations else ()
        for k, att in sorted(attributions.items(), key=lambda item: (item[1].how in joining, item[0])):
            if att.how == "content":
                continue
            mark = self.marks[k]
            words = len(_WORD.findall(text[mark.start:mark.end]))
            host = quote_of.get(att.mate) if att.how in joining and att.mate is not None else None
            if host is not None and (host.kind != "direct" or self._new_clause_between(att.mate, k, att.cue)):
                host = None
            if words <= SCARE_QUOTE_MAX_WORDS and not (host is not None and self._utterance(mark)) \
                    and not self._short_utterance(mark, att):
                continue  # a short continuation (“A,” she said. “Yes, B.”) is speech all the same
            if host is not None:
                self._extend(host, mark.pieces)
                quote_of[k] = host
                continue
            clause = self._writer_clause(mark, att.cue) if len(mark.pieces) == 1 and att.how == "adjacent" else None
            if clause is not None:
                quote = self._quote([clause], "mixed", att.cue, f"mixed:{att.how}")
            else:
                quote = self._quote(mark.pieces, "direct", att.cue, f"direct:{att.how}")
            quotes.append(quote)
            quote_of[k] = quote
            used_cues.add(id(att.cue))
        if self.owner.guess_speakers:
            for k, mark in enumerate(self.marks):
                if k not in attributions and len(_WORD.findall(text[mark.start:mark.end])) > GUESSED_QUOTE_MIN_WORDS:
                    quote = self._guessed(mark)
                    if quote is not None:
                        quotes.append(quote)
        quotes.extend(self._indirect(quotes, used_cues))
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    def _writer_clause(self, mark: MarkedSpan, cue: Cue) -> tuple[int, int] | None:
        """The reported clause a quotation is only part of (Varga said the plan was “far too
        late” for the town): a quotation opening in lower case after the writer's own words in its
        sentence is a fragment, and what was reported is the clause around it, cue and speaker left out."""
        if not self.text[mark.start:mark.start + 1].islower():
            return None
        start, end = self._sentence_bounds(mark.open_mark)
        if end < mark.close_mark or self._utterance_verb(mark) is not None:
            return None
        if start <= cue.start and cue.end <= mark.open_mark:
            thats = list(_THAT.finditer(self.text, cue.end, mark.open_mark))
            lead_tokens = self.doc[self._token_at(cue.end) + 1:self._token_at(mark.open_mark)]
            if thats:
                start = thats[-1].start()  # "told aides on Monday that the plan was “...”"
            elif any(t.pos_ in ("VERB", "AUX") for t in lead_tokens):
                start = cue.end  # "said the plan was “...”"
            else:
                return None  # "boasted to reporters of his team, “...”": no clause of its own
            if len(_WORD.findall(self.text[mark.close_mark + 1:end])) > _MAX_TAIL_WORDS:
                end = mark.close_mark + 1
        elif mark.close_mark < cue.start < end and self._same_clause(mark.close_mark + 1, cue.start) \
                and len(_WORD.findall(self.text[mark.close_mark + 1:cue.start])) <= _MAX_NAME_TOKENS:
            end = mark.close_mark + 1  # "the plan was “far too late,” Varga said"
        else:
            return None
        lead = self.text[start:mark.open_mark]
        if len(_WORD.findall(lead)) < WRITER_LEAD_MIN_WORDS \
                or any(ch in self.lex.quote_marks or ch in "()" for ch in lead):
            return None
        start, end = self._trim_edges(start, end)
        return (start, end) if end > mark.end else None

    def _new_clause_between(self, j: int, k: int, cue: Cue) -> bool:
        """Whether the later of quotations ``j`` and ``k`` has an introduction of its own: a
        participle clause after the cue (“A,” she said, adding that it was “B.”) or a sentence
        ending in a colon. Then it is a quote of its own, not the continuation of the other."""
        first, second = sorted((j, k))
        lo, hi = self.marks[first].close_mark, self.marks[second].open_mark
        lead = self.text[lo + 1:hi].rstrip()
        if lead.endswith(":") and cue.colon_at != lo + len(lead) and "\n" not in lead:
            return True  # “A,” I said. Then I had to change my answer: “B.”
        if "\n" not in lead and self._writer_sentence_in(lo + 1, hi):
            return True  # “A,” Bob said. The militias were evasive. One offered ... “B.”
        i = self._token_at(lo)
        while i < len(self.doc) and self.doc[i].idx < hi:
            token = self.doc[i]
            if token.tag_ == "VBG" and token.idx > lo and token is not cue.verb and not self._inside_marks(token.idx) \
                    and token.left_edge.idx <= self.marks[second].open_mark <= token.right_edge.idx:
                return True
            i += 1
        return False

    def _writer_sentence_in(self, start: int, end: int) -> bool:
        """Whether the writer's own sentence stands between two quotations: a sentence of the
        parse that starts after ``start``, outside the marks, with a few words before ``end``.
        The later quotation then belongs to that sentence, not to the first one's speaker."""
        i = self._token_at(start)
        while i < len(self.doc) and self.doc[i].idx < end:
            token = self.doc[i]
            if token.is_sent_start and token.idx > start and token.is_alpha and token.text[:1].isupper() \
                    and not self._inside_marks(token.idx):
                words = _WORD.findall(self.text[token.idx:end])
                if len(words) >= WRITER_SENTENCE_MIN_WORDS and self.text[start:token.idx].rstrip()[-1:] in ".!?":
                    return True
            i += 1
        return False

    def _split_far_content(self, attributions: dict[int, _Attribution]) -> None:
        """“A,” she said, adding more words, “B.”: B is only the cue's content if the cue alone parts
        them, not a long stretch of words or a participle clause B belongs to.

        The parse often hangs a later quotation off the cue through a participle ("suggesting",
        "including"); such a quotation is left for the continuation passes instead.
        """
        groups: dict[int, list[int]] = {}
        for k, att in sorted(attributions.items()):
            if att.how == "content":
                groups.setdefault(id(att.cue), []).append(k)
        for members in groups.values():
            cue = attributions[members[0]].cue
            before = [k for k in members if self.marks[k].end <= cue.start]
            after = [k for k in members if self.marks[k].start >= cue.end]
            if not before or not after:
                continue
            gap = self.text[self.marks[before[-1]].close_mark + 1:self.marks[after[0]].open_mark]
            if len(_WORD.findall(gap)) > _MAX_INTERRUPTION_WORDS or self._new_clause_between(before[-1], after[0], cue):
                for k in after:
                    del attributions[k]

    def _short_utterance(self, mark: MarkedSpan, att: _Attribution) -> bool:
        """A short quotation that is still speech, not a scare quote: “Really?” she asked; they
        shouted, “Stop the cover-up!”; some chanted “Not again!” (the cue right before it, a comma
        or colon at most between them; an exclamation or question however it was attributed; the
        object of a verb of uttering, see ``_utterance_verb``)."""
        if self._utterance_verb(mark) is not None:
            return True
        last = self.text[mark.end - 1]
        if att.how not in ("adjacent", "colon"):
            # an exclamation or a question is said by someone, however short: “Lock her up!”
            return last in "!?" and self.text[mark.start:mark.start + 1].isupper()
        if att.cue.start > mark.end:
            return last in _UTTERANCE_END
        gap = self.text[att.cue.end:mark.open_mark]
        return last in ".?!…" and gap.strip() in ("", ",", ":") and self.text[mark.start:mark.start + 1].isupper()

    def _utterance_verb(self, mark: MarkedSpan) -> Token | None:
        """The verb of uttering or displaying written right before a quotation, a comma or colon at
        most between them, when the quotation ends its clause ("a man yelled “Stay there!”", "a sign
        that read “Vote No”", "an email saying: “done.”") or is set off by that comma or colon ("a
        hat reading, “Vote Early” on the night"): the quotation is what was uttered."""
        para_start = self.paragraph_starts[self._paragraph(mark.open_mark)]
        lead = self.text[para_start:mark.open_mark].rstrip()
        set_off = lead.endswith((",", ":"))
        if set_off:
            lead = lead[:-1].rstrip()
        if not lead or not lead[-1].isalpha():
            return None
        verb = self.doc[self._token_at(para_start + len(lead) - 1)]
        if verb.lower_ not in self.lex.utterance_verbs \
                or not (verb.pos_ in ("VERB", "AUX") or self._noun_participle(verb)):
            return None
        after = self.text[mark.close_mark + 1:mark.close_mark + 3].lstrip(" ")
        if after and after[0] not in ".,;:!?)—–-\n" and self.text[mark.end - 1] not in ".,!?" and not set_off \
                and not self._clause_goes_on(mark):
            return None
        return verb

    def _clause_goes_on(self, mark: MarkedSpan) -> bool:
        """Whether the writer's clause goes on after a quotation with an adverbial ("mouthed “thank
        you” to the crowd", "said “Harbour” four times"), not with more words of a noun phrase the
        quotation only modifies ("read “Hamlet” books") or with a clause of its own ("and left")."""
        i = self._token_at(mark.close_mark) + 1
        if i >= len(self.doc):
            return False
        return self.doc[i].pos_ in _CLAUSE_GOES_ON

    def _trailing_signature(self, mark: MarkedSpan) -> Cue | None:
        """“...,” the editorial read. / “...?” the 43-year-old asked: a quotation closed by a comma,
        question or exclamation mark and followed at once by a short noun phrase and a past-tense
        or speech verb is signed by that phrase, even where the parse found no cue (a verb tagged
        as a noun, a verb not in the cue list)."""
        last = self.text[mark.end - 1]
        if last not in ",?!":
            return None
        if last == "," and len(_WORD.findall(self.text[mark.start:mark.end])) <= SCARE_QUOTE_MAX_WORDS:
            return None  # “Twin Peaks,” the series that ...: a title, not an utterance
        para_end = self.paragraph_ends[self._paragraph(mark.close_mark)]
        i = self._token_at(mark.close_mark) + 1
        inverted = self._inverted_signature(i, para_end)
        if inverted is not None:
            return inverted
        phrase: list[Token] = []
        while i < len(self.doc) and self.doc[i].idx < para_end and len(phrase) <= _MAX_NAME_TOKENS:
            token = self.doc[i]
            if phrase and self._signing_verb(token):
                head = phrase[-1] if _age_phrase(phrase) else next(
                    (t for t in reversed(phrase) if t.pos_ in ("PROPN", "NOUN", "PRON")), phrase[-1])
                if head.ent_type_ in _TIME_ENTITIES and not _age_phrase(phrase):
                    return None
                return Cue(lemma=self.lex.verb_lemma(token.text) or token.lemma_.lower(), category="speech",
                           anchor=token.i, start=token.idx, end=token.idx + len(token.text), subject=head,
                           rule="trailing-signature")
            if not (self._noun_phrase_part(token) or token.text == "-") or token.tag_ in ("WDT", "WP"):
                return None  # “...,” which he described as ...: a relative clause, not a signature
            phrase.append(token)
            i += 1
        return None

    def _inverted_signature(self, i: int, para_end: int) -> Cue | None:
        """“This is great!” beamed Dana Holt: a past-tense verb right after the closing mark and a
        person's name right after the verb sign the quotation, the verb standing as the cue."""
        if i + 1 >= len(self.doc):
            return None
        verb = self.doc[i]
        if verb.tag_ != "VBD" or not verb.text.islower() or verb.idx >= para_end:
            return None
        head = self._name_head(self.doc[i + 1].idx, para_end)
        if head is None or self.doc[head].ent_type_ != "PERSON":
            return None
        return Cue(lemma=self.lex.verb_lemma(verb.text) or verb.lemma_.lower(), category="speech", anchor=verb.i,
                   start=verb.idx, end=verb.idx + len(verb.text), subject=self.doc[head], rule="inverted-signature")

    def _signing_verb(self, token: Token) -> bool:
        """A verb signing a quotation from after it: a speech verb of the lexicon or of uttering,
        another cue verb of the lexicon in the third person or the past ("..., he mocks.", not
        "..., you know,"), or any verb in the past tense; its clause must end there or go on with
        a preposition."""
        after = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        if after is not None and not (after.is_punct or after.is_space or after.pos_ in ("ADP", "ADV", "PART")):
            return False
        lemma = self.lex.verb_lemma(token.text)
        if lemma is not None and (self.lex.cue_verbs[lemma].category == "speech" or token.tag_ in ("VBZ", "VBD")):
            return True
        past_tense = token.tag_ == "VBD" and token.pos_ == "VERB" and token.text.islower()
        return token.lower_ in self.lex.utterance_verbs or past_tense

    def _noun_participle(self, token: Token) -> bool:
        """A participle the tagger read as the last word of a compound noun ("a campaign hat reading,
        “...”"): an -ing form right after a common noun."""
        return token.pos_ == "NOUN" and token.lower_.endswith("ing") and token.i > 0 \
            and self.doc[token.i - 1].pos_ == "NOUN"

    def _uttered(self, mark: MarkedSpan) -> Cue | None:
        """A cue for a quotation no other cue claims that is the object of a verb of uttering: the
        verb's subject, or the noun a participle or relative clause hangs on ("a man yelled", "a
        message reading"), speaks."""
        verb = self._utterance_verb(mark)
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            subject = verb.head
        if subject is None and self._noun_participle(verb):
            subject = self.doc[verb.i - 1]
        if subject is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
            # "she waved, mouthing “thank you”": the participle shares its clause's subject
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or self._inside_marks(subject.idx):
            return None
        return Cue(lemma=verb.lemma_.lower(), category="speech", anchor=verb.i, start=verb.idx,
                   end=verb.idx + len(verb.text), subject=subject, verb=verb, rule="utterance-verb")

    def _join_interrupted(self, attributions: dict[int, _Attribution]) -> None:
        """“We were ready,” she said, “but they left.”: the second part continues the first."""
        for k in range(len(self.marks) - 1):
            att = attributions.get(k)
            nxt = attributions.get(k + 1)
            if att is None or (nxt is not None and nxt.cue is not att.cue):
                continue
            first, second = self.marks[k], self.marks[k + 1]
            gap = self.text[first.close_mark + 1:second.open_mark]
            if "\n" in gap or not gap.rstrip().endswith(","):
                continue
            if not first.close_mark - 1 < att.cue.start < second.open_mark:
                continue
            if self._introducing_cue(second) not in (None, att.cue):
                continue  # “A,” she sang before asking him, “B?”: a cue of its own introduces B
            last = self.text[first.end - 1]
            if not (last.isalnum() or last in ",—–-"):
                continue  # the first part ended its sentence: a continuation, not an interruption
            attributions[k] = _Attribution(att.cue, "content")
            attributions[k + 1] = _Attribution(att.cue, "content")

    def _paragraph_mate(self, k: int, attributions: dict[int, _Attribution]) -> int | None:
        para = self._paragraph(self.marks[k].start)
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(self.marks) and self._paragraph(self.marks[j].start) == para:
                if j in attributions and attributions[j].how in ("content", "adjacent", "colon"):
                    return j
                j += step
        return None

    def _starts_paragraph(self, mark: MarkedSpan) -> bool:
        para_start = self.paragraph_starts[self._paragraph(mark.start)]
        return not self.text[para_start:mark.open_mark].strip()

    def _previous_paragraph_attribution(self, k: int, attributions: dict[int, _Attribution]) -> int | None:
        para = self._paragraph(self.marks[k].start)
        j = k - 1
        if j < 0 or self._paragraph(self.marks[j].end) != para - 1 or j not in attributions:
            return None
        return j

    # --- building records -------------------------------------------------------------------

    def _content_quote(self, marks: list[MarkedSpan], cue: Cue) -> Quote | None:
        pieces = [p for m in marks for p in m.pieces]
        quoted = sum(_alnum_count(self.text, s, e) for s, e in pieces)
        if any(self._signed_by(mark, cue) for mark in marks):
            cue_content = self._signed_lead(cue, marks[0])
        else:
            cue_content = self._around_marks(self._marks_side(cue, pieces), marks[0].open_mark, marks[-1].close_mark)
        content = sorted(cue_content + pieces)
        start, end = content[0][0], max(e for _, e in content)
        outside = 0
        for s, e in cue_content:
            outside += _alnum_count(self.text, s, e) - sum(
                _alnum_count(self.text, max(s, ps), min(e, pe)) for ps, pe in pieces if max(s, ps) < min(e, pe)
            )
        if quoted and outside <= (1 - DIRECT_SHARE) * (quoted + outside):
            return self._quote(pieces, "direct", cue, "direct:content")
        if quoted <= 0:
            return None
        if self._introduced_tail(marks[-1], start, end):
            return self._quote(marks[-1].pieces, "direct", cue, "direct:introduced")
        pieces = self._joined(content)
        quote = self._quote(pieces, "mixed", cue, "mixed:content")
        if len(pieces) > 1:
            quote.spans = [Span(*self._strip(s, e)) for s, e in pieces]
        return quote

    def _joined(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Sorted spans merged where they overlap or only spaces and punctuation part them: a mixed
        quote stays in one piece unless words its cue's content leaves out (the cue and its speaker
        written inside the report) stand between its parts."""
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and (start <= merged[-1][1] or not _WORD.search(self.text[merged[-1][1]:start])):
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def _introduced_tail(self, mark: MarkedSpan, start: int, end: int) -> bool:
        """Whether a mixed report ends with a whole quotation that its words introduce with a colon
        (“..., but with a caveat: “...”): then the quotation alone is what was said, and the
        writer's words before it only frame it."""
        if not start < mark.open_mark or mark.close_mark < end - 1:
            return False
        if len(_WORD.findall(self.text[mark.start:mark.end])) < INTRODUCED_MIN_WORDS:
            return False
        return self.text[start:mark.open_mark].rstrip().endswith(":")

    def _signed_by(self, mark: MarkedSpan, cue: Cue) -> bool:
        """“...,” the source said: a quotation closed by a comma, question or exclamation mark with
        only the cue and its speaker after it is the cue's whole content; the writer's words the
        parse hung on the same verb (an introduction before the quotation, a participle after
        the cue) are not part of what was said."""
        if mark.close_mark >= cue.start or self.text[mark.end - 1] not in ",?!":
            return False
        gap = self.text[mark.close_mark + 1:cue.start]
        return self._same_clause(mark.close_mark + 1, cue.start) and len(_WORD.findall(gap)) <= _MAX_NAME_TOKENS

    def _signed_lead(self, cue: Cue, mark: MarkedSpan) -> list[tuple[int, int]]:
        """What of a signed quotation's cue content may still belong to the quote: words in its
        sentence leading into it (With so many systems, “there is no single point,” he said),
        not an introduction of the writer's own (ending in a colon or a dash, or holding a cue
        of its own: "..., telling the Ledger, “...,” he said")."""
        sentence_start = self._sentence_bounds(mark.open_mark)[0]
        lead = [(max(s, sentence_start), min(e, mark.open_mark)) for s, e in cue.content
                if s < mark.open_mark and sentence_start < e]
        if not lead:
            return []
        start, end = lead[0][0], lead[-1][1]
        if self.text[start:mark.open_mark].rstrip().endswith((":", "-", "—", "–")):
            return []
        para = self._paragraph(start)
        if any(start <= other.start < end for other in self._cues_in(para, para)):
            return []
        return lead

    def _around_marks(self, content: list[tuple[int, int]], open_mark: int, close_mark: int) -> list[tuple[int, int]]:
        """The cue's content cut to the quotation where the writer's own words only frame it: an
        introduction ending in a colon (“... adding a caveat: “...”) and, after a quotation that
        opens the content, a clause set off by punctuation (“We’ll see,” when asked ...)."""
        trimmed = []
        cut = False
        for start, end in content:
            if cut and start > close_mark:
                continue  # a later piece of the clause cut off after the quotation ("promising ...")
            if start < open_mark < end and self.text[start:open_mark].rstrip().endswith(":"):
                start = open_mark
            lead = self.text[start:open_mark] if start <= open_mark else ""
            tail = self.text[close_mark + 1:end].lstrip()
            if start <= open_mark + 1 and end >= close_mark - 1 and len(_WORD.findall(lead)) <= _MAX_LEAD_WORDS \
                    and (tail[:1] in _CLAUSE_SEPARATORS or self.text[close_mark - 1] == ","):
                end, cut = min(end, close_mark + 1), True
            trimmed.append((start, end))
        return trimmed

    @staticmethod
    def _marks_side(cue: Cue, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The cue's content on the side(s) of the cue where its quotation marks are: a quote before
        "Warren told Stumpf" does not take in the "after he admitted ..." clause that follows, nor
        the speaker's name the parse may have hung inside the quoted clause."""
        before = [e for _, e in pieces if e <= cue.start]
        after = any(s >= cue.end for s, _ in pieces)
        kept = []
        for s, e in cue.content:
            if before and e <= cue.start:
                if cue.subject is not None and max(before) < cue.subject.idx < cue.start:
                    # the speaker sits between the closing mark and the cue ("..,” Flynn, an aide, said)
                    e = min(e, max(before) + 1)
                if e > s:
                    kept.append((s, e))
            elif (after and s >= cue.end) or (s < cue.start and e > cue.end):
                kept.append((s, e))
        return kept

    def _quote(self, pieces: list[tuple[int, int]], kind: str, cue: Cue, rule: str) -> Quote:
        pieces = [self._strip(s, e) for s, e in pieces]
        start, end = pieces[0][0], pieces[-1][1]
        text = " … ".join(self.text[s:e] for s, e in pieces)
        verb = cue.verb
        return Quote(
            text=text,
            start=start,
            end=end,
            kind=kind,  # type: ignore[arg-type]
            speaker=self._speaker(cue),
            cue=cue.lemma,
            cue_start=cue.start,
            cue_end=cue.end,
            addressee=addressee_of(verb, self.lex) if verb is not None else None,
            confidence=CONFIDENCE.get(rule, 0.5) * CATEGORY_WEIGHT.get(cue.category, 1.0),
            rule=f"quote:{rule}:{cue.rule}",
            spans=[Span(s, e) for s, e in pieces] if len(pieces) > 1 and kind != "mixed" else None,
        )

    def _extend(self, quote: Quote, pieces: list[tuple[int, int]]) -> None:
        """Add a continuation's pieces to the quote it continues."""
        spans = list(quote.spans or [Span(quote.start, quote.end)])
        spans.extend(Span(*self._strip(s, e)) for s, e in pieces)
        spans.sort(key=lambda span: span.start)
        quote.spans = spans
        quote.start, quote.end = spans[0].start, spans[-1].end
        quote.text = " … ".join(self.text[span.start:span.end] for span in spans)
        if not quote.rule.endswith("+continuation"):
            quote.rule += "+continuation"

    def _strip(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] == ","):
            end -= 1
        return start, end

    def _guessed(self, mark: MarkedSpan) -> Quote | None:
        """A quotation no cue claims, given to the piece whose headline opens its paragraph (a
        digest: "HEADLINE IN CAPITALS “...” [Source.]"), else to the person named nearest to it
        (see ``_guessed_speaker``)."""
        speaker = self._headline_source(mark) or self._guessed_speaker(mark)
        if speaker is None:
            return None
        pieces = [self._strip(s, e) for s, e in mark.pieces]
        return Quote(
            text=" … ".join(self.text[s:e] for s, e in pieces),
            start=pieces[0][0],
            end=pieces[-1][1],
            kind="direct",
            speaker=speaker,
            confidence=CONFIDENCE["direct:guessed-speaker"],
            rule="quote:direct:guessed-speaker",
            spans=[Span(s, e) for s, e in pieces] if len(pieces) > 1 else None,
        )

    def _headline_source(self, mark: MarkedSpan) -> SpeakerRef | None:
        """The headline in capitals written right before a quotation at the start of its paragraph:
        the piece so titled is what the digest quotes."""
        para_start = self.paragraph_starts[self._paragraph(mark.start)]
        match = _HEADLINE.fullmatch(self.text, para_start, mark.open_mark)
        if match is None:
            return None
        start, end = match.span(1)
        return SpeakerRef(name=self.text[start:end], start=start, end=end)

    def _guessed_speaker(self, mark: MarkedSpan) -> SpeakerRef | None:
        """The one most likely speaking a quotation no cue claims: the last person or organisation
        named before it in its paragraph (outside quotations), else the first one named after it there."""
        if not len(self.actors):
            return None
        para = self._paragraph(mark.start)
        named = self._named_in(self.paragraph_starts[para], self.paragraph_ends[self._paragraph(mark.end)])
        if not named and para > 0 and self._starts_paragraph(mark):
            # a paragraph made only of the quotation: the one named last in the paragraph before
            named = self._named_in(self.paragraph_starts[para - 1], self.paragraph_ends[para - 1])
            if named:
                mention, actor = named[-1]
                return SpeakerRef(name=actor.name, actor=actor.id, start=mention.start, end=mention.end,
                                  kind=actor.kind)
        if not named:
            return None
        before = [(m, a) for m, a in named if m.end <= mark.open_mark]
        mention, actor = before[-1] if before else named[0]
        return SpeakerRef(name=actor.name, actor=actor.id, start=mention.start, end=mention.end, kind=actor.kind)

    def _named_in(self, start: int, end: int) -> list[tuple[Mention, Actor]]:
        """The people and organisations named between ``start`` and ``end``, outside quotations."""
        return [(m, a) for m, a in self.actors.mentions_in(start, end)
                if a.kind in ("person", "organization") and not self._inside_marks(m.start)]

    def _colon_content(self, cue: Cue) -> list[tuple[int, int]]:
        """"Limbaugh added: ..." with no quotation marks: the rest of the paragraph, else the next one."""
        assert cue.colon_at is not None
        para = self._paragraph(cue.colon_at)
        start, end = cue.colon_at + 1, self.paragraph_ends[para]
        if len(_WORD.findall(self.text[start:end])) < 3 and para + 1 < len(self.paragraph_starts):
            start, end = self.paragraph_starts[para + 1], self.paragraph_ends[para + 1]
        start, end = self._strip(start, end)
        while end > start and self.text[end - 1] in ".;":
            end -= 1
        return [(start, end)] if len(_WORD.findall(self.text[start:end])) >= 3 else []

    def _indirect(self, quotes: list[Quote], used_cues: set[int]) -> list[Quote]:
        """Reported speech from the cues no quotation took, outermost report first."""
        taken: dict[int, list[tuple[int, int]]] = {}
        for q in quotes:
            for span in q.spans or [Span(q.start, q.end)]:
                for para in range(self._paragraph(span.start), self._paragraph(span.end) + 1):
                    taken.setdefault(para, []).append((span.start, span.end))
        out: list[Quote] = []
        candidates: list[tuple[Cue, list[tuple[int, int]], str]] = []
        for cue in self.cues:
            if id(cue) in used_cues or cue.needs_marks or self._vague_subject(cue):
                continue
            if cue.content:
                candidates.append((cue, cue.content, cue.rule))
            elif cue.colon_at is not None and cue.category == "speech":
                content = self._colon_content(cue)
                if content:
                    candidates.append((cue, content, "colon"))
        candidates.sort(key=lambda item: -sum(e - s for s, e in item[1]))
        for cue, content, how in candidates:
            para = self._paragraph(content[0][0])
            if self._quoted_chars(content) or _overlap(content, taken.get(para, [])):
                continue
            if any(s <= cue.subject.idx < e for s, e in content):  # type: ignore[union-attr]
                continue
            content = [span for span in (self._trim_edges(s, e) for s, e in sorted(content)) if span[1] > span[0]]
            if not content or not any(_WORD.search(self.text[s:e]) for s, e in content):
                continue
            quote = self._quote(content, "indirect", cue, f"indirect:{how}")
            if len(content) > 1:
                quote.spans = [Span(s, e) for s, e in content]
            out.append(quote)
            taken.setdefault(para, []).extend(content)
        return out

    def _vague_subject(self, cue: Cue) -> bool:
        """A lower-case "it", "you" or "that" as the one who reports: seldom anyone's attribution."""
        subject = cue.subject
        return subject is not None and subject.text in self.lex.vague_subjects

    def _trim_edges(self, start: int, end: int) -> tuple[int, int]:
        while start < end and not self.text[start].isalnum() and self.text[start] not in "“\"‘'$(":
            start += 1
        while end > start and not self.text[end - 1].isalnum() and self.text[end - 1] not in "”\"’'%)?!":
            end -= 1
        return start, end
