import pytest

from newsgraph.ingest.decode import NotTextError, decode_bytes, looks_binary


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Türkiye’s café", "utf-8"), ("Ελληνικά κείμενα για δοκιμή αποκωδικοποίησης", "cp1253")],
)
def test_decodes_utf8_and_legacy(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)).text == text


def test_refuses_binary() -> None:
    assert looks_binary(b"abc\x00\x00\x00def")
    assert not looks_binary(b"a line of scraped text " * 20 + b"\x00 with one stray NUL")
    with pytest.raises(NotTextError):
        decode_bytes(b"\x00\x01\x02\x03" * 100)


def test_utf16_with_bom_is_text() -> None:
    assert decode_bytes("hello world".encode("utf-16")).text == "hello world"
