"""Throughput benchmark: the whole pipeline into a fresh store against spaCy's `nlp.pipe` alone.

Both run over the same BBC texts (read-only, ../shared), in separate fresh processes, with the same
model, batch size and number of processes; each is timed as a whole process (start-up and model
load included) while a sampler records the peak memory of its process tree. The report gives
articles/s, words/s, the ratio pipeline ÷ baseline, seconds per phase and stage, and how the cost
grows with the number of articles.

Run: PYTHONPATH=src .venv/bin/python benchmarks/pipeline.py [--limit N] [--workers N]
     [--sizes 100,500,1000,2225] [--engine local|ray] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from process_tree import TreeSampler

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "data" / "corpora" / "bbc-news-2225" / "bbc.jsonl"
MB = 1024 * 1024
log = logging.getLogger("benchmarks.pipeline")


@dataclass(slots=True)
class Measure:
    """One child process: wall time, peak tree memory and what it reported about itself."""

    seconds: float
    cpu_seconds: float  # user + system of the whole tree: less sensitive to other jobs' load
    peak_rss_mb: float
    peak_pss_mb: float
    processes: int
    load_before: float
    load_after: float
    report: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class SizeResult:
    """Pipeline and baseline over the same first `articles` texts."""

    articles: int
    words: int
    pipeline: Measure
    baseline: Measure

    @property
    def ratio(self) -> float:
        return self.baseline.seconds / self.pipeline.seconds  # equal words: words/s ÷ words/s

    @property
    def cpu_ratio(self) -> float:
        return self.baseline.cpu_seconds / self.pipeline.cpu_seconds


def read_texts(corpus: Path, limit: int) -> list[dict[str, Any]]:
    """The first `limit` records of the JSONL corpus."""
    records = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if len(records) == limit:
                break
            records.append(json.loads(line))
    return records


def words_in(records: list[dict[str, Any]]) -> int:
    """Whitespace-separated words of the input texts: one count for pipeline and baseline."""
    return sum(len(str(r.get("text", "")).split()) for r in records)


def measure(command: list[str], report_path: Path, src: Path) -> Measure:
    """Run one child process to the end, sampling its tree's memory."""
    load_before = os.getloadavg()[0]
    used_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(src), str(REPO / "benchmarks")]),
    }
    child = subprocess.Popen(command, env=env)
    with TreeSampler(child.pid) as sampler:
        code = child.wait()
    seconds = time.perf_counter() - started
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = used.ru_utime + used.ru_stime - used_before.ru_utime - used_before.ru_stime
    cpu = max(waited, sampler.peak.cpu_seconds)  # the sampler also sees processes never waited for
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {code}")
    return Measure(
        seconds=seconds,
        cpu_seconds=cpu,
        peak_rss_mb=sampler.peak.rss / MB,
        peak_pss_mb=sampler.peak.pss / MB,
        processes=sampler.peak.processes,
        load_before=load_before,
        load_after=os.getloadavg()[0],
        report=json.loads(report_path.read_text()),
    )


def run_size(args: argparse.Namespace, records: list[dict[str, Any]], work: Path) -> SizeResult:
    """Pipeline then baseline over the same texts, each in a fresh process (fresh store)."""
    texts = work / f"bbc-{len(records)}.jsonl"
    texts.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    common = ["--input", str(texts), "--workers", str(args.workers)]
    common += ["--batch-size", str(args.batch_size), "--baseline", args.baseline]
    results = {}
    for role in ("pipeline", "baseline"):
        report = work / f"{role}-{len(records)}.json"
        store = work / f"fresh-{len(records)}.duckdb"
        command = [sys.executable, __file__, "--child", role, "--out", str(report), *common]
        command += ["--db", str(store), "--engine", args.engine]
        log.info("%s over %d articles", role, len(records))
        results[role] = measure(command, report, args.src)
        store.unlink(missing_ok=True)
    return SizeResult(len(records), words_in(records), results["pipeline"], results["baseline"])


# -- the two children ------------------------------------------------------------------------


