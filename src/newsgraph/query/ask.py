"""Answering questions from the store: coded events, motives and mentions, each answer quoted.

A question is read (kind, actors, places, content words, time), matched against coded events
(participants, place, trigger word or event type), and answered from the matching events' sides
and places, the motives linked to them, or — when no event was coded — from the best sentences
found by full-text search, read through their actor and place mentions. With nothing fitting, the
answer says so and quotes the closest sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.query.actors import ActorFinder, Named, default_linker
from newsgraph.query.facts import (
    EventFact,
    Evidence,
    MotiveFact,
    evidence,
    fetch_events,
    fetch_motives,
)
from newsgraph.query.lexicon import CLASS_KINDS
from newsgraph.query.question import Question, read_question
from newsgraph.query.reasons import cue_reason, motive_reasons
from newsgraph.query.relations import relations, within
from newsgraph.query.retrieve import focus_stems, retrieve, wanted_stems
from newsgraph.query.search import load_fts, search_sentences, stems, words_of
from newsgraph.store import Store

MAX_ANSWERS = 10
# Answer tiers: an event coded with the question's own verb, then a sentence using that verb
# (read through its mentions), then an event whose type the question only hints at.
SENTENCE_TIER = 100.0
SENTENCES_SEARCHED = 30
CLOSEST_EVIDENCE = 3
# A sentence answers a why-question only when it holds this share of the question's focus
# (IDF-weighted). Chosen by 5-fold cross-validation by article on the tune split of the CNC
# question set (F1 on answerable questions plus 1 per right abstention): 0.65 on every fold.
MIN_COVERAGE = 0.65
REASON_PASSAGES = 5
REASON_WEIGHT = 0.2  # how cleanly a span answers matters less than how well its sentence fits
# Where a participant phrase ends inside a sentence: punctuation or a new clause.
_CLAUSE_END = re.compile(r"[,;:.!?]|\s(?:as|when|while|after|before|because|who|which|that)\s")
_PERSONS_FIRST = {"person": 0, "org": 1, "igo": 1, "group": 1, "party": 1, "bloc": 2, "country": 3}


@dataclass(frozen=True, slots=True)
class AnswerItem:
    """One answer and the sentences it was read from."""

    text: str
    evidence: tuple[Evidence, ...]
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Answer:
    """The answers to a question, best first; `found` is False when only the closest evidence is
    shown."""

    question: str
    kind: str
    items: tuple[AnswerItem, ...]
    found: bool
    note: str = ""
    type: str = ""  # the fine question type the parse read (why, what-caused, who, whom, ...)

    def to_json(self) -> dict[str, Any]:
        """{"question", "type", "found", "answers": [{"text", "score", "evidence": [{article_id,
        title, published, url, sentence_index, sentence, start, end}]}]} where `sentence` is the
        quoted sentence text and start/end the answer's offsets in it (null when the answer is
        not quoted word for word, as an event's summary is not)."""
        return {
            "question": self.question,
            "type": self.type,
            "found": self.found,
            "answers": [
                {
                    "text": item.text,
                    "score": round(item.score, 4),
                    "evidence": [
                        _quoted(e, item.text if self.found else "") for e in item.evidence
                    ],
                }
                for item in self.items
            ],
        }


def _quoted(quoted: Evidence, answer: str) -> dict[str, Any]:
    at = quoted.sentence.find(answer) if answer else -1
    return {
        **quoted.to_json(),
        "sentence_index": quoted.sentence_index,
        "start": at if at >= 0 else None,
        "end": at + len(answer) if at >= 0 else None,
    }


