"""The one way Reviewer reads a file someone handed it (a letter, a codebook, a pack): only a
regular file, never more than a set size, and never by waiting on something that is not a file.

Opening a FIFO for reading waits for a writer forever, and a device can be read without end, so
the file is opened without blocking and looked at (``fstat`` of what was opened, not of the
name, which could be swapped in between) before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


class FileRefused(Exception):
    """A file that is not read: not a regular file, too large, or unreadable; the message is for
    the user and names the file."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"


def open_regular(path: Path | str, max_bytes: int | None = None, what: str = "a file") -> BinaryIO:
    """``path`` opened for reading, once it is known to be a regular file of at most ``max_bytes``."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise FileRefused(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):  # a folder handed over as one that could not be looked into (``Workspace.files_in``)
        try:
            os.scandir(path).close()
        except OSError as exc:
            raise FileRefused(f"the folder {path.name} cannot be opened ({exc.strerror or exc}): "
                              "nothing in it was read") from None
    if not stat.S_ISREG(mode):  # said before opening: opening a FIFO would wait for a writer
        raise FileRefused(f"{path.name} is not a regular file ({_kind(mode)}): it cannot be {what}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileRefused(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)  # what was opened, in case the name was swapped since
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(f"{path.name} is not a regular file ({_kind(st.st_mode)}): it cannot be {what}")
        if max_bytes is not None and st.st_size > max_bytes:
            raise FileRefused(f"{path.name} is {_size(st.st_size)}: too large for {what} "
                              f"(at most {_size(max_bytes)})")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path | str, max_bytes: int | None = None, what: str = "a file") -> bytes:
    """The bytes of ``path``, a regular file of at most ``max_bytes`` (a file that grows while it is
    read is refused rather than read without end)."""
    with open_regular(path, max_bytes, what) as fh:
        try:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
        except OSError as exc:
            raise FileRefused(f"{Path(path).name} cannot be read: {exc.strerror or exc}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise FileRefused(f"{Path(path).name} grew beyond {_size(max_bytes)} while it was read: too large for {what}")
    return data


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"
