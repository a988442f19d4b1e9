"""Scoring the why-extractor on the Causal News Corpus (CNC V2 train, CC0).

Sentence detection: a sentence counts as causal when the extractor the pipeline uses, applied to
the sentence as a one-sentence article, finds at least one motive in it. Span overlap: for every
gold relation, the best predicted pair of its sentence by the mean of cause and effect token F1
(missed sentences count 0). The classifier inside the extractor is learned from this same file,
so its scores are k-fold cross-validated: each fold is scored by a model trained on the others.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.model import Article, Provenance, Sentence, Span

if TYPE_CHECKING:
    from spacy.language import Language

    from newsgraph.claims.candidates import Candidate
    from newsgraph.claims.classifier import CueClassifier

log = logging.getLogger(__name__)

SENTENCES_FILE = "train_subtask1.csv"
RELATIONS_FILE = "train_subtask2_grouped.csv"
_TAG = re.compile(r"</?(ARG0|ARG1|SIG\d+)>")


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """One gold cause/effect pair as whitespace-token index sets of the sentence."""

    cause: frozenset[int]
    effect: frozenset[int]


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    causal: bool
    relations: tuple[GoldRelation, ...] = ()


@dataclass(frozen=True, slots=True)
class CausalScore:
    """Sentence detection P/R/F1 and cause/effect span token F1 on CNC."""

    sentences: int
    causal_sentences: int
    relations: int
    precision: float
    recall: float
    f1: float
    span_f1: float
    cause_f1: float
    effect_f1: float
    all_causal_f1: float
    folds: int  # 0: the shipped model as is; k: k-fold cross-validated
    seconds: float = 0.0


def _tagged_tokens(tagged: str) -> tuple[list[str], dict[str, set[int]]]:
    """Whitespace tokens of a tagged CNC sentence and the token ids inside each tag."""
    tokens: list[str] = []
    inside: dict[str, set[int]] = {}
    open_tags: set[str] = set()
    for piece in re.split(r"(</?(?:ARG0|ARG1|SIG\d+)>|\s+)", tagged):
        if not piece or piece.isspace():
            continue
        match = _TAG.fullmatch(piece)
        if match:
            name = match.group(1)
            if piece.startswith("</"):
                open_tags.discard(name)
            else:
                open_tags.add(name)
            continue
        # A tag glued to a word ("<ARG0>to") splits the word; glue pieces with no space between.
        index = len(tokens)
        tokens.append(piece)
        for name in open_tags:
            inside.setdefault(name, set()).add(index)
    return tokens, inside


def read_gold(directory: Path) -> list[GoldSentence]:
    """The CNC sentences with their labels and, for causal ones, the tagged relations."""
    sentences_path = directory / SENTENCES_FILE
    relations_path = directory / RELATIONS_FILE
    if not sentences_path.is_file() or not relations_path.is_file():
        raise FileNotFoundError(f"{directory} lacks {SENTENCES_FILE} or {RELATIONS_FILE}")
    relations: dict[str, tuple[GoldRelation, ...]] = {}
    with relations_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            key = row["index"].removeprefix("cnc_").rsplit("_", 1)[0]
            pairs = []
            for tagged in ast.literal_eval(row["causal_text_w_pairs"]):
                tokens, inside = _tagged_tokens(_glue(tagged))
                if len(tokens) != len(row["text"].split()):
                    log.debug("token mismatch in %s", key)
                    continue
                pairs.append(
                    GoldRelation(
                        frozenset(inside.get("ARG0", ())), frozenset(inside.get("ARG1", ()))
                    )
                )
            relations[key] = tuple(pairs)
    gold = []
    with sentences_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            gold.append(
                GoldSentence(
                    id=row["index"],
                    text=row["text"],
                    causal=row["label"] == "1",
                    relations=relations.get(row["index"], ()),
                )
            )
    return gold


def _glue(tagged: str) -> str:
    """Put a space around every tag so that tags never split or join words."""
    return _TAG.sub(lambda m: f" {m.group(0)} ", tagged)


def token_ids(text: str, span: Span) -> frozenset[int]:
    """Whitespace-token ids of a sentence that a character span overlaps."""
    ids = set()
    for index, match in enumerate(re.finditer(r"\S+", text)):
        if match.start() < span.end and span.start < match.end():
            ids.add(index)
    return frozenset(ids)


def token_f1(predicted: frozenset[int], gold: frozenset[int]) -> float:
    """Token-overlap F1 of two token sets."""
    common = len(predicted & gold)
    if not common:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def sentence_article(sentence_id: str, text: str, doc: object) -> Article:
    """A one-sentence article around a parsed sentence, as the pipeline would build it."""
    return Article(
        id=sentence_id,
        raw_text=text,
        provenance=Provenance(source="cnc"),
        clean_text=text,
        sentences=(Sentence(index=0, start=0, end=len(text), text=text),),
        doc=doc,  # type: ignore[arg-type]
    )


def _prf(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def parse(gold: Sequence[GoldSentence], nlp: Language | None = None) -> list[object]:
    """spaCy Docs of the gold sentences, one nlp.pipe pass in batches."""
    if nlp is None:
        from newsgraph.annotate.nlp import load_pipeline

        nlp = load_pipeline()
    return list(nlp.pipe((g.text for g in gold), batch_size=256, n_process=1))


def fold_of(sentence_id: str, folds: int, seed: int = 0) -> int:
    """A stable fold for a sentence: its CNC document, so one story never spans two folds.

    Seed 0 is the pinned split the floors use; other seeds give other splits by document, to
    tell a change from the luck of one split.
    """
    document = sentence_id.rsplit("_", 1)[0]
    if seed == 0:
        return sum(document.encode()) % folds
    digest = hashlib.blake2b(f"{seed}:{document}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % folds


def score_predictions(
    gold: Sequence[GoldSentence], articles: Sequence[Article], folds: int, seconds: float = 0.0
) -> CausalScore:
    """Score extracted motives of one-sentence articles against the gold sentences."""
    predicted = [bool(a.motives) for a in articles]
    labels = [g.causal for g in gold]
    precision, recall, f1 = _prf(predicted, labels)
    _, _, baseline = _prf([True] * len(labels), labels)
    span_total = cause_total = effect_total = 0.0
    relations = 0
    for sentence, article in zip(gold, articles, strict=True):
        pairs = [
            (token_ids(sentence.text, m.cause), token_ids(sentence.text, m.effect))
            for m in article.motives
        ]
        for relation in sentence.relations:
            relations += 1
            best = (0.0, 0.0, 0.0)
            for cause, effect in pairs:
                c, e = token_f1(cause, relation.cause), token_f1(effect, relation.effect)
                if (c + e) / 2 > best[0]:
                    best = ((c + e) / 2, c, e)
            span_total += best[0]
            cause_total += best[1]
            effect_total += best[2]
    return CausalScore(
        sentences=len(gold),
        causal_sentences=sum(labels),
        relations=relations,
        precision=precision,
        recall=recall,
        f1=f1,
        span_f1=span_total / relations if relations else 0.0,
        cause_f1=cause_total / relations if relations else 0.0,
        effect_f1=effect_total / relations if relations else 0.0,
        all_causal_f1=baseline,
        folds=folds,
        seconds=seconds,
    )


def extract_all(
    gold: Sequence[GoldSentence],
    docs: Sequence[object],
    classifier_for: Iterable[CueClassifier | None] | None = None,
    encoder: str = "none",
) -> list[Article]:
    """Run the pipeline's why-extractor on each sentence as a one-sentence article."""
    from newsgraph.claims.extractor import WhyExtractor

    models = list(classifier_for) if classifier_for is not None else [None] * len(gold)
    extractors: dict[int, WhyExtractor] = {}
    out = []
    for sentence, doc, model in zip(gold, docs, models, strict=True):
        extractor = extractors.get(id(model))
        if extractor is None:
            extractor = WhyExtractor(classifier=model, encoder=encoder)
            extractors[id(model)] = extractor
        out.append(extractor.extract_motives(sentence_article(sentence.id, sentence.text, doc)))
    return out


