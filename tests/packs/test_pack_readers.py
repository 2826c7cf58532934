"""An audit pack read by software that did not write it (issue 17): REFI-QDA parsed against its schema
by xmlschema, the summary PDF's text extracted by pypdf (and poppler where installed), the highlights
read back from the letters' PDFs, the workbook read by openpyxl.

One pack is built for the module from a library that holds what broke these readers: a PDF letter and
its text twin (one title), notes with emoji, symbols and line breaks, words the layout would set with
ligatures ("officer", "significant"), and a sentence that crosses a page break with a running footer.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from reviewer.export.pack import export_pack

from pack_desks import EASTMERE, FOOTER_SENTENCE, THORNBURY, Desk, footer_letter  # type: ignore[import-not-found]

SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "refi-qda"
EASTMERE_PDF = EASTMERE.with_suffix(".pdf")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, zipfile.ZipFile]]:
    folder = tmp_path_factory.mktemp("readers")
    desk = Desk(folder / "ann", "Ann Auditor")
    t = desk.add(THORNBURY)
    e_pdf, e_txt = desk.add(EASTMERE_PDF), desk.add(EASTMERE)
    desk.tag(t, "drift and delay mean", ["timeliness", "planning"], "improvement",
             "Plans drift 📉 — the officer said:\n• first point\n• second point ✓")
    desk.tag(t, "leaders in Thornbury Vale have strengthened the front door", ["front-door"], "strength",
             "A significant, efficient change 👍 ★ € → ✔")
    quote = "Leaders have made some progress since the last monitoring visit"
    desk.tag(e_pdf, quote, ["leadership"], "improvement", "Seen in the PDF")
    desk.tag(e_txt, quote, ["leadership"], "priority", "Seen in the text 🔥")
    westbrook = desk.ws.letter(desk.add(footer_letter(folder / "westbrook_focused_visit.pdf")))
    # the quote as the auditor reads it: the running footer between its halves is not typed
    desk.ws.tag_quote(westbrook, FOOTER_SENTENCE, ["planning"], "area for improvement", "Across the page break",
                      "Ann Auditor")
    desk.ws.sign_off([t], "Meg Manager", "Seen")
    pack = export_pack(desk.ws, [x.id for x in desk.lib.letters_sorted()], folder / "pack.zip", "Ann Auditor")
    with zipfile.ZipFile(pack) as z:
        yield desk, z
    desk.store.close()


def _listed(value: Any) -> list[Any]:
    """xmlschema gives one child as a dict and several as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def test_project_parsed_against_its_schema_names_sources_apart_and_codes_the_quotes(built) -> None:  # type: ignore[no-untyped-def]
    xmlschema = pytest.importorskip("xmlschema")
    if not (SCHEMAS / "Project.xsd").is_file():
        pytest.skip("../shared/refi-qda is not available in this checkout")
    desk, pack = built
    inner = zipfile.ZipFile(io.BytesIO(pack.read("project.qdpx")))
    project = xmlschema.XMLSchema(str(SCHEMAS / "Project.xsd")).to_dict(io.BytesIO(inner.read("project.qde")))
    sources = _listed(project["Sources"].get("PDFSource"))
    assert len(sources) == 4
    names = [s["@name"] for s in sources]
    assert len({n.casefold() for n in names}) == len(names), names  # QualCoder: UNIQUE(source.name)
    assert "Eastmere — monitoring visit 3 — November 2024 (text)" in names  # the text twin, told apart
    reps = [s["Representation"] for s in sources]
    assert len({r["@name"].casefold() for r in reps}) == len(reps)
    # the letters/ folder names the twins the same way
    assert {n[len("letters/"):-4] for n in pack.namelist() if n.startswith("letters/")} == set(names)
    records = json.loads(pack.read("data/pack.json"))
    quotes = {a["id"]: a["quote"] for a in records["annotations"]}
    from reviewer.export.refiqda import guid

    by_guid = {guid("annotation", i): q for i, q in quotes.items()}
    coded = 0
    for rep in reps:
        text = inner.read("sources/" + rep["@plainTextPath"].removeprefix("internal://")).decode("utf-8")
        for sel in _listed(rep.get("PlainTextSelection")):
            assert text[sel["@startPosition"]:sel["@endPosition"]] == by_guid[sel["@guid"]]
            assert _listed(sel.get("Coding"))
            coded += 1
    assert coded == len(quotes) == 5


_FOOTER = r"(?m)^.*— page \d+ of \d+\s*$"


def _flat(text: str) -> str:
    import re

    return " ".join(re.sub(_FOOTER, " ", text).split())


