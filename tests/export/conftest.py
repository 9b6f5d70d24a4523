"""Fixtures for export tests (data built in export_helpers.py)."""

from __future__ import annotations

import pytest
from export_helpers import build_bundle

from briefer.model import DocumentAnnotations


@pytest.fixture
def bundle() -> DocumentAnnotations:
    return build_bundle()


@pytest.fixture
def hand_bundle() -> DocumentAnnotations:
    return build_bundle(use_parser=False)


@pytest.fixture
def secret_bundle() -> DocumentAnnotations:
    return build_bundle(confidential_doc_note=True)
