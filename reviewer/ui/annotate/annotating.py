"""Making and changing annotations from the window: tag, edit, delete, set a severity, step through them.

The window's auditor-facing verbs on annotations live here so the main window stays a composition
of panels. Every change is an undoable command on the library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from reviewer.core.annotations.codebook import severities, severity as severity_of, themes_said
from reviewer.core.text.layout import page_starts
from reviewer.core.annotations.tagging import trim_range
from reviewer.core.reading.outline import quote_as_read
from reviewer.ui.annotate.annotation_panel import AnnotationPanel
from reviewer.ui.annotate.tag_dialog import TagDialog
from reviewer.ui.kit.desk import AtAnnotation, Desk, OnScreen, Passage, Place, Target
from reviewer.ui.kit.look import SEVERITY, highlight_opacity
from reviewer.ui.reader.overlays import Highlight
from reviewer.ui.reader.page_view import PageView
from reviewer.core.text.words import counted

SEVERITY_ORDER = tuple(s.id for s in severities())  # Alt+1…4, as in the tag dialog


class Annotating(QObject):
    """Drives the page view and the annotation panel: ``menu_actions`` are what the page's context menu
    offers on a selection (Tag, Select Sentence, Copy)."""

    def __init__(self, desk: Desk, onscreen: OnScreen, view: PageView, panel: AnnotationPanel,
                 menu_actions: Sequence[QAction] = ()) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.view, self.panel = desk, onscreen, view, panel
        self.menu_actions = tuple(menu_actions)
        # what the suggester reads of a passage, (severity, themes) or None: the tag dialog starts from it
        self.suggested_for: Callable[[int, int], tuple[str, tuple[str, ...]] | None] = lambda _s, _e: None
        self.themes_for: Callable[[str, str], tuple[str, ...]] = desk.ws.proposed_themes  # (the window's reads them
        # with the model its suggestions were read with)
        onscreen.loaded.connect(self.update_highlights)
        onscreen.arrived.connect(self.go_to)
        view.highlightActivated.connect(self.highlight_activated)
        view.highlightClicked.connect(lambda ann_id: self.panel.select(ann_id))  # the Plan panel follows
        view.contextMenuAt.connect(self.page_context_menu)
        panel.activated.connect(self.show_annotation)
        panel.followed.connect(self._follow)
        panel.editRequested.connect(self.edit_annotation)
        panel.deleteRequested.connect(self.delete_annotations)

    def default_severity(self) -> str:
        """The severity a new tag starts with: the one chosen in Preferences, else the last one used."""
        chosen = str(self.desk.settings.value("prefs/default_severity", "") or "")
        if chosen in SEVERITY:
            return chosen
        last = str(self.desk.settings.value("tag/last_severity", "improvement") or "")
        return last if last in SEVERITY else "improvement"

    # ------------------------------------------------------------ tag, edit, delete
    def tag_selection(self, severity: str | None = None) -> None:
        desk, layout, letter_id = self.desk, self.onscreen.layout, self.onscreen.letter_id
        sel = self.view.selection()
        if not sel or not layout or not letter_id:
            desk.tell("Select a passage first: drag across it, or double/triple-click.", 5000)
            return
        start, end = trim_range(layout.text, *sel)
        if start >= end:
            return
        author = desk.auditor_name()
        if author is None:
            return
        if not self.tag_again(letter_id, start, end):
            return
        read = self.suggested_for(start, end)  # (Alt+1…4 said which severity; the themes start as Ctrl+T's do: a
        # new user found Alt+4 offered none where Ctrl+T proposed the passage's, stop 46)
        # the passage as the letter reads it: a page number or running footer a page break put inside it left out
        shown = quote_as_read(layout.text, start, end, layout.text[start:end], self.onscreen.furniture())
        sev = severity or (read[0] if read else self.default_severity())
        chosen = read[1] if read else self.themes_for(shown, sev)  # (none suggested here: the themes read in
        # it, as a suggestion's would be)
        dlg = TagDialog(shown, list(desk.lib.themes.values()), chosen=chosen, severity=sev, parent=desk.parent)
        dlg.stand_clear_of(self.view.passage_on_screen(start, end))
        if dlg.exec() != TagDialog.DialogCode.Accepted:
            return
        themes, sev, note = dlg.result_values()
        desk.settings.setValue("tag/last_severity", sev)
        ann = desk.ws.tag(letter_id, layout.text, page_starts(layout), start, end, themes, sev, note, author,
                          initiator=self)
        self.view.clear_selection()
        # said, as accepting a suggestion is (a new user tagging by mouse saw nothing say it was done, h10)
        said = themes_said(desk.lib.theme_label(t) for t in themes)
        desk.tell(f"Tagged: {severity_of(sev).label}{' · ' + said if said else ''} — Ctrl+Z undoes it.", 4000)
        QTimer.singleShot(0, lambda: self.panel.select(ann.id))

    def tag_again(self, letter_id: str, start: int, end: int) -> bool:
        """Whether to go on tagging a passage already tagged: the auditor is asked, and may edit the tag that is
        there instead (a new user, tagging a sentence still selected after tagging it, made a second tag that
        contradicted the first, and nothing said so). A second tag stays possible: a second reading."""
        there = self.desk.ws.tagged_at(letter_id, start, end)
        if not there:
            return True
        a = there[0]
        themes = themes_said(self.desk.lib.theme_label(t) for t in a.themes) or "no theme"
        box = QMessageBox(QMessageBox.Icon.Question, "Already tagged",
                          f"This passage is already tagged: {SEVERITY[a.severity].label if a.severity in SEVERITY else a.severity}"
                          f" — {themes}{f' ({a.author})' if a.author else ''}.", parent=self.desk.parent)
        box.setInformativeText("Edit that tag, or tag the passage a second time (a second reading of it)?")
        edit = box.addButton("Edit Tag…", QMessageBox.ButtonRole.AcceptRole)
        again = box.addButton("Tag Again…", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(edit)
        box.exec()
        if box.clickedButton() is edit:
            self.panel.select(a.id)
            self.edit_annotation(a.id)
        return box.clickedButton() is again

    def select_sentence(self) -> None:
        """Whole sentences: those the selection touches, or with only a click in the letter, the one clicked in
        (a new user clicked into a sentence, pressed Ctrl+Shift+S and nothing happened: stop 45)."""
        view = self.view
        sel = view.selection()
        if sel is None and (at := view.caret()) is not None:
            sel = (at, at + 1)
        if sel and self.onscreen.layout:
            a, _ = view.unit_at(sel[0])
            _, b = view.unit_at(max(sel[0], sel[1] - 1))
            view.set_selection(min(a, sel[0]), max(b, sel[1]))

    def edit_annotation(self, ann_id: str | None = None) -> None:
        desk = self.desk
        ann_id = ann_id or next(iter(self.panel.selected_ids()), None)
        a = desk.lib.annotations.get(ann_id or "")
        if a is None:
            return
        dlg = TagDialog(a.quote, list(desk.lib.themes.values()), chosen=a.themes, severity=a.severity,
                        note=a.note, title="Edit annotation", name_of=desk.lib.theme_label, parent=desk.parent)
        if a.letter_id == self.onscreen.letter_id:
            dlg.stand_clear_of(self.view.passage_on_screen(a.start, a.end))
        if dlg.exec() != TagDialog.DialogCode.Accepted:
            return
        themes, sev, note = dlg.result_values()
        desk.ws.edit_annotation(a.id, initiator=self, themes=tuple(themes), severity=sev, note=note)

    def delete_annotations(self, ids: list[str] | None = None) -> None:
        ids = ids if ids else self.panel.selected_ids()
        n = self.desk.ws.delete(ids, initiator=self)
        if n:
            self.desk.tell(f"Deleted {counted(n, 'annotation')}. Undo with Ctrl+Z.", 6000)

    def severity_key(self, number: int) -> None:
        """Alt+1…4: with text selected, tag it at that severity; else set the selected annotations' severity.
        Where the auditor is in the annotation list (a card just clicked) with annotations selected, it is
        those: a passage left selected in the letter from earlier is not what they are pointing at."""
        sid = SEVERITY_ORDER[number - 1]
        desk = self.desk
        in_list = self.panel.view.hasFocus() and bool(self.panel.selected_ids())
        if self.view.selection() is not None and not in_list:
            self.tag_selection(sid)
            return
        ids = [i for i in self.panel.selected_ids() if i in desk.lib.annotations]
        label = SEVERITY[sid].label
        if not ids:
            desk.tell(f"{label}: select a passage to tag, or annotations to change.", 5000)
            return
        desk.ws.regrade(ids, sid, label, initiator=self)
        desk.tell(f"{counted(len(ids), 'annotation')} now {label}.", 4000)

    # ------------------------------------------------------------ going to annotations
    def _follow(self, ann_id: str) -> None:
        """The card the keyboard is on in the list: its passage in view, the letter moved only if it is not."""
        a = self.desk.lib.annotations.get(ann_id)
        if a is not None and not a.orphaned and self.onscreen.layout and a.letter_id == self.onscreen.letter_id:
            self.view.scroll_to_range(a.start, a.end, only_if_hidden=True)

    def show_annotation(self, ann_id: str) -> None:
        a = self.desk.lib.annotations.get(ann_id)
        if a is None or a.orphaned or not self.onscreen.layout:
            if a is not None and a.orphaned:
                self.desk.tell("This annotation could not be placed in the current text of the letter.", 6000)
            return
        self.view.scroll_to_range(a.start, a.end)
        self.view.flash(a.id)

    def go_to(self, target: Target) -> None:
        """Where ``OnScreen.open(letter_id, at=target)`` asked to go, once the letter is laid out."""
        view = self.view
        if isinstance(target, AtAnnotation):
            self.panel.select(target.annotation_id)
            self.show_annotation(target.annotation_id)
        elif isinstance(target, Passage):
            view.set_selection(target.start, target.end)
            view.scroll_to_range(target.start, target.end)
        elif isinstance(target, Place):
            view.set_position(target.page, target.fraction)

    def step(self, forward: bool) -> None:
        """Next/previous annotation in reading order from the selected one (or from the page in view)."""
        lib, letter_id, layout = self.desk.lib, self.onscreen.letter_id, self.onscreen.layout
        if not letter_id or not layout:
            return
        anns = sorted((a for a in lib.annotations_for(letter_id) if not a.orphaned), key=lambda a: (a.start, a.end))
        if not anns:
            self.desk.tell("This letter has no annotations yet.", 4000)
            return
        current = lib.annotations.get(next(iter(self.panel.selected_ids()), ""))
        if current is not None and current.letter_id == letter_id:
            here = (current.start, current.end)
            after = [a for a in anns if (a.start, a.end) > here] if forward else [a for a in anns if (a.start, a.end) < here]
        else:
            top = layout.page_first_offset(self.view.current_page()) or 0
            after = [a for a in anns if a.start >= top] if forward else [a for a in anns if a.start < top]
        target = (after[0] if forward else after[-1]) if after else (anns[0] if forward else anns[-1])
        if not after:
            self.desk.tell("Wrapped to the " + ("first" if forward else "last") + " annotation.", 3000)
        self.panel.select(target.id)
        self.show_annotation(target.id)

    def next(self) -> None:
        self.step(True)

    def previous(self) -> None:
        self.step(False)

    # ------------------------------------------------------------ on the page
    def highlight_activated(self, ann_id: str) -> None:
        self.panel.select(ann_id)
        self.edit_annotation(ann_id)

    def page_context_menu(self, pos, ann_id: str | None) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self.desk.parent)
        if self.view.selection():
            for action in self.menu_actions:
                menu.addAction(action)
        if ann_id:
            if not menu.isEmpty():
                menu.addSeparator()
            menu.addAction("Edit Annotation…", lambda: self.edit_annotation(ann_id))
            menu.addAction("Delete Annotation", lambda: self.delete_annotations([ann_id]))
        if not menu.isEmpty():
            menu.exec(pos)

    # ------------------------------------------------------------ highlights
    def update_highlights(self, *_: object) -> None:
        """The open letter's annotations over its text, coloured by severity (or first theme, as chosen)."""
        letter_id, lib = self.onscreen.letter_id, self.desk.lib
        if not letter_id or not self.onscreen.layout:
            self.view.set_highlights([])
            return
        hs = []
        by_theme = self.desk.settings.value("prefs/highlight_by", "severity") == "theme"
        for a in lib.annotations_for(letter_id):
            if a.orphaned:
                continue
            sev = SEVERITY.get(a.severity)
            colour = sev.colour if sev else "#888888"
            if by_theme and a.themes and a.themes[0] in lib.themes:
                colour = lib.themes[a.themes[0]].colour
            themes = themes_said(lib.theme_label(t) for t in a.themes)
            tip = f"{sev.label if sev else a.severity} — {themes}"
            if a.note:
                tip += f"\n{a.note}"
            if a.author:
                tip += f"\n— {a.author}"
            hs.append(Highlight(a.id, a.start, a.end, colour, tip))
        self.view.set_highlights(hs)

    def apply_preferences(self) -> None:
        """Show what Preferences hold: highlight strength and colouring (style and text size are the app's)."""
        self.view.set_highlight_alpha(round(highlight_opacity(self.desk.settings) * 255 / 100))
        self.update_highlights()
        self.view.viewport().update()
