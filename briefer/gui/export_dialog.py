"""GUI: Ctrl+E, the export dialog: kind, ceiling, selection, Onderwerp, Aan, Van, template and file,
with a live outline of what the briefing will contain and its estimated length in pages
(`briefer.export.preview`, computed on a worker thread) next to the list of what the ceiling and
selection leave out (`briefer.export.left_out`).

The Word file is written on a worker thread (`ExportWorker`; a long technische briefing takes a
while), with the core's step names as progress. An existing file is replaced only when the user
said so: in the save dialog (which asks itself) or in the question this dialog asks for a typed
name; a folder gets the default name, numbered when taken. The open database is never a target.
The dialog remembers its choices in the settings, except a confidential ceiling, which the user
chooses anew every time, and the Onderwerp, which belongs to one debate.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
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
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer import paths
from briefer.export import ExportError, default_subject
from briefer.gui.dialogs import error_text, level_combo, select_data, show_error
from briefer.gui.labels import document_label
from briefer.gui.theme import dot_icon
from briefer.gui.threads import start_worker, stop_worker
from briefer.model import Level, StoredDocument
from briefer.safefile import ProtectedTarget, is_protected


def _checklist(entries: list[tuple[str, str, Any]]) -> QListWidget:
    lst = QListWidget()
    for label, value, icon in entries:
        entry = QListWidgetItem(label)
        if icon is not None:
            entry.setIcon(icon)
        entry.setData(Qt.ItemDataRole.UserRole, value)
        entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        entry.setCheckState(Qt.CheckState.Unchecked)
        lst.addItem(entry)
    rows = min(6, max(1, lst.count()))
    lst.setFixedHeight(rows * max(20, lst.sizeHintForRow(0)) + 2 * lst.frameWidth() + 4)
    return lst


def _checked(lst: QListWidget) -> list[str]:
    return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked]


def open_file(path: Path) -> bool:
    """Open a written briefing in the user's word processor."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportWorker(QObject):
    """GUI: runs `briefer.export.export_briefing` on a worker thread; progress as step names."""

    progress = Signal(str)
    done = Signal(object)  # Path written
    failed = Signal(object)  # exception

    def __init__(self, bundles: list[Any], options: Any, *, overwrite: bool = False,
                 databases: tuple[Path, ...] = ()) -> None:
        super().__init__()
        self.bundles, self.options = bundles, options
        self.overwrite, self.databases = overwrite, databases
        self.thread_ident: int | None = None  # where run() ran (tests check it is not the GUI thread)

    @Slot()
    def run(self) -> None:
        from briefer.export import export_briefing

        self.thread_ident = threading.get_ident()
        try:
            path = export_briefing(self.bundles, self.options, self.options.out, progress=self.progress.emit,
                                   overwrite=self.overwrite, databases=self.databases)
        except Exception as exc:
            self.failed.emit(exc)
        else:
            self.done.emit(Path(path))


class PreviewWorker(QObject):
    """GUI: computes `briefer.export.preview` (outline and estimated pages) on a worker thread."""

    done = Signal(int, object)  # generation, Preview
    failed = Signal(int, object)  # generation, exception

    def __init__(self, generation: int, bundles: list[Any], options: Any) -> None:
        super().__init__()
        self.generation, self.bundles, self.options = generation, bundles, options

    @Slot()
    def run(self) -> None:
        from briefer.export import preview

        try:
            result = preview(self.bundles, self.options)
        except Exception as exc:
            self.failed.emit(self.generation, exc)
        else:
            self.done.emit(self.generation, result)


