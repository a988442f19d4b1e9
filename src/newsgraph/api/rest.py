"""The REST API under /api: listings (limit/offset), look-ups, questions, the ingest upload."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newsgraph.api import questions, reads, schemas, upload
from newsgraph.api.access import StoreAccess
from newsgraph.api.config import ServerConfig
from newsgraph.api.limits import run_limited

router = APIRouter(prefix="/api")

MAX_LIMIT = 500
Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")
]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
ERRORS: dict[int | str, dict[str, Any]] = {
    503: {"model": schemas.ErrorOut, "description": "The store is held by an ingest; retry later."},
}
bearer = HTTPBearer(auto_error=False, description="The server's NEWSGRAPH_TOKEN.")


def access_of(request: Request) -> StoreAccess:
    access: StoreAccess = request.app.state.access
    return access


def config_of(request: Request) -> ServerConfig:
    config: ServerConfig = request.app.state.config
    return config


Access = Annotated[StoreAccess, Depends(access_of)]


@router.get("/articles", response_model=schemas.Page[schemas.ArticleSummary], responses=ERRORS)
def list_articles(access: Access, limit: Limit = 50, offset: Offset = 0) -> dict[str, object]:
    """The latest articles, newest first."""
    with access.read() as store:
        items, total = reads.article_page(store, limit, offset)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/articles/{article_id}", response_model=schemas.ArticleDetail, responses=ERRORS)
def get_article(article_id: str, access: Access) -> dict[str, object]:
    """One article: clean text, sentences, mentions, events, motives and claims with offsets."""
    with access.read() as store:
        found = reads.article(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found


@router.get("/actors", response_model=schemas.Page[schemas.ActorSummary], responses=ERRORS)
def list_actors(
    access: Access,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200, description="Name, id or code.")] = None,
) -> dict[str, object]:
    """Actors, most mentioned first."""
    with access.read() as store:
        items, total = reads.actor_page(store, limit, offset, q)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/actors/{actor_id}", response_model=schemas.ActorDetail, responses=ERRORS)
def get_actor(actor_id: str, access: Access, request: Request) -> dict[str, object]:
    """One actor: roles with validity dates, its events over time and its counterparts.

    A person's events are its own; a country's include those of its government and people.
    """
    seconds = config_of(request).query_seconds
    found = run_limited(access, lambda s: questions.actor_detail(s, actor_id), seconds)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return found


@router.get("/events", response_model=schemas.Page[schemas.EventOut], responses=ERRORS)
def list_events(
    access: Access,
    limit: Limit = 50,
    offset: Offset = 0,
    article_id: str | None = None,
    actor_id: str | None = None,
    code: Annotated[str | None, Query(max_length=20, description="Actor code prefix.")] = None,
    cameo: Annotated[str | None, Query(max_length=4, description="CAMEO code prefix.")] = None,
) -> dict[str, object]:
    """Coded events, oldest first, filtered by article, actor or CAMEO code."""
    with access.read() as store:
        items, total = reads.events(store, limit, offset, article_id, actor_id, code, cameo)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/motives", response_model=schemas.Page[schemas.MotiveOut], responses=ERRORS)
def list_motives(
    access: Access, limit: Limit = 50, offset: Offset = 0, article_id: str | None = None
) -> dict[str, object]:
    """Motives and causes: what was done for what reason, with the cue that says so."""
    with access.read() as store:
        items, total = reads.motives(store, limit, offset, article_id)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/claims", response_model=schemas.Page[schemas.ClaimOut], responses=ERRORS)
def list_claims(
    access: Access,
    limit: Limit = 50,
    offset: Offset = 0,
    article_id: str | None = None,
    certainty: Annotated[
        str | None, Query(pattern="^(asserted|reported|hedged|certain|denied)$")
    ] = None,
) -> dict[str, object]:
    """Claims with their holder and certainty."""
    with access.read() as store:
        items, total = reads.claims(store, limit, offset, article_id, certainty)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


Question = Annotated[str, Query(min_length=1, max_length=500)]


@router.get("/search", response_model=list[schemas.SearchHitOut], responses=ERRORS)
def search(
    request: Request,
    access: Access,
    q: Question,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[dict[str, object]]:
    """Full-text search (BM25) over titles and texts, each hit with its best sentence."""
    seconds = config_of(request).query_seconds
    return run_limited(access, lambda s: questions.search(s, q, limit), seconds)


@router.get("/ask", response_model=schemas.AskOut, responses=ERRORS)
def ask(request: Request, access: Access, q: Question) -> dict[str, object]:
    """Answer a question (why, who, where, when, relations), each answer quoting its evidence."""
    questions.warm_up()
    seconds = config_of(request).query_seconds
    return run_limited(access, lambda s: questions.ask(s, q), seconds)


@router.get("/relations", response_model=schemas.RelationsOut, responses=ERRORS)
def relations(
    request: Request,
    access: Access,
    a: Annotated[str, Query(min_length=1, max_length=200, description="Russia, RUS, Putin…")],
    b: Annotated[str, Query(min_length=1, max_length=200)],
    since: date | None = None,
    until: date | None = None,
) -> dict[str, object]:
    """The events between two actors over time, with Goldstein scores and a monthly summary."""
    questions.warm_up()
    seconds = config_of(request).query_seconds
    return run_limited(access, lambda s: questions.relations(s, a, b, since, until), seconds)


@router.get("/graph", response_model=schemas.GraphOut, responses=ERRORS)
def graph(
    request: Request,
    access: Access,
    since: date | None = None,
    until: date | None = None,
    by_country: Annotated[bool, Query(description="One node per country code.")] = False,
) -> dict[str, object]:
    """The actor graph: who acted on whom in [since, until], edges weighted by event count."""
    seconds = config_of(request).query_seconds
    return run_limited(access, lambda s: questions.graph(s, since, until, by_country), seconds)


@router.post(
    "/ingest",
    response_model=schemas.IngestOut,
    responses={
        401: {"model": schemas.ErrorOut, "description": "Missing or wrong token."},
        403: {"model": schemas.ErrorOut, "description": "No token configured: writes refused."},
        413: {"model": schemas.ErrorOut, "description": "Upload too large."},
        **ERRORS,
    },
)
def ingest(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    files: Annotated[
        list[UploadFile] | None, File(description="Text, HTML, RSS/Atom or JSONL files.")
    ] = None,
    text: Annotated[str | None, Form(description="Pasted article text.")] = None,
    title: Annotated[str | None, Form(max_length=500)] = None,
    published: Annotated[str | None, Form(max_length=40, description="ISO date.")] = None,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    site: Annotated[str | None, Form(max_length=200)] = None,
) -> dict[str, object]:
    """Ingest uploaded files or pasted text into the store (needs `Authorization: Bearer TOKEN`).

    Title, published, url and site describe plain-text or HTML inputs that cannot carry them.
    """
    config = config_of(request)
    upload.check_token(config.token, credentials.credentials if credentials else None)
    inputs = [upload.Upload(f.filename or "upload.txt", f.file.read()) for f in files or []]
    if text and text.strip():
        inputs.append(upload.Upload("pasted.txt", text.encode("utf-8")))
    if not inputs:
        raise HTTPException(422, "nothing to ingest: send files or text")
    meta = {
        k: v
        for k, v in (("title", title), ("published", published), ("url", url), ("site", site))
        if v
    }
    summary = upload.ingest_uploads(access_of(request), inputs, meta)
    return {**summary.as_dict(), "article_ids": summary.article_ids}
