"""Build data/events/events.jsonl from the batches and their annotations, with a validation
report (data/events/validation.json) and, once the agreement sample has its second annotation,
the agreement figures (data/events/agreement.json).

    PYTHONPATH=src python scripts/build_event_dataset.py
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from newsgraph.evaluate.agreement import agreement
from newsgraph.events.dataset import build_records, read_batch, read_labels, record_json

ROOT = Path(__file__).resolve().parent.parent / "data" / "events"


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    """Write the corpus, its validation report and the agreement figures."""
    records, report = build_records(ROOT)
    with (ROOT / "events.jsonl").open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record_json(record), ensure_ascii=False) + "\n")
    categories = Counter(e.event for r in records for e in r.events)
    summary = {
        "sentences": len(records),
        "articles": len({r.sentence.article_id for r in records}),
        "events": sum(len(r.events) for r in records),
        "sentences_without_event": sum(not r.events for r in records),
        "events_by_category": dict(categories.most_common()),
        "problems_by_file": report,
    }
    _write_json(ROOT / "validation.json", summary)
    second_path = ROOT / "annotated" / "agreement.second.txt"
    if second_path.exists():
        sentences = read_batch(ROOT / "batches" / "agreement.jsonl")
        second = read_labels(second_path, sentences)
        wanted = {s.sent_id for s in sentences}
        first = {r.sentence.sent_id: r.events for r in records if r.sentence.sent_id in wanted}
        figures = agreement(first, second.events)
        _write_json(
            ROOT / "agreement.json",
            {**asdict(figures), "second_annotation_problems": second.problems.counts()},
        )
        print(f"agreement: {figures.sentences} sentences, kappa {figures.kappa:.3f}")
    print(f"{summary['sentences']} sentences, {summary['events']} events")


if __name__ == "__main__":
    main()
