"""GUI: a short GIL switch interval while worker threads run Python, shared by every worker.

With the default 5 ms the GUI thread starves for hundreds of milliseconds behind a busy worker
(bench/gui_bench.py); 0.5 ms keeps it served. Imports and suggestion workers may overlap, so the
interval is reference-counted: the first `hold()` shortens it, the last `release()` restores it.
"""

from __future__ import annotations

import sys

WORKER_SWITCH_INTERVAL = 0.0005  # seconds

_holders = 0
_saved: float | None = None


def hold() -> None:
    """A worker starts: shorten the switch interval (once for all workers)."""
    global _holders, _saved
    if _holders == 0:
        _saved = sys.getswitchinterval()
        sys.setswitchinterval(min(_saved, WORKER_SWITCH_INTERVAL))
    _holders += 1


def release() -> None:
    """A worker ended: restore the interval when it was the last one."""
    global _holders, _saved
    if _holders == 0:
        return
    _holders -= 1
    if _holders == 0 and _saved is not None:
        sys.setswitchinterval(_saved)
        _saved = None
