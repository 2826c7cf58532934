"""The action-plan panel beside the annotations: the selected finding's actions as cards (RAG chip
with its word, due date, overdue marked, owner, dated progress notes), and the buttons that add,
update and delete them. Every change goes through the workspace as one undoable step; the panel
refreshes from the library's change events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.actions import STATUS_LABELS, Action, Progress
from reviewer.core.annotations.library import Change
from reviewer.core.annotations.model import Annotation
from reviewer.core.team.summary import items_answered
from reviewer.core.text.shorten import shorten
from reviewer.core.text.textsearch import collapse_ws
from reviewer.ui.annotate.action_dialog import ActionDialog
from reviewer.ui.kit.look import OVERDUE_COLOUR, SEVERITY, draw_card, draw_chip, draw_wrapped, readable_on, wrapped_height
from reviewer.workspace import USER_ERRORS, Workspace
from reviewer.core.text.words import counted, short_date

PAD = 8
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2  # the finding an action answers, when the list shows a letter's
ACTIONABLE = ("improvement", "priority")  # the severities an action answers


def due_text(a: Action, today: date) -> str:
    """"Due 31 Mar 2026", and how late it is when overdue."""
    d = date.fromisoformat(a.due)
    text = f"Due {short_date(a.due)}"
    if a.overdue(today):
        days = (today - d).days
        text += f"  ·  ⚠ Overdue by {days} day{'s' if days != 1 else ''}"
    return text


def progress_text(p: Progress) -> str:
    """"12 Jan 2026 (Meg Manager): what was done"."""
    by = f" ({p.by})" if p.by else ""
    return f"{short_date(p.date) or p.date}{by}: {collapse_ws(p.text)}"


class ActionCardDelegate(QStyledItemDelegate):
    """Draws an action as a card: the status chip and due date, the action, its owner, its progress notes."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today

    @staticmethod
    def _width(rect: QRect) -> int:
        return max(120, rect.width() - 6 - PAD * 2)

    @staticmethod
    def _small(font: QFont) -> QFont:
        f = QFont(font)
        f.setPointSizeF(font.pointSizeF() * 0.9)
        return f

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        a: Action = index.data(ACTION_ROLE)
        fm = QFontMetrics(option.font)
        sm = QFontMetrics(self._small(option.font))
        w = self._width(option.rect)
        h = PAD * 2 + fm.lineSpacing() + 6 + wrapped_height(fm, w, collapse_ws(a.text), 4) + 2 + sm.lineSpacing()
        if index.data(FINDING_ROLE):
            h += sm.lineSpacing()
        for p in a.progress:
            h += 3 + wrapped_height(sm, w, progress_text(p), 3)
        return QSize(w, h + 4)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        a: Action = index.data(ACTION_ROLE)
        today = self.today()
        p.save()
        r, selected, ground = draw_card(p, option)
        pal = option.palette
        fm = QFontMetrics(option.font)
        small = self._small(option.font)
        sm = QFontMetrics(small)
        bold = QFont(small)
        bold.setBold(True)
        x, y, w = r.left() + PAD, r.top() + PAD - 2, self._width(option.rect)
        chip_w = draw_chip(p, x, y + 1, fm.lineSpacing() - 2, STATUS_LABELS.get(a.status, a.status), a.status, bold)
        late = a.overdue(today)
        due_font = bold if late else small
        p.setFont(due_font)
        p.setPen(readable_on(OVERDUE_COLOUR, ground) if late else pal.color(QPalette.ColorRole.Text))
        p.drawText(QRect(x + chip_w + 8, y, w - chip_w - 8, fm.lineSpacing()),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,  # (cut as the bold overdue line is
                   # drawn: measured in the plain font, "⚠ Overdue by 59 days" ran past the card's edge)
                   QFontMetrics(due_font).elidedText(due_text(a, today), Qt.TextElideMode.ElideRight, w - chip_w - 8))
        y += fm.lineSpacing() + 6
        p.setFont(option.font)
        p.setPen(pal.color(QPalette.ColorRole.Text))
        y += draw_wrapped(p, fm, x, y, w, collapse_ws(a.text), 4) + 2
        p.setFont(small)
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        p.drawText(QRect(x, y, w, sm.lineSpacing()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   sm.elidedText(f"Owner: {a.owner or 'not named'}", Qt.TextElideMode.ElideRight, w))
        y += sm.lineSpacing()
        finding = index.data(FINDING_ROLE)
        if finding:
            p.drawText(QRect(x, y, w, sm.lineSpacing()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       sm.elidedText(finding, Qt.TextElideMode.ElideRight, w))
            y += sm.lineSpacing()
        p.setPen(pal.color(QPalette.ColorRole.Text))
        for note in a.progress:
            y += 3
            y += draw_wrapped(p, sm, x + 8, y, w - 8, progress_text(note), 3)
        if late:  # a red edge down the card's left side: overdue at a glance, beside the words
            p.fillRect(QRect(r.left() + 1, r.top() + 4, 3, r.height() - 8), QColor(OVERDUE_COLOUR))
        p.restore()


class PlanPanel(QWidget):
    """The actions answering the finding selected in the annotation panel."""

    openPlan = Signal()  # the whole library's plan, by due date

    def __init__(self, ws: Workspace, status: Callable[[str, int], None] | None = None,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.status = status or (lambda _text, _ms: None)
        self.today = today
        self.annotation_id: str | None = None
        self.letter_id: str | None = None  # the letter open: its actions show while no finding is selected
        self._items: dict[tuple[str, int, int, tuple[str, ...]], str] = {}  # (annotation, start, end, themes) -> item
        self._select_next: str | None = None  # an action just added: selected when the list next refreshes
        self.setObjectName("planPanel")

        title = QLabel("Action plan")
        title.setObjectName("panelTitle")
        self.count = QLabel("")
        self.count.setObjectName("panelCount")
        self.finding = QLabel("")
        self.finding.setObjectName("planFinding")
        self.finding.setWordWrap(True)
        self.finding.setTextFormat(Qt.TextFormat.PlainText)
        self.item = QLabel("")
        self.item.setObjectName("hint")
        self.item.setWordWrap(True)
        self.item.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setAccessibleName("Actions answering the selected finding")
        self.list.setToolTip("Double-click, Enter or F2 updates the action; Delete deletes it (Ctrl+Z undoes)")
        self.list.setItemDelegate(ActionCardDelegate(lambda: self.today(), self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setSpacing(1)
        self.list.itemDoubleClicked.connect(lambda _item: self.update_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.installEventFilter(self)

        self.add_btn = QToolButton(text="Add Action…", toolTip="Add an action answering the selected finding")
        self.update_btn = QToolButton(text="Update…", toolTip="Change what, who, the due date or the status, or note progress (F2)")
        self.delete_btn = QToolButton(text="Delete", toolTip="Delete the selected action (Ctrl+Z undoes it)")
        self.plan_btn = QToolButton(text="Whole Plan…",
                                    toolTip="Every action in the library by due date (Review ▸ Action Plan)")
        self.add_btn.clicked.connect(self.add)
        self.update_btn.clicked.connect(self.update_selected)
        self.delete_btn.clicked.connect(self.delete_selected)
        self.plan_btn.clicked.connect(self.openPlan)

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count)
        head.addWidget(self.plan_btn)  # (beside the title: the pane's buttons fit a laptop's narrow pane)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_btn)
        buttons.addWidget(self.update_btn)
        buttons.addWidget(self.delete_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addLayout(head)
        lay.addWidget(self.finding)
        lay.addWidget(self.item)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)

        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        ws.library.subscribe(self._changed)
        self.destroyed.connect(lambda *_: ws.library.unsubscribe(self._changed))
        self.refresh()

    # ------------------------------------------------------------ what is shown
    def _changed(self, change: Change) -> None:
        if change.kind in ("annotation", "theme") or (change.kind == "setting" and change.id.startswith("action")):
            self._timer.start()

    def show_findings(self, ann_ids: list[str], letter_id: str | None = None) -> None:
        """Follow the annotation panel's selection (the first finding selected) and the letter open."""
        first = ann_ids[0] if ann_ids else None
        if first != self.annotation_id or letter_id != self.letter_id:
            self.annotation_id, self.letter_id = first, letter_id
            self.refresh()

    def annotation(self) -> Annotation | None:
        return self.ws.library.annotations.get(self.annotation_id or "")

    def actions(self) -> list[Action]:
        """The selected finding's actions; with none selected, every action of the letter open."""
        a = self.annotation()
        if a is None:
            return self.ws.actions_for([self.letter_id]) if self.letter_id in self.ws.library.letters else []
        return [x for x in self.ws.actions_for([a.letter_id]) if x.annotation_id == a.id]

    def answered_item(self, a: Annotation) -> str:
        """The inspectors' item the finding answers (the summary's cross-reference), worked out once for its place
        and themes (a finding re-themed answers the items on its new themes)."""
        k = (a.id, a.start, a.end, tuple(a.themes))
        if k not in self._items:
            self._items[k] = items_answered(self.ws.library, [a.letter_id], self.ws.saved_text_of, {a.id},
                                          self.ws.saved_page_starts).get(a.id, "")
        return self._items[k]

    def refresh(self) -> None:
        a = self.annotation()
        kept = self._select_next or self.selected_id()
        self._select_next = None
        self.list.clear()
        if a is None:
            self.annotation_id = None
            self.finding.setText("This letter's actions. Select a finding in Annotations (an area for improvement "
                                 "or a priority action) to see only its actions and to add one."
                                 if self.letter_id in self.ws.library.letters else
                                 "Open a letter and select a finding in Annotations to see its actions.")
            self.item.setText("")
            self.item.hide()
        else:
            sev = SEVERITY.get(a.severity)
            self.finding.setText(f"{sev.label if sev else a.severity}, p. {a.page}: “{shorten(collapse_ws(a.quote), 180)}”")
            item = self.answered_item(a)
            labels = [self.ws.library.theme_label(t) for t in a.themes]
            on = (f" on its theme, {labels[0]}." if len(labels) == 1 else
                  f" on its themes, {', '.join(labels[:-1])} or {labels[-1]}." if labels else ".")
            # (a finding answers an item it is on, or one on any of its themes: a new user saw one care leavers'
            # finding linked and another not, and could not see why; the themes are named)
            self.item.setText(f"Answers the inspectors' item: “{shorten(item, 200)}”" if item else
                              "Answers none of the inspectors' “What needs to improve” items" + on)
            self.item.show()
        acts = self.actions()
        today = self.today()
        for act in acts:
            it = QListWidgetItem()
            it.setData(ACTION_ROLE, act)
            it.setData(Qt.ItemDataRole.DisplayRole, collapse_ws(act.text))
            finding = self.ws.library.annotations.get(act.annotation_id)
            if a is None and finding is not None:
                it.setData(FINDING_ROLE, f"Answers p. {finding.page}: “{shorten(collapse_ws(finding.quote), 90)}”")
            late = " Overdue." if act.overdue(today) else ""
            it.setData(Qt.ItemDataRole.AccessibleTextRole,
                       f"{STATUS_LABELS.get(act.status, act.status)}. {due_text(act, today)}.{late} "
                       f"{collapse_ws(act.text)}. Owner: {act.owner or 'not named'}. "
                       f"{counted(len(act.progress), 'progress note')}.")
            self.list.addItem(it)
            if act.id == kept:
                it.setSelected(True)
                self.list.setCurrentItem(it)
        overdue = sum(x.overdue(today) for x in acts)
        self.count.setText((counted(len(acts), "action") + (f" · {overdue} overdue" if overdue else ""))
                           if acts or a else "")
        self._update_buttons()

    def selected_id(self) -> str | None:
        items = self.list.selectedItems() if hasattr(self, "list") else []
        return items[0].data(ACTION_ROLE).id if items else None

    def _update_buttons(self) -> None:
        a = self.annotation()
        can_add = a is not None and a.severity in ACTIONABLE
        self.add_btn.setEnabled(can_add)
        self.add_btn.setToolTip("Add an action answering the selected finding" if can_add or a is None else
                                "Actions answer areas for improvement and priority actions")
        has = self.selected_id() is not None
        self.update_btn.setEnabled(has)
        self.delete_btn.setEnabled(has)

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802
        """F2/Enter updates, Delete/Backspace deletes the selected action while the list has the keyboard:
        taken before the window's own shortcuts, so Delete here never deletes the finding."""
        if obj is self.list and e.type() == QEvent.Type.FocusIn and not self.list.selectedItems() \
                and self.list.count():
            # the keyboard arrives at the list: select the card it is on, so Enter, F2 and Delete have one to
            # act on (with none selected, the view's own current card is the first, and Down from the only
            # card moves nowhere: a single action could not be reached by keys)
            self.list.setCurrentRow(max(0, self.list.currentRow()))
            return super().eventFilter(obj, e)
        if obj is not self.list or not isinstance(e, QKeyEvent) or e.type() not in (
                QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(obj, e)
        if e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        what = {Qt.Key.Key_F2: self.update_selected, Qt.Key.Key_Return: self.update_selected,
                Qt.Key.Key_Enter: self.update_selected, Qt.Key.Key_Delete: self.delete_selected,
                Qt.Key.Key_Backspace: self.delete_selected}.get(Qt.Key(e.key()))
        if what is None or self.selected_id() is None:
            return False
        if e.type() == QEvent.Type.ShortcutOverride:
            e.accept()  # the key comes to the list as a key press
            return True
        what()
        return True

    # ------------------------------------------------------------ changes, all through the workspace
    def _try(self, fn: Callable[[], object]) -> bool:
        try:
            fn()
        except USER_ERRORS as exc:
            QMessageBox.warning(self, "Action plan", str(exc))
            return False
        return True

    def add(self) -> None:
        a = self.annotation()
        if a is None or a.severity not in ACTIONABLE:
            return
        dlg = ActionDialog(a.quote, None, self)
        if dlg.exec() != ActionDialog.DialogCode.Accepted:
            return
        v = dlg.values()
        added: list[Action] = []
        if self._try(lambda: added.append(self.ws.add_action(a.id, v["text"], v["owner"], v["due"], v["status"],
                                                             initiator=self))):
            self._select_next = added[0].id  # the new card selected, the keyboard on the list: F2 updates it
            self.refresh()
            self.list.setFocus()
            self.status("Added action. Ctrl+Z undoes it.", 5000)

    def update_selected(self) -> None:
        aid = self.selected_id()
        if aid is None:
            return
        act = self.ws.action(aid)
        a = self.ws.library.annotations.get(act.annotation_id)
        dlg = ActionDialog(a.quote if a else "", act, self)
        if dlg.exec() != ActionDialog.DialogCode.Accepted:
            return
        v = dlg.values()
        if v and self._try(lambda: self.ws.update_action(aid, initiator=self, **v)):
            self.status("Updated action. Ctrl+Z undoes it.", 5000)

    def delete_selected(self) -> None:
        aid = self.selected_id()
        if aid is None:
            return
        if self._try(lambda: self.ws.delete_action(aid, initiator=self)):
            self.status("Deleted action. Ctrl+Z brings it back.", 5000)
