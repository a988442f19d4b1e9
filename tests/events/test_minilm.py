"""MiniLM in numpy: BERT's tokenizer with offsets, and the same vectors as transformers."""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.events.minilm import Tokenizer, WordVectors, basic_words, model_dir

TEXTS = [
    "Police arrested two protesters after police dispersed the rally in Minsk.",
    "Café owners in São Paulo protested the new tax — loudly!",
    "He said: “We won’t talk to them,” on 12/3.",
]


def test_basic_words_split_punctuation_fold_case_and_accents() -> None:
    words = basic_words("Café-owners, São\u00a0Paulo!")
    assert [w for w, _, _ in words] == ["cafe", "-", "owners", ",", "sao", "paulo", "!"]
    assert [(s, e) for _, s, e in words][:3] == [(0, 4), (4, 5), (5, 11)]


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer(model_dir() / "vocab.txt")


def test_wordpieces_are_longest_match_first(tokenizer: Tokenizer) -> None:
    vocab = {i: p for p, i in tokenizer.vocab.items()}
    assert [vocab[i] for i in tokenizer.word_pieces("unaffable")] == ["una", "##ffa", "##ble"]
    pieces = tokenizer("Lukashenko gathered.")
    assert pieces.ids[0] == tokenizer.cls and pieces.ids[-1] == tokenizer.sep
    # every piece of a word carries that word's characters
    assert pieces.spans.count((0, 10)) >= 2 and pieces.spans[-2] == (19, 20)


def test_span_vectors_average_the_pieces_they_touch() -> None:
    [encoded] = WordVectors().encode([(TEXTS[0], [(7, 15), (200, 210)])])
    assert encoded.sentence.shape == (384,) and encoded.spans.shape == (2, 384)
    assert np.abs(encoded.spans[0]).sum() > 0 and not encoded.spans[1].any()


@pytest.mark.encoder
def test_numpy_forward_pass_equals_transformers(encoder_installed: str) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    reference_tokenizer = AutoTokenizer.from_pretrained(model_dir())
    model = AutoModel.from_pretrained(model_dir()).eval()
    for text, (pieces, states) in zip(TEXTS, WordVectors().hidden(TEXTS), strict=True):
        encoded = reference_tokenizer(text, return_tensors="pt")
        assert encoded["input_ids"][0].tolist() == pieces.ids
        with torch.no_grad():
            reference = model(**encoded).last_hidden_state[0].numpy()
        assert np.abs(reference - states).max() < 1e-4
