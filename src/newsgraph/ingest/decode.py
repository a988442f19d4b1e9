"""Bytes to text: UTF-8 first, then the detected legacy encoding; binary data is refused."""

from __future__ import annotations

from dataclasses import dataclass

# A file with this share of control bytes (besides tab/newline/carriage return) is not text;
# a few stray NULs or control characters in scraped text are stripped later, not fatal.
_BINARY_CONTROL_SHARE = 0.05
_BINARY_NUL_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


class NotTextError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: many NUL or control bytes in the first 8 KiB."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM: text with NULs
        return False
    if head.count(b"\x00") / len(head) > _BINARY_NUL_SHARE:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > _BINARY_CONTROL_SHARE


def decode_bytes(data: bytes) -> Decoded:
    """Decode bytes to text, trying UTF-8 (with or without BOM) and then charset detection."""
    if looks_binary(data):
        raise NotTextError("binary content")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16"), "utf-16")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NotTextError("undecodable bytes: not UTF-8 and no encoding detected")
    return Decoded(str(best), best.encoding)
