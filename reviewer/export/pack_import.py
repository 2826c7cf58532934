"""Opening a verified audit pack into a library: letters prepared, anchors checked, one merge command.

Nothing here writes: ``plan_pack_import`` does the slow work (reading each new letter) and returns
the letters whose files the store must keep and one undoable command that merges the pack's records.
Annotations made against a different extraction of the text (another Reviewer version) are placed
again by quote and context, and any that cannot be placed are kept and flagged "needs attention".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from reviewer.core.annotations.commands import Batch
from reviewer.core.text.documents import DocumentError
from reviewer.core.annotations.model import PreparedLetter
from reviewer.core.text.documents import Extracted
from reviewer.letters.importing import prepare_letter
from reviewer.core.annotations.library import Library
from reviewer.core.team.merge import MergeReport, plan_merge
from reviewer.core.annotations.model import Annotation, Letter
from reviewer.core.annotations.tagging import reanchor_all
from reviewer.export.pack_read import PackContents, PackError


@dataclass
class PackImport:
    prepared: list[PreparedLetter]  # new letters: their files go into the library
    command: Batch
    report: MergeReport

    @property
    def changes_anything(self) -> bool:
        return bool(self.command.commands)


def _placed(anns: Sequence[Annotation], ex: Extracted | None) -> list[Annotation]:
    """The pack's annotations as they sit in the letter's text here: one whose quote is not at its
    offsets is found again by its quote and context, or kept as needing attention; never stored as
    placed on trust (a pack could say any offsets)."""
    if ex is None:  # the text cannot be read here: nothing can be checked
        return [a if a.orphaned else dataclasses.replace(a, orphaned=True) for a in anns]
    wrong = [a for a in anns if not a.orphaned and ex.text[a.start:a.end] != a.quote]
    moved = {a.id: a for a in reanchor_all(ex.text, ex.page_starts, wrong)}
    return [moved.get(a.id, a) for a in anns]


def prepare_pack_letters(contents: PackContents, known: Collection[str]) -> dict[str, PreparedLetter]:
    """Read (extract) the pack's letters the library does not have yet: the slow, PyMuPDF part."""
    out: dict[str, PreparedLetter] = {}
    for x in contents.letters:
        if x.id in known:
            continue
        try:
            out[x.id] = prepare_letter(contents.originals[x.id], x.source or f"{x.title}.{x.kind}")
        except DocumentError as exc:
            raise PackError(f"{contents.path.name}: the letter {x.title} in the pack cannot be read ({exc})") from None
    return out


def plan_pack_import(contents: PackContents, lib: Library, extracted_of: Callable[[str], Extracted | None],
                     ready: dict[str, PreparedLetter] | None = None) -> PackImport:
    """What opening the pack will do; ``ready`` holds letters already prepared by ``prepare_pack_letters``."""
    ready = dict(ready or {})
    missing = [x for x in contents.letters if x.id not in lib.letters and x.id not in ready]
    if missing:
        ready.update(prepare_pack_letters(contents, set(lib.letters) | set(ready)))
    prepared: list[PreparedLetter] = []
    letters: list[Letter] = []
    by_letter: dict[str, list[Annotation]] = {}
    for a in contents.annotations:
        by_letter.setdefault(a.letter_id, []).append(a)
    annotations: list[Annotation] = []
    for x in contents.letters:
        anns = by_letter.get(x.id, [])
        if x.id in lib.letters:
            try:
                ex = extracted_of(x.id)
            except DocumentError:
                ex = None
            anns = _placed(anns, ex)
            letters.append(x)
        else:
            prep = ready[x.id]
            anns = _placed(anns, prep.extracted)
            letter = dataclasses.replace(x, text_sha=prep.letter.text_sha, extractor=prep.letter.extractor,
                                         pages=prep.letter.pages, has_text=prep.letter.has_text,
                                         kind=prep.letter.kind)
            prepared.append(dataclasses.replace(prep, letter=letter))
            letters.append(letter)
        annotations.extend(anns)
    command, report = plan_merge(lib, letters, annotations, contents.themes, source=contents.path.name,
                                 deleted=contents.deleted, actions=contents.actions,
                                 deleted_actions=contents.deleted_actions, dismissed=contents.dismissed)
    return PackImport(prepared, command, report)
