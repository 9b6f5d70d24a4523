"""CLI: backup, check, restore — thin wrappers over briefer.store.backup.

    briefer backup [--keep N] [--force]     a backup now (checked, then old ones pruned)
    briefer check [--quick]                 full integrity check (or SQLite's quick check)
    briefer restore [KOPIE] [--force]       put a backup back (the current file is kept aside)

Output is Dutch; failures are raised and printed as one line by briefer.cli.main.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefer import paths
from briefer.cli import UserError, db_path, restore_hint
from briefer.store import DatabaseCorrupt
from briefer.store import backup as backups


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="nu een reservekopie van de database maken")
    p.add_argument("--keep", type=int, default=None,
                   help="aantal te bewaren kopieën (standaard uit de instellingen: 10)")
    p.add_argument("--force", action="store_true",
                   help="ook een database zonder documenten bewaren")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("check", help="de database controleren op beschadiging")
    p.add_argument("--quick", action="store_true", help="alleen de snelle controle (quick_check)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("restore", help="een reservekopie terugzetten (de oude database blijft bewaard)")
    p.add_argument("backup", nargs="?", type=Path, metavar="KOPIE",
                   help="reservekopie (standaard: de nieuwste goede)")
    p.add_argument("--force", action="store_true",
                   help="ook een database vervangen die in orde is (zij blijft bewaard)")
    p.set_defaults(func=cmd_restore)


def _policy() -> backups.BackupPolicy:
    from briefer.settings import Settings

    return Settings.load().backup_policy()


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _damaged(path: Path, base: str) -> DatabaseCorrupt:
    """`base` (one sentence without its end) with the CLI's advice: which backup to restore."""
    good = backups.newest_good_backup(path)
    offer = restore_hint(path, good) if good else "er is geen goede reservekopie; neem contact op met beheer."
    base = base.removesuffix(backups.RESTORE_HINT).rstrip(". ")
    return DatabaseCorrupt(f"{base}; {offer}", path=path, backup=good)


def cmd_backup(args: argparse.Namespace) -> int:
    from briefer.store import files
    from briefer.store.maintenance import read_changes

    path = db_path(args)
    policy = _policy()
    if args.keep is not None:
        policy.keep = max(args.keep, 1)
    try:
        target = backups.backup(path, policy=policy, force=args.force)
    except DatabaseCorrupt as exc:
        raise _damaged(path, str(exc).split("; er is geen reservekopie")[0]) from None
    files.write_status(path, {"backup_changes": read_changes(path)})
    kept = backups.backups(path)
    total = sum(p.stat().st_size for p in kept)
    print(f"Reservekopie gemaakt: {target} ({_mb(target.stat().st_size)}); {len(kept)} reservekopie(ën) "
          f"bewaard, samen {_mb(total)}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from briefer.store.db import preflight

    path = db_path(args)
    if not path.exists():
        raise UserError(f"De database {path} bestaat nog niet; importeer eerst een document.")
    try:
        preflight(path)
    except DatabaseCorrupt as exc:
        if not exc.marked:
            raise _damaged(path, str(exc)) from None
        # an earlier check found damage: check again (a restored or repaired file clears the mark)
    problems = backups.check_integrity(path, full=not args.quick)
    if problems:
        backups.mark_damaged(path, problems[0])
        raise _damaged(path, f"De database {path} is beschadigd ({problems[0]})")
    backups.clear_damage(path, checked="quick_check" if args.quick else "full_check")
    found = backups.backups(path)
    kind = "snelle controle" if args.quick else "volledige controle"
    print(f"De database {path} is in orde ({kind}); {len(found)} reservekopie(ën) in {paths.backup_dir(path)}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    chosen = args.backup or backups.newest_good_backup(path)
    if chosen is None:
        raise UserError(f"Er is geen goede reservekopie van {path} gevonden.")
    aside = backups.restore_backup(path, chosen, replace_sound=args.force)
    kept = f"; de oude database is bewaard als {aside}" if aside else ""
    print(f"Reservekopie {chosen.name} teruggezet in {path}{kept}.")
    return 0
