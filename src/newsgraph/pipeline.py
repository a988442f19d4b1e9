"""The article pipeline: corpus-level learning first, then annotate → link → events → why per batch.

`Processor` holds the stateful stages (spaCy, linker, coder) and loads them lazily, so it pickles
to worker processes; executors in `newsgraph.run` decide where batches run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from newsgraph.annotate import Annotator
from newsgraph.clean import SiteBoilerplate, clean_article, learn_boilerplate
from newsgraph.config import Settings
from newsgraph.model import Actor, Article, Rejected

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Processor:
    """Runs the per-article stages over a batch; a failing article becomes a Rejected, never a crash."""

    settings: Settings = field(default_factory=Settings)
    memory: object | None = None  # newsgraph.link.ActorMemory
    keep_docs: bool = False
    _stages: list[tuple[str, Callable[[Article], Article]]] | None = None
    _linker: object | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"settings": self.settings, "memory": self.memory, "keep_docs": self.keep_docs}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.settings = state["settings"]  # type: ignore[assignment]
        self.memory = state["memory"]
        self.keep_docs = bool(state["keep_docs"])
        self._stages = None
        self._linker = None

    @property
    def linker(self) -> object:
        if self._linker is None:
            from newsgraph.link import Linker

            self._linker = Linker()
        return self._linker

    def stages(self) -> list[tuple[str, Callable[[Article], Article]]]:
        if self._stages is None:
            from newsgraph.claims import WhyExtractor
            from newsgraph.events import EventCoder

            linker = self.linker
            coder = EventCoder()
            why = WhyExtractor()
            self._stages = [
                ("link", lambda a: linker.link(a, self.memory)),  # type: ignore[attr-defined]
                ("events", coder.code),
                ("why", why.extract),
            ]
        return self._stages

    def process(self, batch: Sequence[Article]) -> list[Article | Rejected]:
        """Annotate a batch with spaCy, then run each article through the later stages."""
        annotator = Annotator(self.settings.model, self.settings.batch_size)
        results: list[Article | Rejected] = []
        for article in annotator(batch):
            if article.doc is None:  # not English: stored with its language, not coded
                results.append(article)
                continue
            results.append(self._process_one(article))
        return results

    def _process_one(self, article: Article) -> Article | Rejected:
        for name, stage in self.stages():
            try:
                article = stage(article)
            except Exception as err:  # one bad article must not stop the batch
                log.exception("%s: stage %s failed", article.provenance.source, name)
                return Rejected(
                    article.provenance.source,
                    f"stage {name} failed",
                    f"{type(err).__name__}: {err}",
                    record=article.provenance.record,
                )
        return article if self.keep_docs else replace(article, doc=None)

    def actors_of(self, articles: Iterable[Article]) -> list[Actor]:
        """The canonical actors the articles' mentions and events refer to."""
        ids = {m.actor_id for a in articles for m in a.mentions if m.actor_id}
        found = (self.linker.actor(i) for i in sorted(ids))  # type: ignore[attr-defined]
        return [a for a in found if a is not None]


def learn_memory(articles: Sequence[Article], known_rows: Sequence[dict[str, object]] = ()) -> object:
    """The corpus actor memory: what the store knew, merged with what these articles teach."""
    from newsgraph.link import ActorMemory
    from newsgraph.link import learn_memory as learn

    memory = ActorMemory.from_rows(known_rows) if known_rows else ActorMemory()
    learned = learn((a.id, a.clean_text, a.published) for a in articles)
    return memory.merge(learned)


def prepare(
    raw: Sequence[Article], site_lines: SiteBoilerplate | None = None
) -> tuple[list[Article], list[Rejected], SiteBoilerplate]:
    """Clean every article with the site furniture learned from the whole input (and the store)."""
    learned = learn_boilerplate(raw)
    if site_lines is not None:
        learned.merge(site_lines)
    cleaned: list[Article] = []
    rejected: list[Rejected] = []
    for article in raw:
        result = clean_article(article, learned)
        if not result.clean_text.strip():
            rejected.append(
                Rejected(article.provenance.source, "no text after cleaning", "", article.provenance.record)
            )
        else:
            cleaned.append(result)
    return cleaned, rejected, learned


def process(inputs: Iterable[str], settings: Settings | None = None, published: date | None = None) -> list[Article]:
    """Run the whole pipeline in memory over paths or raw texts; returns the articles (with docs).

    A string naming an existing file or folder is read as input; any other string is article text.
    """
    from pathlib import Path

    from newsgraph.ingest import read_inputs
    from newsgraph.model import Provenance

    raw: list[Article] = []
    for number, item in enumerate(inputs):
        if len(item) < 4096 and "\n" not in item and Path(item).exists():
            raw.extend(a for a in read_inputs([item]) if isinstance(a, Article))
        else:
            raw.append(Article(id="", raw_text=item, provenance=Provenance("<text>", number)))
    if published is not None:
        raw = [replace(a, published=a.published or published) for a in raw]
    cleaned, _, _ = prepare(raw)
    processor = Processor(settings or Settings(), learn_memory(cleaned), keep_docs=True)
    return [a for a in processor.process(cleaned) if isinstance(a, Article)]
