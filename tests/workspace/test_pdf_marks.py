"""Highlights made elsewhere (Acrobat, Edge, Zotero): a PDF's highlight, underline and comment
annotations offered as suggestions with origin "pdf", their comment as the note and their author kept."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf

from reviewer.cli.main import main
from reviewer.core.reading.marks import mark_suggestions
from reviewer.core.reading.outline import analyse
from reviewer.core.reading.suggest import suggest

LINES = [
    "Focused visit to Northmoor children's services",
    "",
    "What needs to improve in this area of social work practice?",
    "",
    "The timeliness of pathway plans for care leavers, which are not always",
    "completed within statutory timescales.",
    "",
    "Main findings",
    "",
    "Managers oversee the work of social workers well and supervision is regular.",
    "Social workers know their children well and visit them often.",
    "Some assessments of risk are not updated when circumstances change.",
]


def marked_pdf(path: Path) -> Path:
    """A letter as an auditor left it in another reader: a highlight across two lines with a comment,
    an underline with none, a sticky note with a reply, and a drawing (not a mark)."""
    doc = pymupdf.open()
    page = doc.new_page()
    y = 80
    for line in LINES:
        if line:
            page.insert_text((72, y), line, fontsize=10)
        y += 16
    quads = page.search_for("pathway plans for care leavers, which are not always") + page.search_for(
        "completed within statutory timescales")
    hl = page.add_highlight_annot(quads)
    hl.set_info(content="Ask about the PA vacancies", title="Jane Smith")
    hl.update()
    ul = page.add_underline_annot(page.search_for("Managers oversee the work of social workers well"))
    ul.set_info(title="Edge User")
    ul.update()
    box = page.search_for("assessments of risk")[0]
    note = page.add_text_annot((box.x1 + 5, box.y0), "Raised at the last visit too")
    note.set_info(title="Zotero User")
    note.update()
    reply = page.add_text_annot((box.x1 + 5, box.y0 + 20), "Agreed")
    reply.set_info(title="Jane Smith")
    reply.update()
    doc.xref_set_key(reply.xref, "IRT", f"{note.xref} 0 R")
    page.add_rect_annot(pymupdf.Rect(400, 300, 450, 350))
    doc.save(path)
    return path


def test_marks_are_offered_as_suggestions_and_accepted_with_their_author(ws, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pdf = marked_pdf(tmp_path / "northmoor_marked.pdf")
    letter, _, _ = ws.add_file(pdf)
    ex = ws.text(letter.id)
    st = analyse(ex.text, ex.page_starts)
    marks = ws.pdf_marks(letter, st)
    assert [(m.kind, m.author) for m in marks] == [("highlight", "Jane Smith"), ("underline", "Edge User"),
                                                   ("note", "Zotero User")]
    hl, ul, note = marks
    assert " ".join(ex.text[hl.start:hl.end].split()) == ("pathway plans for care leavers, which are not always "
                                                          "completed within statutory timescales")
    assert hl.note == "Ask about the PA vacancies"
    assert ex.text[ul.start:ul.end] == "Managers oversee the work of social workers well"
    assert ex.text[note.start:note.end].startswith("Some assessments of risk")  # the sentence it is pinned to
    assert note.note == "Raised at the last visit too\nJane Smith: Agreed"  # the reply joins its comment

    lib = ws.library
    found = suggest(ex.text, lib.themes.values(), structure=st)
    offered = mark_suggestions(ex.text, marks, found, lib.themes.values(), structure=st)
    pdf_ones = [s for s in offered if s.origin == "pdf"]
    assert len(pdf_ones) == 3
    first = pdf_ones[0]
    assert first.severity == "improvement" and "care-leavers" in first.themes and first.listed
    assert first.why == "highlighted in the PDF by Jane Smith: Ask about the PA vacancies"
    # the suggester's own suggestion of the same passage gives way to the auditor's mark
    assert not any(s.origin != "pdf" and s.start < first.end and first.start < s.end for s in offered)

    # one key accepts it: the annotation keeps the comment as its note and the mark's author
    ws.set_auditor("Meg Manager")
    (ann,) = ws.accept_suggestions(letter.id, ex.text, ex.page_starts,
                                   [(first.start, first.end, first.themes, first.severity, first.note, first.author)])
    assert (ann.author, ann.note, ann.severity) == ("Jane Smith", "Ask about the PA vacancies", "improvement")
    ws.dismiss_suggestions(letter.id, [(ul.start, ul.end)])
    from reviewer.core.reading.suggest import read_dismissed

    again = mark_suggestions(ex.text, marks, found, lib.themes.values(),
                             existing=[(a.start, a.end) for a in lib.annotations_for(letter.id)],
                             dismissed=read_dismissed(lib.settings, letter.id), structure=st)
    assert [s.author for s in again if s.origin == "pdf"] == ["Zotero User"]  # accepted and dismissed ones gone


def test_suggest_json_lists_pdf_marks(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pdf = marked_pdf(tmp_path / "northmoor_marked.pdf")
    db = ["--db", str(tmp_path / "lib.json")]
    assert main(["add", str(pdf), *db]) == 0
    capsys.readouterr()
    assert main(["suggest", str(pdf), "--json", *db]) == 0
    rows = json.loads(capsys.readouterr().out)
    pdf_rows = [r for r in rows if r["origin"] == "pdf"]
    assert [(r["author"], r["note"]) for r in pdf_rows] == [
        ("Jane Smith", "Ask about the PA vacancies"), ("Edge User", ""),
        ("Zotero User", "Raised at the last visit too\nJane Smith: Agreed")]
    assert pdf_rows[0]["severity"] == "Area for improvement" and "Care leavers" in pdf_rows[0]["themes"]
    assert all(r["origin"] == "suggester" and r["author"] == "" for r in rows if r not in pdf_rows)
    assert main(["suggest", str(pdf), *db]) == 0
    out = capsys.readouterr().out
    assert "from the PDF: highlighted in the PDF by Jane Smith: Ask about the PA vacancies" in out
    # once tagged, a mark is no longer offered
    assert main(["tag", str(pdf), "--quote", "Managers oversee the work of social workers well", "--theme",
                 "oversight", "--severity", "strength", "--author", "Ann Auditor", *db]) == 0
    capsys.readouterr()
    main(["suggest", str(pdf), "--json", *db])
    rows = json.loads(capsys.readouterr().out)
    assert [r["author"] for r in rows if r["origin"] == "pdf"] == ["Jane Smith", "Zotero User"]


def test_a_pdf_without_marks_or_a_text_letter_offers_none(ws, samples: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("thornbury_vale_2025_focused_visit.pdf", "eastmere_2024_monitoring_visit.txt"):
        letter, _, _ = ws.add_file(samples / name)
        assert ws.pdf_marks(letter) == []
