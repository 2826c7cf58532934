"""Issue 14, items 3, 14 (journal) and 15: a damaged journal line never drops the acknowledged
lines after it; what could not be read is kept aside and the user is told, in words that do not
send them to a backup that cannot help."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from hostile_kit import annotations_in_file, crashed, journal, journal_lines, run  # type: ignore[import-not-found]

from reviewer.store.repository import LibraryStore


def _flip(line: bytes, at: int, bit: int = 2) -> bytes:
    b = bytearray(line)
    b[at] ^= 1 << bit
    return bytes(b)


def _resum(payload: bytes) -> bytes:
    return b"%08x " % zlib.crc32(payload) + payload


DAMAGE = {
    # name: (change the 2nd of 5 lines, ids expected back, what the user is told)
    "crlf endings": (lambda lines: [x + b"\r" for x in lines], 5, None),
    "one flipped bit": (lambda lines: [lines[0], _flip(lines[1], 200), *lines[2:]], 5, "repaired"),
    "flipped bit in the checksum": (lambda lines: [lines[0], _flip(lines[1], 3, 0), *lines[2:]], 5, "repaired"),
    "two flipped bits": (lambda lines: [lines[0], _flip(_flip(lines[1], 200), 260, 5), *lines[2:]], 4,
                         "line 2 (byte"),
    "a line of garbage": (lambda lines: [lines[0], b"\x00\xff garbage \x01" * 20, *lines[1:]], 5, "line 2"),
    # a write that failed half way (never acknowledged) and could not be cut off, then the next line:
    "a torn line glued to the next": (lambda lines: [lines[0], lines[1][:60] + lines[2], *lines[3:]], 4,
                                      "stub of a line cut short"),
    "valid checksum, not a list": (lambda lines: [lines[0], _resum(b'{"a": 1}'), *lines[1:]], 5,
                                   "holds no list of changes"),
    "valid checksum, wrong shape": (lambda lines: [lines[0], _resum(b'[["annotations", "x1", {"id": "x1", "start": "abc"}]]'),
                                                   *lines[1:]], 5, "must be"),
    "valid checksum, a setting with no key": (lambda lines: [lines[0], _resum(b'[["settings", "k", {"value": "v"}]]'),
                                                             *lines[1:]], 5, "no usable key"),
    "valid checksum, a 5,000-digit number": (lambda lines: [lines[0], _resum(b'[["letters", "x", ' + b"9" * 5000 + b"]]"),
                                                            *lines[1:]], 5, "not readable JSON"),
    "valid checksum, deep nesting": (lambda lines: [lines[0], _resum(b"[" * 100_000 + b"]" * 100_000), *lines[1:]], 5,
                                     "nested too deeply"),
}


@pytest.mark.parametrize("case", list(DAMAGE))
def test_a_damaged_journal_line_loses_only_itself(case: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    change, expected, told = DAMAGE[case]
    path, ids = crashed(tmp_path, lines=5)
    lines = change(journal_lines(path))
    damaged = b"\n".join(lines) + b"\n"
    journal(path).write_bytes(damaged)
    library_before = path.read_bytes()

    code, out, err = run(capsys, "annotations", "--db", str(path), "--format", "json")

    assert code == 0 and "unexpected" not in err and "Traceback" not in err
    store = LibraryStore(path)
    try:
        found = [i for i in ids if i in store.library.annotations]
        assert len(found) == expected  # every line that verifies came back, before and after the damage
        assert ids[2:] == found[-3:]  # the acknowledged lines after the damaged one are never dropped
        assert all(store.library.annotations[i].note == f"journal {ids.index(i)}" for i in found)
    finally:
        store.close()
    assert set(found) <= set(annotations_in_file(path))  # folded into the library file for good
    asides = list(tmp_path.glob("lib.json.journal.damaged-*"))
    if told is None:  # CRLF: every line verifies once its line ending is read as it was written
        assert not asides and "journal" not in err
        return
    assert len(asides) == 1 and asides[0].read_bytes() == damaged  # the journal as it was is kept, never cleared
    assert "reviewer: note: The library's journal" in err and told in err and asides[0].name in err
    assert "restore" not in err.lower()  # item 15: a backup cannot bring back a journal line
    if "bits" in case:  # the one line whose content is gone: said so
        assert "Not recovered" in err
    else:
        assert "Nothing was lost" in err or "every other change" in err
    assert library_before != path.read_bytes()  # the recovered changes are in the library file now


def test_a_torn_last_line_is_dropped_quietly_and_never_glued_to_the_next(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The crash case: the last line was being written (never acknowledged). It is cut off on open,
    so the next acknowledged line is not glued to it, and nobody is alarmed."""
    path, ids = crashed(tmp_path, lines=2)
    lines = journal_lines(path)
    journal(path).write_bytes(lines[0] + b"\n" + lines[1][:50])
    store = LibraryStore(path)
    assert ids[0] in store.library.annotations and ids[1] not in store.library.annotations
    assert store.recovered is None and not store.notices
    store.close()
    assert not list(tmp_path.glob("*.damaged-*"))


def test_only_a_torn_line_in_the_journal_is_cut_before_the_next_write(tmp_path: Path) -> None:
    """Before: a journal holding only a torn line was not emptied on open, and the next acknowledged
    line was glued to it and lost on the next open."""
    path, ids = crashed(tmp_path, lines=1)
    journal(path).write_bytes(journal_lines(path)[0][:40])
    store = LibraryStore(path)
    from hostile_kit import tag  # type: ignore[import-not-found]

    new = tag(store, "after the torn line")
    store.commit()
    copy = tmp_path / "again.json"  # the state a kill now would leave
    copy.write_bytes(path.read_bytes())
    journal(copy).write_bytes(journal(path).read_bytes())
    store.close()
    again = LibraryStore(copy)
    assert new in again.library.annotations
    again.close()


def test_a_journal_that_is_not_a_file_is_refused_not_read(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import os

    path, _ = crashed(tmp_path, lines=1)
    journal(path).unlink()
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(journal(path))
    before = path.read_bytes()
    code, _, err = run(capsys, "list", "--db", str(path))
    assert code == 1 and "not a plain file" in err and "unexpected" not in err
    assert path.read_bytes() == before


def test_a_long_damaged_line_full_of_line_beginnings_is_read_in_bounded_time() -> None:
    """A damaged line of 2 MB whose text looks like the start of a line every ten bytes (a note pasted from a hex
    dump): looking inside it for a whole line glued to a torn one checksummed the rest of the line at each of them,
    200,000 times 1 MB: a reading command (or the window opening the library) took minutes. The search is bounded;
    the line is said to be damaged, and the whole lines around it read."""
    import time

    from reviewer.store.journal import scan_bytes

    good = [_resum(b'[["settings","k%d",{"key":"k%d","value":"v"}]]' % (i, i)) for i in range(2)]
    bad = b"deadbeef " + b"00000000 [" * 200_000
    started = time.monotonic()
    scan = scan_bytes(good[0] + b"\n" + bad + b"\n" + good[1] + b"\n")
    assert time.monotonic() - started < 10
    assert [key for _, key, _ in scan.ops] == ["k0", "k1"] and len(scan.damaged) == 1
    torn = good[0][:30] + _resum(b'[["settings","k9",' + b'{"key":"k9","value":"00000000 [ x"}' + b"]]")
    assert [key for _, key, _ in scan_bytes(torn + b"\n").ops] == ["k9"]  # a torn line glued to a whole one: kept
