import csv
import dataclasses
import io
from pathlib import Path

import pymupdf

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.annotations.commands import AddAnnotation, UndoStack
from reviewer.letters.importing import prepare_path
from reviewer.core.annotations.library import Library
from reviewer.core.team.summary import build_summary
from reviewer.core.annotations.tagging import locate_quote, new_annotation
from reviewer.export.csvfile import safe_cell, to_csv
from reviewer.export.html import to_html
from reviewer.export.markdown import to_markdown
from reviewer.export.pdf import to_pdf

EVIL = '<script>alert("x")</script> =HYPERLINK("http://evil") \u202e'


def _lib(samples: Path):
    prep = prepare_path(samples / "thornbury_vale_2025_focused_visit.txt")
    lib = Library()
    lib.load([prep.letter], [], default_themes())
    text = prep.extracted.text
    stack = UndoStack(lib)
    for quote, sev, note in [
        ("Too many plans are lists of services", "improvement", EVIL),
        ("The adolescent safeguarding team provides a strong and creative response", "strength", ""),
        ("a small number of children have lived with neglect for too long", "priority", "Escalate"),
    ]:
        s, e = locate_quote(text, quote)
        stack.push(AddAnnotation(new_annotation(text, prep.extracted.page_starts, prep.letter.id, s, e,
                                                ["planning", "neglect"], sev, note, "Ann Auditor")))
    return lib, prep.letter.id, text


def test_summary_content(samples: Path):
    lib, lid, text = _lib(samples)
    s = build_summary(lib, [lid], lambda _: text)
    assert s.counts == {"Priority action": 1, "Area for improvement": 1, "Strength": 1, "Context": 0}
    assert [sid for sid, _, _ in s.sections] == ["priority", "improvement", "strength", "context"]
    assert len(s.improvement_items) == 4
    assert s.improvement_items[0].tagged_as == ()  # the summary shows which WNTI items are not yet audited
    assert s.authorities == ["Thornbury Vale"] and s.auditors == ["Ann Auditor"]


def test_html_escapes_everything_from_users_and_letters(samples: Path):
    lib, lid, text = _lib(samples)
    html = to_html(build_summary(lib, [lid], lambda _: text))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Priority actions (1)" in html and "Thornbury Vale" in html
    assert "http://" not in html.split("<body>")[0]  # no external resources


def test_markdown_escapes(samples: Path):
    lib, lid, text = _lib(samples)
    md = to_markdown(build_summary(lib, [lid], lambda _: text))
    assert "<script>" not in md and "## Priority actions (1)" in md and "What needs to improve" in md


def test_markdown_carries_no_control_characters_nor_bidi_overrides(samples: Path):
    """An attack: a note, theme or name with ESC[2J, a bell or a right-to-left override reached the Markdown summary as
    typed (the HTML one drops them): `cat summary.md` cleared the terminal, and the override reversed the rest of a
    finding's line in a viewer. The Markdown is cleaned by the HTML summary's rule."""
    import re

    lib, lid, text = _lib(samples)
    ann = lib.annotations_for(lid)[0]
    lib.annotations[ann.id] = dataclasses.replace(ann, note="Bell\x07 esc\x1b[2J del\x7f \u2067isolate\u2069 \u202doverride")
    md = to_markdown(build_summary(lib, [lid], lambda _: text))
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", md)
    assert "Bell esc\\[2J del isolate override" in md  # the words stay


def test_csv_neutralises_formulas(samples: Path):
    lib, lid, _ = _lib(samples)
    rows = list(csv.reader(io.StringIO(to_csv(lib, lib.annotations_for(lid)))))
    assert rows[0][:4] == ["letter", "authority", "letter_date", "page"]
    notes = [r[7] for r in rows[1:]]
    assert any(n.startswith("<script>") for n in notes)
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("plain") == "plain"
    for r in rows[1:]:
        for cell in r:
            assert not cell.startswith(("=", "+", "@"))


def test_pdf_summary_is_a_readable_pdf(samples: Path):
    lib, lid, text = _lib(samples)
    data = to_pdf(build_summary(lib, [lid], lambda _: text))
    doc = pymupdf.open("pdf", data)
    body = "".join(p.get_text() for p in doc)
    assert "Priority actions (1)" in body and "lived with neglect" in body and "<script>" in body
    # the scope's dates each on one line (a held-out session's summary broke "… 00:45" / "UTC")
    words = doc[0].get_text("words")
    exported = next(w for w in words if w[4] == "Exported")
    line = [w[4] for w in words if abs(w[1] - exported[1]) < 2 and w[0] > exported[0]]
    assert line[-1] == "UTC" and len(line) == 5, line


