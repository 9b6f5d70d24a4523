"""GUI: Bewerken → Prullenbak…: what was deleted (highlights, notes, follow-ups, domains), where it
belonged, when, and at which level; "Terugzetten" brings one back as an undoable action
(`Annotations.restore` through `Workspace.perform`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.labels import document_label, level_column_text
from briefer.gui.models import IdRole, TableModel, item_label
from briefer.gui.theme import MUTED
from briefer.model import Level
from briefer.store import DocumentNotFound, ItemNotFound

KIND_NAMES = {"highlight": "Markering", "note": "Notitie", "followup": "Vervolgactie", "domain": "Domein"}


@dataclass
class TrashRow:
    """GUI: one trash entry with where it belonged, ready to show."""

    entry: Any  # briefer.annotate.TrashEntry
    document: str
    item: str


def when_label(stamp: str) -> str:
    """"27-11-2026 14:05" from an ISO timestamp (the stamp itself when it does not parse)."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment:%d-%m-%Y %H:%M}"


def lookup(fn: Any, key: str) -> Any | None:
    """A document or item by id; None when it no longer exists (other errors propagate)."""
    try:
        return fn(key)
    except (DocumentNotFound, ItemNotFound):
        return None


class TrashModel(TableModel):
    """GUI: the trash, newest first; confidential entries in red with a padlock."""

    HEADERS = ["Wat", "Document", "Vraag", "Verwijderd", "Niveau"]
    HEADER_TIPS = ["Wat er is verwijderd", "Het document waar het bij hoorde", "De vraag (of alinea)",
                   "Wanneer het is verwijderd", "Niveau: bepaalt in welke briefing het mag staan"]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        row: TrashRow = self._rows[index.row()]
        e = row.entry
        col = index.column()
        confidential = Level(e.level) == Level.VERTROUWELIJK
        if role == Qt.ItemDataRole.DisplayRole:
            return [e.label or KIND_NAMES.get(e.kind, e.kind), row.document, row.item, when_label(e.deleted),
                    level_column_text(e.level)][col]
        if role == IdRole:
            return e.id
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{KIND_NAMES.get(e.kind, e.kind)}: {e.label}"
            if confidential:
                tip += "\nVERTROUWELIJK: alleen in een als vertrouwelijk gemarkeerde briefing"
            return tip + "\nEnter: terugzetten"
        if col == 4 and confidential and role in self.CONFIDENTIAL_ROLES:
            return self.confidential_cell(role)
        if role == Qt.ItemDataRole.ForegroundRole and col in (1, 2, 3):
            return MUTED
        return None


class TrashDialog(QDialog):
    """GUI: the trash; Enter or "Terugzetten" restores the selected entry (undoable)."""

    def __init__(self, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Prullenbak")
        self.resize(820, 420)
        self.ws = workspace
        self.model = TrashModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Verwijderde annotaties")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda _i: self.restore_current())
        self.info = QLabel("")
        self.info.setStyleSheet("color: #5f6b7a;")
        self.restore_button = QPushButton("Terugzetten (Enter)")
        self.restore_button.clicked.connect(self.restore_current)
        close = QPushButton("Sluiten")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Verwijderde annotaties blijven hier bewaard. Terugzetten is ongedaan te maken "
                                "met Ctrl+Z."))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.ws.changed.connect(self.reload)
        self.reload()
        self.table.setFocus()

    @Slot()
    def reload(self) -> None:
        row = max(0, self.table.currentIndex().row())
        docs: dict[str, str] = {}
        rows = []
        for e in self.ws.query(self.ws.ann.trash, default=[]):
            doc_name = ""
            if e.document_id:
                if e.document_id not in docs:
                    doc = self.ws.query(lookup, self.ws.store.document, e.document_id)
                    docs[e.document_id] = document_label(doc) if doc else "(document verwijderd)"
                doc_name = docs[e.document_id]
            item = self.ws.query(lookup, self.ws.store.item, e.item_id) if e.item_id else None
            rows.append(TrashRow(e, doc_name, item_label(item) if item else ("" if not e.item_id else "—")))
        self.model.set_rows(rows)
        self.info.setText(f"{len(rows)} in de prullenbak" if rows else "De prullenbak is leeg.")
        self.restore_button.setEnabled(bool(rows))
        if rows:
            self.table.setCurrentIndex(self.model.index(min(row, len(rows) - 1), 0))

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(IdRole) if index.isValid() else None

    @Slot()
    def restore_current(self) -> None:
        trash_id = self.current_id()
        if trash_id is not None:
            self.ws.perform(self.ws.ann.restore, trash_id)
