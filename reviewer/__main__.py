"""Entry point: subcommands go to the headless command line, anything else opens the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen build's export processes start here, not the app
    args = list(sys.argv[1:] if argv is None else argv)
    from reviewer.cli.main import COMMANDS

    if args[:1] and (args[0] in COMMANDS or args[0] in ("--version", "-h", "--help")):
        if args[0] in ("-h", "--help"):
            print("usage: reviewer [--db PATH] [FILE...]        open the window\n"
                  "       reviewer --self-test [FILE]           check the installation: open a letter, then quit\n"
                  f"       reviewer {{{','.join(COMMANDS)}}} ...  (see reviewer COMMAND -h)\n"
                  "       reviewer --version")
            return 0
        from reviewer.cli.main import main as cli_main

        return cli_main(args)
    from reviewer.ui.shell.app import main as ui_main

    return ui_main(args)


if __name__ == "__main__":
    sys.exit(main())
