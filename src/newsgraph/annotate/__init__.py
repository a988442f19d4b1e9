"""Annotate: entities and sentences for whole articles, then a parse of the sentences that need one.

`Annotator.entities` runs the entity phase over a batch (see `newsgraph.annotate.nlp`);
`Annotator.parse` parses the chosen sentences of the batch as single-sentence docs and writes
tags, heads, dependencies, POS and lemmas back into each article's Doc. A sentence left unparsed
has no tags and a flat tree (every token under its first); `is_parsed` tells them apart. A
sentence is parsed alone whether or not its neighbours are, so choosing fewer sentences never
changes the parse of those chosen.

Work is done once per distinct text in a batch: copies of one article (a wire story several sites
publish word for word) get copies of one Doc from the entity phase, and a sentence that occurs
more than once among the chosen (word for word) is parsed once. Both models read words only, so
the annotations are the ones each copy would get alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.annotate.language import DEFAULT_LANGUAGE, read_language
from newsgraph.annotate.nlp import MEMO_ATTRIBUTES, load_pipeline, phases_of
from newsgraph.model import Article, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.vocab import Vocab

__all__ = ["Annotator", "Chooser", "is_parsed", "load_pipeline", "read_language"]

# A Doc's user_data key: token offsets of the sentences that were parsed.
PARSED = "newsgraph.parsed"
# Which sentences of an article to parse (default: all).
Chooser = Callable[[Article, "SpacySpan"], bool]


def is_parsed(sentence: SpacySpan) -> bool:
    """Was this sentence parsed? (Docs made by spaCy's whole pipeline are parsed throughout.)"""
    parsed = sentence.doc.user_data.get(PARSED)
    return parsed is None or sentence.start in parsed


class Annotator:
    """A stage: spaCy over English articles in batches — entities first, then chosen sentences."""

    def __init__(
        self,
        model: str | None = None,
        batch_size: int = 64,
        blas: str | None = None,
        language: str = DEFAULT_LANGUAGE,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.blas = blas
        self.language = language  # what a text too short to tell is taken to be, if undeclared
        self._memo: object | None = None

    def __call__(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Every English article with entities and every sentence parsed."""
        from spacy.util import minibatch

        for batch in minibatch(articles, self.batch_size):
            yield from self.parse(self.entities(batch))

    def entities(self, articles: Iterable[Article]) -> list[Article]:
        """Language, entities and sentences; articles not in English come back without a Doc.

        The language an input declares (page, feed, JSONL) is the fallback for a text too short
        or too ambiguous to detect, not an override: pages often declare a template's language."""
        nlp = load_pipeline(self.model, self.blas)
        out: list[Article] = []
        english: list[int] = []
        for article in articles:
            reading = read_language(article.clean_text, article.language, self.language)
            language = reading.language
            out.append(replace(article, language=language, language_confidence=reading.confidence))
            if language.lower().startswith("en"):
                english.append(len(out) - 1)
        texts = list(dict.fromkeys(out[i].clean_text for i in english))  # distinct, in order
        docs = self._run(nlp, phases_of(nlp).entities, (nlp.make_doc(t) for t in texts))
        annotated = dict(zip(texts, docs, strict=True))
        taken: set[str] = set()
        for i in english:
            text = out[i].clean_text
            doc = annotated[text].copy() if text in taken else annotated[text]
            taken.add(text)
            out[i] = replace(out[i], doc=doc, sentences=tuple(sentences_of(out[i], doc)))
        return out

    def parse(self, articles: Sequence[Article], choose: Chooser | None = None) -> list[Article]:
        """Parse the chosen sentences of each article (default: all), in one pass over the batch."""
        nlp = load_pipeline(self.model, self.blas)
        chosen: list[tuple[Doc, list[SpacySpan], list[tuple[int, Words]]]] = []
        distinct: dict[Words, None] = {}  # each distinct sentence once, in order
        for article in articles:
            if article.doc is None:
                continue
            sentences = list(article.doc.sents)
            picked = [i for i, s in enumerate(sentences) if choose is None or choose(article, s)]
            words = _sentence_words(article.doc, [sentences[i] for i in picked])
            keys = list(zip(picked, words, strict=True))
            distinct.update((key, None) for _, key in keys)
            chosen.append((article.doc, sentences, keys))
        pieces = (_sentence_doc(nlp.vocab, key) for key in distinct)
        parsed = dict(zip(distinct, self._run(nlp, phases_of(nlp).syntax, pieces), strict=True))
        for doc, sentences, keys in chosen:
            _write_back(doc, sentences, {i: parsed[key] for i, key in keys})
        return list(articles)

    def _run(self, nlp: Language, names: Sequence[str], docs: Iterable[Doc]) -> list[Doc]:
        for name in names:
            component = (
                self._memo_attributes(nlp) if name == MEMO_ATTRIBUTES else nlp.get_pipe(name)
            )
            if hasattr(component, "pipe"):
                docs = component.pipe(docs, batch_size=self.batch_size)
            else:  # a function component
                docs = map(component, docs)  # type: ignore[call-overload]
        return list(docs)

    def _memo_attributes(self, nlp: Language) -> object:
        if self._memo is None:
            from newsgraph.annotate.attributes import MemoAttributes

            self._memo = MemoAttributes(nlp)
        return self._memo


# A sentence as the models read it: its words and whether a space follows each.
Words = tuple[tuple[str, ...], tuple[bool, ...]]


def _sentence_words(doc: Doc, sentences: list[SpacySpan]) -> Iterator[Words]:
    if not sentences:
        return
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    for s in sentences:
        yield tuple(words[s.start : s.end]), tuple(spaces[s.start : s.end])


def _sentence_doc(vocab: Vocab, words: Words) -> Doc:
    """A sentence as a new Doc of its words alone (the syntax phase needs nothing else)."""
    import numpy
    from spacy.attrs import SENT_START
    from spacy.tokens import Doc

    piece = Doc(vocab, words=list(words[0]), spaces=list(words[1]))
    # One sentence: the parser must not split it, or the article's sentences would change.
    starts = numpy.full((len(piece), 1), -1, dtype="int64")
    starts[0, 0] = 1
    piece.from_array([SENT_START], starts.astype("uint64"))  # type: ignore[arg-type]
    return piece


def _write_back(doc: Doc, sentences: list[SpacySpan], parsed: dict[int, Doc]) -> None:
    """Copy each parsed sentence's annotation into the article's Doc; flat trees elsewhere."""
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    values = numpy.zeros((len(doc), len(attrs)), dtype="int64")
    dep, root = doc.vocab.strings.add("dep"), doc.vocab.strings.add("ROOT")
    for i, sentence in enumerate(sentences):
        start, end = sentence.start, sentence.end
        if i in parsed:
            values[start:end] = parsed[i].to_array(attrs).astype("int64")
        else:
            values[start:end, 4] = numpy.arange(0, start - end, -1)  # each token → the first
            values[start:end, 5] = dep
            values[start, 5] = root
    doc.from_array(attrs, values.astype("uint64"))  # type: ignore[arg-type]
    doc.user_data[PARSED] = frozenset(sentences[i].start for i in parsed)


def sentences_of(article: Article, doc: object) -> Iterator[Sentence]:
    """The doc's sentences (whitespace trimmed) with their paragraph index."""
    paragraph = 0
    index = 0
    for sent in doc.sents:  # type: ignore[attr-defined]
        raw = article.clean_text[sent.start_char : sent.end_char]  # the doc's text, unjoined
        text = raw.strip()
        if not text:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        while (
            paragraph + 1 < len(article.paragraphs)
            and article.paragraphs[paragraph + 1].start <= start
        ):
            paragraph += 1
        yield Sentence(index, start, start + len(text), text, paragraph)
        index += 1
