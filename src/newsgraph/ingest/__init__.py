"""Ingest: read files, folders, stdin, feeds, JSONL, HTML and .gz into raw Articles."""

from newsgraph.ingest.sources import read_inputs

__all__ = ["read_inputs"]
