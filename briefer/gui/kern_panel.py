"""GUI: the Kern of the open document (its document note) above the outline, rendered from Markdown.

The Kern opens the Kamerlidbriefing, so it stays in sight while reading; "bewerken" (or
Ctrl+Shift+N) opens the Kern dialog. A confidential Kern carries the red badge.
"""

from __future__ import annotations

import html

import markdown
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from briefer.model import Level, Note

EMPTY_KERN = "Nog geen kern: wat betekent dit document, in een paar punten? (Ctrl+Shift+N)"


class KernPanel(QWidget):
    """GUI: shows the document's Kern (read-only) with a link to edit it."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        head = QHBoxLayout()
        title = QLabel("Kern")
        title.setObjectName("sectionTitle")
        head.addWidget(title)
        self.badge = QLabel("VERTROUWELIJK")
        self.badge.setObjectName("badge")
        self.badge.setVisible(False)
        head.addWidget(self.badge)
        head.addStretch(1)
        self.edit_link = QLabel("<a href='edit'>bewerken…</a>")
        self.edit_link.setToolTip("Kern van het document bewerken (Ctrl+Shift+N)")
        self.edit_link.linkActivated.connect(lambda _href: self.edit_requested.emit())
        head.addWidget(self.edit_link)
        layout.addLayout(head)
        self.body = QLabel(EMPTY_KERN)
        self.body.setObjectName("kern")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body)
        self._empty = True

    def is_empty(self) -> bool:
        return self._empty

    def show_note(self, note: Note | None) -> None:
        """Render the Kern (None or empty: the hint how to write one)."""
        body = note.body.strip() if note else ""
        self._empty = not body
        self.badge.setVisible(bool(body) and note is not None and Level(note.level) == Level.VERTROUWELIJK)
        if not body:
            self.body.setText(f"<span style='color:#5f6b7a'>{html.escape(EMPTY_KERN)}</span>")
            return
        rendered = markdown.markdown(body, extensions=["extra", "sane_lists"])
        self.body.setText(f"<div style='margin:0'>{rendered}</div>")
