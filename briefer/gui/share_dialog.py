"""GUI: Bestand → Annotaties delen… — a document's annotations to a file for a colleague, with the
same ceiling choice and "left out" list as the export dialog has for briefings.

The ceiling starts at `intern` every time (a confidential share is always chosen anew); the list
below it says, live, what the ceiling keeps out (counts and question numbers, never content, from
`briefer.annotate.files.share_preview`). A confidential file gets "VERTROUWELIJK" in its name, and
the dialog shows the name it will get. An existing file is replaced only after the user agrees.
Writing goes through `briefer.annotate.files.share_document` (private, never over the database).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.dialogs import error_text, level_combo, select_data
from briefer.gui.labels import document_label
from briefer.model import Level


class ShareDialog(QDialog):
    """GUI: ceiling, left-out list and file for sharing one document's annotations."""

    shared = Signal(object)  # briefer.annotate.files.ShareResult

    def __init__(self, workspace: Any, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.document = document
        self.result: Any = None
        self.setWindowTitle(f"Annotaties delen — {document_label(document)}")
        self.resize(560, 380)
        self.ceiling = level_combo()
        select_data(self.ceiling, str(Level.INTERN))
        self.ceiling_warning = QLabel("Vertrouwelijke annotaties gaan mee; het bestand krijgt VERTROUWELIJK in "
                                      "zijn naam en inhoud. Deel het alleen met wie het mag zien.")
        self.ceiling_warning.setObjectName("badge")
        self.ceiling_warning.setWordWrap(True)
        self.count = QLabel()
        self.left_out = QPlainTextEdit()
        self.left_out.setReadOnly(True)
        self.left_out.setTabChangesFocus(True)
        self.left_out.setMaximumHeight(90)
        self.left_out.setPlaceholderText("Niets wordt weggelaten.")
        self.left_out.setAccessibleName("Wat niet wordt gedeeld")
        folder = Path(workspace.settings.export_dir or Path.home())
        self.path = QLineEdit(str(folder / f"{document.identifier or 'document'} annotaties.json"))
        self.path.setAccessibleName("Bestand")
        browse = QPushButton("&Bladeren…")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.final_name = QLabel()
        self.final_name.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Hoogste niveau", self.ceiling)
        form.addRow("", self.ceiling_warning)
        form.addRow("&Bestand", row)
        form.addRow("", self.final_name)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Delen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.share)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count)
        left_title = QLabel("&Niet gedeeld (boven het niveau):")
        left_title.setBuddy(self.left_out)
        layout.addWidget(left_title)
        layout.addWidget(self.left_out)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.ceiling.currentIndexChanged.connect(self.update_preview)
        self.path.textChanged.connect(self.update_preview)
        self.update_preview()

    def chosen_ceiling(self) -> str:
        return str(self.ceiling.currentData())

    @Slot()
    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Annotaties delen", self.path.text(), "Annotaties (*.json)",
                                                options=QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            self.path.setText(chosen)

    def target(self, confidential: bool) -> Path:
        from briefer.annotate.files import confidential_name

        path = Path(self.path.text().strip())
        return confidential_name(path) if confidential else path

    @Slot()
    def update_preview(self) -> None:
        from briefer.annotate.files import share_preview

        ceiling = self.chosen_ceiling()
        self.ceiling_warning.setVisible(ceiling == str(Level.VERTROUWELIJK))
        preview = self.ws.query(share_preview, self.ws.ann, self.document.id, ceiling)
        if preview is None:
            return
        self.count.setText(f"{preview.count} annotatie(s) gaan mee.")
        self.left_out.setPlainText("\n".join(preview.left_out))
        if self.path.text().strip():
            target = self.target(preview.confidential)
            self.final_name.setText(f"Wordt opgeslagen als: {target.name}")
        self._confidential = preview.confidential

    @Slot()
    def share(self) -> Any:
        """Write the file (asking before replacing one); the dialog closes when it is written."""
        from briefer.annotate.files import share_document

        text = self.path.text().strip()
        if not text:
            self.message.setText("Kies eerst een bestand.")
            return None
        overwrite = False
        target = self.target(getattr(self, "_confidential", False))
        if target.exists():
            answer = QMessageBox.question(self, "Bestand vervangen?",
                                          f"{target.name} bestaat al. Vervangen?",
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return None
            overwrite = True
        try:
            result = share_document(self.ws.ann, self.document.id, text, ceiling=self.chosen_ceiling(),
                                    overwrite=overwrite,
                                    databases=tuple(p for p in (self.ws.db_path,) if p),
                                    author=self.ws.settings.user_name)
        except Exception as exc:
            self.message.setText(error_text(exc))
            return None
        self.result = result
        self.shared.emit(result)
        self.accept()
        return result
