"""The pipeline: a composition of stages, each reading and writing typed records.

    RawDocument --clean--> Article --nlp--> spaCy Doc --actors--> ActorTable
                --quotes--> [Quote] --events--> [Event]  => AnalyzedDocument
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Iterable, Iterator, Literal

from newsgraph import clean
from newsgraph.actors import ActorResolver
from newsgraph.events import EventCoder
from newsgraph.ingest import ArchiveCallback, IngestError, iter_documents
from newsgraph.ingest.language import detect as detect_language
from newsgraph.nlp import MAX_CHARS, Parser
from newsgraph.quotes import QuoteExtractor
from newsgraph.records import AnalyzedDocument, Article, RawDocument

Stages = Literal["all", "clean"]
CodeStyle = Literal["newsgraph", "phoenix"]
LANGUAGE_CONFIDENCE = 0.9


class DocumentError(ValueError):
    """A document that cannot be analysed; the message names the input and the cause."""


@dataclass(slots=True)
class Config:
    model: str | None = None
    batch_size: int = 16
    extra_lexicons: tuple[str, ...] = ()
    extra_verb_dictionaries: tuple[str, ...] = ()
    """PETRARCH verb dictionaries that code verbs the built-in event dictionary lacks."""
    languages: tuple[str, ...] = ("en",)
    """Languages analysed; documents detected as another language are kept but skipped."""
    codes: CodeStyle = "newsgraph"
    """"phoenix" writes actor and event codes as Phoenix/PETRARCH-coded data does (diplomats as
    GOV, international bodies in their CAMEO long form), for users who join newsgraph's events to
    such data; "newsgraph" keeps the contract's form (USADIP, NATO)."""
    guess_untriggered_events: bool = False
    """Let the learned sentence-type model code a sentence that no trigger word matched. Off by
    default: on real news most sentences report no event, and of the 466 such events coded on 654
    corpus articles nearly all were wrong ("took part in the meeting" as a threat); on sets of
    pre-selected event sentences (NGEC stories, ConfliBERT, PLOVER records) it adds a few points
    of type accuracy (docs/benchmarks.md)."""


def prepare(raw: RawDocument) -> Article:
    """Run the cleaning stage appropriate to the document's kind."""
    if raw.kind == "text":
        article = clean.from_clean_text(raw)
    elif raw.kind == "html":
        from newsgraph.ingest.html import extract_html

        article = extract_html(raw)
    else:
        article = clean.clean_raw(raw)
    if not article.text.strip():
        raise DocumentError(f"{raw.source or raw.id}: no article text found")
    if len(article.text) > MAX_CHARS:
        raise DocumentError(
            f"{raw.source or raw.id}: article body has {len(article.text):,} characters, "
            f"over the {MAX_CHARS:,} a single document may have"
        )
    return article


