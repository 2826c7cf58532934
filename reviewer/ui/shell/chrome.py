"""The window's chrome: menus and toolbar built from the declared actions, and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QProgressBar, QSpinBox, QTabWidget, QToolButton, QWidget

from reviewer.core.annotations.library import Library

from reviewer.ui.shell.actions import ACTIONS
from reviewer.ui.kit.look import SEVERITY, severity_icon
from reviewer.ui.shell.welcome import fill_recent_menu

if TYPE_CHECKING:
    from reviewer.ui.kit.window import AppWindow


def build_menus_and_toolbar(w: AppWindow) -> None:
    menus: dict[str, QMenu] = {}
    for spec in ACTIONS:
        if spec.menu not in menus:
            menus[spec.menu] = w.menuBar().addMenu(spec.menu)
        menus[spec.menu].addAction(w.actions_[spec.id])
        if spec.id in ("export_summary", "open_pack", "import_codebook", "redo", "search_library", "select_sentence", "sev_priority",
                       "prev_annotation", "show_suggestions", "fit_width", "goto_page", "clear_review", "withdraw_sign_off"):
            menus[spec.menu].addSeparator()
    recent = QMenu("Open &Recent", w)
    recent.setObjectName("recentMenu")
    recent.aboutToShow.connect(lambda: fill_recent_menu(recent, w))
    menus["&File"].insertMenu(w.actions_["import_folder"], recent)
    for sid in SEVERITY:
        w.actions_[f"sev_{sid}"].setIcon(severity_icon(sid))
    w.actions_["toggle_library"].setCheckable(True)
    w.actions_["toggle_library"].setChecked(True)
    w.actions_["show_suggestions"].setCheckable(True)
    w.actions_["show_suggestions"].setChecked(w.suggester.shown)
    tb = w.addToolBar("Main")
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for aid in ("open", "import_folder", "export_summary", "export_pack", "open_pack"):
        tb.addAction(w.actions_[aid])
    tb.addSeparator()
    for aid in ("undo", "redo"):
        tb.addAction(w.actions_[aid])
    tb.addSeparator()
    tb.addAction(w.actions_["zoom_out"])
    w.zoom_label = QLabel("100%")
    w.zoom_label.setMinimumWidth(44)
    w.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    w.zoom_label.setToolTip("Zoom")
    tb.addWidget(w.zoom_label)
    tb.addAction(w.actions_["zoom_in"])
    tb.addAction(w.actions_["fit_width"])
    tb.addSeparator()
    tb.addWidget(QLabel(" Page "))
    w.page_box = QSpinBox()
    w.page_box.setMinimum(1)
    w.page_box.setMaximum(1)
    w.page_box.setAccessibleName("Page number")
    w.page_box.setToolTip("Current page; type a number and press Enter (Ctrl+G)")
    w.page_box.setKeyboardTracking(False)
    w.page_box.valueChanged.connect(lambda v: w.view.go_to_page(v - 1))
    tb.addWidget(w.page_box)
    w.page_total = QLabel(" of 0 ")
    tb.addWidget(w.page_total)
    tb.addSeparator()
    tb.addAction(w.actions_["find"])
    tb.addAction(w.actions_["search_library"])
    tb.addAction(w.actions_["tag"])
    tb.addAction(w.actions_["overview"])

TAB_TIPS = {"Library": "Every letter in your library (Ctrl+1)", "Outline": "The letter's parts (Ctrl+2)",
            "Search": "Search the whole library (Ctrl+Shift+F)", "Annotations": "This letter's annotations (Ctrl+3)",
            "Suggestions": "Passages Reviewer would tag (Ctrl+4)",
            "Plan": "The actions answering the selected finding (Ctrl+5)"}


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
    return tabs


def build_status_bar(w: AppWindow) -> None:
    sb = w.statusBar()
    w.counts_label = QLabel("")
    w.save_label = QLabel("All changes saved")
    w.save_label.setToolTip(str(w.store.path))
    w.progress = QProgressBar()
    w.progress.setMaximumWidth(220)
    w.progress.setTextVisible(True)
    w.progress.hide()
    w.cancel_import = QToolButton(text="Cancel", toolTip="Stop importing after the current file")
    w.cancel_import.clicked.connect(w.host.worker.cancel_import)
    w.cancel_import.hide()
    sb.addWidget(w.counts_label, 1)
    sb.addPermanentWidget(w.progress)
    sb.addPermanentWidget(w.cancel_import)
    sb.addPermanentWidget(w.save_label)


def show_about(w: AppWindow) -> None:
    from reviewer.ui.shell.about import AboutDialog

    AboutDialog(str(w.store.path), w).exec()


def status_text(lib: Library, letter_id: str | None) -> str:
    """The status bar's counts: the open letter's annotations by severity, its sign-off, the library."""
    text = f"{len(lib.letters)} letters · {len(lib.annotations)} annotations in the library"
    if letter_id and letter_id in lib.letters:
        anns = lib.annotations_for(letter_id)
        by = {s: sum(1 for a in anns if a.severity == s) for s in SEVERITY}
        parts = [f"{by[s]} {SEVERITY[s].label.lower()}" for s in ("priority", "improvement", "strength", "context") if by[s]]
        attention = sum(1 for a in anns if a.orphaned)
        text = (f"This letter: {len(anns)} annotation{'s' if len(anns) != 1 else ''}"
                + (f" ({', '.join(parts)})" if parts else "")
                + (f" · ⚠ {attention} need attention" if attention else "") + " — " + text)
        signoff = lib.letters[letter_id].signoff
        if signoff:
            text = f"✔ Signed off by {signoff.name} on {signoff.date[:10]} · " + text
    return text
