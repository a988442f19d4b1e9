import numpy as np

from newsgraph.evaluate.extract_blocks import FEATURE_NAMES, block_features, cut_blocks
from newsgraph.evaluate.extract_blocks_cv import (
    PageBlocks,
    main_share,
    page_confidence,
    running_mean,
)
from newsgraph.ingest.html import parse_html

PAGE = (
    "<html><body><div class='menu'><a href=/>Home</a> <a href=/w>World news</a></div>"
    "<script>var hidden = 1;</script>"
    "<div id='story'>Loose lead text before any paragraph."
    "<p>The talks resumed on Monday in the capital, officials said.</p>"
    "<p>A spokesman called them <b>useful</b> and <a href=/x>constructive</a>.</p></div>"
    "<form><p>Inside a form, as ASP.NET pages keep everything.</p></form>"
    "<footer>Copyright</footer></body></html>"
)


def blocks():
    tree = parse_html(PAGE)
    assert tree is not None
    return cut_blocks(tree)


def test_blocks_are_text_runs_in_document_order() -> None:
    texts = [b.text for b in blocks()]
    assert texts == [
        "Home World news",
        "Loose lead text before any paragraph.",
        "The talks resumed on Monday in the capital, officials said.",
        "A spokesman called them useful and constructive.",
        "Inside a form, as ASP.NET pages keep everything.",
    ]  # no script, no footer; inline tags stay in their paragraph


def test_link_tokens_are_counted() -> None:
    menu, lead, _, spokesman, _ = blocks()
    assert (menu.tokens, menu.link_tokens) == (3, 3)
    assert lead.link_tokens == 0
    assert (spokesman.tokens, spokesman.link_tokens) == (7, 1)


def test_features_have_one_column_per_name() -> None:
    found = blocks()
    rows = block_features(found, "The talks resumed on Monday in the capital, officials said.")
    assert all(len(row) == len(FEATURE_NAMES) for row in rows)
    kept = FEATURE_NAMES.index("resiliparse_keeps")
    assert [row[kept] for row in rows] == [0.0, 0.0, 1.0, 0.0, 0.0]
    own_menu = FEATURE_NAMES.index("own_menu")
    assert rows[0][own_menu] == 1.0 and rows[2][own_menu] == 0.0


def test_a_block_is_labelled_by_its_shingles_in_the_gold_body() -> None:
    gold = "The talks resumed on Monday in the capital. Nothing else."
    assert main_share(["The", "talks", "resumed", "on", "Monday"], gold) == 1.0
    assert main_share(["talks", "resumed", "on", "Friday"], gold) == 0.0
    assert main_share(["Monday"], gold) == 1.0
    assert main_share(["Home"], gold) == 0.0


def test_running_mean_shrinks_at_the_edges() -> None:
    values = np.array([1.0, 0.0, 0.0, 1.0])
    assert running_mean(values, 1).tolist() == [0.5, 1 / 3, 1 / 3, 0.5]


def test_page_confidence_weighs_blocks_by_tokens() -> None:
    page = PageBlocks("p", ["one two three", "four"], np.zeros((2, 1)), np.zeros(2, bool), "", 0)
    assert page_confidence(page, np.array([1.0, 0.5])) == (3 * 1.0 + 0.5) / 4
    assert page_confidence(page, np.zeros(0)) == 0.0


def test_containers_are_told_apart_by_element_not_by_address() -> None:
    # lxml creates element proxies on access: keyed by id(), two parents freed in turn can
    # share an address and be taken for one container.
    tree = parse_html(
        "<html><body>"
        + "".join(f"<div><p>Paragraph number {i} of the page.</p></div>" for i in range(6))
        + "</body></html>"
    )
    assert tree is not None
    found = cut_blocks(tree)
    block_features(found)
    assert len({b.container for b in found}) == 6
