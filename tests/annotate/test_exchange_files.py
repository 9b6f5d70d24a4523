"""The annotation-file reader and writer: hostile files are refused with one Dutch line and never
write anything; shared files are private, never overwrite, and say when they are confidential.
Property tests (hypothesis) throw arbitrary bytes and arbitrary JSON at the reader.
"""

from __future__ import annotations

import json
import os
import stat

import pytest
from annot_fixtures import add_document, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.annotate import Annotations, ExchangeError
from briefer.annotate.files import (
    MAX_BYTES,
    parse_bytes,
    read_exchange_file,
    share_document,
    share_preview,
    write_exchange_file,
)
from briefer.errors import BrieferError
from briefer.store import Store

FAST = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def shared(ann, store, doc, items, tmp_path):
    """A valid file with a highlight, a note, a follow-up and a tag."""
    hid = ann.highlight_quote(items[2].id, "recycling", note="hergebruik").id
    ann.set_note(doc.id, items[1].id, "Notitie")
    ann.add_followup(items[2].id, "Actie", highlight_id=hid)
    ann.tag_item(items[3].id, ann.domain_by_ref("4").id)
    path = write_exchange_file(ann.export_json(doc.id), tmp_path / "gedeeld.json")
    return path


def _json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_shared_file_is_private_and_never_overwritten(ann, store, doc, shared, db_path, tmp_path):
    assert stat.S_IMODE(os.stat(shared).st_mode) == 0o600
    with pytest.raises(ExchangeError) as err:
        write_exchange_file(ann.export_json(doc.id), shared)
    assert "--force" in str(err.value)
    write_exchange_file(ann.export_json(doc.id), shared, overwrite=True)
    with pytest.raises(ExchangeError):
        write_exchange_file(ann.export_json(doc.id), db_path, overwrite=True, databases=(db_path,))
    with pytest.raises(ExchangeError):
        write_exchange_file(ann.export_json(doc.id), db_path.with_name(db_path.name + "-wal"),
                            overwrite=True, databases=(db_path,))
    assert not list(tmp_path.glob(".~briefer-*"))


def test_a_confidential_share_says_so_in_its_name_and_content(ann, store, doc, items, tmp_path):
    ann.add_followup(items[2].id, "Technische briefing", level="vertrouwelijk")
    preview = share_preview(ann, doc.id)
    assert preview.left_out == ["Niet gedeeld, boven het plafond intern: 1 vervolgactie (vraag 2)."]
    low = share_document(ann, doc.id, tmp_path / "deel.json")
    assert low.path.name == "deel.json" and not low.confidential and low.left_out == preview.left_out
    high = share_document(ann, doc.id, tmp_path / "deel.json", ceiling="vertrouwelijk")
    assert high.path.name == "deel VERTROUWELIJK.json" and high.confidential and high.left_out == []
    data = _json(high.path)
    assert data["vertrouwelijk"] is True and data["rubricering"] == "VERTROUWELIJK"
    assert "Technische briefing" not in low.path.read_text(encoding="utf-8")


def _refused(ann, store, path, needle):
    before = snapshot(store)
    with pytest.raises(ExchangeError) as err:
        ann.import_json(read_exchange_file(path))
    message = str(err.value)
    assert needle in message and "\n" not in message, message
    assert snapshot(store) == before
    return message


@pytest.mark.parametrize("mutate, needle", [
    (lambda d: d["entities"][0].update(kind="iets"), "onbekende soort"),
    (lambda d: d["entities"][0]["f"].update(onbekend=[[[1, "a", 1]], {"a": 1}]), "onbekend veld"),
    (lambda d: d.update(extra=True), "onbekend veld 'extra'"),
    (lambda d: d["entities"][0].update(id=["geen", "tekst"]), "tekst verwacht"),
    (lambda d: d.update(entities={"a": 1}), "een lijst verwacht"),
])
def test_wrong_types_and_unknown_fields_name_the_problem(ann, store, doc, shared, tmp_path, mutate, needle):
    data = _json(shared)
    mutate(data)
    bad = tmp_path / "fout.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    message = _refused(ann, store, bad, needle)
    assert "fout.json" in message


def _entity(data, kind):
    return next(e for e in data["entities"] if e["kind"] == kind)


def test_bad_levels_and_offsets_are_refused(ann, store, doc, shared, tmp_path):
    data = _json(shared)
    _entity(data, "note")["f"]["level"][0][0][0] = "geheim"
    bad = tmp_path / "niveau.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    _refused(ann, store, bad, "onbekend niveau 'geheim'")
    for s, e, needle in ((5, 3, "niet na het begin"), (-1, 8, "buiten het bereik"), (0, 4, "passen niet")):
        data = _json(shared)
        anchor = _entity(data, "highlight")["f"]["anchor"][0][0][0]
        anchor.update(s=s, e=e)
        bad = tmp_path / "offsets.json"
        bad.write_text(json.dumps(data), encoding="utf-8")
        _refused(ann, store, bad, needle)
    data = _json(shared)
    anchor = _entity(data, "highlight")["f"]["anchor"][0][0][0]
    anchor.update(s=5000, e=5000 + len(anchor["x"]))
    bad.write_text(json.dumps(data), encoding="utf-8")
    _refused(ann, store, bad, "valt buiten de tekst van vraag 2")


