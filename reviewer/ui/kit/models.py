"""Qt item models: thin adapters over the core library's letters and annotations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter
from reviewer.core.text.textsearch import collapse_ws
from reviewer.core.text.words import short_date
from reviewer.core.annotations.model import kind_label
from reviewer.core.annotations.titles import readable_title
from reviewer.ui.kit.look import SEVERITY, severity_icon, signed_off_icon

Index = QModelIndex | QPersistentModelIndex
LETTER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ANN_ROLE = Qt.ItemDataRole.UserRole + 2


class LetterTableModel(QAbstractTableModel):
    """The library's letters, one row each. Columns past ``SHOWN`` are hidden until the auditor shows
    them (the title already says authority, kind and month), so the title has the pane's width. Every
    column sorts by a key that ends in the letter's place in the library's own order, so ties never
    change places between runs."""

    HEADERS = ("Letter", "Tagged", "Date", "Authority", "Type", "Pages", "File")  # (Tagged: its annotations, as the
    # outline's column says; "Notes" read as the auditors' notes)
    SHOWN = 2
    SORT_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, lib: Library) -> None:
        super().__init__()
        self.lib = lib
        self.rows: list[Letter] = []
        self._row: dict[str, int] = {}
        self._keys: dict[tuple[str, int], str] = {}  # (letter id, column) -> sort key, kept until letters change
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = self.lib.letters_sorted()
        self._row = {x.id: i for i, x in enumerate(self.rows)}
        self._keys.clear()
        self.endResetModel()

    def update_letters(self, ids: set[str]) -> None:
        """Rows for letters added or changed, inserted or updated in place: a sorted view then
        places each new row, instead of sorting the whole library again for every letter an
        import brings. A letter that reads like another (a PDF's text twin arriving) changes that
        one's title too, so its row is shown again as well."""
        new = []
        changed: set[int] = set()
        alike: set[str] = set()
        for lid in ids:
            x = self.lib.letters.get(lid)
            row = self._row.get(lid)
            if x is None:
                if row is not None:  # removed: rare, so start again
                    self.refresh()
                    return
                continue
            alike.add(readable_title(x).casefold())
            if row is None:
                new.append(x)
            else:
                self.rows[row] = x
                changed.add(row)
        self._keys.clear()
        changed |= {i for i, x in enumerate(self.rows) if x.id not in ids and readable_title(x).casefold() in alike}
        for row in sorted(changed):
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
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
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return ("The letter's annotations. " if section == 1 else "") + \
                "Click to sort by this column (again to reverse); right-click to show or hide columns"
        return None

    def _date(self, x: Letter) -> str:
        """The letter's date; "~" marks an estimate (a report's PDF creation date, to confirm)."""
        m = x.meta
        d = m.published or m.visit_start or ""
        return f"~{d}" if d and m.published and m.published_estimated else d

    def _sort_key(self, x: Letter, col: int) -> str:
        m = x.meta
        order = "\x1f".join(str(int(k)) if isinstance(k, bool) else k for k in self.lib.sort_key(x))
        first = ("", f"{self.lib.annotation_count(x.id):09d}", m.published or m.visit_start or "",
                 (m.authority or "").casefold(), m.doc_type or "", f"{x.pages:09d}", x.source.casefold())[col]
        return f"{first}\x1f{order}"

    def shown(self, x: Letter, col: int) -> str:
        """What column ``col`` shows of the letter ``x`` (that column's value alone: the list's widths are measured
        from them, every row, as the library changes)."""
        m = x.meta
        if col == 0:
            return self.lib.display_title(x.id)
        if col == 1:
            count = self.lib.annotation_count(x.id)
            return str(count) if count else ""
        return (self._date(x), m.authority or "", kind_label(m), str(x.pages), x.source)[col - 2]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        x = self.rows[index.row()]
        col = index.column()
        if role == LETTER_ID_ROLE:
            return x.id
        if role == self.SORT_ROLE:
            key = self._keys.get((x.id, col))
            if key is None:
                key = self._keys[(x.id, col)] = self._sort_key(x, col)
            return key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.shown(x, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            m = x.meta
            return (f"{self.lib.display_title(x.id)}\n{x.source}\nAuthority: {m.authority or '—'}\n"
                    f"Type: {m.doc_type or '—'}\n"
                    f"Visit: {m.visit_start or '—'} to {m.visit_end or '—'}\nLetter date: {m.published or '—'}"
                    f"{' (estimated from the PDF: the report does not print it)' if m.published_estimated else ''}\n"
                    f"Inspectors: {', '.join(m.inspectors) or '—'}"
                    + ("" if x.has_text else "\nNo text to select (image-only)")
                    + (f"\nSigned off by {x.signoff.name} on {short_date(x.signoff.date) or x.signoff.date[:10]}" if x.signoff else ""))
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and x.signoff:
            return signed_off_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 5):
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
