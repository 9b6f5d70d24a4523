"""CLI: `briefer export DOC... --kind kamerlid|technisch`, a thin wrapper over briefer.export.

Everything the app's export dialog offers: kind, ceiling, domains, fracties, all items or only the
annotated ones, order, Onderwerp (`--subject`), Aan (`--to`), Van (`--from`), template, file or folder,
opening the result (`--open`), and the dialog's outline with its estimated length (`--outline`, which
writes nothing). Prints what the ceiling and the selection leave out, then the path written.

Files: without `--out` (or with a folder) the default name never replaces anything (`name (2).docx`);
an `--out` file that exists is refused unless `--force`. The open database is never a target.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from briefer.cli import db_path, open_store
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
    p.add_argument("--subject", metavar="TEKST",
                   help="onderwerp, bijv. 'Commissiedebat Strategische afhankelijkheden, 12 december' "
                        "(standaard: de titel van het stuk)")
    p.add_argument("--to", metavar="NAAM", help="aan wie (standaard: de ingestelde ontvanger)")
    p.add_argument("--from", "--author", dest="author", metavar="NAAM",
                   help="van wie (standaard: de ingestelde naam)")
    p.add_argument("--template", type=Path, metavar="BESTAND", help="eigen Word-sjabloon (.docx)")
    p.add_argument("--out", type=Path, metavar="BESTAND", help="doelbestand of -map")
    p.add_argument("--force", action="store_true", help="een bestaand --out-bestand vervangen")
    p.add_argument("--all-items", action="store_true", help="ook antwoorden zonder annotaties")
    p.add_argument("--outline", action="store_true",
                   help="alleen tonen wat de briefing bevat en hoeveel pagina's het wordt; niets opslaan")
    p.add_argument("--open", action="store_true", help="de briefing na het opslaan openen")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from briefer.annotate import Annotations
    from briefer.export import BriefingOptions, export_briefing, preview
    from briefer.settings import Settings

    settings = Settings.load()
    template = args.template or (Path(settings.template_path) if settings.template_path else None)
    opts = BriefingOptions(
        kind=args.kind, ceiling=Level(args.ceiling), domains=list(args.domain), parties=list(args.party),
        only_annotated=not args.all_items, by=args.by, template=template,
        author=args.author if args.author is not None else settings.user_name, out=args.out,
        recipient=args.to if args.to is not None else settings.export_recipient, subject=args.subject or "",
    )
    with open_store(args) as store:
        ann = Annotations(store)
        bundles = [ann.bundle(store.resolve(ref).id) for ref in args.docs]
    if args.outline:
        seen = preview(bundles, opts)
        print(f"{opts.kind_label}, ongeveer {seen.pages} {'pagina' if seen.pages == 1 else 'pagina’s'}:")
        for line in seen.outline:
            print(f"  - {line}")
        _print_left_out(seen.left_out)
        return 0
    from briefer.export import left_out

    _print_left_out(left_out(bundles, opts))
    path = export_briefing(bundles, opts, overwrite=args.force, databases=[db_path(args)])
    print(f"Briefing opgeslagen: {path}")
    if args.open:
        open_with_desktop(path)
    return 0


def _print_left_out(lines: list[str]) -> None:
    if lines:
        print("Weggelaten:")
        for line in lines:
            print(f"  - {line}")


def open_with_desktop(path: Path) -> None:
    """Open `path` in the user's word processor (best effort; says so when it cannot)."""
    try:
        if sys.platform.startswith("win"):
            os.startfile(str(path))  # type: ignore[attr-defined]  # noqa: S606
        else:
            opener = "open" if sys.platform == "darwin" else "xdg-open"
            subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    except OSError:
        print(f"briefer: de briefing is opgeslagen maar kon niet worden geopend; open {path} zelf.", file=sys.stderr)
