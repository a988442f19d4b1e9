"""Claims: each assertion with its holder (author or quoted actor) and its certainty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.claims.cues import CertaintyLexicon
from newsgraph.model import Article, Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc


class ClaimFinder:
    """Finds the claims of an article."""

    def __init__(self, lexicon: CertaintyLexicon) -> None:
        self.lexicon = lexicon

    def find(self, article: Article, doc: Doc) -> list[Claim]:
        return []
