"""The Review menu: a manager agrees with, challenges or resolves annotations, and signs off letters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QPlainTextEdit, QWidget

from reviewer.core.annotations.codebook import severities
from reviewer.core.annotations.model import REVIEW_STATUSES
from reviewer.core.annotations.review import ReviewError
from reviewer.core.team.moderation import agreed_rivals
from reviewer.ui.kit.desk import AtAnnotation, Desk, OnScreen, Passage
from reviewer.core.text.shorten import shorten
from reviewer.core.text.textsearch import collapse_ws
from reviewer.core.text.words import counted, short_date

if TYPE_CHECKING:  # imported when first shown: start-up stays quick
    from reviewer.ui.manager.overview import OverviewWindow


def comment_dialog(parent: QWidget | None, title: str, prompt: str, text: str) -> str | None:
    """A comment typed in a box that wraps its lines; Ctrl+Enter gives it, as in the tag and action
    dialogs. None where cancelled."""
    dlg = QInputDialog(parent)
    dlg.setWindowTitle(title)
    dlg.setLabelText(prompt)
    dlg.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dlg.setTextValue(text)
    for label in dlg.findChildren(QLabel):
        label.setWordWrap(True)
    for box in dlg.findChildren(QPlainTextEdit):
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dlg, dlg.accept)
    dlg.resize(max(dlg.sizeHint().width(), 520), dlg.sizeHint().height())
    return dlg.textValue().strip() if dlg.exec() == QInputDialog.DialogCode.Accepted else None


class ReviewController(QObject):
    """``selected``: the annotations chosen in the annotation panel; ``scope``: the letters the overview
    covers (those selected in the library, or all)."""

    def __init__(self, desk: Desk, onscreen: OnScreen, selected: Callable[[], list[str]],
                 scope: Callable[[], list[str]]) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.selected, self.scope = desk, onscreen, selected, scope
        self.overview: OverviewWindow | None = None

    def _targets(self) -> list[str]:
        ids = self.selected()
        if not ids:
            self.desk.tell("Select one or more annotations in the panel first.", 5000)
        return ids

    def _set(self, status: str | None, comment: str | None = None) -> None:
        ids = self._targets()
        if not ids:
            return
        desk = self.desk
        name = desk.auditor_name() if status else ""
        if status and not name:
            return
        if comment is None:
            current = desk.lib.annotations[ids[0]].review
            comment = current.comment if current and current.status == status else ""
        try:
            desk.ws.review(ids, status, comment, name or "", initiator=self)
        except ReviewError as exc:
            QMessageBox.warning(desk.parent, "Review", str(exc))
            return
        label = REVIEW_STATUSES.get(status or "", "not reviewed").lower()
        desk.tell(f"{counted(len(ids), 'annotation')} marked {label}. Undo with Ctrl+Z.", 5000)

    def _ask_comment(self, title: str, prompt: str) -> str | None:
        ids = self._targets()
        if not ids:
            return None
        lib = self.desk.lib
        first = lib.annotations[ids[0]]
        current = first.review
        if len(ids) == 1:  # which annotation, whose, of what severity: the dialog says what is being judged
            level = {s.id: s.label for s in severities()}.get(first.severity, first.severity)
            about = f"{first.author or 'Unknown auditor'}’s {level} on p.{first.page}: “{shorten(collapse_ws(first.quote), 140)}”"
        else:
            about = f"{counted(len(ids), 'annotation')} selected"
        return comment_dialog(self.desk.parent, title, f"{about}\n\n{prompt}", current.comment if current else "")

    def agree(self) -> None:
        ws = self.desk.ws
        rivals = agreed_rivals(self.desk.lib, self.selected(), ws.saved_text_of, ws.saved_page_starts)
        if rivals:
            a, b = rivals[0]
            level = {s.id: s.label for s in severities()}
            box = QMessageBox(QMessageBox.Icon.Warning, "Agree",
                              f"{b.author or 'Another auditor'}’s reading of this passage, "
                              f"{level.get(b.severity, b.severity)}, is already agreed. Agreeing "
                              f"{a.author or 'this auditor'}’s {level.get(a.severity, a.severity)} too leaves their "
                              "difference unsettled.", parent=self.desk.parent)
            box.setInformativeText("To settle it, agree one reading and challenge the other (F7).")
            anyway = box.addButton("Agree Anyway", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is not anyway:
                return
        self._set("agreed")

    def challenge(self) -> None:
        comment = self._ask_comment("Challenge annotation", "What should the auditor look at again?")
        if comment is not None:
            self._set("challenged", comment)

    def resolve(self) -> None:
        self._set("resolved")

    def comment(self) -> None:
        ids = self._targets()
        if not ids:
            return
        current = self.desk.lib.annotations[ids[0]].review
        status = current.status if current else self._status_for_comment()
        if status is None:
            return
        text = self._ask_comment("Review comment", f"Comment ({REVIEW_STATUSES[status].lower()}):")
        if text is not None:
            self._set(status, text)

    def _status_for_comment(self) -> str | None:
        """A comment on a finding not yet reviewed goes with a review: the manager says which (a comment had
        silently recorded "Agreed", the only hint the field's label)."""
        box = QMessageBox(QMessageBox.Icon.Question, "Review comment",
                          "This finding is not reviewed yet. A comment is kept with your review of it:",
                          parent=self.desk.parent)
        agree = box.addButton("Agree, with a Comment…", QMessageBox.ButtonRole.AcceptRole)
        challenge = box.addButton("Challenge, with a Comment…", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(challenge)
        box.exec()
        return "agreed" if box.clickedButton() is agree else "challenged" if box.clickedButton() is challenge \
            else None

    def clear(self) -> None:
        self._set(None, "")

    def sign_off_letter(self) -> None:
        lid = self.onscreen.letter_id
        if not lid:
            return
        self._sign_off([lid], f"Sign off “{self.desk.lib.display_title(lid)}”")

    def sign_off_all(self) -> None:
        ids = [x.id for x in self.desk.lib.letters_sorted()]
        if not ids:
            return
        self._sign_off(ids, f"Sign off all {counted(len(ids), 'letter')}")

    def _sign_off(self, ids: list[str], title: str) -> None:
        name = self.desk.auditor_name()
        if not name:
            return
        still = self.desk.ws.still_open(ids)
        note = ("Still open: " + "; ".join(still) + ".\n\n") if still else ""
        earlier = [s for i in ids if (s := self.desk.lib.letters[i].signoff) is not None]
        if len(ids) == 1 and earlier:  # (signing again replaces a sign-off: a manager was not told of the first)
            note += f"Already signed off by {earlier[0].name} on {short_date(earlier[0].date)}; this replaces it.\n\n"
        elif earlier:
            note += f"{counted(len(earlier), 'letter')} already signed off; this replaces those sign-offs.\n\n"
        comment = comment_dialog(self.desk.parent, title, f"{note}Signed off by {name}, today.\nComment (optional):", "")
        if comment is None:
            return
        self.desk.ws.sign_off(ids, name, comment, initiator=self)
        self.desk.tell(f"Signed off {counted(len(ids), 'letter')} as {name}.", 6000)

    def withdraw_sign_off(self) -> None:
        letter = self.desk.lib.letters.get(self.onscreen.letter_id or "")
        if letter is None or letter.signoff is None:
            self.desk.tell("This letter is not signed off.", 4000)
            return
        self.desk.ws.sign_off([letter.id], "", withdraw=True, initiator=self)

    # ------------------------------------------------------------ showing a passage from the overview
    def reveal_annotation(self, ann_id: str) -> None:
        a = self.desk.lib.annotations.get(ann_id)
        if a is not None:
            self.onscreen.open(a.letter_id, at=AtAnnotation(ann_id))
            self.desk.bring_forward()

    def reveal_passage(self, letter_id: str, start: int, end: int) -> None:
        self.onscreen.open(letter_id, at=Passage(start, end))
        self.desk.bring_forward()

    # ------------------------------------------------------------ overview
    def show_overview(self) -> None:
        from reviewer.ui.manager.overview import OverviewWindow

        if self.overview is None:
            ws = self.desk.ws
            self.overview = OverviewWindow(ws.library, ws.saved_text_of, self.scope, self.desk.parent,
                                           baseline=ws.national_baseline, page_starts_of=ws.saved_page_starts)
            self.overview.openAnnotation.connect(self.reveal_annotation)
            self.overview.openPassage.connect(self.reveal_passage)
            self.overview.place()
        self.overview.show()
        self.overview.raise_()
        self.overview.activateWindow()

    def show_plan(self) -> None:
        """The overview at its Action plan tab: every action in the library by due date."""
        self.show_overview()
        if self.overview is not None:
            self.overview.show_plan()
