"""Render the README's briefing pages (docs/briefing-*.png) as LibreOffice shows them.

Run: .venv/bin/python scripts/briefing_images.py. Needs `soffice` and `pdftoppm`. Builds the issue's
scenario on the bundled sample (tests/export/export_helpers.build_scenario: every toezegging and domain
suggestion accepted, two passages marked, three notes, the Kern, a debate question and a motion),
exports both briefings, and, when ../shared/samples is there, a Kamerlidbriefing of the Kamervragen
about the Delta Rhine Corridor. Pages are rendered at 80 dpi (662 × 936).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "export"))

from export_helpers import SCENARIO_SUBJECT, accept_all_suggestions, build_scenario  # noqa: E402

from briefer.annotate import Annotations  # noqa: E402
from briefer.export import BriefingOptions, export_briefing  # noqa: E402
from briefer.importer import import_file  # noqa: E402
from briefer.model import FollowUpKind  # noqa: E402
from briefer.store import Store  # noqa: E402

DOCS = ROOT / "docs"
KAMERVRAGEN = ROOT.parent / "shared" / "samples" / "ah-tk-20232024-2210.pdf"
HEAD = {"recipient": "Jeanet van Dijk", "author": "Sanne de Vries"}


def to_pdf(docx_path: Path, work: Path) -> Path:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(work), str(docx_path)], capture_output=True, check=True)
    return work / (docx_path.stem + ".pdf")


def page_png(pdf: Path, page: int, target: Path) -> None:
    stem = pdf.with_name(f"{pdf.stem}-{page}")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(stem)], check=True)
    shutil.copy(f"{stem}.png", target)
    print(target.relative_to(ROOT))


def kamervragen_briefing(work: Path) -> Path:
    store = Store.open(work / "kv.db")
    import_file(store, KAMERVRAGEN)
    ann = Annotations(store)
    doc = store.documents()[0]
    accept_all_suggestions(store, ann, doc.id)
    items = {it.number: it for it in store.items(doc.id)}
    energie = ann.domains()[0]
    for number in (1, 2, 3, 7):
        if energie.id not in [d.id for d in ann.item_domains(items[number].id)]:
            ann.tag_item(items[number].id, energie.id)
    ann.highlight_quote(items[2].id, "Ik ben evenals alle betrokkenen erg teleurgesteld dat de planning opschuift.",
                        field="answer")
    ann.set_note(doc.id, items[7].id, "Minister sluit versnelling niet uit; vraag naar **concrete opties** en een datum.")
    ann.set_note(doc.id, None, "Vertraging van de Delta Rhine Corridor tot na 2030 raakt de **verduurzaming van de "
                 "industrie**.\n- Inzet: versnelling en compensatie voor bedrijven")
    ann.add_followup(items[7].id, "Welke versnellingsopties gaat u benutten, en wanneer?",
                     kind=FollowUpKind.VRAAG_IN_DEBAT, owner="Kamerlid")
    ann.add_followup(items[6].id, "Motie: verzoekt de regering een steunpakket voor getroffen bedrijven uit te "
                     "werken", kind=FollowUpKind.MOTIE, owner="Sanne")
    opts = BriefingOptions(kind="kamerlid", subject="Commissiedebat Klimaat en Energie", **HEAD)
    path = export_briefing([ann.bundle(doc.id)], opts, work / "kamervragen.docx")
    store.close()
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        store, ann, doc = build_scenario(work / "s.db")
        bundle = ann.bundle(doc.id)
        store.close()
        kamerlid = to_pdf(export_briefing([bundle], BriefingOptions(kind="kamerlid", subject=SCENARIO_SUBJECT, **HEAD),
                                          work / "kamerlid.docx"), work)
        technisch = to_pdf(export_briefing([bundle], BriefingOptions(kind="technisch", subject=SCENARIO_SUBJECT,
                                                                     **HEAD), work / "technisch.docx"), work)
        page_png(kamerlid, 1, DOCS / "briefing-kamerlid.png")
        page_png(kamerlid, 2, DOCS / "briefing-kamerlid-2.png")
        page_png(technisch, 1, DOCS / "briefing-technisch.png")
        page_png(technisch, 2, DOCS / "briefing-technisch-2.png")
        if KAMERVRAGEN.is_file():
            page_png(to_pdf(kamervragen_briefing(work), work), 1, DOCS / "briefing-kamervragen.png")


if __name__ == "__main__":
    main()
