"""The local executor: read, learn corpus state, then process batches in 1..N processes and store.

Writes happen only in this process (DuckDB has one writer), one transaction per batch, so a crash
leaves no half-written article and a re-run completes the work.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from newsgraph.clean import PageLines, SiteBoilerplate, content_hash, page_lines
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
from newsgraph.model import Article, Rejected
from newsgraph.pipeline import Processor, clean_all, learn_memory
from newsgraph.run.ledger import Ledger, raw_hash
from newsgraph.run.summary import RunSummary
from newsgraph.store import Known, Store

Progress = Callable[[int, int], None]  # (done, total)
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Planned:
    """An article to process and what the store knows of it."""

    article: Article
    known: Known
    raw_hash: str
    content_hash: str


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings | None = None,
    progress: Progress | None = None,
    why: object | None = None,
) -> RunSummary:
    """Ingest everything under `paths` into `store`; returns the run's summary. `why` replaces
    the why-stage (an evaluation codes held-out texts with a model trained without them)."""
    settings = settings or Settings()
    started = time.perf_counter()
    summary = RunSummary()
    ledger = Ledger()
    run_id = store.begin_run("local", settings.workers)
    raw, rejected = read_all(paths, summary, ledger)
    planned = plan(raw, store, summary, rejected, ledger)
    processor = Processor(settings, why=why)
    # In one process the memory pass's dictionary scans serve the link stage too.
    here = processor.linker if settings.workers <= 1 else None
    memory = learn_memory([p.article for p in planned], store.memory_rows(), here)
    store.add_memory(memory.to_rows({p.article.id for p in planned}))  # type: ignore[attr-defined]
    processor.memory = memory
    done = 0
    pages_seen: set[PageLines] = set()
    work = (pair for round_ in rounds(planned) for pair in execute(processor, round_, settings))
    for batch, results in work:
        good: list[Planned] = []
        for sent, result in zip(batch, results, strict=True):
            if isinstance(result, Rejected):
                rejected.append(result)
            else:
                good.append(Planned(result, sent.known, sent.raw_hash, sent.content_hash))
        for p in write(store, processor, good, rejected, pages_seen):
            count_stored(p, summary, ledger)
        done += len(batch)
        if progress:
            progress(done, len(planned))
    finish(store, run_id, summary, rejected, ledger, started)
    return summary


def read_all(
    paths: Iterable[str | Path], summary: RunSummary, ledger: Ledger
) -> tuple[list[Article], list[Rejected]]:
    """Every item of the inputs, counted and placed in the ledger: the articles and the rejects."""
    rejected: list[Rejected] = []
    raw: list[Article] = []
    for item in read_inputs(paths):
        summary.inputs += 1
        ledger.read(item)
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            raw.append(item)
    return raw, rejected


def count_stored(planned: Planned, summary: RunSummary, ledger: Ledger) -> None:
    """A written article, in the summary and the ledger."""
    summary.count_stored(planned.article, planned.known.status == "version")
    ledger.stored(planned.article, planned.known.version)


def finish(
    store: Store,
    run_id: int,
    summary: RunSummary,
    rejected: Sequence[Rejected],
    ledger: Ledger,
    started: float,
) -> None:
    """Close a run: views, quarantine, the sources of every input, the run's record."""
    if summary.stored:
        refresh_views(store)
    if rejected:
        store.quarantine(rejected, run_id)
    for item in rejected:
        ledger.quarantined(item)
    store.record_sources(ledger.items(), run_id)
    summary.quarantined = len(rejected)
    summary.reasons.update(r.reason for r in rejected)
    summary.seconds = time.perf_counter() - started
    store.finish_run(run_id, summary.counts(), summary.seconds)


def write(
    store: Store,
    processor: Processor,
    batch: list[Planned],
    rejected: list[Rejected],
    pages_seen: set[PageLines] | None = None,
) -> list[Planned]:
    """Write a batch in one transaction; if that fails, write its articles one by one so that a
    single unwritable article is quarantined (with the error) instead of losing the batch.

    The site lines of a page are counted once per run, as when they were learned (copies of a page
    in other batches are in `pages_seen`), so the counts do not depend on how the run is batched."""
    seen = set() if pages_seen is None else pages_seen
    try:
        _write(store, processor, batch, seen)
        return batch
    except Exception:
        log.warning("batch write failed; writing its %d articles one at a time", len(batch))
    written: list[Planned] = []
    for item in batch:
        try:
            _write(store, processor, [item], seen)
        except Exception as err:  # an article the store cannot take must not stop the run
            source, record = item.article.provenance.source, item.article.provenance.record
            log.exception("%s (record %s): store write failed", source, record)
            rejected.append(
                Rejected(source, "store write failed", f"{type(err).__name__}: {err}", record)
            )
        else:
            written.append(item)
    return written


