"""The event coder: who did what to whom, from a sentence's dependency parse and linked actors.

For each sentence: find triggers (verbs through newsgraph's own rules and the PETRARCH verb
patterns, event nouns through the noun lexicon, frame verbs and adjectives such as "threaten",
"demand", "ready to"), let frames, light verbs and speech verbs absorb the triggers they govern,
read modality (negation, future, hedges, conditions), then the arguments: source and target
actors, place and date. Coding a sentence reads nothing but that sentence's parse and the
article-level mentions and publication date.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.annotate import is_parsed
from newsgraph.annotate.tokens import text_of, tokens_of
from newsgraph.events.arguments import (
    ACT_BELONGING_PREPS,
    AGENT_CODES,
    BELONGING_PREPS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    MentionIndex,
    child,
    is_agent_only,
    is_passive,
    is_pronoun,
    negated_phrase,
    nominal_actors,
    prep_objects,
)
from newsgraph.events.codebook import Codebook, default_codebook
from newsgraph.events.dates import resolve_date
from newsgraph.events.discards import Discards, load_discards
from newsgraph.events.lexicon import (
    Frame,
    TriggerLexicon,
    candidate_lemmas,
    load_lexicon,
    words_of,
)
from newsgraph.events.model import EventModel, shipped_model
from newsgraph.events.patterns import best_pattern, is_null
from newsgraph.events.verbdict import NULL_CODE
from newsgraph.model import ActorRef, Article, Event, Mention, RuleTrace, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

log = logging.getLogger(__name__)

CODER_VERSION = "newsgraph-events-1"
TARGET_PREPS = (
    "to",
    "with",
    "against",
    "on",
    "upon",
    "at",
    "into",
    "toward",
    "towards",
    "for",
    "over",
    "from",
)
NOUN_TARGET_PREPS = (
    "to",
    "with",
    "against",
    "on",
    "upon",
    "at",
    "into",
    "toward",
    "towards",
    "over",
    "between",
    "for",
)
# Prepositions whose object is what something is about, not something reported to happen.
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning", "against", "of"})
# Dependents of a verb that are clauses of their own (their actors belong to other events).
OTHER_CLAUSES = frozenset(
    {"ccomp", "advcl", "conj", "parataxis", "cc", "punct", "mark", "nsubj", "nsubjpass", "csubj"}
)
# Phrases inside an object that name who it concerns ("ties with X", "a war on X").
INSIDE_PREPS = (
    "with",
    "to",
    "against",
    "between",
    "among",
    "on",
    "of",
    "toward",
    "towards",
    "into",
    "for",
)
# Phrases that set the scene of a verb and may name the other party ("in the dispute with X").
SETTING_PREPS = ("in", "during", "amid", "over")
CONSULT_NOUN_PREPS = ("with", "between", "to")  # "talks on X": X is the topic, not a party
PLACE_PREPS = ("in", "at", "to", "near", "into", "outside", "inside", "across")
# Event nouns whose "of" phrase names the doer ("the visit of the president"), not the done-to.
OF_IS_SOURCE_ROOTS = frozenset({"04", "08", "14", "15"})
VISIT_CODES = frozenset({"042", "043", "044"})
# Roots of material acts whose unnamed target is the country they happen in (concede, retreat,
# protest, mobilize, reduce relations, coerce, assault).
PLACE_TARGET_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
# Roots of complaints: aimed at whom they are about ("complained to X over Y's raids").
TOPIC_TARGET_ROOTS = frozenset({"11"})
# Roots of acts aimed at whom their purpose names ("protested to press demands on X").
PURPOSE_TARGET_ROOTS = frozenset({"14"})
# Codes whose object is usually one's own forces (withdraw, demobilize, surrender).
OWN_FORCES_CODES = frozenset({"0872", "0873", "0874", "154", "152"})
FORCE_SECTORS = frozenset({"MIL", "COP"})
# Sectors often met abroad (soldiers, refugees): the other party's country says nothing of theirs.
FOREIGN_PRONE_SECTORS = frozenset({"MIL", "REF", "IMG", "SPY"})
# Sectors that act mostly within their own country (police, rebels, opposition, people,
# courts, legislators, media, religious and civil groups).
DOMESTIC_SECTORS = frozenset(
    {
        "COP",
        "REB",
        "OPP",
        "PPL",
        "CVL",
        "LAB",
        "EDU",
        "REL",
        "MUS",
        "CHR",
        "JUD",
        "LEG",
        "MED",
        "BUS",
        "AGR",
        "HLH",
        "CRM",
        "REF",
        "SEP",
        "INS",
        "UAF",
        "MOD",
        "RAD",
    }
)
RECIPROCAL_WORDS = frozenset({"mutual", "bilateral", "jointly"})
RELATION_NOUNS = frozenset(
    {
        "tie",
        "ties",
        "relation",
        "relations",
        "contact",
        "contacts",
        "cooperation",
        "dialogue",
        "agreement",
        "accord",
        "treaty",
        "pact",
    }
)
# Acts two parties do together: consulting, agreeing, cooperating (a compound doer acts on itself).
BILATERAL_ROOTS = frozenset({"03", "04", "05", "06"})


@dataclass(slots=True)
class Trigger:
    """A word that names an event, and how its code was found."""

    token: Token
    code: str
    pattern_id: str
    kind: str  # verb, noun, frame
    reverse: str | None = None
    frame: Frame | None = None
    detail: str = ""
    absorbed_by: int | None = None
    complement: Token | None = None
    host: Token | None = None  # the verb whose subject is the source (light verbs, frames)
    words: list[str] = field(default_factory=list)
    swapped: bool = False  # the pattern puts the target before the verb and the source after
    plover: str | None = None  # a PLOVER category given by the rule itself (see VerbRule)
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class _Facts:
    """What an event says besides its code and actors."""

    trigger: Span
    detail: str
    place: Mention | None
    date_text: str | None
    date: str | None
    negated: bool
    hypothetical: bool


@dataclass(frozen=True, slots=True)
class Modality:
    """How the text holds an event: as fact, negated, unreal, or re-coded (intent, demand)."""

    code: str
    negated: bool = False
    hypothetical: bool = False
    obligation: bool = False  # "Y must do X" reported by a speaker: a demand by the speaker
    note: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger the rules found and kept, and the events they made of it (maybe none)."""

    trigger: Trigger
    events: tuple[Event, ...]
    triggers: dict[int, Trigger]  # all the sentence's triggers: arguments read across them


# Parts of speech that can trigger an event: verbs (and nouns tagged as verbs), adjectives, nouns.
_TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})


