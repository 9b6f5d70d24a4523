"""Core (annotate): the priority-domain taxonomy and domain tags on items.

Deleting or merging a domain never silently drops what was tagged: a merge moves every item tag
and highlight domain to the target; a delete untags items and clears the domain of its highlights
(the highlights themselves stay), reports the counts in the Change, and puts the domain with its
tags in the trash, so both undo and restore bring everything back.
"""

from __future__ import annotations

import re

from briefer.annotate.base import AnnotationsBase
from briefer.annotate.changes import Change
from briefer.annotate.errors import AnnotationError, NotFound
from briefer.annotate.rows import domain as to_domain
from briefer.model import Domain, new_id, now_iso

PALETTE = ("#e8a33d", "#4a90d9", "#d9534f", "#5cb85c", "#9b59b6", "#16a085", "#e67e22",
           "#7f8c8d", "#c0392b", "#2c3e50")
_COLOUR = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def parse_colour(value: str) -> str:
    m = _COLOUR.match(value.strip())
    if not m:
        raise AnnotationError(f"Ongeldige kleur '{value}': gebruik de vorm #rrggbb.")
    hexpart = m.group(1).lower()
    if len(hexpart) == 3:
        hexpart = "".join(c * 2 for c in hexpart)
    return "#" + hexpart


