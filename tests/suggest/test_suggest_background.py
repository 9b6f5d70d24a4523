"""Suggestions computed in the helper process: the same result, cancellable, errors as raised."""

from __future__ import annotations

import pickle
import time

import pytest

from briefer.store import DocumentNotFound, Store
from briefer.suggest import suggest_document
from briefer.suggest.background import CHUNK, SuggestionRunner, SuggestionsCancelled


@pytest.fixture
def stored(tmp_path, sample_doc):
    path = tmp_path / "b.db"
    with Store.open(path) as store:
        doc_id = store.add_document(sample_doc, b"sample").document.id
        expected = suggest_document(store, doc_id)
    return path, doc_id, expected


def test_helper_process_gives_what_suggest_document_gives(stored):
    path, doc_id, expected = stored
    runner = SuggestionRunner()
    try:
        got = runner.compute(path, doc_id)
        assert runner.in_process and runner._process is not None and runner._process.poll() is None
        assert got.to_json() == expected.to_json() and got.keys() == expected.keys()
        assert got.reference_date == expected.reference_date
        assert got.find(expected.toezeggingen[0].key) == expected.toezeggingen[0]
        again = runner.compute(path, doc_id)  # the same helper, kept between computations
        assert again.keys() == expected.keys()
        with pytest.raises(DocumentNotFound):
            runner.compute(path, "onbekend-document")
        assert runner.compute(path, doc_id).keys() == expected.keys()  # still usable after an error
    finally:
        runner.stop()


def test_cancelled_computation_stops_the_helper(stored, sample_doc, tmp_path):
    """Cancelled while the helper computes (a document big enough to take well over the poll
    interval on any machine): the helper is ended, and the next computation gets a fresh one."""
    from dataclasses import replace

    path, doc_id, _ = stored
    items = [replace(it, number=n, numbers=[n]) for n, it in enumerate(sample_doc.items * 40, 1)]
    with Store.open(path) as store:
        big_id = store.add_document(replace(sample_doc, items=items, identifier="groot"), b"groot").document.id
    runner = SuggestionRunner()
    runner.compute(path, doc_id)
    helper = runner._process
    asked: list[bool] = []

    def cancelled() -> bool:  # not before the request is sent; at the first poll after it
        asked.append(True)
        return len(asked) > 1

    start = time.perf_counter()
    with pytest.raises(SuggestionsCancelled):
        runner.compute(path, big_id, cancelled=cancelled)
    assert helper.poll() is not None  # ended, not left computing
    assert time.perf_counter() - start < 3
    assert runner.compute(path, doc_id).keys()  # a fresh helper for the next one
    runner.stop()


def test_results_come_back_in_small_pieces(sample_doc):
    from briefer.suggest import background, suggest_items

    result = suggest_items(sample_doc.items * 30)
    pieces = background._pieces(result)
    assert len(pieces) > 5 and all(len(pickle.loads(p)) <= CHUNK for _, p in pieces)
    assert background.assemble(result.reference_date, pieces).to_json() == result.to_json()


def test_a_helper_that_cannot_start_falls_back_to_the_thread(stored, monkeypatch):
    """No Python to start (or it dies at once): the suggestions still come, computed in the thread."""
    from briefer.suggest import background

    path, doc_id, expected = stored
    monkeypatch.setattr(background.sys, "executable", "/bin/false")
    runner = SuggestionRunner()
    try:
        assert runner.compute(path, doc_id).keys() == expected.keys()
        assert runner.in_process is False
    finally:
        runner.stop()
