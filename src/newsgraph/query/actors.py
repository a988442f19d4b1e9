"""Actors named in queries: resolved with the article linker, then with what the store has seen.

The linker knows the dictionaries (countries, capitals, leaders); the store knows the corpus
(persons met with a title and nationality, the words articles used for each actor). A question is
read with both, longest match first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Protocol

from newsgraph.model import Actor, Mention
from newsgraph.query.lexicon import STOPWORDS
from newsgraph.store import Store

# Codes of actors that are not a state: compared whole, since their first three letters name a
# class ("IGO" covers the EU and NATO alike), not an actor.
NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "MNC", "IMG", "UNK"})
MAX_NGRAM = 6
_TOKEN = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?")
_POSSESSIVE = re.compile(r"['’]s?$")


class ActorFinder(Protocol):
    """What answering needs from `newsgraph.link.Linker`."""

    def find(self, text: str) -> list[Mention]: ...

    def resolve(self, text: str, on: date | None = None) -> Actor | None: ...

    def actor(self, actor_id: str) -> Actor | None: ...


@dataclass(frozen=True, slots=True)
class ActorKey:
    """An actor named in a query: its code and, when known, canonical id, name and kind."""

    name: str
    code: str
    actor_id: str | None = None
    kind: str | None = None

    @property
    def prefix(self) -> str:
        """What stored codes are compared with: the country (first 3 letters) or the whole code."""
        head = self.code[:3]
        return self.code if head in NON_STATE_PREFIXES else head

    @property
    def is_person(self) -> bool:
        return self.kind == "person" or (self.actor_id or "").startswith("person:")

    def matches(self, code: str | None, actor_id: str | None = None, exact: bool = False) -> bool:
        """Does a stored participant (code, actor id) denote this actor?

        `exact` compares persons by identity; otherwise every actor is compared by its country (a
        person by the country of their code), as CAMEO-style relations are.
        """
        if exact and self.is_person:
            return actor_id is not None and actor_id == self.actor_id
        if self.actor_id and actor_id == self.actor_id:
            return True
        return bool(code) and str(code).startswith(self.prefix)


@dataclass(frozen=True, slots=True)
class Named:
    """A stretch of query text that names an actor and/or a place (with the place's country)."""

    start: int
    end: int
    text: str
    actor: ActorKey | None = None
    place_country: str | None = None


@cache
def default_linker() -> ActorFinder:
    """The article linker, loaded once per process."""
    from newsgraph.link import Linker

    linker: ActorFinder = Linker()
    return linker


def actor_key(actor: Actor, on: date | None = None) -> ActorKey:
    return ActorKey(actor.name, actor.code_on(on), actor.id, actor.kind)


def resolve_actor(store: Store, text: str, linker: ActorFinder | None = None) -> ActorKey | None:
    """The actor meant by `text` ("Russia", "RUS", "Putin"): store, then linker, then code."""
    cleaned = _POSSESSIVE.sub("", text.strip())
    known = _store_actors(store, [cleaned.lower()])
    if cleaned.lower() in known:
        return known[cleaned.lower()]
    if linker is not None:
        found = linker.resolve(cleaned)
        if found is not None:
            return actor_key(found)
    if re.fullmatch(r"[A-Z]{3,}", cleaned):
        named = _store_actors_by_code(store, cleaned)
        return named or ActorKey(cleaned, cleaned)
    return None


def find_named(store: Store, text: str, linker: ActorFinder | None = None) -> list[Named]:
    """Actors and places named in a query, left to right, without overlaps.

    The store's names come first (they are what can be answered, and need no dictionary load);
    the linker reads the query too when a capitalised word is left unexplained.
    """
    named = _store_named(store, text, [])
    if linker is not None and _unexplained_names(text, named):
        for m in linker.find(text):
            actor = linker.actor(m.actor_id) if m.actor_id else None
            key = actor_key(actor) if actor else None
            if key is None and m.code and m.kind == "actor":
                key = ActorKey(m.text, m.code)
            if key is not None or m.country:
                named.append(Named(m.start, m.end, m.text, key, m.country))
    named.sort(key=lambda n: (n.start, -n.end))
    kept: list[Named] = []
    for n in named:
        if kept and n.start < kept[-1].end:
            kept[-1] = _merge(kept[-1], n)
            continue
        kept.append(n)
    return kept


def _unexplained_names(text: str, named: Sequence[Named]) -> bool:
    """Is a capitalised word (not a question or function word) outside every named span?"""
    for start, end, word in _tokens(text):
        capitalised = word[:1].isupper() and word.lower() not in STOPWORDS
        if capitalised and not any(n.start <= start and end <= n.end for n in named):
            return True
    return False


def _merge(first: Named, second: Named) -> Named:
    """Two readings of the same words: keep the longer span, fill in what it lacks."""
    longer, other = (
        (first, second)
        if first.end - first.start >= second.end - second.start
        else (
            second,
            first,
        )
    )
    return Named(
        longer.start,
        longer.end,
        longer.text,
        longer.actor or other.actor,
        longer.place_country or other.place_country,
    )


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    for match in _TOKEN.finditer(text):
        word = _POSSESSIVE.sub("", match.group())
        out.append((match.start(), match.start() + len(word), word))
    return out


def _store_named(store: Store, text: str, already: Sequence[Named]) -> list[Named]:
    """Query n-grams the store knows as an actor name, alias or mention text, longest first."""
    tokens = _tokens(text)
    spans: dict[str, tuple[int, int]] = {}
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + MAX_NGRAM) + 1):
            words = [t[2] for t in tokens[i:j]]
            if all(w.lower() in STOPWORDS for w in words):
                continue
            start, end = tokens[i][0], tokens[j - 1][1]
            spans.setdefault(text[start:end].lower(), (start, end))
    if not spans:
        return []
    actors = _store_actors(store, list(spans))
    places = _store_places(store, list(spans))
    taken = [(n.start, n.end) for n in already]
    found: list[Named] = []
    for phrase, (start, end) in sorted(spans.items(), key=lambda kv: kv[1][0] - kv[1][1]):
        if phrase not in actors and phrase not in places:
            continue
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        found.append(Named(start, end, text[start:end], actors.get(phrase), places.get(phrase)))
    return found


