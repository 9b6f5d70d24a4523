"""GUI: Bewerken → Domeinen beheren: add, rename, recolour and remove priority domains.

Each change is one core call through `Workspace.perform`, so it can be undone with Ctrl+Z.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.theme import dot_icon
from briefer.model import Domain


class DomainsDialog(QDialog):
    """GUI: manage the taxonomy of priority domains (with their colours and digits)."""

    def __init__(self, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Domeinen beheren")
        self.resize(520, 380)
        self.ws = workspace
        self.list = QListWidget()
        self.list.setAccessibleName("Domeinen")
        self.list.itemActivated.connect(lambda _e: self.rename())
        self.list.setFocus()
        buttons = QVBoxLayout()
        for text, slot in (("&Toevoegen…", self.add), ("&Hernoemen…", self.rename), ("&Kleur…", self.recolour),
                           ("&Sneltoets…", self.set_key), ("&Verwijderen", self.delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton("Sl&uiten")
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Het cijfer voor een domein is de sneltoets waarmee u een passage of vraag tagt."))
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        row = max(0, self.list.currentRow())
        self.list.clear()
        for d in self.ws.query(self.ws.ann.domains, default=[]):
            entry = QListWidgetItem(dot_icon(d.colour), f"{d.key or ' '}   {d.name}")
            entry.setData(Qt.ItemDataRole.UserRole, d)
            self.list.addItem(entry)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def current(self) -> Domain | None:
        entry = self.list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    @Slot()
    def add(self) -> None:
        name, ok = QInputDialog.getText(self, "Nieuw domein", "Naam (bijv. Veiligheid en defensie):")
        if ok and name.strip():
            self.ws.perform(self.ws.ann.add_domain, name.strip())
            self.reload()
            self.list.setCurrentRow(self.list.count() - 1)

    @Slot()
    def rename(self) -> None:
        d = self.current()
        if d is None:
            return
        name, ok = QInputDialog.getText(self, "Domein hernoemen", "Nieuwe naam:", text=d.name)
        if ok and name.strip() and name.strip() != d.name:
            self.ws.perform(self.ws.ann.rename_domain, d.id, name.strip())
            self.reload()

    @Slot()
    def recolour(self) -> None:
        d = self.current()
        if d is None:
            return
        colour = QColorDialog.getColor(QColor(d.colour), self, f"Kleur van {d.name}")
        if colour.isValid() and colour.name() != d.colour.lower():
            self.ws.perform(self.ws.ann.recolour_domain, d.id, colour.name())
            self.reload()

    @Slot()
    def set_key(self) -> None:
        """Choose the digit (1–9) that tags with this domain; 0 takes the digit away."""
        d = self.current()
        if d is None:
            return
        key, ok = QInputDialog.getInt(self, "Sneltoets", f"Cijfer voor '{d.name}' (1–9; 0 = geen):",
                                      d.key or 0, 0, 9)
        if not ok or key == (d.key or 0):
            return
        if key == 0:
            self.ws.perform(self.ws.ann.update_domain, d.id, clear_key=True)
        else:
            self.ws.perform(self.ws.ann.update_domain, d.id, key=key)
        self.reload()

    @Slot()
    def delete(self) -> None:
        d = self.current()
        if d is None:
            return
        answer = QMessageBox.question(
            self, "Domein verwijderen",
            f"Domein '{d.name}' verwijderen? Vragen verliezen dit label; markeringen blijven, zonder "
            "domein. U kunt dit ongedaan maken (Ctrl+Z).")
        if answer == QMessageBox.StandardButton.Yes:
            self.ws.perform(self.ws.ann.delete_domain, d.id)
            self.reload()