def test_the_letters_table_says_what_each_date_is() -> None:
    """A letter's date is the letter's; a report's or a news item's is when it was published (estimated
    where the reader only estimated it); a committee report's is its meeting's."""
    from reviewer.core.annotations.model import Letter, LetterMeta
    from reviewer.export.common import letter_row

    def dates(**meta) -> str:  # type: ignore[no-untyped-def]
        return letter_row(Letter(id="x", title="t", source="t.txt", kind="text", pages=1, meta=LetterMeta(**meta)))[3]

    assert dates(doc_type="joint inspection", visit_start="2023-05-03", visit_end="2023-05-07",
                 published="2023-06-12") == "visit 3 May 2023 – 7 May 2023; letter 12 June 2023"
    assert dates(doc_type="inspection report", published="2019-03-18", published_estimated=True) == \
        "published 18 March 2019 (estimated)"
    assert dates(doc_type="committee report", published="2021-07-06") == "dated 6 July 2021"
    # an inspection of weeks is no visit (a new auditor's SIF report, h19: "visit 24 February … – 20 March …" under
    # a scope that said "Inspected")
    assert dates(doc_type="inspection report", visit_start="2015-02-02", visit_end="2015-02-26",
                 published="2015-04-20") == "inspected 2 February 2015 – 26 February 2015; published 20 April 2015"
    assert dates() == "—"


def test_a_reports_judgements_and_an_estimated_date_reach_the_summary_and_the_workbook(samples: Path) -> None:
    """Seen by a new user's manager: the summary and the workbook left out Ofsted's judgements (four
    inadequate, one requires improvement, printed on the report's first page), and the workbook gave an
    estimated publication date as if the report printed it. Read back by openpyxl and PyMuPDF."""
    from dataclasses import replace

    import openpyxl

    from reviewer.export.xlsx import to_xlsx

    lib, lid, text = _lib(samples)
    letter = lib.letters[lid]
    meta = replace(letter.meta, doc_type="inspection report", published="2025-01-15", published_estimated=True,
                   judgements=(("overall_effectiveness", "inadequate"), ("care_leavers", "requires improvement")))
    lib.letters[lid] = replace(letter, meta=meta)
    summary = build_summary(lib, [lid], lambda _: text)
    said = "Overall effectiveness: Inadequate; Care leavers: Requires improvement"
    assert said in to_html(summary) and said in to_markdown(summary)
    body = " ".join(" ".join(p.get_text().split()) for p in pymupdf.open("pdf", to_pdf(summary)))
    assert said in body and "published 15 January 2025 (estimated)" in body
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(lib, lib.annotations_for(lid), [lib.letters[lid]],
                                                     listed=summary.improvement_items)))
    ws = book["Letters"]
    row = dict(zip([c.value for c in ws[1]], [c.value for c in ws[2]]))
    # the grades and the judgements' names as the summary writes them (a new user's workbook said "Lscb" and
    # "requires improvement", stop 47)
    assert row["Letter date estimated"] == "yes" and row["Overall effectiveness"] == "Inadequate"
    assert row["Care leavers"] == "Requires improvement" and row["Impact of leaders"] is None
    assert "Safeguarding children board" in row and "Lscb" not in row
    # and the inspectors' items, with how each was tagged, as the summary's cross-reference has them
    items = book["Inspectors items"]
    head = [c.value for c in items[1]]
    assert head == ["Letter", "Number", "Item", "Tagged as", "Findings on its theme outside the list"]
    listed = [[c.value for c in r] for r in items.iter_rows(min_row=2)]
    assert len(listed) == len(summary.improvement_items) == 4
    assert all(r[3] in ("not yet tagged", "Area for improvement", "Priority action", "Strength") or "," in r[3]
               for r in listed)


