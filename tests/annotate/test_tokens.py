"""A Doc's tokens and text, made once and kept until forgotten."""

from __future__ import annotations

import spacy

from newsgraph.annotate.tokens import forget, text_of, tokens_of


def test_tokens_and_text_are_the_spans_own_and_made_once() -> None:
    doc = spacy.blank("en")("Putin visited Baku.  Aliyev met him there on Monday.")
    spans = [doc[0:4], doc[4:], doc[2:3], doc[0:0]]
    for span in spans:
        assert [t.i for t in tokens_of(span)] == [t.i for t in span]
        assert all(a.doc is doc for a in tokens_of(span))
        assert text_of(span) == span.text
    assert tokens_of(doc[0:2])[0] is tokens_of(doc[0:1])[0]  # the same object, not a new one


def test_a_copied_doc_gets_its_own_tokens_and_the_doc_stays_as_it_was() -> None:
    import pickle

    doc = spacy.blank("en")("Talks resume in Geneva.")
    tokens_of(doc[:])
    copy = doc.copy()
    assert all(t.doc is copy for t in tokens_of(copy[:]))
    assert all(t.doc is doc for t in tokens_of(doc[1:3]))
    assert not doc.user_data and pickle.loads(pickle.dumps(doc)).text == doc.text
    forget()
