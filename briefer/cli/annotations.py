"""CLI: tag, note, highlight, followup, domains, annotations — thin wrappers over briefer.annotate.

DOC is resolved by the store (id, identifier, "30821-196", "latest"); ITEM is a question number;
DOMAIN a name, key digit or id. Output is Dutch; ids are printed so scripts can use them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from briefer.annotate import Annotations, Change
from briefer.cli import UserError, open_store
from briefer.cli.filters import LEVELS, STATUSES
from briefer.model import FollowUpKind, StoredDocument, StoredItem
from briefer.store import Store
from briefer.textutil import shorten

FIELDS = {"vraag": "question", "antwoord": "answer", "question": "question", "answer": "answer"}


def _level_arg(p: argparse.ArgumentParser, *, new: bool = False, lower: bool = False) -> None:
    help_text = "niveau: openbaar, intern of vertrouwelijk"
    if new:
        help_text += " (standaard: vertrouwelijk bij een vraag met vertrouwelijk materiaal, anders intern)"
    p.add_argument("--level", choices=LEVELS, default=None, help=help_text)
    if lower:
        p.add_argument("--lower", action="store_true",
                       help="bevestigen dat een niveau onder vertrouwelijk komt (verlagen, of lager dan het "
                            "materiaal): het verschijnt dan ook in lagere briefings")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("tag", help="een vraag labelen met prioritaire domeinen")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("item", metavar="VRAAG")
    p.add_argument("domains", nargs="+", metavar="DOMEIN", help="naam, sneltoets (1–9) of id")
    p.add_argument("--remove", action="store_true", help="het label juist weghalen")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("note", help="notitie bij een vraag, of de kern van het document (zonder VRAAG)")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("item", nargs="?", metavar="VRAAG")
    p.add_argument("--text", required=True, metavar="TEKST", help="Markdown; een lege tekst wist de notitie")
    _level_arg(p, new=True, lower=True)
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("highlight", help="een passage markeren, gekozen op haar tekst")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("item", metavar="VRAAG")
    p.add_argument("--quote", required=True, metavar="TEKST", help="de letterlijke tekst (uniek in de vraag)")
    p.add_argument("--field", choices=sorted(FIELDS), help="alleen zoeken in vraag of antwoord")
    p.add_argument("--domain", metavar="DOMEIN")
    p.add_argument("--note", default="", metavar="TEKST")
    _level_arg(p, new=True, lower=True)
    p.set_defaults(func=cmd_highlight)

    p = sub.add_parser("followup", help="vervolgacties toevoegen, tonen en bijwerken")
    fsub = p.add_subparsers(dest="followup_command", metavar="add|list|set", required=True)
    a = fsub.add_parser("add", help="vervolgactie toevoegen")
    a.add_argument("doc", metavar="DOC")
    a.add_argument("item", metavar="VRAAG")
    a.add_argument("--text", required=True, metavar="TEKST")
    a.add_argument("--kind", default=FollowUpKind.OVERIG.value, metavar="SOORT",
                   help="; ".join(k.value for k in FollowUpKind))
    a.add_argument("--due", metavar="JJJJ-MM-DD")
    a.add_argument("--owner", default="", metavar="NAAM")
    a.add_argument("--status", choices=STATUSES, default="open")
    a.add_argument("--highlight", metavar="ID", help="markering (id of het begin ervan) waar de actie bij hoort")
    _level_arg(a, new=True, lower=True)
    a.set_defaults(func=cmd_followup_add)
    lst = fsub.add_parser("list", help="vervolgacties van alle documenten")
    lst.add_argument("--status", choices=STATUSES)
    _level_arg(lst)
    lst.add_argument("--doc", metavar="DOC")
    lst.add_argument("--json", action="store_true", help="als JSON")
    lst.set_defaults(func=cmd_followup_list)
    s = fsub.add_parser("set", help="een vervolgactie bijwerken")
    s.add_argument("id", metavar="ID", help="id (of het begin ervan) uit 'followup list'")
    s.add_argument("--status", choices=STATUSES)
    s.add_argument("--text", metavar="TEKST")
    s.add_argument("--kind", metavar="SOORT")
    s.add_argument("--due", metavar="JJJJ-MM-DD")
    s.add_argument("--owner", metavar="NAAM")
    _level_arg(s, lower=True)
    s.set_defaults(func=cmd_followup_set)

    p = sub.add_parser("domains", help="prioritaire domeinen tonen en beheren")
    p.set_defaults(func=cmd_domains_list, json=False)
    dsub = p.add_subparsers(dest="domains_command", metavar="list|add|rename|recolour|merge|delete")
    d = dsub.add_parser("list", help="domeinen tonen")
    d.add_argument("--json", action="store_true", help="als JSON")
    d.set_defaults(func=cmd_domains_list)
    d = dsub.add_parser("add", help="domein toevoegen")
    d.add_argument("name", metavar="NAAM")
    d.add_argument("--colour", "--color", dest="colour", metavar="#RRGGBB")
    d.add_argument("--key", type=int, metavar="1-9")
    d.add_argument("--description", default="", metavar="TEKST")
    d.set_defaults(func=cmd_domains_add)
    d = dsub.add_parser("rename", help="domein hernoemen")
    d.add_argument("domain", metavar="DOMEIN")
    d.add_argument("name", metavar="NIEUWE_NAAM")
    d.set_defaults(func=cmd_domains_rename)
    d = dsub.add_parser("recolour", aliases=["recolor"], help="kleur wijzigen")
    d.add_argument("domain", metavar="DOMEIN")
    d.add_argument("colour", metavar="#RRGGBB")
    d.set_defaults(func=cmd_domains_recolour)
    d = dsub.add_parser("merge", help="domein samenvoegen met een ander (labels en markeringen gaan mee)")
    d.add_argument("source", metavar="DOMEIN")
    d.add_argument("target", metavar="DOEL")
    d.set_defaults(func=cmd_domains_merge)
    d = dsub.add_parser("delete", help="domein verwijderen (markeringen blijven, labels gaan naar de prullenbak)")
    d.add_argument("domain", metavar="DOMEIN")
    d.set_defaults(func=cmd_domains_delete)

    p = sub.add_parser("annotations", help="annotaties delen met een collega, tonen, prullenbak")
    asub = p.add_subparsers(dest="annotations_command", metavar="export|import|list|trash|restore",
                            required=True)
    e = asub.add_parser("export", help="annotaties van een document naar een JSON-bestand")
    e.add_argument("doc", metavar="DOC")
    e.add_argument("--out", required=True, type=Path, metavar="BESTAND")
    e.set_defaults(func=cmd_export)
    i = asub.add_parser("import", help="annotaties van een collega samenvoegen")
    i.add_argument("file", type=Path, metavar="BESTAND")
    i.set_defaults(func=cmd_import)
    s = asub.add_parser("list", help="alle annotaties van een document tonen")
    s.add_argument("doc", metavar="DOC")
    s.add_argument("--json", action="store_true", help="als JSON")
    s.set_defaults(func=cmd_list)
    t = asub.add_parser("trash", help="de prullenbak tonen")
    t.set_defaults(func=cmd_trash)
    r = asub.add_parser("restore", help="iets uit de prullenbak terugzetten")
    r.add_argument("id", metavar="ID")
    r.set_defaults(func=cmd_restore)


# ------------------------------------------------------------------------------------ helpers

class _Session:
    """The store, the annotation layer and the document/item the user named.

    The store comes from `briefer.cli.open_store`, so a damaged database gets the same message,
    naming the newest good backup, everywhere.
    """

    def __init__(self, args: argparse.Namespace) -> None:
        self._stack = contextlib.ExitStack()
        self.store: Store = self._stack.enter_context(open_store(args))
        try:
            self.ann = Annotations(self.store)
        except BaseException:
            self._stack.close()
            raise

    def __enter__(self) -> _Session:
        return self

    def __exit__(self, *exc: Any) -> bool | None:
        return self._stack.__exit__(*exc)

    def doc(self, ref: str) -> StoredDocument:
        return self.store.resolve(ref)

    def item(self, doc: StoredDocument, number: str) -> StoredItem:
        return self.store.item_by_number(doc.id, number)


def _done(change: Change, what: str) -> int:
    if change.empty:
        print(f"Niets veranderd: {what}.")
    else:
        print(f"{change.label}: {what}" + (f" (id {change.id})" if change.id else ""))
    return 0


def _short(text: str, width: int = 60) -> str:
    return shorten(text, width)


def _level_note(change: Change, asked: str | None) -> str:
    """' — niveau vertrouwelijk (…)' when the material chose the level or raised it."""
    after = change.after or {}
    level = after.get("level")
    if level != "vertrouwelijk" or asked == "vertrouwelijk":
        return ""
    if asked is None or change.counts.get("raised"):
        return " — niveau vertrouwelijk, omdat de vraag vertrouwelijk materiaal bevat (verlagen: --level … --lower)"
    return ""


# ------------------------------------------------------------------------------------ commands

def cmd_tag(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        doc = s.doc(args.doc)
        item = s.item(doc, args.item)
        domains = [s.ann.domain_by_ref(ref) for ref in args.domains]  # all valid before any write
        for domain in domains:
            if args.remove:
                _done(s.ann.untag_item(item.id, domain.id), f"vraag {item.number} zonder '{domain.name}'")
            else:
                _done(s.ann.tag_item(item.id, domain.id), f"vraag {item.number} · {domain.name}")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        doc = s.doc(args.doc)
        item = s.item(doc, args.item) if args.item else None
        change = s.ann.set_note(doc.id, item.id if item else None, args.text, level=args.level,
                                allow_lower=args.lower)
        where = f"vraag {item.number}" if item else f"kern van {doc.display_name}"
        new = change.before is None and change.after is not None
        return _done(change, where + (_level_note(change, args.level) if new else ""))


def cmd_highlight(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        doc = s.doc(args.doc)
        item = s.item(doc, args.item)
        domain_id = s.ann.domain_by_ref(args.domain).id if args.domain else None
        change = s.ann.highlight_quote(item.id, args.quote, field=FIELDS.get(args.field or ""),
                                       domain_id=domain_id, note=args.note, level=args.level,
                                       allow_lower=args.lower)
        return _done(change, f"vraag {item.number} '{_short(change.after['exact'])}'"
                             + _level_note(change, args.level))


def cmd_followup_add(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        doc = s.doc(args.doc)
        item = s.item(doc, args.item)
        highlight_id = _highlight_by_prefix(s.ann, item.id, args.highlight) if args.highlight else None
        change = s.ann.add_followup(item.id, args.text, kind=args.kind, owner=args.owner, due=args.due,
                                    status=args.status, level=args.level, highlight_id=highlight_id,
                                    allow_lower=args.lower)
        return _done(change, f"vraag {item.number} '{_short(args.text)}'" + _level_note(change, args.level))


def _highlight_by_prefix(ann: Annotations, item_id: str, prefix: str) -> str:
    matches = [h.id for h in ann.highlights(item_id) if h.id.startswith(prefix.strip())]
    if len(matches) != 1:
        raise UserError(
            f"Markering '{prefix}' {'niet gevonden bij deze vraag' if not matches else 'is niet eenduidig'}; "
            "'briefer annotations list DOC' toont de markeringen."
        )
    return matches[0]


def cmd_followup_list(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        doc_id = s.doc(args.doc).id if args.doc else None
        followups = s.ann.followups(document_id=doc_id, status=args.status, level=args.level)
        documents = {d.id: d for d in s.store.documents()} if followups else {}
        items: dict[str, StoredItem] = {}
        rows = []
        for f in followups:
            if f.item_id not in items:  # several follow-ups on one item: read it once
                items[f.item_id] = s.store.item(f.item_id)
            item = items[f.item_id]
            rows.append((f, item, documents[item.document_id]))
        if args.json:
            print(json.dumps([{**asdict(f), "document": d.short_ref, "document_id": d.id,
                               "item_number": i.number} for f, i, d in rows],
                             ensure_ascii=False, indent=2))
            return 0
        if not rows:
            print("Geen vervolgacties gevonden.")
            return 0
        for f, item, document in rows:
            due = f.due or "geen termijn"
            owner = f" · {f.owner}" if f.owner else ""
            print(f"{f.id[:8]}  {f.status.value:<8} {due:<12} {f.level.value:<13} "
                  f"{document.short_ref} vraag {item.number}{owner}")
            print(f"          {f.kind.value}: {_short(f.text, 70)}")
    return 0


def _followup_by_prefix(ann: Annotations, prefix: str) -> str:
    matches = [f.id for f in ann.followups() if f.id.startswith(prefix.strip())]
    if len(matches) != 1:
        raise UserError(
            f"Vervolgactie '{prefix}' {'niet gevonden' if not matches else 'is niet eenduidig'}; "
            "'briefer followup list' toont de ids."
        )
    return matches[0]


def cmd_followup_set(args: argparse.Namespace) -> int:
    fields: dict[str, Any] = {k: getattr(args, k) for k in ("status", "text", "kind", "due", "owner", "level")
                              if getattr(args, k) is not None}
    if not fields:
        raise UserError("Geef aan wat er verandert, bijvoorbeeld --status afgerond.")
    with _Session(args) as s:
        change = s.ann.update_followup(_followup_by_prefix(s.ann, args.id), allow_lower=args.lower, **fields)
        return _done(change, ", ".join(f"{k} {v}" for k, v in fields.items()))


def cmd_domains_list(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        domains = s.ann.domains()
        if args.json:
            print(json.dumps([asdict(d) for d in domains], ensure_ascii=False, indent=2))
            return 0
        if not domains:
            print("Nog geen domeinen; voeg er een toe met 'briefer domains add NAAM'.")
        for d in domains:
            print(f"{d.key or '-'}  {d.colour}  {d.name}  ({d.id[:8]})")
    return 0


def cmd_domains_add(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        change = s.ann.add_domain(args.name, colour=args.colour, key=args.key, description=args.description)
        return _done(change, f"{change.after['name']} (sneltoets {change.after['key'] or '-'})")


def cmd_domains_rename(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        return _done(s.ann.rename_domain(s.ann.domain_by_ref(args.domain).id, args.name), args.name)


def cmd_domains_recolour(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        change = s.ann.recolour_domain(s.ann.domain_by_ref(args.domain).id, args.colour)
        return _done(change, change.after["colour"])


def cmd_domains_merge(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        src, dst = s.ann.domain_by_ref(args.source), s.ann.domain_by_ref(args.target)
        change = s.ann.merge_domains(src.id, dst.id)
        c = change.counts
        return _done(change, f"{c.get('items_moved', 0)} vragen en {c.get('highlights_moved', 0)} "
                             f"markeringen naar '{dst.name}'")


def cmd_domains_delete(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        change = s.ann.delete_domain(s.ann.domain_by_ref(args.domain).id)
        c = change.counts
        return _done(change, f"{c['items_untagged']} vragen ontlabeld, {c['highlights_cleared']} markeringen "
                             "zonder domein (ze blijven bestaan); terug te zetten uit de prullenbak")


def cmd_export(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        doc = s.doc(args.doc)
        data = s.ann.export_json(doc.id)
    out: Path = args.out
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        raise UserError(f"Kan {out} niet schrijven ({exc.strerror or exc}); kies een andere map.") from None
    n = sum(len(data[k]) for k in ("tags", "highlights", "notes", "followups"))
    print(f"{n} annotaties van {doc.display_name} geëxporteerd naar {out}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"Bestand {args.file} bestaat niet; controleer de naam.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{args.file} is geen leesbaar annotatiebestand ({exc}); vraag het opnieuw op.") from None
    with _Session(args) as s:
        report = s.ann.import_json(data)
    print("\n".join(report.lines()))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        doc = s.doc(args.doc)
        if args.json:
            print(json.dumps(s.ann.export_json(doc.id), ensure_ascii=False, indent=2))
            return 0
        bundle = s.ann.bundle(doc.id)
    names = {d.id: d.name for d in bundle.domains}
    by_item = {i.id: i for i in bundle.items}
    print(doc.display_name)
    for note in bundle.notes:
        where = "Kern" if note.item_id is None else f"Vraag {by_item[note.item_id].number}"
        print(f"  {where} [{note.level.value}]: {_short(note.body, 70)}")
    for item_id, dids in bundle.item_domains.items():
        print(f"  Vraag {by_item[item_id].number}: " + ", ".join(names[d] for d in dids))
    for h in bundle.highlights:
        number = by_item[h.item_id].number if h.item_id in by_item else "?"
        flags = " VERWEESD" if h.orphaned else ""
        dom = f" · {names[h.domain_id]}" if h.domain_id in names else ""
        print(f"  Markering vraag {number} [{h.level.value}]{dom}{flags}: '{_short(h.exact)}' ({h.id[:8]})")
    for f in bundle.followups:
        print(f"  Vervolgactie vraag {by_item[f.item_id].number} [{f.level.value}, {f.status.value}]: "
              f"{_short(f.text)}")
    return 0


def cmd_trash(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        entries = s.ann.trash()
    if not entries:
        print("De prullenbak is leeg.")
    for e in entries:
        print(f"{e.id[:8]}  {e.deleted[:16].replace('T', ' ')}  {e.level.value:<13} {e.label}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        matches = [e.id for e in s.ann.trash() if e.id.startswith(args.id.strip())]
        if len(matches) != 1:
            raise UserError(f"'{args.id}' staat niet (eenduidig) in de prullenbak; "
                            "'briefer annotations trash' toont de ids.")
        return _done(s.ann.restore(matches[0]), "teruggezet")

