"""Never leak: planted vertrouwelijk markers appear in no part of a briefing below that ceiling."""

from __future__ import annotations

import pytest
from export_helpers import INTERN_MARKERS, SECRET_MARKERS, all_parts_text

from briefer.export import BriefingOptions, export_briefing, left_out
from briefer.model import Level


def _export(tmp_path, bundle, kind: str, ceiling: Level, **kw) -> dict[str, str]:
    opts = BriefingOptions(kind=kind, ceiling=ceiling, author="A. Medewerker", **kw)
    path = export_briefing([bundle], opts, tmp_path / f"{kind}-{ceiling.value}.docx")
    return all_parts_text(path)


def _found(parts: dict[str, str], markers: dict[str, str]) -> dict[str, list[str]]:
    return {key: [name for name, text in parts.items() if m in text] for key, m in markers.items()}


@pytest.mark.parametrize("kind", ["kamerlid", "technisch"])
@pytest.mark.parametrize("only_annotated", [True, False])
def test_no_confidential_marker_below_vertrouwelijk(tmp_path, secret_bundle, kind, only_annotated):
    parts = _export(tmp_path, secret_bundle, kind, Level.INTERN, only_annotated=only_annotated)
    assert len(parts) >= 8  # document, styles, settings, numbering, rels, properties, ...
    leaks = {k: v for k, v in _found(parts, SECRET_MARKERS).items() if v}
    assert leaks == {}
    # the test is not vacuous: intern material of the same kinds is there
    assert all(_found(parts, INTERN_MARKERS).values())


@pytest.mark.parametrize("kind", ["kamerlid", "technisch"])
def test_ceiling_openbaar_keeps_intern_out_too(tmp_path, secret_bundle, kind):
    parts = _export(tmp_path, secret_bundle, kind, Level.OPENBAAR, only_annotated=False)
    assert not any(_found(parts, {**SECRET_MARKERS, **INTERN_MARKERS}).values())


def test_every_marker_in_technische_briefing_vertrouwelijk(tmp_path, secret_bundle):
    parts = _export(tmp_path, secret_bundle, "technisch", Level.VERTROUWELIJK)
    found = _found(parts, SECRET_MARKERS)
    assert all(found.values()), found
    assert all(names == ["word/document.xml"] for names in found.values())  # body only, not properties


def test_every_marker_in_kamerlidbriefing_vertrouwelijk(tmp_path, secret_bundle):
    parts = _export(tmp_path, secret_bundle, "kamerlid", Level.VERTROUWELIJK)
    assert all(_found(parts, SECRET_MARKERS).values())


def test_left_out_never_quotes_material(secret_bundle):
    for kind in ("kamerlid", "technisch"):
        lines = " ".join(left_out([secret_bundle], BriefingOptions(kind=kind, ceiling=Level.OPENBAAR)))
        assert not any(m in lines for m in {**SECRET_MARKERS, **INTERN_MARKERS}.values())
