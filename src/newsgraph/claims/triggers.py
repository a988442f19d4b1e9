"""Which sentences can need a parse for the why-stage, from their words alone (no parse).

The why-stage reads causes only where a cue of the causal lexicon (or a why-question, a reason
or function noun) stands, and attributions only where a word of the certainty lexicon does. The
annotator can skip the parse of the other sentences: their motives and claims do not change.
Without lemmas, a lexicon word also matches its inflected forms (regular English endings and
the irregular forms of the lexicon's verbs), so the test errs on the side of parsing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from newsgraph.claims.cues import Cue, causal_lexicon, certainty_lexicon

# Irregular forms of the verbs the lexicons name (and of "be", which the cue "be behind" uses).
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "arise": ("arose", "arisen"),
    "be": ("is", "am", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re", "'m", "’m"),
    "bring": ("brought",),
    "drive": ("drove", "driven"),
    "give": ("gave", "given"),
    "lead": ("led",),
    "leave": ("left",),
    "say": ("said",),
    "seek": ("sought",),
    "tell": ("told",),
    "think": ("thought",),
    "understand": ("understood",),
    "write": ("wrote", "written"),
    "make": ("made",),
    "hurt": ("hurt",),
    "upset": ("upset",),
    "burn": ("burnt",),
    "shut": ("shut",),
    "quit": ("quit",),
    "beat": ("beaten",),
    "shoot": ("shot",),
    "strike": ("struck", "stricken"),
    "fight": ("fought",),
    "stand": ("stood",),
    "die": ("dying",),
}
_VOWELS = frozenset("aeiou")
# Words that never follow an infinitival "to": after them "to" is a preposition ("to the city").
_NOT_VERBS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those"}
    | {"every", "each", ".", ",", ";", ":", "'", '"', "(", ")", "-"}
)


def inflections(word: str) -> frozenset[str]:
    """The word and its regular (and listed irregular) English inflected forms, lower case."""
    forms = {word, word + "s", word + "es", word + "d", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms.update({word[:-1] + "ies", word[:-1] + "ied"})
    if len(word) > 2 and word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS:
        forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})  # stem → stemmed
    forms.update(_IRREGULAR.get(word, ()))
    return frozenset(forms)


@dataclass(frozen=True, slots=True)
class _Triggers:
    """Cue word sequences, each word as the set of token forms that match it."""

    cues: tuple[tuple[tuple[frozenset[str], ...], frozenset[str] | None], ...]
    by_first: dict[str, tuple[int, ...]]
    words: frozenset[str]  # single words that trigger by themselves
    infinitives: frozenset[int]  # cues that are an infinitival "to": a verb must follow
    adjuncts: frozenset[int]  # cues that count only as a participle (-ing)
    gerunds: frozenset[int]  # preposition + gerund cues: an -ing word must follow


def _expand(words: Iterable[str]) -> frozenset[str]:
    return frozenset(f for w in words for f in inflections(w))


@cache
def _cause_triggers() -> _Triggers:
    lexicon = causal_lexicon()
    heads = {"reaction": _expand(lexicon.reaction_heads), "harm": _expand(lexicon.harm_heads)}
    cues = []
    by_first: dict[str, list[int]] = {}
    for cue in lexicon.cues:
        words = tuple(inflections(w) for w in cue.words)
        cues.append((words, heads.get(cue.needs or "")))
        for form in words[0]:
            by_first.setdefault(form, []).append(len(cues) - 1)
    # Discourse devices: why-questions, reason nouns after a copula, function nouns.
    alone = {"why"} | lexicon.agenda_nouns | lexicon.function_nouns

    def numbers(keep: Callable[[Cue], bool]) -> frozenset[int]:
        return frozenset(n for n, cue in enumerate(lexicon.cues) if keep(cue))

    return _Triggers(
        cues=tuple(cues),
        by_first={k: tuple(v) for k, v in by_first.items()},
        words=_expand(alone),
        infinitives=numbers(lambda c: c.form == "purpose_infinitive"),
        adjuncts=numbers(lambda c: c.needs == "adjunct"),
        gerunds=numbers(lambda c: c.form == "gerund"),
    )


@cache
def _attribution_words() -> frozenset[str]:
    lexicon = certainty_lexicon()
    verbs = lexicon.speech_verbs | lexicon.denial_verbs | lexicon.reported_passives
    verbs |= lexicon.hedge_verbs | {"accord"}
    words = lexicon.reported_nouns | lexicon.reported_adverbs
    words |= lexicon.hedge_adjectives | lexicon.certain_adjectives
    words |= lexicon.hedge_adverbs | lexicon.hedge_modals | lexicon.certain_adverbs
    # a phrase ("of course", "no doubt") can stand only where its last word does
    words |= {phrase[-1] for phrase in lexicon.certain_phrases}
    return _expand(verbs) | frozenset(words)


def _keys(tokens: Sequence[str], lemmas: Sequence[str] | None) -> list[tuple[str, ...]]:
    """The forms each token is matched by: its lower-case form, and its lemma when given."""
    if lemmas is None:
        return [(t,) for t in tokens]
    return [(t, lemma.lower()) for t, lemma in zip(tokens, lemmas, strict=True)]


def may_have_cause(
    sentence_tokens_lower: Sequence[str], lemmas: Sequence[str] | None = None
) -> bool:
    """False when no cue of the causal lexicon (nor a why-question, reason or function noun)
    stands in the sentence: its parse then cannot give a motive, a cause or a reason anchor."""
    tokens = sentence_tokens_lower
    triggers = _cause_triggers()
    keys = _keys(tokens, lemmas)
    present = {k for own in keys for k in own}
    if not present.isdisjoint(triggers.words):
        return True
    if present.isdisjoint(triggers.by_first):
        return False
    for i, own in enumerate(keys):
        for number in {n for k in own for n in triggers.by_first.get(k, ())}:
            words, needs = triggers.cues[number]
            if i + len(words) > len(tokens) or not all(
                not forms.isdisjoint(keys[i + offset]) for offset, forms in enumerate(words)
            ):
                continue
            if number in triggers.infinitives and (
                i + 1 >= len(tokens) or tokens[i + 1] in _NOT_VERBS or tokens[i + 1].isdigit()
            ):
                continue
            if number in triggers.adjuncts and not tokens[i].endswith("ing"):
                continue  # a verb of saying gives a reason only as a participle: ", saying X"
            if number in triggers.gerunds and not any(
                t.endswith("ing") for t in tokens[i + len(words) :]
            ):
                continue  # "arrested for parading": no gerund after the preposition, no cue
            # a "needs" cue hangs on a word of its class, which stands somewhere in the sentence
            if needs is None or not needs.isdisjoint(present):
                return True
    return False


def may_have_attribution(
    sentence_tokens_lower: Sequence[str], lemmas: Sequence[str] | None = None
) -> bool:
    """False when no word of the certainty lexicon (speech, denial, reporting, hedge or
    certainty word, "according to") stands in the sentence: its claim is then the author's,
    asserted, over the whole sentence, whether it is parsed or not."""
    words = _attribution_words()
    if not words.isdisjoint(sentence_tokens_lower):
        return True
    return lemmas is not None and not words.isdisjoint(lemma.lower() for lemma in lemmas)