def test_summary_pdf_text_is_what_it_shows(built, caplog) -> None:  # type: ignore[no-untyped-def]
    """pypdf (and pdftotext where poppler is installed) extract every quote and note as typed, emoji
    and symbols included; no ligature character the layout chose; and no font embedded whole."""
    import logging
    import re
    import shutil
    import subprocess

    import pypdf

    desk, pack = built
    data = pack.read("summary.pdf")
    with caplog.at_level(logging.WARNING, logger="pypdf"):
        extracted = {"pypdf": "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)}
    assert not [r for r in caplog.records if "Odd-length" in r.getMessage()]  # the ToUnicode map is UTF-16
    if shutil.which("pdftotext"):
        extracted["pdftotext"] = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                                                capture_output=True, check=True).stdout.decode("utf-8")
    anns = list(desk.lib.annotations.values())
    quotes = desk.ws.reading_quotes(desk.lib.letters_sorted())  # as the letter reads: footers left out
    for reader, text in extracted.items():
        flat = _flat(text)
        assert not re.search("[\ufb00-\ufb06]", text), reader
        assert "officer" in flat and "significant" in flat and "efficient" in flat, reader
        for a in anns:
            assert quotes[a.id] in flat, (reader, a.quote)
            assert " ".join(a.note.split()) in flat, (reader, a.note)
        for symbol in "📉👍🔥★€→✔✓•—":
            assert symbol in flat, (reader, symbol)
    assert len(data) < 150_000, len(data)  # it was 718 KB with the emoji and symbol fonts embedded whole
    doc = pymupdf.open("pdf", data)
    for page in doc:
        for xref, _ext, _kind, name, *_ in page.get_fonts():
            assert "+" in name, f"{name} is embedded whole"  # a subset's name has its tag


def test_ligature_breaks_leave_markup_alone() -> None:
    from reviewer.letters.pdf_writer import unligatured

    html = '<p class="fifth" style="x:ffl">officer &amp; fifty</p>'
    assert unligatured(html) == '<p class="fifth" style="x:ffl">of\u00adf\u00adicer &amp; f\u00adifty</p>'


def test_summary_pdf_layout_has_no_ghost_bars_whole_headings_and_no_stray_page(built) -> None:  # type: ignore[no-untyped-def]
    """MuPDF's layout draws a table cell's background again on each later page, as a bar as tall as
    the cell's padding; the summary gives cells no background, only rules. Severity names sit whole
    over coloured rules (an inline chip was clipped: "Strengt"). Every heading has its content with it."""
    from reviewer.core.annotations.codebook import severities

    _desk, pack = built
    doc = pymupdf.open("pdf", pack.read("summary.pdf"))
    assert doc.page_count >= 2

    def rgb(hex_colour: str) -> tuple[int, int, int]:
        return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]

    rules = {rgb("#c5cad0"), rgb("#8a939c")} | {rgb(s.colour) for s in severities()}
    for page in doc:
        for d in page.get_drawings():
            r = d["rect"]
            if d.get("fill") is None or r.width < 20 or r.height >= 6:
                continue
            colour = tuple(round(c * 255) for c in d["fill"])
            assert any(max(abs(a - b) for a, b in zip(colour, rule)) <= 2 for rule in rules), \
                f"a bar {r} in {colour} on page {page.number + 1}"
        lines = [ln for ln in page.get_text().splitlines() if ln.strip()]
        body = [ln for ln in lines if "— page" not in ln]
        assert body, f"page {page.number + 1} holds nothing but its footer"
        assert not body[-1].startswith(("Priority actions", "Areas for improvement", "Strengths", "Context (",
                                         "Themes by", "By authority", "Letters", "Inspectors")), \
            f"page {page.number + 1} ends with the heading {body[-1]!r}"
    header = doc[0].get_text()
    for s in severities():
        assert s.label in header  # each name whole on one line, not cut by its cell


def test_a_page_holding_only_a_rule_is_not_kept() -> None:
    from reviewer.letters.pdf_writer import story_pdf

    # the first chunk leaves less than a line at the foot of page 1, so the rule would begin page 2 alone
    data = story_pdf(['<p style="margin-top:690pt">text</p>', '<div style="border-top:1pt solid #000"></div>'], "", "T")
    doc = pymupdf.open("pdf", data)
    assert doc.page_count == 1 and "page 1 of 1" in doc[0].get_text()


def _words(text: str) -> list[str]:
    import re

    return [w for w in (re.sub(r"^\W+|\W+$", "", t) for t in text.split()) if w]


