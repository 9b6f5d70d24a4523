"""GUI: the level buttons (Openbaar · Intern · Vertrouwelijk), each with its icon and its key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from briefer.gui.labels import LEVEL_LABELS
from briefer.gui.theme import level_icon
from briefer.model import Level

LEVEL_KEYS = {Level.OPENBAAR: "O", Level.INTERN: "I", Level.VERTROUWELIJK: "V"}


def level_text(level: Level | str) -> str:
    """"Openbaar", "Intern", "Vertrouwelijk": a level in words (beside its colour and icon)."""
    return LEVEL_LABELS.get(str(level), str(level).capitalize())



class LevelSelector(QWidget):
    """GUI: three buttons, Openbaar · Intern · Vertrouwelijk, each with its icon; one click chooses.

    With nothing chosen (a note not written yet) no button is down: the core decides the level.
    """

    chosen = Signal(str)  # level

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QToolButton] = {}
        for level in Level:
            button = QToolButton()
            button.setText(level_text(level))
            button.setIcon(level_icon(str(level)))
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(f"{name}: {level_text(level).lower()}")
            button.setToolTip(f"{level_text(level)} (toets {LEVEL_KEYS[level]})")
            button.clicked.connect(lambda _=False, lv=str(level): self._clicked(lv))
            self.group.addButton(button)
            self.buttons[str(level)] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self._level: str | None = None

    def _clicked(self, level: str) -> None:
        previous = self._level
        self.set_level(previous)  # the owner decides (it may ask first) and shows the result
        if level != previous:
            self.chosen.emit(level)

    def level(self) -> str | None:
        return self._level

    def set_level(self, level: str | None) -> None:
        self._level = str(level) if level is not None else None
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == self._level)
        self.group.setExclusive(True)
