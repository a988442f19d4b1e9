"""Server-rendered pages: news line, an article with its marks, actors, graph, ask, search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsgraph.api import charts, highlight, questions, reads
from newsgraph.api.access import StoreAccess
from newsgraph.api.limits import run_limited

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20


def _access(request: Request) -> StoreAccess:
    access: StoreAccess = request.app.state.access
    return access


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, name, context, status_code=status)
    return response


def error_page(request: Request, status: int, message: str, headers: dict[str, str]) -> Response:
    response = render(request, "error.html", status, status_code=status, message=message, nav="")
    response.headers.update(headers)
    return response


@router.get("/", response_class=HTMLResponse)
def news(request: Request, page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    with _access(request).read() as store:
        items, total = reads.article_page(store, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        counts = store.counts()
    return render(
        request,
        "news.html",
        nav="news",
        items=items,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        counts=counts,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    with _access(request).read() as store:
        found = reads.article(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    names = charts.cameo_names(e["cameo"] for e in found["events"])
    marks = highlight.article_marks(found, names)
    return render(
        request,
        "article.html",
        nav="news",
        a=found,
        names=names,
        paragraphs=highlight.segments(found["clean_text"], marks, found["paragraphs"]),
        actors=charts.mentioned_actors(found["mentions"]),
    )


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    with _access(request).read() as store:
        items, total = reads.actor_page(store, 50, (page - 1) * 50, q or None)
    return render(
        request,
        "actors.html",
        nav="actors",
        items=items,
        total=total,
        q=q or "",
        page=page,
        pages=max(1, -(-total // 50)),
    )


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str) -> HTMLResponse:
    seconds = request.app.state.config.query_seconds
    found = run_limited(_access(request), lambda s: questions.actor_detail(s, actor_id), seconds)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return render(
        request,
        "actor.html",
        nav="actors",
        actor=found,
        names=charts.cameo_names(e["cameo"] for e in found["events"]),
        bars=charts.counterpart_bars(found["counterparts"]),
    )


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request) -> HTMLResponse:
    with _access(request).read() as store:
        span = reads.event_date_range(store)
    return render(request, "graph.html", nav="graph", span=span)


@router.get("/ask", response_class=HTMLResponse)
def ask(request: Request, q: Annotated[str | None, Query(max_length=500)] = None) -> HTMLResponse:
    answer = None
    if q and q.strip():
        questions.warm_up()
        seconds = request.app.state.config.query_seconds
        answer = run_limited(_access(request), lambda s: questions.ask(s, q.strip()), seconds)
    return render(request, "ask.html", nav="ask", q=q or "", answer=answer)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, q: Annotated[str | None, Query(max_length=500)] = None
) -> HTMLResponse:
    hits = None
    if q and q.strip():
        seconds = request.app.state.config.query_seconds
        hits = run_limited(_access(request), lambda s: questions.search(s, q.strip(), 30), seconds)
    return render(request, "search.html", nav="search", q=q or "", hits=hits)
