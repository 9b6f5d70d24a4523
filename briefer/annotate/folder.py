"""Core (annotate): a shared folder — staffers' databases exchange their changes through files.

Layout of a shared folder (a network drive or a synced cloud folder):

    FOLDER/briefer-map.json                  what the folder is: id, ceiling, created (written once)
    FOLDER/<replica>/000001 2026-12-04.json  one folder per database; only that database writes in
    FOLDER/<replica>/000002 … .json          it, and only new files (never changes one): no cloud
                                             client ever sees two writers on one file

`sync_folder` (one transaction) records this database's pending edits, reads every file of the
others it has not read yet (validated like any annotation file; a damaged or half-synced file is
reported and retried next time), merges them (`merge.merge_records`: order never matters), then
writes one new file with what *this* database changed since its last file — its own edits and its
merge decisions, never a relay of what others wrote. The folder's ceiling (default `intern`, set
when it is created) applies to every file: nothing above it is ever written there (an annotation
colleagues already know that was raised above it travels as its level only). Offline, nothing
happens and nothing is lost: the next sync writes everything since the last file.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.annotate.errors import ExchangeError
from briefer.annotate.exchange import (
    MergeReport,
    Snapshot,
    _item_number,
    header,
    item_texts,
    left_out_lines,
    merge_data,
    select_records,
)
from briefer.annotate.files import confidential_name, dumps, parse_bytes
from briefer.annotate.locate import Locator, doc_key
from briefer.annotate.replica import Pass, record_local_changes
from briefer.errors import BrieferError
from briefer.model import Level, now_iso
from briefer.safefile import FileRefused, write_private
from briefer.store.sync import SyncStore

if TYPE_CHECKING:
    from briefer.annotate.base import AnnotationsBase

MANIFEST = "briefer-map.json"
MANIFEST_FORMAT = "briefer-gedeelde-map"
FILE_NAME = re.compile(r"^(\d{6})\b.*\.json$")
MAX_MANIFEST = 64 * 1024


class FolderUnreachable(BrieferError):
    """Core (annotate): the shared folder cannot be reached now (offline, drive not mounted)."""


class NotASharedFolder(ExchangeError):
    """Core (annotate): the chosen folder holds other things, or its ceiling is not what was asked."""


@dataclass
class SyncReport:
    """Core (annotate): what one sync did."""

    folder: Path
    ceiling: str
    created: bool = False
    written: Path | None = None
    written_count: int = 0
    left_out: list[str] = field(default_factory=list)
    files_read: int = 0
    colleagues: list[str] = field(default_factory=list)
    merge: MergeReport | None = None
    skipped: list[str] = field(default_factory=list)  # files that could not be read (retried next time)

    @property
    def open_conflicts(self) -> int:
        return self.merge.open_conflicts if self.merge else 0

    def lines(self) -> list[str]:
        out = []
        if self.created:
            out.append(f"Gedeelde map gemaakt: {self.folder} (plafond {self.ceiling}).")
        if self.files_read:
            who = ", ".join(self.colleagues) or "collega's"
            out.append(f"Gelezen: {self.files_read} bestand(en) van {who}.")
            if self.merge is not None:
                out += [line for line in self.merge.lines() if not line.startswith("Toegevoegd: niets;")]
        else:
            out.append("Niets nieuws van collega's.")
        if self.written is not None:
            out.append(f"Geschreven: {self.written_count} wijziging(en) naar {self.written.name}.")
        else:
            out.append("Geen eigen wijzigingen om te delen.")
        out += self.left_out + self.skipped
        return out


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of a shared folder (None: there is none); NotASharedFolder when it is damaged."""
    path = folder / MANIFEST
    try:
        raw = path.read_bytes()[: MAX_MANIFEST + 1]
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FolderUnreachable(f"De gedeelde map {folder} is niet leesbaar ({exc.strerror or exc}); "
                                "probeer het later opnieuw.") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT or \
            not isinstance(data.get("id"), str) or data.get("ceiling") not in {lv.value for lv in Level}:
        raise NotASharedFolder(f"{path} is beschadigd of geen kenmerk van een gedeelde map van Briefer; "
                               "kies een andere map.")
    return data


