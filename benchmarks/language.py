"""Language detection on short texts: BBC headlines alone, and short texts in other languages.

Prints, for the shipped rule, the share of English headlines read as English and the share of the
other-language texts still recognised: on the locked part first (its texts are never printed), then
cross-validated (the rule chosen on four folds, scored on the fifth), then the development figure
(the rule chosen and scored on the same open part) and langid.py alone, the detector before.
Samples and splits: `newsgraph.evaluate.language`. Reads ../shared in place.

Run: PYTHONPATH=src .venv/bin/python benchmarks/language.py [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from newsgraph.annotate.language import DEFAULT_RULE
from newsgraph.evaluate.language import Score, evaluate

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def line(name: str, score: Score | None) -> str:
    if score is None:
        return f"{name:<34} -"
    return (
        f"{name:<34} English headlines {score.english:7.2%} of {score.headlines:>4}"
        f"   other languages recognised {score.recognised:7.2%}"
        f" (not read as English {score.not_english:7.2%}) of {score.others}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    started = time.perf_counter()
    report = evaluate(args.shared.resolve())
    print(f"shipped rule: {DEFAULT_RULE}")
    print(line("locked", report.locked))
    print(line("cross-validated (5 folds)", report.cross_validated))
    print(line("development (chosen on it)", report.development))
    print(line("locked, with the feed's language", report.locked_declared))
    print(line("locked, langid.py alone (before)", report.baseline_locked))
    print(f"rule chosen on the open part: {report.chosen}")
    for k, rule in enumerate(report.folds):
        print(f"  fold {k}: {rule}")
    if report.chosen != DEFAULT_RULE:
        print("note: the shipped rule is not the one chosen on the open part", file=sys.stderr)
    print(f"{time.perf_counter() - started:.1f}s")
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
