"""CLI: import, list, show, search, backup, check, restore — thin wrappers over briefer.store.

Output is Dutch. Errors are raised (Dutch messages) and printed as one line by briefer.cli.main.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from briefer import paths
from briefer.cli import UserError, db_path, open_store, restore_hint
from briefer.cli.filters import add_filter_args
from briefer.errors import is_user_facing
from briefer.model import Footnote, StoredDocument, StoredItem, doc_type_label, people_label
from briefer.store import DatabaseCorrupt, ImportResult
from briefer.store import backup as backups
from briefer.textutil import cited_footnotes, shorten


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="documenten importeren (PDF, tekst, Word)")
    p.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="geïmporteerde documenten tonen")
    p.add_argument("--json", action="store_true", help="als JSON")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="een document (of één vraag) tonen")
    p.add_argument("doc", metavar="DOC", help="id, kenmerk, Kamerstuk (30821-196) of 'latest'")
    p.add_argument("item", nargs="?", metavar="VRAAG", help="vraagnummer")
    p.add_argument("--json", action="store_true", help="als JSON")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="zoeken in vragen, antwoorden en notities (woord* zoekt op begin)")
    p.add_argument("query", metavar="ZOEKTERMEN")
    p.add_argument("--party", metavar="FRACTIE")
    p.add_argument("--doc", metavar="DOC")
    p.add_argument("--limit", type=int, default=50)
    add_filter_args(p, ceiling=True)
    p.add_argument("--json", action="store_true", help="als JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("backup", help="nu een reservekopie van de database maken")
    p.add_argument("--keep", type=int, default=backups.KEEP, help="aantal te bewaren kopieën")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("check", help="de database controleren op beschadiging")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("restore", help="een reservekopie terugzetten (de oude database blijft bewaard)")
    p.add_argument("backup", nargs="?", type=Path, metavar="KOPIE",
                   help="reservekopie (standaard: de nieuwste goede)")
    p.set_defaults(func=cmd_restore)


# ------------------------------------------------------------------------------------ import

def _progress(name: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        print(f"\r{name}: pagina {done}/{total}", end="" if done < total else "\n",
              file=sys.stderr, flush=True)

    return report


def _reference_line(doc: StoredDocument) -> str:
    year = f" (vergaderjaar {doc.vergaderjaar})" if doc.vergaderjaar else ""
    if doc.kamerstuk:
        return f"  Kamerstuk:      {doc.kamerstuk}{year}"
    if doc.identifier:
        return f"  Kenmerk:        {doc.identifier}{year}"
    return "  Kamerstuk:      niet gevonden"


def summary_lines(result: ImportResult) -> list[str]:
    """The Dutch import summary: type, Kamerstuk, items per party, warnings."""
    doc = result.document
    if not result.created:
        return [f"Al geïmporteerd: {doc.source} is {doc.display_name} (id {doc.id}); niets gewijzigd."]
    parties = ", ".join(f"{party} {count}" for party, count in result.items_per_party if party != "—")
    lines = [
        f"Geïmporteerd: {doc.source}",
        f"  Type:           {doc_type_label(doc.doc_type)}",
        _reference_line(doc),
    ]
    if doc.title:
        lines.append(f"  Titel:          {doc.title}")
    if doc.asked_by:
        lines.append(f"  Gesteld door:   {people_label(doc.asked_by)}")
    if doc.answered_by:
        lines.append(f"  Beantwoord door: {doc.answered_by}")
    lines.append(f"  Vragen:         {doc.item_count}" + (f" — per fractie: {parties}" if parties else ""))
    if result.previous is not None:
        lines.append(f"  Nieuwe versie van: {result.previous.display_name} (id {result.previous.id})")
        if result.carry_over is not None:
            lines.append(f"  Annotaties overgezet: {result.carry_over}")
    if doc.warnings:
        lines.append(f"  Waarschuwingen ({len(doc.warnings)}):")
        lines += [f"    - {w}" for w in doc.warnings]
    else:
        lines.append("  Waarschuwingen: geen")
    lines.append(f"  Id:             {doc.id}")
    return lines


def cmd_import(args: argparse.Namespace) -> int:
    from briefer.importer import import_file

    workers = min(2, os.cpu_count() or 1)  # both cores: import ≈ raw extraction time (bench/README.md)
    failed = 0
    with open_store(args) as store:
        for path in args.files:
            try:
                result = import_file(store, path, progress=_progress(path.name), workers=workers)
            except Exception as exc:
                if not is_user_facing(exc):
                    raise
                print(f"briefer: {exc}", file=sys.stderr)
                failed += 1
                continue
            print("\n".join(summary_lines(result)))
    return 1 if failed else 0


# ------------------------------------------------------------------------------------ list / show

def _doc_json(doc: StoredDocument) -> dict[str, object]:
    data = asdict(doc)
    data.pop("original_path", None)
    return data


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        docs = store.documents()
    if args.json:
        print(json.dumps([_doc_json(d) for d in docs], ensure_ascii=False, indent=2))
        return 0
    if not docs:
        print("Nog geen documenten; importeer er een met 'briefer import BESTAND'.")
        return 0
    for doc in docs:
        version = f"  (nieuwe versie van {doc.version_of[:8]})" if doc.version_of else ""
        ref = doc.kamerstuk or doc.identifier or doc.source
        print(f"{doc.id[:8]}  {doc.imported[:10]}  {ref:<22}  {doc.item_count:>4} vragen  "
              f"{doc_type_label(doc.doc_type)}{version}")
        if doc.title:
            print(f"          {doc.title}")
    return 0


def _first_words(text: str, width: int = 70) -> str:
    return shorten(text, width)


def _item_json(item: StoredItem) -> dict[str, object]:
    return asdict(item)


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        doc = store.resolve(args.doc)
        if args.item is not None:
            item = store.item_by_number(doc.id, args.item)
            notes = store.footnotes(doc.id)
            return _show_item(args, doc, item, notes)
        items = store.items(doc.id)
        notes = store.footnotes(doc.id)
    if args.json:
        print(json.dumps({"document": _doc_json(doc), "items": [_item_json(i) for i in items],
                          "footnotes": [asdict(n) for n in notes]}, ensure_ascii=False, indent=2))
        return 0
    print(doc.display_name + (f" — {doc.title}" if doc.title else ""))
    print(f"{doc_type_label(doc.doc_type)} · {doc.source} · id {doc.id}")
    if doc.version_of:
        print(f"Nieuwe versie van {doc.version_of}")
    print(f"{len(items)} vragen, {len(notes)} voetnoten")
    party = object()
    for item in items:
        if item.party != party:
            party = item.party
            print(f"\n{item.party or '(geen fractie)'}")
        numbers = ", ".join(str(n) for n in item.numbers)
        text = item.question or item.answer
        print(f"  {numbers:>7}  {item.pages_label:<10} {_first_words(text)}")
    for warning in doc.warnings:
        print(f"Waarschuwing: {warning}")
    return 0


def _show_item(args: argparse.Namespace, doc: StoredDocument, item: StoredItem, notes: list[Footnote]) -> int:
    cited = set(cited_footnotes(item.question + " " + item.answer))
    used = [n for n in notes if n.number in cited]
    if args.json:
        print(json.dumps({"document": _doc_json(doc), "item": _item_json(item),
                          "footnotes": [asdict(n) for n in used]}, ensure_ascii=False, indent=2))
        return 0
    numbers = ", ".join(str(n) for n in item.numbers)
    head = " · ".join(x for x in (f"Vraag {numbers}", item.party or "", item.pages_label) if x)
    print(head)
    print(doc.display_name)
    if item.question:
        print(f"\nVraag\n{item.question}")
    print(f"\nAntwoord\n{item.answer}")
    if used:
        print("\nVoetnoten")
        for note in used:
            print(f"[^{note.number}] {note.text}")
    return 0


# ------------------------------------------------------------------------------------ search

_FIELD_LABELS = {"question": "vraag", "answer": "antwoord", "note": "notitie", "highlight": "markering",
                 "document_note": "kern"}


def _domain_id(store: object, ref: str | None) -> str | None:
    """The id of the domain the user named (id, key digit or name), or None."""
    if not ref:
        return None
    from briefer.annotate import Annotations

    return Annotations(store).domain_by_ref(ref).id


def cmd_search(args: argparse.Namespace) -> int:
    """Search items, notes and highlight notes; the filters and the ceiling (`--level`) apply
    inside the search, over every match (briefer.store.search)."""
    with open_store(args) as store:
        doc_id = store.resolve(args.doc).id if args.doc else None
        hits = store.search(args.query, party=args.party, doc_id=doc_id, limit=args.limit,
                            domain_id=_domain_id(store, args.domain), status=args.status,
                            has_note=args.has_note, ceiling=args.level)
        names = {} if args.json else {d: store.document(d) for d in dict.fromkeys(h.document_id for h in hits)}
    if args.json:
        print(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"Geen resultaten voor '{args.query}'.")
        return 0
    for hit in hits:
        doc = names.get(hit.document_id)
        where = doc.short_ref if doc else hit.document_id[:8]
        parts = [where]
        if hit.item_number is not None:
            parts.append(f"vraag {hit.item_number}")
        if hit.party:
            parts.append(hit.party)
        label = _FIELD_LABELS.get(hit.field, hit.field)
        parts.append(f"{label} [{hit.level}]" if hit.level == "vertrouwelijk" else label)
        print(" · ".join(parts))
        print(f"    {' '.join(hit.snippet.split())}")
    if any(h.kind == "item" and h.rank == 0.0 for h in hits):  # see briefer.store.search, "Ranking"
        print("(Meer dan 1.000 treffers: de vragen staan met de nieuwste eerst; verfijn de zoekterm of "
              "gebruik een filter.)")
    return 0


# ------------------------------------------------------------------------------------ durability

def cmd_backup(args: argparse.Namespace) -> int:
    path = db_path(args)
    problems = backups.check_integrity(path)
    if problems:
        raise UserError(f"De database {path} is beschadigd ({problems[0]}); er is geen kopie gemaakt.")
    target = backups.backup(path, keep=args.keep)
    print(f"Reservekopie gemaakt: {target}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.exists():
        raise UserError(f"De database {path} bestaat nog niet; importeer eerst een document.")
    problems = backups.check_integrity(path)
    if problems:
        good = backups.newest_good_backup(path)
        offer = restore_hint(path, good) if good else "er is geen goede reservekopie."
        raise DatabaseCorrupt(f"De database {path} is beschadigd ({problems[0]}); {offer}",
                              path=path, backup=good)
    found = backups.backups(path)
    print(f"De database {path} is in orde; {len(found)} reservekopie(ën) in {paths.backup_dir(path)}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    chosen = args.backup or backups.newest_good_backup(path)
    if chosen is None:
        raise UserError(f"Er is geen goede reservekopie van {path} gevonden.")
    aside = backups.restore_backup(path, chosen)
    kept = f"; de oude database is bewaard als {aside}" if aside else ""
    print(f"Reservekopie {chosen.name} teruggezet in {path}{kept}.")
    return 0