def open_folder(sync: SyncStore, folder: Path, ceiling: Level | str | None, author: str,
                databases: tuple[Any, ...]) -> tuple[dict[str, Any], bool]:
    """The folder's manifest, creating the folder when it is new (never a known one gone missing)."""
    folder = Path(folder)
    known = sync.folder_by_path(str(folder.resolve()))
    if not folder.is_dir():
        if known is not None or not folder.parent.is_dir():
            raise FolderUnreachable(
                f"De gedeelde map {folder} is niet bereikbaar (offline?). Uw wijzigingen blijven bewaard en "
                "gaan mee bij de volgende synchronisatie.")
    manifest = read_manifest(folder) if folder.is_dir() else None
    if manifest is not None:
        if ceiling is not None and Level.parse(ceiling).value != manifest["ceiling"]:
            raise NotASharedFolder(
                f"De gedeelde map heeft plafond {manifest['ceiling']}; dat ligt vast sinds ze is gemaakt. "
                "Laat --ceiling weg, of maak een nieuwe map.")
        return manifest, False
    if known is not None:
        raise FolderUnreachable(
            f"In {folder} staat de gedeelde map niet meer (is de netwerkschijf niet gekoppeld?); er is niets "
            "geschreven. Uw wijzigingen gaan mee bij de volgende synchronisatie.")
    if folder.is_dir() and any(p for p in folder.iterdir() if not p.name.startswith(".")):
        raise NotASharedFolder(f"{folder} bevat al andere bestanden; kies een lege map voor de gedeelde map.")
    manifest = {"format": MANIFEST_FORMAT, "version": 1, "id": str(uuid.uuid4()),
                "ceiling": Level.parse(ceiling or Level.INTERN).value, "created": now_iso(), "created_by": author}
    try:
        write_private(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"),
                      databases=databases, create_dir=True)
    except FileRefused as exc:
        existing = read_manifest(folder) if folder.is_dir() else None  # a colleague was first
        if existing is None:
            raise ExchangeError(str(exc)) from None
        return existing, False
    return manifest, True


def _others(folder: Path, me: str) -> list[tuple[str, Path]]:
    """(replica, file) of every file colleagues wrote, in name order."""
    out = []
    try:
        for sub in sorted(folder.iterdir()):
            if not sub.is_dir() or sub.name == me or sub.name.startswith("."):
                continue
            for path in sorted(sub.iterdir()):
                if path.is_file() and FILE_NAME.match(path.name):
                    out.append((sub.name, path))
    except OSError as exc:
        raise FolderUnreachable(f"De gedeelde map {folder} is niet leesbaar ({exc.strerror or exc}); "
                                "probeer het later opnieuw.") from None
    return out


def _next_number(own: Path) -> int:
    numbers = [int(m.group(1)) for p in own.iterdir() if (m := FILE_NAME.match(p.name))] if own.is_dir() else []
    return max(numbers, default=0) + 1


def _own_changes(p: Pass, sync: SyncStore, since_seq: int, since_clock: int) -> set[str]:
    """Entities this database itself changed (edits and merge decisions) since its last file."""
    out = set()
    for row in sync.entities_since(since_seq):
        state = json.loads(row["state"])
        for sibs, seen in state.values():
            if any(seen.get(r, -1) > since_clock for r in p.mine) or \
                    any(s[1] in p.mine and s[2] > since_clock for s in sibs):
                out.add(row["id"])
                break
    return out