def test_highlights_cover_the_quotes_words_and_never_the_footer(built) -> None:  # type: ignore[no-untyped-def]
    """Each highlight, read back with pypdf, covers exactly its quote's words (found on the page by
    PyMuPDF), on both pages of a passage across a page break, and not one word of the footer."""
    import pypdf

    from reviewer.letters.highlight import comment_for

    desk, pack = built
    lib = desk.lib
    by_comment = {comment_for(lib, a): a for a in lib.annotations.values()}
    covered: dict[str, list[str]] = {}
    crossing = None
    for name in sorted(n for n in pack.namelist() if n.startswith("letters/")):
        data = pack.read(name)
        reader, words_doc = pypdf.PdfReader(io.BytesIO(data)), pymupdf.open("pdf", data)
        for page_no, page in enumerate(reader.pages):
            height = float(page.mediabox.height)
            words = words_doc[page_no].get_text("words", sort=True)
            for ref in page.get("/Annots") or []:
                annot = ref.get_object()
                if annot.get("/Subtype") != "/Highlight":
                    continue
                a = by_comment[str(annot["/Contents"])]
                q = [float(v) for v in annot["/QuadPoints"]]
                boxes = [(min(q[i:i + 8:2]), height - max(q[i + 1:i + 8:2]), max(q[i:i + 8:2]), height - min(q[i + 1:i + 8:2]))
                         for i in range(0, len(q), 8)]
                hit = [w[4] for w in words
                       if any(x0 - 1 <= (w[0] + w[2]) / 2 <= x1 + 1 and y0 - 1 <= (w[1] + w[3]) / 2 <= y1 + 1
                              for x0, y0, x1, y1 in boxes)]
                covered.setdefault(a.id, []).extend(hit)
                if a.note == "Across the page break":
                    crossing = (crossing or 0) + 1
    assert crossing == 2  # one highlight on each page of the passage
    quotes = json.loads(pack.read("data/pack.json"))["annotations"]
    assert set(covered) == {a["id"] for a in quotes}
    for a in lib.annotations.values():
        shown = desk.ws.reading_quotes([lib.letters[a.letter_id]])[a.id]
        assert _words(" ".join(covered[a.id])) == _words(shown), a.quote
        assert "Inspection" not in covered[a.id] and "Page" not in covered[a.id]


def test_quotes_read_without_the_footer_in_csv_html_and_pdf(built) -> None:  # type: ignore[no-untyped-def]
    import csv

    import pypdf

    desk, pack = built
    a = next(x for x in desk.lib.annotations.values() if x.note == "Across the page break")
    assert "Inspection letter" in a.quote  # the annotation holds the letter's text as it is...
    rows = list(csv.DictReader(io.StringIO(pack.read("annotations.csv").decode("utf-8-sig"))))
    assert next(r["quote"] for r in rows if r["annotation_id"] == a.id) == FOOTER_SENTENCE  # ...and reads as typed
    import html

    assert FOOTER_SENTENCE in html.unescape(pack.read("summary.html").decode("utf-8"))
    text = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pack.read("summary.pdf"))).pages))
    assert FOOTER_SENTENCE in text and "Inspection letter" not in text
    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(pack.read("annotations.xlsx")))["Annotations"]
    assert FOOTER_SENTENCE in [c.value for c in ws["E"]]


def test_tag_quote_on_the_command_line_reads_past_the_footer(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reviewer.cli.main import main

    db, letter = str(tmp_path / "lib.json"), footer_letter(tmp_path / "westbrook.pdf")
    assert main(["add", "--db", db, str(letter)]) == 0
    code = main(["tag", "--db", db, "westbrook", "--quote", FOOTER_SENTENCE, "--theme", "planning",
                 "--severity", "improvement", "--author", "Ann Auditor"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert main(["annotations", "--db", db, "--format", "csv"]) == 0
    assert FOOTER_SENTENCE in capsys.readouterr().out


def test_workbook_has_dates_and_numbers(built) -> None:  # type: ignore[no-untyped-def]
    """Read back by openpyxl: dates are dates (Excel's date filters work), counts and pages numbers."""
    from datetime import datetime

    import openpyxl

    desk, pack = built
    book = openpyxl.load_workbook(io.BytesIO(pack.read("annotations.xlsx")))

    def columns(sheet: str) -> dict[str, list[Any]]:
        ws = book[sheet]
        head = [c.value for c in ws[1]]
        return {h: [row[i] for row in ws.iter_rows(min_row=2, values_only=True)] for i, h in enumerate(head)}

    anns = columns("Annotations")
    assert all(isinstance(v, datetime) for v in anns["Modified (UTC)"])
    assert all(isinstance(v, int) for v in anns["Page"] + anns["Start"] + anns["End"])
    dated = [v for v in anns["Letter date"] if v is not None]
    assert dated and all(isinstance(v, datetime) for v in dated)
    letters = columns("Letters")
    assert all(isinstance(v, int) for v in letters["Annotations"]) and sum(letters["Annotations"]) == 5
    for column in ("Visit start", "Visit end", "Letter date"):
        assert all(v is None or isinstance(v, datetime) for v in letters[column]), column
    assert sum(isinstance(v, datetime) for v in letters["Letter date"]) >= 3
    signed = [v for v in letters["Signed off"] if v is not None]
    assert len(signed) == 1 and isinstance(signed[0], datetime)
    names = letters["Letter"]
    assert len(set(names)) == len(names) and "Eastmere — monitoring visit 3 — November 2024 (text)" in names  # the text twin, told apart
    thornbury = desk.lib.letters[next(i for i, x in desk.lib.letters.items() if x.title.startswith("thornbury"))]
    assert thornbury.meta.published and \
        letters["Letter date"][names.index(desk.lib.display_title(thornbury.id))].date().isoformat() == thornbury.meta.published


def test_notes_keep_their_line_breaks_and_namesakes_are_told_apart(built) -> None:  # type: ignore[no-untyped-def]
    import html

    import pypdf

    _desk, pack = built
    page = pack.read("summary.html").decode("utf-8")
    assert "said:<br>• first point<br>• second point ✓" in page
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pack.read("summary.pdf"))).pages)
    lines = [ln.strip() for ln in text.splitlines()]
    assert "• first point" in lines and "• second point ✓" in lines
    # the PDF letter and its text twin: two rows, two names, in every table and finding
    shown = html.unescape(page)
    assert shown.count("<td>Eastmere — monitoring visit 3 — November 2024 (text)</td>") >= 2  # letters, themes by letter
    assert "Eastmere — monitoring visit 3 — November 2024 (text) · p." in shown
    assert "Eastmere — monitoring visit 3 — November 2024 (text)" in _flat(text)


