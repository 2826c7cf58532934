"""A council paper's own tables (an action plan: "Ref | Action | Owner | Due | RAG | Progress") in the Word and PDF
papers councils send: each cell is a block of the reading, or a line of one, and none is a heading, a numbered
paragraph or a finding. The paper's numbered sections stand in its outline whichever way it numbers its paragraphs.
Fictional councils, wording of our own."""

from __future__ import annotations

from io import BytesIO

import pymupdf

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.reading.outline import analyse
from reviewer.core.reading.suggest import suggest
from reviewer.letters.importing import extract
from tests.letters.test_word import p, package, r, table

PLAN_ROWS = [["Ref", "Action", "Owner", "Due", "RAG", "Progress"],
             ["1.1", "Every strategy discussion to include the school nurse", "Head of Front Door", "30/04/2025", "Green",
              "Done: attendance now at 91%"],
             ["1.2", "Child protection visits recorded within five working days", "Head of Child Protection",
              "31/10/2025", "Amber", "82% in the last quarter, target 95%"],
             ["2.1", "Group supervision every month for the disabled children's team", "Principal Occupational Therapist",
              "31/07/2025", "Red", "Not met: two posts unfilled since the spring"],
             ["2.2", "Audit of plans for children on the edge of care", "Quality Assurance Lead", "30/11/2025", "Amber",
              "Audit tool drafted"]]


def _word_plan() -> bytes:
    body = [p(r("Ambledown District Council")), p(r("Children's Services Improvement Plan")),
            p(r("1. Introduction"), style="Heading1"),
            p(r("1.1 This plan says how we will answer the inspection of our services for children, which found that "
                "leaders do not yet know the quality of practice well enough.")),
            p(r("1.2 The Improvement Board checks the plan every month and reports to Cabinet every quarter.")),
            p(r("2. Areas for priority action identified by Ofsted"), style="Heading1"),
            p(r("The timeliness of visits to children subject to a child protection plan."), num=(2, 0)),
            p(r("The quality of supervision for staff in the disabled children's team."), num=(2, 0)),
            p(r("3. Action plan"), style="Heading1"), table(PLAN_ROWS)]
    return package("".join(body))


def _pdf_paper() -> bytes:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [
        ["Priority", "Action", "Owner", "RAG"],
        ["Homes for care leavers", "Open twelve staffed flats for young people leaving care", "Head of Housing Support",
         "Red"],
        ["Pathway plans", "Check every pathway plan by the end of June", "Leaving Care Team Manager", "Amber"]])
    paras = [
        "Brindle Vale Borough Council", "Cabinet, 4 June 2025, item 9", "1. Summary",
        "1. Inspectors visited the council's services for children in the spring and judged them to require "
        "improvement to be good overall, with care leavers' services inadequate.",
        "2. This paper sets out what inspectors found and asks Cabinet to approve the plan that answers it, "
        "which is summarised at the end of the paper.", "2. What inspectors found",
        "3. Inspectors found that children in care live in settled homes and see their social workers often, "
        "and that their social workers know them well and speak up for them.",
        "4. Care leavers do not get a good enough service. Too many live in unsuitable homes, and pathway plans "
        "are not updated when their lives change.",
        "5. Managers check the work of the front door, but thresholds are not always applied in the same way "
        "by every team.", "3. Recommendations",
        "6. Cabinet is recommended to note the inspection's findings and to approve the plan in the appendix.",
        "Appendix: the plan in brief"]
    html = "".join(f"<p>{x}</p>" for x in paras) + f"<table border='1'>{rows}</table>"
    story = pymupdf.Story(html=html, user_css="body{font-family:sans-serif;font-size:10pt} td{padding:2px}")
    writer = pymupdf.DocumentWriter(buf := BytesIO())
    rect = pymupdf.paper_rect("a4")
    more = True
    while more:
        dev = writer.begin_page(rect)
        more, _ = story.place(rect + (60, 60, -60, -60))
        story.draw(dev)
        writer.end_page()
    writer.close()
    return buf.getvalue()


def _outline(text: str, starts: list[int]) -> list[tuple[str, str, int]]:
    return [(x.kind, x.title, x.level) for x in analyse(text, starts).parts]


def test_a_word_action_plans_cells_head_no_part_and_its_sections_all_stand() -> None:
    """A Word improvement plan: its table's cells ("Head of Child Protection", "1.2 Child protection visits …") had
    been listed as headings, its Ref column read as paragraph numbers, and its sections 2 and 3, which no "2.1"
    paragraph follows, were missing from the outline."""
    ex = extract(_word_plan(), "docx", "plan.docx")
    outline = _outline(ex.text, ex.page_starts)
    titles = [t for _k, t, _l in outline]
    assert "2. Areas for priority action identified by Ofsted" in titles and "3. Action plan" in titles
    assert ("priority", "2. Areas for priority action identified by Ofsted", 1) in outline
    for cell in ("Ref", "Head of Child Protection", "Red", "Principal Occupational Therapist", "Audit tool drafted"):
        assert not any(cell in t for t in titles), (cell, titles)
    assert not any(t.startswith(("1.2 ", "2.1 ", "2.2 ")) for t in titles), titles
    assert not any("strategy discussion" in t or "Group supervision" in t for t in titles), titles
    # the plan's rows are the council's own record, no finding: its status cells are never suggested
    found = suggest(ex.text, default_themes(), page_starts=ex.page_starts)
    assert not any(x.start >= ex.text.index("3. Action plan") for x in found), [x.quote for x in found]
    assert any("timeliness of visits" in x.quote and x.severity == "priority" for x in found)


def test_a_pdf_papers_sections_and_paragraphs_counted_apart_and_its_table_cells_no_headings() -> None:
    """A cabinet paper numbers its sections (1., 2., 3.) and its paragraphs (1. to 6.) in two counts: "2. What
    inspectors found" had been read as paragraph 2 again, and every finding after the judgements was filed under the
    section before it; the appendix's plan gave "Head of Housing Support" and "Red" as headings."""
    ex = extract(_pdf_paper(), "pdf", "paper.pdf")
    outline = _outline(ex.text, ex.page_starts)
    top = [t for _k, t, level in outline if level == 1]
    assert top[-4:] == ["1. Summary", "2. What inspectors found", "3. Recommendations", "Appendix: the plan in brief"]
    st = analyse(ex.text, ex.page_starts)
    care_leavers = ex.text.index("4. Care leavers do not")
    assert st.part_at(care_leavers).title == "2. What inspectors found"
    assert [t.split()[0] for _k, t, level in outline if level == 2] == ["1.", "2.", "3.", "4.", "5.", "6."]
    found = suggest(ex.text, default_themes(), page_starts=ex.page_starts)
    assert not any(x.start >= ex.text.index("Appendix") for x in found), [x.quote for x in found]
