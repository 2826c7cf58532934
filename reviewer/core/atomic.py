"""The one way Reviewer writes a file: so that a crash leaves either the old file or the new one,
never half of either, and the new one survives a power cut once this returns.

Used by the store (the library, its letters, backups, caches) and by every export alike.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()  # (read once: setting it to read it is not something to do while files are being written)


def write_atomic(path: Path | str, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write ``data`` (the bytes, or a function that writes them to the open file, such as a zip
    being built) to a temporary file beside ``path``, fsync it, replace ``path`` and fsync the folder.
    The file gets the permissions the file it replaces had, else those any new file gets (not the
    temporary file's owner-only ones: a pack left in a shared folder is for others to read); a link is
    written through, to the file it names. A failure names ``path``, never the temporary file."""
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_UMASK
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _about(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _about(exc, path) from None
        raise
    fsync_folder(path.parent)


def _about(exc: OSError, path: Path) -> OSError:
    """``exc`` said of ``path`` (the file being written), not of the temporary file beside it."""
    if exc.strerror is None:
        return exc  # (raised by the caller's own writer: as it is)
    return type(exc)(exc.errno, exc.strerror, str(path))


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where the system has no such call)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
