"""Word documents read as Word shows them: a committee paper's numbered paragraphs keep their numbers, its
bullets and its cover-sheet table show, fields show their results, tracked deletions and hidden text do
not, footnotes follow the body; and a paper written in Word is suggested from like any other letter.
Each document here is written part by part as Word writes it (WordprocessingML); fictional councils."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import pymupdf
import pytest

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.reading.inspectors_list import inspectors_items
from reviewer.core.reading.outline import analyse
from reviewer.core.reading.suggest import suggest
from reviewer.core.text.word import WordError, number_text, word_html
from reviewer.letters.importing import prepare_letter
from reviewer.letters.pdf import docx_as_pdf
from reviewer.workspace import Workspace

NS = "http://schemas.openxmlformats.org"
WNS = f"{NS}/wordprocessingml/2006/main"
RELS = f"{NS}/package/2006/relationships"
DOC_RELS = f"{NS}/officeDocument/2006/relationships"

NUMBERING = f"""<w:numbering xmlns:w="{WNS}">
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="30">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="30"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""

STYLES = f"""<w:styles xmlns:w="{WNS}">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="ReportPara"><w:name w:val="Report Para"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ReportHeading"><w:name w:val="Report Heading"/><w:basedOn w:val="Heading1"/>
  <w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""

FOOTNOTES = f"""<w:footnotes xmlns:w="{WNS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> Ofsted, inspection of Brackenmoor children's services, published 3 March 2025.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def r(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(runs: str, style: str = "", num: tuple[int, int] | None = None) -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else "")
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"


