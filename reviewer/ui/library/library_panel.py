"""The library pane: every letter with authority, type, date and annotation count, filterable."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from reviewer.core.annotations.library import Library
from reviewer.ui.kit.models import LETTER_ID_ROLE, LetterTableModel


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
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        title = QLabel("Library")
        title.setObjectName("panelTitle")
        self.filter = QLineEdit(placeholderText="Filter by title, authority, type or date…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter letters")
        self.filter.setToolTip("Show only letters whose title, authority, type or date contains this text")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setAccessibleName("Letters in the library")
        self.table.setToolTip("Enter or a double-click opens a letter; Ctrl+click or Shift+click selects several "
                              "for export")
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it), as in a file manager
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, self.model.columnCount()):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        h.setHighlightSections(False)
        h.setResizeContentsPrecision(40)  # size columns from the first rows, not all 500 letters
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(title)
        lay.addWidget(self.filter)
        lay.addWidget(self.table, 1)

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
