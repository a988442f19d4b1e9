"""Words that shape a question: its frame and the class of answer it wants.

Hand-written English function words and question frames, MIT. Which event types a question's
words name comes from the event coder's own trigger lexicon (see `question.event_hints`).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word set written as one space-separated string (easier to read and edit than a list)."""
    return frozenset(text.split())


# Function words and question framing that carry no content to search for.
STOPWORDS = _words(
    """a an the of in on at to from by for with about into over after before during between
    and or but nor not no so than then as if that this these those there here it its it's
    is are was were be been being am do does did doing done have has had having will would
    shall should can could may might must i me my we our you your he him his she her they
    them their what which who whom whose where when why how whether some any all each every
    more most less least very much many also just only still even ever now today
    happen happened happens happening occur occurred occurs"""
)

# "What prompted X?", "What led to X?", "the reasons for X": the question asks for causes.
CAUSE_FRAMES = (
    "why",
    "what prompted",
    "what caused",
    "what led to",
    "what lies behind",
    "what explains",
    "what motivated",
    "what drove",
    "what made",
    "what compelled",
    "what pushed",
    "reason for",
    "reasons for",
    "reason behind",
    "reasons behind",
    "motive for",
    "motives for",
    "motives behind",
    "purpose of",
)
CAUSE_WORDS = _words(
    "prompted caused led lies behind explains motivated drove made compelled pushed reason"
    " reasons motive motives purpose"
)

# Questions about the state of a relation between two actors.
RELATION_WORDS = _words("relations relation relationship relationships ties between getting along")

# The noun after "which"/"what" naming the class of actor the answer must belong to.
ANSWER_CLASSES: dict[str, frozenset[str]] = {
    "country": _words("country countries nation nations state states"),
    "person": _words(
        "person people persons leader leaders official officials politician politicians"
        " minister ministers president presidents"
    ),
    "organisation": _words(
        "organisation organisations organization organizations institution institutions"
        " group groups body bodies company companies alliance alliances"
    ),
    "place": _words("place places city cities town towns region regions area areas"),
}

# Actor kinds (model.ActorKind) that satisfy each answer class.
CLASS_KINDS: dict[str, frozenset[str]] = {
    "country": frozenset({"country"}),
    "person": frozenset({"person"}),
    "organisation": frozenset({"igo", "org", "group", "bloc", "party"}),
}

# Words that open a cause, purpose or reason after the clause they explain ("X because Y").
FORWARD_CUES = frozenset(
    [
        "because",
        "because of",
        "due to",
        "owing to",
        "thanks to",
        "as a result of",
        "in the wake of",
        "in response to",
        "in retaliation for",
        "in protest against",
        "in protest at",
        "in protest of",
        "in order to",
        "so as to",
        "so that",
        "for fear of",
        "after",
        "following",
        "amid",
        "over",
        "against",
        "since",
        "as",
        "for",
        "to",
        "demanding",
        "seeking",
        "protesting",
        "urging",
        "saying",
    ]
)
# Purpose and protest cues that belong to the span they open ("to protest", "against the law").
KEEP_CUE = frozenset(["to", "in order to", "so as to", "against", "demanding", "seeking"])
# Causing verbs whose subject is the cause of what follows ("X led to Y", "X sparked Y").
BACKWARD_CUES = frozenset(
    [
        "led to",
        "leads to",
        "lead to",
        "resulted in",
        "results in",
        "caused",
        "causes",
        "triggered",
        "sparked",
        "prompted",
        "provoked",
        "forced",
        "left",
    ]
)
