"""Storage: the embedded SQLite database (the default store)."""

from newsgraph.store.sqlite import PutResult, Store, StoreError, input_hash

__all__ = ["PutResult", "Store", "StoreError", "input_hash"]
