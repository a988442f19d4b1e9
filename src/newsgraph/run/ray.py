"""The Ray executor: the local engine's stages on a Ray Data actor pool, merged by one writer.

Corpus-level state (site boilerplate, actor memory) is learned on the driver with the local
engine's own `plan` and `learn_memory` before any article is coded, so both engines store the same
rows. Actors return their results through Ray's object store; the driver spools each result block
to a Parquet shard in a temporary folder (no shared file system needed) and then merges the shards
into DuckDB, which only the driver opens.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

import ray  # at import time, so a missing `ray` extra shows where the engine is chosen

from newsgraph.clean import PageLines
from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.model import Actor, Article, Rejected
from newsgraph.pipeline import Processor, learn_memory
from newsgraph.run.ledger import Ledger
from newsgraph.run.local import (
    Planned,
    Progress,
    copies_together,
    count_stored,
    finish,
    plan,
    read_all,
    rounds,
    write,
)
from newsgraph.run.summary import RunSummary
from newsgraph.store import Store

if TYPE_CHECKING:
    import pyarrow as pa

KEY = "key"  # position of the article in the run's plan
PAYLOAD = "payload"  # a pickled Article or Rejected: nested records Arrow cannot type by itself
ACTORS = "actors"  # the pickled actors the article refers to, as known to the worker's linker


@dataclass(frozen=True, slots=True)
class Coded:
    """One article's result as it comes back from a worker."""

    key: int
    result: Article | Rejected
    actors: list[Actor]


class ProcessorActor:
    """A Ray Data actor holding one `Processor`: spaCy and the dictionaries load once per actor."""

    def __init__(self, processor: Processor) -> None:
        self.processor = processor

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        articles = [pickle.loads(p) for p in batch.column(PAYLOAD).to_pylist()]
        results = self.processor.process(articles)  # drops each article's spaCy Doc
        # The linker may mint actors while linking (an organisation named with its place); only
        # this worker's linker knows them, so they travel with the article.
        actors = [self.processor.actors_of([r]) if isinstance(r, Article) else [] for r in results]
        return pa.table(
            {
                KEY: batch.column(KEY),
                PAYLOAD: pa.array([dumps(r) for r in results], pa.binary()),
                ACTORS: pa.array([dumps(a) for a in actors], pa.binary()),
            }
        )


def dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def ingest_ray(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings | None = None,
    address: str | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Ingest everything under `paths` into `store`, coding articles on a Ray cluster.

    `address` is a running cluster (`ray://host:10001`, `auto`); without one a local Ray instance
    is started for the run and stopped after it.
    """
    settings = settings or Settings()
    started = time.perf_counter()
    summary = RunSummary()
    ledger = Ledger()
    run_id = store.begin_run("ray", settings.workers)
    raw, rejected = read_all(paths, summary, ledger)
    planned = plan(raw, store, summary, rejected, ledger)
    memory = learn_memory([p.article for p in planned], store.memory_rows())
    store.add_memory(memory.to_rows({p.article.id for p in planned}))  # type: ignore[attr-defined]
    if planned:
        with tempfile.TemporaryDirectory(prefix="newsgraph-ray-") as spool:
            with ray_session(address, settings.workers):
                processor = Processor(settings, memory)
                shards = spool_results(processor, planned, settings, Path(spool), progress)
            store_shards(shards, planned, store, summary, rejected, ledger, settings.batch_size)
    finish(store, run_id, summary, rejected, ledger, started)
    return summary


class ReportedActors(Processor):
    """The driver's `Processor` for writing: knows the actors the workers reported, because an
    actor a linker mints while linking exists only in the worker that linked."""

    __slots__ = ("reported",)

    def __init__(self) -> None:
        super().__init__()
        self.reported: dict[str, Actor] = {}

    def report(self, actors: Iterable[Actor]) -> None:
        self.reported.update((a.id, a) for a in actors)

    def actors_of(self, articles: Iterable[Article]) -> list[Actor]:
        ids = {m.actor_id for a in articles for m in a.mentions if m.actor_id}
        return [self.reported[i] for i in sorted(ids) if i in self.reported]


@contextmanager
def ray_session(address: str | None, workers: int) -> Iterator[None]:
    """Connect to `address` (or start a local instance) unless Ray is already up; stop what we
    started."""
    if ray.is_initialized():
        check_capacity(workers)
        yield
        return
    # A local instance declares at least one CPU per worker, so a fixed pool larger than the
    # machine still starts (the workers share the cores) instead of waiting forever.
    cpus = None if address else max(workers, os.cpu_count() or 1)
    ray.init(address=address, num_cpus=cpus, include_dashboard=False, logging_level=logging.WARNING)
    try:
        check_capacity(workers)
        yield
    finally:
        ray.shutdown()


def check_capacity(workers: int) -> None:
    """A fixed actor pool larger than the cluster's CPUs would wait forever: say so instead."""
    cpus = ray.cluster_resources().get("CPU", 0)
    if workers > cpus:
        raise NewsgraphError(
            f"--workers {workers} needs {workers} CPUs but the Ray cluster has {cpus:g};"
            " lower --workers or add nodes"
        )


def spool_results(
    processor: Processor,
    planned: Sequence[Planned],
    settings: Settings,
    spool: Path,
    progress: Progress | None = None,
) -> list[Path]:
    """Code every planned article on an actor pool; each result block becomes a Parquet shard."""
    import pyarrow.parquet as pq
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the caller reports progress
    order = copies_together([p.content_hash for p in planned])
    items = [{KEY: key, PAYLOAD: dumps(planned[key].article)} for key in order]
    blocks = math.ceil(len(items) / settings.batch_size)
    results = ray.data.from_items(items, override_num_blocks=blocks).map_batches(
        ProcessorActor,
        fn_constructor_kwargs={"processor": processor},
        compute=ray.data.ActorPoolStrategy(size=settings.workers),
        batch_size=settings.batch_size,
        batch_format="pyarrow",
    )
    shards: list[Path] = []
    done = 0
    for batch in results.iter_batches(batch_size=None, batch_format="pyarrow"):
        block = cast("pa.Table", batch)
        shard = spool / f"part-{len(shards):05d}.parquet"
        pq.write_table(block, shard)
        shards.append(shard)
        done += block.num_rows
        if progress:
            progress(done, len(planned))
    return shards


def store_shards(
    shards: Sequence[Path],
    planned: Sequence[Planned],
    store: Store,
    summary: RunSummary,
    rejected: list[Rejected],
    ledger: Ledger,
    batch_size: int,
) -> None:
    """Merge the shards into the store with the local engine's writer, one transaction a batch."""
    writer = ReportedActors()
    pages_seen: set[PageLines] = set()
    for batch in merge_order(shards, planned, batch_size):
        good: list[Planned] = []
        for coded in batch:
            writer.report(coded.actors)
            if isinstance(coded.result, Rejected):
                rejected.append(coded.result)
            else:
                given = planned[coded.key]
                good.append(Planned(coded.result, given.known, given.raw_hash, given.content_hash))
        for p in write(store, writer, good, rejected, pages_seen):
            count_stored(p, summary, ledger)


def read_shard(shard: Path) -> list[Coded]:
    """The results stored in one shard."""
    import pyarrow.parquet as pq

    table = pq.read_table(shard)
    columns = (table.column(name).to_pylist() for name in (KEY, PAYLOAD, ACTORS))
    return [
        Coded(key, pickle.loads(payload), pickle.loads(actors))
        for key, payload, actors in zip(*columns, strict=True)
    ]


def merge_order(
    shards: Sequence[Path], planned: Sequence[Planned], batch_size: int
) -> Iterator[list[Coded]]:
    """The results in batches to write: one per shard, as they came.

    A later version of an id seen earlier in the run is held back and comes after its
    predecessors, round by round, as in the local engine.
    """
    position = {id(p): key for key, p in enumerate(planned)}
    later = [[position[id(p)] for p in round_] for round_ in rounds(planned)[1:]]
    deferred = {key for round_ in later for key in round_}
    held: dict[int, Coded] = {}
    for shard in shards:
        now = []
        for coded in read_shard(shard):
            if coded.key in deferred:
                held[coded.key] = coded
            else:
                now.append(coded)
        yield now
    for round_ in later:
        for start in range(0, len(round_), batch_size):
            yield [held.pop(key) for key in round_[start : start + batch_size]]
