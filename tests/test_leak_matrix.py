"""The leak matrix (issue 11, "Done when"): every annotation kind × every level × every path out.

Each annotation carries a planted unique marker (`LEK` + kind + level, e.g. `LEKNOTVTR`); the
paths out are produced once from one real database, under every ceiling, and each case checks one
marker in one path: above the ceiling it must be absent; at or below it, present wherever that
path shows that kind (the positive control: a path that lost everything would otherwise pass).

Kinds: highlight (the marked passage), highlight note, item note, document note (Kern), follow-up,
accepted suggestion (a vertrouwelijk confidentiality cue accepted; at openbaar/intern an accepted
toezegging), and a domain name used only by material at that level.

Paths: Kamerlidbriefing and technische briefing (their text: body, headers, footers, footnotes),
the legend of the technische briefing, the document properties of both, the shared annotation
file, `briefer search --level CEILING` in the CLI, and the app's search (its core call:
`Annotations.search`; the app shows everything the user has, so there every vertrouwelijk hit must
be marked vertrouwelijk). The app has no copy-to-clipboard of annotations, so there is no such path.

Paths other helpers are still fixing leak on this branch; exactly those cases are marked
`xfail(strict=True)` naming the branch that fixes them (see `PENDING`), so the lead removes the
marks at merge and a fix that lands early shows up as XPASS.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from briefer.annotate import Annotations
from briefer.export import BriefingOptions, export_briefing
from briefer.model import DocType, Document, FollowUpKind, Item, Level
from briefer.store import Store
from briefer.suggest import accept, suggest_document

REPO = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

LEVELS = {"OPB": Level.OPENBAAR, "INT": Level.INTERN, "VTR": Level.VERTROUWELIJK}
CODES = {v: k for k, v in LEVELS.items()}
KINDS = {
    "HLX": "markering",
    "HLN": "notitie bij markering",
    "NOT": "notitie bij vraag",
    "KRN": "kern (documentnotitie)",
    "FUP": "vervolgactie",
    "SUG": "overgenomen suggestie",
    "DOM": "domeinnaam",
}
CEILINGS = [Level.OPENBAAR, Level.INTERN, Level.VERTROUWELIJK]
SEARCH_WORD = "lektest"  # in every searchable annotation text, so one search finds them all


def marker(kind: str, level: Level) -> str:
    return f"LEK{kind}{CODES[level]}"


# ------------------------------------------------------------------------------------ the database

def _document(level: Level, number: int) -> Document:
    code = CODES[level]
    if level is Level.VERTROUWELIJK:
        suggestion = (f"Het kabinet is bereid de Kamer hierover een vertrouwelijke technische briefing te "
                      f"geven over LEKSUG{code}.")
    else:
        suggestion = f"Aan het einde van het jaar zal uw Kamer over LEKSUG{code} geïnformeerd worden."
    texts = [
        ("De leden vragen naar de aanpak.", f"Het kabinet neemt LEKHLX{code} maatregelen in Europees verband."),
        ("De leden vragen naar leveranciers.", "Het kabinet zet in op diversificatie van leveranciers."),
        ("De leden vragen naar de planning.", "Het kabinet werkt aan een plan voor de komende jaren."),
        ("De leden vragen naar de uitvoering.", "De uitvoering ligt bij de uitvoeringsorganisaties."),
        ("De leden vragen naar de voortgang.", suggestion),
        ("De leden vragen naar de opties.", "Het kabinet onderzoekt de opties nog grondig."),
    ]
    items = [Item(n, q, a, party="VVD" if n % 2 else "D66", pages=[n]) for n, (q, a) in enumerate(texts, 1)]
    return Document(
        source=f"kst-36000-{number}.pdf", doc_type=DocType.SCHRIFTELIJK_OVERLEG,
        identifier=f"kst-36000-{number}", kamerstuk=f"36 000, nr. {number}", dossier="36 000",
        ondernummer=str(number), vergaderjaar="2025–2026", title="Verslag van een schriftelijk overleg",
        parties=["VVD", "D66"], items=items, page_count=6,
    )


def _annotate(store: Store, ann: Annotations, level: Level, number: int) -> str:
    code = CODES[level]
    doc = store.add_document(_document(level, number), f"lekmatrix {number}".encode()).document
    item = {i.number: i for i in store.items(doc.id)}
    common = ann.domain_by_ref("1").id  # a priority domain, so the Kamerlidbriefing shows these items
    ann.highlight_quote(item[1].id, f"LEKHLX{code}", level=level, domain_id=common)
    ann.highlight_quote(item[2].id, "diversificatie", level=level, note=f"{SEARCH_WORD} LEKHLN{code}",
                        domain_id=common)
    ann.tag_item(item[3].id, common)  # a tag has no level: the item shows, its note only within the ceiling
    ann.set_note(doc.id, item[3].id, f"{SEARCH_WORD} LEKNOT{code}", level=level)
    ann.set_note(doc.id, None, f"{SEARCH_WORD} LEKKRN{code}", level=level)
    ann.add_followup(item[4].id, f"LEKFUP{code} navragen", kind=FollowUpKind.VRAAG_IN_DEBAT, level=level)
    found = suggest_document(store, doc.id, domains=ann.domains())
    pool = found.confidential if level is Level.VERTROUWELIJK else found.toezeggingen
    [wanted] = [s for s in pool if s.item == 5]
    result = accept(store, ann, doc.id, wanted.key)
    if level is Level.OPENBAAR:  # an accepted toezegging starts at intern; the user lowers it
        for change in result.changes:
            if change.table == "highlights":
                ann.update_highlight(change.id, level=level)
            elif change.table == "followups":
                ann.update_followup(change.id, level=level)
    domain = ann.add_domain(f"Dossier LEKDOM{code}", colour="#557799").id
    ann.highlight_quote(item[6].id, "onderzoekt de opties", level=level, domain_id=domain)
    return doc.id


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The database, every briefing under every ceiling, the shared files and the search outputs."""
    tmp = tmp_path_factory.mktemp("lekmatrix")
    db = tmp / "briefer.db"
    out: dict[str, dict[Level, dict[str, str]]] = {}
    with Store.open(db) as store:
        ann = Annotations(store)
        doc_ids = [_annotate(store, ann, level, 100 + n) for n, level in enumerate(CEILINGS)]
        for lvl, doc_id in zip(CEILINGS, doc_ids, strict=True):  # the accepted suggestion: as made
            sug = [h for h in ann.document_highlights(doc_id) if f"LEKSUG{CODES[lvl]}" in h.exact]
            assert sug and all(h.level is lvl for h in sug)
        bundles = [ann.bundle(d) for d in doc_ids]
        docx: list[Path] = []
        for ceiling in CEILINGS:
            texts: dict[str, str] = {}
            for kind in ("kamerlid", "technisch"):
                path = export_briefing(bundles, BriefingOptions(kind=kind, ceiling=ceiling),
                                       tmp / f"{kind}-{ceiling.value}.docx")
                docx.append(path)
                body, legend, props = _docx_parts(path)
                texts[kind] = body
                texts.setdefault("legenda", "")
                texts["legenda"] += legend
                texts.setdefault("eigenschappen", "")
                texts["eigenschappen"] += props
            texts["gedeeld bestand"] = "\n".join(json.dumps(_shared_file(ann, d, ceiling), ensure_ascii=False)
                                                 for d in doc_ids)
            texts["briefer search"] = _cli_search(db, ceiling, store)
            out[ceiling.value] = texts  # type: ignore[index]
        app_hits = ann.search(SEARCH_WORD, limit=500)
    _audit(docx)
    return {"texts": out, "app_hits": app_hits}


