"""Event coding: who did what to whom (CAMEO, PLOVER, Goldstein), with evidence and rule trace."""

from newsgraph.events.coder import CODER_VERSION, EventCoder

__all__ = ["CODER_VERSION", "EventCoder"]
