"""A program that holds a library open as the window does, for the tests of commands run meanwhile.

Run as ``python library_holder.py LIBRARY [QUOTE]``: it opens the library (taking its lock, as the window's
"app"), tags QUOTE (if given) so that the annotation is only in the journal, makes it durable, prints
``ready <annotation id>`` and holds the library until its standard input closes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.workspace import Workspace  # noqa: E402


def main() -> None:
    ws = Workspace.open(sys.argv[1], program="app")
    made = ""
    if len(sys.argv) > 2:
        letter = next(iter(ws.library.letters.values()))
        made = ws.tag_quote(letter, sys.argv[2], ["risk"], "priority", "held in the journal", "Bea").id
    ws.flush()  # durable: in the journal, not yet folded into the library file
    print("ready", made, flush=True)
    sys.stdin.read()
    ws.close()


if __name__ == "__main__":
    main()
