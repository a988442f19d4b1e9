"""newsgraph: who did what to whom, where, when and why — from raw news, with evidence."""

from newsgraph.link.resolve import Resolution, resolve
from newsgraph.model import Article
from newsgraph.pipeline import process
from newsgraph.run.local import ingest
from newsgraph.store import Store

__all__ = ["Article", "Resolution", "Store", "ingest", "process", "resolve"]
__version__ = "0.1.0"
