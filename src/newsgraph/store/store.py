"""The DuckDB store: one file, migrated on open, written in bulk, one transaction per batch.

DuckDB lets one process open a file for writing and no other process open it meanwhile; a second
opener gets `StoreBusyError` with the file's name instead of a raw lock error.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from newsgraph.errors import StoreBusyError
from newsgraph.model import Actor, Article, PageLines, Rejected, Role, SourceItem
from newsgraph.store import rows as R
from newsgraph.store.migrations import migrate

log = logging.getLogger(__name__)

DERIVED_TABLES = ("sentences", "mentions", "events", "event_actors", "claims", "motives")


@dataclass(frozen=True, slots=True)
class Known:
    """What the store already holds for an incoming article."""

    status: str  # "new", "duplicate" or "version"
    version: int = 1
    holder: str | None = None  # for a duplicate: the stored article that has this content


def _connect(path: str, read_only: bool) -> Any:
    """A connection that reads and writes points in time in UTC, whatever the machine's zone."""
    con = duckdb.connect(path, read_only=read_only)
    con.execute("SET TimeZone = 'UTC'")
    return con


class Store:
    """A newsgraph store in a DuckDB file (`:memory:` for a throwaway one)."""

    def __init__(self, path: str | Path = "newsgraph.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = _connect(self.path, read_only)
        except duckdb.IOException as err:
            if "lock" in str(err).lower():
                raise StoreBusyError(
                    f"{self.path} is in use by another newsgraph process (DuckDB allows one writer"
                    " and "
                    "no readers beside it); wait for it to finish or stop it"
                ) from err
            raise
        if not read_only:
            migrate(self.con)

    def reader(self) -> Store:
        """Another connection to this store's database, for reading while this one writes
        (DuckDB shares the open database within a process and isolates the reader: it sees
        committed transactions only). Close it when done.

        Not a cursor of the writer's connection: closing the writer would close a read still in
        flight, and a connection is not to be touched from another thread while it executes.
        """
        view = Store.__new__(Store)
        view.path = self.path
        view.read_only = True
        if self.path == ":memory:":
            view.con = self.con.cursor()  # a session of its own: settings are not inherited
            view.con.execute("SET TimeZone = 'UTC'")
        else:
            view.con = _connect(self.path, False)
        return view

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _insert(self, table: str, rows: Sequence[R.Row], conflict: str = "") -> None:
        if not rows:
            return
        import pyarrow as pa

        data = pa.Table.from_pylist(list(rows))
        self.con.register("_incoming", data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming {conflict}")
        finally:
            self.con.unregister("_incoming")

    def known(self, article_id: str, content_hash: str, any_id: bool = False) -> Known:
        """Is this content already here (duplicate), a new version of a known id, or new?

        Content counts as a duplicate under the same id; with `any_id` (the id was derived from
        the content, not given by the input) under any id. An input that names its own id is its
        own source even when another source carries the same text (stories group them).
        """
        [answer] = self.known_many([(article_id, content_hash, any_id)])
        return answer

    def known_many(self, incoming: Sequence[tuple[str, str, bool]]) -> list[Known]:
        """`known` for many (id, content hash, any id) at once: two queries, not two per article."""
        if not incoming:
            return []
        hashes = sorted({content_hash for _, content_hash, _ in incoming})
        ids = sorted({article_id for article_id, _, _ in incoming})
        holders: dict[str, set[str]] = {}
        for content_hash, article_id in self.con.execute(
            "SELECT content_hash, id FROM articles"
            " WHERE is_current AND content_hash IN (SELECT unnest(?))",
            [hashes],
        ).fetchall():
            holders.setdefault(content_hash, set()).add(article_id)
        latest = dict(
            self.con.execute(
                "SELECT id, max(version) FROM articles WHERE id IN (SELECT unnest(?)) GROUP BY id",
                [ids],
            ).fetchall()
        )
        answers = []
        for article_id, content_hash, any_id in incoming:
            held = holders.get(content_hash, set())
            if held and (any_id or article_id in held):
                holder = article_id if article_id in held else min(held)
                answers.append(Known("duplicate", holder=holder))
            elif article_id in latest:
                answers.append(Known("version", int(latest[article_id]) + 1))
            else:
                answers.append(Known("new"))
        return answers

    def seen_raw(self, raw_hashes: Iterable[str]) -> dict[str, str]:
        """The raw-content hashes among these that are already stored (for incremental runs),
        each with the id of the article it became."""
        hashes = list(set(raw_hashes))
        if not hashes:
            return {}
        found = self.con.execute(
            "SELECT raw_hash, min(id) FROM articles WHERE raw_hash IN (SELECT unnest(?))"
            " GROUP BY raw_hash",
            [hashes],
        ).fetchall()
        return {digest: article_id for digest, article_id in found}

    def write_articles(
        self,
        batch: Sequence[tuple[Article, Known, str, str]],
        actors: Iterable[Actor],
        pages: Iterable[PageLines] = (),
    ) -> None:
        """Write processed articles, the actors they refer to and the lines their pages teach
        about their sites: all or nothing."""
        with self.transaction():
            self._add_site_lines(pages)
            for article, known, _, _ in batch:
                if known.status == "version":
                    self.con.execute(
                        "UPDATE articles SET is_current = false WHERE id = ?", [article.id]
                    )
                    for table in DERIVED_TABLES:
                        self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article.id])
            self._insert(
                "articles",
                [R.article_row(a, k.version, raw, content) for a, k, raw, content in batch],
            )
            processed = [a for a, _, _, _ in batch]
            self._insert("sentences", [r for a in processed for r in R.sentence_rows(a)])
            self._insert("mentions", [r for a in processed for r in R.mention_rows(a)])
            events = [(e, a) for a in processed for e in a.events]
            self._insert("events", [R.event_row(e, a) for e, a in events])
            self._insert("event_actors", [r for e, _ in events for r in R.event_actor_rows(e)])
            self._insert("claims", [r for a in processed for r in R.claim_rows(a)])
            self._insert("motives", [r for a in processed for r in R.motive_rows(a)])
            self.upsert_actors(actors)

    def upsert_actors(self, actors: Iterable[Actor]) -> None:
        """Write actors, each with one current code: that of its role valid on the latest
        publication day the store has seen it mentioned (its mentions are written first)."""
        by_id = {a.id: a for a in actors}
        if not by_id:
            return
        seen = dict(
            self.con.execute(
                "SELECT m.actor_id, max(a.published) FROM mentions m"
                " JOIN articles a ON a.id = m.article_id"
                " WHERE m.actor_id IN (SELECT unnest(?)) GROUP BY m.actor_id",
                [list(by_id)],
            ).fetchall()
        )
        rows = {i: R.actor_row(a, seen.get(i)) for i, a in by_id.items()}
        self.con.execute("DELETE FROM actors WHERE id IN (SELECT unnest(?))", [list(rows)])
        self._insert("actors", list(rows.values()))

    def quarantine(self, items: Sequence[Rejected], run_id: int | None = None) -> None:
        with self.transaction():
            self._insert("quarantine", [R.quarantine_row(i, run_id) for i in items])

    def record_sources(self, items: Sequence[SourceItem], run_id: int) -> None:
        """The run's input items and their outcomes (`newsgraph.run.ledger`)."""
        with self.transaction():
            self._insert("sources", [R.source_row(i, run_id) for i in items])

    def begin_run(self, engine: str, workers: int) -> int:
        # Not a sequence: its position is lost when a process is killed before a checkpoint.
        row = self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()
        run_id = int(row[0]) if row else 1
        self.con.execute(
            "INSERT INTO runs (id, started, engine, workers) VALUES (?, current_timestamp, ?, ?)",
            [run_id, engine, workers],
        )
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, int], seconds: float) -> None:
        self.con.execute(
            "UPDATE runs SET finished = current_timestamp, inputs = ?, stored = ?, duplicates = ?,"
            " versions = ?, quarantined = ?, seconds = ? WHERE id = ?",
            [
                counts.get("inputs", 0),
                counts.get("stored", 0),
                counts.get("duplicates", 0),
                counts.get("versions", 0),
                counts.get("quarantined", 0),
                seconds,
                run_id,
            ],
        )

    # -- learned state -------------------------------------------------------------------------

    def site_lines(self) -> tuple[list[tuple[str, str, int]], list[tuple[str, int]]]:
        lines = self.con.execute("SELECT site, line, pages FROM site_lines").fetchall()
        pages = self.con.execute("SELECT site, pages FROM site_pages").fetchall()
        return lines, pages

    def _add_site_lines(self, pages: Iterable[PageLines]) -> None:
        """Count stored pages' lines per site (inside the transaction that stores the pages)."""
        lines: Counter[tuple[str, str]] = Counter()
        sites: Counter[str] = Counter()
        for page in pages:
            sites[page.site] += 1
            lines.update((page.site, line) for line in page.lines)
        upsert = "ON CONFLICT ({}) DO UPDATE SET pages = pages + EXCLUDED.pages"
        line_rows = [{"site": s, "line": k, "pages": n} for (s, k), n in lines.items()]
        self._insert("site_lines", line_rows, upsert.format("site, line"))
        site_rows = [{"site": s, "pages": n} for s, n in sites.items()]
        self._insert("site_pages", site_rows, upsert.format("site"))

    def memory_rows(self) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT * FROM actor_memory")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def add_memory(self, rows: Sequence[dict[str, Any]]) -> None:
        """Add the memory evidence not stored yet; what is stored stays (every version's evidence
        counts, as in `ActorMemory`), so a run writes only what its articles taught."""
        with self.transaction():
            self._insert(
                "actor_memory",
                list(rows),
                "WHERE NOT EXISTS (SELECT 1 FROM actor_memory m"
                " WHERE m.article_id = _incoming.article_id"
                ' AND m.start = _incoming.start AND m."end" = _incoming."end"'
                " AND m.name = _incoming.name AND m.code IS NOT DISTINCT FROM _incoming.code"
                " AND m.role IS NOT DISTINCT FROM _incoming.role"
                " AND m.country IS NOT DISTINCT FROM _incoming.country"
                " AND m.published IS NOT DISTINCT FROM _incoming.published)",
            )

    # -- reading -------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts for a parameterised query (user text only ever goes in `params`)."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def article(self, article_id: str) -> dict[str, Any] | None:
        found = self.query("SELECT * FROM articles WHERE id = ? AND is_current", [article_id])
        if not found:
            found = self.query(
                "SELECT * FROM articles WHERE id LIKE ? || '%' AND is_current", [article_id]
            )
            if len(found) != 1:
                return None
        return found[0]

    def sources_of(self, article_id: str) -> list[dict[str, Any]]:
        """Every input item that carried this article (stored, copies, versions), oldest first."""
        return self.query(
            "SELECT source, item, outcome, version, reason, run_id, recorded_at FROM sources"
            " WHERE article_id = ? ORDER BY recorded_at, run_id, source, item",
            [article_id],
        )

    def actor(self, actor_id: str) -> Actor | None:
        found = self.query("SELECT * FROM actors WHERE id = ?", [actor_id])
        if not found:
            return None
        row = found[0]
        return Actor(
            id=row["id"],
            name=row["name"],
            code=row["code"],
            kind=row["kind"],
            country=row["country"],
            aliases=tuple(row["aliases"] or ()),
            roles=tuple(
                Role(r["title"], r["code"], r["valid_from"], r["valid_to"])
                for r in row["roles"] or ()
            ),
            source=row["source"] or "",
        )

    def counts(self) -> dict[str, int]:
        tables = ("articles", "mentions", "actors", "events", "motives", "claims", "quarantine")
        result = {}
        for table in tables:
            where = " WHERE is_current" if table == "articles" else ""
            row = self.con.execute(f"SELECT count(*) FROM {table}{where}").fetchone()
            result[table] = int(row[0]) if row else 0
        return result
