"""The article pipeline: corpus-level learning first, then annotate → link → events → why per batch.

`Processor` holds the stateful stages (spaCy, linker, coder) and loads them lazily, so it pickles
to worker processes; executors in `newsgraph.run` decide where batches run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.annotate import Annotator
from newsgraph.annotate.tokens import forget
from newsgraph.clean import SiteBoilerplate, clean_article, learn_boilerplate
from newsgraph.config import EVENT_CODERS, Settings
from newsgraph.model import Actor, Article, Provenance, Rejected

log = logging.getLogger(__name__)


StageFn = Callable[[Article], Article]
# Longer clean texts are not news articles (spaCy's own limit is 1,000,000 characters).
MAX_ARTICLE_CHARS = 300_000


@dataclass(slots=True)
class Processor:
    """Runs the per-article stages over a batch; a failing article becomes a Rejected.

    Order inside a batch: entities and sentences (spaCy, whole articles) → link → parse of the
    sentences that can give an event, a motive or a claim → events → why. With
    `parse_all=True` every sentence is parsed (the same results, slower: tested).
    """

    settings: Settings = field(default_factory=Settings)
    memory: object | None = None  # newsgraph.link.ActorMemory
    keep_docs: bool = False
    parse_all: bool = False
    why: object | None = None  # a WhyExtractor of one's own (an evaluation's out-of-fold model)
    _stages: dict[str, object] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {
            "settings": self.settings,
            "memory": self.memory,
            "keep_docs": self.keep_docs,
            "parse_all": self.parse_all,
            "why": self.why,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.settings = state["settings"]  # type: ignore[assignment]
        self.memory = state["memory"]
        self.keep_docs = bool(state["keep_docs"])
        self.parse_all = bool(state["parse_all"])
        self.why = state.get("why")
        self._stages = None

    def _stage(self, name: str) -> Any:
        if self._stages is None:
            from newsgraph.claims import WhyExtractor
            from newsgraph.events import EventCoder
            from newsgraph.link import Linker

            self._stages = {
                "annotate": Annotator(
                    self.settings.model,
                    self.settings.batch_size,
                    self.settings.blas,
                    self.settings.language,
                ),
                "link": Linker(),
                "events": EventCoder(learned=EVENT_CODERS[self.settings.event_coder]),
                "why": self.why or WhyExtractor(encoder=self.settings.why_encoder),
            }
        return self._stages[name]

    @property
    def linker(self) -> Any:
        return self._stage("link")

    def process(self, batch: Sequence[Article]) -> list[Article | Rejected]:
        """Run every stage over a batch; results in input order."""
        annotator: Annotator = self._stage("annotate")
        results: list[Article | Rejected] = []

        def link(article: Article) -> Article:
            return self.linker.link(article, self.memory)

        for article in annotator.entities(batch):
            if article.doc is None:  # not English: stored with its language, not coded
                results.append(article)
            else:
                results.append(self._run("link", article, link))
        linked = [a for a in results if isinstance(a, Article) and a.doc is not None]
        annotator.parse(linked, None if self.parse_all else self._needs_parse)
        for i, entry in enumerate(results):
            if isinstance(entry, Article) and entry.doc is not None:
                results[i] = self._code(entry)
        forget()  # the stages' view of the last Doc
        return results

    def _code(self, article: Article) -> Article | Rejected:
        """Events, then the why-extraction; the Doc is dropped unless kept."""
        coded = self._run("events", article, self._stage("events").code)
        if isinstance(coded, Article):
            coded = self._run("why", coded, self._stage("why").extract)
        if isinstance(coded, Article) and not self.keep_docs:
            coded = replace(coded, doc=None)
        return coded

    def _needs_parse(self, article: Article, sentence: Any) -> bool:
        """Parse a sentence that can give an event, a cause or motive, or an attributed claim."""
        from newsgraph.claims import may_have_attribution, may_have_cause

        if self._stage("events").needs_parse(article, sentence):
            return True
        words = [token.lower_ for token in sentence]
        return may_have_cause(words) or may_have_attribution(words)

    @staticmethod
    def _run(name: str, article: Article, stage: StageFn) -> Article | Rejected:
        try:
            return stage(article)
        except Exception as err:  # one bad article must not stop the batch
            log.exception("%s: stage %s failed", article.provenance.source, name)
            return Rejected(
                article.provenance.source,
                f"stage {name} failed",
                f"{type(err).__name__}: {err}",
                record=article.provenance.record,
            )

    def actors_of(self, articles: Iterable[Article]) -> list[Actor]:
        """The canonical actors the articles' mentions and events refer to."""
        ids = {m.actor_id for a in articles for m in a.mentions if m.actor_id}
        found = (self.linker.actor(i) for i in sorted(ids))
        return [a for a in found if a is not None]


def learn_memory(
    articles: Sequence[Article],
    known_rows: Sequence[dict[str, object]] = (),
    linker: Any = None,
) -> object:
    """The corpus actor memory: what the store knew, merged with what these articles teach.

    Pass the `linker` that will link these articles (`Processor.linker`) when it runs in this
    process: it keeps each text's dictionary scan for the link stage."""
    from newsgraph.link import ActorMemory
    from newsgraph.link import learn_memory as learn

    memory = ActorMemory.from_rows(known_rows) if known_rows else ActorMemory()
    learned = learn(((a.id, a.clean_text, a.published) for a in articles), linker)
    return memory.merge(learned)


def clean_all(
    raw: Sequence[Article], known: SiteBoilerplate | None = None
) -> tuple[list[Article | Rejected], SiteBoilerplate]:
    """Clean every article with the site furniture learned from the whole input (and the store).

    Returns one result per input, in order: the cleaned article, or a Rejected when no text is left.
    """
    learned = learn_boilerplate(raw)
    if known is not None:
        learned.merge(known)
    results: list[Article | Rejected] = []
    for article in raw:
        cleaned = clean_article(article, learned)
        source, record = article.provenance.source, article.provenance.record
        if not cleaned.clean_text.strip():
            results.append(Rejected(source, "no text after cleaning", "", record))
        elif len(cleaned.clean_text) > MAX_ARTICLE_CHARS:
            detail = f"{len(cleaned.clean_text):,} characters, limit {MAX_ARTICLE_CHARS:,}"
            results.append(Rejected(source, "article too long", detail, record))
        else:
            results.append(cleaned)
    return results, learned


def process(
    inputs: Iterable[str], settings: Settings | None = None, published: date | None = None
) -> list[Article]:
    """Run the whole pipeline in memory over paths or raw texts; returns the articles (with docs).

    A string naming an existing file or folder is read as input; any other string is article text.
    """
    from newsgraph.ingest import read_inputs

    raw: list[Article] = []
    for number, item in enumerate(inputs):
        if len(item) < 4096 and "\n" not in item and Path(item).exists():
            raw.extend(a for a in read_inputs([item]) if isinstance(a, Article))
        else:
            raw.append(Article(id="", raw_text=item, provenance=Provenance("<text>", number)))
    if published is not None:
        raw = [replace(a, published=a.published or published) for a in raw]
    results, _ = clean_all(raw)
    cleaned = [a for a in results if isinstance(a, Article)]
    processor = Processor(settings or Settings(), learn_memory(cleaned), keep_docs=True)
    return [a for a in processor.process(cleaned) if isinstance(a, Article)]
