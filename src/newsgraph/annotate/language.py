"""Which language an article is in (ISO 639-1), by langid.py's model shipped in py3langid."""

from __future__ import annotations

import re

SAMPLE_CHARS = 1500  # a paragraph or two settles it; longer samples only cost time
MIN_LETTERS = 20  # fewer letters than this: undetermined
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def detect_language(text: str) -> str:
    """An ISO 639-1 code such as 'en' or 'fr'; 'und' (undetermined) when there are few letters."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return "und"
    import py3langid

    code, _ = py3langid.classify(sample)
    return str(code)
