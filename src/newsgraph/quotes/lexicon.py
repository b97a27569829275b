"""The quote stage's vocabulary, read once from the data files in ``quotes/data``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    category: str
    frames: frozenset[str]


@dataclass(frozen=True, slots=True)
class QuoteMark:
    char: str
    family: str
    role: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_verbs: dict[str, CueVerb]
    cue_nouns: frozenset[str]
    cue_noun_objects: dict[str, frozenset[str]]
    medium_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]
    addressee_verbs: frozenset[str]
    quote_marks: dict[str, QuoteMark]
    honorifics: frozenset[str]
    irregular_past: dict[str, str]
    utterance_verbs: frozenset[str]
    vague_subjects: frozenset[str]
    term_nouns: frozenset[str]
    means_verbs: frozenset[str]

    def verb_lemma(self, word: str) -> str | None:
        """The cue verb a past or present form stands for ("Stated" -> "state"), from the word alone."""
        lower = word.lower()
        stem_y = lower[:-3] + "y" if lower.endswith("ied") else ""
        for candidate in (self.irregular_past.get(lower, ""), lower, lower[:-1], lower[:-2], stem_y):
            if candidate in self.cue_verbs:
                return candidate
        return None


def _lines(name: str) -> list[str]:
    text = resources.files("newsgraph.quotes").joinpath(f"data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _lines(name))


def _noun_objects() -> dict[str, frozenset[str]]:
    """Cue nouns whose prepositional object is the content, with the prepositions allowed."""
    table: dict[str, frozenset[str]] = {}
    for line in _lines("cue_noun_objects.tsv"):
        noun, preps = (part.strip() for part in line.split("\t"))
        table[noun.lower()] = frozenset(p.strip().lower() for p in preps.split(","))
    return table


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load every data file once per process."""
    verbs: dict[str, CueVerb] = {}
    for line in _lines("cue_verbs.tsv"):
        lemma, category, frames = (part.strip() for part in line.split("\t"))
        verbs[lemma.lower()] = CueVerb(lemma.lower(), category, frozenset(frames.split(",")))
    marks: dict[str, QuoteMark] = {}
    for line in _lines("quote_marks.tsv"):
        char, family, role = line.split("\t")
        marks[char] = QuoteMark(char, family.strip(), role.strip())
    return Lexicon(
        cue_verbs=verbs,
        cue_nouns=_words("cue_nouns.txt"),
        cue_noun_objects=_noun_objects(),
        medium_nouns=_words("medium_nouns.txt"),
        anonymous_nouns=_words("anonymous_nouns.txt"),
        addressee_verbs=_words("addressee_verbs.txt"),
        quote_marks=marks,
        honorifics=_words("honorifics.txt"),
        irregular_past=dict(line.split("\t")[:2] for line in _lines("irregular_past.tsv")),
        utterance_verbs=_words("utterance_verbs.txt"),
        vague_subjects=_words("vague_subjects.txt"),
        term_nouns=_words("term_nouns.txt"),
        means_verbs=_words("means_verbs.txt"),
    )
