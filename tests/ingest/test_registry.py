"""The registry of document types: one module per type, no import between type modules, a detector
with a confidence for each, and a way to choose the type."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from briefer.ingest import UnknownType, document_types, parse_text
from briefer.ingest.types import TYPES, by_name

TYPES_DIR = Path(__file__).resolve().parents[2] / "briefer" / "ingest" / "types"
BLOCKS_DIR = TYPES_DIR.parent / "blocks"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def test_type_modules_never_import_each_other() -> None:
    modules = sorted(p for p in TYPES_DIR.glob("*.py") if p.stem not in ("__init__", "base"))
    names = {f"briefer.ingest.types.{p.stem}" for p in modules}
    assert len(modules) == len(TYPES) == 6
    for path in modules:
        others = (names - {f"briefer.ingest.types.{path.stem}"}) & _imports(path)
        assert not others, f"{path.name} imports {others}"


def test_building_blocks_never_import_a_type() -> None:
    for path in BLOCKS_DIR.glob("*.py"):
        assert not any(m.startswith("briefer.ingest.types") for m in _imports(path)), path.name


def test_every_type_is_listed_and_chosen_by_name() -> None:
    assert document_types() == ["kamervragen", "schriftelijk_overleg", "vragen_en_antwoorden",
                                "nota_naar_aanleiding_van_verslag", "brief", "other"]
    assert by_name(" Brief ").name == "brief"
    with pytest.raises(UnknownType) as err:
        by_name("memo")
    assert "Onbekend documenttype 'memo'" in str(err.value) and "kamervragen" in str(err.value)


@pytest.mark.parametrize("text, kind, sure", [
    ("Aanhangsel van de Handelingen\nVraag 1\nKlopt dit?\nAntwoord 1\nJa.", "kamervragen", 0.9),
    ("Nr. 12 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\nVragen en opmerkingen van de leden van de VVD-fractie\n"
     "De leden vragen iets?\n1. Antwoord van het kabinet:\nJa.", "schriftelijk_overleg", 0.9),
    ("Nr. 3 LIJST VAN VRAGEN EN ANTWOORDEN\n1. Hoeveel?\nAntwoord\nVeel.", "vragen_en_antwoorden", 0.9),
    ("Nr. 7 NOTA NAAR AANLEIDING VAN HET VERSLAG\nDe leden van de SP-fractie vragen iets?\nDe regering antwoordt.",
     "nota_naar_aanleiding_van_verslag", 0.9),
    ("Nr. 496 BRIEF VAN DE MINISTER VAN FINANCIËN\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
     "Den Haag, 3 maart 2025\nHierbij zend ik u de stukken.", "brief", 0.9),
    ("Geachte voorzitter,\n\nHierbij zend ik u de stukken.\n\nHoogachtend,", "brief", 0.8),
    ("Nr. 3 MEMORIE VAN TOELICHTING\nI. ALGEMEEN\nDit wetsvoorstel regelt iets.", "other", 0.85),
    ("Een tekst zonder kenmerken.\n\nNog een alinea.", "other", 0.0),
])
def test_detection_gives_a_type_and_how_sure(text: str, kind: str, sure: float) -> None:
    doc = parse_text(text)
    assert doc.doc_type == kind
    assert sure <= doc.type_confidence <= 1.0 and not doc.type_chosen


def test_an_unsure_guess_says_how_to_choose_another_type() -> None:
    doc = parse_text("Een tekst zonder kenmerken.\n\nNog een alinea.")
    assert doc.type_confidence < 0.6
    assert any("onzeker" in w and "--type" in w for w in doc.warnings)
    chosen = parse_text("Een tekst zonder kenmerken.\n\nNog een alinea.", doc_type="brief")
    assert chosen.doc_type == "brief" and chosen.type_chosen and chosen.type_confidence == 1.0
    assert not any("onzeker" in w for w in chosen.warnings)
