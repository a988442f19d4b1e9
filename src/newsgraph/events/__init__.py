"""Event coding: who did what to whom (CAMEO, PLOVER, Goldstein), with evidence and rule trace."""

from newsgraph.events.coder import CODER_VERSION, EventCoder
from newsgraph.events.explain import explain
from newsgraph.events.export import GDELT_COLUMNS, event_to_gdelt, event_to_json, event_to_plover

__all__ = [
    "CODER_VERSION",
    "GDELT_COLUMNS",
    "EventCoder",
    "event_to_gdelt",
    "event_to_json",
    "event_to_plover",
    "explain",
]
