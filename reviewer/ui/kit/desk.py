"""What the window's controllers share, and nothing more.

``Desk``: the workspace (every change goes through it), the worker (slow work and PyMuPDF), Qt's
settings (UI state only), a way to tell the auditor something (the status line), a parent for
dialogs, and the auditor's name (asked for once, when first needed).

``OnScreen``: the letter on screen: which letter, its layout once read, and ``open(letter_id, at=)``,
which opens a letter and then goes to a place in it. The place travels with the request, so nobody
leaves a one-shot callback behind for whoever loads next: ``arrived`` says where to go once the
letter is laid out (at once when it already is), and opening another letter meanwhile drops it.

A controller takes a ``Desk``, the ``OnScreen`` when it follows the open letter, and the widgets it
drives; never the main window.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from array import array
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QStatusBar, QWidget

from reviewer.core.annotations.library import Library
from reviewer.core.reading.furniture import find_furniture
from reviewer.core.reading.suggest import Suggestion
from reviewer.core.text.documents import DocumentError, Extracted
from reviewer.core.text.layout import Layout, page_starts
from reviewer.store.repository import LibraryStore
from reviewer.ui.kit.worker import WorkerHost
from reviewer.workspace import Workspace, WorkspaceError
from reviewer.core.text.words import as_sentence, counted


class Desk:
    """The workspace, the worker, the settings, the status line and the window as a parent for dialogs."""

    def __init__(self, ws: Workspace, host: WorkerHost, settings: QSettings, parent: QWidget,
                 status: QStatusBar) -> None:
        self.ws = ws
        self.host = host
        self.settings = settings
        self.parent = parent
        self._status = status

    @property
    def lib(self) -> Library:
        """The workspace's library, for reading (changes go through ``ws``)."""
        return self.ws.library

    @property
    def store(self) -> LibraryStore:
        return self.ws.store

    # ------------------------------------------------------------ telling the auditor
    def tell(self, message: str, ms: int = 0) -> None:
        """A line in the status bar, for ``ms`` milliseconds (0: until the next)."""
        self._status.showMessage(message, ms)

    def told(self) -> str:
        return self._status.currentMessage()

    def hush(self) -> None:
        self._status.clearMessage()

    def bring_forward(self) -> None:
        """The window to the front (a passage chosen in another window is shown here)."""
        window = self.parent.window()
        window.raise_()
        window.activateWindow()

    # ------------------------------------------------------------ where files go
    _SAVED = ("paths/last_pack", "paths/last_export")  # where the auditor's own files went
    _OPENED = ("paths/last_open", "paths/last_folder")  # where letters came from (often a shared drive)

    def named_with(self, path: str, suffix: str) -> Path | None:
        """The file the auditor chose in a save dialog, with ``suffix`` (".pdf") added where they typed a name
        without it. Where that makes the name of a file already there, they are asked first: the dialog
        asked about the name as typed, or not at all (a bad-input session's "summary" replaced its
        "summary.pdf" unasked). None where they would keep the file."""
        chosen = Path(path)
        full = chosen if chosen.suffix.lower() == suffix.lower() else chosen.with_name(chosen.name + suffix)
        try:
            self.ws.check_export_target(full)  # never over a letter's copy, a backup or the journal
        except WorkspaceError as exc:
            QMessageBox.warning(self.parent, "Choose another place", str(exc))
            return None
        if full is chosen:
            return chosen
        if full.exists():
            yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
            if QMessageBox.question(self.parent, "Replace file?", f"{full.name} already exists in {full.parent}. "
                                    "Do you want to replace it?", yes | no, no) != yes:
                return None
        return full

    def folder(self, key: str) -> Path:
        """The folder a file dialog of this kind starts in: where the last such file went, else where the
        auditor last saved or opened one of its kind (a first pack goes beside the summary just exported),
        else Documents. A summary or pack never starts in a letters' folder: a new user's first export offered
        the shared folder the reports were opened from."""
        kin = self._SAVED if key in self._SAVED else (*self._OPENED, *self._SAVED)
        for k in (key, *(k for k in kin if k != key)):
            value = str(self.settings.value(k, "") or "")
            if value and Path(value).is_dir() and (key not in self._SAVED or os.access(value, os.W_OK)):
                return Path(value)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    # ------------------------------------------------------------ who is working
    def auditor_name(self) -> str | None:
        """The name annotations are signed with; asked for the first time it is needed."""
        name = self.lib.settings.get("auditor", "")
        if name:
            return name
        name = self.ask_auditor_name()
        if name is None:  # (cancelled: say why nothing happened, never a silent no)
            self.tell("Cancelled: Reviewer signs what you do (tags, reviews, packs) with your name. Give it when "
                      "asked, or in Edit > Preferences.", 8000)
        return name

    def ask_auditor_name(self) -> str | None:
        name, ok = QInputDialog.getText(self.parent, "Your name", "Your name, as it should appear on your annotations\n"
                                        "(Edit > Preferences changes it later):",
                                        text=self.lib.settings.get("auditor", ""))
        name = name.strip()
        if not ok or not name:
            return None
        self.ws.set_auditor(name, initiator=self)
        return self.ws.auditor