def cell(text: str, props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{p(r(text))}</w:tc>"


def table(rows: list[list[str]]) -> str:
    return "<w:tbl>" + "".join("<w:tr>" + "".join(cell(c) for c in row) + "</w:tr>" for row in rows) + "</w:tbl>"


def package(body: str, numbering: str | None = NUMBERING, styles: str | None = STYLES,
            footnotes: str | None = None, header: str | None = None) -> bytes:
    """A .docx as Word writes one: the package's relationships, the document's (to its styles, numbering,
    footnotes and page header), and the parts."""
    sect = '<w:sectPr><w:headerReference w:type="default" r:id="rId9"/></w:sectPr>' if header else "<w:sectPr/>"
    parts = {"word/document.xml": f'<w:document xmlns:w="{WNS}" xmlns:r="{DOC_RELS}"><w:body>{body}{sect}'
                                  "</w:body></w:document>"}
    rels = []
    for i, (kind, xml) in enumerate((("styles", styles), ("numbering", numbering), ("footnotes", footnotes))):
        if xml is not None:
            parts[f"word/{kind}.xml"] = xml
            rels.append(f'<Relationship Id="rId{i + 1}" Type="{DOC_RELS}/{kind}" Target="{kind}.xml"/>')
    if header:
        parts["word/header1.xml"] = f'<w:hdr xmlns:w="{WNS}">{header}</w:hdr>'
        rels.append(f'<Relationship Id="rId9" Type="{DOC_RELS}/header" Target="header1.xml"/>')
    overrides = "".join(f'<Override PartName="/{name}" ContentType="application/xml"/>' for name in parts)
    parts["[Content_Types].xml"] = (
        f'<Types xmlns="{NS}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        f"{overrides}</Types>")
    parts["_rels/.rels"] = (f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
                            f'Type="{DOC_RELS}/officeDocument" Target="word/document.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = f'<Relationships xmlns="{RELS}">{"".join(rels)}</Relationships>'
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml)
    return buf.getvalue()


def shown(data: bytes) -> str:
    """The text of the pages the app draws for the document, as a PDF reader reads them."""
    with pymupdf.open("pdf", docx_as_pdf(data, "paper.docx")) as doc:
        return "\n".join(page.get_text() for page in doc)


PAPER = "".join([
    table([["Report to:", "Children's Scrutiny Committee"], ["Date of meeting:", "9 September 2025"],
           ["Report author:", "Tomasz Nowak, Head of Service"]]),
    p(r("Brackenmoor Metropolitan Borough Council"), "Heading1"),
    p(r("Ofsted inspection of children's services: outcome"), "Heading1"),
    p(r("Purpose of the report"), "ReportHeading"),
    p(r("To inform members of the outcome of the inspection of 3 to 14 February 2025.")
      + '<w:r><w:footnoteReference w:id="1"/></w:r>', "ReportPara"),
    p(r("Inspectors' findings"), "ReportHeading"),
    p(r("Inspectors found that too many children wait too long for an assessment of their needs."), "ReportPara"),
    p(r("Managers do not always record their oversight, so drift in children's plans is not identified."),
      num=(1, 2)),
    p(r("Care leavers are well supported by personal advisers who know them well."), num=(1, 2)),
    p(r("Leaders have a clear and accurate understanding of the quality of practice."), "ReportPara"),
    p(r("Strengths"), "ReportHeading"),
    p(r("Children in care live in stable homes."), num=(2, 0)),
    p(r("Financial implications"), "ReportHeading"),
    p(r("There are no financial implications arising from this report."), "ReportPara"),
])


def test_numbers_bullets_and_tables_show_as_in_word() -> None:
    text = shown(package(PAPER, footnotes=FOOTNOTES))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "1. Purpose of the report" in lines
    assert any(line.startswith("1.1 To inform members") for line in lines)
    assert "2. Inspectors' findings" in lines
    assert any(line.startswith("2.1 Inspectors found") for line in lines)
    assert any(line.startswith("(a) Managers do not always") for line in lines)
    assert any(line.startswith("(b) Care leavers") for line in lines)
    assert any(line.startswith("2.2 Leaders have") for line in lines)  # the level above goes on after (a), (b)
    assert any(line.startswith("• Children in care live") for line in lines)  # Word's Symbol-font bullet
    assert "4. Financial implications" in lines and any(line.startswith("4.1 There are no") for line in lines)
    cells = [c for c in lines if c in ("Report to:", "Children's Scrutiny Committee", "Date of meeting:")]
    assert cells == ["Report to:", "Children's Scrutiny Committee", "Date of meeting:"]  # a table, row by row
    app = " ".join(prepare_letter(package(PAPER), "paper.docx").extracted.text.split())
    assert "Report to: Children's Scrutiny Committee Date of meeting: 9 September 2025" in app
    # the footnote's mark stays with its sentence, its text follows the body
    assert any(line.startswith("1 Ofsted, inspection of Brackenmoor") for line in lines)
    assert text.index("Financial implications") < text.index("Ofsted, inspection of Brackenmoor")


def test_a_list_that_restarts_starts_again() -> None:
    body = (p(r("First"), num=(3, 0)) + p(r("Second"), num=(3, 0)) + p(r("Again"), num=(4, 0))
            + p(r("Then"), num=(4, 0)))
    text = " ".join(" ".join(word_html(package(body))).split())
    assert "<p>I) First</p>" in text and "<p>II) Second</p>" in text
    assert "<p>I) Again</p>" in text and "<p>II) Then</p>" in text


def test_what_word_does_not_show_is_left_out() -> None:
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
             '"https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             + r("the published report") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    body = p(r("Members can read ") + field + r(" online."))
    body += p(r("Delays ") + '<w:del><w:r><w:delText>never </w:delText></w:r></w:del>'
              + '<w:ins>' + r("sometimes ") + '</w:ins>' + r("occur.") + r(" Drafting note.", "<w:vanish/>"))
    body += p('<w:sdt><w:sdtContent>' + r("A content control's text.") + '</w:sdtContent></w:sdt>')
    text = shown(package(body))
    flat = " ".join(text.split())
    assert "Members can read the published report online." in flat
    assert "HYPERLINK" not in flat and "example.org" not in flat
    assert "Delays sometimes occur." in flat and "never" not in flat and "Drafting note" not in flat
    assert "A content control's text." in flat


def test_a_merged_cell_is_read_once() -> None:
    rows = ("<w:tbl><w:tr>" + cell("Judgement", '<w:vMerge w:val="restart"/>') + cell("Good") + "</w:tr>"
            "<w:tr>" + cell("Judgement", "<w:vMerge/>") + cell("Outstanding") + "</w:tr>"
            "<w:tr>" + cell("Overall effectiveness", '<w:gridSpan w:val="2"/>') + "</w:tr></w:tbl>")
    flat = " ".join(shown(package(rows)).split())
    assert flat.count("Judgement") == 1 and "Outstanding" in flat and "Overall effectiveness" in flat
    html = "".join(word_html(package(rows)))  # the merged cell spans its rows, as in Word
    assert '<td rowspan="2"><p>Judgement</p></td><td><p>Good</p></td></tr><tr><td><p>Outstanding</p>' in html


def test_rows_deleted_or_indented_and_text_hidden_by_a_style() -> None:
    styles = STYLES.replace("</w:styles>", (
        '<w:style w:type="character" w:styleId="Hid"><w:name w:val="Hidden note"/><w:rPr><w:vanish/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="HidPara"><w:name w:val="Hidden para"/><w:rPr><w:vanish/></w:rPr>'
        '</w:style></w:styles>'))
    rows = ("<w:tbl><w:tr>" + cell("Judgement") + cell("Grade") + "</w:tr>"
            '<w:tr><w:trPr><w:del w:id="1" w:author="A"/></w:trPr>' + cell("Withdrawn") + cell("Row") + "</w:tr>"
            '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + cell("Second column") + "</w:tr></w:tbl>")
    body = rows + p(r("Shown. ") + '<w:r><w:rPr><w:rStyle w:val="Hid"/></w:rPr><w:t>Drafting note.</w:t></w:r>')
    body += p(r("A hidden paragraph."), "HidPara") + p(r("Last."))
    html = "".join(word_html(package(body, styles=styles)))
    assert "Withdrawn" not in html and "Drafting note" not in html and "hidden paragraph" not in html
    assert "<tr><td></td><td><p>Second column</p></td></tr>" in html  # under the second column, as in Word
    assert "<p>Shown.</p><p>Last.</p>" in html


def test_nested_fields_ordinals_and_a_list_restarting_one_level() -> None:
    def field(code: str, result: str) -> str:
        return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + f"<w:r><w:instrText>{code}</w:instrText></w:r>"
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + result
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    inner = field(" DOCPROPERTY Status ", r("DRAFT"))  # a field in another field's code: part of the code
    body = p(r("Status: ") + field(" IF " + "</w:instrText></w:r>" + inner + "<w:r><w:instrText>" + ' = "x" ',
                                   r("final")))
    numbering = NUMBERING.replace("</w:numbering>", (
        '<w:abstractNum w:abstractNumId="40"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ordinal"/>'
        '<w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="40"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/>'
        '</w:lvlOverride></w:num></w:numbering>'))
    body += p(r("meeting"), num=(5, 0)) + p(r("meeting"), num=(5, 0))
    body += (p(r("one"), num=(1, 0)) + p(r("sub"), num=(1, 2)) + p(r("two"), num=(1, 0))
             + p(r("sub again"), num=(6, 2)) + p(r("three"), num=(1, 0)))
    text = " ".join(" ".join(word_html(package(body, numbering=numbering))).split())
    assert "<p>Status: final</p>" in text
    assert "1st meeting" in text and "2nd meeting" in text
    assert "(a) sub again" in text and "3. three" in text  # the overridden level starts over, the list goes on


def test_the_first_pages_header_shows_once_and_dates_a_paper() -> None:
    header = p(r("OFFICIAL")) + p(r("Children and Families Scrutiny Committee – 12 November 2025"))
    body = (p(r("Oakridge Borough Council"), "Heading1") + p(r("Report of the Director of Children's Services"))
            + p(r("Ofsted focused visit: children in care"), "Heading1")
            + p(r("Inspectors found that too many children wait too long for a health assessment."), "ReportPara"))
    pl = prepare_letter(package(body, header=header), "paper.docx")
    text = pl.extracted.text
    assert text.count("12 November 2025") == 1 and text.index("OFFICIAL") < text.index("Oakridge Borough Council")
    m = pl.letter.meta
    assert (m.doc_type, m.authority, m.published) == ("committee report", "Oakridge", "2025-11-12")


@pytest.mark.parametrize(("n", "fmt", "want"), [(4, "lowerRoman", "iv"), (1994, "upperRoman", "MCMXCIV"),
                                                 (27, "lowerLetter", "aa"), (3, "decimalZero", "03"),
                                                 (12, "decimal", "12")])
def test_number_formats(n: int, fmt: str, want: str) -> None:
    assert number_text(n, fmt) == want


def test_a_document_this_reading_cannot_follow_falls_back_to_mupdf() -> None:
    data = package(p(r("Leaders know their services well.")), numbering="<w:numbering")  # damaged XML
    with pytest.raises(WordError, match="numbering"):
        word_html(data)
    assert "Leaders know their services well." in shown(data)  # MuPDF's own reading still opens it


def test_a_word_paper_is_read_and_suggested_from(tmp_path: Path, ws: Workspace) -> None:
    path = tmp_path / "brackenmoor_scrutiny_report.docx"
    path.write_bytes(package(PAPER, footnotes=FOOTNOTES))
    prep = prepare_letter(path.read_bytes(), path.name)
    meta = prep.letter.meta
    assert (meta.doc_type, meta.authority, meta.published) == ("committee report", "Brackenmoor", "2025-09-09")
    assert (meta.visit_start, meta.visit_end) == ("2025-02-03", "2025-02-14")
    letter, _, _ = ws.add_file(path)
    ex = ws.text(letter.id)
    assert ex is not None
    found = [(re.sub(r"^(?:[\d.]+|\([a-z]\)|•)\s+", "", " ".join(x.quote.split())), x.severity)
             for x in suggest(ex.text, default_themes(), structure=analyse(ex.text, ex.page_starts))]

    def said(start: str) -> str | None:
        return next((severity for quote, severity in found if quote.startswith(start)), None)

    # the cover sheet's "Report author:" row no longer makes the whole paper a section of form
    assert said("Inspectors found that too many children") == "improvement"
    assert said("Managers do not always record their oversight") == "improvement"
    assert said("Care leavers are well supported") == "strength"
    assert said("Children in care live in stable homes.") == "strength"
    assert not any(q.startswith(("There are no financial", "Tomasz", "To inform members")) for q, _ in found)


def test_a_word_letter_added_before_is_read_again_and_keeps_its_tags(tmp_path: Path, ws: Workspace,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewer.letters.pdf as pdf
    import reviewer.letters.reading as reading

    def mupdf_only(data: bytes, flat: bool = False) -> list[str]:
        raise WordError("as Reviewer read Word documents before")

    monkeypatch.setattr(reading, "_IN_READER", True)  # read here, where the older reading is in force
    monkeypatch.setattr(pdf, "word_html", mupdf_only)
    monkeypatch.setattr(pdf, "DOCX_EXTRACTOR", "docx/1")
    path = tmp_path / "paper.docx"
    path.write_bytes(package(PAPER))
    letter, _, _ = ws.add_file(path)
    ws.set_auditor("Ann Auditor")
    ann = ws.tag_quote(letter, "Care leavers are well supported by personal advisers", ["planning"], "strength")
    before = ws.text(letter.id)
    assert before is not None and "2.1" not in before.text  # MuPDF's reading: no numbers
    monkeypatch.setattr(pdf, "word_html", word_html)
    monkeypatch.setattr(pdf, "DOCX_EXTRACTOR", "docx/2")
    after = ws.text(letter.id)
    assert after is not None and "(b) Care leavers are well supported" in " ".join(after.text.split())
    (placed,) = ws.library.annotations_for(letter.id)
    assert not placed.orphaned and after.text[placed.start:placed.end] == ann.quote
    assert ws.library.letters[letter.id].extractor.startswith("docx/2")


def test_a_text_box_is_read_once_after_its_paragraph() -> None:
    box = p(r("Cabinet report: Brackenmoor's improvement plan"))
    drawing = (f'<mc:AlternateContent xmlns:mc="{NS}/markup-compatibility/2006"><mc:Choice Requires="wps">'
               f'<w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
               f'<w:txbxContent>{box}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
               f'<mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent>{box}'
               '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent>')
    body = p(f"<w:r>{drawing}</w:r>") + p(r("Leaders know their services well."))
    flat = " ".join(shown(package(body)).split())
    assert flat.count("Cabinet report: Brackenmoor's improvement plan") == 1
    assert flat.index("Cabinet report") < flat.index("Leaders know")


def _numbering(start: str, ilvl: str = "0", fmt: str = "upperRoman") -> str:
    return (f'<w:numbering xmlns:w="{WNS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


@pytest.mark.parametrize(("start", "ilvl", "fmt", "label"), [
    (str(10**30), "0", "upperRoman", "I."),  # (a Roman numeral of 10**30 would never end)
    ("99999", "0", "upperRoman", "32767."),  # Word's largest start, past what Roman numerals show
    ("5000", "0", "lowerLetter", "5000."),
    ("9" * 5000, "0", "decimal", "1."),  # past what Python reads as a number
    ("-5", "0", "decimal", "0."),
    ("1", "99999999999999", "decimal", "1."),  # a level past Word's nine: no indent off the page
])
def test_absurd_numbering_is_kept_within_words_bounds(start: str, ilvl: str, fmt: str, label: str) -> None:
    (html,) = word_html(package(p(r("Numbered."), num=(1, int(ilvl) if len(ilvl) < 20 else 0)),
                                numbering=_numbering(start, ilvl, fmt)))
    assert f"{label} Numbered." in html and "margin-left" not in html


def test_hostile_and_unusual_packages() -> None:
    deep = "<w:tbl><w:tr><w:tc>" * 3000 + p(r("deep")) + "</w:tc></w:tr></w:tbl>" * 3000
    with pytest.raises(WordError, match="nested too deeply"):
        word_html(package(deep))
    cycle = (f'<w:styles xmlns:w="{WNS}"><w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>'
             '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>')
    assert word_html(package(p(r("Styles based on each other."), "A"), styles=cycle)) == [
        "<p>Styles based on each other.</p>"]
    strict = package(p(r("An ISO strict document."))).replace(
        WNS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    assert word_html(strict) == ["<p>An ISO strict document.</p>"]
    with pytest.raises(WordError, match="no Word package inside") as said:
        word_html(b"%PDF-1.7 a PDF named .docx")
    assert "zip file" not in str(said.value)  # (in plain words, never the zip library's, stop 47)


def test_rows_and_cells_inside_content_controls_are_read() -> None:
    body = ("<w:tbl><w:sdt><w:sdtContent><w:tr>" + cell("Report to:") + "<w:sdt><w:sdtContent>"
            + cell("Cabinet") + "</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>")
    (html,) = word_html(package(body))
    assert html == "<table><tr><td><p>Report to:</p></td><td><p>Cabinet</p></td></tr></table>"


def test_an_empty_numbered_paragraph_still_counts_as_in_word() -> None:
    body = p(r("First"), num=(3, 0)) + p("", num=(3, 0)) + p(r("Third"), num=(3, 0))
    assert word_html(package(body)) == ["<p>I) First</p><p>III) Third</p>"]


def test_a_table_row_taller_than_a_page_loses_nothing() -> None:
    """MuPDF's layout cannot split a table's row across pages and drops what does not fit: the paper is then
    laid out with its tables as their cells' paragraphs, every word kept."""
    updates = "".join(p(r(f"Update {i}: the service has made progress with this action this month.")) for i in range(60))
    row = f"<w:tr>{cell('Pathway plans')}<w:tc>{updates}</w:tc></w:tr>"
    last = f"<w:tr>{cell('Care leavers')}{cell('Care leavers are well supported by their advisers.')}</w:tr>"
    text = " ".join(shown(package(f"<w:tbl>{row}{last}</w:tbl>")).split())
    assert "Update 59:" in text and "Care leavers are well supported by their advisers." in text


def test_a_list_style_numbers_its_paragraphs() -> None:
    numbering = (f'<w:numbering xmlns:w="{WNS}"><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Outline"/>'
                 '</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:styleLink w:val="Outline"/>'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num></w:numbering>')
    styles = (f'<w:styles xmlns:w="{WNS}"><w:style w:type="numbering" w:styleId="Outline"><w:name w:val="Outline"/>'
              '<w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style></w:styles>')
    body = p(r("Purpose"), num=(5, 0)) + p(r("Findings"), num=(5, 0))
    assert word_html(package(body, numbering=numbering, styles=styles)) == ["<p>1. Purpose</p><p>2. Findings</p>"]


def test_what_word_does_not_number_or_show() -> None:
    hidden = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr><w:rPr><w:vanish/></w:rPr></w:pPr></w:p>'
    body = p(r("One"), num=(3, 0)) + hidden + p(r("Two"), num=(3, 0))
    assert word_html(package(body)) == ["<p>I) One</p><p>II) Two</p>"]  # a hidden paragraph is not counted
    zero = _numbering("0", fmt="decimal")
    assert word_html(package(p(r("a"), num=(1, 0)) + p(r("b"), num=(1, 0)), numbering=zero)) == [
        "<p>0. a</p><p>1. b</p>"]  # a list may start at 0
    sym = p(r("offered to ") + '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>' + r(" 90%"))
    assert word_html(package(sym)) == ["<p>offered to ≥ 90%</p>"]


def test_text_boxes_in_text_boxes_are_read_once_each() -> None:
    inner = p(r("deepest"))
    for _ in range(30):
        inner = p(f'<w:r><w:pict><w:txbxContent>{inner}</w:txbxContent></w:pict></w:r>' + r("box"))
    html = "".join(word_html(package(inner)))
    assert html.count("deepest") == 1 and html.count("box") == 30


def test_a_footnotes_mark_after_a_number_stays_apart_from_it() -> None:
    """A helper's Word paper: a footnote's mark after a year read "15 and 16 October 20241." in the text the app
    anchors to. A thin space now keeps the year a year; after a word the mark is as before ("area1")."""
    from reviewer.core.reading.metadata import read_metadata

    body = (p(r("Westfold Borough Council"), "Heading1")
            + p(r("Inspectors visited on 15 and 16 October 2024") + '<w:r><w:footnoteReference w:id="1"/></w:r>'
                + r(". This was the third monitoring visit.")))
    text = prepare_letter(package(body, footnotes=FOOTNOTES), "paper.docx").extracted.text
    flat = " ".join(text.split())
    assert "October 2024 1." in flat and "20241" not in flat
    assert read_metadata(text).visit_start == "2024-10-15"


def test_a_papers_response_table_gives_the_inspectors_items_and_none_of_the_councils_words() -> None:
    """A paper that sets Ofsted's areas for improvement in a table beside its response, lead and due date:
    the first column's cells are the inspectors' items, whole; the council's cells are no item and no
    finding, and their short lead officers ("Head of Safeguarding") head no part of the outline."""
    rows = [["Area for improvement", "Our response", "Lead", "Due date"],
            ["The timeliness and quality of strategy meetings, including the attendance of health and "
             "education partners.", "Strategy meeting template revised; partner attendance is monitored "
             "weekly by the Head of Service.", "Head of Safeguarding", "March 2024"],
            ["The consistency with which the voice and lived experience of children inform their plans.",
             "Practice week on direct work; child's voice added to the audit tool.", "Principal Social Worker",
             "January 2024"],
            ["The oversight of children subject to pre-proceedings, to avoid delay.",
             "Legal gateway panel now tracks every child in pre-proceedings monthly.", "Service Manager, Court "
             "and Legal", "April 2024"]]
    body = (p(r("Ashvale County Council")) + p(r("3. What inspectors found")) +
            p(r("3.1 Social workers know their children well and describe a supportive culture.")) +
            p(r("3.2 Ofsted identified three areas for improvement. These are set out below with the council's "
                "response.")) + table(rows) + p(r("4. Next steps")) +
            p(r("4.1 Progress will be reported to this committee in May 2024.")))
    ex = prepare_letter(package(body), "ashvale_scrutiny.docx").extracted
    st = analyse(ex.text, ex.page_starts)
    items = [(" ".join(q.split()), kind) for _, _, q, kind in inspectors_items(ex.text, st)]
    assert items == [(row[0], "improve") for row in rows[1:]]
    assert [p.title for p in st.parts if p.kind == "improve"] == ["Area for improvement"]
    assert not any(p.title.startswith(("Head of", "Principal", "Service Manager", "Our response", "March"))
                   for p in st.parts)
    found = {" ".join(x.quote.split()): x.severity
             for x in suggest(ex.text, default_themes(), structure=st)}
    assert all(found.get(row[0]) == "improvement" for row in rows[1:])
    assert not any(q.startswith(("Strategy meeting template", "Practice week", "Legal gateway")) for q in found)
