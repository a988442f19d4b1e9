"""PETRARCH/TABARI verb dictionaries: verb blocks, synonym sets and patterns as typed records.

A dictionary is a list of blocks (``--- NAME [code] ---``); each block lists verbs (one per line,
optionally with irregular forms in braces and a code of their own) and patterns
(``- WORDS * WORDS [code]``) that apply to every verb of the block. ``*`` stands for the verb,
``(...)`` for a prepositional phrase, ``{...}`` for a noun phrase, ``&NAME`` for a synonym set,
``$``/``+`` for the source/target actor, ``^`` for one skipped word and ``%`` for a compound actor.
The same reader handles PETRARCH-1 (CAMEO.2.0) and PETRARCH-2 (validation suite) files.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

NULL_CODE = "---"
# Multi-word entries headed by these ("+IS_DETERMINED") are keyed by their other words.
AUXILIARY_HEADS = frozenset(
    {
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "am",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
    }
)
MARKERS = frozenset({"$", "+", "^", "%"})
_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^-{3}\s*([^\[]+?)\s*(\[[^\]]*\])?[\s-]*-{3}\s*$")
_FORMS = re.compile(r"\{([^}]*)\}")
_Code = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """One pattern of a verb: words before and after the verb, and the code it gives."""

    id: str
    verb: str  # the verb phrase, lowercase ("visit", "set up"); patterns are indexed by its head
    code: str  # CAMEO code, or "---" for "this use is not an event"
    reverse: str | None = None  # [a:b]: also code b with source and target swapped
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    text: str = ""  # the pattern as written in the dictionary
    verbs: tuple[str, ...] = ()  # the block's verbs it was written for (empty: all of them)

    @property
    def specificity(self) -> int:
        """How many words the pattern asks for (more words: more specific)."""
        return sum(len(w.split("~")) for w in (*self.before, *self.after) if w not in MARKERS)

    @property
    def swaps_roles(self) -> bool:
        """'+ * ... $': the target stands before the verb and the source after it."""
        return "$" in self.after or "+" in self.before


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb of a block: its head word, particles around it, and its own code if any."""

    head: str
    pre: tuple[str, ...] = ()
    post: tuple[str, ...] = ()
    code: str | None = None
    reverse: str | None = None

    @property
    def phrase(self) -> str:
        return " ".join((*self.pre, self.head, *self.post))


@dataclass(frozen=True, slots=True)
class VerbBlock:
    """A block of synonymous verbs sharing a default code and a list of patterns."""

    name: str
    code: str | None
    reverse: str | None
    verbs: tuple[VerbEntry, ...]
    patterns: tuple[VerbPattern, ...]  # verb-agnostic: `verb` is empty, ids are block-level

    def patterns_for(self, entry: VerbEntry, prefix: str) -> tuple[VerbPattern, ...]:
        """The block's patterns instantiated for one of its verbs (particles folded in)."""
        out: list[VerbPattern] = []
        code, reverse = (entry.code, entry.reverse) if entry.code else (self.code, self.reverse)
        phrase = entry.phrase
        if code is not None:
            out.append(
                VerbPattern(
                    f"{prefix}:{self.name}:{phrase.replace(' ', '_')}",
                    phrase,
                    code,
                    reverse,
                    entry.pre,
                    entry.post,
                    phrase,
                )
            )
        for p in self.patterns:
            if p.verbs and entry.head not in p.verbs and phrase.replace(" ", "_") not in p.verbs:
                continue
            out.append(
                VerbPattern(
                    p.id,
                    phrase,
                    p.code,
                    p.reverse,
                    (*p.before, *entry.pre),
                    (*entry.post, *p.after),
                    p.text,
                )
            )
        return tuple(out)


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """Verb blocks indexed by head verb, plus the synonym sets their patterns refer to."""

    name: str
    blocks: tuple[VerbBlock, ...] = ()
    synsets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # irregular form -> base form
    _index: dict[str, tuple[VerbPattern, ...]] = field(default_factory=dict, compare=False)
    # Compiled pattern words and ranked candidates, filled by `patterns.best_pattern` on use.
    compiled_words: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    candidates: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[VerbPattern]] = {}
        for block in self.blocks:
            for entry in block.verbs:
                index.setdefault(entry.head, []).extend(block.patterns_for(entry, self.name))
        self._index.update({k: tuple(v) for k, v in index.items()})

    @property
    def patterns(self) -> dict[str, tuple[VerbPattern, ...]]:
        """Every pattern, indexed by head verb."""
        return self._index

    def lookup(self, lemma: str) -> tuple[VerbPattern, ...]:
        """Patterns for a verb lemma or an irregular form of it."""
        lemma = lemma.lower()
        found = self._index.get(lemma)
        if found is None and lemma in self.forms:
            found = self._index.get(self.forms[lemma])
        return found or ()

    def words(self) -> frozenset[str]:
        """The prefilter's vocabulary: one word every use of each verb needs.

        A verb stands for itself (and its irregular forms); a multi-word entry headed by an
        auxiliary ("is determined") can only fire when its other words are there too, so its
        longest other word stands for it.
        """
        out: set[str] = set()
        for block in self.blocks:
            for entry in block.verbs:
                particles = (*entry.pre, *entry.post)
                if entry.head in AUXILIARY_HEADS and particles:
                    out.add(max(particles, key=len))
                else:
                    out.add(entry.head)
        out.update(form for form, base in self.forms.items() if base in out)
        return frozenset(out)


