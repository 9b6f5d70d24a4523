"""Core/CLI: `briefer ...`, a thin argparse layer over the core API.

Each area registers its sub-commands from its own module (`register(subparsers)` setting
`func=handler`). A handler receives the parsed args and returns an exit code. Failures the user
can act on are raised as `UserError` (or any core error carrying a Dutch message) and printed as
one Dutch line on stderr with a non-zero exit.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from briefer import paths
from briefer.cli.version import add_version_flag
from briefer.errors import BrieferError

if TYPE_CHECKING:
    from briefer.store import Store


class UserError(BrieferError):
    """CLI: a failure with a one-line Dutch message; exit code 1 (or `code`)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


# argparse's own sentences, in Dutch (argparse looks them up through gettext at call time).
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "deze hulp tonen",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s":
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "not allowed with argument %s": "niet samen met %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}


def _dutch_argparse() -> None:
    """Let argparse speak Dutch: usage, help titles and its error messages."""
    original = argparse._  # type: ignore[attr-defined]
    if getattr(original, "briefer_nl", False):
        return

    def translate(message: str) -> str:
        return _ARGPARSE_NL.get(message, original(message))

    translate.briefer_nl = True  # type: ignore[attr-defined]
    argparse._ = translate  # type: ignore[attr-defined]


# Each registers its own sub-commands, in this order in `briefer --help`.
AREA_MODULES = ("parse", "documents", "annotations", "filters", "export", "suggest")


def build_parser() -> argparse.ArgumentParser:
    _dutch_argparse()
    parser = argparse.ArgumentParser(
        prog="briefer",
        description="Briefer: Kamerstukken importeren, annoteren en briefings maken.",
    )
    parser.add_argument(
        "--db", type=Path, default=None,
        help=f"database (standaard: $BRIEFER_DB of {paths.default_db_path()})",
    )
    add_version_flag(parser)
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for name in AREA_MODULES:
        importlib.import_module(f"briefer.cli.{name}").register(sub)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    """The database the user asked for, else $BRIEFER_DB, else the per-user default."""
    return Path(args.db) if getattr(args, "db", None) else paths.default_db_path()


@contextmanager
def open_store(args: argparse.Namespace) -> Iterator[Store]:
    """The store the user asked for, closed afterwards.

    A database that cannot be written is opened read-only: reading commands work, a change
    fails with one Dutch line. Damage found while opening or reading it becomes DatabaseCorrupt
    naming the newest good backup to restore, and is recorded, so later commands refuse to write
    into it until it is restored (or `briefer check` finds it sound).
    """
    import sqlite3

    from briefer.store import DatabaseCorrupt, DatabaseReadOnly, Store
    from briefer.store import backup as backups
    from briefer.store.db import guarded

    path = db_path(args)
    try:
        try:
            store = Store.open(path)
        except DatabaseReadOnly:
            if not path.exists():
                raise
            store = Store.open(path, read_only=True)
        with guarded(path), store:
            yield store
    except DatabaseCorrupt as exc:
        if not exc.marked and isinstance(exc.__cause__, sqlite3.DatabaseError) and path.exists():
            backups.mark_damaged(path, str(exc.__cause__))
        named = backups.damage_with_backup(exc, path)
        if named.backup is None:
            raise named from None
        base = str(exc).removesuffix(backups.RESTORE_HINT).rstrip(". ")
        raise DatabaseCorrupt(f"{base}; {restore_hint(path, named.backup)}", path=path,
                              backup=named.backup, marked=True) from None


def restore_hint(path: Path, good: Path) -> str:
    """The CLI's advice for a damaged database that has a good backup."""
    return f"herstel de nieuwste goede reservekopie met 'briefer --db {path} restore {good}'."


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args) or 0)
    except UserError as exc:
        print(f"briefer: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:  # `briefer ... | head`: the reader went away, nothing to report
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("briefer: afgebroken.", file=sys.stderr)
        return 130
    except Exception as exc:  # core errors carry Dutch messages; anything else is a bug
        from briefer.errors import is_user_facing

        if is_user_facing(exc):
            print(f"briefer: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
