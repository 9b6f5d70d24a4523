"""GUI: starting a worker QObject on its own QThread and tearing both down again.

The import queue and the export dialog each run one worker at a time: connect the worker's
signals (queued) first, then `start_worker`; when its result has arrived, `stop_worker`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread


def start_worker(parent: QObject, worker: QObject) -> QThread:
    """Move `worker` to a new thread owned by `parent`, run its `run` slot there and return the thread."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[attr-defined]
    thread.start()
    return thread


def stop_worker(thread: QThread | None, worker: QObject | None) -> None:
    """End `thread`'s event loop, wait for it, and schedule both objects for deletion."""
    if thread is not None:
        thread.quit()
        thread.wait()
        thread.deleteLater()
    if worker is not None:
        worker.deleteLater()
