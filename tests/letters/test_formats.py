"""Letters in the other shapes auditors receive: Markdown or simple HTML in a text file reads as the
formatted text it stands for, and a Word .docx opens and tags like the rest. Fictional councils."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from reviewer.core.text.markup import has_markup, to_plain
from reviewer.letters.importing import layout_for, prepare_letter
from reviewer.workspace import Workspace

MARKDOWN = """# Focused visit to Ashvale children's services

Dear **Ms Okafor**,

This letter summarises the findings of the focused visit on 23<sup>rd</sup> &amp; 24<sup>th</sup> November 2025.

## What needs to improve in this area of social work practice?

- The *quality* of child protection plans.
- Management oversight of [drift and delay](https://example.org/x).

Yours sincerely
"""

PARAGRAPHS = [
    ("Heading1", "Report to: Children and Young People Scrutiny Committee"),
    ("", "Date: 4th January 2026"),
    ("", "Subject: Progress since the Ofsted inspection of Ashvale children's services"),
    ("", "Too many child in need plans are lists of services rather than actions. Leaders know this."),
]


_NS = "http://schemas.openxmlformats.org"
_RELS = f"{_NS}/package/2006/relationships"
_PARTS = {
    "[Content_Types].xml": (
        f'<Types xmlns="{_NS}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    "_rels/.rels": (
        f'<Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_NS}/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/>'
        f'<Relationship Id="rId2" Type="{_RELS}/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>"),
    "docProps/core.xml": (
        f'<cp:coreProperties xmlns:cp="{_NS}/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Committee report</dc:title></cp:coreProperties>'),
    "word/_rels/document.xml.rels": f'<Relationships xmlns="{_RELS}"/>',
}


def docx_bytes(paragraphs: list[tuple[str, str]]) -> bytes:
    """A small Word document as Word writes one (the parts MuPDF needs: the package and core
    relationships, core properties and the body), its paragraphs as given."""

    def para(style: str, text: str) -> str:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    body = "".join(para(style, text) for style, text in paragraphs)
    parts = dict(_PARTS)
    parts["word/document.xml"] = (f'<w:document xmlns:w="{_NS}/wordprocessingml/2006/main"><w:body>{body}'
                                  "</w:body></w:document>")
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml)
    return buf.getvalue()


def test_markdown_reads_as_text_with_its_headings() -> None:
    assert has_markup(MARKDOWN, "letter.txt")
    plain = to_plain(MARKDOWN)
    assert "**" not in plain.text and "<sup>" not in plain.text and "&amp;" not in plain.text and "#" not in plain.text
    assert "Dear Ms Okafor," in plain.text and "23rd & 24th November" in plain.text
    assert "• The quality of child protection plans." in plain.text
    assert "Management oversight of drift and delay (https://example.org/x)." in plain.text
    assert [plain.text[s:e] for s, e in plain.headings] == [
        "Focused visit to Ashvale children's services",
        "What needs to improve in this area of social work practice?"]


def test_a_table_reads_as_rows_of_cells_in_markdown_and_in_html() -> None:
    """Held-out pages (stop 38): a committee's Markdown table kept its pipes and its "|---|---|" rule, and was
    suggested whole as an area for improvement; an HTML table ran its cells together ("Overall
    effectivenessGood"). A row now reads as its cells, a tab apart, on a line of its own."""
    from reviewer.core.annotations.codebook import default_themes
    from reviewer.core.reading.suggest import suggest

    md = ("# Report to the Children's Committee\n\nThe report was published with these judgements:\n\n"
          "| Judgement | 2024 grade | 2019 grade |\n|---|:---:|---|\n"
          "| Overall effectiveness | **Good** | Requires improvement to be good |\n"
          "| The experiences and progress of care leavers | Good | Good |\n\nThe committee noted the report.\n")
    text = to_plain(md).text
    assert "|" not in text and "---" not in text and "**" not in text
    assert "Overall effectiveness\tGood\tRequires improvement to be good\t\n" in text  # (each cell ended by a tab)
    assert "Judgement\t2024 grade\t2019 grade\t\n" in text
    assert not any("Overall effectiveness" in x.quote for x in suggest(text, default_themes()))
    html_text = to_plain("<p>The judgements:</p><table><tr><th>Judgement</th><th>Grade</th></tr>"
                         "<tr><td>Overall effectiveness</td><td>Good</td></tr></table>").text
    assert "Overall effectiveness\tGood" in html_text and "effectivenessGood" not in html_text
    from reviewer.letters.typeset import MARGIN, TAB_GAP, TAB_STOP, text_pages

    layout, _pdf = text_pages(text)  # on the page, a cell starts at a tab stop, a clear gap after the one before
    row = text.index("Overall effectiveness\t")
    tab = row + len("Overall effectiveness")
    gap = layout.x0[tab + 1] - layout.x1[tab - 1]
    assert gap >= TAB_GAP and (layout.x0[tab + 1] - MARGIN) % TAB_STOP < 0.01


def test_plain_text_is_left_as_it_is() -> None:
    text = "Dear Ms Okafor,\n\nThe visit found that plans were too variable - and 2 * 3 children waited.\n"
    assert not has_markup(text, "letter.txt")


def test_a_markdown_letter_is_typeset_without_its_marks() -> None:
    prep = prepare_letter(MARKDOWN.encode("utf-8"), "ashvale.md")
    assert prep.letter.kind == "text" and "**" not in prep.extracted.text
    layout, pdf, _notes = layout_for(MARKDOWN.encode("utf-8"), "text", "ashvale.md")
    assert layout.text == prep.extracted.text and pdf is not None
    import pymupdf

    with pymupdf.open("pdf", pdf) as doc:  # the pages drawn show the words, not the marks
        shown = "".join(page.get_text() for page in doc)
    assert "Ms Okafor" in shown and "**" not in shown and "sup>" not in shown


def test_a_word_letter_is_added_tagged_and_packed(tmp_path: Path, ws: Workspace) -> None:
    path = tmp_path / "ashvale_committee_report.docx"
    path.write_bytes(docx_bytes(PARAGRAPHS))
    letter, new, _notes = ws.add_file(path)
    assert new and letter.kind == "docx" and letter.pages >= 1
    assert ws.store.letter_file(letter).suffix == ".docx"
    assert letter.meta.doc_type == "committee report"
    ws.set_auditor("Ann Auditor")
    ann = ws.tag_quote(letter, "Too many child in need plans are lists of services", ["planning"],
                       "area for improvement")
    assert ann.quote.startswith("Too many child in need plans")
    pack = tmp_path / "pack.zip"
    ws.export_pack([letter.id], pack, "Ann Auditor")
    with zipfile.ZipFile(pack) as z:
        names = z.namelist()
    assert any(n.endswith(".docx") for n in names)  # the original, as it came


def test_a_broken_word_file_says_so(tmp_path: Path, ws: Workspace) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a word document")
    from reviewer.workspace import USER_ERRORS

    with pytest.raises(USER_ERRORS, match="Word document"):
        ws.add_file(path)
    assert not ws.library.letters


@pytest.mark.parametrize("name, raw", [("rules.md", "|---|---|\n" + "|" * 50), ("tags.txt", "<p></p><br><div> </div>"),
                                       ("space.md", "<p>&nbsp;</p>\n<br>\n")])
def test_a_markup_letter_with_no_text_once_read_is_refused(name: str, raw: str, tmp_path: Path, ws: Workspace) -> None:
    """It was added as a letter of one empty page, said to be a 'scanned or image-only PDF' that could not be tagged."""
    from reviewer.workspace import USER_ERRORS

    path = tmp_path / name
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(USER_ERRORS, match="no text in it once its Markdown or HTML marks are read"):
        ws.add_file(path)
    assert not ws.library.letters


@pytest.mark.parametrize("text", [
    "Leaders have not en\u00adsured that plans are reviewed.",  # a soft hyphen
    "Leaders have not ensured\u200b that plans are reviewed.",  # a zero-width space
    "\ufeffLeaders have not ensured that plans are reviewed.",  # a byte-order mark pasted in
    "Leaders have not ensured\u200e that plans are reviewed.",  # a left-to-right mark
    "A leaflet was given in Urdu: \u0622\u067e \u06a9\u0627 \u0628\u0686\u06c1 \u0645\u062d\u0641\u0648\u0638 \u06c1\u06d2",
    "A child drew her family \U0001f468\u200d\U0001f469\u200d\U0001f467 for her social worker.",  # joined emoji
])
def test_a_word_letter_with_unseen_characters_or_another_script_opens(text: str, tmp_path: Path, ws: Workspace) -> None:
    """Found by a deliberate attack: a Word letter holding one character nobody sees (or a line of Urdu,
    shaped into its joined forms on the page) was refused as "not a readable Word document", as the check
    that the page shows every letter counted them missing."""
    path = tmp_path / "letter.docx"
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' for t in ("Dear Ms Okafor,", text))
    with zipfile.ZipFile(path, "w") as z:  # the fewest parts a Word document can have (MuPDF cannot lay it out)
        z.writestr("[Content_Types].xml", _PARTS["[Content_Types].xml"])
        z.writestr("_rels/.rels", f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_NS}/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<w:document xmlns:w="{_NS}/wordprocessingml/2006/main"><w:body>{body}'
                   "</w:body></w:document>")
    letter, new, _notes = ws.add_file(path)
    assert new and letter.kind == "docx" and letter.has_text
    shown = ws.text(letter.id)
    assert shown is not None and "Okafor" in shown.text


def test_emphasis_is_set_where_it_stands_not_on_the_same_words_met_earlier() -> None:
    """A bold or italic phrase was looked for by its words, so words met earlier unmarked took the mark ("Inadequate"
    in the judgement table's plain cell, then "**Inadequate**" in the summary): each is marked where it stands."""
    from reviewer.core.text.markup import to_plain

    md = ("# Westfold report\n\nCare leavers: inadequate. Help and protection: good.\n\n"
          "Overall, services are **inadequate**; practice is *good* in places, and good work is *not* yet the rule.\n"
          "\n- **inadequate** again, and **Ana Fenwick** named\n")
    plain = to_plain(md)
    text = plain.text
    bold = [(a, text[a:b]) for a, b in plain.bold]
    italic = [(a, text[a:b]) for a, b in plain.italic]
    first = text.index("Overall, services are inadequate")
    assert [w for _, w in bold] == ["inadequate", "inadequate", "Ana Fenwick"]
    assert bold[0][0] == first + len("Overall, services are ")  # not "inadequate." on the line before
    assert bold[1][0] > bold[0][0]
    assert [w for _, w in italic] == ["good", "not"]
    assert italic[0][0] == text.index("practice is good") + len("practice is ")
    assert plain.headings == [(0, len("Westfold report"))]
    assert "\ue000" not in text and "*" not in text


def test_a_markdown_or_html_letters_emphasis_is_shown_and_a_bullets_lines_hang() -> None:
    """A new user's Markdown letter (stop 47) read with its bold and italic gone, and a bullet's second line started
    under the bullet, not its text. The text is as before (annotations anchor to it); bold and italic are set so,
    read back by PyMuPDF, and a bullet's later lines start under its text."""
    import pymupdf

    from reviewer.core.text.markup import to_plain
    from reviewer.letters.importing import layout_for

    md = ("# Focused visit to Larkmoor\n\nDear **Ana Fenwick**,\n\nPlanning is *not yet consistently good*.\n\n"
          "- A **first** bullet, long enough to run on to a second line when it is set on the page of the letter, "
          "and then on to a third line as well, so that its hanging lines can be seen.\n")
    plain = to_plain(md)
    assert plain.text.startswith("Focused visit to Larkmoor\n\nDear Ana Fenwick,") and "*" not in plain.text
    assert [plain.text[a:b] for a, b in plain.bold] == ["Ana Fenwick", "first"]
    assert [plain.text[a:b] for a, b in plain.italic] == ["not yet consistently good"]
    html = to_plain("<p>Dear <strong>Ms Fenwick</strong>, practice is <em>improving</em>.</p>")
    assert html.text.startswith("Dear Ms Fenwick, practice is improving.")
    assert [html.text[a:b] for a, b in html.bold] == ["Ms Fenwick"]
    layout, pdf, _ = layout_for(md.encode(), "text", "larkmoor.md")
    assert layout.text == plain.text
    spans = [sp for b in pymupdf.open("pdf", pdf)[0].get_text("dict")["blocks"] for line in b["lines"]
             for sp in line["spans"]]
    fonts = {sp["text"].strip(): sp["font"].lower() for sp in spans}
    assert "bold" in fonts["Ana Fenwick"] and ("italic" in fonts["not yet consistently good"]
                                               or "oblique" in fonts["not yet consistently good"])
    lines = [line for b in pymupdf.open("pdf", pdf)[0].get_text("dict")["blocks"] for line in b["lines"]]
    first = next(line for line in lines if line["spans"][0]["text"].startswith("•"))
    after = lines[lines.index(first) + 1]
    assert after["bbox"][0] > first["bbox"][0] + 3  # (under the text, not the mark)


def test_a_link_reads_with_its_address_and_a_bare_address_as_written(tmp_path: Path, ws: Workspace) -> None:
    """A council's Markdown paper pointed to its improvement plan with "[the council's plan](https://…)", and an HTML
    letter with "<a href=…>": both read "the council's plan" and nothing else, the address gone from the text, the
    page and every quote. A link reads as its text and then its address in brackets; an address written out stays as
    written, underscores and all; a link within the page, or whose text is its address, reads as its text."""
    md = ("# Progress report for Fernhollow\n\nLeaders set out their response in [the council's plan]"
          "(https://example.org/plan \"Plan\"), with **[its timetable](https://example.org/plan_2026/time_table)**.\n\n"
          "Figures are at https://example.org/data_sets/cin_2025 and <https://example.org/annex>. "
          "See [the findings](#findings), [www.example.org](https://www.example.org/) or [write to us](mailto:qa@example.org).\n")
    plain = to_plain(md)
    assert ("Leaders set out their response in the council's plan (https://example.org/plan), with its timetable "
            "(https://example.org/plan_2026/time_table).") in plain.text
    assert [plain.text[a:b] for a, b in plain.bold] == ["its timetable (https://example.org/plan_2026/time_table)"]
    assert ("Figures are at https://example.org/data_sets/cin_2025 and https://example.org/annex. See the findings, "
            "www.example.org or write to us (qa@example.org).") in plain.text
    html = to_plain('<p>Read <a href="https://example.org/plan?year=2026&amp;part=2">the council\'s <b>plan</b></a> '
                    'and <a href="#top">the summary</a>.</p><p>Also https://example.org/x_y_z today.</p>')
    assert "Read the council's plan (https://example.org/plan?year=2026&part=2) and the summary." in html.text
    assert "Also https://example.org/x_y_z today." in html.text
    # the address is the letter's text: shown on its page, found, and tagged where it stands
    path = tmp_path / "fernhollow.md"
    path.write_text(md, encoding="utf-8")
    letter, _, _ = ws.add_file(path)
    ex = ws.text(letter.id)
    assert ex is not None and ex.text == plain.text
    layout, pdf, _ = layout_for(md.encode(), "text", "fernhollow.md")
    assert layout.text == plain.text and pdf is not None
    at = plain.text.index("https://example.org/plan)")
    assert layout.rects(at, at + len("https://example.org/plan"))
    import pymupdf

    with pymupdf.open("pdf", pdf) as doc:
        assert "(https://example.org/plan)" in "".join(page.get_text() for page in doc)


def test_a_tables_rows_are_no_parts_of_the_outline_and_its_headings_still_are() -> None:
    """A committee's Markdown paper with a table of its services' progress listed every row ("Front door and MASH
    Timely decisions Green") in the outline as a heading of its own, as did an HTML table. Each row's cells are ended
    by a tab, its last too (markup.ROW_END), which only this reading writes: the outline lists no row, the paper's own
    headings as before, and a row's line is set whole on the page."""
    from reviewer.core.reading.outline import analyse
    from reviewer.letters.typeset import text_pages

    md = ("# Report to the Children's Committee\n\nDear members,\n\n## Progress since the inspection\n\n"
          "| Service area | Progress | RAG |\n|---|---|---|\n| Front door and MASH | Timely decisions | Green |\n"
          "| Care leavers | Pathway plans improving | Amber |\n| Missing children | Return interviews late | Red |\n\n"
          "The committee noted the report.\n\n## Next steps\n\nLeaders will report again in May.\n")
    html = ("<h1>Report to the Children's Committee</h1><p>Dear members,</p><h2>Progress since the inspection</h2>"
            "<table>\n<tr><th>Service area</th><th>Progress</th><th>RAG</th></tr>\n"
            "<tr>\n<td>Front door and MASH</td>\n<td>Timely decisions</td>\n<td>Green</td>\n</tr>\n"
            "<tr><td>Care leavers</td><td>Pathway plans improving</td><td>Amber</td></tr></table>"
            "<p>The committee noted the report.</p><h2>Next steps</h2><p>Leaders will report again in May.</p>")
    for source in (md, html):
        text = to_plain(source).text
        titles = [p.title for p in analyse(text).parts]
        assert "Progress since the inspection" in titles and "Next steps" in titles, titles
        assert not any(cell in t for t in titles for cell in ("Service area", "Front door", "Care leavers", "Missing")), titles
        assert "Front door and MASH\tTimely decisions\tGreen\t" in text.replace("\t\n", "\t")
    layout, _pdf = text_pages(to_plain(md).text)
    row = to_plain(md).text.index("Care leavers")
    assert len({line.page * 10000 + line.box[1] for line in layout.lines if line.start <= row + 30 < line.end + 1}) == 1


def test_a_plain_letters_line_ending_in_a_tab_is_no_tables_row(tmp_path: Path, ws: Workspace) -> None:
    """A plain .txt letter pasted from a spreadsheet or a Word table carries tabs at the ends of its lines; its
    headings "Headline findings<TAB>" and "What needs to improve<TAB>" read as a Markdown table's rows (markup.ROW_END)
    and were no parts of the outline: the letter had no "What needs to improve". A line of a letter read as written
    ends without the white space after its last tab; the tabs between its cells stay."""
    from reviewer.core.reading.outline import analyse

    raw = ("Dear Ms Okafor\n\nFocused visit to Testshire local authority children's services\n\n"
           "Headline findings\t\n\nLeaders know their services well.\n\nWhat needs to improve\t \t\n\n"
           "The quality of plans for children in need.\n\nArea\tRAG\t\nFront door\tGreen\t\n\nYours sincerely\n\nJo Bloggs\n")
    path = tmp_path / "testshire.txt"
    path.write_text(raw, encoding="utf-8")
    letter, _, _ = ws.add_file(path)
    ex = ws.text(letter.id)
    assert ex is not None and not has_markup(raw, path.name)
    assert "What needs to improve\n" in ex.text and "Front door\tGreen\n" in ex.text
    kinds = {p.kind: p.title for p in analyse(ex.text, ex.page_starts).parts}
    assert kinds.get("improve") == "What needs to improve" and kinds.get("headline") == "Headline findings", kinds


def test_tags_on_a_letter_read_before_links_had_their_addresses_stay_on_their_words(tmp_path: Path, ws: Workspace) -> None:
    """A Markdown letter tagged when a link read as its words alone (text/2): once it reads with its address (text/3),
    a tag whose passage held the link's words ("oversight of the council's plan since") was no longer found and
    needed attention, as did one quoting an address in angle brackets. Each is placed over the same words, the
    address now between them; a tag before or after the link moves with the text."""
    import dataclasses
    import re

    md = ("# Focused visit to Testshire\n\n## Findings\n\nManagers have improved oversight of [the council's plan]"
          "(https://example.org/plan) since the last visit. Too many plans are lists of actions.\n\n"
          "Read the [guidance](https://example.org/guidance_v2) and [the annex](mailto:qa@example.org) before the "
          "next visit. See also <https://example.org/report> for details. Leaders know their services well.\n")
    path = tmp_path / "testshire.md"
    path.write_text(md, encoding="utf-8")
    letter, _, _ = ws.add_file(path)
    now = ws.text(letter.id)
    assert now is not None
    # the library as text/2 left it: no address after a link's words, an address in angle brackets as written
    before = re.sub(r" \((?:https://example\.org/(?:plan|guidance_v2)|qa@example\.org)\)", "", now.text)
    before = before.replace("See also https://example.org/report", "See also <https://example.org/report>")
    ws.adopt_text(ws.library.letters[letter.id], dataclasses.replace(now, text=before, extractor="text/2"))
    quotes = ["oversight of the council's plan since the last visit", "Too many plans are lists of actions",
              "Read the guidance and the annex before the next visit", "See also <https://example.org/report> for",
              "Leaders know their services well"]
    tags = {}
    for q in quotes:
        s = before.index(q)
        tags[q] = ws.tag(letter.id, before, now.page_starts, s, s + len(q), ["planning"], "improvement", author="Ann").id
    ws.adopt_text(ws.library.letters[letter.id], now)
    placed = {q: ws.library.annotations[i] for q, i in tags.items()}
    assert not any(a.orphaned for a in placed.values()), [a.quote for a in placed.values() if a.orphaned]
    assert placed[quotes[0]].quote == "oversight of the council's plan (https://example.org/plan) since the last visit"
    assert placed[quotes[2]].quote == ("Read the guidance (https://example.org/guidance_v2) and the annex "
                                       "(qa@example.org) before the next visit")
    assert placed[quotes[3]].quote == "See also https://example.org/report for"
    for q in (quotes[1], quotes[4]):
        assert now.text[placed[q].start:placed[q].end] == q


def test_a_markdown_tables_empty_cell_keeps_the_cells_after_it_in_their_columns() -> None:
    """A council's action plan in Markdown left a cell empty ("| The regularity of supervision … |  | Principal Social
    Worker | April 2025 |"): the empty cell was dropped, the lead officer read under "Our response", and the table of
    the council's response ended at that row, its later areas for improvement no items of it. An empty cell reads
    as an empty cell, as in an HTML table: each cell ended by a tab (markup.ROW_END), its columns kept."""
    from reviewer.core.reading.outline import analyse

    md = ("# Action plan in response to the focused visit\n\n## Our response\n\n"
          "| Area for improvement | Our response | Lead officer | Due date |\n|---|---|---|---|\n"
          "| The quality of plans for children in need | We will retrain all staff in planning | Head of Service | March 2025 |\n"
          "| The regularity of supervision for social workers |  | Principal Social Worker | April 2025 |\n"
          "| Oversight of children missing from home | We will audit every return interview |  |  |\n\n"
          "The committee is asked to note the plan.\n")
    text = to_plain(md).text
    assert "The regularity of supervision for social workers\t\tPrincipal Social Worker\tApril 2025\t\n" in text
    assert "Oversight of children missing from home\tWe will audit every return interview\t\t\t\n" in text
    tables = analyse(text).tables
    assert len(tables) == 1
    assert [text[a:b] for a, b in tables[0].items] == ["The quality of plans for children in need",
                                                       "The regularity of supervision for social workers",
                                                       "Oversight of children missing from home"]
    assert "Principal Social Worker" in [text[a:b] for a, b in tables[0].council]
    assert to_plain("# T\n\n| a | b |\n|---|---|\n|  |  |\n| c | d |\n").text == "T\n\na\tb\t\n\nc\td\t\n"  # (a row of none)


def test_an_html_letters_address_in_angle_brackets_or_without_quotes_is_kept() -> None:
    """An HTML letter's "<https://example.org/plan>" and "<qa@example.org>" were read as tags and dropped, the
    address gone from the text without a word, and "<a href=https://…>" (no quotes) read as its words alone. Each
    reads as a Markdown letter's does: the address, or the words then the address."""
    html = to_plain("<p>See <https://example.org/plan> or write to <qa@example.org>.</p>"
                    "<p>Read <a href=https://example.org/guide>the guide</a> &amp; the plan.</p>")
    assert "See https://example.org/plan or write to qa@example.org." in html.text
    assert "Read the guide (https://example.org/guide) & the plan." in html.text


def test_an_html_pages_title_and_head_are_no_part_of_its_text() -> None:
    """A web page saved as text read its <title> ("Focused visit to Brackwater", what a browser shows in its tab) as
    the letter's first line, over the address block, and its style sheet's rules as words. A page reads as a browser
    shows it: what the <head> holds, and any script or style, is no text; the body's own heading is."""
    page = ("<html><head><title>Focused visit to Brackwater</title><style>p { margin: 0 }</style>"
            "<meta charset='utf-8'></head><body><script>var seen = 1;</script>"
            "<p>Ofsted<br>Example House</p><p>Dear Ms Vane</p><h2>Focused visit to Brackwater children's services</h2>"
            "<p>Inspectors found that plans are not always updated.</p></body></html>")
    plain = to_plain(page)
    assert plain.text.startswith("Ofsted\nExample House\n")
    assert "margin" not in plain.text and "var seen" not in plain.text
    assert plain.text.count("Focused visit to Brackwater") == 1
    assert [plain.text[s:e] for s, e in plain.headings] == ["Focused visit to Brackwater children's services"]
    # a page's title without a head, and a <title> in its body (no browser shows it there either)
    assert to_plain("<title>Council news</title><p>The visit found good practice.</p><p>More to follow.</p>").text == \
        "The visit found good practice.\n\nMore to follow.\n"
