"""What an audit pack holds unless the auditor picks its letters: their work, never the sample letters the
app ships with. A new user's first pack (one letter selected) carried the three fictional councils'
letters beside their two reports, and its summary their authorities, period and inspectors' items."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from reviewer.workspace import Workspace

REPORT = ["Inspection of Brackenmoor local authority children's services",
          "Too many children wait too long for an assessment of their needs.",
          "Care leavers are well supported by personal advisers."]


def _pdf(path: Path, lines: list[str]) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    for i, line in enumerate(lines):
        page.insert_text((72, 72 + 18 * i), line)
    doc.save(path)
    return path


def test_a_pack_holds_the_auditors_work_and_never_the_samples_unless_picked(ws: Workspace, tmp_path: Path) -> None:
    assert ws.add_samples() == []
    samples = [x.id for x in ws.library.letters_sorted()]
    assert len(samples) >= 3
    assert ws.pack_scope() == samples  # a library of the samples alone (a new user trying packs out): them
    report, _, _ = ws.add_file(_pdf(tmp_path / "brackenmoor.pdf", REPORT))
    other, _, _ = ws.add_file(_pdf(tmp_path / "ashvale.pdf", [line.replace("Brackenmoor", "Ashvale") for line in REPORT]))
    assert sorted(ws.pack_scope()) == sorted([report.id, other.id])  # nothing tagged yet: the library's own
    ws.tag_quote(report, "Too many children wait too long", ["assessment"], "improvement", author="Ann")
    assert ws.pack_scope() == [report.id]  # the letters holding the auditor's work
    assert ws.pack_scope([report.id]) == [report.id]  # one selected: the same
    assert sorted(ws.pack_scope([report.id, samples[0]])) == sorted([report.id, samples[0]])  # picked: as picked
    sample = ws.library.letters[samples[0]]
    ws.tag_quote(sample, ws.text_of(sample.id).split(".")[0].strip()[:40], ["planning"], "strength", author="Ann")
    assert ws.pack_scope() == [report.id]  # a sample tagged while learning the app stays out


def test_the_command_line_pack_holds_the_same_letters(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A manager's helper found the routes disagreed: `reviewer pack export` of a default library carried the
    sample letters (their authorities and 29 mentions in the summary) where the window's Export Pack did not."""
    import json
    import zipfile

    from reviewer.cli.main import main
    from reviewer.store.repository import LibraryStore

    db = tmp_path / "lib.json"
    ws = Workspace(LibraryStore(db))
    ws.add_samples()
    report, _, _ = ws.add_file(_pdf(tmp_path / "brackenmoor.pdf", REPORT))
    ws.tag_quote(report, "Too many children wait too long", ["assessment"], "improvement", author="Ann")
    ws.close()
    assert main(["pack", "export", "--db", str(db), "-o", str(tmp_path / "p.zip"), "--auditor", "Ann"]) == 0
    assert "(1 letter, 1 annotation)" in capsys.readouterr().out
    with zipfile.ZipFile(tmp_path / "p.zip") as z:
        assert json.loads(z.read("manifest.json"))["letters"] == 1
        assert [n for n in z.namelist() if n.startswith("data/originals/")] == [f"data/originals/{report.id}.pdf"]
