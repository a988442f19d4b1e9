from pathlib import Path

from newsgraph.cli.reference import command_names, help_text, render

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_every_command_has_help_text() -> None:
    for name in command_names():
        text = help_text(name)
        assert "Usage:" in text
        usage_at = text.index("Usage:")
        after = [line for line in text[usage_at:].splitlines()[1:] if line.strip()]
        assert after and not after[0].lstrip().startswith(("╭", "Options")), (
            f"{name} has no help text"
        )


def test_docs_cli_md_matches_the_code() -> None:
    assert DOCS.read_text("utf-8").rstrip() == render().rstrip(), (
        "docs/cli.md is stale: python -m newsgraph.cli.reference > docs/cli.md"
    )
