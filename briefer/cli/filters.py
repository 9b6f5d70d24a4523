"""CLI: `briefer items` — find annotated items across documents by domain, fractie, level,
follow-up status and note; `briefer search` takes the same filters.

Thin over `Annotations.filter_items` and `Store.search`.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from briefer.cli import open_store
from briefer.records import FollowUpStatus, Level
from briefer.textutil import shorten

TYPE_CHECKING = False  # typing stays unimported at run time: CLI start-up (briefer.cli)
if TYPE_CHECKING:
    from briefer.records import StoredItem
    from briefer.store import Store

LEVELS = [lv.value for lv in Level]
STATUSES = [st.value for st in FollowUpStatus]


def add_filter_args(p: argparse.ArgumentParser, *, ceiling: bool = False) -> None:
    """The annotation filters shared by `items` and `search`.

    `ceiling`: `--level` is a ceiling (search: nothing above it is shown or counted), not "holding
    an annotation at this level" (items)."""
    p.add_argument("--domain", metavar="DOMEIN", help="gelabeld met of gemarkeerd in dit domein")
    if ceiling:
        p.add_argument("--level", choices=LEVELS,
                       help="plafond: alleen notities en markeringen op of onder dit niveau; wat "
                            "erboven ligt, telt ook voor de andere filters niet mee")
    else:
        p.add_argument("--level", choices=LEVELS, help="met een annotatie op dit niveau")
    p.add_argument("--status", choices=STATUSES, help="met een vervolgactie met deze status")
    note = p.add_mutually_exclusive_group()
    note.add_argument("--has-note", dest="has_note", action="store_const", const=True,
                      help="met een notitie (of markeringsnotitie)")
    note.add_argument("--no-note", dest="has_note", action="store_const", const=False,
                      help="zonder notitie")


def filtered_items(store: Store, args: argparse.Namespace, document_id: str | None) -> list[StoredItem]:
    """The items matching the annotation filters in `args` (party included), newest document first."""
    from briefer.annotate import Annotations

    ann = Annotations(store)
    domain_id = ann.domain_by_ref(args.domain).id if args.domain else None
    return ann.filter_items(
        document_id=document_id, domain_id=domain_id, party=getattr(args, "party", None),
        level=args.level, status=args.status, has_note=args.has_note)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("items", help="vragen zoeken op domein, fractie, niveau, status of notitie")
    p.add_argument("doc", nargs="?", metavar="DOC", help="alleen dit document (standaard: alle)")
    p.add_argument("--party", metavar="FRACTIE")
    add_filter_args(p)
    p.add_argument("--json", action="store_true", help="als JSON")
    p.set_defaults(func=cmd_items)


def cmd_items(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        document_id = store.resolve(args.doc).id if args.doc else None
        items = filtered_items(store, args, document_id)
        docs = {d.id: d for d in store.documents()}
    if args.json:
        print(json.dumps([asdict(it) for it in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("Geen vragen die aan deze filters voldoen.")
        return 0
    for it in items:
        doc = docs.get(it.document_id)
        where = doc.short_ref if doc else it.document_id[:8]
        text = shorten(it.question or it.answer, 80)
        print(f"{where} · vraag {it.number}" + (f" · {it.party}" if it.party else "") + f"  {text}")
    print(f"{len(items)} vra{'ag' if len(items) == 1 else 'gen'}")
    return 0
