"""Blind self-agreement check of the actor-evaluation set.

  sample   picks N records by a seeded hash of the record id and writes a blind file holding only
           what a second labelling may see: id, published, sentence, phrase, kind (no labels).
  compare  reads the blind file once it is labelled (country, sector, role filled in) and prints the
           exact agreement of country and sector with phrases.jsonl.

Usage:
  python scripts/actors_eval_agreement.py sample --out data/actors_eval/agreement_blind.jsonl
  python scripts/actors_eval_agreement.py compare \
      --relabelled data/actors_eval/agreement_second.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PHRASES = REPO / "data" / "actors_eval" / "phrases.jsonl"
BLIND_FIELDS = ("id", "published", "sentence", "phrase", "kind")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """One dict per line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pick(records: list[dict[str, Any]], n: int, seed: str) -> list[dict[str, Any]]:
    """The n records whose salted id hash is smallest: fixed by seed, unrelated to labels."""

    def salted(record: dict[str, Any]) -> str:
        return hashlib.sha256(f"{seed}:{record['id']}".encode()).hexdigest()

    return sorted(records, key=salted)[:n]


def run_sample(args: argparse.Namespace) -> None:
    """Write the blind file."""
    with args.out.open("w", encoding="utf-8") as out:
        for record in pick(read_jsonl(args.phrases), args.n, args.seed):
            blind = {f: record[f] for f in BLIND_FIELDS}
            out.write(
                json.dumps(
                    blind | {"country": None, "sector": None, "role": None}, ensure_ascii=False
                )
                + "\n"
            )


def run_compare(args: argparse.Namespace) -> None:
    """Print exact agreement of country and sector, and each disagreement."""
    first = {r["id"]: r for r in read_jsonl(args.phrases)}
    second = read_jsonl(args.relabelled)
    for field in ("country", "sector"):
        same = sum(first[r["id"]][field] == r[field] for r in second)
        print(f"{field}: {same}/{len(second)} = {same / len(second):.3f}")
    both = sum(
        first[r["id"]]["country"] == r["country"] and first[r["id"]]["sector"] == r["sector"]
        for r in second
    )
    print(f"country and sector: {both}/{len(second)} = {both / len(second):.3f}")
    for r in second:
        a = first[r["id"]]
        if (a["country"], a["sector"]) != (r["country"], r["sector"]):
            print(
                f"  {a['phrase']!r}: first {a['country']}/{a['sector']}, second "
                f"{r['country']}/{r['sector']}"
            )


def main() -> None:
    """Command-line entry: sample or compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=Path, default=PHRASES)
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("sample")
    s.add_argument("--n", type=int, default=60)
    s.add_argument("--seed", default="actors-agreement-1")
    s.add_argument("--out", type=Path, required=True)
    c = commands.add_parser("compare")
    c.add_argument("--relabelled", type=Path, required=True)
    args = parser.parse_args()
    run_sample(args) if args.command == "sample" else run_compare(args)


if __name__ == "__main__":
    sys.exit(main())
