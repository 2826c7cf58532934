"""The workspace: every operation of the auditor and the manager, without Qt, as both front ends call it."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest

from reviewer.core.annotations.model import Theme
from reviewer.letters import guard
from reviewer.letters.pdf import open_pdf
from reviewer.workspace import USER_ERRORS, NotFound, Workspace, WorkspaceError

THORNBURY = "thornbury_vale_2025_focused_visit.pdf"
EASTMERE = "eastmere_2024_monitoring_visit.txt"


def _letter(ws: Workspace, samples: Path, name: str = THORNBURY):
    letter, new, _notes = ws.add_file(samples / name)
    assert new
    return letter


def test_tag_edit_regrade_delete_are_one_undo_step_each(ws: Workspace, samples: Path) -> None:
    ws.set_auditor("Ann Auditor")
    letter = _letter(ws, samples)
    ann = ws.tag_quote(letter, "Too many plans", ["planning"], "area for improvement", "a note")
    assert ann.author == "Ann Auditor" and ann.themes == ("planning",) and ann.severity == "improvement"
    changes = ws.edit_annotation(ann.id, note="changed")
    assert [(c.kind, c.id, c.op) for c in changes] == [("annotation", ann.id, "put")]
    assert ws.regrade([ann.id], "priority", "Priority action") == 1
    assert ws.library.annotations[ann.id].severity == "priority"
    assert ws.delete([ann.id]) == 1 and ann.id not in ws.library.annotations
    for expected in ("Delete annotation", "Edit annotation", "Edit annotation", "Tag passage"):
        assert ws.undo_last().label == expected  # type: ignore[union-attr]
    assert ann.id not in ws.library.annotations
    assert ws.undo_last().label == "Set your name"  # type: ignore[union-attr]
    assert ws.auditor == ""


def test_letters_are_found_by_id_prefix_file_or_title(ws: Workspace, samples: Path) -> None:
    letter = _letter(ws, samples)
    assert ws.letter(letter.id[:6]) == letter
    assert ws.letter(str(samples / THORNBURY)) == letter
    with pytest.raises(NotFound, match="not in the library"):
        ws.letter(str(samples / EASTMERE))
    assert ws.letter(str(samples / EASTMERE), add_missing=True).source == EASTMERE
    with pytest.raises(NotFound, match="no letter matches"):
        ws.letter("nothing-like-it")


def test_a_quote_that_is_not_there_is_a_user_error(ws: Workspace, samples: Path) -> None:
    letter = _letter(ws, samples)
    with pytest.raises(USER_ERRORS, match="not found"):
        ws.tag_quote(letter, "words that are nowhere in the letter", ["planning"], "context")
    assert not ws.library.annotations and not ws.undo.can_undo()


def test_suggestions_accepted_and_dismissed_are_undoable(ws: Workspace, samples: Path) -> None:
    letter = _letter(ws, samples)
    ex = ws.text(letter.id)
    assert ex is not None
    made = ws.accept_suggestions(letter.id, ex.text, ex.page_starts,
                                 [(0, 20, ("planning",), "context", ""), (30, 60, (), "strength", "")], "Ann")
    assert len(made) == 1 and ws.undo.undo_label() == "Accept suggestion"
    ws.dismiss_suggestions(letter.id, [(100, 140)])
    assert "100" in ws.library.settings[f"dismissed:{letter.id}"]
    ws.undo_last()
    ws.undo_last()
    assert not ws.library.annotations and ws.library.settings.get(f"dismissed:{letter.id}", "") == ""
    # edited before it was accepted: the step says so (a held-out session read "Accepted suggestion" after
    # changing its severity, stop 44)
    ws.accept_suggestions(letter.id, ex.text, ex.page_starts, [(0, 20, ("planning",), "priority", "")], "Ann",
                          changed=True)
    assert ws.undo.undo_label() == "Accept suggestion with changes"
    assert ws.undo.last_done() == "Accepted suggestion with changes"


def test_dismissals_in_one_letter_are_read_for_the_others(ws: Workspace, samples: Path) -> None:
    """The suggester of one letter learns from what was dismissed in the others, as those letters read."""
    thornbury, eastmere = _letter(ws, samples), _letter(ws, samples, EASTMERE)
    ex = ws.text(thornbury.id)
    assert ex is not None
    ws.dismiss_suggestions(thornbury.id, [(100, 140), (10**9, 10**9 + 5)])  # a range past the end is left out
    quote = " ".join(ex.text[100:140].split())
    assert ws.dismissed_elsewhere(eastmere.id) == [quote]
    assert ws.dismissed_elsewhere(thornbury.id) == []  # its own are read where they sit, not as quotes
    assert ws.dismissed_elsewhere(eastmere.id, dict(ws.library.settings)) == [quote]  # a worker's snapshot


def test_packs_merge_all_or_nothing(tmp_path: Path, samples: Path) -> None:
    from reviewer.store.repository import LibraryStore

    ann = Workspace(LibraryStore(tmp_path / "ann.json"))
    meg = Workspace(LibraryStore(tmp_path / "meg.json"))
    try:
        letter = _letter(ann, samples)
        ann.tag_quote(letter, "Too many plans", ["planning"], "priority action", author="Ann")
        good = tmp_path / "good.zip"
        ann.export_pack([letter.id], good, "Ann")
        bad = tmp_path / "bad.zip"
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                dst.writestr(info, data + b" " if info.filename == "annotations.csv" else data)
        with pytest.raises(USER_ERRORS):
            meg.import_packs([good, bad])
        assert not meg.library.letters and not meg.library.annotations and not meg.undo.can_undo()
        opened = meg.import_packs([good])
        assert opened[0].report.added == 1 and len(meg.library.annotations) == 1
        meg.undo_last()
        assert not meg.library.annotations
    finally:
        ann.close()
        meg.close()


def test_codebook_round_trip_is_one_step(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "team.qdc"
    n = ws.export_codebook(out)
    assert n == len(ws.library.active_themes())
    ws.put_theme(None, Theme("new-one", "A new theme", "#123456"), "Add theme")
    themes_before = dict(ws.library.themes)
    outcome = ws.import_codebook(out)
    assert outcome.lines[-1].endswith("0 themes added or updated")
    assert ws.library.themes == themes_before
    with pytest.raises(USER_ERRORS):
        ws.import_codebook(tmp_path / "missing.qdc")


def test_export_refuses_an_unknown_format(ws: Workspace, samples: Path, tmp_path: Path) -> None:
    letter = _letter(ws, samples)
    with pytest.raises(WorkspaceError, match="does not say which format"):
        ws.export_summary([letter.id], tmp_path / "summary.docx")
    assert not (tmp_path / "summary.docx").exists()


def test_pymupdf_refuses_a_forbidden_thread(samples: Path) -> None:
    data = (samples / THORNBURY).read_bytes()
    guard.forbid_thread()
    try:
        with pytest.raises(guard.WrongThread):
            open_pdf(data, THORNBURY)
        out: list[object] = []
        t = threading.Thread(target=lambda: out.append(open_pdf(data, THORNBURY).page_count))
        t.start()
        t.join()
        assert out and out[0] > 0  # another thread may
    finally:
        guard.allow_thread()


def test_a_shipped_theme_colour_since_changed_is_updated_and_the_auditors_own_is_kept(tmp_path: Path) -> None:
    """Young carers once shipped in nearly Early help's blue: a library still holding that colour takes the
    new one when it opens; a colour the auditor chose for a theme stays theirs."""
    import dataclasses
    import itertools
    import json
    import math

    from reviewer.core.annotations.codebook import default_themes
    from reviewer.resources import read_text

    db = str(tmp_path / "lib.json")
    ws = Workspace.open(db)
    shipped = {t.id: t.colour for t in default_themes()}
    young, identity = ws.library.themes["young-carers"], ws.library.themes["identity"]
    ws.library.put_theme(dataclasses.replace(young, colour="#2844ad"))  # as a library made before held it
    ws.library.put_theme(dataclasses.replace(identity, colour="#123456"))  # the auditor's own
    ws.close()
    ws = Workspace.open(db)
    try:
        assert ws.library.themes["young-carers"].colour == shipped["young-carers"] != "#2844ad"
        assert ws.library.themes["identity"].colour == "#123456"
    finally:
        ws.close()
    # every former colour is one no theme ships with now, and no two themes ship in colours hard to tell
    # apart (CIE76 colour difference in CIELAB; the pair that prompted it was 9.2 apart)
    former = json.loads(read_text("codebook.json"))["former_colours"]
    assert former and not {c for cols in former.values() for c in cols} & set(shipped.values())

    def lab(colour: str) -> tuple[float, float, float]:
        lin = [((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92
               for c in (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))]
        xyz = [sum(w * c for w, c in zip(row, lin)) / n for row, n in (
            ((0.4124, 0.3576, 0.1805), 0.95047), ((0.2126, 0.7152, 0.0722), 1.0), ((0.0193, 0.1192, 0.9505), 1.08883))]
        fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
        return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)

    closest = min((math.dist(lab(a), lab(b)), a, b) for a, b in itertools.combinations(shipped.values(), 2))
    assert closest[0] >= 13, closest
