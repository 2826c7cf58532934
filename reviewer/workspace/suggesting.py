"""What the suggester offers a letter and what the auditor decides of it: the suggestions (with the marks a
PDF already carries), accepting and dismissing them, and the themes a passage tagged by hand starts from (a
mixin of ``Workspace``: the window and `reviewer suggest` both call it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reviewer.core.annotations.commands import AddAnnotation, Batch, PutSetting
from reviewer.core.annotations.library import Change, Library
from reviewer.core.annotations.model import Annotation, Letter
from reviewer.core.reading.marks import PlacedMark, mark_suggestions, place_marks
from reviewer.core.reading.outline import Structure, analyse
from reviewer.core.reading.suggest import Suggestion, dismissed_key, dismissed_value, read_dismissed, suggest
from reviewer.core.reading.theming import ThemeModel
from reviewer.core.text.layout import Layout, page_starts
from reviewer.core.text.textsearch import collapse_ws
from reviewer.letters.importing import layout_for
from reviewer.letters.pdf_marks import read_pdf_marks


class Suggesting:
    """Suggestions and the auditor's decisions on them (a mixin of ``Workspace``)."""

    library: Library
    # from Workspace: the one way a change is made, and the letters as kept
    do: Callable[..., list[Change]]
    new_annotation: Callable[..., Annotation]
    letter_bytes: Callable[[Letter], bytes]
    text: Callable[[str], object]
    saved_layout: Callable[[str], Layout | None]
    keep_layout: Callable[[str, Layout], None]
    saved_text_of: Callable[[str], str | None]

    def accept_suggestions(self, letter_id: str, text: str, page_starts: Sequence[int],
                           chosen: Sequence[tuple[int, int, Sequence[str], str, str] |
                                            tuple[int, int, Sequence[str], str, str, str]],
                           author: str | None = None, initiator: object | None = None,
                           changed: bool = False) -> list[Annotation]:
        """Accept suggestions as annotations, one step: each is (start, end, themes, severity, note), or
        with a sixth item, its own author (a PDF mark's, kept), else ``author``. ``changed``: the auditor
        changed what was suggested before accepting (the step says so)."""
        anns = [self.new_annotation(letter_id, text, page_starts, s, e, themes, sev, note,
                                    (rest[0] or author) if rest else author)
                for s, e, themes, sev, note, *rest in chosen if themes]
        if anns:
            label = ("Accept suggestion" if len(anns) == 1 else f"Accept {len(anns)} suggestions") + \
                (" with changes" if changed else "")
            self.do(Batch([AddAnnotation(a) for a in anns], label), initiator)
        return anns

    def pdf_marks(self, letter: Letter, structure: Structure | None = None) -> list[PlacedMark]:
        """The highlights, underlines and comments the letter's PDF carries, placed on its text (read from
        the library's copy; the layout is the one kept beside the letter, else read now and kept)."""
        if letter.kind != "pdf":
            return []
        data = self.letter_bytes(letter)
        raw = read_pdf_marks(data, letter.source)
        if not raw:
            return []
        ex = self.text(letter.id)
        layout = self.saved_layout(letter.id)
        if layout is None or ex is None or layout.text != ex.text:
            layout = layout_for(data, letter.kind, letter.source)[0]
            if ex is not None and layout.text == ex.text:
                self.keep_layout(letter.id, layout)
        if ex is not None and layout.text != ex.text:
            return []  # the text the annotations anchor to is not this layout's: nothing can be placed
        return place_marks(layout, raw, structure or analyse(layout.text, page_starts(layout)))

    def suggestions(self, letter_id: str, text: str, structure: Structure, marks: Sequence[PlacedMark] = (), *,
                    snapshot: tuple[list[Annotation], dict[str, str], list] | None = None,
                    theme_model: ThemeModel | None = None, stop: Callable[[], bool] | None = None) -> list[Suggestion]:
        """Every suggestion for a letter, in reading order: the suggester's (learning from the library's tags
        and dismissals), with the highlights and comments its PDF already carries (``marks``, placed on its
        text) offered in place of those they overlap. What the window and `reviewer suggest` both show.
        ``snapshot``: (the library's annotations, its settings, its themes) taken on the UI thread, for a
        worker; else read now. ``theme_model``: the themes' model of that snapshot, where the caller keeps it.
        ``stop``: the window's "no longer wanted", asked now and then (``Stopped`` when it is)."""
        if snapshot is None:
            lib = self.library
            snapshot = (list(lib.annotations.values()), dict(lib.settings), list(lib.themes.values()))
        library, settings, themes = snapshot
        existing = [(a.start, a.end) for a in library if a.letter_id == letter_id and not a.orphaned]
        dismissed = read_dismissed(settings, letter_id)
        found = suggest(text, themes, library, existing, dismissed, structure=structure, letter_id=letter_id,
                        dismissed_quotes=self.dismissed_elsewhere(letter_id, settings), theme_model=theme_model,
                        stop=stop)
        if marks:
            found = mark_suggestions(text, marks, found, themes, library, existing, dismissed, structure)
        return found

    def dismiss_suggestions(self, letter_id: str, ranges: Sequence[tuple[int, int]],
                            initiator: object | None = None) -> None:
        key = dismissed_key(letter_id)
        before = self.library.settings.get(key, "")
        after = dismissed_value(read_dismissed(self.library.settings, letter_id) + list(ranges))
        label = "Dismiss suggestion" if len(ranges) == 1 else f"Dismiss {len(ranges)} suggestions"
        self.do(PutSetting(key, before, after, label, letter_id), initiator)

    def dismissed_elsewhere(self, letter_id: str, settings: dict[str, str] | None = None) -> list[str]:
        """The passages dismissed in the library's other letters, as their kept texts read: the suggester
        learns from them what this auditor does not tag. ``settings``: a snapshot of the library's
        settings, for a worker thread (only kept texts are read, never a letter's file)."""
        settings = dict(self.library.settings) if settings is None else settings
        out: list[str] = []
        prefix = dismissed_key("")
        for key in settings:
            other = key[len(prefix):] if key.startswith(prefix) else None
            if other is None or other == letter_id:
                continue
            ranges = read_dismissed(settings, other)
            text = self.saved_text_of(other) if ranges else None
            if text:
                out += [collapse_ws(text[a:b]) for a, b in ranges if 0 <= a < b <= len(text)]
        return out

    def restore_dismissed(self, letter_id: str, initiator: object | None = None) -> None:
        key = dismissed_key(letter_id)
        self.do(PutSetting(key, self.library.settings.get(key, ""), "[]", "Restore dismissed suggestions", letter_id),
                initiator)

    def theme_model(self) -> ThemeModel:
        """The themes' model of the library as it is now: its codebook and what its tags teach."""
        return ThemeModel(self.library.themes.values(), list(self.library.annotations.values()))

    def proposed_themes(self, quote: str, severity: str | None = None, model: ThemeModel | None = None
                        ) -> tuple[str, ...]:
        """The themes the tag dialog starts from for a passage no suggestion covers, read as a suggestion's are
        (the codebook's cues, the word prior, the library's tags): a new user's hand tag of a sentence naming
        domestic abuse was offered no theme at all (stop 45). ``model``: the one the suggestions were read with
        (built on a worker), else built now."""
        model = model or self.theme_model()
        flat = collapse_ws(quote)
        return model.choose(model.evidence(flat), severity, flat)
