"""Check data/questions/wikinews.jsonl (issue #18).

Checks: every line is valid JSON with exactly the expected keys; ids are unique and
well-formed; type is one of the allowed types; answerable records have answer inside
answer_sentence and answer_sentence inside the article text; unanswerable records have
article_id, answer and answer_sentence all null; every article comes from the seeded
sample in scripts/questions_sample.py. Prints counts by type.

Usage: python scripts/questions_check.py
"""

import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from questions_sample import CORPUS, sample

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "..", "data", "questions", "wikinews.jsonl")
TYPES = {
    "why",
    "what-caused",
    "what-led-to",
    "what-for",
    "accomplish",
    "who",
    "whom",
    "where",
    "when",
    "how-many",
    "which",
    "what",
}
CAUSAL = {"why", "what-caused", "what-led-to", "what-for", "accomplish"}
KEYS = {"id", "article_id", "type", "question", "answer", "answer_sentence"}


def main():
    arts = {}
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            arts[a["id"]] = a["text"]
    sampled = set(sample(80))
    errors, ids, rows = [], set(), []
    with open(PATH, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except ValueError as e:
                errors.append(f"line {n}: invalid JSON ({e})")
                continue
            rows.append(r)
            if set(r) != KEYS:
                errors.append(f"line {n}: keys {sorted(r)}")
                continue
            if not re.fullmatch(r"wq-\d{4}", r["id"]) or r["id"] in ids:
                errors.append(f"line {n}: bad or duplicate id {r['id']}")
            ids.add(r["id"])
            if r["type"] not in TYPES:
                errors.append(f"{r['id']}: unknown type {r['type']}")
            if not r["question"] or not r["question"].endswith("?"):
                errors.append(f"{r['id']}: question should end with '?'")
            if r["answer"] is None:
                if r["answer_sentence"] is not None or r["article_id"] is not None:
                    errors.append(f"{r['id']}: unanswerable record must have all three null")
                continue
            if r["article_id"] not in arts:
                errors.append(f"{r['id']}: unknown article {r['article_id']}")
                continue
            if r["article_id"] not in sampled:
                errors.append(f"{r['id']}: article {r['article_id']} not in the seeded sample")
            if r["answer"] not in r["answer_sentence"]:
                errors.append(f"{r['id']}: answer not in answer_sentence")
            if r["answer_sentence"] not in arts[r["article_id"]]:
                errors.append(f"{r['id']}: answer_sentence not in article text")
    ans = [r for r in rows if r.get("answer") is not None]
    unans = [r for r in rows if r.get("answer") is None]
    per_art = collections.Counter(r["article_id"] for r in ans)
    if len(ans) < 150:
        errors.append(f"only {len(ans)} answerable questions")
    if len(unans) < 20:
        errors.append(f"only {len(unans)} unanswerable questions")
    if len(per_art) < 60:
        errors.append(f"only {len(per_art)} articles")
    if per_art and max(per_art.values()) > 4:
        errors.append("an article has more than 4 questions")
    print(
        f"{len(rows)} records: {len(ans)} answerable from {len(per_art)} articles, "
        f"{len(unans)} unanswerable"
    )
    for label, subset in (("answerable", ans), ("unanswerable", unans), ("all", rows)):
        c = collections.Counter(r["type"] for r in subset)
        causal = sum(c[t] for t in CAUSAL)
        ranked = sorted(TYPES, key=lambda t: (-c[t], t))
        print(
            f"{label}: "
            + ", ".join(f"{t} {c[t]}" for t in ranked)
            + f" | causal {causal}/{len(subset)} = {causal / max(1, len(subset)):.0%}"
        )
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
