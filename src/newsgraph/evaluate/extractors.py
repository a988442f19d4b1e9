"""The main-text extractors newsgraph's is compared with, each as an `Extractor`.

Only trafilatura and resiliparse are newsgraph dependencies; readability-lxml, newspaper4k and
jusText come with the `bench` extra, and a missing one is reported, not fatal.
"""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Callable

# An extractor maps (page bytes, page url) to the extracted text, None when it finds none.
Extractor = Callable[[bytes, str | None], str | None]


def newsgraph_text(html: bytes, url: str | None) -> str | None:
    """newsgraph's `extract_html` with its metadata, reduced to its text."""
    from newsgraph.ingest.html import extract_html

    page = extract_html(html, url=url)
    return page.text if page else None


def newsgraph_text_only(html: bytes, url: str | None) -> str | None:
    """newsgraph's `extract_html` without metadata: the main-text path alone."""
    from newsgraph.ingest.html import extract_html

    page = extract_html(html, url=url, metadata=False)
    return page.text if page else None


def newsgraph_full_pass(html: bytes, url: str | None) -> str | None:
    """newsgraph 0.1's extractor: trafilatura's full pass in precision mode, on every page."""
    from newsgraph.ingest.html import as_paragraphs, decode_html, parse_html
    from newsgraph.ingest.main_text import trafilatura_text

    tree = parse_html(decode_html(html))
    return as_paragraphs(trafilatura_text(tree, url, fast=False)) if tree is not None else None


def trafilatura_extractor(
    *, favor_precision: bool = False, favor_recall: bool = False
) -> Extractor:
    """`trafilatura.extract` in one mode (none: its defaults, as the benchmark runs it)."""

    def extract(html: bytes, url: str | None) -> str | None:
        import trafilatura

        return trafilatura.extract(
            html, url=url, favor_precision=favor_precision, favor_recall=favor_recall
        )

    return extract


def resiliparse_text(html: bytes, url: str | None) -> str | None:
    """resiliparse's main-content plain text, with its own encoding detection."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(bytes_to_str(html, detect_encoding(html) or "utf-8"))
    return extract_plain_text(
        tree, main_content=True, alt_texts=False, links=False, form_fields=False, noscript=False
    )


def readability_text(html: bytes, url: str | None) -> str | None:
    """readability-lxml's article summary, as text."""
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html.decode("utf-8", errors="replace"), url=url).summary(html_partial=True)
    return lxml_html.fromstring(summary).text_content() if summary.strip() else None


def newspaper_text(html: bytes, url: str | None) -> str | None:
    """newspaper4k's article text, from the page given (nothing is downloaded)."""
    with warnings.catch_warnings():  # it warns on import that its optional nltk is missing
        warnings.simplefilter("ignore")
        import newspaper

    article = newspaper.Article(url or "https://example.invalid/", fetch_images=False)
    article.download(input_html=html.decode("utf-8", errors="replace"))
    article.parse()
    return article.text


def justext_text(html: bytes, url: str | None) -> str | None:
    """jusText's non-boilerplate paragraphs, with its English stop list."""
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


# name: (extractor, the module it needs)
CANDIDATES: dict[str, tuple[Extractor, str]] = {
    "newsgraph": (newsgraph_text, "trafilatura"),  # with metadata
    "newsgraph text only": (newsgraph_text_only, "trafilatura"),
    "newsgraph 0.1 full pass": (newsgraph_full_pass, "trafilatura"),
    "trafilatura defaults": (trafilatura_extractor(), "trafilatura"),
    "trafilatura precision": (trafilatura_extractor(favor_precision=True), "trafilatura"),
    "trafilatura recall": (trafilatura_extractor(favor_recall=True), "trafilatura"),
    "resiliparse": (resiliparse_text, "resiliparse"),
    "readability-lxml": (readability_text, "readability"),
    "newspaper4k": (newspaper_text, "newspaper"),
    "justext": (justext_text, "justext"),
}
BASELINE = "trafilatura defaults"


def installed(name: str) -> bool:
    """Whether the package a candidate needs is importable."""
    return importlib.util.find_spec(CANDIDATES[name][1]) is not None
