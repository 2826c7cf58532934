"""PyMuPDF's threading rule, kept in the one room that uses it.

PyMuPDF must never be used from two threads at once, and in the window never from the GUI thread
(a page render or a long read would freeze it). The window says which thread must keep its hands
off (``forbid_thread``); every function of this package that calls PyMuPDF first calls ``check``,
which raises at once rather than letting a wrong call race or stall. One lock also serialises
calls, so a second thread that slipped through would wait instead of corrupting MuPDF's state.
Other processes (imports and exports on every core) each have their own PyMuPDF and no rule.
"""

from __future__ import annotations

import threading

LOCK = threading.RLock()
_forbidden: set[int] = set()


class WrongThread(RuntimeError):
    """PyMuPDF was called from a thread that must not use it."""


def forbid_thread(thread: threading.Thread | None = None) -> None:
    """From now on ``thread`` (default: the calling one) may not use PyMuPDF."""
    _forbidden.add((thread or threading.current_thread()).ident or 0)


def allow_thread(thread: threading.Thread | None = None) -> None:
    _forbidden.discard((thread or threading.current_thread()).ident or 0)


def check() -> None:
    if threading.get_ident() in _forbidden:
        raise WrongThread("PyMuPDF was called from the GUI thread; run it on the worker (ui.kit.worker)")
