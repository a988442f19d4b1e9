"""Train the shipped event model from data/events/events.jsonl and measure it by 5-fold CV.

Codes every annotated sentence in its Wikinews article (../shared, read in place), scores rules
alone, the model on MiniLM vectors alone, and the model with the rules' evidence, by 5-fold
cross-validation split by article; writes the scores to eval/events_cv.json and the model
trained on all sentences to src/newsgraph/resources/models/events/event_model.npz.

    PYTHONPATH=src python scripts/train_event_model.py [--no-save]
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from pathlib import Path

from newsgraph.evaluate.event_training import (
    RULES,
    Counts,
    by_sentence,
    code_corpus,
    cross_validate,
    examples_of,
    model_triples,
    nested_choice,
    rule_triples,
    score_sentences,
    train,
)
from newsgraph.events.dataset import read_corpus
from newsgraph.events.model import EventModel

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "events" / "events.jsonl"
WIKINEWS = ROOT.parent / "shared" / "data" / "corpora" / "wikinews-en" / "wikinews_en.jsonl"
MODEL = ROOT / "src" / "newsgraph" / "resources" / "models" / "events" / "event_model.npz"
SCORES = ROOT / "eval" / "events_cv.json"


def _figures(counts: tuple[Counts, Counts]) -> dict[str, dict[str, float | int]]:
    return {
        level: {
            "precision": round(c.precision, 4),
            "recall": round(c.recall, 4),
            "f1": round(c.f1, 4),
            "tp": c.tp,
            "fp": c.fp,
            "fn": c.fn,
        }
        for level, c in zip(("category", "triple"), counts, strict=True)
    }


def main() -> None:
    """Code, cross-validate, train, write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-save", action="store_true", help="measure only")
    parser.add_argument(
        "--no-cv", action="store_true", help="train only (keep eval/events_cv.json)"
    )
    parser.add_argument("--cache", type=Path, help="reuse coded candidates from this pickle")
    args = parser.parse_args()
    started = time.perf_counter()
    records = list(read_corpus(CORPUS))
    if args.cache and args.cache.exists():
        examples = pickle.loads(args.cache.read_bytes())
    else:
        examples = examples_of(code_corpus(records, WIKINEWS))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(examples))
    sentences = examples.sentences
    print(f"coded and encoded in {time.perf_counter() - started:.0f} s", flush=True)
    if args.no_cv:
        _save(train(examples.features, examples.labels, examples.groups, "all"))
        return
    gold = [s.gold for s in sentences]
    report: dict[str, object] = {
        "sentences": len(sentences),
        "articles": len({s.article_id for s in sentences}),
        "candidates": len(examples.labels),
        "gold_events_counted": sum(s.gold_all for s in sentences),
        "gold_triggers_covered_by_candidates": sum(s.covered for s in sentences),
        "rules": _figures(score_sentences(gold, [rule_triples(s) for s in sentences])),
    }
    for name, columns in (("model", "vectors"), ("combined", "all")):
        probabilities = cross_validate(examples, columns)
        rows = by_sentence(examples, probabilities)
        category, triple, chosen = nested_choice(examples, probabilities)
        report[name] = {
            "emission_rule_chosen_per_fold": [
                {"min_confidence": m, "own_actor": a} for m, a in chosen
            ],
            "nested": _figures((category, triple)),
            **{
                f"min_confidence_{m}" + ("" if a else "_any_actor"): _figures(
                    score_sentences(
                        gold,
                        [model_triples(s, p, m, a) for s, p in zip(sentences, rows, strict=True)],
                    )
                )
                for m, a in RULES
            },
        }
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=2))
    if args.no_save:
        return
    SCORES.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    _save(train(examples.features, examples.labels, examples.groups, "all"))


def _save(model: EventModel) -> None:
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    model.save(MODEL)
    print(f"model written: temperature {model.temperature}, {MODEL}")


if __name__ == "__main__":
    main()