class EventCoder:
    """Codes events into articles; resources load on first use, so the coder pickles cheaply."""

    def __init__(
        self,
        verb_dictionaries: Sequence[str | Path] = (),
        use_defaults: bool = True,
        codebook: Codebook | None = None,
        discard_dictionaries: Sequence[str | Path] = (),
        learned: bool = False,
    ) -> None:
        self.verb_dictionaries = tuple(str(p) for p in verb_dictionaries)
        # The model was trained on the default resources' candidates and PLOVER categories: a
        # world of custom dictionaries is coded by its dictionaries alone.
        self.learned = learned and use_defaults and not verb_dictionaries
        self._model: EventModel | None = None
        self._plover_codes: dict[str, str] | None = None
        self.discard_dictionaries = tuple(str(p) for p in discard_dictionaries)
        self._discards: Discards | None = None
        self.use_defaults = use_defaults
        self._codebook = codebook
        self._lexicon: TriggerLexicon | None = None

    def __getstate__(self) -> dict[str, Any]:
        # Resources reload lazily in the receiving process: only the settings travel.
        return {
            "verb_dictionaries": self.verb_dictionaries,
            "discard_dictionaries": self.discard_dictionaries,
            "use_defaults": self.use_defaults,
            "learned": self.learned,
            "_model": None,
            "_plover_codes": None,
            "_codebook": None,
            "_lexicon": None,
            "_discards": None,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            self._codebook = default_codebook()
        return self._codebook

    @property
    def lexicon(self) -> TriggerLexicon:
        if self._lexicon is None:
            # Custom dictionaries may use codes of their own world; ours must be CAMEO's.
            valid = self.codebook.codes() if self.use_defaults else None
            self._lexicon = load_lexicon(self.verb_dictionaries, self.use_defaults, valid)
        return self._lexicon

    @property
    def discards(self) -> Discards:
        if self._discards is None:
            self._discards = load_discards(self.discard_dictionaries)
        return self._discards

    @property
    def version(self) -> str:
        return f"{CODER_VERSION}+{self.lexicon.version}" + ("+model" if self.learned else "")

    @property
    def model(self) -> EventModel:
        if self._model is None:
            self._model = shipped_model()
        return self._model

    def codebook_code(self, plover: str) -> str:
        """The most general CAMEO code of a PLOVER category (what a re-categorised event gets)."""
        if self._plover_codes is None:
            codes: dict[str, str] = {}
            for code in sorted(self.codebook.codes(), key=lambda c: (len(c), c)):
                entry = self.codebook.entry_or_unlisted(code)
                if entry.plover and not entry.mode:
                    codes.setdefault(entry.plover, code)
            for code in sorted(self.codebook.codes(), key=lambda c: (len(c), c)):
                entry = self.codebook.entry_or_unlisted(code)
                if entry.plover:
                    codes.setdefault(entry.plover, code)
            self._plover_codes = codes
        return self._plover_codes[plover]

    def may_have_event(self, sentence: str | SpacySpan) -> bool:
        """Cheap prefilter: can this sentence (text, or a span) carry an event? No parse needed."""
        if isinstance(sentence, str):
            return self.lexicon.may_trigger(words_of(sentence))
        words: list[str] = []
        for token in tokens_of(sentence):
            words.append(token.lower_)
            if token.lemma:  # a parsed token: its lemma too
                words.append(token.lemma_.lower())
        return self.lexicon.may_trigger(words)

    def needs_parse(self, article: Article, sentence: SpacySpan) -> bool:
        """Can this sentence give an event? Read before any parse: words and linked actors only.

        An event needs a trigger word and at least one actor with a code among the mentions
        (`_events_of` drops events with neither source nor target).
        """
        start, end = sentence.start_char, sentence.end_char
        has_actor = any(
            m.kind == "actor" and m.code and m.start < end and m.end > start
            for m in article.mentions
        )
        return has_actor and self.may_have_event(sentence)

    def code(self, article: Article) -> Article:
        """The article with its events (needs article.doc and article.mentions)."""
        if article.doc is None:
            raise ValueError(f"article {article.id} has no parse (article.doc is None)")
        if self.discards.discards_story(article.clean_text):
            return replace(article, events=())
        index = MentionIndex.build(article.doc, article.mentions)
        events: list[Event] = []
        found: list[tuple[int, str, int, Candidate]] = []
        for number, sentence in enumerate(article.doc.sents):
            if not is_parsed(sentence):
                continue
            index_no = self._sentence_number(article, sentence, number)
            if not self.learned:
                events.extend(self.code_sentence(article, sentence, index_no, index))
                continue
            own = article.sentence_at(sentence.start_char) if article.sentences else None
            text, start = (own.text, own.start) if own else (sentence.text, sentence.start_char)
            candidates = self.candidates(article, sentence, index_no, index)
            found.extend((index_no, text, start, c) for c in candidates)
        if found:
            from newsgraph.events.learned import decide

            events = decide(self, self.model, article, found, index)
        return replace(article, events=tuple(events))

    def __call__(self, articles: Iterable[Article]) -> Iterable[Article]:
        """The events stage: code every article."""
        for article in articles:
            yield self.code(article)

    @staticmethod
    def _sentence_number(article: Article, sentence: SpacySpan, fallback: int) -> int:
        found = article.sentence_at(sentence.start_char) if article.sentences else None
        return found.index if found is not None else fallback

    # --- one sentence -------------------------------------------------------------------------

    def code_sentence(
        self, article: Article, sentence: SpacySpan, number: int, index: MentionIndex
    ) -> list[Event]:
        """The events of one sentence."""
        return [e for c in self.candidates(article, sentence, number, index) for e in c.events]

    def candidates(
        self, article: Article, sentence: SpacySpan, number: int, index: MentionIndex
    ) -> list[Candidate]:
        """Every trigger of a sentence the rules keep (none absorbed), with their events."""
        if not self.may_have_event(sentence) or self.discards.discards_sentence(text_of(sentence)):
            return []
        triggers = self._find_triggers(sentence)
        if not triggers:
            return []
        self._absorb(triggers, sentence)
        found: list[Candidate] = []
        for trigger in sorted(triggers.values(), key=lambda t: t.token.i):
            if trigger.absorbed_by is not None:
                continue
            events = self._events_of(trigger, triggers, article, sentence, number, index)
            found.append(Candidate(trigger, tuple(events), triggers))
        return found

    def frame_arguments(
        self, candidate: Candidate, index: MentionIndex
    ) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...], Modality]:
        """Source, target and modality the rules read for a trigger, even one whose event they
        dropped (no doer, or no target where one is needed)."""
        modal = self._modality(candidate.trigger, candidate.trigger.code)
        if not modal.code.isdigit():
            return (), (), modal
        source, target, _, _ = self._arguments(
            candidate.trigger, candidate.triggers, index, modal.code
        )
        return source, target, modal

    def _find_triggers(self, sentence: SpacySpan) -> dict[int, Trigger]:
        lexicon = self.lexicon
        found: dict[int, Trigger] = {}
        for token in tokens_of(sentence):
            pos = token.pos_
            if pos not in _TRIGGER_POS:
                continue
            lemma = token.lemma_.lower()
            if pos in ("VERB", "AUX") or (pos == "NOUN" and token.tag_.startswith("VB")):
                dep = token.dep_
                if pos == "AUX" and dep in ("aux", "auxpass"):
                    continue
                if dep in ("prep", "amod"):
                    continue  # "according to" is a preposition, "a leading activist" an adjective
                trigger = self._verb_trigger(token, sentence, lemma)
            elif pos == "ADJ":
                frame = lexicon.frame_of_adjective(lemma)
                trigger = (
                    Trigger(
                        token,
                        frame.code,
                        f"ng:frame-{frame.kind}",
                        "frame",
                        frame=frame,
                        words=[token.text],
                    )
                    if frame and any(c.dep_ in ("xcomp", "prep", "ccomp") for c in token.children)
                    else None
                )
            else:  # a noun
                trigger = self._noun_trigger(token, lemma)
            if trigger is not None:
                found[token.i] = trigger
        return found

    def _verb_trigger(self, token: Token, sentence: SpacySpan, lemma: str) -> Trigger | None:
        lexicon = self.lexicon
        lemma = _known_lemma(token, lemma, lexicon)
        frame = lexicon.frame_of_verb(lemma)
        if frame is not None:
            return Trigger(
                token,
                frame.code,
                f"ng:frame-{frame.kind}",
                "frame",
                frame=frame,
                words=[token.text],
            )
        for rule in lexicon.rules_for(lemma):
            if self._rule_fits(rule, token):
                if rule.code == NULL_CODE:
                    return None  # the rule says this use is no event
                return Trigger(
                    token,
                    rule.code,
                    rule.id,
                    "verb",
                    detail=rule.why,
                    words=[token.text],
                    plover=rule.plover,
                    mode=rule.mode,
                )
        pattern = best_pattern(lexicon.dictionaries, token, sentence)
        if is_null(pattern):
            return None
        assert pattern is not None
        if pattern.specificity == 0 and (
            lemma in lexicon.noun_carriers or lemma in lexicon.irrealis_verbs
        ):
            return None  # "aim to", "would mean": only a pattern naming the object makes an event
        return Trigger(
            token,
            pattern.code,
            pattern.id,
            "verb",
            swapped=pattern.swaps_roles,
            reverse=pattern.reverse,
            detail=f"pattern '{pattern.text}'",
            words=[token.text],
        )

    def _rule_fits(self, rule: Any, verb: Token) -> bool:
        obj = child(verb, OBJECT_DEPS) or (
            child(verb, PASSIVE_SUBJECT_DEPS) if is_passive(verb) else None
        )
        if rule.object_words:
            words = {t.lemma_.lower() for t in (obj.subtree if obj is not None else ())}
            if not words & rule.object_words:
                return False
        if rule.object == "clause" and child(verb, frozenset({"xcomp", "ccomp"})) is None:
            return False
        if rule.object in ("actor", "thing"):
            if obj is None:
                return False
            names_actor = obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or obj.pos_ == "PROPN"
            if (rule.object == "actor") != names_actor:
                return False
        if rule.object == "forces" and (obj is None or not _looks_like(obj, FORCE_WORDS)):
            return False
        if rule.object == "goods" and (obj is None or not _is_goods(obj)):
            return False
        if rule.prep and not prep_objects(verb, rule.prep):
            return False
        if rule.subject in ("forces", "peacekeepers"):
            subject = child(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            if subject is None or not _looks_like(subject, FORCE_WORDS):
                return False
            if rule.subject == "peacekeepers" and not any(
                t.lower_.startswith("peacekeep") for t in subject.subtree
            ):
                return False
        if rule.subject == "people":
            subject = child(verb, SUBJECT_DEPS)
            if subject is None or subject.ent_type_ in ("GPE",) or subject.pos_ == "PROPN":
                return False
        return True

    def _noun_trigger(self, token: Token, lemma: str) -> Trigger | None:
        lexicon = self.lexicon
        if _modifies_noun(token):
            return None  # "assistance to the war against Iraq": a reference, not a report
        previous = token.doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.dep_ in ("compound", "amod"):
            phrase = f"{previous.lemma_.lower()} {lemma}"
            code = lexicon.noun_code(phrase)
            if code:
                return Trigger(
                    token, code, f"ng:noun:{phrase}", "noun", words=[previous.text, token.text]
                )
        for _, obj in prep_objects(token, ("of",)):
            phrase = f"{lemma} of {obj.lemma_.lower()}"  # "state of emergency"
            code = lexicon.noun_code(phrase)
            if code:
                return Trigger(
                    token, code, f"ng:noun:{phrase}", "noun", words=[token.text, obj.text]
                )
        code = lexicon.noun_code(lemma)
        if code is None:
            return None
        required = lexicon.noun_requires.get(lemma)
        if required:
            context = {c.lemma_.lower() for c in token.children} | {
                c.lower_ for c in token.children
            }
            if not context & required:
                return None
        return Trigger(token, code, f"ng:noun:{lemma}", "noun", words=[token.text])

    # --- absorption ---------------------------------------------------------------------------

    def _absorb(self, triggers: dict[int, Trigger], sentence: SpacySpan) -> None:
        """Frames take their complements, light verbs their nouns, speech verbs their content."""
        lexicon = self.lexicon
        # Deepest first, so that a complement has its final code before its governor reads it.
        for trigger in sorted(triggers.values(), key=lambda t: -_depth(t.token)):
            token = trigger.token
            if trigger.kind == "frame":
                complement = self._complement(token, triggers)
                if complement is not None and trigger.frame is not None:
                    content = triggers[complement.i]
                    content.absorbed_by = token.i
                    trigger.complement = complement
                    trigger.code = self._compose(trigger.frame, content.code)
                    trigger.detail = (
                        f"{trigger.frame.kind} frame over '{complement.text}' "
                        f"({content.code} via {content.pattern_id})"
                    )
                    trigger.words.append(complement.text)
                    trigger.reverse = None
                continue
            if trigger.kind == "verb":
                for noun in _noun_objects(token):
                    inner = triggers.get(noun.i)
                    if inner is None or inner.kind != "noun" or inner.absorbed_by is not None:
                        continue
                    inner.absorbed_by = token.i
                    if token.lemma_.lower() in lexicon.light_verbs and trigger.pattern_id.endswith(
                        f":{token.lemma_.lower()}"
                    ):
                        # A light verb's bare entry says little: the noun names the event.
                        trigger.code, trigger.pattern_id = inner.code, inner.pattern_id
                        trigger.detail = f"light verb '{token.text}' + event noun '{noun.text}'"
                        trigger.reverse = None
                    trigger.words.append(noun.text)
        # Light verbs that are no trigger themselves lend their subject to an event noun.
        for trigger in triggers.values():
            if trigger.kind != "noun" or trigger.absorbed_by is not None:
                continue
            head = trigger.token.head
            while head.dep_ == "prep" and head.head.i != head.i:
                head = head.head
            if head.pos_ in ("VERB", "AUX") and head.i not in triggers:
                lemma = _known_lemma(head, head.lemma_.lower(), lexicon)
                if lemma in lexicon.light_verbs and trigger.token.dep_ in OBJECT_DEPS | {"pobj"}:
                    trigger.host = head
                    trigger.words.insert(0, head.text)
            elif head.i in triggers and head.i != trigger.token.i:
                governor = triggers[head.i]
                subject = trigger.token.dep_ in ("nsubj", "nsubjpass")
                if governor.kind == "verb" and (subject or governor.code[:2] == trigger.code[:2]):
                    # "arrived ... on a visit": one event; "the deployment ... arrived": what
                    # the verb says about the noun's event is the news.
                    trigger.absorbed_by = head.i
        # Speech verbs (CAMEO 01) whose reported content is an event: the content is the event.
        for trigger in triggers.values():
            if trigger.kind != "verb" or not trigger.code.startswith("01"):
                continue
            reported = [
                t
                for t in triggers.values()
                if t is not trigger
                and t.absorbed_by is None
                and _governed_by(t.token, trigger.token)
            ]
            if reported:
                trigger.absorbed_by = reported[0].token.i

    def _complement(self, frame_token: Token, triggers: dict[int, Trigger]) -> Token | None:
        """The trigger a frame word is about: xcomp/ccomp verb, object noun, 'to/for/on' noun."""
        candidates: list[Token] = []
        for c in frame_token.children:
            if c.dep_ in ("xcomp", "ccomp", "dobj", "attr", "oprd"):
                candidates.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("to", "for", "on", "upon", "in"):
                candidates.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
        for candidate in candidates:
            if candidate.i in triggers and triggers[candidate.i].absorbed_by is None:
                return candidate
            # "ready to make peace": the complement verb's own object may be the event noun.
            if candidate.pos_ in ("VERB", "AUX") and candidate.i not in triggers:
                for noun in _noun_objects(candidate):
                    if noun.i in triggers and triggers[noun.i].absorbed_by is None:
                        return noun
        return None

    def _compose(self, frame: Frame | None, code: str) -> str:
        assert frame is not None
        lexicon = self.lexicon
        composed = frame.compose_code(code)
        if composed is None and frame.kind == "intent" and lexicon.is_hostile(code):
            threaten = lexicon.frames.get("threaten")
            composed = (threaten.compose_code(code) or threaten.code) if threaten else None
        return composed or frame.code

    # --- events -------------------------------------------------------------------------------

    def _events_of(
        self,
        trigger: Trigger,
        triggers: dict[int, Trigger],
        article: Article,
        sentence: SpacySpan,
        number: int,
        index: MentionIndex,
    ) -> list[Event]:
        modal = self._modality(trigger, trigger.code)
        code = modal.code
        if not code.isdigit():
            return []
        source, target, place, arg_note = self._arguments(trigger, triggers, index, code)
        if modal.obligation:
            # "X said Y must do Z": X demands Z of Y.
            speaker = self._speaker(_clause_head(trigger), index)
            if speaker:
                source, target = _refs(speaker), source
        if not source and not (
            target and _agentless_passive(trigger) and not any(_agent_only_ref(r) for r in target)
        ):
            return []  # no doer: too often a misreading (unless a passive names no agent)
        if not target and (_backgrounded(trigger) or code[:2] not in self.lexicon.targetless_roots):
            # An act done to someone, read without anyone it is done to, is most often a
            # misreading; a side remark without a target ("after crowds burned down its
            # embassy") says too little to keep.
            return []
        date_text, date_value = self._date(trigger, index.dates_in(sentence), article)
        token = trigger.token
        facts = _Facts(
            trigger=Span(token.idx, token.idx + len(token.text), token.text),
            detail="; ".join(x for x in (trigger.detail, modal.note, arg_note) if x),
            place=place,
            date_text=date_text,
            date=date_value,
            negated=modal.negated,
            hypothetical=modal.hypothetical,
        )
        events = [self._event(article, number, trigger, source, target, code, facts)]
        reverse_ok = source and target and not any(_agent_only_ref(r) for r in (*source, *target))
        if trigger.reverse and reverse_ok and code == trigger.code:
            facts = replace(facts, detail=f"reverse of {code} ({trigger.pattern_id})")
            events.append(
                self._event(article, number, trigger, target, source, trigger.reverse, facts, "r")
            )
        return [e for e in events if e is not None]

    def _event(
        self,
        article: Article,
        number: int,
        trigger: Trigger,
        source: tuple[ActorRef, ...],
        target: tuple[ActorRef, ...],
        code: str,
        facts: _Facts,
        suffix: str = "",
    ) -> Event | None:
        entry = self.codebook.entry_or_unlisted(code)
        own = code == trigger.code and trigger.plover is not None
        event_id = f"{article.id}:e{number}-{trigger.token.i - trigger.token.sent.start}{suffix}"
        words = f"; words: {' '.join(trigger.words)}" if trigger.words else ""
        return Event(
            id=event_id,
            article_id=article.id,
            sentence=number,
            trigger=facts.trigger,
            source=source,
            target=target,
            cameo=code,
            cameo_root=entry.root,
            goldstein=entry.goldstein,
            quad_class=entry.quad_class,
            plover=trigger.plover if own and trigger.plover else entry.plover,
            mode=trigger.mode or "" if own else entry.mode,
            context=entry.context,
            rule=RuleTrace(trigger.pattern_id, self.version, facts.detail + words),
            place=facts.place.text if facts.place is not None else None,
            place_country=_place_country(facts.place),
            date=facts.date,
            date_text=facts.date_text,
            negated=facts.negated,
            hypothetical=facts.hypothetical,
        )

    # --- modality -----------------------------------------------------------------------------

    def _modality(self, trigger: Trigger, code: str) -> Modality:
        """Negation, conditions, wishes and purposes; announced acts become intents or threats;
        a reported "must" becomes the speaker's demand."""
        lexicon = self.lexicon
        clause = _clause_head(trigger)
        if trigger.kind == "noun" and trigger.host is None:
            # A noun's own event: "no talks" negates it, a wish or a modal above makes it unreal;
            # the tense of the verb it sits in says nothing about it.
            negated = any(c.lower_ == "no" for c in trigger.token.children)
            unreal = _irrealis(trigger.token, lexicon) or _in_condition(
                clause, lexicon.condition_markers
            )
            note = "hypothetical: under a wish or a modal" if unreal else ""
            return Modality(code, negated, unreal, note=note)
        negated = _negated(clause, lexicon.negations) or (
            trigger.kind == "noun" and any(c.lower_ == "no" for c in trigger.token.children)
        )
        auxiliaries = _auxiliaries(clause)
        future = bool(auxiliaries & lexicon.future_auxiliaries) or _going_to(clause)
        would = bool(auxiliaries & lexicon.conditional_auxiliaries)
        hedged = bool(auxiliaries & lexicon.hedge_auxiliaries)
        obliged = bool(auxiliaries & lexicon.obligation_auxiliaries) or _has_to(clause)
        conditional = _has_condition(clause, lexicon.condition_markers)
        reported = _reported(clause, lexicon.speech_verbs)
        root = code[:2]
        settled = root in ("01", "02", "03", "10", "12", "13")
        if _in_condition(clause, lexicon.condition_markers) or _irrealis(clause, lexicon):
            return Modality(code, negated, True, note="hypothetical: inside a condition or a wish")
        if _purpose(clause, lexicon.purpose_markers):
            return Modality(code, negated, True, note="hypothetical: a purpose, not a fact")
        recode = lexicon.use_own_rules  # a user's own dictionary alone says what a verb means
        if recode and obliged and reported and not negated and root not in ("01", "02", "10"):
            frame = lexicon.frames.get("demand")
            new = self._compose(frame, code) if frame else code
            return Modality(new, obligation=True, note=f"reported obligation -> demand ({code})")
        if negated:
            if recode and (future or would) and not settled and not lexicon.is_hostile(code):
                frame = lexicon.frames.get("reject")
                new = self._compose(frame, code) if frame else code
                return Modality(new, note=f"negated intent -> reject ({code} -> {new})")
            return Modality(code, negated=True, note="negated")
        announced = future or (would and (reported or conditional)) or (hedged and conditional)
        if recode and announced and not settled:
            kind = "threaten" if lexicon.is_hostile(code) else "intent"
            frame = lexicon.frames.get(kind)
            if frame is not None:
                new = self._compose(frame, code)
                return Modality(new, note=f"announced act -> {kind} ({code} -> {new})")
        if (hedged or would or obliged) and not settled:
            return Modality(code, hypothetical=True, note="hypothetical: modal")
        return Modality(code)

    def _speaker(self, clause: Token, index: MentionIndex) -> list[Mention]:
        """Who reports a clause: the subject of the speech verb (or noun) it is the content of."""
        token = clause
        for _ in range(4):
            if token.head.i == token.i:
                return []
            head = token.head
            if token.dep_ in ("ccomp", "acl", "relcl") and head.pos_ in ("VERB", "AUX"):
                return self._subject_actors(head, index)
            if token.dep_ in ("ccomp", "acl") and head.pos_ == "NOUN":
                verb = _governing_verb(head)
                return self._subject_actors(verb, index) if verb is not None else []
            token = head
        return []

    # --- arguments ----------------------------------------------------------------------------

    def _arguments(
        self, trigger: Trigger, triggers: dict[int, Trigger], index: MentionIndex, code: str
    ) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...], Mention | None, str]:
        token = trigger.token
        notes: list[str] = []
        source: list[Mention] = []
        target: list[Mention] = []
        place: Mention | None = None
        if trigger.kind == "noun":
            source, target = self._noun_arguments(token, index, code)
            host = trigger.host
            if not source and host is not None:
                source = self._subject_actors(host, index)
                if source:
                    notes.append(f"source from '{host.text}'")
            if not target and trigger.host is not None:
                target = self._object_actors(trigger.host, index, skip=token)
        else:
            clause = _clause_head(trigger)
            source = self._subject_actors(clause, index)
            target = self._object_actors(token, index)
            if trigger.frame is not None:
                source, target = self._frame_arguments(trigger, source, target, index, code)
            if not target and code[:2] == "13":
                target = self._condition_subject(token, _clause_head(trigger), index=index)
            if code[:2] in TOPIC_TARGET_ROOTS and child(token, frozenset({"dobj"})) is None:
                # "complained to the UN over Israeli raids": the accused is who the complaint
                # is about, not whom it is addressed to.
                topic = self._topic_actors(token, index)
                if topic:
                    target = topic
            if trigger.swapped:
                source, target = target, source
                notes.append("pattern '+ * $': source after the verb, target before it")
        # Places: a place phrase on the trigger (or its verb) locates the event.
        place = self._place(token, index) or (
            self._place(trigger.host, index) if trigger.host is not None else None
        )
        source, target, completed = self._complete_sectors(token, source, target, place)
        notes.extend(completed)
        source_codes: set[str | None] = {m.code for m in source}
        target = [m for m in target if m.code not in source_codes]
        moved: set[int] = set()
        inner = triggers[trigger.complement.i].code if trigger.complement is not None else code
        if any(c[:2] == "15" or c in OWN_FORCES_CODES for c in (code, inner)):
            # Mobilizing or withdrawing one's own troops: the troops are the means, not the
            # target; the target is whom they are mobilized against or withdrawn from.
            forces = [
                m
                for m in target
                if (m.code or "")[3:6] in FORCE_SECTORS or (m.code or "")[:3] in FORCE_SECTORS
            ]
            if forces and len(forces) == len(target):
                moved = {m.start for m in forces}
                target = []
                notes.append("the forces moved are not the target")
        if not target and trigger.kind != "noun":
            # As PETRARCH reads a verb phrase: the first other actor after the verb.
            target = _first_actor_after(token, index, source_codes, moved)
            if target:
                notes.append("target: the first actor in the verb phrase")
        if not target and trigger.kind != "noun" and code[:2] in PURPOSE_TARGET_ROOTS:
            # "blocked roads to press their demands on X": a protest is aimed at whom its
            # purpose names.
            target = self._purpose_target(token, index, source_codes)
            if target:
                notes.append("target: the first country actor of the purpose clause")
        if (
            not target
            and place is not None
            and (code[:3] in VISIT_CODES or code[:2] in PLACE_TARGET_ROOTS)
        ):
            # A visit goes to a place's country; a material act done in a place to no named
            # actor is done to that place's country ("lifted the curfew in Montenegro").
            target = [place]
            notes.append("target: the country of the place")
        if len(source) > 1 and not target and self._reciprocal(trigger, code):
            target = list(source)  # "Gondor and Osgiliath postponed their meeting": each other
            notes.append("reciprocal: the compound's members act on each other")
        return _refs(source), _refs(target), place, "; ".join(notes)

    def _topic_actors(self, verb: Token, index: MentionIndex) -> list[Mention]:
        """Actors an 'over/about/against' phrase of the verb names, or the doer of its act."""
        for _, obj in prep_objects(verb, ("over", "about", "against")):
            actors = nominal_actors(obj, index) or _actors_inside(obj, index)
            if actors:
                return actors
        return []

    def _purpose_target(
        self, verb: Token, index: MentionIndex, skip: set[str | None]
    ) -> list[Mention]:
        """The first actor with a country in an infinitive of purpose on the verb."""
        markers = self.lexicon.purpose_markers
        for clause in verb.children:
            if clause.dep_ not in ("advcl", "xcomp") or not any(
                c.dep_ in ("aux", "mark") and c.lower_ in markers for c in clause.children
            ):
                continue
            for token in sorted(clause.subtree, key=lambda t: t.i):
                mention = index.actor(token)
                if mention is None or mention.code in skip or is_agent_only(mention):
                    continue
                group = [m for m in nominal_actors(token, index) if m.code not in skip]
                return group if mention in group else [mention]
        return []

    def _complete_sectors(
        self, token: Token, source: list[Mention], target: list[Mention], place: Mention | None
    ) -> tuple[list[Mention], list[Mention], list[str]]:
        """Give a country to sector-only actors ("police", "troops") from the context.

        A possessive pronoun ("its troops") points to the doer; otherwise the place of the event,
        then the other party's country (news reports most such acts within one country).
        """
        notes: list[str] = []
        place_country = _place_country(place)
        source_country = next((_country_of(m) for m in source if _country_of(m)), None)
        target_country = next((_country_of(m) for m in target if _country_of(m)), None)

        def complete(mentions: list[Mention], other: str | None, role: str) -> list[Mention]:
            out = []
            for m in mentions:
                if not is_agent_only(m):
                    out.append(m)
                    continue
                owner = None
                if role == "target" and _has_possessive_pronoun(token.doc, m):
                    owner, why = source_country, "its possessor, the doer"
                if owner is None and place_country:
                    owner, why = place_country, "the place"
                if owner is None and other and (m.code or "")[:3] not in FOREIGN_PRONE_SECTORS:
                    owner, why = other, f"the {'source' if role == 'target' else 'target'}"
                if owner is None or not m.code:
                    out.append(m)
                    continue
                notes.append(f"{role} '{m.text}': country from {why}")
                out.append(
                    replace(
                        m,
                        code=owner + m.code,
                        country=owner,
                        resolved_by=f"{m.resolved_by}+context",
                    )
                )
            return out

        # A government or army often acts abroad: its country is not guessed from whom it acts
        # on; police, rebels, protesters or courts mostly act at home.
        domestic = [m for m in source if (m.code or "")[:3] in DOMESTIC_SECTORS]
        new_source = complete(domestic, target_country, "source") + complete(
            [m for m in source if m not in domestic], None, "source"
        )
        return new_source, complete(target, source_country, "target"), notes

    def _reciprocal(self, trigger: Trigger, code: str) -> bool:
        """Does a compound subject act on itself ("their meeting", "each other", "ties")?"""
        token = trigger.token
        words = {t.lower_ for t in token.subtree}
        if words & RECIPROCAL_WORDS or {"each", "other"} <= words or {"one", "another"} <= words:
            return True
        if code[:2] not in BILATERAL_ROOTS:
            return False
        # Meeting, agreeing or renewing ties with no one named: with each other.
        obj = child(token, frozenset({"dobj"})) if trigger.kind != "noun" else token
        return (
            obj is None
            or obj.lemma_.lower() in RELATION_NOUNS
            or (
                self.lexicon.noun_code(obj.lemma_.lower()) is not None
                or any(c.dep_ == "poss" and c.lower_ == "their" for c in obj.children)
            )
        )

    def _frame_arguments(
        self,
        trigger: Trigger,
        source: list[Mention],
        target: list[Mention],
        index: MentionIndex,
        code: str,
    ) -> tuple[list[Mention], list[Mention]]:
        assert trigger.frame is not None
        kind = trigger.frame.kind
        complement = (
            trigger.complement
            or child(trigger.token, frozenset({"ccomp", "xcomp"}))
            or _for_clause(trigger.token)
        )
        if complement is None:
            return source, target
        inner_subject = child(complement, SUBJECT_DEPS)
        if kind in ("demand", "appeal") and not target and inner_subject is not None:
            # "demanded that the US cancel": the one asked to act is the target.
            target = nominal_actors(inner_subject, index)
        if not target and trigger.complement is not None:
            if complement.pos_ == "NOUN":
                s, t = self._noun_arguments(complement, index, code)
                target = t or (s if kind in ("reject", "demand", "appeal") else [])
            else:
                target = self._object_actors(complement, index)
        if not target and kind in ("demand", "appeal") and complement.pos_ == "NOUN":
            # "demanded support from X": the one asked is who it would come from.
            target = [
                a for _, o in prep_objects(complement, ("from",)) for a in nominal_actors(o, index)
            ]
        if not target and code[:2] == "13":
            # "threatened to strike unless Israel rescinded ...": who must comply is the target.
            target = self._condition_subject(trigger.token, complement, index=index)
        return source, target

    def _condition_subject(self, *heads: Token | None, index: MentionIndex) -> list[Mention]:
        """The subject of an 'unless/if' clause on any of the given verbs."""
        markers = self.lexicon.condition_markers
        for head in heads:
            if head is None:
                continue
            for clause in (c for c in head.children if c.dep_ == "advcl"):
                if any(m.dep_ == "mark" and m.lower_ in markers for m in clause.children):
                    subject = child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
                    if subject is not None:
                        return nominal_actors(subject, index)
        return []

    def _noun_arguments(
        self, noun: Token, index: MentionIndex, code: str
    ) -> tuple[list[Mention], list[Mention]]:
        source: list[Mention] = []
        target: list[Mention] = []
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and not source:
                source = nominal_actors(c, index)
        for _, obj in prep_objects(noun, ("by",)):
            if not source:
                source = nominal_actors(obj, index)
        for _, obj in prep_objects(noun, ("of",)):
            actors = nominal_actors(obj, index)
            if not actors:
                continue
            if code[:2] in OF_IS_SOURCE_ROOTS and not source:
                source = actors
            elif not target:
                target = actors
        preps = CONSULT_NOUN_PREPS if code[:2] == "04" else NOUN_TARGET_PREPS
        for prep, obj in _noun_preps(noun, preps):
            if target:
                break
            target = nominal_actors(obj, index, places_too=code[:3] in VISIT_CODES) or [
                # "a protest against violations by X": aimed at the doer of what it is against
                a
                for _, by in prep_objects(obj, ("by",))
                for a in nominal_actors(by, index)
            ]
            if prep == "between" and target and not source:
                source, target = target[:1], target[1:]
        return source, target

    def _subject_actors(self, verb: Token, index: MentionIndex, depth: int = 0) -> list[Mention]:
        """The doer: subject, passive agent, or the subject inherited from a governing clause."""
        if depth > 4:
            return []
        if is_passive(verb):
            for _, obj in prep_objects(verb, ("by",)):
                return nominal_actors(obj, index)
            return []
        # A state participle's subject ("forces were engaged in ...") is parsed as passive.
        subject = child(verb, SUBJECT_DEPS) or child(verb, PASSIVE_SUBJECT_DEPS)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return nominal_actors(verb.head, index)
            actors = nominal_actors(subject, index)
            if actors or not is_pronoun(subject):
                return actors
            return self._antecedent(verb, index, depth)
        if verb.dep_ in ("xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "acomp", "oprd") or (
            verb.dep_ == "ccomp" and subject is None
        ):
            head = verb.head
            if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
                return nominal_actors(head, index)
            if verb.dep_ in ("xcomp", "conj") and is_passive(head):
                # "X was seen to break ...", "X was indicted and will resign": the subject.
                raised = child(head, PASSIVE_SUBJECT_DEPS)
                if raised is not None:
                    return nominal_actors(raised, index)
            if verb.dep_ == "xcomp" and head.lemma_.lower() in self.lexicon.object_control:
                controller = child(head, OBJECT_DEPS)
                if controller is not None:
                    return nominal_actors(controller, index)
            if head.i != verb.i:
                if verb.dep_ == "pcomp":
                    head = head.head
                return self._subject_actors(head, index, depth + 1)
        return []

    def _antecedent(self, verb: Token, index: MentionIndex, depth: int) -> list[Mention]:
        """A pronoun subject: the speaker of a governing clause ("X said it would...")."""
        head = verb
        while head.dep_ in ("ccomp", "xcomp", "advcl", "conj") and head.head.i != head.i:
            head = head.head
            subject = child(head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            if subject is not None and not is_pronoun(subject):
                return nominal_actors(subject, index)
        return []

    def _object_actors(
        self, verb: Token, index: MentionIndex, skip: Token | None = None
    ) -> list[Mention]:
        """The done-to: passive subject, object, a 'to/with/against...' phrase, an actor named
        inside the object ("welcomed the resumption of ties with X"), or the subject of a
        reported clause ("believes X can cope")."""
        if is_passive(verb):
            subject = child(verb, PASSIVE_SUBJECT_DEPS)
            if subject is not None:
                # "a camp for Congolese refugees was attacked": who the camp is for.
                return nominal_actors(subject, index) or _actors_inside(subject, index)
        objects = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "dative") and (skip is None or c.i != skip.i)
        ]
        for obj in objects:
            # "condemned an attack by X", "demanded an admission by X": the doer of the
            # named act is who the verb is aimed at.
            doers = [a for _, by in prep_objects(obj, ("by",)) for a in nominal_actors(by, index)]
            act = self.lexicon.noun_code(obj.lemma_.lower()) if obj.pos_ == "NOUN" else None
            # "the withdrawal of X from Y": Y is where a material act moves from, not a party
            # ("an appeal from X" is X's).
            material = act is not None and act[:2] in PLACE_TARGET_ROOTS
            belonging = ACT_BELONGING_PREPS if material else BELONGING_PREPS
            actors = doers or nominal_actors(obj, index, belonging=belonging)
            if actors:
                return actors
        for obj in objects:
            if obj.pos_ == "NOUN" and self.lexicon.noun_code(obj.lemma_.lower()):
                pair = [
                    a for _, o in prep_objects(obj, ("between",)) for a in nominal_actors(o, index)
                ]
                if pair:
                    return pair  # "host a meeting between X and Y": both take part
                # "condemned an attack by X": who is condemned is the attacker.
                doer, done_to = self._noun_arguments(
                    obj, index, self.lexicon.nouns[obj.lemma_.lower()]
                )
                if doer or done_to:
                    return doer or done_to
            actors = _actors_inside(obj, index)
            if actors:
                return actors
        for _, obj in prep_objects(verb, TARGET_PREPS):
            actors = nominal_actors(obj, index) or _actors_inside(obj, index)
            if actors:
                return actors
        for _, obj in prep_objects(verb, SETTING_PREPS):
            actors = _actors_inside(obj, index)  # "rose in the dispute with X"
            if actors:
                return actors
        for purpose in (c for c in verb.children if c.dep_ in ("advcl", "xcomp")):
            # "opened fire to disperse demonstrators": the purpose's object is the target.
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in purpose.children):
                goal = child(purpose, frozenset({"dobj"}))
                actors = nominal_actors(goal, index) if goal is not None else []
                if actors:
                    return actors
        content = child(verb, frozenset({"ccomp"}))
        if content is not None and not objects:
            subject = child(content, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            if subject is not None:
                return nominal_actors(subject, index)
        return []

    def _place(self, token: Token | None, index: MentionIndex) -> Mention | None:
        if token is None:
            return None
        pairs = (
            _noun_preps(token, PLACE_PREPS)
            if token.pos_ == "NOUN"
            else prep_objects(token, PLACE_PREPS)
        )
        for _, obj in pairs:
            for t in obj.subtree:
                place = index.place(t)
                if place is not None:
                    return place
        return None

    def _date(
        self, trigger: Trigger, candidates: list[SpacySpan], article: Article
    ) -> tuple[str | None, str | None]:
        if not candidates:
            return None, None
        clause = _clause_head(trigger)
        own = [e for e in candidates if _governed_by(e.root, clause) or e.root.head == clause]
        if not own:
            # A date in a subordinate "when" clause dates the main clause's event too.
            own = [e for e in candidates if any(a.i == clause.i for a in e.root.ancestors)]
        if not own:
            return None, None
        chosen = min(own, key=lambda e: abs(e.root.i - trigger.token.i))
        return chosen.text, resolve_date(chosen.text, article.published)


# --- parse helpers ------------------------------------------------------------------------------

FORCE_WORDS = frozenset(
    {
        "troop",
        "force",
        "soldier",
        "army",
        "reservist",
        "reserve",
        "police",
        "militia",
        "unit",
        "battalion",
        "brigade",
        "warship",
        "tank",
        "marine",
        "navy",
        "guard",
        "division",
        "fighter",
        "jet",
    }
)
GOODS_WORDS = frozenset(
    {
        "aid",
        "arm",
        "weapon",
        "food",
        "medicine",
        "supply",
        "good",
        "money",
        "fund",
        "grain",
        "flour",
        "wheat",
        "dollar",
        "equipment",
        "fuel",
        "vaccine",
        "tent",
        "blanket",
        "ammunition",
        "missile",
    }
)


def _first_actor_after(
    verb: Token, index: MentionIndex, skip: set[str | None], skip_starts: set[int]
) -> list[Mention]:
    """The first actor after the verb in its own clause (nested clauses are other events)."""
    found: list[Token] = []

    def walk(token: Token) -> None:
        for c in token.children:
            if c.dep_ in OTHER_CLAUSES or (c.dep_ == "prep" and negated_phrase(c)):
                continue
            if c.i > verb.i:
                found.append(c)
            walk(c)

    walk(verb)
    # A preposition the parser left without its object ("granted asylum to | five officers
    # holed up"): the words right after it are its object.
    for prep in (c for c in verb.children if c.dep_ == "prep" and not any(c.children)):
        found.extend(verb.doc[prep.i + 1 : min(prep.i + 7, verb.sent.end)])
    for token in sorted(found, key=lambda t: t.i):
        mention = index.actor(token)
        if mention is None or mention.code in skip or mention.start in skip_starts:
            continue
        owner = index.actor(token.head) if token.dep_ in ("compound", "amod") else None
        if owner is not None and owner.start in skip_starts:
            continue  # "army" of the skipped "army reservists"
        # The whole coordination it belongs to ("to Romania and Poland").
        group = [m for m in nominal_actors(token, index) if m.code not in skip]
        return group if mention in group else [mention]
    return []


def _actors_inside(phrase: Token, index: MentionIndex, depth: int = 0) -> list[Mention]:
    """Actors named inside a noun phrase through 'with/to/against/between/of/on' phrases or a
    clause on it ("roads leading into Mordor", "an accord to supply Gondor")."""
    if depth > 3:
        return []
    for _, obj in prep_objects(phrase, INSIDE_PREPS):
        actors = nominal_actors(obj, index) or _actors_inside(obj, index, depth + 1)
        if actors:
            return actors
    for clause in (c for c in phrase.children if c.dep_ in ("acl", "relcl")):
        inner = child(clause, frozenset({"dobj", "dative"}))
        actors = nominal_actors(inner, index) if inner is not None else []
        if not actors:
            for _, pobj in prep_objects(clause, TARGET_PREPS):
                actors = nominal_actors(pobj, index)
                if actors:
                    break
        if actors:
            return actors
    return []


def _for_clause(verb: Token) -> Token | None:
    """ "pushing for the US (to) support the plan": a clause on the verb led by "for"."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
        ),
        None,
    )


def _noun_preps(noun: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    """A noun's prepositional phrases, including those the parser hung on its "of/by" object
    ("the visit of the president to Baghdad": "to Baghdad" often attaches to "president")."""
    pairs = prep_objects(noun, preps)
    for _, obj in prep_objects(noun, ("of", "by")):
        pairs.extend(prep_objects(obj, preps))
    return pairs


def _modifies_noun(token: Token) -> bool:
    """Is this noun inside another noun's phrase (compound, possessor, "of/against" phrase)?"""
    if token.dep_ in ("compound", "poss", "nmod", "amod"):
        return True
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        if token.head.lower_ in TOPIC_PREPS:
            return True  # "talks on a pullback", "defended X against criticism": the topic
        governor = token.head.head
        return governor.pos_ in ("NOUN", "PROPN") and governor.dep_ not in ("ROOT",)
    return False


def _is_goods(token: Token) -> bool:
    """Goods, money or arms: "$50,000 worth of goods", "arms", "700 kg of medicine"."""
    return (
        _looks_like(token, GOODS_WORDS)
        or token.like_num
        or any(c.like_num or c.tag_ == "$" for c in token.subtree)
    )


def _looks_like(token: Token, words: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in words for t in token.subtree)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _noun_objects(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
    for c in verb.children:
        if c.dep_ in ("prep",) and c.lower_ in ("on", "for", "in", "to"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _governed_by(token: Token, governor: Token) -> bool:
    return any(a.i == governor.i for a in token.ancestors)


def _governing_verb(token: Token) -> Token | None:
    head = token.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _clause_head(trigger: Trigger) -> Token:
    """The verb whose auxiliaries and negation speak for the event."""
    token = trigger.token
    if trigger.kind == "noun":
        return trigger.host or _governing_verb(token) or token
    if trigger.kind == "frame" and token.pos_ == "ADJ" and token.head.pos_ in ("AUX", "VERB"):
        return token.head
    return token


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} | {
        c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")
    }


def _negated(verb: Token, negations: frozenset[str]) -> bool:
    """A 'not'/'never' on the verb, or on the verb it is the complement of ("did not agree to")."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in negations) for c in verb.children
    )


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


def _has_condition(verb: Token, markers: frozenset[str]) -> bool:
    for c in verb.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in markers for g in c.children):
            return True
    return False


def _in_condition(verb: Token, markers: frozenset[str]) -> bool:
    token = verb
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in markers for c in token.children):
            return True
        if token.dep_ == "ROOT" or token.head.i == token.i:
            return False
        if token.dep_ not in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "acomp"):
            return False
        token = token.head
    return False


def _irrealis(verb: Token, lexicon: TriggerLexicon) -> bool:
    token = verb
    for _ in range(8):
        if token.head.i == token.i or token.dep_ not in (
            "conj",
            "xcomp",
            "ccomp",
            "dobj",
            "pobj",
            "prep",
            "acl",
            "nsubj",
            "nsubjpass",
        ):
            return False
        token = token.head
        if token.lemma_.lower() in lexicon.irrealis_verbs:
            return True
        if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.irrealis_nouns:
            return True
        if token.lemma_.lower() in lexicon.frame_words:
            return True  # what is demanded, threatened or promised has not happened
        if _auxiliaries(token) & (lexicon.hedge_auxiliaries | lexicon.conditional_auxiliaries):
            return True
    return False


def _known_lemma(token: Token, lemma: str, lexicon: TriggerLexicon) -> str:
    """The parser's lemma, or a regular-inflection guess the own rules know ("staged" is lemmatised
    "stag" by the small model; "stage" is meant)."""
    own = lexicon.own_words()
    if lemma in own:
        return lemma
    guesses = sorted(g for g in candidate_lemmas(token.lower_) if g in own)
    return guesses[0] if guesses else lemma


def _has_to(verb: Token) -> bool:
    """ "have to" / "has to" + verb: an obligation."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "have"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _backgrounded(trigger: Trigger) -> bool:
    """Is the event told in a subordinate clause (when/after/because..., relative clause)?"""
    token = _clause_head(trigger)
    for _ in range(6):
        if token.dep_ in ("advcl", "relcl", "acl"):
            return True
        if token.dep_ not in ("conj", "xcomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _agentless_passive(trigger: Trigger) -> bool:
    """A passive verb that names no doer ("three civilians were killed")."""
    token = trigger.token
    return (
        trigger.kind == "verb"
        and is_passive(token)
        and not any(c.dep_ == "agent" for c in token.children)
    )


def _country_of(mention: Mention) -> str | None:
    if is_agent_only(mention) or not mention.code or mention.code.startswith("IGO"):
        return None  # an IGO lends no country to the sectors around it
    return mention.country or mention.code[:3]


def _has_possessive_pronoun(doc: Doc, mention: Mention) -> bool:
    """ "its troops", "their arms": the mention's head carries a possessive pronoun."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in span.root.children)


def _agent_only_ref(ref: ActorRef) -> bool:
    return not ref.code[:3].isalpha() or ref.code[:3] in AGENT_CODES


def _place_country(place: Mention | None) -> str | None:
    if place is None:
        return None
    return place.country or (place.code[:3] if place.code else None)


def _purpose(verb: Token, markers: frozenset[str]) -> bool:
    """An infinitive of purpose: "opened fire to disperse the crowd", "in order to"."""
    if verb.dep_ == "conj" and verb.head.dep_ == "advcl":
        verb = verb.head  # "to protect them and prevent a war": both are the purpose
    if verb.dep_ != "advcl":
        return False
    return any(c.dep_ in ("aux", "mark") and c.lower_ in markers for c in verb.children)


def _reported(verb: Token, speech: frozenset[str]) -> bool:
    token = verb
    for _ in range(4):
        if token.head.i == token.i:
            return False
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in speech:
            return True
        if (
            token.dep_ in ("ccomp", "acl")
            and token.head.pos_ == "NOUN"
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
        ):
            return True  # "a reminder that it must ...", "a declaration that ..."
        token = token.head
    return False


def _refs(mentions: Sequence[Mention]) -> tuple[ActorRef, ...]:
    refs: list[ActorRef] = []
    for m in mentions:
        code = m.code or m.country or ""
        if not code or any(r.code == code for r in refs):
            continue
        refs.append(
            ActorRef(
                name=m.text if not m.actor_id else m.actor_id,
                code=code,
                text=m.text,
                start=m.start,
                end=m.end,
                actor_id=m.actor_id,
            )
        )
    return tuple(refs)


def short_id(text: str) -> str:
    """A short stable hash, for ids that must not grow with the article id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
