"""GUI: the bottom dock: all follow-ups and toezeggingen across documents, sortable and filterable."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.dialogs import LEVEL_LABELS, STATUS_LABELS
from briefer.gui.followup_models import FollowUpFilterProxy, FollowUpRow, FollowUpTableModel
from briefer.gui.models import DocumentIdRole, IdRole
from briefer.gui.theme import level_icon
from briefer.gui.widgets import PlaceholderTable

NO_FOLLOWUPS = ("Nog geen vervolgacties. Druk F bij een vraag om er een toe te voegen, of neem een "
                "toezegging over uit de suggesties (Ctrl+Shift+S).")


class FollowUpsPanel(QWidget):
    """GUI: the follow-ups overview (table + filters); activating a row opens its item."""

    open_followup = Signal(str, str)  # document id, follow-up id
    edit_followup = Signal(str, str)  # document id, follow-up id
    status_requested = Signal(str, str)  # follow-up id, status
    level_requested = Signal(str, str)  # follow-up id, level

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FollowUpTableModel(self)
        self.proxy = FollowUpFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter op tekst, eigenaar, soort of document…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Vervolgacties filteren op tekst")
        self.filter.textChanged.connect(self.proxy.set_text)
        self.status = QComboBox()
        self.status.addItem("Elke status", None)
        for status, label in STATUS_LABELS.items():
            self.status.addItem(label, str(status))
        self.status.setAccessibleName("Filter op status")
        self.status.currentIndexChanged.connect(lambda: self.proxy.set_status(self.status.currentData()))
        self.level = QComboBox()
        self.level.addItem("Elk niveau", None)
        for level, label in LEVEL_LABELS.items():
            self.level.addItem(label, str(level))
        self.level.setAccessibleName("Filter op niveau")
        for i in range(1, self.level.count()):
            self.level.setItemIcon(i, level_icon(self.level.itemData(i)))
        self.level.currentIndexChanged.connect(lambda: self.proxy.set_level(self.level.currentData()))
        self.overdue = QCheckBox("Alleen verlopen")
        self.overdue.toggled.connect(self.proxy.set_overdue_only)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.level)
        bar.addWidget(self.overdue)
        self.table = PlaceholderTable(NO_FOLLOWUPS)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName("Vervolgacties en toezeggingen")
        self.table.setAccessibleDescription("Gesorteerd op termijn; Enter opent de vraag; O, I, V: niveau")
        # the description takes the room that is left and wraps; nothing is cut off
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)  # "Soort" wraps too
        self.table.setColumnWidth(2, 110)
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def set_rows(self, rows: list[FollowUpRow]) -> None:
        """Show `rows`; the Document column only appears when they come from several documents."""
        self.model.set_rows(rows)
        self.table.setColumnHidden(6, len({r.document_id for r in rows}) <= 1)
        self._update_filtered_hint()

    def _update_filtered_hint(self) -> None:
        if self.model.rowCount() == 0:
            self.table.placeholder = NO_FOLLOWUPS
        else:
            self.table.placeholder = "Geen vervolgacties die aan dit filter voldoen."
        self.table.viewport().update()

    @Slot(QPoint)
    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():  # the menu key: the current row
            index = self.table.currentIndex()
            pos = self.table.visualRect(index).center()
        if not index.isValid():
            return
        fid, doc_id = index.data(IdRole), index.data(DocumentIdRole)
        menu = QMenu(self)
        menu.addAction("Vraag openen").triggered.connect(lambda: self.open_followup.emit(doc_id, fid))
        menu.addAction("Bewerken…").triggered.connect(lambda: self.edit_followup.emit(doc_id, fid))
        status_menu = menu.addMenu("Status")
        for status, label in STATUS_LABELS.items():
            status_menu.addAction(label).triggered.connect(
                lambda _=False, st=str(status): self.status_requested.emit(fid, st))
        level_menu = menu.addMenu("Niveau")
        for level, label in LEVEL_LABELS.items():
            level_menu.addAction(level_icon(str(level)), label).triggered.connect(
                lambda _=False, lv=str(level): self.level_requested.emit(fid, lv))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        fid = index.data(IdRole)
        doc_id = index.data(DocumentIdRole)
        if fid and doc_id:
            self.open_followup.emit(doc_id, fid)
