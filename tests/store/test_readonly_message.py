"""A library its reader may not open is said to be unreadable once: a user without permission on lib.json read 'the
library … cannot be read: lib.json cannot be read: Permission denied' (an attack, stop 53)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from reviewer.store.readonly import read_library_readonly
from reviewer.store.repository import LibraryError


def test_a_library_that_may_not_be_opened_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.core import files

    path = tmp_path / "lib.json"
    path.write_text("{}", encoding="utf-8")

    def refused(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "open", refused)  # (as root, permissions are not enforced: refused as for a user)
    with pytest.raises(LibraryError) as caught:
        read_library_readonly(path)
    assert str(caught.value) == f"the library {path} cannot be read: Permission denied"
