"""A table that runs over pages in an exported PDF starts each page it runs onto with its header row again, as Word's
"Repeat as header row" does; read back by pypdf, a reader we did not write."""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path

import pypdf

from reviewer.export.pdf import PDF_CSS, _chunks
from reviewer.letters.pdf_tables import mark
from reviewer.letters.pdf_writer import story_pdf

PLAN_HEADER = ["Due", "Status", "Owner", "Action", "Finding", "Inspectors' item", "Progress"]


def _lines(page: pypdf.PageObject) -> list[tuple[float, list[tuple[float, str]]]]:
    """The page's text as lines from the top: (y, [(x, text), ...]), each piece where pypdf reads it drawn."""
    pieces: list[tuple[float, float, str]] = []

    def seen(text, cm, tm, _font, _size) -> None:  # type: ignore[no-untyped-def]
        if text.strip():
            pieces.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text.strip()))

    page.extract_text(visitor_text=seen)
    lines: list[tuple[float, list[tuple[float, str]]]] = []
    for y, x, text in sorted(pieces, key=lambda p: (-p[0], p[1])):
        if lines and abs(lines[-1][0] - y) < 2:
            lines[-1][1].append((x, text))
        else:
            lines.append((y, [(x, text)]))
    return [(y, sorted(parts)) for y, parts in lines if not any("— page" in t for _, t in parts)]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def _in_time(job, seconds: float = 60):  # type: ignore[no-untyped-def]
    """``job()``'s result, or a failure where it has not finished in ``seconds`` (a layout that never ends)."""
    out: list[object] = []
    worker = threading.Thread(target=lambda: out.append(job()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert out, f"not finished in {seconds} s"
    return out[0]


def test_a_long_action_plan_repeats_its_header_row_on_every_page_it_runs_onto(  # type: ignore[no-untyped-def]
        ws, samples: Path, tmp_path: Path) -> None:
    """The audit summary of a report with many findings, each with an action: its action plan runs over several pages,
    each of which begins with the plan's header row, its columns where they were on the first; every action is in
    it once, and each row whole on one page (its due date, its action's every line, its progress note)."""
    ws.set_auditor("Ann Auditor")
    letter, _, _ = ws.add_file(samples / "thornbury_vale_2025_focused_visit.pdf")
    ex = ws.text(letter.id)
    spans = [m.span() for m in re.finditer(r"\S+(?:\s+\S+){5}", ex.text)]
    actions = {}
    for i in range(40):
        s, e = spans[i * 2 % len(spans)]
        severity = ("priority", "improvement")[i % 2]
        a = ws.tag(letter.id, ex.text, ex.page_starts, s, e, ["planning"], severity, "", "Ann Auditor")
        text = f"Action {i:02d}: review the plans the team holds and report back to the board each month"
        action = ws.add_action(a.id, text, "Sam Owner", f"2999-{i % 12 + 1:02d}-{i % 28 + 1:02d}", "amber")
        ws.update_action(action.id, progress=f"Progress {i:02d}: halfway there")
        actions[i] = text
    out, _ = ws.export_summary([letter.id], tmp_path / "summary.pdf", "pdf")

    pages = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages
    texts = [_flat(p.extract_text()) for p in pages]
    first = next(n for n, t in enumerate(texts) if "Action plan" in t and "40 actions" in t)
    last = max(n for n, t in enumerate(texts) if any(f"Action {i:02d}:" in t for i in actions))
    assert last - first + 1 >= 3, "the plan should run over at least three pages"
    columns = None
    for n in range(first, last + 1):
        lines = _lines(pages[n])
        at = next(k for k, (_, parts) in enumerate(lines) if [t for _, t in parts] == PLAN_HEADER)
        above = [" ".join(t for _, t in parts) for _, parts in lines[:at]]
        if n == first:  # under its heading and the count
            assert above[-2:] == ["Action plan", "40 actions, 0 overdue."], above
        else:
            assert not above, f"page {n + 1} has {above} over the header row"
        xs = [round(x, 1) for x, _ in lines[at][1]]
        assert columns in (None, xs), f"page {n + 1}: the header's columns moved"
        columns = xs
    for i, text in actions.items():
        where = [n for n, t in enumerate(texts) if f"Action {i:02d}:" in t]
        assert len(where) == 1, f"action {i} on pages {where}"
        page = texts[where[0]]
        assert page.count(f"Action {i:02d}:") == 1 and text in page, f"action {i}: cut or doubled"
        assert f"Progress {i:02d}: halfway there" in page, f"action {i}: its row is cut"


def test_a_row_taller_than_a_page_goes_on_as_its_cells_and_the_table_after_it_with_its_header() -> None:
    """MuPDF never places a table row taller than its frame: such a row used to stop the layout (or be drawn over the
    page's foot and lost). It is set as its cells, each under its column's name, and the table goes on after it."""
    head = "<tr><th>Due</th><th>Owner</th><th>Action</th><th>Progress</th></tr>"
    rows = []
    for i in range(30):
        progress = "<br>".join(f"Note {i}-{j}: plans reviewed at the board" for j in range(90 if i == 12 else 1))
        rows.append(f"<tr><td>2999-01-{i + 1:02d}</td><td>Sam</td><td>Action {i:02d}</td><td>{progress}</td></tr>")
    body = "<h1>Audit</h1><h2>Action plan</h2><p>30 actions.</p><table>" + head + "".join(rows) + "</table>"
    data = _in_time(lambda: story_pdf(_chunks(body), PDF_CSS, "Audit"))
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    texts = [_flat(p.extract_text()) for p in pages]
    whole = " ".join(texts)
    for i in range(30):
        assert whole.count(f"Action {i:02d}") == 1, i
        for j in range(90 if i == 12 else 1):
            assert whole.count(f"Note {i}-{j}:") == 1, (i, j)
    assert "Progress: Note 12-0:" in whole  # the tall row's cells, each under its column's name
    rest = next(n for n, t in enumerate(texts) if "Action 13" in t)
    lines = _lines(pages[rest])
    at = next(k for k, (_, ps) in enumerate(lines) if [t for _, t in ps] == ["Due", "Owner", "Action", "Progress"])
    assert all("Note 12-" in " ".join(t for _, t in parts) for _, parts in lines[:at])  # only the tall row above it


def test_a_table_and_its_heading_never_end_a_page_without_a_row() -> None:
    """Within one piece (a trend's or a moderation's authority: tables under their own headings), a table's heading,
    the line under it and its header row go over the page together with its first row."""
    head = "<tr><th>Theme</th><th>Then</th><th>Now</th></tr>"
    rows = "".join(f"<tr><td>Theme {i}</td><td>{i}</td><td>{i + 1}</td></tr>" for i in range(12))
    table = f"<table>{head}{rows}</table>"
    for k in range(40, 56):
        filler = "".join(f"<p>Line {i} of what the inspectors found then</p>" for i in range(k))
        chunk = "<h3>Authority</h3>" + filler + "<h4>Improving</h4><p>Since the last audit.</p>" + table
        data = story_pdf([chunk], PDF_CSS, "T")
        pages = pypdf.PdfReader(io.BytesIO(data)).pages
        for n, page in enumerate(pages):
            lines = [" ".join(t for _, t in parts) for _, parts in _lines(page)]
            assert lines[-1] not in ("Improving", "Since the last audit.", "Theme Then Now"), (k, n, lines[-3:])
        texts = [_flat(p.extract_text()) for p in pages]
        assert sum(t.count("Theme 0 ") for t in texts) == 1
        assert all(("Theme 11" in t) <= ("Theme Then Now" in t) for t in texts)


def test_only_a_table_whose_first_row_is_its_header_is_marked() -> None:
    """A Word letter's tables (rows of ``<td>``, as ``core.text.word`` writes them) and a table within another are
    laid out as they are: a letter's text must not gain rows."""
    word = "<p>x</p><table><tr><td>Name</td><td>Role</td></tr><tr><td>A</td><td>B</td></tr></table>"
    nested = "<table><tr><th>A</th></tr><tr><td><table><tr><th>B</th></tr><tr><td>1</td></tr></table></td></tr></table>"
    merged = "<table><tr><th colspan=\"2\">A</th></tr><tr><td>1</td><td>2</td></tr></table>"
    for html in (word, nested, merged, "<table><tr><th>Only a header</th></tr></table>"):
        assert mark(html) == html
    marked = mark("<h2>Letters</h2><p>Two.</p><table><tr><th>Letter</th></tr><tr><td>A</td></tr><tr><td>B</td></tr></table>")
    assert marked == ('<h2 id="rv-t0-keep">Letters</h2><p>Two.</p><table>'
                      '<tr id="rv-t0-head"><th id="rv-t0-c0">Letter</th></tr>'
                      '<tr id="rv-t0-r0"><td>A</td></tr><tr id="rv-t0-r1"><td>B</td></tr></table>')


def test_an_unbreakable_word_in_a_cell_never_pushes_columns_off_the_page(  # type: ignore[no-untyped-def]
        ws, samples: Path, tmp_path: Path) -> None:
    """An action's text, owner or progress note that is one long word (a pasted link, a reference, a key held down):
    MuPDF widened its column to the word, the table ran off the page's right edge and the columns after it (the
    finding, the inspectors' item, the progress notes) were never drawn: gone from the PDF, with no word said. Such
    a word is broken where it has to be, and every cell of every row is on the page, the word whole in its text."""
    ws.set_auditor("Ann Auditor")
    letter, _, _ = ws.add_file(samples / "thornbury_vale_2025_focused_visit.pdf")
    ex = ws.text(letter.id)
    spans = [m.span() for m in re.finditer(r"\S+(?:\s+\S+){5}", ex.text)]
    word = "".join(chr(ord("a") + i % 26) for i in range(5000))
    for i in range(6):
        a = ws.tag(letter.id, ex.text, ex.page_starts, *spans[i * 3], ["planning"], "improvement", "", "Ann Auditor")
        action = ws.add_action(a.id, f"ACT{i} {word} <th>x</th></td></table>", f"Owner{i}-{word[:300]}",
                               "2999-01-01", "amber")
        ws.update_action(action.id, progress=f"PROG{i} " + word[:2000])
    out, _ = _in_time(lambda: ws.export_summary([letter.id], tmp_path / "summary.pdf", "pdf"))
    import pymupdf  # where each character is drawn (pypdf reads text drawn off the page as well)

    drawn = []
    with pymupdf.open(out) as doc:
        for page in doc:
            for block in page.get_text("rawdict", flags=0)["blocks"]:
                for line in block.get("lines", ()):
                    chars = [ch for span in line["spans"] for ch in span["chars"]]
                    said = "".join(ch["c"] for ch in chars if page.rect.x0 - 1 <= ch["bbox"][0] and
                                   ch["bbox"][2] <= page.rect.x1 + 1)
                    if "— page " not in said:  # (the footer, between the parts of a row gone over the page)
                        drawn.append(said)
    whole = "".join("".join(drawn).replace("\u200b", "").replace("\u00ad", "").split())
    for i in range(6):
        assert f"PROG{i}" in whole and f"Owner{i}-" in whole, f"row {i}: its last columns are off the page"
        assert f"ACT{i}{word}<th>x</th></td></table>" in whole, f"row {i}: its action is cut"
        assert f"PROG{i}{word[:2000]}" in whole, f"row {i}: its progress note is cut"


def test_a_page_is_blank_by_its_contents_as_by_its_text() -> None:
    """The summary drops a page that shows no text (a table's last rule alone): read from the page's contents, not
    by extracting every page's text (0.6 s of a 739-page summary), and the same pages either way."""
    import pymupdf

    from reviewer.letters.pdf_fonts import used_codes
    from reviewer.letters.pdf_writer import _SHOWS_TEXT

    doc = pymupdf.open()
    ruled = doc.new_page()
    ruled.draw_line((48, 60), (540, 60))  # only a rule
    worded = doc.new_page()
    worded.insert_text((72, 72), "Help and protection (strängths)")
    spaced = doc.new_page()
    writer = pymupdf.TextWriter(spaced.rect)
    writer.append((72, 72), "Too many plans", font=pymupdf.Font("helv"))
    writer.write_text(spaced)
    doc = pymupdf.open("pdf", doc.tobytes())
    for page in doc:
        assert (not page.get_text().strip()) == (not _SHOWS_TEXT.search(page.read_contents())), page.number
    assert [p.number for p in doc if not _SHOWS_TEXT.search(p.read_contents())] == [0]
    assert used_codes(doc) is not None  # (pages whose resources are their own: read without get_fonts)
    # and a laid-out summary keeps no page without text, its every page's fonts read as PyMuPDF reads them
    pdf = story_pdf(_chunks("<h2>Findings</h2>" + "".join(
        f"<blockquote><p>Finding {i}: plans are not reviewed often enough.</p></blockquote>" for i in range(90))),
        PDF_CSS, "Audit summary")
    out = pymupdf.open("pdf", pdf)
    assert out.page_count >= 2 and all(page.get_text().strip() for page in out)


def test_findings_laid_out_a_page_at_a_time_fall_where_they_fell_one_by_one(monkeypatch) -> None:
    """A run of findings is laid out as one story a page (each story costs MuPDF half a millisecond before its first
    word: a 100-letter summary's 6,000 findings took 4.4 s one by one): every block lands on the same page, at the
    same place, as when each finding was laid out on its own; none is cut by a page's foot."""
    import pymupdf

    from reviewer.letters import pdf_writer

    words = "plans are not reviewed often enough and some are lists of services rather than actions".split()
    body = "<h2>Findings by theme</h2><h3>Planning and reviews</h3>" + "".join(
        f"<blockquote><p>“Finding {i}: {' '.join(words[:3 + (i * 7) % len(words)] * (1 + i % 4))}.”</p>"
        f'<p class="meta">Eastmere · p. {i % 9 + 1} · Planning</p></blockquote>'
        + ('<p class="review">Challenged: which plans?</p>' if i % 5 == 0 else "") for i in range(140)) + \
        "<h2>Action plan</h2><p>No actions yet.</p>"
    chunks = _chunks(body)

    def blocks(pdf: bytes) -> list[list[tuple[int, str]]]:
        with pymupdf.open("pdf", pdf) as doc:
            return [[(round(b[1]), b[4]) for b in page.get_text("blocks")] for page in doc]

    together = blocks(story_pdf(chunks, PDF_CSS, "Audit summary"))
    monkeypatch.setattr(pdf_writer, "_a_finding", lambda html: False)  # each laid out on its own, as before
    alone = blocks(story_pdf(chunks, PDF_CSS, "Audit summary"))
    assert len(together) >= 4 and together == alone
    for page in together:  # no finding split: each quote's page line is on the page its quote is
        text = "".join(t for _, t in page)
        assert text.count("“Finding") == text.count("Eastmere ·")
