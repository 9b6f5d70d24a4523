"""PDF worker processes end with their parent, even when the parent is killed (issue 11)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.pdfmaker import flow_document

REPO = Path(__file__).resolve().parents[2]

_SCRIPT = """
import sys, time
from briefer.ingest import parse_file

def progress(done, total):
    if done == 1:
        print("gestart", flush=True)
        time.sleep(120)  # the workers are up; the test kills this process now

parse_file(sys.argv[1], progress=progress, workers=2)
"""


def _children() -> dict[int, int]:
    """pid -> parent pid of every process (from /proc)."""
    out: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            out[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return out


def _descendants(pid: int) -> set[int]:
    parents = _children()
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    paras: list[str | tuple[str, float]] = ["LIJST VAN VRAGEN EN ANTWOORDEN"]
    for n in range(1, 121):
        paras += [f"{n}. Wat is de stand van zaken bij project {n}?", "Antwoord", f"Project {n} ligt op schema."]
    pdf = flow_document(paras, lines_per_page=8).save(tmp_path / "groot.pdf")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", _SCRIPT, str(pdf)], stdout=subprocess.PIPE, text=True,
                            cwd=REPO, env=env)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "gestart"
        family = _descendants(proc.pid)
        assert len(family) >= 2, "the pool's worker processes should be running"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in family):
        time.sleep(0.1)
    left = [pid for pid in family if _alive(pid)]
    assert left == [], f"processes outlived their killed parent: {left}"
