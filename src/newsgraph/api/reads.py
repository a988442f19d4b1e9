"""Plain reads of the store tables, shaped as the API's response models (dicts of the same fields).

Only listings and look-ups live here; questions, search, relations and the graph come from
`newsgraph.query`. User text reaches SQL only as bound parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsgraph.store import Store

Row = dict[str, Any]

_EVENT_COLUMNS = (
    "e.id, e.article_id, a.title AS article_title, e.sentence, s.text AS sentence_text,"
    " e.trigger_start, e.trigger_end,"
    " e.trigger_text, e.source, e.target, e.cameo, e.cameo_root, e.goldstein, e.quad_class,"
    " e.plover, e.mode, e.context, e.place, e.place_country, e.date, e.date_text, e.negated,"
    " e.hypothetical, e.confidence, e.pattern_id, e.coder_version, e.rule_detail, e.published"
)
_EVENT_FROM = (
    " FROM events e LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence"
    " LEFT JOIN articles a ON a.id = e.article_id AND a.is_current"
)


def _count(store: Store, sql: str, params: Sequence[Any] = ()) -> int:
    return int(store.query(sql, params)[0]["n"])


def _span(start: Any, end: Any, text: Any) -> Row:
    return {"start": start, "end": end, "text": text}


def article_page(store: Store, limit: int, offset: int) -> tuple[list[Row], int]:
    """The latest current articles (by publication date, then arrival), with counts."""
    rows = store.query(
        "SELECT a.id, a.title, a.published, a.site, a.url, a.source, a.section,"
        " left(a.clean_text, 280) AS snippet,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,"
        " (SELECT count(*) FROM motives m WHERE m.article_id = a.id) AS motives,"
        " (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims"
        " FROM articles a WHERE a.is_current"
        " ORDER BY a.published DESC NULLS LAST, a.ingested_at DESC, a.id LIMIT ? OFFSET ?",
        [limit, offset],
    )
    top = _top_actors(store, [r["id"] for r in rows])
    for row in rows:
        row["snippet"] = _snippet(row["snippet"] or "")
        row["actors"] = top.get(row["id"], [])
    return rows, _count(store, "SELECT count(*) AS n FROM articles WHERE is_current")


def _snippet(text: str, size: int = 240) -> str:
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    return text[:size].rsplit(" ", 1)[0] + " …"


def _top_actors(store: Store, article_ids: list[str], per_article: int = 4) -> dict[str, list[str]]:
    if not article_ids:
        return {}
    rows = store.query(
        "SELECT article_id, name FROM ("
        " SELECT m.article_id, coalesce(a.name, m.text) AS name, count(*) AS n,"
        " row_number() OVER (PARTITION BY m.article_id"
        " ORDER BY count(*) DESC, coalesce(a.name, m.text)) AS rank"
        " FROM mentions m LEFT JOIN actors a ON a.id = m.actor_id"
        " WHERE m.kind = 'actor' AND m.actor_id IS NOT NULL"
        " AND m.article_id IN (SELECT unnest(?)) GROUP BY m.article_id, coalesce(a.name, m.text)"
        ") WHERE rank <= ? ORDER BY article_id, rank",
        [article_ids, per_article],
    )
    result: dict[str, list[str]] = {}
    for row in rows:
        result.setdefault(row["article_id"], []).append(row["name"])
    return result


def article(store: Store, article_id: str) -> Row | None:
    """One current article with its sentences, mentions, events, motives and claims."""
    row = store.article(article_id)
    if row is None:
        return None
    aid = row["id"]
    sentences = store.query(
        'SELECT idx AS index, start, "end", paragraph, text FROM sentences'
        " WHERE article_id = ? ORDER BY idx",
        [aid],
    )
    mentions = store.query(
        'SELECT m.sentence, m.start, m."end", m.text, m.kind, m.actor_id, a.name AS actor_name,'
        " m.code, m.role, m.country, m.resolved_by FROM mentions m"
        " LEFT JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ? ORDER BY m.start",
        [aid],
    )
    return {
        **{k: row[k] for k in ("id", "version", "title", "published", "site", "url", "source")},
        **{k: row[k] for k in ("section", "author", "language", "language_confidence")},
        **{k: row[k] for k in ("ingested_at", "clean_text")},
        "notes": list(row["notes"] or []),
        "paragraphs": [list(p) for p in row["paragraphs"] or []],
        "sentences": sentences,
        "mentions": mentions,
        "events": events(store, article_id=aid, limit=10_000, offset=0)[0],
        "motives": motives(store, article_id=aid, limit=10_000, offset=0)[0],
        "claims": claims(store, article_id=aid, limit=10_000, offset=0)[0],
        "sources": store.sources_of(aid),
    }


def actor_names(store: Store, actor_ids: Iterable[str | None]) -> dict[str, str]:
    """The canonical name of each known actor id."""
    ids = sorted({i for i in actor_ids if i})
    if not ids:
        return {}
    rows = store.query("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?))", [ids])
    return {r["id"]: r["name"] for r in rows if r["name"]}


def _named(store: Store, events: list[Row]) -> list[Row]:
    """Events whose participants carry their actor's canonical name (not only an id or a word)."""
    refs = [ref for e in events for ref in (*e["source"], *e["target"])]
    names = actor_names(store, (ref["actor_id"] for ref in refs))
    for ref in refs:
        ref["name"] = names.get(ref["actor_id"] or "", ref["name"])
    return events


