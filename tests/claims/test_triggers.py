"""The word-level triggers: sentences they pass over lose no motive and no claim when unparsed."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import newsgraph
from newsgraph.annotate import Annotator
from newsgraph.claims.extractor import WhyExtractor
from newsgraph.claims.triggers import inflections, may_have_attribution, may_have_cause
from newsgraph.evaluate.causal import read_gold
from newsgraph.model import Article, Provenance

CNC_SENTENCES = 400


def _words(text: str) -> list[str]:
    return text.split()


def test_inflected_forms() -> None:
    assert {"leads", "led", "leading"} <= inflections("lead")
    assert {"stemmed", "stemming"} <= inflections("stem")
    assert {"caused", "causing"} <= inflections("cause")
    assert "tries" in inflections("try") and "tried" in inflections("try")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("workers struck because wages fell .", True),
        ("the strike led to a shutdown .", True),  # "led" without a lemma
        ("why did he go ?", True),
        ("another reason is the price .", True),
        ("three people died in the blast .", True),  # "in" after a word of harm
        ("the meeting took place in paris .", False),  # "in" with nothing to react to
        ("the minister arrived on monday .", False),
        # verbs of saying count only as participles, like ", saying X"
        ("farmers marched , arguing that prices fell .", True),
        ("the council shut it , stating that it was unsafe .", True),
        ("the union argued that prices fell .", False),
        ("the mayor stated that it was unsafe .", False),
    ],
)
def test_may_have_cause_from_words(sentence: str, expected: bool) -> None:
    assert may_have_cause(_words(sentence)) is expected


def test_lemmas_match_like_the_cue_finder() -> None:
    tokens = _words("the strikes resulted in delays")
    lemmas = _words("the strike result in delay")
    assert may_have_cause(tokens, lemmas)
    assert not may_have_cause(_words("the talks went well"), _words("the talk go well"))


def test_may_have_attribution() -> None:
    assert may_have_attribution(_words("officials said the talks failed"))
    assert may_have_attribution(_words("according to police , two died"))
    assert may_have_attribution(_words("it may rain"))
    assert may_have_attribution(_words("the bridge will reportedly reopen"))
    assert may_have_attribution(_words("there are rumours of a deal"))
    assert may_have_attribution(_words("foreigners of course would like free entry"))
    assert not may_have_attribution(_words("the talks failed"))


Chooser = Callable[[Article, object], bool]


def _reparse(article: Article, choose: Chooser | None) -> Article:
    """The article with a Doc of its text parsed only where `choose` says (all when None)."""
    annotator = Annotator()
    [fresh] = annotator.entities([dataclasses.replace(article, doc=None, sentences=())])
    assert [s.text for s in fresh.sentences] == [s.text for s in article.sentences]
    [parsed] = annotator.parse([fresh], choose)
    return dataclasses.replace(article, doc=parsed.doc)


def _has_event(article: Article, start: int, end: int) -> bool:
    """True when an event was coded in an article sentence inside [start, end)."""
    indices = {e.sentence for e in article.events}
    return any(start <= s.start < end for s in article.sentences if s.index in indices)


def _chooser(with_claims: bool) -> Chooser:
    """What the integrator parses: sentences with an event, a cause cue (and an attribution)."""

    def choose(article: Article, sentence: object) -> bool:
        words = [t.lower_ for t in sentence]  # type: ignore[attr-defined]
        start, end = sentence.start_char, sentence.end_char  # type: ignore[attr-defined]
        return (
            _has_event(article, start, end)
            or may_have_cause(words)
            or (with_claims and may_have_attribution(words))
        )

    return choose


def _motives_without_attribution(article: Article) -> list[object]:
    return [dataclasses.replace(m, holder=(), certainty="asserted") for m in article.motives]


def _assert_same_why(articles: list[Article]) -> None:
    extractor = WhyExtractor()
    skipped = 0
    for article in articles:
        full = extractor.extract(_reparse(article, None))
        cause_only = extractor.extract(_reparse(article, _chooser(with_claims=False)))
        both = extractor.extract(_reparse(article, _chooser(with_claims=True)))
        assert _motives_without_attribution(cause_only) == _motives_without_attribution(full)
        assert both.motives == full.motives
        assert both.claims == full.claims
        skipped += sum(
            1 for s in article.sentences if not _chooser(False)(article, _span(article, s.index))
        )
    assert skipped, "the triggers never skipped a sentence: the test proves nothing"


def _span(article: Article, index: int) -> object:
    sentence = article.sentences[index]
    assert article.doc is not None
    return article.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")


@pytest.mark.slow
@pytest.mark.shared
def test_seed_loses_nothing_when_untriggered_sentences_stay_unparsed(shared_dir: Path) -> None:
    [seed] = newsgraph.process(
        [str(shared_dir / "seed" / "article.txt")], published=date(2024, 8, 18)
    )
    assert seed.motives
    _assert_same_why([seed])


@pytest.mark.slow
@pytest.mark.shared
def test_cnc_sentences_lose_nothing_when_untriggered(shared_dir: Path) -> None:
    gold = read_gold(shared_dir / "data" / "gold" / "causal" / "cnc_v2")[:CNC_SENTENCES]
    text = "\n".join(g.text for g in gold)
    article = Article(
        id="cnc", raw_text=text, provenance=Provenance("cnc"), clean_text=text, language="en"
    )
    [annotated] = Annotator().entities([article])
    _assert_same_why([annotated])
