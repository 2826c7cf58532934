"""A process that writes to a library as fast as it can, printing each change once it is durable.

Run as ``python crash_writer.py LIBRARY [--window]``; the crash tests kill it with SIGKILL at
random moments. With ``--window`` the changes go through a main window (offscreen) as tagging in
it does, with its panels, models and worker thread running.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.core.annotations.commands import AddAnnotation, EditAnnotation, UndoStack, edited  # noqa: E402
from reviewer.workspace import Workspace  # noqa: E402
from reviewer.core.annotations.tagging import new_annotation  # noqa: E402
from reviewer.store.repository import LibraryStore  # noqa: E402


def main() -> None:
    store = LibraryStore(Path(sys.argv[1]))
    lib = store.library
    letter = next(iter(lib.letters.values()))
    ex = Workspace(store).text(letter.id)
    assert ex is not None
    undo = UndoStack(lib)
    pump = lambda: None  # noqa: E731
    if "--window" in sys.argv:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from reviewer.ui.shell.main_window import MainWindow

        app = QApplication([])
        window = MainWindow(Workspace(store), QSettings(str(Path(sys.argv[1]).with_suffix(".ini")), QSettings.Format.IniFormat))
        window.show()
        window.onscreen.open(letter.id)
        undo = window.undo_stack
        pump = app.processEvents
    print("ready", flush=True)
    i = 0
    while True:
        pump()
        s = (i * 37) % max(1, len(ex.text) - 40)
        ann = new_annotation(ex.text, ex.page_starts, letter.id, s, s + 30, ["planning"], "improvement",
                             f"note {i}", "Crash Tester")
        undo.push(AddAnnotation(ann))
        if i % 3 == 0:  # edits too, so records are rewritten as well as added
            undo.push(EditAnnotation(ann, edited(ann, note=f"edited {i}")))
        if i % 2 == 0:
            store.commit()  # acknowledged: on disk from here on (raises if it is not)
            print(f"ack {ann.id} {'edited' if i % 3 == 0 else 'new'} {i}", flush=True)
        i += 1



def run_and_kill(proc: subprocess.Popen[str], after: float) -> dict[str, str]:
    """Let a started writer run for ``after`` seconds, SIGKILL it, and return what it acknowledged:
    annotation id -> the note it must have on disk."""
    import signal
    import threading
    import time

    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout or ()), daemon=True)
    reader.start()
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(5)
    acked = {}
    for line in lines:
        if line.startswith("ack "):
            _, aid, kind, i = line.split()
            acked[aid] = f"edited {i}" if kind == "edited" else f"note {i}"
    return acked


if __name__ == "__main__":
    main()
