"""Opening and importing letters: file dialogs, folders, drag-and-drop, progress in the status bar.

The slow part (reading and extracting each file) runs on the PyMuPDF worker; adding the prepared
letter to the library happens here, on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QProgressBar, QToolButton

from reviewer.core.text.documents import EncryptedPdf, tells_how_read
from reviewer.core.annotations.model import PreparedLetter
from reviewer.letters.importing import prepare_encrypted, read_file
from reviewer.store.repository import LibraryError
from reviewer.ui.kit.desk import Desk, OnScreen
from reviewer.ui.library.library_panel import LibraryPanel
from reviewer.workspace import Workspace
from reviewer.core.text.words import counted


OPENED_WITH_A_WARNING = "Opened with a warning"  # the box's title when every letter opened, one with a note
OPENED_AS_READ = "Opened"  # ... when the notes only say how a text letter's characters were read

class ImportController(QObject):
    """Drives the library panel's selection, the status bar's progress bar and its Cancel button. Audit
    packs and codebooks among the files are handed on by signal (opening them is the manager's)."""

    packsGiven = Signal(list)  # [Path] of audit packs (.zip)
    codebookGiven = Signal(object)  # Path of a REFI-QDA codebook (.qdc)

    def __init__(self, desk: Desk, onscreen: OnScreen, library_panel: LibraryPanel, progress: QProgressBar,
                 cancel: QToolButton) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.library_panel, self.progress, self.cancel = (
            desk, onscreen, library_panel, progress, cancel)
        self._open_after_import: set[str] = set()
        self._batch: set[str] = set()  # names of the files opened together, to select them in the library
        self._batch_ids: list[str] = []  # their letters, as they arrive
        self._import_errors: list[str] = []
        self._import_notes: list[str] = []  # letters read with a warning (a damaged PDF, repaired)
        self._warned = False  # one of those notes more than how a text letter's characters were read
        self._already = 0  # letters of this import already in the library
        self._stopped = False  # the window closed: letters the worker read meanwhile are not added
        worker = desk.host.worker
        worker.import_progress.connect(self._import_progress)
        worker.imported.connect(self._imported)
        worker.import_failed.connect(self._import_failed)
        worker.import_finished.connect(self._import_finished)
        worker.needs_password.connect(self.ask_password)

    def open_files_dialog(self) -> None:
        settings = self.desk.settings
        start = str(self.desk.folder("paths/last_open"))
        files, _ = QFileDialog.getOpenFileNames(self.desk.parent, "Open letters", start,
                                                "Letters (*.pdf *.docx *.txt *.md);;PDF (*.pdf);;Word (*.docx);;Text (*.txt *.md);;All files (*)")
        if files:
            settings.setValue("paths/last_open", str(Path(files[0]).parent))
            self.open_paths([Path(f) for f in files])

    def import_folder_dialog(self) -> None:
        settings = self.desk.settings
        start = str(self.desk.folder("paths/last_folder"))
        folder = QFileDialog.getExistingDirectory(self.desk.parent, "Import a folder of letters", start)
        if folder:
            settings.setValue("paths/last_folder", folder)
            self.open_paths([Path(folder)], open_single=False)

    def open_paths(self, paths: list[Path], open_single: bool = True) -> None:
        packs = [p for p in paths if p.is_file() and p.suffix.lower() == ".zip"]
        codebooks = [p for p in paths if p.is_file() and p.suffix.lower() == ".qdc"]
        if packs:
            self.packsGiven.emit(packs)  # audit packs dropped or named on the command line
        for c in codebooks:
            self.codebookGiven.emit(c)
        paths = [p for p in paths if p not in packs and p not in codebooks]
        if not paths:
            return
        if any(p.is_dir() for p in paths):  # a folder (a network drive's, thousands of files) is looked through off
            # this thread, the progress bar busy meanwhile (an attack, stop 50: the window froze while it was scanned)
            self.progress.setRange(0, 0)
            self.progress.setFormat("Looking for letters…")
            self.progress.show()
            self.desk.tell(f"Looking for letters in {next(p for p in paths if p.is_dir()).name}…", 0)
            self.desk.host.think(lambda: Workspace.files_in(paths), lambda files: self._import(files, open_single),
                                 self._scan_failed, key="import-scan")
            return
        self._import(paths, open_single)

    def _scan_failed(self, exc: Exception) -> None:
        self.progress.hide()
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        QMessageBox.warning(self.desk.parent, "Nothing imported", f"The folder could not be looked through: {why}"
                            + (f" ({exc.filename})" if isinstance(exc, OSError) and exc.filename else ""))

    def _import(self, files: list[Path], open_single: bool) -> None:
        if self._stopped:
            return
        if not files:
            self.progress.hide()
            self.desk.hush()
            QMessageBox.information(self.desk.parent, "Nothing to import", "No PDF or text letters were found there.")
            return
        if open_single:  # the first of them is opened; several are selected in the library as well
            self._open_after_import.add(files[0].name)
            self._batch = {f.name for f in files} if len(files) > 1 else set()
            self._batch_ids = []
        self._import_errors = []
        self._import_notes = []
        self._warned = False
        self._already = 0
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel.setVisible(len(files) > 1)
        self.desk.host.request_import.emit([str(f) for f in files], self.desk.store.save_files)

    def _import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"Importing {done + 1} of {total}")
        self.desk.tell(f"Reading {name}…", 3000)

    def stop(self) -> None:
        """The window is closing, its library with it: a letter read meanwhile is neither added nor opened (its files,
        kept by the worker, are removed with the library's closing)."""
        self._stopped = True

    def _imported(self, prep: PreparedLetter) -> None:
        if self._stopped:
            return
        try:
            letter, new = self.desk.ws.add_prepared(prep, saved=True)
        except LibraryError as exc:
            self._import_errors.append(str(exc))
            return
        if not new:
            self._already += 1  # (a letter opened again is no import: "Imported 1 letter" read as a duplicate)
        if prep.notes and new:  # (said when the import ends, with what could not be read: the status bar's line was
            self._import_notes.append(f"{letter.source}: " + "; ".join(prep.notes))  # gone before it was read)
            self._warned = self._warned or not all(tells_how_read(n) for n in prep.notes)
        if letter.source in self._batch:
            self._batch_ids.append(letter.id)
        if letter.source in self._open_after_import:
            self._open_after_import.discard(letter.source)
            self.library_panel.update_letters({letter.id})  # its row now, so opening it selects it
            self.onscreen.open(letter.id)
        elif self._batch and len(self._batch_ids) == 1 and self._batch_ids[0] == letter.id:
            self._open_after_import.clear()  # the first file could not be read: open the first that could
            self.library_panel.update_letters({letter.id})
            self.onscreen.open(letter.id)

    def _import_failed(self, name: str, message: str) -> None:
        self._import_errors.append(message)
        self._open_after_import.discard(name)

    def _select_batch(self) -> str:
        """Letters opened together (File > Open with several files, a drop, a launch with several):
        the first is on screen and all of them are selected in the library. Returns the title shown."""
        ids, self._batch, self._batch_ids = self._batch_ids, set(), []
        if len(ids) < 2:
            return ""
        panel = self.library_panel
        panel.update_letters(set(ids))  # their rows now, so they can be selected
        shown = self.onscreen.letter_id
        first = shown if shown in ids else ids[0]
        panel.select(first)
        for lid in ids:
            if lid != first:
                panel.select(lid, add=True)
        panel.select(first, add=True)  # the row in view is the one on screen
        return self.desk.lib.display_title(first)

    def ask_password(self, path: str, attempt: int = 1, message: str = "") -> None:
        """An encrypted PDF: ask for its password, then read it on the worker; the library keeps it decrypted."""
        if self._stopped:
            return
        name = Path(path).name
        prompt = (f"{message}\n\n" if message else "") + f"{name} is protected by a password.\nPassword:"
        password, ok = QInputDialog.getText(self.desk.parent, "Password needed", prompt, QLineEdit.EchoMode.Password)
        if not ok:
            self.desk.tell(f"{name} was not opened: no password given.", 6000)
            return
        def job() -> PreparedLetter:
            data = read_file(Path(path))
            prep = prepare_encrypted(data, password, name)  # in a reading process, within its limits
            self.desk.store.save_files(prep)  # here on the worker, as for any import
            return prep

        def done(prep: PreparedLetter) -> None:
            self._open_after_import.add(prep.letter.source)
            self._imported(prep)
            self._report_problems(errors=False)

        def failed(exc: Exception) -> None:
            if isinstance(exc, EncryptedPdf) and attempt < 3:  # the password was not right
                self.ask_password(path, attempt + 1, str(exc))
            else:
                QMessageBox.warning(self.desk.parent, "Letter not opened", str(exc))

        self.desk.host.call(job, done, failed)

    def _import_finished(self, added: int, failed: int) -> None:
        if self._stopped:
            return
        self.progress.hide()
        self.cancel.hide()
        opened = self._select_batch()
        already, self._already = self._already, 0
        new = max(0, added - already)
        said = (f"Imported {counted(new, 'letter')}" if new else "") + \
            ((", " if new else "") + f"{counted(already, 'letter')} already in the library" if already else "")
        self.desk.tell((said or "Imported nothing") + (f", {failed} could not be read" if failed else "")
                       + (f"; showing {opened}, all {added} selected in the library" if opened else ""),
                       8000)
        self._report_problems()

    def _report_problems(self, errors: bool = True) -> None:
        """What could not be read (``errors``: this import's), and what was read with a warning (a truncated
        PDF, repaired), in one box."""
        said = (self._import_errors if errors else []) + self._import_notes
        if not said:
            return
        failed = len(said) > len(self._import_notes)
        # only how the characters were read ("not UTF-8: read as Windows-1252"): said plainly, no warning (a new
        # user's letter, read right to the last character, was told it "may be missing some of its text")
        as_read = not failed and not self._warned
        box = QMessageBox(QMessageBox.Icon.Information if as_read else QMessageBox.Icon.Warning,
                          OPENED_AS_READ if as_read else
                          "Some files could not be opened" if failed else OPENED_WITH_A_WARNING,
                          "\n".join(said[:8]) + ("\n…" if len(said) > 8 else ""),
                          QMessageBox.StandardButton.Ok, self.desk.parent)
        if as_read:
            box.setInformativeText("Its text was read in full, in the encoding named: nothing is missing.")
        elif self._import_notes:
            box.setInformativeText("A letter read with a warning may be missing some of its text: compare it "
                                   "with the original before relying on its quotes.")
        if len(said) > 8:
            box.setDetailedText("\n".join(said))
        box.open()
        self._import_notes, self._warned = [], False
