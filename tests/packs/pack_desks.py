"""A person's library on their own machine, for the pack tests."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.commands import AddAnnotation, UndoStack
from reviewer.core.importing import prepare_path
from reviewer.core.model import Annotation
from reviewer.core.tagging import locate_quote, new_annotation
from reviewer.export.pack_import import plan_pack_import
from reviewer.export.pack_read import read_pack
from reviewer.store.repository import LibraryStore

ROOT = Path(__file__).resolve().parents[2]
THORNBURY = ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf"
EASTMERE = ROOT / "sample_docs" / "eastmere_2024_monitoring_visit.txt"


class Desk:
    """One person's library on their own machine."""

    def __init__(self, folder: Path, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.store = LibraryStore(folder / "library.json")
        self.store.library.set_setting("auditor", name)
        self.name = name
        self.undo = UndoStack(self.store.library)

    @property
    def lib(self):  # type: ignore[no-untyped-def]
        return self.store.library

    def add(self, path: Path) -> str:
        letter, _ = self.store.add_prepared(prepare_path(path))
        return letter.id

    def tag(self, letter_id: str, quote: str, themes: list[str], severity: str, note: str = "") -> Annotation:
        ex = self.store.extracted(letter_id)
        assert ex is not None
        start, end = locate_quote(ex.text, quote)
        ann = new_annotation(ex.text, ex.page_starts, letter_id, start, end, themes, severity, note, self.name)
        self.undo.push(AddAnnotation(ann))
        return ann

    def open_pack(self, path: Path):  # type: ignore[no-untyped-def]
        plan = plan_pack_import(read_pack(path), self.lib, self.store.extracted)
        for prep in plan.prepared:
            self.store.save_files(prep)
        self.undo.push(plan.command)
        return plan.report
