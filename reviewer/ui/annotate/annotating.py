"""Making and changing annotations from the window: tag, edit, delete, set a severity, step through them.

The window's auditor-facing verbs on annotations live here so the main window stays a composition
of panels. Every change is an undoable command on the library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QMenu

from reviewer.core.annotations.codebook import severities
from reviewer.core.text.layout import page_starts
from reviewer.core.annotations.tagging import trim_range
from reviewer.ui.kit.desk import AtAnnotation, Passage, Place, Target
from reviewer.ui.kit.look import SEVERITY
from reviewer.ui.annotate.tag_dialog import TagDialog

if TYPE_CHECKING:
    from reviewer.ui.kit.window import AppWindow

SEVERITY_ORDER = tuple(s.id for s in severities())  # Alt+1…4, as in the tag dialog


class Annotating:
    def __init__(self, window: AppWindow) -> None:
        self.w = window

    # ------------------------------------------------------------ who
    def auditor_name(self) -> str | None:
        name = self.w.lib.settings.get("auditor", "")
        if name:
            return name
        return self.set_auditor_name()

    def set_auditor_name(self) -> str | None:
        name, ok = QInputDialog.getText(self.w, "Your name", "Your name, as it should appear on your annotations\n"
                                        "(Edit > Preferences changes it later):",
                                        text=self.w.lib.settings.get("auditor", ""))
        name = name.strip()
        if not ok or not name:
            return None
        self.w.ws.set_auditor(name, initiator=self.w)
        return self.w.ws.auditor

    def default_severity(self) -> str:
        """The severity a new tag starts with: the one chosen in Preferences, else the last one used."""
        chosen = str(self.w.settings.value("prefs/default_severity", "") or "")
        if chosen in SEVERITY:
            return chosen
        last = str(self.w.settings.value("tag/last_severity", "improvement") or "")
        return last if last in SEVERITY else "improvement"

    # ------------------------------------------------------------ tag, edit, delete
    def tag_selection(self, severity: str | None = None) -> None:
        w = self.w
        sel = w.view.selection()
        if not sel or not w.layout_ or not w.letter_id:
            w.statusBar().showMessage("Select a passage first: drag across it, or double/triple-click.", 5000)
            return
        start, end = trim_range(w.layout_.text, *sel)
        if start >= end:
            return
        author = self.auditor_name()
        if author is None:
            return
        dlg = TagDialog(w.layout_.text[start:end], list(w.lib.themes.values()),
                        severity=severity or self.default_severity(), parent=w)
        if dlg.exec() != TagDialog.DialogCode.Accepted:
            return
        themes, sev, note = dlg.result_values()
        w.settings.setValue("tag/last_severity", sev)
        ann = w.ws.tag(w.letter_id, w.layout_.text, page_starts(w.layout_), start, end, themes, sev, note, author,
                       initiator=w)
        w.view.clear_selection()
        QTimer.singleShot(0, lambda: w.panel.select(ann.id))

    def select_sentence(self) -> None:
        view = self.w.view
        sel = view.selection()
        if sel and self.w.layout_:
            a, _ = view.unit_at(sel[0])
            _, b = view.unit_at(max(sel[0], sel[1] - 1))
            view.set_selection(min(a, sel[0]), max(b, sel[1]))

    def edit_annotation(self, ann_id: str | None = None) -> None:
        w = self.w
        ann_id = ann_id or next(iter(w.panel.selected_ids()), None)
        a = w.lib.annotations.get(ann_id or "")
        if a is None:
            return
        dlg = TagDialog(a.quote, list(w.lib.themes.values()), chosen=a.themes, severity=a.severity,
                        note=a.note, title="Edit annotation", parent=w)
        if dlg.exec() != TagDialog.DialogCode.Accepted:
            return
        themes, sev, note = dlg.result_values()
        w.ws.edit_annotation(a.id, initiator=w, themes=tuple(themes), severity=sev, note=note)

    def delete_annotations(self, ids: list[str] | None = None) -> None:
        w = self.w
        ids = ids if ids else w.panel.selected_ids()
        n = w.ws.delete(ids, initiator=w)
        if n:
            w.statusBar().showMessage(f"Deleted {n} annotation(s). Undo with Ctrl+Z.", 6000)

    def severity_key(self, number: int) -> None:
        """Alt+1…4: with text selected, tag it at that severity; else set the selected annotations' severity."""
        sid = SEVERITY_ORDER[number - 1]
        w = self.w
        if w.view.selection() is not None:
            self.tag_selection(sid)
            return
        ids = [i for i in w.panel.selected_ids() if i in w.lib.annotations]
        label = SEVERITY[sid].label
        if not ids:
            w.statusBar().showMessage(f"{label}: select a passage to tag, or annotations to change.", 5000)
            return
        w.ws.regrade(ids, sid, label, initiator=w)
        w.statusBar().showMessage(f"{len(ids)} annotation(s) now {label}.", 4000)

    # ------------------------------------------------------------ going to annotations
    def show_annotation(self, ann_id: str) -> None:
        w = self.w
        a = w.lib.annotations.get(ann_id)
        if a is None or a.orphaned or not w.layout_:
            if a is not None and a.orphaned:
                w.statusBar().showMessage("This annotation could not be placed in the current text of the letter.", 6000)
            return
        w.view.scroll_to_range(a.start, a.end)
        w.view.flash(a.id)

    def go_to(self, target: Target) -> None:
        """Where ``OnScreen.open(letter_id, at=target)`` asked to go, once the letter is laid out."""
        view = self.w.view
        if isinstance(target, AtAnnotation):
            self.w.panel.select(target.annotation_id)
            self.show_annotation(target.annotation_id)
        elif isinstance(target, Passage):
            view.set_selection(target.start, target.end)
            view.scroll_to_range(target.start, target.end)
        elif isinstance(target, Place):
            view.set_position(target.page, target.fraction)

    def step(self, forward: bool) -> None:
        """Next/previous annotation in reading order from the selected one (or from the page in view)."""
        w = self.w
        if not w.letter_id or not w.layout_:
            return
        anns = sorted((a for a in w.lib.annotations_for(w.letter_id) if not a.orphaned), key=lambda a: (a.start, a.end))
        if not anns:
            w.statusBar().showMessage("This letter has no annotations yet.", 4000)
            return
        current = w.lib.annotations.get(next(iter(w.panel.selected_ids()), ""))
        if current is not None and current.letter_id == w.letter_id:
            here = (current.start, current.end)
            after = [a for a in anns if (a.start, a.end) > here] if forward else [a for a in anns if (a.start, a.end) < here]
        else:
            top = w.layout_.page_first_offset(w.view.current_page()) or 0
            after = [a for a in anns if a.start >= top] if forward else [a for a in anns if a.start < top]
        target = (after[0] if forward else after[-1]) if after else (anns[0] if forward else anns[-1])
        if not after:
            w.statusBar().showMessage("Wrapped to the " + ("first" if forward else "last") + " annotation.", 3000)
        w.panel.select(target.id)
        self.show_annotation(target.id)

    def next(self) -> None:
        self.step(True)

    def previous(self) -> None:
        self.step(False)

    # ------------------------------------------------------------ on the page
    def highlight_activated(self, ann_id: str) -> None:
        self.w.panel.select(ann_id)
        self.edit_annotation(ann_id)

    def page_context_menu(self, pos, ann_id: str | None) -> None:  # type: ignore[no-untyped-def]
        w = self.w
        menu = QMenu(w)
        if w.view.selection():
            menu.addAction(w.actions_["tag"])
            menu.addAction(w.actions_["select_sentence"])
            menu.addAction(w.actions_["copy"])
        if ann_id:
            if not menu.isEmpty():
                menu.addSeparator()
            menu.addAction("Edit Annotation…", lambda: self.edit_annotation(ann_id))
            menu.addAction("Delete Annotation", lambda: self.delete_annotations([ann_id]))
        if not menu.isEmpty():
            menu.exec(pos)
