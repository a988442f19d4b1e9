"""Errors the library raises on purpose; the CLI turns them into clean messages."""


class NewsgraphError(Exception):
    """Base class for errors a user can act on."""


class InputError(NewsgraphError):
    """An input could not be read or parsed; carries the file and the cause."""

    def __init__(self, source: str, reason: str, detail: str = "") -> None:
        self.source = source
        self.reason = reason
        self.detail = detail
        super().__init__(f"{source}: {reason}" + (f" ({detail})" if detail else ""))


class StoreBusyError(NewsgraphError):
    """The DuckDB file is held by another process (one writer, no readers beside it)."""


class NotFoundError(NewsgraphError):
    """A requested article, event or actor is not in the store."""
