"""The overview's national picture: an authority's findings by theme beside the national baseline
("Care leavers: 38% of your findings, 18% nationally")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.library import Library
from reviewer.core.team.baseline import BASIS_LABELS, Baseline, BaselineError, authorities, pct, profile
from reviewer.core.text.words import counted


SETTING = "export/national"


def include_in_summaries(settings: QSettings | None) -> bool:
    """Whether the auditor asked for the national picture in exported summaries."""
    return settings is not None and settings.value(SETTING, False) in (True, "true")


class NationalView(QWidget):
    """Authority, what to compare and which framework; a table of themes: yours, nationally, difference."""

    def __init__(self, lib: Library, load: Callable[[], Baseline], settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib, self.load, self.settings = lib, load, settings
        self.table_: Baseline | None = None
        self.error = ""
        self.ids: list[str] = []
        self.authority = QComboBox()
        self.authority.setAccessibleName("Authority to compare")
        self.basis = QComboBox()
        self.basis.setAccessibleName("Findings to compare")
        for key in ("weaknesses", "strength", "priority"):
            self.basis.addItem(BASIS_LABELS[key].capitalize(), key)
        self.framework = QComboBox()
        self.framework.setAccessibleName("Inspection framework")
        self.framework.addItem("Every framework", "")
        self.framework.addItem("ILACS (from 2018)", "ILACS")
        self.framework.addItem("SIF (2013-2018)", "SIF")
        for box in (self.authority, self.basis, self.framework):
            box.currentIndexChanged.connect(lambda *_: self._fill())
            # long choices must not make the window wider than a laptop's screen
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
        self.caption = QLabel("")
        self.caption.setObjectName("nationalCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Themes: this authority against the national baseline")
        self.table.setHorizontalHeaderLabels(["Theme", "Your findings", "Nationally", "Difference"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        row = QHBoxLayout()
        row.addWidget(QLabel("Authority:"))
        row.addWidget(self.authority, 1)
        row.addWidget(QLabel("Compare:"))
        row.addWidget(self.basis, 1)
        row.addWidget(self.framework)
        self.in_summary = QCheckBox("Include in audit summaries")
        self.in_summary.setToolTip("Export Audit Summary adds a National picture section: each authority's "
                                   "areas for improvement and priority actions against the national baseline")
        self.in_summary.setChecked(include_in_summaries(settings))
        self.in_summary.toggled.connect(lambda on: settings.setValue(SETTING, on) if settings is not None else None)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(row)
        lay.addWidget(self.in_summary)
        lay.addWidget(self.caption)
        lay.addWidget(self.table, 1)

    def baseline(self) -> Baseline | None:
        if self.table_ is None and not self.error:
            try:
                self.table_ = self.load()
            except BaselineError as exc:
                self.error = str(exc)
        return self.table_

    def refresh(self, letter_ids: list[str]) -> None:
        self.ids = list(letter_ids)
        names = authorities(self.lib, self.ids)
        keep = self.authority.currentText()
        self.authority.blockSignals(True)
        self.authority.clear()
        self.authority.addItems(names)
        if keep in names:
            self.authority.setCurrentText(keep)
        self.authority.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        t = self.table
        t.setRowCount(0)
        table = self.baseline()
        if table is None:
            self.caption.setText(f"The national picture cannot be shown: {self.error}")
            return
        name = self.authority.currentText()
        if not name:
            self.caption.setText("No letter in view names its authority: set it in Letter Details (Ctrl+I) to "
                                 "compare the authority with the national picture.")
            return
        prof = profile(self.lib, name, table, self.basis.currentData(), framework=self.framework.currentData() or None,
                       letter_ids=self.ids)
        lead = prof.rows[0].sentence() + ". " if prof.rows and prof.findings else ""
        self.caption.setText(f"<b>{lead}</b>{prof.authority}: {prof.findings} of your findings "
                             f"({BASIS_LABELS[prof.basis]}) in {counted(prof.letters, 'letter')}, against {prof.scope}. "
                             "A finding may carry several themes.")
        rows = [r for r in prof.rows if r.yours or (r.national_share or 0) >= 0.02]
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            nat = "—" if r.national_share is None else pct(r.national_share)
            diff = r.difference
            cells = [r.label, f"{r.yours}  ({pct(r.your_share)})", nat,
                     "" if diff is None else f"{round(100 * diff):+d} points"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3 and diff is not None and abs(diff) >= 0.1:  # more weaknesses red, more strengths green
                    worse = (diff > 0) != (prof.basis == "strength")
                    item.setBackground(QColor(198, 40, 40, 60) if worse else QColor(46, 125, 50, 60))
                    item.setToolTip("well above the national share" if diff > 0 else "well below the national share")
                t.setItem(i, c, item)
