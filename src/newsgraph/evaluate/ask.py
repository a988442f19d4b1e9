"""Scoring `ask` on a question set: evidence found, answer token F1, abstention, by type.

A question set is JSONL: {"id", "article_id", "type", "question", "answer", "answer_sentence"},
plus "passage" (the text to ingest under `article_id`) or, without it, the Wikinews article of
that id read from ../shared. A record whose answer is "" has nothing in the store to answer it:
abstaining is right there. The passages are ingested into a temporary store by the ordinary
pipeline and each question is asked with the same function as `newsgraph ask --json`.

Figures: `evidence` is the share of answerable questions whose top answer quotes a sentence
containing the answer (normalised as SQuAD does); `f1` the SQuAD token F1 of the top answer's
text (0 when abstaining); abstention precision is the share of abstentions on unanswerable
questions. The `locked` split (a hash of the question id) is scored, never listed.

Questions generated from CNC (ids "cnc:...") ask about sentences the why-stage's cue model was
trained on. To keep that out of the score, their passages are coded with the cross-validated
models of the causal evaluation: a passage of a document in fold k by a model trained on the
other folds (`cnc_folds`, split by document as `newsgraph.evaluate.causal.fold_of` does).
"""

from __future__ import annotations

import hashlib
import json
import re
import string
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from newsgraph.evaluate.askset import AskRecord

Split = Literal["locked", "tune", "all"]
LOCKED_SHARE = 3  # one question in three is locked
CNC_FOLDS = 5
CNC_PREFIX = "cnc:"
_ARTICLES = re.compile(r"\b(a|an|the)\b")


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one question was answered."""

    id: str
    type: str
    answerable: bool
    abstained: bool
    evidence: bool  # the top evidence sentence contains the answer
    f1: float
    answer: str
    sentence: str
    seconds: float


@dataclass(frozen=True, slots=True)
class Figures:
    """Scores over a group of questions."""

    questions: int
    answerable: int
    evidence: float
    f1: float
    abstained: int
    abstention_rate: float
    abstention_precision: float
    abstention_recall: float


@dataclass(frozen=True, slots=True)
class AskScore:
    """The scores of a run: overall and by question type, with the split scored."""

    file: str
    split: str
    overall: Figures
    by_type: dict[str, Figures]
    p95_ms: float
    seconds: float
    outcomes: tuple[Outcome, ...] = field(default=(), repr=False)


def split_of(question_id: str) -> Literal["locked", "tune"]:
    """The split of a question, by a hash of its id."""
    digest = hashlib.blake2b(f"ask-split:{question_id}".encode(), digest_size=8).digest()
    return "locked" if int.from_bytes(digest, "big") % LOCKED_SHARE == 0 else "tune"


def read_records(path: Path) -> list[AskRecord]:
    """The questions of a JSONL file."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            missing = {"id", "article_id", "type", "question", "answer"} - row.keys()
            if missing:
                raise ValueError(f"{path}:{number} lacks {', '.join(sorted(missing))}")
            records.append(
                AskRecord(
                    id=row["id"],
                    article_id=row["article_id"],
                    type=row["type"],
                    question=row["question"],
                    answer=row["answer"],
                    answer_sentence=row.get("answer_sentence", ""),
                    passage=row.get("passage"),
                )
            )
    return records


def normalise(text: str) -> str:
    """SQuAD's answer normalisation: lower case, no punctuation, no articles, single spaces."""
    text = "".join(c for c in text.lower() if c not in string.punctuation and c not in "“”‘’")
    return " ".join(_ARTICLES.sub(" ", text).split())


def token_f1(predicted: str, gold: str) -> float:
    """SQuAD token F1 of two answers after normalisation."""
    ours, theirs = normalise(predicted).split(), normalise(gold).split()
    common = sum((Counter(ours) & Counter(theirs)).values())
    if not common:
        return 0.0
    precision, recall = common / len(ours), common / len(theirs)
    return 2 * precision * recall / (precision + recall)