def _write(store: Store, processor: Processor, batch: list[Planned], seen: set[PageLines]) -> None:
    pages = {page_lines(p.article) for p in batch} - seen
    store.write_articles(
        [(p.article, p.known, p.raw_hash, p.content_hash) for p in batch],
        processor.actors_of(p.article for p in batch),
        pages,
    )
    seen.update(pages)


def refresh_views(store: Store) -> None:
    """Bring what is derived from the stored articles up to date: search index and stories."""
    from newsgraph.query.search import refresh_search_index
    from newsgraph.query.stories import assign_stories

    refresh_search_index(store)
    assign_stories(store)


def plan(
    raw: Sequence[Article],
    store: Store,
    summary: RunSummary,
    rejected: list[Rejected],
    ledger: Ledger | None = None,
) -> list[Planned]:
    """Skip what the store already has, clean the rest, and decide new article or new version."""
    ledger = ledger if ledger is not None else Ledger()
    hashes = [raw_hash(a) for a in raw]
    seen = store.seen_raw(hashes)
    fresh: list[tuple[Article, str]] = []
    in_run: set[str] = set()
    for article, digest in zip(raw, hashes, strict=True):
        if digest in seen or digest in in_run:
            summary.duplicates += 1
            where = "a stored article" if digest in seen else "one read before it"
            ledger.duplicate(article, seen.get(digest), f"same input as {where}")
        else:
            in_run.add(digest)
            fresh.append((article, digest))

    cleaned, _ = clean_all([a for a, _ in fresh], stored_site_lines(store))

    good: list[tuple[Article, str, str, bool]] = []  # article, raw digest, text hash, derived id
    for (_, digest), outcome in zip(fresh, cleaned, strict=True):
        if isinstance(outcome, Rejected):
            rejected.append(outcome)
            continue
        text_hash = content_hash(outcome.clean_text)
        derived = outcome.id == text_hash  # no id given: the clean text's hash named it
        good.append((outcome, digest, text_hash, derived))
    stored = store.known_many([(a.id, text_hash, derived) for a, _, text_hash, derived in good])

    planned: list[Planned] = []
    run_hashes: set[tuple[str, object]] = set()  # (text hash, id), and (text hash, True) for any id
    first_with: dict[str, str] = {}  # text hash -> id of the first article in this run with it
    run_versions: dict[str, int] = {}  # id -> version given to it in this run
    for (article, digest, text_hash, derived_id), known in zip(good, stored, strict=True):
        if known.status == "duplicate":
            summary.duplicates += 1
            ledger.duplicate(article, known.holder, "same text as a stored article")
            continue
        if (text_hash, derived_id or article.id) in run_hashes:
            summary.duplicates += 1
            holder = first_with[text_hash] if derived_id else article.id
            ledger.duplicate(article, holder, "same text as an article read before it")
            continue
        if article.id in run_versions:  # the same id with other content earlier in this run
            known = Known("version", run_versions[article.id] + 1)
        run_hashes.add((text_hash, True))
        run_hashes.add((text_hash, article.id))
        first_with.setdefault(text_hash, article.id)
        run_versions[article.id] = known.version
        planned.append(Planned(article, known, digest, text_hash))
    return planned


def rounds(planned: Sequence[Planned]) -> list[list[Planned]]:
    """Split work so that each id appears once per round: versions are written after their
    predecessors, in input order."""
    result: list[list[Planned]] = []
    seen: dict[str, int] = {}  # id -> how many rounds already hold it
    for item in planned:
        n = seen.get(item.article.id, 0)
        seen[item.article.id] = n + 1
        if n == len(result):
            result.append([])
        result[n].append(item)
    return result


def copies_together(hashes: Sequence[str]) -> list[int]:
    """An order of the plan (positions) that puts each copy of a text (the same clean text under
    another id) right after the first: a batch then annotates the text once."""
    groups: dict[str, list[int]] = {}
    for position, digest in enumerate(hashes):
        groups.setdefault(digest, []).append(position)
    return [position for group in groups.values() for position in group]


def stored_site_lines(store: Store) -> SiteBoilerplate:
    """The site furniture counts the store has learned from earlier runs."""
    lines, pages = store.site_lines()
    learned = SiteBoilerplate()
    for site, count in pages:
        learned.site_pages[site] = count
    for site, key, count in lines:
        learned.line_pages[site][key] = count
    return learned


def execute(
    processor: Processor, planned: Sequence[Planned], settings: Settings
) -> Iterator[tuple[list[Planned], list[Article | Rejected]]]:
    """Batches (copies of a text together) and their results, from this process or a pool."""
    size = settings.batch_size
    ordered = [planned[i] for i in copies_together([p.content_hash for p in planned])]
    batches = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    if settings.workers <= 1 or len(batches) <= 1:
        for batch in batches:
            yield batch, processor.process([p.article for p in batch])
        return
    with ProcessPoolExecutor(settings.workers, mp_context=get_context("fork")) as pool:
        futures = [pool.submit(processor.process, [p.article for p in b]) for b in batches]
        for batch, future in zip(batches, futures, strict=True):
            yield batch, future.result()
