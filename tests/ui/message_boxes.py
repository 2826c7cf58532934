"""Answering the question a window is about to ask, as a person would: the box that shows is read, then one of
its buttons pressed (or Esc)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_message_box(button: str | None, seen: list[str] | None = None, then=None) -> None:  # type: ignore[no-untyped-def]
    """Press ``button`` (its text; None: Esc) on the message box about to show, keeping its text in ``seen``;
    ``then`` runs after the press (a dialog the answer opens)."""

    def press() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        if seen is not None:
            seen.append(box.text())
        if button is None:
            box.reject()
        else:
            next(b for b in box.buttons() if b.text() == button).click()
        if then is not None:
            QTimer.singleShot(100, then)

    QTimer.singleShot(100, press)
