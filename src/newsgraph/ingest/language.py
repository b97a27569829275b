"""Language identification with py3langid, whose model ships inside the package (no download)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_LETTERS = 40
SAMPLE_CHARS = 3000


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str
    confidence: float


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> LanguageGuess | None:
    """ISO 639-1 code and probability, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, prob = _identifier().classify(sample)
    return LanguageGuess(code=code, confidence=float(prob))
