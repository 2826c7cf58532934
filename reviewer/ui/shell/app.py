"""Composition root: parse the window's arguments, open the library, show the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reviewer import __version__
from reviewer.store.paths import resolve_library_path
from reviewer.store.backups import kept_aside, restore
from reviewer.store.repository import LibraryDamagedError, LibraryError, LibraryUnwritable
from reviewer.workspace import Workspace


def parse(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="reviewer", description="Open the Reviewer window.")
    p.add_argument("--db", metavar="PATH", help="library file (default: REVIEWER_DB or the user data folder)")
    p.add_argument("--version", action="version", version=f"reviewer {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="open FILE (or a sample letter) on a throwaway library, print whether it worked, and quit")
    p.add_argument("files", nargs="*", metavar="FILE", help="letters (.pdf, .txt, .md), audit packs (.zip) or codebooks (.qdc) to open")
    return p.parse_args(list(argv))


def open_library_interactively(db: str | None) -> Workspace | None:
    """Open the library; on failure explain why and let the user pick another file or quit."""
    while True:
        try:
            return Workspace.open(db)
        except (LibraryError, OSError) as exc:  # (a full disk, a folder without permission: said, never a traceback)
            message = str(exc) if isinstance(exc, LibraryError) else (
                f"the library could not be opened: {exc.strerror or exc}"
                + (f" ({exc.filename})" if getattr(exc, "filename", None) else ""))
            if isinstance(exc, LibraryUnwritable):  # (a read-only share: the command line can still read it)
                message += (".\n\nThe window changes the library, so it needs a folder you can write to: ask for write "
                            "permission, or copy the library's folder somewhere you can write. Meanwhile the command "
                            "line reads it as last saved (reviewer list, reviewer export)")
            box = QMessageBox(QMessageBox.Icon.Critical, "Reviewer — library cannot be opened",
                              f"{message[:1].upper()}{message[1:]}.\n\nNothing has been changed. You can open or create another library file.")
            good = exc.backups if isinstance(exc, LibraryDamagedError) else []
            restore_btn = box.addButton(f"Restore Backup from {good[0].describe()}", QMessageBox.ButtonRole.AcceptRole) \
                if good else None
            other = box.addButton("Open Another Library…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if restore_btn is not None and box.clickedButton() is restore_btn:
                aside = restore(exc.path, good[0].path)  # type: ignore[union-attr]
                QMessageBox.information(None, "Reviewer — backup restored",
                                        f"The library was restored from the backup of {good[0].describe()}."
                                        + (f"\n\n{kept_aside(aside)}." if aside else ""))
                continue
            if box.clickedButton() is not other:
                return None
            path, _ = QFileDialog.getSaveFileName(None, "Library file", str(Path.home() / "reviewer-library.json"),
                                                  "Reviewer library (*.json)",
                                                  options=QFileDialog.Option.DontConfirmOverwrite)
            if not path:
                return None
            db = path


class FileOpenEvents(QObject):
    """macOS hands "Open with" and files dropped on the Dock icon to the app as events, not arguments."""

    def __init__(self) -> None:
        super().__init__()
        self.window = None
        self.early: list[Path] = []

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            path = Path(event.file())
            if self.window is None:
                self.early.append(path)
            else:
                self.window.importer.open_paths([path])
            return True
        return False


def start_page(window, files: Sequence[Path] = ()) -> None:  # type: ignore[no-untyped-def]
    """Started on ``files`` (a double-click, Open With), opens them; the first run, or an auditor who asked
    for it, starts on the welcome page; later runs reopen the letter that was open, at the page and place
    it was left. A first run on files counts as the welcome seen: the next plain start goes back to the
    letter, not to a welcome page (the name is asked at the first tag; Help > Welcome Page stays)."""
    settings, letters = window.settings, window.lib.letters
    if files:
        settings.setValue("welcome/seen", True)
        QTimer.singleShot(0, lambda: window.importer.open_paths(list(files)))
        return
    first_run = settings.value("welcome/seen", False) not in (True, "true")
    last = window.onscreen.last_letter()
    if first_run or settings.value("prefs/show_welcome", False) in (True, "true") or last not in letters:
        settings.setValue("welcome/seen", True)
        window.panes.show_welcome()
    else:
        QTimer.singleShot(0, lambda: window.onscreen.open(last))  # where the auditor left it (OnScreen.left_at)


def main(argv: Sequence[str]) -> int:
    args = parse(argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Reviewer")
    app.setOrganizationName("Reviewer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.reviewer.Reviewer")  # the Linux menu entry (packaging/linux)
    file_opens = FileOpenEvents()
    app.installEventFilter(file_opens)
    from reviewer.ui.kit.style import apply_saved_style

    apply_saved_style(app, QSettings())  # type: ignore[arg-type]
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_saved_style(app, QSettings()))  # type: ignore[union-attr,arg-type]
    try:
        from reviewer.resources import icon_path

        app.setWindowIcon(QIcon(str(icon_path("reviewer"))))  # type: ignore[attr-defined]
    except LookupError:
        pass
    if args.self_test:
        from reviewer.ui.shell.self_test import run

        return run(app, args.files)  # type: ignore[arg-type]
    from reviewer.ui.shell.single_instance import Listener, hand_over

    files = [Path(f) for f in args.files]
    if hand_over(resolve_library_path(args.db)[0], files):  # a window has this library open: it takes them
        return 0
    ws = open_library_interactively(args.db)
    if ws is None:
        return 1
    from reviewer.letters import guard
    from reviewer.ui.shell.main_window import MainWindow

    guard.forbid_thread()  # from here on, only the worker reads letters: a slip raises, never freezes
    window = MainWindow(ws, QSettings())
    from reviewer.ui.kit import typed

    app.commitDataRequest.connect(typed.at_session_end)  # type: ignore[union-attr]  # signing out: typed text
    Listener(ws.store.path, window, window.importer.open_paths)
    window.show()
    file_opens.window = window
    start_page(window, files + file_opens.early)
    return app.exec()  # type: ignore[union-attr]
