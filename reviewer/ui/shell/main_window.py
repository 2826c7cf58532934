"""The main window: composes the library, the page view and the annotation panel, and wires actions.

Domain work is delegated: every change to the workspace (which owns the library, the undo stack
and the store), reading and rendering to the worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.text.layout import Layout
from reviewer.core.annotations.library import Change
from reviewer.workspace import Workspace
from reviewer.ui.shell.actions import ACTIONS, bind_actions, make_actions
from reviewer.ui.annotate.annotating import Annotating
from reviewer.ui.annotate.annotation_panel import AnnotationPanel
from reviewer.ui.shell.chrome import build_menus_and_toolbar, build_status_bar, show_about, side_tabs, status_text
from reviewer.ui.annotate.dialogs import CodebookDialog, LetterDetailsDialog
from reviewer.ui.manager.exporting import ExportController
from reviewer.ui.reader.find_bar import FindBar
from reviewer.ui.library.importing import ImportController
from reviewer.ui.library.library_panel import LibraryPanel
from reviewer.ui.reader.outline_panel import OutlinePanel
from reviewer.ui.shell.panes import Panes
from reviewer.ui.library.search_panel import LibrarySearch, SearchPanel
from reviewer.ui.shell.layout_state import restore_layout, save_layout
from reviewer.ui.manager.packs import PackController
from reviewer.ui.shell.preferences import open_preferences
from reviewer.ui.reader.page_view import PageView
from reviewer.ui.annotate.suggesting import SuggestionController
from reviewer.ui.annotate.suggestions_panel import SuggestionsPanel
from reviewer.ui.manager.reviewing import ReviewController
from reviewer.ui.shell.welcome import WelcomePage, remember_letter
from reviewer.ui.kit.desk import Desk, OnScreen
from reviewer.ui.kit.worker import WorkerHost
from reviewer.ui.reader.pages import Pages


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
        self.desk = Desk(workspace, self.host, settings, self, self.statusBar())
        self.onscreen = OnScreen(self.desk)
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
        self.left_tabs = side_tabs("leftTabs", (self.library_panel, "Library"), (self.outline_panel, "Outline"),
                                   (self.search_panel, "Search"))
        self.right_tabs = side_tabs("rightTabs", (self.panel, "Annotations"), (self.suggestions_panel, "Suggestions"))
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
        self.pages = Pages(self.desk, self.onscreen, self.view, self.find_bar)
        build_status_bar(self)

        self.actions_ = make_actions(self)
        self.annotating = Annotating(self.desk, self.onscreen, self.view, self.panel,
                                     [self.actions_[a] for a in ("tag", "select_sentence", "copy")])
        self.packs = PackController(self.desk, self.onscreen, self.library_panel.selected_ids, self.progress,
                                    self.cancel_import)
        self.reviews = ReviewController(self.desk, self.onscreen, self.panel.selected_ids, self.packs.scope)
        self.suggester = SuggestionController(self.desk, self.onscreen, self.view, self.suggestions_panel,
                                              self.outline_panel, self.right_tabs, self.actions_["show_suggestions"])
        self.panes = Panes(self)
        self.suggester.panelWanted.connect(self.panes.show_suggestions)
        self.searcher = LibrarySearch(self.desk, self.onscreen, self.search_panel)
        bind_actions(self.actions_, self)
        build_menus_and_toolbar(self)
        self.welcome = WelcomePage(self)
        self.welcome.openLetter.connect(self.open_letter)
        self.centre.addWidget(self.welcome)
        self.exporter = ExportController(self.desk, self.onscreen, self.library_panel.selected_ids,
                                         self.actions_["export_summary"])
        self.importer = ImportController(self.desk, self.onscreen, self.library_panel, self.progress,
                                         self.cancel_import)
        self.importer.packsGiven.connect(self.packs.open_packs)
        self.importer.codebookGiven.connect(self.packs.import_codebook)

        # wiring
        self.onscreen.opening.connect(self._opening)
        self.onscreen.loaded.connect(self._letter_loaded)
        self.view.selectionChanged.connect(self._update_actions)
        self.library_panel.openLetter.connect(self.open_letter)
        self.panel.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.lib.subscribe(self._library_changed)
        self.undo_stack.subscribe(self._update_undo)
        self.writeFailed.connect(self._write_failed)
        self.store.on_write_error = self.writeFailed.emit
        restore_layout(self)
        self.annotating.apply_preferences()
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
            self.annotating.update_highlights()
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

    # ------------------------------------------------------------ the letter on screen
    @property
    def letter_id(self) -> str | None:
        return self.onscreen.letter_id

    @property
    def layout_(self) -> Layout | None:
        return self.onscreen.layout

    def open_letter(self, letter_id: str) -> None:
        self.onscreen.open(letter_id)

    def _opening(self, letter_id: str) -> None:
        self.centre.setCurrentIndex(0)
        remember_letter(self.settings, letter_id)
        self.panel.set_letter(letter_id)
        self.library_panel.select(letter_id)
        self._update_title()

    def _letter_loaded(self, _letter_id: str) -> None:
        self.panel.refresh()
        self._update_actions()
        self._update_status()

    def _update_title(self) -> None:
        letter = self.lib.letters.get(self.letter_id or "")
        self.setWindowTitle(f"{self.lib.display_title(letter.id)} — Reviewer" if letter else "Reviewer")

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
        self.annotating.apply_preferences()

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
