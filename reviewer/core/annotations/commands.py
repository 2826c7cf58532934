"""Undoable changes. Every edit an auditor makes is a ``Command`` with do/undo and a label.

"All UI frontends should map interactions to command objects": the window, its shortcuts and
tests all change the library through ``UndoStack.push``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter, Revision, Theme, stamp_iso
from reviewer.core.text.words import person


# The verbs labels start with, and what the status bar says once they are done ("Accepted suggestion").
PAST = {"Accept": "Accepted", "Add": "Added", "Change": "Changed", "Clear": "Cleared", "Delete": "Deleted",
        "Dismiss": "Dismissed", "Edit": "Edited", "Import": "Imported", "Mark": "Marked", "Open": "Opened",
        "Recolour": "Recoloured", "Rename": "Renamed", "Restore": "Restored", "Retire": "Retired", "Set": "Set",
        "Sign": "Signed", "Tag": "Tagged", "Update": "Updated", "Withdraw": "Withdrew"}


def past_tense(label: str) -> str:
    """"Accept suggestion" -> "Accepted suggestion": what a command's label says, once it is done."""
    verb, _, rest = label.partition(" ")
    done = PAST.get(verb)
    return f"{done} {rest}".rstrip() if done else label


class Command:
    """A change the auditor can undo. ``label`` names it as a step ("Accept suggestion", for the Edit
    menu's Undo and Redo); ``done`` says what was done ("Accepted suggestion", for the status bar)."""

    label = "Change"

    @property
    def done(self) -> str:
        return past_tense(self.label)

    def do(self, lib: Library, initiator: object | None) -> None:
        raise NotImplementedError

    def undo(self, lib: Library, initiator: object | None) -> None:
        raise NotImplementedError


@dataclass
class AddAnnotation(Command):
    ann: Annotation

    @property
    def label(self) -> str:  # type: ignore[override]
        return "Tag passage"

    def do(self, lib: Library, initiator: object | None) -> None:
        lib.put_annotation(self.ann, initiator)

    def undo(self, lib: Library, initiator: object | None) -> None:
        lib.remove_annotation(self.ann.id, initiator)


@dataclass
class EditAnnotation(Command):
    before: Annotation
    after: Annotation
    text: str = "Edit annotation"

    @property
    def label(self) -> str:  # type: ignore[override]
        return self.text

    def do(self, lib: Library, initiator: object | None) -> None:
        lib.put_annotation(self.after, initiator)

    def undo(self, lib: Library, initiator: object | None) -> None:
        lib.put_annotation(self.before, initiator)


@dataclass
class DeleteAnnotations(Command):
    anns: list[Annotation]

    @property
    def label(self) -> str:  # type: ignore[override]
        return "Delete annotation" if len(self.anns) == 1 else f"Delete {len(self.anns)} annotations"

    def do(self, lib: Library, initiator: object | None) -> None:
        for a in self.anns:
            lib.remove_annotation(a.id, initiator)

    def undo(self, lib: Library, initiator: object | None) -> None:
        for a in self.anns:
            lib.put_annotation(a, initiator)


@dataclass
class PutTheme(Command):
    """Add a theme (before is None) or change one: rename, recolour, retire, restore."""

    before: Theme | None
    after: Theme
    text: str = "Edit theme"

    @property
    def label(self) -> str:  # type: ignore[override]
        return self.text

    def do(self, lib: Library, initiator: object | None) -> None:
        lib.put_theme(self.after, initiator)

    def undo(self, lib: Library, initiator: object | None) -> None:
        if self.before is None:
            lib.remove_theme(self.after.id, initiator)
        else:
            lib.put_theme(self.before, initiator)


@dataclass
class EditLetter(Command):
    before: Letter
    after: Letter

    @property
    def label(self) -> str:  # type: ignore[override]
        return "Edit letter details"

    def do(self, lib: Library, initiator: object | None) -> None:
        lib.put_letter(self.after, initiator)

    def undo(self, lib: Library, initiator: object | None) -> None:
        lib.put_letter(self.before, initiator)


@dataclass
class PutLetter(Command):
    """Add a letter record (before is None) or replace it; undo removes or restores it."""

    before: Letter | None
    after: Letter
    text: str = "Add letter"

    @property
    def label(self) -> str:  # type: ignore[override]
        return self.text

    def do(self, lib: Library, initiator: object | None) -> None:
        lib.put_letter(self.after, initiator)

    def undo(self, lib: Library, initiator: object | None) -> None:
        if self.before is None:
            lib.remove_letter(self.after.id, initiator)
        else:
            lib.put_letter(self.before, initiator)


