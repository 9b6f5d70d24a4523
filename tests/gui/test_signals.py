"""PySide6 6.12.0's Signal.emit() drops a reference to True on every call, and Python 3.11 then
aborts the app ("bool_dealloc") after a few thousand signals. pyproject pins PySide6 below 6.12;
this test fails (instead of a staffer's window vanishing) on any PySide6 that has the bug."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    with_value = Signal(int, int)


def test_emitting_signals_keeps_true_alive(qapp):
    emitter = _Emitter()
    received: list[tuple[int, int]] = []
    emitter.with_value.connect(lambda a, b: received.append((a, b)))
    before = sys.getrefcount(True)
    for n in range(200):
        emitter.plain.emit()
        emitter.with_value.emit(n, 302)
    assert len(received) == 200
    assert sys.getrefcount(True) >= before - 5