def contains(sentence: str, answer: str) -> bool:
    """Does the sentence hold the answer (both normalised)?"""
    wanted = normalise(answer)
    return bool(wanted) and f" {wanted} " in f" {normalise(sentence)} "


def passages(records: Iterable[AskRecord], wikinews: Path | None) -> list[dict[str, str]]:
    """The articles to ingest: each record's passage, or its Wikinews article by id, once."""
    texts: dict[str, dict[str, str]] = {}
    wanted_wikinews: set[str] = set()
    for record in records:
        if record.article_id in texts:
            continue
        if record.passage:
            texts[record.article_id] = {"id": record.article_id, "text": record.passage}
            if record.id.startswith(CNC_PREFIX):
                texts[record.article_id]["source"] = "cnc"
        elif record.answer:
            wanted_wikinews.add(record.article_id)
    if wanted_wikinews:
        if wikinews is None or not wikinews.is_file():
            raise FileNotFoundError(f"questions over Wikinews articles need {wikinews}")
        with wikinews.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("id") in wanted_wikinews:
                    texts[row["id"]] = {k: v for k, v in row.items() if isinstance(v, str)}
        lost = wanted_wikinews - texts.keys()
        if lost:
            raise ValueError(f"no Wikinews article with id {', '.join(sorted(lost)[:5])}")
    return list(texts.values())


def outcome(record: AskRecord, answer: object, seconds: float) -> Outcome:
    """Score one answer (a `newsgraph.query.ask.Answer`) against its record."""
    from newsgraph.query.ask import Answer

    assert isinstance(answer, Answer)
    top = answer.items[0] if answer.found and answer.items else None
    text = top.text if top is not None else ""
    sentence = top.evidence[0].sentence if top is not None and top.evidence else ""
    return Outcome(
        id=record.id,
        type=record.type,
        answerable=bool(record.answer),
        abstained=top is None,
        evidence=bool(record.answer) and contains(sentence, record.answer),
        f1=token_f1(text, record.answer) if record.answer and top is not None else 0.0,
        answer=text,
        sentence=sentence,
        seconds=seconds,
    )


def figures(outcomes: Sequence[Outcome]) -> Figures:
    """Scores of a group of outcomes."""
    answerable = [o for o in outcomes if o.answerable]
    abstained = [o for o in outcomes if o.abstained]
    unanswerable = [o for o in outcomes if not o.answerable]
    right = sum(not o.answerable for o in abstained)
    return Figures(
        questions=len(outcomes),
        answerable=len(answerable),
        evidence=_mean(o.evidence for o in answerable),
        f1=_mean(o.f1 for o in answerable),
        abstained=len(abstained),
        abstention_rate=len(abstained) / len(outcomes) if outcomes else 0.0,
        abstention_precision=right / len(abstained) if abstained else 0.0,
        abstention_recall=right / len(unanswerable) if unanswerable else 0.0,
    )


def _mean(values: Iterable[float]) -> float:
    found = list(values)
    return sum(found) / len(found) if found else 0.0


def fold_models(cnc: Path, folds: int) -> dict[int, object]:
    """Per fold, a WhyExtractor whose cue model was trained on the CNC sentences of the other
    folds (the causal evaluation's split by document)."""
    from newsgraph.claims.extractor import WhyExtractor
    from newsgraph.evaluate.askset import without_marks
    from newsgraph.evaluate.causal import fold_of, parse, read_candidates, read_gold
    from newsgraph.evaluate.cue_training import train_classifier

    gold = without_marks(read_gold(cnc))
    candidates = read_candidates(gold, parse(gold))
    assignment = [fold_of(g.id, folds) for g in gold]
    models: dict[int, object] = {}
    for fold in range(folds):
        train = [i for i, f in enumerate(assignment) if f != fold]
        model = train_classifier([candidates[i] for i in train], [gold[i] for i in train])
        models[fold] = WhyExtractor(classifier=model)
    return models