@dataclass
class PutSetting(Command):
    """Change one of the library's settings (dismissed suggestions, say); undo puts the old value back."""

    key: str
    before: str
    after: str
    text: str = "Change setting"
    letter_id: str = ""  # the letter the setting is about (its dismissed suggestions), where it is one letter's

    @property
    def label(self) -> str:  # type: ignore[override]
        return self.text

    def do(self, lib: Library, initiator: object | None) -> None:
        lib.set_setting(self.key, self.after, initiator)

    def undo(self, lib: Library, initiator: object | None) -> None:
        lib.set_setting(self.key, self.before, initiator)


@dataclass
class Batch(Command):
    """Several commands done, and undone, as one step."""

    commands: list[Command]
    text: str

    @property
    def label(self) -> str:  # type: ignore[override]
        return self.text

    def do(self, lib: Library, initiator: object | None) -> None:
        for c in self.commands:
            c.do(lib, initiator)

    def undo(self, lib: Library, initiator: object | None) -> None:
        for c in reversed(self.commands):
            c.undo(lib, initiator)


def put_annotation(before: Annotation | None, after: Annotation, text: str = "Edit annotation") -> Command:
    return AddAnnotation(after) if before is None else EditAnnotation(before, after, text)


def edited(ann: Annotation, by: str = "", **changes: object) -> Annotation:
    """``ann`` with ``changes``, stamped now. Where ``by`` is not who made the version it changes (its
    author, or whoever changed it last), that version is kept in its history, saying who changed it: a
    manager's regrade of an auditor's finding is the manager's, and what the auditor said stays said."""
    now = stamp_iso()
    made_by = ann.changed_by or ann.author
    if by and made_by and person(by) != person(made_by):
        kept = Revision(ann.modified or ann.created, made_by, ann.severity, ann.themes, ann.note, ann.quote, now, by)
        changes = {**changes, "history": (*ann.history, kept)}
    return dataclasses.replace(ann, modified=now, **changes)  # type: ignore[arg-type]


def letters_of(cmd: Command) -> set[str]:
    """The letters whose annotations ``cmd`` adds, edits or deletes, or whose suggestions it dismisses: where an
    undo or a redo acts."""
    if isinstance(cmd, Batch):
        return set().union(*(letters_of(c) for c in cmd.commands))
    if isinstance(cmd, AddAnnotation):
        return {cmd.ann.letter_id}
    if isinstance(cmd, EditAnnotation):
        return {cmd.before.letter_id, cmd.after.letter_id}
    if isinstance(cmd, DeleteAnnotations):
        return {a.letter_id for a in cmd.anns}
    if isinstance(cmd, PutSetting) and cmd.letter_id:
        return {cmd.letter_id}  # (a dismissal: a helper's Ctrl+Z on one letter brought back a card on another)
    return set()


def passages_of(cmd: Command, letter_id: str) -> list[tuple[int, int]]:
    """The passages of ``letter_id`` whose annotations ``cmd`` adds, edits or deletes, in reading order: where an
    undo or a redo of it is seen (those that could not be placed in the letter's text left out)."""
    return sorted({(a.start, a.end) for a in _annotations_of(cmd) if a.letter_id == letter_id and not a.orphaned})


def _annotations_of(cmd: Command) -> list[Annotation]:
    if isinstance(cmd, Batch):
        return [a for c in cmd.commands for a in _annotations_of(c)]
    if isinstance(cmd, AddAnnotation):
        return [cmd.ann]
    if isinstance(cmd, EditAnnotation):
        return [cmd.before, cmd.after]
    if isinstance(cmd, DeleteAnnotations):
        return list(cmd.anns)
    return []


class UndoStack:
    def __init__(self, lib: Library, limit: int = 500) -> None:
        self.lib = lib
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, fn: Callable[[], None]) -> None:
        self._listeners.append(fn)

    def _changed(self) -> None:
        for fn in list(self._listeners):
            fn()

    def push(self, cmd: Command, initiator: object | None = None, *, already_done: bool = False) -> None:
        """Do ``cmd`` and keep it for undo (``already_done``: it has been applied step by step)."""
        if not already_done:
            cmd.do(self.lib, initiator)
        self._done.append(cmd)
        del self._done[: -self.limit]
        self._undone.clear()
        self._changed()

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def next_undo(self) -> Command | None:
        return self._done[-1] if self._done else None

    def next_redo(self) -> Command | None:
        return self._undone[-1] if self._undone else None

    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def last_done(self) -> str:
        """What the last step did, as the status bar says it ("Accepted suggestion")."""
        return self._done[-1].done if self._done else ""

    def undo(self, initiator: object | None = None) -> Command | None:
        if not self._done:
            return None
        cmd = self._done.pop()
        cmd.undo(self.lib, initiator)
        self._undone.append(cmd)
        self._changed()
        return cmd

    def redo(self, initiator: object | None = None) -> Command | None:
        if not self._undone:
            return None
        cmd = self._undone.pop()
        cmd.do(self.lib, initiator)
        self._done.append(cmd)
        self._changed()
        return cmd

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._changed()
