"""The one way Reviewer writes a file (core.atomic.write_atomic): what the written file is like, and what a
failure says. An attack found exports written owner-only whatever the umask (a pack left in a shared folder
could not be read by the manager), a link replaced by a plain file, and errors naming the hidden temporary
file beside the target."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reviewer.core.atomic import write_atomic
from reviewer.workspace import reason

posix = pytest.mark.skipif(os.name != "posix", reason="permissions and links as POSIX has them")


@posix
def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    write_atomic(tmp_path / "pack.zip", b"one")
    assert stat.S_IMODE((tmp_path / "pack.zip").stat().st_mode) == 0o666 & ~mask
    os.chmod(tmp_path / "pack.zip", 0o640)
    write_atomic(tmp_path / "pack.zip", b"two")
    assert stat.S_IMODE((tmp_path / "pack.zip").stat().st_mode) == 0o640
    assert (tmp_path / "pack.zip").read_bytes() == b"two"


@posix
def test_a_link_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "summary.pdf").write_bytes(b"old")
    (tmp_path / "summary.pdf").symlink_to(tmp_path / "shared" / "summary.pdf")
    write_atomic(tmp_path / "summary.pdf", b"new")
    assert (tmp_path / "summary.pdf").is_symlink() and (tmp_path / "shared" / "summary.pdf").read_bytes() == b"new"


def test_a_failure_names_the_file_being_written_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    (tmp_path / "summary.pdf").mkdir()
    with pytest.raises(OSError) as caught:
        write_atomic(tmp_path / "summary.pdf", b"x")
    assert caught.value.filename == str(tmp_path / "summary.pdf") and ".part" not in str(caught.value)
    assert reason(caught.value) in ("Is a directory", "Access is denied")  # as the system says it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]
