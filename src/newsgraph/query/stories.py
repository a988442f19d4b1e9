"""Stories: the articles that report the same happening, with near-copies kept as one source.

Two passes of MinHash LSH (datasketch), each verified with the exact Jaccard similarity:

- near-duplicates (syndicated copies, lightly edited re-posts): 5-word shingles, Jaccard >= 0.8.
  A copy is marked `duplicate_of` the earliest article of its group and is not counted again
  (relations, timelines and graphs skip it).
- same story: sets of content words, Jaccard >= 0.4, published within a week of each other
  when both dates are known. Connected articles form one story.

After an ingest only new and changed articles are banded: their LSH buckets are kept in the store
(`story_bands`, the persisted index), matched there against every stored article (near-copies)
or those within the story window (same story), and only the stories they touch are regrouped.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsgraph.query.lexicon import STOPWORDS
from newsgraph.store import Store, story_index
from newsgraph.store.story_index import BandRow

log = logging.getLogger(__name__)

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.8
SAME_STORY = 0.4
STORY_WINDOW_DAYS = 7
NUM_PERM = 128
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """An article as stories see it."""

    id: str
    text: str
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Similar:
    """Two articles and their verified Jaccard similarity."""

    a: str
    b: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an article belongs: its story, and the article it copies (if it is a near-copy)."""

    article_id: str
    story_id: str
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """A story as listed: its articles, how many are distinct sources, and its time span."""

    id: str
    title: str | None
    first: date | None
    last: date | None
    sources: int  # articles that are not near-copies
    copies: int
    article_ids: tuple[str, ...]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping runs of `size` lowercased words (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def content_words(text: str) -> set[str]:
    """Lowercased words of three letters or more that are not function words."""
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS}


def similar_pairs(
    features: Sequence[tuple[str, set[str]]], threshold: float, num_perm: int = NUM_PERM
) -> list[Similar]:
    """Pairs whose feature sets have Jaccard >= threshold: LSH candidates, verified exactly."""
    from datasketch import MinHash, MinHashLSH

    kept = [(doc_id, feats) for doc_id, feats in features if feats]
    if not kept:
        return []
    signatures = MinHash.bulk([[f.encode() for f in feats] for _, feats in kept], num_perm=num_perm)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    for index, signature in enumerate(signatures):
        lsh.insert(index, signature)
    found = []
    for i, signature in enumerate(signatures):
        for j in lsh.query(signature):
            if j <= i:
                continue
            a, b = kept[i][1], kept[j][1]
            jaccard = len(a & b) / len(a | b)
            if jaccard >= threshold:
                found.append(Similar(kept[i][0], kept[j][0], round(jaccard, 4)))
    return found


def near_duplicates(docs: Sequence[StoryDoc], threshold: float = NEAR_DUPLICATE) -> list[Similar]:
    """Pairs of near-copies: 5-word-shingle Jaccard >= threshold."""
    return similar_pairs([(d.id, shingles(d.text)) for d in docs], threshold)


def group_stories(
    docs: Sequence[StoryDoc],
    duplicate_threshold: float = NEAR_DUPLICATE,
    story_threshold: float = SAME_STORY,
    window_days: int = STORY_WINDOW_DAYS,
) -> list[Placement]:
    """Place every article in a story; near-copies point at their group's earliest article."""
    by_id = {d.id: d for d in docs}
    order = {d.id: (d.published or date.max, d.id) for d in docs}
    copies = _Groups(by_id)
    closest: dict[str, float] = {}  # a copy's highest similarity to another article of its group
    for pair in near_duplicates(docs, duplicate_threshold):
        copies.join(pair.a, pair.b)
        for doc_id in (pair.a, pair.b):
            closest[doc_id] = max(closest.get(doc_id, 0.0), pair.similarity)
    canonical = {
        group_id: min(members, key=order.__getitem__)
        for group_id, members in copies.groups().items()
    }
    leaders = sorted(set(canonical.values()))
    stories = _Groups({i: by_id[i] for i in leaders})
    features = [(i, content_words(by_id[i].text)) for i in leaders]
    for pair in similar_pairs(features, story_threshold):
        if _close_in_time(by_id[pair.a].published, by_id[pair.b].published, window_days):
            stories.join(pair.a, pair.b)
    story_of = {
        member: "story:"
        + hashlib.sha256(min(members, key=order.__getitem__).encode()).hexdigest()[:12]
        for members in stories.groups().values()
        for member in members
    }
    placements = []
    for doc in docs:
        leader = canonical[copies.find(doc.id)]
        if leader == doc.id:
            placements.append(Placement(doc.id, story_of[leader]))
        else:
            placements.append(Placement(doc.id, story_of[leader], leader, closest.get(doc.id)))
    return placements