class Pipeline:
    """Loads the model and stages once; analyses one text or a stream of documents."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.parser = Parser(self.config.model, batch_size=self.config.batch_size)
        self.actors = ActorResolver(extra_lexicons=self.config.extra_lexicons)
        self.quotes = QuoteExtractor()
        self.events = EventCoder(parse=self.parser.parse, resolve_actors=self.actors.resolve,
                                 guess_untriggered=self.config.guess_untriggered_events)
        for path in self.config.extra_verb_dictionaries:
            self.events.load_verb_dictionary(path)

    @property
    def model(self) -> str:
        return self.parser.version

    def analyze(
        self,
        text: str,
        *,
        doc_id: str = "doc",
        kind: Literal["raw", "html", "text"] = "raw",
        title: str | None = None,
        published: _dt.date | str | None = None,
        stages: Stages = "all",
    ) -> AnalyzedDocument:
        """Analyse one text (raw scraped text by default)."""
        if isinstance(published, str):
            published = _dt.date.fromisoformat(published[:10])
        raw = RawDocument(id=doc_id, kind=kind, content=text, title=title, published=published)
        return next(iter(self.pipe([raw], stages=stages)))

    def pipe(self, docs: Iterable[RawDocument | AnalyzedDocument], stages: Stages = "all") -> Iterator[AnalyzedDocument]:
        """Analyse a stream of documents in input order, parsing in batches.

        An ``AnalyzedDocument`` carrying an error (from ingestion) passes through untouched;
        a document that fails here becomes one, and the stream goes on.
        """
        batch: list[AnalyzedDocument] = []
        for item in docs:
            if isinstance(item, AnalyzedDocument):
                batch.append(item)
            else:
                batch.append(self._prepare(item))
            if len(batch) >= self.config.batch_size:
                yield from self._finish(batch, stages)
                batch = []
        if batch:
            yield from self._finish(batch, stages)

    def analyze_inputs(
        self, inputs: Iterable[str], stages: Stages = "all", stdin=None, on_archive: ArchiveCallback | None = None,
    ) -> Iterator[AnalyzedDocument]:
        """Analyse paths, directories, globs or ``-`` (standard input), as ``newsgraph analyze`` does.

        ``on_archive(name, stats)`` is called after each WARC with its record counts.
        """
        return self.pipe(_as_documents(iter_documents(inputs, stdin, on_archive=on_archive)), stages=stages)

    def _prepare(self, raw: RawDocument) -> AnalyzedDocument:
        try:
            doc = AnalyzedDocument(article=prepare(raw), model=None)
            self._check_language(doc)
            return doc
        except (DocumentError, IngestError) as exc:
            return _failed(raw, str(exc))
        except Exception as exc:  # a stage bug must not sink the run for other inputs
            return _failed(raw, f"{raw.source or raw.id}: cleaning failed: {type(exc).__name__}: {exc}")

    def _check_language(self, doc: AnalyzedDocument) -> None:
        guess = detect_language(doc.article.text)
        if guess is None:
            return
        if doc.article.language is None:
            doc.article.language = guess.code
        if guess.code not in self.config.languages and guess.confidence >= LANGUAGE_CONFIDENCE:
            doc.skipped = (
                f"language {guess.code!r} (p={guess.confidence:.2f}) is not analysed; "
                f"analysed languages: {', '.join(self.config.languages)}"
            )

    def _finish(self, batch: list[AnalyzedDocument], stages: Stages) -> Iterator[AnalyzedDocument]:
        todo = [d for d in batch if d.error is None and d.skipped is None]
        if stages != "clean" and todo:
            parsed = self.parser.pipe(d.article.text for d in todo)
            headings = self._parse_headings(todo)
            for doc, spacy_doc, heading_docs in zip(todo, parsed, headings):
                self._analyse(doc, spacy_doc, heading_docs)
        yield from batch

    def _parse_headings(self, todo: list[AnalyzedDocument]) -> list[list]:
        """Titles and decks of the batch, parsed in one ``Language.pipe`` call, regrouped per document."""
        texts = [self.events.heading_texts(d.article) for d in todo]
        flat = iter(list(self.parser.pipe(text for group in texts for text in group)))
        return [[next(flat) for _ in group] for group in texts]

    def _analyse(self, doc: AnalyzedDocument, spacy_doc, heading_docs: list) -> None:
        doc.model = self.model
        try:
            doc.actors = self.actors.resolve(spacy_doc, doc.article)
            doc.quotes = self.quotes.extract(spacy_doc, doc.article, doc.actors)
            doc.events = self.events.code(spacy_doc, doc.article, doc.actors, doc.quotes, headings=heading_docs)
            if self.config.codes == "phoenix":
                self._recode_phoenix(doc)
        except Exception as exc:
            doc.error = f"{doc.article.source or doc.article.id}: analysis failed: {type(exc).__name__}: {exc}"


    def _recode_phoenix(self, doc: AnalyzedDocument) -> None:
        """Rewrite codes after every stage has run, so that no stage sees two code styles."""
        recode = self.actors.phoenix_code
        for actor in doc.actors:
            actor.code = recode(actor.code)
        for event in doc.events:
            for participant in (event.source, event.target):
                if participant is not None:
                    participant.code = recode(participant.code)


def _as_documents(items: Iterable[RawDocument | IngestError]) -> Iterator[RawDocument | AnalyzedDocument]:
    for item in items:
        if isinstance(item, IngestError):
            doc_id = item.source or "input"
            yield AnalyzedDocument(article=Article(id=doc_id, text="", source=item.source), error=str(item))
        else:
            yield item


def _failed(raw: RawDocument, message: str) -> AnalyzedDocument:
    return AnalyzedDocument(article=Article(id=raw.id, text="", source=raw.source), error=message)
