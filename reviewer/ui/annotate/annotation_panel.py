"""The annotation panel: the open letter's annotations in reading order, filterable, as cards."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.codebook import severities, themes_said
from reviewer.core.annotations.library import Library
from reviewer.core.team.merge import describe_change
from reviewer.core.annotations.model import REVIEW_STATUSES, Annotation
from reviewer.core.reading.outline import quote_as_read
from reviewer.core.text.textsearch import collapse_ws, fold_query, fold
from reviewer.core.text.words import short_date
from reviewer.ui.kit.look import (
    SEVERITY,
    draw_card,
    draw_wrapped,
    readable_on,
    severity_colour,
    severity_icon,
    severity_text,
    wrapped_height,
)
from reviewer.ui.kit.models import ANN_ROLE, AnnotationListModel

PAD = 8
REVIEW_COLOURS = {"agreed": QColor("#2e7d32"), "challenged": QColor("#b3261e"), "resolved": QColor("#1565c0")}
CHANGED_COLOUR = QColor("#5a4a9c")
ATTENTION_COLOUR = QColor("#b00020")


def _on(stamp: str) -> str:
    """" on 29 Nov 2026" for a stored time; nothing where there is none to read."""
    said = short_date(stamp)
    return f" on {said}" if said else ""


class CardDelegate(QStyledItemDelegate):
    """Draws an annotation as a card: severity stripe and label, quote, themes, note, page."""

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.shown: dict[str, str] = {}  # an annotation's quote as the letter reads it, where its text is known

    def quote(self, a: Annotation) -> str:
        """The card's quote: as the letter reads it (a page's number or footer a page break put inside it left
        out), else as stored, white space collapsed."""
        return self.shown.get(a.id) or collapse_ws(a.quote)

    def _extras(self, a: Annotation) -> list[tuple[str, QColor]]:
        """The manager's review and what changed in a merge, as (text, colour) lines under the note."""
        out = []
        if a.review:
            who = f" — {a.review.reviewer}" if a.review.reviewer else ""
            comment = f": {a.review.comment}" if a.review.comment else ""
            mark = {"agreed": "✔", "challenged": "✖", "resolved": "✔✔"}.get(a.review.status, "•")
            out.append((f"{mark} {a.review.label}{who}{comment}", REVIEW_COLOURS.get(a.review.status, QColor("#555"))))
        if a.history:
            last = a.history[-1]
            out.append((f"↻ Changed by {a.changed_by or a.author or 'the auditor'}{_on(a.modified or last.modified)}: "
                        f"{describe_change(self.lib, last, a)}", CHANGED_COLOUR))  # ("since 2026-11-29", a
            # manager read after regrading: when the change was made, as the cards say dates)
        return out

    def _extras_height(self, fm: QFontMetrics, width: int, a: Annotation) -> int:
        return sum(min(fm.boundingRect(QRect(0, 0, width, 1000), Qt.TextFlag.TextWordWrap, t).height(),
                       fm.lineSpacing() * 3) + 3 for t, _ in self._extras(a))

    def _lines(self, a: Annotation) -> tuple[tuple[str, str], str, str]:
        """((severity and page, whose), themes, note)."""
        themes = themes_said(self.lib.theme_label(t) for t in a.themes) or "No theme"
        sev = SEVERITY.get(a.severity)
        lead = f"{sev.label if sev else a.severity}  ·  p. {a.page}"
        who = (a.author + (f", changed by {a.changed_by}" if a.changed_by else "")) if a.author else ""
        if a.orphaned:
            lead = "⚠ Needs attention  ·  " + lead
        return (lead, who), themes, a.note

    @staticmethod
    def _heads(head: tuple[str, str], bold: QFontMetrics, room: int) -> list[str]:
        """The card's first line: severity, page and whose it is; where they do not fit, whose on a line of its
        own. A manager moderating two auditors read "Area for improvement · p. 2 · Ann Au…" on every amber card:
        the auditor's name is what tells two readings of one sentence apart."""
        lead, who = head
        whole = f"{lead}  ·  {who}" if who else lead
        if not who or bold.horizontalAdvance(whole) <= room:
            return [bold.elidedText(whole, Qt.TextElideMode.ElideRight, room)]
        return [bold.elidedText(lead, Qt.TextElideMode.ElideRight, room),
                bold.elidedText(who, Qt.TextElideMode.ElideRight, room)]

    @staticmethod
    def _bold(font: QFont) -> QFont:
        bold = QFont(font)
        bold.setBold(True)
        bold.setPointSizeF(font.pointSizeF() * 0.92)
        return bold

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        return small

    @staticmethod
    def _text_width(rect: QRect) -> int:
        """The width the card's lines wrap at: the same when measuring (sizeHint) and drawing (paint),
        so a card is never taller than the room the list gives it."""
        return max(120, rect.width() - 6 - PAD * 2 - 6)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        a: Annotation = index.data(ANN_ROLE)
        fm = QFontMetrics(option.font)
        width = self._text_width(option.rect)
        quote_h = wrapped_height(fm, width, "“" + self.quote(a), 4, close="”")
        head, themes, note = self._lines(a)
        heads = len(self._heads(head, QFontMetrics(self._bold(option.font)), width - 19))
        themes_h = QFontMetrics(self._small(option.font)).boundingRect(QRect(0, 0, width, 1000), Qt.TextFlag.TextWordWrap,
                                                                       themes).height()  # (in the font drawn)
        note_h = min(fm.boundingRect(QRect(0, 0, width, 1000), Qt.TextFlag.TextWordWrap, note).height(), fm.lineSpacing() * 3) if note else 0
        return QSize(width, PAD * 2 + fm.lineSpacing() * heads + 4 + quote_h + 4 + themes_h + (note_h + 4 if note else 0)
                     + 2 + self._extras_height(fm, width, a))

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        a: Annotation = index.data(ANN_ROLE)
        p.save()
        r, selected, ground = draw_card(p, option)
        pal = option.palette
        p.fillRect(QRect(r.left(), r.top() + 1, 5, r.height() - 1), severity_colour(a.severity))
        head, themes, note = self._lines(a)
        x = r.left() + PAD + 6
        w = self._text_width(option.rect)
        y = r.top() + PAD - 2
        fm = QFontMetrics(option.font)
        bold = self._bold(option.font)
        severity_icon(a.severity).paint(p, QRect(x, y + 1, 14, 14))
        p.setFont(bold)
        p.setPen(severity_text(a.severity, ground) if not a.orphaned else readable_on(ATTENTION_COLOUR, ground))
        for line in self._heads(head, QFontMetrics(bold), w - 19):  # (cut with "…", not clipped at the card's
            # edge: "… · Test Audit" in a narrow pane, a new user)
            p.drawText(QRect(x + 19, y, w - 19, fm.lineSpacing()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       line)
            y += fm.lineSpacing()
        y += 4
        p.setFont(option.font)
        p.setPen(pal.color(QPalette.ColorRole.Text))
        y += draw_wrapped(p, fm, x, y, w, "“" + self.quote(a), 4, close="”") + 4
        small = self._small(option.font)
        p.setFont(small)
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        th = QFontMetrics(small).boundingRect(QRect(0, 0, w, 1000), Qt.TextFlag.TextWordWrap, themes).height()
        p.drawText(QRect(x, y, w, th), Qt.TextFlag.TextWordWrap, themes)
        y += th + 4
        if note:
            italic = QFont(option.font)
            italic.setItalic(True)
            p.setFont(italic)
            p.setPen(pal.color(QPalette.ColorRole.Text))
            nh = min(fm.boundingRect(QRect(0, 0, w, 1000), Qt.TextFlag.TextWordWrap, note).height(), fm.lineSpacing() * 3)
            p.drawText(QRect(x, y, w, nh), Qt.TextFlag.TextWordWrap, note)
            y += nh + 4
        small.setItalic(False)
        for text, colour in self._extras(a):
            p.setFont(small)
            p.setPen(readable_on(colour, ground))
            eh = min(fm.boundingRect(QRect(0, 0, w, 1000), Qt.TextFlag.TextWordWrap, text).height(), fm.lineSpacing() * 3)
            p.drawText(QRect(x, y, w, eh), Qt.TextFlag.TextWordWrap, text)
            y += eh + 3
        p.restore()


class CardList(QListView):
    """The cards' list. Reached by the keyboard (Ctrl+3) with nothing selected, Qt makes the first card
    current without selecting it, so the first Down selected the second card and Home none: the current
    card is let go, and Down or Home selects the first."""

    entering = False  # (while Qt makes a card current on the keyboard's arrival: no card was moved to, so the
    # letter stays where the auditor reads; a held-out session's Ctrl+3 took the letter from page 36 to page 4)

    def focusInEvent(self, e: QFocusEvent) -> None:  # noqa: N802
        self.entering = True
        try:
            super().focusInEvent(e)
        finally:
            self.entering = False
        if not self.selectionModel().hasSelection():
            self.selectionModel().clearCurrentIndex()


class AnnotationPanel(QWidget):
    activated = Signal(str)  # annotation id: show it on the page
    followed = Signal(str)  # annotation id the keyboard moved to in the list: the page shows it if out of view
    editRequested = Signal(str)
    deleteRequested = Signal(list)

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.letter_id: str | None = None
        self._all: list[Annotation] = []
        self.setObjectName("annotationPanel")

        title = QLabel("Annotations")
        title.setObjectName("panelTitle")
        self.count = QLabel("")
        self.count.setObjectName("panelCount")
        self.search = QLineEdit(placeholderText="Filter quotes and notes…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Show only annotations whose quote, note or theme contains this text")
        self.search.setAccessibleName("Filter annotations by text")
        self.theme = QComboBox()
        self.theme.setToolTip("Show only annotations with this theme")
        self.theme.setAccessibleName("Filter by theme")
        self.severity = QComboBox()
        self.severity.setToolTip("Show only annotations of this severity")
        self.severity.setAccessibleName("Filter by severity")
        self.severity.addItem("All severities", "")
        for s in severities():
            self.severity.addItem(severity_icon(s.id), s.label, s.id)

        self.review = QComboBox()
        self.review.setToolTip("Show only annotations with this review status")
        self.review.setAccessibleName("Filter by review status")
        self.review.addItem("Any review", "")
        for combo in (self.theme, self.severity, self.review):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.review.addItem("Not reviewed", "none")
        for key, label in REVIEW_STATUSES.items():
            self.review.addItem(label, key)

        self.model = AnnotationListModel(lib)
        self.view = CardList()
        self.view.setAccessibleName("Annotations in reading order")
        self.view.setToolTip("Click or Enter goes to the passage; F2 edits, Delete deletes, Alt+1…4 sets the severity")
        self.view.setModel(self.model)
        self._reading: tuple[str, str, list[tuple[int, int]]] | None = None  # the letter's text, once laid out
        self.delegate = CardDelegate(lib, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(1)
        self.view.setWordWrap(True)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        self.view.doubleClicked.connect(lambda ix: self.editRequested.emit(ix.data(ANN_ROLE).id))

        self.edit_btn = QToolButton(text="Edit…", toolTip="Edit the selected annotation (F2)")
        self.delete_btn = QToolButton(text="Delete", toolTip="Delete the selected annotations (Delete)")
        self.edit_btn.clicked.connect(self._edit_selected)
        self.delete_btn.clicked.connect(lambda: self.deleteRequested.emit(self.selected_ids()))

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count)
        # the theme on a row of its own, severity and review below: on a laptop's narrow pane three in a row were
        # cut to "All severiti"; a theme's long name narrows rather than widens the pane (its list shows it whole)
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        self.theme.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.theme.setMinimumContentsLength(12)
        filters.addWidget(self.theme, 0, 0, 1, 2)
        filters.addWidget(self.severity, 1, 0)
        filters.addWidget(self.review, 1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_btn)
        buttons.addWidget(self.delete_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(head)
        lay.addWidget(self.search)
        lay.addLayout(filters)
        lay.addWidget(self.view, 1)
        lay.addLayout(buttons)

        self.search.textChanged.connect(self._apply_filter)
        self.theme.currentIndexChanged.connect(self._apply_filter)
        self.severity.currentIndexChanged.connect(self._apply_filter)
        self.review.currentIndexChanged.connect(self._apply_filter)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        # the arrow keys in the list: the letter follows the card (a manager's helper moved card to card and the
        # letter stayed where it was)
        self.view.selectionModel().currentChanged.connect(
            lambda cur, _prev: self.view.hasFocus() and not self.view.entering and cur.isValid() and
            self.followed.emit(cur.data(ANN_ROLE).id))
        self.reload_themes()
        self._update_buttons()

    def reload_themes(self) -> None:
        current = self.theme.currentData()
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem("All themes", "")
        from reviewer.ui.kit.look import swatch_icon

        for t in self.lib.themes.values():
            self.theme.addItem(swatch_icon(t.colour), t.label + (" (retired)" if t.retired else ""), t.id)
        i = self.theme.findData(current)
        self.theme.setCurrentIndex(max(0, i))
        self.theme.blockSignals(False)

    def set_letter(self, letter_id: str | None) -> None:
        self.letter_id = letter_id
        self.refresh()

    def set_reading(self, letter_id: str, text: str, furniture: Sequence[tuple[int, int]]) -> None:
        """The letter's text once laid out, so its cards quote as it reads (``outline.quote_as_read``)."""
        self._reading = (letter_id, text, list(furniture))
        self.refresh()

    def refresh(self) -> None:
        self._all = self.lib.annotations_for(self.letter_id) if self.letter_id else []
        if self._reading is not None and self._reading[0] == self.letter_id:
            _lid, text, furniture = self._reading
            self.delegate.shown = {a.id: quote_as_read(text, a.start, a.end, a.quote, furniture) for a in self._all}
        else:
            self.delegate.shown = {}
        self._apply_filter()

    def _apply_filter(self) -> None:
        selected = set(self.selected_ids())
        q = fold_query(self.search.text())
        theme = self.theme.currentData() or ""
        sev = self.severity.currentData() or ""
        rows = []
        for a in self._all:
            if theme and theme not in a.themes:
                continue
            if sev and a.severity != sev:
                continue
            status = self.review.currentData() or ""
            if status and (a.review.status if a.review else "none") != status:
                continue
            if q:
                hay = fold(" ".join([a.quote, a.note, a.author] + [self.lib.theme_label(t) for t in a.themes])).text
                if q not in hay:
                    continue
            rows.append(a)
        self.model.set_annotations(rows)
        shown, total = len(rows), len(self._all)
        self.count.setText(f"{total}" if shown == total else f"{shown} of {total}")
        for aid in selected:
            self.select(aid, scroll=False, add=True)
        self._update_buttons()

    def filters_active(self) -> bool:
        return bool(self.search.text() or self.theme.currentData() or self.severity.currentData()
                    or self.review.currentData())

    def selected_ids(self) -> list[str]:
        if not hasattr(self, "view"):
            return []
        return [ix.data(ANN_ROLE).id for ix in self.view.selectionModel().selectedIndexes()]

    def select(self, ann_id: str, scroll: bool = True, add: bool = False) -> None:
        row = self.model.row_of(ann_id)
        if row < 0:
            return
        ix = self.model.index(row)
        sm = self.view.selectionModel()
        flag = sm.SelectionFlag.Select if add else sm.SelectionFlag.ClearAndSelect
        sm.select(ix, flag)
        sm.setCurrentIndex(ix, sm.SelectionFlag.NoUpdate)
        if scroll:
            self.view.scrollTo(ix)

    def _clicked(self, ix: QModelIndex) -> None:
        self.activated.emit(ix.data(ANN_ROLE).id)

    def _edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.editRequested.emit(ids[0])

    def _update_buttons(self, *_: object) -> None:
        n = len(self.selected_ids())
        self.edit_btn.setEnabled(n == 1)
        self.delete_btn.setEnabled(n >= 1)
