"""The trigger lexicon: newsgraph's own rules (YAML) plus PETRARCH verb dictionaries, typed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsgraph.events.verbdict import VerbDictionary, read_verb_dictionary, read_verb_tables

FRAME_KINDS = ("intent", "demand", "appeal", "reject", "threaten")
_WORD = re.compile(r"[a-z][a-z'\-]*")


MEMO_LIMIT = 200_000  # words whose prefilter answer is remembered


@dataclass(frozen=True, slots=True)
class VerbRule:
    """One of newsgraph's own verb rules (tried before the verb dictionaries)."""

    id: str
    lemmas: frozenset[str]
    code: str
    why: str = ""
    object: str | None = None  # "actor", "thing", "forces", "goods" or None
    object_words: frozenset[str] = frozenset()
    prep: tuple[str, ...] = ()
    place: bool = False
    subject: str | None = None
    plover: str | None = None  # PLOVER category the manual gives this act, when CAMEO has none
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb/adjective class whose complement is the event it is about (intent, demand...)."""

    kind: str
    verbs: frozenset[str]
    adjectives: frozenset[str]
    code: str
    compose: dict[str, str]

    def compose_code(self, complement: str) -> str | None:
        """The complement's code rewritten under this frame; None when the frame has no entry."""
        for size in range(len(complement), 1, -1):
            target = self.compose.get(complement[:size])
            if target is not None:
                return complement if target == "keep" else target
        return None


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """Everything the coder needs to find triggers and read modality."""

    version: str
    nouns: dict[str, str]
    noun_requires: dict[str, frozenset[str]]
    light_verbs: frozenset[str]
    noun_carriers: frozenset[str]
    verb_rules: tuple[VerbRule, ...]
    frames: dict[str, Frame]
    hostile_roots: frozenset[str]
    targetless_roots: frozenset[str]
    future_auxiliaries: frozenset[str]
    conditional_auxiliaries: frozenset[str]
    hedge_auxiliaries: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    condition_markers: frozenset[str]
    negations: frozenset[str]
    irrealis_verbs: frozenset[str]
    irrealis_nouns: frozenset[str]
    purpose_markers: frozenset[str]
    speech_verbs: frozenset[str]
    object_control: frozenset[str]
    irregular_forms: dict[str, str]
    dictionaries: tuple[VerbDictionary, ...] = ()
    use_own_rules: bool = True
    _words: set[str] = field(default_factory=set, compare=False)
    _word_may_trigger: dict[str, bool] = field(default_factory=dict, compare=False)
    _own: set[str] = field(default_factory=set, compare=False)

    def own_words(self) -> set[str]:
        """The verbs newsgraph's own rules name (light verbs, frames, verb rules)."""
        if not self._own:
            self._own.update(self.light_verbs, self.frame_words)
            self._own.update(w for rule in self.verb_rules for w in rule.lemmas)
        return self._own

    def rules_for(self, lemma: str) -> tuple[VerbRule, ...]:
        if not self.use_own_rules:
            return ()
        return tuple(r for r in self.verb_rules if lemma in r.lemmas)

    def frame_of_verb(self, lemma: str) -> Frame | None:
        if not self.use_own_rules:
            return None
        return next((f for f in self.frames.values() if lemma in f.verbs), None)

    def frame_of_adjective(self, lemma: str) -> Frame | None:
        if not self.use_own_rules:
            return None
        return next((f for f in self.frames.values() if lemma in f.adjectives), None)

    def noun_code(self, lemma: str) -> str | None:
        return self.nouns.get(lemma) if self.use_own_rules else None

    @property
    def frame_words(self) -> frozenset[str]:
        """Every frame verb and adjective (their content has not happened)."""
        return frozenset(w for f in self.frames.values() for w in f.verbs | f.adjectives)

    def is_hostile(self, code: str) -> bool:
        return code[:2] in self.hostile_roots

    def vocabulary(self) -> set[str]:
        """Every word that can start a trigger (lemmas and irregular forms)."""
        if not self._words:
            words: set[str] = set()
            for dictionary in self.dictionaries:
                words |= dictionary.words()
            if self.use_own_rules:
                # A noun phrase needs its head: "hunger strike" -> strike, "state of siege" -> state
                words |= {(n.split(" of ")[0]).split()[-1] for n in self.nouns}
                for rule in self.verb_rules:
                    words |= rule.lemmas
                for frame in self.frames.values():
                    words |= frame.verbs | frame.adjectives
            words |= {form for form, base in self.irregular_forms.items() if base in words}
            self._words.update(words)
        return self._words

    def may_trigger(self, words: Iterable[str]) -> bool:
        """True when any word, or a guessed lemma of it, is in the trigger vocabulary."""
        vocabulary = self.vocabulary()
        known = self._word_may_trigger  # news repeats its words: each is guessed at once
        for word in words:
            hit = known.get(word)
            if hit is None:
                if len(known) > MEMO_LIMIT:
                    known.clear()  # names and numbers never end: keep the memo bounded
                hit = known[word] = any(c in vocabulary for c in candidate_lemmas(word))
            if hit:
                return True
        return False


