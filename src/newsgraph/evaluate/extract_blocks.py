"""A page cut into text blocks, with the cheap features a learned block selector reads.

An experiment of issue 20 (docs/evaluation/extract.md, "A learned block selector"), scored by
`newsgraph.evaluate.extract_blocks_cv`; nothing in ingest uses it yet.

A block is a run of text whose nearest block-level ancestor is the same element: a `<p>`, a
heading, a list item, a cell, or the loose text of a `div`/`section` between its child blocks.
Features are those of boilerplate detection (Kohlschütter et al. 2010, "Boilerplate detection
using shallow text features"): token count, link density, tag, depth, position, punctuation
and stop-word shares, class/id words of the block and its ancestors, the neighbours' values,
whether resiliparse's main-content extraction keeps the text, and how dense the block's
container is relative to the page's densest one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_TOKEN = re.compile(r"\w+")
_PUNCT = re.compile(r"[^\w\s]")
_CLASS_WORD = re.compile(r"[a-z]+")
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "svg", "head", "title"}
    | {"select", "option", "button", "input", "textarea", "nav", "footer", "aside"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "address", "td", "th"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "caption", "figure", "figcaption"}
    | {"section", "article", "header", "main", "details", "summary", "body", "center", "br"}
)
TAGS = ("p", "h", "li", "td", "blockquote", "pre", "div", "figcaption", "other")
# Words of class/id attributes that mark boilerplate or article containers.
CLASS_WORDS = (
    "comment",
    "footer",
    "share",
    "social",
    "related",
    "nav",
    "menu",
    "caption",
    "ad",
    "promo",
    "sidebar",
    "widget",
    "newsletter",
    "subscribe",
    "author",
    "byline",
    "date",
    "meta",
    "tag",
    "breadcrumb",
    "header",
    "title",
    "article",
    "content",
    "body",
    "story",
    "text",
    "post",
    "entry",
    "main",
)
# A small multilingual function-word list: prose has many, menus and captions few.
_STOPWORD_TEXT = (
    "the a an and or of to in on at for with by from is are was were be been has have had it "
    "its that this which who as not but he she they we you his her their said will would "
    "de la le les el los las et y en un une una que des del da do die der und das ist zu "
    "e o os um uma em para com não il di che per"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_BASE_FEATURES = (
    "log_tokens",
    "link_density",
    "depth",
    "position",
    "punct_share",
    "stop_share",
    "resiliparse_keeps",
    "container_density",
    "sentence_end",
    "capital_start",
    "region_1",
    "region_2",
    "region_3",
    "region_5",
)
FEATURE_NAMES: tuple[str, ...] = (
    _BASE_FEATURES
    + tuple(f"tag_{t}" for t in TAGS)
    + tuple(f"own_{w}" for w in CLASS_WORDS)
    + tuple(f"anc_{w}" for w in CLASS_WORDS)
    + tuple(f"{side}_{name}" for side in ("prev", "next") for name in _BASE_FEATURES[:3])
    + tuple(f"{side}_{name}" for side in ("prev2", "next2") for name in ("log_tokens",))
)


@dataclass(slots=True)
class Block:
    """One text run: its text, the element holding it, and the counts its features come from."""

    text: str
    element: HtmlElement
    depth: int
    tokens: int = 0
    link_tokens: int = 0
    container: int = 0  # index of its container (the parent of its block element)
    words: list[str] = field(default_factory=list)


def cut_blocks(tree: HtmlElement) -> list[Block]:
    """The page's text runs in document order, empty ones dropped."""
    from lxml import etree

    body = tree.find("body")
    root = body if body is not None else tree
    blocks: list[Block] = []
    parts: list[str] = []
    counts = [0]  # link tokens of the run being read
    holders: list[tuple[HtmlElement, int]] = [(root, 0)]
    depth = 0
    in_link = 0

    def add(text: str | None) -> None:
        if text:
            parts.append(text)
            if in_link:
                counts[0] += len(_TOKEN.findall(text))

    def flush() -> None:
        text = " ".join("".join(parts).split())
        words = _TOKEN.findall(text)
        if words:
            element, at = holders[-1]
            blocks.append(Block(text, element, at, len(words), counts[0], words=words))
        parts.clear()
        counts[0] = 0

    # iterwalk rather than recursion: pages nest deeper than Python's recursion limit.
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            depth += 1
            if tag in _SKIP or not tag:
                walk.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                flush()
                holders.append((element, depth))
            in_link += tag == "a"
            add(element.text)
            continue
        depth -= 1
        if tag in _BLOCK_TAGS:
            flush()
            holders.pop()
        in_link -= tag == "a"
        if element is not root:
            add(element.tail)
    flush()
    return blocks


