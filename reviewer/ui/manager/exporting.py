"""File > Export Audit Summary: choose scope, format and file; render off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.core.team.baseline import BaselineError
from reviewer.core.team.summary import build_summary, summary_file_stem
from reviewer.export.summary_files import FORMATS, export_summary
from reviewer.ui.kit.desk import Desk, OnScreen
from reviewer.ui.manager.national import include_in_summaries
from reviewer.workspace import reason


class _Signals(QObject):
    done = Signal(str, str)  # path, error


class _ExportJob(QRunnable):
    def __init__(self, summary, lib, fmt: str, path: Path, signals: _Signals) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.summary, self.lib, self.fmt, self.path, self.signals = summary, lib, fmt, path, signals

    def run(self) -> None:
        try:
            export_summary(self.summary, self.lib, self.fmt, self.path)
            self.signals.done.emit(str(self.path), "")
        except Exception as exc:  # disk full, permission denied: report, never crash
            self.signals.done.emit(str(self.path), reason(exc))


class ExportController(QObject):
    """``selected_letters``: the letters selected in the library; ``action``: File > Export Audit Summary,
    disabled while a summary is being written."""

    def __init__(self, desk: Desk, onscreen: OnScreen, selected_letters: Callable[[], list[str]],
                 action: QAction) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.selected_letters, self.action = desk, onscreen, selected_letters, action
        self.signals = _Signals()
        self.signals.done.connect(self._done)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def scope(self) -> list[str]:
        selected = self.selected_letters()
        if len(selected) > 1:
            return selected
        if self.onscreen.letter_id:
            return [self.onscreen.letter_id]
        return [x.id for x in self.desk.lib.letters_sorted()]

    def export_dialog(self) -> None:
        desk = self.desk
        ids = self.scope()
        if not ids:
            QMessageBox.information(desk.parent, "Export audit summary", "The library has no letters yet.")
            return
        name = summary_file_stem(desk.lib, ids)
        folder = desk.folder("paths/last_export")
        filters = ";;".join(FORMATS.values())
        path, chosen = QFileDialog.getSaveFileName(desk.parent, f"Export audit summary ({len(ids)} letter{'s' if len(ids) > 1 else ''})",
                                                   str(folder / f"{name}.pdf"), filters, FORMATS["pdf"])
        if not path:
            return
        fmt = next((k for k, v in FORMATS.items() if v == chosen), "pdf")
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in FORMATS:
            fmt = suffix
        target = desk.named_with(path, f".{fmt}")
        if target is None:
            return
        desk.settings.setValue("paths/last_export", str(target.parent))
        self.start(ids, fmt, target)

    def start(self, ids: list[str], fmt: str, path: Path) -> None:
        desk = self.desk
        ws, lib = desk.ws, desk.lib
        national = []
        if include_in_summaries(desk.settings):  # Overview > National picture > Include in audit summaries
            try:
                national = ws.national_profiles(ids)
            except BaselineError as exc:
                QMessageBox.warning(desk.parent, "National picture", f"The summary is exported without it: {exc}")
        summary = build_summary(lib, ids, ws.saved_text_of,
                                title=ws.summary_title(ids),
                                page_starts_of=ws.saved_page_starts, national=national)
        lib = ws.snapshot(ids).library  # copied here, as for a pack: the writer never reads the live library
        desk.tell(f"Exporting {path.name}…")
        self.action.setEnabled(False)
        if fmt == "pdf":
            # PDF rendering uses PyMuPDF, which must stay on its one worker thread
            desk.host.call(lambda: export_summary(summary, lib, fmt, path),
                           lambda _: self._done(str(path), ""), lambda exc: self._done(str(path), reason(exc)))
        else:
            self.pool.start(_ExportJob(summary, lib, fmt, path, self.signals))

    def _done(self, path: str, error: str) -> None:
        self.action.setEnabled(True)
        if error:
            self.desk.hush()
            QMessageBox.warning(self.desk.parent, "Export failed", f"{Path(path).name} could not be written:\n{error}")
        else:
            self.desk.tell(f"Exported {path}", 8000)