def _parse_code(raw: str, valid: frozenset[str] | None) -> _Code | None:
    """ "[042:043]" -> ("042", "043"); "[---]" -> ("---", None); invalid codes -> None."""
    match = _CODE.search(raw)
    if not match:
        return None
    primary, _, reverse = match.group(1).strip().partition(":")
    primary = primary.strip()
    reverse_code = reverse.strip() or None
    if primary == NULL_CODE:
        return NULL_CODE, None
    if valid is not None and (primary not in valid or (reverse_code and reverse_code not in valid)):
        return None
    if not primary.isdigit() or (reverse_code and not reverse_code.isdigit()):
        return None
    return primary, reverse_code


def _word(raw: str) -> str:
    """A dictionary word in the form patterns compare: lowercase, '_' joins words."""
    return raw.lower()


def _pattern_words(raw: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Split a pattern into the words before and after '*'; None when it has no verb slot.

    The first word of a parenthesised phrase is a preposition and keeps a '(' mark: "(TO X)"
    asks for the preposition "to", not the infinitive marker.
    """
    # A braced noun phrase is one contiguous element: "{NEW &TIETYPES RELATIONS}".
    braced = re.sub(r"\{([^}]*)\}", lambda m: " " + "~".join(m.group(1).split()) + " ", raw)
    cleaned = re.sub(r"\(\s*", " (", braced).replace(")", " ")
    tokens = [t for t in cleaned.split() if t not in ("(", "~")]
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    return tuple(_word(t) for t in tokens[:star]), tuple(_word(t) for t in tokens[star + 1 :])


def _verb_entry(line: str) -> tuple[str, list[str], str | None]:
    """A verb line -> (base form, irregular forms, raw code or None)."""
    code_match = _CODE.search(line)
    code = code_match.group(0) if code_match else None
    forms_match = _FORMS.search(line)
    forms = forms_match.group(1).split() if forms_match else []
    head = _FORMS.sub(" ", _CODE.sub(" ", line)).split()
    base = head[0] if head else ""
    return base, forms, code


def _multiword(word: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """'+SET_UP' -> ('set', (), ('up',)); 'WIRE_+TAP' -> ('tap', ('wire',), ()).

    The word marked '+' is the verb (the first word when none is marked); the others are
    particles that must stand before or after it.
    """
    parts = [p for p in word.lower().split("_") if p]
    head_at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    return parts[head_at], tuple(parts[:head_at]), tuple(parts[head_at + 1 :])


def read_verb_dictionary(
    path: str | Path, valid_codes: Iterable[str] | None = None, name: str | None = None
) -> VerbDictionary:
    """Read a PETRARCH/TABARI verb dictionary; patterns with unknown codes are skipped (logged)."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    return parse_verb_dictionary(text, valid_codes, name or Path(path).stem)


def parse_verb_dictionary(
    text: str, valid_codes: Iterable[str] | None = None, name: str = "verbs"
) -> VerbDictionary:
    """Parse the text of a PETRARCH/TABARI verb dictionary."""
    valid = frozenset(valid_codes) if valid_codes is not None else None
    synsets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    forms: dict[str, str] = {}
    current_synset: str | None = None
    in_verbs = False
    headers_seen = False
    block = ""
    block_code: _Code | None = None
    block_verbs: list[VerbEntry] = []
    block_patterns: list[VerbPattern] = []
    skipped = 0

    def flush() -> None:
        if block_verbs:
            code, reverse = block_code if block_code else (None, None)
            blocks.append(
                VerbBlock(block, code, reverse, tuple(block_verbs), _restrict(block_patterns))
            )

    def _restrict(patterns: list[VerbPattern]) -> tuple[VerbPattern, ...]:
        """Keep a pattern's verb names only when they name verbs of this block."""
        names = {v.head for v in block_verbs} | {
            "_".join((*v.pre, v.head, *v.post)) for v in block_verbs
        }
        names |= {form for form, base in forms.items() if base in names}
        out = []
        for p in patterns:
            own = tuple(forms.get(w, w) for w in p.verbs if w in names)
            out.append(replace(p, verbs=own))
        return tuple(out)

    for line_no, raw_line in enumerate(text.splitlines(), 1):
        line, _, comment = raw_line.partition("#")
        line = line.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--") or stripped.startswith("~"):
            if not stripped:
                current_synset = None
            continue
        header = _HEADER.match(stripped)
        if header:
            headers_seen = True
            if in_verbs:
                flush()
            in_verbs = True
            current_synset = None
            block = header.group(1).strip().replace(" ", "_")
            if any(b.name == block for b in blocks):
                block = f"{block}_{line_no}"
            block_code = _parse_code(header.group(2) or "", valid) if header.group(2) else None
            block_verbs, block_patterns = [], []
            continue
        if stripped.startswith("&"):
            current_synset = stripped.split()[0].lower()
            synsets.setdefault(current_synset, [])
            continue
        if current_synset is not None and stripped.startswith("+"):
            member = stripped[1:].replace("(", " ").replace(")", " ").split()
            if member:  # "+AUSTRIAN GOLD FLORIN" is one phrase
                synsets[current_synset].append(_word("_".join(member)))
            continue
        is_pattern = stripped.startswith("-") or ("*" in stripped and "[" in stripped)
        if not in_verbs and not headers_seen and not is_pattern and _CODE.search(stripped):
            in_verbs = True  # a TABARI file: verbs without '---' block headers
        if not in_verbs:
            continue
        if is_pattern:
            body = stripped[1:] if stripped.startswith("-") else stripped
            parsed_code = _parse_code(body, valid)
            words = _pattern_words(_CODE.sub(" ", body))
            if parsed_code is None or words is None:
                skipped += 1
                log.debug("skipped pattern at line %d: %s", line_no, stripped)
                continue
            pattern_id = f"{name}:{block}:{len(block_patterns) + 1}"
            text_ = " ".join(body.split())
            # CAMEO.2.0 notes after '#' the verb(s) a pattern was written for ("# TAKE").
            named = tuple(w.lower() for w in re.split(r"[\s,;]+", comment) if w.isupper())
            block_patterns.append(
                VerbPattern(
                    pattern_id,
                    "",
                    parsed_code[0],
                    parsed_code[1],
                    words[0],
                    words[1],
                    text_,
                    named,
                )
            )
            continue
        base, irregular, raw_code = _verb_entry(stripped)
        if not base:
            continue
        if not headers_seen:
            # TABARI: every verb line opens its own entry, with the patterns that follow it.
            flush()
            block = base.replace("+", "")
            block_code = _parse_code(raw_code, valid) if raw_code else None
            block_verbs, block_patterns = [], []
            raw_code = None
        head, pre, post = _multiword(base)
        own = _parse_code(raw_code, valid) if raw_code else None
        if raw_code and own is None:
            skipped += 1
            continue
        block_verbs.append(
            VerbEntry(head, pre, post, own[0] if own else None, own[1] if own else None)
        )
        for form in irregular:
            forms[_multiword(form)[0]] = head
    if in_verbs:
        flush()
    if skipped:
        log.info("%s: skipped %d patterns with unknown codes or no verb slot", name, skipped)
    return VerbDictionary(
        name=name,
        blocks=tuple(blocks),
        synsets={k: tuple(v) for k, v in synsets.items()},
        forms=forms,
    )


def _code_text(code: str | None, reverse: str | None) -> str:
    return "" if code is None else f"{code}:{reverse}" if reverse else code


def _split_code(text: str) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    code, _, reverse = text.partition(":")
    return code, reverse or None


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def write_verb_tables(dictionary: VerbDictionary, out_dir: Path, header: str) -> None:
    """Write a dictionary as TSV tables (verbs, patterns, synsets, forms) under `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables: dict[str, tuple[tuple[str, ...], list[tuple[str, ...]]]] = {
        "verbs": (("block", "block_code", "head", "pre", "post", "code"), []),
        "patterns": (("id", "block", "code", "before", "after", "verbs", "text"), []),
        "synsets": (("synset", "member"), []),
        "forms": (("form", "base"), []),
    }
    for block in dictionary.blocks:
        for v in block.verbs:
            tables["verbs"][1].append(
                (
                    block.name,
                    _code_text(block.code, block.reverse),
                    v.head,
                    " ".join(v.pre),
                    " ".join(v.post),
                    _code_text(v.code, v.reverse),
                )
            )
        for p in block.patterns:
            tables["patterns"][1].append(
                (
                    p.id,
                    block.name,
                    _code_text(p.code, p.reverse),
                    " ".join(p.before),
                    " ".join(p.after),
                    " ".join(p.verbs),
                    p.text,
                )
            )
    for synset, members in dictionary.synsets.items():
        tables["synsets"][1].extend((synset, m) for m in members)
    tables["forms"][1].extend(sorted(dictionary.forms.items()))
    for table, (columns, rows) in tables.items():
        with (out_dir / f"{dictionary.name}_{table}.tsv").open(
            "w", encoding="utf-8", newline=""
        ) as handle:
            handle.write(header)
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(rows)


def read_verb_tables(directory: Path, name: str) -> VerbDictionary:
    """Read a dictionary written by `write_verb_tables`."""
    verbs = _read_tsv(directory / f"{name}_verbs.tsv")
    patterns = _read_tsv(directory / f"{name}_patterns.tsv")
    by_block: dict[str, list[VerbPattern]] = {}
    for row in patterns:
        code, reverse = _split_code(row["code"])
        by_block.setdefault(row["block"], []).append(
            VerbPattern(
                row["id"],
                "",
                code or NULL_CODE,
                reverse,
                tuple(row["before"].split()),
                tuple(row["after"].split()),
                row["text"],
                tuple(row.get("verbs", "").split()),
            )
        )
    entries: dict[str, tuple[str, list[VerbEntry]]] = {}
    for row in verbs:
        code, reverse = _split_code(row["code"])
        entries.setdefault(row["block"], (row["block_code"], []))[1].append(
            VerbEntry(
                row["head"], tuple(row["pre"].split()), tuple(row["post"].split()), code, reverse
            )
        )
    blocks = []
    for block, (block_code, block_verbs) in entries.items():
        code, reverse = _split_code(block_code)
        blocks.append(
            VerbBlock(block, code, reverse, tuple(block_verbs), tuple(by_block.get(block, ())))
        )
    synsets: dict[str, list[str]] = {}
    for row in _read_tsv(directory / f"{name}_synsets.tsv"):
        synsets.setdefault(row["synset"], []).append(row["member"])
    forms = {row["form"]: row["base"] for row in _read_tsv(directory / f"{name}_forms.tsv")}
    return VerbDictionary(name, tuple(blocks), {k: tuple(v) for k, v in synsets.items()}, forms)
