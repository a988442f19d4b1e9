"""The annotated event corpus: batch sentences + annotation files -> data/events/events.jsonl.

Each record is one sentence with all its events (offsets relative to the sentence text); the
sentences of a batch that its annotation file does not label yet are left out. The agreement
sample's second annotation is kept apart (it only measures agreement, the first one trains).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsgraph.events.annotations import (
    ActorArg,
    AnnotatedEvent,
    Annotation,
    SpanRef,
    read_annotation,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence to annotate, as the batch file gives it."""

    sent_id: str
    article_id: str
    published: str
    text: str
    context: str


@dataclass(frozen=True, slots=True)
class Record:
    """A labelled sentence of the corpus."""

    sentence: Sentence
    batch: str
    events: tuple[AnnotatedEvent, ...]


def read_batch(path: Path) -> list[Sentence]:
    """The sentences of a batch file (JSONL)."""
    with path.open(encoding="utf-8") as handle:
        return [Sentence(**json.loads(line)) for line in handle if line.strip()]


def read_labels(path: Path, sentences: list[Sentence]) -> Annotation:
    """An annotation file read against its batch's sentences."""
    texts = {s.sent_id: s.text for s in sentences}
    with path.open(encoding="utf-8") as handle:
        return read_annotation(handle, texts, path.name)


def build_records(root: Path) -> tuple[list[Record], dict[str, dict[str, int]]]:
    """Every labelled sentence of data/events (batches bNN + annotated/bNN.txt), and the
    problems found per annotation file."""
    records: list[Record] = []
    report: dict[str, dict[str, int]] = {}
    for batch_path in sorted((root / "batches").glob("b[0-9][0-9].jsonl")):
        labels_path = root / "annotated" / f"{batch_path.stem}.txt"
        if not labels_path.exists():
            continue
        sentences = read_batch(batch_path)
        annotation = read_labels(labels_path, sentences)
        report[labels_path.name] = annotation.problems.counts()
        records.extend(
            Record(s, batch_path.stem, annotation.events[s.sent_id])
            for s in sentences
            if s.sent_id in annotation.events
        )
    return records, report


def _span_json(span: SpanRef | None) -> dict[str, Any] | None:
    return None if span is None else asdict(span)


def _actor_json(actor: ActorArg) -> dict[str, Any]:
    return {"code": actor.code, "span": _span_json(actor.span)}


def record_json(record: Record) -> dict[str, Any]:
    """A record as a line of events.jsonl."""
    return {
        **asdict(record.sentence),
        "batch": record.batch,
        "events": [
            {
                "event": e.event,
                "mode": e.mode,
                "trigger": _span_json(e.trigger),
                "source": [_actor_json(a) for a in e.source],
                "target": [_actor_json(a) for a in e.target],
                "negated": e.negated,
                "hypothetical": e.hypothetical,
            }
            for e in record.events
        ],
    }


def _span(data: dict[str, Any] | None) -> SpanRef | None:
    return None if data is None else SpanRef(data["start"], data["end"], data["text"])


def read_corpus(path: Path) -> Iterator[Record]:
    """The records of an events.jsonl file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            data = json.loads(line)
            events = tuple(
                AnnotatedEvent(
                    event=e["event"],
                    mode=e["mode"],
                    trigger=_span(e["trigger"]),
                    source=tuple(ActorArg(_span(a["span"]), a["code"]) for a in e["source"]),
                    target=tuple(ActorArg(_span(a["span"]), a["code"]) for a in e["target"]),
                    negated=e["negated"],
                    hypothetical=e["hypothetical"],
                )
                for e in data.pop("events")
            )
            batch = data.pop("batch")
            yield Record(Sentence(**data), batch, events)