class ExportDialog(QDialog):
    """GUI: choose and make a Word briefing of the open document (written off the GUI thread)."""

    exported = Signal(object)  # Path of the written briefing

    def __init__(self, workspace: Any, document: StoredDocument, parent: QWidget | None = None, *,
                 opener: Callable[[Path], bool] = open_file) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Briefing exporteren — {document_label(document)}")
        self.setMinimumWidth(580)
        self.ws = workspace
        self.document = document
        self.result_path: Path | None = None
        self._opener = opener
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None
        self.worker_thread_ident: int | None = None
        settings = workspace.settings
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox()
        self.kind.addItem("Kamerlidbriefing (kort, politiek)", "kamerlid")
        self.kind.addItem("Technische briefing (volledig, met bronnen)", "technisch")
        select_data(self.kind, settings.export_kind)
        form.addRow("&Soort", self.kind)
        self.ceiling = level_combo()
        remembered = settings.export_ceiling if settings.export_ceiling != str(Level.VERTROUWELIJK) else "intern"
        select_data(self.ceiling, remembered)
        form.addRow("&Hoogste niveau", self.ceiling)
        self.ceiling_warning = QLabel("Vertrouwelijke annotaties gaan mee; elke pagina krijgt de markering "
                                      "VERTROUWELIJK.")
        self.ceiling_warning.setObjectName("badge")
        self.ceiling_warning.setWordWrap(True)
        form.addRow("", self.ceiling_warning)
        domains = workspace.query(workspace.ann.domains, default=[])
        self.domains = _checklist([(d.name, d.id, dot_icon(d.colour)) for d in domains])
        form.addRow("&Domeinen\n(geen: alle)", self.domains)
        self.parties = _checklist([(p, p, None) for p in document.parties])
        if document.parties:
            form.addRow("&Fracties\n(geen: alle)", self.parties)
        self.only_annotated = QCheckBox("Alleen vragen met een annotatie")
        self.only_annotated.setChecked(settings.export_only_annotated)
        form.addRow("", self.only_annotated)
        self.by = QComboBox()
        self.by.addItem("Per fractie", "party")
        self.by.addItem("Per domein", "domain")
        select_data(self.by, settings.export_by)
        form.addRow("&Ordening", self.by)
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(default_subject([document]))
        self.subject.setToolTip("Waar de briefing voor is, bijv. 'Commissiedebat Strategische afhankelijkheden, "
                                "12 december'. Leeg: de titel van het stuk.")
        form.addRow("O&nderwerp", self.subject)
        self.recipient = QLineEdit(settings.export_recipient)
        self.recipient.setPlaceholderText("naam van het Kamerlid (leeg: weggelaten)")
        form.addRow("&Aan", self.recipient)
        self.author = QLineEdit(settings.user_name)
        self.author.setPlaceholderText("uw naam (leeg: weggelaten)")
        form.addRow("&Van", self.author)
        self.template = QLineEdit(settings.template_path or "")
        self.template.setPlaceholderText("standaardsjabloon")
        form.addRow("S&jabloon", self._with_browse(self.template, self._browse_template, "Sjabloon kiezen"))
        self.out = QLineEdit(settings.export_dir or str(paths.default_export_dir()))
        self.out.setToolTip("Een map (de naam wordt dan bijv. '2026-11-27 Kamerlidbriefing 30821-196.docx', "
                            "genummerd als die al bestaat) of een .docx-bestand. Een bestaand bestand wordt "
                            "alleen vervangen als u dat bevestigt.")
        form.addRow("Opslaan &in", self._with_browse(self.out, self._browse_out, "Bestand kiezen"))
        self.open_after = QCheckBox("Briefing na het exporteren openen")
        self.open_after.setChecked(settings.export_open_after)
        form.addRow("", self.open_after)
        self.left_out = QPlainTextEdit()
        self.left_out.setReadOnly(True)
        self.left_out.setTabChangesFocus(True)
        self.left_out.setMaximumHeight(130)
        self.left_out.setPlaceholderText("Niets wordt weggelaten.")
        self.outline = QPlainTextEdit()
        self.outline.setReadOnly(True)
        self.outline.setTabChangesFocus(True)
        self.outline.setMaximumHeight(130)
        self.outline.setPlaceholderText("Wordt berekend…")
        self.outline_title = QLabel("&Inhoud:")
        self.outline_title.setBuddy(self.outline)
        self.pages: int | None = None  # the estimated length of the last preview
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress_label = QLabel("")
        self.progress_label.setObjectName("muted")
        for w in (self.progress, self.progress_label):
            w.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("E&xporteren")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        left_title = QLabel("&Wat deze keuze weglaat:")
        left_title.setBuddy(self.left_out)
        columns = QHBoxLayout()
        for title, view in ((self.outline_title, self.outline), (left_title, self.left_out)):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view)
            columns.addLayout(column, 1)
        layout.addLayout(columns)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._form_widgets = [self.kind, self.ceiling, self.domains, self.parties, self.only_annotated, self.by,
                              self.subject, self.recipient, self.author, self.template, self.out, self.open_after]

        self._bundles: list[Any] | None = None
        self._confirmed: Path | None = None  # a file the save dialog already confirmed replacing
        self._preview_gen = 0
        self._preview_shown = 0
        self._preview_pending = False
        self._preview_thread: QThread | None = None
        self._preview_worker: PreviewWorker | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_left_out)
        for combo in (self.kind, self.ceiling, self.by):
            combo.currentIndexChanged.connect(self._timer.start)
        for lst in (self.domains, self.parties):
            lst.itemChanged.connect(self._timer.start)
        self.only_annotated.toggled.connect(self._timer.start)
        for edit in (self.subject, self.recipient, self.author, self.template):
            edit.textChanged.connect(self._timer.start)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.update_left_out()
        self.kind.setFocus()

    def _with_browse(self, edit: QLineEdit, handler: Any, tip: str) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton("Bladeren…")
        button.setToolTip(tip)
        button.clicked.connect(handler)
        row.addWidget(button)
        box.setFocusProxy(edit)
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
            name = name if name.lower().endswith(".docx") else name + ".docx"
            self.out.setText(name)
            # the save dialog asked before choosing an existing file: that counts as the user's consent
            self._confirmed = Path(name).expanduser()

    @Slot()
    def _kind_changed(self) -> None:
        self.by.setEnabled(self.kind.currentData() == "technisch")

    def bundles(self) -> list[Any]:
        if self._bundles is None:
            self._bundles = [self.ws.ann.bundle(self.document.id)]
        return self._bundles

    def target(self) -> Path | None:
        """The file or folder to write to; a folder is created when needed."""
        text = self.out.text().strip()
        return Path(text).expanduser() if text else None

    def options(self) -> Any:
        from briefer.export import BriefingOptions

        template = self.template.text().strip()
        return BriefingOptions(
            kind=self.kind.currentData(), ceiling=Level(self.ceiling.currentData()),
            domains=_checked(self.domains), parties=_checked(self.parties),
            only_annotated=self.only_annotated.isChecked(), by=self.by.currentData(),
            template=Path(template) if template else None, author=self.author.text().strip(),
            out=self.target(), recipient=self.recipient.text().strip(), subject=self.subject.text().strip(),
        )

    @Slot()
    def update_left_out(self) -> None:
        self.ceiling_warning.setVisible(self.ceiling.currentData() == str(Level.VERTROUWELIJK))
        from briefer.export import left_out

        try:
            lines = left_out(self.bundles(), self.options())
        except Exception as exc:
            self.left_out.setPlainText(error_text(exc))
            return
        self.left_out.setPlainText("\n".join(f"• {line}" for line in lines))
        self.request_preview()

    # -- the outline and its estimated length (worker thread) -----------------------------------

    def request_preview(self) -> None:
        """Compute the outline for the current choices (again, when a computation is running)."""
        self._preview_gen += 1
        if self._preview_thread is not None:
            self._preview_pending = True
            return
        try:
            bundles, opts = self.bundles(), self.options()
        except Exception:
            return  # update_left_out shows the problem
        worker = PreviewWorker(self._preview_gen, bundles, opts)
        worker.done.connect(self._on_preview, Qt.ConnectionType.QueuedConnection)
        worker.failed.connect(self._on_preview_failed, Qt.ConnectionType.QueuedConnection)
        self._preview_worker = worker
        self._preview_thread = start_worker(self, worker)

    def preview_ready(self) -> bool:
        """True when the outline shows the current choices."""
        return self._preview_shown == self._preview_gen and self._preview_thread is None

    def _stop_preview(self) -> None:
        stop_worker(self._preview_thread, self._preview_worker)
        self._preview_thread, self._preview_worker = None, None

    @Slot(int, object)
    def _on_preview(self, generation: int, result: Any) -> None:
        self._stop_preview()
        if generation == self._preview_gen:
            self._preview_shown = generation
            self.pages = result.pages
            word = "pagina" if result.pages == 1 else "pagina's"
            self.outline_title.setText(f"&Inhoud (ongeveer {result.pages} {word}):")
            self.outline.setPlainText("\n".join(f"• {line}" for line in result.outline))
        self._next_preview()

    @Slot(int, object)
    def _on_preview_failed(self, generation: int, exc: BaseException) -> None:
        self._stop_preview()
        if generation == self._preview_gen:
            self._preview_shown = generation
            self.pages = None
            self.outline_title.setText("&Inhoud:")
            self.outline.setPlainText(error_text(exc))
        self._next_preview()

    def _next_preview(self) -> None:
        if self._preview_pending:
            self._preview_pending = False
            self._preview_gen -= 1  # request_preview counts this one again
            self.request_preview()

    def busy(self) -> bool:
        return self._thread is not None

    @Slot()
    def export(self) -> None:
        """Start writing the briefing on a worker thread; the dialog closes when it is written."""
        if self.busy():
            return
        try:
            bundles, opts = self.bundles(), self.options()
            target = opts.out
            overwrite = False
            db = getattr(self.ws, "db_path", None)
            databases = (db,) if db else ()
            if target is not None and is_protected(target, databases):
                raise ProtectedTarget(target)
            if target is not None and target.suffix.lower() != ".docx" and not target.is_file():
                try:
                    target.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise ExportError(f"De map {target} kan niet worden gemaakt: kies een andere map.") from exc
            elif target is not None and target.suffix.lower() == ".docx" and target.is_file():
                overwrite = target == self._confirmed or self._confirm_replace(target)
                if not overwrite:
                    return
        except Exception as exc:
            show_error(self, exc)
            return
        self._set_busy(True, "Briefing voorbereiden…")
        worker = ExportWorker(bundles, opts, overwrite=overwrite, databases=databases)
        worker.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._worker = worker
        self._thread = start_worker(self, worker)

    def _confirm_replace(self, target: Path) -> bool:
        """Ask before replacing a file the user typed (the save dialog asks for a chosen one itself)."""
        answer = QMessageBox.question(
            self, "Bestand vervangen?",
            f"{target.name} bestaat al in {target.parent}. Wilt u het vervangen door deze briefing?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for w in self._form_widgets:
            w.setEnabled(not busy)
        if not busy:
            self._kind_changed()
        self.buttons.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.progress_label.setText(text)

    @Slot(str)
    def _on_progress(self, step: str) -> None:
        self.progress_label.setText(f"{step}…")

    def _stop_thread(self) -> None:
        stop_worker(self._thread, self._worker)
        self._thread, self._worker = None, None

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._stop_thread()
        self._set_busy(False)
        show_error(self, exc)

    @Slot(object)
    def _on_done(self, path: Path) -> None:
        self.worker_thread_ident = self._worker.thread_ident if self._worker else None
        self._stop_thread()
        self._set_busy(False)
        self.result_path = path
        self.remember_choices()
        if self.open_after.isChecked() and not self._opener(path):
            show_error(self, OSError(f"De briefing is opgeslagen als {path}, maar kon niet worden geopend; "
                                     "open het bestand zelf in Word."))
        self.exported.emit(path)
        self.accept()

    def remember_choices(self) -> None:
        """Keep this export's choices for next time (not a confidential ceiling)."""
        s = self.ws.settings
        s.user_name = self.author.text().strip()
        s.template_path = self.template.text().strip() or None
        s.export_kind = self.kind.currentData()
        ceiling = self.ceiling.currentData()
        s.export_ceiling = ceiling if ceiling != str(Level.VERTROUWELIJK) else str(Level.INTERN)
        s.export_by = self.by.currentData()
        s.export_only_annotated = self.only_annotated.isChecked()
        s.export_open_after = self.open_after.isChecked()
        s.export_recipient = self.recipient.text().strip()
        target = self.target()
        if target is not None:
            folder = target.parent if target.suffix.lower() == ".docx" else target
            s.export_dir = "" if folder == paths.default_export_dir() else str(folder)

    def reject(self) -> None:
        if self.busy():  # the file is being written; let it finish
            return
        super().reject()

    def done(self, result: int) -> None:
        self._timer.stop()
        self._preview_pending = False
        self._stop_preview()
        super().done(result)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self._stop_preview()
        super().closeEvent(event)
