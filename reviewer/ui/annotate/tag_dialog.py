"""Tagging a passage in a few keystrokes: themes by type-ahead, a severity, an optional note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QStringListModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.codebook import DELETED_THEME, LookupFailed, find_theme, severities
from reviewer.core.annotations.model import Theme
from reviewer.core.text.textsearch import collapse_ws
from reviewer.ui.kit.look import severity_icon, swatch_icon
from reviewer.ui.kit import typed


class TagDialog(QDialog):
    """Returns themes (ids), severity (id) and note through ``result_values`` when accepted."""

    def __init__(self, quote: str, themes: list[Theme], *, chosen: tuple[str, ...] = (),
                 severity: str = "improvement", note: str = "", title: str = "Tag passage",
                 name_of: Callable[[str], str] | None = None, parent: QWidget | None = None) -> None:
        """``name_of``: how a chosen theme no longer in ``themes`` is named (``Library.theme_label``: "Neglect
        (deleted theme)"); it stays chosen, so saving the annotation keeps it unless the auditor takes it off."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.all_themes = themes
        self._completed = False
        self._just_added = ""  # the theme the Enter being handled added (it reaches the field twice)
        active = [t for t in themes if not t.retired]

        shown = collapse_ws(quote)
        q = QLabel("“" + (shown if len(shown) < 400 else shown[:397] + "…") + "”")
        q.setWordWrap(True)
        q.setObjectName("quotePreview")
        q.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.theme_input = QLineEdit(placeholderText="Type a theme and press Enter (Backspace takes the last off)…")
        self.theme_input.setAccessibleName("Add theme")
        self.theme_input.setToolTip("Type part of a theme's name; Enter adds the highlighted match; Backspace in "
                                    "the empty field takes the last chosen theme off")
        self.theme_input.installEventFilter(self)
        # the model belongs to the dialog: a model without a parent is collected and the pop-up never shows
        self.theme_model = QStringListModel([t.label for t in active], self)
        self.completer = QCompleter(self.theme_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.theme_input.setCompleter(self.completer)
        self.completer.activated.connect(self._add_label)
        self.theme_input.returnPressed.connect(self._enter_theme)
        self.theme_input.textEdited.connect(lambda _t: self.theme_error.setText(""))  # (said of what was typed before)

        self.chosen = QListWidget()
        self.chosen.setAccessibleName("Chosen themes")
        self.chosen.setToolTip("Chosen themes; select one and press Delete to remove it")
        rows = 5  # room for five themes (DOMAIN's passages carry 0-3): one added by typing is never out of sight
        self.chosen.setMaximumHeight(rows * max(self.chosen.fontMetrics().height() + 6, 24) + 6)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.chosen, self._remove_theme,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.theme_error = QLabel("")
        self.theme_error.setObjectName("errorText")
        self.theme_error.setWordWrap(True)

        self.sev_group = QButtonGroup(self)
        sev_row = QGridLayout()
        for i, s in enumerate(severities(), start=1):
            b = QRadioButton(f"{i} {s.label}")
            b.setIcon(severity_icon(s.id))
            b.setToolTip(f"{s.label}: {s.description} (Alt+{i})")
            b.setProperty("sid", s.id)
            self.sev_group.addButton(b, i)
            sev_row.addWidget(b, (i - 1) // 2, (i - 1) % 2)
            if s.id == severity:
                b.setChecked(True)
            QShortcut(QKeySequence(f"Alt+{i}"), self, b.click)

        self.note = QPlainTextEdit(note)
        self._note_at_start = note.strip()
        self.note.setPlaceholderText("Optional note for your manager…")
        self.note.setAccessibleName("Note")
        self.note.setToolTip("Why this passage matters, for your manager (optional); Ctrl+Enter saves")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip("Save (Ctrl+Enter)")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._accept)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self._accept)
        for b in buttons.buttons():
            b.setAutoDefault(False)
            b.setDefault(False)

        form = QFormLayout()
        form.addRow("Themes:", self.theme_input)
        form.addRow("", self.chosen)
        form.addRow("", self.theme_error)
        form.addRow("Severity:", sev_row)
        form.addRow("Note:", self.note)
        lay = QVBoxLayout(self)
        lay.addWidget(q)
        lay.addLayout(form)
        lay.addWidget(buttons)

        # Tab from the theme field goes to the note, then the chosen themes, the checked severity only
        # (arrows move between severities, as in any radio group) and the buttons: a note typed after
        # one Tab is kept, and a space in it never reaches a severity.
        self.sev_group.buttonToggled.connect(self._severity_focus)
        self._severity_focus()
        chain = [self.theme_input, self.note, self.chosen, *self.sev_group.buttons(), *buttons.buttons()]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

        by_id = {t.id: t for t in themes}
        for tid in chosen:
            if tid in by_id:
                self._add_theme(by_id[tid])
            else:  # a theme deleted from the codebook: kept, named, never dropped unseen (editing the note of an
                # annotation carrying one took the theme off it without a word)
                item = QListWidgetItem(swatch_icon("transparent"), name_of(tid) if name_of else DELETED_THEME)  # (a
                # hollow swatch: no colour of its own any more)
                item.setData(Qt.ItemDataRole.UserRole, tid)
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setToolTip("No longer in the codebook: it stays on the annotation unless you take it off "
                                "(select it and press Delete)")
                self.chosen.addItem(item)
        self.theme_input.setFocus()

    def unsaved_typing(self) -> str | None:
        """What Esc or the computer signing out would lose: a note typed here, not the one the dialog opened
        with (``typed``)."""
        note = self.note.toPlainText().strip()
        return "the note you typed" if note and note != self._note_at_start else None

    def reject(self) -> None:
        """Esc, Cancel or the close button: a note typed here is asked about first, never thrown away without
        a word (a helper lost a long note to one Esc)."""
        if (what := self.unsaved_typing()) and not typed.may_discard(self, what):
            return
        super().reject()

    def keyPressEvent(self, e) -> None:  # noqa: N802 - Qt override
        if e.modifiers() & Qt.KeyboardModifier.AltModifier and Qt.Key.Key_1 <= e.key() <= Qt.Key.Key_4:
            self.sev_group.button(e.key() - Qt.Key.Key_1 + 1).click()
            return
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Enter is the theme field's (add a theme; on the empty field, save). Never let it fall
            # through to the default button, which the button box makes OK as the dialog shows.
            e.accept()
            return
        super().keyPressEvent(e)

    def _add_theme(self, theme: Theme) -> None:
        for i in range(self.chosen.count()):
            if self.chosen.item(i).data(Qt.ItemDataRole.UserRole) == theme.id:
                self.chosen.setCurrentRow(i)  # (said, not silently ignored: a new user thought Enter was dead)
                self.theme_error.setText(f"“{theme.label}” is already chosen (Backspace takes the last theme off).")
                return
        item = QListWidgetItem(swatch_icon(theme.colour), theme.label)
        item.setData(Qt.ItemDataRole.UserRole, theme.id)
        self.chosen.addItem(item)
        self.chosen.scrollToItem(item)  # (a sixth and more: the one just added is the one shown)
        self.theme_error.setText("")

    def _add_label(self, label: str) -> None:
        # Enter on the completion pop-up chooses the theme and then reaches the line edit as well:
        # that second Enter must not save the dialog, or a second theme could never be added, nor say the
        # theme it has just added is already chosen.
        try:
            theme = find_theme(self.all_themes, label, include_retired=False)
        except LookupFailed as exc:
            self.theme_error.setText(str(exc))
            return
        if self._completed and self._just_added == theme.id:
            return
        self._completed, self._just_added = True, theme.id
        QTimer.singleShot(0, self._completion_done)
        self._add_theme(theme)
        self.theme_input.clear()
        # the line edit writes the completer's choice into itself after telling us: clear it after that too
        QTimer.singleShot(0, self.theme_input, self.theme_input.clear)

    def _enter_theme(self) -> None:
        text = self.theme_input.text().strip()
        if not text:
            # Enter on an empty theme field saves, once a theme is chosen
            if self.chosen.count() and not self._completed:
                self._accept()
            return
        popup = self.completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            text = popup.currentIndex().data()
        else:  # Enter before a row is chosen: what the list would show for what was typed (it matches within labels)
            matches = [t for t in self.all_themes if not t.retired and text.casefold() in t.label.casefold()]
            exact = [t for t in matches if t.label.casefold() == text.casefold()]
            if not exact:  # a label it alone begins ("plann": Planning and reviews) is the one meant
                exact = [t for t in matches if t.label.casefold().startswith(text.casefold())][:2]
                exact = exact if len(exact) == 1 else []
            if len(matches) > 1 and not exact:
                self.completer.setCompletionPrefix(text)
                self.completer.complete()
                popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
                self.theme_error.setText(f"{len(matches)} themes match “{text}”: choose one with ↓ and Enter.")
                return
            if not matches:
                self.theme_error.setText(f"No theme has “{text}” in its name.")
                return
            text = (exact or matches)[0].label
        self._add_label(text)
        popup.hide()

    def _completion_done(self) -> None:
        self._completed, self._just_added = False, ""

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802 - Qt override
        # Backspace in the empty theme field takes the last chosen theme off, as in any field of tags (a
        # suggested theme could only be taken off by Tab, Tab, Delete, said only in a tooltip)
        if obj is self.theme_input and e.type() == QEvent.Type.KeyPress and \
                e.key() == Qt.Key.Key_Backspace and not self.theme_input.text() and self.chosen.count():  # type: ignore[attr-defined]
            self.chosen.takeItem(self.chosen.count() - 1)
            self.theme_error.setText("")
            return True
        return super().eventFilter(obj, e)

    def _remove_theme(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))

    def _severity_focus(self, *_: object) -> None:
        checked = self.sev_group.checkedButton() or self.sev_group.buttons()[0]
        for b in self.sev_group.buttons():
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus if b is checked else Qt.FocusPolicy.ClickFocus)

    def set_severity(self, sid: str) -> None:
        for b in self.sev_group.buttons():
            if b.property("sid") == sid:
                b.setChecked(True)

    def stand_clear_of(self, box: QRect | None) -> None:
        """Placed beside the passage it tags (above it, below it, or to a side, wherever the screen has room),
        not over it: a new user's tag and edit dialogs opened centred over the passage being tagged. Where no side
        has room, it stays where Qt puts it."""
        if box is None or box.isEmpty():
            return
        screen = QGuiApplication.screenAt(box.center()) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        self.adjustSize()
        size = self.frameGeometry().size().expandedTo(self.sizeHint())
        if self.frameGeometry().height() <= self.geometry().height():  # (not yet framed: the window manager's title
            # bar comes when it is shown, and placed above the passage it covered the passage's first line)
            size.setHeight(size.height() + self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight))
        gap = 12
        x = min(max(room.left(), box.center().x() - size.width() // 2), room.right() - size.width())
        y = min(max(room.top(), box.center().y() - size.height() // 2), room.bottom() - size.height())
        for at in (QPoint(x, box.top() - gap - size.height()), QPoint(x, box.bottom() + gap),
                   QPoint(box.right() + gap, y), QPoint(box.left() - gap - size.width(), y)):
            if room.contains(QRect(at, size)):
                self.move(at)
                return

    def result_values(self) -> tuple[list[str], str, str]:
        themes = [self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())]
        b = self.sev_group.checkedButton()
        return themes, (b.property("sid") if b else "context"), self.note.toPlainText().strip()

    def _accept(self) -> None:
        if self.theme_input.text().strip():
            self._enter_theme()
            if self.theme_input.text().strip():  # words that name no theme, or name several: never dropped unseen
                # (a note typed one Tab short was thrown away, its "no theme has …" closing with the dialog)
                self.theme_error.setText(self.theme_error.text() + " Choose a theme or clear the field to save.")
                self.theme_input.setFocus()
                return
        if self.chosen.count() == 0:
            self.theme_error.setText("Choose at least one theme.")
            self.theme_input.setFocus()
            return
        self.accept()

    def done(self, result: int) -> None:
        self.completer.popup().hide()  # a pop-up left open would keep the window's keys (Alt+1…4) to itself
        super().done(result)
