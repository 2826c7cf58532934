"""Smaller dialogs: a letter's details (metadata) and the codebook editor."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.codebook import label_taken, slug_for
from reviewer.core.reading.judgements import in_order, is_sub_judgement, label as judgement_label
from reviewer.core.annotations.model import DOC_TYPES, Letter, Theme
from reviewer.core.annotations.model import DOC_TYPE_LABELS, FRAMEWORK_LABELS
from reviewer.core.annotations.titles import file_name_title, given_title
from reviewer.ui.kit.desk import Desk
from reviewer.ui.kit.look import swatch_icon
from reviewer.workspace import Workspace
from reviewer.core.text.words import counted

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class LetterDetailsDialog(QDialog):
    """Edit a letter's title and metadata; ``edited()`` gives the new Letter."""

    def __init__(self, letter: Letter, parent: QWidget | None = None, shown: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Details — {shown or letter.title}")
        self.setMinimumWidth(460)
        self.letter = letter
        m = letter.meta
        # A letter left with its file's name is listed by what it says ("Norfolk — SIF inspection — October
        # 2015"): the field shows that, greyed, and stays empty until the auditor gives a title of their own
        self._file_name = file_name_title(letter)
        self.title = QLineEdit(given_title(letter))
        self.title.setPlaceholderText(shown or letter.title or self._file_name)
        self.authority = QLineEdit(m.authority or "")
        self.doc_type = QComboBox()
        self.doc_type.addItem("Not known", None)
        for t in DOC_TYPES:
            self.doc_type.addItem(DOC_TYPE_LABELS[t], t)
        self.doc_type.setCurrentIndex(max(0, self.doc_type.findData(m.doc_type)))
        self.visit_start = QLineEdit(m.visit_start or "")
        self.visit_end = QLineEdit(m.visit_end or "")
        self.published = QLineEdit(m.published or "")
        self.estimated = QCheckBox("Estimated")
        self.estimated.setChecked(bool(m.published and m.published_estimated))
        self.estimated.setToolTip("The report does not print its publication date: this is its PDF's creation date, "
                                  "a few days earlier. Untick once confirmed; editing the date unticks it.")
        self.estimated.setAccessibleName("Letter date is estimated")
        self.published.textEdited.connect(lambda _t: self.estimated.setChecked(False))
        dated = QWidget()
        row = QHBoxLayout(dated)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.published, 1)
        row.addWidget(self.estimated)
        dated.setFocusProxy(self.published)  # Alt+L still lands in the date
        for w in (self.visit_start, self.visit_end, self.published):
            w.setPlaceholderText("YYYY-MM-DD")
        self.lead = QLineEdit(m.lead_inspector or "")
        self.inspectors = QLineEdit(", ".join(m.inspectors))
        self.inspectors.setPlaceholderText("Names, separated by commas")
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        form = QFormLayout()
        for label, field, tip in (
                ("&Title:", self.title, "Left empty, the letter is listed by its authority, kind and date (as shown "
                 "greyed); a title of your own is listed as you typed it"),
                ("&Authority:", self.authority, "The local authority inspected"),
                ("Document &type:", self.doc_type, "Focused visit, monitoring visit, inspection report…"),
                ("Visit &from:", self.visit_start, "First day of the visit (YYYY-MM-DD)"),
                ("Visit t&o:", self.visit_end, "Last day of the visit (YYYY-MM-DD)"),
                ("&Letter date:", self.published, "Date of the letter or report (YYYY-MM-DD)"),
                ("Lead &inspector:", self.lead, "The lead inspector named in the letter"),
                ("Inspector&s:", self.inspectors, "Every inspector named, separated by commas")):
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
            field.setToolTip(tip)
            form.addRow(label, dated if field is self.published else field)
            if isinstance(field, QLineEdit):
                field.setCursorPosition(0)  # a long list of inspectors opens at its start, not its end
        if m.visit_number:
            form.addRow("Visit number:", QLabel(f"Monitoring visit {m.visit_number}"))
        if m.framework in FRAMEWORK_LABELS:
            framework = QLabel(FRAMEWORK_LABELS[m.framework])
            framework.setToolTip("The inspection's framework, as read from the report (an ILACS short inspection is "
                                 "held on site in one week, a standard one in two)")
            form.addRow("Framework:", framework)
        if m.judgements:
            grades = QLabel("<br/>".join(f"{'&nbsp;' * 4 if is_sub_judgement(k, m.framework) else ''}"
                                         f"{judgement_label(k, m.framework)}: <b>{v.capitalize()}</b>"
                                         for k, v in in_order(dict(m.judgements), m.framework)))
            grades.setToolTip("The judgements as read from the report")
            grades.setWordWrap(True)  # ("Leadership, management and governance: Requires improvement" ran off the edge)
            form.addRow("Judgements:", grades)
        src = QLabel(f"Source file: {letter.source} · {counted(letter.pages, 'page')} · id {letter.id[:12]}")
        src.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(src)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def _accept(self) -> None:
        from datetime import date

        for w, name in ((self.visit_start, "Visit from"), (self.visit_end, "Visit to"), (self.published, "Letter date")):
            v = w.text().strip()
            if v:
                try:
                    if not _ISO.match(v):
                        raise ValueError
                    date.fromisoformat(v)
                except ValueError:
                    self.error.setText(f"{name}: write the date as YYYY-MM-DD, e.g. 2024-11-19.")
                    w.setFocus()
                    return
        self.accept()

    def edited(self) -> Letter:
        def opt(w: QLineEdit) -> str | None:
            return w.text().strip() or None

        names = tuple(n.strip() for n in self.inspectors.text().split(",") if n.strip())
        meta = dataclasses.replace(  # judgements, the visit's number and the framework are kept as read
            self.letter.meta, authority=opt(self.authority), doc_type=self.doc_type.currentData(),
            visit_start=opt(self.visit_start), visit_end=opt(self.visit_end), published=opt(self.published),
            published_estimated=bool(opt(self.published)) and self.estimated.isChecked(),
            lead_inspector=opt(self.lead), inspectors=names,
        )
        return dataclasses.replace(self.letter, title=self.title.text().strip() or self._file_name, meta=meta)