def _event(row: Row) -> Row:
    return {
        **{k: row[k] for k in ("id", "article_id", "article_title", "sentence", "sentence_text")},
        "trigger": _span(row["trigger_start"], row["trigger_end"], row["trigger_text"]),
        "source": list(row["source"] or []),
        "target": list(row["target"] or []),
        **{
            k: row[k]
            for k in (
                "cameo",
                "cameo_root",
                "goldstein",
                "quad_class",
                "plover",
                "mode",
                "context",
                "place",
                "place_country",
                "date",
                "date_text",
                "negated",
                "hypothetical",
                "confidence",
                "published",
            )
        },
        "rule": {
            "pattern_id": row["pattern_id"],
            "coder_version": row["coder_version"],
            "detail": row["rule_detail"],
        },
    }


def events(
    store: Store,
    limit: int,
    offset: int,
    article_id: str | None = None,
    actor_id: str | None = None,
    code: str | None = None,
    cameo: str | None = None,
) -> tuple[list[Row], int]:
    """Events, filtered by article, actor id, actor code prefix or CAMEO code prefix."""
    where: list[str] = []
    params: list[Any] = []
    if article_id:
        where.append("e.article_id = ?")
        params.append(article_id)
    if actor_id:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
        params.append(actor_id)
    if code:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE starts_with(code, ?))")
        params.append(code.upper())
    if cameo:
        where.append("starts_with(e.cameo, ?)")
        params.append(cameo)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = store.query(
        f"SELECT {_EVENT_COLUMNS}{_EVENT_FROM}{clause}"
        " ORDER BY coalesce(e.date, CAST(e.published AS VARCHAR)) NULLS LAST, e.article_id,"
        " e.sentence, e.trigger_start LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    total = _count(store, f"SELECT count(*) AS n FROM events e{clause}", params)
    return _named(store, [_event(r) for r in rows]), total


def motives(
    store: Store, limit: int, offset: int, article_id: str | None = None
) -> tuple[list[Row], int]:
    clause, params = (" WHERE m.article_id = ?", [article_id]) if article_id else ("", [])
    rows = store.query(
        "SELECT m.*, s.text AS sentence_text FROM motives m"
        " LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence"
        f"{clause} ORDER BY m.article_id, m.sentence, m.cause_start LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    items = [
        {
            **{k: r[k] for k in ("id", "article_id", "sentence", "sentence_text", "cue")},
            "cause": _span(r["cause_start"], r["cause_end"], r["cause_text"]),
            "effect": _span(r["effect_start"], r["effect_end"], r["effect_text"]),
            **{k: r[k] for k in ("effect_sentence", "event_id", "certainty")},
            "holder": list(r["holder"] or []),
        }
        for r in rows
    ]
    return items, _count(store, f"SELECT count(*) AS n FROM motives m{clause}", params)


def claims(
    store: Store,
    limit: int,
    offset: int,
    article_id: str | None = None,
    certainty: str | None = None,
) -> tuple[list[Row], int]:
    where: list[str] = []
    params: list[Any] = []
    if article_id:
        where.append("c.article_id = ?")
        params.append(article_id)
    if certainty:
        where.append("c.certainty = ?")
        params.append(certainty)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = store.query(
        "SELECT c.*, s.text AS sentence_text FROM claims c"
        " LEFT JOIN sentences s ON s.article_id = c.article_id AND s.idx = c.sentence"
        f"{clause} ORDER BY c.article_id, c.sentence, c.start LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    items = [
        {
            **{k: r[k] for k in ("id", "article_id", "sentence", "sentence_text", "certainty")},
            "span": _span(r["start"], r["end"], r["text"]),
            "holder": list(r["holder"] or []),
            "cue": r["cue"],
        }
        for r in rows
    ]
    return items, _count(store, f"SELECT count(*) AS n FROM claims c{clause}", params)


def actor_page(
    store: Store, limit: int, offset: int, name: str | None = None
) -> tuple[list[Row], int]:
    """Actors, most mentioned first; `name` keeps those whose name, id or code contains it."""
    clause, params = "", []
    if name:
        clause = (
            " WHERE contains(lower(a.name), lower(?)) OR contains(lower(a.id), lower(?))"
            " OR starts_with(a.code, upper(?))"
        )
        params = [name, name, name]
    rows = store.query(
        "SELECT a.id, a.name, a.code, a.kind, a.country, count(m.actor_id) AS mentions,"
        " count(DISTINCT m.article_id) AS articles FROM actors a"
        f" LEFT JOIN mentions m ON m.actor_id = a.id{clause}"
        " GROUP BY ALL ORDER BY mentions DESC, a.name, a.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return rows, _count(store, f"SELECT count(*) AS n FROM actors a{clause}", params)


def actor(store: Store, actor_id: str) -> Row | None:
    """One actor with its roles, aliases and how often it is mentioned."""
    found = store.query(
        "SELECT a.*, (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,"
        " (SELECT count(DISTINCT article_id) FROM mentions m WHERE m.actor_id = a.id) AS articles"
        " FROM actors a WHERE a.id = ?",
        [actor_id],
    )
    if not found:
        return None
    row = found[0]
    return {
        **{k: row[k] for k in ("id", "name", "code", "kind", "country", "mentions", "articles")},
        "aliases": list(row["aliases"] or []),
        "roles": list(row["roles"] or []),
        "source": row["source"],
    }


def events_by_ids(store: Store, ids: list[str]) -> list[Row]:
    """Full event rows for the given ids (in no particular order)."""
    if not ids:
        return []
    rows = store.query(
        f"SELECT {_EVENT_COLUMNS}{_EVENT_FROM} WHERE e.id IN (SELECT unnest(?))", [ids]
    )
    return _named(store, [_event(r) for r in rows])


def event_date_range(store: Store) -> Row:
    """The first and last day with events (coded date, else publication day), ISO or None."""
    row = store.query(
        "SELECT min(day) AS first, max(day) AS last FROM (SELECT CASE WHEN length(date) >= 10"
        " THEN left(date, 10) ELSE CAST(published AS VARCHAR) END AS day FROM events)"
    )[0]
    return {"first": row["first"], "last": row["last"]}
