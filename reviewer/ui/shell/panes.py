"""The side panes: Library, Outline and Search on the left, Annotations, Suggestions and the action
Plan on the right, as tabs; the actions that bring one forward and give it the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from reviewer.ui.shell.shortcuts import show_shortcuts

if TYPE_CHECKING:
    from reviewer.ui.kit.window import AppWindow


class Panes(QObject):
    def __init__(self, w: AppWindow) -> None:
        super().__init__(w)
        self.w = w

    def toggle_library(self) -> None:
        w = self.w
        visible = not w.left_tabs.isVisible()
        w.left_tabs.setVisible(visible)
        w.actions_["toggle_library"].setChecked(visible)

    def show_library(self) -> None:
        self.show(self.w.library_panel, self.w.library_panel.table)

    def show_outline(self) -> None:
        self.show(self.w.outline_panel, self.w.outline_panel.tree)

    def show_search(self) -> None:
        box = self.w.search_panel.box
        self.show(self.w.search_panel, box)
        box.selectAll()

    def show_annotations(self) -> None:
        self.show(self.w.panel, self.w.panel.view)

    def show_suggestions(self) -> None:
        self.show(self.w.suggestions_panel, self.w.suggestions_panel.list)

    def show_plan(self) -> None:
        self.show(self.w.plan_panel, self.w.plan_panel.list)

    def show_shortcuts(self) -> None:
        show_shortcuts(self.w, self.w.actions_)

    def show(self, widget: QWidget, focus: QWidget) -> None:
        """Bring a side panel forward (showing its pane if hidden) and give it the keyboard."""
        w = self.w
        tabs = w.left_tabs if w.left_tabs.indexOf(widget) >= 0 else w.right_tabs
        if not tabs.isVisible():
            self.toggle_library() if tabs is w.left_tabs else tabs.show()
        tabs.setCurrentWidget(widget)
        focus.setFocus()