class CodebookDialog(QDialog):
    """Add, rename, recolour, retire and restore themes. Each change is an undoable command."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Codebook — themes")
        self.resize(560, 560)
        self.ws = ws
        self.lib = ws.library
        self.list = QListWidget()
        self.list.setAccessibleName("Themes")
        self.list.setToolTip("The codebook's themes, with how many annotations use each; double-click renames")
        self.list.currentRowChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda _: self.rename())
        self.desc = QLabel("")
        self.desc.setWordWrap(True)
        self.desc.setObjectName("hint")
        self.add_btn = QPushButton("&Add…", toolTip="Add a new theme")
        self.rename_btn = QPushButton("&Rename…", toolTip="Rename the selected theme (annotations keep it)")
        self.colour_btn = QPushButton("&Colour…", toolTip="Choose the selected theme's colour")
        self.retire_btn = QPushButton("Re&tire", toolTip="Retire the theme: no new tags, existing annotations keep it")
        self.add_btn.clicked.connect(self.add)
        self.rename_btn.clicked.connect(self.rename)
        self.colour_btn.clicked.connect(self.recolour)
        self.retire_btn.clicked.connect(self.toggle_retired)
        side = QVBoxLayout()
        for b in (self.add_btn, self.rename_btn, self.colour_btn, self.retire_btn):
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(row, 1)
        lay.addWidget(self.desc)
        lay.addWidget(close)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        current = select or self.current_id()
        self.list.clear()
        for t in self.lib.themes.values():
            used = sum(1 for a in self.lib.annotations.values() if t.id in a.themes)
            label = t.label + (" — retired" if t.retired else "") + (f"  ({used})" if used else "")
            item = QListWidgetItem(swatch_icon(t.colour), label)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            if t.retired:
                f = item.font()
                f.setItalic(True)
                item.setFont(f)
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
            if t.id == current:
                self.list.setCurrentItem(item)
        self._update()

    def current_id(self) -> str | None:
        item = self.list.currentItem() if hasattr(self, "list") else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current(self) -> Theme | None:
        tid = self.current_id()
        return self.lib.themes.get(tid) if tid else None

    def _update(self, *_: object) -> None:
        t = self.current()
        for b in (self.rename_btn, self.colour_btn, self.retire_btn):
            b.setEnabled(t is not None)
        self.retire_btn.setText("Res&tore" if t and t.retired else "Re&tire")
        self.desc.setText(t.description if t else "")

    def add(self) -> None:
        label, ok = QInputDialog.getText(self, "Add theme", "Theme name:")
        label = label.strip()
        if not ok or not label:
            return
        if (other := label_taken(self.lib.themes.values(), label)) is not None:
            QMessageBox.information(self, "Add theme", f"There is already a theme called “{other.label}”.")
            return
        theme = Theme(id=slug_for(label, self.lib.themes), label=label, colour="#5c6bc0")
        self.ws.put_theme(None, theme, f"Add theme “{label}”")
        self.reload(theme.id)

    def rename(self) -> None:
        t = self.current()
        if not t:
            return
        label, ok = QInputDialog.getText(self, "Rename theme", "New name:", text=t.label)
        label = label.strip()
        if ok and label and (other := label_taken(self.lib.themes.values(), label, t.id)) is not None:
            QMessageBox.information(self, "Rename theme", f"There is already a theme called “{other.label}”: "
                                    "two themes of one name would print, export and filter as one.")
            return
        if ok and label and label != t.label:
            self.ws.put_theme(t, dataclasses.replace(t, label=label), f"Rename theme to “{label}”")
            self.reload()

    def recolour(self) -> None:
        from PySide6.QtGui import QColor

        t = self.current()
        if not t:
            return
        c = QColorDialog.getColor(QColor(t.colour), self, f"Colour for {t.label}")
        if c.isValid():
            self.ws.put_theme(t, dataclasses.replace(t, colour=c.name()), f"Recolour “{t.label}”")
            self.reload()

    def toggle_retired(self) -> None:
        t = self.current()
        if not t:
            return
        verb = "Restore" if t.retired else "Retire"
        self.ws.put_theme(t, dataclasses.replace(t, retired=not t.retired), f"{verb} “{t.label}”")
        self.reload()


def edit_letter_details(desk: Desk, letter_id: str | None) -> None:
    """Letter > Letter Details: the open letter's title and metadata, changed as one undoable step."""
    letter = desk.lib.letters.get(letter_id or "")
    if letter is None:
        return
    dlg = LetterDetailsDialog(letter, desk.parent, shown=desk.lib.display_title(letter.id))
    if dlg.exec() == LetterDetailsDialog.DialogCode.Accepted:
        desk.ws.edit_letter(letter, dlg.edited(), initiator=dlg)


def edit_codebook(desk: Desk) -> None:
    """Annotate > Codebook."""
    CodebookDialog(desk.ws, desk.parent).exec()
