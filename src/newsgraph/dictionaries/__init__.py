"""PETRARCH/TABARI-format actor and agent dictionaries as typed records."""

from newsgraph.dictionaries.petrarch import (
    DatedCode,
    DictionaryActor,
    DictionaryAgent,
    DictionaryError,
    Phrase,
    load_actor_dictionary,
    load_agent_dictionary,
    parse_actor_dictionary,
    parse_agent_dictionary,
)

__all__ = [
    "DatedCode",
    "DictionaryActor",
    "DictionaryAgent",
    "DictionaryError",
    "Phrase",
    "load_actor_dictionary",
    "load_agent_dictionary",
    "parse_actor_dictionary",
    "parse_agent_dictionary",
]
