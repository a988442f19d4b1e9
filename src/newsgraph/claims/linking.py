"""Linking a cause's effect to the event it explains: the event coded in the effect, or the event
a later noun phrase refers back to ("this visit", "his trip", "Putin's arrival")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.model import Article, Event, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Determiners and possessors by which a noun phrase points back to a known happening.
_BACK_REFERENCE = frozenset({"this", "that", "the", "his", "her", "its", "their", "these", "those"})


def _codes(refs: tuple[object, ...]) -> set[str]:
    return {getattr(r, "code", "")[:3] for r in refs if getattr(r, "code", "")}


def same_happening(a: Event, b: Event, lemma_a: str, lemma_b: str) -> bool:
    """True when two coded events plausibly name one happening (same word or CAMEO root, and
    no clash of known participants)."""
    if lemma_a != lemma_b and (not a.cameo_root or a.cameo_root != b.cameo_root):
        return False
    for side in ("source", "target"):
        left, right = _codes(getattr(a, side)), _codes(getattr(b, side))
        if left and right and not left & right:
            return False
    return True


class EventLinker:
    """Finds the event an effect span names, preferring the article's topic event when the span
    names the same happening again."""

    def __init__(
        self, article: Article, doc: Doc, event_nouns: frozenset[str] = frozenset()
    ) -> None:
        self.article = article
        self.doc = doc
        self.event_nouns = event_nouns
        self.topic: Event | None = None
        self._lemmas = {e.id: self._trigger_lemma(e) for e in article.events}

    def _trigger_lemma(self, event: Event) -> str:
        span = self.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None or not len(span):
            return event.trigger.text.lower()
        return span.root.lemma_.lower()

    def lemma(self, event: Event) -> str:
        return self._lemmas.get(event.id, event.trigger.text.lower())

    def canonical(self, event: Event) -> Event:
        """The topic event when `event` names it again, else `event` itself."""
        topic = self.topic
        if topic is None or topic.id == event.id:
            return event
        if same_happening(topic, event, self.lemma(topic), self.lemma(event)):
            return topic
        return event

    def event_in(self, span: Span, sentence: int) -> Event | None:
        """The event whose trigger lies inside a span of a sentence (the earliest), canonical."""
        inside = [
            e
            for e in self.article.events
            if e.sentence == sentence and span.start <= e.trigger.start < span.end
        ]
        if not inside:
            return None
        inside.sort(key=lambda e: e.trigger.start)
        return self.canonical(inside[0])

    def refers_to_topic(self, noun: Token) -> bool:
        """True when a definite or possessed event noun ("this visit", "Putin's arrival") names
        the topic event again."""
        if self.topic is None:
            return False
        definite = any(
            c.dep_ in {"det", "poss"} and (c.lower_ in _BACK_REFERENCE or c.dep_ == "poss")
            for c in noun.children
        )
        if not definite:
            return False
        lemma = noun.lemma_.lower()
        return lemma == self.lemma(self.topic) or lemma in self.event_nouns

    def resolve(self, span: Span, sentence: int) -> Event | None:
        """The event a span names: one coded inside it, else the topic it refers back to."""
        event = self.event_in(span, sentence)
        if event is not None:
            return event
        tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            return None
        # Only the phrase's own head, or the subject of its verb, names what the span is about.
        root = tokens.root
        heads = [root, *(c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"})]
        for token in heads:
            if token.pos_ != "NOUN":
                continue
            if self.refers_to_topic(token):
                return self.topic
            earlier = self._earlier_same_word(token, sentence)
            if earlier is not None:
                return earlier
        return None

    def _earlier_same_word(self, noun: Token, sentence: int) -> Event | None:
        """Without a topic, "this visit" names the latest earlier event of the same word."""
        if self.topic is not None or not any(
            c.dep_ in {"det", "poss"} and (c.lower_ in _BACK_REFERENCE or c.dep_ == "poss")
            for c in noun.children
        ):
            return None
        lemma = noun.lemma_.lower()
        earlier = [
            e for e in self.article.events if e.sentence < sentence and self.lemma(e) == lemma
        ]
        return earlier[-1] if earlier else None
