"""Shared fixtures: every test gets its own data directory; Qt runs offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
# ../shared/samples beside the checkout; from a worktree (wt/NAME) one level further up
SHARED_SAMPLES = next((p / "shared" / "samples" for p in REPO.parents[:2] if (p / "shared" / "samples").is_dir()),
                      REPO.parent / "shared" / "samples")
BUNDLED_SAMPLES = REPO / "resources" / "samples"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Redirect Briefer's data dir (database, backups, settings) into a temp folder."""
    home = tmp_path_factory.mktemp("briefer-home")
    monkeypatch.setenv("BRIEFER_HOME", str(home))
    monkeypatch.delenv("BRIEFER_DB", raising=False)
    return home


@pytest.fixture
def samples_dir() -> Path:
    """The shared samples (real documents with expected parses); skip when absent."""
    if not SHARED_SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present")
    return SHARED_SAMPLES


@pytest.fixture
def sample_pdf() -> Path:
    """The bundled VSO sample PDF (Kamerstuk 30 821, nr. 196)."""
    return BUNDLED_SAMPLES / "kst-30821-196.pdf"


@pytest.fixture
def sample_txt() -> Path:
    return BUNDLED_SAMPLES / "kst-30821-196.txt"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A database with the bundled sample PDF imported once (through the CLI) per test module;
    tests copy it rather than import again."""
    from briefer.cli import main

    path = tmp_path_factory.mktemp("tpl") / "tpl.db"
    assert main(["--db", str(path), "import", str(BUNDLED_SAMPLES / "kst-30821-196.pdf")]) == 0
    return path
