"""Core: reading a large PDF's pages in worker processes.

A pool starts clean ("forkserver" where available, safe beside GUI threads; else "spawn"), each
worker opens the file once and describes its fonts once. Workers end with the process that
started them, even when that one is killed (`_end_with_parent`).
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.context
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from briefer.ingest.errors import CorruptFile
from briefer.ingest.pdfpage import PageText, open_pdf, page_text
from briefer.ingest.pdfspans import FontCache

_log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]

_worker_reader: Any = None
_worker_fonts: FontCache | None = None


def _init_worker(path: str) -> None:
    global _worker_reader, _worker_fonts
    _end_with_parent()
    _worker_reader = open_pdf(Path(path))
    _worker_fonts = FontCache()


def _end_with_parent() -> None:
    """A worker ends when the process that started the pool ends, even when that one was killed.

    A pool worker holds both ends of its task queue, so a dead parent alone never wakes it: it
    would wait for work forever. A thread waits on the parent's sentinel (a pipe that closes when
    the parent dies, under forkserver and spawn alike) and ends the worker at once.
    """
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="briefer-parent-watch", daemon=True).start()


def _work(index: int) -> PageText | str:
    """Extract one page in a worker; a failure comes back as text (exceptions pickle badly)."""
    try:
        return page_text(_worker_reader.pages[index], index + 1, _worker_fonts)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises CorruptFile
        return f"{type(exc).__name__}: {exc}"


def _context() -> multiprocessing.context.BaseContext:
    """A clean process start: "forkserver" where available (safe beside GUI threads), else "spawn"."""
    method = os.environ.get("BRIEFER_MP_START")
    if method is None:
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def executor(workers: int, path: Path) -> ProcessPoolExecutor:
    """A pool of `workers` processes, each with the PDF at `path` open."""
    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init_worker, initargs=(str(path),))


def pooled_pages(path: Path, total: int, workers: int, progress: Progress | None) -> list[PageText]:
    """Pages read by a pool, in order; fewer (the rest for the caller) when processes cannot start here."""
    results: list[PageText] = []
    if multiprocessing.current_process().daemon:
        return results  # a daemonic process (itself a pool worker) may not start processes
    try:
        with executor(workers, path) as pool:
            chunk = max(1, total // (workers * 8))
            for res in pool.map(_work, range(total), chunksize=chunk):
                if isinstance(res, str):
                    raise CorruptFile(path, f"pagina {len(results) + 1} is beschadigd")
                results.append(res)
                if progress:
                    progress(len(results), total)
    except (BrokenProcessPool, OSError, RuntimeError) as exc:
        # no worker processes here (sandbox, frozen app): the pages left are read in-process
        _log.warning("PDF-pagina's zonder hulpprocessen gelezen: %s", exc)
    return results
