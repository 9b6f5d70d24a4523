"""GUI: starting a worker QObject on its own QThread and tearing both down again.

The import queue, the suggestions and the export dialog run their workers through `start_worker`:
connect the worker's signals (queued) first, then `start_worker`; when its result has arrived,
`stop_worker`. Every thread started here is known until it has ended, so the window can wait for
all of them when it closes (`wait_all`): a Python process must never end while a QThread runs
(Qt aborts: "QThread: Destroyed while thread is still running").
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread
from shiboken6 import Shiboken

_running: list[QThread] = []  # started here and not yet waited for


def start_worker(parent: QObject, worker: QObject) -> QThread:
    """Move `worker` to a new thread owned by `parent`, run its `run` slot there and return the thread."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[attr-defined]
    _forget_finished()
    _running.append(thread)
    thread.start()
    return thread


def stop_worker(thread: QThread | None, worker: QObject | None) -> None:
    """End `thread`'s event loop, wait for it, and schedule both objects for deletion."""
    if thread is not None:
        thread.quit()
        thread.wait()
        if thread in _running:
            _running.remove(thread)
        thread.deleteLater()
    if worker is not None:
        worker.deleteLater()


def running() -> list[QThread]:
    """The worker threads started here that are still running."""
    _forget_finished()
    return list(_running)


def wait_all() -> None:
    """Block until every worker thread started here has ended (the window is closing).

    Their workers finish what they are doing (an import that was told to cancel stops after its
    current page; a briefing being written is finished), so nothing half-done is left behind."""
    for thread in list(_running):
        if Shiboken.isValid(thread):
            thread.quit()
            thread.wait()
    _running.clear()


def _forget_finished() -> None:
    _running[:] = [t for t in _running if Shiboken.isValid(t) and not t.isFinished()]
