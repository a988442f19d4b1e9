"""The parse of a question: what type of answer it wants and its focus (predicate, arguments).

The question is parsed with the same spaCy pipeline as the articles. Its type comes from the
question word and what the parse attaches to it: "why"; "what" as the subject of a causing verb
("What caused X?", "What led to X?"); "what ... for?" or "for what purpose"; "what did X
accomplish/achieve?"; "who" as subject or object ("who" / "whom"); "how many"; "which/what +
noun". The focus is the predicate the question asks about and its argument heads, as lemmas:
"What caused the clash to take place?" asks about "take place" with argument "clash".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

# Verbs whose subject a "what" question asks for when it asks for a cause (their lemmas).
CAUSING_VERBS = frozenset(
    [
        "cause",
        "prompt",
        "trigger",
        "spark",
        "provoke",
        "motivate",
        "drive",
        "make",
        "compel",
        "push",
        "force",
        "explain",
        "bring",
        "fuel",
    ]
)
LEADING_VERBS = frozenset({"lead", "contribute", "result"})  # "what led to X", "resulted in X"
ACCOMPLISHING_VERBS = frozenset({"accomplish", "achieve", "gain", "win", "yield"})
_LIGHT_VERBS = frozenset({"do", "be", "have"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
WHY_TYPES = frozenset({"why", "what-caused", "what-led-to", "what-for", "accomplish"})


@dataclass(frozen=True, slots=True)
class Focus:
    """What the parse says a question asks: its type, predicate lemma and argument lemmas."""

    type: str  # why|what-caused|what-led-to|what-for|accomplish|who|whom|where|when|how-many|...
    predicate: str | None
    arguments: tuple[str, ...]
    written: tuple[str, ...] = ()  # the words as the question writes them, aligned with lemmas

    @property
    def lemmas(self) -> tuple[str, ...]:
        """The predicate and the arguments: the words an answering sentence should share."""
        return ((self.predicate,) if self.predicate else ()) + self.arguments


@cache
def _nlp() -> tuple[Any, list[str]]:
    """The articles' spaCy pipeline, and the names of its entity recogniser components."""
    from newsgraph.annotate.nlp import load_pipeline

    nlp = load_pipeline()
    return nlp, [n for n in nlp.pipe_names if nlp.get_pipe_meta(n).factory == "ner"]


def parse_focus(text: str, doc: Any | None = None) -> Focus:
    """Read a question's type and focus from its parse (`doc`, else parsed here)."""
    if doc is None:
        nlp, entities = _nlp()
        doc = nlp(text, disable=entities)  # the type and focus need no entities
    tokens = list(doc)
    wh = next((t for t in tokens if t.tag_ in ("WDT", "WP", "WP$", "WRB")), None)
    root = next((t for t in tokens if t.dep_ == "ROOT"), tokens[0] if tokens else None)
    if root is None:
        return Focus("what", None, ())
    kind, predicate = _type(tokens, wh, root)
    skip = {t.i for t in tokens if wh is not None and wh.i in (t.i, t.head.i)}
    if predicate is not None:
        skip.add(predicate.i)
    if kind in ("what-caused", "what-led-to") or kind == "accomplish":
        skip.add(root.i)
    content: dict[str, str] = {}
    for t in tokens:
        lemma = t.lemma_.lower()
        if t.i in skip or t.pos_ not in _CONTENT_POS or t.is_stop or lemma in _LIGHT_VERBS:
            continue
        content.setdefault(lemma, t.lower_)
    lemma = predicate.lemma_.lower() if predicate is not None else None
    if lemma in _LIGHT_VERBS:
        lemma = None
    written = ((predicate.lower_,) if lemma and predicate is not None else ()) + tuple(
        content.values()
    )
    return Focus(kind, lemma, tuple(content), written)


def _type(tokens: list[Any], wh: Any | None, root: Any) -> tuple[str, Any | None]:
    """The question type and the token of the predicate it asks about."""
    word = wh.lower_ if wh is not None else ""
    lemma = root.lemma_.lower()
    if word == "why":
        return "why", root
    following = tokens[wh.i + 1].lower_ if wh is not None and wh.i + 1 < len(tokens) else ""
    if word == "how" and following in ("many", "much"):
        return "how-many", root
    if word in ("what", "which") and wh is not None:
        if wh.dep_ in ("nsubj", "nsubjpass") and wh.head.i == root.i:
            if lemma in CAUSING_VERBS:
                return "what-caused", _caused(root)
            if lemma in LEADING_VERBS:
                return "what-led-to", _caused(root)
        if lemma in ACCOMPLISHING_VERBS:
            return "accomplish", None
        if tokens[-1].lower_ == "for" or (tokens[-2:-1] and tokens[-2].lower_ == "for"):
            return "what-for", root
        if wh.head.lower_ == "purpose" or (wh.dep_ == "det" and wh.head.lemma_ == "purpose"):
            return "what-for", root
        if wh.dep_ == "det" and wh.head.pos_ in ("NOUN", "PROPN"):
            return "which", root
        return "what", root
    if word in ("who", "whom", "whose"):
        return ("who" if wh is not None and wh.dep_ in ("nsubj", "nsubjpass") else "whom"), root
    if word in ("where", "when"):
        return word, root
    return "what", root


def _caused(root: Any) -> Any | None:
    """The caused predicate: "caused X to leave" → leave; "led to the strike" → strike."""
    for child in root.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return child
    for child in root.children:
        if child.dep_ in ("dobj", "attr"):
            return child
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None