# ------------------------------------------------------------ where to go in a letter
@dataclass(frozen=True)
class Passage:
    """Select the passage and bring it into view."""
    start: int
    end: int


@dataclass(frozen=True)
class AtAnnotation:
    """Select the annotation in the panel and show it on the page."""
    annotation_id: str


@dataclass(frozen=True)
class Place:
    """A page and the place on it (``PageView.position``): where the auditor left the letter."""
    page: int
    fraction: float


Target = Passage | AtAnnotation | Place


class OnScreen(QObject):
    """The letter on screen. It asks the worker to read a letter, adopts the text it read (re-placing
    annotations if the text changed) and says so; the widgets that show it listen."""

    opening = Signal(str)  # a letter was asked for: its layout is on its way (``layout`` is None)
    pagesKnown = Signal(str, object)  # letter id, an empty Layout of its pages: they can be drawn, the text is on its way
    loaded = Signal(str)  # its layout is here (``layout``)
    failed = Signal(str, str)  # letter id, why it cannot be shown
    arrived = Signal(object)  # a Target asked for with ``open``: the letter is laid out, go there
    closed = Signal()  # no letter on screen any more (``close``)
    leaving = Signal(str)  # the letter on screen gives way to another: where it was left is kept (``keep_place``)
    PLACES = "reading/places"  # letter id -> [page, fraction], the most recently left last
    LAST = "session/last_letter"  # the letter the next start opens, kept as it opens (a window killed, not
    # closed, by a crash or a shutdown still reopens it): one per library (``last_key``), as before stop 50 one for all
    KEPT_PLACES = 300
    KEPT_LISTS = 40  # the lists of the letters opened last (each some kilobytes: settings are no database)
    SHOWN = "reading/shown"  # letter id -> the suggestions its list showed when left: {"held": the strongest in their
    # places, "cards": [[start, end, severity, themes, how sure, why], ...], "library": the library it was left in}

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk.parent)
        self.desk = desk
        self.letter_id: str | None = None
        self.layout: Layout | None = None
        self._target: Target | None = None
        self._furniture: tuple[Layout | None, list[tuple[int, int]]] = (None, [])
        desk.host.worker.loaded.connect(self._loaded)
        desk.host.worker.pages_known.connect(self._pages_known)

    def is_laid_out(self, letter_id: str) -> bool:
        return self.letter_id == letter_id and self.layout is not None

    def furniture(self) -> list[tuple[int, int]]:
        """The laid-out letter's running headers, footers and page numbers (``furniture.find_furniture``), read
        once per layout: what the tag dialog and the cards leave out of a quote across a page break."""
        layout = self.layout
        if layout is None:
            return []
        if self._furniture[0] is not layout:
            self._furniture = (layout, find_furniture(layout.text, page_starts(layout)))
        return self._furniture[1]

    def close(self) -> None:
        """Put the letter on screen away (it has left the library: an undone pack took it): every pane
        hears ``closed`` and shows no letter."""
        if self.letter_id is None:
            return
        self.letter_id, self.layout, self._target = None, None, None
        self.closed.emit()

    def open(self, letter_id: str, at: Target | None = None) -> None:
        """Open ``letter_id`` (unless it is open and laid out already) and then go to ``at``."""
        if at is not None and self.is_laid_out(letter_id):
            self.arrived.emit(at)
            return
        desk = self.desk
        letter = desk.lib.letters.get(letter_id)
        if letter is None:
            return
        try:
            data = desk.store.letter_bytes(letter)
        except DocumentError as exc:
            QMessageBox.warning(desk.parent, "Cannot open letter", as_sentence(str(exc)))  # (the store's words
            # start a clause: "the library's copy of … is missing …")
            return
        if self.letter_id and self.letter_id != letter_id and self.layout is not None:
            self.leaving.emit(self.letter_id)
        if at is None:  # a letter opened again: where the auditor left it (a new user's went back to page 1)
            at = self.left_at(letter_id)
        self.letter_id, self.layout, self._target = letter_id, None, at
        self.opening.emit(letter_id)
        cache = (partial(desk.ws.saved_layout, letter_id), partial(desk.ws.keep_layout, letter_id))
        desk.host.request_load.emit(letter_id, data, letter.kind, letter.source, cache)

    def _kept(self, key: str) -> dict[str, list]:  # type: ignore[type-arg]
        """A per-letter map kept in settings (``PLACES``, ``SHOWN``), the most recently kept last."""
        try:
            kept = json.loads(str(self.desk.settings.value(key, "") or "{}"))
        except ValueError:
            return {}  # (a damaged value is forgotten: it never stops a letter opening)
        return kept if isinstance(kept, dict) else {}

    def _keep(self, key: str, letter_id: str, value: list | dict | None, most: int = 0) -> None:  # type: ignore[type-arg]
        kept = self._kept(key)
        kept.pop(letter_id, None)
        if value:
            kept[letter_id] = value
        while len(kept) > (most or self.KEPT_PLACES):
            kept.pop(next(iter(kept)))
        self.desk.settings.setValue(key, json.dumps(kept, separators=(",", ":")))

    def keep_place(self, letter_id: str, page: int, fraction: float) -> None:
        """Where the auditor left ``letter_id``: it opens there again."""
        self._keep(self.PLACES, letter_id, [int(page), round(float(fraction), 6)])

    def keep_shown(self, letter_id: str, cards: list[Suggestion], held: bool = True) -> None:
        """The suggestions ``letter_id``'s list shows now, as their cards say them: it opens with the same list
        again, each card saying what it said (a new user saw themes added and percentages move across a restart;
        a damaged value: the letter ranks its suggestions afresh). ``held``: the strongest, kept in their places;
        else cards of a list in reading order, kept for what they said only."""
        self._keep(self.SHOWN, letter_id, {"held": bool(held), "cards": [
            [int(c.start), int(c.end), c.severity, list(c.themes), round(float(c.score), 4), c.why[:160]]
            for c in cards], "library": self._library()}, self.KEPT_LISTS)

    def _library(self) -> str:
        """The library open, as the lists kept name it (asked each time: the window may open another)."""
        return str(self.desk.store.path)  # (resolved by the store)

    def last_key(self) -> str:
        """Where the letter the next start of this library opens is kept: each library its own (the settings are
        the computer's; a new user's second library reopened the letter last read in the first)."""
        return f"{self.LAST}/{hashlib.sha256(self._library().encode('utf-8')).hexdigest()[:16]}"

    def last_letter(self) -> str:
        """The letter this library was last left on; for a library left before stop 50, the one kept for all."""
        return str(self.desk.settings.value(self.last_key(), "") or self.desk.settings.value(self.LAST, "") or "")

    def _cards_kept(self, letter_id: str) -> tuple[bool, list]:  # type: ignore[type-arg]
        kept = self._kept(self.SHOWN).get(letter_id)
        if isinstance(kept, dict):  # (a list of cards alone: kept before stop 47, the strongest)
            if kept.get("library", self._library()) != self._library():
                # left in another library (the settings are the computer's, not the library's): its decisions are
                # not this library's, and the list it kept had left out the letter's strongest suggestion, a
                # priority action accepted there and undecided here: the letter ranks its suggestions afresh
                return True, []
            return bool(kept.get("held", True)), kept.get("cards") if isinstance(kept.get("cards"), list) else []
        return True, kept if isinstance(kept, list) else []

    def shown_when_left(self, letter_id: str) -> list[tuple[int, int]]:
        held, cards = self._cards_kept(letter_id)
        try:
            return [(int(x[0]), int(x[1])) for x in cards] if held else []
        except (TypeError, ValueError, IndexError, KeyError):
            return []

    def said_when_left(self, letter_id: str) -> dict[tuple[int, int], tuple[str, tuple[str, ...], float, str]]:
        """What each card shown when ``letter_id`` was left said: (severity, themes, how sure, why), by its passage
        (none for a list kept before cards were: those read afresh)."""
        out = {}
        for x in self._cards_kept(letter_id)[1]:
            try:
                said = (str(x[2]), tuple(str(t) for t in x[3]), float(x[4]), str(x[5]))
                out[(int(x[0]), int(x[1]))] = said
            except (TypeError, ValueError, IndexError, KeyError):
                continue
        return out

    def left_at(self, letter_id: str) -> Place | None:
        where = self._kept(self.PLACES).get(letter_id)
        try:
            page, fraction = int(where[0]), float(where[1])  # type: ignore[index]
        except (TypeError, ValueError, IndexError, KeyError):
            return None
        return Place(page, fraction) if page > 0 or fraction > 0 else None

    def _pages_known(self, letter_id: str, sizes: list) -> None:  # type: ignore[type-arg]
        """The pages can be drawn while the worker reads the text (a letter opened for the first time)."""
        if letter_id == self.letter_id and self.layout is None:
            self.pagesKnown.emit(letter_id, Layout("", sizes, [], array("f"), array("f")))

    def _loaded(self, letter_id: str, layout: Layout | None, error: str, _notes: list) -> None:  # type: ignore[type-arg]
        desk = self.desk
        letter = desk.lib.letters.get(letter_id)
        if letter_id != self.letter_id or letter is None:
            return  # another letter was asked for meanwhile, or this one left the library (an undo)
        target, self._target = self._target, None
        if layout is None:
            self.failed.emit(letter_id, error)
            QMessageBox.warning(desk.parent, "Cannot open letter", error)
            return
        self.layout = layout
        desk.settings.setValue(self.last_key(), letter_id)
        ex = Extracted(layout.text, page_starts(layout), layout.page_count, desk.ws.extractor(letter))
        moved = desk.ws.adopt_text(letter, ex)
        self.loaded.emit(letter_id)
        if target is not None:
            QTimer.singleShot(50, self, lambda: self._arrive(letter_id, target))  # once the view has settled
        elif any(a.orphaned for a in moved):
            n = sum(1 for a in moved if a.orphaned)
            QMessageBox.information(desk.parent, "Annotations need attention",
                                    f"The text of {desk.lib.display_title(letter_id)} has changed since it was annotated. "
                                    f"{counted(n, 'annotation')} could not be placed and are listed as needing attention; "
                                    "none has been removed.")

    def _arrive(self, letter_id: str, target: Target) -> None:
        if self.is_laid_out(letter_id):  # not if another letter was asked for in the 50 ms
            self.arrived.emit(target)