def block_features(blocks: Sequence[Block], resiliparse_text: str = "") -> list[list[float]]:
    """One feature row per block, in `FEATURE_NAMES` order."""
    kept = " " + " ".join(_TOKEN.findall(resiliparse_text)) + " "
    containers: dict[HtmlElement, int] = {}
    for block in blocks:
        parent = block.element.getparent()
        key = parent if parent is not None else block.element
        block.container = containers.setdefault(key, len(containers))
    density = [0] * len(containers)
    for block in blocks:
        density[block.container] += block.tokens - block.link_tokens
    densest = max(density, default=1) or 1
    regions = _region_shares(blocks)
    total = len(blocks) or 1
    class_cache: dict[HtmlElement, tuple[set[str], set[str]]] = {}
    base: list[list[float]] = []
    rows: list[list[float]] = []
    for i, block in enumerate(blocks):
        lowered = [w.lower() for w in block.words]
        row = [
            math.log1p(block.tokens),
            block.link_tokens / block.tokens,
            min(block.depth, 40) / 40,
            i / total,
            len(_PUNCT.findall(block.text)) / max(len(block.text), 1),
            sum(w in STOPWORDS for w in lowered) / block.tokens,
            float(" " + " ".join(block.words) + " " in kept),
            density[block.container] / densest,
            float(block.text[-1] in ".!?\"'”»"),
            float(block.text[0].isupper()),
            *regions[i],
        ]
        base.append(row)
        own, ancestors = _class_words(block.element, class_cache)
        tag = _tag_group(block.element.tag)
        rows.append(
            row
            + [float(tag == t) for t in TAGS]
            + [float(w in own) for w in CLASS_WORDS]
            + [float(w in ancestors) for w in CLASS_WORDS]
        )
    empty = [0.0] * len(_BASE_FEATURES)
    for i, row in enumerate(rows):
        prev = base[i - 1] if i > 0 else empty
        nxt = base[i + 1] if i + 1 < len(base) else empty
        prev2 = base[i - 2] if i > 1 else empty
        nxt2 = base[i + 2] if i + 2 < len(base) else empty
        row += prev[:3] + nxt[:3] + [prev2[0], nxt2[0]]
    return rows


# Ancestor levels whose share of the page's non-link text a block gets as features.
_REGION_LEVELS = (1, 2, 3, 5)


def _region_shares(blocks: Sequence[Block]) -> list[list[float]]:
    """For each block, the share of the page's non-link tokens under its ancestors at
    `_REGION_LEVELS`: the article is one region holding most of the prose."""
    top = max(_REGION_LEVELS)
    chains: list[list[HtmlElement]] = []
    under: dict[HtmlElement, int] = {}
    for block in blocks:
        chain: list[HtmlElement] = []
        element = block.element
        for _ in range(top):
            parent = element.getparent()
            if parent is None:
                break
            element = parent
            chain.append(element)
        chains.append(chain)
        for key in chain:
            under[key] = under.get(key, 0) + block.tokens - block.link_tokens
    total = sum(block.tokens - block.link_tokens for block in blocks) or 1
    return [
        [
            under[chain[min(level, len(chain)) - 1]] / total if chain else 1.0
            for level in _REGION_LEVELS
        ]
        for chain in chains
    ]


def _tag_group(tag: object) -> str:
    name = tag if isinstance(tag, str) else ""
    if len(name) == 2 and name[0] == "h" and name[1].isdigit():
        return "h"
    if name == "th":
        return "td"
    return name if name in TAGS else "other"


def _class_words(
    element: HtmlElement, cache: dict[HtmlElement, tuple[set[str], set[str]]]
) -> tuple[set[str], set[str]]:
    """Class/id words of the element itself, and of all its ancestors together (cached)."""
    if element in cache:
        return cache[element]
    own = set(_CLASS_WORD.findall(f"{element.get('class', '')} {element.get('id', '')}".lower()))
    parent = element.getparent()
    if parent is None:
        result: tuple[set[str], set[str]] = (own, set())
    else:
        parent_own, parent_ancestors = _class_words(parent, cache)
        result = (own, parent_own | parent_ancestors)
    cache[element] = result
    return result
