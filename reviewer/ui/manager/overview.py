"""The manager's overview: heatmaps of theme, authority and month against severity, the passages
behind any cell, moderation figures where two auditors tagged the same letter, and the library's
action plan (``plan_view``)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QTextBrowser,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.library import Change, Library
from reviewer.core.team.baseline import Baseline
from reviewer.core.team.moderation import kappa_number, kappa_strength, moderate
from reviewer.core.team.overview import ROW_KINDS, CrossTab, crosstab
from reviewer.core.team.trend import trends
from reviewer.core.text.shorten import shorten
from reviewer.core.text.textsearch import collapse_ws
from reviewer.ui.kit.contrast import blend, legible_fill
from reviewer.export.trend import trends_html
from reviewer.ui.kit.look import SEVERITY, severity_colour, severity_icon
from reviewer.ui.manager.plan_view import PlanView
from reviewer.core.text.words import counted

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def cell_colours(sid: str, alpha: int, ground: str) -> tuple[str, str]:
    """A heatmap cell's colour and its number's: the severity's colour laid at ``alpha`` over the table's
    ``ground`` (light or dark), with white or dark text, the cell shaded a little where neither reads at 4.5:1."""
    return legible_fill(blend(severity_colour(sid).name(), ground, alpha / 255))


def _kappa(k: float | None) -> str:
    return "—" if k is None else kappa_number(k)


class Heatmap(QWidget):
    """One cross-table as a heatmap; a click lists the passages behind the cell."""

    openAnnotation = Signal(str)

    def __init__(self, lib: Library, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.kind = lib, kind
        self.tab: CrossTab | None = None
        self.table = QTableWidget()
        self.table.setAccessibleName(f"{ROW_KINDS[kind]} by severity")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # no selection colour: the chosen cell keeps its heat colour and shows the focus frame
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(110)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().setHighlightSections(False)
        self.table.currentCellChanged.connect(lambda r, c, *_: self._show_cell(r, c))
        self.passages = QListWidget()
        self.passages.setAccessibleName("Passages in the chosen cell")
        self.passages.setWordWrap(True)
        self.passages.setSpacing(2)
        self.passages.itemActivated.connect(lambda it: self.openAnnotation.emit(it.data(ID_ROLE)))
        self.passages.itemDoubleClicked.connect(lambda it: self.openAnnotation.emit(it.data(ID_ROLE)))
        self.caption = QLabel("Click a cell to list the passages behind it; double-click a passage to open it.")
        self.caption.setObjectName("overviewCaption")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        box = QWidget()
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 4, 0, 0)
        bl.addWidget(self.caption)
        bl.addWidget(self.passages, 1)
        split.addWidget(box)
        split.setSizes([380, 220])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(split)

    def refresh(self, letter_ids: list[str]) -> None:
        tab = crosstab(self.lib, letter_ids, self.kind)
        self.tab = tab
        t = self.table
        t.clear()
        t.setRowCount(len(tab.rows))
        t.setColumnCount(len(tab.columns) + 1)
        for c, (label, sid) in enumerate(zip(tab.columns, tab.column_ids)):
            head = QTableWidgetItem(severity_icon(sid), label.replace(" for ", " for\n"))
            head.setToolTip(label)
            t.setHorizontalHeaderItem(c, head)
        t.setHorizontalHeaderItem(len(tab.columns), QTableWidgetItem("Total"))
        peak = max(tab.max_count, 1)
        ground = t.palette().color(t.palette().ColorRole.Base).name()
        bold = QFont()
        bold.setBold(True)
        for r, row in enumerate(tab.rows):
            t.setVerticalHeaderItem(r, QTableWidgetItem(row))
            for c, sid in enumerate(tab.column_ids):
                n = tab.count(r, c)
                item = QTableWidgetItem(str(n) if n else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if n:
                    alpha = 40 + int(200 * n / peak)
                    fill, text = cell_colours(sid, alpha, ground)
                    item.setBackground(QColor(fill))
                    item.setForeground(QColor(text))
                    item.setToolTip(f"{row} — {SEVERITY[sid].label}: {counted(n, 'annotation')}")
                t.setItem(r, c, item)
            total = QTableWidgetItem(str(tab.row_total(r)))
            total.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            total.setFont(bold)
            t.setItem(r, len(tab.columns), total)
        self.passages.clear()

    def _show_cell(self, r: int, c: int) -> None:
        self.passages.clear()
        tab = self.tab
        if tab is None or r < 0 or c < 0:
            return
        if c >= len(tab.columns):
            ids = [i for cc in range(len(tab.columns)) for i in tab.cells.get((r, cc), [])]
            what = f"{tab.rows[r]} — all severities"
        else:
            ids = tab.cells.get((r, c), [])
            what = f"{tab.rows[r]} — {tab.columns[c]}"
        self.caption.setText(f"{what}: {counted(len(ids), 'passage')}. Double-click one to open it in its letter.")
        for aid in dict.fromkeys(ids):
            a = self.lib.annotations.get(aid)
            if a is None:
                continue
            letter = self.lib.letters[a.letter_id]
            review = f" · {a.review.label}" if a.review else ""
            text = (f"“{shorten(collapse_ws(a.quote), 220)}”\n{self.lib.display_title(letter.id)} · p. {a.page}"
                    f" · {a.author or 'unknown auditor'}{review}")
            item = QListWidgetItem(severity_icon(a.severity), text)
            item.setData(ID_ROLE, aid)
            item.setSizeHint(QSize(0, 46))
            self.passages.addItem(item)


class ModerationView(QWidget):
    openAnnotation = Signal(str)
    openPassage = Signal(str, int, int)  # letter id, start, end

    def __init__(self, lib: Library, text_of: Callable[[str], str | None], parent: QWidget | None = None,
                 page_starts_of: Callable[[str], Sequence[int]] | None = None) -> None:
        super().__init__(parent)
        self.lib, self.text_of, self.page_starts_of = lib, text_of, page_starts_of
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Moderation: agreement between auditors")
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels(["Letter / theme", "Both", "Only first", "Only second", "Kappa", "Agreement"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, 6):
            self.tree.header().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.note)
        lay.addWidget(self.tree, 1)

    def refresh(self, letter_ids: list[str]) -> None:
        opened = {self._key(self.tree.topLevelItem(i).child(j)) for i in range(self.tree.topLevelItemCount())
                  for j in range(self.tree.topLevelItem(i).childCount())
                  if self.tree.topLevelItem(i).child(j).isExpanded()}
        self.tree.clear()
        results = moderate(self.lib, letter_ids, self.text_of, self.page_starts_of)
        if not results:
            self.note.setText("No letter has been tagged by two auditors yet. Open the packs of two auditors "
                              "who audited the same letters to see where they agree.")
            return
        self.note.setText("Cohen's kappa per theme, with each sentence or bullet as the unit: a sentence carries "
                          "a theme for an auditor when one of their annotations with that theme overlaps it. "
                          "Agreement is over the sentences either auditor tagged. Settle a difference by "
                          "reviewing the two readings (Agree with one, Challenge the other): double-click it "
                          "to go to the passage.")
        for r in results:
            top = QTreeWidgetItem([f"{r.letter} — first: {r.auditor_a}, second: {r.auditor_b}"])
            f = top.font(0)
            f.setBold(True)
            top.setFont(0, f)
            top.setToolTip(0, f"{counted(r.sentences, 'sentence')} and bullets compared; "
                              f"{counted(r.tagged, 'sentence')} tagged by either")
            sev = QTreeWidgetItem(["Severity (all levels)", "", "", "",
                                   f"{_kappa(r.severity_kappa)} {kappa_strength(r.severity_kappa)}",
                                   f"{r.severity_agreement:.0%}"])
            sev.setFont(0, f)
            sev.setToolTip(0, "Kappa over five categories per sentence: not tagged, or the highest severity tagged")
            sev.setToolTip(5, f"Of the {counted(r.tagged, 'sentence')} either auditor tagged, the share both "
                              "gave the same severity")
            top.addChild(sev)
            for t in r.themes:
                either = t.both + t.only_a + t.only_b
                agree = t.both / either if either else 0.0
                child = QTreeWidgetItem([t.label, str(t.both), str(t.only_a), str(t.only_b),
                                         f"{_kappa(t.kappa)} {kappa_strength(t.kappa)}", f"{agree:.0%}"])
                child.setToolTip(4, f"{kappa_strength(t.kappa)} agreement")
                child.setToolTip(5, f"Of the {counted(either, 'sentence')} either gave this theme, the share both did")
                top.addChild(child)
            if r.disagreements:
                dis = QTreeWidgetItem([f"Where they differ ({counted(len(r.disagreements), 'sentence')}, "
                                       f"{r.reviewed} reviewed{': ' + r.kinds_said if r.kinds_said else ''})"])
                dis.setData(0, ID_ROLE + 1, f"{r.letter_id}|{r.auditor_a}|{r.auditor_b}")
                for d in r.disagreements:
                    page = f"p.{d.page}  " if d.page else ""
                    item = QTreeWidgetItem([f"{'✓ ' if d.review else ''}{page}“{shorten(collapse_ws(d.text), 160)}”"])
                    item.setData(0, ID_ROLE, (r.letter_id, d.start, d.end))
                    said = [f"{r.auditor_a}: {d.a}", f"{r.auditor_b}: {d.b}",
                            f"Review: {d.review}" if d.review else "Not yet reviewed"]
                    item.setToolTip(0, collapse_ws(d.text) + "\n\n" + "\n".join(said))
                    for line, ids in zip(said, (d.a_ids, d.b_ids, ())):  # each reading on a line of its own
                        sub = QTreeWidgetItem(["    " + line])
                        sub.setData(0, ID_ROLE, (r.letter_id, d.start, d.end))
                        if ids:  # a reading: double-click selects its annotation, so F6 / F7 review that one (the
                            # letter went to the passage while the card selected before took the review)
                            sub.setData(0, ID_ROLE + 2, ids[0])
                            sub.setToolTip(0, "Double-click to select this reading's annotation: F6 agrees, F7 "
                                              "challenges it")
                        item.addChild(sub)
                    dis.addChild(item)
                top.addChild(dis)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
            for j in range(top.childCount()):
                child = top.child(j)
                if child.childCount():  # the differences: each spans the row, each sentence open on its readings
                    child.setFirstColumnSpanned(True)
                    child.setExpanded(self._key(child) in opened)
                    for k in range(child.childCount()):
                        child.child(k).setFirstColumnSpanned(True)
                        child.child(k).setExpanded(True)
                        for m in range(child.child(k).childCount()):
                            child.child(k).child(m).setFirstColumnSpanned(True)

    @staticmethod
    def _key(item: QTreeWidgetItem) -> str:
        return str(item.data(0, ID_ROLE + 1) or "")

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        reading = item.data(0, ID_ROLE + 2)
        if reading and reading in self.lib.annotations:
            self.openAnnotation.emit(reading)
            return
        where = item.data(0, ID_ROLE)
        if where:
            self.openPassage.emit(*where)


class OverviewWindow(QWidget):
    """A separate window, kept up to date as packs are opened and reviews change."""

    openAnnotation = Signal(str)
    openPassage = Signal(str, int, int)

    def __init__(self, lib: Library, text_of: Callable[[str], str | None],
                 scope: Callable[[], list[str]], parent: QWidget | None = None,
                 baseline: Callable[[], Baseline] | None = None,
                 page_starts_of: Callable[[str], Sequence[int]] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Overview — Reviewer")
        self.setObjectName("overviewWindow")
        self.lib, self.scope = lib, scope
        self.resize(980, 720)
        self.tabs = QTabWidget()
        self.maps = {k: Heatmap(lib, k) for k in ROW_KINDS}
        titles = {"theme": "Themes × severity", "authority": "By authority", "month": "By date"}
        for k, m in self.maps.items():
            self.tabs.addTab(m, titles[k])
            m.openAnnotation.connect(self.openAnnotation)
        self.moderation = ModerationView(lib, text_of, page_starts_of=page_starts_of)
        self.moderation.openPassage.connect(self.openPassage)
        self.moderation.openAnnotation.connect(self.openAnnotation)
        self.tabs.addTab(self.moderation, "Moderation")
        self.national = None
        if baseline is not None:
            from reviewer.ui.manager.national import NationalView

            self.national = NationalView(lib, baseline, getattr(parent, "settings", None))
            self.tabs.addTab(self.national, "National picture")
        self.trend = QTextBrowser()
        self.trend.setObjectName("overviewTrend")
        self.trend.setAccessibleName("Trend since the last audit")
        self.trend.setToolTip("For each authority audited before: what is new, what persists and what is resolved")
        self.tabs.addTab(self.trend, "Trend")
        self.plan = PlanView(lib, text_of, page_starts_of=page_starts_of)
        self.plan.openAnnotation.connect(self.openAnnotation)
        self.tabs.addTab(self.plan, "Action plan")
        self.summary = QLabel("")
        self.summary.setObjectName("overviewSummary")
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs, 1)
        self._placed = False
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)
        lib.subscribe(self._changed)
        # a window of its own: Esc or Ctrl+W closes it and the keyboard is back in the main window (before,
        # only the window manager's close button did, and Ctrl+Q here did nothing)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Close)):
            QShortcut(keys, self, self.close)

    def _changed(self, change: Change) -> None:
        if self.isVisible():
            self._timer.start()

    def place(self) -> None:
        """Open over the main window, wholly on its screen (it opened at the screen's edge)."""
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        size = self.size().boundedTo(screen.size() * 0.9)  # room for the frame the window manager adds
        self.resize(size)
        frame = self.frameGeometry()
        frame.moveCenter(parent.frameGeometry().center() if parent is not None else screen.center())
        frame.moveLeft(max(screen.left(), min(frame.left(), screen.right() - frame.width() + 1)))
        frame.moveTop(max(screen.top(), min(frame.top(), screen.bottom() - frame.height() + 1)))
        self.move(frame.topLeft())

    def showEvent(self, e) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.refresh()
        super().showEvent(e)
        if not self._placed:  # once its frame is known, on screen with all of it
            self._placed = True
            QTimer.singleShot(0, self.place)

    def refresh(self) -> None:
        ids = self.scope()
        anns = [a for i in ids for a in self.lib.annotations_for(i)]
        authors = sorted({a.author for a in anns if a.author})
        reviewed = sum(1 for a in anns if a.review)
        self.summary.setText(f"<b>{len(ids)}</b> letter{'' if len(ids) == 1 else 's'} · <b>{len(anns)}</b> "
                             f"annotation{'' if len(anns) == 1 else 's'} · auditors: "
                             f"{', '.join(authors) or '—'} · reviewed {reviewed} of {len(anns)}")
        for m in self.maps.values():
            m.refresh(ids)
        self.moderation.refresh(ids)
        found = trends(self.lib, ids)
        self.trend.setHtml("".join(trends_html(found, lambda x: html.escape(str(x)))) if found else
                           "<p>No authority of these letters has an earlier audit in the library: open the "
                           "earlier letter or pack of an authority, and its trend shows here.</p>")
        if self.national is not None:
            self.national.refresh(ids)
        self.plan.refresh()

    def show_plan(self) -> None:
        self.tabs.setCurrentWidget(self.plan)
