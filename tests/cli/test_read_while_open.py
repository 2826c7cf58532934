"""The command line reads a library another program (the window) holds open: commands that only read it work,
from the library as last saved (its file and its journal), and change nothing on disk; commands that change it
are refused, saying who holds it and what to do. Each command runs as the auditor runs it (``python -m
reviewer`` in a process of its own) while another real process holds the library's lock."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.cli.main import main as cli

ROOT = Path(__file__).resolve().parents[2]
HOLDER = Path(__file__).with_name("library_holder.py")
LETTER = "thornbury_vale_2025_focused_visit.pdf"
FILED = "Too many plans are lists of services rather than actions"  # tagged, and folded into the library file
JOURNALLED = "Strategy meetings are held promptly"  # tagged by the holder: in the journal only

posix_only = pytest.mark.skipif(os.name != "posix", reason="the holder's lock is released by closing its stdin")


def run(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "reviewer", "--db", str(path), *args], capture_output=True,
                          text=True, timeout=180, env=env)


def on_disk(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file of the library (its file, journal, lock, letters folder and backups): content and time."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def held(tmp_path: Path, samples: Path, capsys) -> Iterator[tuple[Path, subprocess.Popen[str], str]]:  # type: ignore[no-untyped-def]
    """A library of one letter with one annotation in its file, held by another process (as the window holds it)
    that has tagged a second one, durable in the journal only: (library, holder, the holder's annotation id)."""
    path = tmp_path / "lib" / "library.json"
    assert cli(["add", str(samples / LETTER), "--db", str(path)]) == 0
    assert cli(["tag", "thornbury", "--quote", FILED, "--theme", "planning", "--severity", "improvement",
                "--author", "Ann", "--db", str(path)]) == 0
    capsys.readouterr()
    proc = subprocess.Popen([sys.executable, str(HOLDER), str(path), JOURNALLED], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdin is not None
    line = proc.stdout.readline().split()
    assert line[:1] == ["ready"], proc.stderr.read() if proc.stderr else line
    made = line[1]
    assert made.encode() not in path.read_bytes()  # the holder's annotation is in the journal only
    assert made.encode() in path.with_name("library.json.journal").read_bytes()
    try:
        yield path, proc, made
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


@posix_only
def test_commands_that_read_read_a_library_the_window_holds(held, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, holder, made = held
    before = on_disk(path.parent)
    assert "library.json.lock" in before
    out = tmp_path / "out"
    out.mkdir()

    done = run(path, "list", "--json")
    assert done.returncode == 0, done.stderr
    (letter,) = json.loads(done.stdout)
    assert letter["source"] == LETTER and letter["annotations"] == 2  # the journal's annotation counted
    note = done.stderr.strip().splitlines()
    assert len(note) == 1 and note[0].startswith("reviewer: note: the library is in use: ")
    assert f"the Reviewer window (process {holder.pid}" in note[0] and "as of its last save" in note[0]
    assert "Traceback" not in done.stderr

    done = run(path, "list")
    assert done.returncode == 0 and "Thornbury Vale" in done.stdout, done.stderr

    done = run(path, "annotations", "--format", "json")
    assert done.returncode == 0, done.stderr
    anns = {a["id"]: a for a in json.loads(done.stdout)}
    assert made in anns and anns[made]["note"] == "held in the journal" and anns[made]["author"] == "Bea"
    assert {FILED, JOURNALLED} <= {" ".join(a["quote"].split()) for a in anns.values()}

    for fmt in ("xlsx", "csv", "pdf"):
        done = run(path, "export", "-o", str(out / f"summary.{fmt}"))
        assert done.returncode == 0 and "2 annotations" in done.stdout, done.stderr
    from openpyxl import load_workbook  # read back by readers we did not write

    sheet = load_workbook(out / "summary.xlsx", read_only=True).worksheets[0]
    cells = " ".join(" ".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(values_only=True))
    assert FILED in " ".join(cells.split()) and JOURNALLED in cells and "held in the journal" in cells
    with open(out / "summary.csv", newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2 and any(JOURNALLED in " ".join(r.values()) for r in rows)
    import pypdf

    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(out / "summary.pdf").pages)
    assert "Strategy meetings" in text and "Too many plans" in text

    done = run(path, "pack", "export", "-o", str(out / "pack.zip"), "--auditor", "Ann")
    assert done.returncode == 0 and "2 annotations" in done.stdout, done.stderr
    with zipfile.ZipFile(out / "pack.zip") as z:
        rows = list(csv.DictReader(io.StringIO(z.read("annotations.csv").decode("utf-8-sig"))))
        marked = pypdf.PdfReader(io.BytesIO(z.read(next(n for n in z.namelist() if n.startswith("letters/")))))
    assert {"Ann", "Bea"} <= {r["auditor"] for r in rows} and any(JOURNALLED in r["quote"] for r in rows)
    highlights = [a.get_object() for p in marked.pages for a in (p.get("/Annots") or [])]
    assert sum(1 for a in highlights if a.get("/Subtype") == "/Highlight") == 2  # both, as real PDF highlights

    done = run(path, "search", "strategy meetings")
    assert done.returncode == 0 and "Strategy meetings" in done.stdout, done.stderr
    for args in (("themes",), ("action", "list"), ("suggest", "thornbury", "--top", "3"),
                 ("codebook", "export", "-o", str(out / "team.qdc"))):
        done = run(path, *args)
        assert done.returncode == 0 and "read only" in done.stderr and "Traceback" not in done.stderr, (args, done.stderr)

    assert on_disk(path.parent) == before  # library, journal, lock, letters, caches, backups: not a byte, not a touch
    assert holder.poll() is None  # and the window still holds it


@posix_only
def test_commands_that_change_the_library_are_refused_while_the_window_holds_it(held, samples: Path) -> None:  # type: ignore[no-untyped-def]
    path, holder, made = held
    before = on_disk(path.parent)
    for args in (("tag", "thornbury", "--quote", "Consent is sought", "--theme", "risk", "--severity", "strength"),
                 ("delete", made[:8]),
                 ("signoff", "--all", "--name", "Cat"),
                 ("add", str(samples / "eastmere_2024_monitoring_visit.txt")),
                 ("suggest", str(samples / "eastmere_2024_monitoring_visit.txt"))):  # (reading it would add it)
        done = run(path, *args)
        assert done.returncode != 0, (args, done.stdout)
        error = [x for x in done.stderr.splitlines() if x.startswith("reviewer: error:")]
        assert len(error) == 1 and "Traceback" not in done.stderr and "unexpected" not in done.stderr, done.stderr
        assert "is in use" in error[0] and f"the Reviewer window (process {holder.pid}" in error[0]
        assert "close it there (or wait until it is closed)" in error[0], error[0]
    assert on_disk(path.parent) == before


@posix_only
def test_a_damaged_library_read_while_held_is_said_plainly(held) -> None:  # type: ignore[no-untyped-def]
    path, _holder, _made = held
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])  # damaged under the window (a sync client, a bad disk)
    damaged = on_disk(path.parent)
    done = run(path, "list")
    assert done.returncode == 1 and "Traceback" not in done.stderr and "unexpected" not in done.stderr, done.stderr
    assert "damaged" in done.stderr and done.stderr.count("reviewer: error:") == 1
    assert on_disk(path.parent) == damaged  # never written over, nothing kept aside by a reader


@posix_only
def test_a_command_that_only_reads_never_writes_into_the_library_s_files(held) -> None:  # type: ignore[no-untyped-def]
    """`reviewer export -o library-letters/<id>.pdf` while the window held the library: "read only", it wrote the
    summary over the library's copy of the letter. Refused, saying why; not a byte of the library's files changes."""
    path, _holder, _made = held
    copy = next(path.with_name("library-letters").glob("*.pdf"))
    before = on_disk(path.parent)
    for args in (("export", "-o", str(copy)), ("pack", "export", "-o", str(copy.with_name("p.zip")))):
        done = run(path, *args)
        assert done.returncode == 1 and "library's own files" in done.stderr and "Traceback" not in done.stderr, done
    assert on_disk(path.parent) == before
