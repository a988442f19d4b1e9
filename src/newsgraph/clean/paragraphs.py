"""Split raw text into paragraphs and drop repeated ones."""

from __future__ import annotations

import re
import unicodedata

_BLANK_LINES = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
# Hard-wrapped text: most lines this long or longer, joined back into paragraphs.
_WRAP_MIN = 50
_SENTENCE_END = (".", "!", "?", "\u201d", '"', "'", ":", ")")


def normalise(text: str) -> str:
    """Unify newlines, drop NUL and control characters, fold runs of spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SUSPECT.sub(_drop_control, text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


# Printable ASCII, newline and tab are never control characters: only the rest is looked up.
_SUSPECT = re.compile(r"[^\n\t\x20-\x7e]")


def _drop_control(match: re.Match[str]) -> str:
    char = match.group()
    return "" if unicodedata.category(char) in ("Cc", "Cf", "Cs") else char


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text: blank-line blocks; a block's lines are paragraphs too, unless
    the block is hard-wrapped prose, whose lines are joined."""
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width: all but the last are long and most do not end a sentence."""
    body = lines[:-1]
    long_lines = sum(len(line) >= _WRAP_MIN for line in body)
    open_ends = sum(not line.rstrip().endswith(_SENTENCE_END) for line in body)
    return long_lines == len(body) and open_ends * 2 > len(body)


def paragraph_key(paragraph: str) -> str:
    """The form under which two paragraphs count as the same: case- and space-insensitive."""
    return " ".join(paragraph.casefold().split())


def drop_repeats(paragraphs: list[str]) -> list[str]:
    """Keep the first occurrence of each paragraph (scrapers often duplicate a lead)."""
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        key = paragraph_key(paragraph)
        if key in seen:
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept
