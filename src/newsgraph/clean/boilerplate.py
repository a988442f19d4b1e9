"""Page furniture: widget lines at the edges of a page, section labels, and lines a site repeats.

Two general mechanisms, no site-specific strings:
- edge rules: short lines without sentence punctuation in the leading or trailing run of a page are
  widgets (share/follow/subscribe prompts, tickers) — or, when a lone label, the page's section;
- site learning: a line that recurs across several pages of the same site is that site's furniture.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import PurePath
from urllib.parse import urlparse

from newsgraph.clean.lexicon import boilerplate_lexicon
from newsgraph.clean.paragraphs import paragraph_key
from newsgraph.model import Article, PageLines

_WORDS = re.compile(r"[\w’'-]+")
_SENTENCE_PUNCTUATION = (".", "!", "?", "…", ".\u201d", '."', "?\u201d", '?"', ":")
MAX_WIDGET_WORDS = 8
MAX_LABEL_WORDS = 3
# A line is site furniture when at least this many distinct pages of the site carry it...
MIN_SITE_PAGES = 3
# ...and it is short, or is found on at least this share of the site's pages.
SHORT_LINE_WORDS = 15
COMMON_SHARE = 0.1


def words(line: str) -> list[str]:
    return _WORDS.findall(line.lower())


def is_unpunctuated_short(line: str) -> bool:
    """A short line that does not end like a sentence."""
    n = len(words(line))
    return 0 < n <= MAX_WIDGET_WORDS and not line.rstrip().endswith(_SENTENCE_PUNCTUATION)


def section_label(line: str) -> str | None:
    """The section name a lone category label gives, if the line is one."""
    lexicon = boilerplate_lexicon()
    tokens = words(line)
    if not tokens or len(tokens) > MAX_LABEL_WORDS or not is_unpunctuated_short(line):
        return None
    if " ".join(tokens) in lexicon.sections:
        return line.strip()
    titled = all(w[:1].isupper() for w in line.split())
    if titled and not any(t in lexicon.widget_words for t in tokens) and len(tokens) == 1:
        return line.strip()
    return None


def has_widget_word(line: str) -> bool:
    lexicon = boilerplate_lexicon()
    tokens = words(line)
    phrases = set(tokens) | {" ".join(pair) for pair in pairwise(tokens)}
    return not phrases.isdisjoint(lexicon.widget_words)


@dataclass(frozen=True, slots=True)
class EdgeResult:
    paragraphs: list[str]
    section: str | None
    dropped: list[str]


def strip_edges(paragraphs: list[str]) -> EdgeResult:
    """Remove widget lines from the leading and trailing runs of a page; keep a lone label."""
    section: str | None = None
    dropped: list[str] = []
    kept = list(paragraphs)
    # Trailing run: every short unpunctuated line after the last real paragraph is furniture.
    while len(kept) > 1 and is_unpunctuated_short(kept[-1]):
        line = kept.pop()
        label = section_label(line)
        if label and section is None:
            section = label
        else:
            dropped.append(line)
    # Leading run: only lines that name a section or carry widget words (a title may be short too).
    while len(kept) > 1 and is_unpunctuated_short(kept[0]):
        label = section_label(kept[0])
        if label and section is None and " ".join(words(label)) in boilerplate_lexicon().sections:
            section = label
            kept.pop(0)
        elif has_widget_word(kept[0]):
            dropped.append(kept.pop(0))
        else:
            break
    return EdgeResult(kept, section, dropped)


def site_of(article: Article) -> str:
    """The site an article belongs to: its site name, its URL's host, else its input folder."""
    if article.site:
        return article.site.lower()
    if article.url:
        host = urlparse(article.url).hostname
        if host:
            return host.removeprefix("www.")
    source = article.provenance.source
    if source == "-":
        return "stdin"
    return str(PurePath(source).parent) if article.provenance.record is None else source


def line_id(paragraph: str) -> str:
    """A short stable id of a line (case and spacing folded): the store keeps ids, not text."""
    return hashlib.sha1(paragraph_key(paragraph).encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class SiteBoilerplate:
    """Lines seen per site: line id -> number of distinct pages, plus pages per site.

    Computed from the whole input set and the stored articles before any article is cleaned, so
    the result does not depend on input order, on how the work is split, or on a crash between
    batches (the store adds a page's lines in the transaction that stores the page).
    """

    line_pages: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    site_pages: Counter[str] = field(default_factory=Counter)

    def observe(self, page: PageLines) -> None:
        """Count one page's distinct lines."""
        self.site_pages[page.site] += 1
        self.line_pages[page.site].update(page.lines)

    def merge(self, other: SiteBoilerplate) -> None:
        for site, pages in other.site_pages.items():
            self.site_pages[site] += pages
        for site, counts in other.line_pages.items():
            self.line_pages[site].update(counts)

    def is_boilerplate(self, site: str, paragraph: str) -> bool:
        pages = self.line_pages.get(site, Counter()).get(line_id(paragraph), 0)
        if pages < MIN_SITE_PAGES:
            return False
        short = len(paragraph.split()) <= SHORT_LINE_WORDS
        return short or pages >= COMMON_SHARE * self.site_pages[site]
