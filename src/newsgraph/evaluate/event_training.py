"""Training and cross-validating the event model on the annotated corpus (data/events).

Each annotated sentence is coded in its article, as ingest would: the Wikinews article is read
again from ../shared, cleaned, annotated with entities, linked and parsed, and the rule coder's
candidate triggers of the sentence become the examples. A candidate's label is the category of
the annotated event whose trigger words it overlaps, else NONE.

Scores (`cross_validate`) are 5-fold, split by article: the model of each fold never saw the
articles it is scored on, and its regularisation and temperature are chosen on articles held
out of its training folds only. Needs scikit-learn (the `train` extra).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsgraph.events.annotations import NONE, AnnotatedEvent
from newsgraph.events.dataset import Record
from newsgraph.events.features import CLASSES, VECTOR_COLUMNS, Item, feature_matrix
from newsgraph.events.learned import evidence_of
from newsgraph.events.minilm import shared_vectors
from newsgraph.events.model import EventModel
from newsgraph.model import ActorRef, Article

if TYPE_CHECKING:
    from newsgraph.events.coder import Candidate

log = logging.getLogger(__name__)

FOLDS = 5
C_GRID = (0.05, 0.3)
COMPONENTS = 96  # principal components of the MiniLM columns the layer is fitted on
TEMPERATURES = tuple(round(0.5 + 0.1 * i, 1) for i in range(26))  # 0.5 .. 3.0
SEED = 16
UNKNOWN = "---"
# Scored tuple: (category, source roots, target roots), roots sorted.
Triple = tuple[str, tuple[str, ...], tuple[str, ...]]


def root(code: str) -> str:
    """The first three letters of a code; a sector with no country is UNKNOWN."""
    from newsgraph.evaluate.events import country
    from newsgraph.events.arguments import AGENT_CODES

    head = country(code)
    return UNKNOWN if not head or head in AGENT_CODES or head.startswith("-") else head


def _roots(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({root(c) for c in codes if c}))


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """A candidate of an annotated sentence: model input, label, and what the rules made of it."""

    item: Item
    label: str
    rule_triples: tuple[Triple, ...]  # the rules' own events that count (not negated/unreal)
    source: tuple[str, ...]  # roots of the frame's source and target (rules' or frame reading)
    target: tuple[str, ...]
    unreal: bool  # negated or hypothetical by the rules' modality


@dataclass(frozen=True, slots=True)
class SentenceRows:
    """An annotated sentence: its gold events that count and its candidates."""

    sent_id: str
    article_id: str
    gold: tuple[tuple[Triple, bool], ...]  # (triple, gold has a target)
    candidates: tuple[CandidateRow, ...]
    covered: int  # gold events whose trigger a candidate overlaps
    gold_all: int  # gold events that count


def _gold(events: Sequence[AnnotatedEvent]) -> tuple[tuple[Triple, bool], ...]:
    out = []
    for e in events:
        if e.negated or e.hypothetical:
            continue
        triple = (e.event, _roots(a.code for a in e.source), _roots(a.code for a in e.target))
        out.append((triple, bool(e.target)))
    return tuple(out)


def _label(spans: Sequence[tuple[int, int]], events: Sequence[AnnotatedEvent]) -> str:
    for e in events:
        if e.trigger is not None and _touches(spans, e.trigger.start, e.trigger.end):
            return e.event
    return NONE


def _touches(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _words_of(candidate: Candidate, offset: int) -> list[tuple[int, int]]:
    """The candidate's trigger word and the words of the triggers it absorbed ("held talks":
    an annotator may mark either), relative to the sentence."""
    token = candidate.trigger.token
    tokens = [token] + [t.token for t in candidate.triggers.values() if t.absorbed_by == token.i]
    if candidate.trigger.complement is not None:
        tokens.append(candidate.trigger.complement)
    return [(t.idx - offset, t.idx - offset + len(t.text)) for t in tokens]


def _refs_roots(refs: Sequence[ActorRef]) -> tuple[str, ...]:
    return _roots(r.code for r in refs)


def sentence_rows(article: Article, wanted: dict[int, Record], coder: object) -> list[SentenceRows]:
    """The candidates of the annotated sentences of one coded article (doc, mentions, parse)."""
    from newsgraph.annotate import is_parsed
    from newsgraph.events.arguments import MentionIndex
    from newsgraph.events.coder import EventCoder

    assert isinstance(coder, EventCoder) and article.doc is not None
    index = MentionIndex.build(article.doc, article.mentions)
    out: list[SentenceRows] = []
    for sentence in article.doc.sents:
        found = article.sentence_at(sentence.start_char)
        if found is None or found.index not in wanted or not is_parsed(sentence):
            continue
        record = wanted[found.index]
        if found.text != record.sentence.text:
            log.warning("sentence text differs: %s", record.sentence.sent_id)
            continue
        offset = found.start
        rows: list[CandidateRow] = []
        spans: list[list[tuple[int, int]]] = []
        for candidate in coder.candidates(article, sentence, found.index, index):
            token = candidate.trigger.token
            start = token.idx - offset
            end = start + len(token.text)
            counted = [
                e for e in candidate.events if e.plover and not (e.negated or e.hypothetical)
            ]
            evidence, source, target, _ = evidence_of(coder, candidate, index)
            words = _words_of(candidate, offset)
            spans.append(words)
            rows.append(
                CandidateRow(
                    item=Item(found.text, start, end, evidence),
                    label=_label(words, record.events),
                    rule_triples=tuple(
                        dict.fromkeys(
                            (e.plover, _refs_roots(e.source), _refs_roots(e.target))
                            for e in counted
                        )
                    ),
                    source=_refs_roots(source),
                    target=_refs_roots(target),
                    unreal=evidence.negated or evidence.hypothetical,
                )
            )
        gold_events = [e for e in record.events if not (e.negated or e.hypothetical)]
        covered = sum(
            1
            for e in gold_events
            if e.trigger is not None
            and any(_touches(w, e.trigger.start, e.trigger.end) for w in spans)
        )
        out.append(
            SentenceRows(
                record.sentence.sent_id,
                record.sentence.article_id,
                _gold(record.events),
                tuple(rows),
                covered,
                len(gold_events),
            )
        )
    return out


def code_corpus(records: Sequence[Record], corpus: Path) -> list[SentenceRows]:
    """Run the pipeline over the annotated sentences' articles (read from the Wikinews JSONL)
    and collect the candidates of every annotated sentence."""
    from newsgraph.annotate import Annotator
    from newsgraph.clean import clean_article
    from newsgraph.events.coder import EventCoder
    from newsgraph.ingest.sources import read_inputs
    from newsgraph.link import Linker

    by_article: dict[str, dict[int, Record]] = {}
    for record in records:
        number = int(record.sentence.sent_id.rsplit("#", 1)[1])
        by_article.setdefault(record.sentence.article_id, {})[number] = record
    articles = [a for a in read_inputs([corpus]) if isinstance(a, Article) and a.id in by_article]
    annotator, linker, coder = Annotator(batch_size=32), Linker(), EventCoder()
    out: list[SentenceRows] = []
    for start in range(0, len(articles), 32):
        batch = annotator.entities([clean_article(a) for a in articles[start : start + 32]])
        linked = [linker.link(a, None) for a in batch if a.doc is not None]
        for article in annotator.parse(linked):
            out.extend(sentence_rows(article, by_article[article.id], coder))
    return out


@dataclass(slots=True)
class Examples:
    """The candidates of a set of sentences as arrays for training."""

    sentences: list[SentenceRows]
    features: np.ndarray
    labels: np.ndarray  # class index per candidate
    groups: np.ndarray  # article id per candidate
    owner: np.ndarray  # sentence index per candidate
    extra: dict[str, object] = field(default_factory=dict)


def examples_of(sentences: list[SentenceRows]) -> Examples:
    """Feature rows (MiniLM in numpy) and labels of every candidate."""
    rows = [(i, c) for i, s in enumerate(sentences) for c in s.candidates]
    features = feature_matrix([c.item for _, c in rows], shared_vectors())
    return Examples(
        sentences=sentences,
        features=features,
        labels=np.array([CLASSES.index(c.label) for _, c in rows], dtype=np.int64),
        groups=np.array([sentences[i].article_id for i, _ in rows]),
        owner=np.array([i for i, _ in rows], dtype=np.int64),
    )


def _columns(features: np.ndarray, columns: str) -> np.ndarray:
    return features if columns == "all" else features[:, :VECTOR_COLUMNS]


@dataclass(frozen=True, slots=True)
class _Fit:
    """A fitted logistic layer, composed back onto the standardised input columns."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (columns, classes)
    bias: np.ndarray

    def logits(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights + self.bias


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> _Fit:
    """Standardise, project the MiniLM columns on their first principal components (the
    logistic layer trains in seconds on a shared CPU), fit, and fold the projection back into
    the weights: the model reads the raw columns."""
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(0)
    scale = x.std(0)
    scale[scale < 1e-6] = 1.0
    xs = (x - mean) / scale
    vectors = min(VECTOR_COLUMNS, xs.shape[1])
    _, _, vt = np.linalg.svd(xs[:, :vectors], full_matrices=False)
    projection = vt[:COMPONENTS].T  # (vectors, components)
    reduced = np.hstack([xs[:, :vectors] @ projection, xs[:, vectors:]])
    model = LogisticRegression(C=c, max_iter=300, random_state=SEED)
    model.fit(reduced, y)
    coef = np.zeros((len(CLASSES), reduced.shape[1]))
    intercept = np.full(len(CLASSES), -30.0)
    coef[model.classes_] = model.coef_
    intercept[model.classes_] = model.intercept_
    weights = np.vstack([projection @ coef[:, :COMPONENTS].T, coef[:, COMPONENTS:].T])
    return _Fit(mean, scale, weights.astype(np.float32), intercept.astype(np.float32))


def _nll(logits: np.ndarray, y: np.ndarray, temperature: float) -> float:
    z = logits / temperature
    z = z - z.max(1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(1, keepdims=True))
    return float(-logp[np.arange(len(y)), y].mean())


def _folds(groups: np.ndarray, k: int) -> list[np.ndarray]:
    """Article-grouped folds, articles shuffled by a fixed seed (one mask per fold)."""
    articles = sorted(set(groups.tolist()))
    rng = np.random.default_rng(SEED)
    rng.shuffle(articles)
    fold_of = {a: i % k for i, a in enumerate(articles)}
    assignment = np.array([fold_of[g] for g in groups.tolist()])
    return [assignment == i for i in range(k)]


def train(x_all: np.ndarray, y: np.ndarray, groups: np.ndarray, columns: str) -> EventModel:
    """Fit a model: C and temperature chosen on a fifth of the training articles held out
    (lowest log-loss), then the layer refitted on all of them."""
    x = _columns(x_all, columns)
    held = _folds(groups, 5)[0]
    best: tuple[float, float, float] | None = None  # (log-loss, C, temperature)
    for c in C_GRID:
        logits = _fit(x[~held], y[~held], c).logits(x[held])
        for t in TEMPERATURES:
            loss = _nll(logits, y[held], t)
            if best is None or loss < best[0]:
                best = (loss, c, t)
    assert best is not None
    _, c, temperature = best
    fit = _fit(x, y, c)
    return EventModel(fit.weights, fit.bias, fit.mean, fit.scale, temperature, columns)


# --- scoring -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives, and the P/R/F1 they give."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _match(coded: Triple, gold: Triple, gold_has_target: bool) -> bool:
    return (
        coded[0] == gold[0] and coded[1] == gold[1] and (not gold_has_target or coded[2] == gold[2])
    )


def score_sentences(
    gold: Sequence[tuple[tuple[Triple, bool], ...]], coded: Sequence[Sequence[Triple]]
) -> tuple[Counts, Counts]:
    """Category and triple counts over sentences with several events each: categories as sets;
    triples matched one to one (a coded triple matches a gold one of the same category and
    sources, and the same targets unless gold has none)."""
    cat = [0, 0, 0]
    tri = [0, 0, 0]
    for gold_events, coded_events in zip(gold, coded, strict=True):
        gold_cats = {g[0][0] for g in gold_events}
        coded_cats = {c[0] for c in coded_events}
        cat[0] += len(gold_cats & coded_cats)
        cat[1] += len(coded_cats - gold_cats)
        cat[2] += len(gold_cats - coded_cats)
        remaining = list(dict.fromkeys(gold_events))
        unique = list(dict.fromkeys(coded_events))
        hits = 0
        for triple in unique:
            match = next((g for g in remaining if _match(triple, g[0], g[1])), None)
            if match is not None:
                remaining.remove(match)
                hits += 1
        tri[0] += hits
        tri[1] += len(unique) - hits
        tri[2] += len(remaining)
    return Counts(*cat), Counts(*tri)


def rule_triples(sentence: SentenceRows) -> list[Triple]:
    """What the rule coder alone counts in a sentence."""
    return [t for c in sentence.candidates for t in c.rule_triples]


def model_triples(
    sentence: SentenceRows,
    probabilities: np.ndarray,
    min_confidence: float = 0.0,
    own_actor: bool = True,
) -> list[Triple]:
    """What a model counts: each candidate whose best class is an event (with at least
    `min_confidence`), that the rules' modality does not mark negated or unreal, and that has an
    actor of its own (`own_actor`) or, failing that, stands in a sentence where the rules read
    an actor for another candidate."""
    out: list[Triple] = []
    sentence_has_actor = any(c.source or c.target for c in sentence.candidates)
    for candidate, row in zip(sentence.candidates, probabilities, strict=True):
        best = int(np.argmax(row))
        if best == 0 or candidate.unreal or row[best] < min_confidence:
            continue
        if not (candidate.source or candidate.target) and (own_actor or not sentence_has_actor):
            continue  # see events.learned: an event needs an actor, its own or its sentence's
        out.append((CLASSES[best], candidate.source, candidate.target))
    return out


def cross_validate(examples: Examples, columns: str, k: int = FOLDS) -> np.ndarray:
    """Out-of-fold calibrated probabilities of every candidate (folds by article; each fold's
    model chooses its own C and temperature on its training folds)."""
    probabilities = np.zeros((len(examples.labels), len(CLASSES)))
    for held in _folds(examples.groups, k):
        model = train(
            examples.features[~held], examples.labels[~held], examples.groups[~held], columns
        )
        probabilities[held] = model.probabilities(examples.features[held])
    return probabilities


def by_sentence(examples: Examples, probabilities: np.ndarray) -> list[np.ndarray]:
    """The probability rows of each sentence's candidates, in order."""
    return [probabilities[examples.owner == i] for i in range(len(examples.sentences))]


# An emission rule: (min_confidence, own_actor).
Rule = tuple[float, bool]
RULES: tuple[Rule, ...] = tuple((m, a) for a in (True, False) for m in (0.0, 0.5, 0.6, 0.7))


def nested_choice(
    examples: Examples, probabilities: np.ndarray, k: int = FOLDS
) -> tuple[Counts, Counts, list[Rule]]:
    """Score out-of-fold probabilities with the emission rule chosen on the other folds (best
    category F1 there), fold by fold: the choice never sees the fold it is scored on."""
    rows = by_sentence(examples, probabilities)
    owner_groups = np.array([s.article_id for s in examples.sentences])
    gold_all = [s.gold for s in examples.sentences]
    chosen: list[Rule] = []
    coded: list[list[Triple]] = [[] for _ in examples.sentences]
    for held in _folds(owner_groups, k):
        inside = [i for i in range(len(rows)) if not held[i]]

        def f1(rule: Rule, inside: list[int] = inside) -> float:
            triples = [model_triples(examples.sentences[i], rows[i], *rule) for i in inside]
            return score_sentences([gold_all[i] for i in inside], triples)[0].f1

        rule = max(RULES, key=f1)
        chosen.append(rule)
        for i in np.flatnonzero(held):
            coded[i] = model_triples(examples.sentences[i], rows[i], *rule)
    category, triple = score_sentences(gold_all, coded)
    return category, triple, chosen