def candidate_lemmas(word: str) -> set[str]:
    """Lemmas a surface word may have, guessed without a parse (a superset, cheap)."""
    w = word.lower()
    out = {w}
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("'s", ""),
        ("ment", ""),
        ("al", ""),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)] + repl
            out.add(stem)
            if (
                len(stem) > 3 and stem[-1] == stem[-2]
            ):  # "shelled" -> "shell" and "stopped" -> "stop"
                out.add(stem[:-1])
    return out


def words_of(text: str) -> list[str]:
    """The lowercase words of a text, for the prefilter."""
    return _WORD.findall(text.lower())


def _set(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(v).lower() for v in data.get(key, []) or [])


def parse_lexicon(
    data: dict[str, Any], dictionaries: Sequence[VerbDictionary] = (), use_own_rules: bool = True
) -> TriggerLexicon:
    """Build a lexicon from the YAML structure and verb dictionaries."""
    rules = tuple(
        VerbRule(
            id=r["id"],
            lemmas=frozenset(r["lemmas"]),
            code=str(r["code"]),
            why=r.get("why", ""),
            object=r.get("object"),
            object_words=frozenset(r.get("object_words", [])),
            prep=tuple(r.get("prep", [])),
            place=bool(r.get("place", False)),
            subject=r.get("subject"),
            plover=r.get("plover"),
            mode=r.get("mode"),
        )
        for r in data.get("verbs", [])
    )
    compose = data.get("compose", {})
    frames = {
        kind: Frame(
            kind,
            _set(spec, "verbs"),
            _set(spec, "adjectives"),
            str(spec["code"]),
            {str(k): str(v) for k, v in (compose.get(kind) or {}).items()},
        )
        for kind, spec in data.get("frames", {}).items()
    }
    forms = {str(k): str(v) for k, v in (data.get("irregular_forms") or {}).items()}
    for dictionary in dictionaries:
        forms.update(dictionary.forms)
    return TriggerLexicon(
        version=str(data.get("version", "")),
        nouns={str(k): str(v) for k, v in (data.get("nouns") or {}).items()},
        noun_requires={str(k): frozenset(v) for k, v in (data.get("noun_requires") or {}).items()},
        light_verbs=_set(data, "light_verbs"),
        noun_carriers=_set(data, "noun_carriers"),
        verb_rules=rules,
        frames=frames,
        hostile_roots=_set(data, "hostile_roots"),
        targetless_roots=_set(data, "targetless_roots"),
        future_auxiliaries=_set(data, "future_auxiliaries"),
        conditional_auxiliaries=_set(data, "conditional_auxiliaries"),
        hedge_auxiliaries=_set(data, "hedge_auxiliaries"),
        obligation_auxiliaries=_set(data, "obligation_auxiliaries"),
        condition_markers=_set(data, "condition_markers"),
        negations=_set(data, "negations"),
        irrealis_verbs=_set(data, "irrealis_verbs"),
        irrealis_nouns=_set(data, "irrealis_nouns"),
        purpose_markers=_set(data, "purpose_markers"),
        speech_verbs=_set(data, "speech_verbs"),
        object_control=_set(data, "object_control"),
        irregular_forms=forms,
        dictionaries=tuple(dictionaries),
        use_own_rules=use_own_rules,
    )


def _resource(*parts: str) -> Path:
    return Path(str(resources.files("newsgraph").joinpath("resources", *parts)))


@cache
def default_rules() -> dict[str, Any]:
    """newsgraph's own trigger rules (resources/verbs/newsgraph_triggers.yaml)."""
    with _resource("verbs", "newsgraph_triggers.yaml").open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


@cache
def default_verb_dictionary() -> VerbDictionary:
    """The PETRARCH CAMEO.2.0 verb dictionary shipped as tables in resources/verbs."""
    return read_verb_tables(_resource("verbs"), "cameo2")


def load_lexicon(
    verb_dictionaries: Sequence[str | Path] = (),
    use_defaults: bool = True,
    valid_codes: Iterable[str] | None = None,
) -> TriggerLexicon:
    """The default lexicon, or one made of custom PETRARCH verb dictionaries.

    With custom dictionaries and `use_defaults=False` only those dictionaries code verbs (a
    made-up world's verbs mean what its dictionary says, and its codes may lie outside CAMEO:
    any numeric code is kept); newsgraph's own noun and frame rules apply only with defaults.
    `valid_codes` restricts the codes custom dictionaries may use (default: any number).
    """
    codes = list(valid_codes) if valid_codes is not None else None
    custom = [read_verb_dictionary(p, valid_codes=codes) for p in verb_dictionaries]
    dictionaries = [*custom, default_verb_dictionary()] if use_defaults else custom
    return parse_lexicon(default_rules(), dictionaries, use_own_rules=use_defaults)
