"""The whole library's action plan (the overview's Action plan tab): every action by due date, overdue
ones marked, with the finding it answers, its letter and the inspectors' item the finding answers;
filters for overdue only and by status; a double-click goes to the finding in its letter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.actions import STATUS_LABELS, STATUSES
from reviewer.core.annotations.library import Library
from reviewer.core.team.summary import ActionEntry, action_entries
from reviewer.core.text.shorten import shorten
from reviewer.core.text.textsearch import collapse_ws
from reviewer.ui.kit.look import OVERDUE_COLOUR, rag_icon, readable_on

ANN_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ["Due", "Status", "Action", "Owner", "Finding", "Letter", "Inspectors' item"]
OPEN = "open"  # the status filter's "not complete"
ITEM_WIDTH = 320  # the inspectors' item, the last column: never narrower, however narrow the window


def overdue_colour(pal: QPalette) -> QColor:
    """The overdue mark's colour, legible on the table's rows and its alternate rows alike."""
    return readable_on(readable_on(OVERDUE_COLOUR, pal.color(QPalette.ColorRole.AlternateBase)),
                       pal.color(QPalette.ColorRole.Base))


class PlanView(QWidget):
    openAnnotation = Signal(str)

    def __init__(self, lib: Library, text_of: Callable[[str], str | None],
                 today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.text_of, self.today = lib, text_of, today
        self.entries: list[ActionEntry] = []
        self.overdue_only = QCheckBox("&Overdue only")
        self.overdue_only.setToolTip("Show only actions past their due date and not complete")
        self.status = QComboBox()
        self.status.setAccessibleName("Filter by status")
        self.status.addItem("All statuses", "")
        self.status.addItem("Not complete", OPEN)
        for s in STATUSES:
            self.status.addItem(rag_icon(s), STATUS_LABELS[s], s)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("planTable")
        self.tree.setAccessibleName("Action plan: every action by due date")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip("Double-click or Enter goes to the finding in its letter")
        h = self.tree.header()
        # the last column fills what is left, but never shrinks below ITEM_WIDTH: when the columns do not
        # fit, the table scrolls sideways to the whole of every column (Qt's own stretch let the last
        # column fall to 100 pixels, and kept a width once grown, whatever the window)
        h.setStretchLastSection(False)
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for c in (0, 1):  # the due date (and its overdue mark) and the status are never cut
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        for c, width in ((2, 260), (3, 120), (4, 260), (5, 200)):
            h.resizeSection(c, width)
        h.resizeSection(len(COLUMNS) - 1, ITEM_WIDTH)
        h.sectionResized.connect(lambda c, *_: c != len(COLUMNS) - 1 and self._fit_last())
        self.tree.viewport().installEventFilter(self)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        filters = QHBoxLayout()
        filters.addWidget(self.note, 1)
        filters.addWidget(self.overdue_only)
        filters.addWidget(self.status)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(filters)
        lay.addWidget(self.tree, 1)
        self.overdue_only.toggled.connect(self._fill)
        self.status.currentIndexChanged.connect(self._fill)

    def _fit_last(self) -> None:
        h = self.tree.header()
        last = len(COLUMNS) - 1
        want = max(ITEM_WIDTH, self.tree.viewport().width() - sum(h.sectionSize(c) for c in range(last)))
        if h.sectionSize(last) != want:
            h.resizeSection(last, want)

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802
        if obj is self.tree.viewport() and e.type() == QEvent.Type.Resize:
            self._fit_last()
        return super().eventFilter(obj, e)

    def refresh(self) -> None:
        """Every action of the library, whatever letters the overview's other tabs are looking at."""
        self.entries = action_entries(self.lib, list(self.lib.letters), None, self.text_of)
        self._fill()

    def _fill(self) -> None:
        today = self.today()
        want = self.status.currentData() or ""
        shown = [e for e in self.entries
                 if (not self.overdue_only.isChecked() or e.action.overdue(today))
                 and (not want or (e.action.status != "complete" if want == OPEN else e.action.status == want))]
        self.tree.clear()
        late_colour = overdue_colour(self.palette())
        for e in shown:
            a = e.action
            late = a.overdue(today)
            finding = f"{e.severity}, p. {e.page}: “{shorten(collapse_ws(e.quote), 120)}”"
            row = QTreeWidgetItem([a.due + ("  ⚠ overdue" if late else ""), STATUS_LABELS.get(a.status, a.status),
                                   collapse_ws(a.text), a.owner, finding, e.letter,
                                   shorten(e.item, 140) if e.item else "—"])
            row.setIcon(1, rag_icon(a.status))
            row.setData(0, ANN_ROLE, a.annotation_id)
            row.setToolTip(2, a.text)
            row.setToolTip(4, collapse_ws(e.quote))
            row.setToolTip(6, e.item or "The finding answers none of the inspectors' items")
            if a.progress:
                last = a.progress[-1]
                row.setToolTip(3, f"Latest progress, {last.date}: {last.text}")
            if late:
                bold = QFont(self.tree.font())
                bold.setBold(True)
                row.setFont(0, bold)
                row.setForeground(0, late_colour)
            self.tree.addTopLevelItem(row)
        overdue = sum(e.action.overdue(today) for e in self.entries)
        if not self.entries:
            self.note.setText("No actions yet. Select a finding and add one in the Plan panel beside the "
                              "annotations (Ctrl+5).")
        else:
            self.note.setText(f"<b>{len(self.entries)}</b> action{'' if len(self.entries) == 1 else 's'}, <b>{overdue}</b> overdue"
                              + (f" · showing {len(shown)}" if len(shown) != len(self.entries) else ""))

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        ann_id = item.data(0, ANN_ROLE)
        if ann_id:
            self.openAnnotation.emit(ann_id)
