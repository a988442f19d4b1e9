"""Why-questions generated from the Causal News Corpus: the effect turned into a question.

Each CNC cause/effect relation gives one question whose answer is the cause span. The effect
clause is rewritten with its parse: an auxiliary moves before the subject ("were many Uyghurs
imprisoned" → "Why were many Uyghurs imprisoned?"), a finite verb takes do-support with its
tense ("TRS condemned arrests" → "Why did TRS condemn arrests?", or "What caused TRS to condemn
arrests?"), and a nominal effect is asked about as a whole ("What led to the strike?"). The
passage to ingest is the sentence with the other CNC sentences of its document.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.evaluate.causal import GoldSentence

# Subjects that cannot open a question on their own: the question would not say who acted.
_BARE_SUBJECTS = {"which", "who", "that", "what", "whom"}
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
_END = {".", ",", ";", ":", "!", "?"}
# "What caused they to ..." reads "What caused them to ...".
_OBJECT_CASE = {"they": "them", "he": "him", "she": "her", "we": "us", "i": "me"}
MAX_ANSWER_TOKENS = 40


@dataclass(frozen=True, slots=True)
class AskRecord:
    """One question of an ask set, in the JSONL shape `newsgraph eval ask` reads."""

    id: str
    article_id: str
    type: str
    question: str
    answer: str
    answer_sentence: str
    passage: str | None = None

    def to_json(self) -> dict[str, str]:
        row = {
            "id": self.id,
            "article_id": self.article_id,
            "type": self.type,
            "question": self.question,
            "answer": self.answer,
            "answer_sentence": self.answer_sentence,
        }
        if self.passage is not None:
            row["passage"] = self.passage
        return row


def without_marks(gold: Iterable[GoldSentence]) -> list[GoldSentence]:
    """The sentences without the byte-order marks CNC keeps inside a few of them (no token is
    lost: a mark is glued to a word)."""
    return [dataclasses.replace(g, text=g.text.replace("\ufeff", "")) for g in gold]


def document_of(sentence_id: str) -> str:
    """The CNC document a sentence id belongs to ("train_05_299_259" → "train_05_299")."""
    return sentence_id.rsplit("_", 1)[0]


def passages(gold: Iterable[GoldSentence]) -> dict[str, str]:
    """Each CNC document's sentences joined in id order: the text ingested for its questions."""
    by_document: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for sentence in gold:
        by_document[document_of(sentence.id)].append((_number(sentence.id), sentence.text))
    return {doc: " ".join(text for _, text in sorted(rows)) for doc, rows in by_document.items()}


def _number(sentence_id: str) -> int:
    tail = sentence_id.rsplit("_", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def token_text(text: str, ids: Iterable[int]) -> str:
    """The whitespace tokens of `text` at these ids, joined by spaces (CNC text is tokenised)."""
    tokens = text.split()
    return " ".join(tokens[i] for i in sorted(ids) if i < len(tokens))


def char_span(text: str, ids: Iterable[int]) -> tuple[int, int]:
    """Character offsets covering the whitespace tokens at these ids."""
    wanted = set(ids)
    spans = [m.span() for i, m in enumerate(re.finditer(r"\S+", text)) if i in wanted]
    return spans[0][0], spans[-1][1]


def generate(gold: Sequence[GoldSentence], docs: Sequence[Any]) -> list[AskRecord]:
    """One question per usable relation of every causal sentence (its spaCy Doc aligned)."""
    texts = passages(gold)
    records = []
    for sentence, doc in zip(gold, docs, strict=True):
        for number, relation in enumerate(sentence.relations):
            if not relation.cause or not relation.effect or relation.cause & relation.effect:
                continue
            if len(relation.cause) > MAX_ANSWER_TOKENS:
                continue
            record_id = f"cnc:{sentence.id}:{number}"
            start, end = char_span(sentence.text, relation.effect)
            question = question_for(doc, start, end, _pick(record_id))
            if question is None:
                continue
            kind, text = question
            records.append(
                AskRecord(
                    id=record_id,
                    article_id=document_of(sentence.id),
                    type=kind,
                    question=text,
                    answer=token_text(sentence.text, relation.cause),
                    answer_sentence=sentence.text,
                    passage=texts[document_of(sentence.id)],
                )
            )
    return records


def _pick(record_id: str) -> int:
    """A stable choice among phrasings, by a hash of the record id."""
    return hashlib.blake2b(record_id.encode(), digest_size=2).digest()[0] % 3


def question_for(doc: Any, start: int, end: int, variant: int = 0) -> tuple[str, str] | None:
    """(type, question) asking for the cause of the effect at [start, end) of a parsed sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tokens = [t for t in span if not t.is_punct or t.i not in (span.start, span.end - 1)]
    inside = {t.i for t in tokens}
    head = span.root
    if head.pos_ in ("VERB", "AUX"):
        return _verbal(head, inside, variant)
    if any(t.tag_ in _DO or t.tag_ == "MD" for t in tokens):
        return None  # a clause the parse did not head by its verb: no sound question
    phrase = _words(tokens)
    if not phrase:
        return None
    if variant == 0:
        return "what-caused", f"What caused {_lower_first(tokens, phrase)}?"
    return "what-led-to", f"What led to {_lower_first(tokens, phrase)}?"


def _verbal(verb: Any, inside: set[int], variant: int) -> tuple[str, str] | None:
    """A clause headed by `verb`: its subject found in the clause or, failing that, the parse."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB",):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lower_ in _BARE_SUBJECTS:
        return None
    subject = subjects[0]
    subtree = sorted(subject.subtree, key=lambda t: t.i)
    if subject.i in inside:
        subtree = [t for t in subtree if t.i in inside]  # the effect's own words only
    elif any(t.i in inside for t in subtree):
        return None
    subject_ids = {t.i for t in subtree}
    subject_text = _words(subtree)
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i in inside]
    rest_tokens = [
        t
        for t in verb.doc[min(inside) : max(inside) + 1]
        if t.i not in subject_ids
        and t.i > subject.i
        and not (t.i == max(inside) and t.text in _END)
    ]
    if auxiliaries:
        first = auxiliaries[0]
        if first.lower_ == "to":
            return None
        rest = _words([t for t in rest_tokens if t.i != first.i])
        return "why", f"Why {first.lower_} {_subject(subject, subject_text)} {rest}?"
    if verb.lemma_ == "be":
        rest = _words([t for t in rest_tokens if t.i != verb.i])
        return "why", f"Why {verb.lower_} {_subject(subject, subject_text)} {rest}?"
    do = _DO.get(verb.tag_)
    if do is None:
        return None
    after = _words([t for t in rest_tokens if t.i != verb.i])
    predicate = f"{verb.lemma_} {after}".strip()
    if variant == 2:
        object_text = _OBJECT_CASE.get(subject_text.lower(), _subject(subject, subject_text))
        return "what-caused", f"What caused {object_text} to {predicate}?"
    return "why", f"Why {do} {_subject(subject, subject_text)} {predicate}?"


def _words(tokens: Sequence[Any]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _subject(subject: Any, text: str) -> str:
    first = next(t for t in sorted(subject.subtree, key=lambda t: t.i) if text.startswith(t.text))
    return _lower_first([first], text)


def _lower_first(tokens: Sequence[Any], text: str) -> str:
    """Lower-case a phrase's first word unless it is a name, an acronym or "I"."""
    first = tokens[0]
    if first.pos_ == "PROPN" or (first.text.isupper() and len(first.text) > 1) or first.text == "I":
        return text
    return text[:1].lower() + text[1:]
