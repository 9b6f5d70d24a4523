"""CLI: `briefer parse FILE [--json]` — parse a document without touching any database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefer.model import Document, doc_type_label, people_label


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "parse", help="een document inlezen en de structuur tonen (zonder database)",
        description="Lees een PDF-, tekst- of Word-bestand en toon de herkende structuur.",
    )
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument("--json", action="store_true", help="de volledige structuur als JSON")
    p.add_argument("--type", dest="doc_type", metavar="TYPE",
                   help="lees als dit documenttype in plaats van het te herkennen ('briefer types' toont ze)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from briefer.ingest import parse_file

    doc = parse_file(args.file, doc_type=args.doc_type)
    if args.json:
        json.dump(doc.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(outline(doc))
    return 0


def outline(doc: Document) -> str:
    """A readable Dutch outline: type, Kamerstuk, parties with item counts, warnings."""
    sure = "gekozen" if doc.type_chosen else f"zekerheid {round(doc.type_confidence * 100)}%"
    lines = [f"Bestand:      {doc.source}", f"Type:         {doc_type_label(doc.doc_type)} ({doc.doc_type}; {sure})"]
    if doc.kamerstuk:
        lines.append(f"Kamerstuk:    {doc.kamerstuk}")
    if doc.identifier:
        lines.append(f"Kenmerk:      {doc.identifier}")
    if doc.vergaderjaar:
        lines.append(f"Vergaderjaar: {doc.vergaderjaar}")
    if doc.title:
        lines.append(f"Titel:        {doc.title}")
    for label, value in (("Datum", doc.date), ("Kenmerk", doc.kenmerk if doc.kenmerk != doc.identifier else None),
                         ("TK-zaak", doc.tk_reference), ("Aan", doc.addressee), ("Ondertekend", doc.signed_by)):
        if value:
            lines.append(f"{label + ':':<14}{value}")
    if doc.asked_by:
        lines.append("Vragensteller(s): " + people_label(doc.asked_by))
    if doc.answered_by:
        lines.append(f"Beantwoord door: {doc.answered_by}")
    lines.append(f"Pagina's:     {doc.page_count}")
    lines.append(f"Vragen/antwoorden: {len(doc.items)}; voetnoten: {len(doc.footnotes)}")
    counts: dict[str, int] = {}
    for it in doc.items:
        key = it.party or "(geen fractie)"
        counts[key] = counts.get(key, 0) + 1
    if any(it.party for it in doc.items):
        lines.append("Per fractie:")
        for party, n in counts.items():
            lines.append(f"  {party:<20} {n}")
    if doc.warnings:
        lines.append("Waarschuwingen:")
        lines.extend(f"  - {w}" for w in doc.warnings)
    else:
        lines.append("Geen waarschuwingen.")
    return "\n".join(lines) + "\n"
