"""Entry point: subcommands go to the headless command line, anything else opens the window.

``--db PATH`` may come before the subcommand (``reviewer --db lib.json add FILE``, as git and
docker take their options): the first word that is not an option or its value decides. A known
subcommand never starts the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


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
    from reviewer.ui.shell.app import main as ui_main

    return ui_main(args)


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
