import pytest

from newsgraph.evaluate.extract import GoldPage
from newsgraph.evaluate.extract_cv import (
    PagePasses,
    choose_ratio,
    choose_setting,
    cross_validate_passes,
    fold_of,
)

GOLD = "one two three four five six seven eight nine ten"


def gold(page_id: str) -> GoldPage:
    return GoldPage(id=page_id, url=None, html=b"", body=GOLD)


def test_folds_come_from_the_page_id_alone() -> None:
    ids = [f"page-{i}" for i in range(200)]
    folds = [fold_of(i) for i in ids]
    assert folds == [fold_of(i) for i in ids]  # the same split every run
    assert set(folds) == {0, 1, 2, 3, 4}
    assert min(folds.count(f) for f in range(5)) > 20  # no fold is nearly empty


def test_pass_text_follows_the_ratio() -> None:
    passes = PagePasses(fast="one two three", full=GOLD, reference=10)
    assert passes.text(0.2) == "one two three"
    assert passes.text(0.5) == GOLD
    assert PagePasses(fast="one two three", full="", reference=10).text(0.5) == "one two three"


def test_the_median_of_the_tied_best_ratios_is_chosen() -> None:
    # Page a: the fast pass keeps 3 of 10 reference tokens and loses text: any ratio above 0.3
    # repairs it. Page b: the fast pass is right with 9 of 10; ratio 1.0 would spoil it.
    pages = [gold("a"), gold("b")]
    passes = [
        PagePasses(fast="one two three", full=GOLD, reference=10),
        PagePasses(fast=GOLD.rsplit(" ", 1)[0], full=GOLD + " junk x y z", reference=10),
    ]
    # Best: 0.4 to 0.9 (six values); their median (the lower middle) is 0.6.
    assert choose_ratio(pages, passes) == pytest.approx(0.6)
    assert choose_ratio(pages, passes, grid=(0.0, 0.4, 1.0)) == pytest.approx(0.4)


def test_each_fold_is_scored_with_a_ratio_chosen_without_it() -> None:
    pages = [gold(f"p{i}") for i in range(30)]
    # Only one page needs the full pass; the folds without it in training cannot see that.
    passes = [PagePasses(fast=GOLD, full=GOLD, reference=10) for _ in pages]
    needy = 7
    passes[needy] = PagePasses(fast="one two", full=GOLD, reference=10)
    cv = cross_validate_passes(pages, [{True: p} for p in passes])
    assert sum(s.pages for s in cv.folds) == len(pages)
    held_out = next(s for s in cv.folds if s.fold == fold_of(pages[needy].id))
    assert held_out.ratio == pytest.approx(0.5)  # every ratio tied on the other folds
    assert held_out.f1 == 1.0  # 0.5 still repairs the page (2 of 10 tokens)
    assert cv.ratio == pytest.approx(0.6)  # on all pages: best from 0.3 up
    assert cv.f1 == pytest.approx(sum(s.f1 for s in cv.folds) / len(cv.folds))


def test_the_mode_with_the_best_score_is_chosen_with_its_own_ratio() -> None:
    pages = [gold("a"), gold("b")]
    precise = [PagePasses(fast=GOLD, full=GOLD, reference=10) for _ in pages]
    # The balanced mode keeps junk on both pages.
    balanced = [PagePasses(fast=GOLD + " menu a b c", full=GOLD, reference=10) for _ in pages]
    passes = [{False: b, True: p} for b, p in zip(balanced, precise, strict=True)]
    assert choose_setting(pages, passes) == (True, pytest.approx(0.5))
    # Equal scores: the first mode listed wins.
    same = [{False: p, True: p} for p in precise]
    assert choose_setting(pages, same)[0] is False
