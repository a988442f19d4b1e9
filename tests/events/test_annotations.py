"""Reading the compact annotation lines: offsets found, problems reported rather than guessed."""

from __future__ import annotations

from newsgraph.events.annotations import Problems, find_span, parse_line, read_annotation

SENTENCE = "Police arrested two protesters after police dispersed the rally in Minsk."


def test_find_span_exact_nth_occurrence_and_case() -> None:
    first = find_span(SENTENCE, "Police")
    assert first is not None and (first.start, first.text) == (0, "Police")
    exact = find_span(SENTENCE, "police")
    assert exact is not None and exact.start == 37  # the exact words win over a case variant
    second = find_span(SENTENCE, "POLICE@2")  # the second, read without case
    assert second is not None and (second.start, second.text) == (37, "police")
    spaced = find_span(SENTENCE, "two  protesters")
    assert spaced is not None and spaced.text == "two protesters"
    assert find_span(SENTENCE, "soldiers") is None and find_span(SENTENCE, "-") is None


def test_parse_line_reads_compound_actors_and_flags() -> None:
    problems = Problems()
    text = "Armenia and Azerbaijan did not sign the deal."
    line = "s#1\tAGREE\t-\tsign\tArmenia | Azerbaijan\tARMGOV|AZEGOV\t-\t-\t1\t0"
    event = parse_line(line, text, "t:1", problems)
    assert event is not None and event.event == "AGREE" and event.negated and not event.hypothetical
    assert [a.code for a in event.source] == ["ARMGOV", "AZEGOV"]
    assert [a.span.text for a in event.source if a.span] == ["Armenia", "Azerbaijan"]
    assert event.target == () and problems.items == []


def test_problems_are_reported_and_bad_parts_dropped() -> None:
    problems = Problems()
    line = "s#1\tCOERCE\tarrest\tdetained\tsoldiers\tblr-cop\tprotesters\tBLRCVL\t0\t2"
    event = parse_line(line, SENTENCE, "t:1", problems)
    assert event is not None and event.trigger is None
    assert event.source == ()  # span missing and code malformed: nothing left of the source
    assert [a.code for a in event.target] == ["BLRCVL"]
    kinds = problems.counts()
    assert kinds == {
        "flag not 0 or 1": 1,
        "malformed actor code": 1,
        "span not in sentence": 1,
        "trigger not in sentence": 1,
    }
    assert parse_line("s#1\tATTACK\t-", SENTENCE, "t:2", problems) is None
    assert problems.counts()["unknown event category"] == 1


def test_read_annotation_keeps_none_and_reports_gaps() -> None:
    sentences = {"a#0": SENTENCE, "a#1": "Unemployment rose.", "a#2": "The talks ended."}
    lines = [
        "a#0\tCOERCE\tarrest\tarrested\tPolice\tBLRCOP\ttwo protesters\tBLRCVL\t0\t0\n",
        "a#0\tASSAULT\tcrowd-control\tdispersed\tpolice@2\tBLRCOP\tthe rally\tBLRCVL\t0\t0\n",
        "a#1\tNONE\n",
        "zz#9\tNONE\n",
    ]
    annotation = read_annotation(lines, sentences, "b01.txt")
    assert [e.event for e in annotation.events["a#0"]] == ["COERCE", "ASSAULT"]
    assert annotation.events["a#1"] == () and "a#2" not in annotation.events
    assert annotation.problems.counts() == {"sentence not labelled": 1, "unknown sent_id": 1}
