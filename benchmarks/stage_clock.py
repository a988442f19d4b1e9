"""Seconds per phase and per stage of one ingest, without touching the library: the benchmark
wraps the engine's functions and `Processor`'s stages while the run lasts.

Each slot keeps wall seconds and CPU seconds of the process doing the work (CPU time barely moves
when other jobs load the machine). Stage times come from the worker processes (forked by the
local engine), so they add up in a shared array inherited through fork; with several workers they
are summed over workers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from multiprocessing import get_context
from types import ModuleType
from typing import Any
from unittest import mock

from newsgraph.annotate import Annotator
from newsgraph.model import Article, Rejected
from newsgraph.pipeline import Processor, StageFn
from newsgraph.store import Store

PHASES = ("read", "plan", "memory", "process", "write", "views")  # the driver's own steps
STAGES = ("entities", "link", "parse", "events", "why", "other stages")  # inside Processor.process
SLOTS = PHASES + STAGES

_clock: StageClock | None = None  # the running clock, reached by forked workers through fork
# Stage time spent in this process (wall, CPU), to isolate annotate within each process() call.
_stages_here = [0.0, 0.0]


def now() -> tuple[float, float]:
    """(wall, CPU of this process) in seconds."""
    return time.perf_counter(), time.process_time()


class StageClock:
    """Cumulative wall and CPU seconds per slot, shared with processes forked while installed."""

    def __init__(self) -> None:
        self._seconds = get_context("fork").Array("d", 2 * len(SLOTS))

    def add(self, slot: str, wall: float, cpu: float) -> None:
        index = 2 * SLOTS.index(slot)
        with self._seconds.get_lock():
            self._seconds[index] += wall
            self._seconds[index + 1] += cpu

    def since(self, slot: str, started: tuple[float, float]) -> tuple[float, float]:
        """Add the time since `started` to `slot`; returns it."""
        wall, cpu = now()
        spent = wall - started[0], cpu - started[1]
        self.add(slot, *spent)
        return spent

    def totals(self) -> dict[str, dict[str, float]]:
        with self._seconds.get_lock():
            values = self._seconds[:]
        return {
            slot: {"wall": values[2 * i], "cpu": values[2 * i + 1]} for i, slot in enumerate(SLOTS)
        }

    @contextmanager
    def installed(self, engine: ModuleType, processor_stages: bool) -> Iterator[None]:
        """Time the engine module's phases (and, for forked workers, Processor's stages)."""
        global _clock
        stack_patches: list[tuple[type, str, Any]] = []
        patches = {
            "read_inputs": timed_iterator(self, "read", engine.read_inputs),
            "plan": timed(self, "plan", engine.plan),
            "learn_memory": timed(self, "memory", engine.learn_memory),
        }
        optional = (
            ("execute", "process"),
            ("spool_results", "process"),
            ("refresh_views", "views"),
        )
        for name, slot in optional:
            if hasattr(engine, name):
                wrap = timed_iterator if name == "execute" else timed
                patches[name] = wrap(self, slot, getattr(engine, name))
        if processor_stages:
            patches["Processor"] = TimedProcessor
            for phase in ("entities", "parse"):
                method = _timed_stage(phase, getattr(Annotator, phase))
                stack_patches.append((Annotator, phase, method))
        with ExitStack() as stack:
            for owner, name, value in stack_patches:
                stack.enter_context(mock.patch.object(owner, name, value))
            for name, value in patches.items():
                stack.enter_context(mock.patch.object(engine, name, value))
            write = timed(self, "write", Store.write_articles)
            stack.enter_context(mock.patch.object(Store, "write_articles", write))
            _clock = self
            try:
                yield
            finally:
                _clock = None


def timed(clock: StageClock, slot: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = now()
        try:
            return fn(*args, **kwargs)
        finally:
            clock.since(slot, started)

    return wrapper


def timed_iterator(
    clock: StageClock, slot: str, fn: Callable[..., Iterator[Any]]
) -> Callable[..., Iterator[Any]]:
    """Time only the steps of a generator, not what the caller does between them."""

    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        items = fn(*args, **kwargs)
        while True:
            started = now()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                clock.since(slot, started)
            yield item

    return wrapper


def _timed_stage(name: str, stage: Callable[..., Any]) -> Callable[..., Any]:
    slot = name if name in STAGES else "other stages"

    def run(*args: Any) -> Any:
        started = now()
        try:
            return stage(*args)
        finally:
            if _clock is not None:
                wall, cpu = _clock.since(slot, started)
                _stages_here[0] += wall
                _stages_here[1] += cpu

    return run


class TimedProcessor(Processor):
    """`Processor` with a clock per stage; "other stages" is the rest of `process`."""

    __slots__ = ()

    @staticmethod
    def _run(name: str, article: Article, stage: StageFn) -> Article | Rejected:
        return Processor._run(name, article, _timed_stage(name, stage))

    def process(self, batch: Sequence[Article]) -> list[Article | Rejected]:
        started, before = now(), list(_stages_here)
        results = super().process(batch)
        if _clock is not None:
            wall, cpu = now()
            _clock.add(
                "other stages",
                wall - started[0] - (_stages_here[0] - before[0]),
                cpu - started[1] - (_stages_here[1] - before[1]),
            )
        return results