def ingest_passages(
    store: object, rows: list[dict[str, str]], tmp: Path, cnc: Path | None, folds: int
) -> None:
    """Ingest the passages; CNC documents each by the why-model of the folds without them."""
    from newsgraph.evaluate.causal import fold_of
    from newsgraph.run.local import ingest

    groups: dict[int | None, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        from_cnc = row.get("source") == "cnc" and cnc is not None
        groups[fold_of(f"{row['id']}_0", folds) if from_cnc else None].append(row)
    models = fold_models(cnc, folds) if cnc is not None and set(groups) - {None} else {}
    for fold, group in sorted(groups.items(), key=lambda g: -1 if g[0] is None else g[0]):
        path = tmp / f"passages-{fold}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for row in group:
                clean = {k: v for k, v in row.items() if k != "source"}
                handle.write(json.dumps(clean, ensure_ascii=False) + "\n")
        ingest([path], store, why=None if fold is None else models[fold])  # type: ignore[arg-type]


def score_ask(
    path: Path | str,
    split: Split = "all",
    wikinews: Path | None = None,
    store_path: Path | None = None,
    cnc: Path | None = None,
    folds: int = CNC_FOLDS,
) -> AskScore:
    """Ingest the set's passages into a fresh store (temporary unless `store_path`), ask every
    question of the split, and score the answers. `cnc`: the CNC folder, needed to code
    passages of CNC questions with out-of-fold why-models."""
    from newsgraph.query.actors import default_linker
    from newsgraph.query.ask import ask
    from newsgraph.query.search import rebuild_search_index
    from newsgraph.store import Store

    started = time.perf_counter()
    path = Path(path)
    records = [r for r in read_records(path) if split == "all" or split_of(r.id) == split]
    if cnc is None and any(r.id.startswith(CNC_PREFIX) for r in records):
        raise ValueError("questions generated from CNC need the CNC folder (out-of-fold models)")
    with (
        tempfile.TemporaryDirectory() as tmp,
        Store(store_path or Path(tmp) / "ask.duckdb") as store,
    ):
        ingest_passages(store, passages(records, wikinews), Path(tmp), cnc, folds)
        rebuild_search_index(store)
        linker = default_linker()
        results = []
        for record in records:
            asked = time.perf_counter()
            found = ask(store, record.question, linker)
            results.append(outcome(record, found, time.perf_counter() - asked))
    by_type: dict[str, list[Outcome]] = defaultdict(list)
    for o in results:
        by_type[o.type].append(o)
    times = sorted(o.seconds for o in results)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] * 1000 if times else 0.0
    return AskScore(
        file=path.name,
        split=split,
        overall=figures(results),
        by_type={kind: figures(group) for kind, group in sorted(by_type.items())},
        p95_ms=p95,
        seconds=time.perf_counter() - started,
        outcomes=tuple(results),
    )


def format_report(score: AskScore) -> str:
    """A plain-text table of the scores; outcomes are never listed for the locked split."""
    header = f"{'type':<12} {'n':>4} {'evidence':>9} {'F1':>6} {'abst.':>6} {'abst.P':>7}"
    lines = [
        f"{score.file}, split {score.split}: {score.overall.questions} questions "
        f"({score.overall.answerable} answerable), p95 {score.p95_ms:.0f} ms/question, "
        f"{score.seconds:.0f} s",
        header,
    ]
    for name, f in [*score.by_type.items(), ("all", score.overall)]:
        lines.append(
            f"{name:<12} {f.questions:>4} {f.evidence:>9.3f} {f.f1:>6.3f} "
            f"{f.abstention_rate:>6.3f} {f.abstention_precision:>7.3f}"
        )
    lines.append(
        f"abstention recall on unanswerable questions: {score.overall.abstention_recall:.3f}"
    )
    return "\n".join(lines)
