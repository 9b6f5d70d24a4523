"""CLI: `briefer suggest DOC` (reading suggestions) and `briefer lexicon` (domain word lists).

Thin wrappers over briefer.suggest. `--json` prints the contract of issue 6; the plain listing
shows each suggestion's key, which `--accept KEY` and `--dismiss KEY` take.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from briefer.cli import UserError, open_store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("suggest", help="suggesties: toezeggingen, domeinen, vertrouwelijk, verwijzingen")
    p.add_argument("doc", metavar="DOC", help="id, kenmerk, Kamerstuk (30821-196) of 'latest'")
    p.add_argument("--json", action="store_true", help="als JSON")
    p.add_argument("--accept", action="append", default=[], metavar="SLEUTEL", help="suggestie overnemen")
    p.add_argument("--dismiss", action="append", default=[], metavar="SLEUTEL", help="suggestie afwijzen")
    p.add_argument("--restore", action="append", default=[], metavar="SLEUTEL",
                   help="een afgewezen of overgenomen suggestie weer tonen")
    p.add_argument("--all", action="store_true", help="ook al afgehandelde suggesties tonen")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("lexicon", help="de woordenlijst van een domein tonen of aanpassen")
    p.add_argument("domain", nargs="?", metavar="DOMEIN", help="naam, id of toetscijfer van het domein")
    p.add_argument("--add", action="append", default=[], metavar="WOORD", help="woord toevoegen")
    p.add_argument("--remove", action="append", default=[], metavar="WOORD", help="woord verwijderen")
    p.add_argument("--weight", type=float, default=None, help="gewicht voor --add (1 algemeen … 3 typerend)")
    p.add_argument("--match", choices=["infix", "prefix", "word", "phrase"], default=None,
                   help="hoe --add matcht (standaard: binnen samenstellingen)")
    p.add_argument("--reset", action="store_true", help="de standaardwoordenlijst terugzetten")
    p.add_argument("--json", action="store_true", help="als JSON")
    p.set_defaults(func=cmd_lexicon)


def cmd_suggest(args: argparse.Namespace) -> int:
    from briefer.suggest import accept, decided, dismiss, restore, suggest_document

    with open_store(args) as store:
        doc = store.resolve(args.doc)
        messages: list[str] = []
        wanted = args.accept + args.dismiss
        current = suggest_document(store, doc.id, include_decided=True) if wanted else None
        for key in wanted:
            check_key(current, key)
        for key in args.restore:
            if restore(store, doc.id, key):
                messages.append(f"Suggestie {key} wordt weer getoond.")
            else:
                messages.append(f"Over suggestie {key} was nog niets besloten.")
        if args.accept:
            from briefer.annotate import Annotations

            annotations = Annotations(store)
            for key in args.accept:
                result = accept(store, annotations, doc.id, key, suggestions=current)
                messages.append(f"Overgenomen: {key} ({result.label.lower()}).")
        for key in args.dismiss:
            dismiss(store, doc.id, key, suggestions=current)
            messages.append(f"Afgewezen: {key}; deze suggestie komt niet meer terug.")
        if messages and not args.json:
            print("\n".join(messages))
            return 0
        suggestions = suggest_document(store, doc.id, include_decided=args.all)
        if args.json:
            print(json.dumps(suggestions.to_json(), ensure_ascii=False, indent=2))
        else:
            print(format_suggestions(suggestions, doc.display_name, decided(store, doc.id) if args.all else {}))
    return 0


def check_key(suggestions: Any, key: str) -> None:
    """Refuse an unknown key before anything is changed."""
    if suggestions.find(key) is None:
        raise UserError(
            f"De suggestie {key} bestaat niet in dit document; kopieer een sleutel uit 'briefer suggest DOC'."
        )


def format_suggestions(s: Any, title: str, decisions: dict[str, str]) -> str:
    """The plain-text listing (Dutch), one suggestion per line with its key."""
    def mark(key: str) -> str:
        state = decisions.get(key)
        return {"accepted": " [overgenomen]", "dismissed": " [afgewezen]"}.get(state or "", "")

    lines = [f"Suggesties voor {title}"]
    if s.reference_date:
        lines.append(f"(termijnen gelezen vanaf {s.reference_date})")
    lines.append("")
    lines.append(f"Toezeggingen ({len(s.toezeggingen)})")
    for t in s.toezeggingen:
        due = f" — termijn {t.due}" if t.due else ""
        lines.append(f"  vraag {t.item}{due}: {t.sentence}")
        lines.append(f"    [{t.key}]{mark(t.key)}")
    lines.append(f"Domeinen ({len(s.domains)} vragen)")
    for d in s.domains:
        for o in d.domains:
            lines.append(f"  vraag {d.item}: {o.name} ({o.score:.2f}; {', '.join(o.evidence)})")
            lines.append(f"    [{o.key}]{mark(o.key)}")
    lines.append(f"Vertrouwelijk ({len(s.confidential)})")
    for c in s.confidential:
        lines.append(f"  vraag {c.item}: {c.sentence}")
        lines.append(f"    [{c.key}]{mark(c.key)}")
    lines.append(f"Verwijzingen ({len(s.references)})")
    for r in s.references:
        lines.append(f"  vraag {r.item} → vraag {r.refers_to_item}   [{r.key}]{mark(r.key)}")
    lines.append(f"Kamerstukken ({len(s.kamerstuk_references)})")
    for k in s.kamerstuk_references:
        where = f" (voetnoot {k.ref.footnote})" if k.ref.footnote else ""
        lines.append(f"  vraag {k.item}: {k.ref.text}{where}   [{k.key}]{mark(k.key)}")
    if not s.count():
        lines.append("")
        lines.append("Geen suggesties (meer) voor dit document.")
    return "\n".join(lines)


def cmd_lexicon(args: argparse.Namespace) -> int:
    from briefer.annotate import Annotations
    from briefer.suggest import (
        add_lexicon_term,
        lexicon_terms,
        remove_lexicon_term,
        reset_lexicon,
    )

    with open_store(args) as store:
        annotations = Annotations(store)
        if args.domain is None:
            if args.add or args.remove or args.reset:
                raise UserError("Noem het domein waarvan je de woordenlijst wilt aanpassen.")
            listing = {d.name: len(lexicon_terms(store, d.id)) for d in annotations.domains()}
            if args.json:
                print(json.dumps(listing, ensure_ascii=False, indent=2))
            else:
                for name, count in listing.items():
                    print(f"{name}: {count} woorden")
            return 0
        domain = annotations.domain_by_ref(args.domain)
        if args.reset:
            reset_lexicon(store, domain.id, domain.name)
        for word in args.remove:
            remove_lexicon_term(store, domain.id, word)
        for word in args.add:
            add_lexicon_term(store, domain.id, word, weight=args.weight, match=args.match)
        terms = lexicon_terms(store, domain.id)
        if args.json:
            print(json.dumps([t.to_json() for t in terms], ensure_ascii=False, indent=2))
        else:
            print(f"Woordenlijst van {domain.name} ({len(terms)} woorden):")
            for t in sorted(terms, key=lambda t: (-t.weight, t.term)):
                print(f"  {t.term}  (gewicht {t.weight:g}, {t.match})")
    return 0