def test_a_finding_is_never_split_across_pages_nor_a_heading_left_at_a_pages_foot() -> None:
    """Seen by a new user's manager: a finding's quote on one page and its page and note on the next, and
    (with the judgements in the letters table) "By authority" alone at the foot of a page. Each finding is
    laid out whole on one page, and a heading goes over with the start of what it heads; read back by
    PyMuPDF's text extraction."""
    from reviewer.export.pdf import PDF_CSS, _chunks
    from reviewer.letters.pdf_writer import story_pdf

    body = "<h1>Audit</h1>" + "".join(
        f"<h2>Section {k}</h2>" + "".join(
            f"<blockquote><p>“Quote {k}-{i}: a finding long enough to wrap onto a second line of the page, "
            f"as the inspectors' sentences do.”</p></blockquote><p class='meta'>Meta {k}-{i} · p. {i}</p>"
            f"<p class='note'>Note {k}-{i}: why it matters.</p>" for i in range(40 + 7 * k))
        + f"<h2>Table {k}</h2><table>" + "".join(f"<tr><td>row {k}-{r}</td><td>a cell</td></tr>" for r in range(6))
        + "</table>" for k in range(3))
    doc = pymupdf.open("pdf", story_pdf(_chunks(body), PDF_CSS, "Audit"))
    assert doc.page_count > 3
    where = {}
    for page in doc:
        text = page.get_text()
        for k in range(3):
            for i in range(40 + 7 * k):
                for what in (f"Quote {k}-{i}:", f"Meta {k}-{i} ·", f"Note {k}-{i}:"):
                    if what in text:
                        where.setdefault((k, i), set()).add(page.number)
        lines = [ln for ln in text.splitlines() if ln.strip() and "— page" not in ln]
        assert not lines[-1].startswith(("Section", "Table")), f"page {page.number + 1} ends with {lines[-1]!r}"
    assert len(where) == sum(40 + 7 * k for k in range(3))
    assert all(len(pages) == 1 for pages in where.values()), [k for k, p in where.items() if len(p) > 1]


def test_a_long_table_goes_on_over_the_page_and_leaves_no_half_page_empty() -> None:
    """A new user's summary of a 46-page report (stop 46): page 1 was left half empty and its 25-row themes table
    began page 2, laid out whole as a finding is. A heading's table starts where there is room and goes on over
    the page; read back by pypdf."""
    import io

    import pypdf

    from reviewer.export.pdf import PDF_CSS, _chunks
    from reviewer.letters.pdf_writer import story_pdf

    body = ("<h1>Audit</h1>" + "".join(f"<p>Scope line {i}</p>" for i in range(22))
            + "<h2>Themes by severity</h2><table>" + "".join(f"<tr><td>Theme {r}</td><td>{r}</td></tr>" for r in range(30))
            + "</table>")
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(story_pdf(_chunks(body), PDF_CSS, "Audit"))).pages]
    assert "Themes by severity" in pages[0] and "Theme 0" in pages[0]
    assert "Theme 29" in pages[-1] and len(pages) == 2
