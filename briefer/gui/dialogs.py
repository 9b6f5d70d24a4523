"""GUI: small dialogs: error messages, the follow-up editor, the Kern editor (with a Markdown preview)
and the shortcuts overview."""

from __future__ import annotations

import sys
import traceback
from typing import Any

import markdown
from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefer.errors import is_user_facing
from briefer.gui.labels import KIND_LABELS, LEVEL_LABELS, STATUS_LABELS
from briefer.gui.theme import level_icon
from briefer.model import FollowUp, FollowUpKind, FollowUpStatus, Highlight, Level
from briefer.textutil import shorten


def error_text(exc: BaseException) -> str:
    """A core error's Dutch message as it is; for anything unexpected a Dutch sentence naming it
    (and its trace on stderr, so it is never lost)."""
    if is_user_facing(exc):
        return str(exc)
    traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    return (f"Er ging iets onverwachts mis ({type(exc).__name__}: {exc}). Uw eerdere wijzigingen zijn "
            "opgeslagen; probeer het opnieuw of meld deze fout.")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show a core error's Dutch message; anything unexpected also goes to stderr with its trace."""
    if is_user_facing(exc):
        QMessageBox.warning(parent, "Briefer", str(exc))
        return
    QMessageBox.critical(parent, "Briefer", error_text(exc))


AUTOMATIC_LEVEL = "Automatisch (volgt de passage)"


def level_combo(parent: QWidget | None = None, *, automatic: bool = False) -> QComboBox:
    """A level selector, each level with its icon; `automatic` adds a first choice (data None) that
    lets the core decide from the material (vertrouwelijk on a vertrouwelijk passage)."""
    combo = QComboBox(parent)
    combo.setAccessibleName("Niveau")
    if automatic:
        combo.addItem(AUTOMATIC_LEVEL, None)
    for level, label in LEVEL_LABELS.items():
        combo.addItem(level_icon(str(level)), label, str(level))
    return combo


def select_data(combo: QComboBox, value: str | None) -> None:
    idx = combo.findData(value)
    if idx >= 0:
        combo.setCurrentIndex(idx)


class FollowUpDialog(QDialog):
    """GUI: add or edit a vervolgactie (text, kind, owner, due date, status, level, passage)."""

    def __init__(self, parent: QWidget | None = None, *, followup: FollowUp | None = None,
                 highlights: list[Highlight] | None = None, highlight_id: str | None = None,
                 default_text: str = "", default_owner: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Vervolgactie bewerken" if followup else "Nieuwe vervolgactie")
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Wat moet er gebeuren? Bijv. 'Vragen naar de planning van de evaluatie'")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        self.text.setAccessibleName("Omschrijving van de vervolgactie")
        form.addRow("&Omschrijving", self.text)
        self.kind = QComboBox()
        for kind in FollowUpKind:
            self.kind.addItem(KIND_LABELS.get(kind, str(kind)), str(kind))
        form.addRow("&Soort", self.kind)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText("Wie pakt dit op?")
        form.addRow("&Eigenaar", self.owner)
        due_row = QHBoxLayout()
        self.has_due = QCheckBox("&Termijn")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd-MM-yyyy")
        self.due.setAccessibleName("Termijn")
        self.due.setDate(QDate.currentDate().addDays(14))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow("", due_row)
        self.status = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status.addItem(label, str(status))
        form.addRow("St&atus", self.status)
        self.level = level_combo(automatic=followup is None)
        self.level_warning = QLabel("VERTROUWELIJK — komt alleen in een als vertrouwelijk gemarkeerde briefing")
        self.level_warning.setObjectName("badge")
        self.level_warning.setWordWrap(True)  # the form column is narrower than the sentence
        self.level_warning.setVisible(False)
        self.level.currentIndexChanged.connect(self._level_changed)
        form.addRow("&Niveau", self.level)
        form.addRow("", self.level_warning)
        self.highlight = QComboBox()
        self.highlight.addItem("— geen —", None)
        for h in highlights or []:
            self.highlight.addItem(shorten(h.exact, 60), h.id)
        form.addRow("&Passage", self.highlight)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        if followup is not None:
            self.text.setPlainText(followup.text)
            select_data(self.kind, str(followup.kind))
            self.owner.setText(followup.owner)
            if followup.due:
                self.has_due.setChecked(True)
                self.due.setDate(QDate.fromString(followup.due[:10], Qt.DateFormat.ISODate))
            select_data(self.status, str(followup.status))
            select_data(self.level, str(followup.level))
            select_data(self.highlight, followup.highlight_id)
        else:
            self.text.setPlainText(default_text)
            self.owner.setText(default_owner)
            select_data(self.highlight, highlight_id)
        self._level_changed()

    @Slot()
    def _level_changed(self) -> None:
        self.level_warning.setVisible(self.level.currentData() == str(Level.VERTROUWELIJK))

    @Slot()
    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            QMessageBox.warning(self, "Briefer", "Vul een omschrijving in: wat moet er gebeuren?")
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        """The fields as keyword arguments for Annotations.add_followup / update_followup."""
        due = self.due.date().toString(Qt.DateFormat.ISODate) if self.has_due.isChecked() else None
        return {
            "text": self.text.toPlainText().strip(),
            "kind": FollowUpKind(self.kind.currentData()),
            "owner": self.owner.text().strip(),
            "due": due,
            "status": FollowUpStatus(self.status.currentData()),
            "level": Level(self.level.currentData()) if self.level.currentData() else None,
            "highlight_id": self.highlight.currentData(),
        }


class KernDialog(QDialog):
    """GUI: the document's own note, the "Kern" that opens a Kamerlidbriefing (Markdown)."""

    def __init__(self, parent: QWidget | None, *, title: str, body: str, level: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Kern — {title}")
        self.resize(560, 380)
        self.body = QPlainTextEdit(body)
        self.body.setAccessibleName("Kern van het document")
        self.body.setPlaceholderText("De kern van dit document in een paar punten (Markdown), bijv.\n"
                                     "- wat is nieuw\n- wat betekent het voor onze prioriteiten")
        self.preview = QTextBrowser()
        self.preview.setOpenExternalLinks(True)
        self.preview.setAccessibleName("Voorbeeld van de kern")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.body, "Bewerken")
        self.tabs.addTab(self.preview, "Voorbeeld")
        self.tabs.currentChanged.connect(self.render_preview)
        self.level = level_combo(automatic=level is None)
        select_data(self.level, level)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        level_label = QLabel("&Niveau")
        level_label.setBuddy(self.level)
        row.addWidget(level_label)
        row.addWidget(self.level)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("De kern komt bovenaan de Kamerlidbriefing."))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)

    @Slot()
    def render_preview(self) -> None:
        """The Markdown rendered as the briefing will show it (python-markdown, as the note editor)."""
        if self.tabs.currentWidget() is self.preview:
            body = self.body.toPlainText()
            self.preview.setHtml(markdown.markdown(body, extensions=["extra", "sane_lists"]) if body.strip()
                                 else "<p style='color:#5f6b7a'>Nog geen kern.</p>")


