"""A cheap language check: is this English? Function words give it away in a few hundred words."""

from __future__ import annotations

import re

_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "it",
        "was",
        "on",
        "with",
        "as",
        "by",
        "he",
        "at",
        "from",
        "his",
        "be",
        "are",
        "have",
        "has",
        "this",
        "not",
        "but",
        "had",
        "they",
        "were",
        "an",
        "which",
        "their",
        "will",
        "its",
        "been",
        "would",
        "who",
        "or",
        "said",
        "after",
        "more",
        "also",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_ENGLISH_SHARE = 0.12
SAMPLE_WORDS = 400


def detect_language(text: str) -> str:
    """'en' for English text, 'und' (undetermined) otherwise."""
    words = [w.lower() for w in _WORD.findall(text[:20000])][:SAMPLE_WORDS]
    if not words:
        return "und"
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    return "en" if share >= MIN_ENGLISH_SHARE else "und"
