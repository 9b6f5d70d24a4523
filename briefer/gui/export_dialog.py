"""GUI: Ctrl+E, the export dialog: kind, ceiling, selection, template and file, with a live list
of what the ceiling and selection leave out (`briefer.export.left_out`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer import paths
from briefer.gui.dialogs import level_combo, select_data, show_error
from briefer.gui.theme import dot_icon
from briefer.model import Level, StoredDocument


def _checklist(entries: list[tuple[str, str, Any]]) -> QListWidget:
    lst = QListWidget()
    lst.setMaximumHeight(110)
    for label, value, icon in entries:
        entry = QListWidgetItem(label)
        if icon is not None:
            entry.setIcon(icon)
        entry.setData(Qt.ItemDataRole.UserRole, value)
        entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        entry.setCheckState(Qt.CheckState.Unchecked)
        lst.addItem(entry)
    return lst


def _checked(lst: QListWidget) -> list[str]:
    return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked]


class ExportDialog(QDialog):
    """GUI: choose and make a Word briefing of the open document."""

    def __init__(self, workspace: Any, document: StoredDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Briefing exporteren — {document.display_name}")
        self.setMinimumWidth(560)
        self.ws = workspace
        self.document = document
        self.result_path: Path | None = None
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem("Kamerlidbriefing (kort, politiek)", "kamerlid")
        self.kind.addItem("Technische briefing (volledig, met bronnen)", "technisch")
        form.addRow("Soort", self.kind)
        self.ceiling = level_combo()
        select_data(self.ceiling, str(Level.INTERN))
        form.addRow("Hoogste niveau", self.ceiling)
        self.ceiling_warning = QLabel("Vertrouwelijke annotaties gaan mee; elke pagina krijgt de markering "
                                      "VERTROUWELIJK.")
        self.ceiling_warning.setObjectName("badge")
        self.ceiling_warning.setWordWrap(True)
        form.addRow("", self.ceiling_warning)
        domains = workspace.query(workspace.ann.domains, default=[])
        self.domains = _checklist([(d.name, d.id, dot_icon(d.colour)) for d in domains])
        form.addRow("Domeinen\n(geen: alle)", self.domains)
        self.parties = _checklist([(p, p, None) for p in document.parties])
        form.addRow("Fracties\n(geen: alle)", self.parties)
        self.only_annotated = QCheckBox("Alleen vragen met een annotatie")
        self.only_annotated.setChecked(True)
        form.addRow("", self.only_annotated)
        self.by = QComboBox()
        self.by.addItem("Per fractie", "party")
        self.by.addItem("Per domein", "domain")
        form.addRow("Ordening", self.by)
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText("het Kamerlid")
        form.addRow("Aan", self.recipient)
        self.author = QLineEdit(workspace.settings.user_name)
        self.author.setPlaceholderText("uw naam")
        form.addRow("Van", self.author)
        self.template = QLineEdit(workspace.settings.template_path or "")
        self.template.setPlaceholderText("standaardsjabloon")
        form.addRow("Sjabloon", self._with_browse(self.template, self._browse_template))
        default_out = paths.default_export_dir() / f"briefing-{document.short_ref}.docx"
        self.out = QLineEdit(str(default_out))
        form.addRow("Opslaan als", self._with_browse(self.out, self._browse_out))
        self.left_out = QPlainTextEdit()
        self.left_out.setReadOnly(True)
        self.left_out.setMaximumHeight(110)
        self.left_out.setPlaceholderText("Niets wordt weggelaten.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Exporteren")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Wat deze keuze weglaat:"))
        layout.addWidget(self.left_out)
        layout.addWidget(buttons)

        self._bundles: list[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_left_out)
        for combo in (self.kind, self.ceiling, self.by):
            combo.currentIndexChanged.connect(self._timer.start)
        for lst in (self.domains, self.parties):
            lst.itemChanged.connect(self._timer.start)
        self.only_annotated.toggled.connect(self._timer.start)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.update_left_out()

    def _with_browse(self, edit: QLineEdit, handler: Any) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton("Bladeren…")
        button.clicked.connect(handler)
        row.addWidget(button)
        return box

    @Slot()
    def _browse_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Sjabloon kiezen", self.template.text(), "Word (*.docx)")
        if name:
            self.template.setText(name)

    @Slot()
    def _browse_out(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Briefing opslaan als", self.out.text(), "Word (*.docx)")
        if name:
            self.out.setText(name if name.lower().endswith(".docx") else name + ".docx")

    @Slot()
    def _kind_changed(self) -> None:
        self.by.setEnabled(self.kind.currentData() == "technisch")

    def bundles(self) -> list[Any]:
        if self._bundles is None:
            self._bundles = [self.ws.ann.bundle(self.document.id)]
        return self._bundles

    def options(self) -> Any:
        from briefer.export import BriefingOptions

        template = self.template.text().strip()
        return BriefingOptions(
            kind=self.kind.currentData(), ceiling=Level(self.ceiling.currentData()),
            domains=_checked(self.domains), parties=_checked(self.parties),
            only_annotated=self.only_annotated.isChecked(), by=self.by.currentData(),
            template=Path(template) if template else None, author=self.author.text().strip(),
            out=Path(self.out.text().strip()) if self.out.text().strip() else None,
            recipient=self.recipient.text().strip(),
        )

    @Slot()
    def update_left_out(self) -> None:
        self.ceiling_warning.setVisible(self.ceiling.currentData() == str(Level.VERTROUWELIJK))
        from briefer.export import left_out

        try:
            lines = left_out(self.bundles(), self.options())
        except Exception as exc:
            self.left_out.setPlainText(str(exc))
            return
        self.left_out.setPlainText("\n".join(f"• {line}" for line in lines))

    @Slot()
    def export(self) -> None:
        from briefer.export import export_briefing

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            opts = self.options()
            path = export_briefing(self.bundles(), opts, opts.out)
        except Exception as exc:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, exc)
            return
        QGuiApplication.restoreOverrideCursor()
        self.result_path = Path(path)
        settings = self.ws.settings
        settings.user_name = self.author.text().strip()
        settings.template_path = self.template.text().strip() or None
        QMessageBox.information(self, "Briefing opgeslagen", f"De briefing is opgeslagen als {path}.")
        self.accept()
