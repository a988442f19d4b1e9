"""Claims: each assertion with its holder (the author, or the actor who said it) and its certainty.

One claim per declarative sentence. Reported speech ("X said that Y", "according to X, Y") makes
the content clause the claim and X its holder (the actor codes of X's mentions); an unnamed or
second-hand source ("there are reports that", "sources say", "reportedly") makes it `reported`.
Certainty then follows the words that govern the claim: denial verbs, hedges, boosters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.annotate.tokens import tokens_of
from newsgraph.claims.cues import CertaintyLexicon
from newsgraph.claims.discourse import is_question
from newsgraph.claims.spans import subject_of, subtree_ids, tokens_span
from newsgraph.claims.triggers import may_have_attribution
from newsgraph.model import Article, Certainty, Claim, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

AUTHOR = ("author",)
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who holds a sentence's claim, how it was relayed, and the words that said so."""

    holder: tuple[str, ...]
    certainty: Certainty
    cue: str
    content: set[int] | None  # token ids of the reported clause; None: the whole sentence


class ClaimFinder:
    """Finds the claims of an article from its parsed Doc and its actor mentions."""

    def __init__(self, lexicon: CertaintyLexicon) -> None:
        self.lexicon = lexicon

    def find(self, article: Article, doc: Doc) -> list[Claim]:
        """One claim per declarative sentence, in order."""
        claims: list[Claim] = []
        for sentence in article.sentences:
            if is_question(sentence):
                continue
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            tokens = tokens_of(span)
            if sum(1 for t in tokens if t.is_alpha) < 3:
                continue
            # Without a speech, reporting, hedge or certainty word the author asserts it all.
            stance = may_have_attribution([t.lower_ for t in tokens])
            attribution = (
                self._attribution(article, span)
                if stance
                else Attribution(AUTHOR, "asserted", "", None)
            )
            ids = attribution.content or set(range(span.start, span.end))
            text = tokens_span(doc, ids) if attribution.content else None
            claim_span = text or Span(sentence.start, sentence.end, sentence.text)
            certainty, cue = attribution.certainty, attribution.cue
            if certainty == "asserted" and stance:
                certainty, modal_cue = self._modality(span, attribution.content)
                cue = modal_cue or cue
            claims.append(
                Claim(
                    id=f"{article.id}:c{len(claims)}",
                    article_id=article.id,
                    sentence=sentence.index,
                    span=claim_span,
                    holder=attribution.holder,
                    certainty=certainty,
                    cue=cue,
                )
            )
        return claims

    def _attribution(self, article: Article, span: SpacySpan) -> Attribution:
        lex = self.lexicon
        for token in tokens_of(span):
            lemma = token.lemma_.lower()
            if token.lower_ in lex.reported_adverbs:
                return Attribution(AUTHOR, "reported", token.text, None)
            if lemma == "accord" and any(c.lower_ == "to" for c in token.children):
                source = next(
                    (g for c in token.children if c.lower_ == "to" for g in c.children), None
                )
                if source is not None:
                    holder = self._holder(article, source)
                    certainty: Certainty = "asserted" if holder != AUTHOR else "reported"
                    content = set(range(span.start, span.end)) - subtree_ids(token)
                    return Attribution(holder, certainty, "according to", content)
            if lemma in lex.reported_nouns and self._there_are(token):
                clause = self._that_clause(token)
                return Attribution(AUTHOR, "reported", f"there are {token.text}", clause)
            if token.pos_ == "VERB" and lemma in lex.reported_passives and self._impersonal(token):
                return Attribution(AUTHOR, "reported", token.text, self._that_clause(token))
        for token in tokens_of(span):
            lemma = token.lemma_.lower()
            is_denial = lemma in lex.denial_verbs
            if token.pos_ != "VERB" or not (is_denial or lemma in lex.speech_verbs):
                continue
            complement = next((c for c in token.children if c.dep_ in {"ccomp", "dobj"}), None)
            if complement is None or (complement.dep_ == "dobj" and not is_denial):
                continue
            subject = subject_of(token)
            if subject is None:
                continue
            holder = self._holder(article, subject)
            content = subtree_ids(complement)
            if is_denial:
                return Attribution(holder, "denied", token.text, content)
            if holder == AUTHOR:
                if subject.lower_ in {"i", "we"}:
                    continue  # "I think", "we say": the author's own voice
                return Attribution(AUTHOR, "reported", token.text, content)
            return Attribution(holder, "asserted", token.text, content)
        return Attribution(AUTHOR, "asserted", "", None)

    @staticmethod
    def _holder(article: Article, source: Token) -> tuple[str, ...]:
        """Actor codes of the mentions inside a source phrase; the author when none resolves."""
        start = source.left_edge.idx
        end = source.right_edge.idx + len(source.right_edge.text)
        codes: list[str] = []
        for mention in article.mentions:
            inside = mention.kind == "actor" and start <= mention.start < end
            if inside and mention.code and mention.code not in codes:
                codes.append(mention.code)
        return tuple(codes) or AUTHOR

    @staticmethod
    def _there_are(noun: Token) -> bool:
        """ "there are reports that": the noun is the attribute of an existential "there"."""
        verb = noun.head
        return noun.dep_ in {"attr", "nsubj"} and any(c.dep_ == "expl" for c in verb.children)

    @staticmethod
    def _impersonal(verb: Token) -> bool:
        """ "it is reported that", "X is said to": a passive reporting verb without an agent."""
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        agent = any(c.dep_ == "agent" for c in verb.children)
        return passive and not agent

    @staticmethod
    def _that_clause(token: Token) -> set[int] | None:
        for candidate in (token, token.head):
            for child in candidate.subtree:
                if child.dep_ in {"ccomp", "acl", "xcomp"} and child.i > token.i:
                    return subtree_ids(child)
        return None

    def _modality(self, span: SpacySpan, content: set[int] | None) -> tuple[Certainty, str]:
        """Hedged or certain when the words governing the claim say so; else asserted."""
        lex = self.lexicon
        tokens = [t for t in tokens_of(span) if content is None or t.i in content]
        words = [t.lower_ for t in tokens]
        for phrase in lex.certain_phrases:
            for i in range(len(words) - len(phrase) + 1):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    return "certain", " ".join(phrase)
        booster: str = ""
        stance_words = lex.hedge_adjectives | lex.hedge_adverbs | lex.hedge_modals
        stance_words |= lex.certain_adjectives | lex.certain_adverbs
        for token in tokens:
            lemma, lower = token.lemma_.lower(), token.lower_
            if lower not in stance_words and lemma not in lex.hedge_verbs:
                continue  # no stance word: skip the walk up the tree below
            if _in_relative(token):
                continue  # "the likely candidate", "which may come": not the claim's own stance
            if lower in lex.certain_adjectives and self._predicative(token):
                return "certain", token.text
            if lower in lex.hedge_adjectives and self._predicative(token):
                return "hedged", token.text
            if lower in lex.hedge_adverbs and token.dep_ == "advmod":
                return "hedged", token.text
            if lower in lex.hedge_modals and token.dep_ == "aux":
                return "hedged", token.text
            if (
                lemma in lex.hedge_verbs
                and token.pos_ == "VERB"
                and any(c.dep_ in {"xcomp", "ccomp"} for c in token.children)
            ):
                return "hedged", token.text
            if lower in lex.certain_adverbs and token.dep_ == "advmod" and not booster:
                booster = token.text
        return ("certain", booster) if booster else ("asserted", "")

    @staticmethod
    def _predicative(adjective: Token) -> bool:
        """ "it is certain that", "X is likely to": an adjective predicated by a copula."""
        return adjective.dep_ in {"acomp", "attr"} or (
            adjective.dep_ == "ROOT" and any(c.dep_ in _CLAUSE_DEPS for c in adjective.children)
        )


def _in_relative(token: Token) -> bool:
    """True inside a relative or adjectival clause, whose stance is not the claim's."""
    current = token
    while current.head.i != current.i:
        if current.dep_ in {"relcl", "acl", "amod"}:
            return True
        current = current.head
    return False
