"""GUI: the review queue's rows as a model: group heads with counts, their suggestions, and a
"Minder zeker" fold per group for the suggestions the suggester is not sure of.

Nothing is made per row: the model holds the grouped entries (plain lists) and answers `data()` for
the rows the view asks about (the visible ones); `QueueDelegate` draws them. Listing 17,500
suggestions therefore costs a sort and a model reset, not 17,500 tree items (issue 16).

Indexes carry their parent in `internalId`: 0 for a group head, 1 + 2·g for a row directly under
head g, 2 + 2·g for a row inside head g's fold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from briefer.gui.suggestions import Entry
from briefer.gui.theme import CONFIDENTIAL_RED, level_icon
from briefer.model import StoredItem

Index = QModelIndex | QPersistentModelIndex
LOW_CONFIDENCE = 0.6
GROUPS: list[tuple[str, str]] = [("Vertrouwelijk", "Vertrouwelijk"), ("Toezegging", "Toezeggingen"),
                                 ("Domein", "Domeinen"), ("Verwijzing", "Verwijzingen")]
KeyRole = Qt.ItemDataRole.UserRole
GroupRole = Qt.ItemDataRole.UserRole + 1
GistRole = Qt.ItemDataRole.UserRole + 2  # first line of a queue row: what the suggestion says
WhereRole = Qt.ItemDataRole.UserRole + 3  # second line: "Vraag 8 · VVD · termijn …"
FOLD_TIP = "Suggesties waar Briefer minder zeker van is; open ze met →"
KEYS_TIP = "Enter: overnemen · Delete: afwijzen · N: volgende"


@dataclass
class Group:
    """GUI: one kind in the queue: its sure suggestions, then the folded unsure ones."""

    kind: str
    plural: str
    sure: list[Entry] = field(default_factory=list)
    unsure: list[Entry] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.sure) + len(self.unsure)

    @property
    def head(self) -> str:
        return f"VERTROUWELIJK ({self.count})" if self.kind == "Vertrouwelijk" else f"{self.plural} ({self.count})"


def queue_order(entries: list[Entry]) -> list[Entry]:
    """The order of the queue: by group, sure ones first, then the folded ones; by item within."""
    rank = {kind: i for i, (kind, _p) in enumerate(GROUPS)}
    return sorted(entries, key=lambda e: (rank.get(e.kind, 9), e.score < LOW_CONFIDENCE, e.item))


class QueueModel(QAbstractItemModel):
    """GUI: the grouped suggestions of the Suggesties panel (one column, three levels)."""

    def __init__(self, item_by_number: Callable[[int], StoredItem | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.item_by_number = item_by_number
        self.noun = "Vraag"
        self._groups: list[Group] = []
        self._order: list[Entry] = []
        self._where: dict[str, tuple[int, bool, int]] = {}  # key -> (group, in the fold, row)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- filling --------------------------------------------------------------------------------

    def set_entries(self, entries: list[Entry], noun: str = "Vraag") -> None:
        """List these suggestions (a model reset: the view drops its current row and expansion)."""
        groups = {kind: Group(kind, plural) for kind, plural in GROUPS}
        for e in entries:  # into buckets, then by item within each (already in order: linear)
            group = groups.get(e.kind)
            if group is not None:
                (group.sure if e.score >= LOW_CONFIDENCE else group.unsure).append(e)
        by_item = attrgetter("item")
        for group in groups.values():
            group.sure.sort(key=by_item)
            group.unsure.sort(key=by_item)
        self.beginResetModel()
        self.noun = noun
        self._groups = [g for g in groups.values() if g.count]
        self._order = [e for g in self._groups for e in (*g.sure, *g.unsure)]  # = queue_order(...)
        self._where = {}
        for g, group in enumerate(self._groups):
            for folded, rows in ((False, group.sure), (True, group.unsure)):
                for r, e in enumerate(rows):
                    self._where[e.key] = (g, folded, r)
        self.endResetModel()

    # -- reading --------------------------------------------------------------------------------

    def groups(self) -> list[Group]:
        return list(self._groups)

    def keys(self) -> list[str]:
        """Every listed suggestion's key, in the queue's order (as the rows appear, folds open)."""
        return [e.key for e in self._order]

    def entry(self, index: Index) -> Entry | None:
        """The suggestion of a row (None for a group head or a fold)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        ident = index.internalId()
        group = self._groups[(ident - 1) // 2]
        if ident % 2 == 0:
            return group.unsure[index.row()]
        return group.sure[index.row()] if index.row() < len(group.sure) else None

    def group_of(self, index: Index) -> tuple[Group | None, bool]:
        """The group of any row, and whether the row is the fold or inside it."""
        if not index.isValid():
            return None, False
        ident = index.internalId()
        if ident == 0:
            return self._groups[index.row()], False
        group = self._groups[(ident - 1) // 2]
        return group, ident % 2 == 0 or index.row() >= len(group.sure)

    def index_of(self, key: str | None) -> QModelIndex:
        where = self._where.get(key or "")
        if where is None:
            return QModelIndex()
        g, folded, row = where
        return self.createIndex(row, 0, 2 + 2 * g if folded else 1 + 2 * g)

    def head_index(self, g: int) -> QModelIndex:
        return self.createIndex(g, 0, 0)

    def fold_index(self, g: int) -> QModelIndex:
        group = self._groups[g]
        return self.createIndex(len(group.sure), 0, 1 + 2 * g) if group.unsure else QModelIndex()

    # -- QAbstractItemModel ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0 or not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0)
        ident = parent.internalId()
        if ident == 0:
            return self.createIndex(row, 0, 1 + 2 * parent.row())
        return self.createIndex(row, 0, ident + 1)  # inside the fold

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        ident = index.internalId()
        g = (ident - 1) // 2
        if ident % 2:
            return self.createIndex(g, 0, 0)
        return self.createIndex(len(self._groups[g].sure), 0, 1 + 2 * g)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0:
            return 0
        ident = parent.internalId()
        if ident == 0:
            group = self._groups[parent.row()]
            return len(group.sure) + (1 if group.unsure else 0)
        if ident % 2:
            group = self._groups[(ident - 1) // 2]
            return len(group.unsure) if parent.row() == len(group.sure) else 0
        return 0

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        """One call per row when the view lays out (the default asks rowCount and columnCount)."""
        return self.rowCount(parent) > 0

    def columnCount(self, _parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index)
        if entry is not None:
            return self._entry_data(entry, role)
        group, folded = self.group_of(index)
        if group is None:
            return None
        if role == GroupRole:
            return group.kind
        if folded:  # the "Minder zeker" fold
            if role == Qt.ItemDataRole.DisplayRole:
                return f"Minder zeker ({len(group.unsure)})"
            return FOLD_TIP if role == Qt.ItemDataRole.ToolTipRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return group.head
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if group.kind == "Vertrouwelijk":
            if role == Qt.ItemDataRole.DecorationRole:
                return level_icon("vertrouwelijk")
            if role == Qt.ItemDataRole.ForegroundRole:
                return CONFIDENTIAL_RED
        return None

    def _entry_data(self, e: Entry, role: int) -> Any:
        noun = self.noun
        if role == Qt.ItemDataRole.DisplayRole:  # the accessible text; the delegate draws gist and place
            text = " ".join(e.text.split())
            return f"{noun} {e.item} · {e.domain_name}: {text}" if e.kind == "Domein" else f"{noun} {e.item} · {text}"
        if role == KeyRole:
            return e.key
        if role == GistRole:
            return e.gist
        if role == WhereRole:
            item = self.item_by_number(e.item)
            where = [f"{noun} {e.item}"] + ([item.party] if item is not None and item.party else []) + \
                ([e.detail] if e.detail else [])
            return " · ".join(where)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{noun} {e.item} · {e.title}\n{e.text}\n{KEYS_TIP}"
        if e.kind == "Vertrouwelijk":
            if role == Qt.ItemDataRole.DecorationRole:
                return level_icon("vertrouwelijk")
            if role == Qt.ItemDataRole.ForegroundRole:
                return CONFIDENTIAL_RED
        return None
