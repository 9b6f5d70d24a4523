"""GUI: importing files off the GUI thread, with a cancellable progress dialog.

`ImportWorker` runs `briefer.importer.import_file` on a QThread with its own database connection
(SQLite connections stay in the thread that made them); progress arrives as signals. The
`ImportController` queues files (menu, drag-and-drop, recent files, first start), shows a
QProgressDialog and reports each result or error back to the window.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefer.gui import switching
from briefer.gui.threads import start_worker, stop_worker

IMPORT_SWITCH_INTERVAL = switching.WORKER_SWITCH_INTERVAL  # sys.setswitchinterval while a worker imports


class ImportWorker(QObject):
    """GUI: imports one file on a worker thread; emits progress, then done or failed."""

    progress = Signal(int, int)  # pages done, pages total
    done = Signal(object)  # ImportResult
    failed = Signal(object)  # exception (ImportCancelled when cancelled)

    def __init__(self, db_path: Path, path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.path = path
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from briefer.importer import import_file
        from briefer.store import Store

        try:
            store = Store.open(self.db_path)
        except Exception as exc:
            self.failed.emit(exc)
            return
        try:
            result = import_file(store, self.path, progress=self.progress.emit, cancel=self._cancel.is_set)
        except Exception as exc:
            self.failed.emit(exc)
        else:
            self.done.emit(result)
        finally:
            store.close()


class ImportController(QObject):
    """GUI: a queue of files to import, one worker thread at a time, with a progress dialog."""

    imported = Signal(object)  # ImportResult
    failed = Signal(object)  # exception with a Dutch message
    cancelled = Signal(str)  # file name
    idle = Signal()  # the queue is empty again

    def __init__(self, db_path: Path, parent_widget: QWidget | None = None, *, show_progress: bool = True) -> None:
        super().__init__(parent_widget)
        self.db_path = db_path
        self._parent_widget = parent_widget
        self._show_progress = show_progress
        self._queue: list[Path] = []
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._dialog: QProgressDialog | None = None
        self._holding = False

    def busy(self) -> bool:
        return self._thread is not None or bool(self._queue)

    def enqueue(self, paths: list[str | Path]) -> None:
        self._queue.extend(Path(p) for p in paths)
        if self._thread is None:
            self._next()

    @Slot()
    def cancel(self) -> None:
        """Stop the running import and drop the queue."""
        self._queue.clear()
        if self._worker is not None:
            self._worker.cancel()

    def wait(self, ms: int = 30000) -> None:
        """Block until the current worker thread has finished (used at shutdown)."""
        if self._thread is not None:
            self.cancel()
            self._thread.quit()
            self._thread.wait(ms)

    def _next(self) -> None:
        if not self._queue:
            if self._holding:
                switching.release()
                self._holding = False
            self.idle.emit()
            return
        if not self._holding:
            # The worker thread runs Python (pypdf, parsing) and SQLite; with the default 5 ms GIL
            # switch interval the GUI thread was measured to starve for 250-700 ms at a time
            # (bench/gui_bench.py). 0.5 ms keeps the longest stall near 50 ms, at no cost in import time.
            switching.hold()
            self._holding = True
        path = self._queue.pop(0)
        worker = ImportWorker(self.db_path, path)
        worker.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        worker.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._worker = worker
        if self._show_progress:
            dialog = QProgressDialog(f"{path.name} importeren…", "Annuleren", 0, 0, self._parent_widget)
            dialog.setWindowTitle("Importeren")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            # not worker.cancel: the worker's thread is busy, a queued slot would run too late
            dialog.canceled.connect(self.cancel)
            self._dialog = dialog
        self._thread = start_worker(self, worker)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is not None and total > 0:
            name = self._worker.path.name if self._worker else ""
            if done >= total:  # every page read: structure and storing follow, without steps
                self._dialog.setRange(0, 0)
                self._dialog.setLabelText(f"{name}: vragen en antwoorden herkennen en opslaan…")
                return
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))
            self._dialog.setLabelText(f"{name} importeren… pagina {done} van {total}")

    def _finish(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        stop_worker(self._thread, self._worker)
        self._thread, self._worker = None, None

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self._finish()
        self.imported.emit(result)
        self._next()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        path = self._worker.path if self._worker else None
        self._finish()
        from briefer.importer import ImportCancelled

        if isinstance(exc, ImportCancelled):
            self.cancelled.emit(path.name if path else "")
        else:
            self.failed.emit(exc)
        self._next()