def test_an_items_evidence_is_the_letters_body_never_the_lists_other_items(samples: Path):
    """A new user accepted a report's whole list: each inspectors' item was then "evidenced" by its
    neighbours on the list ("Priority action p.42, Priority action p.42, ..."). An item's related findings
    are the letter's own findings on its subject elsewhere, each page once."""
    from reviewer.core.team.summary import items_in

    prep = prepare_path(samples / "thornbury_vale_2025_focused_visit.txt")
    lib = Library()
    lib.load([prep.letter], [], default_themes())
    text = prep.extracted.text
    stack = UndoStack(lib)
    listed = items_in(text)
    theme = "planning"
    for s, e, _item, _k in listed:  # the whole list accepted, on one subject
        stack.push(AddAnnotation(new_annotation(text, prep.extracted.page_starts, prep.letter.id, s, e,
                                                [theme], "improvement", "", "Ann Auditor")))
    s, e = locate_quote(text, "Too many plans are lists of services")
    stack.push(AddAnnotation(new_annotation(text, prep.extracted.page_starts, prep.letter.id, s, e,
                                            [theme], "improvement", "", "Ann Auditor")))
    items = build_summary(lib, [prep.letter.id], lambda _: text).improvement_items
    assert len(items) == len(listed) >= 2
    for it in items:
        assert it.tagged_as == ("Area for improvement",)
        assert len(it.related) <= 1 and all(r.startswith("Area for improvement p.") for r in it.related), it.related


def test_an_items_subject_is_the_auditors_themes_where_they_tagged_it(samples: Path):
    """A held-out session (stop 43): an item tagged Management oversight and Workforce was cross-referred to
    the suggester's reading of it (Performance management), and an item given a second theme found no
    findings on it. Where the auditor tagged the item, its subject is the themes they gave it; where not,
    the suggester's reading."""
    from reviewer.core.team.summary import item_themes, items_in

    prep = prepare_path(samples / "thornbury_vale_2025_focused_visit.txt")
    lib = Library()
    lib.load([prep.letter], [], default_themes())
    text, starts = prep.extracted.text, prep.extracted.page_starts
    stack = UndoStack(lib)
    listed = items_in(text)
    read = item_themes(text, tuple(lib.themes.values()))
    other = next(t for t in ("workforce", "leadership", "voice") if t not in read)
    s, e, _item, _k = listed[0]
    stack.push(AddAnnotation(new_annotation(text, starts, prep.letter.id, s, e, [read[0] or "planning", other],
                                            "improvement", "", "Ann Auditor")))
    s2, e2 = locate_quote(text, "Too many plans are lists of services")
    stack.push(AddAnnotation(new_annotation(text, starts, prep.letter.id, s2, e2, [other], "improvement", "",
                                            "Ann Auditor")))
    items = build_summary(lib, [prep.letter.id], lambda _: text).improvement_items
    first = items[0]
    assert first.theme == f"{lib.theme_label(read[0] or 'planning')}; {lib.theme_label(other)}"
    assert any(r.startswith("Area for improvement p.") for r in first.related), first  # on its second theme
    assert items[1].theme == (lib.theme_label(read[1]) if read[1] else "")  # untagged: the suggester's reading


def test_an_item_across_a_page_break_is_one_item_in_the_summary() -> None:
    """A new user accepted a 2015 report's items and exported the summary: an item running from page 5 to 6
    was two rows, the second opening "6 consistently …", the page's number. The summary reads the items with
    the letter's pages, as the window does, so the page number is furniture."""
    head = ("What needs to improve\n\nAreas for improvement\n\n"
            "1. Ensure that partners working with the board apply the threshold for access to social care\n")
    page_two = ("6\n\nconsistently and correctly, so that children get swift access to support.\n\n"
                "2. Ensure that chronologies are in place for all children in care.\n\n"
                "Summary for children in care\n\nChildren in care are seen regularly by their social workers.\n")
    text = head + page_two
    starts = [0, len(head)]
    lib = Library()
    from reviewer.core.annotations.model import Letter

    letter = Letter(id="l1", source="report.pdf", kind="pdf", title="Report", pages=2)
    lib.load([letter], [], default_themes())
    stack = UndoStack(lib)
    s = text.index("Ensure that partners")
    e = text.index("support.") + len("support.")
    stack.push(AddAnnotation(new_annotation(text, starts, "l1", s, e, ["partnership"], "improvement", "",
                                            "Ann Auditor")))
    items = build_summary(lib, ["l1"], lambda _: text, page_starts_of=lambda _: starts).improvement_items
    assert [" ".join(it.text.split()) for it in items] == [
        "Ensure that partners working with the board apply the threshold for access to social care "
        "consistently and correctly, so that children get swift access to support.",
        "Ensure that chronologies are in place for all children in care."]
    assert items[0].tagged_as == ("Area for improvement",)