def _store_actors(store: Store, phrases: list[str]) -> dict[str, ActorKey]:
    """Lowercased phrases → the actor the store most often links them to (names, aliases first)."""
    rows = store.query(
        """
        WITH wanted AS (SELECT unnest(?) AS phrase),
        named AS (
            SELECT w.phrase, a.id, 1000000 AS weight FROM wanted w JOIN actors a
              ON lower(a.name) = w.phrase
              OR list_contains(list_transform(a.aliases, lambda x: lower(x)), w.phrase)
            UNION ALL
            SELECT w.phrase, m.actor_id, count(*) AS weight FROM wanted w JOIN mentions m
              ON lower(m.text) = w.phrase AND m.kind = 'actor' AND m.actor_id IS NOT NULL
            GROUP BY ALL)
        SELECT n.phrase, a.id, a.name, a.code, a.kind, sum(n.weight) AS weight
        FROM named n JOIN actors a ON a.id = n.id GROUP BY ALL
        ORDER BY n.phrase, weight DESC, a.id""",
        [phrases],
    )
    best: dict[str, ActorKey] = {}
    for r in rows:
        best.setdefault(r["phrase"], ActorKey(r["name"], r["code"], r["id"], r["kind"]))
    return best


def _store_places(store: Store, phrases: list[str]) -> dict[str, str | None]:
    """Lowercased phrases the store has seen as place mentions → the country they lie in."""
    rows = store.query(
        """
        SELECT lower(text) AS phrase, country, count(*) AS n FROM mentions
        WHERE kind = 'place' AND lower(text) IN (SELECT unnest(?))
        GROUP BY phrase, country ORDER BY phrase, country IS NULL, n DESC, country""",
        [phrases],
    )
    best: dict[str, str | None] = {}
    for r in rows:
        best.setdefault(r["phrase"], r["country"])
    return best


def _store_actors_by_code(store: Store, code: str) -> ActorKey | None:
    rows = store.query(
        "SELECT id, name, code, kind FROM actors WHERE code = ? ORDER BY kind = 'country' DESC, id"
        " LIMIT 1",
        [code],
    )
    return ActorKey(rows[0]["name"], code, rows[0]["id"], rows[0]["kind"]) if rows else None
