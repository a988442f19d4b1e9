"""`ask` latency on a 20,000-article store, against the same questions on the sample it grew from.

Ingesting 20,000 articles would take the shared CPU for an hour, so the store is built by
ingesting SAMPLE Wikinews articles (../shared, CC BY 2.5) and then copying their rows (articles,
sentences, mentions, events, motives, claims, stories) under new ids until it holds ARTICLES
articles; the search index is then built over all of them. Copies make retrieval harder than real
news would (each matching sentence exists COPIES times), not easier. The baseline is the same
questions on the sample store alone, in the same run; a warm-up question loads spaCy and the
linker first, as the server does at start.
Run: PYTHONPATH=src .venv/bin/python benchmarks/ask_latency.py [--articles 20000] [--sample 200]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.query.actors import default_linker
from newsgraph.query.ask import ask
from newsgraph.query.search import rebuild_search_index
from newsgraph.run.local import ingest
from newsgraph.store import Store

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared/data/corpora/wikinews-en"
QUESTIONS = [
    "Why did Russia send troops to Georgia?",
    "Why was Saddam Hussein executed?",
    "Why did the United States impose sanctions on Iran?",
    "What caused the protests in Paris?",
    "What led to the resignation of the prime minister?",
    "Who won the 2008 US presidential election?",
    "Where did the summit take place?",
    "When did the strike begin?",
    "Why did oil prices rise?",
    "What prompted the president's visit?",
    "Why were the journalists arrested?",
    "Which countries signed the agreement?",
    "Why did the bank cut interest rates?",
    "What did the talks accomplish?",
    "Why did the workers go on strike?",
    "Who criticised the decision?",
    "Why did the government ban the party?",
    "What caused the violence?",
    "Why did the company cut jobs?",
    "Why did the army open fire?",
]
# Tables copied with their article id rewritten; the id column of each.
COPIED = {
    "articles": "id",
    "sentences": "article_id",
    "mentions": "article_id",
    "events": "article_id",
    "event_actors": "article_id",
    "motives": "article_id",
    "claims": "article_id",
    "stories": "article_id",
}
UNIQUE_IDS = {"events": "id", "motives": "id", "claims": "id", "event_actors": "event_id"}


def grow(store: Store, copies: int) -> None:
    """Copy every article's rows `copies` times under ids "<id>~<n>"."""
    for table, column in COPIED.items():
        names = [
            r["column_name"]
            for r in store.query(
                "SELECT column_name FROM duckdb_columns()"
                " WHERE table_name = ? AND schema_name = 'main' ORDER BY column_index",
                [table],
            )
        ]
        rewrite = {column: f"{column} || '~' || n"}
        if table in UNIQUE_IDS:
            rewrite[UNIQUE_IDS[table]] = f"{UNIQUE_IDS[table]} || '~' || n"
        if table == "stories":
            rewrite["story_id"] = "story_id || '~' || n"
            rewrite["duplicate_of"] = "duplicate_of || '~' || n"
        selected = ", ".join(rewrite.get(c, f'"{c}"') for c in names)
        store.con.execute(
            f"INSERT INTO {table} SELECT {selected} FROM {table}, range(1, ?) t(n)"
            f" WHERE {column} NOT LIKE '%~%'",
            [copies],
        )


def timings(store: Store, rounds: int) -> list[float]:
    linker = default_linker()
    ask(store, "Why did the warm-up happen?", linker)
    times = []
    for question in itertools.chain.from_iterable([QUESTIONS] * rounds):
        started = time.perf_counter()
        ask(store, question, linker)
        times.append(time.perf_counter() - started)
    return times


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="Build the store at this path and keep it.")
    args = parser.parse_args()
    source = CORPUS / "wikinews_en.jsonl"
    if not source.is_file():
        print(f"{source} is missing", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with source.open(encoding="utf-8") as lines, sample.open("w", encoding="utf-8") as out:
            for line in itertools.islice(lines, args.sample):
                out.write(line)
        with Store(args.keep or Path(tmp) / "ask.duckdb") as store:
            started = time.perf_counter()
            ingest([sample], store)
            rebuild_search_index(store)
            ingest_seconds = time.perf_counter() - started
            small = timings(store, args.rounds)
            started = time.perf_counter()
            grow(store, -(-args.articles // args.sample))
            articles = rebuild_search_index(store)
            grow_seconds = time.perf_counter() - started
            sentences = store.query("SELECT count(*) AS n FROM sentences")[0]["n"]
            large = timings(store, args.rounds)
    report = {
        "sample_articles": args.sample,
        "articles": articles,
        "sentences": sentences,
        "questions": len(large),
        "ingest_seconds": round(ingest_seconds, 1),
        "grow_and_index_seconds": round(grow_seconds, 1),
        "sample_p50_ms": round(statistics.median(small) * 1000, 1),
        "sample_p95_ms": round(p95(small), 1),
        "p50_ms": round(statistics.median(large) * 1000, 1),
        "p95_ms": round(p95(large), 1),
        "p95_ratio_to_sample": round(p95(large) / p95(small), 2),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