def ask(
    store: Store, question: str, linker: ActorFinder | None = None, limit: int = MAX_ANSWERS
) -> Answer:
    """Answer a question from the store; `linker` defaults to the article linker."""
    q = read_question(store, question, linker if linker is not None else default_linker())
    board = _Board()
    note = ""
    if q.kind == "relations":
        note = _relations(store, q, board)
    elif q.kind == "identity":
        _identity(store, q, board)
    else:
        scored = _fitting_events(store, q)
        answer_from_events = {
            "why": _why,
            "who": _who,
            "where": _where,
            "when": _when,
            "which": _which,
            "what": _what,
        }[q.kind]
        answer_from_events(store, q, scored, board)
        literal = any(s.literal for s in scored)
        if q.kind in _FROM_SENTENCES and not (board.candidates and (literal or not q.stems)):
            # No event coded with the question's own verb: sentences that use it come first.
            _FROM_SENTENCES[q.kind](q, _sentences(store, q), board)
    if not board.candidates:
        return _closest(store, q)
    return Answer(question, q.kind, board.items(store, limit), True, note, q.type)


# -- collecting answers ------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    text: str
    score: float
    order: int
    places: list[tuple[str, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Board:
    """Answers being gathered: the same text from several sentences is one answer, cited more."""

    candidates: dict[str, _Candidate] = field(default_factory=dict)

    def add(self, text: str, score: float, article_id: str, sentence: int) -> None:
        key = " ".join(text.lower().split())
        if not key:
            return
        found = self.candidates.get(key)
        if found is None:
            found = self.candidates[key] = _Candidate(text, score, len(self.candidates))
        found.score = max(found.score, score)
        if (article_id, sentence) not in found.places:
            found.places.append((article_id, sentence))

    def items(self, store: Store, limit: int) -> tuple[AnswerItem, ...]:
        ranked = sorted(self.candidates.values(), key=lambda c: (-c.score, c.order))[:limit]
        quoted = evidence(store, (p for c in ranked for p in c.places))
        return tuple(
            AnswerItem(c.text, tuple(quoted[p] for p in c.places if p in quoted), c.score)
            for c in ranked
        )


def _closest(store: Store, q: Question) -> Answer:
    # The question's own content words and names; its frame words ("happened") would mislead.
    words = " ".join([*q.terms, *(n.text for n in q.named)]) or q.text
    hits = search_sentences(store, words, CLOSEST_EVIDENCE)
    quoted = evidence(store, ((h.article_id, h.sentence) for h in hits))
    found = tuple(
        quoted[(h.article_id, h.sentence)] for h in hits if (h.article_id, h.sentence) in quoted
    )
    text = (
        "No answer in the store; the closest sentences follow, not as answers."
        if found
        else "No answer in the store, and no sentence resembles the question."
    )
    return Answer(q.text, q.kind, (AnswerItem(text, found),), False, type=q.type)


# -- matching coded events ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float  # above 2 * SENTENCE_TIER when the trigger is the question's own word
    event: EventFact
    literal: bool


def _fitting_events(store: Store, q: Question) -> list[_Scored]:
    """Events naming everything the question names, with its verb or event type when it has one."""
    actors = q.actors
    countries = sorted({n.place_country for n in q.named if n.place_country})
    if not (actors or countries or q.stems):
        return []
    load_fts(store.con)  # `stems` below stems trigger words as the index does
    # With content words, only events with the question's verb or a hinted type can fit
    # (`_score`): said in SQL, so a busy actor's thousands of other events are never read. A
    # trigger word starting with a question stem is a candidate; `_score` checks its own stem.
    prefixes = r"\b(" + "|".join(re.escape(s) for s in q.stems) + ")" if q.stems else ""
    events = fetch_events(
        store,
        """(e.id IN (SELECT event_id FROM event_actors ea
                    WHERE len(list_filter(?::VARCHAR[], lambda p: starts_with(ea.code, p))) > 0
                       OR list_contains(?::VARCHAR[], ea.actor_id))
           OR list_contains(?::VARCHAR[], e.place_country)
           OR (? <> '' AND regexp_matches(lower(e.trigger_text), ?)))
           AND (? = '' OR list_contains(?::VARCHAR[], e.cameo_root)
                OR regexp_matches(lower(e.trigger_text), ?))""",
        [
            [a.prefix for a in actors],
            [a.actor_id for a in actors if a.actor_id],
            countries,
            prefixes,
            prefixes,
            prefixes,
            sorted({h[:2] for h in q.hints}),
            prefixes,
        ],
    )
    words = sorted({w.lower() for e in events for w in words_of(e.trigger)})
    stem_of = dict(zip(words, stems(store, words), strict=True))
    scored = []
    for event in events:
        if not within(event.day, q.since, q.until):
            continue
        trigger = {stem_of[w.lower()] for w in words_of(event.trigger)}
        result = _score(event, q, trigger)
        if result is not None:
            scored.append(result)
    scored.sort(key=lambda s: (-s.score, s.event.article_id, s.event.sentence))
    if any(s.literal for s in scored):  # events with the question's own verb say it best
        return [s for s in scored if s.literal]
    return scored


def _score(event: EventFact, q: Question, trigger: set[str]) -> _Scored | None:
    parties = (*event.source, *event.target)
    score = 0.0
    for named in q.named:
        got = 0.0
        if named.actor is not None:
            if any(named.actor.matches(p.code, p.actor_id, exact=True) for p in parties):
                got = 2.0
            elif any(named.actor.matches(p.code, p.actor_id) for p in parties):
                got = 1.0
        got = max(got, _place_match(event, named))
        if not got:
            return None
        score += got
    verb = bool(trigger & set(q.stems))
    hinted = any(event.cameo_root == h[:2] for h in q.hints)  # same kind of act: a soft match
    if q.stems and not (verb or hinted):
        return None
    score += 1.5 if hinted and not verb else 0.0
    if not event.happened:
        score -= 1.0
    return _Scored(score + (2 * SENTENCE_TIER if verb else 0.0), event, verb)


def _place_match(event: EventFact, named: Named) -> float:
    place = (event.place or "").lower()
    text = named.text.lower()
    if place and (text in place or place in text):
        return 1.5
    country = named.place_country or (named.actor.code if named.actor else None)
    if country and event.place_country and event.place_country == country[:3]:
        return 0.5
    return 0.0


def _opposite(event: EventFact, q: Question) -> tuple[Any, ...]:
    """The side of an event a who-question asks for: the one without the question's focus."""
    focus = q.focus
    if focus is not None and focus.actor is not None:
        actor = focus.actor
        in_source = any(actor.matches(p.code, p.actor_id) for p in event.source)
        in_target = any(actor.matches(p.code, p.actor_id) for p in event.target)
        if in_target and not in_source:
            return event.source
        if in_source and not in_target:
            return event.target
    return event.target if q.focus_is_subject else event.source


def _is_named(q: Question, code: str, actor_id: str | None) -> bool:
    """Is this one of the question's participants (not a place it is set in) — not an answer?"""
    return any(
        n.actor.matches(code, actor_id, exact=True)
        for n in q.named
        if n.actor is not None and not q.is_place(n)
    )


def _party_text(label: str, code: str) -> str:
    return f"{label} ({code})" if code and code != label else label


# -- answering from events ---------------------------------------------------------------------


def _why(store: Store, q: Question, scored: list[_Scored], board: _Board) -> None:
    """Reasons: the motives linked to the events of the actors the question names, else the
    reason the sentences that best fit its focus give."""
    # Without a named actor an event fits on its verb alone ("protest" is everywhere), and a
    # country's or a group's event of the kind the question hints at is one of many: too
    # loose to stand for the question, so the sentences decide. A named person's is not.
    person = any(a.is_person for a in q.actors)
    event_score = {s.event.id: s.score for s in scored if s.literal or person} if q.actors else {}
    linked = fetch_motives(store, "m.event_id IN (SELECT unnest(?))", [list(event_score)])
    for motive in _widest(linked):
        score = event_score[motive.event_id or ""]
        for sentence in motive.sentences:  # a reason may be stated over two sentences
            board.add(motive.cause, score, motive.article_id, sentence)
    if not board.candidates:
        _why_from_sentences(store, q, board)


def _why_from_sentences(store: Store, q: Question, board: _Board) -> None:
    """No motive of a matching event: the reason the best sentences give for the focus."""
    passages = [p for p in retrieve(store, q, q.reading) if p.coverage >= MIN_COVERAGE]
    passages = passages[:REASON_PASSAGES]
    wanted = wanted_stems(focus_stems(store, q, q.reading))
    stored = motive_reasons(store, passages, wanted)
    for passage in passages:
        reason = stored.get((passage.article_id, passage.sentence)) or cue_reason(
            store, passage, wanted
        )
        if reason is not None:
            score = passage.score + REASON_WEIGHT * reason.quality
            board.add(reason.text, score, passage.article_id, passage.sentence)


def _widest(motives: list[MotiveFact]) -> list[MotiveFact]:
    """Drop a cause read inside a longer cause of the same sentence ("to explain" within "a
    difficult step to explain"): one reason, quoted once."""
    kept = []
    for m in motives:
        inside = any(
            o is not m
            and (o.article_id, o.sentence) == (m.article_id, m.sentence)
            and m.cause in o.cause
            and len(o.cause) > len(m.cause)
            for o in motives
        )
        if not inside:
            kept.append(m)
    return kept


def _who(store: Store, q: Question, scored: list[_Scored], board: _Board) -> None:
    for s in scored:
        for party in _opposite(s.event, q):
            if not _is_named(q, party.code, party.actor_id):
                board.add(
                    _party_text(party.label, party.code),
                    s.score,
                    s.event.article_id,
                    s.event.sentence,
                )


def _where(store: Store, q: Question, scored: list[_Scored], board: _Board) -> None:
    named = {n.text.lower() for n in q.named}
    for s in scored:
        if s.event.place and s.event.place.lower() not in named:
            text = s.event.place + (f" ({s.event.place_country})" if s.event.place_country else "")
            board.add(text, s.score, s.event.article_id, s.event.sentence)


def _when(store: Store, q: Question, scored: list[_Scored], board: _Board) -> None:
    for s in scored:
        if not s.event.day:
            continue
        day = s.event.day if s.event.date else f"{s.event.day} (publication date; undated in text)"
        what = s.event.describe(with_day=False)
        board.add(f"{day}: {what}", s.score, s.event.article_id, s.event.sentence)


def _which(store: Store, q: Question, scored: list[_Scored], board: _Board) -> None:
    wanted = CLASS_KINDS.get(q.answer_class or "")
    if not wanted:
        return
    ids = sorted({p.actor_id for s in scored for p in _opposite(s.event, q) if p.actor_id})
    kinds = _actor_kinds(store, ids)
    for s in scored:
        for party in _opposite(s.event, q):
            if kinds.get(party.actor_id or "") in wanted and not _is_named(
                q, party.code, party.actor_id
            ):
                board.add(party.label, s.score, s.event.article_id, s.event.sentence)


def _what(store: Store, q: Question, scored: list[_Scored], board: _Board) -> None:
    for s in scored:
        board.add(s.event.describe(), s.score, s.event.article_id, s.event.sentence)


def _identity(store: Store, q: Question, board: _Board) -> None:
    """Who or what a named actor is (name, role, code), or where a named place lies, as the
    articles introduce them: the mention that says most (a role, a country), earliest first."""
    for named in q.named:
        if named.actor is not None and named.actor.actor_id:
            rows = store.query(
                """
                SELECT m.article_id, m.sentence, m.role, m.code, a.name, a.kind FROM mentions m
                JOIN actors a ON a.id = m.actor_id WHERE m.actor_id = ?
                ORDER BY m.role IS NULL, m.article_id, m.start LIMIT 1""",
                [named.actor.actor_id],
            )
        else:
            rows = store.query(
                """
                SELECT m.article_id, m.sentence, NULL AS role, m.country AS code,
                       m.text AS name, 'place' AS kind, c.name AS country_name
                FROM mentions m LEFT JOIN actors c ON c.id = 'country:' || m.country
                WHERE m.kind = 'place' AND lower(m.text) = lower(?)
                ORDER BY m.country IS NULL, m.article_id, m.start LIMIT 1""",
                [named.text],
            )
        for r in rows:
            if r["kind"] == "place":
                where = r["country_name"] or r["code"]
                text = f"{r['name']}: a place in {where}" if where else f"{r['name']}: a place"
            else:
                what = r["role"] or r["kind"]
                text = (
                    f"{r['name']}: {what} ({r['code']})" if what else f"{r['name']} ({r['code']})"
                )
            board.add(text, 1.0, r["article_id"], r["sentence"])


def _relations(store: Store, q: Question, board: _Board) -> str:
    a, b = q.actors[0], q.actors[1]
    found = relations(store, a, b, q.since, q.until)
    for event in reversed(found.events):  # most recent first at equal score
        board.add(event.describe(), 1.0, event.article_id, event.sentence)
    months = "; ".join(
        f"{m.month}: {m.events} events, {m.tone}, mean Goldstein {m.goldstein:+.1f}"
        for m in found.months
    )
    return found.summary() + (f" By month — {months}." if months else "")


def _actor_kinds(store: Store, ids: Sequence[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = store.query("SELECT id, kind FROM actors WHERE id IN (SELECT unnest(?))", [list(ids)])
    return {r["id"]: r["kind"] for r in rows}


# -- answering from sentences (no matching coded event) ------------------------------------------


@dataclass(frozen=True, slots=True)
class _MentionView:
    start: int  # offsets inside the sentence
    end: int
    text: str
    kind: str
    name: str
    code: str | None
    actor_id: str | None
    actor_kind: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class _SentenceView:
    article_id: str
    index: int
    text: str
    score: float
    mentions: tuple[_MentionView, ...]
    verbs: tuple[tuple[int, int], ...]  # spans of words sharing a stem with the question

    @property
    def rank(self) -> float:
        """Answers read here rank between events with the question's verb and hinted events."""
        return SENTENCE_TIER + self.score


def _sentences(store: Store, q: Question) -> list[_SentenceView]:
    """The best sentences for the question's words, with their mentions, best first."""
    query = " ".join([*q.terms, *(n.text for n in q.named)])
    hits = search_sentences(store, query, SENTENCES_SEARCHED)
    if not hits:
        return []
    keys = [(h.article_id, h.sentence) for h in hits]
    rows = store.query(
        """
        SELECT s.article_id, s.idx, s.start AS offset, m.start, m."end", m.text, m.kind,
               m.code, m.actor_id, m.country, a.name, a.kind AS actor_kind
        FROM sentences s
        JOIN (SELECT unnest(?) AS article_id, unnest(?) AS idx) w
          ON w.article_id = s.article_id AND w.idx = s.idx
        JOIN mentions m ON m.article_id = s.article_id AND m.sentence = s.idx
        LEFT JOIN actors a ON a.id = m.actor_id
        ORDER BY m.start""",
        [[k[0] for k in keys], [k[1] for k in keys]],
    )
    mentions: dict[tuple[str, int], list[_MentionView]] = {k: [] for k in keys}
    for r in rows:
        offset = r["offset"] or 0
        mentions[(r["article_id"], r["idx"])].append(
            _MentionView(
                r["start"] - offset,
                r["end"] - offset,
                r["text"],
                r["kind"],
                r["name"] or r["text"],
                r["code"],
                r["actor_id"],
                r["actor_kind"] or _kind_from_id(r["actor_id"]),
                r["country"],
            )
        )
    spans = [
        [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\W_]+", h.text)] for h in hits
    ]
    words = sorted({w.lower() for found in spans for _, _, w in found})
    stem_of = dict(zip(words, stems(store, words), strict=True))
    wanted = set(q.stems)
    return [
        _SentenceView(
            h.article_id,
            h.sentence,
            h.text,
            h.score,
            tuple(mentions[(h.article_id, h.sentence)]),
            tuple((s, e) for s, e, w in found if stem_of[w.lower()] in wanted),
        )
        for h, found in zip(hits, spans, strict=True)
    ]


def _kind_from_id(actor_id: str | None) -> str | None:
    return actor_id.split(":", 1)[0] if actor_id and ":" in actor_id else None


def _names(view: _SentenceView, named: Named) -> bool:
    """Does the sentence mention this named actor or place (by identity, code or words)?"""
    actor = named.actor
    for m in view.mentions:
        if (
            actor is not None
            and m.kind == "actor"
            and actor.matches(m.code, m.actor_id, exact=True)
        ):
            return True
        if m.kind == "place" and named.text.lower() in m.text.lower():
            return True
    return named.text.lower() in view.text.lower()


def _about_focus(q: Question, views: Iterable[_SentenceView]) -> list[_SentenceView]:
    """Sentences with the question's verb that name its focus (others may be places or absent)."""
    focus = q.focus
    return [v for v in views if v.verbs and (focus is None or _names(v, focus))]


def _agents(q: Question, view: _SentenceView) -> list[_MentionView]:
    """Who did the verb: the "by" phrase of a passive, else the actors just before the verb."""
    verb_start, verb_end = view.verbs[0]
    rest = view.text[verb_end:]
    passive = re.match(r"\s+by\s", rest)
    if passive:
        start = verb_end + passive.end()
        stop = _CLAUSE_END.search(view.text, start)
        region = (start, stop.start() if stop else len(view.text))
    else:
        boundaries = [m.end() for m in _CLAUSE_END.finditer(view.text[:verb_start])]
        region = (boundaries[-1] if boundaries else 0, verb_start)
    found = [
        m
        for m in view.mentions
        if m.kind == "actor"
        and region[0] <= m.start < region[1]
        and not _is_named(q, m.code or "", m.actor_id)
    ]
    if any(m.actor_kind != "country" for m in found):
        found = [m for m in found if m.actor_kind != "country"]  # "Azerbaijani" of "Azerbaijani X"
    return sorted(found, key=lambda m: (_PERSONS_FIRST.get(m.actor_kind or "", 2), m.start))


def _who_from_sentences(q: Question, views: list[_SentenceView], board: _Board) -> None:
    for view in _about_focus(q, views):
        for m in _agents(q, view):
            board.add(_party_text(m.name, m.code or ""), view.rank, view.article_id, view.index)


def _where_from_sentences(q: Question, views: list[_SentenceView], board: _Board) -> None:
    for view in _about_focus(q, views):
        verb_end = view.verbs[0][1]
        named = {n.text.lower() for n in q.named}
        places = [m for m in view.mentions if m.kind == "place" and m.text.lower() not in named]
        after = [m for m in places if m.start >= verb_end]
        before = [m for m in places if m.start < verb_end]
        best = after[0] if after else (before[-1] if before else None)
        if best is not None:
            text = best.text + (f" ({best.country})" if best.country else "")
            board.add(text, view.rank, view.article_id, view.index)


def _when_from_sentences(q: Question, views: list[_SentenceView], board: _Board) -> None:
    for view in _about_focus(q, views):
        for m in view.mentions:
            if m.kind == "date":
                board.add(m.text, view.rank, view.article_id, view.index)


def _which_from_sentences(q: Question, views: list[_SentenceView], board: _Board) -> None:
    """Actors of the wanted class in the best sentences that name everything the question names."""
    wanted = CLASS_KINDS.get(q.answer_class or "")
    fitting = [v for v in views if all(_names(v, n) for n in q.named) and (v.verbs or not q.stems)]
    if not fitting:
        return
    best = fitting[0].score
    for view in fitting:
        if view.score < best / 2:
            break
        for m in view.mentions:
            if _is_named(q, m.code or "", m.actor_id):
                continue
            fits = (
                m.kind == "place"
                if q.answer_class == "place"
                else (m.kind == "actor" and wanted is not None and m.actor_kind in wanted)
            )
            if fits:
                board.add(m.name, view.rank, view.article_id, view.index)


_FROM_SENTENCES = {
    "who": _who_from_sentences,
    "where": _where_from_sentences,
    "when": _when_from_sentences,
    "which": _which_from_sentences,
}
