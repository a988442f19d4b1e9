"""PETRARCH discard dictionaries: phrases that mark a story or a sentence as not codable.

A line ``+PHRASE`` discards the whole story ("+TYPHOON": weather news is not political news), a
plain ``PHRASE`` only the sentence it occurs in ("BASEBALL"). Phrases match whole words,
case-insensitively; ``_`` joins words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Discards:
    """Story-level and sentence-level discard phrases, as compiled word patterns."""

    story: tuple[re.Pattern[str], ...] = ()
    sentence: tuple[re.Pattern[str], ...] = ()

    def discards_story(self, text: str) -> bool:
        return any(p.search(text) for p in self.story)

    def discards_sentence(self, text: str) -> bool:
        return any(p.search(text) for p in self.sentence)


def _phrase(raw: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in raw.replace("_", " ").split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def parse_discards(text: str) -> Discards:
    """Read the text of a discard dictionary."""
    story: list[re.Pattern[str]] = []
    sentence: list[re.Pattern[str]] = []
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        if not body or body.startswith("<!--"):
            continue
        if body.startswith("+"):
            story.append(_phrase(body[1:]))
        else:
            sentence.append(_phrase(body))
    return Discards(tuple(story), tuple(sentence))


def load_discards(paths: Iterable[str | Path]) -> Discards:
    """Merge the discard dictionaries at `paths`."""
    story: list[re.Pattern[str]] = []
    sentence: list[re.Pattern[str]] = []
    for path in paths:
        found = parse_discards(Path(path).read_text(encoding="utf-8", errors="replace"))
        story.extend(found.story)
        sentence.extend(found.sentence)
    return Discards(tuple(story), tuple(sentence))
