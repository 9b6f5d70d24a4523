"""CLI: `briefer export DOC... --kind kamerlid|technisch`, a thin wrapper over briefer.export.

Prints what the ceiling and the selection leave out, then the path of the written .docx.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefer.cli import open_store
from briefer.cli.filters import LEVELS
from briefer.model import Level


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="een Word-briefing maken (Kamerlidbriefing of technische briefing)")
    p.add_argument("docs", nargs="+", metavar="DOC", help="id, kenmerk, Kamerstuk (30821-196) of 'latest'")
    p.add_argument("--kind", required=True, choices=["kamerlid", "technisch"], help="soort briefing")
    p.add_argument("--ceiling", default=Level.INTERN.value, choices=LEVELS,
                   help="hoogste niveau dat in het bestand mag (standaard: intern)")
    p.add_argument("--domain", action="append", default=[], metavar="D",
                   help="alleen dit domein (naam, id of toetscijfer); herhaalbaar")
    p.add_argument("--party", action="append", default=[], metavar="P", help="alleen deze fractie; herhaalbaar")
    p.add_argument("--by", default="party", choices=["party", "domain"],
                   help="technische briefing per fractie of per domein")
    p.add_argument("--template", type=Path, metavar="BESTAND", help="eigen Word-sjabloon (.docx)")
    p.add_argument("--out", type=Path, metavar="BESTAND", help="doelbestand of -map")
    p.add_argument("--all-items", action="store_true", help="ook antwoorden zonder annotaties")
    p.add_argument("--author", metavar="NAAM", help="auteur (standaard: de ingestelde naam)")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from briefer.annotate import Annotations
    from briefer.export import BriefingOptions, export_briefing, left_out
    from briefer.settings import Settings

    settings = Settings.load()
    template = args.template or (Path(settings.template_path) if settings.template_path else None)
    opts = BriefingOptions(
        kind=args.kind, ceiling=Level(args.ceiling), domains=list(args.domain), parties=list(args.party),
        only_annotated=not args.all_items, by=args.by, template=template,
        author=args.author if args.author is not None else settings.user_name, out=args.out,
    )
    with open_store(args) as store:
        ann = Annotations(store)
        bundles = [ann.bundle(store.resolve(ref).id) for ref in args.docs]
    lines = left_out(bundles, opts)
    if lines:
        print("Weggelaten:")
        for line in lines:
            print(f"  - {line}")
    path = export_briefing(bundles, opts)
    print(f"Briefing opgeslagen: {path}")
    return 0
