"""Scale benchmark: ingest cost per increment against store size, and read latency on a grown store.

Increments: a corpus made from the BBC (read-only, ../shared) and English Wikinews texts — copies
under new ids with perturbed text (a sentence dropped, two swapped), dates spread over ten years,
one article in ten a near-copy of an earlier one — ingested increment by increment into one store,
each increment a fresh `newsgraph ingest` process: wall time, seconds per phase (views split into
search index, stories), and peak RSS of its process tree, against the store size before it.

Reads: the store the increments built is grown by bulk-copying its rows under new ids and shifted
dates (no pipeline runs on the copies: a read benchmark only) to each size asked, the search index
rebuilt, then p50/p95 latency of `ask`, `search`, an actor page, `relations` and `/api/events` page
100 (each the function the API calls, in-process, store opened read-only).

Run: PYTHONPATH=src .venv/bin/python benchmarks/scale.py [--increments 6 --size 200 | --full]
     [--read-sizes 10000,100000] [--workers 1] [--work DIR] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from pipeline import REPO, Measure, measure

SHARED = REPO / ".." / "shared" / "data" / "corpora"
SOURCES = (SHARED / "bbc-news-2225" / "bbc.jsonl", SHARED / "wikinews-en" / "wikinews_en.jsonl")
FIRST_DAY = date(2015, 1, 1)
DAYS = 3652  # dates spread over ten years
NEAR_COPY_SHARE = 0.1
COPY_SHIFT_DAYS = 53  # a bulk copy's dates move by k * this, so copies do not pile on one day
READ_REPEATS = 15
log = logging.getLogger("benchmarks.scale")


# -- the corpus ------------------------------------------------------------------------------


def base_texts() -> list[dict[str, str]]:
    """Title and text of every source article, in file order."""
    records = []
    for path in SOURCES:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if row.get("text"):
                    records.append({"title": row.get("title") or "", "text": row["text"]})
    return records


def perturb(text: str, rng: random.Random) -> str:
    """The text with one sentence dropped and two neighbours swapped (paragraphs kept)."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    if len(paragraphs) > 3:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    return "\n\n".join(paragraphs)


def corpus(total: int, seed: int = 19) -> Iterator[dict[str, str]]:
    """`total` JSONL records: perturbed copies under new ids, one in ten a near-copy of another."""
    rng = random.Random(seed)
    texts = base_texts()
    order = list(range(len(texts)))
    rng.shuffle(order)
    made: list[dict[str, str]] = []
    for i in range(total):
        if made and rng.random() < NEAR_COPY_SHARE:
            earlier = made[rng.randrange(len(made))]
            day = date.fromisoformat(earlier["published"]) + timedelta(rng.randrange(3))
            title, text = earlier["title"], perturb(earlier["text"], rng)
        else:
            base = texts[order[i % len(order)]]
            day = FIRST_DAY + timedelta(rng.randrange(DAYS))
            title, text = base["title"], perturb(base["text"], rng)
        record = {"id": f"scale-{i:06d}", "title": title, "text": text, "published": str(day)}
        made.append(record)
        yield record


# -- increments ------------------------------------------------------------------------------


@dataclass(slots=True)
class Increment:
    """One increment's ingest, measured as a whole process."""

    index: int
    articles_before: int
    articles_after: int
    measure: Measure


def ingest_part(
    args: argparse.Namespace, work: Path, name: str, records: list[dict[str, str]], before: int
) -> Increment:
    """Ingest `records` into the benchmark's store in a fresh, measured process."""
    part = work / f"{name}.jsonl"
    part.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = work / f"{name}.json"
    command = [sys.executable, __file__, "--child", "ingest", "--input", str(part)]
    command += ["--db", str(work / "scale.duckdb"), "--out", str(report)]
    command += ["--workers", str(args.workers)]
    found = measure(command, report, args.src)
    log.info(
        "  %.1fs, views %.1fs (%.1f CPU), peak RSS %.0f MB",
        found.seconds,
        found.report["views"],
        found.report["views cpu"],
        found.peak_rss_mb,
    )
    return Increment(0, before, int(found.report["articles"]), found)


