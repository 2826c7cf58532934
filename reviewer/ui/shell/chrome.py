"""The window's chrome: menus and toolbar built from the declared actions, and the status bar with its
word on saving."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPainter, QPaintEvent
from PySide6.QtWidgets import (QLabel, QMainWindow, QMenu, QMessageBox, QProgressBar, QStatusBar, QTabWidget,
                               QToolButton, QWidget)

from reviewer.core.annotations.review import changed_since_signoff
from reviewer.core.annotations.library import Change, Library
from reviewer.ui.kit.desk import Desk

from reviewer.ui.shell.actions import ACTIONS
from reviewer.ui.kit.look import SEVERITY, severity_icon
from reviewer.ui.reader.pages import Pages
from reviewer.core.text.words import as_sentence, counted, short_date


def build_menus_and_toolbar(window: QMainWindow, actions: dict[str, QAction], pages: Pages,
                            fill_recent: Callable[[QMenu], None]) -> None:
    """The menus, in the order the actions are declared, and the toolbar (with the page box and zoom of ``pages``)."""
    menus: dict[str, QMenu] = {}
    for spec in ACTIONS:
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(spec.menu)
        menus[spec.menu].addAction(actions[spec.id])
        if spec.id in ("export_summary", "open_pack", "import_codebook", "redo", "search_library", "select_sentence", "sev_priority",
                       "prev_annotation", "show_suggestions", "actual_size", "forward", "clear_review", "withdraw_sign_off"):
            menus[spec.menu].addSeparator()
    recent = QMenu("Open &Recent", window)
    recent.setObjectName("recentMenu")
    recent.aboutToShow.connect(lambda: fill_recent(recent))
    menus["&File"].insertMenu(actions["import_folder"], recent)
    for sid in SEVERITY:
        actions[f"sev_{sid}"].setIcon(severity_icon(sid))
    actions["toggle_library"].setCheckable(True)
    actions["toggle_library"].setChecked(True)
    tb = window.addToolBar("Main")
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for aid in ("open", "import_folder", "export_summary", "export_pack", "open_pack"):
        tb.addAction(actions[aid])
    tb.addSeparator()
    for aid in ("undo", "redo"):
        tb.addAction(actions[aid])
    tb.addSeparator()
    tb.addAction(actions["zoom_out"])
    tb.addWidget(pages.zoom_label)
    tb.addAction(actions["zoom_in"])
    tb.addAction(actions["fit_width"])
    tb.addSeparator()
    tb.addWidget(QLabel(" Page "))
    tb.addWidget(pages.page_box)
    tb.addWidget(pages.page_total)
    tb.addSeparator()
    for aid in ("find", "search_library", "tag", "overview"):
        tb.addAction(actions[aid])


TAB_TIPS = {"Library": "Library: every letter in your library (Ctrl+1)", "Outline": "Outline: the letter's parts (Ctrl+2)",
            "Search": "Search the whole library (Ctrl+Shift+F)",
            "Annotations": "Annotations: this letter's annotations (Ctrl+3)",
            "Suggestions": "Suggestions: passages Reviewer would tag (Ctrl+4)",
            "Plan": "Plan: the actions answering the selected finding (Ctrl+5)"}  # (each names its tab: cut short, the
# tab's name is read whole here)


def side_tabs(name: str, *pages: tuple[QWidget, str]) -> QTabWidget:
    """A side pane of panels as tabs (Library and Outline; Annotations and Suggestions)."""
    tabs = QTabWidget()
    tabs.setObjectName(name)
    tabs.setAccessibleName("Side panels: " + ", ".join(label for _, label in pages))
    tabs.setToolTip("Ctrl+1 Library, Ctrl+2 Outline, Ctrl+3 Annotations, Ctrl+4 Suggestions, Ctrl+5 Plan")
    tabs.setDocumentMode(True)
    for widget, label in pages:
        tabs.setTabToolTip(tabs.addTab(widget, label), TAB_TIPS.get(label, label))
    tabs.tabBar().setAccessibleName(f"{' and '.join(label for _, label in pages)} tabs")
    tabs.tabBar().setToolTip("Switch panel (Ctrl+1…5)")
    # every tab in view, its name cut with "…" where the pane is narrow: at 1024 pixels a new user saw "Library
    # Outline S" and two arrows, the Search tab out of sight (h10)
    tabs.tabBar().setUsesScrollButtons(False)
    tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
    return tabs


@dataclass(frozen=True)
class StatusWidgets:
    counts: QLabel  # the open letter's annotations, its sign-off, the library's size
    saved: QLabel  # "All changes saved", "Saving…", "⚠ Not saved"
    progress: QProgressBar  # importing, or writing or reading a pack
    cancel: QToolButton  # stops it


class EndCutLabel(QLabel):
    """One line that, given less room than it needs, ends with "…" and shows the whole on hover. A manager's
    status bar at 1024 pixels read "... — 2 letters · 25 anr" cut mid-word against "All changes saved": a
    plain label asks for its whole width and, denied it, is cut where the room ends."""

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn in the room the label has."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        self.style().drawItemText(p, self.contentsRect(), int(self.alignment()), self.palette(), self.isEnabled(),
                                  self.shown_text(), self.foregroundRole())


def build_status_bar(sb: QStatusBar, library: Path, cancel_import: Callable[[], None]) -> StatusWidgets:
    counts = EndCutLabel("")
    saved = QLabel("All changes saved")
    saved.setToolTip(str(library))
    progress = QProgressBar()
    progress.setMaximumWidth(220)
    progress.setTextVisible(True)
    progress.hide()
    cancel = QToolButton(text="Cancel", toolTip="Stop importing after the current file")
    cancel.clicked.connect(cancel_import)
    cancel.hide()
    sb.addWidget(counts, 1)
    sb.addPermanentWidget(progress)
    sb.addPermanentWidget(cancel)
    sb.addPermanentWidget(saved)
    return StatusWidgets(counts, saved, progress, cancel)


class SaveState(QObject):
    """The status bar's word on saving: "Saving…" while a change is on its way to disk, "All changes
    saved" once it is, "⚠ Not saved" (and a warning) when the library cannot be written."""

    writeFailed = Signal(str)  # from the store's writer thread, delivered on the GUI thread
    savedAgain = Signal()  # the changes a failed write kept are written at last (from the writer thread too)
    noticed = Signal(str)  # something the user must know while the library is open (from the writer thread)

    def __init__(self, desk: Desk, label: QLabel) -> None:
        super().__init__(desk.parent)
        self.desk, self.label = desk, label
        self._settle = QTimer(self)  # once, after a burst of changes (a pack's thousands come as one burst)
        self._settle.setSingleShot(True)
        self._settle.setInterval(400)
        self._settle.timeout.connect(self._check_saved)
        self.writeFailed.connect(self._write_failed)
        desk.store.on_write_error = self.writeFailed.emit
        self.savedAgain.connect(self._saved_again)
        desk.store.on_saved_again = self.savedAgain.emit
        self.noticed.connect(self._noticed)
        desk.store.on_notice = self.noticed.emit
        desk.lib.subscribe(self._changed)

    def _changed(self, change: Change) -> None:
        if self.desk.store.write_error:  # the disk refuses the library: this change waits in memory with the others
            self.label.setText("⚠ Not saved")  # (not "Saving…": the same refusal again is not said again)
            return
        if change.kind == "annotation" and change.op == "put" and change.initiator is not self.desk.store:
            self.label.setText("Saving…")
        self._settle.start()

    def _check_saved(self) -> None:
        if not self.desk.store.write_error:
            self.label.setText("All changes saved")

    def _noticed(self, message: str) -> None:
        QMessageBox.information(self.desk.parent, "Reviewer — library file", as_sentence(message))

    def _saved_again(self) -> None:
        self.label.setText("All changes saved")
        self.label.setToolTip("")
        self.desk.tell("The library could be saved again: every change is saved.", 8000)

    def _write_failed(self, message: str) -> None:
        self.label.setText("⚠ Not saved")
        self.label.setToolTip(message)
        QMessageBox.warning(self.desk.parent, "Reviewer — changes not saved",
                            f"{message}\n\nYour changes are kept in memory and will be written as soon as the "
                            "library can be saved again. Do not quit until this is resolved.")


