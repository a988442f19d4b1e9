"""What a run did, in numbers: every input is stored, a duplicate, or quarantined with a reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsgraph.model import Article


@dataclass(slots=True)
class RunSummary:
    inputs: int = 0
    stored: int = 0
    versions: int = 0
    duplicates: int = 0
    quarantined: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    events: int = 0
    motives: int = 0
    claims: int = 0
    seconds: float = 0.0
    article_ids: list[str] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)  # stored articles by language

    def count_stored(self, article: Article, is_version: bool) -> None:
        """Add one stored article and what was extracted from it."""
        self.stored += 1
        self.versions += is_version
        self.mentions += len(article.mentions)
        self.events += len(article.events)
        self.motives += len(article.motives)
        self.claims += len(article.claims)
        self.article_ids.append(article.id)
        self.languages[article.language or "und"] += 1

    @property
    def not_english(self) -> Counter[str]:
        """Stored articles in other languages (kept, not coded), by language."""
        return Counter({k: n for k, n in self.languages.items() if not k.startswith("en")})

    @property
    def failed(self) -> bool:
        return self.quarantined > 0

    def counts(self) -> dict[str, int]:
        return {
            "inputs": self.inputs,
            "stored": self.stored,
            "versions": self.versions,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
            "mentions": self.mentions,
            "events": self.events,
            "motives": self.motives,
            "claims": self.claims,
        }

    def as_dict(self) -> dict[str, object]:
        return {
            **self.counts(),
            "reasons": dict(self.reasons),
            "languages": dict(self.languages),
            "seconds": round(self.seconds, 2),
        }
