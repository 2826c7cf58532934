"""The outline: the open letter's parts (headings, judgements with their grades, numbered
paragraphs) to jump through, with how many annotations and suggestions each holds."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.core.reading.judgements import short_label
from reviewer.core.reading.outline import Part, Structure
from reviewer.ui.kit.look import readable_on
from reviewer.core.text.words import counted

KIND_LABELS = {"address": "Address", "salutation": "Greeting", "title": "Title", "headline": "Findings",
               "improve": "To improve", "priority": "Priority action", "judgements": "Judgements",
               "judgement": "Judgement", "heading": "", "paragraph": "", "signoff": "Sign-off"}
GRADE_COLOURS = {"outstanding": "#1b5e20", "good": "#2e7d32", "requires improvement": "#b26a00", "inadequate": "#b3261e"}
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1
SHORT_GRADES = {"requires improvement": "RI", "requires improvement to be good": "RI"}  # as auditors shorten
# it ("an RI authority"); the other grades are short already
GRADED_ROLE = Qt.ItemDataRole.UserRole + 2  # a judgement's (name, grade): the name is cut to fit, never the grade


class OutlinePanel(QWidget):
    jump = Signal(int, int)  # start, end of the part's heading (or its start)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self._items: list[tuple[Part, QTreeWidgetItem]] = []
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Outline of the letter")
        self.tree.setToolTip("The letter's parts, each with its annotations and +suggestions not yet decided: "
                             "Enter or a click goes there")
        self.tree.setHeaderLabels(["Part", "Tagged"])
        self.tree.headerItem().setToolTip(1, "Annotations in the part, and +suggestions not yet decided")
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        # The parts have the width: no header over them ("Part", "Tagged": the count column as wide as its word
        # left a part's name eight letters at 1024 pixels, a new user found), the counts' column as wide as its
        # counts, a level indented a little less (each count says what it is on hover, as the tree does)
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(max(12, self.tree.indentation() - 6))
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.header().sectionResized.connect(lambda column, _old, _new: column or self._fit_grades())
        self.tree.itemActivated.connect(self._go)
        self.tree.itemClicked.connect(self._go)
        self.empty = QLabel("Open a letter to see its outline.")
        self.empty.setObjectName("panelHint")
        self.empty.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.empty)
        lay.addWidget(self.tree, 1)
        self.tree.hide()

    def set_structure(self, structure: Structure | None, counts: dict[int, tuple[int, int]] | None = None,
                      message: str = "") -> None:
        """Show ``structure``'s parts; ``counts``: part start -> (annotations, suggestions)."""
        self.tree.clear()
        self._items = []
        if structure is None or not structure.parts:
            self.tree.hide()
            self.empty.setText(message or ("This letter has no headings Reviewer could find." if structure
                                           else "Open a letter to see its outline."))
            self.empty.show()
            return
        self.empty.hide()
        self.tree.show()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        top: QTreeWidgetItem | None = None
        for part in structure.parts:
            kind = KIND_LABELS.get(part.kind, "")
            title = part.title
            graded = None
            if part.kind == "judgement" and part.grade:
                graded = (short_label(part.title) or title.split(':')[0].strip(), part.grade.capitalize())
                title = f"{graded[0]} — {graded[1]}"
            item = QTreeWidgetItem([title])
            item.setData(0, GRADED_ROLE, graded)
            item.setData(0, OFFSET_ROLE, (part.start, part.heading_end if part.heading_end > part.start else part.start + 1))
            tip = f"{kind}: {part.title}" if kind else part.title
            item.setToolTip(0, tip)
            if part.kind in ("improve", "priority", "judgement", "title"):
                item.setFont(0, bold)
            if part.level == 2 and top is not None:
                top.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
                top = item
            self._items.append((part, item))
        self.set_counts(counts or {})
        self._colour()
        self.tree.expandAll()
        self._fit_grades()

    def _fit_grades(self) -> None:
        """Each judgement's name cut to the column's width so that its grade shows whole ("Help and prot… —
        Requires improvement"): a new user's outline read "Help and protection — Req…", the grade being the point
        of the line. Where the name would keep less than a dozen letters beside the whole grade, the grade as
        auditors shorten it ("Help and protection — RI"; the tooltip says it whole): at the pane's width a new
        user's outline of a 2024 report read "Requires improvement — …" three times, one judgement not told from
        another. Narrower still, the grade first ("RI — Help and…") and the name cut after it."""
        room = self.tree.header().sectionSize(0) - self.tree.indentation() - 8  # (a judgement is a top-level part)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        enough = 12 * fm.averageCharWidth()
        for _part, item in self._items:
            graded = item.data(0, GRADED_ROLE)
            if not graded:
                continue
            name, grade = graded
            full = f"{name} — {grade}"
            text = full if fm.horizontalAdvance(full) <= room else None
            for said in (grade, SHORT_GRADES.get(grade.casefold())):
                tail = f" — {said}" if said else ""
                left = room - fm.horizontalAdvance(tail)
                if text is None and said and (left >= enough or fm.horizontalAdvance(name) <= left):
                    text = fm.elidedText(name, Qt.TextElideMode.ElideRight, left) + tail
            item.setText(0, text or f"{SHORT_GRADES.get(grade.casefold(), grade)} — {name}")  # (too narrow for a
            # dozen letters of the name: the grade first, short, the name cut after it; "Requires improvement —
            # Help…" had been cut to "Requires…" in a pane squeezed to 175 pixels, the grade itself lost)

    def set_counts(self, counts: dict[int, tuple[int, int]]) -> None:
        """Each part's annotations and suggestions not yet decided (part start -> both), as a decision
        changes them: at once, the tree as it is (not rebuilt, so nothing the auditor opened closes)."""
        for part, item in self._items:
            n_ann, n_sug = counts.get(part.start, (0, 0))
            item.setText(1, " ".join(x for x in (str(n_ann) if n_ann else "", f"+{n_sug}" if n_sug else "") if x))
            item.setToolTip(1, f"{counted(n_ann, 'annotation')}, {counted(n_sug, 'suggestion')} not yet decided"
                            if n_ann or n_sug else "")
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fm = self.tree.fontMetrics()
        widest = max([fm.horizontalAdvance(item.text(1)) for _, item in self._items] + [fm.horizontalAdvance("+9")])
        if self.tree.header().sectionSize(1) != widest + 12:
            self.tree.header().resizeSection(1, widest + 12)

    def _colour(self) -> None:
        """A graded part in its grade's colour, the letter's furniture muted: each readable on the panel's
        ground as it is now (again when the appearance changes: dark red on a dark ground is unreadable)."""
        ground = self.tree.palette().color(self.tree.palette().ColorRole.Base)
        muted = self.palette().color(self.palette().ColorRole.PlaceholderText)
        for part, item in self._items:
            if part.grade:
                item.setForeground(0, QBrush(readable_on(GRADE_COLOURS.get(part.grade, "#333333"), ground)))
            if part.kind in ("address", "salutation", "signoff", "judgements"):
                item.setForeground(0, QBrush(muted))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_grades)  # (its tab shown after a restart: the names had been cut to the
        # width the hidden pane had, and the grades with them, a new user found)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_grades)  # (once the column has its new width: a stretched column's
        # change of width is not always told as a section resized)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour()
            # (again once every widget has the new palette: on a real display the tree's still held the old
            # ground here, and the light appearance's dark red stayed on the dark one)
            QTimer.singleShot(0, self, self._colour)
        super().changeEvent(event)

    def follow(self, offset: int) -> None:
        """Mark the part the reader is in (as the view scrolls) without moving focus."""
        current = None
        for part, item in self._items:
            if part.start <= offset:
                current = item
            else:
                break
        if current is not None and current is not self.tree.currentItem():
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(current)
            self.tree.scrollToItem(current)
            self.tree.blockSignals(False)

    def _go(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, OFFSET_ROLE)
        if span:
            self.jump.emit(int(span[0]), int(span[1]))
