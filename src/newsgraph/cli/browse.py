"""`newsgraph show` and `newsgraph actors`: look at what the store holds."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from newsgraph.cli.app import (
    DEFAULT_DB,
    DbOption,
    JsonOption,
    app,
    console,
    emit_json,
    fail,
    open_store,
)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
) -> None:
    """Show one article: metadata, clean text, the actors it mentions and every input that
    carried it."""
    with open_store(db) as store:
        article = store.article(article_id)
        if article is None:
            fail(f"no article {article_id!r} in {db}")
            return
        mentions = store.query(
            'SELECT sentence, start, "end", text, kind, code, actor_id, role, country, resolved_by'
            " FROM mentions WHERE article_id = ? ORDER BY start",
            [article["id"]],
        )
        sources = store.sources_of(article["id"])
    if json_out:
        article.pop("html", None)
        emit_json({**article, "mentions": mentions, "sources": sources})
        return
    console.print(f"[bold]{article['title'] or '(untitled)'}[/bold]")
    meta = {
        k: article[k] for k in ("id", "section", "published", "site", "url", "source", "language")
    }
    if article["language_confidence"] is not None:
        meta["language"] = f"{article['language']} ({article['language_confidence']:.2f})"
    console.print("  ".join(f"{k}: {v}" for k, v in meta.items() if v))
    console.print()
    console.print(article["clean_text"], markup=False, highlight=False)
    console.print()
    table = Table("text", "kind", "code", "resolved by", "role", title="mentions")
    for m in mentions:
        table.add_row(
            m["text"], m["kind"], m["code"] or m["country"] or "", m["resolved_by"], m["role"] or ""
        )
    console.print(table)
    console.print(f"[bold]sources[/bold] {len(sources)}")
    for s in sources:  # one line each, unwrapped: a path is what a reader copies
        item = "" if s["item"] is None else f" #{s['item']}"
        run = "" if s["run_id"] is None else f"run {s['run_id']}  "
        reason = f"  ({s['reason']})" if s["reason"] else ""
        line = f"  {s['outcome']:<11} {run}{s['source']}{item}{reason}"
        console.print(line, markup=False, highlight=False, soft_wrap=True)


@app.command()
def actors(
    db: DbOption = DEFAULT_DB,
    json_out: JsonOption = False,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 50,
) -> None:
    """List the actors found, most mentioned first, with codes and roles."""
    with open_store(db) as store:
        rows = store.query(
            "SELECT a.id, a.name, a.code, a.kind, a.roles, count(m.actor_id) AS mentions,"
            " count(DISTINCT m.article_id) AS articles FROM actors a"
            " LEFT JOIN mentions m ON m.actor_id = a.id GROUP BY ALL"
            " ORDER BY mentions DESC, a.id LIMIT ?",
            [limit],
        )
    if json_out:
        emit_json(rows)
        return
    table = Table("id", "name", "code", "kind", "mentions", "articles", "roles")
    for r in rows:
        roles = "; ".join(
            f"{x['title']} {x['code']} {x['valid_from'] or ''}..{x['valid_to'] or ''}"
            for x in (r["roles"] or [])[:3]
        )
        table.add_row(
            r["id"], r["name"], r["code"], r["kind"], str(r["mentions"]), str(r["articles"]), roles
        )
    console.print(table)
