"""A Doc's Token objects and text, made once.

spaCy makes a new `Token` object on every index into a Doc and every pass over a Span, and
rebuilds a span's text from its tokens on every `.text`. The stages walk each sentence of an
article many times (triggers, arguments, causes, claims), so the tokens and text of the Doc being
read are made once and kept — for the last Doc asked about, per thread: articles go through the
stages one at a time. Nothing is stored in the Doc itself (it still copies and pickles).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class _Last(threading.local):
    doc: Doc | None = None
    tokens: list[Token] | None = None
    text: str | None = None


_last = _Last()


def _current(doc: Doc) -> _Last:
    if _last.doc is not doc:
        _last.doc, _last.tokens, _last.text = doc, None, None
    return _last


def tokens_of(span: Span) -> list[Token]:
    """The span's tokens, as `list(span)`."""
    last = _current(span.doc)
    if last.tokens is None:
        last.tokens = list(span.doc)
    return last.tokens[span.start : span.end]


def text_of(span: Span) -> str:
    """The span's text, as `span.text`."""
    last = _current(span.doc)
    if last.text is None:
        last.text = span.doc.text
    return last.text[span.start_char : span.end_char]


def forget() -> None:
    """Let go of the last Doc (its memory), e.g. when a batch is done."""
    _last.doc, _last.tokens, _last.text = None, None, None
