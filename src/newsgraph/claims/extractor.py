"""The why-stage: claims with holder and certainty, then motives linked to their events."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from newsgraph.claims.candidates import Candidate, CandidateFinder
from newsgraph.claims.claims import ClaimFinder
from newsgraph.claims.cues import causal_lexicon, certainty_lexicon
from newsgraph.claims.encoder import cue_spans, shared_encoder
from newsgraph.claims.motives import MotiveBuilder
from newsgraph.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.claims.classifier import CueClassifier

_UNSET = object()


class WhyExtractor:
    """Claims and motives of an article, from its parsed Doc (no second spaCy pass).

    The cue classifier loads lazily on first use so the extractor pickles cheaply; pass
    `classifier=None` explicitly through `rules_only=True` to keep every cue candidate.
    """

    def __init__(
        self,
        classifier: CueClassifier | None = None,
        rules_only: bool = False,
        encoder: str = "none",
    ) -> None:
        self._classifier: object = classifier if classifier is not None or rules_only else _UNSET
        self._finder: CandidateFinder | None = None
        # "none": the sentence gate alone; else a pretrained encoder's cue vectors join it.
        self.encoder = encoder

    @property
    def finder(self) -> CandidateFinder:
        if self._finder is None:
            self._finder = CandidateFinder(causal_lexicon())
        return self._finder

    @property
    def classifier(self) -> CueClassifier | None:
        if self._classifier is _UNSET:
            from newsgraph.claims.classifier import shipped_classifier

            self._classifier = shipped_classifier(self.encoder)
        return self._classifier  # type: ignore[return-value]

    def __getstate__(self) -> dict[str, object]:
        classifier = None if self._classifier is _UNSET else self._classifier
        return {
            "classifier": classifier,
            "unset": self._classifier is _UNSET,
            "encoder": self.encoder,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self._classifier = _UNSET if state["unset"] else state["classifier"]
        self._finder = None
        self.encoder = str(state["encoder"])

    def __call__(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The stage: enrich each article with claims and motives."""
        for article in articles:
            yield self.extract(article)

    def extract(self, article: Article) -> Article:
        """Claims first (motives take their holder and certainty from them), then motives."""
        return self.extract_motives(self.extract_claims(article))

    def candidates(self, article: Article) -> list[list[Candidate]]:
        """Cue candidates of every sentence of the article, by sentence index."""
        doc = _doc(article)
        found: list[list[Candidate]] = [[] for _ in article.sentences]
        for sentence in article.sentences:
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is not None and len(span):
                found[sentence.index] = self.finder.find(span, sentence.index)
        return found

    def extract_claims(self, article: Article) -> Article:
        """The article with one claim per assertion, each with holder and certainty."""
        claims = ClaimFinder(certainty_lexicon()).find(article, _doc(article))
        return dataclasses.replace(article, claims=tuple(claims))

    def extract_motives(self, article: Article) -> Article:
        """The article with its motives: causes and reasons, linked to events where possible."""
        doc = _doc(article)
        classifier = self.classifier
        found = self.candidates(article)
        vectors = self._cue_vectors(article, found, classifier)
        accepted = [
            classifier.select(cands, vectors.get(index))
            if classifier is not None
            else [c for c in cands if not c.interrogative]
            for index, cands in enumerate(found)
        ]
        questions = [[c for c in cands if c.interrogative] for cands in found]
        rejected = [
            [c for c in cands if not c.interrogative and c not in kept]
            for cands, kept in zip(found, accepted, strict=True)
        ]
        builder = MotiveBuilder(article, doc, causal_lexicon())
        motives = builder.build(accepted, questions, rejected)
        return dataclasses.replace(article, motives=tuple(motives))

    def _cue_vectors(
        self, article: Article, found: list[list[Candidate]], classifier: CueClassifier | None
    ) -> dict[int, Sequence[float]]:
        """Cue vectors of the sentences with a usable candidate, when an encoder head is on."""
        if classifier is None or classifier.head is None or self.encoder == "none":
            return {}
        wanted = [(s, cue_spans(found[s.index], s.start)) for s in article.sentences]
        wanted = [(s, spans) for s, spans in wanted if spans]
        if not wanted:
            return {}
        vectors = shared_encoder(self.encoder).vectors([(s.text, spans) for s, spans in wanted])
        return {s.index: vector for (s, _), vector in zip(wanted, vectors, strict=True)}


def _doc(article: Article) -> Doc:
    if article.doc is None:
        raise ValueError(f"article {article.id} has no parsed Doc: run the annotate stage first")
    return article.doc


def extract_claims(article: Article) -> Article:
    """Claims with holder and certainty (module-level convenience over WhyExtractor)."""
    return _default().extract_claims(article)


def extract_motives(article: Article) -> Article:
    """Motives linked to events (module-level convenience over WhyExtractor)."""
    return _default().extract_motives(article)


_DEFAULT: list[WhyExtractor] = []


def _default() -> WhyExtractor:
    if not _DEFAULT:
        _DEFAULT.append(WhyExtractor())
    return _DEFAULT[0]
