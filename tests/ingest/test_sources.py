import gzip
import json
from pathlib import Path

from newsgraph.ingest.sources import Input, parse_input, read_inputs
from newsgraph.model import Article, Rejected


def parse(name: str, data: bytes) -> list[Article | Rejected]:
    return list(parse_input(Input(name, data)))


def test_plain_text_becomes_an_article_without_id() -> None:
    [article] = parse("a.txt", b"Putin landed in Baku on Sunday.\n")
    assert isinstance(article, Article)
    assert article.id == ""
    assert article.raw_text.startswith("Putin landed")


def test_jsonl_keeps_given_ids_and_quarantines_broken_lines() -> None:
    data = (
        json.dumps({"id": "x1", "title": "T", "text": "Body one.", "published": "2024-08-18"})
        + "\n{broken\n"
        + json.dumps({"id": "x3", "title": "no text"})
        + "\n"
    ).encode()
    items = parse("f.jsonl", data)
    assert isinstance(items[0], Article) and items[0].id == "x1"
    assert str(items[0].published) == "2024-08-18"
    assert isinstance(items[1], Rejected) and items[1].reason == "broken JSON line"
    assert items[1].record == 2
    assert isinstance(items[2], Rejected) and items[2].reason == "record without text"


def test_gzip_is_opened_and_corrupt_gzip_quarantined() -> None:
    [article] = parse("a.txt.gz", gzip.compress(b"Baku and Yerevan announced peace."))
    assert isinstance(article, Article)
    [bad] = parse("b.txt.gz", b"\x1f\x8b\x08\x00broken")
    assert isinstance(bad, Rejected) and bad.reason == "corrupt gzip"


def test_empty_and_binary_inputs_are_quarantined_with_reason() -> None:
    [empty] = parse("e.txt", b"  \n\t ")
    assert isinstance(empty, Rejected) and empty.reason == "empty"
    [binary] = parse("p.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert isinstance(binary, Rejected) and binary.reason == "binary"


def test_legacy_encoding_is_decoded() -> None:
    text = "Президент России Владимир Путин прибыл в Баку с государственным визитом."
    [article] = parse("ru.txt", text.encode("cp1251"))
    assert isinstance(article, Article)
    assert article.raw_text == text


def test_folders_are_walked_and_sidecars_applied(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("First article text.")
    (tmp_path / "sub" / "a.txt.meta.json").write_text(
        '{"published": "2024-08-18", "url": "https://x.test/a"}'
    )
    (tmp_path / "b.txt").write_text("Second article text.")
    (tmp_path / "README.md").write_text("What this folder holds.")
    items = list(read_inputs([tmp_path]))
    assert [type(i) for i in items] == [Article, Article]
    by_text = {i.raw_text: i for i in items if isinstance(i, Article)}
    assert str(by_text["First article text."].published) == "2024-08-18"
    assert by_text["First article text."].url == "https://x.test/a"


def test_symlink_leaving_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    [item] = list(read_inputs([folder]))
    assert isinstance(item, Rejected) and item.reason == "symlink outside input folder"


def test_missing_path_is_reported() -> None:
    [item] = list(read_inputs(["/nonexistent/file.txt"]))
    assert isinstance(item, Rejected) and item.reason == "not found"