def child_pipeline(args: argparse.Namespace) -> dict[str, Any]:
    """The whole ingest into a fresh store, with phases (and local workers' stages) timed."""
    from stage_clock import PHASES, STAGES, StageClock

    from newsgraph.config import Settings
    from newsgraph.store import Store

    settings = Settings(batch_size=args.batch_size, workers=args.workers)
    clock = StageClock()
    if args.engine == "ray":
        import newsgraph.run.ray as engine

        run = engine.ingest_ray
    else:
        import newsgraph.run.local as engine  # type: ignore[no-redef]

        run = engine.ingest  # type: ignore[attr-defined]
    started = time.perf_counter()
    with Store(args.db) as store, clock.installed(engine, processor_stages=args.engine == "local"):
        summary = run([args.input], store, settings)
    return {
        "seconds": time.perf_counter() - started,
        "summary": summary.as_dict(),
        "times": clock.totals(),
        "phases": PHASES,
        "stages": STAGES,
        "model": settings.model,
        "blas": settings.blas,
    }


def child_baseline(args: argparse.Namespace) -> dict[str, Any]:
    """spaCy alone: the same model with all its components over the same texts."""
    from newsgraph.annotate.nlp import index_lemmas_by_set, load_model
    from newsgraph.config import Settings

    model = Settings().model
    started = time.perf_counter()
    if args.baseline == "installed":  # spaCy as installed: blis, its own lemma tables
        nlp = load_model(model, "blis")
    else:  # given the model-level fixes the pipeline makes to spaCy itself
        nlp = load_model(model, "numpy")
        index_lemmas_by_set(nlp)
    loaded = time.perf_counter()
    texts = [str(r.get("text", "")) for r in read_texts(Path(args.input), sys.maxsize)]
    docs = 0
    for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
        docs += 1
    return {
        "seconds": time.perf_counter() - started,
        "load_seconds": loaded - started,
        "docs": docs,
        "components": nlp.pipe_names,
        "model": model,
        "blas": "blis" if args.baseline == "installed" else "numpy",
        "baseline": args.baseline,
    }


# -- report ----------------------------------------------------------------------------------


def machine(src: Path) -> dict[str, Any]:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpuinfo.read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    return {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "system": platform.platform(),
        "code": code_of(src),
    }


def code_of(src: Path) -> str:
    """The code measured: the repository's HEAD (marked when the tree has changes), or `src`."""
    if src.resolve() != (REPO / "src").resolve():
        return str(src)
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}+changes" if dirty else head


