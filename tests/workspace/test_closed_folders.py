"""A folder handed to Reviewer that cannot be looked into (no permission) is said, never passed over in silence: the
window had said "No PDF or text letters were found there" of a dropped folder its user could not read, and imported a
folder's other letters without a word of a subfolder it could not open (found by an attack run as a user without
permission; the tests here, run as root, have the folder refuse its listing instead)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from reviewer.core.files import FileRefused, read_regular
from reviewer.workspace import Workspace

SAMPLE = Path(__file__).resolve().parents[2] / "sample_docs" / "eastmere_2024_monitoring_visit.pdf"


@pytest.fixture
def closed(monkeypatch):  # type: ignore[no-untyped-def]
    """``closed(folder)``: that folder's listing is refused, as for a user without permission."""
    refused: set[str] = set()
    real = os.scandir

    def scandir(path=".", *a, **k):  # type: ignore[no-untyped-def]
        if os.fspath(path) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path, *a, **k)

    monkeypatch.setattr(os, "scandir", scandir)
    return lambda folder: refused.add(os.fspath(folder))


def test_a_subfolder_that_cannot_be_opened_is_listed_with_the_letters(tmp_path: Path, closed) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(SAMPLE, tmp_path / "a.pdf")
    (tmp_path / "shut").mkdir()
    shutil.copy(SAMPLE, tmp_path / "shut" / "b.pdf")
    closed(tmp_path / "shut")
    assert Workspace.files_in([tmp_path]) == [tmp_path / "a.pdf", tmp_path / "shut"]


def test_a_folder_that_cannot_be_opened_is_said_so_when_it_is_read(tmp_path: Path, closed) -> None:  # type: ignore[no-untyped-def]
    """(The letter is read in a reading process, as this user: here the reading's own words, in this process.)"""
    (tmp_path / "shut").mkdir()
    closed(tmp_path / "shut")
    found = Workspace.files_in([tmp_path / "shut"])
    assert found == [tmp_path / "shut"]  # (not nothing: "no letters were found there")
    with pytest.raises(FileRefused) as refused:
        read_regular(found[0], what="a letter")
    assert str(refused.value) == "the folder shut cannot be opened (Permission denied): nothing in it was read"
    (tmp_path / "open").mkdir()  # a folder that can be opened is still no letter
    with pytest.raises(FileRefused, match=r"^open is not a regular file \(a folder\): it cannot be a letter$"):
        read_regular(tmp_path / "open", what="a letter")
