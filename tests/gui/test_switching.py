"""The shared GIL switch interval of worker threads (imports and suggestions may overlap)."""

from __future__ import annotations

import sys

from briefer.gui import switching


def test_overlapping_workers_keep_the_short_interval_until_the_last_ends() -> None:
    before = sys.getswitchinterval()
    switching.hold()  # an import starts
    switching.hold()  # suggestions start while it runs
    assert sys.getswitchinterval() == switching.WORKER_SWITCH_INTERVAL
    switching.release()  # the suggestions end first: the import still needs the short interval
    assert sys.getswitchinterval() == switching.WORKER_SWITCH_INTERVAL
    switching.release()
    assert sys.getswitchinterval() == before
    switching.release()  # an extra release changes nothing
    assert sys.getswitchinterval() == before