class DomainOps(AnnotationsBase):
    """Core (annotate): add, rename, recolour, re-key, merge, delete domains; tag and untag items."""

    def domains(self) -> list[Domain]:
        """The taxonomy in its order."""
        return [to_domain(r) for r in self.rows.domain_rows()]

    def domain(self, domain_id: str) -> Domain:
        return to_domain(self._row("domains", domain_id, "Domein"))

    def domain_by_ref(self, ref: str | int) -> Domain:
        """A domain by id, name (case-insensitive) or key digit 1–9."""
        text = str(ref).strip()
        row = self.rows.get("domains", {"id": text})
        if row is None and text.isdigit() and len(text) == 1:
            row = self.rows.domain_by_key(int(text))
        if row is None:
            row = self.rows.domain_by_name(text)
        if row is None and text:
            # a unique start of a name ("medisch"), else a unique part of one ("voedsel")
            names = self.rows.domain_rows()
            for test in (str.startswith, str.__contains__):
                matches = [r for r in names if test(r["name"].lower(), text.lower())]
                if len(matches) == 1:
                    row = matches[0]
                    break
        if row is None:
            names = ", ".join(f"{r['key'] or '-'}: {r['name']}" for r in self.rows.domain_rows())
            raise NotFound(f"Domein '{text}' bestaat niet; kies uit {names or 'geen (voeg er een toe)'}.")
        return to_domain(row)

    def _check_name(self, name: str, *, except_id: str | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise AnnotationError("Een domein heeft een naam nodig.")
        other = self.rows.domain_by_name(name)
        if other is not None and other["id"] != except_id:
            raise AnnotationError(f"Er is al een domein '{other['name']}'; kies een andere naam.")
        return name

    def _check_key(self, key: int | str | None, *, except_id: str | None = None) -> int | None:
        if key is None or key == "":
            return None
        try:
            k = int(key)
        except (TypeError, ValueError):
            raise AnnotationError(f"Ongeldige sneltoets '{key}': kies een cijfer van 1 tot en met 9.") from None
        if not 1 <= k <= 9:
            raise AnnotationError(f"Ongeldige sneltoets {k}: kies een cijfer van 1 tot en met 9.")
        other = self.rows.domain_by_key(k)
        if other is not None and other["id"] != except_id:
            raise AnnotationError(f"Sneltoets {k} hoort al bij '{other['name']}'; kies een ander cijfer.")
        return k

    def add_domain(self, name: str, colour: str | None = None, key: int | str | None = None,
                   description: str = "") -> Change:
        """A new domain; without a colour the next unused palette colour, without a key the first free digit."""
        name = self._check_name(name)
        if colour is None:
            used = {r["colour"] for r in self.rows.domain_rows()}
            colour = next((c for c in PALETTE if c not in used), PALETTE[len(used) % len(PALETTE)])
        colour = parse_colour(colour)
        if key is None:
            free = [k for k in range(1, 10) if k not in self.rows.used_keys()]
            k = free[0] if free else None
        else:
            k = self._check_key(key)
        stamp = now_iso()
        with self._record(f"Domein '{name}' toevoegen", "domains") as rec:
            rec.insert("domains", {
                "id": new_id(), "name": name, "colour": colour, "key": k,
                "description": description, "lexicon": "[]",
                "position": self.rows.next_domain_position(), "created": stamp, "updated": stamp,
            }, main=True)
        return rec.change

    def _update_domain(self, domain_id: str, label: str, values: dict[str, object]) -> Change:
        self._row("domains", domain_id, "Domein")
        with self._record(label, "domains") as rec:
            rec.update("domains", {"id": domain_id}, {**values, "updated": now_iso()}, main=True)
        return rec.change

    def rename_domain(self, domain_id: str, name: str) -> Change:
        old = self._row("domains", domain_id, "Domein")
        name = self._check_name(name, except_id=domain_id)
        return self._update_domain(domain_id, f"Domein '{old['name']}' hernoemen", {"name": name})

    def recolour_domain(self, domain_id: str, colour: str) -> Change:
        old = self._row("domains", domain_id, "Domein")
        return self._update_domain(domain_id, f"Kleur van '{old['name']}' wijzigen",
                                   {"colour": parse_colour(colour)})

    def update_domain(self, domain_id: str, *, key: int | str | None = None,
                      description: str | None = None, clear_key: bool = False) -> Change:
        """Change the key digit (or clear it) and/or the description."""
        old = self._row("domains", domain_id, "Domein")
        values: dict[str, object] = {}
        if clear_key:
            values["key"] = None
        elif key is not None:
            values["key"] = self._check_key(key, except_id=domain_id)
        if description is not None:
            values["description"] = description
        return self._update_domain(domain_id, f"Domein '{old['name']}' wijzigen", values)

    def merge_domains(self, source_id: str, target_id: str) -> Change:
        """Move every tag and highlight of `source` to `target`, then remove `source` (to the trash)."""
        src = self._row("domains", source_id, "Domein")
        dst = self._row("domains", target_id, "Domein")
        if source_id == target_id:
            raise AnnotationError("Een domein kan niet met zichzelf worden samengevoegd.")
        with self._record(f"Domein '{src['name']}' samenvoegen met '{dst['name']}'", "domains") as rec:
            for tag in self.rows.tags_of_domain(source_id):
                rec.delete("item_domains", {"item_id": tag["item_id"], "domain_id": source_id})
                key = {"item_id": tag["item_id"], "domain_id": target_id}
                if self.rows.get("item_domains", key) is None:
                    rec.insert("item_domains", {**key, "created": tag["created"]})
                    rec.count("items_moved")
                else:
                    rec.count("items_already_tagged")
            for hl in self.rows.highlights_of_domain(source_id):
                rec.update("highlights", {"id": hl["id"]}, {"domain_id": target_id, "updated": now_iso()})
                rec.count("highlights_moved")
            rec.update("domains", {"id": target_id}, {"updated": now_iso()}, main=True)
            rec.delete("domains", {"id": source_id})
            self._to_trash(rec, kind="domain", ref_id=source_id, label=f"Domein '{src['name']}'",
                           level="openbaar", payload=[{"table": "domains", "row": src}],
                           document_id=None, item_id=None)
        return rec.change

    def delete_domain(self, domain_id: str) -> Change:
        """Remove a domain: items are untagged, highlights keep existing without it; all undoable."""
        dom = self._row("domains", domain_id, "Domein")
        payload: list[dict[str, object]] = [{"table": "domains", "row": dom}]
        with self._record(f"Domein '{dom['name']}' verwijderen", "domains") as rec:
            rec.count("items_untagged", 0)
            rec.count("highlights_cleared", 0)
            for tag in self.rows.tags_of_domain(domain_id):
                rec.delete("item_domains", {"item_id": tag["item_id"], "domain_id": domain_id})
                payload.append({"table": "item_domains", "row": tag})
                rec.count("items_untagged")
            for hl in self.rows.highlights_of_domain(domain_id):
                rec.update("highlights", {"id": hl["id"]}, {"domain_id": None, "updated": now_iso()})
                payload.append({"table": "highlights", "mode": "relink", "column": "domain_id",
                                "row": {"id": hl["id"], "domain_id": domain_id}})
                rec.count("highlights_cleared")
            rec.delete("domains", {"id": domain_id}, main=True)
            self._to_trash(rec, kind="domain", ref_id=domain_id, label=f"Domein '{dom['name']}'",
                           level="openbaar", payload=payload, document_id=None, item_id=None)
        return rec.change

    def tag_item(self, item_id: str, domain_id: str) -> Change:
        """Tag an item with a domain (an empty Change when it already was)."""
        item = self._item_row(item_id)
        dom = self._row("domains", domain_id, "Domein")
        with self._record(f"Vraag {item['number']} labelen met '{dom['name']}'", "item_domains") as rec:
            key = {"item_id": item_id, "domain_id": domain_id}
            if self.rows.get("item_domains", key) is None:
                rec.insert("item_domains", {**key, "created": now_iso()}, main=True)
        return rec.change

    def untag_item(self, item_id: str, domain_id: str) -> Change:
        item = self._item_row(item_id)
        dom = self._row("domains", domain_id, "Domein")
        with self._record(f"Label '{dom['name']}' van vraag {item['number']} halen", "item_domains") as rec:
            rec.delete("item_domains", {"item_id": item_id, "domain_id": domain_id}, main=True)
        return rec.change

    def toggle_tag(self, item_id: str, domain_id: str) -> Change:
        """Tag when untagged, untag when tagged (the 1–9 keys)."""
        if self.rows.get("item_domains", {"item_id": item_id, "domain_id": domain_id}) is None:
            return self.tag_item(item_id, domain_id)
        return self.untag_item(item_id, domain_id)

    def item_domains(self, item_id: str) -> list[Domain]:
        ids = self.rows.item_domain_ids(item_id)
        by_id = {r["id"]: r for r in self.rows.domain_rows()}
        return [to_domain(by_id[i]) for i in ids]
