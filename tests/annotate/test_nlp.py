"""Loading the spaCy pipeline: the matrix library is a setting that never changes annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.annotate.nlp import index_lemmas_by_set, load_model, load_pipeline
from newsgraph.config import Settings

SEED = Path(__file__).parents[2] / ".." / "shared" / "seed" / "article.txt"
TEXTS = [
    "Russian President Vladimir Putin met Ilham Aliyev in Baku on Monday, the Kremlin said.",
    "Protesters burned tyres outside the ministry after police fired tear gas at students.",
    "The EU's foreign ministers will meet in Brussels on 3 March to discuss sanctions on Iran.",
]


def test_blas_must_be_known() -> None:
    with pytest.raises(ValueError, match="blas must be one of"):
        Settings(blas="mkl")


@pytest.mark.slow
def test_the_blas_choice_reaches_every_layer() -> None:
    for blas, uses_blis in (("numpy", False), ("blis", True)):
        nlp = load_pipeline(blas=blas)
        for name in ("tok2vec", "parser", "ner"):
            assert nlp.get_pipe(name).model.ops.use_blis is uses_blis, (blas, name)


@pytest.mark.slow
def test_numpy_and_blis_annotate_alike() -> None:
    texts = TEXTS + ([SEED.read_text(encoding="utf-8")] if SEED.exists() else [])
    by_numpy = load_pipeline(blas="numpy").pipe(texts)
    by_blis = load_pipeline(blas="blis").pipe(texts)
    for one, other in zip(by_numpy, by_blis, strict=True):
        assert [(e.start, e.end, e.label_) for e in one.ents] == [
            (e.start, e.end, e.label_) for e in other.ents
        ]
        assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in one] == [
            (t.tag_, t.dep_, t.head.i, t.lemma_) for t in other
        ]


@pytest.mark.slow
def test_lemma_index_as_sets_gives_the_same_lemmas() -> None:
    # Two fresh copies of the model, so neither lemmatizer's cache has seen these words.
    as_lists, as_sets = load_model(blas="numpy"), load_model(blas="numpy")
    index_lemmas_by_set(as_sets)
    table = as_sets.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table.values() and all(isinstance(words, frozenset) for words in table.values())
    texts = TEXTS + ([SEED.read_text(encoding="utf-8")] if SEED.exists() else [])
    texts.append("The mice were running; geese flew; she'd better've tried harder, stupidest.")
    for one, other in zip(as_lists.pipe(texts), as_sets.pipe(texts), strict=True):
        assert [t.lemma_ for t in one] == [t.lemma_ for t in other]
