"""Fixtures for the ingest tests: a real database file to import into."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefer.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "briefer.db") as opened:
        yield opened
