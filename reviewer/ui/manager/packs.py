"""File > Export Audit Pack / Open Audit Pack / codebook exchange, with progress and clear refusals.

Building a pack and reading the letters of an arriving pack use PyMuPDF, so both run on the one
PyMuPDF worker; the GUI thread only snapshots the records beforehand and applies the merge after.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QToolButton

from reviewer.core.annotations.model import PreparedLetter
from reviewer.ui.kit.desk import Desk, OnScreen
from reviewer.workspace import USER_ERRORS, PackOpened, Workspace, WorkspaceError, reason
from reviewer.core.annotations.review import changed_since_signoff
from reviewer.core.text.words import counted

if TYPE_CHECKING:  # the writers and readers are imported when first used: start-up stays quick
    from reviewer.export.pack_read import PackContents
    from reviewer.export.project_read import ProjectRead


class _Signals(QObject):
    progress = Signal(int, int, str)  # emitted on the worker thread, delivered on the GUI thread


class PackController(QObject):
    """``selected_letters``: the letters selected in the library; ``progress`` and ``cancel``: the status
    bar's progress bar and Cancel button, shown while a pack or project is written or read."""

    def __init__(self, desk: Desk, onscreen: OnScreen, selected_letters: Callable[[], list[str]],
                 progress: QProgressBar, cancel: QToolButton) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.selected_letters = desk, onscreen, selected_letters
        self.progress, self.cancel = progress, cancel
        self.signals = _Signals()
        self.signals.progress.connect(self._progress)
        self._cancel = threading.Event()
        self.busy = False

    # ------------------------------------------------------------ export
    def scope(self) -> list[str]:
        return self.desk.ws.pack_scope(self.selected_letters())

    def export_dialog(self) -> None:
        desk = self.desk
        ids = self.scope()
        if not ids:
            QMessageBox.information(desk.parent, "Export audit pack", "The library has no letters yet.")
            return
        if self.busy:
            return
        who = desk.auditor_name()
        if who is None:
            return
        folder = desk.folder("paths/last_pack")
        default = folder / f"audit-pack-{who.replace(' ', '-').lower()}-{date.today().isoformat()}.zip"
        path, _ = QFileDialog.getSaveFileName(desk.parent, f"Export audit pack ({len(ids)} letter{'s' if len(ids) != 1 else ''})",
                                              str(default), "Audit packs (*.zip)")
        if not path:
            return
        target = desk.named_with(path, ".zip")
        if target is None:
            return
        desk.settings.setValue("paths/last_pack", str(target.parent))
        self.export_to(ids, target, who, desk.ws.summary_title(ids))

    def export_to(self, ids: list[str], path: Path, auditor: str, title: str = "Audit pack") -> None:
        from reviewer.export.pack import export_pack

        source = self.desk.ws.snapshot(ids)  # copied here; the worker never reads the live library
        letter_ids = list(source.library.letters)
        self._start(f"Exporting {path.name}", len(letter_ids) + 3)

        def job() -> None:
            export_pack(source, letter_ids, path, auditor, title, self.signals.progress.emit, self._cancel.is_set)

        self.desk.host.call(job, lambda _: self._exported(path, None), lambda exc: self._exported(path, exc))

    def _exported(self, path: Path, error: Exception | None) -> None:
        from reviewer.export.pack import PackCancelled

        self._finish()
        if isinstance(error, PackCancelled) or self._cancel.is_set():
            self.desk.tell("Export cancelled; no pack was written.", 6000)
        elif error is not None:
            QMessageBox.warning(self.desk.parent, "Export failed", f"{path.name} could not be written:\n{reason(error)}\n\nNo file was left behind.")
        else:
            self.desk.tell(f"Exported audit pack {path}", 10000)

    # ------------------------------------------------------------ open
    def open_dialog(self) -> None:
        start = str(self.desk.folder("paths/last_pack"))
        files, _ = QFileDialog.getOpenFileNames(self.desk.parent, "Open audit packs", start, "Audit packs (*.zip);;All files (*)")
        if files:
            self.desk.settings.setValue("paths/last_pack", str(Path(files[0]).parent))
            self.open_packs([Path(f) for f in files])

    def open_packs(self, paths: list[Path]) -> None:
        if self.busy:
            return
        known = set(self.desk.lib.letters)
        self._start(f"Checking {counted(len(paths), 'pack')}", len(paths))
        # checking the packs and reading their new letters is slow: the worker does it
        self.desk.host.call(lambda: Workspace.read_packs(paths, known, self.signals.progress.emit),
                         self._opened, self._refused)

    def _refused(self, error: Exception) -> None:
        self._finish()
        QMessageBox.warning(self.desk.parent, "Audit pack refused", f"{error}\n\nNothing was imported.")

    def _opened(self, results: list[tuple[PackContents, dict[str, PreparedLetter]]]) -> None:
        self._finish()
        try:
            opened = self.desk.ws.merge_packs(results, initiator=self)  # all of them, as one step, or none
        except USER_ERRORS as exc:
            QMessageBox.warning(self.desk.parent, "Audit pack not opened", f"{exc}\n\nNothing was imported.")
            return
        self._show_reports(opened)
        if not self.onscreen.letter_id and results and results[0][0].letters:
            self.onscreen.open(results[0][0].letters[0].id)

    def _show_reports(self, reports: list[PackOpened]) -> None:
        lines, short = [], []
        for opened in reports:
            contents, r = opened.contents, opened.report
            who = f" from {contents.sender}" if contents.sender else ""
            lines.append(f"{contents.path.name}{who}:")
            lines += [f"  • {x}" for x in r.lines()]
            bits = [counted(len(r.letters_added), "new letter"), counted(r.added, "new annotation")]
            bits += [f"{len(r.updated)} updated"] if r.updated else []
            bits += [f"{counted(len(r.deleted), 'annotation')} deleted by its author"] if r.deleted else []
            bits += [counted(r.actions_added, "new action")] if r.actions_added else []
            bits += [f"{counted(len(r.actions_updated), 'action')} updated"] if r.actions_updated else []
            bits += [f"{counted(len(r.actions_deleted), 'action')} deleted"] if r.actions_deleted else []
            bits += [f"{counted(len(r.conflicts), 'conflict')} to settle (Show Details…)"] if r.conflicts else []
            bits += [f"{r.duplicates} already here"] if r.duplicates else []
            bits += [counted(r.reviews, "review")] if r.reviews else []
            bits += [counted(r.signoffs, "sign-off")] if r.signoffs else []
            bits += [counted(len(r.theme_differences), "codebook difference")] if r.theme_differences else []
            short.append(f"<li><b>{escape(contents.path.name)}</b>{escape(who)}: {', '.join(bits)}</li>")
        touched = list(dict.fromkeys(x.id for opened in reports for x in opened.contents.letters))
        pairs = self.desk.ws.moderation(touched)
        differ = sum(not d.one_only for m in pairs for d in m.disagreements)
        alone = sum(d.one_only for m in pairs for d in m.disagreements)
        # (the sentences one auditor alone tagged are no disagreement: a manager read "37 sentences differently" where
        # six were)
        moderation = (f"<p>Two auditors read {counted(differ, 'sentence')} of these letters differently"
                      + (f", and {counted(alone, 'sentence')} only one of them tagged" if alone else "")
                      + ": Review &gt; Overview… &gt; Moderation lists each, with both readings.</p>") if differ else ""
        lib = self.desk.lib
        stale = list(dict.fromkeys([*(t for opened in reports for t in opened.report.signed_changed),
                                    *(lib.display_title(lid) for lid in touched if changed_since_signoff(lib, lid))]))
        signed = ("<p>⚠ Signed off before these changes: " + "; ".join(escape(title) for title in stale)
            + ". Findings there were added, changed or deleted after the sign-off: review them, then sign off "
            "again (Review &gt; Sign Off Letter).</p>") if stale else ""
        # a pack opened again, with nothing new in it, is said so, not told as a merge to undo (a manager's journey)
        new = any(opened.report.changed for opened in reports)
        them = "it" if len(reports) == 1 else "them"
        unsettled = sum(len(opened.report.conflicts) for opened in reports)
        said = (f"<p>{counted(len(reports), 'audit pack')} opened and merged into the library.</p>" if new else
                f"<p>{counted(len(reports), 'audit pack')} opened: nothing merged; {counted(unsettled, 'conflict')} to "
                "settle.</p>" if unsettled else  # (not "nothing new" above a conflict, a manager found)
                f"<p>{counted(len(reports), 'audit pack')} opened: nothing new, everything in {them} is already in "
                "the library.</p>")
        box = QMessageBox(QMessageBox.Icon.Warning if stale else QMessageBox.Icon.Information, "Audit packs opened",
                          f"{said}<ul>{''.join(short)}</ul>{moderation}{signed}"
                          + ("<p>Undo (Ctrl+Z) takes it all back.</p>" if new else ""),
                          QMessageBox.StandardButton.Ok, self.desk.parent)
        box.setTextFormat(Qt.TextFormat.RichText)
        _details(box, "\n".join(lines))
        kept = [i for opened in reports for i in opened.report.actions_kept if i in self.desk.ws.actions()]
        if kept:  # a conflict the auditor can settle here: delete them after all, as the pack asks
            settle = box.addButton(f"Delete {counted(len(kept), 'Kept Action')} as the Pack Asks",
                                   QMessageBox.ButtonRole.ActionRole)
            settle.setToolTip("The pack deletes these actions; they were kept because they were updated here "
                              "since. Delete them now, as one step Ctrl+Z undoes")
            settle.clicked.connect(lambda: self._delete_kept(kept))
        findings = [i for opened in reports for i in opened.report.findings_kept if i in self.desk.lib.annotations]
        if findings:  # the same for findings the pack deletes, kept as reviewed or edited here since
            gone = box.addButton(f"Delete {counted(len(findings), 'Kept Finding')} as the Pack Asks",
                                 QMessageBox.ButtonRole.ActionRole)
            gone.setToolTip("The pack deletes these findings; they were kept because they were reviewed or edited "
                            "here since the version deleted. Delete them now, as one step Ctrl+Z undoes")
            gone.clicked.connect(lambda: self._delete_kept_findings(findings))
        box.setObjectName("packReport")
        box.open()
        self.last_report = box

    def _delete_kept_findings(self, ids: list[str]) -> None:
        gone = self.desk.ws.delete(ids, initiator=self)
        if gone:
            self.desk.tell(f"Deleted {counted(gone, 'finding')} as the pack asked — Ctrl+Z undoes it.", 6000)

    def _delete_kept(self, ids: list[str]) -> None:
        gone = self.desk.ws.delete_actions(ids, initiator=self)
        if gone:
            self.desk.tell(f"Deleted {counted(len(gone), 'action')} as the pack asked — Ctrl+Z undoes it.", 6000)

    # ------------------------------------------------------------ codebook
    def export_codebook_dialog(self) -> None:
        start = self.desk.folder("paths/last_pack") / "reviewer-codebook.qdc"
        path, _ = QFileDialog.getSaveFileName(self.desk.parent, "Export codebook (REFI-QDA)", str(start), "REFI-QDA codebook (*.qdc)")
        if not path:
            return
        target = self.desk.named_with(path, ".qdc")  # (a name typed without it, where the dialog does not add it)
        if target is None:
            return
        try:
            self.desk.ws.export_codebook(target)
        except WorkspaceError as exc:
            QMessageBox.warning(self.desk.parent, "Export failed", f"{exc}.")
            return
        except OSError as exc:
            QMessageBox.warning(self.desk.parent, "Export failed", f"{target.name} could not be written: {reason(exc)}")
            return
        self.desk.tell(f"Exported the codebook to {target}", 8000)

    def import_codebook_dialog(self) -> None:
        start = str(self.desk.folder("paths/last_pack"))
        path, _ = QFileDialog.getOpenFileName(self.desk.parent, "Import codebook (REFI-QDA)", start,
                                              "REFI-QDA codebook (*.qdc);;All files (*)")
        if path:
            self.import_codebook(Path(path))

    def import_codebook(self, path: Path) -> None:
        try:
            outcome = self.desk.ws.import_codebook(path, initiator=self)
        except USER_ERRORS as exc:
            QMessageBox.warning(self.desk.parent, "Codebook not imported", str(exc))
            return
        text = f"{path.name}: {outcome.lines[-1]}."
        box = QMessageBox(QMessageBox.Icon.Information, "Codebook imported", text, QMessageBox.StandardButton.Ok,
                          self.desk.parent)
        if len(outcome.lines) > 1:
            _details(box, "\n".join(" ".join(line.split()) for line in outcome.lines[:-1]))
        box.open()
        self.last_report = box

    # ------------------------------------------------------------ REFI-QDA projects from other tools
    def import_project_dialog(self) -> None:
        start = str(self.desk.folder("paths/last_pack"))
        path, _ = QFileDialog.getOpenFileName(self.desk.parent, "Import project (REFI-QDA)", start,
                                              "REFI-QDA projects (*.qdpx);;All files (*)")
        if path:
            self.desk.settings.setValue("paths/last_pack", str(Path(path).parent))
            self.import_project(Path(path))

    def import_project(self, path: Path) -> None:
        """Check and read the project on the worker (it reads every letter), then merge it here as one step."""
        if self.busy:
            return
        themes = list(self.desk.lib.themes.values())
        self._start(f"Reading {path.name}", 1)
        self.desk.host.call(lambda: Workspace.read_project(path, themes), self._project_read, self._project_refused)

    def _project_refused(self, error: Exception) -> None:
        self._finish()
        QMessageBox.warning(self.desk.parent, "Project refused", f"{error}\n\nNothing was imported.")

    def _project_read(self, read: ProjectRead) -> None:
        self._finish()
        try:
            outcome = self.desk.ws.merge_project(read, initiator=self)
        except USER_ERRORS as exc:
            QMessageBox.warning(self.desk.parent, "Project not imported", f"{exc}\n\nNothing was imported.")
            return
        left_out = [line for line in outcome.lines if line.startswith(("not imported", "needs attention"))]
        text = (f"<p>{escape(outcome.lines[0])}</p><ul>"
                + "".join(f"<li>{escape(line)}</li>" for line in outcome.lines[1:3])
                + (f"<li>{counted(len(left_out), 'item')} not imported or needing attention: see the details</li>" if left_out else "")
                + "</ul><p>Undo (Ctrl+Z) takes it all back.</p>")
        box = QMessageBox(QMessageBox.Icon.Information, "Project imported", text, QMessageBox.StandardButton.Ok,
                          self.desk.parent)
        box.setTextFormat(Qt.TextFormat.RichText)
        _details(box, "\n".join(outcome.lines))
        box.setObjectName("projectReport")
        box.open()
        self.last_report = box
        if not self.onscreen.letter_id and read.contents.letters:
            self.onscreen.open(read.contents.letters[0].id)

    def stop(self) -> None:
        """The window is closing: a pack being written stops as its Cancel button stops it (no file left), so the
        program ends at once, not minutes later with no window to say so."""
        self._cancel.set()

    # ------------------------------------------------------------ progress in the status bar
    def _start(self, what: str, steps: int) -> None:
        self.busy = True
        self._cancel.clear()
        self.progress.setRange(0, max(steps, 1))
        self.progress.setValue(0)
        self.progress.setFormat(what)
        self.progress.show()
        self.cancel.show()
        self.cancel.clicked.connect(self._cancel.set)
        self.desk.tell(f"{what}…")

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total}")
        self.desk.tell(what + "…")

    def _finish(self) -> None:
        self.busy = False
        self.progress.hide()
        self.cancel.hide()
        try:
            self.cancel.clicked.disconnect(self._cancel.set)
        except (RuntimeError, TypeError):
            pass
        self.desk.hush()


def _details(box: QMessageBox, text: str) -> None:
    """The report's details behind Show Details…; Enter stays OK's once they are shown (it toggled them)."""
    box.setDetailedText(text)
    for button in box.buttons():
        if box.buttonRole(button) == QMessageBox.ButtonRole.ActionRole and button.text().startswith("Show Details"):
            button.setAutoDefault(False)
    ok = box.button(QMessageBox.StandardButton.Ok)
    if ok is not None:
        box.setDefaultButton(ok)
