"""Issue 14, items 9, 10 and 13: reading a letter is bounded. A PDF of drawings nested in drawings is
stopped by the reading process's memory or time limit, a FIFO or device is refused at once, a letter
with more text than any letter is refused before the slow work, and nothing holds the library's
lock while a file is read. Each test says what the user sees and shows the library unchanged.

The real limits (60 s and 1 GB per read) are lowered here so each test takes a few seconds; the
mechanism is the same. Documents just under each limit are read."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from hostile_docs import hand_pack, nested_chars, nested_pdf  # type: ignore[import-not-found]
from hostile_kit import files_beside, library, run  # type: ignore[import-not-found]

from reviewer.core.text.documents import MAX_PAGES, MAX_TEXT_CHARS, Extracted, text_sha
from reviewer.letters import importing, reading
from reviewer.store.repository import LibraryStore

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")
MB = 1024 * 1024


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The nested PDFs, built once: depth 30 never ends; 14 and 17 are read; 18 has too much text."""
    folder = tmp_path_factory.mktemp("nested")
    out = {}
    for depth in (14, 17, 18, 30):
        out[depth] = folder / f"nested{depth}.pdf"
        out[depth].write_bytes(nested_pdf(depth))
    return out


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def set_limits(seconds: float = 30.0, memory_mb: int = 1024) -> reading.Limits:
        lim = reading.Limits(seconds, memory_mb * MB)
        monkeypatch.setattr(reading, "LIMITS", lim)
        return lim

    return set_limits


def _letters(path: Path) -> int:
    store = LibraryStore(path)
    try:
        return len(store.library.letters)
    finally:
        store.close()


