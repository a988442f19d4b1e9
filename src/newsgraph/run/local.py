"""The local executor: read, learn corpus state, then process batches in 1..N processes and store.

Writes happen only in this process (DuckDB has one writer), one transaction per batch, so a crash
leaves no half-written article and a re-run completes the work.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from newsgraph.clean import SiteBoilerplate
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
from newsgraph.model import Article, Rejected
from newsgraph.pipeline import Processor, learn_memory, prepare
from newsgraph.run.summary import RunSummary
from newsgraph.store import Known, Store

Progress = Callable[[int, int], None]  # (done, total)


def raw_hash(article: Article) -> str:
    """The identity of an input as given (id and raw text): unchanged input is skipped early."""
    digest = hashlib.sha256(f"{article.id}\x00{article.raw_text}".encode()).hexdigest()
    return digest[:16]


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Ingest everything under `paths` into `store`; returns the run's summary."""
    settings = settings or Settings()
    started = time.perf_counter()
    summary = RunSummary()
    run_id = store.begin_run("local", settings.workers)
    rejected: list[Rejected] = []
    raw: list[Article] = []
    for item in read_inputs(paths):
        summary.inputs += 1
        (rejected if isinstance(item, Rejected) else raw).append(item)  # type: ignore[arg-type]

    # Incremental: content already stored exactly as given is not processed again.
    hashes = {id(a): raw_hash(a) for a in raw}
    seen = store.seen_raw(hashes.values())
    fresh: list[Article] = []
    in_run: set[str] = set()
    for article in raw:
        digest = hashes[id(article)]
        if digest in seen or digest in in_run:
            summary.duplicates += 1
        else:
            in_run.add(digest)
            fresh.append(article)

    site_lines = _stored_site_lines(store)
    cleaned, empty, learned = prepare(fresh, site_lines)
    rejected.extend(empty)
    store.save_site_lines(learned.learned(), learned.site_pages.items())

    planned: list[tuple[Article, Known, str, str]] = []
    run_hashes: set[str] = set()
    run_ids: set[str] = set()
    from newsgraph.clean import content_hash

    for article in cleaned:
        digest = content_hash(article.clean_text)
        known = store.known(article.id, digest, hashes[id(article)] if id(article) in hashes else "")
        if known.status == "duplicate" or digest in run_hashes:
            summary.duplicates += 1
            continue
        if article.id in run_ids:
            rejected.append(
                Rejected(article.provenance.source, "id reused in the same run",
                         f"{article.id} already given to other content", article.provenance.record)
            )
            continue
        run_hashes.add(digest)
        run_ids.add(article.id)
        planned.append((article, known, _raw_hash_of(article, hashes), digest))

    memory = learn_memory([a for a, _, _, _ in planned], store.memory_rows())
    store.save_memory(memory.to_rows())  # type: ignore[attr-defined]
    processor = Processor(settings, memory)
    total = len(planned)
    done = 0
    for batch, results in _execute(processor, planned, settings):
        good: list[tuple[Article, Known, str, str]] = []
        for (_, known, raw_digest, digest), result in zip(batch, results, strict=True):
            if isinstance(result, Rejected):
                rejected.append(result)
                continue
            good.append((result, known, raw_digest, digest))
        store.write_articles(good, processor.actors_of(a for a, _, _, _ in good))
        for article, known, _, _ in good:
            summary.stored += 1
            summary.versions += known.status == "version"
            summary.mentions += len(article.mentions)
            summary.events += len(article.events)
            summary.motives += len(article.motives)
            summary.claims += len(article.claims)
            summary.article_ids.append(article.id)
        done += len(batch)
        if progress:
            progress(done, total)

    if rejected:
        store.quarantine(rejected, run_id)
    summary.quarantined = len(rejected)
    summary.reasons.update(r.reason for r in rejected)
    summary.seconds = time.perf_counter() - started
    store.finish_run(run_id, summary.counts(), summary.seconds)
    return summary


def _raw_hash_of(article: Article, hashes: dict[int, str]) -> str:
    return hashes.get(id(article)) or raw_hash(article)


def _stored_site_lines(store: Store) -> SiteBoilerplate:
    lines, pages = store.site_lines()
    learned = SiteBoilerplate()
    for site, count in pages:
        learned.site_pages[site] = count
    for site, key, count in lines:
        learned.line_pages[site][key] = count
    return learned


def _batches(items: Sequence[tuple[Article, Known, str, str]], size: int) -> Iterator[list[tuple[Article, Known, str, str]]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _execute(
    processor: Processor, planned: Sequence[tuple[Article, Known, str, str]], settings: Settings
) -> Iterator[tuple[list[tuple[Article, Known, str, str]], list[Article | Rejected]]]:
    """Batches and their results, in input order, from this process or a pool of workers."""
    batches = list(_batches(planned, settings.batch_size))
    if settings.workers <= 1 or len(batches) <= 1:
        for batch in batches:
            yield batch, processor.process([a for a, _, _, _ in batch])
        return
    with ProcessPoolExecutor(settings.workers, mp_context=get_context("fork")) as pool:
        futures = [pool.submit(processor.process, [a for a, _, _, _ in b]) for b in batches]
        for batch, future in zip(batches, futures, strict=True):
            yield batch, future.result()
