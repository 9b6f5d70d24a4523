"""Suggest test fixtures: the bundled sample parsed once, its hand-made labels, small item builders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.model import Document

HERE = Path(__file__).resolve().parent
SAMPLE_TXT = HERE.parents[1] / "resources" / "samples" / "kst-30821-196.txt"


@pytest.fixture(scope="session")
def sample_doc() -> Document:
    from briefer.ingest import parse_file

    return parse_file(SAMPLE_TXT)


@pytest.fixture(scope="session")
def labels() -> dict:
    return json.loads((HERE / "labels_kst_30821_196.json").read_text(encoding="utf-8"))