def run_increments(
    args: argparse.Namespace, work: Path, records: list[dict[str, str]]
) -> list[Increment]:
    (work / "scale.duckdb").unlink(missing_ok=True)
    results = []
    before = 0
    for k in range(args.increments):
        chunk = records[k * args.size : (k + 1) * args.size]
        log.info("increment %d/%d into a store of %d articles", k + 1, args.increments, before)
        done = ingest_part(args, work, f"increment-{k:02d}", chunk, before)
        done.index = k + 1
        results.append(done)
        before = done.articles_after
    return results


@contextmanager
def timing(owner: object, names: tuple[str, ...], spent: dict[str, float]) -> Iterator[None]:
    """Add the wall seconds of each call of `owner.<name>` to `spent[name]`, and this process's
    CPU seconds to `spent[name + " cpu"]` (steadier on a loaded machine), while installed."""
    with ExitStack() as stack:
        for name in names:
            if not hasattr(owner, name):
                continue
            original = getattr(owner, name)

            def timed(*a: Any, _f: Callable[..., Any] = original, _n: str = name, **kw: Any) -> Any:
                started, cpu = time.perf_counter(), time.process_time()
                try:
                    return _f(*a, **kw)
                finally:
                    spent[_n] = spent.get(_n, 0.0) + time.perf_counter() - started
                    spent[_n + " cpu"] = spent.get(_n + " cpu", 0.0) + time.process_time() - cpu

            stack.enter_context(mock.patch.object(owner, name, timed))
        yield


def child_ingest(args: argparse.Namespace) -> dict[str, Any]:
    """One `ingest` of an increment, with the views' parts timed."""
    import newsgraph.query.search as search
    import newsgraph.query.stories as stories
    import newsgraph.run.local as engine
    from newsgraph.config import Settings
    from newsgraph.store import Store

    spent: dict[str, float] = {}
    settings = Settings(workers=args.workers)
    started = time.perf_counter()
    with ExitStack() as stack:
        stack.enter_context(timing(engine, ("refresh_views", "learn_memory", "plan"), spent))
        stack.enter_context(timing(search, ("rebuild_search_index", "refresh_search_index"), spent))
        stack.enter_context(timing(stories, ("assign_stories", "update_stories"), spent))
        with Store(args.db) as store:
            summary = engine.ingest([args.input], store, settings)
            articles = store.counts()["articles"]
    return {
        "seconds": time.perf_counter() - started,
        "summary": summary.as_dict(),
        "articles": articles,
        "views": spent.get("refresh_views", 0.0),
        "views cpu": spent.get("refresh_views cpu", 0.0),
        "parts": spent,
    }


# -- reads on a grown store ------------------------------------------------------------------

# Every table keyed by article, with the columns a copy renames (`~k` appended) and dates it shifts.
COPIED = {
    "articles": ("id",),
    "sentences": ("article_id",),
    "mentions": ("article_id",),
    "events": ("id", "article_id"),
    "event_actors": ("event_id", "article_id"),
    "motives": ("id", "article_id", "event_id"),
    "claims": ("id", "article_id"),
    "stories": ("article_id", "story_id", "duplicate_of"),
    "story_indexed": ("article_id",),
    "story_bands": ("article_id",),
    "actor_memory": ("article_id",),
}
SHIFTED = {
    "articles": ("published",),
    "events": ("published",),
    "story_indexed": ("published",),
    "actor_memory": ("published",),
}


