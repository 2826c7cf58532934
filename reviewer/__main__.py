"""Entry point: subcommands go to the headless command line, anything else opens the window.

``--db PATH`` may come before the subcommand (``reviewer --db lib.json add FILE``, as git and
docker take their options): the first word that is not an option or its value decides. A known
subcommand never starts the window.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from difflib import get_close_matches
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen build's export processes start here, not the app
    args = list(sys.argv[1:] if argv is None else argv)
    from reviewer.cli.main import COMMANDS

    first = first_word(args)
    if first in COMMANDS or first in ("--version", "-h", "--help"):
        if first in ("-h", "--help"):
            print("usage: reviewer [--db PATH] [FILE...]        open the window\n"
                  "       reviewer --self-test [FILE]           check the installation: open a letter, then quit\n"
                  f"       reviewer [--db PATH] {{{','.join(COMMANDS)}}} ...  (see reviewer COMMAND -h)\n"
                  "       reviewer --version")
            return 0
        from reviewer.cli.main import main as cli_main

        return cli_main(args)
    if mistyped(first, COMMANDS):
        near = get_close_matches(first or "", COMMANDS, n=1, cutoff=0.6)
        print(f"reviewer: '{first}' is not a command" + (f"; did you mean '{near[0]}'?" if near else "") +
              f"\ncommands: {', '.join(COMMANDS)} (reviewer COMMAND -h); a letter to open must be a file that exists",
              file=sys.stderr)
        return 2
    from reviewer.ui.shell.app import main as ui_main

    return ui_main(args)


def mistyped(first: str | None, commands: Sequence[str]) -> bool:
    """A word that looks like a subcommand mistyped ("lsit", "set-name"), not a file to open: no file by that name,
    no folder or suffix in it. It starts no window (a mistyped command had opened the whole window saying the
    "letter" could not be read, and without a display aborted with Qt's advice to reinstall)."""
    if not first or first.startswith("-") or Path(first).exists():
        return False
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z-]*", first))


def first_word(args: Sequence[str]) -> str | None:
    """The first argument that is not ``--db PATH`` (or ``--db=PATH``): a subcommand, a file or an option."""
    i = 0
    while i < len(args):
        if args[i] == "--db":
            i += 2
        elif args[i].startswith("--db="):
            i += 1
        else:
            return args[i]
    return None


if __name__ == "__main__":
    sys.exit(main())
