"""Core: where a briefing is written: its default name and folder, and the rules for an existing file.

Every briefing goes through `briefer.safefile.write_private` (atomic, 0600, no temporary file left
after an error or an interrupt, the database and its backups always refused). A briefing under its
default name never replaces anything: it becomes `name (2).docx`. A file the user named replaces an
existing one only when the user confirmed it (`overwrite`: the CLI's `--force`, the app's save
dialog); otherwise `TargetExists` says so in Dutch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from briefer import paths
from briefer.model import StoredDocument
from briefer.safefile import ProtectedTarget, is_protected, write_private

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def default_filename(kind_label: str, documents: list[StoredDocument], today: date) -> str:
    """`2026-11-27 Kamerlidbriefing 30821-196.docx` (several documents: refs joined by ' + ')."""
    refs = [d.short_ref for d in documents][:3]
    ref = " + ".join(refs) + (" e.a." if len(documents) > 3 else "")
    name = f"{today.isoformat()} {kind_label} {ref}".strip()
    return _UNSAFE.sub("-", name) + ".docx"


def default_target(kind_label: str, documents: list[StoredDocument], today: date) -> Path:
    return paths.default_export_dir() / default_filename(kind_label, documents, today)


def save_briefing(data: bytes, target: Path | None, *, kind_label: str, documents: list[StoredDocument],
                  today: date, overwrite: bool = False, databases: Iterable[str | Path] = ()) -> Path:
    """Write a briefing; return the path written.

    `target` None: the default folder (created) and name, numbered when taken. A folder: the
    default name in it, numbered when taken. A file name (".docx" added when missing): exactly that
    file; an existing one is replaced only with `overwrite`.
    """
    if target is None:
        return write_private(default_target(kind_label, documents, today), data, on_exists="number",
                             databases=databases, create_dir=True)
    target = Path(target).expanduser()
    if is_protected(target, databases):  # "--out briefer.db" is refused, not turned into briefer.db.docx
        raise ProtectedTarget(target)
    if target.is_dir():
        return write_private(target / default_filename(kind_label, documents, today), data, on_exists="number",
                             databases=databases)
    if target.suffix.lower() != ".docx":
        target = target.with_name(target.name + ".docx")
    return write_private(target, data, overwrite=overwrite, databases=databases)
