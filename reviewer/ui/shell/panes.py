"""The side panes: Library, Outline and Search on the left, Annotations, Suggestions and the action
Plan on the right, as tabs; the actions that bring one forward and give it the keyboard; and the
centre, which shows the letter or the welcome page."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget

from reviewer.ui.annotate.annotation_panel import AnnotationPanel
from reviewer.ui.annotate.plan_panel import PlanPanel
from reviewer.ui.annotate.suggestions_panel import SuggestionsPanel
from reviewer.ui.kit.desk import OnScreen
from reviewer.ui.library.library_panel import LibraryPanel
from reviewer.ui.library.search_panel import SearchPanel
from reviewer.ui.reader.outline_panel import OutlinePanel
from reviewer.ui.reader.page_view import PageView
from reviewer.ui.shell.shortcuts import show_shortcuts
from reviewer.ui.shell.welcome import WelcomePage


class Panes(QObject):
    def __init__(self, parent: QWidget, left: QTabWidget, right: QTabWidget, library_panel: LibraryPanel,
                 outline_panel: OutlinePanel, search_panel: SearchPanel, panel: AnnotationPanel,
                 suggestions_panel: SuggestionsPanel, plan_panel: PlanPanel, centre: QStackedWidget, welcome: WelcomePage,
                 view: PageView, onscreen: OnScreen, actions: dict[str, QAction]) -> None:
        super().__init__(parent)
        self.parent_ = parent
        self.left, self.right = left, right
        self.library_panel, self.outline_panel, self.search_panel = library_panel, outline_panel, search_panel
        self.panel, self.suggestions_panel, self.plan_panel = panel, suggestions_panel, plan_panel
        self.centre, self.welcome, self.view, self.onscreen = centre, welcome, view, onscreen
        self.actions = actions  # the shortcuts listed; toggle_library checked as the library shows
        welcome.backRequested.connect(self.back_to_letter)
        onscreen.opening.connect(lambda _id: centre.setCurrentIndex(0))

    def toggle_library(self) -> None:
        visible = not self.left.isVisible()
        self.left.setVisible(visible)
        self.actions["toggle_library"].setChecked(visible)

    def show_library(self) -> None:
        self.show(self.library_panel, self.library_panel.table)

    def show_outline(self) -> None:
        self.show(self.outline_panel, self.outline_panel.tree)

    def show_search(self) -> None:
        box = self.search_panel.box
        self.show(self.search_panel, box)
        box.selectAll()

    def show_annotations(self) -> None:
        self.show(self.panel, self.panel.view)

    def show_suggestions(self) -> None:
        self.show(self.suggestions_panel, self.suggestions_panel.list)

    def show_plan(self) -> None:
        self.show(self.plan_panel, self.plan_panel.list)

    def show_shortcuts(self) -> None:
        show_shortcuts(self.parent_, self.actions)

    def show(self, widget: QWidget, focus: QWidget) -> None:
        """Bring a side panel forward (showing its pane if hidden) and give it the keyboard."""
        tabs = self.left if self.left.indexOf(widget) >= 0 else self.right
        if not tabs.isVisible():
            self.toggle_library() if tabs is self.left else tabs.show()
        tabs.setCurrentWidget(widget)
        focus.setFocus()

    # ------------------------------------------------------------ the centre: the letter or the welcome page
    def show_welcome(self) -> None:
        self.welcome.refresh()
        self.centre.setCurrentWidget(self.welcome)
        self.welcome.focus_first()

    def back_to_letter(self) -> None:
        if self.centre.currentWidget() is self.welcome and self.onscreen.letter_id:
            self.centre.setCurrentIndex(0)
            self.view.setFocus()
