"""Core: the user's settings, one typed object with defaults, stored as JSON in the data directory.

Only values that differ from their default are written (as ReText does), so a new default reaches
users who never changed it. The location is injectable: tests pass a temp path, the app uses
`default_settings_path()` (inside `briefer.paths.data_dir()`, which honours $BRIEFER_HOME).
Nothing here imports Qt; window geometry and state arrive as base64 strings from the GUI.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer import paths
from briefer.errors import BrieferError

if TYPE_CHECKING:
    from briefer.store.backup import BackupPolicy

SETTINGS_FILE = "settings.json"
MAX_RECENT = 10


class SettingsError(BrieferError):
    """Core: the settings file could not be written."""


def default_settings_path() -> Path:
    return paths.data_dir() / SETTINGS_FILE


@dataclass
class Settings:
    """Core: every setting Briefer keeps between sessions, with its default."""

    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()
    left_splitter: str = ""  # base64 of the documents/outline divider (QSplitter.saveState())
    last_document: str | None = None  # document id
    last_item: str | None = None  # item id
    recent_files: list[str] = field(default_factory=list)
    user_name: str = ""  # "van" in exported briefings
    template_path: str | None = None  # reference .docx for exports
    reader_font_size: int = 11
    # the export dialog's last choices (the ceiling is remembered only up to "intern": a
    # confidential export is always chosen anew)
    export_kind: str = "kamerlid"
    export_ceiling: str = "intern"
    export_by: str = "party"
    export_only_annotated: bool = True
    export_open_after: bool = True
    export_dir: str = ""  # "" = paths.default_export_dir()
    export_recipient: str = ""
    # checks and backups after start-up (briefer.store.maintenance; see BackupPolicy)
    backup_keep: int = 10  # at most this many backups
    backup_max_age_days: int = 90  # none older (0: no age limit)
    backup_max_total_mb: int = 2048  # together at most this much (0: no size limit)
    backup_interval_hours: int = 24  # at most one backup per this many hours ...
    backup_after_changes: int = 500  # ... unless this many changes were made since the last
    check_quick_days: int = 1  # a quick integrity check at most this often
    check_full_days: int = 30  # a full integrity check this often
    path: Path | None = field(default=None, repr=False, compare=False)

    # ---------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path | None = None) -> Settings:
        """Read settings from `path` (default: the data directory); defaults when absent.

        A damaged or foreign file never stops the app: unknown keys and values of the wrong
        type are ignored, the rest keeps its default.
        """
        target = Path(path) if path is not None else default_settings_path()
        settings = cls(path=target)
        try:
            raw = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return settings
        if not isinstance(raw, dict):
            return settings
        defaults = cls()
        for f in fields(cls):
            if f.name == "path" or f.name not in raw:
                continue
            value = raw[f.name]
            if _type_ok(getattr(defaults, f.name), value, f.name):
                setattr(settings, f.name, value)
        settings.recent_files = [str(p) for p in settings.recent_files][:MAX_RECENT]
        return settings

    def changed_values(self) -> dict[str, Any]:
        """The values that differ from their default: exactly what `save` writes."""
        defaults = Settings()
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name != "path" and getattr(self, f.name) != getattr(defaults, f.name)
        }

    def save(self) -> None:
        """Write the non-default values atomically (temp file + rename); remove the file when empty."""
        target = self.path or default_settings_path()
        values = self.changed_values()
        try:
            if not values:
                if target.exists():
                    target.unlink()
                return
            from briefer.store.files import FILE_MODE, private_folder

            private_folder(target.parent, own=target.parent == paths.data_dir())
            tmp = target.with_suffix(".json.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)  # private: 0600
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(values, ensure_ascii=False, indent=2))
            os.replace(tmp, target)
        except OSError as exc:
            raise SettingsError(
                f"De instellingen konden niet worden opgeslagen in {target} ({exc.strerror}); "
                "controleer of de map schrijfbaar is."
            ) from exc

    def backup_policy(self) -> BackupPolicy:
        """The check and backup schedule these settings ask for (negative values count as 0)."""
        from briefer.store.backup import BackupPolicy

        return BackupPolicy(
            keep=max(self.backup_keep, 1), max_age_days=max(self.backup_max_age_days, 0),
            max_total_mb=max(self.backup_max_total_mb, 0), interval_hours=max(self.backup_interval_hours, 0),
            after_changes=max(self.backup_after_changes, 0), quick_check_days=max(self.check_quick_days, 0),
            full_check_days=max(self.check_full_days, 0),
        )

    def add_recent_file(self, file: str | Path) -> None:
        """Put `file` at the top of the recent files (no duplicates, at most MAX_RECENT)."""
        name = str(Path(file).resolve())
        self.recent_files = [name] + [p for p in self.recent_files if p != name]
        del self.recent_files[MAX_RECENT:]


def _type_ok(default: Any, value: Any, name: str) -> bool:
    if name in ("last_document", "last_item", "template_path"):
        return value is None or isinstance(value, str)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, str):
        return isinstance(value, str)
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return False
