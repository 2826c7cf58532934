"""Moderation figures (Cohen's kappa per theme at sentence level) and the overview cross-tables."""

from __future__ import annotations

import pytest

from reviewer.core.team.moderation import cohen_kappa, moderate, sentences
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
