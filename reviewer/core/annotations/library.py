"""The library in memory: letters, annotations and themes, with change events.

Every mutation goes through one of the ``put_*``/``remove_*`` methods, which notify listeners
with a ``Change`` saying what changed and who changed it (``initiator``), so the store can persist
it and views can refresh without feedback loops.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reviewer.core.annotations.codebook import theme_name
from reviewer.core.annotations.model import Annotation, Letter, Theme
from reviewer.core.annotations.titles import display_titles


@dataclass(frozen=True)
class Change:
    kind: str  # "letter" | "annotation" | "theme" | "setting"
    id: str
    op: str  # "put" | "remove"
    record: object | None = None  # the new record for "put"
    initiator: object | None = None


Listener = Callable[[Change], None]


class Library:
    def __init__(self) -> None:
        self.letters: dict[str, Letter] = {}
        self.annotations: dict[str, Annotation] = {}
        self.themes: dict[str, Theme] = {}  # insertion order is the codebook order
        self.former_labels: dict[str, str] = {}  # a theme removed from the codebook: its last name
        self.settings: dict[str, str] = {}
        self._by_letter: dict[str, set[str]] = {}
        self._listeners: list[Listener] = []
        self._titles: dict[str, str] | None = None  # worked out again after any letter changes

    # ------------------------------------------------------------ events
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # ------------------------------------------------------------ loading (no events)
    def load(self, letters: Iterable[Letter], annotations: Iterable[Annotation],
             themes: Iterable[Theme], settings: dict[str, str] | None = None) -> None:
        self.letters = {x.id: x for x in letters}
        self._titles = None
        self.themes = {t.id: t for t in themes}
        self.annotations = {}
        self._by_letter = {}
        for a in annotations:
            self._index(a)
        self.settings = dict(settings or {})

    def _index(self, a: Annotation) -> None:
        old = self.annotations.get(a.id)
        if old is not None and old.letter_id != a.letter_id:
            self._by_letter.get(old.letter_id, set()).discard(a.id)
        self.annotations[a.id] = a
        self._by_letter.setdefault(a.letter_id, set()).add(a.id)

    # ------------------------------------------------------------ letters
    def put_letter(self, letter: Letter, initiator: object | None = None) -> None:
        self.letters[letter.id] = letter
        self._titles = None
        self._emit(Change("letter", letter.id, "put", letter, initiator))

    def remove_letter(self, letter_id: str, initiator: object | None = None) -> None:
        for aid in list(self._by_letter.get(letter_id, ())):
            self.remove_annotation(aid, initiator)
        if self.letters.pop(letter_id, None) is not None:
            self._titles = None
            self._emit(Change("letter", letter_id, "remove", None, initiator))

    def letters_sorted(self) -> list[Letter]:
        """By authority, then kind of document, date, the PDF before its text twin: the same order every run."""
        return sorted(self.letters.values(), key=self.sort_key)

    def sort_key(self, x: Letter) -> tuple[str, str, str, int, str, str]:
        m = x.meta
        return ((m.authority or x.title).casefold(), m.doc_type or "", m.published or m.visit_start or "",
                x.kind != "pdf", self.display_title(x.id).casefold(), x.id)

    def display_title(self, letter_id: str) -> str:
        """The letter's title as the auditor reads it (``titles.display_titles``): one place for the
        library list, the window, the command line and the names of exported files."""
        if self._titles is None:
            self._titles = display_titles(self.letters.values())
        letter = self.letters.get(letter_id)
        return self._titles.get(letter_id) or (letter.title if letter else letter_id)

    # ------------------------------------------------------------ annotations
    def put_annotation(self, ann: Annotation, initiator: object | None = None) -> None:
        self._index(ann)
        self._emit(Change("annotation", ann.id, "put", ann, initiator))

    def remove_annotation(self, ann_id: str, initiator: object | None = None) -> None:
        ann = self.annotations.pop(ann_id, None)
        if ann is None:
            return
        self._by_letter.get(ann.letter_id, set()).discard(ann_id)
        self._emit(Change("annotation", ann_id, "remove", None, initiator))

    def annotations_for(self, letter_id: str) -> list[Annotation]:
        anns = [self.annotations[i] for i in self._by_letter.get(letter_id, ())]
        return sorted(anns, key=lambda a: (a.orphaned, a.start, a.end, a.created))

    def annotation_count(self, letter_id: str) -> int:
        return len(self._by_letter.get(letter_id, ()))

    # ------------------------------------------------------------ themes
    def put_theme(self, theme: Theme, initiator: object | None = None) -> None:
        self.themes[theme.id] = theme
        self._emit(Change("theme", theme.id, "put", theme, initiator))

    def remove_theme(self, theme_id: str, initiator: object | None = None) -> None:
        gone = self.themes.pop(theme_id, None)
        if gone is not None:
            self.former_labels[theme_id] = gone.label  # (an annotation may still carry it: named so, not by its id)
            self._emit(Change("theme", theme_id, "remove", None, initiator))

    def active_themes(self) -> list[Theme]:
        return [t for t in self.themes.values() if not t.retired]

    def theme_label(self, theme_id: str) -> str:
        """The theme's name wherever it is shown (``codebook.theme_name``: a deleted one's last name, never its id)."""
        return theme_name(self.themes, theme_id, self.former_labels)

    # ------------------------------------------------------------ settings
    def set_setting(self, key: str, value: str, initiator: object | None = None) -> None:
        self.settings[key] = value
        self._emit(Change("setting", key, "put", value, initiator))
