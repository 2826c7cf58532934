"""Qt item models: thin adapters over the core library's letters and annotations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter
from reviewer.core.text.textsearch import collapse_ws
from reviewer.core.annotations.model import DOC_TYPE_LABELS
from reviewer.ui.kit.look import SEVERITY, severity_icon, signed_off_icon

Index = QModelIndex | QPersistentModelIndex
LETTER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ANN_ROLE = Qt.ItemDataRole.UserRole + 2


class LetterTableModel(QAbstractTableModel):
    HEADERS = ("Letter", "Authority", "Type", "Date", "Pages", "Notes")

    def __init__(self, lib: Library) -> None:
        super().__init__()
        self.lib = lib
        self.rows: list[Letter] = []
        self._row: dict[str, int] = {}
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = self.lib.letters_sorted()
        self._row = {x.id: i for i, x in enumerate(self.rows)}
        self.endResetModel()

    def update_letters(self, ids: set[str]) -> None:
        """Rows for letters added or changed, inserted or updated in place: a sorted view then
        places each new row, instead of sorting the whole library again for every letter an
        import brings."""
        new = []
        last = self.columnCount() - 1
        for lid in ids:
            x = self.lib.letters.get(lid)
            row = self._row.get(lid)
            if x is None:
                if row is not None:  # removed: rare, so start again
                    self.refresh()
                    return
                continue
            if row is None:
                new.append(x)
            else:
                self.rows[row] = x
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        if new:
            n = len(self.rows)
            self.beginInsertRows(QModelIndex(), n, n + len(new) - 1)
            self.rows.extend(new)
            self._row.update((x.id, n + i) for i, x in enumerate(new))
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        x = self.rows[index.row()]
        col = index.column()
        if role == LETTER_ID_ROLE:
            return x.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            m = x.meta
            count = self.lib.annotation_count(x.id)
            values = (x.title, m.authority or "", DOC_TYPE_LABELS.get(m.doc_type or "", m.doc_type or ""),
                      m.published or m.visit_start or "", x.pages if role == Qt.ItemDataRole.EditRole else str(x.pages),
                      count if role == Qt.ItemDataRole.EditRole else (str(count) if count else ""))
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            m = x.meta
            return (f"{x.source}\nAuthority: {m.authority or '—'}\nType: {m.doc_type or '—'}\n"
                    f"Visit: {m.visit_start or '—'} to {m.visit_end or '—'}\nLetter date: {m.published or '—'}"
                    f"{' (estimated from the PDF: the report does not print it)' if m.published_estimated else ''}\n"
                    f"Inspectors: {', '.join(m.inspectors) or '—'}"
                    + ("" if x.has_text else "\nNo text to select (image-only)")
                    + (f"\nSigned off by {x.signoff.name} on {x.signoff.date[:10]}" if x.signoff else ""))
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and x.signoff:
            return signed_off_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, letter_id: str) -> int:
        return self._row.get(letter_id, -1)


class AnnotationListModel(QAbstractListModel):
    def __init__(self, lib: Library) -> None:
        super().__init__()
        self.lib = lib
        self.rows: list[Annotation] = []

    def set_annotations(self, anns: list[Annotation]) -> None:
        self.beginResetModel()
        self.rows = anns
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        a = self.rows[index.row()]
        if role == ANN_ROLE:
            return a
        if role == Qt.ItemDataRole.DisplayRole:
            return collapse_ws(a.quote)
        if role == Qt.ItemDataRole.DecorationRole:
            return severity_icon(a.severity)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            sev = SEVERITY.get(a.severity)
            return (f"{sev.label if sev else a.severity}, page {a.page}: {collapse_ws(a.quote)}. "
                    f"Themes: {', '.join(self.lib.theme_label(t) for t in a.themes)}. {a.note}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.note or None
        return None

    def row_of(self, ann_id: str) -> int:
        for i, a in enumerate(self.rows):
            if a.id == ann_id:
                return i
        return -1
