"""The versioned cue lexicons (causal cues, attribution and certainty cues) as typed records."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

CueForm = Literal[
    "marker",  # subordinator of a clause: because, so that, if
    "preposition",  # its object is the cause: due to, in response to
    "means",  # by + gerund: the means is the cause of the result
    "absolute",  # with + noun + participle: a circumstance that causes
    "gerund",  # preposition + gerund: arrested for parading
    "verb",  # causative verb: cause, lead to, prompt
    "reason_participle",  # participial adjunct giving a reason: marched, demanding X
    "purpose_infinitive",  # to-infinitive adjunct of purpose: came to sign X
    "noun",  # reason/aim noun: the reason for X is Y
    "connective",  # what follows is the effect of what precedes: as a result, therefore
]
Sense = Literal["reason", "purpose", "result", "condition", "temporal"]


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: its words, the construction it appears in and the relation it signals."""

    words: tuple[str, ...]
    form: CueForm
    sense: Sense
    needs: str | None = None  # reaction | harm: only after such a word; loose; adjunct

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def id(self) -> str:
        """A stable id for features and traces: form:words."""
        return f"{self.form}:{self.text}" + (f":{self.needs}" if self.needs else "")


@dataclass(frozen=True, slots=True)
class CausalLexicon:
    """The causal cue lexicon plus the word classes the discourse rules use."""

    version: int
    cues: tuple[Cue, ...]
    reaction_heads: frozenset[str]
    harm_heads: frozenset[str]
    function_nouns: frozenset[str]
    agenda_nouns: frozenset[str]
    series_markers: frozenset[str]
    why_words: frozenset[str]
    why_verbs: frozenset[str]
    event_nouns: frozenset[str]
    speech_participles: frozenset[str]  # verbs of saying, reason cues only as adjuncts

    def by_form(self, form: CueForm) -> tuple[Cue, ...]:
        """Cues of one form, longest first so that "because of" wins over "because"."""
        return tuple(sorted((c for c in self.cues if c.form == form), key=lambda c: -len(c.words)))


@dataclass(frozen=True, slots=True)
class CertaintyLexicon:
    """Reporting verbs, denial verbs, unnamed sources, hedges and boosters."""

    version: int
    speech_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    unnamed_sources: frozenset[str]
    reported_adverbs: frozenset[str]
    reported_nouns: frozenset[str]
    reported_passives: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    certain_adverbs: frozenset[str]
    certain_adjectives: frozenset[str]
    certain_phrases: tuple[tuple[str, ...], ...]


def _read(name: str) -> dict[str, Any]:
    text = resources.files("newsgraph.resources").joinpath(f"cues/{name}").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or "version" not in data:
        raise ValueError(f"cue resource {name} lacks a version")
    return data


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key, []))


@cache
def causal_lexicon() -> CausalLexicon:
    """The causal cue lexicon shipped in resources/cues/causal.yaml."""
    data = _read("causal.yaml")
    for entry in data["cues"]:
        if not isinstance(entry["cue"], str):  # YAML reads a bare on, off, yes or no as a bool
            raise TypeError(f"causal.yaml: cue {entry['cue']!r} is not a string; quote it")
    cues = tuple(
        Cue(
            words=tuple(entry["cue"].lower().split()),
            form=entry["form"],
            sense=entry["sense"],
            needs=entry.get("needs"),
        )
        for entry in data["cues"]
    )
    # One list for every verb of saying, so that "stating X" is read exactly like "saying X".
    speech = _words(data, "speech_participles")
    cues += tuple(
        Cue(words=(verb,), form="reason_participle", sense="reason", needs="adjunct")
        for verb in sorted(speech)
    )
    return CausalLexicon(
        version=int(data["version"]),
        cues=cues,
        reaction_heads=_words(data, "reaction_heads"),
        harm_heads=_words(data, "harm_heads"),
        function_nouns=_words(data, "function_nouns"),
        agenda_nouns=_words(data, "agenda_nouns"),
        series_markers=_words(data, "series_markers"),
        why_words=_words(data, "why_words"),
        why_verbs=_words(data, "why_verbs"),
        event_nouns=_words(data, "event_nouns"),
        speech_participles=speech,
    )


@cache
def certainty_lexicon() -> CertaintyLexicon:
    """The attribution and certainty lexicon shipped in resources/cues/certainty.yaml."""
    data = _read("certainty.yaml")
    return CertaintyLexicon(
        version=int(data["version"]),
        speech_verbs=_words(data, "speech_verbs"),
        denial_verbs=_words(data, "denial_verbs"),
        unnamed_sources=_words(data, "unnamed_sources"),
        reported_adverbs=_words(data, "reported_adverbs"),
        reported_nouns=_words(data, "reported_nouns"),
        reported_passives=_words(data, "reported_passives"),
        hedge_adverbs=_words(data, "hedge_adverbs"),
        hedge_modals=_words(data, "hedge_modals"),
        hedge_verbs=_words(data, "hedge_verbs"),
        hedge_adjectives=_words(data, "hedge_adjectives"),
        certain_adverbs=_words(data, "certain_adverbs"),
        certain_adjectives=_words(data, "certain_adjectives"),
        certain_phrases=tuple(tuple(p.lower().split()) for p in data["certain_phrases"]),
    )
