"""Part of speech, morphology and lemmas from the model's own rules, memoised per token type.

spaCy's `attribute_ruler` (tag → POS/morphology) runs a Matcher with all its patterns over every
token, and the rule `lemmatizer` walks every token in Python: together about a quarter of the
small English pipeline's time. Almost all of their rules look at one token alone (its text, tag,
dependency label), so their result is a function of that token type and can be computed once per
(text, tag, dependency) by running the real components on it. A few rules read two tokens
("there is", "gonna"); a doc where one of those matches is handed to the real components whole.
Whether a token type can begin such a rule is learned with its attributes, so the two-token rules
are only tried on docs that hold such a token. The result is the components' own output, token for
token (tested).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import minibatch

if TYPE_CHECKING:
    from spacy.language import Language

# A token type's final attributes, in this column order.
_FINAL = [TAG, POS, MORPH, LEMMA, DEP]
Key = tuple[int, int, int]  # ORTH, TAG, DEP


class MemoAttributes:
    """Applies the pipeline's attribute ruler and lemmatizer through a per-token-type memo."""

    def __init__(
        self, nlp: Language, ruler: str = "attribute_ruler", lemmatizer: str = "lemmatizer"
    ) -> None:
        self.vocab = nlp.vocab
        self.ruler = nlp.get_pipe(ruler)
        self.lemmatizer = nlp.get_pipe(lemmatizer)
        self.contextual = Matcher(nlp.vocab)
        # The first token of each two-token rule: a doc without one cannot match any of them.
        self.first = Matcher(nlp.vocab)
        self.always = False  # a rule whose first token may be absent: try every doc
        for number, rule in enumerate(self.ruler.patterns):  # type: ignore[attr-defined]
            longer = [pattern for pattern in rule["patterns"] if len(pattern) > 1]
            if longer:
                self.contextual.add(f"rule{number}", longer)
                self.first.add(f"rule{number}", [pattern[:1] for pattern in longer])
                self.always |= any("OP" in pattern[0] for pattern in longer)
        self.memo: dict[Key, tuple[int, ...]] = {}
        self.openers: set[Key] = set()  # token types that begin a two-token rule

    def __call__(self, doc: Doc) -> Doc:
        [done] = self.pipe([doc])
        return done

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Docs in batches: the token types a batch has not met are learned in one go."""
        for batch in minibatch(docs, batch_size):
            keyed: list[tuple[Doc, list[Key]]] = []
            missing: set[Key] = set()
            for doc in batch:
                rows = doc.to_array([ORTH, TAG, DEP]).tolist() if len(doc) else []
                keys: list[Key] = [(orth, tag, dep) for orth, tag, dep in rows]
                missing.update(k for k in keys if k not in self.memo)
                keyed.append((doc, keys))
            if missing:
                self._learn(sorted(missing))
            for doc, keys in keyed:
                if not keys:
                    yield doc
                elif self._in_context(doc, keys):
                    yield self.lemmatizer(self.ruler(doc))
                else:
                    self._apply(doc, keys)
                    yield doc

    def _in_context(self, doc: Doc, keys: list[Key]) -> bool:
        """Does a two-token rule match this doc?"""
        if not self.always and self.openers.isdisjoint(keys):
            return False
        return bool(self.contextual(doc, allow_missing=True))

    def _apply(self, doc: Doc, keys: list[Key]) -> None:
        values = numpy.array([self.memo[key] for key in keys], dtype="uint64")
        doc.from_array([TAG, POS, MORPH, LEMMA], values[:, :4])  # type: ignore[arg-type]
        # Rules may relabel a dependency (whitespace tokens): rare, so set one by one.
        current = doc.to_array([DEP])
        for i in numpy.nonzero(current != values[:, 4])[0].tolist():
            doc[i].dep = int(values[i, 4])

    def _learn(self, keys: list[Key]) -> None:
        """Run the real components on each unseen token type, alone (its rules see no context)."""
        strings = self.vocab.strings
        for parsed in (True, False):
            group = [k for k in keys if (k[2] != 0) == parsed]
            if not group:
                continue
            words = [strings[k[0]] for k in group]
            tags = [strings[k[1]] if k[1] else "" for k in group]
            if parsed:
                deps = [strings[k[2]] for k in group]
                heads = list(range(len(group)))
                doc = Doc(self.vocab, words=words, tags=tags, heads=heads, deps=deps)
            else:
                doc = Doc(self.vocab, words=words, tags=tags)
            # Tokens are matched one by one (one-token patterns), before the rules change them.
            found = self.first(doc, allow_missing=True)
            self.openers.update(group[start] for _, start, _ in found)
            doc = self.lemmatizer(self.ruler(doc))
            for key, row in zip(group, doc.to_array(_FINAL).tolist(), strict=True):
                self.memo[key] = tuple(row)
