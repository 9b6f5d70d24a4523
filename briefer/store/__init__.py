"""Core: the store — the only code that speaks SQL (documents, items, search, backups).

`Store` (briefer.store.documents) is the entry point; see docs/API.md, "store".
"""

from __future__ import annotations

from briefer.store.db import DatabaseBusy, DatabaseCorrupt, DatabaseReadOnly, DiskFull, StoreError
from briefer.store.documents import DocumentNotFound, ImportResult, ItemNotFound, Store
from briefer.store.errors import DatabaseInUse, SoundDatabase
from briefer.store.search import SearchHit

__all__ = [
    "DatabaseBusy",
    "DatabaseCorrupt",
    "DatabaseInUse",
    "DatabaseReadOnly",
    "DiskFull",
    "DocumentNotFound",
    "ImportResult",
    "ItemNotFound",
    "SearchHit",
    "SoundDatabase",
    "Store",
    "StoreError",
]
