"""Find in letter (Ctrl+F): matches across line breaks, hyphenation, ligatures and curly quotes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reviewer.core.text.textsearch import Folded, find_all, fold


class FindBar(QWidget):
    hitsChanged = Signal(list, int)  # [(start, end)], current index
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._folded: Folded | None = None
        self._text: str | None = None
        self._whole: str | None = None  # the letter with its running headers and footers (``set_text``)
        self._whole_folded: Folded | None = None
        self._in_furniture = False  # the matches are only in the running headers and footers
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self._found_by_typing = False  # the match shown is the one the words typed found: Enter goes to it first
        self.reading_at: Callable[[], int] = lambda: 0  # where the auditor reads: the first match is the next one
        # where the view was when the words began to be typed, and how to go back there: the first match is found
        # from there at every key, and words that match nothing take the view back (a new user on page 25 typed
        # "emotional health": "emotional" took the view to page 45, and "No matches" left it there)
        self.place: Callable[[], object] = lambda: None
        self.back_to: Callable[[object], None] = lambda _place: None
        self._began: tuple[int, object] | None = None
        self.edit = QLineEdit(placeholderText="Find in letter")
        self.edit.setAccessibleName("Find in letter")
        self.edit.setToolTip("Enter: next match, Shift+Enter: previous, Esc: close")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(320)
        self.edit.setMinimumWidth(140)  # (room for a word or two whatever the count beside it says)
        self.count = QLabel("")
        prev = QToolButton(text="▲", toolTip="Previous match (Shift+Enter, Shift+F3)")
        nxt = QToolButton(text="▼", toolTip="Next match (Enter, F3)")
        close = QToolButton(text="✕", toolTip="Close (Esc)")
        prev.setAccessibleName("Previous match")
        nxt.setAccessibleName("Next match")
        close.setAccessibleName("Close find bar")
        prev.clicked.connect(self.previous)
        nxt.clicked.connect(self.next)
        close.clicked.connect(self.close_bar)
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(self.next)
        QShortcut(QKeySequence("Shift+Return"), self.edit, self.previous, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.edit)
        lay.addWidget(prev)
        lay.addWidget(nxt)
        lay.addWidget(self.count)
        lay.addStretch(1)
        lay.addWidget(close)

    def set_text(self, text: str | None, whole: str | None = None) -> None:
        """The letter to search; folded for searching only when first searched (a long letter
        takes tens of milliseconds, which opening it should not pay). ``text`` has its running headers, footers
        and page numbers blanked (a phrase a page break splits is found whole); ``whole``, the letter as printed,
        is searched where ``text`` finds nothing, as a PDF reader finds words only a running header prints."""
        self._text = text
        self._whole = whole if whole != text else None
        self._folded = self._whole_folded = None
        self._began = None
        if self.isVisible():  # (a closed bar's last words searched nothing: they took the next letter opened
            self._search()  # to their first match, highlighted, with no bar showing)
        else:
            self.hits, self.current = [], -1

    def open_bar(self, initial: str = "") -> None:
        self.show()
        self._began = None  # (from where the auditor reads now)
        if initial and initial != self.edit.text():
            self.edit.setText(initial)
        else:
            self._search()  # the words kept from before, searched in this letter
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._began = None
        self.hits, self.current = [], -1
        self.hitsChanged.emit([], -1)
        self.closed.emit()

    def _search(self) -> None:
        q = self.edit.text()
        if self._folded is None and self._text and q.strip():
            self._folded = fold(self._text)
        self.hits = find_all(self._folded, q) if self._folded and q.strip() else []
        self._in_furniture = False
        if not self.hits and self._whole and q.strip():  # words only a running header or footer prints
            if self._whole_folded is None:
                self._whole_folded = fold(self._whole)
            self.hits = find_all(self._whole_folded, q)
            self._in_furniture = bool(self.hits)
        if self._began is None and self._text is not None:
            self._began = (self.reading_at(), self.place())
        # the first match from where the auditor read when the words began, as in a PDF reader (a new user on page
        # 30 was taken back to page 2); past the last, the first
        at = self._began[0] if self._began else 0
        self.current = next((i for i, (start, _end) in enumerate(self.hits) if start >= at), 0) if self.hits else -1
        self._found_by_typing = bool(self.hits)
        self._report()
        if not self.hits and self._began is not None:
            self.back_to(self._began[1])  # (nothing found: where the auditor was reading)

    def _report(self, wrapped: str = "") -> None:
        q = self.edit.text().strip()
        if not q:
            self.count.setText("")
        elif not self.hits:
            self.count.setText("No matches")
        else:
            where = " · in page headers and footers" if self._in_furniture else ""
            self.count.setText(f"{self.current + 1} of {len(self.hits)}{wrapped}{where}")
        self.hitsChanged.emit(self.hits, self.current)

    def next(self) -> None:
        """The next match; the first Enter after typing stays on the match the words found (from where the
        auditor reads), as a PDF reader's Find does: a new user on page 12 typed, pressed Enter and was taken past
        the match on page 18, round to page 4."""
        if self.hits:
            wrapped = ""
            if not self._found_by_typing:
                # past the last match, the first, and said so as a PDF reader says it (a new user went from 3 of 3
                # to 1 of 3 without a word, stop 51)
                wrapped = " · from the top" if self.current == len(self.hits) - 1 and len(self.hits) > 1 else ""
                self.current = (self.current + 1) % len(self.hits)
            self._found_by_typing = False
            self._began = None  # (words typed next are found from this match on)
            self._report(wrapped)

    def previous(self) -> None:
        if self.hits:
            self._found_by_typing = False
            self._began = None
            wrapped = " · from the end" if self.current == 0 and len(self.hits) > 1 else ""
            self.current = (self.current - 1) % len(self.hits)
            self._report(wrapped)