def read_candidates(gold: Sequence[GoldSentence], docs: Sequence[object]) -> list[list[Candidate]]:
    """The cue candidates of every gold sentence, read as a one-sentence article."""
    from newsgraph.claims.extractor import WhyExtractor

    finder = WhyExtractor(rules_only=True)
    return [
        [c for found in finder.candidates(sentence_article(g.id, g.text, d)) for c in found]
        for g, d in zip(gold, docs, strict=True)
    ]


def cue_vectors(
    gold: Sequence[GoldSentence], candidates: Sequence[Sequence[Candidate]], encoder: str
) -> list[Sequence[float]]:
    """The cue vector of every gold sentence (zeros where it has no usable candidate)."""
    from newsgraph.claims.encoder import cue_spans, shared_encoder

    pairs = [(g.text, cue_spans(found)) for g, found in zip(gold, candidates, strict=True)]
    return list(shared_encoder(encoder).vectors(pairs))


def score_causal(
    directory: Path | str,
    folds: int = 5,
    nlp: Language | None = None,
    seed: int = 0,
    encoder: str = "none",
) -> CausalScore:
    """Score the why-extractor on CNC: k-fold cross-validated (folds=0: the shipped model as is);
    `seed` picks the split by document (0: the pinned one); `encoder` adds a pretrained
    encoder's cue vectors to the sentence gate ("none": the gate alone)."""
    import time

    from newsgraph.evaluate.cue_training import train_classifier

    started = time.perf_counter()
    gold = read_gold(Path(directory))
    docs = parse(gold, nlp)
    if folds <= 1:
        articles = extract_all(gold, docs, encoder=encoder)
        return score_predictions(gold, articles, 0, time.perf_counter() - started)
    candidates = read_candidates(gold, docs)
    vectors = None if encoder == "none" else cue_vectors(gold, candidates, encoder)
    assignment = [fold_of(g.id, folds, seed) for g in gold]
    models: list[CueClassifier | None] = [None] * len(gold)
    for fold in range(folds):
        train = [i for i, f in enumerate(assignment) if f != fold]
        model = train_classifier(
            [candidates[i] for i in train],
            [gold[i] for i in train],
            seed=seed,
            cue_vectors=None if vectors is None else [vectors[i] for i in train],
            encoder=encoder,
        )
        log.info("fold %d: trained on %d sentences", fold, len(train))
        for i, f in enumerate(assignment):
            if f == fold:
                models[i] = model
    articles = extract_all(gold, docs, models, encoder)
    return score_predictions(gold, articles, folds, time.perf_counter() - started)


def format_report(score: CausalScore) -> str:
    """A short plain-text report of a CausalScore."""
    how = f"{score.folds}-fold cross-validated" if score.folds else "shipped model, no CV"
    return "\n".join(
        [
            f"CNC V2 train: {score.sentences} sentences ({score.causal_sentences} causal), "
            f"{score.relations} gold relations; {how}",
            f"sentence detection  P {score.precision:.3f}  R {score.recall:.3f}  "
            f"F1 {score.f1:.3f}  (all-causal baseline F1 {score.all_causal_f1:.3f})",
            f"span token F1       {score.span_f1:.3f}  (cause {score.cause_f1:.3f}, "
            f"effect {score.effect_f1:.3f})",
            f"time {score.seconds:.1f} s",
        ]
    )