def show_about(parent: QWidget, library: Path) -> None:
    from reviewer.ui.shell.about import AboutDialog

    AboutDialog(str(library), parent).exec()


def status_text(lib: Library, letter_id: str | None) -> str:
    """The status bar's counts: the open letter's annotations by severity, its sign-off, the library."""
    text = f"{counted(len(lib.letters), 'letter')} · {counted(len(lib.annotations), 'annotation')} in the library"
    if letter_id and letter_id in lib.letters:
        anns = lib.annotations_for(letter_id)
        by = {s: sum(1 for a in anns if a.severity == s) for s in SEVERITY}
        parts = [SEVERITY[s].counted(by[s]) for s in ("priority", "improvement", "strength", "context") if by[s]]
        attention = sum(1 for a in anns if a.orphaned)
        text = (f"This letter: {counted(len(anns), 'annotation')}"
                + (f" ({', '.join(parts)})" if parts else "")
                + (f" · ⚠ {attention} need attention" if attention else "") + " — " + text)
        signoff = lib.letters[letter_id].signoff
        if signoff:
            since = changed_since_signoff(lib, letter_id)
            text = (f"✔ Signed off by {signoff.name} on {short_date(signoff.date) or signoff.date[:10]}"
                    + (f" (⚠ {counted(since, 'finding')} changed since)" if since else "") + " · " + text)
    return text
