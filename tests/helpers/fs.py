"""Real file systems for the accident tests: a small tmpfs that fills up, and one made read-only.

Both need to mount (root, or a user namespace); where the machine does not allow it the test is
skipped and says so (the fault is then covered by `PRAGMA max_page_count` in test_disk_full.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _run(*cmd: str) -> bool:
    return subprocess.run(cmd, capture_output=True).returncode == 0


def can_mount() -> bool:
    return os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def tmpfs(folder: Path, size_kb: int) -> Iterator[Path]:
    """A fresh tmpfs of `size_kb` KiB mounted at `folder` (skips the test when it cannot mount)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not can_mount() or not _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(folder)):
        pytest.skip("cannot mount a small file system here (needs root); the fault is injected elsewhere")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of `folder` until at most `leave` bytes are free; returns the filler."""
    filler = folder / "vulling.bin"
    chunk = b"\0" * 4096
    with open(filler, "ab") as fh:
        while shutil.disk_usage(folder).free > leave:
            try:
                fh.write(chunk)
                fh.flush()
            except OSError:
                break
    return filler


def set_read_only(folder: Path, read_only: bool = True) -> None:
    """Remount the tmpfs at `folder` read-only (or writable again)."""
    option = "remount,ro" if read_only else "remount,rw"
    if not _run("mount", "-o", option, str(folder)):
        pytest.skip("cannot remount the file system read-only here")