def test_the_summary_says_when_letters_were_inspected_and_when_published(samples: Path) -> None:
    """A new user read "Period: 18 November 2014 to 3 February 2015" as the inspection's dates: it ran from the
    visit's start to the report's publication. The scope now says each."""
    from reviewer.export.common import date_range

    lib, lid, text = _lib(samples)
    meta = lib.letters[lid].meta
    assert meta.visit_start and meta.visit_end and meta.published
    md = to_markdown(build_summary(lib, [lid], lambda _: text))
    assert f"| Inspected | {date_range(meta.visit_start, meta.visit_end)} |" in md
    assert f"| Published | {date_range(meta.published, meta.published)} |" in md
    assert "Period" not in md
    assert date_range("2014-11-18", "2014-12-10") == "18 November to 10 December 2014"
    assert date_range("2014-11-18", "2015-02-03") == "18 November 2014 to 3 February 2015"
    assert date_range("2025-02-11", "2025-02-12") == "11 to 12 February 2025"
    assert date_range(None, None) == "—"
    # a date the report does not print is said to be estimated here too, as the letters table says it (a
    # held-out session, stop 44: "Published 15 May 2024" read as printed, a day before the real date)
    import dataclasses

    lib.letters[lid] = dataclasses.replace(lib.letters[lid], meta=dataclasses.replace(meta, published_estimated=True))
    from reviewer.export.common import scope_rows

    rows = dict(scope_rows(build_summary(lib, [lid], lambda _: text)))
    assert rows["Published"] == f"{date_range(meta.published, meta.published)} (estimated)"


def test_a_letters_judgements_are_named_as_its_framework_names_them_in_the_summary() -> None:
    """A second held-out session (stop 43): the summary's letters table named a 2014 report's judgements in the
    2018 framework's words ("Impact of leaders", "Children in care"), where its Details said "Leadership,
    management and governance". Each letter's row names them as its own framework does; the spreadsheet's
    columns keep one set of names."""
    from reviewer.core.annotations.model import LetterMeta
    from reviewer.export.common import judgements_said

    given = (("impact_of_leaders", "requires improvement"), ("in_care", "inadequate"))
    assert judgements_said(LetterMeta(framework="sif", judgements=given)) == (  # (in the framework's order)
        "Children looked after: Inadequate; Leadership, management and governance: Requires improvement")
    assert judgements_said(LetterMeta(framework="ilacs standard", judgements=given)) == (
        "Impact of leaders: Requires improvement; Children in care: Inadequate")


def test_each_severitys_findings_are_grouped_by_theme_in_codebook_order(samples: Path) -> None:
    """DOMAIN: a manager expects findings by theme with the quoted evidence and page; a new user's summary listed
    each severity's findings with no grouping (stop 47). Within a severity, findings come under their first theme,
    in the codebook's order, each heading with its count; pypdf reads the same headings from the PDF."""
    import pypdf

    prep = prepare_path(samples / "thornbury_vale_2025_focused_visit.txt")
    lib = Library()
    lib.load([prep.letter], [], default_themes())
    text = prep.extracted.text
    stack = UndoStack(lib)
    tagged = [("Too many plans are lists of services", ["planning"]),
              ("a small number of children have lived with neglect for too long", ["neglect"]),
              ("managers do not always challenge drift", ["planning", "oversight"])]
    for quote, themes in sorted(tagged, key=lambda t: -text.index(t[0])):  # (tagged from the end)
        s, e = locate_quote(text, quote)
        stack.push(AddAnnotation(new_annotation(text, prep.extracted.page_starts, prep.letter.id, s, e, themes,
                                                "improvement", "", "Ann Auditor")))
    summary = build_summary(lib, [prep.letter.id], lambda _: text)
    order = list(lib.themes)
    labels = [lib.theme_label(t) for t in sorted(("planning", "neglect"), key=order.index)]
    md = to_markdown(summary)
    section = md[md.index("## Areas for improvement (3)"):md.index("## Strengths")]
    heads = [line for line in section.splitlines() if line.startswith("### ")]
    planning = lib.theme_label("planning")
    assert heads == [f"### {label} ({2 if label == planning else 1})" for label in labels]
    under = section[section.index(f"### {planning}"):]
    under = under[:under.index("### ", 4)] if "### " in under[4:] else under
    assert "Too many plans are lists of services" in under and "challenge drift" in under
    # in the letter's order, whatever the order they were tagged in (a new user's were in the order tagged)
    first, second = sorted(("Too many plans are lists of services", "challenge drift"), key=text.index)
    assert under.index(first) < under.index(second)
    reader = pypdf.PdfReader(io.BytesIO(to_pdf(summary)))
    body = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert f"{planning} (2)" in body


