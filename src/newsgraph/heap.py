"""Garbage-collector hygiene for long-lived resources (dictionaries, phrase indexes).

Python's cyclic collector walks every tracked object on each full collection. Building a catalog
of millions of small objects triggers many of them mid-build (they find nothing: the objects are
alive), and afterwards every full collection of the run walks the catalog again. Building without
collections and then freezing what is alive (moving it to the permanent generation, which later
collections skip) removes both costs; reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived() -> Iterator[None]:
    """Build long-lived objects without cyclic collections, then freeze everything alive."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