def band_rows(docs: Sequence[StoryDoc]) -> list[BandRow]:
    """The LSH band buckets of each article for both passes, banded as `similar_pairs` bands
    them (same permutations, same band ranges), so the persisted index finds the same candidates."""
    from datasketch import MinHash, MinHashLSH

    rows: list[BandRow] = []
    passes = (("copy", shingles, NEAR_DUPLICATE), ("story", content_words, SAME_STORY))
    for pass_, features_of, threshold in passes:
        kept = [(d.id, feats) for d in docs if (feats := features_of(d.text))]
        if not kept:
            continue
        ranges = MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges
        signatures = MinHash.bulk(
            [[f.encode() for f in feats] for _, feats in kept], num_perm=NUM_PERM
        )
        for (doc_id, _), signature in zip(kept, signatures, strict=True):
            for band, (start, end) in enumerate(ranges):
                digest = hashlib.blake2b(signature.hashvalues[start:end].tobytes(), digest_size=8)
                rows.append(
                    (doc_id, pass_, band, int.from_bytes(digest.digest(), "little", signed=True))
                )
    return rows


def assign_stories(store: Store, full: bool = False) -> int:
    """Place new and changed articles in stories; returns the story count.

    New articles are matched against the persisted LSH index (near-copies at any date, same-story
    candidates within the story window), then the stories they touch are regrouped with
    `group_stories`: the result equals regrouping the whole store, at the cost of what is new.
    A copy whose leader changed may lead its group now, so the stories it could join are
    regrouped with it. `full` forgets the index and regroups everything."""
    with store.transaction():
        if full:
            story_index.clear(store)
        pending = story_index.unindexed(store)
        if not pending:
            return story_index.story_count(store)
        docs = [StoryDoc(t.id, t.text, t.published) for t in pending]
        story_index.save_index(store, pending, band_rows(docs))
        ids = sorted(d.id for d in docs)
        near = story_index.matching(store, ids, "copy", None)
        same = story_index.matching(store, ids, "story", STORY_WINDOW_DAYS)
        touched = set(ids) | {b for _, b in near | same}
        members = story_index.story_members(store, sorted(touched)) | touched
        copies = story_index.copies_among(store, sorted(members))
        placements = _regroup(store, members)
        # A copy that now leads its group (its leader changed) may join stories no member did.
        promoted = sorted({p.article_id for p in placements if p.duplicate_of is None} & copies)
        joinable = {b for _, b in story_index.matching(store, promoted, "story", STORY_WINDOW_DAYS)}
        extra = (story_index.story_members(store, sorted(joinable)) | joinable) - members
        if extra:
            members |= extra
            placements = _regroup(store, members)
        story_index.save_placements(
            store,
            sorted(members),
            [(p.article_id, p.story_id, p.duplicate_of, p.similarity) for p in placements],
        )
        count = story_index.story_count(store)
    log.info(
        "%d new or changed articles regrouped %d articles; %d stories",
        len(ids),
        len(members),
        count,
    )
    return count


def _regroup(store: Store, members: set[str]) -> list[Placement]:
    texts = story_index.texts_of(store, sorted(members))
    return group_stories([StoryDoc(t.id, t.text, t.published) for t in texts])


def list_stories(store: Store, min_sources: int = 1, limit: int = 50) -> list[Story]:
    """Stories with the most distinct sources first, then the most recent."""
    rows = store.query(
        """
        SELECT s.story_id, arg_min(a.title, coalesce(a.published, DATE '9999-12-31')) AS title,
               min(a.published) AS first, max(a.published) AS last,
               count(*) FILTER (WHERE s.duplicate_of IS NULL) AS sources,
               count(*) FILTER (WHERE s.duplicate_of IS NOT NULL) AS copies,
               list(a.id ORDER BY a.published NULLS LAST, a.id) AS article_ids
        FROM stories s JOIN articles a ON a.id = s.article_id AND a.is_current
        GROUP BY s.story_id HAVING count(*) FILTER (WHERE s.duplicate_of IS NULL) >= ?
        ORDER BY sources DESC, last DESC NULLS LAST, s.story_id LIMIT ?""",
        [min_sources, limit],
    )
    return [
        Story(
            r["story_id"],
            r["title"],
            r["first"],
            r["last"],
            r["sources"],
            r["copies"],
            tuple(r["article_ids"]),
        )
        for r in rows
    ]


def stories_are_current(store: Store) -> bool:
    """Do the stored stories cover exactly the current articles?"""
    row = store.query("""
        SELECT (SELECT count(*) FROM articles a WHERE a.is_current AND a.id NOT IN
                  (SELECT article_id FROM stories))
             + (SELECT count(*) FROM stories s WHERE s.article_id NOT IN
                  (SELECT id FROM articles WHERE is_current)) AS n""")
    return row[0]["n"] == 0


def _close_in_time(a: date | None, b: date | None, days: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= days


class _Groups:
    """Union-find over article ids."""

    def __init__(self, members: Iterable[Any]) -> None:
        self._parent = {m: m for m in members}

    def find(self, item: str) -> str:
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:
            self._parent[item], item = root, self._parent[item]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for member in self._parent:
            out.setdefault(self.find(member), []).append(member)
        return out
