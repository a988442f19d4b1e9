import pytest

from newsgraph.ingest import main_text
from newsgraph.ingest.html import parse_html
from newsgraph.ingest.main_text import (
    count_tokens,
    extract_main_text,
    needs_full_pass,
    reference_tokens,
)

STORY = (
    "The minister said on Monday that the talks with the neighbouring country would continue "
    "next week in the capital, after two days of meetings that both sides called useful.",
    "Officials from both delegations declined to say whether a draft agreement was on the "
    "table, but a spokesman described the atmosphere of the second day as constructive.",
    "The next round is expected to address the border crossings closed since the spring, "
    "a question that has kept thousands of families apart for more than a year.",
)
PAGE = (
    "<html><head><title>Talks</title></head><body><nav><a href=/>Home</a></nav><article>"
    + "".join(f"<p>{p}</p>" for p in STORY)
    + "</article></body></html>"
)


def test_tokens_are_counted_as_the_benchmark_counts_them() -> None:
    assert count_tokens("Baku, Yerevan — and peace!") == 4
    assert count_tokens("") == 0


@pytest.mark.parametrize(
    ("fast_tokens", "reference", "ratio", "expected"),
    [
        (0, 0, 0.0, True),  # nothing found: always the full pass
        (0, 100, 0.6, True),
        (59, 100, 0.6, True),  # keeps less than 60 % of the reference
        (60, 100, 0.6, False),
        (5, 100, 0.0, False),  # ratio 0: only an empty fast pass falls back
        (120, 100, 1.0, False),  # more than the reference (tables, lists)
    ],
)
def test_full_pass_runs_when_the_fast_pass_keeps_too_little(
    fast_tokens: int, reference: int, ratio: float, expected: bool
) -> None:
    assert needs_full_pass(" ".join(["word"] * fast_tokens), reference, ratio) is expected


def test_reference_counts_the_article_text_of_the_page() -> None:
    story = count_tokens(" ".join(STORY))
    assert story <= reference_tokens(PAGE) <= story + 5


def test_a_page_the_fast_pass_reads_in_full_needs_no_full_pass() -> None:
    tree = parse_html(PAGE)
    assert tree is not None
    found = extract_main_text(tree, PAGE, None)
    assert not found.full_pass
    assert found.text.splitlines() == list(STORY)


def test_a_fast_pass_that_loses_text_is_replaced_by_the_full_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A stand-in for trafilatura: its fast pass keeps one paragraph of the three.
    def passes(tree: object, url: str | None, *, fast: bool, favor_precision: bool = True) -> str:
        return STORY[0] if fast else "\n".join(STORY)

    monkeypatch.setattr(main_text, "trafilatura_text", passes)
    tree = parse_html(PAGE)
    assert tree is not None
    found = extract_main_text(tree, PAGE, None, ratio=0.6)
    assert found.full_pass and found.text.splitlines() == list(STORY)
    kept = extract_main_text(tree, PAGE, None, ratio=0.3)  # a third is enough at this ratio
    assert not kept.full_pass and kept.text == STORY[0]
