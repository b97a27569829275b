"""newsgraph: who did what to whom, who said what, when, and where each fact came from.

    import newsgraph
    nlp = newsgraph.load()
    doc = nlp.analyze(text)
    doc.to_dict()
"""

from __future__ import annotations

__version__ = "0.1.0"

from newsgraph.pipeline import CodeStyle, Config, Pipeline
from newsgraph.records import (
    Actor,
    ActorTable,
    AnalyzedDocument,
    Article,
    Event,
    Mention,
    Participant,
    Quote,
    RawDocument,
    SpeakerRef,
    Span,
)

__all__ = [
    "Actor", "ActorTable", "AnalyzedDocument", "Article", "Config", "Event", "Mention",
    "CodeStyle", "Participant", "Pipeline", "Quote", "RawDocument", "SpeakerRef", "Span", "load",
]


def load(
    model: str | None = None,
    *,
    extra_lexicons: tuple[str, ...] = (),
    extra_verb_dictionaries: tuple[str, ...] = (),
    batch_size: int = 16,
    codes: CodeStyle = "newsgraph",
    guess_untriggered_events: bool = False,
) -> Pipeline:
    """Load the pipeline once; reuse it for many documents."""
    return Pipeline(Config(
        model=model, extra_lexicons=tuple(extra_lexicons),
        extra_verb_dictionaries=tuple(extra_verb_dictionaries), batch_size=batch_size,
        codes=codes, guess_untriggered_events=guess_untriggered_events,
    ))
