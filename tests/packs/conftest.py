"""Two auditors' libraries and a manager's, each in its own folder as if on its own machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[dict[str, Desk]]:
    made = {"ann": Desk(tmp_path / "ann-laptop", "Ann Auditor"),
            "bob": Desk(tmp_path / "bob-laptop", "Bob Auditor"),
            "meg": Desk(tmp_path / "meg-laptop", "Meg Manager")}
    yield made
    for d in made.values():
        d.store.close()


@pytest.fixture
def ann_with_work(desks: dict[str, Desk]) -> Desk:
    ann = desks["ann"]
    t = ann.add(THORNBURY)
    e = ann.add(EASTMERE)
    ann.tag(t, "drift and delay mean", ["timeliness", "planning"], "improvement", "Plans drift: =SUM(A1) <script>x</script>")
    ann.tag(t, "leaders in Thornbury Vale have strengthened the front door", ["front-door", "leadership"], "strength",
            '=HYPERLINK("http://evil.example","click")')
    ann.tag(e, "Leaders have made some progress since the last monitoring visit", ["leadership"], "improvement", "Slow progress")
    return ann
