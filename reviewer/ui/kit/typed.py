"""What a person typed in a dialog is not thrown away by Esc, the close button or the computer signing out
without a word. A dialog that holds typed text says so with ``unsaved_typing()`` (what it would lose, "the
note you typed", or None)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

SESSION_ENDING = "The computer is signing out or shutting down. Keep Editing stops it, so you can save first."


def ask(parent: QWidget, what: str, why: str = "Nothing has been saved yet.") -> bool:
    """Asked as a dialog with typed text is cancelled: whether to throw ``what`` ("the note you typed") away.
    The default keeps editing, so a second Esc (the box's own) goes back to the dialog, nothing lost."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle() or "Reviewer",
                      f"Discard {what}?", parent=parent)
    box.setInformativeText(why)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep Editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


may_discard = ask  # (what the dialogs call: a widget test's widgets are closed when it ends, with no one to answer)


class SessionManager(Protocol):  # QSessionManager's part that is used here
    def allowsInteraction(self) -> bool: ...  # noqa: N802 - Qt's name
    def cancel(self) -> None: ...
    def release(self) -> None: ...


def unsaved_typing() -> list[tuple[QWidget, str]]:
    """Every open window holding typed text not yet saved, with what it would lose."""
    out = []
    for w in QApplication.topLevelWidgets():
        said = getattr(w, "unsaved_typing", None)
        if w.isVisible() and callable(said) and (what := said()):
            out.append((w, what))
    return out


def at_session_end(manager: SessionManager) -> None:
    """The system asks, before signing out or shutting down, whether Reviewer may go (Qt's
    ``commitDataRequest``). Every annotation is already saved as it is made; only text typed in an open
    dialog is not. Where the system lets the app ask, the dialog comes forward and asks as Esc does
    (``may_discard``): Keep Editing stops the sign-out, so the note can be saved. Where it may not ask,
    nothing can keep the text and the system goes on."""
    waiting = unsaved_typing()
    if not waiting or not manager.allowsInteraction():
        return
    try:
        for w, what in waiting:
            w.raise_()
            w.activateWindow()
            if not may_discard(w, what, SESSION_ENDING):
                manager.cancel()
                return
    finally:
        manager.release()
