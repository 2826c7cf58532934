"""A person's library on their own machine, for the pack tests."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.annotations.model import Annotation
from reviewer.core.annotations.tagging import locate_quote
from reviewer.store.repository import LibraryStore
from reviewer.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
THORNBURY = ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf"
EASTMERE = ROOT / "sample_docs" / "eastmere_2024_monitoring_visit.txt"


class Desk:
    """One person's library on their own machine."""

    def __init__(self, folder: Path, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.ws = Workspace(LibraryStore(folder / "library.json"))
        self.store = self.ws.store
        self.ws.set_auditor(name)
        self.name = name
        self.undo = self.ws.undo

    @property
    def lib(self):  # type: ignore[no-untyped-def]
        return self.store.library

    def add(self, path: Path) -> str:
        letter, _new, _notes = self.ws.add_file(path)
        return letter.id

    def tag(self, letter_id: str, quote: str, themes: list[str], severity: str, note: str = "") -> Annotation:
        ex = self.ws.text(letter_id)
        assert ex is not None
        start, end = locate_quote(ex.text, quote)
        return self.ws.tag(letter_id, ex.text, ex.page_starts, start, end, themes, severity, note, self.name)

    def open_pack(self, path: Path):  # type: ignore[no-untyped-def]
        return self.ws.import_packs([path])[0].report