SHORTCUTS: list[tuple[str, str]] = [
    ("J / K", "Volgende / vorige vraag"),
    ("1 – 9", "Selectie (of, zonder selectie, de hele vraag) taggen met dat domein"),
    ("H", "Selectie markeren zonder domein"),
    ("N", "Notitie bij de vraag schrijven"),
    ("F", "Vervolgactie toevoegen"),
    ("Ctrl+Shift+N", "Kern van het document schrijven"),
    ("Ctrl+F", "Zoeken in dit document (telt de treffers)"),
    ("F3 / Shift+F3", "Volgende / vorige treffer (ook Enter / Shift+Enter in het zoekveld)"),
    ("O / I / V", "Niveau van de gekozen markering, vervolgactie of notitie: openbaar / intern / vertrouwelijk"),
    ("F2", "Eigen titel voor de vraag in het overzicht"),
    ("Ctrl+K", "Zoeken in alles (met filters)"),
    ("Ctrl+E", "Briefing exporteren"),
    ("Ctrl+Shift+C", "Vraag met antwoord en annotaties als tekst kopiëren (tot intern)"),
    ("Ctrl+Shift+Y", "Nu synchroniseren met de gedeelde map"),
    ("Ctrl+O", "Document importeren"),
    ("Ctrl+Z", "Ongedaan maken"),
    ("Ctrl+Shift+Z", "Opnieuw doen"),
    ("Ctrl+0 / 1 / 2 / 3 / 4", "Naar documenten / overzicht / lezer / inspector / vervolgacties"),
    ("Tab / Shift+Tab", "Naar het volgende / vorige paneel"),
    ("Ctrl+B", "Bron (PDF) van de vraag tonen"),
    ("Ctrl+G", "Naar vraag nummer…"),
    ("Ctrl+Shift+S", "Paneel Suggesties tonen of verbergen"),
    ("Enter / Del / N (in Suggesties)", "Suggestie overnemen / afwijzen / volgende (ongedaan te maken)"),
    ("Enter / Del (in de lezer)", "In een grijs gestippelde zin: suggestie overnemen / afwijzen"),
    ("Ctrl+Shift+H", "Gekozen verweesde markering op de geselecteerde tekst plaatsen"),
    ("Del (in Verweesde annotaties)", "Verweesde markering naar de prullenbak"),
    ("Ctrl+Plus / Ctrl+Min", "Grotere / kleinere letters in de lezer"),
    ("Del (in inspector)", "Markering of vervolgactie verwijderen"),
    ("Del (in documenten)", "Document verwijderen (met bevestiging)"),
    ("Enter (in overzicht)", "De vraag lezen (naar de lezer)"),
    ("Menutoets", "Contextmenu (markeren, niveau, status)"),
    ("F1", "Dit overzicht"),
]


class ShortcutsDialog(QDialog):
    """GUI: Help → Sneltoetsen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sneltoetsen")
        table = QTableWidget(len(SHORTCUTS), 2)
        table.setHorizontalHeaderLabels(["Toets", "Actie"])
        table.setAccessibleName("Sneltoetsen")
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, what) in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(what))
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(680, 600)
        table.setFocus()
