"""File > Export Audit Pack / Open Audit Pack / codebook exchange, with progress and clear refusals.

Building a pack and reading the letters of an arriving pack use PyMuPDF, so both run on the one
PyMuPDF worker; the GUI thread only snapshots the records beforehand and applies the merge after.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.core.commands import Batch, Command, PutTheme
from reviewer.core.documents import extractor_version
from reviewer.core.importing import PreparedLetter
from reviewer.core.layout import Layout
from reviewer.core.layout_file import load_layout
from reviewer.core.library import Library
from reviewer.core.model import Letter

if TYPE_CHECKING:  # the writers and readers are imported when first used: start-up stays quick
    from reviewer.core.merge import MergeReport
    from reviewer.export.pack_read import PackContents
    from reviewer.ui.main_window import MainWindow


@dataclass
class _Snapshot:
    """The records a pack is built from, copied on the GUI thread so the worker never reads live state."""

    library: Library
    texts: dict[str, str]
    files: dict[str, Path]
    layouts: dict[str, Path]

    def letter_bytes(self, letter: Letter) -> bytes:
        return self.files[letter.id].read_bytes()

    def text_of(self, letter_id: str) -> str | None:
        return self.texts.get(letter_id)

    def saved_layout(self, letter_id: str) -> Layout | None:
        letter = self.library.letters[letter_id]
        try:
            data = self.layouts[letter_id].read_bytes()
        except OSError:
            return None
        return load_layout(data, letter.text_sha, extractor_version(letter.kind))


class _Signals(QObject):
    progress = Signal(int, int, str)  # emitted on the worker thread, delivered on the GUI thread


class PackController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.signals = _Signals()
        self.signals.progress.connect(self._progress)
        self._cancel = threading.Event()
        self.busy = False

    # ------------------------------------------------------------ export
    def scope(self) -> list[str]:
        selected = self.w.library_panel.selected_ids()
        return selected if len(selected) > 1 else [x.id for x in self.w.lib.letters_sorted()]

    def export_dialog(self) -> None:
        w = self.w
        ids = self.scope()
        if not ids:
            QMessageBox.information(w, "Export audit pack", "The library has no letters yet.")
            return
        if self.busy:
            return
        who = w.annotating.auditor_name()
        if who is None:
            return
        folder = Path(str(w.settings.value("paths/last_pack", str(Path.home()))))
        default = folder / f"audit-pack-{who.replace(' ', '-').lower()}-{date.today().isoformat()}.zip"
        path, _ = QFileDialog.getSaveFileName(w, f"Export audit pack ({len(ids)} letter{'s' if len(ids) != 1 else ''})",
                                              str(default), "Audit packs (*.zip)")
        if not path:
            return
        if not path.lower().endswith(".zip"):
            path += ".zip"
        w.settings.setValue("paths/last_pack", str(Path(path).parent))
        self.export_to(ids, Path(path), who)

    def export_to(self, ids: list[str], path: Path, auditor: str, title: str = "Audit pack") -> None:
        from reviewer.export.pack import export_pack

        w = self.w
        lib, store = w.lib, w.store
        snap = Library()
        letters = [lib.letters[i] for i in ids if i in lib.letters]
        snap.load(letters, [a for x in letters for a in lib.annotations_for(x.id)], lib.themes.values(), lib.settings)
        texts = {x.id: ex.text if (ex := store.saved_text(x.id)) else "" for x in letters}  # no PyMuPDF here
        source = _Snapshot(snap, texts, {x.id: store.letter_file(x) for x in letters},
                           {x.id: store.layout_file(x.id) for x in letters})
        self._start(f"Exporting {path.name}", len(letters) + 3)

        def job() -> None:
            export_pack(source, [x.id for x in letters], path, auditor, title,  # type: ignore[arg-type]
                        self.signals.progress.emit, self._cancel.is_set)

        w.host.run_call(job, lambda err: self._exported(path, err))

    def _exported(self, path: Path, error: str) -> None:
        self._finish()
        if error == "cancelled" or self._cancel.is_set():
            self.w.statusBar().showMessage("Export cancelled; no pack was written.", 6000)
        elif error:
            QMessageBox.warning(self.w, "Export failed", f"{path.name} could not be written:\n{error}\n\nNo file was left behind.")
        else:
            self.w.statusBar().showMessage(f"Exported audit pack {path}", 10000)

    # ------------------------------------------------------------ open
    def open_dialog(self) -> None:
        start = str(self.w.settings.value("paths/last_pack", str(Path.home())))
        files, _ = QFileDialog.getOpenFileNames(self.w, "Open audit packs", start, "Audit packs (*.zip);;All files (*)")
        if files:
            self.w.settings.setValue("paths/last_pack", str(Path(files[0]).parent))
            self.open_packs([Path(f) for f in files])

    def open_packs(self, paths: list[Path]) -> None:
        if self.busy:
            return
        from reviewer.export.pack_import import prepare_pack_letters
        from reviewer.export.pack_read import read_pack

        known = set(self.w.lib.letters)
        results: list[tuple[PackContents, dict[str, PreparedLetter]]] = []
        self._start(f"Checking {len(paths)} pack(s)", len(paths))

        def job() -> None:
            for i, p in enumerate(paths):
                self.signals.progress.emit(i, len(paths), f"Checking {p.name}")
                contents = read_pack(p)  # refused packs raise PackError: nothing is imported
                results.append((contents, prepare_pack_letters(contents, known)))

        self.w.host.run_call(job, lambda err: self._opened(results, err))

    def _opened(self, results: list[tuple[PackContents, dict[str, PreparedLetter]]], error: str) -> None:
        from reviewer.export.pack_import import plan_pack_import

        self._finish()
        w = self.w
        if error:
            QMessageBox.warning(w, "Audit pack refused", f"{error}\n\nNothing was imported.")
            return
        reports: list[tuple[PackContents, MergeReport]] = []
        done: list[Batch] = []
        try:
            for contents, ready in results:  # each pack merges into what the packs before it left
                plan = plan_pack_import(contents, w.lib, w.store.saved_text, ready)  # GUI thread: no PyMuPDF
                for prep in plan.prepared:
                    w.store.save_files(prep)
                plan.command.do(w.lib, self)
                done.append(plan.command)
                reports.append((contents, plan.report))
        except Exception as exc:  # noqa: BLE001 - a message, never a traceback
            for cmd in reversed(done):
                cmd.undo(w.lib, self)
            QMessageBox.warning(w, "Audit pack not opened", f"{exc}\n\nNothing was imported.")
            return
        if any(cmd.commands for cmd in done):
            label = "Open audit pack" if len(done) == 1 else f"Open {len(done)} audit packs"
            w.undo_stack.push(Batch(done, label), initiator=self, already_done=True)
        self._show_reports(reports)
        if not w.letter_id and results and results[0][0].letters:
            w.open_letter(results[0][0].letters[0].id)

    def _show_reports(self, reports: list[tuple[PackContents, MergeReport]]) -> None:
        lines, short = [], []
        for contents, r in reports:
            who = f" from {contents.auditor}" if contents.auditor else ""
            lines.append(f"{contents.path.name}{who}:")
            lines += [f"  • {x}" for x in r.lines()]
            bits = [f"{len(r.letters_added)} new letter(s)", f"{r.added} new annotation(s)"]
            bits += [f"{len(r.updated)} updated"] if r.updated else []
            bits += [f"{r.duplicates} already here"] if r.duplicates else []
            bits += [f"{r.reviews} review(s)"] if r.reviews else []
            bits += [f"{r.signoffs} sign-off(s)"] if r.signoffs else []
            bits += [f"{len(r.theme_differences)} codebook difference(s)"] if r.theme_differences else []
            short.append(f"<li><b>{escape(contents.path.name)}</b>{escape(who)}: {', '.join(bits)}</li>")
        box = QMessageBox(QMessageBox.Icon.Information, "Audit packs opened",
                          f"<p>{len(reports)} audit pack(s) opened and merged into the library.</p>"
                          f"<ul>{''.join(short)}</ul><p>Undo (Ctrl+Z) takes it all back.</p>",
                          QMessageBox.StandardButton.Ok, self.w)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setDetailedText("\n".join(lines))
        box.setObjectName("packReport")
        box.open()
        self.last_report = box

    # ------------------------------------------------------------ codebook
    def export_codebook_dialog(self) -> None:
        from reviewer.export.common import write_atomic
        from reviewer.export.refiqda import to_qdc

        start = Path(str(self.w.settings.value("paths/last_pack", str(Path.home())))) / "reviewer-codebook.qdc"
        path, _ = QFileDialog.getSaveFileName(self.w, "Export codebook (REFI-QDA)", str(start), "REFI-QDA codebook (*.qdc)")
        if not path:
            return
        try:
            write_atomic(Path(path), to_qdc(list(self.w.lib.themes.values())))
        except OSError as exc:
            QMessageBox.warning(self.w, "Export failed", f"{Path(path).name} could not be written: {exc.strerror or exc}")
            return
        self.w.statusBar().showMessage(f"Exported the codebook to {path}", 8000)

    def import_codebook_dialog(self) -> None:
        start = str(self.w.settings.value("paths/last_pack", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self.w, "Import codebook (REFI-QDA)", start,
                                              "REFI-QDA codebook (*.qdc);;All files (*)")
        if path:
            self.import_codebook(Path(path))

    def import_codebook(self, path: Path) -> None:
        from reviewer.export.refiqda import CodebookError, read_qdc, themes_from_qdc

        lib = self.w.lib
        try:
            codes = read_qdc(path.read_bytes())
        except (CodebookError, OSError) as exc:
            QMessageBox.warning(self.w, "Codebook not imported", f"{path.name}: {exc}")
            return
        cmds: list[Command] = []
        added, updated = [], []
        for before, after in themes_from_qdc(codes, list(lib.themes.values())):
            if before is None:
                cmds.append(PutTheme(None, after, "Add theme"))
                added.append(after.label)
            elif before != after:
                cmds.append(PutTheme(before, after, "Update theme"))
                updated.append(before.label if before.label == after.label else f"{before.label} → {after.label}")
        if cmds:
            self.w.undo_stack.push(Batch(cmds, "Import codebook"), initiator=self)
        text = f"{len(codes)} codes read from {path.name}: {len(added)} theme(s) added, {len(updated)} updated."
        box = QMessageBox(QMessageBox.Icon.Information, "Codebook imported", text, QMessageBox.StandardButton.Ok, self.w)
        if added or updated:
            box.setDetailedText("\n".join([f"added: {x}" for x in added] + [f"updated: {x}" for x in updated]))
        box.open()
        self.last_report = box

    # ------------------------------------------------------------ progress in the status bar
    def _start(self, what: str, steps: int) -> None:
        self.busy = True
        self._cancel.clear()
        w = self.w
        w.progress.setRange(0, max(steps, 1))
        w.progress.setValue(0)
        w.progress.setFormat(what)
        w.progress.show()
        w.cancel_import.show()
        w.cancel_import.clicked.connect(self._cancel.set)
        w.statusBar().showMessage(f"{what}…")

    def _progress(self, done: int, total: int, what: str) -> None:
        self.w.progress.setRange(0, max(total, 1))
        self.w.progress.setValue(done)
        self.w.progress.setFormat(f"{done} of {total}")
        self.w.statusBar().showMessage(what + "…")

    def _finish(self) -> None:
        self.busy = False
        w = self.w
        w.progress.hide()
        w.cancel_import.hide()
        try:
            w.cancel_import.clicked.disconnect(self._cancel.set)
        except (RuntimeError, TypeError):
            pass
        w.statusBar().clearMessage()