def format_report(args: argparse.Namespace, host: dict[str, Any], sizes: list[SizeResult]) -> str:
    model = sizes[0].pipeline.report["model"]
    components = ", ".join(sizes[0].baseline.report["components"])
    lines = [
        f"newsgraph pipeline vs spaCy nlp.pipe — {host['date']}, code {host['code']},"
        f" {host['cpus']} CPUs ({host['cpu']})",
        f"engine {args.engine}, workers/n_process {args.workers}, batch {args.batch_size},"
        f" model {model} (baseline components: {components})",
        f"baseline: spaCy {sizes[0].baseline.report.get('baseline', 'installed')};"
        f" matrix library: pipeline {sizes[0].pipeline.report.get('blas', 'blis')},"
        f" baseline {sizes[0].baseline.report.get('blas', 'blis')}",
        "whole process (start-up and model load included): wall seconds, and CPU seconds of the"
        " process tree; memory = peak RSS (and PSS) of the tree; load = 1-min load average before",
        "",
        "articles   words | pipeline   wall    cpu  art/s words/s RSS MB PSS MB |"
        " baseline   wall    cpu words/s RSS MB | ratio cpu-ratio load",
    ]
    for s in sizes:
        p, b = s.pipeline, s.baseline
        lines.append(
            f"{s.articles:>8} {s.words:>7} | {'':>8} {p.seconds:>6.1f} {p.cpu_seconds:>6.1f}"
            f" {s.articles / p.seconds:>6.2f} {s.words / p.seconds:>7.0f} {p.peak_rss_mb:>6.0f}"
            f" {p.peak_pss_mb:>6.0f} | {'':>8} {b.seconds:>6.1f} {b.cpu_seconds:>6.1f}"
            f" {s.words / b.seconds:>7.0f} {b.peak_rss_mb:>6.0f} | {s.ratio:>5.2f}"
            f" {s.cpu_ratio:>9.2f} {max(p.load_before, b.load_before):>4.1f}"
        )
    lines += ["", "cost growth: wall (cpu) seconds per 1,000 words, pipeline | baseline"]
    for s in sizes:
        per = 1000 / s.words
        p, b = s.pipeline, s.baseline
        lines.append(
            f"{s.articles:>8}: {per * p.seconds:.2f} ({per * p.cpu_seconds:.2f})"
            f" | {per * b.seconds:.2f} ({per * b.cpu_seconds:.2f})"
        )
    last = sizes[-1]
    times = last.pipeline.report["times"]
    total = last.pipeline.report["seconds"]
    lines += [
        "",
        f"where the pipeline's time goes, {last.articles} articles ({total:.1f}s wall in the run):",
        f"  {'phase':<13} {'wall s':>8} {'cpu s':>8} {'% wall':>7}",
    ]
    phases = last.pipeline.report["phases"]
    for phase in phases:
        wall, cpu = times[phase]["wall"], times[phase]["cpu"]
        lines.append(f"  {phase:<13} {wall:>8.1f} {cpu:>8.1f} {100 * wall / total:>7.1f}")
    rest = total - sum(times[p]["wall"] for p in phases)
    lines.append(f"  {'rest':<13} {rest:>8.1f} {'':>8} {100 * rest / total:>7.1f}")
    stages = {k: times[k] for k in last.pipeline.report["stages"]}
    cpu_total = sum(t["cpu"] for t in stages.values())
    if cpu_total:
        lines.append(f"  inside process, summed over workers ({'% cpu':>5}):")
        for name, t in stages.items():
            share = 100 * t["cpu"] / cpu_total
            lines.append(f"    {name:<11} {t['wall']:>8.1f} {t['cpu']:>8.1f} {share:>7.1f}")
        spacy_cpu = stages["entities"]["cpu"] + stages["parse"]["cpu"]
        lines.append(
            f"  spaCy (entities + parse) CPU is {spacy_cpu / last.baseline.cpu_seconds:.2f} x the"
            " whole baseline's CPU (same texts)"
        )
    start_up = last.pipeline.seconds - total
    lines.append(f"  process start-up, imports, exit: {start_up:.1f}s")
    summary = last.pipeline.report["summary"]
    lines.append(
        f"stored {summary['stored']} (duplicates {summary['duplicates']}, quarantined"
        f" {summary['quarantined']}), {summary['events']} events, {summary['claims']} claims,"
        f" {summary['motives']} motives"
    )
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N articles (one size)")
    parser.add_argument("--sizes", default="100,500,1000,2225", help="article counts to run")
    parser.add_argument("--workers", type=int, default=1, help="processes (n_process for spaCy)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument(
        "--baseline",
        choices=("installed", "tuned"),
        default="installed",
        help="spaCy as installed, or tuned as the pipeline tunes it (numpy's BLAS on one thread,"
        " lemma tables as sets): same model, same components",
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--src", type=Path, default=REPO / "src", help="package sources to measure (e.g. an export)"
    )
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--child", choices=("pipeline", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The children are measured: only the library's warnings, not its progress lines.
    logging.basicConfig(level=logging.WARNING if args.child else logging.INFO, format="%(message)s")
    if args.child:
        run = child_pipeline if args.child == "pipeline" else child_baseline
        args.out.write_text(json.dumps(run(args), default=str))
        return 0
    if not args.corpus.is_file():
        log.error(
            "%s is missing (the BBC corpus is read from ../shared, never copied)", args.corpus
        )
        return 1
    sizes = [args.limit] if args.limit else [int(n) for n in args.sizes.split(",")]
    host = machine(args.src)
    results = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as work:
        for size in sizes:
            results.append(run_size(args, read_texts(args.corpus, size), Path(work)))
    sys.stdout.write(format_report(args, host, results) + "\n")
    if args.json:
        figures = {"machine": host, "args": vars(args), "sizes": [asdict(r) for r in results]}
        args.json.write_text(json.dumps(figures, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
