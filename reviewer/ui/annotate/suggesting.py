"""Reading the open letter like an inspector, in the window: its structure (for the outline and
whole-sentence selection) and its suggestions (dashed in the letter, cards in the panel), worked
out on the worker thread and re-worked whenever annotations, themes or dismissals change.
Accepting, editing and dismissing go through the undo stack like any other change; the panel and
the letter follow a decision, its undo and its redo at once, and the full re-work follows."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget

from reviewer.core.text.layout import page_starts
from reviewer.core.reading.metadata import fill_blanks, read_metadata
from reviewer.core.annotations.library import Change
from reviewer.core.annotations.codebook import severities
from reviewer.core.annotations.model import Annotation, LetterMeta
from reviewer.core.reading.inspectors_list import inspectors_items
from reviewer.core.reading.outline import Structure, analyse
from reviewer.core.reading.marks import RawMark, place_marks
from reviewer.core.reading.theming import ThemeModel
from reviewer.core.reading.suggest import (Suggestion, dismissed_key, leans_on, list_heading, read_dismissed,
                                           tagged_over)
from reviewer.core.text.words import counted
from reviewer.letters.importing import created_date
from reviewer.letters.pdf_marks import read_pdf_marks
from reviewer.store.letter_files import read_kept
from reviewer.ui.annotate.suggestions_panel import WHAT_NEEDS_TO_IMPROVE, SuggestionsPanel
from reviewer.ui.annotate.tag_dialog import TagDialog
from reviewer.ui.kit.desk import Desk, OnScreen
from reviewer.ui.kit.look import SEVERITY
from reviewer.ui.reader.outline_panel import OutlinePanel
from reviewer.ui.reader.overlays import Highlight
from reviewer.ui.reader.page_view import PageView


def sug_id(s: Suggestion) -> str:
    return f"{s.start}:{s.end}"



def _called(title: str) -> str:
    """What the Accept All button calls a list by its heading: ILACS's "What needs to improve …?" one way."""
    return WHAT_NEEDS_TO_IMPROVE if title.lower().startswith("what needs to improve") else list_heading(title)


RETURNING_AT_MOST = 3  # tags deleted at once whose cards come back among the strongest shown
SHOW_ALL_KEY = "view/show_all_suggestions"
SEVERITY_KEY = "view/suggestions_severity"


