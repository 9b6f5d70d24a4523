"""Core: suggestions computed in a separate process, for callers that must stay responsive (the app).

`suggest_document` is pure Python: on a thread of the app it holds the interpreter lock for as long
as it runs (15 s for a 15,000-item document) and every item switch waits for its turn. A
`SuggestionRunner` runs it in a helper process instead (`python -m briefer.suggest.background`,
started on first use and kept; it opens its own connection to the database file, and imports
neither Qt nor the app) and hands the result back in small pieces: one `pickle.loads` of the whole
result would hold the lock for 200–350 ms, pieces of `CHUNK` suggestions hold it for about a
millisecond each, and the waiting thread lets others run between them.

A computation that is no longer wanted (`cancelled()` turns True: another document was opened)
ends its process at once; the next one starts a fresh process. Where no process can be started
(a frozen app, a sandbox) it computes in the calling thread, as before. The helper ends with its
parent: it reads requests from a pipe the parent holds (closed when the parent dies), and it
checks every half second that its parent is still there.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from briefer.errors import BrieferError

_log = logging.getLogger(__name__)
CHUNK = 200  # suggestions per piece sent back (~1 ms to unpickle)
POLL_SECONDS = 0.05
_GROUPS = ("toezeggingen", "domains", "confidential", "references", "kamerstuk_references")
_HEADER = struct.Struct("!Q")


class SuggestionsCancelled(BrieferError):
    """Core: a background computation of suggestions was stopped because it is no longer wanted."""

    def __init__(self) -> None:
        super().__init__("Het berekenen van suggesties is gestopt; een ander document werd geopend.")


def _write(stream: IO[bytes], obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read(stream: IO[bytes]) -> Any:
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        raise EOFError("pipe closed")
    (size,) = _HEADER.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("pipe closed")
    return pickle.loads(data)


def _pieces(result: Any) -> list[tuple[str, bytes]]:
    """The result's suggestion lists cut into pickled pieces of CHUNK."""
    out: list[tuple[str, bytes]] = []
    for group in _GROUPS:
        values = getattr(result, group)
        for start in range(0, len(values), CHUNK):
            out.append((group, pickle.dumps(values[start: start + CHUNK], protocol=pickle.HIGHEST_PROTOCOL)))
    return out


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The helper process: compute what is asked on `stdin`, answer on `stdout`, until stdin closes
    (the parent ended, or stopped this helper)."""
    from briefer.store import Store
    from briefer.suggest.stored import suggest_document

    while True:
        try:
            db_path, document_id, domains = _read(stdin)
        except (EOFError, OSError):
            return
        try:
            with Store.open(db_path) as store:
                result = suggest_document(store, document_id, domains=domains)
            answer: tuple[str, Any, Any] = ("ok", result.reference_date, _pieces(result))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
            try:
                payload = pickle.dumps(exc)
            except Exception:  # noqa: BLE001 - an exception that does not pickle goes as text
                payload = pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))
            answer = ("error", payload, None)
        try:
            _write(stdout, answer)
        except (BrokenPipeError, OSError):
            return


def assemble(reference_date: str | None, pieces: list[tuple[str, bytes]],
             pause: Callable[[], None] = lambda: time.sleep(0)) -> Any:
    """A `Suggestions` from the pieces, unpickled one at a time with `pause()` in between."""
    from briefer.suggest.core import Suggestions

    result = Suggestions(reference_date=reference_date)
    for group, data in pieces:
        getattr(result, group).extend(pickle.loads(data))
        pause()
    return result


class SuggestionRunner:
    """Core: runs `suggest_document` in a helper process (see the module doc); one at a time.

    `compute` blocks the calling thread (never call it on a GUI thread) while leaving the
    interpreter to every other thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[Any] = queue.Queue()
        self.in_process = True  # False once starting a helper failed: compute in the thread

    def compute(self, db_path: str | Path, document_id: str, domains: list[Any] | None = None, *,
                cancelled: Callable[[], bool] = lambda: False) -> Any:
        """The document's suggestions (as `suggest_document`); `SuggestionsCancelled` when
        `cancelled()` turned True first, errors of the computation as they were raised."""
        with self._lock:
            if cancelled():
                raise SuggestionsCancelled()
            process = self._helper() if self.in_process else None
            if process is None or process.stdin is None:
                return self._in_thread(db_path, document_id, domains)
            try:
                _write(process.stdin, (str(db_path), document_id, domains))
            except OSError as exc:  # the helper is already gone: as below, without it
                _log.warning("hulpproces voor suggesties stopte (%s); verder zonder", exc)
                self.stop()
                self.in_process = False
                return self._in_thread(db_path, document_id, domains)
            while True:
                try:
                    answer = self._answers.get(timeout=POLL_SECONDS)
                    break
                except queue.Empty:
                    if cancelled():
                        self.stop()
                        raise SuggestionsCancelled() from None
            if isinstance(answer, BaseException):
                # the helper died without an answer (could not start Python or import Briefer,
                # was killed): compute here this time and from now on
                _log.warning("hulpproces voor suggesties stopte (%s); verder zonder", answer)
                self.stop()
                self.in_process = False
                return self._in_thread(db_path, document_id, domains)
        status, first, pieces = answer
        if status == "error":
            raise pickle.loads(first)
        return assemble(first, pieces)

    def _in_thread(self, db_path: str | Path, document_id: str, domains: list[Any] | None) -> Any:
        from briefer.store import Store
        from briefer.suggest.stored import suggest_document

        with Store.open(db_path) as store:
            return suggest_document(store, document_id, domains=domains)

    def _helper(self) -> subprocess.Popen[bytes] | None:
        """The running helper, started when needed (None: no helper possible here)."""
        if self._process is not None and self._process.poll() is None:
            return self._process
        self.stop()
        if getattr(sys, "frozen", False):
            self.in_process = False  # a frozen app's executable is not a Python interpreter
            return None
        # below normal priority (Windows here, POSIX in the helper itself): on a busy machine the
        # app's own threads get the cores first
        low = {"creationflags": getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)} if os.name == "nt" else {}
        package_root = str(Path(__file__).resolve().parents[2])  # the same Briefer as this process
        path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "briefer.suggest.background"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": path}, **low)
        except OSError as exc:
            _log.warning("suggesties worden zonder hulpproces berekend: %s", exc)
            self.in_process = False
            return None
        self._process = process
        self._answers = queue.Queue()
        threading.Thread(target=self._read_answers, args=(process, self._answers), daemon=True,
                         name="briefer-suggesties-lezer").start()
        return process

    @staticmethod
    def _read_answers(process: subprocess.Popen[bytes], answers: queue.Queue[Any]) -> None:
        """Move the helper's answers into `answers` (reading a pipe leaves the interpreter free)."""
        stream = process.stdout
        assert stream is not None
        try:
            while True:
                answers.put(_read(stream))
        except (EOFError, OSError, ValueError, pickle.UnpicklingError) as exc:
            answers.put(exc)
        finally:
            stream.close()

    def stop(self) -> None:
        """End the helper process (if any); the next computation starts a new one.

        The process goes first: its pipe then closes, and the thread reading it ends by itself
        (closing a pipe another thread is reading would wait for that read to finish)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(2)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(1)
        try:
            if process.stdin is not None:
                process.stdin.close()
        except OSError:
            pass


def _lower_priority() -> None:
    try:
        os.nice(10)
    except OSError:
        pass


def _exit_with_parent(parent: int) -> None:
    """End this helper when its parent is gone (it was killed while a computation ran here)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


if __name__ == "__main__":  # the helper process: python -m briefer.suggest.background
    answers_out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed by accident may corrupt the answers
    _lower_priority()
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    serve(sys.stdin.buffer, answers_out)
