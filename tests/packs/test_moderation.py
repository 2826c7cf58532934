"""Moderation figures (Cohen's kappa per theme at sentence level) and the overview cross-tables."""

from __future__ import annotations

import pytest

from reviewer.core.team.moderation import cohen_kappa, kappa_number, kappa_words, moderate, sentences
from reviewer.core.team.overview import crosstab

from pack_desks import THORNBURY  # type: ignore[import-not-found]


def test_cohen_kappa_known_values() -> None:
    # Textbook example: 50 units, both yes 20, A yes/B no 5, A no/B yes 10, both no 15 -> kappa 0.4
    a = [1] * 20 + [1] * 5 + [0] * 10 + [0] * 15
    b = [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa([1, 0, 1], [1, 0, 1]) == pytest.approx(1.0)
    assert cohen_kappa([0, 0, 0], [0, 0, 0]) == 1.0
    assert cohen_kappa([], []) is None


def test_a_kappa_a_hair_below_zero_reads_as_nought_not_minus_nought() -> None:
    """A manager read "-0.00 poor" in the moderation table: on a letter of 400 sentences two auditors who each
    tagged a theme on a different sentence come out at -0.0025. The figure is 0.00; the word stays "poor"."""
    k = cohen_kappa([1] + [0] * 399, [0, 1] + [0] * 398)
    assert k is not None and -0.01 < k < 0
    assert kappa_number(k) == "0.00" and kappa_words(k) == "0.00 (poor)"
    assert kappa_number(-0.2) == "-0.20" and kappa_number(0.526) == "0.53"


def test_sentences_cover_bullets_and_sentences() -> None:
    text = "First sentence here. Second one!\n\n- A bullet item\n- Another bullet\n"
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["First sentence here.", "Second one!", "A bullet item", "Another bullet"]


def test_two_auditors_agreement_on_a_letter(desks) -> None:  # type: ignore[no-untyped-def]
    ann, bob = desks["ann"], desks["bob"]
    lid = ann.add(THORNBURY)
    bob.add(THORNBURY)
    # both tag the same sentence with timeliness; Ann also tags another sentence with it
    ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    bob.tag(lid, "drift and delay mean", ["timeliness", "planning"], "improvement")
    ann.tag(lid, "leaders in Thornbury Vale have strengthened the front door", ["timeliness"], "strength")
    # merge Bob's annotations into Ann's library (as a manager would by opening both packs)
    for a in bob.lib.annotations.values():
        ann.lib.put_annotation(a)
    results = moderate(ann.lib, [lid], ann.ws.text_of)
    assert len(results) == 1
    r = results[0]
    assert {r.auditor_a, r.auditor_b} == {"Ann Auditor", "Bob Auditor"}
    by_theme = {t.theme: t for t in r.themes}
    timeliness = by_theme["timeliness"]
    assert timeliness.both == 1 and timeliness.only_a == 1 and timeliness.only_b == 0
    n = r.sentences
    # recompute kappa by hand from the counts
    po = (timeliness.both + timeliness.neither) / n
    pa, pb = (timeliness.both + timeliness.only_a) / n, (timeliness.both + timeliness.only_b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    assert timeliness.kappa == pytest.approx((po - pe) / (1 - pe))
    assert by_theme["planning"].only_b == 1 and by_theme["planning"].both == 0
    assert 0 < r.severity_agreement < 1
    assert len(r.disagreements) == 2  # the strength sentence (Ann only) and the planning theme (Bob only)


def test_crosstab_cells_list_their_annotations(ann_with_work) -> None:  # type: ignore[no-untyped-def]
    lib = ann_with_work.lib
    ids = list(lib.letters)
    tab = crosstab(lib, ids, "theme")
    r = tab.rows.index(lib.theme_label("leadership"))
    assert tab.row_total(r) == 2
    c = tab.column_ids.index("strength")
    (aid,) = tab.cells[(r, c)]
    assert lib.annotations[aid].severity == "strength" and "leadership" in lib.annotations[aid].themes
    auth = crosstab(lib, ids, "authority")
    assert set(auth.rows) == {"Thornbury Vale", "Eastmere"}
    months = crosstab(lib, ids, "month")
    assert all(len(m) == 7 for m in months.rows)
    assert sum(months.row_total(i) for i in range(len(months.rows))) == 3


def test_a_managers_summary_and_workbook_say_where_two_auditors_differ_and_what_was_settled(
        desks, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN: a manager's pack carries moderation (where two auditors disagree). Each difference is listed
    with what each auditor gave the sentence, its page and what the manager's review settled, in the
    summary (Markdown, HTML, PDF read back by pypdf) and the workbook's Moderation sheet (openpyxl)."""
    import zipfile

    import openpyxl
    from pypdf import PdfReader

    ann, bob = desks["ann"], desks["bob"]
    lid = ann.add(THORNBURY)
    bob.add(THORNBURY)
    mine = ann.tag(lid, "drift and delay mean", ["timeliness"], "priority")
    theirs = bob.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    ann.tag(lid, "leaders in Thornbury Vale have strengthened the front door", ["front-door"], "strength")
    for a in bob.lib.annotations.values():
        ann.lib.put_annotation(a)
    assert ann.ws.still_open([lid]) == ["3 of 3 annotations not reviewed",  # what signing off would leave open
                                        "1 sentence two auditors read differently, neither reading reviewed",
                                        "1 sentence only one of two auditors tagged, not reviewed"]  # said apart
    ann.ws.review([mine.id], "agreed", reviewer="Mia Manager")
    ann.ws.review([theirs.id], "challenged", "It is a priority: children wait", reviewer="Mia Manager")
    assert ann.ws.still_open([lid]) == ["1 of 3 annotations not reviewed", "1 challenge not yet resolved",
                                        "1 sentence only one of two auditors tagged, not reviewed"]

    (r,) = moderate(ann.lib, [lid], ann.ws.text_of, ann.ws.page_starts_of)
    assert r.tagged == 2 and r.severity_agreement == 0.0  # of the two sentences either tagged, none alike
    drift = next(d for d in r.disagreements if "drift and delay" in d.text)
    assert drift.page == mine.pages[0]
    assert {drift.a, drift.b} == {"Priority action: Timeliness, drift and delay",
                                  "Area for improvement: Timeliness, drift and delay"}
    assert drift.review == ("Ann Auditor’s: Agreed (Mia Manager); Bob Auditor’s: Challenged (Mia Manager)")
    assert r.reviewed == 1 and len(r.disagreements) == 2

    md, html, pdf = tmp_path / "s.md", tmp_path / "s.html", tmp_path / "s.pdf"
    for out in (md, html, pdf):
        ann.ws.export_summary([lid], out)
    m = md.read_text(encoding="utf-8")
    assert "## Moderation" in m and "2 differences, 1 reviewed by the manager" in m
    assert "1 passage tagged by more than one auditor count once for each" in m  # what the counts count
    assert "Review: not yet reviewed" in m and "Agreed \\(Mia Manager\\)" in m
    h = html.read_text(encoding="utf-8")
    assert "<h2>Moderation</h2>" in h and "Where they differ (2)" in h and "Challenged (Mia Manager)" in h
    said = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
    assert "Moderation" in said and "Where they differ (2)" in said and "Challenged (Mia Manager)" in said

    out = tmp_path / "p.zip"
    ann.ws.export_pack([lid], out, "Mia Manager")
    (tmp_path / "a.xlsx").write_bytes(zipfile.ZipFile(out).read("annotations.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx")["Moderation"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Letter", "Page", "Sentence"] and len(rows) == 3
    row = next(x for x in rows[1:] if "drift and delay" in x[2])
    assert row[1] == drift.page and row[3] == "Ann Auditor" and row[5] == "Bob Auditor"
    assert row[7] == drift.review


def test_one_auditor_named_in_two_ways_is_one_auditor(desks) -> None:  # type: ignore[no-untyped-def]
    """An attack found it: "Zoë Hart" typed with a combining diaeresis, or with a zero-width space pasted
    in, made moderation pairs of one person with herself."""
    import unicodedata

    from reviewer.core.annotations.tagging import locate_quote

    ann = desks["ann"]
    lid = ann.add(THORNBURY)
    for i, (name, quote) in enumerate([("Zoë Hart", "drift and delay mean"),
                                       (unicodedata.normalize("NFD", "Zoë Hart"), "strengthened the front door"),
                                       ("Zoë\u200b Hart ", "reduced caseloads")]):
        ex = ann.ws.text(lid)
        start, end = locate_quote(ex.text, quote)
        ann.ws.tag(lid, ex.text, ex.page_starts, start, end, ["timeliness"], "improvement", "", name)
    ann.ws.set_auditor("Zoë\u200b Hart ")
    assert ann.ws.auditor == "Zoë Hart"
    assert moderate(ann.lib, [lid], ann.ws.text_of) == []  # one person: no pair
    ex = ann.ws.text(lid)
    start, end = locate_quote(ex.text, "drift and delay mean")
    ann.ws.tag(lid, ex.text, ex.page_starts, start, end, ["planning"], "improvement", "", "Bob Auditor")
    (pair,) = moderate(ann.lib, [lid], ann.ws.text_of)
    assert {pair.auditor_a, pair.auditor_b} == {"Zoë Hart", "Bob Auditor"}


def test_a_managers_regrade_is_said_as_the_managers_in_moderation_the_counts_and_the_workbook(desks, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A manager's journey (stop 47): her regrade of an auditor's finding read as the auditor's own reading in the
    moderation (window, PDF, workbook), and the workbook's Annotations sheet said nothing of the change; the
    summary counted 3 passages tagged by two auditors where moderation found 9 (only spans the same to the letter
    were counted)."""
    import openpyxl

    from reviewer.core.team.moderation import moderate

    ann, bob = desks["ann"], desks["bob"]
    lid = ann.add(THORNBURY)
    bob.add(THORNBURY)
    mine = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    bob.tag(lid, "drift and delay", ["timeliness"], "strength")  # (a shorter span of the same sentence)
    for a in bob.lib.annotations.values():
        ann.lib.put_annotation(a)
    ann.ws.set_auditor("Ann Auditor")
    ann.tag(lid, "leaders in Thornbury Vale have strengthened the front door", ["front-door"], "strength")  # (hers
    # alone, and earlier in the letter than the sentence they read differently)
    ann.ws.set_auditor("Mia Manager")
    assert ann.ws.regrade([mine.id], "priority", "Priority action") == 1
    (r,) = moderate(ann.lib, [lid], ann.ws.text_of, ann.ws.page_starts_of)
    # the sentences both read differently first, then those one auditor alone tagged, and the split said (a manager
    # found the real disagreements buried among sentences one auditor never tagged)
    assert [d.one_only for d in r.disagreements] == [False, True]
    assert r.kinds_said == "1 read differently, 1 tagged by one auditor only"
    drift = next(d for d in r.disagreements if "drift and delay" in d.text)
    # each auditor's own reading is weighed, and the manager's change since is said (stop 48: her regrade had been
    # counted as the auditor's reading)
    assert "Area for improvement: Timeliness, drift and delay (since changed by Mia Manager)" in (drift.a, drift.b)
    assert "Strength: Timeliness, drift and delay" in (drift.a, drift.b)
    out = tmp_path / "s.xlsx"
    ann.ws.export_summary([lid], out, "xlsx")
    sheet = openpyxl.load_workbook(out)["Annotations"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    head = rows[0]
    row = next(x for x in rows[1:] if x[head.index("Severity")] == "Priority action")
    assert row[head.index("Auditor")] == "Ann Auditor" and row[head.index("Changed by")] == "Mia Manager"
    md = tmp_path / "s.md"
    ann.ws.export_summary([lid], md, "md")
    assert "1 passage tagged by more than one auditor count once for each" in md.read_text(encoding="utf-8")


def test_a_managers_regrade_neither_makes_nor_breaks_two_auditors_agreement(desks) -> None:  # type: ignore[no-untyped-def]
    """A manager (stop 48): her regrade of one auditor's finding to a priority action counted as that auditor's
    reading: it agreed with the other auditor's priority action, and raised the agreement figures by her decision.
    Moderation weighs the auditors' own readings; where they differ, the manager's change since is said."""
    from reviewer.core.team.moderation import moderate

    ann, bob = desks["ann"], desks["bob"]
    lid = ann.add(THORNBURY)
    bob.add(THORNBURY)
    mine = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    bob.tag(lid, "drift and delay", ["timeliness"], "priority")
    for a in bob.lib.annotations.values():
        ann.lib.put_annotation(a)
    (before,) = moderate(ann.lib, [lid], ann.ws.text_of, ann.ws.page_starts_of)
    ann.ws.set_auditor("Mia Manager")
    assert ann.ws.regrade([mine.id], "priority", "Priority action") == 1
    (after,) = moderate(ann.lib, [lid], ann.ws.text_of, ann.ws.page_starts_of)
    assert (after.severity_agreement, after.severity_kappa, after.tagged) == \
        (before.severity_agreement, before.severity_kappa, before.tagged)
    (drift,) = [d for d in after.disagreements if "drift and delay" in d.text]
    assert "Area for improvement: Timeliness, drift and delay (since changed by Mia Manager)" in (drift.a, drift.b)
