"""GUI: Help → Over Briefer: version, build and where this Briefer keeps its files.

The details come from `briefer.buildinfo` (the same as `briefer --version`), with the Qt version
the app really runs on. "Gegevens kopiëren" puts them on the clipboard as plain text, for a
support request. Wiring: `AboutDialog(window, db_path=ws.db_path).exec()`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import Qt, Slot, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer import paths
from briefer.buildinfo import BuildInfo, build_info

TAGLINE = "Kamerstukken lezen, annoteren en briefings maken."


def about_rows(info: BuildInfo, db_path: Path | None = None) -> list[tuple[str, str]]:
    """Everything the dialog shows, as (label, value) rows: the build, then the folders."""
    rows = [(label, f"{value} (PySide6 {PYSIDE_VERSION})" if label == "Qt" else value)
            for label, value in info.rows()]
    rows.append(("Gegevensmap", str(paths.data_dir())))
    if db_path is not None:
        rows.append(("Database", str(db_path)))
        rows.append(("Reservekopieën", str(paths.backup_dir(Path(db_path)))))
    rows.append(("Exportmap", str(paths.default_export_dir())))
    return rows


class AboutDialog(QDialog):
    """GUI: "Over Briefer": version, commit, build date, Python/Qt, data folders; copyable."""

    def __init__(self, parent: QWidget | None = None, *, db_path: Path | None = None,
                 info: BuildInfo | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Over Briefer")
        self.info = info or build_info(qt=qVersion())
        self.rows = about_rows(self.info, db_path)

        title = QLabel(f"<b style='font-size:16pt'>Briefer</b>&nbsp;&nbsp;{self.info.version}")
        title.setObjectName("aboutTitle")
        tagline = QLabel(TAGLINE)
        tagline.setObjectName("muted")

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.value_labels: dict[str, QLabel] = {}
        for label, value in self.rows:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(f"{label}:", field)
            self.value_labels[label] = field

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Sluiten")
        self.copy_button = QPushButton("Gegevens &kopiëren")
        self.copy_button.setToolTip("Versie en mappen naar het klembord, bijvoorbeeld voor een foutmelding")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        self.copied = QLabel("")
        self.copied.setObjectName("muted")

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(tagline)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        close.setFocus()

    def details_text(self) -> str:
        """The dialog's contents as plain text, one "Label: waarde" per line."""
        return "\n".join([f"Briefer {self.info.version}"] + [f"{label}: {value}" for label, value in self.rows])

    @Slot()
    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details_text())
        self.copied.setText("Gekopieerd naar het klembord.")
