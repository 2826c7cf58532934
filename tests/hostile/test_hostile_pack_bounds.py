"""Issue 14, items 12, 16 and 17 and the minor ones: a pack's zip is bounded (members, sizes, ratios)
before anything is inflated, and verifying it never holds more than the records and the original
letters; deeply nested records are refused in words; only an integer format version is read; and
the letters a pack shows a manager carry no scripts, actions or attachments while the originals
stay as they were, named as originals."""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pymupdf
import pytest

from hostile_docs import PAYLOAD, dangers_in, deep_json, hand_pack, hostile_pdf  # type: ignore[import-not-found]
from hostile_kit import THORNBURY, files_beside, library, run  # type: ignore[import-not-found]

from reviewer.export import pack_read
from reviewer.export.pack_read import MAX_JSON_DEPTH, MAX_MEMBERS, RATIO_FLOOR, PackError, read_pack, verify

LETTER = THORNBURY.read_bytes()


def _zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as z:
        for n, b in members.items():
            z.writestr(n, b)
    return path


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_a_fifo_given_as_a_pack_is_refused_at_once(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: opening it waited for a writer, forever."""
    fifo = tmp_path / "pack.zip"
    os.mkfifo(fifo)
    started = time.monotonic()
    code, out, _ = run(capsys, "pack", "verify", str(fifo))
    assert code == 1 and "pack.zip is not a regular file (a pipe (FIFO)): it cannot be an audit pack" in out
    assert time.monotonic() - started < 3


def test_many_megabyte_members_that_inflate_are_refused_before_reading(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: 2,040 members of 1 MiB (4.3 MB zipped) verified at 2.15 GB: the ratio check only
    applied above 1 MB. Now each member over 64 KB, and the pack as a whole, is held to 200:1."""
    bomb = _zip(tmp_path / "bomb.zip", {"manifest.json": b"{}", **{f"m/{i}": bytes(2**20) for i in range(40)}})
    assert bomb.stat().st_size < 100_000
    tracemalloc.start()
    code, out, _ = run(capsys, "pack", "verify", str(bomb))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1 and "inflates 1" in out and "times its packed size: refused as a zip bomb" in out
    assert peak < 2**20  # refused from the zip's directory: nothing inflated
    small = _zip(tmp_path / "small.zip", {"manifest.json": b"{}", **{f"m/{i}": bytes(RATIO_FLOOR) for i in range(400)}})
    code, out, _ = run(capsys, "pack", "verify", str(small))  # each member small enough, the whole a bomb
    assert code == 1 and "times its size: refused as a zip bomb" in out


def test_a_member_just_under_the_ratio_floor_passes_and_one_over_is_refused(tmp_path: Path) -> None:
    ok = hand_pack(tmp_path / "ok.zip", {"t.pdf": LETTER}, extra={"notes.bin": bytes(RATIO_FLOOR)})
    assert verify(ok)[0]["format_version"] == 2
    over = hand_pack(tmp_path / "over.zip", {"t.pdf": LETTER}, extra={"notes.bin": bytes(RATIO_FLOOR + 1)})
    with pytest.raises(PackError, match="'notes.bin' inflates .* times its packed size: refused as a zip bomb"):
        verify(over)


def test_member_count_just_under_and_over(tmp_path: Path) -> None:
    over = _zip(tmp_path / "over.zip", {f"m/{i}": b"" for i in range(MAX_MEMBERS + 1)}, zipfile.ZIP_STORED)
    started = time.monotonic()
    with pytest.raises(PackError, match=f"has {MAX_MEMBERS + 1:,} members, more than a pack can have"):
        verify(over)
    assert time.monotonic() - started < 3
    extra = {f"m/{i}": b"" for i in range(MAX_MEMBERS - 3)}  # with the manifest, the records and one letter
    under = hand_pack(tmp_path / "under.zip", {"t.pdf": LETTER}, extra=extra)
    assert len(read_pack(under).letters) == 1


def test_verify_streams_what_it_does_not_keep(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Members are hashed as they stream by: verifying 24 MB of other members holds about one."""
    extra = {f"big/{i}.bin": os.urandom(2**20) for i in range(24)}
    pack = hand_pack(tmp_path / "big.zip", {"t.pdf": LETTER}, extra=extra)
    tracemalloc.start()
    manifest, kept = verify(pack)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert set(kept) == {"data/pack.json", f"data/originals/{hashlib.sha256(LETTER).hexdigest()}.pdf"}
    assert peak < 6 * 2**20, peak
    monkeypatch.setattr(pack_read, "MAX_TOTAL_BYTES", 24 * 2**20 + len(LETTER) + 4096)  # just under: read
    verify(pack)
    monkeypatch.setattr(pack_read, "MAX_TOTAL_BYTES", 24 * 2**20)  # just over: refused before reading
    with pytest.raises(PackError, match="would inflate to 2[45] MB in all, beyond the 24 MB a pack may have"):
        verify(pack)
    monkeypatch.setattr(pack_read, "MAX_RECORDS_BYTES", 100)
    with pytest.raises(PackError, match="'data/pack.json' would inflate to .* beyond the 0 KB it may have"):
        verify(pack)


def test_deeply_nested_records_are_refused_in_words(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: "unexpected RecursionError"."""
    path = library(tmp_path / "lib", tags=1)
    before = files_beside(path)
    cases = {
        "records.zip": hand_pack(tmp_path / "records.zip", {"t.pdf": LETTER}, records=deep_json(100_000),
                                 method=zipfile.ZIP_STORED),  # stored: no ratio to give it away
        "nested.zip": hand_pack(tmp_path / "nested.zip", {"t.pdf": LETTER},
                                manifest={"note": json.loads(deep_json(MAX_JSON_DEPTH))}),
    }
    for name, pack in cases.items():
        for args in (["pack", "verify", str(pack)], ["pack", "import", "--db", str(path), str(pack)]):
            code, out, err = run(capsys, *args)
            said = out + err
            assert code == 1 and f"nests its values more than {MAX_JSON_DEPTH} deep" in said, (name, said)
            assert "unexpected" not in said and "RecursionError" not in said
    assert files_beside(path) == before
    under = hand_pack(tmp_path / "under.zip", {"t.pdf": LETTER}, manifest={"note": json.loads(deep_json(MAX_JSON_DEPTH - 1))})
    code, out, _ = run(capsys, "pack", "verify", str(under))
    assert code == 0 and out.strip().endswith("OK")


@pytest.mark.parametrize("version", [True, 1.0, "1", 2.0, None])
def test_only_an_integer_format_version_is_read(version: object, tmp_path: Path) -> None:
    """Before: true and 1.0 were taken for version 1."""
    pack = hand_pack(tmp_path / "v.zip", {"t.pdf": LETTER}, manifest={"format_version": version})
    with pytest.raises(PackError, match=f"has an unknown pack format version {version!r}"):
        read_pack(pack)


def test_version_1_packs_are_still_read_and_newer_ones_ask_for_an_update(tmp_path: Path) -> None:
    old = hand_pack(tmp_path / "v1.zip", {"t.pdf": LETTER}, version=1)  # originals in data/letters/
    assert read_pack(old).originals == {hashlib.sha256(LETTER).hexdigest(): LETTER}
    newer = hand_pack(tmp_path / "v3.zip", {"t.pdf": LETTER}, manifest={"format_version": 3})
    with pytest.raises(PackError, match="uses pack format version 3; this Reviewer reads versions up to 2 — update"):
        read_pack(newer)


def test_the_letters_a_pack_shows_carry_no_scripts_actions_or_attachments(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: the JavaScript open action, the Launch action and the embedded executable travelled
    in letters/*.pdf, data/ and project.qdpx, and the highlighted copy opened the attachments pane."""
    original = hostile_pdf()
    assert len(dangers_in(original)) > 10
    letter = tmp_path / "hostile.pdf"
    letter.write_bytes(original)
    path = tmp_path / "lib" / "lib.json"
    code, _, err = run(capsys, "add", "--db", str(path), str(letter))
    assert code == 0, err
    code, _, err = run(capsys, "tag", "--db", str(path), "hostile", "--quote", "Too many plans are lists",
                       "--theme", "planning", "--severity", "improvement", "--author", "Ann")
    assert code == 0, err
    out = tmp_path / "pack.zip"
    code, _, err = run(capsys, "pack", "export", "--db", str(path), "-o", str(out), "--auditor", "Ann")
    assert code == 0, err
    pack = zipfile.ZipFile(out)
    shown = pack.read("letters/hostile.pdf")
    qdpx = zipfile.ZipFile(io.BytesIO(pack.read("project.qdpx")))
    sources = [qdpx.read(n) for n in qdpx.namelist() if n.endswith(".pdf")]
    for copy in [shown, *sources]:
        assert dangers_in(copy) == []
        assert PAYLOAD not in copy
        doc = pymupdf.open("pdf", copy)
        assert "Too many plans are lists" in doc[0].get_text()
        assert [link.get("uri") for link in doc[0].get_links()] == ["https://www.gov.uk/"]  # a web link stays
    page = pymupdf.open("pdf", shown)[0]
    highlights = [(a.type[1], a.info["content"]) for a in page.annots()]
    assert len(highlights) == 1 and highlights[0][0] == "Highlight" and "Area for improvement" in highlights[0][1]
    lid = hashlib.sha256(original).hexdigest()
    assert pack.read(f"data/originals/{lid}.pdf") == original  # the original as it was, named as such
    assert not any(n.startswith("data/letters/") for n in pack.namelist())
    code, out_text, _ = run(capsys, "pack", "verify", str(out))
    assert code == 0 and out_text.strip().endswith("OK")
