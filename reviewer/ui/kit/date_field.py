"""A date box a person types into as they write dates ("15 March 2027", "15/03/27", "15Jan2027"), or picks
from a calendar (the button, F4 or Alt+Down): what it reads is shown back as "15 Mar 2027" once they move on,
and a date it cannot read is said plainly, never silently swapped for another."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from reviewer.core.annotations.actions import shown_date, typed_date


class _Edit(QLineEdit):
    calendar_asked = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down
                                             and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.calendar_asked.emit()
            return
        super().keyPressEvent(event)


class DateField(QWidget):
    """``iso()`` is the date typed or picked (YYYY-MM-DD), None while the text is not a date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._given = ""  # the date set_iso gave
        self.edit = _Edit(placeholderText="e.g. 15 March 2027")
        self.edit.setToolTip("Type the date (15 March 2027, 15/03/2027) or pick it from the calendar (F4)")
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)  # (as a date box's calendar opens: a drop-down)
        self.button.setFixedSize(self.edit.sizeHint().height(), self.edit.sizeHint().height())
        self.button.setToolTip("Pick the date from a calendar (F4)")
        self.button.setAccessibleName("Pick the date from a calendar")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (Tab goes from the date to the next field)
        self.button.clicked.connect(self.show_calendar)
        self.edit.calendar_asked.connect(self.show_calendar)
        self.edit.editingFinished.connect(self._tidy)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.setFixedHeight(self.edit.sizeHint().height())  # (one line, as the form's other boxes: its label beside it)

    def iso(self) -> str | None:
        if self._given and self.edit.text() == shown_date(self._given):
            return self._given  # as it was given, untouched: kept even where it is outside a plan's years (a pack's)
        return typed_date(self.edit.text())

    def set_iso(self, iso: str) -> None:
        self._given = iso
        self.edit.setText(shown_date(iso))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def _tidy(self) -> None:
        iso = self.iso()
        if iso and self.edit.text() != shown_date(iso):
            self.edit.setText(shown_date(iso))

    def show_calendar(self) -> None:
        calendar = QCalendarWidget()
        calendar.setMinimumDate(QDate(1, 1, 1))  # (Qt's own least is 1752)
        calendar.setGridVisible(True)
        iso = self.iso()
        if iso:
            d = date.fromisoformat(iso)
            calendar.setSelectedDate(QDate(d.year, d.month, d.day))
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def picked(day: QDate) -> None:
            self.set_iso(day.toString("yyyy-MM-dd"))
            menu.close()

        calendar.activated.connect(picked)
        calendar.clicked.connect(picked)
        calendar.setFocus()
        menu.exec(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.edit.setFocus()
