"""File > Export Audit Summary: choose scope, format and file; render off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.core.team.baseline import BaselineError
from reviewer.core.team.summary import build_summary, summary_file_stem
from reviewer.export.summary_files import FORMATS, export_summary
from reviewer.ui.manager.national import include_in_summaries

if TYPE_CHECKING:
    from reviewer.ui.kit.window import AppWindow


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
            self.signals.done.emit(str(self.path), str(exc))


class ExportController(QObject):
    def __init__(self, window: AppWindow) -> None:
        super().__init__(window)
        self.window = window
        self.signals = _Signals()
        self.signals.done.connect(self._done)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def scope(self) -> list[str]:
        selected = self.window.library_panel.selected_ids()
        if len(selected) > 1:
            return selected
        if self.window.letter_id:
            return [self.window.letter_id]
        return [x.id for x in self.window.lib.letters_sorted()]

    def export_dialog(self) -> None:
        w = self.window
        ids = self.scope()
        if not ids:
            QMessageBox.information(w, "Export audit summary", "The library has no letters yet.")
            return
        name = summary_file_stem(w.lib, ids)
        folder = Path(str(w.settings.value("paths/last_export", str(Path.home()))))
        filters = ";;".join(FORMATS.values())
        path, chosen = QFileDialog.getSaveFileName(w, f"Export audit summary ({len(ids)} letter{'s' if len(ids) > 1 else ''})",
                                                   str(folder / f"{name}.pdf"), filters, FORMATS["pdf"])
        if not path:
            return
        fmt = next((k for k, v in FORMATS.items() if v == chosen), "pdf")
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in FORMATS:
            fmt = suffix
        else:
            path += f".{fmt}"
        w.settings.setValue("paths/last_export", str(Path(path).parent))
        self.start(ids, fmt, Path(path))

    def start(self, ids: list[str], fmt: str, path: Path) -> None:
        w = self.window
        national = []
        if include_in_summaries(w.settings):  # Overview > National picture > Include in audit summaries
            try:
                national = w.ws.national_profiles(ids)
            except BaselineError as exc:
                QMessageBox.warning(w, "National picture", f"The summary is exported without it: {exc}")
        summary = build_summary(w.lib, ids, w.ws.saved_text_of,
                                title=f"Audit summary — {w.lib.display_title(ids[0])}" if len(ids) == 1 else "Audit summary",
                                page_starts_of=w.ws.saved_page_starts, national=national)
        w.statusBar().showMessage(f"Exporting {path.name}…")
        w.actions_["export_summary"].setEnabled(False)
        if fmt == "pdf":
            # PDF rendering uses PyMuPDF, which must stay on its one worker thread
            w.host.call(lambda: export_summary(summary, w.lib, fmt, path),
                        lambda _: self._done(str(path), ""), lambda exc: self._done(str(path), str(exc)))
        else:
            self.pool.start(_ExportJob(summary, w.lib, fmt, path, self.signals))

    def _done(self, path: str, error: str) -> None:
        w = self.window
        w.actions_["export_summary"].setEnabled(True)
        if error:
            w.statusBar().clearMessage()
            QMessageBox.warning(w, "Export failed", f"{Path(path).name} could not be written:\n{error}")
        else:
            w.statusBar().showMessage(f"Exported {path}", 8000)