def test_the_summary_opens_with_a_headline(samples: Path) -> None:
    """DOMAIN: a headline summary; a new user's summary opened on tables alone (stop 47). Under the counts, a
    sentence says how many of each severity there are and which themes most of the most severe are on; read back
    from the PDF by pypdf."""
    import pypdf

    lib, lid, text = _lib(samples)
    summary = build_summary(lib, [lid], lambda _: text)
    assert summary.headline == "1 priority action, 1 area for improvement and 1 strength."  # (no theme holds more)
    prep = prepare_path(samples / "thornbury_vale_2025_focused_visit.txt")
    stack = UndoStack(lib)
    for quote in ("managers do not always challenge drift", "Return home interviews"):
        s, e = locate_quote(text, quote)
        stack.push(AddAnnotation(new_annotation(text, prep.extracted.page_starts, lid, s, e, ["planning"],
                                                "priority", "", "Ann Auditor")))
    summary = build_summary(lib, [lid], lambda _: text)
    planning = lib.theme_label("planning")
    assert summary.headline.startswith("3 priority actions, 1 area for improvement and 1 strength. ")
    assert summary.headline.endswith(f"Most priority actions are on {planning} (3).")
    reader = pypdf.PdfReader(io.BytesIO(to_pdf(summary)))
    body = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "3 priority actions, 1 area for improvement and 1 strength." in body
    assert summary.headline in to_html(summary)


def test_a_heading_is_never_a_piece_of_the_pdf_on_its_own() -> None:
    """A new user's summary left "Areas for improvement" alone at the foot of page 1, its findings overleaf, in all
    three exports (stop 47): the HTML puts a line end after each heading, and the piece it ended was laid out on
    its own. Each heading goes with what follows it."""
    from reviewer.export.pdf import _chunks

    body = ("<h2>Counts</h2>\n<table><tr><td>1</td></tr></table>\n<h2>Areas for improvement (2)</h2>\n"
            "<h3>Planning and reviews (2)</h3>\n<blockquote><p>One</p></blockquote>\n"
            "<blockquote><p>Two</p></blockquote>\n")
    pieces = _chunks(body)
    assert not any(p.rstrip().endswith(("</h2>", "</h3>")) for p in pieces), pieces
    assert any(p.startswith("<h2>Areas") and "<blockquote><p>One" in p for p in pieces)


