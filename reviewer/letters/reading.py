"""Reading a document where it can be stopped: in a reading process with a time and a memory limit.

A small PDF can make MuPDF work for minutes and take gigabytes (form XObjects that draw each other,
nested twenty deep, multiply one line of text a million times), and nothing inside PyMuPDF can be
interrupted. So every letter file is read (its text extracted, its details read) in a process of
its own ("spawn", like the export processes; the command line may fork, below), which is given:

- a memory limit, set in the reading process itself before it reads anything: on POSIX
  ``RLIMIT_AS`` (the address space, so MuPDF's allocations fail and it says so); on Windows a job
  object with a per-process memory limit, which does the same. (macOS does not enforce
  ``RLIMIT_AS``: there the time limit alone stops a runaway read.)
- a time limit, kept by the caller: a read that has not answered in time is killed (``kill`` works
  the same on every system).

Either way the caller gets a ``DocumentError`` naming the file and saying why; nothing it holds is
touched. A reading process is kept and reused for the next read (starting one costs about half a
second); one that was stopped is replaced. Where processes cannot be started at all (a locked-down
laptop, ``REVIEWER_NO_PROCESSES``), documents are read here, as before, without these limits.

The command line, a process of one thread, reads its files ``forking_while_alone()``: on Linux its
reading processes are then forked, not spawned, if no other thread runs and Qt is not loaded (so
never once the library's writer thread has started, never in the window): a fork
is ready at once, with PyMuPDF and the reading code already loaded, where a spawned process starts
Python and imports them again (about 0.2 s of a core each). A forked reader closes the other
readers' ends of their pipes it inherited, so each still sees its caller go.

Real letters and reports read in well under a second and under 150 MB (the 243 reports of the
corpus: at most 0.35 s and 102 MB of address space, the largest 55 pages); the limits leave a wide
margin over that, and over the largest text letter accepted (1,000,000 characters: 3.5 s, 140 MB).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.util
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from reviewer.core.text.documents import DocumentError


@dataclass(frozen=True)
class Limits:
    seconds: float = 60.0  # for one document; the corpus's slowest takes 0.35 s
    memory: int = 1024 * 1024 * 1024  # bytes of address space for the whole reading process

    def describe(self) -> str:
        return f"{self.seconds:g} seconds and {self.memory // 2**20} MB"


LIMITS = Limits()  # what every read gets unless told otherwise (tests lower it)
STARTUP_SECONDS = 60.0  # a reading process must be ready within this (it imports PyMuPDF)
KEEP_IDLE = 1  # reading processes kept for the next read

_HOSTILE = "it is damaged, or made to exhaust a reader (drawings nested in drawings, say)"
_IN_READER = False  # true inside a reading process: what it is asked to read, it reads itself
_MEMORY = re.compile(r"\b(?:m|c|re)alloc\b.*\bfailed\b|out of memory|cannot allocate|MemoryError", re.I)


# ---------------------------------------------------------------- inside the reading process
def _limit_memory(nbytes: int) -> None:
    if os.name == "nt":
        _windows_job_limit(nbytes)
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = nbytes if hard == resource.RLIM_INFINITY else min(nbytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass  # not enforceable here: the time limit still holds


_JOB: object = None  # the Windows job object's handle, kept open for the life of the process


def _windows_job_limit(nbytes: int) -> None:
    """Put this process in a job object whose per-process memory limit is ``nbytes`` (Windows 8 and
    later allow a process already in a job to join another)."""
    global _JOB
    try:
        import ctypes
        from ctypes import wintypes

        class BASIC(ctypes.Structure):
            _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                        ("LimitFlags", wintypes.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
                        ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", wintypes.DWORD),
                        ("Affinity", ctypes.c_size_t), ("PriorityClass", wintypes.DWORD),
                        ("SchedulingClass", wintypes.DWORD)]

        class IO(ctypes.Structure):
            _fields_ = [(n, ctypes.c_uint64) for n in ("ReadOps", "WriteOps", "OtherOps", "ReadBytes",
                                                        "WriteBytes", "OtherBytes")]

        class EXTENDED(ctypes.Structure):
            _fields_ = [("BasicLimitInformation", BASIC), ("IoInfo", IO), ("ProcessMemoryLimit", ctypes.c_size_t),
                        ("JobMemoryLimit", ctypes.c_size_t), ("PeakProcessMemoryUsed", ctypes.c_size_t),
                        ("PeakJobMemoryUsed", ctypes.c_size_t)]

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        kernel32.CreateJobObjectW.restype = wintypes.HANDLE
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return
        info = EXTENDED()
        info.BasicLimitInformation.LimitFlags = 0x00000100  # JOB_OBJECT_LIMIT_PROCESS_MEMORY
        info.ProcessMemoryLimit = nbytes
        job_extended_limit_information = 9
        if kernel32.SetInformationJobObject(wintypes.HANDLE(job), job_extended_limit_information,
                                            ctypes.byref(info), ctypes.sizeof(info)):
            if kernel32.AssignProcessToJobObject(wintypes.HANDLE(job), wintypes.HANDLE(kernel32.GetCurrentProcess())):
                _JOB = job
    except Exception:  # noqa: BLE001 - not enforceable here: the time limit still holds
        pass


def _serve(conn: Connection, memory: int) -> None:
    """A reading process: read what it is sent, one at a time, and answer each."""
    global _IN_READER
    _IN_READER = True
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the caller's: it stops this process
    _limit_memory(memory)
    import pymupdf  # noqa: F401 - PyMuPDF loaded before the first read is timed

    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, arg = job
        try:
            answer = ("ok", fn(arg))
        except BaseException as exc:  # noqa: BLE001 - every failure is answered, in words
            answer = ("error", _portable(exc, memory))
        try:
            conn.send(answer)
        except MemoryError:
            conn.send(("error", ("memory", "")))
        except Exception as exc:  # noqa: BLE001 - an answer that cannot be sent back
            conn.send(("error", ("other", f"{type(exc).__name__}: {exc}")))


def _out_of_memory(exc: BaseException, memory: int) -> bool:
    """Whether ``exc`` came of the memory limit: a MemoryError or MuPDF's failed allocation anywhere
    in its chain, or this process's address space having reached the limit (Linux says how much)."""
    seen: BaseException | None = exc
    for _ in range(20):
        if seen is None:
            break
        if isinstance(seen, MemoryError) or _MEMORY.search(str(seen)):
            return True
        seen = seen.__cause__ or seen.__context__
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            peak = next((int(line.split()[1]) * 1024 for line in fh if line.startswith("VmPeak:")), 0)
        return peak > 0.9 * memory
    except (OSError, ValueError, IndexError):
        return False


