"""CLI: import, reparse, types, list, show, title, search — thin wrappers over the core (backup, check,
restore: `briefer.cli.durability`).

Output is Dutch. Errors are raised (Dutch messages) and printed as one line by briefer.cli.main.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from briefer.cli import open_store
from briefer.cli.filters import LEVELS, add_filter_args
from briefer.errors import is_user_facing
from briefer.records import Footnote, StoredDocument, StoredItem, doc_type_label, people_label
from briefer.store import ImportResult
from briefer.textutil import cited_footnotes, shorten


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="documenten importeren (PDF, tekst, Word)")
    p.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
    p.add_argument("--type", dest="doc_type", metavar="TYPE",
                   help="lees als dit documenttype in plaats van het te herkennen ('briefer types' toont ze)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("reparse", help="een document opnieuw inlezen als ander type (annotaties blijven)",
                       description="Lees het bewaarde origineel opnieuw in als ander documenttype. Het "
                       "resultaat is een nieuwe versie; alle annotaties gaan mee (wat niet te plaatsen is, "
                       "blijft bewaard als verweesd).")
    p.add_argument("doc", metavar="DOC", help="id, kenmerk, Kamerstuk (30821-196) of 'latest'")
    p.add_argument("--type", dest="doc_type", metavar="TYPE", required=True,
                   help="het documenttype ('briefer types' toont ze)")
    p.set_defaults(func=cmd_reparse)

    p = sub.add_parser("types", help="de documenttypen tonen die Briefer kent")
    p.set_defaults(func=cmd_types)

    p = sub.add_parser("list", help="geïmporteerde documenten tonen")
    p.add_argument("--json", action="store_true", help="als JSON")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="een document (of één vraag) tonen")
    p.add_argument("doc", metavar="DOC", help="id, kenmerk, Kamerstuk (30821-196) of 'latest'")
    p.add_argument("item", nargs="?", metavar="VRAAG", help="vraagnummer")
    p.add_argument("--json", action="store_true", help="als JSON")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("title", help="de eigen titel van een vraag (de regel in de inhoudsopgave) tonen of zetten")
    p.add_argument("doc", metavar="DOC", help="id, kenmerk, Kamerstuk (30821-196) of 'latest'")
    p.add_argument("item", metavar="VRAAG", help="vraagnummer")
    p.add_argument("title", nargs="?", metavar="TITEL", help="de nieuwe titel (zonder: de huidige tonen)")
    p.add_argument("--clear", action="store_true", help="de eigen titel weghalen (terug naar het onderwerp)")
    p.set_defaults(func=cmd_title)

    p = sub.add_parser("clip", help="één vraag met annotaties als tekst (voor e-mail of chat), tot een plafond")
    p.add_argument("doc", metavar="DOC", help="id, kenmerk, Kamerstuk (30821-196) of 'latest'")
    p.add_argument("item", metavar="VRAAG", help="vraagnummer")
    p.add_argument("--ceiling", choices=LEVELS, default="intern",
                   help="hoogste niveau dat meegaat (standaard intern)")
    p.set_defaults(func=cmd_clip)

    p = sub.add_parser("search", help="zoeken in vragen, antwoorden en notities (woord* zoekt op begin)")
    p.add_argument("query", metavar="ZOEKTERMEN")
    p.add_argument("--party", metavar="FRACTIE")
    p.add_argument("--doc", metavar="DOC")
    p.add_argument("--limit", type=int, default=50)
    add_filter_args(p, ceiling=True)
    p.add_argument("--json", action="store_true", help="als JSON")
    p.set_defaults(func=cmd_search)


# ------------------------------------------------------------------------------------ import

def _progress(name: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        print(f"\r{name}: pagina {done}/{total}", end="" if done < total else "\n",
              file=sys.stderr, flush=True)

    return report


def _type_line(doc: StoredDocument) -> str:
    label = f"  Type:           {doc_type_label(doc.doc_type)} ({doc.doc_type})"
    if doc.type_chosen:
        return label + " — gekozen"
    if doc.type_confidence is not None:
        return label + f" — herkend met zekerheid {round(doc.type_confidence * 100)}%"
    return label


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
    lines = [f"Geïmporteerd: {doc.source}", _type_line(doc), _reference_line(doc)]
    for label, value in (("Titel", doc.title), ("Datum", doc.date), ("Kenmerk", doc.kenmerk),
                         ("TK-zaak", doc.tk_reference), ("Aan", doc.addressee), ("Ondertekend", doc.signed_by)):
        if value and not (label == "Kenmerk" and value == doc.identifier):
            lines.append(f"  {label + ':':<16}{value}")
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

    if args.doc_type is not None:
        from briefer.ingest import _check_type

        _check_type(args.doc_type)  # an unknown type: one line, before anything is read
    failed = 0
    with open_store(args) as store:
        for path in args.files:
            try:
                # workers None: a large PDF is read by two processes, a small one in this process
                result = import_file(store, path, progress=_progress(path.name), workers=None,
                                     doc_type=args.doc_type)
            except Exception as exc:
                if not is_user_facing(exc):
                    raise
                print(f"briefer: {exc}", file=sys.stderr)
                failed += 1
                continue
            print("\n".join(summary_lines(result)))
    return 1 if failed else 0


def cmd_reparse(args: argparse.Namespace) -> int:
    from briefer.importer import reparse_document
    from briefer.ingest import _check_type

    _check_type(args.doc_type)
    with open_store(args) as store:
        doc = store.resolve(args.doc)
        result = reparse_document(store, doc.id, args.doc_type, progress=_progress(doc.source))
    lines = summary_lines(result)
    lines[0] = f"Opnieuw ingelezen: {result.document.source} als {doc_type_label(result.document.doc_type)}"
    print("\n".join(lines))
    return 0


def cmd_types(args: argparse.Namespace) -> int:
    from briefer.ingest import document_types

    for name in document_types():
        print(f"{name:<34} {doc_type_label(name)}")
    return 0


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
        ref = doc.kamerstuk or doc.display_name
        print(f"{doc.id[:8]}  {doc.imported[:10]}  {ref:<22}  {doc.item_count:>4} vragen  "
              f"{doc_type_label(doc.doc_type)}{version}")
        if doc.title:
            print(f"          {doc.title}")
    return 0


def _first_words(text: str, width: int = 70) -> str:
    return shorten(text, width)


def _subject(item: StoredItem) -> str:
    """What the app's outline calls an item without a title of the staffer's own."""
    from briefer.subject import question_subject

    text = item.question or item.answer
    return question_subject(text) or text


def cmd_clip(args: argparse.Namespace) -> int:
    """Print what the app's "Kopiëren als tekst" puts on the clipboard (the same core call)."""
    from briefer.annotate import Annotations
    from briefer.export.clip import item_clip

    with open_store(args) as store:
        doc = store.resolve(args.doc)
        item = store.item_by_number(doc.id, args.item)
        clip = item_clip(Annotations(store).bundle(doc.id), item.id, args.ceiling)
    sys.stdout.write(clip.text)
    for line in clip.left_out:
        print(line, file=sys.stderr)
    return 0


def cmd_title(args: argparse.Namespace) -> int:
    from briefer.cli import UserError
    from briefer.store.titles import item_title, set_item_title

    with open_store(args) as store:
        doc = store.resolve(args.doc)
        item = store.item_by_number(doc.id, args.item)
        if args.title is None and not args.clear:
            own = item_title(store, item.id)
            print(own if own else f"(geen eigen titel; onderwerp: {_subject(item)})")
            return 0
        if args.clear and args.title is not None:
            raise UserError("Geef een titel of --clear, niet allebei.")
        stored = set_item_title(store, item.id, None if args.clear else args.title)
    print(f"Vraag {item.number}: " + (f"titel '{stored}'" if stored else "eigen titel weggehaald"))
    return 0


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
        from briefer.store.titles import item_titles

        titles = item_titles(store, doc.id)
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
        print(f"  {numbers:>7}  {item.pages_label:<10} {_first_words(titles.get(item.id) or _subject(item))}")
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
