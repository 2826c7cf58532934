"""Running independent jobs (reading letters, writing them out) on every core.

PyMuPDF is not thread-safe, so letters are read and written in separate processes ("spawn", never "fork":
the window has threads). The calling thread is free meanwhile for work of its own. Where
processes cannot be started (a locked-down laptop, a frozen build without support for them), the
jobs simply run here, one after another: slower, never different.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, TimeoutError
from concurrent.futures.process import BrokenProcessPool
from typing import Any

MIN_JOBS = 6  # below this, starting processes costs more than it saves


class JobsCancelled(Exception):
    pass


_DONE: Future[Any] = Future()
_DONE.set_result(None)


def workers_for(n_jobs: int) -> int:
    if n_jobs < MIN_JOBS or os.environ.get("REVIEWER_NO_PROCESSES"):
        return 0
    return max(0, min(4, (os.cpu_count() or 1), n_jobs // 3))


class Jobs:
    """Start each ``(fn, arg)`` call at once (in processes where it pays); ``get(i)`` waits for one."""

    def __init__(self, calls: Sequence[tuple[Callable[[Any], Any], Any]]) -> None:
        self.calls = list(calls)
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[Any]] = []
        n = workers_for(len(self.calls))
        if n:
            try:
                self.pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn"))
                self.futures = [self.pool.submit(fn, arg) for fn, arg in self.calls]
            except (OSError, RuntimeError, BrokenProcessPool, ValueError):
                self.close()

    def __len__(self) -> int:
        return len(self.calls)

    def ready(self, i: int) -> bool:
        """Whether ``get(i)`` would answer at once (always, when the calls run here)."""
        return not self.futures or self.futures[i].done()

    def get(self, i: int, cancelled: Callable[[], bool] | None = None) -> Any:
        """The result of call ``i`` (asked for once: it is not kept); its exception if it raised one."""
        while self.futures:
            if cancelled is not None and cancelled():
                raise JobsCancelled
            try:
                result = self.futures[i].result(timeout=0.2)
                self.futures[i] = _DONE  # let the result go once it is handed over
                return result
            except TimeoutError:
                continue
            except (BrokenProcessPool, OSError):
                self.close()  # a worker died: finish here
        if cancelled is not None and cancelled():
            raise JobsCancelled
        fn, arg = self.calls[i]
        return fn(arg)

    def close(self) -> None:
        """Stop what has not started; safe to call more than once."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool, self.futures = None, []
