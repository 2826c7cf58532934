"""The open letter's pages in the view: drawn as the worker renders them, with the page box, the zoom,
find in letter and copy; the View menu's verbs."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QLabel, QSpinBox

from reviewer.core.reading.outline import furniture_blanked
from reviewer.core.text.layout import Layout
from reviewer.core.text.links import web_address
from reviewer.ui.kit.desk import Desk, OnScreen
from reviewer.ui.reader.find_bar import FindBar
from reviewer.ui.reader.selection_keys import first_visible_offset
from reviewer.ui.reader.page_view import PageView


class Pages(QObject):
    """Owns the toolbar's page box, page count and zoom label (the shell places them)."""

    def __init__(self, desk: Desk, onscreen: OnScreen, view: PageView, find_bar: FindBar) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.view, self.find_bar = desk, onscreen, view, find_bar
        self.zoom_label = QLabel("100%")
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setToolTip("Zoom (100%: the page at its printed size, as in a PDF reader)")
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setMaximum(1)
        self.page_box.setAccessibleName("Page number")
        self.page_box.setToolTip("Current page; type a number and press Enter (Ctrl+G)")
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda v: view.go_to_page(v - 1))
        # Enter goes to the page and gives the keys back to the letter, as a PDF reader's page box does (a new
        # user typed 13, pressed Enter, then Page Down to read on: the box kept the focus and went to page 3)
        self.page_box.lineEdit().returnPressed.connect(view.setFocus)
        self.page_total = QLabel(" of 0 ")

        onscreen.opening.connect(self._opening)
        onscreen.leaving.connect(lambda letter_id: view.page_count() and onscreen.keep_place(letter_id, *view.position()))
        onscreen.pagesKnown.connect(self._pages_known)
        onscreen.loaded.connect(self._loaded)
        onscreen.failed.connect(self._failed)
        onscreen.closed.connect(self._closed)
        desk.host.worker.rendered.connect(self._rendered)
        view.renderRequested.connect(self._request_render)
        view.pageChanged.connect(self._page_changed)
        # (said as a PDF reader says it: of the printed size, not of a pixel a point; a new user at "141%" saw the
        # page Acrobat shows at 106%)
        view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z / view.actual_zoom() * 100:.0f}%"))
        find_bar.hitsChanged.connect(view.set_find_hits)
        find_bar.reading_at = self._reading_at
        find_bar.place = view.position
        find_bar.back_to = lambda place: view.set_position(*place)  # type: ignore[misc]
        find_bar.closed.connect(view.setFocus)
        view.addressClicked.connect(self.open_address)

    def open_address(self, uri: str) -> None:
        """A web link clicked in the letter: its address given to the system's browser (or mail program), as a PDF
        reader does; never a ``file:``, ``javascript:`` or any other address (``core.text.links``)."""
        address = web_address(uri)
        url = QUrl(address, QUrl.ParsingMode.StrictMode) if address else QUrl()
        if not address or not url.isValid() or url.scheme().lower() not in ("http", "https", "mailto"):
            self.desk.tell(f"Not opened: {uri.strip()[:80]} (Reviewer opens only web and e-mail addresses)", 6000)
            return
        shown = address if len(address) <= 80 else address[:79] + "…"
        if QDesktopServices.openUrl(url):
            self.desk.tell(f"Opening {shown}", 4000)
        else:
            self.desk.tell(f"{shown} could not be opened: no browser or mail program is set up", 6000)

    def _reading_at(self) -> int:
        """The first character where the auditor reads: the current selection's, else the top of the view."""
        sel = self.view.selection()
        if sel:
            return sel[0]
        return first_visible_offset(self.view) if self.view.layout_ else 0

    # ------------------------------------------------------------ following the letter on screen
    def _opening(self, letter_id: str) -> None:
        self.view.set_layout(None, f"Opening {self.desk.lib.display_title(letter_id)}…")
        self.find_bar.set_text(None)

    def _pages_known(self, _letter_id: str, pages: Layout) -> None:
        self.view.set_layout(pages)
        self.page_total.setText(f" of {pages.page_count} ")
        self.desk.tell("Reading the letter's text…", 3000)

    def _closed(self) -> None:
        self.view.set_layout(None, "")
        self.page_total.setText(" of 0 ")
        self.find_bar.set_text(None)

    def _failed(self, letter_id: str, error: str) -> None:
        self.view.set_layout(None, f"{self.desk.lib.display_title(letter_id)} cannot be shown.\n\n{error}")

    def _loaded(self, letter_id: str) -> None:
        layout = self.onscreen.layout
        assert layout is not None
        if self.desk.told().startswith("Reading the letter"):
            self.desk.hush()
        self.view.set_layout(layout, keep_view=True)
        self.page_box.setMaximum(max(1, layout.page_count))
        self.page_total.setText(f" of {layout.page_count} ")
        self.find_bar.set_text(furniture_blanked(layout.text, self.onscreen.furniture()), layout.text)  # (a phrase across a page
        # break is found, and each match is marked without the footer between its halves)
        if not layout.text.strip():
            self.desk.tell(f"{self.desk.lib.display_title(letter_id)} has no text to select (scanned or image-only): "
                           "it can be read but not tagged.", 10000)
        self.view.setFocus()

    def _request_render(self, page: int, scale: float) -> None:
        letter_id = self.onscreen.letter_id
        if not letter_id:
            return
        pages, sc = self.view.wanted()
        self.desk.host.wants.set({(letter_id, p, sc) for p in pages})
        self.desk.host.request_render.emit(letter_id, page, scale)

    def _rendered(self, letter_id: str, page: int, scale: float, img: QImage) -> None:
        if letter_id == self.onscreen.letter_id:
            self.view.page_rendered(page, scale, img)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    # ------------------------------------------------------------ the View menu's pages, find and copy (zoom is the view's own)
    def next_page(self) -> None:
        self.view.go_to_page(self.view.current_page() + 1, remember=False)

    def prev_page(self) -> None:
        self.view.go_to_page(self.view.current_page() - 1, remember=False)

    def focus_page_box(self) -> None:
        self.page_box.setFocus()
        self.page_box.selectAll()

    def show_find(self) -> None:
        if self.onscreen.layout:
            self.find_bar.open_bar(self.view.selected_text()[:80] if self.view.selection() else "")

    def find_next(self) -> None:
        """F3: the next match of the words in the find bar, wherever the keys are, as the bar's own tip promises
        (a new user pressed F3 on the letter and nothing moved); the bar closed, it opens again on its words."""
        self._find_step(self.find_bar.next)

    def find_previous(self) -> None:
        self._find_step(self.find_bar.previous)

    def _find_step(self, step) -> None:  # type: ignore[no-untyped-def]
        if not self.onscreen.layout:
            return
        if not self.find_bar.isVisible() or not self.find_bar.edit.text().strip():
            self.show_find()  # (the words kept, found from where the auditor reads; nothing yet: the words asked)
            return
        step()

    def copy_selection(self) -> None:
        text = self.view.copied_text()
        if text:
            QGuiApplication.clipboard().setText(text)
