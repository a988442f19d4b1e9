"""Seeded sample of Wikinews articles for the hand-written question set (issue #18).

Usage: python scripts/questions_sample.py [N]   -> prints N sampled articles (default 80)
"""

import json
import random
import sys

CORPUS = "/work/shared/data/corpora/wikinews-en/wikinews_en.jsonl"
MIN_CHARS = 800


def sample(n=80, seed=18):
    with open(CORPUS, encoding="utf-8") as handle:
        arts = [json.loads(line) for line in handle]
    ids = sorted(a["id"] for a in arts if len(a["text"]) >= MIN_CHARS)
    return random.Random(seed).sample(ids, n)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    for i in sample(n):
        print(i)
