"""A learned PLOVER type model for a sentence: multinomial logistic regression over parse features.

The trigger dictionary decides *whether* a word is an event and who the actors are; this
model says which PLOVER type the sentence as a whole is most likely about. The coder uses it
to rank its candidate events (the top event is the one a reader wants) and to code a
sentence where no dictionary trigger fired but the actors and the wording clearly describe
an event. The weights (``data/plover_type_model.json``) are trained by
``training/train_event_types.py`` on development data only.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from spacy.tokens import Span as SpacySpan, Token

MODEL_FILE = "plover_type_model.json"
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})


def _word(token: Token) -> str:
    return token.lemma_.lower()


def sentence_features(tokens: Iterable[Token]) -> list[str]:
    """Lemma and dependency features of a sentence (or of several, for a story).

    Names are left out (``PROPN`` and entity tokens other than dates) so that the model
    learns the wording of an act, not who did it.
    """
    features: list[str] = []
    for token in tokens:
        if token.is_punct or token.is_space or token.like_num:
            continue
        if token.pos_ not in CONTENT_POS or (token.ent_type_ and token.ent_type_ not in ("DATE", "TIME")):
            continue
        lemma = _word(token)
        features.append(f"w:{lemma}")
        if token.pos_ != "VERB":
            continue
        features.append(f"v:{lemma}")
        if token.dep_ == "ROOT":
            features.append(f"root:{lemma}")
        for child in token.children:
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

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        scores = list(self.bias)
        for feature in set(features):
            row = self.weights.get(feature)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {t: e / total for t, e in zip(self.types, exps)}

    def to_json(self) -> str:
        return json.dumps({"name": self.name, "types": list(self.types), "bias": list(self.bias),
                           "default_codes": self.default_codes,
                           "weights": {f: list(w) for f, w in sorted(self.weights.items())}},
                          separators=(",", ":"))


def model_from_json(text: str) -> TypeModel:
    data = json.loads(text)
    return TypeModel(types=tuple(data["types"]), bias=tuple(data["bias"]),
                     weights={f: tuple(w) for f, w in data["weights"].items()},
                     default_codes=dict(data["default_codes"]), name=data["name"])


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel | None:
    """The packaged model, or None when the data file is absent (the coder then uses rules only)."""
    resource = resources.files("newsgraph.events").joinpath(f"data/{MODEL_FILE}")
    if not resource.is_file():
        return None
    return model_from_json(resource.read_text("utf-8"))


def sentence_distribution(model: TypeModel, sent: SpacySpan) -> dict[str, float]:
    return model.probabilities(sentence_features(sent))
