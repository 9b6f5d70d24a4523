"""GUI: a conflict shown beside the note — both texts, and "mijn versie / die van de collega /
samenvoegen".

`ConflictView` is a self-contained widget for one conflict (a note, highlight note or follow-up
text changed on two sides): the two texts side by side (with a choice of colleague when three
databases edited it), three buttons, and an editor for a hand-merged text. Choosing calls
`Annotations.resolve_conflict` through `perform` (the window passes `Workspace.perform`, so the
choice is one undoable step); the result is announced with `resolved`. `ConflictsDialog` lists
every open conflict of a document with the view beside the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.dialogs import error_text

WHAT = {"notes": "Notitie", "highlights": "Notitie bij markering", "followups": "Vervolgactie"}
MINE = "mijn versie"


def conflict_title(conflict: Any) -> str:
    """"Notitie bij vraag 16" — what the conflict is about, in Dutch."""
    where = f" bij vraag {conflict.item_number}" if conflict.item_number is not None else " (kern)"
    return f"{WHAT.get(conflict.kind, 'Annotatie')}{where}"


def _text_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setReadOnly(True)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(80)
    return box


class ConflictView(QWidget):
    """GUI: one conflict with both versions side by side and the three ways to settle it."""

    resolved = Signal(object)  # the core Change of the choice
    failed = Signal(object)  # an exception with a Dutch message

    def __init__(self, ann: Any, perform: Callable[..., Any] | None = None,
                 parent: QWidget | None = None, *, stacked: bool = False) -> None:
        """`stacked`: the two versions one above the other and the buttons in a column (for a
        narrow place such as the inspector); else side by side (the conflicts dialog)."""
        super().__init__(parent)
        self.ann = ann
        self._perform = perform
        self.conflict: Any = None
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.mine = _text_box()
        self.mine.setAccessibleName("Mijn versie")
        self.theirs = _text_box()
        self.theirs.setAccessibleName("Versie van de collega")
        self.mine_box = QGroupBox("Mijn versie")
        QVBoxLayout(self.mine_box).addWidget(self.mine)
        self.theirs_box = QGroupBox("Versie van de collega")
        theirs_layout = QVBoxLayout(self.theirs_box)
        self.who = QComboBox()
        self.who.setAccessibleName("Welke collega")
        self.who.currentIndexChanged.connect(self._show_theirs)
        theirs_layout.addWidget(self.who)
        theirs_layout.addWidget(self.theirs)
        sides = QVBoxLayout() if stacked else QHBoxLayout()
        sides.addWidget(self.mine_box)
        sides.addWidget(self.theirs_box)

        self.keep_mine = QPushButton("&Mijn versie houden")
        self.take_theirs = QPushButton("&Die van de collega nemen")
        self.merge = QPushButton("&Samenvoegen…")
        self.keep_mine.clicked.connect(self.choose_mine)
        self.take_theirs.clicked.connect(self.choose_theirs)
        self.merge.clicked.connect(self.start_merge)
        buttons = QVBoxLayout() if stacked else QHBoxLayout()
        for b in (self.keep_mine, self.take_theirs, self.merge):
            buttons.addWidget(b)
        if not stacked:
            buttons.addStretch(1)

        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Samengevoegde tekst")
        self.editor.setTabChangesFocus(True)
        self.save_merge = QPushButton("Samengevoegde tekst &opslaan")
        self.cancel_merge = QPushButton("Annuleren")
        self.save_merge.clicked.connect(self.choose_merged)
        self.cancel_merge.clicked.connect(self._end_merge)
        merge_buttons = QHBoxLayout()
        merge_buttons.addWidget(self.save_merge)
        merge_buttons.addWidget(self.cancel_merge)
        merge_buttons.addStretch(1)
        self.merge_panel = QWidget()
        merge_layout = QVBoxLayout(self.merge_panel)
        merge_layout.setContentsMargins(0, 0, 0, 0)
        merge_layout.addWidget(QLabel("Samengevoegde tekst (wordt de tekst voor iedereen):"))
        merge_layout.addWidget(self.editor)
        merge_layout.addLayout(merge_buttons)
        self.merge_panel.hide()

        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addLayout(sides, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.merge_panel)
        layout.addWidget(self.message)
        self.set_conflict(None)

    # -- showing ----------------------------------------------------------------------------------

    def set_conflict(self, conflict: Any) -> None:
        """Show `conflict` (a `briefer.annotate.Conflict`), or nothing (the view hides itself)."""
        self.conflict = conflict
        self._end_merge()
        self.message.clear()
        self.setVisible(conflict is not None)
        if conflict is None:
            return
        self.title.setText(f"Conflict: {conflict_title(conflict)}")
        self.reason.setText(conflict.reason)
        mine = [v for v in conflict.versions if v[2] == MINE]
        others = [v for v in conflict.versions if v[2] != MINE]
        self.mine.setPlainText(mine[0][0] if mine else str((conflict.local or {}).get(conflict.column, "")))
        self.who.blockSignals(True)
        self.who.clear()
        for text, replica, name in others:
            self.who.addItem(name if name != "collega" else f"collega ({replica[:6]})", text)
        self.who.blockSignals(False)
        self.who.setVisible(len(others) > 1)
        self._show_theirs()

    @Slot()
    def _show_theirs(self) -> None:
        text = self.who.currentData()
        if text is None and self.conflict is not None:
            text = str(self.conflict.theirs.get(self.conflict.column, ""))
        self.theirs.setPlainText(str(text or ""))
        name = self.who.currentText() if self.who.count() else "de collega"
        self.theirs_box.setTitle(f"Versie van {name}")

    # -- choosing -------------------------------------------------------------------------------

    def _resolve(self, **how: Any) -> Any:
        if self.conflict is None:
            return None
        ref = self.conflict.id
        try:
            if self._perform is not None:
                change = self._perform(self.ann.resolve_conflict, ref, **how)
            else:
                change = self.ann.resolve_conflict(ref, **how)
        except Exception as exc:
            self.message.setText(error_text(exc))
            self.failed.emit(exc)
            return None
        if change is None:  # perform already reported the error
            return None
        self.message.setText("Opgelost; de keuze gaat mee bij de volgende uitwisseling.")
        self.resolved.emit(change)
        return change

    @Slot()
    def choose_mine(self) -> Any:
        return self._resolve(take="mine")

    @Slot()
    def choose_theirs(self) -> Any:
        if self.who.count() > 1:
            return self._resolve(text=self.theirs.toPlainText())
        return self._resolve(take="theirs")

    @Slot()
    def start_merge(self) -> None:
        mine, theirs = self.mine.toPlainText().rstrip(), self.theirs.toPlainText().strip()
        self.editor.setPlainText(f"{mine}\n\n{theirs}" if theirs and theirs not in mine else mine)
        self.merge_panel.show()
        self.editor.setFocus()

    @Slot()
    def choose_merged(self) -> Any:
        text = self.editor.toPlainText()
        if not text.strip():
            self.message.setText("Een samengevoegde tekst mag niet leeg zijn.")
            return None
        change = self._resolve(text=text)
        if change is not None:
            self._end_merge()
        return change

    @Slot()
    def _end_merge(self) -> None:
        self.merge_panel.hide()
        self.editor.clear()


class ConflictsDialog(QDialog):
    """GUI: every open conflict of a document (or all), with the conflict view beside the list."""

    resolved = Signal(object)

    def __init__(self, ann: Any, document_id: str | None = None, perform: Callable[..., Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Conflicten")
        self.resize(900, 480)
        self.ann = ann
        self.document_id = document_id
        self.list = QListWidget()
        self.list.setAccessibleName("Open conflicten")
        self.view = ConflictView(ann, perform, self)
        self.view.resolved.connect(self._on_resolved)
        self.empty = QLabel("Geen conflicten: alles is met de collega's in overeenstemming.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.view)
        right_layout.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show)
        self.reload()

    def reload(self) -> None:
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.list.clear()
        self._conflicts = {c.id: c for c in self.ann.conflicts(self.document_id)}
        for c in self._conflicts.values():
            entry = QListWidgetItem(conflict_title(c))
            entry.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(entry)
        self.empty.setVisible(not self._conflicts)
        ids = list(self._conflicts)
        if ids:
            self.list.setCurrentRow(ids.index(current) if current in ids else 0)
        else:
            self.view.set_conflict(None)

    def count(self) -> int:
        return self.list.count()

    @Slot(int)
    def _show(self, row: int) -> None:
        entry = self.list.item(row)
        self.view.set_conflict(None if entry is None else self._conflicts[entry.data(Qt.ItemDataRole.UserRole)])

    @Slot(object)
    def _on_resolved(self, change: Any) -> None:
        self.resolved.emit(change)
        self.reload()
