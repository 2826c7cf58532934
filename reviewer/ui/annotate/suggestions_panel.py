"""The suggestions panel: passages Reviewer would tag, as dashed cards the auditor accepts
(Enter), edits (E) or dismisses (Delete); nothing is an annotation until accepted. At first the
strongest few, strongest first, and a line that says so and how to see the rest (M, in reading order)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.reading.suggest import DEFAULT_SHOWN, Suggestion, strongest
from reviewer.core.text.textsearch import collapse_ws
from reviewer.core.text.words import counted
from reviewer.ui.kit.look import SEVERITY, draw_wrapped, severity_colour, severity_icon, severity_text, wrapped_height
from reviewer.core.annotations.codebook import themes_said

SUG_ROLE = Qt.ItemDataRole.UserRole + 2
THEMES_ROLE = Qt.ItemDataRole.UserRole + 3
PAGE_ROLE = Qt.ItemDataRole.UserRole + 4  # 1-based page the passage starts on, 0 if not known
AFTER_ROLE = Qt.ItemDataRole.UserRole + 5  # the sentence before, where the passage leans on it (``leans_on``)
PAD = 8
IMPROVE_TIP = ("Accept every suggestion under the letter's “What needs to improve” and priority-action "
               "headings, as one step you can undo")
KEYS = "Enter accept · E edit · Delete dismiss · M {more}"
# each key with its verb on one line: the narrow pane broke "M strongest" from its "only", alone on a line of its own
NO_BREAK = "\u00a0"


def order_text(shown: int, total: int, show_all: bool, severity_id: str = "", items_left: int = 0) -> str:
    """What the list shows and how to see the rest: "The 30 strongest of 726, strongest first. ...";
    ``severity_id`` the one severity shown, if one is; ``items_left`` the inspectors' listed items not among
    those shown (a new user saw items 16-21 of a list left out, as if missed: stop 45)."""
    if not total:
        return ""
    severity = SEVERITY[severity_id].label if severity_id in SEVERITY else ""
    if severity and not shown:
        return ("Reviewer does not suggest context: an earlier inspection's findings, what is planned and plain "
                "description are yours to tag (Alt+2)." if severity_id == "context" else
                f"No {severity.lower()} is left to suggest in this letter.")  # (said too when every one is decided: "is
                # suggested" read as if there had never been any, a new user)
    if severity:
        return f"{severity}: {counted(shown, 'suggestion')}, in reading order."
    if total == 1:
        return "1 suggestion."
    if show_all:
        return (f"All {total} suggestions, in reading order. "
                f"Press M (Strongest Only) for the {min(DEFAULT_SHOWN, total)} strongest.") if total > DEFAULT_SHOWN \
            else f"All {total} suggestions, in reading order."
    if shown < total:
        items = (f" {items_left} more of the inspectors’ items {'is' if items_left == 1 else 'are'} among those not "
                 "shown (Accept All takes every one).") if items_left else ""  # ("among them" read as among the 30)
        return (f"The {shown} strongest of {total}, strongest first. "
                f"Press M (Show All) for the other {total - shown}, in reading order.{items}")
    return f"All {total} suggestions, strongest first."


def page_text(page: int, here: int, among: int) -> str:
    """What the page read holds under Strongest Only: ``here`` suggestions on page ``page``, ``among`` of them
    shown. Said on every page, so the line never comes and goes under the list as the auditor scrolls."""
    if not here:
        return f"Page {page} has no suggestions."
    if among >= here:
        return f"Page {page}: its one suggestion is shown." if here == 1 else \
            f"Page {page}: all {here} of its suggestions are shown."
    if here == 1:  # (a new user read "0 of its 1 suggestions are among those shown")
        return f"Page {page}: its one suggestion is not among those shown. M shows every one."
    return f"Page {page}: {among} of its {here} suggestions {'is' if among == 1 else 'are'} among those shown. " \
        "M shows every one."


WHAT_NEEDS_TO_IMPROVE = "What Needs to Improve"  # the button's name for the inspectors' list, as ILACS heads it


THEME_LINES = 3  # a card's themes wrap to as many lines as they take (three at most): a new user's Enter accepted a third theme the card had
# cut off ("Assessment quality, Recording and chronolo…" carried Voice of the child too)


class SuggestionDelegate(QStyledItemDelegate):
    """A suggestion as a card with a dashed edge: severity, score and page, quote, themes, why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # a card's height by (quote, width, font): a list of every suggestion of a long report
        # (700 and more) is laid out again after every decision, and wrapping each quote is the cost
        self._heights: dict[tuple[str, bool, int, str, str], int] = {}  # (quote, why?, width, font, themes) -> height
        self._quotes: dict[str, str] = {}  # a quote -> as a card shows it

    def _parts(self, index: QModelIndex) -> tuple[Suggestion, str, str]:
        sug: Suggestion = index.data(SUG_ROLE)
        sev = SEVERITY.get(sug.severity)
        page = index.data(PAGE_ROLE)
        head = (f"{sev.label if sev else sug.severity}  ·  from the PDF" + (f", {sug.author}" if sug.author else "")
                if sug.origin == "pdf" else f"{sev.label if sev else sug.severity}  ·  {round(sug.score * 100)}% sure")
        return sug, head + (f"  ·  p. {page}" if page else ""), index.data(THEMES_ROLE) or "No theme suggested"

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        sug: Suggestion = index.data(SUG_ROLE)
        w = max(120, option.rect.width() - 2 * PAD - 10)
        said = bool(sug.why or index.data(AFTER_ROLE))
        themes = index.data(THEMES_ROLE) or "No theme suggested"
        key = (sug.quote, said, w, option.font.key(), themes)
        h = self._heights.get(key)
        if h is None:
            fm = QFontMetrics(option.font)
            quote = self._quotes.get(sug.quote)
            if quote is None:
                quote = self._quotes[sug.quote] = f"“{collapse_ws(sug.quote)}"
            quote_h = wrapped_height(fm, w, quote, 3, close="”")
            themes_h = wrapped_height(fm, w, themes, THEME_LINES)
            lines = 2 if said else 1  # severity, why: no blank line where nothing says why
            h = self._heights[key] = PAD * 2 + fm.lineSpacing() * lines + themes_h + quote_h + 14
            if len(self._heights) > 20000:  # widths and fonts come and go: never grow without end
                self._heights.clear()
                self._quotes.clear()
        return QSize(w, h)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        sug, head, themes = self._parts(index)
        p.save()
        p.setClipRect(option.rect)  # nothing of a card is ever drawn over its neighbour
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = option.rect.adjusted(3, 3, -3, -3)
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = severity_colour(sug.severity)
        ground = pal.color(QPalette.ColorRole.AlternateBase if selected else QPalette.ColorRole.Base)
        p.setBrush(ground)
        p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight) if selected else colour, 2 if selected else 1.2,
                      Qt.PenStyle.SolidLine if selected else Qt.PenStyle.DashLine))
        edge = 2.0 if selected else 1.2
        p.drawRoundedRect(QRectF(r).adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2), 5, 5)  # the stroke inside r
        fm = QFontMetrics(option.font)
        x, w, y = r.left() + PAD + 2, r.width() - 2 * PAD - 4, r.top() + PAD - 2
        severity_icon(sug.severity).paint(p, QRect(x, y + 1, 14, 14))
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setPointSizeF(option.font.pointSizeF() * 0.92)
        p.setFont(bold)
        p.setPen(severity_text(sug.severity, ground))
        bm = QFontMetrics(bold)
        if bm.horizontalAdvance(head) > w - 19:  # a laptop's narrow pane: closer, and at the last cut short
            head = bm.elidedText(head.replace("  ·  ", " · "), Qt.TextElideMode.ElideRight, w - 19)
        p.drawText(QRect(x + 19, y, w - 19, fm.lineSpacing()), Qt.AlignmentFlag.AlignVCenter, head)
        y += fm.lineSpacing() + 4
        p.setFont(option.font)
        p.setPen(pal.color(QPalette.ColorRole.Text))
        y += draw_wrapped(p, fm, x, y, w, f"“{collapse_ws(sug.quote)}", 3, close="”") + 4
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.9)
        p.setFont(small)
        y += draw_wrapped(p, fm, x, y, w, themes, THEME_LINES)  # every theme Enter accepts, on a second line if need be
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        p.drawText(QRect(x, y, w, fm.lineSpacing()), Qt.AlignmentFlag.AlignVCenter,
                   fm.elidedText(why_said(sug, index.data(AFTER_ROLE)), Qt.TextElideMode.ElideRight, w))
        p.restore()


