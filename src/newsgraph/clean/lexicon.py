"""The versioned boilerplate lexicon (widget words, section names)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class BoilerplateLexicon:
    version: int
    widget_words: frozenset[str]
    sections: frozenset[str]


@cache
def boilerplate_lexicon() -> BoilerplateLexicon:
    """Load resources/clean/boilerplate.yaml once."""
    text = (
        resources.files("newsgraph.resources").joinpath("clean/boilerplate.yaml").read_text("utf-8")
    )
    data = yaml.safe_load(text)
    return BoilerplateLexicon(
        version=int(data["version"]),
        widget_words=frozenset(w.lower() for w in data["widget_words"]),
        sections=frozenset(s.lower() for s in data["sections"]),
    )
