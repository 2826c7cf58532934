"""Issue 14, items 5 and 7: a pack cannot move or misplace an annotation, and a letter's copy changed
on disk is never trusted. Each test builds its hostile input by code and says what the user sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile_kit import THORNBURY, library, resign_pack, run  # type: ignore[import-not-found]
from reviewer.store.repository import LibraryStore
from reviewer.workspace import USER_ERRORS, Workspace

ROOT = Path(__file__).resolve().parents[2]
EASTMERE = ROOT / "sample_docs" / "eastmere_2024_monitoring_visit.txt"


@pytest.fixture
def meg(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A manager's library: two letters and one annotation on the first."""
    ws = Workspace(LibraryStore(tmp_path / "meg.json"))
    ws.set_auditor("Meg Manager")
    thornbury = ws.add_file(THORNBURY)[0]
    ws.add_file(EASTMERE)
    ws.tag_quote(thornbury, "drift and delay mean", ["timeliness"], "area for improvement")
    yield ws
    ws.close()


def _pack_of(ws: Workspace, tmp_path: Path) -> Path:
    out = tmp_path / "genuine.zip"
    ws.export_pack(list(ws.library.letters), out, "Meg Manager")
    return out


def test_a_pack_cannot_move_an_annotation_to_another_letter(meg: Workspace, tmp_path: Path) -> None:
    """Before: a pack annotation reusing an existing id on another letter took it over (moved, quote
    'HIJACKED' at 0-10, unchecked). An id names one letter forever: the annotation stays as it was and
    the report says why."""
    victim = next(iter(meg.library.annotations.values()))
    eastmere = next(x.id for x in meg.library.letters.values() if x.id != victim.letter_id)

    def hijack(records):  # type: ignore[no-untyped-def]
        for a in records["annotations"]:
            if a["id"] == victim.id:
                a.update(letter_id=eastmere, quote="HIJACKED", start=0, end=10, modified="2099-01-01T00:00:00Z")

    pack = resign_pack(_pack_of(meg, tmp_path), tmp_path / "hostile.zip", hijack)
    opened = meg.import_packs([pack])
    assert meg.library.annotations[victim.id] == victim
    assert any("belongs to" in c and victim.id[:12] in c for c in opened[0].report.conflicts)


def test_a_quote_not_at_its_offsets_is_placed_again_or_needs_attention(meg: Workspace, tmp_path: Path) -> None:
    """A new annotation from a pack whose quote is not in the letter at its offsets is never stored as
    placed: found again by its quote, or kept as needing attention."""
    victim = next(iter(meg.library.annotations.values()))

    def shift_and_forge(records):  # type: ignore[no-untyped-def]
        a = dict(next(a for a in records["annotations"] if a["id"] == victim.id))
        moved = dict(a, id="b" * 32, start=a["start"] + 40, end=a["end"] + 40)  # right quote, wrong offsets
        forged = dict(a, id="c" * 32, quote="HIJACKED", start=0, end=10)  # a quote the letter does not hold
        records["annotations"] += [moved, forged]

    fresh = Workspace(LibraryStore(tmp_path / "ann.json"))
    try:
        fresh.import_packs([resign_pack(_pack_of(meg, tmp_path), tmp_path / "hostile.zip", shift_and_forge)])
        anns = fresh.library.annotations
        text = fresh.text(victim.letter_id).text  # type: ignore[union-attr]
        assert (anns["b" * 32].start, anns["b" * 32].end) == (victim.start, victim.end)
        assert text[anns["b" * 32].start:anns["b" * 32].end] == victim.quote and not anns["b" * 32].orphaned
        assert anns["c" * 32].orphaned and anns["c" * 32].quote == "HIJACKED"  # kept, needs attention
        assert not anns[victim.id].orphaned
    finally:
        fresh.close()


def test_a_changed_copy_of_a_letter_is_refused_and_mended_by_adding_it_again(meg: Workspace, tmp_path: Path,
                                                                                capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: a letter copy changed in the library's folder was re-read, its annotations marked as needing
    attention, and `pack export` wrote a pack its own `pack verify` refused."""
    letter = meg.library.letters[next(iter(meg.library.annotations.values())).letter_id]
    copy = meg.store.letter_file(letter)
    copy.write_bytes(copy.read_bytes().replace(b"%%EOF", b"%%EOF\n% changed"))
    with pytest.raises(USER_ERRORS, match="has been changed since it was added"):
        meg.letter_bytes(letter)
    with pytest.raises(USER_ERRORS, match="has been changed since it was added"):
        meg.export_pack([letter.id], tmp_path / "p.zip", "Meg")
    assert not (tmp_path / "p.zip").exists()
    assert not any(a.orphaned for a in meg.library.annotations.values())
    path = meg.store.path
    meg.close()
    code, _out, err = run(capsys, "pack", "export", "--db", str(path), "-o", str(tmp_path / "q.zip"))
    assert code == 1 and "has been changed since it was added" in err and "unexpected" not in err
    assert not (tmp_path / "q.zip").exists()
    code, _out, _err = run(capsys, "add", "--db", str(path), str(THORNBURY))  # the original again mends it
    assert code == 0
    code, _out, err = run(capsys, "pack", "export", "--db", str(path), "-o", str(tmp_path / "q.zip"))
    assert code == 0, err
    assert run(capsys, "pack", "verify", str(tmp_path / "q.zip"))[0] == 0


@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:30:00+01:00"])
def test_a_pack_stamped_at_the_calendars_ends_blocks_no_export(tmp_path: Path, capsys, stamp: str) -> None:  # type: ignore[no-untyped-def]
    """An attack found it: a pack whose annotations were stamped where a date cannot be said in UTC opened,
    and every later pack export, workbook and dataset then failed ("date value out of range"). Such a stamp
    reads as unreadable (it sorts first: it wins no merge), and every export goes on."""
    from reviewer.core.annotations.model import parse_time

    assert parse_time(stamp) == parse_time(None)
    lib = library(tmp_path / "ann", tags=1)
    code, _, _ = run(capsys, "pack", "export", "--db", str(lib), "-o", str(tmp_path / "p.zip"), "--auditor", "Ann")
    assert code == 0

    def stamped(records):  # type: ignore[no-untyped-def]
        for a in records["annotations"]:
            a["created"] = a["modified"] = stamp

    odd = resign_pack(tmp_path / "p.zip", tmp_path / "odd.zip", stamped)
    mine = str(tmp_path / "m.json")
    assert run(capsys, "pack", "import", "--db", mine, str(odd))[0] == 0
    for args in (("pack", "export", "--db", mine, "-o", str(tmp_path / "back.zip"), "--auditor", "Meg"),
                 ("export", "--db", mine, "-o", str(tmp_path / "s.html")),
                 ("dataset", mine, "-o", str(tmp_path / "data"), "--format", "csv")):
        code, _, err = run(capsys, *args)
        assert code == 0 and "out of range" not in err, (args, err)
