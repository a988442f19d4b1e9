from newsgraph.clean import clean_article, learn_boilerplate
from newsgraph.clean.boilerplate import strip_edges
from newsgraph.model import Article, Provenance

BODY = [
    "The foreign ministers met in Geneva on Tuesday to discuss the ceasefire.",
    "Both sides said the talks were constructive and would continue next week.",
]


def test_trailing_widgets_are_dropped_and_a_lone_label_becomes_the_section() -> None:
    result = strip_edges(
        [*BODY, "Share this story", "World", "Subscribe to our newsletter", "Latest News"]
    )
    assert result.paragraphs == BODY
    assert result.section == "World"
    assert "Share this story" in result.dropped


def test_a_short_title_at_the_top_is_kept() -> None:
    result = strip_edges(["Ministers meet in Geneva", *BODY])
    assert result.paragraphs[0] == "Ministers meet in Geneva"


def test_widget_lines_at_the_top_are_dropped() -> None:
    result = strip_edges(["Menu", "Sign in", *BODY])
    assert result.paragraphs == BODY


def page(site: str, body: str, n: int) -> Article:
    text = f"Top stories today\n\n{body}\n\nRead the full editorial policy of our newsroom."
    return Article(id="", raw_text=text, site=site, provenance=Provenance(f"p{n}.txt"))


def test_lines_repeated_across_pages_of_a_site_are_learned_as_furniture() -> None:
    pages = [
        page("example.test", f"Story number {n} says something new about the region.", n)
        for n in range(4)
    ]
    learned = learn_boilerplate(pages)
    cleaned = clean_article(pages[0], learned)
    assert cleaned.clean_text == "Story number 0 says something new about the region."
    other_site = page("other.test", "A story elsewhere.", 9)
    assert "editorial policy" in clean_article(other_site, learned).clean_text


def test_learning_does_not_depend_on_order() -> None:
    pages = [page("example.test", f"Story {n} about events.", n) for n in range(5)]
    forward = learn_boilerplate(pages)
    backward = learn_boilerplate(list(reversed(pages)))
    assert [clean_article(p, forward).clean_text for p in pages] == [
        clean_article(p, backward).clean_text for p in pages
    ]


def test_clean_keeps_offsets_into_clean_text_and_hashes_an_id() -> None:
    article = Article(
        id="",
        raw_text="Headline here\n\nBody sentence.\n\nBody sentence.",
        provenance=Provenance("x"),
    )
    cleaned = clean_article(article)
    assert cleaned.title == "Headline here"
    assert len(cleaned.id) == 16
    for p in cleaned.paragraphs:
        assert cleaned.clean_text[p.start : p.end] in {"Headline here", "Body sentence."}
