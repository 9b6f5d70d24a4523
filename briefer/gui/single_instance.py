"""GUI: one Briefer per user and database; "Open with" while it runs goes to the running window.

`briefer-app FILE …` started while Briefer already runs on the same database hands the files to
the running window (which imports them in order, opens the first and comes to the front) and
exits; started without files it only brings the running window to the front. The channel is a
QLocalServer (a Unix socket in the temp folder, readable by this user only; a named pipe on
Windows) whose name is derived from the user and the database's real path, so a second database
gets its own Briefer. If the running Briefer does not answer within a second (hung, or busy in a
way that blocks its event loop), the new one starts normally.

On macOS, Finder delivers files opened while Briefer runs (and at launch) as QFileOpenEvents on
the QApplication; `InstanceServer` catches those too, collecting the events of one multi-file
"Open" into one batch.

The message is one line of JSON, `{"files": [absolute paths], "sample": bool}`, answered with
`ok` (taken) or `nee` (this window is closing: start normally).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QWidget

try:
    from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
except ImportError:  # a build without QtNetwork: every start runs on its own (never a reason not to start)
    QAbstractSocket = QLocalServer = QLocalSocket = None  # type: ignore[assignment,misc]

ANSWER_MS = 1000  # a running Briefer that does not answer within this is passed by
MAX_MESSAGE = 1 << 20  # bytes: a request longer than this is dropped
FILE_OPEN_BATCH_MS = 80  # Finder sends one QFileOpenEvent per file of a multi-file "Open"


def server_name(db_path: Path) -> str:
    """The channel's name for this user and database (the same for every spelling of the path)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (e.g. a bare container)
        user = str(os.getuid()) if hasattr(os, "getuid") else "gebruiker"
    real = os.path.normcase(os.path.realpath(Path(db_path).expanduser()))
    digest = hashlib.sha256(f"{user}\0{real}".encode()).hexdigest()[:24]
    return f"briefer-{digest}"  # short: a Unix socket path has room for about 100 characters


def send_to_running(db_path: Path, files: list[Path], *, sample: bool = False,
                    timeout_ms: int = ANSWER_MS) -> bool:
    """Hand `files` (or, with none, just "come to the front") to a Briefer running on `db_path`.

    True when it took them (this process should exit); False when none runs or it did not
    answer within `timeout_ms` (start normally)."""
    if QLocalSocket is None:
        return False
    deadline = time.monotonic() + timeout_ms / 1000

    def left() -> int:
        return max(1, int((deadline - time.monotonic()) * 1000))  # never 0 or -1 (= wait forever)

    message = json.dumps({"files": [str(Path(f).expanduser().absolute()) for f in files],
                          "sample": bool(sample)}).encode() + b"\n"
    sock = QLocalSocket()
    sock.connectToServer(server_name(db_path))
    try:
        if not sock.waitForConnected(left()):
            return False
        sock.write(message)
        if not sock.waitForBytesWritten(left()):
            return False
        answer = b""
        while b"\n" not in answer:
            if time.monotonic() >= deadline or not sock.waitForReadyRead(left()):
                return False
            answer += bytes(sock.readAll().data())
        return answer.split(b"\n", 1)[0].strip() == b"ok"
    finally:
        sock.abort()


class InstanceServer(QObject):
    """GUI: listens for later starts on the same database (and, on macOS, Finder's file-open
    events) and hands their files to the window given to `attach` (queued until then)."""

    requested = Signal(object, bool)  # list[Path], sample

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self._server = QLocalServer(self) if QLocalServer is not None else None
        if self._server is not None:
            self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            self._server.newConnection.connect(self._on_connection)
        self._window: Any = None
        self._pending: list[tuple[list[Path], bool]] = []
        self._opened: list[Path] = []  # QFileOpenEvents of one batch
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(FILE_OPEN_BATCH_MS)
        self._open_timer.timeout.connect(self._flush_opened)
        self._closed = False
        self.requested.connect(self._deliver)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def listen(self) -> bool:
        """Start listening; a socket file left by a Briefer that crashed is removed first
        (call only after `send_to_running` found nobody answering)."""
        if self._server is None:
            return False
        if self._server.listen(self.name):
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            return self._server.listen(self.name)
        return False

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def attach(self, window: Any) -> None:
        """Deliver requests to `window` (a MainWindow): import and open the files, come to the front.
        The channel closes with the window. Attaching another window (the database was restored
        from a backup into a new window) moves the channel to it."""
        self.detach()
        self._window = window
        window.closing.connect(self.close)
        pending, self._pending = self._pending, []
        for files, sample in pending:
            self.requested.emit(files, sample)

    def detach(self) -> None:
        """Stop delivering to the current window without closing the channel: requests wait (queued)
        for the next `attach`."""
        if self._window is not None:
            try:
                self._window.closing.disconnect(self.close)
            except (RuntimeError, TypeError):  # already gone
                pass
        self._window = None

    @Slot()
    def close(self) -> None:
        """Stop listening (the window is closing): a later start runs on its own."""
        self._closed = True
        self._open_timer.stop()
        if self._server is not None:
            self._server.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- incoming -------------------------------------------------------------------------------

    def _accepts(self) -> bool:
        return not self._closed and not (self._window is not None and self._window.shut_down)

    def _request(self, files: list[Path], sample: bool) -> None:
        if self._window is None:
            self._pending.append((files, sample))
        else:
            self.requested.emit(files, sample)

    @Slot()
    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            buffer = bytearray()
            sock.readyRead.connect(lambda s=sock, b=buffer: self._read(s, b))
            sock.disconnected.connect(sock.deleteLater)
            QTimer.singleShot(5000, sock, sock.abort)  # a client that never finishes its line

    def _read(self, sock: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(sock.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            sock.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        try:
            data = json.loads(line)
            files = [Path(str(f)) for f in data.get("files", [])]
            sample = bool(data.get("sample", False))
        except (ValueError, AttributeError, TypeError):
            sock.abort()
            return
        if not self._accepts():
            sock.write(b"nee\n")
            sock.disconnectFromServer()
            return
        sock.write(b"ok\n")
        sock.flush()
        sock.disconnectFromServer()
        # after the answer: the sender may exit while this window imports
        QTimer.singleShot(0, self, lambda: self._request(files, sample))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent)
                and self._window is not None and self._accepts()):
            path = event.file() or event.url().toLocalFile()
            if path:
                self._opened.append(Path(path))
                self._open_timer.start()
                return True
        return super().eventFilter(obj, event)

    @Slot()
    def _flush_opened(self) -> None:
        files, self._opened = self._opened, []
        if files:
            self._request(files, False)

    # -- to the window --------------------------------------------------------------------------

    @Slot(object, bool)
    def _deliver(self, files: list[Path], sample: bool) -> None:
        window = self._window
        if window is None or window.shut_down:
            return
        if files:
            window.import_files(files)
        elif sample:
            window.open_sample()
        bring_to_front(window)


def bring_to_front(window: QWidget) -> None:
    """Show `window` un-minimised, raised and active (a window manager may only flash it)."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def claim(db_path: Path, files: list[Path], *, sample: bool = False) -> InstanceServer | None:
    """At start-up: None when a running Briefer took `files` (exit now); else this process's
    server, already listening, to be attached to the window once it exists."""
    if send_to_running(db_path, files, sample=sample):
        return None
    server = InstanceServer(db_path, QApplication.instance())
    server.listen()
    return server
