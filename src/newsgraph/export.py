"""Exports: a table's rows in the field shapes users rely on, as JSONL, CSV or Parquet.

Each exporter yields plain dicts; writers turn dicts into files. Knowledge tables (events,
motives, claims) take their JSON shape from the stage that produced them, which is why this module
sits above the store and the stages rather than inside the store (the store knows no stage).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.link.sectors import sectors_of
from newsgraph.store import Store
from newsgraph.store.load import load_articles

Row = dict[str, Any]
FORMATS = ("jsonl", "csv", "parquet")


def articles(store: Store) -> Iterator[Row]:
    yield from store.query(
        "SELECT id, source, title, section, published, url, site, language, language_confidence,"
        " clean_text, raw_text, author, version, notes FROM articles WHERE is_current ORDER BY id"
    )


def mentions(store: Store) -> Iterator[Row]:
    """Mention rows with the sectors of their code in both codings (CAMEO, PLOVER)."""
    for row in store.query(
        'SELECT m.article_id, m.sentence, s.text AS sentence_text, m.start, m."end", m.text,'
        " m.kind, m.actor_id, m.code, m.role, m.country, m.resolved_by"
        " FROM mentions m LEFT JOIN sentences s"
        " ON s.article_id = m.article_id AND s.idx = m.sentence"
        " ORDER BY m.article_id, m.start"
    ):
        found = sectors_of(row["code"])
        yield {**row, "sectors": list(found.cameo), "plover_sectors": list(found.plover)}


def actors(store: Store) -> Iterator[Row]:
    yield from store.query(
        "SELECT id, name, code, kind, country, aliases, roles, source FROM actors ORDER BY id"
    )


def quarantine(store: Store) -> Iterator[Row]:
    yield from store.query(
        "SELECT source, record, reason, detail, run_id, quarantined_at FROM quarantine"
        " ORDER BY quarantined_at, source"
    )


def sources(store: Store) -> Iterator[Row]:
    """Every input item of every run and what became of it (`newsgraph.run.ledger`)."""
    yield from store.query(
        "SELECT source, item, outcome, article_id, reason, run_id, version, raw_hash, recorded_at"
        " FROM sources ORDER BY run_id NULLS FIRST, source, item NULLS FIRST, outcome"
    )


def sentences(store: Store) -> Iterator[Row]:
    yield from store.query(
        'SELECT article_id, idx AS sentence, start, "end", paragraph, text FROM sentences'
        " ORDER BY article_id, idx"
    )


def events(store: Store) -> Iterator[Row]:
    """Events in newsgraph's JSON shape (the event coder's own view)."""
    from newsgraph.events.export import event_to_json

    for article in load_articles(store):
        for event in article.events:
            yield event_to_json(event, article)


def motives(store: Store) -> Iterator[Row]:
    from newsgraph.claims import motive_to_json

    for article in load_articles(store):
        for motive in article.motives:
            yield motive_to_json(motive, article)


def claims(store: Store) -> Iterator[Row]:
    from newsgraph.claims import claim_to_json

    for article in load_articles(store):
        for claim in article.claims:
            yield claim_to_json(claim, article)


EXPORTERS: dict[str, Callable[[Store], Iterable[Row]]] = {
    "articles": articles,
    "mentions": mentions,
    "actors": actors,
    "quarantine": quarantine,
    "sources": sources,
    "sentences": sentences,
    "events": events,
    "motives": motives,
    "claims": claims,
}
EVENT_FORMATS = ("plover", "gdelt")


def write_events(store: Store, fmt: str, path: Path | None) -> int:
    """Events as PLOVER JSON records (one per line) or GDELT 2.0 event-table rows (TSV, no header,
    as GDELT publishes them; the columns are `GDELT_COLUMNS`)."""
    import sys

    from newsgraph.events.export import event_to_gdelt, event_to_plover

    out = path.open("w", encoding="utf-8", newline="") if path else sys.stdout
    count = 0
    try:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        for article in load_articles(store):
            for event in article.events:
                if fmt == "plover":
                    out.write(
                        json.dumps(event_to_plover(event, article), ensure_ascii=False) + "\n"
                    )
                else:
                    writer.writerow(
                        ["" if v is None else v for v in event_to_gdelt(event, article)]
                    )
                count += 1
    finally:
        if path:
            out.close()
    return count


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _shape(value: Any) -> str:
    return "list" if isinstance(value, list) else "dict" if isinstance(value, dict) else "scalar"


def _uniform(items: list[Row]) -> list[Row]:
    """Parquet columns need one type: a field that is sometimes a list and sometimes not (a
    compound actor, several holders) is written as JSON text in every row."""
    mixed = {
        key
        for key in {k for item in items for k in item}
        if len({_shape(i[key]) for i in items if i.get(key) is not None}) > 1
    }
    if not mixed:
        return items
    return [
        {
            k: json.dumps(v, ensure_ascii=False) if k in mixed and v is not None else v
            for k, v in item.items()
        }
        for item in items
    ]


def write(rows: Iterable[Row], fmt: str, path: Path | None) -> int:
    """Write rows in a format to a file (or stdout for jsonl/csv when path is None)."""
    import sys

    if fmt not in FORMATS:
        raise NewsgraphError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    items = [_plain(r) for r in rows]
    if fmt == "parquet":
        if path is None:
            raise NewsgraphError("parquet needs an output file: -o FILE")
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(_uniform(items)), path)
        return len(items)
    out = path.open("w", encoding="utf-8", newline="") if path else sys.stdout
    try:
        if fmt == "jsonl":
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        else:
            fields = list(items[0]) if items else []
            writer = csv.DictWriter(out, fieldnames=fields)
            writer.writeheader()
            for item in items:
                writer.writerow(
                    {
                        k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                        for k, v in item.items()
                    }
                )
    finally:
        if path:
            out.close()
    return len(items)