def test_nested_drawings_are_stopped_by_the_memory_limit(docs, limits, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: `add` of this 7 KB file ran past 120 s and 9 GB. Now the reading process runs out of
    the memory it may have, and the user is told so; the library is as it was."""
    limits(seconds=60, memory_mb=300)
    path = library(tmp_path, tags=1)
    before = files_beside(path)
    assert docs[30].stat().st_size < 8 * 1024
    started = time.monotonic()
    code, out, err = run(capsys, "add", "--db", str(path), str(docs[30]))
    assert code == 1 and out == ""
    assert "nested30.pdf needs more than 300 MB of memory to read and was stopped" in err
    assert "damaged, or made to exhaust a reader" in err and "unexpected" not in err
    assert time.monotonic() - started < 30
    assert files_beside(path) == before and _letters(path) == 1
    # just under the limit: a nested PDF that needs a fraction of it is read and added
    code, out, err = run(capsys, "add", "--db", str(path), str(docs[14]))
    assert code == 0 and "nested14  (nested14.pdf)  1 page" in out, err


def test_nested_drawings_are_stopped_by_the_time_limit(docs, limits, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    limits(seconds=1.5, memory_mb=2048)
    path = library(tmp_path, tags=0)
    before = files_beside(path)
    started = time.monotonic()
    code, _, err = run(capsys, "add", "--db", str(path), str(docs[30]))
    assert code == 1 and "nested30.pdf took longer than 1.5 seconds to read and was stopped" in err
    assert time.monotonic() - started < 15
    assert files_beside(path) == before
    code, out, _ = run(capsys, "add", "--db", str(path), str(docs[14]))  # read in well under the limit
    assert code == 0 and "nested14" in out


def test_a_pack_carrying_nested_drawings_is_refused_on_import(docs, limits, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: the pack verified OK and `pack import` hung. Verifying does not read letters (still
    OK); importing reads them within the limits, refuses the pack, and imports nothing."""
    limits(seconds=60, memory_mb=300)
    pack = hand_pack(tmp_path / "nested.zip", {"nested30.pdf": docs[30].read_bytes()})
    code, out, _ = run(capsys, "pack", "verify", str(pack))
    assert code == 0 and out.strip().endswith("OK")
    path = library(tmp_path / "lib", tags=2)
    before = files_beside(path)
    code, _, err = run(capsys, "pack", "import", "--db", str(path), str(pack))
    assert code == 1 and "the letter nested30 in the pack cannot be read" in err
    assert "needs more than 300 MB of memory" in err and "nothing was imported" in err
    assert files_beside(path) == before


def test_the_library_is_not_locked_while_a_file_is_read(docs, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`add` reads its files (and `tag` or `suggest` a letter named by its file) before it opens the
    library: while a file is read, another Reviewer can open the library."""
    path = library(tmp_path, tags=0)
    opened_while_reading: list[bool] = []
    real = importing.prepare_paths, importing.prepare_path

    def openable() -> bool:
        try:
            LibraryStore(path).close()
        except Exception:  # noqa: BLE001 - LibraryInUse: someone holds the lock
            return False
        return True

    def paths_watched(paths):  # type: ignore[no-untyped-def]
        opened_while_reading.append(openable())
        return real[0](paths)

    def path_watched(p):  # type: ignore[no-untyped-def]
        opened_while_reading.append(openable())
        return real[1](p)

    monkeypatch.setattr("reviewer.workspace.workspace.prepare_paths", paths_watched)
    monkeypatch.setattr("reviewer.cli.main.prepare_path", path_watched)
    code, _, err = run(capsys, "add", "--db", str(path), str(docs[14]))
    assert code == 0, err
    code, _, err = run(capsys, "suggest", "--db", str(path), str(docs[14]), "--top", "1")
    assert code == 0, err
    assert opened_while_reading == [True, True]


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_device_given_as_a_letter_is_refused_at_once(kind: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: `add` of a FIFO waited forever, holding the library's lock."""
    path = library(tmp_path / "lib", tags=1)
    before = files_beside(path)
    if kind == "fifo":
        target = tmp_path / "letter.pdf"
        os.mkfifo(target)
        what = "a pipe (FIFO)"
    else:
        target, what = Path("/dev/zero"), "a device"
    started = time.monotonic()
    for args in (["add", str(target)], ["tag", str(target), "--quote", "x", "--theme", "planning", "--severity", "strength"],
                 ["suggest", str(target)], ["codebook", "import", str(target)]):
        code, _, err = run(capsys, args[0], "--db", str(path), *args[1:]) if args[0] != "codebook" else \
            run(capsys, "codebook", "import", "--db", str(path), str(target))
        assert code == 1 and f"{target.name} is not a regular file ({what})" in err, (args, err)
    assert time.monotonic() - started < 10  # at once: nothing waited on the pipe
    assert files_beside(path) == before


def test_a_text_letter_just_under_the_text_limit_is_read_and_one_over_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: a 50 MB text letter took 95 s and 1.6 GB to add, 15 s and 3 GB to search."""
    line = "Leaders know their services well and children are seen.\n"
    text = (line * (MAX_TEXT_CHARS // len(line) + 1))[:MAX_TEXT_CHARS - 1] + "."
    under, over, huge = tmp_path / "under.txt", tmp_path / "over.txt", tmp_path / "huge.txt"
    under.write_text(text, encoding="utf-8")
    over.write_text(text + "!", encoding="utf-8")
    huge.write_bytes(b"a" * (4 * MAX_TEXT_CHARS + 8))  # refused from its size, never decoded
    path = library(tmp_path / "lib", tags=0)
    before = files_beside(path)
    for f, chars in ((over, "1,000,001"), (huge, "at least 1,000,002")):
        started = time.monotonic()
        code, _, err = run(capsys, "add", "--db", str(path), str(f))
        assert code == 1 and f"{f.name} has {chars} characters of text, more than a letter may have (1,000,000" in err
        assert time.monotonic() - started < 5  # refused before the typesetting
    assert files_beside(path) == before
    code, out, err = run(capsys, "add", "--db", str(path), str(under))
    assert code == 0 and "under  " in out, err


def test_a_pdf_with_too_much_text_or_too_many_pages_is_refused(docs, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import pymupdf

    assert nested_chars(17) < MAX_TEXT_CHARS < nested_chars(18)
    many = pymupdf.open()
    for _ in range(MAX_PAGES + 1):
        many.new_page(width=100, height=100)
    pages = tmp_path / "pages.pdf"
    pages.write_bytes(many.tobytes())
    path = library(tmp_path / "lib", tags=0)
    code, _, err = run(capsys, "add", "--db", str(path), str(docs[18]), str(pages))
    assert code == 1
    assert f"nested18.pdf has {nested_chars(18):,} characters of text, more than a letter may have" in err
    assert f"pages.pdf has {MAX_PAGES + 1:,} pages, more than a letter may have ({MAX_PAGES:,}" in err
    code, out, err = run(capsys, "add", "--db", str(path), str(docs[17]))  # just under: read
    assert code == 0 and "nested17" in out, err


def test_search_and_suggest_never_see_a_text_beyond_the_limit(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A library from before the limit (or a changed file) holding a letter whose text is too long:
    `suggest` refuses it with the reason, the search index leaves it out and says why."""
    path = library(tmp_path, tags=0)
    store = LibraryStore(path)
    letter = next(iter(store.library.letters.values()))
    long_text = "Drift and delay. " * (MAX_TEXT_CHARS // 17 + 10)
    store.save_text(letter.id, Extracted(long_text, [0], 1, letter.extractor))
    import dataclasses

    store.library.put_letter(dataclasses.replace(letter, text_sha=text_sha(long_text)))
    store.close()
    started = time.monotonic()
    code, _, err = run(capsys, "suggest", "--db", str(path), letter.id)
    assert code == 1 and "characters of text, more than a letter may have" in err
    assert time.monotonic() - started < 10
    from reviewer.workspace import Workspace
    from reviewer.workspace.search import build_index

    ws = Workspace(LibraryStore(path))
    try:
        unreadable: dict[str, str] = {}
        assert len(build_index(ws, unreadable=unreadable)) == 0  # never folded nor scanned
        assert "more than a letter may have" in unreadable[letter.id]
    finally:
        ws.close()
