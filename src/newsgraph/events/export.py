"""Event exports: newsgraph JSON, PLOVER JSON (PLOVER manual field names) and GDELT 2.0 rows."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from newsgraph.events.codebook import Codebook, default_codebook
from newsgraph.model import ActorRef, Article, Event

# The 61 columns of the GDELT 2.0 event table, in order (GDELT Event Codebook V2.0).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"Actor{n}{field}"
        for n in (1, 2)
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{who}Geo_{field}"
        for who in ("Actor1", "Actor2", "Action")
        for field in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)


def _actor_json(refs: tuple[ActorRef, ...]) -> dict[str, Any] | list[dict[str, Any]] | None:
    items = [
        {"name": r.name, "code": r.code, "text": r.text, "start": r.start, "end": r.end}
        for r in refs
    ]
    if not items:
        return None
    return items[0] if len(items) == 1 else items


def _sentence(article: Article, index: int) -> tuple[int, int, str]:
    for sentence in article.sentences:
        if sentence.index == index:
            return sentence.start, sentence.end, sentence.text
    if article.doc is not None:
        for number, span in enumerate(article.doc.sents):
            if number == index:
                return span.start_char, span.end_char, span.text
    return 0, 0, ""


def event_to_json(event: Event, article: Article) -> dict[str, Any]:
    """newsgraph's JSON view of an event: codes, actors, evidence and rule trace."""
    start, end, text = _sentence(article, event.sentence)
    return {
        "id": event.id,
        "article_id": event.article_id,
        "sentence": event.sentence,
        "sentence_text": text,
        "source": _actor_json(event.source),
        "target": _actor_json(event.target),
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "cameo_name": _name(event.cameo),
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover": event.plover or None,
        "mode": event.mode or None,
        "context": event.context or None,
        "place": event.place,
        "place_country": event.place_country,
        "date": event.date,
        "date_text": event.date_text,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "confidence": event.confidence,
        "trigger": {
            "start": event.trigger.start,
            "end": event.trigger.end,
            "text": event.trigger.text,
        },
        "evidence": {"start": start, "end": end, "text": text},
        "rule": {
            "pattern": event.rule.pattern_id,
            "coder": event.rule.coder_version,
            "detail": event.rule.detail,
        },
    }


def _name(code: str, codebook: Codebook | None = None) -> str:
    entry = (codebook or default_codebook()).get(code)
    return entry.name if entry is not None else ""


def _split_code(code: str) -> tuple[str, str]:
    """An actor code -> (3-letter top-level code, sector part)."""
    return code[:3], code[3:]


def _plover_entities(refs: tuple[ActorRef, ...]) -> list[dict[str, Any]]:
    out = []
    for ref in refs:
        top, sector = _split_code(ref.code)
        entity: dict[str, Any] = {"code": top, "sector": sector or None, "entity_text": ref.text}
        if ref.actor_id:
            entity["identifier_id"] = ref.actor_id
            entity["identifier_text"] = ref.name
        out.append(entity)
    return out


def _event_date(event: Event, article: Article) -> str | None:
    """The event's own date (possibly partial, "2004-09"), else the article's publication date."""
    if event.date:
        return event.date
    return article.published.isoformat() if article.published else None


def event_to_plover(event: Event, article: Article) -> dict[str, Any]:
    """The event as a PLOVER JSON record (field names from the PLOVER manual's JSON table)."""
    start, end, text = _sentence(article, event.sentence)
    record: dict[str, Any] = {
        "id": event.id,
        "has_event": bool(event.plover) and not event.negated and not event.hypothetical,
        "date": _event_date(event, article),
        "actor": _plover_entities(event.source),
        "recipient": _plover_entities(event.target),
        "event": [event.plover] if event.plover else [],
        "event_text": [event.trigger.text],
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "mode": [event.mode] if event.mode else [],
        "context": [c.strip() for c in event.context.split(";") if c.strip()],
        "text": text,
        "text_info": {"sequence": event.sentence, "start": start, "end": end},
        "cite_info": {
            "citation": article.id,
            "url": article.url,
            "title": article.title,
            "language": article.language,
            "publication": article.site,
            "coder": event.rule.coder_version,
            "codebook": "PLOVER 2021 (draft 0.8)",
        },
        "coder": event.rule.coder_version,
        "confidence": event.confidence,
        "comment": "; ".join(
            x
            for x in (
                f"CAMEO {event.cameo}",
                "negated" if event.negated else "",
                "" if event.date else "date: publication date (none in the sentence)",
                "hypothetical" if event.hypothetical else "",
                f"rule {event.rule.pattern_id}",
            )
            if x
        ),
    }
    if event.place:
        record["event_loc"] = {"extracted_place": event.place, "country_code": event.place_country}
    return record


def _gdelt_id(event_id: str) -> int:
    """A stable positive 63-bit integer for an event id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _gdelt_dates(value: str | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year, FractionDate for an ISO (partial) date."""
    if not value:
        return "", "", "", ""
    parts = value.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 0
    day = int(parts[2]) if len(parts) > 2 else 0
    if month and day:
        fraction = year + (date(year, month, day).timetuple().tm_yday - 1) / 365
        sql = f"{year:04d}{month:02d}{day:02d}"
    else:
        fraction = year + ((month - 1) / 12 if month else 0.0)
        sql = f"{year:04d}{month:02d}00" if month else f"{year:04d}0000"
    month_year = f"{year:04d}{month:02d}" if month else ""
    return sql, month_year, str(year), f"{fraction:.4f}"


def _gdelt_actor(refs: tuple[ActorRef, ...]) -> list[Any]:
    if not refs:
        return [""] * 10
    first = refs[0]
    top, sector = _split_code(first.code)
    types = [sector[i : i + 3] for i in range(0, min(len(sector), 9), 3)]
    types += [""] * (3 - len(types))
    name = "; ".join(r.name.upper() for r in refs)
    country = top if not top.startswith("IGO") and top.isalpha() and len(top) == 3 else ""
    return [first.code, name, country, "", "", "", "", *types]


def event_to_gdelt(event: Event, article: Article) -> list[Any]:
    """One GDELT 2.0 event-table row (values in GDELT_COLUMNS order; empty where we lack data).

    Compound actors put their first member's code in ActorNCode and every name in ActorNName.
    Geo country codes stay empty: GDELT uses FIPS 10-4 codes there, newsgraph keeps ISO 3166.
    """
    sql, month_year, year, fraction = _gdelt_dates(_event_date(event, article))
    root = event.cameo_root
    base = event.cameo[:3]
    action_geo: list[Any] = ["", event.place or "", "", "", "", "", "", ""]
    if event.place:
        action_geo[0] = 4  # GDELT geo type 4: world city (the best guess for a named place)
    published = article.published.strftime("%Y%m%d000000") if article.published else ""
    row: list[Any] = [
        _gdelt_id(event.id),
        sql,
        month_year,
        year,
        fraction,
        *_gdelt_actor(event.source),
        *_gdelt_actor(event.target),
        1 if event.sentence == 0 else 0,
        event.cameo,
        base,
        root,
        event.quad_class,
        event.goldstein,
        1,
        1,
        1,
        "",
        *([""] * 8),
        *([""] * 8),
        *action_geo,
        published,
        article.url or "",
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return row
