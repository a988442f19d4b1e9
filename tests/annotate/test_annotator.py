"""The two-phase annotator: entities over articles, then a parse of chosen sentences."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.annotate import Annotator, is_parsed
from newsgraph.annotate.attributes import MemoAttributes
from newsgraph.annotate.nlp import MEMO_ATTRIBUTES, SENTENCIZER, phases_of
from newsgraph.model import Article, Provenance

pytestmark = pytest.mark.slow

TEXT = (
    "There is no deal yet. Russian President Vladimir Putin met Ilham Aliyev in Baku on Monday.\n\n"
    "We're gonna see, let's wait, said a diplomat. Talks will resume in Geneva, the ministers said."
)


def _article(text: str = TEXT) -> Article:
    return Article("a", text, Provenance("test"), clean_text=text, language="en")


def test_phases_split_the_default_model(nlp: Any) -> None:
    phases = phases_of(nlp)
    assert phases.entities[0] == "ner" and SENTENCIZER in phases.entities
    assert phases.syntax == ("tok2vec", "tagger", "parser", MEMO_ATTRIBUTES)


def test_memo_attributes_equal_the_real_components(nlp: Any) -> None:
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    memo = MemoAttributes(nlp)
    texts = [TEXT, "I ain't going. Y'all know it. It is what it is.", "They met him; he met them."]
    for text in texts * 2:  # the second round is answered from the memo
        doc = nlp.make_doc(text)
        for name in ("tok2vec", "tagger", "parser"):
            doc = nlp.get_pipe(name)(doc)
        real = nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(doc.copy()))
        assert (memo(doc).to_array(attrs) == real.to_array(attrs)).all()
    assert memo.memo


def test_entities_give_sentences_and_entities_but_no_parse() -> None:
    [article] = Annotator().entities([_article()])
    assert article.doc is not None
    assert [s.text for s in article.sentences][:2] == [
        "There is no deal yet.",
        "Russian President Vladimir Putin met Ilham Aliyev in Baku on Monday.",
    ]
    assert {"Vladimir Putin", "Baku"} <= {e.text for e in article.doc.ents}
    assert not article.doc.has_annotation("DEP")


def test_parse_writes_chosen_sentences_back_and_leaves_the_rest_flat() -> None:
    annotator = Annotator()
    [everything] = annotator.parse(annotator.entities([_article()]))
    [some] = annotator.parse(annotator.entities([_article()]), lambda a, s: "Putin" in s.text)
    full, chosen = list(everything.doc.sents), list(some.doc.sents)
    assert len(full) == len(chosen)
    assert [s.text for s in full if s.text.strip()] == [s.text for s in everything.sentences]
    for a, b in zip(full, chosen, strict=True):
        if "Putin" in b.text:
            assert is_parsed(b) and is_parsed(a)
            assert [(t.dep_, t.head.i, t.lemma_, t.pos_) for t in a] == [
                (t.dep_, t.head.i, t.lemma_, t.pos_) for t in b
            ]
        else:
            assert not is_parsed(b)
            assert {t.head.i for t in b} == {b.start} and b.root.dep_ == "ROOT"
    met = next(t for t in some.doc if t.text == "met")
    assert met.lemma_ == "meet" and met.dep_ == "ROOT"


def test_articles_not_in_english_are_not_annotated() -> None:
    text = (
        "Le président a rencontré son homologue à Bakou lundi pour parler du commerce, de "
        "l'énergie et de la paix dans la région, selon un communiqué publié mardi."
    )
    [article] = Annotator().entities([Article("f", text, Provenance("test"), clean_text=text)])
    assert article.language == "fr" and article.doc is None


def _spy_runs(annotator: Annotator, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Record the texts each spaCy phase is given."""
    runs: list[list[str]] = []
    real = annotator._run

    def run(nlp: Any, names: Any, docs: Any) -> Any:
        docs = list(docs)
        runs.append([d.text for d in docs])
        return real(nlp, names, docs)

    monkeypatch.setattr(annotator, "_run", run)
    return runs


def test_copies_of_a_text_are_annotated_once_each_with_its_own_doc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    annotator = Annotator()
    runs = _spy_runs(annotator, monkeypatch)
    other = "There is no deal yet. Talks will resume in Geneva, the ministers said."
    copies = [_article(), _article(other), Article("b", TEXT, Provenance("t"), clean_text=TEXT)]
    first, _, copy = annotator.parse(annotator.entities(copies))
    [alone] = Annotator().parse(Annotator().entities([_article()]))

    assert runs[0] == [TEXT, other]  # the entity phase saw each text once
    parsed = runs[1]  # the syntax phase saw each distinct sentence once
    assert sorted(parsed) == sorted({s.text_with_ws for s in alone.doc.sents})
    assert first.doc is not copy.doc
    for article in (first, copy):
        assert [(e.text, e.label_) for e in article.doc.ents] == [
            (e.text, e.label_) for e in alone.doc.ents
        ]
        assert [(t.dep_, t.head.i, t.lemma_, t.tag_) for t in article.doc] == [
            (t.dep_, t.head.i, t.lemma_, t.tag_) for t in alone.doc
        ]
    first.doc.ents = ()  # a stage changing one copy leaves the other alone
    assert copy.doc.ents
