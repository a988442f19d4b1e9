"""Actor resolution against annotated phrases: country, sector and role accuracy by kind.

Each gold line is a phrase from a news sentence with its expected country (ISO3, "IGO"-style
codes for international bodies, or null), sector (one CAMEO/PLOVER code, or null) and role. A
phrase is resolved through `newsgraph.resolve`: alone (the phrase as the whole text), in its
sentence, and, when the corpus is given, in its whole article (what ingest makes of that
article; the record id is `article_id:offset-in-article-text`). The split is fixed by a hash
of the record id: `locked` (a third) is scored and never shown row by row; `tune` may print its
errors.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from newsgraph.link.resolve import Query, Resolution, Resolver
from newsgraph.model import Article, Provenance

Split = Literal["locked", "tune", "all"]
KINDS = ("person", "organisation", "place", "group")
# Old CAMEO country codes some annotations use, read as ISO 3166 (CONVENTIONS.md).
_OLD_CODES = {"JAP": "JPN", "ITL": "ITA"}
_LOCKED_SALT = "newsgraph-actors-locked"
# The Wikinews articles the phrases come from, under ../shared (read there, never copied).
WIKINEWS = Path("data/corpora/wikinews-en/wikinews_en.jsonl")


@dataclass(frozen=True, slots=True)
class GoldPhrase:
    """One annotated actor phrase."""

    id: str
    article_id: str
    published: date | None
    sentence: str
    phrase: str
    start: int
    kind: str
    country: str | None
    sector: str | None
    role: str | None


@dataclass
class Tally:
    """Counts of one group of phrases in one mode."""

    n: int = 0
    country: int = 0
    sector: int = 0
    roles: int = 0
    role: int = 0

    def add(self, hits: tuple[bool, bool, bool | None]) -> None:
        self.n += 1
        self.country += hits[0]
        self.sector += hits[1]
        if hits[2] is not None:
            self.roles += 1
            self.role += hits[2]

    def scores(self) -> dict[str, float | int | None]:
        return {
            "n": self.n,
            "country": round(self.country / self.n, 4) if self.n else None,
            "sector": round(self.sector / self.n, 4) if self.n else None,
            "role": round(self.role / self.roles, 4) if self.roles else None,
            "role_n": self.roles,
        }


@dataclass
class ActorScore:
    """Accuracy by mode (alone, sentence, article) and kind (plus "all")."""

    split: str
    modes: dict[str, dict[str, dict[str, float | int | None]]] = field(default_factory=dict)


def is_locked(record_id: str) -> bool:
    """The locked third, fixed by a hash of the record id."""
    digest = hashlib.blake2b(f"{_LOCKED_SALT}:{record_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % 3 == 0


def read_gold(path: Path) -> list[GoldPhrase]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        rows.append(
            GoldPhrase(
                id=str(r["id"]),
                article_id=str(r.get("article_id") or ""),
                published=date.fromisoformat(r["published"]) if r.get("published") else None,
                sentence=r["sentence"],
                phrase=r["phrase"],
                start=int(r.get("start") or 0),
                kind=r["kind"],
                country=r.get("country"),
                sector=r.get("sector"),
                role=r.get("role"),
            )
        )
    return rows


def in_split(rows: Iterable[GoldPhrase], split: Split) -> list[GoldPhrase]:
    if split == "all":
        return list(rows)
    return [r for r in rows if is_locked(r.id) == (split == "locked")]


def _country(code: str | None) -> str | None:
    if not code:
        return None
    return _OLD_CODES.get(code[:3].upper(), code[:3].upper())


def judge(
    gold: GoldPhrase, got: Resolution, office: Callable[[str], str] | None = None
) -> tuple[bool, bool, bool | None]:
    """(country right, sector right, role right or None when the gold gives no role).

    A sector is right in either coding (CAMEO or PLOVER); a null expectation is met by none. A
    role is right when one title contains the other or both name one kind of office
    (`office`: "foreign minister" and "Minister of Foreign Affairs").
    """
    country = _country(gold.country) == _country(got.country)
    wanted = (gold.sector or "").upper() or None
    sectors = {*got.sectors, *got.plover_sectors}
    sector = (wanted in sectors) if wanted else not sectors
    role = None
    if gold.role:
        found = (got.role or "").lower()
        expected = gold.role.lower()
        role = bool(found) and (expected in found or found in expected)
        if found and not role and office is not None:
            kind = office(expected)
            role = kind != "official" and kind == office(found)
    return country, sector, role


def read_articles(corpus: Path, wanted: set[str]) -> dict[str, Article]:
    """The wanted articles of a JSONL corpus (`id, title, text, published, url`), by id."""
    found: dict[str, Article] = {}
    with corpus.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            r = json.loads(line)
            if r["id"] not in wanted:
                continue
            found[r["id"]] = Article(
                id=r["id"],
                raw_text=r["text"],
                provenance=Provenance(str(corpus), number),
                title=r.get("title"),
                published=date.fromisoformat(r["published"]) if r.get("published") else None,
                url=r.get("url"),
                language=r.get("lang"),
            )
    return found


def _offset_in_article(gold: GoldPhrase) -> int | None:
    """The phrase's offset in its article's text, read off the record id."""
    tail = gold.id.rpartition(":")[2]
    return int(tail) if tail.isdigit() else None


def _resolve_mode(
    mode: str, rows: Sequence[GoldPhrase], resolver: Resolver, articles: dict[str, Article]
) -> list[Resolution]:
    if mode == "alone":
        return resolver.resolve_all([Query(r.phrase, r.published) for r in rows])
    if mode == "sentence":
        return resolver.resolve_all(
            [Query(r.phrase, r.published, r.sentence, r.start) for r in rows]
        )
    items = [
        (Query(r.phrase, r.published, None, _offset_in_article(r)), articles[r.article_id])
        for r in rows
    ]
    return resolver.resolve_in_articles(items)


def score_actors(
    path: Path,
    split: Split = "all",
    resolver: Resolver | None = None,
    corpus: Path | None = None,
) -> tuple[ActorScore, list[tuple[str, GoldPhrase, Resolution]]]:
    """Scores of a split, and (mode, gold, resolution) of every miss (for the tune split).

    The article mode runs when `corpus` is given; a phrase whose article the corpus lacks is
    scored as unresolved there, so the three modes count the same phrases."""
    rows = in_split(read_gold(path), split)
    resolver = resolver or Resolver()
    articles = read_articles(corpus, {r.article_id for r in rows}) if corpus else {}
    score = ActorScore(split)
    misses: list[tuple[str, GoldPhrase, Resolution]] = []
    for mode in ("alone", "sentence", *(("article",) if corpus else ())):
        present = [r for r in rows if mode != "article" or r.article_id in articles]
        resolved = dict(
            zip(
                (r.id for r in present),
                _resolve_mode(mode, present, resolver, articles),
                strict=True,
            )
        )
        tallies: dict[str, Tally] = defaultdict(Tally)
        for gold in rows:
            got = resolved.get(gold.id) or Resolution(gold.phrase, gold.published)
            hits = judge(gold, got, resolver.linker.catalog.category_of)
            tallies[gold.kind].add(hits)
            tallies["all"].add(hits)
            if not (hits[0] and hits[1]):
                misses.append((mode, gold, got))
        score.modes[mode] = {k: tallies[k].scores() for k in ("all", *KINDS) if k in tallies}
    return score, misses


def format_report(score: ActorScore) -> str:
    lines = [f"actor phrases, split {score.split}"]
    for mode, kinds in score.modes.items():
        lines.append(f"  {mode}:")
        for kind, s in kinds.items():
            role = f"  role {s['role']:.3f} (n={s['role_n']})" if s["role"] is not None else ""
            lines.append(
                f"    {kind:<13} n={s['n']:<4} country {s['country']:.3f}  "
                f"sector {s['sector']:.3f}{role}"
            )
    return "\n".join(lines)


def format_misses(misses: Sequence[tuple[str, GoldPhrase, Resolution]]) -> str:
    return "\n".join(
        f"{mode}\t{g.id}\t{g.phrase!r}\twant {g.country}/{g.sector}\tgot {r.country}/"
        f"{r.sector} ({r.how})"
        for mode, g, r in misses
    )