def _page_lines(data: bytes) -> list[list[str]]:
    """Each page's lines as a reader we did not write gives them (pdftotext where installed, else pypdf), footer left out."""
    import shutil
    import subprocess

    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
        pages = out.stdout.decode("utf-8").split("\f")[:-1]
    else:
        import pypdf

        pages = [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    return [[" ".join(x.split()) for x in p.splitlines() if x.strip() and "— page " not in x] for p in pages]


def test_no_page_of_the_summary_ends_with_a_heading(samples: Path) -> None:
    """Two auditors' summary put "Moderation" and its one line of introduction at the foot of a page, every letter's
    moderation overleaf. Whatever the length of the findings before it, no page ends with a heading (nor with a
    heading and the note under it): the heading goes over with what it heads."""
    import re
    from html import unescape

    prep = prepare_path(samples / "thornbury_vale_2025_focused_visit.txt")
    text = prep.extracted.text
    tags = [("Children and families who need help are identified at the earliest opportunity.", "strength", "improvement"),
            ("Too many plans are lists of services rather than actions", "improvement", "priority"),
            ("Caseloads are manageable, and social workers told inspectors", "strength", "context")]
    moved_over = False
    for lines in range(12):  # the findings a line longer each time: the section heading meets every place on a page
        lib = Library()
        lib.load([prep.letter], [], default_themes())
        stack = UndoStack(lib)
        for quote, first, second in tags:
            s, e = locate_quote(text, quote)
            note = "\n".join(["Talked over with the team manager at the audit meeting."] * lines)
            stack.push(AddAnnotation(new_annotation(text, prep.extracted.page_starts, prep.letter.id, s, e,
                                                    ["planning"], first, note, "Ann Auditor")))
            stack.push(AddAnnotation(new_annotation(text, prep.extracted.page_starts, prep.letter.id, s, e,
                                                    ["assessment"], second, "", "Bob Auditor")))
        summary = build_summary(lib, [prep.letter.id], lambda _: text)
        html = to_html(summary, chips=False)
        headings = {" ".join(unescape(h).split()) for h in re.findall(r"<h[2-4][^>]*>([^<]*)</h[2-4]>", html)}
        notes = {" ".join(unescape(p).split()) for p in re.findall(r'<p class="meta">([^<]*)</p>', html)}
        pages = _page_lines(to_pdf(summary))
        for n, page in enumerate(pages[:-1], 1):
            end = page[-2:] if page[-1] in notes else page[-1:]
            assert end[0] not in headings, (lines, n, page[-3:])
        moved_over = moved_over or any(page and page[0] == "Moderation" for page in pages[1:])
    assert moved_over  # (the heading did reach a page's foot, and went over)


def test_a_deleted_theme_is_named_never_shown_by_its_id(samples: Path) -> None:
    """An annotation can keep a theme the codebook no longer holds (its adding undone, or brought from a library
    that had it): the summary, the spreadsheet and the workbook showed it by its id ("neglect", "theme-3f2a9c").
    It is named by its last name with "(deleted theme)", or, where no name is known, "(deleted theme)"; one rule
    (codebook.theme_name through Library.theme_label) for the window's cards and every export."""
    import dataclasses
    import zipfile

    from reviewer.export.xlsx import to_xlsx

    from reviewer.core.annotations.model import Theme

    deleted = "(deleted theme)"
    lib, lid, text = _lib(samples)
    lib.put_theme(Theme(id="kinship-x1", label="Kinship carers", colour="#5c6bc0"))
    first, second = lib.annotations_for(lid)[:2]
    lib.put_annotation(dataclasses.replace(first, themes=("theme-3f2a9c",)))
    lib.put_annotation(dataclasses.replace(second, themes=("kinship-x1", "planning")))
    lib.remove_theme("kinship-x1")
    assert lib.theme_label("kinship-x1") == "Kinship carers (deleted theme)"
    assert lib.theme_label("theme-3f2a9c") == deleted
    s = build_summary(lib, [lid], lambda _: text)
    anns = lib.annotations_for(lid)
    book = zipfile.ZipFile(io.BytesIO(to_xlsx(lib, anns)))
    workbook = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    for said in (to_html(s), to_markdown(s).replace("\\(", "(").replace("\\)", ")"), to_csv(lib, anns), workbook):
        assert "Kinship carers (deleted theme)" in said and said.count(deleted) > said.count("Kinship carers (deleted")
        assert "theme-3f2a9c" not in said and "kinship-x1" not in said
    pages = " ".join(" ".join(p) for p in _page_lines(to_pdf(s)))
    assert "Kinship carers (deleted theme)" in pages and "theme-3f2a9c" not in pages and "kinship-x1" not in pages


def test_a_note_beyond_excels_cell_limit_in_utf16_units_is_cut_whole_and_said(samples: Path) -> None:
    """Excel's 32,767-character limit counts UTF-16 code units: a note of 20,000 emoji (40,000 units) was written
    whole, and Excel refuses or "repairs" such a workbook. It is cut within the limit, never through an emoji,
    and ends with "…" as a cut cell does. Read back by openpyxl."""
    import dataclasses as dc

    import openpyxl

    from reviewer.export.xlsx import to_xlsx

    lib, lid, _ = _lib(samples)
    notes = {"emoji": "\U0001F600" * 20_000, "mixed": "a" + "\U0001F4A9" * 16_383 + "tail", "short": "\U0001F600" * 16_383}
    anns = []
    for (name, note), a in zip(notes.items(), lib.annotations_for(lid)):
        anns.append(dc.replace(a, note=note))
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(lib, anns, [lib.letters[lid]])))
    ws = book["Annotations"]
    head = [c.value for c in ws[1]]
    got = {r[head.index("Annotation id")]: r[head.index("Note")] for r in ws.iter_rows(min_row=2, values_only=True)}
    for (name, note), a in zip(notes.items(), anns):
        cell = got[a.id]
        units = len(cell.encode("utf-16-le", "surrogatepass")) // 2
        assert units <= 32767, (name, units)
        cell.encode("utf-8")  # no half of a surrogate pair
        if name == "short":  # 32,766 units: whole
            assert cell == note
        else:
            assert cell.endswith("…") and note.startswith(cell[:-1]) and units >= 32765
