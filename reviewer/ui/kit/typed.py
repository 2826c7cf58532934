"""What a person typed in a dialog is not thrown away by Esc or the close button without a word."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, what: str) -> bool:
    """Asked as a dialog with typed text is cancelled: whether to throw ``what`` ("the note you typed") away.
    The default keeps editing, so a second Esc (the box's own) goes back to the dialog, nothing lost."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle() or "Reviewer",
                      f"Discard {what}?", parent=parent)
    box.setInformativeText("Nothing has been saved yet.")
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep Editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


may_discard = ask  # (what the dialogs call: a widget test's widgets are closed when it ends, with no one to answer)
