"""Sample Wikinews sentences for event annotation: seeded, reproducible, runs of whole articles.

Articles are drawn from the Wikinews corpora in ../shared (CC BY), politics and conflict weighted
up by title words, then cleaned and split into sentences by the project's own cleaner and spaCy
pipeline, so each sentence's text is exactly what ingest produces. Each drawn article gives one
run of consecutive sentences from its start (cross-validation splits by article, so an article
never spans two batches). Output: data/events/batches/bNN.jsonl (400 sentences each) and
agreement.jsonl (whole runs drawn across the batches, for a second, independent annotation).

    PYTHONPATH=src python scripts/sample_event_batches.py [--seed 16]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.annotate import Annotator
from newsgraph.clean import clean_article
from newsgraph.ingest.sources import read_inputs
from newsgraph.model import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "corpora"
WIKINEWS = SHARED / "wikinews-en" / "wikinews_en.jsonl"
GUM = SHARED / "wikinews-gum" / "wikinews_gum_43.jsonl"
OUT = ROOT / "data" / "events" / "batches"

BATCHES = 8
BATCH_SIZE = 400
AGREEMENT_PER_BATCH = 40
MAX_RUN = 12  # sentences taken from one article: many articles, each a coherent run
MIN_WORDS = 4  # shorter "sentences" are datelines and headings
# Title words of politics and conflict news: such articles are drawn three times as often.
CONFLICT = re.compile(
    r"\b(war|attack|kill|bomb|troops?|army|military|police|protest|strike|sanction|talks|"
    r"minister|president|election|government|parliament|rebels?|militants?|clash|arrest|"
    r"court|accus|threat|peace|treaty|agree|summit|nuclear|vote|riot|ceasefire|un|nato|eu)",
    re.IGNORECASE,
)
CONFLICT_WEIGHT = 3.0


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive sentences of one article, with what the annotator is shown."""

    article_id: str
    published: str
    sentences: list[dict[str, str]]


def _articles() -> list[Article]:
    """Wikinews articles with text and a date; GUM news documents not already in wikinews-en."""
    articles = [a for a in read_inputs([WIKINEWS]) if isinstance(a, Article)]
    titles = {a.title for a in articles}
    gum = [
        a
        for a in read_inputs([GUM])
        if isinstance(a, Article) and a.id.startswith("GUM_news") and a.title not in titles
    ]
    return [a for a in articles + gum if a.published is not None]


def _draw(articles: list[Article], rng: random.Random, count: int) -> list[Article]:
    """Weighted sampling without replacement (Efraimidis-Spirakis keys), seeded."""
    keyed = []
    for article in articles:
        weight = CONFLICT_WEIGHT if CONFLICT.search(article.title or "") else 1.0
        keyed.append((rng.random() ** (1.0 / weight), article.id))
    by_id = {a.id: a for a in articles}
    keyed.sort(reverse=True)
    return [by_id[article_id] for _, article_id in keyed[:count]]


def _run_of(article: Article) -> Run | None:
    """The first MAX_RUN sentences of a cleaned, sentence-split article (short ones dropped)."""
    picked: list[dict[str, str]] = []
    previous = ""
    for sentence in article.sentences:
        if len(picked) == MAX_RUN:
            break
        text = sentence.text
        if len(text.split()) >= MIN_WORDS:
            picked.append(
                {
                    "sent_id": f"{article.id}#{sentence.index}",
                    "article_id": article.id,
                    "published": str(article.published),
                    "text": text,
                    "context": previous,
                }
            )
        previous = text
    if not picked:
        return None
    return Run(article.id, str(article.published), picked)


def _runs(articles: list[Article], needed: int) -> list[Run]:
    """Clean and split articles in order until enough sentences are collected."""
    annotator = Annotator(batch_size=32)
    runs: list[Run] = []
    total = 0
    for start in range(0, len(articles), 64):
        cleaned = [clean_article(a) for a in articles[start : start + 64]]
        for article in annotator.entities(cleaned):
            run = _run_of(article)
            if run is not None:
                runs.append(run)
                total += len(run.sentences)
        if total >= needed:
            break
    return runs


def _fill(runs: list[Run]) -> list[list[Run]]:
    """Batches of exactly BATCH_SIZE sentences: whole runs, the last run of a batch cut short."""
    batches: list[list[Run]] = []
    current: list[Run] = []
    size = 0
    for run in runs:
        if len(batches) == BATCHES:
            break
        room = BATCH_SIZE - size
        taken = (
            run
            if len(run.sentences) <= room
            else Run(run.article_id, run.published, run.sentences[:room])
        )
        current.append(taken)
        size += len(taken.sentences)
        if size == BATCH_SIZE:
            batches.append(current)
            current, size = [], 0
    return batches


def _agreement(batch: list[Run], rng: random.Random) -> list[dict[str, str]]:
    """About AGREEMENT_PER_BATCH sentences of a batch as whole runs, chosen at random."""
    order = list(batch)
    rng.shuffle(order)
    chosen: list[dict[str, str]] = []
    for run in order:
        if len(chosen) >= AGREEMENT_PER_BATCH:
            break
        if len(chosen) + len(run.sentences) <= AGREEMENT_PER_BATCH + 4:
            chosen.extend(run.sentences)
    return chosen


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    """Draw, split and write the batches and the agreement sample."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    articles = sorted(_articles(), key=lambda a: a.id)
    drawn = _draw(articles, rng, 600)
    runs = _runs(drawn, BATCHES * BATCH_SIZE)
    batches = _fill(runs)
    OUT.mkdir(parents=True, exist_ok=True)
    agreement: list[dict[str, str]] = []
    for number, batch in enumerate(batches, start=1):
        rows = [s for run in batch for s in run.sentences]
        _write(OUT / f"b{number:02d}.jsonl", rows)
        agreement.extend(_agreement(batch, rng))
    _write(OUT / "agreement.jsonl", agreement)
    print(f"{len(batches)} batches of {BATCH_SIZE}; agreement sample {len(agreement)} sentences")


if __name__ == "__main__":
    main()
