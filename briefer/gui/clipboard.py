"""GUI: Bewerken → Vraag kopiëren als tekst — the current question with its annotations, for an e-mail.

The clipboard is a path out with a ceiling (`briefer.export.clip`, the same text as `briefer clip`):
Ctrl+Shift+C copies up to intern and says in the status bar what stayed out; "… met vertrouwelijk"
asks first when there is vertrouwelijk material, and the copied text then carries a VERTROUWELIJK
line at its top and bottom. Only plain text goes on the clipboard (no HTML that could hide more).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefer.gui.qactions import make_action
from briefer.model import Level


class ClipActions(QObject):
    """GUI: copy the current item as text within a ceiling (over `export.clip.item_clip`)."""

    def __init__(self, workspace: Any, presenter: Any, host: QWidget, *, ask: bool = True) -> None:
        super().__init__(host)
        self.ws = workspace
        self.p = presenter
        self.host = host
        self.ask = ask  # tests switch the question off
        self.act_copy = make_action(host, "Vraag &kopiëren als tekst", lambda: self.copy(Level.INTERN),
                                    "Ctrl+Shift+C", "De vraag met antwoord en uw annotaties (tot intern) "
                                                    "naar het klembord, voor e-mail of chat")
        self.act_copy_confidential = make_action(
            host, "Vraag kopiëren als tekst, met vertrouwelijk…", lambda: self.copy(Level.VERTROUWELIJK),
            tip="Ook vertrouwelijke annotaties; de tekst krijgt dan VERTROUWELIJK boven- en onderaan")

    @Slot()
    def copy(self, ceiling: Level = Level.INTERN) -> str | None:
        """Put the current item's text (within `ceiling`) on the clipboard; returns the text."""
        from briefer.export.clip import item_clip

        doc, item = self.p.current_document(), self.p.current_item()
        if doc is None or item is None:
            self.p.message.emit("Kies eerst een vraag om te kopiëren.", 4000)
            return None
        bundle = self.ws.query(self.ws.ann.bundle, doc.id)
        if bundle is None:
            return None
        clip = item_clip(bundle, item.id, ceiling)
        if clip.confidential and self.ask:
            answer = QMessageBox.question(
                self.host, "Vertrouwelijk kopiëren",
                "De tekst bevat vertrouwelijke annotaties. Kopiëren? Plak hem alleen waar vertrouwelijk "
                "materiaal mag staan; de tekst is boven- en onderaan gemarkeerd als VERTROUWELIJK.")
            if answer != QMessageBox.StandardButton.Yes:
                return None
        QApplication.clipboard().setText(clip.text)  # text/plain only
        extra = (" " + " ".join(clip.left_out)) if clip.left_out else ""
        what = "vertrouwelijk, " if clip.confidential else ""
        self.p.message.emit(f"Vraag {item.number} gekopieerd ({what}tot {clip.ceiling.value}).{extra}", 8000)
        return clip.text
