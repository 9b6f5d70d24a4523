"""CLI: `briefer sync FOLDER` — exchange annotations with colleagues through a shared folder.

Thin over `briefer.annotate.folder.sync_folder`. Exit codes are in `EPILOG`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from briefer.annotate.folder import FolderUnreachable, sync_folder
from briefer.cli import UserError, db_path
from briefer.cli.filters import LEVELS
from briefer.cli.sharing import EXIT_CONFLICTS

EXIT_UNREACHABLE = 4
EXIT_SKIPPED = 5
EPILOG = (
    "Elke database schrijft alleen nieuwe bestanden in een eigen submap en leest die van de anderen.\n"
    "Afsluitcodes: 0 = bijgewerkt; 3 = bijgewerkt, maar er staan conflicten open ('briefer annotations\n"
    "conflicts'); 4 = de map is niet bereikbaar (offline): niets veranderd, uw wijzigingen gaan de\n"
    "volgende keer mee; 5 = bijgewerkt, maar een of meer bestanden van collega's waren onleesbaar (ze\n"
    "worden de volgende keer opnieuw geprobeerd); 1 = fout (niets veranderd)."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="annotaties uitwisselen via een gedeelde map (netwerkschijf of cloudmap)",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", type=Path, metavar="MAP")
    p.add_argument("--ceiling", choices=LEVELS, default=None,
                   help="plafond van een nieuwe map (standaard intern); ligt daarna vast")
    p.add_argument("--author", default="", metavar="NAAM", help="uw naam, zoals collega's die zien")
    p.add_argument("--json", action="store_true", help="verslag als JSON")
    p.set_defaults(func=cmd_sync)


def cmd_sync(args: argparse.Namespace) -> int:
    from briefer.cli.annotations import _Session

    with _Session(args) as s:
        try:
            report = sync_folder(s.ann, args.folder, ceiling=args.ceiling, author=args.author,
                                 databases=(db_path(args),))
        except FolderUnreachable as exc:
            raise UserError(str(exc), code=EXIT_UNREACHABLE) from None
    if args.json:
        print(json.dumps({"folder": str(report.folder), "ceiling": report.ceiling, "created": report.created,
                          "written": str(report.written) if report.written else None,
                          "written_count": report.written_count, "files_read": report.files_read,
                          "colleagues": report.colleagues, "open_conflicts": report.open_conflicts,
                          "skipped": report.skipped, "left_out": report.left_out,
                          "lines": report.lines()}, ensure_ascii=False, indent=2))
    else:
        print("\n".join(report.lines()))
    if report.open_conflicts:
        return EXIT_CONFLICTS
    return EXIT_SKIPPED if report.skipped else 0
