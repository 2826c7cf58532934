"""The main window: builds the panels and the page view, builds each controller with what it drives,
and connects them. Beyond that it keeps only its own title and status line, takes files dropped on
it, and closes; every verb is a controller's, bound to its action here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from reviewer.resources import sample_letters
from reviewer.core.annotations.library import Change
from reviewer.core.text.words import as_sentence
from reviewer.store.repository import NotSaved
from reviewer.workspace import Workspace
from reviewer.ui.annotate.annotating import Annotating
from reviewer.ui.annotate.annotation_panel import AnnotationPanel
from reviewer.ui.annotate.dialogs import edit_codebook, edit_letter_details
from reviewer.ui.annotate.plan_panel import PlanPanel
from reviewer.ui.annotate.suggesting import SuggestionController
from reviewer.ui.annotate.suggestions_panel import SuggestionsPanel
from reviewer.ui.kit.desk import Desk, OnScreen
from reviewer.ui.kit.worker import WorkerHost
from reviewer.ui.library.importing import ImportController
from reviewer.ui.library.library_panel import LibraryPanel
from reviewer.ui.library.search_panel import LibrarySearch, SearchPanel
from reviewer.ui.manager.exporting import ExportController
from reviewer.ui.manager.packs import PackController
from reviewer.ui.manager.reviewing import ReviewController
from reviewer.ui.reader.find_bar import FindBar
from reviewer.ui.reader.outline_panel import OutlinePanel
from reviewer.ui.reader.page_view import PageView
from reviewer.ui.reader.pages import Pages
from reviewer.ui.shell.actions import accept_all_text, bind_actions, enable_actions, make_actions
from reviewer.ui.shell.chrome import (SaveState, build_menus_and_toolbar, build_status_bar, show_about, side_tabs,
                                      status_text)
from reviewer.ui.shell.history import History
from reviewer.ui.shell.layout_state import LayoutState
from reviewer.ui.shell.panes import Panes
from reviewer.ui.shell.preferences import open_preferences
from reviewer.ui.shell.welcome import WelcomePage, fill_recent_menu, remember_letter
from reviewer.ui.shell.window_keys import WindowKeysFirst


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, settings: QSettings, host: WorkerHost | None = None) -> None:
        super().__init__()
        self.ws = workspace
        self.store = workspace.store
        self.lib = workspace.library
        self.settings = settings
        self.host = host or WorkerHost(self)
        self.undo_stack = workspace.undo
        self._refresh_pending: set[str] = set()
        self._letters_changed: set[str] = set()
        self.setWindowTitle("Reviewer")
        self.setAcceptDrops(True)
        self._shown = False

        # the widgets
        self.library_panel = LibraryPanel(self.lib)
        self.view = PageView()
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.panel = AnnotationPanel(self.lib)
        self.outline_panel = OutlinePanel()
        self.suggestions_panel = SuggestionsPanel(self.lib.theme_label)
        self.search_panel = SearchPanel()
        self.plan_panel = PlanPanel(self.ws)  # tells the user through the desk, once it exists (below)
        self.left_tabs = side_tabs("leftTabs", (self.library_panel, "Library"), (self.outline_panel, "Outline"),
                                   (self.search_panel, "Search"))
        self.right_tabs = side_tabs("rightTabs", (self.panel, "Annotations"), (self.suggestions_panel, "Suggestions"),
                                    (self.plan_panel, "Plan"))
        letter = QWidget()
        cl = QVBoxLayout(letter)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(self.view, 1)
        cl.addWidget(self.find_bar)  # below the letter, as a browser's: shown or closed, the page stays where it is
        # (above it, closing it moved the page up under a new user's next drag, which took the wrong lines)
        self.centre = QStackedWidget()  # the letter, or the welcome page
        self.centre.addWidget(letter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for pane in (self.left_tabs, self.centre, self.right_tabs):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([300, 760, 340])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        status = build_status_bar(self.statusBar(), self.store.path, self.host.worker.cancel_import)
        self.counts_label, self.save_label = status.counts, status.saved
        self.progress, self.cancel_import = status.progress, status.cancel
        self.actions_ = acts = make_actions(self)

        # what the controllers share, then each controller with what it drives
        self.desk = desk = Desk(workspace, self.host, settings, self, self.statusBar())
        self.plan_panel.status = desk.tell
        self.onscreen = onscreen = OnScreen(desk)
        self.pages = Pages(desk, onscreen, self.view, self.find_bar)
        self.annotating = Annotating(desk, onscreen, self.view, self.panel,
                                     [acts["tag"], acts["select_sentence"], acts["copy"]])
        self.suggester = SuggestionController(desk, onscreen, self.view, self.suggestions_panel, self.outline_panel,
                                              self.right_tabs, acts["show_suggestions"])
        self.annotating.suggested_for = self.suggester.reading_of  # a hand tag starts from what is suggested
        self.annotating.themes_for = self.suggester.themes_read  # or, where nothing is, from the themes read in it
        self.suggestions_panel.listNamed.connect(self._name_accept_all)
        self.keys_first = WindowKeysFirst(self, acts)  # Ctrl+E exports from the Search box too (Linux's Emacs keys)
        QApplication.instance().installEventFilter(self.keys_first)
        self.searcher = LibrarySearch(desk, onscreen, self.search_panel)
        self.importer = ImportController(desk, onscreen, self.library_panel, self.progress, self.cancel_import)
        self.packs = PackController(desk, onscreen, self.library_panel.selected_ids, self.progress, self.cancel_import)
        self.reviews = ReviewController(desk, onscreen, self.panel.selected_ids, self.packs.scope)
        self.exporter = ExportController(desk, onscreen, self.library_panel.selected_ids, acts["export_summary"])
        self.history = History(desk, onscreen, self.view, acts["undo"], acts["redo"])
        self.save_state = SaveState(desk, self.save_label)
        self.welcome = WelcomePage(desk, onscreen, [acts["open"], acts["import_folder"], acts["open_pack"]])
        self.centre.addWidget(self.welcome)
        self.panes = Panes(self, self.left_tabs, self.right_tabs, self.library_panel, self.outline_panel,
                           self.search_panel, self.panel, self.suggestions_panel, self.plan_panel, self.centre,
                           self.welcome, self.view, onscreen, acts)
        self.layout_state = LayoutState(settings, self, self.splitter, self.left_tabs, self.right_tabs,
                                        self.library_panel, self.view, onscreen, self.panes.toggle_library)

        # every action bound to the controller that owns it; the menus and toolbar show them
        bind_actions(acts, self._handlers())
        build_menus_and_toolbar(self, acts, self.pages, partial(fill_recent_menu, desk=desk, open_letter=onscreen.open))

        # wiring
        onscreen.opening.connect(self._opening)
        onscreen.loaded.connect(self._letter_loaded)
        self.library_panel.openLetter.connect(onscreen.open)
        self.welcome.openLetter.connect(onscreen.open)
        self.welcome.addSamples.connect(lambda: self.importer.open_paths(sample_letters(), open_single=False))
        self.importer.packsGiven.connect(self.packs.open_packs)
        self.importer.codebookGiven.connect(self.packs.import_codebook)
        self.suggester.panelWanted.connect(self.panes.show_suggestions)
        self.view.selectionChanged.connect(self._update_actions)
        self.view.historyChanged.connect(self._update_history)
        self.panel.view.selectionModel().selectionChanged.connect(self._update_actions)
        for follow in (self.panel.view.selectionModel().selectionChanged, self.panel.model.modelReset):
            follow.connect(lambda *_: self.plan_panel.show_findings(self.panel.selected_ids(), self.panel.letter_id))
        self.plan_panel.openPlan.connect(self.reviews.show_plan)
        self.lib.subscribe(self._library_changed)
        self.layout_state.restore()
        self.annotating.apply_preferences()
        self._update_actions()
        self._update_status()

    def _name_accept_all(self, name: str | None) -> None:
        """The menu's Accept All as the panel's button: named by the letter's list, greyed where there is nothing
        to accept."""
        act = self.actions_["accept_improve"]
        act.setText(accept_all_text(name))
        act.setEnabled(self.suggestions_panel.improve_btn.isEnabled())

    def _handlers(self) -> dict[str, Callable[[], object]]:
        """Each action's handler: a bound method of the controller that owns the verb."""
        a, s, r, p, pages, panes, v = (self.annotating, self.suggester, self.reviews, self.packs, self.pages,
                                       self.panes, self.view)
        return {
            "open": self.importer.open_files_dialog, "import_folder": self.importer.import_folder_dialog,
            "export_summary": self.exporter.export_dialog, "export_pack": p.export_dialog, "open_pack": p.open_dialog,
            "export_codebook": p.export_codebook_dialog, "import_codebook": p.import_codebook_dialog,
            "import_project": p.import_project_dialog, "quit": self.close,
            "undo": self.history.undo, "redo": self.history.redo, "copy": pages.copy_selection,
            "find": pages.show_find, "find_next": pages.find_next, "find_previous": pages.find_previous,
            "search_library": panes.show_search,
            "preferences": partial(open_preferences, self.desk, a.apply_preferences),
            "tag": a.tag_selection, "select_sentence": a.select_sentence,
            "sev_strength": partial(a.severity_key, 1), "sev_context": partial(a.severity_key, 2),
            "sev_improvement": partial(a.severity_key, 3), "sev_priority": partial(a.severity_key, 4),
            "next_annotation": a.next, "prev_annotation": a.previous,
            "next_suggestion": s.next, "prev_suggestion": s.previous, "accept_suggestion": s.accept_current,
            "dismiss_suggestion": s.dismiss_current, "accept_improve": s.accept_improve,
            "show_suggestions": s.toggle_shown,
            "edit_annotation": a.edit_annotation, "delete_annotation": a.delete_annotations,
            "auditor": self.desk.ask_auditor_name, "codebook": partial(edit_codebook, self.desk),
            "details": lambda: edit_letter_details(self.desk, self.onscreen.letter_id),
            "agree": r.agree, "challenge": r.challenge, "resolve": r.resolve, "review_comment": r.comment,
            "clear_review": r.clear, "sign_off": r.sign_off_letter, "sign_off_all": r.sign_off_all,
            "withdraw_sign_off": r.withdraw_sign_off, "overview": r.show_overview, "action_plan": r.show_plan,
            "zoom_in": v.zoom_in, "zoom_out": v.zoom_out, "fit_width": v.zoom_fit_width,
            "fit_page": v.zoom_fit_page, "actual_size": v.zoom_actual_size,
            "next_page": pages.next_page, "prev_page": pages.prev_page, "goto_page": pages.focus_page_box,
            "back": v.go_back, "forward": v.go_forward,
            "toggle_library": panes.toggle_library, "show_library": panes.show_library,
            "show_outline": panes.show_outline, "show_annotations": panes.show_annotations,
            "show_suggestions_panel": panes.show_suggestions, "show_plan_panel": panes.show_plan,
            "welcome": panes.show_welcome,
            "shortcuts": panes.show_shortcuts, "about": partial(show_about, self, self.store.path),
        }

    # ------------------------------------------------------------ library events: the panels catch up at once
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
        if "letter" in kinds and self.onscreen.letter_id:
            if self.onscreen.letter_id not in self.lib.letters:  # it left the library (an undone pack took it)
                self.onscreen.close()
                self.panel.set_letter(None)
                self.panes.show_welcome()
            self._update_title()
        if self.centre.currentWidget() is self.welcome:
            self.welcome.refresh()
        self._update_status()
        self._update_actions()

    # ------------------------------------------------------------ the letter on screen
    def _opening(self, letter_id: str) -> None:
        remember_letter(self.settings, letter_id)
        self.panel.set_letter(letter_id)
        self.library_panel.select(letter_id)
        self._update_title()

    def _letter_loaded(self, letter_id: str) -> None:
        layout = self.onscreen.layout
        if layout is not None and letter_id == self.onscreen.letter_id:  # the cards quote as the letter reads
            self.panel.set_reading(letter_id, layout.text, self.onscreen.furniture())
        else:
            self.panel.refresh()
        self._update_actions()
        self._update_status()

    # ------------------------------------------------------------ the window's own title, status and actions
    def _update_title(self) -> None:
        letter = self.lib.letters.get(self.onscreen.letter_id or "")
        self.setWindowTitle(f"{self.lib.display_title(letter.id)} — Reviewer" if letter else "Reviewer")

    def _update_actions(self, *_: object) -> None:
        enable_actions(self.actions_, letter=self.onscreen.layout is not None,
                       selection=self.view.selection() is not None, annotation=bool(self.panel.selected_ids()))
        letter = self.lib.letters.get(self.onscreen.letter_id or "")
        self.actions_["withdraw_sign_off"].setEnabled(letter is not None and letter.signoff is not None)
        self._update_history()

    def _update_history(self) -> None:
        """Back and Forward greyed where there is nowhere to go, as in a PDF reader."""
        laid_out = self.onscreen.layout is not None
        self.actions_["back"].setEnabled(laid_out and self.view.can_go_back())
        self.actions_["forward"].setEnabled(laid_out and self.view.can_go_forward())

    def _update_status(self) -> None:
        self.counts_label.setText(status_text(self.lib, self.onscreen.letter_id))

    # ------------------------------------------------------------ files dropped on the window, closing
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:  # noqa: N802
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in e.mimeData().urls() if u.isLocalFile()]
        if paths:
            e.acceptProposedAction()
            self.importer.open_paths(paths)

    def showEvent(self, e: QShowEvent) -> None:  # noqa: N802
        super().showEvent(e)
        if not self._shown:  # once laid out at its size (maximised on a small screen): the letter keeps its share
            self._shown = True
            QTimer.singleShot(0, self.layout_state.balance)
            QTimer.singleShot(0, self._tell_what_opening_found)

    def resizeEvent(self, e: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(e)
        if self._shown and 0 < e.size().width() < e.oldSize().width():  # made narrower as it is used: the letter
            # keeps its share as it does when shown (a new user's window made 1024 wide, a council laptop's,
            # left the letter 35% of it, a report's text 56% of its size, the panes as they were at 1400)
            QTimer.singleShot(0, self.layout_state.balance)

    def _tell_what_opening_found(self) -> None:
        """What opening the library had to do, said in the window as the command line says it: a damaged journal
        read around (what was recovered, what was not, where the journal as it was is kept), text that had to be
        cleaned. A bad-input session killed the app, damaged a line of the journal, and the window opened on
        "All changes saved" with one accepted annotation gone and not a word."""
        notes = list(self.store.notices)
        if not notes:
            return
        self.notice_box = box = QMessageBox(
            QMessageBox.Icon.Warning, "Reviewer — library recovered" if self.store.recovered else "Reviewer",
            "The library's journal was damaged; the library opened with what could be read." if self.store.recovered
            else "Opening the library found something to tell you.", QMessageBox.StandardButton.Ok, self)
        box.setInformativeText("\n\n".join(as_sentence(n) for n in notes))
        # modeless, over the window, which works behind it: opened with ``open()`` (modal to the window), it held
        # every click and key until OK, and a new user on a copied library double-clicked a letter, the welcome page
        # beside the box, and nothing opened
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()

    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802
        if not self._unsaved_may_go():
            e.ignore()  # the auditor's changes are still in memory, and are written as soon as the disk allows
            return
        self.layout_state.save()
        self.packs.stop()
        self.importer.stop()
        self.host.stop()
        self.store.on_write_error = None  # (what is lost was said, and agreed to, above)
        self.store.close()
        e.accept()

    def _unsaved_may_go(self) -> bool:
        """Whether closing may go on: everything is saved (a change the disk refused is tried once more),
        or the auditor, told what would be lost, chose to quit anyway. The default is to stay."""
        try:
            self.store.commit(unsaved="The changes made since the last save are in memory only")
            return True
        except NotSaved as exc:
            why = str(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, "Reviewer — changes not saved",
                          "Your latest changes could not be saved, and would be lost if Reviewer closed now.",
                          parent=self)
        box.setInformativeText(f"{why}.\n\nFree some space or fix the folder's permissions and close again: the "
                               "changes are written first. Or keep a copy now with File > Export Audit Pack, "
                               "to another drive.")
        stay = box.addButton("Keep Reviewer Open", QMessageBox.ButtonRole.RejectRole)
        box.addButton("Quit and Lose Changes", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is not stay