def _portable(exc: BaseException, memory: int) -> tuple[str, Any]:
    """What the caller needs to raise the failure again: the exception itself where it can travel,
    or what kind of failure it was."""
    if _out_of_memory(exc, memory):
        return ("memory", str(exc))
    if isinstance(exc, DocumentError):
        return ("exception", exc)
    return ("other", f"{type(exc).__name__}: {exc}")


# ---------------------------------------------------------------- the caller's side
class _Unavailable(Exception):
    """Reading processes cannot be started here: read in this process instead."""


_processes_fail = False
_fork_allowed = False


@contextlib.contextmanager
def forking_while_alone() -> Iterator[None]:
    """Within this, start reading processes by fork on Linux whenever this process runs no other
    thread and has no Qt loaded (the command line's choice, around its reading; the window never
    makes it): see the module's docstring."""
    global _fork_allowed
    before, _fork_allowed = _fork_allowed, True
    try:
        yield
    finally:
        _fork_allowed = before


def _context() -> Any:
    alone = threading.active_count() == 1 and "PySide6" not in sys.modules
    if _fork_allowed and alone and sys.platform.startswith("linux"):
        try:
            return multiprocessing.get_context("fork")
        except ValueError:
            pass
    return multiprocessing.get_context("spawn")


class _Reader:
    """One reading process."""

    def __init__(self, limits: Limits) -> None:
        global _processes_fail
        if _processes_fail or os.environ.get("REVIEWER_NO_PROCESSES") or multiprocessing.current_process().daemon:
            raise _Unavailable
        self.limits = limits
        self.deadline: float | None = None
        self.name = ""
        try:
            ctx = _context()
            self.conn, child = ctx.Pipe()
            # every reader forked from now on (this one too) inherits this end and closes it: else the
            # reader would not see EOF when its caller goes
            multiprocessing.util.register_after_fork(self, _Reader._close_inherited)
            self.proc = ctx.Process(target=_serve, args=(child, limits.memory), name="reviewer-reader", daemon=True)
            self.proc.start()
            child.close()
        except (OSError, RuntimeError, ValueError, AssertionError, ImportError):
            _processes_fail = True
            raise _Unavailable from None
        self.ready = False

    def _close_inherited(self) -> None:
        """In a forked reading process: let go of this (another) reader's end of its pipe."""
        try:
            self.conn.close()
        except OSError:
            pass

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(STARTUP_SECONDS):
            self.stop()
            raise DocumentError(f"a process to read letters could not be started within {STARTUP_SECONDS:g} seconds")
        try:
            self.conn.recv()
        except (EOFError, OSError):
            self.stop()
            raise _Unavailable from None
        self.ready = True

    def send(self, fn: Callable[[Any], Any], arg: Any, name: str) -> None:
        self.wait_ready()
        self.name = name
        try:
            self.conn.send((fn, arg))
        except (OSError, ValueError) as exc:
            self.stop()
            raise DocumentError(f"{name} could not be handed to the reading process: {exc}") from None
        self.deadline = time.monotonic() + self.limits.seconds

    def overdue(self) -> bool:
        return self.deadline is not None and time.monotonic() > self.deadline

    def answer(self) -> Any:
        """The answer to what was sent (call once ``conn.poll()`` says one is there, or it is overdue)."""
        name, limits = self.name, self.limits
        self.deadline = None
        if not self.conn.poll() and self.proc.is_alive():
            self.stop()
            raise DocumentError(
                f"{name} took longer than {limits.seconds:g} seconds to read and was stopped (real letters and reports "
                f"take under a second): {_HOSTILE}")
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError):
            self.stop()
            code = self.proc.exitcode
            raise DocumentError(
                f"{name} could not be read: it stopped the process reading it"
                + (f" (exit code {code})" if code is not None else "") + f": {_HOSTILE}") from None
        if kind == "ok":
            return value
        what, detail = value
        if what == "memory":
            self.stop()  # a process that ran out of memory is not trusted with the next letter
            raise DocumentError(
                f"{name} needs more than {limits.memory // 2**20} MB of memory to read and was stopped (real letters "
                f"and reports need about 100 MB): {_HOSTILE}")
        if what == "exception":
            raise detail
        raise DocumentError(f"{name} could not be read: {detail}")

    def stop(self) -> None:
        try:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join(5)
        except (OSError, ValueError, AssertionError):
            pass
        try:
            self.conn.close()
        except OSError:
            pass
        self.ready = False

    @property
    def alive(self) -> bool:
        try:
            return self.proc.is_alive() and not self.conn.closed
        except ValueError:
            return False


