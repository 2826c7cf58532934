"""One writer per library: a lock file held with an operating-system lock.

The OS lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) is released by the system
when the holding process ends, however it ends, so a lock left by a crash or a kill is never in
the way: the next Reviewer simply takes it. The file itself says who holds it (user, machine,
process, since when), so a second copy of the app, the command line, or a colleague opening the
same library on a shared folder is told exactly who has it open.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import IO, Any

_LOCK_OFFSET = 1 << 20  # Windows locks a byte range: lock one far past the text so the holder stays readable


class LibraryLocked(Exception):
    """The library is open in another Reviewer; the message says who has it, ``holder`` who, in a phrase
    ("ann on this computer has it open in the Reviewer window (process 4242, since …)"), when the lock file says;
    ``held`` is false when no other program holds it but the lock could not be taken (no lock file can be made)."""

    def __init__(self, message: str, holder: str = "", held: bool = True) -> None:
        super().__init__(message)
        self.holder = holder
        self.held = held


def lock_path(library: Path) -> Path:
    return library.with_name(library.name + ".lock")


def _os_lock(fh: IO[bytes]) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows
        import msvcrt

        fh.seek(_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        fh.seek(0)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _os_unlock(fh: IO[bytes]) -> None:
    try:
        if os.name == "nt":  # pragma: no cover
            import msvcrt

            fh.seek(_LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass


def _holder_text(info: dict[str, Any]) -> str:
    if not info:  # (a holder that could not write who it is: a full disk)
        return "another program has it open"
    who = info.get("user") or "someone"
    host = info.get("host") or "another computer"
    since = str(info.get("since") or "")[:16].replace("T", " ")
    me = socket.gethostname()
    where = "on this computer" if host == me else f"on {host}"
    what = "the command line" if info.get("program") == "cli" else "the Reviewer window"
    return f"{who} {where} has it open in {what} (process {info.get('pid', '?')}" + (f", since {since} UTC)" if since else ")")


class LibraryLock:
    def __init__(self, library: Path, program: str = "app") -> None:
        self.path = lock_path(library)
        self.library = library
        self.program = program
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        for _attempt in range(20):
            fh = self._open_and_lock()
            if _still_the_lock_file(fh, self.path):
                break
            fh.close()  # the holder let go and removed the file between our opening and our locking it: a lock on
            # a file nobody else will open again, while the next program takes a new one beside it. Take that one
        else:
            raise LibraryLocked(f"the library {self.library} is being opened and closed by another program: "
                                "try again in a moment")
        info = {"pid": os.getpid(), "host": socket.gethostname(), "user": _user(), "program": self.program,
                "since": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        try:  # who holds it, for the message another program gives; the lock itself is the OS's
            fh.seek(0)
            fh.truncate()
            os.write(fh.fileno(), json.dumps(info).encode("utf-8"))  # (unbuffered: nothing left to flush later)
        except OSError:
            pass  # (a full disk: the library opens, and its first write says what could not be saved)
        self._fh = fh

    def _open_and_lock(self) -> IO[bytes]:
        try:
            fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the life of the lock
        except OSError as exc:
            raise LibraryLocked(f"cannot create the lock file {self.path}: {exc.strerror or exc}", held=False) from None
        try:
            _os_lock(fh)
        except OSError:
            fh.seek(0)
            try:
                info = json.loads(fh.read(4096).decode("utf-8") or "{}")
            except (ValueError, UnicodeDecodeError, RecursionError):  # (words nested past json's depth)
                info = {}
            fh.close()
            holder = _holder_text(info if isinstance(info, dict) else {})
            todo = ("wait for that command to finish" if isinstance(info, dict) and info.get("program") == "cli"
                    else "close it there (or wait until it is closed)")
            raise LibraryLocked(
                f"the library {self.library} is in use: {holder}. To change it here, {todo} and try again; "
                "two copies writing one library would overwrite each other's work", holder
            ) from None
        return fh

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        for step in (partial(_os_unlock, fh), fh.close, self.path.unlink):
            try:
                step()
            except OSError:
                pass  # (a full disk or a file gone: the system lets the lock go with the file handle)

    @property
    def held(self) -> bool:
        return self._fh is not None


def _still_the_lock_file(fh: IO[bytes], path: Path) -> bool:
    """Whether the file ``fh`` holds is still the one at ``path`` (POSIX lets a holder's release remove a
    file another program has open; Windows refuses to remove an open file, so there it always is)."""
    if os.name == "nt":  # pragma: no cover
        return True
    try:
        here, there = os.fstat(fh.fileno()), os.stat(path)
    except OSError:
        return False  # (removed already)
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some service accounts
        return "someone"
