"""GUI fixtures: a real database with the bundled sample imported, and the app's theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefer.annotate import Annotations
from briefer.importer import import_file
from briefer.store import Store


@pytest.fixture
def sample_db(tmp_path: Path, sample_pdf: Path) -> Path:
    """A database file with the sample imported through the core (no GUI involved)."""
    db = tmp_path / "briefer.db"
    with Store.open(db) as store:
        import_file(store, sample_pdf)
    return db


@pytest.fixture
def core(sample_db: Path) -> Any:
    """(store, annotations, document) over `sample_db`; closed afterwards."""
    store = Store.open(sample_db)
    ann = Annotations(store)
    doc = store.documents()[0]
    yield store, ann, doc
    store.close()


@pytest.fixture
def themed(qapp: Any) -> Any:
    from briefer.gui.theme import apply_theme

    apply_theme(qapp)
    return qapp
