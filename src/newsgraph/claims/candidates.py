"""Cause-effect candidates inside one parsed sentence, proposed by the cue lexicon and the parse.

Each candidate names its cue, the cause and effect spans and the features a classifier weighs.
A candidate without an in-sentence cause or effect (a connective opening the sentence, a reason
noun with no "for X") leaves that side to the discourse rules.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.annotate.tokens import tokens_of
from newsgraph.claims.cues import CausalLexicon, Cue
from newsgraph.claims.spans import (
    CLAUSE_POS,
    RELATIVE_WORDS,
    SUBJECT_DEPS,
    char_span,
    clause_head,
    subject_of,
    subtree_ids,
    tokens_span,
)
from newsgraph.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_WORD_POS = frozenset({"NOUN", "VERB", "ADJ", "ADP", "SCONJ"})
WH_WORDS = frozenset({"what", "why", "which", "how", "who"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A cue-anchored cause/effect pair in one sentence, with features for the classifier."""

    sentence: int
    cue: Cue
    cue_span: Span
    cause: Span | None
    effect: Span | None
    features: tuple[str, ...]
    interrogative: bool = False  # the cause is a question word: "What prompted X?"


def _match(
    tokens: list[Token], words: list[tuple[str, str]], start: int, cue: Cue
) -> list[Token] | None:
    """The tokens matching a cue's words from position `start` of the sentence, or None;
    `words` holds each token's (lower-case form, lower-case lemma)."""
    if start + len(cue.words) > len(tokens):
        return None
    for offset, word in enumerate(cue.words):
        if word not in words[start + offset]:
            return None
    return tokens[start : start + len(cue.words)]


