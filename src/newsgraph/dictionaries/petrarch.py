"""Read PETRARCH/TABARI actor and agent dictionaries into typed records.

Actor dictionary: an entry line ``NAME [CODE]`` or ``NAME`` followed by ``+SYNONYM`` lines and
indented code lines ``[CODE date-range]``. Words are joined by ``_`` (spaces also occur); a trailing
``_`` means the last word must match exactly, otherwise it is a stem ("ARGENTIN" matches
"Argentina", "Argentine"). Date ranges: ``[C >D]`` from D, ``[C <D]`` until D, ``[C D1-D2]``;
dates are YYMMDD (00-30 read as 20YY, as KEDS/TABARI do) or YYYYMMDD. The first dated code valid
on a day wins; an undated code is the default. ``#`` starts a comment; ``<!-- -->`` blocks too.

Agent dictionary: ``PHRASE {PLURALS} [~CODE]``. ``~CODE`` is appended to the actor's code
(police -> ``~COP``: "Fooland police" = FOOCOP); ``CODE~`` is put before it. Without braces a
regular plural of the last word is generated (PETRARCH 0.5); ``{}`` means no plural. Substitution
sets ``!PERSON! = MAN, MEN, WOMAN`` expand ``POLICE!PERSON!`` to POLICEMAN, POLICEMEN, ...
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsgraph.dictionaries.words import norms

log = logging.getLogger(__name__)

_XML_COMMENT = re.compile(r"<!\s*--.*?-->", re.DOTALL)
_BRACKET = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{([^}]*)\}")
_SUBSTITUTION_DEF = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$")
_SUBSTITUTION_USE = re.compile(r"![A-Z]+!")
_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")
# A YYMMDD year at or below this is 20YY, above it 19YY (the KEDS/TABARI convention).
_TWO_DIGIT_PIVOT = 30


class DictionaryError(ValueError):
    """A dictionary line that cannot be read."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """A dictionary phrase as normalised words; `stem` lets the last word match as a prefix."""

    words: tuple[str, ...]
    stem: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code, optionally limited to a date range (inclusive)."""

    code: str
    valid_from: date | None = None
    valid_to: date | None = None

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_to is not None

    def holds_on(self, day: date) -> bool:
        """True when the code is valid on `day`."""
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


@dataclass(frozen=True, slots=True)
class DictionaryActor:
    """An actor entry: its primary name, synonyms and (dated) codes."""

    name: Phrase
    synonyms: tuple[Phrase, ...]
    codes: tuple[DatedCode, ...]
    raw_name: str = ""  # the name as written in the file, e.g. "VLADIMIR_PUTIN_"
    comment: str = ""
    line: int = 0

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        return (self.name, *self.synonyms)

    @property
    def default_code(self) -> str | None:
        """The first undated code, else the first code."""
        for code in self.codes:
            if not code.dated:
                return code.code
        return self.codes[0].code if self.codes else None

    def code_on(self, day: date | None) -> str | None:
        """The code valid on `day`: first matching dated code, else the default.

        An unknown day means "now": the open-ended dated code that started last, if any.
        """
        if day is None:
            open_ended = [c for c in self.codes if c.dated and c.valid_to is None]
            if open_ended:
                return max(open_ended, key=lambda c: c.valid_from or date.min).code
            return self.default_code
        for code in self.codes:
            if code.dated and code.holds_on(day):
                return code.code
        return self.default_code


@dataclass(frozen=True, slots=True)
class DictionaryAgent:
    """An agent phrase and the sector code it adds to an actor (``~GOV``) or puts before it."""

    phrase: Phrase
    code: str
    prefix: bool = False  # True for ``[NGO~]``: the code goes before the actor's code
    raw: str = ""
    line: int = 0

    def combine(self, actor_code: str | None) -> str:
        """The code of this agent attached to an actor ("RUS" + police -> "RUSCOP")."""
        if not actor_code:
            return self.code
        return self.code + actor_code if self.prefix else actor_code + self.code


