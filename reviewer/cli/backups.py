"""`reviewer backups [--restore [N]]`: list the library's good backups, or put one back in place."""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.errors import CliError, at_least_one
from reviewer.store.backups import good_backups, kept_aside, restore
from reviewer.store.lock import LibraryLock, LibraryLocked
from reviewer.store.paths import resolve_library_path


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    b = sub.add_parser("backups", parents=[common], help="list the library's backups, or restore one")
    b.add_argument("--restore", nargs="?", const=1, type=at_least_one, metavar="N",
                   help="restore backup N of the list (default 1, the newest); the current file is kept aside, "
                        "named .damaged-<time> or .before-restore-<time> for what it is")


def cmd_backups(_store: object, args: argparse.Namespace) -> int:
    path, _ = resolve_library_path(args.db)
    found = good_backups(path)
    if args.restore is None:
        if not found:
            sys.stdout.write(f"no good backups of {path} yet\n")
            return 0
        for i, b in enumerate(found, start=1):
            sys.stdout.write(f"{i:>2}  {b.describe()}  {b.path}\n")
        return 0
    if not 1 <= args.restore <= len(found):
        raise CliError(f"there is no backup {args.restore}; `reviewer backups` lists {len(found)}")
    lock = LibraryLock(path, "cli")
    try:
        lock.acquire()
    except LibraryLocked as exc:
        raise CliError(str(exc)) from None
    try:
        aside = restore(path, found[args.restore - 1].path)
    finally:
        lock.release()
    said = kept_aside(aside) if aside else ""
    sys.stdout.write(f"restored the backup from {found[args.restore - 1].describe()}"
                     + (f"; {said[:1].lower()}{said[1:]}\n" if aside else "\n"))
    return 0
