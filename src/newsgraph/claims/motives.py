"""Motives: accepted cue candidates and discourse reasons, linked to the events they explain."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.claims.candidates import Candidate
from newsgraph.claims.cues import CausalLexicon
from newsgraph.claims.discourse import DiscourseReason, find_reasons, is_question
from newsgraph.claims.linking import EventLinker
from newsgraph.model import Article, Certainty, Claim, Motive, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


_VOUCHED_FORMS = frozenset({"marker", "preposition", "noun", "connective"})


class MotiveBuilder:
    """Turns the candidates and discourse reasons of one article into Motive records."""

    def __init__(self, article: Article, doc: Doc, lexicon: CausalLexicon) -> None:
        self.article = article
        self.doc = doc
        self.lexicon = lexicon
        self.linker = EventLinker(article, doc, lexicon.event_nouns)

    def build(
        self,
        accepted: Sequence[Sequence[Candidate]],
        questions: Sequence[Sequence[Candidate]],
        rejected: Sequence[Sequence[Candidate]] = (),
    ) -> list[Motive]:
        """Motives in sentence order; one sentence explains one event once, by its strongest
        device (discourse reasons before in-sentence cues)."""
        reasons = find_reasons(self.article, self.doc, self.lexicon, questions, self.linker)
        covered = {r.cue_start for r in reasons}
        found = [self._from_reason(r) for r in reasons]
        for candidates in accepted:
            for candidate in candidates:
                if candidate.cue_span.start in covered or is_question(
                    self.article.sentences[candidate.sentence]
                ):
                    continue
                motive = self._from_candidate(candidate)
                if motive is not None:
                    found.append(motive)
        # A cue the classifier doubted still counts when its effect names the topic event again
        # ("Putin's visit comes against the backdrop of Y"): the discourse vouches for it.
        for candidates in rejected:
            for candidate in candidates:
                motive = self._from_candidate(candidate)
                if (
                    motive is not None
                    and candidate.cue.form in _VOUCHED_FORMS
                    and candidate.cue.needs is None
                    and self.linker.topic is not None
                    and motive.event_id == self.linker.topic.id
                    and candidate.cue_span.start not in covered
                ):
                    found.append(motive)
        motives: list[Motive] = []
        seen: set[tuple[object, ...]] = set()
        for motive in found:
            key: tuple[object, ...] = (
                (motive.sentence, motive.event_id)
                if motive.event_id is not None
                else (motive.cause.start, motive.cause.end, motive.effect.start)
            )
            if key not in seen:
                seen.add(key)
                motives.append(motive)
        motives.sort(key=lambda m: (m.sentence, m.cause.start))
        return [_with_id(m, self.article.id, n) for n, m in enumerate(motives)]

    def _from_candidate(self, candidate: Candidate) -> Motive | None:
        cause, effect = candidate.cause, candidate.effect
        sentence = effect_sentence = candidate.sentence
        if cause is None:  # a connective opening the sentence: the cause is the sentence before
            if candidate.sentence == 0 or effect is None:
                return None
            sentence = candidate.sentence - 1
            previous = self.article.sentences[sentence]
            cause = Span(previous.start, previous.end, previous.text)
        if effect is None:
            return None
        event = self.linker.resolve(effect, effect_sentence)
        holder, certainty = self._attribution(candidate.sentence)
        first = self.article.sentences[sentence]
        last = self.article.sentences[candidate.sentence]
        evidence = Span(first.start, last.end, self.article.clean_text[first.start : last.end])
        return Motive(
            id="",
            article_id=self.article.id,
            sentence=sentence,
            cause=cause,
            effect=effect,
            cue=candidate.cue.text,
            holder=holder,
            certainty=certainty,
            event_id=event.id if event is not None else None,
            effect_sentence=effect_sentence if effect_sentence != sentence else None,
            evidence=evidence,
        )

    def _from_reason(self, reason: DiscourseReason) -> Motive:
        holder, certainty = self._attribution(reason.sentence)
        return Motive(
            id="",
            article_id=self.article.id,
            sentence=reason.sentence,
            cause=reason.cause,
            effect=reason.effect,
            cue=reason.cue,
            holder=holder,
            certainty=certainty,
            event_id=reason.event_id,
            effect_sentence=reason.effect_sentence
            if reason.effect_sentence != reason.sentence
            else None,
            evidence=reason.evidence,
        )

    def _attribution(self, sentence: int) -> tuple[tuple[str, ...], Certainty]:
        """Holder and certainty of the claim made in a sentence (the author's by default)."""
        claim: Claim | None = next((c for c in self.article.claims if c.sentence == sentence), None)
        if claim is None:
            return ("author",), "asserted"
        return claim.holder, claim.certainty


def _with_id(motive: Motive, article_id: str, n: int) -> Motive:
    from dataclasses import replace

    return replace(motive, id=f"{article_id}:m{n}")