def parse_date(text: str) -> date:
    """A dictionary date: YYMMDD or YYYYMMDD; impossible days are clamped ("20060431")."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise DictionaryError(f"not a YYMMDD or YYYYMMDD date: {text!r}")
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= _TWO_DIGIT_PIVOT else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if not 1 <= month <= 12:
        raise DictionaryError(f"month out of range: {text!r}")
    # Source files carry days like 0431 or 1131; the month's last day is what was meant.
    day = max(1, min(day, calendar.monthrange(year, month)[1]))
    return date(year, month, day)


def parse_code(text: str) -> DatedCode:
    """One bracket body: ``RUSGOV``, ``RUSGOV 991231-080507``, ``HOB < 950601``, ``>080508``."""
    body = text.strip()
    code, _, when = body.partition(" ")
    if code[:1] in "<>" or code[:1].isdigit():  # a bare date range with no code
        raise DictionaryError(f"date without a code: {text!r}")
    code = code.upper()
    when = when.strip()
    if not when:
        return DatedCode(code)
    if when.startswith(">"):
        return DatedCode(code, valid_from=parse_date(when[1:]))
    if when.startswith("<"):
        return DatedCode(code, valid_to=parse_date(when[1:]))
    match = _RANGE.match(when)
    if match is None:
        raise DictionaryError(f"unreadable date range: {text!r}")
    return DatedCode(code, parse_date(match.group(1)), parse_date(match.group(2)))


def parse_phrase(raw: str) -> Phrase | None:
    """``VLADIMIR_PUTIN_`` -> words (vladimir, putin), exact; ``ARGENTIN`` -> a stem."""
    cleaned = raw.strip()
    words = norms(cleaned.replace("_", " "))
    if not words:
        return None
    return Phrase(words, stem=not cleaned.endswith("_"))


def _strip_xml_comments(text: str) -> str:
    """Remove <!-- --> blocks but keep their newlines, so line numbers stay true."""
    return _XML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)


def _split_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body, comment.strip()


def _codes_in(body: str, where: str) -> list[DatedCode]:
    codes = []
    for inner in _BRACKET.findall(body):
        try:
            codes.append(parse_code(inner))
        except DictionaryError as error:
            log.warning("%s: skipping code [%s]: %s", where, inner, error)
    return codes


@dataclass(slots=True)
class _Entry:
    raw_name: str
    name: Phrase
    line: int
    comment: str
    synonyms: list[Phrase]
    codes: list[DatedCode]

    def freeze(self) -> DictionaryActor:
        return DictionaryActor(
            self.name,
            tuple(self.synonyms),
            tuple(self.codes),
            self.raw_name,
            self.comment,
            self.line,
        )


def parse_actor_dictionary(text: str, source: str = "<string>") -> list[DictionaryActor]:
    """Parse the text of a PETRARCH/TABARI actor dictionary."""
    actors: list[DictionaryActor] = []
    current: _Entry | None = None
    for number, raw_line in enumerate(_strip_xml_comments(text).splitlines(), start=1):
        body, comment = _split_comment(raw_line)
        if not body.strip():
            continue
        where = f"{source}:{number}"
        stripped = body.strip()
        if stripped.startswith("+"):
            if current is None:
                log.warning("%s: synonym before any actor", where)
                continue
            phrase = parse_phrase(_BRACKET.sub(" ", stripped[1:]))
            if phrase is not None:
                current.synonyms.append(phrase)
            current.codes.extend(_codes_in(stripped, where))
        elif stripped.startswith("["):
            if current is None:
                log.warning("%s: code line before any actor", where)
                continue
            current.codes.extend(_codes_in(stripped, where))
        else:
            if current is not None:
                actors.append(current.freeze())
                current = None
            raw_name = stripped.split("[", 1)[0].strip()
            phrase = parse_phrase(raw_name)
            if phrase is None:
                log.warning("%s: no words in actor line %r", where, stripped)
                continue
            current = _Entry(raw_name, phrase, number, comment, [], _codes_in(stripped, where))
    if current is not None:
        actors.append(current.freeze())
    return actors


def plural_of(word: str) -> str:
    """The regular English plural of a (lower-case) noun."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _expand(raw: str, substitutions: dict[str, list[str]]) -> list[str]:
    """Every spelling of a phrase after replacing its !SET! markers by their members."""
    match = _SUBSTITUTION_USE.search(raw)
    if match is None:
        return [raw]
    members = substitutions.get(match.group())
    if members is None:
        raise DictionaryError(f"undefined substitution {match.group()}")
    expanded: list[str] = []
    for member in members:
        expanded.extend(_expand(raw[: match.start()] + member + raw[match.end() :], substitutions))
    return expanded