def test_truncated_binary_deep_and_huge_files_are_refused(ann, store, doc, shared, tmp_path):
    raw = shared.read_bytes()
    cut = tmp_path / "afgebroken.json"
    cut.write_bytes(raw[: len(raw) // 2])
    _refused(ann, store, cut, "geen geldige JSON")
    binary = tmp_path / "plaatje.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _refused(ann, store, binary, "binair")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"a": "caf\xe9"}'.encode("latin-1"))
    _refused(ann, store, latin, "UTF-8")
    deep = tmp_path / "diep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _refused(ann, store, deep, "te diep genest")
    nested = _json(shared)
    deep_value: object = 1
    for _ in range(20):
        deep_value = [deep_value]
    _entity(nested, "highlight")["f"]["note"] = [[[deep_value, "ab", 1]], {"ab": 1}]
    deep.write_text(json.dumps(nested), encoding="utf-8")
    _refused(ann, store, deep, "note[0][0][0]: tekst verwacht")  # no level the format lacks
    huge = tmp_path / "groot.json"
    with open(huge, "wb") as fh:
        fh.seek(MAX_BYTES + 10)
        fh.write(b" ")
    _refused(ann, store, huge, "groter dan")
    number = tmp_path / "getal.json"
    number.write_text('{"format": "briefer-annotaties", "version": ' + "9" * 5000 + "}", encoding="utf-8")
    _refused(ann, store, number, "ongeldige waarde")


def test_a_file_from_an_older_briefer_says_what_to_do(ann, store, doc, tmp_path):
    old = tmp_path / "oud.json"
    old.write_text(json.dumps({"format": "briefer-annotaties", "version": 1, "highlights": []}), encoding="utf-8")
    assert "oudere Briefer" in _refused(ann, store, old, "versie 1")


# -- property tests --------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@FAST
@given(raw=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash_the_reader(raw):
    try:
        parse_bytes(raw, "x.json")
    except BrieferError as exc:
        assert str(exc) and "\n" not in str(exc)


@FAST
@given(value=JSON)
def test_arbitrary_json_never_crashes_the_reader(value):
    try:
        parse_bytes(json.dumps(value).encode(), "x.json")
    except BrieferError as exc:
        assert "\n" not in str(exc)


def _paths(value, prefix=()):
    """Every (path, leaf) in a JSON value."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))
    yield prefix, value


@pytest.fixture(scope="module")
def valid_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("geldig")
    with Store.open(folder / "bron.db") as store:
        doc = add_document(store)
        ann = Annotations(store)
        items = {i.number: i for i in store.items(doc.id)}
        hid = ann.highlight_quote(items[2].id, "recycling", note="hergebruik").id
        ann.set_note(doc.id, items[1].id, "Notitie", level="openbaar")
        ann.add_followup(items[2].id, "Actie", highlight_id=hid, due="2026-12-01")
        ann.tag_item(items[3].id, ann.domain_by_ref("4").id)
        return json.loads(json.dumps(ann.export_json(doc.id)))


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    folder = tmp_path_factory.mktemp("doel")
    store = Store.open(folder / "doel.db")
    add_document(store)
    yield store, Annotations(store)
    store.close()


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_damaged_valid_file_is_refused_cleanly_or_merged_without_crashing(valid_file, target, data):
    store, ann = target
    damaged = json.loads(json.dumps(valid_file))
    paths = [p for p, _ in _paths(damaged) if p]
    path = data.draw(st.sampled_from(paths))
    new = data.draw(JSON)
    node = damaged
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = new
    before = snapshot(store)
    try:
        ann.import_json(parse_bytes(json.dumps(damaged).encode(), "x.json"))
    except BrieferError as exc:
        assert "\n" not in str(exc)
        assert snapshot(store) == before  # refused: nothing written


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_valid_but_tangled_files_merge_without_crashing(valid_file, target, data):
    """Ids swapped between records, aliases in circles, references to the wrong kind: a merge copes."""
    store, ann = target
    tangled = json.loads(json.dumps(valid_file))
    records = tangled["entities"]
    ids = [r["id"] for r in records] + ["bestaat-niet"]
    for _ in range(data.draw(st.integers(1, 6))):
        rec = data.draw(st.sampled_from(records))
        what = data.draw(st.sampled_from(["id", "alias", "domain", "highlight", "deleted", "doc"]))
        other = data.draw(st.sampled_from(ids))
        dot = [[[other, "ffff", 1]], {"ffff": 1}]
        if what == "id":
            rec["id"] = other
        elif what == "alias":
            rec["f"]["alias"] = dot
        elif what in ("domain", "highlight") and what in {"domain": ("highlight", "tag"),
                                                         "highlight": ("followup",)}[what] and \
                rec["kind"] in {"domain": ("highlight", "tag"), "highlight": ("followup",)}[what]:
            rec["f"][what] = dot
        elif what == "deleted" and rec["kind"] != "tag":
            rec["f"]["deleted"] = [[[True, "ffff", 2]], {"ffff": 2}]
        elif what == "doc":
            rec["doc"] = data.draw(st.sampled_from(["kst-30821-196", "kst-onbekend", None]))
    before = snapshot(store)
    try:
        ann.import_json(parse_bytes(json.dumps(tangled).encode(), "x.json"))
    except BrieferError as exc:
        assert "\n" not in str(exc)
        assert snapshot(store) == before
    assert store.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