def why_said(sug: Suggestion, after: str | None) -> str:
    """A card's last line: what the passage follows, where it leans on it, then why it is suggested."""
    return f"after “{after}” · {sug.why}" if after and sug.why else (f"after “{after}”" if after else sug.why or "")


def card_tip(sug: Suggestion, themes: str, page: int, after: str | None = None) -> str:
    """A card's tooltip: what the card elides, in full (rich text, so it wraps to a readable width)."""
    sev = SEVERITY.get(sug.severity)
    where = f" · page {page}" if page else ""
    head = (f"{sev.label if sev else sug.severity} · {round(sug.score * 100)}% sure{where}" if sug.origin != "pdf"
            else f"{sev.label if sev else sug.severity} · from the PDF{where}")
    lines = [f"<b>{escape(head)}</b>", *([escape(f"After: “{after}”")] if after else []),
             escape(f"“{collapse_ws(sug.quote)}”"), escape(f"Themes: {themes or 'none suggested'}")]
    if sug.why:
        lines.append(escape(f"Why: {sug.why}"))
    if sug.note:
        lines.append(escape(f"Comment: {sug.note}"))
    lines.append("<i>Enter accepts · E edits first · Delete dismisses</i>")
    return "".join(f"<p>{line}</p>" for line in lines)


