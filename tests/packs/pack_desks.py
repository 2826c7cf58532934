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


FOOTER_SENTENCE = ("While assessments of children's needs are undertaken and plans for support are evident on "
                   "case files, the quality of assessments and plans is not consistently good.")


def footer_letter(path: Path) -> Path:
    """A three-page letter (a fictional council) whose pages end in a running footer, "Inspection letter
    Page N of 3", with ``FOOTER_SENTENCE`` broken across the first page break: the footer sits in the
    middle of the sentence in the letter's text."""
    import pymupdf

    subjects = ["Leaders", "Managers", "Social workers", "Partners", "Practitioners", "Elected members",
                "Independent reviewing officers", "Team managers", "Senior leaders", "Foster carers"]
    verbs = ["know their services well", "act on what audits tell them", "visit children regularly",
             "record decisions clearly", "understand thresholds", "hear the voice of each child",
             "share information promptly", "review plans when circumstances change"]
    body = [f"{subjects[i % len(subjects)]} in Westbrook {verbs[i * 3 % len(verbs)]} in area {chr(65 + i % 26)}{i}."
            for i in range(80)]
    pages = [["Office for Children's Inspection (fictional)", "", "Dear Ms Example,", "",
              "Focused visit to Westbrook children's services", ""] + body[:46]
             + ["While assessments of children's needs are undertaken and"],
             ["plans for support are evident on case files, the quality of assessments and plans is not",
              "consistently good."] + body[46:80],
             ["Yours sincerely,", "", "A. Inspector", "His Majesty's Inspector"]]
    doc = pymupdf.open()
    for n, lines in enumerate(pages, start=1):
        page = doc.new_page()
        y = 60.0
        for line in lines:
            page.insert_text((56, y), line, fontsize=10)
            y += 14
        page.insert_text((56, 810), f"Inspection letter    Page {n} of {len(pages)}", fontsize=8)
    path.write_bytes(doc.tobytes())
    return path
