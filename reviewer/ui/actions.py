"""Every menu and toolbar action, declared once as data: id, text, shortcut, menu, handler, tip."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    handler: str  # name of the window method to call
    shortcut: tuple[QKeySequence.StandardKey | str, ...] = ()
    tip: str = ""
    toolbar: bool = False
    needs: str = ""  # "letter", "selection", "annotation": enabled only then


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open Letter…", "&File", "open_files_dialog", (Std.Open,), "Open PDF or text letters", True),
    ActionSpec("import_folder", "&Import Folder…", "&File", "import_folder_dialog", ("Ctrl+Shift+O",),
               "Add every letter in a folder to the library", True),
    ActionSpec("export_summary", "&Export Audit Summary…", "&File", "export_summary_dialog", ("Ctrl+E",),
               "Export the audit summary of the current or selected letters (Markdown, HTML, PDF, CSV)", True),
    ActionSpec("quit", "&Quit", "&File", "close", (Std.Quit, "Ctrl+Q"), "Quit Reviewer"),
    ActionSpec("undo", "&Undo", "&Edit", "undo", (Std.Undo,), "Undo the last change"),
    ActionSpec("redo", "&Redo", "&Edit", "redo", (Std.Redo, "Ctrl+Y", "Ctrl+Shift+Z"), "Redo the change undone"),
    ActionSpec("copy", "&Copy", "&Edit", "copy_selection", (Std.Copy,), "Copy the selected text", needs="selection"),
    ActionSpec("find", "&Find in Letter…", "&Edit", "show_find", (Std.Find,), "Find text in the letter", True, "letter"),
    ActionSpec("tag", "&Tag Selection…", "&Annotate", "tag_selection", ("Ctrl+T",),
               "Tag the selected passage with themes and a severity", True, "selection"),
    ActionSpec("select_sentence", "Select &Sentence", "&Annotate", "select_sentence", ("Ctrl+Shift+S",),
               "Extend the selection to the whole sentence or bullet", needs="selection"),
    ActionSpec("edit_annotation", "&Edit Annotation…", "&Annotate", "edit_annotation", ("F2",),
               "Edit the selected annotation", needs="annotation"),
    ActionSpec("delete_annotation", "&Delete Annotation", "&Annotate", "delete_annotations", (Std.Delete,),
               "Delete the selected annotations", needs="annotation"),
    ActionSpec("auditor", "Your &Name…", "&Annotate", "set_auditor_name", (), "The name shown as author of your annotations"),
    ActionSpec("codebook", "&Codebook…", "&Annotate", "edit_codebook", ("Ctrl+K",), "Add, rename, recolour or retire themes"),
    ActionSpec("details", "Letter &Details…", "&Letter", "edit_details", ("Ctrl+I",),
               "Authority, type, dates and inspectors of the letter", needs="letter"),
    ActionSpec("zoom_in", "Zoom &In", "&View", "zoom_in", (Std.ZoomIn, "Ctrl+="), "Zoom in", needs="letter"),
    ActionSpec("zoom_out", "Zoom &Out", "&View", "zoom_out", (Std.ZoomOut,), "Zoom out", needs="letter"),
    ActionSpec("fit_width", "&Fit Width", "&View", "fit_width", ("Ctrl+0",), "Fit the page to the window's width", needs="letter"),
    ActionSpec("next_page", "&Next Page", "&View", "next_page", ("Ctrl+PgDown",), "Go to the next page", needs="letter"),
    ActionSpec("prev_page", "&Previous Page", "&View", "prev_page", ("Ctrl+PgUp",), "Go to the previous page", needs="letter"),
    ActionSpec("goto_page", "&Go to Page…", "&View", "focus_page_box", ("Ctrl+G",), "Type a page number", needs="letter"),
    ActionSpec("toggle_library", "&Library Pane", "&View", "toggle_library", ("Ctrl+L",), "Show or hide the library"),
    ActionSpec("about", "&About Reviewer", "&Help", "about", (), "Version and licence"),
)


def make_actions(window: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        if spec.id in actions:
            raise ValueError(f"duplicate action id {spec.id!r}")
        act = QAction(spec.text.replace("…", "…"), window)
        act.setObjectName(f"action_{spec.id}")
        keys = [QKeySequence(k) if isinstance(k, str) else QKeySequence.keyBindings(k) for k in spec.shortcut]
        flat: list[QKeySequence] = []
        for k in keys:
            for seq in (k if isinstance(k, list) else [k]):
                if not seq.isEmpty() and seq not in flat:
                    flat.append(seq)
        act.setShortcuts(flat)
        tip = spec.tip
        if flat:
            tip += f" ({flat[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        act.setToolTip(tip)
        act.setStatusTip(spec.tip)
        handler = getattr(window, spec.handler)
        act.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.id] = act
    return actions
