"""What the library keeps beside it (its letters' copies, their texts and caches) is read only where it is a
file: a pipe put there under one of their names hung `reviewer suggest`, `search` and `export` for ever, each
waiting for a writer that never came."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_kit import ROOT, library  # type: ignore[import-not-found]

from reviewer.store.repository import LibraryStore

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def _cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = "import sys; sys.path.insert(0, sys.argv[1]); from reviewer.cli.main import main; sys.exit(main(sys.argv[2:]))"
    return subprocess.run([sys.executable, "-c", script, str(ROOT), *args, "--db", str(path)],
                          capture_output=True, text=True, timeout=60)


def _piped(path: Path, suffix: str) -> str:
    store = LibraryStore(path)
    letter = next(iter(store.library.letters.values()))
    store.close()
    kept = path.with_name(f"{path.stem}-letters") / f"{letter.id}{suffix}"
    kept.unlink(missing_ok=True)
    os.mkfifo(kept)
    return letter.id


@pytest.mark.parametrize("suffix", [".text.json", ".fold", ".layout"])
def test_a_pipe_for_a_text_or_a_cache_is_passed_over(suffix: str, tmp_path: Path) -> None:
    path = library(tmp_path, tags=1)
    letter = _piped(path, suffix)
    for args in (["suggest", letter[:12], "--top", "1"], ["search", "drift"], ["export", "-o", str(tmp_path / "s.md")]):
        done = _cli(path, *args)
        assert done.returncode == 0, (args, done.stderr)


def test_a_pipe_for_a_letters_copy_is_said_in_one_line(tmp_path: Path) -> None:
    path = library(tmp_path, tags=1)
    letter = _piped(path, ".pdf")
    done = _cli(path, "suggest", letter[:12])
    assert done.returncode == 1 and "is not a regular file (a pipe (FIFO))" in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("suffix", [".text.json", ".layout"])
def test_a_text_or_layout_nested_past_json_depth_is_passed_over(suffix: str, tmp_path: Path) -> None:
    """A letter's kept text or layout whose JSON nests 100,000 lists deep raised RecursionError (no ValueError)
    out of reading it: 'reviewer suggest' and 'export' ended in a traceback. It is read again from the copy."""
    path = library(tmp_path, tags=1)
    store = LibraryStore(path)
    letter = next(iter(store.library.letters.values()))
    store.close()
    kept = path.with_name(f"{path.stem}-letters") / f"{letter.id}{suffix}"
    deep = b"[" * 100_000 + b"]" * 100_000
    kept.write_bytes(deep if suffix == ".text.json" else b"RVLAYOUT2\n" + len(deep).to_bytes(4, "little") + deep)
    for args in (["suggest", letter.id[:12], "--top", "1"], ["export", "-o", str(tmp_path / "s.pdf"), "--format", "pdf"]):
        done = _cli(path, *args)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr[-600:])
