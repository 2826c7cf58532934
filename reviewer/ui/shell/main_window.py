"""The main window: composes the library, the page view and the annotation panel, and wires actions.

Domain work is delegated: every change to the workspace (which owns the library, the undo stack
and the store), reading and rendering to the worker thread.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.text.documents import DocumentError, Extracted
from reviewer.core.text.layout import Layout, page_starts
from reviewer.core.annotations.library import Change
from reviewer.workspace import Workspace
from reviewer.ui.shell.actions import ACTIONS, make_actions
from reviewer.ui.annotate.annotating import Annotating
from reviewer.ui.annotate.annotation_panel import AnnotationPanel
from reviewer.ui.annotate.plan_panel import PlanPanel
from reviewer.ui.shell.chrome import build_menus_and_toolbar, build_status_bar, show_about, side_tabs, status_text
from reviewer.ui.annotate.dialogs import CodebookDialog, LetterDetailsDialog
from reviewer.ui.manager.exporting import ExportController
from reviewer.ui.reader.find_bar import FindBar
from reviewer.ui.library.importing import ImportController
from reviewer.ui.library.library_panel import LibraryPanel
from reviewer.ui.library.outline_panel import OutlinePanel
from reviewer.ui.shell.panes import Panes
from reviewer.ui.library.search_panel import LibrarySearch, SearchPanel
from reviewer.ui.shell.layout_state import restore_layout, save_layout
from reviewer.ui.kit.look import SEVERITY
from reviewer.ui.manager.packs import PackController
from reviewer.ui.shell.preferences import highlight_opacity, open_preferences
from reviewer.ui.reader.overlays import Highlight
from reviewer.ui.reader.page_view import PageView
from reviewer.ui.annotate.suggesting import SuggestionController
from reviewer.ui.annotate.suggestions_panel import SuggestionsPanel
from reviewer.ui.manager.reviewing import ReviewController
from reviewer.ui.shell.welcome import WelcomePage, remember_letter
from reviewer.ui.kit.worker import WorkerHost


class MainWindow(QMainWindow):
    writeFailed = Signal(str)

    def __init__(self, workspace: Workspace, settings: QSettings, host: WorkerHost | None = None) -> None:
        super().__init__()
        self.ws = workspace
        self.store = workspace.store
        self.lib = workspace.library
        self.settings = settings
        self.host = host or WorkerHost(self)
        self.undo_stack = workspace.undo
        self.letter_id: str | None = None
        self.layout_: Layout | None = None
        self._refresh_pending: set[str] = set()
        self._letters_changed: set[str] = set()
        self.setWindowTitle("Reviewer")
        self.setAcceptDrops(True)
        self.resize(1400, 900)

        self.library_panel = LibraryPanel(self.lib)
        self.view = PageView()
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.panel = AnnotationPanel(self.lib)
        self.outline_panel = OutlinePanel()
        self.suggestions_panel = SuggestionsPanel(self.lib.theme_label)
        self.search_panel = SearchPanel()
        self.plan_panel = PlanPanel(self.ws, lambda text, ms: self.statusBar().showMessage(text, ms))
        self.left_tabs = side_tabs("leftTabs", (self.library_panel, "Library"), (self.outline_panel, "Outline"),
                                   (self.search_panel, "Search"))
        self.right_tabs = side_tabs("rightTabs", (self.panel, "Annotations"), (self.suggestions_panel, "Suggestions"),
                                    (self.plan_panel, "Plan"))
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(self.find_bar)
        cl.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.left_tabs)
        self.centre = QStackedWidget()  # the letter, or the welcome page
        self.centre.addWidget(centre)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.right_tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([300, 760, 340])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.annotating = Annotating(self)
        self.packs = PackController(self)
        self.reviews = ReviewController(self)
        self.after_load: Callable[[], None] | None = None
        self.suggester = SuggestionController(self)
        self.panes = Panes(self)
        self.searcher = LibrarySearch(self)
        self.actions_ = make_actions(self)
        build_menus_and_toolbar(self)
        build_status_bar(self)
        self.welcome = WelcomePage(self)
        self.welcome.openLetter.connect(self.open_letter)
        self.centre.addWidget(self.welcome)
        self.exporter = ExportController(self)
        self.importer = ImportController(self)

        # wiring
        w = self.host.worker
        w.loaded.connect(self._letter_loaded)
        w.pages_known.connect(self._pages_known)
        w.rendered.connect(self._page_rendered)
        self.view.renderRequested.connect(self._request_render)
        self.view.selectionChanged.connect(self._update_actions)
        self.view.pageChanged.connect(self._page_changed)
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        self.view.highlightActivated.connect(self.annotating.highlight_activated)
        self.view.contextMenuAt.connect(self.annotating.page_context_menu)
        self.find_bar.hitsChanged.connect(self.view.set_find_hits)
        self.find_bar.closed.connect(self.view.setFocus)
        self.library_panel.openLetter.connect(self.open_letter)
        self.panel.activated.connect(self.annotating.show_annotation)
        self.panel.editRequested.connect(self.annotating.edit_annotation)
        self.panel.deleteRequested.connect(self.annotating.delete_annotations)
        self.panel.view.selectionModel().selectionChanged.connect(self._update_actions)
        for follow in (self.panel.view.selectionModel().selectionChanged, self.panel.model.modelReset):
            follow.connect(lambda *_: self.plan_panel.show_findings(self.panel.selected_ids(), self.panel.letter_id))
        self.plan_panel.openPlan.connect(self.reviews.show_plan)
        self.lib.subscribe(self._library_changed)
        self.undo_stack.subscribe(self._update_undo)
        self.writeFailed.connect(self._write_failed)
        self.store.on_write_error = self.writeFailed.emit
        restore_layout(self)
        self.apply_preferences()
        self._update_actions()
        self._update_undo()
        self._update_status()

    # ------------------------------------------------------------ library events
    def _library_changed(self, change: Change) -> None:
        self._refresh_pending.add(change.kind)
        if change.kind == "letter":
            self._letters_changed.add(change.id)
        elif change.kind == "annotation":
            letter_id = getattr(change.record, "letter_id", None)
            if letter_id:
                self._letters_changed.add(letter_id)  # its count of annotations
            else:
                self._refresh_pending.add("all letters")  # a removal: which letter is not said
        if change.kind == "annotation" and change.op == "put" and change.initiator is not self.store:
            self.save_label.setText("Saving…")
        QTimer.singleShot(0, self._refresh)

    def _refresh(self) -> None:
        kinds, self._refresh_pending = self._refresh_pending, set()
        if not kinds:
            return
        changed, self._letters_changed = self._letters_changed, set()
        if "all letters" in kinds:
            self.library_panel.refresh()
        elif changed:
            self.library_panel.update_letters(changed)
        if "theme" in kinds:
            self.panel.reload_themes()
        if kinds & {"annotation", "theme"}:
            self.panel.refresh()
            self._update_highlights()
        if kinds & {"annotation", "theme", "setting"}:
            self.suggester.schedule()
        if "letter" in kinds and self.letter_id:
            self._update_title()
        if self.centre.currentWidget() is self.welcome:
            self.welcome.refresh()
        self._update_status()
        self._update_actions()
        if not self.store.write_error:
            QTimer.singleShot(400, self._check_saved)

    def _check_saved(self) -> None:
        if self.store.write_error:
            return
        self.save_label.setText("All changes saved")

    def _write_failed(self, message: str) -> None:
        self.save_label.setText("⚠ Not saved")
        self.save_label.setToolTip(message)
        QMessageBox.warning(self, "Reviewer — changes not saved",
                            f"{message}\n\nYour changes are kept in memory and will be written as soon as the "
                            "library can be saved again. Do not quit until this is resolved.")

    # ------------------------------------------------------------ opening letters
    def open_letter(self, letter_id: str) -> None:
        letter = self.lib.letters.get(letter_id)
        if letter is None:
            return
        try:
            data = self.store.letter_bytes(letter)
        except DocumentError as exc:
            QMessageBox.warning(self, "Cannot open letter", str(exc))
            return
        self.letter_id = letter_id
        self.layout_ = None
        self.centre.setCurrentIndex(0)
        remember_letter(self.settings, letter_id)
        self.view.set_layout(None, f"Opening {self.lib.display_title(letter_id)}…")
        self.suggester.letter_changed()
        self.panel.set_letter(letter_id)
        self.find_bar.set_text(None)
        self.library_panel.select(letter_id)
        self._update_title()
        cache = (partial(self.ws.saved_layout, letter_id), partial(self.ws.keep_layout, letter_id))
        self.host.request_load.emit(letter_id, data, letter.kind, letter.source, cache)

    def _pages_known(self, letter_id: str, sizes: list) -> None:
        """The pages can be drawn while the worker reads the text (a letter opened for the first time)."""
        if letter_id == self.letter_id and self.layout_ is None:
            self.view.set_layout(Layout("", sizes, [], array("f"), array("f")))
            self.page_total.setText(f" of {len(sizes)} ")
            self.statusBar().showMessage("Reading the letter's text…", 3000)

    def _letter_loaded(self, letter_id: str, layout: Layout | None, error: str, notes: list) -> None:
        letter = self.lib.letters.get(letter_id)
        if letter_id != self.letter_id or letter is None:
            return  # another letter was asked for meanwhile, or this one left the library (an undo)
        if layout is None:
            self.view.set_layout(None, f"{self.lib.display_title(letter_id)} cannot be shown.\n\n{error}")
            QMessageBox.warning(self, "Cannot open letter", error)
            return
        self.layout_ = layout
        if self.statusBar().currentMessage().startswith("Reading the letter"):
            self.statusBar().clearMessage()
        ex = Extracted(layout.text, page_starts(layout), layout.page_count, self.ws.extractor(letter))
        moved = self.ws.adopt_text(letter, ex)
        self.view.set_layout(layout, keep_view=True)
        self.page_box.setMaximum(max(1, layout.page_count))
        self.page_total.setText(f" of {layout.page_count} ")
        self.find_bar.set_text(layout.text)
        self._update_highlights()
        self.suggester.letter_changed()
        self.panel.refresh()
        self._update_actions()
        self._update_status()
        if not layout.text.strip():
            self.statusBar().showMessage(f"{self.lib.display_title(letter_id)} has no text to select (scanned or image-only): it can be read but not tagged.", 10000)
        if self.after_load is not None:
            then, self.after_load = self.after_load, None
            QTimer.singleShot(50, self, then)  # not after the window is gone
        elif any(a.orphaned for a in moved):
            n = sum(1 for a in moved if a.orphaned)
            QMessageBox.information(self, "Annotations need attention",
                                    f"The text of {self.lib.display_title(letter_id)} has changed since it was annotated. "
                                    f"{n} annotation(s) could not be placed and are listed as needing attention; "
                                    "none has been removed.")
        self.view.setFocus()

    def _request_render(self, page: int, scale: float) -> None:
        if not self.letter_id:
            return
        pages, sc = self.view.wanted()
        self.host.wants.set({(self.letter_id, p, sc) for p in pages})
        self.host.request_render.emit(self.letter_id, page, scale)

    def _page_rendered(self, letter_id: str, page: int, scale: float, img: QImage) -> None:
        if letter_id == self.letter_id:
            self.view.page_rendered(page, scale, img)

    def _page_changed(self, page: int) -> None:
        if self.layout_ is not None:
            self.outline_panel.follow(self.layout_.page_first_offset(page) or 0)
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    def _update_title(self) -> None:
        letter = self.lib.letters.get(self.letter_id or "")
        self.setWindowTitle(f"{self.lib.display_title(letter.id)} — Reviewer" if letter else "Reviewer")

    def _update_highlights(self) -> None:
        if not self.letter_id or not self.layout_:
            self.view.set_highlights([])
            return
        hs = []
        by_theme = self.settings.value("prefs/highlight_by", "severity") == "theme"
        for a in self.lib.annotations_for(self.letter_id):
            if a.orphaned:
                continue
            sev = SEVERITY.get(a.severity)
            colour = sev.colour if sev else "#888888"
            if by_theme and a.themes and a.themes[0] in self.lib.themes:
                colour = self.lib.themes[a.themes[0]].colour
            themes = ", ".join(self.lib.theme_label(t) for t in a.themes)
            tip = f"{sev.label if sev else a.severity} — {themes}"
            if a.note:
                tip += f"\n{a.note}"
            if a.author:
                tip += f"\n— {a.author}"
            hs.append(Highlight(a.id, a.start, a.end, colour, tip))
        self.view.set_highlights(hs)

    # ------------------------------------------------------------ importing (see ui/importing.py)
    def open_files_dialog(self) -> None:
        self.importer.open_files_dialog()

    def import_folder_dialog(self) -> None:
        self.importer.import_folder_dialog()

    def open_paths(self, paths: list[Path], open_single: bool = True) -> None:
        self.importer.open_paths(paths, open_single)

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:  # noqa: N802
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in e.mimeData().urls() if u.isLocalFile()]
        if paths:
            e.acceptProposedAction()
            self.open_paths(paths)

    def copy_selection(self) -> None:
        from PySide6.QtGui import QGuiApplication

        text = self.view.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    # ------------------------------------------------------------ other actions
    def undo(self) -> None:
        cmd = self.ws.undo_last(initiator=self)
        if cmd:
            self.statusBar().showMessage(f"Undone: {cmd.label} — Ctrl+Shift+Z does it again", 4000)

    def redo(self) -> None:
        cmd = self.ws.redo_last(initiator=self)
        if cmd:
            self.statusBar().showMessage(f"{cmd.done} — Ctrl+Z undoes it", 4000)  # what was done, again

    def _update_undo(self) -> None:
        u, r = self.actions_["undo"], self.actions_["redo"]
        u.setEnabled(self.undo_stack.can_undo())
        r.setEnabled(self.undo_stack.can_redo())
        u.setText(f"&Undo {self.undo_stack.undo_label()}".rstrip())
        r.setText(f"&Redo {self.undo_stack.redo_label()}".rstrip())

    def show_find(self) -> None:
        if self.layout_:
            self.find_bar.open_bar(self.view.selected_text()[:80] if self.view.selection() else "")

    def edit_details(self) -> None:
        letter = self.lib.letters.get(self.letter_id or "")
        if letter is None:
            return
        dlg = LetterDetailsDialog(letter, self, shown=self.lib.display_title(letter.id))
        if dlg.exec() == LetterDetailsDialog.DialogCode.Accepted:
            self.ws.edit_letter(letter, dlg.edited(), initiator=self)

    def edit_codebook(self) -> None:
        CodebookDialog(self.ws, self).exec()

    def export_summary_dialog(self) -> None:
        self.exporter.export_dialog()

    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def fit_width(self) -> None:
        self.view.zoom_fit_width()

    def next_page(self) -> None:
        self.view.go_to_page(self.view.current_page() + 1)

    def prev_page(self) -> None:
        self.view.go_to_page(self.view.current_page() - 1)

    def focus_page_box(self) -> None:
        self.page_box.setFocus()
        self.page_box.selectAll()

    def about(self) -> None:
        show_about(self)

    def show_welcome(self) -> None:
        self.welcome.refresh()
        self.centre.setCurrentWidget(self.welcome)
        self.welcome.focus_first()

    def back_to_letter(self) -> None:
        if self.centre.currentWidget() is self.welcome and self.letter_id:
            self.centre.setCurrentIndex(0)
            self.view.setFocus()

    def preferences(self) -> None:
        open_preferences(self)

    def apply_preferences(self) -> None:
        """Show what Preferences hold: highlight strength and colouring (style and text size are the app's)."""
        self.view.set_highlight_alpha(round(highlight_opacity(self.settings) * 255 / 100))
        self._update_highlights()
        self.view.viewport().update()

    def _update_actions(self, *_: object) -> None:
        has_letter = self.layout_ is not None
        has_sel = self.view.selection() is not None
        has_ann = bool(self.panel.selected_ids())
        for spec in ACTIONS:
            if spec.needs == "letter":
                self.actions_[spec.id].setEnabled(has_letter)
            elif spec.needs == "selection":
                self.actions_[spec.id].setEnabled(has_letter and has_sel)
            elif spec.needs == "annotation":
                self.actions_[spec.id].setEnabled(has_ann)

    def _update_status(self) -> None:
        self.counts_label.setText(status_text(self.lib, self.letter_id))

    # ------------------------------------------------------------ closing
    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802
        save_layout(self)
        self.host.stop()
        self.store.close()
        if self.store.write_error:
            QMessageBox.critical(self, "Reviewer — changes not saved", self.store.write_error)
        e.accept()
