"""The whole library's action plan (the overview's Action plan tab): every action by due date, overdue
ones marked, with the finding it answers, its letter and the inspectors' item the finding answers;
filters for overdue only and by status; a double-click goes to the finding in its letter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.actions import STATUS_LABELS, STATUSES, shown_date
from reviewer.core.annotations.library import Library
from reviewer.core.team.summary import ActionEntry, action_entries
from reviewer.core.text.shorten import shorten
from reviewer.core.text.textsearch import collapse_ws
from reviewer.ui.kit.look import OVERDUE_COLOUR, rag_icon, readable_on

ANN_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ["Due", "Status", "Action", "Owner", "Finding", "Letter", "Inspectors' item"]
OPEN = "open"  # the status filter's "not complete"
ITEM_WIDTH = 180  # the inspectors' item, the last column: never narrower, however narrow the window
# the columns after the due date and status: (least width, share of the room beyond the least widths)
FIT = {2: (160, 3), 3: (90, 1), 4: (160, 3), 5: (110, 2), 6: (ITEM_WIDTH, 3)}


def overdue_colour(pal: QPalette) -> QColor:
    """The overdue mark's colour, legible on the table's rows and its alternate rows alike."""
    return readable_on(readable_on(OVERDUE_COLOUR, pal.color(QPalette.ColorRole.AlternateBase)),
                       pal.color(QPalette.ColorRole.Base))


class _Wrapped(QStyledItemDelegate):
    """Each row as tall as its longest cell's text wrapped to its column (QTreeView sizes rows as if
    every cell were one line)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.decorationAlignment = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft  # (the status's dot
        # beside its word, at the row's top as the text is)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        tree = self.parent()
        width = tree.header().sectionSize(index.column()) - 12 if isinstance(tree, QTreeWidget) else 0
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if width <= 0 or not text:
            return size
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        lines = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, str(text))
        return QSize(size.width(), max(size.height(), lines.height() + 6))


class PlanView(QWidget):
    openAnnotation = Signal(str)

    def __init__(self, lib: Library, text_of: Callable[[str], str | None],
                 today: Callable[[], date] = date.today, parent: QWidget | None = None,
                 page_starts_of: Callable[[str], Sequence[int]] | None = None) -> None:
        super().__init__(parent)
        self.lib, self.text_of, self.today, self.page_starts_of = lib, text_of, today, page_starts_of
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
        self.tree.setWordWrap(True)  # an action, its finding and the inspectors' item read whole, row by row
        self.tree.setItemDelegate(_Wrapped(self.tree))
        self.tree.setToolTip("Double-click or Enter goes to the finding in its letter")
        h = self.tree.header()
        # the columns share the table's width (the action and the finding most), none below its least: when
        # they do not fit, the table scrolls sideways to the whole of every column (Qt's own stretch let the
        # last column fall to 100 pixels, and kept a width once grown, whatever the window). Once the
        # manager drags a column, its widths are theirs and only the last column fills what is left.
        h.setStretchLastSection(False)
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for c in (0, 1):  # the due date (and its overdue mark) and the status are never cut
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        for c, (least, _share) in FIT.items():
            h.resizeSection(c, least)
        self._fitting = False
        self._dragged = False
        h.sectionResized.connect(self._resized)
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

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if self._fitting:
            return
        if column in FIT and column != len(COLUMNS) - 1:
            self._dragged = True  # (the manager's own width; the contents' columns resize themselves)
        self._fit()

    def _fit(self) -> None:
        h = self.tree.header()
        last = len(COLUMNS) - 1
        self._fitting = True
        try:
            if not self._dragged:
                room = self.tree.viewport().width() - h.sectionSize(0) - h.sectionSize(1)
                spare = max(0, room - sum(least for least, _ in FIT.values()))
                shares = sum(share for _, share in FIT.values())
                for c, (least, share) in FIT.items():
                    if c != last:
                        h.resizeSection(c, least + spare * share // shares)
            want = max(ITEM_WIDTH, self.tree.viewport().width() - sum(h.sectionSize(c) for c in range(last)))
            if h.sectionSize(last) != want:
                h.resizeSection(last, want)
        finally:
            self._fitting = False
        self.tree.scheduleDelayedItemsLayout()  # (the rows' heights follow their wrapped text)

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802
        if obj is self.tree.viewport() and e.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(obj, e)

    def refresh(self) -> None:
        """Every action of the library, whatever letters the overview's other tabs are looking at."""
        self.entries = action_entries(self.lib, list(self.lib.letters), None, self.text_of, self.page_starts_of)
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
            ann = self.lib.annotations.get(a.annotation_id)
            if ann is not None and ann.review is not None and ann.review.status == "challenged":
                finding = f"⚠ Challenged — {finding}"  # (the action answers a finding the manager questioned)
            what = collapse_ws(a.text)
            if a.progress:  # how it is going, under what will be done (a manager looked for it in the table)
                latest = a.progress[-1]
                what += f"\nLatest progress, {shown_date(latest.date[:10])}: {shorten(collapse_ws(latest.text), 120)}"
            row = QTreeWidgetItem([shown_date(a.due) + ("  ⚠ overdue" if late else ""), STATUS_LABELS.get(a.status, a.status),
                                   what, a.owner, finding, e.letter,
                                   shorten(e.item, 140) if e.item else "—"])
            for c in range(len(COLUMNS)):  # (a row of wrapped cells reads from its top, as a spreadsheet's)
                row.setTextAlignment(c, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
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