def sync_folder(ann: AnnotationsBase, folder: str | Path, *, ceiling: Level | str | None = None,
                author: str = "", databases: tuple[Any, ...] = ()) -> SyncReport:
    """Exchange changes with a shared folder (see module docstring); one transaction."""
    folder = Path(folder)
    rows = ann.rows
    sync = SyncStore(rows.db)
    manifest, created = open_folder(sync, folder, ceiling, author, databases)
    lvl = Level(manifest["ceiling"])
    report = SyncReport(folder=folder, ceiling=lvl.value, created=created)
    with rows.transaction():
        record_local_changes(rows)
        me = Pass(rows).clock
        state = sync.folder(manifest["id"]) or {"written_seq": 0, "written_clock": 0}
        read = sync.files_read(manifest["id"])
        records: list[dict[str, Any]] = []
        items: dict[str, dict[str, str]] = {}
        names: dict[str, str] = {}
        done: list[str] = []
        for replica, path in _others(folder, me.replica):
            key = f"{replica}/{path.name}"
            if key in read:
                continue
            try:
                with open(path, "rb") as fh:
                    data = parse_bytes(fh.read(), path.name)
            except (ExchangeError, OSError) as exc:
                report.skipped.append(f"Overgeslagen (volgende keer opnieuw): {replica}/{path.name}: {exc}")
                continue
            records += data["entities"]
            for sha, texts in (data.get("items") or {}).items():
                items.setdefault(sha, {}).update(texts)
            names[replica] = str(data.get("author") or "")
            if data.get("replica"):
                sync.put_replica(data["replica"], names[replica], now_iso())
            done.append(key)
        if records or done:
            report.merge = merge_data(ann, {"entities": records, "items": items}, None)
            report.files_read = len(done)
            report.colleagues = sorted({n or r[:8] for r, n in names.items()})
        sync.mark_read(manifest["id"], done, now_iso())
        p = Pass(rows)
        ids = _own_changes(p, sync, int(state["written_seq"]), int(state["written_clock"]))
        if ids:
            written, count, left = _write_own(p, sync, folder, lvl, ids, author, databases)
            report.written, report.written_count, report.left_out = written, count, left
        p.save()
        sync.put_folder(manifest["id"], str(folder.resolve()), lvl.value, p.clock.seq, p.clock.last, now_iso())
    return report


def _write_own(p: Pass, sync: SyncStore, folder: Path, lvl: Level, ids: set[str], author: str,
               databases: tuple[Any, ...]) -> tuple[Path | None, int, list[str]]:
    loc = Locator(sync)
    snap = Snapshot(sync, set(), p.mine, ids)
    hidden = sync.domains_above(lvl.rank)
    sel = select_records(snap, lvl, lambda view: _item_number(sync, view), only=ids, hidden=hidden)
    if not sel.records:
        return None, 0, left_out_lines(sel, lvl)
    data = header(p.clock, lvl, sel.confidential, author, "map")
    shas = {sha for sha, _n in sel.refs}
    data["documents"] = [{"key": doc_key(d["identifier"], d["sha256"]), "identifier": d["identifier"],
                          "sha256": d["sha256"], "kamerstuk": d["kamerstuk"], "title": d["title"]}
                         for d in loc.by_id.values() if d["sha256"] in shas]
    data["items"] = item_texts(sync, sel.refs)
    data["entities"] = sel.records
    data["count"] = sel.count
    data["sequence"] = p.clock.seq
    own = folder / p.clock.replica
    number = _next_number(own)
    target = own / f"{number:06d} {now_iso()[:10]}.json"
    if sel.confidential:
        target = confidential_name(target)
    try:
        written = write_private(target, dumps(data), databases=databases, create_dir=True)
    except FileRefused as exc:
        if os.path.isdir(folder):
            raise ExchangeError(str(exc)) from None
        raise FolderUnreachable(f"De gedeelde map {folder} is niet bereikbaar; probeer het later opnieuw.") from None
    sync.mark_shared(sel.full)
    return written, len(sel.records), left_out_lines(sel, lvl)
