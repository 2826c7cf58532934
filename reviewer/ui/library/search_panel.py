"""Find anything: a search across the whole library (letters' text, annotations' quotes, notes and
themes) as a side panel. Results list letter, page and a snippet; choosing one opens the letter at
the passage. The index is built on the worker thread the first time it is needed (from the folds
kept beside the letters) and grows as letters are added; each search is a scan of it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reviewer.core.reading.library_search import Hit, SearchIndex
from reviewer.ui.kit.desk import AtAnnotation, Desk, OnScreen, Passage
from reviewer.workspace.search import build_index
from reviewer.core.text.words import counted

HIT_ROLE = Qt.ItemDataRole.UserRole + 4
FIELD_LABELS = {"text": "", "quote": "quote", "note": "note", "theme": "theme"}


class SearchPanel(QWidget):
    chosen = Signal(object)  # Hit
    queryChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.box = QLineEdit(placeholderText="Search all letters, quotes, notes and themes…")
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName("Search the library")
        self.box.setToolTip("Matches ignore case, accents, line breaks and hyphenation; Down moves to the results")
        self.status = QLabel("")
        self.status.setObjectName("panelCount")
        self.status.setWordWrap(True)
        self.results = QListWidget()
        self.results.setAccessibleName("Search results")
        self.results.setToolTip("Enter or a click opens the letter at the passage")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(lambda: self.queryChanged.emit(self.box.text()))
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(lambda: (self._timer.stop(), self.queryChanged.emit(self.box.text())))
        self.box.installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.box)
        lay.addWidget(self.status)
        lay.addWidget(self.results, 1)

    def eventFilter(self, obj: QObject, e) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if obj is self.box and e.type() == e.Type.KeyPress and e.key() == Qt.Key.Key_Down and self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(0)
            return True
        return super().eventFilter(obj, e)

    def show_results(self, hits: list[Hit], titles: dict[str, str], message: str) -> None:
        self.results.clear()
        self.status.setText(message)
        for h in hits:
            where = f"{titles.get(h.letter_id, h.letter_id[:10])} · p. {h.page}"
            kind = FIELD_LABELS.get(h.field, h.field)
            item = QListWidgetItem()
            item.setData(HIT_ROLE, h)
            label = QLabel(f"<b>{escape(where)}</b>" + (f" <i>({kind})</i>" if kind else "")
                           + f"<br/>{escape(h.before)}<b style='background:#ffe066; color:#1d2329'>{escape(h.match)}</b>{escape(h.after)}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(6, 4, 6, 4)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{where}: {h.snippet}")
            self.results.addItem(item)
            label.setFixedWidth(max(160, self.results.viewport().width() - 4))
            item.setSizeHint(label.sizeHint())
            self.results.setItemWidget(item, label)

    def _choose(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.chosen.emit(hit)


class LibrarySearch(QObject):
    """Keeps the index, runs searches and opens what is chosen (at the passage, or the annotation)."""

    def __init__(self, desk: Desk, onscreen: OnScreen, panel: SearchPanel) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.panel = desk, onscreen, panel
        self.index = SearchIndex()
        self._building = False
        self._pending = ""
        panel.queryChanged.connect(self.search)
        panel.chosen.connect(self.open_hit)

    def search(self, query: str) -> None:
        self._pending = query
        panel, lib = self.panel, self.desk.lib
        if not query.strip():
            panel.show_results([], {}, "")
            return
        missing = [lid for lid in lib.letters if lid not in self.index]
        if missing:
            self._build(missing)
            if not len(self.index):
                panel.show_results([], {}, f"Preparing {counted(len(missing), 'letter')} for searching…")
                return
        found = self.index.search(query, lib, limit=300)
        titles = {lid: lib.display_title(lid) for lid in {h.letter_id for h in found.hits} if lid in lib.letters}
        if not found.total:
            msg = f"No match in {counted(len(lib.letters), 'letter')}."
        else:
            msg = (f"{counted(found.total, 'match', 'matches')} in {counted(found.letters, 'letter')}"
                   + (f"; the first {len(found.hits)} listed" if len(found.hits) < found.total else ""))
        if missing:
            msg += f" ({counted(len(missing), 'letter')} still being prepared)"
        panel.show_results(found.hits, titles, msg)

    def _build(self, ids: list[str]) -> None:
        if self._building:
            return
        self._building = True
        ws, index = self.desk.ws, self.index

        def job() -> None:  # on the worker: folds kept beside the letters, or folded in processes
            build_index(ws, ids, index=index, extract_stale=False)

        def done(_: object = None) -> None:
            self._building = False
            if self._pending.strip():
                self.search(self._pending)

        self.desk.host.call(job, done, lambda _exc: done())  # letters that cannot be read are left out

    def open_hit(self, hit: Hit) -> None:
        at = AtAnnotation(hit.annotation_id) if hit.annotation_id else Passage(hit.start, hit.end)
        self.onscreen.open(hit.letter_id, at=at)
