"""GUI: Bestand → Gedeelde map… — exchanging annotations with colleagues through a shared folder.

`SyncWorker` runs `briefer.annotate.folder.sync_folder` on a worker thread with its own database
connection; `SharedFolderController` keeps one worker at a time, syncs on demand and on start (the
folders this database synchronised with before are remembered in the database itself), and reports
`synced` (a SyncReport), `offline` (a Dutch line: the folder is not reachable; nothing is lost) or
`failed`. `SharedFolderDialog` is the dialog: choose or create the folder (a new folder gets a
ceiling, `intern` unless chosen otherwise, fixed from then on), sync now, and read what happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.dialogs import error_text, level_combo, select_data
from briefer.gui.threads import start_worker, stop_worker
from briefer.model import Level


class SyncWorker(QObject):
    """GUI: one sync with a shared folder, on a worker thread (its own connection)."""

    done = Signal(object)  # SyncReport
    failed = Signal(object)  # exception

    def __init__(self, db_path: Path, folder: Path, ceiling: str | None, author: str) -> None:
        super().__init__()
        self.db_path, self.folder, self.ceiling, self.author = db_path, folder, ceiling, author

    @Slot()
    def run(self) -> None:
        from briefer.annotate import Annotations
        from briefer.annotate.folder import sync_folder
        from briefer.store import Store

        try:
            with Store.open(self.db_path) as store:
                report = sync_folder(Annotations(store), self.folder, ceiling=self.ceiling,
                                     author=self.author, databases=(self.db_path,))
        except Exception as exc:
            self.failed.emit(exc)
        else:
            self.done.emit(report)


def known_folders(store: Any) -> list[dict[str, Any]]:
    """The shared folders this database synchronised with, most recent first."""
    from briefer.store.sync import SyncStore

    return SyncStore(store.db).folders()


def folder_ceiling(folder: Path) -> str | None:
    """The ceiling of an existing shared folder (None: not a shared folder yet, or unreadable)."""
    from briefer.annotate.folder import read_manifest

    try:
        manifest = read_manifest(folder) if folder.is_dir() else None
    except Exception:
        return None
    return None if manifest is None else str(manifest["ceiling"])


class SharedFolderController(QObject):
    """GUI: syncs with the shared folder on demand and on start; one worker at a time."""

    started = Signal()
    synced = Signal(object)  # SyncReport
    offline = Signal(str)  # Dutch: the folder cannot be reached now; nothing was lost
    failed = Signal(object)  # exception with a Dutch message

    def __init__(self, workspace: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._thread: QThread | None = None
        self._worker: SyncWorker | None = None
        self.last_report: Any = None

    def busy(self) -> bool:
        return self._thread is not None

    def folder(self) -> Path | None:
        """The folder synchronised with most recently (None: none yet)."""
        rows = self.ws.query(known_folders, self.ws.store, default=[])
        return Path(rows[0]["path"]) if rows else None

    def sync_on_start(self) -> bool:
        """Sync with the last folder, if there is one (quietly offline). True when a sync started."""
        folder = self.folder()
        return folder is not None and self.sync_now(folder)

    def sync_now(self, folder: str | Path | None = None, ceiling: str | None = None) -> bool:
        folder = Path(folder) if folder is not None else self.folder()
        if folder is None or self.busy() or self.ws.db_path is None:
            return False
        worker = SyncWorker(Path(self.ws.db_path), folder, ceiling, self.ws.settings.user_name)
        worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._worker = worker
        self._thread = start_worker(self, worker)
        self.started.emit()
        return True

    def wait(self, ms: int = 30000) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(ms)

    def _finish(self) -> None:
        stop_worker(self._thread, self._worker)
        self._thread, self._worker = None, None

    @Slot(object)
    def _on_done(self, report: Any) -> None:
        self._finish()
        self.last_report = report
        self.ws.changed.emit()  # what colleagues changed is in the tables now
        self.synced.emit(report)

    @Slot(object)
    def _on_failed(self, exc: Any) -> None:
        from briefer.annotate.folder import FolderUnreachable

        self._finish()
        if isinstance(exc, FolderUnreachable):
            self.offline.emit(str(exc))
        else:
            self.failed.emit(exc)


class SharedFolderDialog(QDialog):
    """GUI: choose (or create) the shared folder, see its ceiling, sync now and read the report."""

    def __init__(self, controller: SharedFolderController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Gedeelde map")
        self.resize(640, 420)
        self.controller = controller
        intro = QLabel("Collega's die dezelfde map kiezen (een netwerkschijf of een gesynchroniseerde "
                       "cloudmap) wisselen hun annotaties uit. Briefer schrijft alleen nieuwe bestanden in een "
                       "eigen submap en leest die van de anderen; het werkt ook offline en haalt later in.")
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setAccessibleName("Map")
        known = controller.folder()
        if known is not None:
            self.path.setText(str(known))
        browse = QPushButton("&Bladeren…")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.ceiling = level_combo()
        select_data(self.ceiling, str(Level.INTERN))
        self.ceiling_note = QLabel()
        self.ceiling_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Map", row)
        form.addRow("&Plafond", self.ceiling)
        form.addRow("", self.ceiling_note)
        self.sync_button = QPushButton("Nu &synchroniseren")
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self.sync)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText("Nog niet gesynchroniseerd in dit venster.")
        self.report.setAccessibleName("Verslag")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.report, 1)
        layout.addWidget(close)
        self.path.textChanged.connect(self.update_ceiling)
        self.ceiling.currentIndexChanged.connect(self.update_ceiling)
        controller.synced.connect(self._on_synced)
        controller.offline.connect(self._on_message)
        controller.failed.connect(self._on_failed)
        self.update_ceiling()

    @Slot()
    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Gedeelde map kiezen", self.path.text() or str(Path.home()))
        if chosen:
            self.path.setText(chosen)

    @Slot()
    def update_ceiling(self) -> None:
        """An existing shared folder shows its fixed ceiling; a new one lets the user choose."""
        text = self.path.text().strip()
        existing = folder_ceiling(Path(text)) if text else None
        if existing is not None:
            select_data(self.ceiling, existing)
            self.ceiling.setEnabled(False)
            self.ceiling_note.setText(f"Deze gedeelde map heeft plafond {existing}: niets daarboven wordt er "
                                      "ooit in geschreven (vastgelegd toen de map werd gemaakt).")
        else:
            self.ceiling.setEnabled(True)
            chosen = self.ceiling.currentData()
            extra = (" Bestanden met vertrouwelijk materiaal krijgen VERTROUWELIJK in hun naam."
                     if chosen == str(Level.VERTROUWELIJK) else "")
            self.ceiling_note.setText(f"Een nieuwe map krijgt plafond {chosen}; dat ligt daarna vast.{extra}")

    @Slot()
    def sync(self) -> bool:
        text = self.path.text().strip()
        if not text:
            self.report.setPlainText("Kies eerst een map.")
            return False
        ceiling = None if not self.ceiling.isEnabled() else self.ceiling.currentData()
        started = self.controller.sync_now(Path(text), ceiling)
        if started:
            self.sync_button.setEnabled(False)
            self.report.setPlainText("Bezig met synchroniseren…")
        return started

    @Slot(object)
    def _on_synced(self, report: Any) -> None:
        self.sync_button.setEnabled(True)
        self.report.setPlainText("\n".join(report.lines()))
        self.update_ceiling()

    @Slot(str)
    def _on_message(self, text: str) -> None:
        self.sync_button.setEnabled(True)
        self.report.setPlainText(text)

    @Slot(object)
    def _on_failed(self, exc: Any) -> None:
        self._on_message(error_text(exc))