def _shared_file(ann: Annotations, doc_id: str, ceiling: Level) -> dict:
    """The shared annotation file's content under `ceiling`."""
    return ann.export_json(doc_id, ceiling=ceiling)


def _cli_search(db: Path, ceiling: Level, store: Store) -> str:
    proc = subprocess.run([sys.executable, "-m", "briefer", "--db", str(db), "search", SEARCH_WORD,
                           "--level", ceiling.value, "--limit", "500"],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


def _paragraph_text(root: ET.Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def _docx_parts(path: Path) -> tuple[str, str, str]:
    """(text of every part but the properties and the legend, the legend's text, the properties)."""
    body, legend, props = [], [], []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.startswith("docProps/"):
                props.append(data.decode("utf-8", "replace"))
                continue
            if not name.endswith(".xml"):
                continue
            root = ET.fromstring(data)
            if name == "word/document.xml":
                legend_table = _legend_table(root)
                if legend_table is not None:
                    legend += _paragraph_text(legend_table)
                    for parent in root.iter():
                        if legend_table in list(parent):
                            parent.remove(legend_table)
                            break
            body += _paragraph_text(root)
            body.append(" ".join(v for el in root.iter() for k, v in el.attrib.items() if k.endswith("val")))
    return "\n".join(body), "\n".join(legend), "\n".join(props)


def _legend_table(root: ET.Element) -> ET.Element | None:
    """The table after the paragraph 'Kleuren van de markeringen' (technische briefing)."""
    bodies = list(root.iter(f"{W}body"))
    if not bodies:
        return None
    children = list(bodies[0])
    for n, child in enumerate(children):
        if child.tag == f"{W}p" and "".join(t.text or "" for t in child.iter(f"{W}t")).strip() == \
                "Kleuren van de markeringen":
            return next((c for c in children[n + 1:] if c.tag == f"{W}tbl"), None)
    return None


def _audit(files: list[Path]) -> None:
    tool = shutil.which("openxml-audit") or str(Path(sys.executable).with_name("openxml-audit"))
    if not Path(tool).exists():
        pytest.fail("openxml-audit is missing: ./dev setup installs it (dev extra)")
    for path in files:
        proc = subprocess.run([tool, "-f", "microsoft365", "-q", str(path)], capture_output=True, text=True)
        assert proc.returncode == 0, f"{path.name}: {proc.stdout}{proc.stderr}"


# ------------------------------------------------------------------------------------ the cases

PATHS = ["kamerlid", "technisch", "legenda", "eigenschappen", "gedeeld bestand", "briefer search", "app"]

# Where a kind shows at all when it is within the ceiling (the positive controls).
SHOWN = {
    "kamerlid": {"HLX", "HLN", "NOT", "KRN", "FUP", "SUG", "DOM"},
    "technisch": {"HLX", "HLN", "NOT", "KRN", "FUP", "SUG", "DOM"},
    "legenda": {"DOM"},
    "eigenschappen": set(),
    "gedeeld bestand": {"HLN", "NOT", "KRN", "FUP", "SUG", "DOM"},
    "briefer search": {"HLN", "NOT", "KRN"},
    "app": {"HLN", "NOT", "KRN"},
}



def _pending() -> dict[tuple[str, str, str, str], str]:
    """(path, kind, level, ceiling) that still fail on this branch, and the branch that fixes them."""
    return {}


PENDING = _pending()


def _cases():
    for path in PATHS:
        for kind in KINDS:
            for level in CEILINGS:
                ceilings = [Level.VERTROUWELIJK] if path == "app" else CEILINGS
                for ceiling in ceilings:
                    key = (path, kind, level.value, ceiling.value)
                    marks = [pytest.mark.xfail(strict=True, reason=f"fixed on {PENDING[key]}")] \
                        if key in PENDING else []
                    yield pytest.param(path, kind, level, ceiling, marks=marks,
                                       id=f"{path}-{kind}-{level.value}-onder-{ceiling.value}")


@pytest.mark.parametrize(("path", "kind", "level", "ceiling"), list(_cases()))
def test_nothing_above_the_ceiling_reaches_any_path(world, path, kind, level, ceiling):
    mark = marker(kind, level)
    if path == "app":
        hits = [h for h in world["app_hits"] if mark.lower() in h.snippet.lower()]
        if kind not in SHOWN["app"]:
            assert not hits
            return
        assert hits, f"{mark} is not found by the app's search"
        for hit in hits:  # the app shows everything, and marks what is vertrouwelijk
            shown_level = getattr(hit, "level", None)
            if level is Level.VERTROUWELIJK:
                assert shown_level == Level.VERTROUWELIJK.value, f"{mark} is not marked vertrouwelijk"
            else:
                assert shown_level != Level.VERTROUWELIJK.value
        return
    text = world["texts"][ceiling.value][path]
    found = re.search(mark, text, re.IGNORECASE) is not None
    if level.rank > ceiling.rank:
        assert not found, f"{mark} ({KINDS[kind]}, {level.value}) appears in {path} under ceiling {ceiling.value}"
    elif kind in SHOWN[path]:
        assert found, f"{mark} ({KINDS[kind]}, {level.value}) is missing from {path} under ceiling {ceiling.value}"
