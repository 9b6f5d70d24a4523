"""Fixtures for the annotation tests: a real file database with a small VSO-like document."""

from __future__ import annotations

from pathlib import Path

import pytest
from annot_fixtures import add_document

from briefer.annotate import Annotations
from briefer.model import StoredDocument
from briefer.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "briefer.db"


@pytest.fixture
def store(db_path: Path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def ann(store: Store) -> Annotations:
    return Annotations(store)


@pytest.fixture
def doc(store: Store) -> StoredDocument:
    return add_document(store)


@pytest.fixture
def items(store: Store, doc: StoredDocument):
    """The stored items of `doc` by number."""
    return {it.number: it for it in store.items(doc.id)}


