"""GUI: importing files off the GUI thread, with a cancellable progress dialog.

`ImportWorker` runs `briefer.importer.import_file` on a QThread with its own database connection
(SQLite connections stay in the thread that made them); progress arrives as signals. The
`ImportController` queues files (menu, drag-and-drop, recent files, the command line, first
start), imports them in order with one QProgressDialog for the batch, and reports each result
and, at the end, a `BatchSummary` (imported, already present, refused with reasons, skipped).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
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


@dataclass
class BatchSummary:
    """GUI: what one batch of imports did: new documents, ones already present, refusals, skips."""

    imported: list[Any] = field(default_factory=list)  # ImportResult, created
    present: list[Any] = field(default_factory=list)  # ImportResult, already in the library
    refused: list[tuple[str, str]] = field(default_factory=list)  # file name, Dutch reason
    skipped: list[str] = field(default_factory=list)  # file names not started (cancelled)
    cancelled: bool = False
    errors: list[BaseException] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.imported) + len(self.present) + len(self.refused) + len(self.skipped)

    def lines(self) -> list[str]:
        """The summary in Dutch, one line per outcome (used by the dialog and the status bar)."""
        from briefer.gui.labels import document_label

        out = []
        if self.imported:
            out.append(f"Geïmporteerd ({len(self.imported)}): "
                       + "; ".join(document_label(r.document) for r in self.imported))
        if self.present:
            out.append(f"Al aanwezig ({len(self.present)}): " + "; ".join(document_label(r.document) for r in self.present))
        for name, reason in self.refused:
            out.append(f"Geweigerd: {name} — {reason}")
        if self.cancelled:
            out.append("Afgebroken: gestopt na het bestand dat bezig was"
                       + (f"; niet geïmporteerd: {', '.join(self.skipped)}." if self.skipped else "."))
        return out

    def short(self) -> str:
        parts = []
        if self.imported:
            parts.append(f"{len(self.imported)} geïmporteerd")
        if self.present:
            parts.append(f"{len(self.present)} al aanwezig")
        if self.refused:
            parts.append(f"{len(self.refused)} geweigerd")
        if self.skipped:
            parts.append(f"{len(self.skipped)} niet gestart (afgebroken)")
        return "Import klaar: " + ", ".join(parts) + "." if parts else "Niets geïmporteerd."


class ImportController(QObject):
    """GUI: a queue of files imported one after another on a worker thread, with one progress
    dialog for the whole batch and a summary at the end.

    Cancel (the dialog's button, or `cancel()`) stops after the file that is being imported and
    says so; `cancel(now=True)` also stops that one.

    `shutdown()` (the window closes) ends the controller for good: nothing queued or asked for
    later starts, the running import stops after its current page and is waited for, its progress
    dialog goes at once (its show timer too: a dialog appearing after the window closed would
    cancel Qt's pending quit and leave an invisible process), and no result still on its way is
    acted on. What the import committed stays committed; a cancelled one stored nothing."""

    imported = Signal(object)  # ImportResult (each file)
    failed = Signal(object)  # exception with a Dutch message (each file)
    cancelled = Signal(str)  # file name of an import stopped halfway (cancel(now=True))
    batch_finished = Signal(object)  # BatchSummary
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
        self._batch = BatchSummary()
        self._batch_size = 0
        self._stop_after_current = False
        self._closed = False

    def busy(self) -> bool:
        return self._thread is not None or bool(self._queue)

    @property
    def closed(self) -> bool:
        return self._closed

    def enqueue(self, paths: list[str | Path]) -> None:
        """Add files to the batch in order (a batch runs until the queue is empty); ignored after
        `shutdown()` (e.g. a queued first-start import whose window closed before it began)."""
        if self._closed:
            return
        new = [Path(p) for p in paths]
        self._queue.extend(new)
        self._batch_size += len(new)
        if self._thread is None:
            self._next()

    @Slot()
    def cancel(self, now: bool = False) -> None:
        """Stop after the current file (its import finishes); `now`: stop that one too."""
        if self._closed:
            return
        self._stop_after_current = True
        if self._dialog is not None:
            self._dialog.setLabelText("Importeren stopt na het bestand dat nu bezig is…")
            self._dialog.setCancelButtonText("")
        if now and self._worker is not None:
            self._worker.cancel()
        if self._thread is None:
            self._next()

    def shutdown(self) -> None:
        """The window closes: start nothing more, stop and wait for the running import, drop the
        results still on their way and remove the progress dialog (idempotent)."""
        self._closed = True
        self._queue.clear()
        self._drop_dialog()
        if self._worker is not None:
            self._worker.cancel()
        self._finish_worker()  # waits: the import ends after its current page (or its commit)
        if self._holding:
            switching.release()
            self._holding = False

    def _position(self) -> int:
        return self._batch_size - len(self._queue)  # 1-based number of the running file

    def _label(self, name: str, detail: str) -> str:
        head = f"Bestand {self._position()} van {self._batch_size}: " if self._batch_size > 1 else ""
        return f"{head}{name} — {detail}"

    def _next(self) -> None:
        if self._stop_after_current and self._queue:
            self._batch.skipped += [p.name for p in self._queue]
            self._batch.cancelled = True
            self._queue.clear()
        if not self._queue:
            self._end_batch()
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
            dialog = self._dialog or self._make_dialog()
            dialog.setRange(0, 0)
            dialog.setLabelText(self._label(path.name, "importeren…"))
        self._thread = start_worker(self, worker)

    def _make_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog("", "Stoppen na dit bestand", 0, 0, self._parent_widget)
        dialog.setWindowTitle("Importeren")
        dialog.setAccessibleName("Voortgang van het importeren")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # closing the dialog (Esc, the window's ✕) asks the same as the button: stop after this file
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog
        return dialog

    def _drop_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)  # closing it is not a cancel
            dialog.reset()  # stops its show timer (minimumDuration)
            dialog.close()
            dialog.deleteLater()

    def _end_batch(self) -> None:
        self._drop_dialog()
        if self._holding:
            switching.release()
            self._holding = False
        batch, self._batch = self._batch, BatchSummary()
        self._batch_size = 0
        self._stop_after_current = False
        if batch.total:
            self.batch_finished.emit(batch)
        self.idle.emit()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        dialog = self._dialog
        if self._closed or dialog is None or total <= 0 or self._stop_after_current:
            return
        name = self._worker.path.name if self._worker else ""
        if done >= total:  # every page read: structure and storing follow, without steps
            dialog.setLabelText(self._label(name, "vragen en antwoorden herkennen en opslaan…"))
            dialog.setRange(0, 0)
            return
        dialog.setLabelText(self._label(name, f"pagina {done} van {total}"))
        dialog.setRange(0, total)
        # Last: a shown, modal QProgressDialog processes events inside setValue, so the batch may
        # end (or the window close) in there; nothing of this controller is touched after it.
        dialog.setValue(min(done, total))

    def _finish_worker(self) -> None:
        stop_worker(self._thread, self._worker)
        self._thread, self._worker = None, None

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        if self._closed:
            return  # committed by the worker; the closed window does not open it
        self._finish_worker()
        (self._batch.imported if result.created else self._batch.present).append(result)
        self.imported.emit(result)
        self._next()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        path = self._worker.path if self._worker else None
        self._finish_worker()
        from briefer.gui.dialogs import error_text
        from briefer.importer import ImportCancelled

        name = path.name if path else ""
        if isinstance(exc, ImportCancelled):
            self._batch.cancelled = True
            self._batch.skipped.append(name)
            self.cancelled.emit(name)
        else:
            self._batch.refused.append((name, error_text(exc)))
            self._batch.errors.append(exc)
            self.failed.emit(exc)
        self._next()
