"""Edit > Undo and Redo: the workspace's undo stack, with what each would do in the menu's text."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from reviewer.core.annotations.commands import Command, letters_of, passages_of
from reviewer.ui.kit.desk import Desk, OnScreen
from reviewer.ui.reader.page_view import PageView


class History(QObject):
    def __init__(self, desk: Desk, onscreen: OnScreen, view: PageView, undo_action: QAction,
                 redo_action: QAction) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.view = desk, onscreen, view
        self.undo_action, self.redo_action = undo_action, redo_action
        desk.ws.undo.subscribe(self.update)
        self.update()

    def undo(self) -> None:
        where = self._go_to(self.desk.ws.undo.next_undo())
        cmd = self.desk.ws.undo_last(initiator=self)
        if cmd:
            self._show(cmd)
            self.desk.tell(f"Undone{where}: {cmd.label} — Ctrl+Shift+Z does it again.", 6000)

    def redo(self) -> None:
        where = self._go_to(self.desk.ws.undo.next_redo())
        # (the letter stays where it is: a suggestion accepted again leaves it at the next card's passage, as the
        # accept did, and a redo follows its undo, which brought the passage into view)
        cmd = self.desk.ws.redo_last(initiator=self)
        if cmd:
            self.desk.tell(f"{cmd.done}{where} — Ctrl+Z undoes it.", 6000)  # what was done, again

    def _go_to(self, cmd: Command | None) -> str:
        """Where ``cmd`` changes another letter's annotations than the one on screen, that letter is opened
        first, so the undo is seen where it acts (a helper's Ctrl+Z on one letter took away the tags accepted
        on another, out of sight, and the next tag made it for good): " on <letter>" for the status bar."""
        if cmd is None:
            return ""
        letters = [x for x in letters_of(cmd) if x in self.desk.ws.library.letters]
        if not letters or self.onscreen.letter_id in letters:
            return ""
        if len(letters) > 1:
            return f" on {len(letters)} letters"
        self.onscreen.open(letters[0])
        return f" on {self.desk.ws.library.display_title(letters[0])}"

    def _show(self, cmd: Command) -> None:
        """Bring what undoing ``cmd`` changed in the letter on screen into view, where none of it is in view (a new
        user's Ctrl+Z on page 16 took away a tag made on page 3, out of sight, and nothing on screen changed)."""
        letter_id = self.onscreen.letter_id
        spans = passages_of(cmd, letter_id) if letter_id and self.onscreen.layout is not None else []
        if spans and not any(self.view.in_view(*span) for span in spans):
            self.view.scroll_to_range(*spans[0])

    def update(self, *_: object) -> None:
        stack = self.desk.ws.undo
        self.undo_action.setEnabled(stack.can_undo())
        self.redo_action.setEnabled(stack.can_redo())
        self.undo_action.setText(f"&Undo {stack.undo_label()}".rstrip())
        self.redo_action.setText(f"&Redo {stack.redo_label()}".rstrip())
