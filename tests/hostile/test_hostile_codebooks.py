"""Issue 14, items 11 and 16 and the minor ones: a .qdc with too many codes, nested too deep, in
UTF-16, or with a DOCTYPE past the first 4 KB is refused by our own checks with a clear message and
changes nothing; one just under each bound is imported, its codes named in linear time."""

from __future__ import annotations

import time
from pathlib import Path

from hostile_docs import nested_codes, qdc  # type: ignore[import-not-found]
from hostile_kit import files_beside, library, run  # type: ignore[import-not-found]

from reviewer.core.annotations.codebook import default_themes, slug_for
from reviewer.export.refiqda import MAX_CODES, MAX_XML_DEPTH, themes_from_qdc, read_qdc
from reviewer.store.repository import LibraryStore


def _themes(path: Path) -> int:
    store = LibraryStore(path)
    try:
        return len(store.library.themes)
    finally:
        store.close()


def test_a_codebook_of_100000_codes_is_refused_at_once(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: 92 s of quadratic naming, and 100,036 themes in the library."""
    path = library(tmp_path / "lib", tags=1)
    before, themes = files_beside(path), _themes(path)
    for n in (100_000, MAX_CODES + 1):
        f = tmp_path / f"codes{n}.qdc"
        f.write_bytes(qdc(n))
        started = time.monotonic()
        code, _, err = run(capsys, "codebook", "import", "--db", str(path), str(f))
        assert code == 1 and f"codes{n}.qdc: the codebook file has more than 5,000 codes" in err, err
        assert time.monotonic() - started < 3
    assert files_beside(path) == before and _themes(path) == themes


def test_a_codebook_of_5000_codes_of_one_name_is_imported_in_linear_time(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = library(tmp_path / "lib", tags=0)
    themes = _themes(path)
    f = tmp_path / "codes.qdc"
    f.write_bytes(qdc(MAX_CODES))
    started = time.monotonic()
    code, out, err = run(capsys, "codebook", "import", "--db", str(path), str(f))
    assert code == 0 and f"{MAX_CODES} codes read; {MAX_CODES} themes added or updated" in out, err
    assert time.monotonic() - started < 8
    assert _themes(path) == themes + MAX_CODES


def test_naming_many_themes_of_one_name_looks_each_number_up_once() -> None:
    class Counting(set):  # type: ignore[type-arg]
        looks = 0

        def __contains__(self, item: object) -> bool:
            Counting.looks += 1
            return super().__contains__(item)

    codes = read_qdc(qdc(2000))
    taken = Counting(t.id for t in default_themes())
    from reviewer.core.annotations import codebook

    counters: dict[str, int] = {}
    ids = []
    for c in codes:
        ids.append(slug_for(c.name, taken, counters))
        taken.add(ids[-1])
    assert ids[:3] == ["same", "same-2", "same-3"] and len(set(ids)) == 2000
    assert Counting.looks < 3 * 2000  # linear: before, every code tried every number taken so far
    assert len(themes_from_qdc(codes, default_themes())) == 2000
    assert codebook.slug_for("Same", {"same"}) == "same-2"  # one name alone, as the theme dialog asks


def test_a_codebook_nested_too_deep_is_refused_and_one_just_under_is_read(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: "unexpected RecursionError" (the window's codebook import did not catch it)."""
    path = library(tmp_path / "lib", tags=0)
    before = files_beside(path)
    for depth in (100_000, MAX_XML_DEPTH - 1):  # the codes sit two levels below the root
        f = tmp_path / f"deep{depth}.qdc"
        f.write_bytes(nested_codes(depth))
        code, _, err = run(capsys, "codebook", "import", "--db", str(path), str(f))
        assert code == 1 and f"nests its elements more than {MAX_XML_DEPTH} deep" in err and "unexpected" not in err
    assert files_beside(path) == before
    f = tmp_path / "under.qdc"
    f.write_bytes(nested_codes(MAX_XML_DEPTH - 2))
    code, out, err = run(capsys, "codebook", "import", "--db", str(path), str(f))
    assert code == 0 and f"{MAX_XML_DEPTH - 2} codes read" in out, err


def test_utf16_and_late_doctype_codebooks_are_refused_by_our_own_check(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: a UTF-16 .qdc passed our DOCTYPE check (only the XML parser stopped it), and a DOCTYPE
    after the first 4 KB passed it too. Our check now reads the declarations as the parser does,
    in any encoding and anywhere in the file."""
    path = library(tmp_path / "lib", tags=0)
    before = files_beside(path)
    evil = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
    cases = {
        "utf16.qdc": qdc(3).decode("utf-8").replace("utf-8", "utf-16").replace("?>", "?>" + evil).encode("utf-16"),
        "late.qdc": qdc(3).replace(b"<Codes>", b"<Codes>" + b" " * 5000).replace(b"?>", b"?>" + b" " * 5000 + evil.encode()),
    }
    for name, data in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        code, _, err = run(capsys, "codebook", "import", "--db", str(path), str(f))
        assert code == 1 and f"{name}: the codebook file declares a DOCTYPE or entities" in err, (name, err)
    assert files_beside(path) == before
