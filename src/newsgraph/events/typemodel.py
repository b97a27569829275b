"""A learned PLOVER type model for a sentence: multinomial logistic regression over parse features.

The trigger dictionary decides *whether* a word is an event and who the actors are; this
model says which PLOVER type the sentence as a whole is most likely about. The coder uses it
to rank its candidate events (the top event is the one a reader wants) and to code a
sentence where no dictionary trigger fired but the actors and the wording clearly describe
an event. The weights (``data/plover_type_model.json``) are trained by
``training/train_event_types.py`` on data cleared of every sentence of the test sets; the file
stores weights as integers (hundredths or thousandths, ``scale``) and the lemmas a title-case
headline word may be read as.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Container, Iterable, Iterator

from spacy.tokens import Span as SpacySpan, Token

MODEL_FILE = "plover_type_model.json"
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
# Clauses under the main verb ("said it would withdraw", "attacked and killed"): often the act itself.
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl", "conj"})
# Entities that name a person, people or place: never a feature, even in a title-case headline.
NAME_ENTITIES = frozenset({"PERSON", "NORP", "GPE", "LOC", "FAC"})
TITLE_CASE_SHARE = 0.7
MIN_BASE = 3  # letters an inflected word keeps once its ending is taken off
# Inflection endings and the lemma endings they may stand for ("arrives" -> "arrive", "talks" -> "talk").
INFLECTIONS = (("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("es", ("", "e")), ("ed", ("", "e")),
               ("s", ("",)))
WEIGHT_SCALES = (100, 1000)  # weights are stored as integers in hundredths, else thousandths
VOWELS = frozenset("aeiou")


def _word(token: Token) -> str:
    return token.lemma_.lower()


def lemma_candidates(word: str) -> Iterator[str]:
    """The lemmas an inflected word may have, the word itself first ("expelled" -> "expel")."""
    yield word
    for suffix, endings in INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_BASE:
            base = word[:len(word) - len(suffix)]
            for ending in endings:
                yield base + ending
            if suffix in ("ed", "ing") and base[-1] == base[-2] and base[-1] not in VOWELS:
                yield base[:-1]


def headline_lemma(token: Token, lemmas: Container[str]) -> str | None:
    """A title-case headline word's lemma: its first candidate that ``lemmas`` knows. A word the
    tagger took for part of a person's name ("Expels" in "Zembla Expels Envoys") counts only when
    it reads as an inflected form, so that a surname such as "Brown" stays a name."""
    if token.ent_type_ in NAME_ENTITIES and token.ent_type_ != "PERSON":
        return None
    candidates = lemma_candidates(token.lower_)
    if token.ent_type_ == "PERSON":
        next(candidates)
    return next((c for c in candidates if c in lemmas), None)


def _is_name(token: Token) -> bool:
    return bool(token.ent_type_) and token.ent_type_ not in ("DATE", "TIME")


def _is_title_case(tokens: list[Token]) -> bool:
    """Most longer words capitalised: a headline, whose verbs the tagger reads as names."""
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= TITLE_CASE_SHARE * len(words)


def _verb_features(verb: Token, lemma: str) -> list[str]:
    """The verb with its objects, prepositions, particles, complements, negation and modals."""
    features = [f"v:{lemma}"]
    if verb.dep_ == "ROOT":
        features.append(f"root:{lemma}")
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and child.pos_ == "NOUN":
            features.append(f"vo:{lemma}_{_word(child)}")
        elif child.dep_ == "prep":
            features.append(f"vp:{lemma}_{child.lower_}")
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    features.append(f"vpo:{lemma}_{child.lower_}_{_word(pobj)}")
        elif child.dep_ == "prt":
            features.append(f"vprt:{lemma}_{child.lower_}")
        elif child.dep_ in COMPLEMENT_DEPS and child.pos_ == "VERB":
            features.append(f"vc:{lemma}_{_word(child)}")
        elif child.dep_ == "neg":
            features.append(f"neg:{lemma}")
        elif child.dep_ == "aux" and child.tag_ == "MD":
            features.append(f"modal:{lemma}")
        elif child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN" and not _is_name(child):
            features.append(f"sv:{_word(child)}_{lemma}")
    if verb.dep_ in CLAUSE_DEPS and verb.head.dep_ == "ROOT" and verb.head.pos_ == "VERB":
        features.append(f"clause:{lemma}")
    return features


def _noun_features(noun: Token, lemma: str) -> list[str]:
    """A noun with its prepositions ("attack on", "talks with") and its adjectives."""
    features = []
    for child in noun.children:
        if child.dep_ == "prep":
            features.append(f"np:{lemma}_{child.lower_}")
        elif child.dep_ == "amod" and child.pos_ == "ADJ":
            features.append(f"an:{_word(child)}_{lemma}")
    return features


def sentence_features(tokens: Iterable[Token], lemmas: Container[str] = frozenset()) -> list[str]:
    """Lemma, neighbouring-lemma and dependency features of a sentence (or of a story).

    Names are left out (entity tokens other than dates, and proper nouns) so that the model
    learns the wording of an act, not who did it; a proper noun that is no named place, people
    or person gives its lower-case form when the text is in title case (a headline's
    "Launches", which the tagger takes for a name), and the lemma ``lemmas`` knows for it.
    """
    tokens = list(tokens)
    title_case = _is_title_case(tokens)
    features: list[str] = []
    previous = ""
    for token in tokens:
        if token.is_punct or token.is_space or token.like_num:
            continue
        lemma: str | None
        if title_case and token.pos_ == "PROPN" and token.is_alpha:
            if token.ent_type_ not in NAME_ENTITIES:
                features.append(f"t:{token.lower_}")
            lemma = headline_lemma(token, lemmas)
            if lemma is None:
                continue
        elif token.pos_ not in CONTENT_POS or _is_name(token):
            continue
        else:
            lemma = _word(token)
        features.append(f"w:{lemma}")
        if previous:
            features.append(f"b:{previous}_{lemma}")
        previous = lemma
        if token.pos_ == "VERB":
            features.extend(_verb_features(token, lemma))
        elif token.pos_ == "NOUN":
            features.extend(_noun_features(token, lemma))
    return features


@dataclass(frozen=True, slots=True)
class TypeModel:
    """Weights per feature and type; ``default_codes`` is the CAMEO code a model-coded event
    of each type gets (the type's most frequent code in the training data)."""

    types: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    default_codes: dict[str, str]
    name: str
    lemmas: frozenset[str] = frozenset()  # what title-case headline words may be read as (training's lemmas)

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        scores = list(self.bias)
        # a fixed order, so that the float sums (and any tie between types) do not vary with the hash seed
        for feature in sorted(set(features)):
            row = self.weights.get(feature)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {t: e / total for t, e in zip(self.types, exps)}

    def to_json(self) -> str:
        """Weights as integers in units of the coarsest scale that keeps them exact (a third of the
        size of decimal fractions)."""
        scale = next((s for s in WEIGHT_SCALES if _exact_at(self.weights.values(), s)), WEIGHT_SCALES[-1])
        return json.dumps({"name": self.name, "types": list(self.types), "bias": list(self.bias),
                           "default_codes": self.default_codes, "lemmas": sorted(self.lemmas), "scale": scale,
                           "weights": {f: [round(w * scale) for w in row] for f, row in sorted(self.weights.items())}},
                          separators=(",", ":"))


def _exact_at(rows: Iterable[tuple[float, ...]], scale: int) -> bool:
    return all(abs(w * scale - round(w * scale)) < 1e-6 for row in rows for w in row)


def model_from_json(text: str) -> TypeModel:
    data = json.loads(text)
    scale = data.get("scale", 1)
    return TypeModel(types=tuple(data["types"]), bias=tuple(data["bias"]),
                     weights={f: tuple(w / scale for w in row) for f, row in data["weights"].items()},
                     default_codes=dict(data["default_codes"]), name=data["name"],
                     lemmas=frozenset(data.get("lemmas", ())))


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel | None:
    """The packaged model, or None when the data file is absent (the coder then uses rules only)."""
    resource = resources.files("newsgraph.events").joinpath(f"data/{MODEL_FILE}")
    if not resource.is_file():
        return None
    return model_from_json(resource.read_text("utf-8"))


def sentence_distribution(model: TypeModel, sent: SpacySpan) -> dict[str, float]:
    return model.probabilities(sentence_features(sent, model.lemmas))
