"""GUI: what happens after the window is up: the check and backup worker, and the database banner.

Start-up paints the window first (issue 16); `StartupMaintenance` waits for the window's first
paint, then runs `briefer.store.maintenance.run_maintenance` on a worker thread (its own
connections, read-only towards the database). Its result comes back by signal: `finished` with the
`MaintenanceReport` (the app shows its notes in the status bar), or `damaged` with the
`DatabaseCorrupt` (the app stops writing and offers the backup).

`DatabaseBanner` is the strip above the window's content that says the database is read-only or
damaged; `attach_banner(window)` puts it in a fixed tool bar at the top, so the main window needs
no change for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

from briefer.gui.threads import start_worker, stop_worker
from briefer.store.backup import BackupPolicy

BANNER_STYLE = {
    "read_only": "background: #fff4ce; color: #3b2f00; border-bottom: 1px solid #e0c060;",
    "damaged": "background: #fde7e9; color: #5c0a12; border-bottom: 1px solid #d13438;",
}


class MaintenanceWorker(QObject):
    """GUI (worker): runs one maintenance pass off the GUI thread."""

    finished = Signal(object)  # MaintenanceReport
    damaged = Signal(object)  # DatabaseCorrupt (with .backup)
    failed = Signal(object)  # any other exception

    def __init__(self, db_path: Path, policy: BackupPolicy) -> None:
        super().__init__()
        self.db_path = db_path
        self.policy = policy

    @Slot()
    def run(self) -> None:
        from briefer.store import DatabaseCorrupt
        from briefer.store.maintenance import run_maintenance

        _lower_this_threads_priority()
        try:
            report = run_maintenance(self.db_path, self.policy)
        except DatabaseCorrupt as exc:
            self.damaged.emit(exc)
            return
        except Exception as exc:  # reported, never swallowed
            self.failed.emit(exc)
            return
        self.finished.emit(report)


def _lower_this_threads_priority() -> None:
    """Let the GUI thread win the CPU from this one (Linux: `nice` per thread; elsewhere nothing)."""
    import contextlib
    import os
    import sys
    import threading

    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


class StartupMaintenance(QObject):
    """GUI: starts the maintenance worker once `window` has painted (or after `fallback_ms`)."""

    finished = Signal(object)
    damaged = Signal(object)
    failed = Signal(object)

    def __init__(self, window: QWidget, db_path: Path, policy: BackupPolicy, *,
                 fallback_ms: int = 2000) -> None:
        super().__init__(window)
        self._window = window
        self._db_path = db_path
        self._policy = policy
        self._thread: QThread | None = None
        self._worker: MaintenanceWorker | None = None
        self.started = False
        self.done = False
        self._app = QApplication.instance()
        self._app.installEventFilter(self)  # until the first paint of any part of the window
        QTimer.singleShot(fallback_ms, self.start)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.started and isinstance(obj, QWidget) \
                and obj.window() is self._window:
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self.start)  # after this paint has reached the screen
        return False

    @Slot()
    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self._app.removeEventFilter(self)
        self._worker = MaintenanceWorker(self._db_path, self._policy)
        self._worker.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._worker.damaged.connect(self._on_damaged, Qt.ConnectionType.QueuedConnection)
        self._worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._thread = start_worker(self, self._worker)

    def _stop(self) -> None:
        self.done = True
        stop_worker(self._thread, self._worker)
        self._thread = self._worker = None

    @Slot(object)
    def _on_finished(self, report: Any) -> None:
        self._stop()
        self.finished.emit(report)

    @Slot(object)
    def _on_damaged(self, exc: Any) -> None:
        self._stop()
        self.damaged.emit(exc)

    @Slot(object)
    def _on_failed(self, exc: Any) -> None:
        self._stop()
        self.failed.emit(exc)

    def wait(self) -> None:
        """Block until the worker has finished (closing the window, tests)."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()


class DatabaseBanner(QWidget):
    """GUI: a strip that says the database is read-only or damaged, with the action that helps."""

    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.restore_button = QPushButton("Reservekopie terugzetten…")
        self.restore_button.clicked.connect(self.restore_requested.emit)
        layout.addWidget(self.restore_button)
        self.kind: str | None = None

    def show_read_only(self, db_path: Path) -> None:
        self._show("read_only", f"Alleen lezen: de database {db_path} kan niet worden gewijzigd (bestand of "
                                "map is alleen-lezen). U kunt lezen en exporteren; wijzigingen worden niet "
                                "opgeslagen.", restore=False)

    def show_damaged(self, message: str, *, can_restore: bool) -> None:
        self._show("damaged", f"Beschadigd: {message} Briefer slaat niets meer op in dit bestand.",
                   restore=can_restore)

    def _show(self, kind: str, text: str, *, restore: bool) -> None:
        self.kind = kind
        self.label.setText(text)
        self.setStyleSheet(f"#databaseBanner {{ {BANNER_STYLE[kind]} }} QLabel {{ color: inherit; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.restore_button.setVisible(restore)
        self.show()


def attach_banner(window: QMainWindow) -> DatabaseBanner:
    """A hidden-until-needed `DatabaseBanner` in the window's banner area (above the reader)."""
    banner = DatabaseBanner()
    banner.setAccessibleName("Melding over de database")
    banner.hide()
    window.add_banner(banner)  # type: ignore[attr-defined]
    window.database_banner = banner  # type: ignore[attr-defined]
    return banner
