"""The main text of a parsed page: trafilatura's fast pass, checked against resiliparse.

trafilatura's full pass also runs two fallback extractors (readability-lxml and a jusText-like
baseline) and compares their output with its own, which takes a third of its time or more and on
most pages changes nothing. The fast pass skips them; it then loses text on the pages whose
article markup it does not recognise. Such a loss shows as the fast pass keeping far less text
than resiliparse's main-content extraction (C++, a few milliseconds a page, whose output is
too loose to ship: it keeps titles, bylines, captions and cookie banners), so those pages,
and only those, go through the full pass. The ratio that triggers it is chosen by 5-fold
cross-validation over pages (`newsgraph.evaluate.extract_cv`), as is trafilatura's mode.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

log = logging.getLogger(__name__)

# The fast pass is redone in full when it keeps fewer tokens than this share of resiliparse's.
# Chosen by cross-validation on aeb_dev (docs/evaluation/extract.md); a test checks that the
# choice made on all pages is still this value.
FALLBACK_RATIO = 0.6
# The ratios cross-validation chooses from: 0 never falls back (unless the fast pass is empty).
RATIO_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
# trafilatura's precision mode (it drops more link-dense and short blocks) against its default
# balance, also chosen by that cross-validation.
FAVOR_PRECISION = True
MODE_GRID = (True, False)
# Navigation, footers and sidebars: removing them first changes nothing on aeb_dev, and a page
# with no article no longer yields its menu text ("Home World").
NEVER_ARTICLE = "//nav|//footer|//aside"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class MainText:
    """A page's main text as trafilatura prints it (one paragraph a line) and how it was found."""

    text: str
    full_pass: bool  # True when the fast pass kept too little and the full pass was run


def extract_main_text(
    tree: HtmlElement,
    html: str,
    url: str | None,
    ratio: float = FALLBACK_RATIO,
    favor_precision: bool = FAVOR_PRECISION,
) -> MainText:
    """The fast pass, or the full pass where the fast one keeps too little (see module doc)."""
    fast = trafilatura_text(tree, url, fast=True, favor_precision=favor_precision)
    if not needs_full_pass(fast, reference_tokens(html), ratio):
        return MainText(fast, full_pass=False)
    full = trafilatura_text(tree, url, fast=False, favor_precision=favor_precision)
    return MainText(full or fast, full_pass=True)


def needs_full_pass(fast_text: str, reference: int, ratio: float) -> bool:
    """True when the fast pass found nothing, or fewer tokens than `ratio` of the reference's."""
    tokens = count_tokens(fast_text)
    return tokens == 0 or tokens < ratio * reference


def count_tokens(text: str) -> int:
    """`\\w+` tokens, as the benchmark's metric counts them."""
    return len(_TOKEN.findall(text))


def reference_text(html: str) -> str:
    """resiliparse's main-content text of a page: fast, loose, a measure of what the body holds."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return str(
        extract_plain_text(
            HTMLTree.parse(html),
            main_content=True,
            alt_texts=False,
            links=False,
            form_fields=False,
            noscript=False,
            list_bullets=False,
        )
    )


def reference_tokens(html: str) -> int:
    """Tokens of resiliparse's main-content text: how much text the page's body holds."""
    return count_tokens(reference_text(html))


def trafilatura_text(
    tree: HtmlElement, url: str | None, *, fast: bool, favor_precision: bool = True
) -> str:
    """One trafilatura pass without metadata (it works on a copy of the tree); '' on failure."""
    from lxml import etree
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(
            tree,
            url=url,
            fast=fast,
            favor_precision=favor_precision,
            favor_recall=not favor_precision,
            include_comments=False,  # reader comments are not the article
            include_tables=True,  # measured: dropping tables loses article text (F1 0.970 -> 0.958)
            # trafilatura's deduplication is a process-wide cache: results would depend on the
            # order and grouping of pages, so it stays off (near-duplicates are handled later).
            deduplicate=False,
            prune_xpath=NEVER_ARTICLE,
            with_metadata=False,
            output_format="python",
        )
    except (etree.LxmlError, ValueError, TypeError, RecursionError) as err:
        log.info("trafilatura failed on %s: %s", url or "page", err)
        return ""
    if document is None or isinstance(document, dict):
        return ""
    return document.text or ""
