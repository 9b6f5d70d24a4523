"""Core: the annotation layer: highlights, notes, priority domains, follow-ups and levels.

Entry point `Annotations(store)`; see docs/API.md, "annotate". No Qt here. Importing this package
adds notes and highlight notes to the store's full-text search (`briefer.store.search` sources).
"""

from __future__ import annotations

from briefer.annotate.anchoring import find_quote, relocate
from briefer.annotate.base import TrashEntry
from briefer.annotate.changes import Change, RowChange
from briefer.annotate.errors import (
    AnnotationError,
    ExchangeError,
    NotFound,
    QuoteNotFound,
    QuoteNotUnique,
    TextMismatch,
    UndoConflict,
)
from briefer.annotate.exchange import Conflict, MergeReport
from briefer.annotate.levels import LevelLowering, LoweringNotice
from briefer.annotate.queries import ItemMarkers, register_search_source
from briefer.annotate.service import Annotations
from briefer.annotate.versions import CarryOverReport

register_search_source()

__all__ = [
    "AnnotationError",
    "Annotations",
    "CarryOverReport",
    "Change",
    "Conflict",
    "ExchangeError",
    "ItemMarkers",
    "LevelLowering",
    "LoweringNotice",
    "MergeReport",
    "NotFound",
    "QuoteNotFound",
    "QuoteNotUnique",
    "RowChange",
    "TextMismatch",
    "TrashEntry",
    "UndoConflict",
    "find_quote",
    "relocate",
]
