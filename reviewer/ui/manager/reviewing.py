"""The Review menu: a manager agrees with, challenges or resolves annotations, and signs off letters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from reviewer.core.annotations.model import REVIEW_STATUSES
from reviewer.core.annotations.review import ReviewError

if TYPE_CHECKING:
    from reviewer.ui.kit.window import AppWindow
    from reviewer.ui.manager.overview import OverviewWindow


class ReviewController(QObject):
    def __init__(self, window: AppWindow) -> None:
        super().__init__(window)
        self.w = window
        self.overview: OverviewWindow | None = None

    def _targets(self) -> list[str]:
        ids = self.w.panel.selected_ids()
        if not ids:
            self.w.statusBar().showMessage("Select one or more annotations in the panel first.", 5000)
        return ids

    def _set(self, status: str | None, comment: str | None = None) -> None:
        ids = self._targets()
        if not ids:
            return
        name = self.w.annotating.auditor_name() if status else ""
        if status and not name:
            return
        if comment is None:
            current = self.w.lib.annotations[ids[0]].review
            comment = current.comment if current and current.status == status else ""
        try:
            self.w.ws.review(ids, status, comment, name or "", initiator=self)
        except ReviewError as exc:
            QMessageBox.warning(self.w, "Review", str(exc))
            return
        label = REVIEW_STATUSES.get(status or "", "not reviewed").lower()
        self.w.statusBar().showMessage(f"{len(ids)} annotation(s) marked {label}. Undo with Ctrl+Z.", 5000)

    def _ask_comment(self, title: str, prompt: str) -> str | None:
        ids = self._targets()
        if not ids:
            return None
        current = self.w.lib.annotations[ids[0]].review
        text, ok = QInputDialog.getMultiLineText(self.w, title, prompt, current.comment if current else "")
        return text.strip() if ok else None

    def agree(self) -> None:
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
        current = self.w.lib.annotations[ids[0]].review
        status = current.status if current else "agreed"
        text = self._ask_comment("Review comment", f"Comment ({REVIEW_STATUSES[status].lower()}):")
        if text is not None:
            self._set(status, text)

    def clear(self) -> None:
        self._set(None, "")

    def sign_off_letter(self) -> None:
        lid = self.w.letter_id
        if not lid:
            return
        self._sign_off([lid], f"Sign off “{self.w.lib.display_title(lid)}”")

    def sign_off_all(self) -> None:
        ids = [x.id for x in self.w.lib.letters_sorted()]
        if not ids:
            return
        self._sign_off(ids, f"Sign off all {len(ids)} letters")

    def _sign_off(self, ids: list[str], title: str) -> None:
        name = self.w.annotating.auditor_name()
        if not name:
            return
        comment, ok = QInputDialog.getMultiLineText(self.w, title, f"Signed off by {name}, today.\nComment (optional):")
        if not ok:
            return
        self.w.ws.sign_off(ids, name, comment, initiator=self)
        self.w.statusBar().showMessage(f"Signed off {len(ids)} letter(s) as {name}.", 6000)

    def withdraw_sign_off(self) -> None:
        lid = self.w.letter_id
        letter = self.w.lib.letters.get(lid or "")
        if letter is None or letter.signoff is None:
            self.w.statusBar().showMessage("This letter is not signed off.", 4000)
            return
        self.w.ws.sign_off([letter.id], "", withdraw=True, initiator=self)

    # ------------------------------------------------------------ showing a passage from the overview
    def _when_open(self, letter_id: str, then: Callable[[], None]) -> None:
        """Run ``then`` once ``letter_id`` is open and laid out (opening it first when needed)."""
        if self.w.letter_id == letter_id and self.w.layout_ is not None:
            then()
        else:
            self.w.after_load = then
            self.w.open_letter(letter_id)
        self.w.raise_()
        self.w.activateWindow()

    def reveal_annotation(self, ann_id: str) -> None:
        a = self.w.lib.annotations.get(ann_id)
        if a is not None:
            self._when_open(a.letter_id, lambda: (self.w.panel.select(ann_id), self.w.annotating.show_annotation(ann_id)))

    def reveal_passage(self, letter_id: str, start: int, end: int) -> None:
        self._when_open(letter_id, lambda: (self.w.view.set_selection(start, end), self.w.view.scroll_to_range(start, end)))

    # ------------------------------------------------------------ overview
    def show_overview(self) -> None:
        from reviewer.ui.manager.overview import OverviewWindow

        if self.overview is None:
            self.overview = OverviewWindow(self.w.lib, self.w.ws.saved_text_of, self.w.packs.scope, self.w,
                                           baseline=self.w.ws.national_baseline)
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