def _agent_code(inner: str) -> tuple[str, bool]:
    body = inner.replace(" ", "").upper()
    if body.startswith("~"):
        return body[1:], False
    if body.endswith("~"):
        return body[:-1], True
    raise DictionaryError(f"agent code without '~': [{inner}]")


def parse_agent_dictionary(text: str, source: str = "<string>") -> list[DictionaryAgent]:
    """Parse the text of a PETRARCH agent dictionary, expanding plurals and substitutions."""
    agents: list[DictionaryAgent] = []
    substitutions: dict[str, list[str]] = {}
    for number, raw_line in enumerate(_strip_xml_comments(text).splitlines(), start=1):
        body, _ = _split_comment(raw_line)
        if not body.strip():
            continue
        where = f"{source}:{number}"
        definition = _SUBSTITUTION_DEF.match(body)
        if definition:
            members = [m.strip() for m in definition.group(2).split(",") if m.strip()]
            substitutions[definition.group(1)] = members
            continue
        brackets = _BRACKET.findall(body)
        if not brackets:
            log.warning("%s: agent line without a code: %r", where, body.strip())
            continue
        try:
            code, prefix = _agent_code(brackets[0])
        except DictionaryError as error:
            log.warning("%s: %s", where, error)
            continue
        head = _BRACKET.sub(" ", body)
        braces = _BRACES.search(head)
        raw = _BRACES.sub(" ", head).strip()
        try:
            spellings = _expand(raw, substitutions)
            plurals = (
                [p for b in braces.group(1).split(",") for p in _expand(b.strip(), substitutions)]
                if braces
                else []
            )
        except DictionaryError as error:
            log.warning("%s: %s", where, error)
            continue
        phrases: list[Phrase] = []
        for spelling in [*spellings, *plurals]:
            phrase = parse_phrase(spelling)
            if phrase is not None:
                phrases.append(phrase)
        # Regular plurals are generated only for plain entries: braces give them explicitly and
        # substitution sets already list the plural members.
        if braces is None and len(spellings) == 1 and phrases:
            words = phrases[0].words
            phrases.append(Phrase((*words[:-1], plural_of(words[-1]))))
        agents.extend(
            DictionaryAgent(phrase, code, prefix, raw, number) for phrase in _unique(phrases)
        )
    return agents


def _unique(phrases: Iterable[Phrase]) -> list[Phrase]:
    return list(dict.fromkeys(phrases))


def load_actor_dictionary(path: str | Path) -> list[DictionaryActor]:
    """Read a PETRARCH/TABARI actor dictionary file."""
    file = Path(path)
    return parse_actor_dictionary(file.read_text(encoding="utf-8", errors="replace"), file.name)


def load_agent_dictionary(path: str | Path) -> list[DictionaryAgent]:
    """Read a PETRARCH agent dictionary file."""
    file = Path(path)
    return parse_agent_dictionary(file.read_text(encoding="utf-8", errors="replace"), file.name)