class CandidateFinder:
    """Finds cue-anchored candidates in the sentences of a parsed Doc."""

    def __init__(self, lexicon: CausalLexicon) -> None:
        self.lexicon = lexicon
        self._by_first: dict[str, list[Cue]] = {}
        for cue in sorted(lexicon.cues, key=lambda c: -len(c.words)):
            self._by_first.setdefault(cue.words[0], []).append(cue)

    def find(self, sent: SpacySpan, index: int) -> list[Candidate]:
        """All candidates of one sentence (a spaCy sentence span), cues never overlapping."""
        found: list[Candidate] = []
        used: set[int] = set()
        tokens = tokens_of(sent)
        words = [(t.lower_, t.lemma_.lower()) for t in tokens]
        for position, token in enumerate(tokens):
            if token.i in used:
                continue
            lower, lemma = words[position]
            cues = self._by_first.get(lower, [])
            if lemma != lower:  # longest first over both keys, the form's cues first on a tie
                cues = sorted([*cues, *self._by_first.get(lemma, [])], key=lambda c: -len(c.words))
            for cue in cues:
                matched = _match(tokens, words, position, cue)
                if matched is None or any(t.i in used for t in matched):
                    continue
                candidate = self._build(sent, index, cue, matched)
                if candidate is not None:
                    found.append(candidate)
                    used.update(t.i for t in matched)
                    break
        if not found:
            return found
        context = self._context(sent, len(found))
        return [replace(c, features=c.features + context) for c in found]

    def _context(self, sent: SpacySpan, count: int) -> tuple[str, ...]:
        """Sentence-wide features shared by its candidates: how many, and words of reaction."""
        heads = self.lexicon.reaction_heads | self.lexicon.harm_heads
        tokens = tokens_of(sent)
        reacting = sum(1 for t in tokens if t.lemma_.lower() in heads)
        words = sorted(
            {
                f"word={t.lemma_.lower()}"
                for t in tokens
                if t.pos_ in {"NOUN", "VERB", "ADJ", "ADP", "SCONJ"}
            }
        )
        return (
            f"candidates={min(count, 4)}",
            f"reaction_words={min(reacting, 3)}",
            f"length={_length_bucket(len(sent))}",
            *words,
        )

    def _build(
        self, sent: SpacySpan, index: int, cue: Cue, matched: list[Token]
    ) -> Candidate | None:
        builder = _BUILDERS[cue.form]
        result = builder(self, sent, cue, matched)
        if result is None:
            return None
        cause_ids, effect_ids, extra, anchors = result
        doc = sent.doc
        cue_ids = {t.i for t in matched}
        cause = _span(
            doc, cause_ids - cue_ids if cue.form not in _VERBAL else cause_ids, anchors[0]
        )
        # A result participle heads its effect ("killing five people"): keep the verb there.
        participle = "voice=participle" in extra
        effect = _span(doc, effect_ids if participle else effect_ids - cue_ids, anchors[1])
        if cause is None and effect is None:
            return None
        cause_tokens = [doc[i] for i in cause_ids] if cause_ids else []
        # A wh-word cause outside a question is a relative ("in which", "due to which").
        interrogative = (
            _asks(sent)
            and bool(cause_tokens)
            and all(
                t.lower_ in WH_WORDS or t.is_punct or t.pos_ in {"DET", "ADJ", "NOUN"}
                for t in cause_tokens
            )
            and any(t.lower_ in WH_WORDS for t in cause_tokens)
        )
        features = _features(sent, cue, matched, cause_ids, effect_ids) + extra
        return Candidate(
            sentence=index,
            cue=cue,
            cue_span=char_span(doc, matched[0].i, matched[-1].i + 1),
            cause=cause,
            effect=effect,
            features=features,
            interrogative=interrogative,
        )

    # Each builder returns (cause ids, effect ids, extra features, (cause anchor, effect anchor)).

    def _marker(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        last = matched[-1]
        sub = last.head
        if sub.i == last.i or not sent.start <= sub.i < sent.end:
            return None
        if last.dep_ not in {"mark", "advmod", "prep", "aux", "dep"}:
            return None
        if sub.head.i == sub.i:  # the subordinate clause is the root: no main clause here
            return None
        if sub.pos_ not in CLAUSE_POS and sub.dep_ not in {"advcl", "ccomp", "conj", "relcl"}:
            return None
        main = clause_head(sub.head, sent.start, sent.end)
        cause = subtree_ids(sub)
        effect = subtree_ids(main) - cause
        return cause, effect, (f"sub_dep={sub.dep_}",), (sub.i, main.i)

    def _preposition(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        cue_ids = {t.i for t in matched}
        root = next((t for t in matched if t.head.i not in cue_ids), matched[0])
        right = max(t.right_edge.i for t in matched)
        if right <= matched[-1].i:
            return None  # no object: "in protest" alone, a stranded preposition
        cause = set(range(matched[-1].i + 1, right + 1))
        attach = root.head
        if attach.i == root.i or not sent.start <= attach.i < sent.end:
            return None
        reacts = self._reacts(attach, self._heads(cue))
        if cue.needs in {"reaction", "harm"} and not reacts:
            return None
        main = clause_head(attach, sent.start, sent.end)
        effect_ids = subtree_ids(main) - cause - cue_ids
        anchor = main.i
        cause_anchor = matched[-1].i + 1
        relative = sent.doc[cause_anchor]
        if cause == {relative.i} and relative.lower_ in RELATIVE_WORDS and main.dep_ == "relcl":
            # "clashes in which two were injured": the relative stands for its antecedent
            cause = subtree_ids(main.head) - subtree_ids(main)
            cause_anchor = main.head.i
        if main.lemma_ == "be" and main.i == attach.i:  # "X is due to Y": X is the effect
            subject = subject_of(main)
            if subject is not None:
                effect_ids = subtree_ids(subject)
                anchor = subject.i
        extra = (f"attach_pos={attach.pos_}", f"root_dep={root.dep_}", f"reacts={reacts}")
        return cause, effect_ids, extra, (cause_anchor, anchor)

    def _heads(self, cue: Cue) -> frozenset[str]:
        return self.lexicon.harm_heads if cue.needs == "harm" else self.lexicon.reaction_heads

    @staticmethod
    def _reacts(attach: Token, heads: frozenset[str]) -> bool:
        """True when a preposition hangs on a word of the class (or on a verb whose object or
        subject is one: "staged a protest against X", "a dharna staged against X")."""
        if attach.lemma_.lower() in heads or attach.lower_ in heads:
            return True
        return any(
            child.dep_
            in {"dobj", "attr", "acomp", "oprd", "pobj", "nsubj", "nsubjpass", "npadvmod"}
            and (child.lemma_.lower() in heads or child.lower_ in heads)
            for child in attach.children
        )

    def _means(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        by = matched[0]
        gerund = any(c.dep_ == "pcomp" for c in by.children) or any(
            c.dep_ == "pobj" and c.left_edge.tag_ == "VBG" and c.left_edge.i == by.i + 1
            for c in by.children
        )  # "by felling trees" read as a noun phrase with "felling" as its modifier
        if by.dep_ != "agent" and not gerund:
            return None
        parts = self._preposition(sent, cue, matched)
        if parts is None:
            return None
        cause, effect, extra, anchors = parts
        return cause, effect, (*extra, f"by_dep={by.dep_}"), anchors

    def _gerund(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        if not any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in matched[-1].children):
            return None
        return self._preposition(sent, cue, matched)

    def _absolute(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        objects = [c for c in matched[0].children if c.dep_ in {"pobj", "pcomp"}]
        participle = any(
            c.tag_ in {"VBG", "VBN"} for o in objects for c in o.subtree if c.i != o.i
        ) or any(  # "with doctors staying off duty": the participle heads the object
            o.tag_ in {"VBG", "VBN"} and any(c.dep_ in SUBJECT_DEPS for c in o.children)
            for o in objects
        )
        if not participle:
            return None
        return self._preposition(sent, cue, matched)

    def _verb(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        verb = matched[0]
        if verb.pos_ not in CLAUSE_POS:
            return None
        rest = list(cue.words[1:])
        if rest and not _has_particles(verb, rest):
            return None
        if cue.sense == "reason":  # "X stems from Y": subject is the effect
            subject = subject_of(verb)
            objects = [t for t in verb.subtree if t.i > verb.i and t.dep_ in {"pobj", "pcomp"}]
            if subject is None or not objects:
                return None
            return (
                subtree_ids(objects[0]),
                subtree_ids(subject),
                ("voice=reverse",),
                (objects[0].i, subject.i),
            )
        after = set(range(verb.i + 1, verb.right_edge.i + 1))
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        agent = next(
            (
                c
                for c in verb.children
                if c.dep_ == "agent" or (passive and c.dep_ == "prep" and c.lower_ == "by")
            ),
            None,
        )  # the small parser often reads a passive's "by" phrase as a plain preposition
        if agent is not None:  # passive: "X was triggered by Y"
            subject = subject_of(verb)
            target = subtree_ids(subject) if subject is not None else set()
            if verb.dep_ in {"acl", "relcl"} and subject is None:
                target = subtree_ids(verb.head) - subtree_ids(verb)
                target_anchor = verb.head.i
            else:
                target_anchor = subject.i if subject is not None else verb.i
            return subtree_ids(agent), target, ("voice=passive",), (agent.i, target_anchor)
        verbless = sent.root.pos_ not in CLAUSE_POS
        if verb.dep_ == "acl" and (verb.tag_ == "VBD" or verbless) and not verb.n_lefts:
            # a finite verb read as a modifier of its subject: "A tiff between children led to
            # clashes" (past tense, or the sentence has no other verb to be its clause)
            owner = sent.root if verbless else verb.head
            cause = subtree_ids(owner) - subtree_ids(verb)
            return cause, after, ("voice=active_acl",), (owner.i, verb.i + len(cue.words))
        if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}:
            return None
        subject = subject_of(verb)
        if (
            verb.tag_ == "VBG"
            and verb.dep_ in {"advcl", "xcomp", "conj", "acl", "dep"}
            and (subject is None or subject.i > verb.i or verb.dep_ != "conj")
        ):
            main = clause_head(verb.head, sent.start, sent.end)
            cause = subtree_ids(main) - subtree_ids(verb)
            return cause, subtree_ids(verb), ("voice=participle",), (main.i, verb.i)
        if subject is not None and subject.dep_ == "nsubjpass":
            return None  # agentless passive: "X was damaged" names no cause
        if subject is None:
            return None
        if subject.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl":
            cause = subtree_ids(verb.head) - subtree_ids(verb)
            cause_anchor = verb.head.i
        else:
            cause = subtree_ids(subject)
            cause_anchor = subject.i
        if not after - {t.i for t in matched}:
            return None
        return cause, after, ("voice=active",), (cause_anchor, verb.i + len(cue.words))

    def _reason_participle(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        verb = matched[0]
        rest = list(cue.words[1:])
        if rest and not _has_particles(verb, rest):
            return None
        if verb.tag_ == "VBG" and verb.dep_ == "amod":  # mis-parsed "strike demanding X"
            noun = verb.head
            cause = set(range(verb.i, noun.right_edge.i + 1))
            main = clause_head(noun, sent.start, sent.end)
            return cause, subtree_ids(main) - cause, ("part_dep=amod",), (verb.i, main.i)
        if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children):
            return self._reason_verb(verb, cue)  # progressive: "unions are protesting X"
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.pos_ == "ADP":
            # mis-parsed adjunct after a phrase: "staged a protest on Friday condemning X"
            attach = verb.head
            main = clause_head(attach, sent.start, sent.end)
            cause = subtree_ids(verb)
            effect = subtree_ids(main) - subtree_ids(attach)
            if not effect:
                return None
            return cause, effect, ("part_dep=pcomp",), (verb.i, main.i)
        if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "acl", "xcomp", "conj", "dep"}:
            return self._reason_verb(verb, cue)
        if verb.dep_ == "conj" and subject_of(verb) is not subject_of(verb.head):
            return None
        attach = verb.head
        main = clause_head(attach, sent.start, sent.end)
        cause = subtree_ids(verb)
        effect = subtree_ids(main) - cause
        if not effect:
            return None
        return cause, effect, (f"part_dep={verb.dep_}",), (verb.i, main.i)

    def _reason_verb(self, verb: Token, cue: Cue) -> _Parts:
        """A finite verb of reaction: "unions protest rising inflation" (the object: the reason)."""
        if cue.needs == "adjunct":
            return None  # "X said Y" reports Y; only "..., saying Y" gives a reason
        width = len(cue.words)
        progressive = verb.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children
        )
        if verb.pos_ != "VERB" or (verb.tag_ in {"VBG", "VBN"} and not progressive):
            return None
        subject = subject_of(verb)
        objects = [c for c in verb.children if c.dep_ in {"dobj", "ccomp", "xcomp"}]
        if not objects:
            objects = [
                gc
                for c in verb.children
                if c.dep_ == "prep"
                for gc in c.children
                if gc.dep_ in {"pobj", "pcomp"} and c.i < verb.i + width + 1
            ]
        if subject is None or not objects:
            return None
        cause = subtree_ids(objects[0])
        effect = subtree_ids(subject) | {verb.i}
        return cause, effect, ("part_dep=finite",), (objects[0].i, verb.i)

    def _purpose_infinitive(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        to = matched[0]
        verb = to.head
        if to.dep_ != "aux" or to.tag_ != "TO" or verb.pos_ not in CLAUSE_POS:
            return None
        if verb.dep_ not in {"advcl", "acl", "xcomp", "relcl"}:
            return None
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return None
        attach = verb.head
        if not sent.start <= attach.i < sent.end or attach.i == verb.i:
            return None
        main = clause_head(attach, sent.start, sent.end)
        cause = subtree_ids(verb)
        effect = subtree_ids(main) - cause
        if not effect:
            return None
        extra = (
            f"inf_dep={verb.dep_}",
            f"inf_attach_pos={attach.pos_}",
            f"inf_attach_be={attach.lemma_ == 'be'}",
            # "tried to X", "threatened to X" (a complement) against "gathered to X" (a purpose)
            f"inf_governor={verb.dep_}|{attach.lemma_.lower()}",
        )
        return cause, effect, extra, (verb.i, main.i)

    def _noun(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        noun = matched[0]
        if noun.pos_ not in {"NOUN", "PROPN"}:
            return None
        # The thing explained: "reason for X", "objective of X", "consequence of X".
        about = [
            gc
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in {"for", "of", "behind"}
            for gc in c.children
            if gc.dep_ in {"pobj", "pcomp"}
        ]
        # "one of the reasons for X is Y": the partitive head stands where the noun would.
        place = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
        copula = place.head if place.dep_ in {"nsubj", "attr"} else None
        if copula is None or copula.lemma_ != "be":
            return None
        if place.dep_ == "nsubj":
            other = next((c for c in copula.children if c.dep_ in {"attr", "ccomp", "acomp"}), None)
        else:
            other = subject_of(copula)
        if other is None:
            return None
        explained = subtree_ids(about[0]) if about else set()
        explained_anchor = about[0].i if about else noun.i
        stated = subtree_ids(other)
        extra = (f"noun_dep={noun.dep_}", f"noun_about={bool(about)}")
        if cue.sense == "result":
            return explained, stated, extra, (explained_anchor, other.i)
        return stated, explained, extra, (other.i, explained_anchor)

    def _connective(self, sent: SpacySpan, cue: Cue, matched: list[Token]) -> _Parts:
        first, last = matched[0], matched[-1]
        if cue.words == ("so",) and first.dep_ not in {"cc", "advmod", "mark"}:
            return None
        if cue.words == ("so",) and first.head.pos_ in {"ADJ", "ADV", "DET"}:
            return None
        before = {i for i in range(sent.start, first.i) if not sent.doc[i].is_punct}
        after = set(range(last.i + 1, sent.end))
        opening = len(before) <= 2  # only "And" or "But" before it: the cause lies earlier
        cause = set() if opening else set(range(sent.start, first.i))
        return cause, after, (f"opening={opening}",), (None, None)


_Parts = tuple[set[int], set[int], tuple[str, ...], tuple[int | None, int | None]] | None
_VERBAL = frozenset({"reason_participle", "purpose_infinitive"})
_BUILDERS = {
    "marker": CandidateFinder._marker,
    "preposition": CandidateFinder._preposition,
    "means": CandidateFinder._means,
    "absolute": CandidateFinder._absolute,
    "gerund": CandidateFinder._gerund,
    "verb": CandidateFinder._verb,
    "reason_participle": CandidateFinder._reason_participle,
    "purpose_infinitive": CandidateFinder._purpose_infinitive,
    "noun": CandidateFinder._noun,
    "connective": CandidateFinder._connective,
}


def _asks(sent: SpacySpan) -> bool:
    """True when the sentence is a question (a question mark closes it)."""
    return any(t.text == "?" for t in tokens_of(sent)[-3:])


def _has_particles(verb: Token, words: list[str]) -> bool:
    """True when a phrasal verb's other words ("to" of "lead to") hang on the verb."""
    found = {t.lower_ for t in verb.subtree if t.i > verb.i and t.i <= verb.i + 3}
    return all(w in found for w in words)


def _span(doc: Doc, ids: set[int], anchor: int | None) -> Span | None:
    return tokens_span(doc, ids, anchor) if ids else None


def _length_bucket(n: int) -> str:
    if n == 0:
        return "0"
    if n <= 2:
        return "1-2"
    if n <= 5:
        return "3-5"
    if n <= 12:
        return "6-12"
    return "13+"


def _features(
    sent: SpacySpan, cue: Cue, matched: list[Token], cause: set[int], effect: set[int]
) -> tuple[str, ...]:
    """Generic features of a candidate: cue identity, construction and shape."""
    doc = sent.doc
    head = matched[0]
    after = doc[matched[-1].i + 1] if matched[-1].i + 1 < sent.end else None
    cause_verbs = sum(1 for i in cause if doc[i].pos_ in CLAUSE_POS)
    effect_verbs = sum(1 for i in effect if doc[i].pos_ in CLAUSE_POS)
    return (
        f"cue={cue.id}",
        f"form={cue.form}",
        f"sense={cue.sense}",
        f"needs={cue.needs}",
        f"dep={head.dep_}",
        f"head_pos={head.head.pos_}",
        f"head_dep={head.head.dep_}",
        f"initial={head.i == sent.start}",
        f"cause_len={_length_bucket(len(cause))}",
        f"effect_len={_length_bucket(len(effect))}",
        f"cause_verb={min(cause_verbs, 2)}",
        f"effect_verb={min(effect_verbs, 2)}",
        f"form_dep={cue.form}|{head.dep_}",
        f"attach={head.head.lemma_.lower()}",
        f"cue_attach={cue.text}|{head.head.lemma_.lower()}",
        f"next={after.lemma_.lower() if after is not None else ''}",
        f"cue_next_pos={cue.text}|{after.pos_ if after is not None else ''}",
        # The cue's syntactic position and the tense of what it hangs on, per cue: "when" on a
        # progressive verb is background, "to" as a verb's complement is not a purpose.
        f"cue_dep={cue.id}|{head.dep_}|{head.head.dep_}",
        f"cue_tag={cue.id}|{head.head.tag_}",
        f"cue_gov={cue.id}|{head.head.dep_}|{head.head.head.pos_}",
    )
