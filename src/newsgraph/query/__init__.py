"""Ask and explore the store: answers with citations, relations over time, search, stories.

Modules (imported directly; this package imports nothing eagerly, so that using one read does not
load every other):

- `ask.ask(store, question) -> Answer` — answers quoted with their evidence sentences.
- `relations.relations(store, a, b)`, `relations.timeline(store, actor)` — events over time.
- `graph.actor_graph(store, since, until)`, `graph.write_graph(graph, path, fmt)`.
- `search.search(store, query)`, `search.rebuild_search_index(store)` — BM25 full-text search.
- `stories.assign_stories(store)` (incremental), `stories.list_stories(store)` — stories and
  near-copies.
"""