def grow(db: Path, target: int) -> int:
    """Bulk-copy the store's original articles (and every row keyed by them) until it holds
    about `target` current articles; returns the count. Copy k renames ids `<id>~k` and moves
    dates k * COPY_SHIFT_DAYS later (coded event dates too)."""
    import duckdb

    con = duckdb.connect(str(db))
    try:
        (originals,) = con.execute(
            "SELECT count(*) FROM articles WHERE is_current AND NOT contains(id, '~')"
        ).fetchone()
        (have,) = con.execute("SELECT count(*) FROM articles WHERE is_current").fetchone()
        (k,) = con.execute(
            "SELECT 1 + coalesce(max(TRY_CAST(split_part(id, '~', 2) AS INTEGER)), 0) FROM articles"
        ).fetchone()
        while have < target:
            for table, renamed in COPIED.items():
                columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
                select = []
                for column in columns:
                    quoted = f'"{column}"'
                    if column in renamed:
                        select.append(f"{quoted} || '~{k}'")
                    elif column in SHIFTED.get(table, ()):
                        select.append(f"{quoted} + INTERVAL {k * COPY_SHIFT_DAYS} DAY")
                    elif table == "events" and column == "date":
                        select.append(
                            f"CASE WHEN length(date) >= 10 THEN strftime(CAST(left(date, 10) AS"
                            f" DATE) + INTERVAL {k * COPY_SHIFT_DAYS} DAY, '%Y-%m-%d')"
                            " ELSE date END"
                        )
                    else:
                        select.append(quoted)
                origin = "id" if table == "articles" else "article_id"
                con.execute(
                    f"INSERT INTO {table} SELECT {', '.join(select)} FROM {table}"
                    f" WHERE NOT contains({origin}, '~')"
                )
            have += originals
            k += 1
            log.info("  grown to %d articles", have)
    finally:
        con.close()
    return int(have)


def read_queries(store: Any) -> dict[str, Callable[[], object]]:
    """The timed reads: what the API runs for each, with arguments the corpus answers."""
    from newsgraph.api import questions, reads

    actor_row = store.query(
        "SELECT actor_id FROM event_actors WHERE actor_id LIKE 'person:%'"
        " GROUP BY actor_id ORDER BY count(*) DESC, actor_id LIMIT 1"
    )
    actor_id = actor_row[0]["actor_id"] if actor_row else "country:GBR"
    return {
        "ask": lambda: questions.ask(store, "Why did the government raise taxes?"),
        "search": lambda: questions.search(store, "oil prices", 10),
        "actor page": lambda: questions.actor_detail(store, actor_id),
        "relations": lambda: questions.relations(store, "United States", "China", None, None),
        "/api/events page 100": lambda: reads.events(store, 50, 50 * 99),
    }


def latencies(db: Path, repeats: int) -> dict[str, dict[str, float]]:
    """p50/p95 milliseconds of each read over `repeats` runs (after one warm-up run)."""
    from newsgraph.api import questions
    from newsgraph.store import Store

    questions.warm_up()
    result = {}
    with Store(db, read_only=True) as store:
        for name, run in read_queries(store).items():
            run()
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                run()
                times.append(1000 * (time.perf_counter() - started))
            times.sort()
            result[name] = {
                "p50": statistics.median(times),
                "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
            }
    return result


def run_reads(
    args: argparse.Namespace, work: Path, extra: list[list[dict[str, str]]]
) -> dict[int, dict[str, Any]]:
    """At each size: grow the store, rebuild the search index, time the reads, then ingest one
    more increment of new articles into it (its views must cost what is new, not the store)."""
    from newsgraph.query.search import rebuild_search_index
    from newsgraph.store import Store

    db = work / "scale.duckdb"
    out: dict[int, dict[str, Any]] = {}
    for size, records in zip(args.read_sizes, extra, strict=True):
        log.info("reads at %d articles", size)
        have = grow(db, size)
        started = time.perf_counter()
        with Store(db) as store:
            rebuild_search_index(store)
        rebuild = time.perf_counter() - started
        out[have] = {
            "search index rebuild s": rebuild,
            "store MB": db.stat().st_size / 2**20,
            "latency ms": latencies(db, args.repeats),
        }
        log.info("  %s", json.dumps(out[have]))
        log.info("one increment of %d new articles into %d", len(records), have)
        out[have]["increment"] = asdict(ingest_part(args, work, f"at-{have}", records, have))
    return out