_idle: list[_Reader] = []
_idle_lock = threading.Lock()


def _take(limits: Limits) -> _Reader:
    with _idle_lock:
        while _idle:
            r = _idle.pop()
            if r.limits == limits and r.alive:
                return r
            r.stop()
    return _Reader(limits)


def _give_back(r: _Reader) -> None:
    with _idle_lock:
        if r.alive and r.deadline is None and len(_idle) < KEEP_IDLE:
            _idle.append(r)
            return
    r.stop()


def shutdown() -> None:
    """Stop the idle reading processes (they also end with this process)."""
    with _idle_lock:
        while _idle:
            _idle.pop().stop()


def run(fn: Callable[[Any], Any], arg: Any, name: str, limits: Limits | None = None) -> Any:
    """``fn(arg)`` in a reading process within ``limits`` (default ``LIMITS``): its value, or the
    exception it raised; a ``DocumentError`` naming ``name`` if it ran out of time or memory."""
    if _IN_READER:
        return fn(arg)
    limits = limits or LIMITS
    try:
        reader = _take(limits)
        reader.send(fn, arg, name)
    except _Unavailable:
        return fn(arg)
    try:
        reader.conn.poll(limits.seconds)
        return reader.answer()
    finally:
        _give_back(reader)


class ReadingJobs:
    """Many reads at once, each in a reading process within ``limits``: the interface of
    ``parallel.Jobs`` (``ready(i)``, ``get(i)``, ``close()``). ``calls`` are ``(fn, arg, name)``."""

    def __init__(self, calls: Sequence[tuple[Callable[[Any], Any], Any, str]], workers: int,
                 limits: Limits | None = None) -> None:
        self.calls = list(calls)
        self.limits = limits or LIMITS
        self.results: dict[int, tuple[bool, Any]] = {}
        self.pending = list(range(len(self.calls)))
        self.running: dict[int, _Reader] = {}  # job -> its reader
        self.free: list[_Reader] = []
        self.here = False  # no processes: each call runs in ``get``
        try:
            for k in range(min(max(1, workers), len(self.calls))):
                self.free.append(_take(self.limits) if k == 0 else _Reader(self.limits))
        except _Unavailable:
            self.here = not self.free
        self._pump()

    def __len__(self) -> int:
        return len(self.calls)

    def _pump(self, timeout: float = 0.0) -> None:
        """Collect what has been answered (waiting up to ``timeout``), stop what is overdue, start what can."""
        if self.here:
            return
        if self.running and timeout:
            deadline = min(r.deadline or 0.0 for r in self.running.values())
            wait([r.conn for r in self.running.values()], max(0.0, min(timeout, deadline - time.monotonic())))
        for job, r in list(self.running.items()):
            if r.conn.poll() or r.overdue() or not r.alive:
                del self.running[job]
                try:
                    self.results[job] = (True, r.answer())
                except Exception as exc:  # noqa: BLE001 - handed over by get()
                    self.results[job] = (False, exc)
                if r.alive:
                    self.free.append(r)
        while self.pending and (self.free or not self.running):
            job = self.pending.pop(0)
            fn, arg, name = self.calls[job]
            try:
                r = self.free.pop() if self.free else _Reader(self.limits)
                r.send(fn, arg, name)
            except _Unavailable:
                self.pending.insert(0, job)
                if not self.running:
                    self.here = True
                return
            except DocumentError as exc:
                self.results[job] = (False, exc)
                continue
            self.running[job] = r

    def ready(self, i: int) -> bool:
        """Whether ``get(i)`` would answer at once."""
        if self.here:
            return True
        self._pump()
        return i in self.results

    def get(self, i: int, cancelled: Callable[[], bool] | None = None) -> Any:
        """The result of call ``i`` (asked for once), or the exception it raised."""
        from reviewer.letters.parallel import JobsCancelled

        while not self.here and i not in self.results:
            if cancelled is not None and cancelled():
                raise JobsCancelled
            self._pump(0.2)
        if i not in self.results:  # no processes: read here
            if cancelled is not None and cancelled():
                raise JobsCancelled
            fn, arg, _ = self.calls[i]
            return fn(arg)
        ok, value = self.results.pop(i)
        if ok:
            return value
        raise value

    def close(self) -> None:
        """Stop what is running; keep one idle reading process for the next read."""
        for r in self.running.values():
            r.stop()
        self.running = {}
        self.pending = []
        for r in self.free:
            _give_back(r)
        self.free = []
