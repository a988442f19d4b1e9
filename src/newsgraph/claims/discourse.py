"""Reasons stated across sentences and paragraphs.

Three general devices of explanatory prose:
- a why-question ("What prompted X?", "Why did X?") frames what follows: X becomes the topic, and
  the reasons stated after it (reason nouns, series, references back to X) are reasons for X;
- reason nouns after a copula chain reasons to their event, even paragraphs away: "Another reason
  for this visit is Y", "Y is another objective of X", "this is not the only reason" (the
  sentence before is a reason, and so are the rest of the paragraph's sentences);
- an event noun described by a function noun states its purpose: "the visit is a warning to Z".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.annotate.tokens import tokens_of
from newsgraph.claims.candidates import Candidate
from newsgraph.claims.cues import CausalLexicon
from newsgraph.claims.linking import EventLinker
from newsgraph.claims.spans import char_span, subject_of, subtree_ids, tokens_span
from newsgraph.model import Article, Event, Sentence, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

COPULAS = frozenset({"be", "remain", "become"})
# Reason nouns that explain by themselves; the others (issue, topic...) need a frame or a series.
STRONG_NOUNS = frozenset(
    {
        "reason",
        "motive",
        "motivation",
        "cause",
        "explanation",
        "objective",
        "aim",
        "goal",
        "purpose",
        "intention",
    }
)
_PRONOUNS = frozenset({"this", "that", "it", "these", "those"})
_QUANTIFIERS = frozenset({"one", "some", "many", "among", "part", "several"})


@dataclass(frozen=True, slots=True)
class DiscourseReason:
    """A reason found by a discourse device, with the event or span it explains."""

    sentence: int  # the sentence stating the cause
    cue_start: int  # clean-text offset of the cue, to avoid repeating an in-sentence candidate
    cause: Span
    effect: Span
    effect_sentence: int
    cue: str
    event_id: str | None
    evidence: Span


@dataclass(frozen=True, slots=True)
class Frame:
    """What a why-question asks about: its effect span and event."""

    sentence: int
    effect: Span
    event: Event | None
    cue: str


def is_question(sentence: Sentence) -> bool:
    return sentence.text.rstrip().rstrip("\"'”’").endswith("?")


class _Reader:
    """Walks an article's sentences in order, keeping the current frame and open series."""

    def __init__(
        self, article: Article, doc: Doc, lexicon: CausalLexicon, linker: EventLinker
    ) -> None:
        self.article = article
        self.doc = doc
        self.lexicon = lexicon
        self.linker = linker
        self.frame: Frame | None = None
        self.reasons: list[DiscourseReason] = []

    def sentence_span(self, index: int) -> SpacySpan | None:
        sentence = self.article.sentences[index]
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def whole(self, index: int) -> Span:
        sentence = self.article.sentences[index]
        return Span(sentence.start, sentence.end, sentence.text)

    def read(self, questions: Sequence[Sequence[Candidate]]) -> list[DiscourseReason]:
        series_paragraph: int | None = None
        for sentence in self.article.sentences:
            span = self.sentence_span(sentence.index)
            if span is None:
                continue
            if is_question(sentence):
                frame = self._frame(sentence, span, questions[sentence.index])
                if frame is not None:
                    self.frame = frame
                series_paragraph = None
                continue
            if series_paragraph is not None and sentence.paragraph != series_paragraph:
                series_paragraph = None
            found = self._reason_noun(span, sentence.index)
            if found == "series_opened":
                series_paragraph = sentence.paragraph
            elif found is None and series_paragraph is not None:
                self._add_topic_reason(
                    sentence.index, self.whole(sentence.index), "not the only reason", span[0].idx
                )
            self._function_noun(span, sentence.index)
        return self.reasons

    def _frame(
        self, sentence: Sentence, span: SpacySpan, questions: Sequence[Candidate]
    ) -> Frame | None:
        """The effect a why-question asks about, and its event (which becomes the topic)."""
        effect: Span | None = None
        cue = ""
        for candidate in questions:
            if candidate.effect is not None and candidate.cue.words[0] in self.lexicon.why_verbs:
                effect, cue = candidate.effect, candidate.cue.text
                break
        if effect is None and span[0].lower_ == "why":
            rest = {t.i for t in span[1:] if not (t.dep_ == "aux" and t.i == span.start + 1)}
            effect, cue = tokens_span(self.doc, rest), "why"
        if effect is None:
            return None
        event = self.linker.resolve(effect, sentence.index)
        if event is not None and self.linker.topic is None:
            self.linker.topic = event
        if event is not None and self.frame is not None and self.frame.event is event:
            return self.frame  # the question asks again about the topic: keep its first wording
        return Frame(sentence.index, effect, event, cue)

    def _add_topic_reason(
        self,
        index: int,
        cause: Span,
        cue: str,
        cue_start: int,
        evidence: Span | None = None,
        sentence: int | None = None,
    ) -> None:
        """A reason for the framed topic (the question's effect and event)."""
        frame = self.frame
        if frame is None:
            return
        event = self.linker.topic if frame.event is not None else None
        self._add(
            sentence if sentence is not None else index,
            cause,
            frame.effect,
            frame.sentence,
            cue,
            cue_start,
            event,
            evidence,
        )

    def _add(
        self,
        sentence: int,
        cause: Span,
        effect: Span,
        effect_sentence: int,
        cue: str,
        cue_start: int,
        event: Event | None,
        evidence: Span | None,
    ) -> None:
        self.reasons.append(
            DiscourseReason(
                sentence=sentence,
                cue_start=cue_start,
                cause=cause,
                effect=effect,
                effect_sentence=effect_sentence,
                cue=cue,
                event_id=event.id if event is not None else None,
                evidence=evidence or self.whole(sentence),
            )
        )

    def _reason_noun(self, span: SpacySpan, index: int) -> str | None:
        """A reason noun after a copula; returns "series_opened" for "not the only reason"."""
        for token in tokens_of(span):
            lemma = token.lemma_.lower()
            if token.pos_ != "NOUN" or lemma not in self.lexicon.agenda_nouns:
                continue
            pivot = token
            if (
                token.dep_ == "pobj"
                and token.head.lower_ == "of"
                and (token.head.head.lower_ in _QUANTIFIERS)
            ):
                pivot = token.head.head
            copula = pivot.head
            if pivot.dep_ not in {"attr", "nsubj"} or copula.lemma_.lower() not in COPULAS:
                continue
            other = (
                subject_of(copula)
                if pivot.dep_ == "attr"
                else next((c for c in copula.children if c.dep_ in {"attr", "ccomp"}), None)
            )
            if other is None:
                continue
            series = (
                pivot is not token
                or any(c.lower_ in self.lexicon.series_markers for c in token.children)
                or any(c.lower_ == "also" for c in copula.children)
            )
            only = any(c.lower_ == "only" for c in token.children) and any(
                c.dep_ == "neg" for c in copula.children
            )
            explained = self._explained(token, index)
            if explained is None and not (self.frame and (lemma in STRONG_NOUNS or series)):
                continue
            cue_text = " ".join(t.text for t in self.doc[pivot.left_edge.i : token.i + 1])
            cause, cause_sentence, evidence = self._cause(other, index)
            if explained is not None:
                effect, event = explained
                self._add(
                    cause_sentence, cause, effect, index, cue_text, token.idx, event, evidence
                )
            else:
                self._add_topic_reason(index, cause, cue_text, token.idx, evidence, cause_sentence)
            return "series_opened" if only else "found"
        return None

    def _explained(self, noun: Token, index: int) -> tuple[Span, Event | None] | None:
        """What a reason noun explains: "reason for X", "objective of X" naming an event."""
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"for", "of", "behind"}:
                continue
            for obj in prep.children:
                if obj.dep_ not in {"pobj", "pcomp"}:
                    continue
                span = tokens_span(self.doc, subtree_ids(obj), obj.i)
                if span is None:
                    continue
                event = self.linker.resolve(span, index)
                if event is not None:
                    return span, event
                if obj.lemma_.lower() in self.lexicon.event_nouns and self.frame is not None:
                    return self.frame.effect, self.linker.topic if self.frame.event else None
        return None

    def _cause(self, other: Token, index: int) -> tuple[Span, int, Span | None]:
        """The cause span; a pronoun ("this is the reason") points to the sentence before."""
        if other.lower_ in _PRONOUNS and other.n_lefts == 0 and other.n_rights == 0 and index > 0:
            previous = self.article.sentences[index - 1]
            current = self.article.sentences[index]
            evidence = Span(
                previous.start, current.end, self.article.clean_text[previous.start : current.end]
            )
            return self.whole(index - 1), index - 1, evidence
        span = tokens_span(self.doc, subtree_ids(other), other.i)
        return (span or self.whole(index)), index, None

    def _function_noun(self, span: SpacySpan, index: int) -> None:
        """ "EVENT is a warning to Z": the event's purpose, when the subject names an event."""
        for token in tokens_of(span):
            if token.lemma_.lower() not in self.lexicon.function_nouns or token.dep_ != "attr":
                continue
            copula = token.head
            verb = copula
            while verb.dep_ == "xcomp" and verb.head.i != verb.i:
                verb = verb.head  # "appears to be a warning": the subject sits on "appears"
            subject = subject_of(verb)
            if copula.lemma_.lower() not in COPULAS or subject is None:
                continue
            subject_span = tokens_span(self.doc, subtree_ids(subject), subject.i)
            if subject_span is None:
                continue
            event = self.linker.resolve(subject_span, index)
            if event is None:
                continue
            cause = char_span(self.doc, token.left_edge.i, token.right_edge.i + 1)
            self._add(index, cause, subject_span, index, token.text, token.idx, event, None)
            return


def find_reasons(
    article: Article,
    doc: Doc,
    lexicon: CausalLexicon,
    questions: Sequence[Sequence[Candidate]],
    linker: EventLinker,
) -> list[DiscourseReason]:
    """Reasons stated by discourse devices, in sentence order."""
    return _Reader(article, doc, lexicon, linker).read(questions)