# -- report ----------------------------------------------------------------------------------


def format_report(increments: list[Increment], reads: dict[int, dict[str, Any]]) -> str:
    lines = []
    if increments:
        lines += [
            "| increment | store before | s | views s (index, stories) | views CPU s | peak RSS MB"
            " |",
            "|---|---|---|---|---|---|",
        ]
        for inc in increments:
            r, parts = inc.measure.report, inc.measure.report["parts"]
            stored = max(1, inc.articles_after - inc.articles_before)
            index = parts.get("rebuild_search_index", 0.0) + parts.get("refresh_search_index", 0.0)
            story = parts.get("assign_stories", 0.0) + parts.get("update_stories", 0.0)
            lines.append(
                f"| {inc.index} | {inc.articles_before:,} | {inc.measure.seconds:.1f} |"
                f" {r['views']:.2f} ({index:.2f}, {story:.2f}) | {r['views cpu']:.2f} |"
                f" {inc.measure.peak_rss_mb:,.0f} ({stored} new) |"
            )
        first, last = increments[0].measure.seconds, increments[-1].measure.seconds
        lines.append(f"\nlast increment / first: {last / first:.2f}")
    if reads:
        names = list(next(iter(reads.values()))["latency ms"])
        lines += ["", "| articles | index rebuild s | " + " | ".join(names) + " |"]
        lines.append("|---" * (len(names) + 2) + "|")
        for size, r in reads.items():
            cells = [
                f"{r['latency ms'][n]['p50']:.0f} / {r['latency ms'][n]['p95']:.0f}" for n in names
            ]
            lines.append(
                f"| {size:,} | {r['search index rebuild s']:.1f} | " + " | ".join(cells) + " |"
            )
        lines += ["", "| store | increment s | views s | views CPU s | peak RSS MB |"]
        lines.append("|---|---|---|---|---|")
        for size, r in reads.items():
            m = r["increment"]["measure"]
            lines.append(
                f"| {size:,} | {m['seconds']:.1f} | {m['report']['views']:.2f}"
                f" | {m['report']['views cpu']:.2f} | {m['peak_rss_mb']:,.0f} |"
            )
        lines.append("(latency: p50 / p95 ms)")
    return "\n".join(lines)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--increments", type=int, default=6)
    parser.add_argument("--size", type=int, default=200, help="articles per increment")
    parser.add_argument("--full", action="store_true", help="the issue's 20 increments of 500")
    parser.add_argument("--read-sizes", default="10000,100000", help="'' skips the reads")
    parser.add_argument("--reads-only", action="store_true", help="grow the store in --work")
    parser.add_argument("--repeats", type=int, default=READ_REPEATS)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--work", type=Path, help="keep the stores here (default: a temp dir)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--src", type=Path, default=REPO / "src")
    parser.add_argument("--child", choices=("ingest",), help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.full:
        args.increments, args.size = 20, 500
    args.read_sizes = [int(s) for s in args.read_sizes.split(",") if s]
    return args


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = parse_args(argv)
    if args.child:
        args.out.write_text(json.dumps(child_ingest(args), default=str))
        return 0
    if not all(p.is_file() for p in SOURCES):
        log.error("the corpora in %s are missing", SHARED)
        return 1
    with tempfile.TemporaryDirectory() as temp:
        work = args.work or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        records = list(corpus((args.increments + len(args.read_sizes)) * args.size))
        parts = [records[i : i + args.size] for i in range(0, len(records), args.size)]
        increments = [] if args.reads_only else run_increments(args, work, records)
        reads = run_reads(args, work, parts[args.increments :]) if args.read_sizes else {}
    print(format_report(increments, reads))
    if args.json:
        payload = {"increments": [asdict(i) for i in increments], "reads": reads}
        args.json.write_text(json.dumps(payload, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
