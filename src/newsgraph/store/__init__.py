"""The DuckDB store: schema under numbered migrations, bulk writes, exports."""

from newsgraph.store.store import Known, Store

__all__ = ["Known", "Store"]
