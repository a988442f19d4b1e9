"""Loading the spaCy pipeline named in the settings, once per process, and splitting it in phases.

The article pipeline runs a model in two phases (`newsgraph.annotate.Annotator`):

- **entities**: named entities and sentence boundaries over whole articles — the components the
  entity recogniser needs, a rule sentencizer and paragraph breaks;
- **syntax**: tags, dependency parse, POS and lemmas over single sentences — only those a later
  stage asks for (the events, motives and claims it could find there).

`load_pipeline` also returns the model whole, as spaCy defines it, for tools that parse short
texts in one go (evaluations over single sentences, tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newsgraph.config import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PARAGRAPH_BREAKS = "newsgraph_paragraph_breaks"
SENTENCIZER = "newsgraph_sentencizer"
# Stands for attribute_ruler + lemmatizer run through newsgraph.annotate.attributes.MemoAttributes.
MEMO_ATTRIBUTES = "newsgraph_memo_attributes"
# spaCy components that produce the shared token vectors other components listen to.
_EMBEDDERS = ("tok2vec", "transformer", "curated_transformer")


def _mark_paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break (a blank line in the clean text)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_pipeline(model: str | None = None, blas: str | None = None) -> Language:
    """The spaCy pipeline: an installed package name or a path, its matrix products done by
    numpy's BLAS or by blis (both default from Settings)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS)(_mark_paragraph_breaks)
    nlp = load_model(model, blas)
    index_lemmas_by_set(nlp)
    first = "parser" if "parser" in nlp.pipe_names else None
    if first:
        nlp.add_pipe(PARAGRAPH_BREAKS, before=first)
    else:
        nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
    # Sentence boundaries for the entities phase; the whole pipeline leaves them to the parser.
    nlp.add_pipe("sentencizer", name=SENTENCIZER, last=True)
    nlp.disable_pipe(SENTENCIZER)
    return nlp


def load_model(model: str | None = None, blas: str | None = None) -> Language:
    """The spaCy model as its package defines it, its matrix products done by numpy's BLAS (one
    thread) or by blis (both default from Settings)."""
    import spacy
    from thinc.api import use_ops

    settings = Settings()
    blas = blas or settings.blas
    if blas == "numpy":
        _one_blas_thread()
    # Each layer keeps the ops it was built with, so the choice holds after the block.
    with use_ops("numpy", use_blis=blas == "blis"):
        return spacy.load(model or settings.model)


def index_lemmas_by_set(nlp: Language) -> None:
    """Let the rule lemmatizer look words up in sets instead of lists: the same lemmas.

    spaCy's rule lemmatizer checks each candidate form against its table of known words per part
    of speech, stored as a list (57,528 nouns): about 0.6 ms for every word it has not met
    before, most of what lemmatising a new corpus costs. A set answers the same membership
    question in constant time."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return
    index = lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)


def _one_blas_thread() -> None:
    """numpy's BLAS starts a thread per core; a worker process is meant to use one core (the
    pipeline scales by processes, `--workers`), so more threads would only compete."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


@dataclass(frozen=True, slots=True)
class Phases:
    """Which components of a pipeline run in each phase, in pipeline order."""

    entities: tuple[str, ...]
    syntax: tuple[str, ...]  # MEMO_ATTRIBUTES stands where attribute_ruler was


def phases_of(nlp: Language) -> Phases:
    """Split a pipeline: the entity recogniser (with what it listens to), then the rest."""
    names = [n for n in nlp.pipe_names if n not in (PARAGRAPH_BREAKS, SENTENCIZER)]
    entity_parts = [n for n in names if nlp.get_pipe_meta(n).factory == "ner"]
    for name in names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", [])
        if name in _EMBEDDERS and any(e in listeners for e in entity_parts):
            entity_parts.insert(0, name)
    syntax = [n for n in names if n not in entity_parts]
    if "attribute_ruler" in syntax and "lemmatizer" in syntax:
        syntax.remove("lemmatizer")
        syntax[syntax.index("attribute_ruler")] = MEMO_ATTRIBUTES
    return Phases(entities=(*entity_parts, SENTENCIZER, PARAGRAPH_BREAKS), syntax=tuple(syntax))
