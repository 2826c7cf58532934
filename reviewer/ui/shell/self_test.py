"""``reviewer --self-test [FILE]``: open a letter in the real window on a throwaway library, then quit.

For whoever installs Reviewer (packaging/build.sh, a council's IT on a managed laptop): it proves the
installed program starts, finds its resources and Qt plugins, reads a PDF and draws a page, without
touching the user's library or settings. It prints one line and exits 0 when all is well, 1 if not.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, qVersion
from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer import __version__

TIMEOUT_S = 60.0


def run(app: QApplication, files: list[str]) -> int:
    from reviewer.resources import icon_path, sample_letters
    from reviewer.letters import guard
    from reviewer.store.repository import LibraryStore
    from reviewer.workspace import Workspace
    from reviewer.ui.shell.main_window import MainWindow

    from reviewer.ui.library.importing import OPENED_AS_READ, OPENED_WITH_A_WARNING

    problems: list[str] = []
    notes: list[str] = []
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        problems.append("Qt cannot read SVG images (the svg image format plugin is missing)")
    if QIcon(str(icon_path("reviewer"))).pixmap(32, 32).isNull():
        problems.append("the app icon cannot be drawn")
    target = Path(files[0]) if files else (sample_letters() or [None])[0]
    if target is None or not target.is_file():
        print(f"reviewer {__version__} self-test: FAILED: no letter to open ({target})", file=sys.stderr)
        return 1
    # Any message box would wait for a click: record its text instead.
    QMessageBox.warning = QMessageBox.critical = QMessageBox.information = (  # type: ignore[method-assign]
        lambda _parent, title, text, *a, **k: problems.append(f"{title}: {text}") or QMessageBox.StandardButton.Ok)
    QMessageBox.exec = lambda box: problems.append(f"{box.windowTitle()}: {box.text()}") or 0  # type: ignore[method-assign]
    QMessageBox.open = lambda box: (notes if box.windowTitle() in (OPENED_WITH_A_WARNING, OPENED_AS_READ)  # type: ignore[method-assign]
                                    else problems).append(
        f"{box.windowTitle()}: {box.text()}")  # (a letter that opened with a note, "not UTF-8: read as Windows-1252",
    # opened: a new user's Windows-1252 letter failed the self-test though every character was right, stop 46)
    with tempfile.TemporaryDirectory(prefix="reviewer-self-test-") as tmp:
        ws = Workspace(LibraryStore(Path(tmp) / "library.json", "self-test"))
        seeded = len(ws.add_samples()) == 0 and len(ws.library.letters) > 0
        guard.forbid_thread()  # the rule the real window keeps: PyMuPDF only on the worker
        window = MainWindow(ws, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.show()
        window.importer.open_paths([target])
        started = time.monotonic()
        outcome: list[int] = []

        def poll() -> None:
            drawn = bool(window.view._images)  # a page image came back from the worker
            if window.onscreen.layout is not None and drawn:
                outcome.append(0)
            elif problems or time.monotonic() - started > TIMEOUT_S:
                outcome.append(1)
            else:
                return
            timer.stop()
            app.quit()

        timer = QTimer()
        timer.timeout.connect(poll)
        timer.start(50)
        app.exec()
        layout = window.onscreen.layout
        letter = ws.library.letters.get(window.onscreen.letter_id or "")
        window.close()
        ws.close()
    if not seeded:
        problems.append("the sample letters could not be added to a new library")
    if outcome == [0] and not problems and layout is not None and letter is not None:
        print(f"reviewer {__version__} self-test: ok: opened {letter.source} ({layout.page_count} pages, "
              f"{len(layout.text):,} characters) in {time.monotonic() - started:.1f} s; "
              f"Qt {qVersion()} on the {QApplication.platformName()} platform"
              + (f" (with a note: {'; '.join(notes)})" if notes else ""))
        return 0
    why = "; ".join(problems) or f"{target.name} was not shown within {TIMEOUT_S:.0f} s"
    print(f"reviewer {__version__} self-test: FAILED: {why}", file=sys.stderr)
    return 1
