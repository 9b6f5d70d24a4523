"""GUI: the follow-ups overview's table model and its filter (all documents, one row per follow-up).

Rows are `FollowUpRow`s the window builds from core follow-ups; ids travel in `Qt.UserRole`
(`IdRole`) and the document's id in `DocumentIdRole`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from briefer.gui.labels import KIND_LABELS, STATUS_LABELS, level_column_text, nl_date
from briefer.gui.models import DocumentIdRole, IdRole, Index, SortRole, TableModel
from briefer.gui.theme import OVERDUE_BG, OVERDUE_RED, level_colour, level_icon
from briefer.model import FollowUp, FollowUpStatus, Level


@dataclass
class FollowUpRow:
    """GUI: one follow-up with where it belongs (for the overview)."""

    followup: FollowUp
    document_id: str
    document_label: str
    item_label: str


class FollowUpTableModel(TableModel):
    """GUI: all follow-ups across documents; overdue ones in red, confidential ones marked."""

    HEADERS = ["Status", "Vervolgactie", "Soort", "Eigenaar", "Termijn", "Niveau", "Document", "Vraag"]

    def __init__(self, parent: Any = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def today(self) -> date:
        return self._today or date.today()

    def is_overdue(self, fu: FollowUp) -> bool:
        if not fu.due or fu.status == FollowUpStatus.AFGEROND:
            return False
        try:
            return date.fromisoformat(fu.due[:10]) < self.today()
        except ValueError:
            return False

    def open_and_overdue(self) -> tuple[int, int]:
        """How many follow-ups are not finished, and how many are past their due date."""
        fus = [r.followup for r in self._rows]
        return sum(1 for f in fus if f.status != FollowUpStatus.AFGEROND), sum(1 for f in fus if self.is_overdue(f))

    @staticmethod
    def _text(row: FollowUpRow, col: int) -> str:
        """The text shown in column `col` (computed for that column only: sorting asks often)."""
        fu = row.followup
        if col == 0:
            return STATUS_LABELS.get(fu.status, str(fu.status))
        if col == 1:
            return " ".join(fu.text.split())
        if col == 2:
            return KIND_LABELS.get(fu.kind, str(fu.kind))
        if col == 3:
            return fu.owner
        if col == 4:
            return nl_date(fu.due)
        if col == 5:
            return level_column_text(fu.level)
        return row.document_label if col == 6 else row.item_label

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid(index):
            return None
        row: FollowUpRow = self._rows[index.row()]
        fu = row.followup
        col = index.column()
        confidential = Level(fu.level) == Level.VERTROUWELIJK
        if role == SortRole and col in (0, 4, 5, 7):
            if col == 0:
                return list(FollowUpStatus).index(FollowUpStatus(fu.status))
            if col == 4:
                return fu.due or "9999-99-99"
            if col == 5:
                return Level(fu.level).rank
            return int(row.item_label.split("–")[0].split(",")[0] or 0) if row.item_label[:1].isdigit() else 0
        overdue = self.is_overdue(fu)
        if role == Qt.ItemDataRole.DisplayRole and col == 4 and overdue:
            return f"{self._text(row, col)}\nVERLOPEN"  # overdue in words, not by colour alone
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self._text(row, col)
        if role == IdRole:
            return fu.id
        if role == DocumentIdRole:
            return row.document_id
        if col == 5 and role == Qt.ItemDataRole.DecorationRole:
            return level_icon(str(fu.level))
        if col == 5 and confidential and role in self.CONFIDENTIAL_ROLES:
            return self.confidential_cell(role)
        if col == 5 and role == Qt.ItemDataRole.ForegroundRole:
            return level_colour(str(fu.level))
        if col == 4 and overdue and role == Qt.ItemDataRole.DecorationRole:
            return self._overdue_icon()
        if col == 4 and overdue and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return OVERDUE_RED
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._text(row, col)
            return f"{text}, verlopen" if col == 4 and overdue else text
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = fu.text
            if fu.due:
                tip += f"\nTermijn: {nl_date(fu.due)}"
            if self.is_overdue(fu):
                tip += " (verstreken)"
            if confidential:
                tip += "\nVERTROUWELIJK: alleen in een als vertrouwelijk gemarkeerde briefing"
            return tip
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return OVERDUE_BG
        return None

    def _overdue_icon(self) -> Any:
        if getattr(self, "_overdue", None) is None:
            from PySide6.QtWidgets import QApplication, QStyle

            self._overdue = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._overdue


class FollowUpFilterProxy(QSortFilterProxyModel):
    """GUI: filters the follow-ups overview by text, status, level and 'only open/overdue'."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status: str | None = None
        self._level: str | None = None
        self._overdue_only = False
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def _begin(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._begin()
        self._text = text.strip().lower()
        self._end()

    def set_status(self, status: str | None) -> None:
        self._begin()
        self._status = status or None
        self._end()

    def set_level(self, level: str | None) -> None:
        self._begin()
        self._level = level or None
        self._end()

    def set_overdue_only(self, on: bool) -> None:
        self._begin()
        self._overdue_only = on
        self._end()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FollowUpTableModel):
            return True
        row = model.row(source_row)
        fu = row.followup
        if self._status and str(fu.status) != self._status:
            return False
        if self._level and str(fu.level) != self._level:
            return False
        if self._overdue_only and not model.is_overdue(fu):
            return False
        if self._text:
            hay = " ".join([fu.text, fu.owner, str(fu.kind), KIND_LABELS.get(fu.kind, ""), row.document_label,
                           row.item_label]).lower()
            if self._text not in hay:
                return False
        return True
