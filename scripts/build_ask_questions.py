"""Rebuild eval/questions/cnc_why.jsonl: why-questions from CNC V2 train cause/effect relations.

Reads ../shared/data/gold/causal/cnc_v2 (CC0), parses every causal sentence with the project's
spaCy pipeline and turns each relation's effect into a question whose answer is its cause
(newsgraph.evaluate.askset). A stable subset of QUESTIONS records is kept, by a hash of the id.
The questions of one document in ABSENT_SHARE (by a hash of the document) lose their passage and
answer: nothing in the store answers them, so they measure abstention.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.evaluate.askset import generate, without_marks
from newsgraph.evaluate.causal import read_gold

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = 600
ABSENT_SHARE = 10  # one document in ten


def absent(document: str) -> bool:
    """Is this document left out of the store (its questions must be abstained on)?"""
    return hashlib.blake2b(f"absent:{document}".encode()).digest()[0] % ABSENT_SHARE == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cnc", type=Path, default=ROOT / ".." / "shared/data/gold/causal/cnc_v2")
    parser.add_argument("--out", type=Path, default=ROOT / "eval/questions/cnc_why.jsonl")
    parser.add_argument("--questions", type=int, default=QUESTIONS)
    args = parser.parse_args()
    gold = without_marks(read_gold(args.cnc))
    causal = [g for g in gold if g.relations]
    nlp = load_pipeline()
    docs = list(nlp.pipe((g.text for g in causal), batch_size=128))
    records = generate(causal, docs)
    # Passages come from every CNC sentence of the document, causal or not.
    from newsgraph.evaluate.askset import passages

    texts = passages(gold)
    kept = sorted(records, key=lambda r: hashlib.blake2b(r.id.encode()).hexdigest())
    kept = sorted(kept[: args.questions], key=lambda r: r.id)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in kept:
            row = {**record.to_json(), "passage": texts[record.article_id]}
            if absent(record.article_id):
                row.update(answer="", answer_sentence="", passage=None)
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(kept)} of {len(records)} questions written to {args.out}")


if __name__ == "__main__":
    main()