class SuggestionsPanel(QWidget):
    acceptRequested = Signal(list)  # [Suggestion]
    editRequested = Signal(object)  # Suggestion
    dismissRequested = Signal(list)  # [Suggestion]
    acceptImproveRequested = Signal()
    restoreRequested = Signal()
    current = Signal(object)  # Suggestion or None: the view outlines it
    letterWanted = Signal(object)  # Esc in the list: the keyboard back to the letter, at this suggestion (or None)
    shownChanged = Signal()  # the list now shows other suggestions (all / the strongest, a severity)
    heldChanged = Signal()  # the cards shown changed: what to keep with the letter (``visible``, ``holds``)
    listNamed = Signal(object)  # the open letter's inspectors' list, as it heads it (str; None: more than one)

    def __init__(self, theme_label, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        self.theme_label = theme_label
        self._all: list[Suggestion] = []
        self._kept: list[tuple[int, int]] = []  # the strongest shown so far, in the order shown (see _pool)
        self._returned: set[tuple[int, int]] = set()  # held cards back because their tags were deleted
        self._read_at: int | None = None  # where the auditor last read (``follow``)
        self._per_page: tuple[tuple[int, int] | None, Counter[int]] = (None, Counter())  # suggestions by page
        self.show_all = False  # False: the DEFAULT_SHOWN strongest, strongest first; True: all, in reading order
        self.refilling = False  # Show All / Strongest Only is re-filling the list: its current card moves no letter
        self.page_of: Callable[[int], int] | None = None  # offset -> 1-based page, given with the open letter
        self.after_of: Callable[[Suggestion], str | None] | None = None  # the sentence a passage leans on
        self.afresh: Callable[[], list[Suggestion]] | None = None  # every suggestion as the library now reads it
        self.count = QLabel("")
        self.count.setObjectName("panelCount")
        self.order = QLabel("")  # what the list shows, in which order, and how to see the rest
        self.order.setObjectName("panelCount")
        self.order.setWordWrap(True)
        self.here = QLabel("")  # the page read: how many of its suggestions the strongest shown hold
        self.here.setObjectName("panelCount")
        self.here.setWordWrap(True)
        self.here.hide()
        self.keys = QLabel("")
        self.keys.setObjectName("panelCount")
        self.keys.setWordWrap(True)
        self.keys.setAccessibleName("Keys in the suggestions list")
        self.hint = QLabel("")
        self.hint.setObjectName("panelHint")
        self.hint.setWordWrap(True)
        self.severity = QComboBox()
        self.severity.setAccessibleName("Show suggestions of severity")
        self.severity.setToolTip("Show only suggestions of this severity")
        # it may narrow (the names elide) rather than widen the panel: the pane keeps its width
        self.severity.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.severity.setMinimumContentsLength(6)
        self.severity.addItem("All severities", "")
        for sid, sev in SEVERITY.items():
            self.severity.addItem(severity_icon(sid), sev.label, sid)
        self.severity.currentIndexChanged.connect(lambda *_: (self._fill(), self.shownChanged.emit()))
        # a severity chosen, the list takes the keys: Enter accepts its first card (a new user picked one with the
        # mouse and pressed Enter, and nothing happened: the box had the focus)
        self.severity.activated.connect(lambda *_: self._to_list())
        self.list = QListWidget()
        self.list.setAccessibleName("Suggested passages")
        self.list.setToolTip("Enter accepts, E edits before accepting, Delete dismisses, M shows all or the "
                             "strongest, Esc goes back to the letter")
        self.list.setItemDelegate(SuggestionDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.installEventFilter(self)
        self.list.currentItemChanged.connect(lambda *_: self.current.emit(self.current_suggestion()))
        # a click on the card already current: the letter still goes to it (a new user clicked the first card,
        # already selected, and the letter stayed where it was)
        self.list.itemClicked.connect(lambda item: item is self.list.currentItem()
                                      and self.current.emit(self.current_suggestion()))
        self.list.itemDoubleClicked.connect(lambda it: self.editRequested.emit(it.data(SUG_ROLE)))
        self.accept_btn = QPushButton("Accept")
        self.accept_btn.setToolTip("Make the selected suggestions annotations (Enter)")
        self.accept_btn.clicked.connect(lambda: self.acceptRequested.emit(self.selected()))
        self.edit_btn = QToolButton(text="Edit…", toolTip="Change themes, severity or note, then accept (E)")
        self.edit_btn.clicked.connect(lambda: self._edit_current())
        self.dismiss_btn = QToolButton(text="Dismiss", toolTip="Not worth tagging: it will not be suggested again (Delete)")
        self.dismiss_btn.clicked.connect(lambda: self.dismissRequested.emit(self.selected()))
        self.improve_btn = QPushButton("Accept All Inspectors’ Items")  # (named by the letter's list once it is read:
        # while a letter loaded it said "What Needs to Improve", and then the list's own name)
        self.improve_btn.setToolTip(IMPROVE_TIP)
        self.improve_btn.clicked.connect(self.acceptImproveRequested.emit)
        self.more_btn = QToolButton(text="Show All", toolTip="Show every suggestion, in reading order, or only "
                                    f"the {DEFAULT_SHOWN} strongest (M)")
        self.more_btn.setCheckable(True)
        self.more_btn.toggled.connect(self.set_show_all)
        self.restore_btn = QToolButton(text="Restore", toolTip="Restore the dismissed suggestions: suggest the "
                                       "passages you dismissed again")
        self.restore_btn.clicked.connect(self.restoreRequested.emit)
        for button, widest in ((self.restore_btn, "Restore (999)"),
                               (self.improve_btn, f"Accept All “{WHAT_NEEDS_TO_IMPROVE}” (999)")):
            shown = button.text()  # room for a count from the start: one appearing never widens the pane
            button.setText(widest)
            button.setMinimumWidth(button.sizeHint().width())
            button.setText(shown)
        head = QHBoxLayout()
        head.addWidget(self.severity, 1)
        head.addWidget(self.count)
        head.addWidget(self.more_btn)
        row = QHBoxLayout()
        row.addWidget(self.accept_btn)
        row.addWidget(self.edit_btn)
        row.addWidget(self.dismiss_btn)
        row.addStretch(1)
        row.addWidget(self.restore_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(head)
        lay.addWidget(self.order)
        lay.addWidget(self.here)
        lay.addWidget(self.hint)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.keys)
        lay.addLayout(row)
        lay.addWidget(self.improve_btn)
        self.set_suggestions([], "Open a letter to see what Reviewer suggests tagging.")

    # ------------------------------------------------------------ contents
    def set_suggestions(self, suggestions: list[Suggestion], message: str = "", improve: int = 0,
                        dismissed: int = 0, list_name: str | None = None) -> None:
        """``improve``: how many suggestions are the inspectors' own items; ``list_name``: their list's heading
        as the letter prints it ("Recommendations"), None where the letter has more than one."""
        keep = self.current_suggestion()
        self._all = suggestions
        if not suggestions:
            self._kept, self._returned = [], set()  # (another letter, or none left): the next ones are ranked afresh
        self.hint.setText(message)
        self.hint.setVisible(bool(message))
        greyed = [b for b, on in ((self.improve_btn, improve > 0), (self.restore_btn, dismissed > 0))
                  if b.hasFocus() and not on]  # (a button greyed under the keyboard would hand it on to
        # whatever comes next in the window, the page box: the list takes it, and Enter accepts again)
        self.improve_btn.setEnabled(improve > 0)
        self.improve_btn.setToolTip(IMPROVE_TIP if improve else  # a greyed button says why it is grey
                                    "No suggestion here sits under the letter's “What needs to improve” or "
                                    "priority-action headings")
        label = f"Accept All “{list_name}”" if list_name else "Accept All Inspectors’ Items"
        self.improve_btn.setText(f"{label} ({improve})" if improve else label)
        self.listNamed.emit(list_name)
        self.restore_btn.setEnabled(dismissed > 0)
        self.restore_btn.setText(f"Restore ({dismissed})" if dismissed else "Restore")
        self._fill(keep=keep)
        if greyed:
            self.list.setFocus()

    def set_show_all(self, show_all: bool) -> None:
        """Every suggestion (in reading order), or only the strongest (strongest first)."""
        self.show_all = bool(show_all)
        if self.more_btn.isChecked() != self.show_all:
            self.more_btn.setChecked(self.show_all)  # re-enters here once
            return
        self._kept, self._returned = [], set()  # back to the strongest: ranked afresh, with what the library has learnt
        if self.afresh is not None:  # (the cards shown said what they said until now)
            self._all = self.afresh()
        self.refilling = True  # the list changes, the letter stays where the auditor reads
        try:
            self._fill(keep=self.current_suggestion())
            self.shownChanged.emit()
        finally:
            self.refilling = False

    def visible(self) -> list[Suggestion]:
        """The suggestions the list shows now (what the letter outlines)."""
        return [self.list.item(i).data(SUG_ROLE) for i in range(self.list.count())]

    def _pool(self, want: str) -> list[Suggestion]:
        pool = [s for s in self._all if not want or s.severity == want]
        if self.show_all or want:
            return pool  # a severity asked for: all of it, in reading order
        # The cards never move under the auditor: a card shown stays in its place until it is decided on,
        # though a decision re-ranks the rest (the library learns from it); a place it frees goes to the
        # strongest of the new ranking not shown yet, at the end. (Strongest Only ranks afresh.)
        place = {k: i for i, k in enumerate(self._kept)}
        held = sorted((s for s in pool if (s.start, s.end) in place), key=lambda s: place[(s.start, s.end)])
        # (the freed places go to what the whole list would take: the strongest as ``strongest`` weighs them, the
        # cards held counted in its shares of items and strengths)
        ideal = strongest(held + [s for s in pool if (s.start, s.end) not in place], DEFAULT_SHOWN)
        fresh = [s for s in ideal if (s.start, s.end) not in place][:max(0, DEFAULT_SHOWN - len(held))]
        extra = sum(1 for x in held if (x.start, x.end) in self._returned)  # (a card back because its tag was
        # deleted makes the list one longer, not another card go)
        return (held + fresh)[:DEFAULT_SHOWN + extra]  # (a card put back by Ctrl+Z takes its place again)

    def holds(self) -> bool:
        """Whether the list shows the strongest, each in its place (not every one, nor a severity's, in reading
        order)."""
        return not (self.show_all or self.severity.currentData())

    def hold(self, spans: list[tuple[int, int]]) -> None:
        """The cards a letter showed when it was left take their places again (those still undecided)."""
        self._kept, self._returned = [(int(a), int(b)) for a, b in spans], set()

    def hold_also(self, spans: list[tuple[int, int]]) -> None:
        """Suggestions back because their tag was deleted: shown among the strongest, at the list's end, though the
        list is full (a new user deleted an inspectors' item's tag after a restart, and its card, 85% sure, came
        back only under Show All)."""
        known = set(self._kept)
        self._kept += [(int(a), int(b)) for a, b in spans if (int(a), int(b)) not in known]
        self._returned |= {(int(a), int(b)) for a, b in spans}

    def _fill(self, *_: object, keep: Suggestion | None = None) -> None:
        want = self.severity.currentData()
        row = max(0, self.list.currentRow())
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for sug in self._pool(want):
            item = QListWidgetItem()
            item.setData(SUG_ROLE, sug)
            themes = themes_said(self.theme_label(t) for t in sug.themes)
            item.setData(THEMES_ROLE, themes)
            page = self.page_of(sug.start) if self.page_of is not None else 0
            item.setData(PAGE_ROLE, page)
            sev = SEVERITY.get(sug.severity)
            origin = f"marked in the PDF by {sug.author or 'someone'}; " if sug.origin == "pdf" else ""
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{origin}{sev.label if sev else sug.severity}; {themes or 'no theme'}; "
                         + (f"page {page}; " if page else "") + sug.quote)
            after = self.after_of(sug) if self.after_of is not None else None
            item.setData(AFTER_ROLE, after)
            item.setToolTip(card_tip(sug, themes, page, after))  # the whole quote, themes and why the card cuts short
            self.list.addItem(item)
            if keep is not None and (sug.start, sug.end) == (keep.start, keep.end):
                chosen = item
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        elif self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.list.blockSignals(False)
        if not (self.show_all or want):  # (one decided on keeps its place: Ctrl+Z puts it back there)
            known = set(self._kept)
            self._kept += [(sug.start, sug.end) for sug in self.visible() if (sug.start, sug.end) not in known]
        self.heldChanged.emit()
        self.count.setText(f"{self.list.count()} of {len(self._all)}" if self.list.count() < len(self._all)
                           else str(len(self._all)))
        shown = {(x.start, x.end) for x in self.visible()}
        items_left = sum(1 for x in self._all if x.listed and (x.start, x.end) not in shown)
        self.order.setText(order_text(self.list.count(), len(self._all), self.show_all, want or "", items_left))
        if self.show_all or want:
            self.here.hide()  # (every suggestion of the list's kind is listed: nothing to say of the page)
        elif self._read_at is not None:
            self._say_page(self._read_at)  # (back to the strongest: said again at once, not at the next scroll)
        self.order.setVisible(bool(self._all))
        self.keys.setText(" · ".join(unit.replace(" ", NO_BREAK) for unit in
                                     KEYS.format(more="strongest only" if self.show_all else "show all").split(" · ")))
        self.keys.setVisible(bool(self._all))
        hidden = len(self._all) - len(self._pool(""))
        self.more_btn.setText("Strongest Only" if self.show_all else
                              (f"Show All ({hidden} more)" if hidden else "Show All"))
        self.more_btn.setEnabled(self.show_all or hidden > 0)
        for b in (self.accept_btn, self.edit_btn, self.dismiss_btn):
            b.setEnabled(self.list.count() > 0)
        self.current.emit(self.current_suggestion())

    def follow(self, offset: int) -> None:
        """Where the list is in reading order (Show All, or one severity) and the auditor is reading the
        letter, not the list: scroll to the first suggestion from ``offset`` on (the page in view). Where it
        shows the strongest, say how many of the page's suggestions are among them."""
        self._read_at = offset
        self._say_page(offset)
        if self.list.hasFocus() or not (self.show_all or self.severity.currentData()):
            return
        row = self.first_from(offset)
        if row is None and self.list.count():
            row = self.list.count() - 1  # (the reader is past the last: the list's end)
        if row is not None:
            self.list.scrollToItem(self.list.item(row), QAbstractItemView.ScrollHint.PositionAtTop)

    def _say_page(self, offset: int) -> None:
        """Two new users read a page whose weaknesses had no dashes (only the 30 strongest are outlined) and
        nothing said the page had more (stop 47): under the strongest, the page's count, and the key for the rest."""
        said = ""
        if self.page_of is not None and len(self._all) > self.list.count() and \
                not (self.show_all or self.severity.currentData()):
            page_of = self.page_of
            page = page_of(offset)
            key = (id(self._all), len(self._all))
            if self._per_page[0] != key:  # (counted once per list, not at every scroll)
                self._per_page = (key, Counter(page_of(s.start) for s in self._all))
            here = self._per_page[1][page]
            among = sum(1 for s in self.visible() if page_of(s.start) == page)
            said = page_text(page, here, among)
        # said on every page, in the room of two lines: the cards stay where they are as the letter scrolls (the
        # line came and went from page to page, and the list jumped two lines up and down under the mouse)
        self.here.setMinimumHeight(2 * self.here.fontMetrics().lineSpacing())
        self.here.setText(said)
        self.here.setVisible(bool(said))

    def first_from(self, offset: int) -> int | None:
        """The row of the first card, in the list's order, whose passage runs past ``offset``."""
        return next((i for i in range(self.list.count()) if self.list.item(i).data(SUG_ROLE).end > offset), None)

    def suggestions(self) -> list[Suggestion]:
        return list(self._all)

    def current_suggestion(self) -> Suggestion | None:
        item = self.list.currentItem()
        return item.data(SUG_ROLE) if item is not None else None

    def selected(self) -> list[Suggestion]:
        chosen = [it.data(SUG_ROLE) for it in self.list.selectedItems()]
        cur = self.current_suggestion()
        return chosen or ([cur] if cur else [])

    def select(self, sug_id: str) -> None:
        for i in range(self.list.count()):
            sug = self.list.item(i).data(SUG_ROLE)
            if f"{sug.start}:{sug.end}" == sug_id:
                self.list.setCurrentRow(i)
                self.list.scrollToItem(self.list.item(i))
                return

    def step(self, delta: int, after: int | None = None) -> None:
        """Move to the next (or previous) suggestion; ``after``: start from the first at or after
        this offset (where the reader is) rather than from the current card."""
        n = self.list.count()
        if not n:
            return
        if after is not None:
            # the list may be strongest first: go by reading order
            order = sorted(range(n), key=lambda i: self.list.item(i).data(SUG_ROLE).start)
            starts = [self.list.item(i).data(SUG_ROLE).start for i in order]
            k = next((j for j, s in enumerate(starts) if s >= after), n - 1 if delta > 0 else 0)
            if delta < 0:
                k = max(0, k - 1)
            row = order[k]
        else:
            row = (self.list.currentRow() + delta) % n
        self.list.setFocus()  # first: the letter follows the card the keyboard is on
        if row == self.list.currentRow():
            self.current.emit(self.current_suggestion())  # (already current: the letter still goes to it)
        else:
            self.list.setCurrentRow(row)
        self.list.scrollToItem(self.list.item(row))

    def _to_list(self) -> None:
        """The keys to the list, on its first card where none is chosen (the letter goes to it)."""
        if self.list.count():
            self.list.setFocus()
            if self.list.currentRow() < 0:
                self.list.setCurrentRow(0)

    def _edit_current(self) -> None:
        cur = self.current_suggestion()
        if cur is not None:
            self.editRequested.emit(cur)

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802
        """Enter/A accepts, Delete/Backspace/D dismisses, E/F2 edits, M shows all or the strongest, Esc gives
        the keyboard back to the letter: single keys, while the list has
        the keyboard (taken before the window's own shortcuts, so Delete never deletes an annotation here).
        The keyboard coming to the list by a key (Ctrl+4, Tab) brings the card it acts on into view: a new user
        scrolled the list to its end with the wheel, pressed Ctrl+4 and Enter, and accepted a card they could not
        see (a click chooses the card it lands on, already in view)."""
        if obj is self.list and isinstance(e, QFocusEvent) and e.type() == QEvent.Type.FocusIn and \
                e.reason() != Qt.FocusReason.MouseFocusReason and self.list.currentItem() is not None:
            self.list.scrollToItem(self.list.currentItem())
        if obj is not self.list or not isinstance(e, QKeyEvent) or e.type() not in (
                QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(obj, e)
        if e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = e.key()
        action = {Qt.Key.Key_Return: "accept", Qt.Key.Key_Enter: "accept", Qt.Key.Key_A: "accept",
                  Qt.Key.Key_Delete: "dismiss", Qt.Key.Key_Backspace: "dismiss", Qt.Key.Key_D: "dismiss",
                  Qt.Key.Key_E: "edit", Qt.Key.Key_F2: "edit", Qt.Key.Key_M: "more",
                  Qt.Key.Key_Escape: "letter"}.get(Qt.Key(key))
        if action is None:
            return False
        if e.type() == QEvent.Type.ShortcutOverride:
            e.accept()  # the key comes to the list as a key press
            return True
        if action == "accept":
            self.acceptRequested.emit(self.selected())
        elif action == "dismiss":
            self.dismissRequested.emit(self.selected())
        elif action == "more":
            self.set_show_all(not self.show_all)
        elif action == "letter":
            self.letterWanted.emit(self.current_suggestion())
        else:
            self._edit_current()
        return True
