"""CLI: `briefer annotations …` — share with colleagues (export, import), list, conflicts, trash.

Thin over `briefer.annotate` (exchange, files, conflicts). Exit codes are in `IMPORT_EPILOG`.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from briefer.annotate.files import read_exchange_file, share_document
from briefer.cli import UserError, db_path
from briefer.cli.filters import LEVELS
from briefer.textutil import shorten

EXIT_CONFLICTS = 3
IMPORT_EPILOG = (
    "Afsluitcodes: 0 = samengevoegd, geen conflicten; 3 = samengevoegd, maar er staan conflicten open\n"
    "(dezelfde tekst is aan twee kanten gewijzigd; kies met 'briefer annotations conflicts ID --take\n"
    "mine|theirs'); 1 = niets geïmporteerd (het bestand is ongeldig of het document ontbreekt)."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from briefer.cli.annotations import cmd_restore, cmd_trash

    p = sub.add_parser("annotations", help="annotaties delen met een collega, tonen, conflicten, prullenbak")
    asub = p.add_subparsers(dest="annotations_command", metavar="export|import|list|conflicts|trash|restore",
                            required=True)
    e = asub.add_parser("export", help="annotaties van een document delen (JSON-bestand, standaard tot intern)",
                        description="Schrijft de annotaties van een document (alle versies) naar een bestand "
                                    "voor een collega. Alleen wat binnen het plafond valt gaat mee; wat "
                                    "erbuiten blijft wordt genoemd. Een bestand met vertrouwelijk materiaal "
                                    "heet '… VERTROUWELIJK.json'.")
    e.add_argument("doc", metavar="DOC")
    e.add_argument("--out", required=True, type=Path, metavar="BESTAND")
    e.add_argument("--ceiling", choices=LEVELS, default="intern",
                   help="hoogste niveau dat meegaat (standaard intern)")
    e.add_argument("--force", action="store_true", help="een bestaand bestand vervangen")
    e.add_argument("--author", default="", metavar="NAAM", help="uw naam, zoals de collega die ziet")
    e.set_defaults(func=cmd_export)
    i = asub.add_parser("import", help="annotaties van een collega samenvoegen",
                        epilog=IMPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    i.add_argument("file", type=Path, metavar="BESTAND")
    i.set_defaults(func=cmd_import)
    s = asub.add_parser("list", help="alle annotaties van een document tonen (schrijft niets)")
    s.add_argument("doc", metavar="DOC")
    s.add_argument("--json", action="store_true", help="als JSON")
    s.set_defaults(func=cmd_list)
    c = asub.add_parser("conflicts", help="conflicten tonen en oplossen (aan twee kanten gewijzigde teksten)")
    c.add_argument("id", nargs="?", metavar="ID", help="het conflict (id of begin ervan) om te tonen of op te lossen")
    c.add_argument("--doc", metavar="DOC", help="alleen dit document")
    how = c.add_mutually_exclusive_group()
    how.add_argument("--take", choices=["mine", "theirs"], help="mine = mijn versie, theirs = die van de collega")
    how.add_argument("--text", metavar="TEKST", help="een samengevoegde tekst")
    c.add_argument("--json", action="store_true", help="als JSON")
    c.set_defaults(func=cmd_conflicts)
    t = asub.add_parser("trash", help="de prullenbak tonen")
    t.set_defaults(func=cmd_trash)
    r = asub.add_parser("restore", help="iets uit de prullenbak terugzetten")
    r.add_argument("id", metavar="ID")
    r.set_defaults(func=cmd_restore)


def _session(args: argparse.Namespace) -> Any:
    from briefer.cli.annotations import _Session

    return _Session(args)


def cmd_export(args: argparse.Namespace) -> int:
    with _session(args) as s:
        doc = s.doc(args.doc)
        result = share_document(s.ann, doc.id, args.out, ceiling=args.ceiling, overwrite=args.force,
                                databases=(db_path(args),), author=args.author)
    mark = " (VERTROUWELIJK)" if result.confidential else ""
    print(f"{result.count} annotaties van {doc.display_name} gedeeld naar {result.path}{mark}")
    for line in result.left_out:
        print(line)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    data = read_exchange_file(args.file)
    with _session(args) as s:
        report = s.ann.import_json(data)
    print("\n".join(report.lines()))
    return EXIT_CONFLICTS if report.open_conflicts else 0


def _listing(s: Any, doc: Any) -> dict[str, Any]:
    bundle = s.ann.bundle(doc.id)
    numbers = {i.id: i.number for i in bundle.items}
    return {
        "document": {"id": doc.id, "identifier": doc.identifier, "kamerstuk": doc.kamerstuk},
        "domains": [asdict(d) for d in bundle.domains],
        "tags": [{"item_number": numbers.get(item_id), "domain_id": d}
                 for item_id, ds in bundle.item_domains.items() for d in ds],
        "highlights": [{**asdict(h), "item_number": numbers.get(h.item_id)} for h in bundle.highlights],
        "notes": [{**asdict(n), "item_number": numbers.get(n.item_id)} for n in bundle.notes],
        "followups": [{**asdict(f), "item_number": numbers.get(f.item_id)} for f in bundle.followups],
        "conflicts": [{"id": c.id, "kind": c.kind, "item_number": c.item_number,
                       "versions": [v[0] for v in c.versions]} for c in s.ann.conflicts(doc.id)],
    }


def cmd_list(args: argparse.Namespace) -> int:
    with _session(args) as s:
        doc = s.doc(args.doc)
        if args.json:
            print(json.dumps(_listing(s, doc), ensure_ascii=False, indent=2, default=str))
            return 0
        bundle = s.ann.bundle(doc.id)
        conflicts = {c.id for c in s.ann.conflicts(doc.id)}
    names = {d.id: d.name for d in bundle.domains}
    by_item = {i.id: i for i in bundle.items}
    print(doc.display_name)

    def flag(row_id: str) -> str:
        return " CONFLICT" if row_id in conflicts else ""

    for note in bundle.notes:
        where = "Kern" if note.item_id is None else f"Vraag {by_item[note.item_id].number}"
        print(f"  {where} [{note.level.value}]{flag(note.id)}: {shorten(note.body, 70)}  ({note.id[:8]})")
    for item_id, dids in bundle.item_domains.items():
        print(f"  Vraag {by_item[item_id].number}: " + ", ".join(names[d] for d in dids))
    for h in bundle.highlights:
        number = by_item[h.item_id].number if h.item_id in by_item else "?"
        flags = (" VERWEESD" if h.orphaned else "") + flag(h.id)
        dom = f" · {names[h.domain_id]}" if h.domain_id in names else ""
        print(f"  Markering vraag {number} [{h.level.value}]{dom}{flags}: '{shorten(h.exact, 60)}'  ({h.id[:8]})")
    for f in bundle.followups:
        print(f"  Vervolgactie vraag {by_item[f.item_id].number} [{f.level.value}, {f.status.value}]"
              f"{flag(f.id)}: {shorten(f.text, 60)}  ({f.id[:8]})")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with _session(args) as s:
        if args.take or args.text is not None:
            if not args.id:
                raise UserError("Noem het conflict: 'briefer annotations conflicts ID --take mine|theirs'.")
            change = s.ann.resolve_conflict(args.id, take=args.take, text=args.text)
            left = len(s.ann.conflicts())
            print(f"{change.label}: {args.id} ({'mijn versie' if args.take == 'mine' else 'die van de collega' if args.take == 'theirs' else 'samengevoegde tekst'}). "
                  f"Nog {left} conflict(en) open.")
            return 0
        doc_id = s.doc(args.doc).id if args.doc else None
        conflicts = s.ann.conflicts(doc_id)
        if args.id:
            from briefer.annotate.conflicts import find_conflict

            conflicts = [find_conflict(s.ann, args.id)]
        if args.json:
            print(json.dumps([{"id": c.id, "kind": c.kind, "item_number": c.item_number,
                               "document_id": c.document_id, "field": c.column,
                               "versions": [{"text": v[0], "by": v[2], "replica": v[1]} for v in c.versions]}
                              for c in conflicts], ensure_ascii=False, indent=2))
            return 0
    if not conflicts:
        print("Geen conflicten.")
        return 0
    for c in conflicts:
        where = f"vraag {c.item_number}" if c.item_number is not None else "kern"
        print(f"{c.id[:8]}  {c.kind[:-1] if c.kind.endswith('s') else c.kind} bij {where}: {c.reason}")
        width = 500 if args.id else 70
        for text, _replica, who in c.versions:
            print(f"          {who}: {shorten(text, width)}")
    print("Oplossen: 'briefer annotations conflicts ID --take mine' (of theirs, of --text 'samengevoegd').")
    return 0
