"""The small dialog a manager adds an action in (what, who, by when, RAG status), or updates one in
(what, who, due date, status, a progress note)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.actions import STATUS_LABELS, STATUSES, Action
from reviewer.core.text.shorten import shorten
from reviewer.core.text.textsearch import collapse_ws
from reviewer.ui.kit.date_field import DateField
from reviewer.ui.kit.look import rag_icon
from reviewer.ui.kit import typed


class ActionDialog(QDialog):
    """``action`` None: a new action answering the finding quoted; else an update of ``action``."""

    def __init__(self, finding: str, action: Action | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setWindowTitle("Update action" if action else "Add action")
        self.setMinimumWidth(460)
        quote = QLabel(f"“{shorten(collapse_ws(finding), 240)}”")
        quote.setObjectName("quotePreview")
        quote.setWordWrap(True)
        form = QFormLayout()
        self.text = QPlainTextEdit(placeholderText="What will be done")
        self.text.setAccessibleName("Action: what will be done")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.owner = QLineEdit(placeholderText="Who will do it")
        self.owner.setAccessibleName("Owner")
        self.due = DateField()  # (typed as people write dates: a QDateEdit took "15 March 2027" as 15 Jan)
        self.due.setAccessibleName("Due date")
        self.status = QComboBox()
        self.status.setAccessibleName("RAG status")
        for s in STATUSES:
            self.status.addItem(rag_icon(s), STATUS_LABELS[s], s)
        self.progress = QPlainTextEdit(placeholderText="How it is going (dated today)")
        self.progress.setAccessibleName("Progress note")
        self.progress.setTabChangesFocus(True)
        self.progress.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        form.addRow("&Action:", self.text)
        form.addRow("&Owner:", self.owner)
        form.addRow("&Due:", self.due)
        form.addRow("&Status:", self.status)
        if action is None:
            self.due.set_iso((date.today() + timedelta(days=28)).isoformat())
            self.status.setCurrentIndex(self.status.findData("red"))
        else:
            self.text.setPlainText(action.text)
            self.owner.setText(action.owner)
            self.due.set_iso(action.due)
            self.status.setCurrentIndex(self.status.findData(action.status))
            form.addRow("&Progress note:", self.progress)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Update" if action else "Add Action")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        # Enter in the action's text or the progress note starts a new line; Ctrl+Enter saves from anywhere,
        # as in the tag dialog
        QShortcut(QKeySequence("Ctrl+Return"), self, self._accept)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self._accept)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            f"{'Update' if action else 'Add the action'} (Enter; Ctrl+Enter from the text boxes)")
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Answering the finding:"))
        lay.addWidget(quote)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        (self.text if action is None else self.status).setFocus()
        self._typed_at_start = self._typed()

    def _typed(self) -> tuple[str, str, str]:
        return self.text.toPlainText().strip(), self.owner.text().strip(), self.progress.toPlainText().strip()

    def unsaved_typing(self) -> str | None:
        """What Esc or the computer signing out would lose: what was typed here (an action's words, its owner,
        a progress note) since the dialog opened (``typed``)."""
        if any(self._typed()) and self._typed() != self._typed_at_start:
            return "the update you typed" if self.action else "the action you typed"
        return None

    def reject(self) -> None:
        """Esc, Cancel or the close button: what was typed is asked about first, never thrown away without a
        word."""
        if (what := self.unsaved_typing()) and not typed.may_discard(self, what):
            return
        super().reject()

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.error.setText("Say what will be done.")
            self.error.show()
            self.text.setFocus()
            return
        if self.due.iso() is None:
            self.error.setText(f"“{shorten(self.due.edit.text().strip(), 40) or 'Nothing'}” is not a date: type the "
                               "due date as 15 March 2027 or 15/03/2027, or pick it from the calendar (F4).")
            self.error.show()
            self.due.setFocus()
            self.due.edit.selectAll()
            return
        self.accept()

    def values(self) -> dict[str, str]:
        """What was entered: text, owner, due (YYYY-MM-DD) and status for a new action; for an update only
        what changed of those, and the progress note if one was written."""
        due = self.due.iso() or ""
        status = str(self.status.currentData())
        if self.action is None:
            return {"text": self.text.toPlainText().strip(), "owner": self.owner.text().strip(), "due": due,
                    "status": status}
        out = {}
        text, owner = self.text.toPlainText().strip(), self.owner.text().strip()
        if text != self.action.text:
            out["text"] = text
        if owner != self.action.owner:
            out["owner"] = owner
        if status != self.action.status:
            out["status"] = status
        if due != self.action.due:
            out["due"] = due
        if self.progress.toPlainText().strip():
            out["progress"] = self.progress.toPlainText().strip()
        return out

