"""Link stage: actor and place mentions resolved to canonical actors, with dated roles."""

from newsgraph.link.linker import Linker
from newsgraph.link.memory import ActorMemory, MemoryEntry, learn_memory

__all__ = ["ActorMemory", "Linker", "MemoryEntry", "learn_memory"]
