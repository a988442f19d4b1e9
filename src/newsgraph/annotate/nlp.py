"""Loading the spaCy pipeline named in the settings, once per process."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsgraph.config import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PARAGRAPH_BREAKS = "newsgraph_paragraph_breaks"


def _mark_paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break (a blank line in the clean text)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline: an installed package name or a path (default from Settings)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS)(_mark_paragraph_breaks)
    nlp = spacy.load(model or Settings().model)
    first = "parser" if "parser" in nlp.pipe_names else None
    if first:
        nlp.add_pipe(PARAGRAPH_BREAKS, before=first)
    else:
        nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
    return nlp