class SuggestionController(QObject):
    """Drives the suggestions panel, the outline panel, the dashes in the page view, the count on the
    right-hand tabs and the Show Suggestions action."""

    panelWanted = Signal()  # the auditor steps into the suggestions: bring their panel forward

    def __init__(self, desk: Desk, onscreen: OnScreen, view: PageView, panel: SuggestionsPanel,
                 outline_panel: OutlinePanel, tabs: QTabWidget, shown_action: QAction) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.view = desk, onscreen, view
        self.panel, self.outline_panel, self.tabs, self.shown_action = panel, outline_panel, tabs, shown_action
        self.structure: Structure | None = None
        self.suggestions: list[Suggestion] = []  # as the panel shows them (a card shown says what it said)
        self._found: list[Suggestion] = []  # as the last re-work found them, less those decided on since
        self._jumped: tuple[int, int] | None = None  # (the view's scroll, the offset) the outline last took it to
        self._generation = 0
        self._landed = 0  # the generation whose re-work is on screen
        self._text_of_structure = ""
        self._items_of: tuple[Structure, list[tuple[int, int]]] | None = None  # the structure and its items' spans
        self._created: dict[str, str | None] = {}  # letter id -> its PDF's creation date, read once
        self._accepted: dict[str, Suggestion] = {}  # annotation id -> the suggestion it was accepted from
        self._covered: list[tuple[int, int]] = []  # passages just tagged by hand: their suggestions go
        self._dismissed: list[Suggestion] = []  # dismissed from the open letter, to show again on undo
        self._theme_model: ThemeModel | None = None  # the themes' model the suggestions were last read with
        self._quiet = False  # the panel changed under the auditor: the letter stays where it is
        self._list_names: dict[str, set[str | None]] = {}  # letter -> the headings its items were seen under
        self._marks: dict[str, list[RawMark]] = {}  # letter id -> the marks its PDF carries, read once
        self._held: str | None = None  # the letter whose list is shown (see ``_show``)
        self._tagged: dict[str, tuple[int, int]] = {}  # the open letter's annotations' passages, by id
        self._returning: list[tuple[int, int]] = []  # passages whose tags were deleted: their cards come back
        self.shown = desk.settings.value("view/suggestions", True) not in (False, "false")
        shown_action.setCheckable(True)
        shown_action.setChecked(self.shown)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        p = panel
        p.acceptRequested.connect(self.accept)
        p.editRequested.connect(self.edit)
        p.dismissRequested.connect(self.dismiss)
        p.acceptImproveRequested.connect(self.accept_improve)
        p.restoreRequested.connect(self.restore)
        p.current.connect(self._current)
        p.letterWanted.connect(self._to_letter)
        p.shownChanged.connect(self._shown_changed)
        p.heldChanged.connect(self._keep_shown)
        # Show All or Strongest Only, as the auditor left it (a new user's Show All was gone after a restart, the list
        # back at the strongest though the letter reopened at page 44)
        p.set_show_all(desk.settings.value(SHOW_ALL_KEY, False) in (True, "true"))
        p.more_btn.toggled.connect(lambda on: desk.settings.setValue(SHOW_ALL_KEY, bool(on)))
        kept = p.severity.findData(str(desk.settings.value(SEVERITY_KEY, "") or ""))  # and the severity box
        p.severity.setCurrentIndex(max(0, kept))
        p.severity.currentIndexChanged.connect(lambda *_: desk.settings.setValue(SEVERITY_KEY,
                                                                                 p.severity.currentData() or ""))
        view.suggestionClicked.connect(self._clicked)
        view.pageChanged.connect(self._follow)
        view.readingMoved.connect(self._follow)
        outline_panel.jump.connect(self._jump)
        onscreen.opening.connect(self.letter_changed)
        onscreen.loaded.connect(self.letter_changed)
        onscreen.closed.connect(self.letter_changed)
        desk.lib.subscribe(self._library_changed)

    # ------------------------------------------------------------ working it out
    def letter_changed(self, *_: object) -> None:
        """A letter was opened (or closed): forget the last one's structure, work out this one's."""
        self._generation += 1
        self.structure, self.suggestions, self._found, self._text_of_structure = None, [], [], ""
        self._accepted, self._dismissed = {}, []
        letter_id = self.onscreen.letter_id
        self._held = None  # the letter whose list is shown (its cards were put back in their places)
        self._tagged = {a.id: (a.start, a.end) for a in self.desk.lib.annotations_for(letter_id or "")}
        self._returning = []
        layout = self.onscreen.layout
        # the cards say their page: strongest first, they come from anywhere in the letter
        self.panel.page_of = (lambda offset: layout.page_of(offset) + 1) if layout is not None else None
        self.panel.after_of = None
        self.panel.afresh = self._afresh
        self.view.set_suggested([])
        self.outline_panel.set_structure(None, message="Reading the letter's structure…" if letter_id else "")
        self.panel.set_suggestions([], "Reading the letter…" if letter_id else
                                   "Open a letter to see what Reviewer suggests tagging.")
        self._tab_count()  # (not the last letter's count beside "Reading the letter…")
        if letter_id and self.tabs.currentIndex() == 0 and not self.desk.lib.annotations_for(letter_id):
            self.tabs.setCurrentWidget(self.panel)  # a letter not yet tagged: what there is to tag, not an empty list
        if self.onscreen.layout is not None:
            self.refresh()
        else:
            self._landed = self._generation  # nothing to work out until the letter is read

    def _keep_shown(self) -> None:
        """The cards the list shows, kept with the letter: the strongest in their places, or of a list in reading
        order those that say other than the library now reads them (a new user's Show All came back after a
        restart with its percentages moved; all of a long report's 600 would not fit the settings)."""
        if self._held is None or self._held != self.onscreen.letter_id:
            return
        cards = self.panel.visible()
        if self.panel.holds():
            self.onscreen.keep_shown(self._held, cards)
            return
        found = {(s.start, s.end): (s.severity, s.themes, round(s.score, 4)) for s in self._found}
        self.onscreen.keep_shown(self._held, [c for c in cards if (c.start, c.end) in found and
                                              found[(c.start, c.end)] != (c.severity, c.themes, round(c.score, 4))],
                                 held=False)

    @property
    def settled(self) -> bool:
        """No re-work waiting or on its way: what the panel shows is the last one asked for."""
        return self._landed == self._generation and not self._timer.isActive()

    def schedule(self) -> None:
        if self.onscreen.layout is not None:
            self._timer.start()

    def refresh(self) -> None:
        onscreen, lib = self.onscreen, self.desk.lib
        layout, letter_id = onscreen.layout, onscreen.letter_id
        if layout is None or letter_id is None or not layout.text.strip():
            self._landed = self._generation  # nothing to work out
            if layout is not None and letter_id is not None:
                self.outline_panel.set_structure(None, message="This letter has no text (scanned or image-only).")
                self.panel.set_suggestions([], "This letter has no text to suggest from (scanned or image-only).")
            return
        self._generation += 1
        gen = self._generation
        text, starts = layout.text, page_starts(layout)
        themes = list(lib.themes.values())
        library = list(lib.annotations.values())  # a snapshot: the worker must not see the dict change
        dismissed = read_dismissed(lib.settings, letter_id)
        shown_before = list(self.suggestions) if self._text_of_structure == text else []  # (to tell what a decision
        # withdrew besides itself: the library learns from it)
        settings = dict(lib.settings)  # a snapshot for the worker: the passages dismissed in other letters
        known = self.structure if self._text_of_structure == text else None
        letter = lib.letters.get(letter_id)
        pdf = self.desk.store.letter_file(letter) if letter is not None and letter.kind == "pdf" else None
        source = letter.source if letter is not None else None
        created_known = letter_id in self._created
        known_created = self._created.get(letter_id)
        known_marks = self._marks.get(letter_id)

        def unwanted() -> bool:  # (asked on the reading thread: another letter or a newer change wants it now)
            return gen != self._generation or letter_id != onscreen.letter_id

        def from_pdf() -> tuple[str | None, list[RawMark]]:  # read once per letter, on the PDF worker
            created, raw = known_created, known_marks
            try:
                data = read_kept(pdf) if pdf is not None else b""
            except OSError:
                data = b""
            if not created_known:
                created = created_date(data, pdf.name) if data and pdf is not None else None
            if raw is None:  # highlights and comments made in another reader
                raw = read_pdf_marks(data, pdf.name) if data and pdf is not None else []
            return created, raw

        def job(created: str | None, raw: list[RawMark] | None
                ) -> tuple[Structure, list[Suggestion], LetterMeta, str | None, list[RawMark], ThemeModel]:
            # on the thread that reads text: a long letter's reading keeps no page from being drawn
            st = known or analyse(text, starts)
            raw = raw or []
            model = ThemeModel(themes, library)  # (kept: the themes of a passage tagged by hand, read off this thread)
            found = self.desk.ws.suggestions(letter_id, text, st, place_marks(layout, raw, st) if raw else (),
                                             snapshot=(library, settings, themes), theme_model=model,
                                             stop=unwanted)
            # as on import: a report's date is its PDF's
            return st, found, read_metadata(text, created, source), created, raw, model

        def done(out: tuple[Structure, list[Suggestion], LetterMeta, str | None, list[RawMark], ThemeModel]) -> None:
            if gen != self._generation or letter_id != onscreen.letter_id:
                return  # a newer letter or change has been asked for
            self._landed = gen
            said = self._cards_said() if self._text_of_structure == text else {}
            self.structure, self._found, meta, created, raw, self._theme_model = out
            self.suggestions = [said.get((s.start, s.end), s) for s in self._found]  # a card shown says what it said
            if self._returning:  # (a tag or two deleted: its passage's card back among the strongest; not the
                # dozens an undone Accept All or pack takes away, which would swell the list)
                back, self._returning = self._returning, []
                if len(back) <= RETURNING_AT_MOST:
                    self.panel.hold_also([(s.start, s.end) for s in self._found
                                          if any(s.start < b and a < s.end for a, b in back)])
            self._text_of_structure = text
            self._show(len(dismissed))
            self._tell_withdrawn(shown_before, self._found, library, letter_id, dismissed, starts)
            self._created[letter_id] = created
            self._marks[letter_id] = raw
            self._fill_details(letter_id, meta)

        def failed(exc: Exception) -> None:
            if gen == self._generation and letter_id == onscreen.letter_id:
                self._landed = gen
                self.panel.set_suggestions([], f"Suggestions could not be worked out: {exc}")

        host = self.desk.host
        if pdf is not None and (not created_known or known_marks is None):
            host.call(from_pdf, lambda got: host.think(lambda: job(*got), done, failed, key="suggestions"), failed,
                      key="suggestions")
        else:
            host.think(lambda: job(known_created, known_marks), done, failed, key="suggestions")

    def _tell_withdrawn(self, before: list[Suggestion], now: list[Suggestion], library: list[Annotation],
                        letter_id: str, dismissed: list[tuple[int, int]], starts: list[int]) -> None:
        """Say so where a decision withdrew other suggestions besides its own passage (the library learns from
        every decision: a dismissal can take a like passage pages away with it, and a new user saw the count
        fall by two with no word why, stop 45). Undo brings them back."""
        if not before:
            return
        decided = set(dismissed) | {(a.start, a.end) for a in library if a.letter_id == letter_id and not a.orphaned}
        spans = [(x.start, x.end) for x in now]
        gone = [x for x in before if x.origin == "suggester" and not tagged_over(x.start, x.end, decided)
                and (x.start, x.end) not in decided and not tagged_over(x.start, x.end, spans)]
        if not gone:
            return
        pages = sorted({bisect_right(starts, x.start) for x in gone}) if starts else []
        where = f" (p. {', '.join(map(str, pages[:5]))}{'…' if len(pages) > 5 else ''})" if pages else ""
        them = "it" if len(gone) == 1 else "them"
        said = self.desk.told()
        back = "" if "Ctrl+Z" in said else f" Ctrl+Z brings {them} back."  # (said once: the decision's undoes it too)
        self.desk.tell(f"{said + '  ' if said else ''}{counted(len(gone), 'other suggestion')}{where} withdrawn with it: "
                       f"you decided a passage like {them}.{back}", 10000)

    def _cards_said(self) -> dict[tuple[int, int], Suggestion]:
        """The cards the list shows, by their passages: until the auditor decides on one, it keeps the
        severity, themes and confidence it was shown with, though a decision elsewhere re-ranks the rest (what
        the auditor read is what Enter accepts; a held-out session saw a theme it never chose carried into a
        tag, and percentages move under the cursor). So in every view: the strongest, one severity's (a new
        user's edit of one card had halved the percentages of the areas for improvement listed under it, stop
        46) and Show All. Cards not yet shown take what the library has learnt."""
        panel, themes = self.panel, self.desk.lib.themes
        return {(s.start, s.end): s for s in panel.visible()
                if all(t in themes and not themes[t].retired for t in s.themes)}

    def _as_said_when_left(self, found: list[Suggestion]) -> list[Suggestion]:
        """The suggestions with the cards shown when the letter was left saying what they said then (its severity,
        themes, how sure and why), across a restart as within a session; a card whose theme has gone since, or
        whose passage is no longer suggested, reads afresh."""
        said = self.onscreen.said_when_left(self.onscreen.letter_id or "")
        themes = self.desk.lib.themes
        known = {x.id for x in severities()}
        out = []
        for s in found:
            was = said.get((s.start, s.end))
            if was is not None and was[0] in known and all(t in themes and not themes[t].retired for t in was[1]):
                s = replace(s, severity=was[0], themes=was[1], score=was[2], why=was[3])
            out.append(s)
        return out

    def _afresh(self) -> list[Suggestion]:
        """Every suggestion as the library now reads it: what the list shows when the auditor asks for it
        afresh (Show All, Strongest Only)."""
        found = {(s.start, s.end): s for s in self._found}
        self.suggestions = [found.get((s.start, s.end), s) for s in self.suggestions]
        return self.suggestions

    def _fill_details(self, letter_id: str, found: LetterMeta) -> None:
        """Details a letter lacks because it was imported before Reviewer could read them (authority,
        judgements, visit numbers, inspectors, a report's estimated date and its "estimated" flag):
        filled in where blank, never overwriting what the auditor set (``fill_blanks``)."""
        letter = self.desk.lib.letters.get(letter_id)
        if letter is None:
            return
        meta = fill_blanks(letter.meta, found)
        if meta != letter.meta:
            self.desk.ws.fill_details(letter_id, meta, initiator=self)

    def _show(self, dismissed: int) -> None:
        st = self.structure
        assert st is not None
        self.view.set_structure(st)
        text = self._text_of_structure
        self.panel.after_of = lambda s: leans_on(text, st, s)  # (the card's "after “…”")
        improve = sum(1 for s in self.suggestions if self._in_improve(s))
        if self.suggestions:
            msg = ""
        elif dismissed:
            msg = "Nothing left to suggest: every passage is tagged or dismissed."
        elif self.onscreen.letter_id and self.desk.lib.annotations_for(self.onscreen.letter_id):
            msg = "Nothing to suggest: every passage worth tagging is tagged."
        else:  # (said of an untagged letter, "every passage … is tagged" was untrue: a scanned report, a bare list)
            msg = ("Nothing to suggest: Reviewer found no passage here that judges practice. Select a passage "
                   "and press Ctrl+T to tag it yourself.")
        if self._held != self.onscreen.letter_id and self.onscreen.letter_id:  # its first list since it opened:
            self._held = self.onscreen.letter_id  # the cards it showed when it was left, in their places
            self.panel.hold(self.onscreen.shown_when_left(self._held))
            self.suggestions = self._as_said_when_left(self.suggestions)
        self._quiet = True  # a re-work never moves the letter
        try:
            self.panel.set_suggestions(self.suggestions, msg, improve, dismissed, self._list_name())
        finally:
            self._quiet = False
        self.outline_panel.set_structure(st, self._counts())
        self._paint()
        self._tab_count()
        self._follow(self.view.current_page())

    def _follow(self, *_: object) -> None:
        """The outline marks the part the reader is in (where their eye is, not the top of the page in view);
        a list in reading order shows the suggestions there."""
        if self.onscreen.layout is not None:
            offset = self.view.reading_offset()
            if self._jumped is not None and self._jumped[0] == self.view.verticalScrollBar().value():
                offset = self._jumped[1]  # where the outline took the reader, until they scroll on (the eye's third
                # of the way down had marked a later part, and a page's first part where it fell between lines)
            self.outline_panel.follow(offset)
            self.panel.follow(offset)

    def _counts(self) -> dict[int, tuple[int, int]]:
        assert self.structure is not None
        anns = sorted(a.start for a in self.desk.lib.annotations_for(self.onscreen.letter_id or "") if not a.orphaned)
        sugs = sorted(s.start for s in self.suggestions)

        def within(xs: list[int], start: int, end: int) -> int:  # by halving: a report has 700 suggestions
            return bisect_left(xs, end) - bisect_left(xs, start)

        return {p.start: (within(anns, p.start, p.end), within(sugs, p.start, p.end)) for p in self.structure.parts}

    def _in_improve(self, s: Suggestion) -> bool:
        """Under the inspectors' "What needs to improve" or priority-action list, as the suggester read it
        (it also finds a list the outline did not list as a part, and sees where such a part really ends)."""
        return s.listed

    def themes_read(self, quote: str, severity: str) -> tuple[str, ...]:
        """The themes read in a passage no suggestion covers, with the model the suggestions were read with (built
        on the worker; a library of 20,000 tags takes a tenth of a second to model)."""
        return self.desk.ws.proposed_themes(quote, severity, self._theme_model)

    def reading_of(self, start: int, end: int) -> tuple[str, tuple[str, ...]] | None:
        """The severity and themes suggested for the passage the auditor selected to tag by hand (a
        suggestion covering most of it), for the tag dialog to start from; None where none does."""
        best, most = None, 0
        for s in self.suggestions:
            shared = min(end, s.end) - max(start, s.start)
            if shared > most:
                best, most = s, shared
        if best is None or most < 0.5 * max(end - start, best.end - best.start):
            return None
        return best.severity, tuple(best.themes)

    def _list_name(self) -> str | None:
        """The heading the letter gives its inspectors' list ("Recommendations", "What needs to improve"), for
        the Accept All button; None where the items sit under more than one (or under none the outline names)."""
        lists = [p for p in (self.structure.parts if self.structure else ()) if p.kind in ("improve", "priority")]

        def heading(at: int) -> str | None:
            under = [p for p in lists if p.start <= at]
            return _called(under[-1].title) if under and under[-1].title else None

        names = {heading(s.start) for s in self.suggestions if self._in_improve(s)}
        letter = self.onscreen.letter_id or ""
        # and the lists whose items are tagged already: one list's items accepted, then a restart, named the other
        # list (a new user's button read "Inspectors' Items" on first opening, "Areas for improvement" after)
        # (an item read as the suggester reads it: a list's part may span its heading line alone, its items under
        # sub-headings the outline made parts of their own, "Areas for priority action" / "Help and protection")
        items = self._items() if names else []
        names |= {heading(a.start) for a in self.desk.lib.annotations_for(letter)
                  if any(a.start < e and s < a.end for s, e in items)} if names else set()
        if not names and letter not in self._list_names:  # every item decided, after a restart: the one the letter's
            # lists give ("Recommendations" had become "What needs to improve")
            headings = {_called(p.title) for p in lists if p.title}
            return headings.pop() if len(headings) == 1 else None if headings else WHAT_NEEDS_TO_IMPROVE  # (more
            # than one list: "Inspectors' Items", as before)
        # every heading an item was seen under since the letter opened, decided or not: the button keeps its name as
        # items are decided and undone (a new user's, after Accept All and Redo, named one of two lists)
        seen = self._list_names.setdefault(letter, set())
        seen |= names
        return next(iter(seen)) if len(seen) == 1 else None

    def _items(self) -> list[tuple[int, int]]:
        """Where the letter's inspectors' items lie, as the suggester reads them (read once per reading)."""
        st = self.structure
        if st is None:
            return []
        if self._items_of is None or self._items_of[0] is not st:
            self._items_of = (st, [(s, e) for s, e, _, _ in inspectors_items(self._text_of_structure, st)])
        return self._items_of[1]

    def _paint(self, current: Suggestion | None = None) -> None:
        if not self.shown:
            self.view.set_suggested([])
            return
        cur = current or self.panel.current_suggestion()
        hs = [Highlight(sug_id(s), s.start, s.end, SEVERITY[s.severity].colour if s.severity in SEVERITY else "#888",
                        f"Suggested: {s.severity}") for s in self.panel.visible()]
        self.view.set_suggested(hs, sug_id(cur) if cur else None)

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        self.desk.settings.setValue("view/suggestions", shown)
        self._paint()

    # ------------------------------------------------------------ the auditor's decisions
    def _author(self) -> str | None:
        return self.desk.auditor_name()

    def accept(self, chosen: list[Suggestion], follow: bool = True) -> None:
        """Accept these suggestions as annotations, one step; ``follow``: the letter shows the next card (one
        decided by keyboard), not for a whole list accepted at once, which leaves the reader's place alone."""
        chosen = [s for s in chosen if s in self.suggestions]
        if not chosen or self.onscreen.layout is None:
            return
        if len(chosen) == 1 and not chosen[0].themes:
            self.edit(chosen[0])  # no theme to accept with: the auditor picks one
            return
        follow = follow and self.panel.list.hasFocus()  # (before the name is asked, the first time)
        author = self._author()
        if author is None:
            return
        anns = self._accept([(s.start, s.end, s.themes, s.severity, s.note, s.author) for s in chosen], author)
        if anns:
            self._remember_accepted(anns, chosen)
            self._drop(chosen, follow)

    def accept_improve(self) -> None:
        self.accept([s for s in self.suggestions if self._in_improve(s)], follow=False)  # (a new user reading
        # page 11 was taken to page 2, the next card's, by Ctrl+Shift+Enter)

    def edit(self, s: Suggestion) -> None:
        layout = self.onscreen.layout
        if layout is None or s not in self.suggestions:
            return
        follow = self.panel.list.hasFocus()  # decided by keys in the list (E): judged before the dialog takes them
        author = self._author()
        if author is None:
            return
        dlg = TagDialog(s.quote, list(self.desk.lib.themes.values()), chosen=s.themes,
                        severity=s.severity, note=s.note,
                        title="Accept highlight from the PDF" if s.origin == "pdf" else "Edit and accept suggestion",
                        parent=self.desk.parent)
        dlg.stand_clear_of(self.view.passage_on_screen(s.start, s.end))
        if dlg.exec() != TagDialog.DialogCode.Accepted:
            return
        themes, severity, note = dlg.result_values()
        changed = (tuple(themes), severity) != (tuple(s.themes), s.severity)  # (a note added changes no verdict)
        anns = self._accept([(s.start, s.end, tuple(themes), severity, note, s.author)], author, changed)
        if anns:
            self._remember_accepted(anns, [s])
            self._drop([s], follow)

    def dismiss(self, chosen: list[Suggestion]) -> None:
        letter_id = self.onscreen.letter_id
        chosen = [s for s in chosen if s in self.suggestions]
        if not chosen or letter_id is None:
            return
        follow = self.panel.list.hasFocus()
        self.desk.ws.dismiss_suggestions(letter_id, [(s.start, s.end) for s in chosen], initiator=self)
        self._dismissed += [s for s in chosen if s not in self._dismissed]  # (once, dismissed again after an undo)
        self._said(self.desk.ws.undo.last_done())
        self._drop(chosen, follow)

    def restore(self) -> None:
        letter_id = self.onscreen.letter_id
        if letter_id is None:
            return
        self.desk.ws.restore_dismissed(letter_id, initiator=self)
        self._said(self.desk.ws.undo.last_done())

    def _accept(self, chosen: list[tuple[int, int, tuple[str, ...], str, str, str]], author: str,
                changed: bool = False) -> list:  # type: ignore[type-arg]
        layout, letter_id = self.onscreen.layout, self.onscreen.letter_id
        assert layout is not None and letter_id is not None
        anns = self.desk.ws.accept_suggestions(letter_id, layout.text, page_starts(layout), chosen, author,
                                               initiator=self, changed=changed)
        if anns:
            self._said(self.desk.ws.undo.last_done())  # "Accepted suggestion (with changes)", as the command says
        return anns

    def _said(self, what: str) -> None:
        self.desk.tell(f"{what} — Ctrl+Z undoes it.", 4000)

    def _remember_accepted(self, anns: list, chosen: list[Suggestion]) -> None:  # type: ignore[type-arg]
        by_range = {(s.start, s.end): s for s in chosen}
        for a in anns:
            s = by_range.get((a.start, a.end))
            if s is not None:
                self._accepted[a.id] = s

    def _library_changed(self, change: Change) -> None:
        """A decision undone (or done again) shows at once: the suggestion an undone accept or dismissal
        took away is back in the panel and the letter, and one redone goes; the re-work follows."""
        if self.structure is None:
            return
        if change.kind == "annotation" and change.op == "remove" and change.id in self._tagged:
            self._returning.append(self._tagged.pop(change.id))
        elif change.kind == "annotation" and change.op == "put" and isinstance(change.record, Annotation) and \
                change.record.letter_id == self.onscreen.letter_id:
            self._tagged[change.id] = (change.record.start, change.record.end)
        if change.kind == "annotation" and change.id in self._accepted:
            s = self._accepted[change.id]
            if change.op == "remove":
                self._put_back([s])
            elif s in self.suggestions:
                self._drop([s], self.panel.list.hasFocus())
        elif change.kind == "annotation" and change.op == "put" and isinstance(change.record, Annotation) \
                and change.record.letter_id == self.onscreen.letter_id:
            a = change.record  # a passage tagged by hand: the suggestions it covers go at once, not at the re-work
            if not self._covered:
                QTimer.singleShot(0, self, self._drop_covered)  # (once for a burst: a pack's thousands)
            self._covered.append((a.start, a.end))
        elif change.kind == "setting" and change.id == dismissed_key(self.onscreen.letter_id or "") and self._dismissed:
            dismissed = set(read_dismissed(self.desk.lib.settings, self.onscreen.letter_id or ""))
            back = [s for s in self._dismissed if (s.start, s.end) not in dismissed and s not in self.suggestions]
            gone = [s for s in self._dismissed if (s.start, s.end) in dismissed and s in self.suggestions]
            if back:
                self._put_back(back)
            if gone:
                self._drop(gone, self.panel.list.hasFocus())

    def _drop_covered(self) -> None:
        spans, self._covered = self._covered, []
        gone = [s for s in self.suggestions if any(s.start < b and a < s.end for a, b in spans)]
        if gone:
            self._drop(gone, self.panel.list.hasFocus())

    def _put_back(self, back: list[Suggestion]) -> None:
        """Suggestions an undo brings back, the first of them the current card again (Enter takes it)."""
        self.suggestions = sorted([*self.suggestions, *(s for s in back if s not in self.suggestions)],
                                  key=lambda s: (s.start, s.end))
        found = {(s.start, s.end) for s in self._found}
        self._found = sorted([*self._found, *(s for s in back if (s.start, s.end) not in found)],
                             key=lambda s: (s.start, s.end))
        self._show_now()
        first = min(back, key=lambda s: s.start)
        self._quiet = True
        try:
            self.panel.select(sug_id(first))
        finally:
            self._quiet = False
        if len(back) == 1:  # one decision undone: the letter shows the card it put back where it is out of view
            # (a held-out session's Ctrl+Z brought back a page-14 card with the letter left on page 23); a whole
            # list undone leaves the reader's place alone
            self.view.scroll_to_range(first.start, first.end, only_if_hidden=True)

    def _drop(self, gone: list[Suggestion], follow: bool = False) -> None:
        """Take decided suggestions off the panel at once; the full re-work follows the change. ``follow``:
        decided by keyboard in the list (Enter, E, Delete), the letter shows the next card's passage where it
        is out of view: the next decision is made reading it (new users' letters stayed on the passage just
        accepted, and after the accept dialog or the first accept's name, on a page five pages back)."""
        self.suggestions = [s for s in self.suggestions if s not in gone]
        spans = {(s.start, s.end) for s in gone}
        self._found = [s for s in self._found if (s.start, s.end) not in spans]
        self._show_now()
        nxt = self.panel.current_suggestion()
        if follow and nxt is not None:
            self.view.scroll_to_range(nxt.start, nxt.end, only_if_hidden=True)

    def _show_now(self) -> None:
        """The panel, its tab and the letter's dashes as the suggestions now stand, without waiting for
        the re-work (whose answer, if already on its way, is from before and is dropped)."""
        self._generation += 1
        panel = self.panel
        had_focus = panel.list.hasFocus()
        self._quiet = True  # the next card becomes current: the letter stays where the auditor reads
        try:
            panel.set_suggestions(self.suggestions, "", sum(1 for s in self.suggestions if self._in_improve(s)),
                                  len(read_dismissed(self.desk.lib.settings, self.onscreen.letter_id or "")),
                                  self._list_name())
        finally:
            self._quiet = False
        self._paint()
        self._tab_count()
        if self.structure is not None:  # (the outline's counts too, not 2-3 s later with the re-work)
            self.outline_panel.set_counts(self._counts())
        if had_focus:
            panel.list.setFocus()

    def _tab_count(self) -> None:
        n = len(self.suggestions)
        self.tabs.setTabText(self.tabs.indexOf(self.panel), f"Suggestions ({n})" if n else "Suggestions")

    # ------------------------------------------------------------ moving about (the window's actions)
    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        panel, layout = self.panel, self.onscreen.layout
        entering = not panel.list.hasFocus()
        self.panelWanted.emit()
        after = None
        if entering and layout is not None:  # from the letter: the first suggestion where the reader is
            sel = self.view.selection()
            after = sel[0] if sel else (layout.page_first_offset(self.view.current_page()) or 0)
            cur = panel.current_suggestion()
            if cur is not None and not sel and self.view.in_view(cur.start, cur.end):
                # the current card is already marked where the auditor reads: the key goes on from it (on
                # opening a letter, the first Alt+Down otherwise stayed on the card already shown)
                after = cur.start + 1 if delta > 0 else cur.start
        panel.step(delta, after)

    def accept_current(self) -> None:
        self.accept(self.panel.selected())

    def dismiss_current(self) -> None:
        self.dismiss(self.panel.selected())

    def toggle_shown(self) -> None:
        self.set_shown(not self.shown)
        self.shown_action.setChecked(self.shown)

    def _shown_changed(self) -> None:
        """Show All (reading order) or a severity: the list goes to where the auditor reads, its card there
        the current one (the card chosen before, if it is in view, stays chosen); the letter never moves for it."""
        panel, layout = self.panel, self.onscreen.layout
        cur = panel.current_suggestion()  # the card chosen before, where the new list still holds it: where it
        kept = cur is not None and self.view.in_view(cur.start, cur.end)  # is in view, it stays chosen (M, M
        # went to another card)
        if not kept and layout is not None and (panel.show_all or panel.severity.currentData()):
            row = panel.first_from(layout.page_first_offset(self.view.current_page()) or 0)
            if row is None:
                row = panel.list.count() - 1  # past the last card: the last
            if row >= 0:
                self._quiet = True
                try:
                    panel.select(sug_id(panel.visible()[row]))
                finally:
                    self._quiet = False
        self._paint(panel.current_suggestion())

    def _current(self, s: Suggestion | None) -> None:
        self._paint(s)
        if s is not None and not self._quiet and not self.panel.refilling and self.panel.list.hasFocus():
            self.view.scroll_to_range(s.start, s.end, only_if_hidden=True)

    def _to_letter(self, s: Suggestion | None) -> None:
        """Esc in the list: the letter takes the keyboard, showing the suggestion the list was on, and selecting by
        keyboard goes on from it (Ctrl+Down the sentence after it, Ctrl+Up its own: a new user's Ctrl+Down had
        taken the heading at the top of the page, stop 51)."""
        if s is not None:
            self.view.scroll_to_range(s.start, s.end, only_if_hidden=True)
            self.view.put_caret(s.end)
        self.view.setFocus()

    def _clicked(self, sid: str) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.panel.select(sid)

    def _jump(self, start: int, end: int) -> None:
        self.view.scroll_to_range(start, end, at_top=True)  # (a paragraph clicked in the outline had the one
        # before it at the top, stop 46)
        self._jumped = (self.view.verticalScrollBar().value(), start)  # the part chosen stays marked
        self._follow()
