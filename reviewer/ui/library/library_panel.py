"""The library pane: every letter by its readable title, with its date and annotation count; filterable,
sorted by the column the auditor clicks (remembered by the window), and never wider than the pane."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.library import Library
from reviewer.ui.kit.models import LETTER_ID_ROLE, LetterTableModel

TITLE_LINES = 3  # a title wraps onto at most so many lines, the last ending in "…" (the whole on hover)
CELL_MARGINS = 8  # pixels beside a cell's text: the item delegate's margins, both sides, and a little air
LONG_SHARE = 1 / 3  # of the list's width, at most, for a column as long as its text (authority, type, file)


class _TitleDelegate(QStyledItemDelegate):
    """A title too long for its row's lines keeps its ending, the month and year that tell two letters of one council
    apart ("Barking and Dagenham — ILACS … — July 2023"): cut at its end, both Barking letters read "Barking and
    Dagenham — ILACS …" at 1024 pixels. The whole title is the row's tooltip."""

    _measuring = False  # asked for the row's height: the title as it reads on all its lines

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # type: ignore[no-untyped-def]  # noqa: N802
        self._measuring = True
        try:
            return super().sizeHint(option, index)
        finally:
            self._measuring = False

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().initStyleOption(option, index)
        text, fm = option.text, option.fontMetrics
        width = option.rect.width() - CELL_MARGINS
        lines = TITLE_LINES if self._measuring else \
            min(TITLE_LINES, max(1, (option.rect.height() + 1) // max(1, fm.lineSpacing())))  # (a row sized to
        # three lines is three line spacings tall)
        if width <= 0 or not text:
            return

        def fits(said: str) -> bool:
            return fm.boundingRect(QRect(0, 0, width, 1 << 20), int(Qt.TextFlag.TextWordWrap), said).height() \
                <= lines * fm.lineSpacing()

        most = lines * width // max(1, fm.horizontalAdvance("i")) + 1  # characters the lines could hold at most
        head, sep, tail = text.rpartition(" — ")
        if not sep or len(text) <= most and fits(text):
            return
        words = head[:most].split(" ")[:-1] if len(head) > most else head.split(" ")[:-1]  # (a word left whole)
        low, high = 0, len(words)  # the most words kept before "…" that fit, found in halves: one word at a time, a
        # title of 3,000 words took 7 s at each paint of its row
        while low < high:
            mid = (low + high + 1) // 2
            if fits(f"{' '.join(words[:mid])} … — {tail}"):
                low = mid
            else:
                high = mid - 1
        if low:
            option.text = f"{' '.join(words[:low])} … — {tail}"


class LibraryPanel(QWidget):
    openLetter = Signal(str)
    detailsRequested = Signal(str)

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.model = LetterTableModel(lib)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(LetterTableModel.SORT_ROLE)
        title = QLabel("Library")
        title.setObjectName("panelTitle")
        self.filter = QLineEdit(placeholderText="Filter by title, authority, date or file…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter letters")
        self.filter.setToolTip("Show only letters whose title, authority, type, date or file name contains this text")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setAccessibleName("Letters in the library")
        self.table.setToolTip("Enter or a double-click opens a letter; Ctrl+click or Shift+click selects several "
                              "for export")
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it), as in a file manager
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        # a title wraps onto a second line rather than lose its middle: "Eastmere — mo…November 2024" hid the kind
        # of visit, what tells two letters of one council apart (a helper on a laptop's narrow pane)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._titles = _TitleDelegate(self.table)
        self.table.setItemDelegateForColumn(0, self._titles)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The rows in view take their wrapped titles' height (``_size_rows``); the others two lines until
        # they come into view. Sized to contents, every row of a library of 500 letters was measured again
        # at each change of the pane's width: five times before the window first appeared (1.6 s to start),
        # and 0.4 s each time a pane beside the letter gave way or was dragged
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        self._sizing = QTimer(self)
        self._sizing.setSingleShot(True)
        self._sizing.setInterval(0)
        self._sizing.timeout.connect(self._size_rows)
        self._widths = QTimer(self)  # the columns' widths, when what they hold changes (not at every scroll)
        self._widths.setSingleShot(True)
        self._widths.setInterval(0)
        self._widths.timeout.connect(self._size_columns)
        self.table.verticalHeader().setMinimumSectionSize(24)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title has the room the others leave
        for c in range(1, self.model.columnCount()):  # each other column as wide as its words (``_size_columns``)
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
        h.setMinimumSectionSize(8)
        h.setHighlightSections(False)
        h.setSectionsClickable(True)
        h.setSortIndicatorShown(True)
        h.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        h.customContextMenuRequested.connect(self._column_menu)
        h.sectionResized.connect(lambda *_: self._sizing.start())
        h.sortIndicatorChanged.connect(lambda *_: self._widths.start())
        h.sectionCountChanged.connect(lambda *_: self._widths.start())
        self.table.verticalScrollBar().valueChanged.connect(lambda *_: self._sizing.start())
        self.table.viewport().installEventFilter(self)
        for signal in (self.proxy.rowsInserted, self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.dataChanged):
            signal.connect(lambda *_: self._sizing.start())
            signal.connect(lambda *_: self._widths.start())
        for c in range(LetterTableModel.SHOWN, self.model.columnCount()):
            self.table.setColumnHidden(c, True)
        self.table.activated.connect(self._activated)  # Enter, or a double-click (a single click where the desktop
        # opens so): doubleClicked as well opened the letter twice at each double-click, reading it twice
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(title)
        lay.addWidget(self.filter)
        lay.addWidget(self.table, 1)

    # ------------------------------------------------------------ columns and order (kept by the window)
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._widths.start()
        self._sizing.start()

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802
        if obj is self.table.viewport() and e.type() == QEvent.Type.Resize:
            self._widths.start()
            self._sizing.start()
        return super().eventFilter(obj, e)

    def _size_columns(self) -> None:
        """Every column but the title as wide as its header and its values need, and no wider: sized by Qt to its
        contents, "Tagged" took 73 of a 162-pixel list at 1024 pixels (room kept for a sort arrow it did not show)
        and the titles wrapped a word a line. A column sorted by makes room for its arrow; a long one (authority,
        type, file) takes at most a third of the list, its values ending in "…"."""
        t, h = self.table, self.table.horizontalHeader()
        style = h.style()
        header_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, h)
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, h) + header_margin // 2
        header_fm, cell_fm = h.fontMetrics(), t.fontMetrics()
        longest = max(40, int(t.viewport().width() * LONG_SHARE))
        for c in range(1, self.model.columnCount()):
            if t.isColumnHidden(c):
                continue
            label = self.model.HEADERS[c]
            need = header_fm.horizontalAdvance(label) + header_margin + CELL_MARGINS // 2 + (arrow if h.sortIndicatorSection() == c else 0)
            for text in {self.model.shown(x, c) for x in self.model.rows} - {""}:  # (each value measured once, read
                # from the letters, not cell by cell through the view: 18 ms of the UI thread after each tag, every
                # column shown, 500 letters)
                need = max(need, cell_fm.horizontalAdvance(text) + CELL_MARGINS)
            need = min(need, longest) if c > 2 else need  # (a count, a date: whole)
            if h.sectionSize(c) != need:
                h.resizeSection(c, need)

    def _size_rows(self) -> None:
        """The rows in view as tall as their titles need, wrapped to the title column's width, up to TITLE_LINES
        lines."""
        t = self.table
        tallest = t.fontMetrics().lineSpacing() * TITLE_LINES + 8
        for _ in range(3):  # (rows grown or shrunk bring others into view: again, until it holds)
            first = t.rowAt(0)
            if first < 0:
                return
            last = t.rowAt(t.viewport().height() - 1)
            last = t.model().rowCount() - 1 if last < 0 else last
            before = [t.rowHeight(r) for r in range(first, last + 1)]
            for r in range(first, last + 1):
                t.resizeRowToContents(r)
                if t.rowHeight(r) > tallest:  # the last line ends in "…"; the tooltip has the whole title
                    t.setRowHeight(r, tallest)
            if [t.rowHeight(r) for r in range(first, last + 1)] == before:
                return

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for c in range(1, self.model.columnCount()):
            act = menu.addAction(LetterTableModel.HEADERS[c])
            act.setCheckable(True)
            act.setChecked(not self.table.isColumnHidden(c))
            act.toggled.connect(lambda on, c=c: (self.table.setColumnHidden(c, not on), self._widths.start()))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def view_state(self) -> dict[str, object]:
        """The column sorted by, its direction and the columns shown: for the window to remember."""
        h = self.table.horizontalHeader()
        return {"sort_column": h.sortIndicatorSection(), "sort_order": h.sortIndicatorOrder().value,
                "columns": [c for c in range(self.model.columnCount()) if not self.table.isColumnHidden(c)]}

    def set_view_state(self, sort_column: int, sort_order: int, columns: list[int] | None = None) -> None:
        if 0 <= sort_column < self.model.columnCount():
            order = Qt.SortOrder.DescendingOrder if sort_order == Qt.SortOrder.DescendingOrder.value \
                else Qt.SortOrder.AscendingOrder
            self.table.sortByColumn(sort_column, order)
        if columns:
            for c in range(1, self.model.columnCount()):
                self.table.setColumnHidden(c, c not in columns)
        self._widths.start()

    def _activated(self, ix) -> None:  # type: ignore[no-untyped-def]
        self.openLetter.emit(ix.data(LETTER_ID_ROLE))

    def refresh(self) -> None:
        selected = self.selected_ids()
        self.model.refresh()
        for lid in selected:
            self.select(lid, add=True)

    def update_letters(self, ids: set[str]) -> None:
        self.model.update_letters(ids)  # (selection survives: rows are inserted, not reset)

    def selected_ids(self) -> list[str]:
        rows = {ix.row() for ix in self.table.selectionModel().selectedRows()}
        return [self.proxy.index(r, 0).data(LETTER_ID_ROLE) for r in sorted(rows)]

    def select(self, letter_id: str, add: bool = False) -> None:
        row = self.model.row_of(letter_id)
        if row < 0:
            return
        ix = self.proxy.mapFromSource(self.model.index(row, 0))
        sm = self.table.selectionModel()
        flags = (sm.SelectionFlag.Select if add else sm.SelectionFlag.ClearAndSelect) | sm.SelectionFlag.Rows
        sm.select(ix, flags)
        self.table.scrollTo(ix)
