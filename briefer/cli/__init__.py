"""Core/CLI: `briefer ...`, a thin argparse layer over the core API.

Each area registers its sub-commands from its own module (`register(subparsers)` setting
`func=handler`). A handler receives the parsed args and returns an exit code. Failures the user
can act on are raised as `UserError` (or any core error carrying a Dutch message) and printed as
one Dutch line on stderr with a non-zero exit.

Start-up is lazy: `COMMANDS` names each command's area module and help line, so a command imports
only its own module (and what that imports), and `briefer --help` imports none. A new command
needs its row in `COMMANDS` (tests/test_cli_frame.py checks the table against the modules); a
command missing from it still works, at the cost of importing every area. `--db PATH` is accepted
before or after the command.

What a reading command imports is kept to what it uses (bench/search_bench.py: `briefer search`
against a bare `python -c` running the same SQL): the core modules on its path import `typing` only
for type checkers (`TYPE_CHECKING = False`, 3 ms), and `uuid`, `shutil` (which argparse imports
for the terminal width, see `_Parser`) and `random` only where they are used.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefer import paths
from briefer.cli.version import add_version_flag
from briefer.errors import BrieferError

TYPE_CHECKING = False  # typing stays unimported at run time (see above)
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
    looked_up: dict[str, str] = {}  # gettext searches the disk on every call; building the parser calls it 50 times

    def translate(message: str) -> str:
        if message in _ARGPARSE_NL:
            return _ARGPARSE_NL[message]
        if message not in looked_up:
            looked_up[message] = original(message)
        return looked_up[message]

    translate.briefer_nl = True  # type: ignore[attr-defined]
    argparse._ = translate  # type: ignore[attr-defined]


# Each registers its own sub-commands.
AREA_MODULES = ("parse", "documents", "durability", "annotations", "sharing", "sync", "filters", "export",
                "suggest")

# command -> (area module, help line), in the order of `briefer --help`
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("parse", "een document inlezen en de structuur tonen (zonder database)"),
    "import": ("documents", "documenten importeren (PDF, tekst, Word)"),
    "reparse": ("documents", "een document opnieuw inlezen als ander type (annotaties blijven)"),
    "types": ("documents", "de documenttypen tonen die Briefer kent"),
    "list": ("documents", "geïmporteerde documenten tonen"),
    "show": ("documents", "een document (of één vraag) tonen"),
    "clip": ("documents", "één vraag met annotaties als tekst, tot een plafond"),
    "title": ("documents", "de eigen titel van een vraag tonen of zetten"),
    "search": ("documents", "zoeken in vragen en antwoorden"),
    "backup": ("durability", "nu een reservekopie van de database maken"),
    "check": ("durability", "de database controleren op beschadiging"),
    "restore": ("durability", "een reservekopie terugzetten (de oude database blijft bewaard)"),
    "tag": ("annotations", "een vraag een domein geven"),
    "note": ("annotations", "een notitie bij een vraag of document"),
    "highlight": ("annotations", "een passage markeren"),
    "followup": ("annotations", "vervolgacties"),
    "domains": ("annotations", "domeinen beheren"),
    "highlights": ("annotations", "markeringen tonen, wijzigen en verwijderen"),
    "level": ("annotations", "alleen het niveau van een annotatie wijzigen"),
    "annotations": ("sharing", "annotaties delen, tonen, conflicten, prullenbak"),
    "sync": ("sync", "annotaties uitwisselen via een gedeelde map"),
    "items": ("filters", "geannoteerde vragen over alle documenten"),
    "export": ("export", "een briefing maken (Word)"),
    "suggest": ("suggest", "suggesties tonen, aannemen of afwijzen"),
    "lexicon": ("suggest", "de woordenlijst van een domein"),
}


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`, without importing shutil (and bz2, lzma) at every start."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """CLI: argparse's parser, giving its help formatter the terminal width itself (argparse would
    import shutil for it, 3 ms, in every parser it builds); sub-parsers inherit the class."""

    def _get_formatter(self) -> argparse.HelpFormatter:
        return self.formatter_class(prog=self.prog, width=_terminal_columns() - 2)  # type: ignore[call-arg]


def _db_help() -> str:
    return f"database (standaard: $BRIEFER_DB of {paths.default_db_path()})"


def _command_of(argv: list[str]) -> str | None:
    """The command word in `argv` (the first word that is not an option or the value of --db)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word == "--db":
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def _add_db_everywhere(parser: argparse.ArgumentParser) -> None:
    """Let `--db` follow the command too (and a sub-command's sub-command)."""
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its sub-parsers here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for child in dict.fromkeys(action.choices.values()):
                if not any("--db" in a.option_strings for a in child._actions):  # noqa: SLF001
                    child.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=_db_help())
                _add_db_everywhere(child)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: only the chosen command's area is imported (every area when unknown)."""
    _dutch_argparse()
    parser = _Parser(
        prog="briefer",
        description="Briefer: Kamerstukken importeren, annoteren en briefings maken.",
    )
    parser.add_argument("--db", type=Path, default=None, help=_db_help())
    add_version_flag(parser)
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    command = _command_of(list(sys.argv[1:] if argv is None else argv))
    if command in COMMANDS:
        areas: tuple[str, ...] = (COMMANDS[command][0],)
    elif command is None:
        areas = ()
    else:  # a command this table does not know: let every area register what it has
        areas = AREA_MODULES
    for name in areas:
        importlib.import_module(f"briefer.cli.{name}").register(sub)
    for name, (_, help_line) in COMMANDS.items():  # the others, for `--help` and "did you mean"
        if name not in sub.choices:
            sub.add_parser(name, help=help_line, add_help=False)
    _add_db_everywhere(parser)
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
        from briefer.store import backup as backups

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
    parser = build_parser(argv)
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
