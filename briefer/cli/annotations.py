"""CLI: tag, note, highlight(s), followup, level, domains — thin wrappers over briefer.annotate
(`annotations …` lives in `briefer.cli.sharing`, `sync` in `briefer.cli.sync`).

DOC is resolved by the store (id, identifier, "30821-196", "latest"); ITEM is a question number;
DOMAIN a name, key digit or id. Output is Dutch; ids are printed so scripts can use them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from dataclasses import asdict
from typing import Any

from briefer.annotate import Annotations, Change
from briefer.annotate.lookup import find_annotation, set_level
from briefer.cli import UserError, open_store
from briefer.cli.filters import LEVELS, STATUSES
from briefer.model import FollowUpKind, Level, StoredDocument, StoredItem
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
    p.add_argument("--text", metavar="TEKST",
                   help="Markdown; een lege tekst wist de notitie (zonder --text: alleen --level wijzigen)")
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
    fsub = p.add_subparsers(dest="followup_command", metavar="add|list|set|delete", required=True)
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
    d = fsub.add_parser("delete", help="een vervolgactie verwijderen (naar de prullenbak)")
    d.add_argument("id", metavar="ID", help="id (of het begin ervan) uit 'followup list'")
    d.set_defaults(func=cmd_followup_delete)

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

    p = sub.add_parser("highlights", help="markeringen tonen, wijzigen en verwijderen")
    hsub = p.add_subparsers(dest="highlights_command", metavar="list|edit|delete", required=True)
    h = hsub.add_parser("list", help="de markeringen van een document (met ids)")
    h.add_argument("doc", metavar="DOC")
    h.add_argument("--json", action="store_true", help="als JSON")
    h.set_defaults(func=cmd_highlights_list)
    h = hsub.add_parser("edit", help="notitie, domein of niveau van een markering wijzigen")
    h.add_argument("id", metavar="ID", help="id (of het begin ervan) uit 'highlights list'")
    h.add_argument("--note", metavar="TEKST", help="de notitie bij de markering ('' wist haar)")
    dom = h.add_mutually_exclusive_group()
    dom.add_argument("--domain", metavar="DOMEIN")
    dom.add_argument("--no-domain", action="store_true", help="het domein weghalen")
    _level_arg(h, lower=True)
    h.set_defaults(func=cmd_highlights_edit)
    h = hsub.add_parser("delete", help="een markering verwijderen (naar de prullenbak)")
    h.add_argument("id", metavar="ID")
    h.set_defaults(func=cmd_highlights_delete)

    p = sub.add_parser("level", help="alleen het niveau van een markering, notitie of vervolgactie wijzigen")
    p.add_argument("id", metavar="ID", help="id (of het begin ervan)")
    p.add_argument("level", choices=LEVELS, metavar="NIVEAU", help="openbaar, intern of vertrouwelijk")
    p.add_argument("--lower", action="store_true",
                   help="bevestigen dat een niveau onder vertrouwelijk komt: het verschijnt dan ook in lagere "
                        "briefings en gedeelde bestanden")
    p.set_defaults(func=cmd_level)


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
    if args.text is None and args.level is None:
        raise UserError("Geef --text (de notitie) of --level (alleen het niveau wijzigen).")
    with _Session(args) as s:
        doc = s.doc(args.doc)
        item = s.item(doc, args.item) if args.item else None
        where = f"vraag {item.number}" if item else f"kern van {doc.display_name}"
        if args.text is None:
            note = s.ann.note(doc.id, item.id if item else None)
            if note is None:
                raise UserError(f"Er is nog geen notitie bij {where}; geef --text.")
            old = note.level
            _done(s.ann.set_note_level(note.id, args.level, allow_lower=args.lower), where)
            _lowered(old.value, args.level, "deze notitie")
            return 0
        change = s.ann.set_note(doc.id, item.id if item else None, args.text, level=args.level,
                                allow_lower=args.lower)
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


def cmd_followup_delete(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        _table, fid = find_annotation(s.ann, args.id, ("followups",))
        text = s.ann.followup(fid).text
        return _done(s.ann.delete_followup(fid), f"'{_short(text)}'; terug te zetten uit de prullenbak")


def _lowered(old: str, new: str, what: str) -> None:
    """Say what a lowering means: the material now reaches lower documents."""
    rank = {lv: k for k, lv in enumerate(LEVELS)}
    if rank[new] < rank[old]:
        print(f"Let op: {what} is verlaagd van {old} naar {new}; het komt nu ook in briefings en gedeelde "
              f"bestanden met plafond {new}.")


def cmd_level(args: argparse.Namespace) -> int:
    from briefer.annotate.lookup import KIND_NAMES

    with _Session(args) as s:
        table, row_id = find_annotation(s.ann, args.id)
        old = {"highlights": lambda: s.ann.highlight(row_id).level,
               "followups": lambda: s.ann.followup(row_id).level,
               "notes": lambda: Level(s.ann.rows.get("notes", {"id": row_id})["level"])}[table]().value
        _table, change = set_level(s.ann, row_id, args.level, allow_lower=args.lower)
        _done(change, f"{KIND_NAMES[table]} {row_id[:8]}: {old} → {args.level}")
        _lowered(old, args.level, f"deze {KIND_NAMES[table]}")
    return 0


def cmd_highlights_list(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        doc = s.doc(args.doc)
        highlights = s.ann.document_highlights(doc.id)
        numbers = {i.id: i.number for i in s.store.items(doc.id)}
        names = {d.id: d.name for d in s.ann.domains()}
    if args.json:
        print(json.dumps([{**asdict(h), "item_number": numbers.get(h.item_id)} for h in highlights],
                         ensure_ascii=False, indent=2, default=str))
        return 0
    if not highlights:
        print(f"Geen markeringen in {doc.display_name}.")
    for h in highlights:
        dom = f" · {names[h.domain_id]}" if h.domain_id in names else ""
        orphan = " VERWEESD" if h.orphaned else ""
        note = f" — {_short(h.note, 40)}" if h.note else ""
        print(f"{h.id[:8]}  vraag {numbers.get(h.item_id, '?')} [{h.level.value}]{dom}{orphan}: "
              f"'{_short(h.exact)}'{note}")
    return 0


def cmd_highlights_edit(args: argparse.Namespace) -> int:
    fields: dict[str, Any] = {}
    if args.note is not None:
        fields["note"] = args.note
    if args.level is not None:
        fields["level"] = args.level
    with _Session(args) as s:
        if args.domain:
            fields["domain_id"] = s.ann.domain_by_ref(args.domain).id
        elif args.no_domain:
            fields["domain_id"] = None
        if not fields:
            raise UserError("Geef aan wat er verandert: --note, --domain, --no-domain of --level.")
        _table, hid = find_annotation(s.ann, args.id, ("highlights",))
        old = s.ann.highlight(hid).level.value
        change = s.ann.update_highlight(hid, allow_lower=args.lower, **fields)
        _done(change, f"'{_short(change.after['exact'])}'")
        if "level" in fields:
            _lowered(old, fields["level"], "deze markering")
    return 0


def cmd_highlights_delete(args: argparse.Namespace) -> int:
    with _Session(args) as s:
        _table, hid = find_annotation(s.ann, args.id, ("highlights",))
        exact = s.ann.highlight(hid).exact
        return _done(s.ann.delete_highlight(hid), f"'{_short(exact)}'; terug te zetten uit de prullenbak")


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

