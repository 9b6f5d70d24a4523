"""GUI: item models for the library and the outline of a document (the follow-ups overview's
model is in `briefer.gui.followup_models`).

The models hold plain core dataclasses handed to them by the window (they never query the
store); ids travel in `Qt.UserRole`, never in display text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from briefer.gui.labels import (
    document_date,
    document_date_label,
    document_label,
    document_tooltip,
    item_noun,
    type_label,
)
from briefer.gui.theme import CONFIDENTIAL_RED, MUTED, lock_icon
from briefer.model import (
    Domain,
    StoredDocument,
    StoredItem,
)
from briefer.subject import question_subject
from briefer.textutil import outline_snippet, shorten, strip_footnote_markers

IdRole = Qt.ItemDataRole.UserRole
MarkersRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
DocumentIdRole = Qt.ItemDataRole.UserRole + 3
ItemUnitRole = Qt.ItemDataRole.UserRole + 4  # library: "vragen" or "alinea's" for the count of a row
NumberRole = Qt.ItemDataRole.UserRole + 5  # outline: the item's number label ("16", "2–3")
SubjectRole = Qt.ItemDataRole.UserRole + 6  # outline: what the line calls the item (title or key phrase)

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Markers:
    """GUI: what the outline shows beside an item (from the core's ItemMarkers)."""

    colours: list[str] = field(default_factory=list)
    has_note: bool = False
    followups: int = 0
    confidential: bool = False
    suggestions: tuple[str, ...] = ()  # open suggestions, one tooltip line each (a quiet ◆)


def _drawn(m: Markers | None) -> tuple[Any, ...]:
    """What the outline's delegate draws of a row's markers (not the suggestions: tooltip only)."""
    m = m if m is not None else Markers()
    return (m.colours, m.has_note, m.followups, m.confidential)


def markers_from_core(core_markers: Any, domains: dict[str, Domain],
                      highlight_domains: list[str] | None = None) -> Markers:
    """Translate one core ItemMarkers into colours in taxonomy order.

    Dots show the domains the item is tagged with and those of its highlights.
    """
    ids = list(getattr(core_markers, "domain_ids", []) or [])
    ids += [d for d in highlight_domains or [] if d not in ids]
    order = {d.id: d.position for d in domains.values()}
    ids.sort(key=lambda i: order.get(i, 0))
    followups = getattr(core_markers, "followups", 0)
    if not isinstance(followups, int):
        followups = len(followups or [])
    return Markers(
        colours=[domains[i].colour for i in ids if i in domains],
        has_note=bool(getattr(core_markers, "has_note", False)),
        followups=followups,
        confidential=bool(getattr(core_markers, "confidential", False)),
    )


def item_label(item: StoredItem) -> str:
    """"16" or "2–3" for an item answering several questions."""
    nums = item.numbers or [item.number]
    if len(nums) > 1:
        if nums == list(range(nums[0], nums[-1] + 1)):
            return f"{nums[0]}–{nums[-1]}"
        return ", ".join(str(n) for n in nums)
    return str(nums[0])


def item_snippet(item: StoredItem, length: int = 90) -> str:
    """The start of the question for the outline, without the opening every question of a fractie shares."""
    return shorten(outline_snippet(strip_footnote_markers(item.question or item.answer or "")), length)


# --------------------------------------------------------------------------------------------


class TableModel(QAbstractTableModel):
    """GUI: a flat table over a list of rows with fixed headers (and header tooltips).

    Subclasses set HEADERS (and HEADER_TIPS) and implement `data`; rows are set whole.
    """

    HEADERS: list[str] = []
    HEADER_TIPS: list[str] = []
    CONFIDENTIAL_ROLES = (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._lock: Any = None

    def confidential_cell(self, role: int) -> Any:
        """How the level cell of a confidential row looks: red, bold, with the padlock."""
        if role == Qt.ItemDataRole.ForegroundRole:
            return CONFIDENTIAL_RED
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole:
            if self._lock is None:  # made once: views ask on every paint
                self._lock = lock_icon(14)
            return self._lock
        return None

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def valid(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole and section < len(self.HEADER_TIPS):
                return self.HEADER_TIPS[section]
        return None


class LibraryModel(TableModel):
    """GUI: the imported documents, newest first: name, type, the document's own date, item count.

    The import date and the rest of the metadata are in the tooltip; SortRole gives ISO dates.
    """

    HEADERS = ["Document", "Soort", "Datum", "Aantal"]
    HEADER_TIPS = ["Kamerstuk, Kamervragen of bestand", "Soort document",
                   "Datum van het document (of het vergaderjaar); de importdatum staat in de tooltip",
                   "Aantal vragen (of alinea's)"]

    def set_documents(self, docs: list[StoredDocument]) -> None:
        self.set_rows(docs)

    def document_at(self, row: int) -> StoredDocument:
        return self._rows[row]

    def row_of(self, doc_id: str) -> int:
        for row, doc in enumerate(self._rows):
            if doc.id == doc_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        doc = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (document_label(doc), type_label(doc.doc_type), document_date_label(doc), doc.item_count)[col]
        if role == SortRole:
            return (document_label(doc).casefold(), type_label(doc.doc_type),
                    document_date(doc) or doc.vergaderjaar or "", doc.item_count)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return document_tooltip(doc)
        if role == IdRole:
            return doc.id
        if role == ItemUnitRole:
            return item_noun(doc.doc_type, plural=True).lower()
        if role == Qt.ItemDataRole.ForegroundRole and col in (1, 2):
            return MUTED
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# --------------------------------------------------------------------------------------------


@dataclass
class _Group:
    label: str
    rows: list[int]  # indexes into OutlineModel._items


class OutlineModel(QAbstractItemModel):
    """GUI: the open document as party → items; markers in MarkersRole, the item id in IdRole.

    Top-level rows are consecutive runs of one party (in document order); their children are the
    items. Internal ids: 0 for a group, group number + 1 for an item.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[StoredItem] = []
        self._groups: list[_Group] = []
        self._where: dict[str, tuple[int, int]] = {}  # item id -> (group, row in group)
        self._markers: dict[str, Markers] = {}
        self._titles: dict[str, str] = {}  # item id -> the staffer's own title
        self._subjects: dict[str, str] = {}  # item id -> the key phrase (computed once per load)
        self.tips_for: Callable[[StoredItem], tuple[str, ...]] | None = None  # open suggestions, asked lazily

    # -- loading ------------------------------------------------------------------------------

    def set_items(self, items: list[StoredItem], markers: dict[str, Markers] | None = None,
                  doc_type: str | None = None, group_label: str | None = None,
                  titles: dict[str, str] | None = None) -> None:
        """Show `items` grouped by party (else heading, else `group_label`, else "Vragen" or, for an
        unrecognised document (`doc_type`), "Alinea's")."""
        self.beginResetModel()
        self._items = list(items)
        self._markers = dict(markers or {})
        self._titles = dict(titles or {})
        self._subjects = {}
        self._groups = []
        self._where = {}
        for pos, item in enumerate(self._items):
            label = item.party or item.heading or group_label or item_noun(doc_type, plural=True)
            if not self._groups or self._groups[-1].label != label:
                self._groups.append(_Group(label, []))
            group = self._groups[-1]
            self._where[item.id] = (len(self._groups) - 1, len(group.rows))
            group.rows.append(pos)
        self.endResetModel()

    def set_titles(self, titles: dict[str, str]) -> None:
        """Replace the staffer's titles and repaint the items whose title changed."""
        old, self._titles = self._titles, dict(titles)
        for item_id in set(old) | set(titles):
            if old.get(item_id) != titles.get(item_id):
                idx = self.index_of(item_id)
                if idx.isValid():
                    self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def user_title(self, item_id: str) -> str | None:
        return self._titles.get(item_id)

    def subject(self, item_id: str) -> str:
        """The key phrase of the item's question (`briefer.subject`), computed once."""
        if item_id not in self._subjects:
            item = self.item(item_id)
            text = (item.question or item.answer) if item else ""
            self._subjects[item_id] = question_subject(text) or item_snippet(item, 60) if item else ""
        return self._subjects[item_id]

    def title(self, item_id: str) -> str:
        """What the outline calls the item: the staffer's title, else the key phrase."""
        return self._titles.get(item_id) or self.subject(item_id)

    def set_markers(self, markers: dict[str, Markers]) -> None:
        """Replace the markers and repaint the items whose drawn markers changed (the open
        suggestions are only in the tooltip, read when it shows: new suggestions for 15,000 items
        must not make the outline measure every row again)."""
        old, self._markers = self._markers, dict(markers)
        for item_id in set(old) | set(markers):
            if _drawn(old.get(item_id)) != _drawn(markers.get(item_id)):
                idx = self.index_of(item_id)
                if idx.isValid():
                    self.dataChanged.emit(idx, idx, [MarkersRole, Qt.ItemDataRole.ToolTipRole])

    # -- lookups ------------------------------------------------------------------------------

    def items(self) -> list[StoredItem]:
        return self._items

    def item(self, item_id: str) -> StoredItem | None:
        where = self._where.get(item_id)
        if where is None:
            return None
        return self._items[self._groups[where[0]].rows[where[1]]]

    def item_at(self, index: Index) -> StoredItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1]
        return self._items[group.rows[index.row()]]

    def index_of(self, item_id: str) -> QModelIndex:
        where = self._where.get(item_id)
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], 0, where[0] + 1)

    def markers(self, item_id: str) -> Markers:
        return self._markers.get(item_id, Markers())

    def shown_markers(self, item: StoredItem) -> Markers:
        """The item's markers with its open suggestions, asked of `tips_for` only now (a row being
        drawn or its tooltip read), so suggestions for a big document cost nothing on arrival."""
        m = self.markers(item.id)
        tips = self.tips_for(item) if self.tips_for is not None else ()
        return Markers(m.colours, m.has_note, m.followups, m.confidential, tuple(tips)) if tips else m

    def all_markers(self) -> dict[str, Markers]:
        return dict(self._markers)

    # -- QAbstractItemModel ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        group = parent.row()
        if group >= len(self._groups) or row >= len(self._groups[group].rows):
            return QModelIndex()
        return self.createIndex(row, 0, group + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._groups[parent.row()].rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{group.label}  ({len(group.rows)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        item = self.item_at(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item_label(item)}  {self.title(item.id)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            m = self.markers(item.id)
            extra = [("met notitie" if m.has_note else ""), (f"{m.followups} vervolgacties" if m.followups else ""),
                     ("vertrouwelijk" if m.confidential else "")]
            return ", ".join(p for p in [f"Vraag {item_label(item)}: {self.title(item.id)}", *extra] if p)
        if role == IdRole:
            return item.id
        if role == MarkersRole:
            return self.shown_markers(item)
        if role == NumberRole:
            return item_label(item)
        if role == SubjectRole:
            return self.title(item.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            m = self.shown_markers(item)
            lines = [f"Vraag {item_label(item)}" + (f" · {item.party}" if item.party else ""), item_snippet(item, 200)]
            if item.id in self._titles:
                lines.insert(1, f"Uw titel: {self._titles[item.id]} (F2 wijzigt)")
            else:
                lines.insert(1, f"Onderwerp: {self.subject(item.id)} (F2 geeft een eigen titel)")
            if m.has_note:
                lines.append("✎ heeft een notitie")
            if m.followups:
                lines.append(f"⚑ {m.followups} vervolgactie(s)")
            if m.confidential:
                lines.append("VERTROUWELIJK: bevat vertrouwelijke annotaties")
            if m.suggestions:
                lines.append(f"◆ {len(m.suggestions)} suggestie(s) (Beeld → Suggesties):")
                lines += [f"   {tip}" for tip in m.suggestions[:6]]
                if len(m.suggestions) > 6:
                    lines.append(f"   … en {len(m.suggestions) - 6} meer")
            return "\n".join(lines)
        return None
