"""The one thread that reads letters (PyMuPDF, through reviewer.letters): opening letters, rendering
pages, importing files, and any slow call the window hands it; and beside it a thread that thinks
(``WorkerHost.think``): pure-Python reading of a letter's text, such as its suggestions, which must never
keep a page from being drawn nor a letter from opening.

PyMuPDF must not be used from several threads at once, nor from the GUI thread (reviewer.letters.guard
holds that rule), so every such call goes through this worker. ``WorkerHost.call`` runs a function
here and hands its result, or the exception it raised, back to a callback on the GUI thread; a call
made stale by a newer one with the same key is dropped.
Page renders the view no longer wants are skipped; imports run one file per turn of the
worker's event loop so that renders of the page the auditor is looking at are never stuck
behind a long import.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from reviewer.core.text.documents import DocumentError, EncryptedPdf
from reviewer.letters import guard, render
from reviewer.letters.importing import layout_for, prepare_path, prepare_paths, repair_notes
from reviewer.letters.reading import ReadingJobs
from reviewer.letters.pdf import open_pdf
from reviewer.letters.pdf_text import LayoutReader, page_sizes
from reviewer.store.repository import LibraryError


SWITCH_S = 0.001  # the longest turn a thread holds the interpreter (see WorkerHost)
READ_AFTER_MS = 40  # time for the window to take in a letter's pages and ask for the first ones


class RenderWants:
    """Pages the view currently wants rendered; shared with the worker to skip stale requests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wanted: set[tuple[str, int, float]] = set()

    def set(self, keys: set[tuple[str, int, float]]) -> None:
        with self._lock:
            self._wanted = set(keys)

    def __contains__(self, key: tuple[str, int, float]) -> bool:
        with self._lock:
            return key in self._wanted


class PdfWorker(QObject):
    loaded = Signal(str, object, str, list)  # letter id, Layout or None, error, notes
    pages_known = Signal(str, list)  # letter id, page sizes: the pages can be drawn, the text is on its way
    rendered = Signal(str, int, float, QImage)
    import_progress = Signal(int, int, str)
    imported = Signal(object)  # PreparedLetter
    import_failed = Signal(str, str)  # file name, message
    needs_password = Signal(str)  # path of an encrypted PDF: the GUI asks for its password
    import_finished = Signal(int, int)  # added, failed
    call_done = Signal(object, object)  # the Call, its CallResult

    def __init__(self, wants: RenderWants) -> None:
        super().__init__()
        self.wants = wants
        self._docs: dict[str, object] = {}  # open PDFs, only ever touched on this thread
        self._queue: list[Path] = []
        self._done = 0
        self._failed = 0
        self._total = 0
        self._cancel = False
        self._keep: object = None
        self._reading: tuple | None = None
        self._jobs: ReadingJobs | None = None
        self._job_paths: list[Path] = []
        self._job_next = 0

    @Slot(str, bytes, str, str, object)
    def load(self, letter_id: str, data: bytes, kind: str, name: str, cache: object) -> None:
        """Open a letter. ``cache`` is ``(saved, keep)``: ``saved()`` gives the layout the library
        kept (or None) and ``keep(layout)`` keeps a freshly read one. Without a saved layout, the
        pages are announced at once (so the first can be drawn) and the text is read a few pages
        per turn of this thread's loop, with page renders in between."""
        for key in list(self._docs):
            render.close(self._docs.pop(key))
        self._reading = None
        saved, keep = cache if cache else (None, None)  # type: ignore[misc]
        try:
            layout = saved() if saved is not None and kind == "pdf" else None
            if kind != "pdf" or layout is not None:
                notes: list[str] = []
                if layout is None:
                    layout, pdf, notes = layout_for(data, kind, name)
                    self._docs[letter_id] = open_pdf(pdf or b"", name)
                else:
                    self._docs[letter_id] = open_pdf(data, name)
                self.loaded.emit(letter_id, layout, "", notes)
                return
            doc = self._docs[letter_id] = open_pdf(data, name)
            self.pages_known.emit(letter_id, page_sizes(doc))
            self._reading = (letter_id, LayoutReader(doc, name), keep, repair_notes(doc))
            QTimer.singleShot(READ_AFTER_MS, self._read_more)  # the window first asks for its first pages
        except DocumentError as exc:
            self.loaded.emit(letter_id, None, str(exc), [])
        except Exception as exc:  # a PDF MuPDF chokes on half-way
            self.loaded.emit(letter_id, None, f"{name} cannot be shown: {exc}", [])

    def _read_more(self) -> None:
        if self._reading is None:
            return
        letter_id, reader, keep, notes = self._reading
        started = time.perf_counter()
        try:
            while time.perf_counter() - started < 0.008:
                if reader.read_page():
                    self._reading = None
                    layout = reader.layout()
                    self.loaded.emit(letter_id, layout, "", notes)
                    if keep is not None:
                        keep(layout)
                    return
        except DocumentError as exc:
            self._reading = None
            self.loaded.emit(letter_id, None, str(exc), [])
            return
        except Exception as exc:
            self._reading = None
            self.loaded.emit(letter_id, None, f"{reader.name} cannot be shown: {exc}", [])
            return
        QTimer.singleShot(0, self._read_more)

    @Slot(str, int, float)
    def render(self, letter_id: str, page: int, scale: float) -> None:
        doc = self._docs.get(letter_id)
        if doc is None or (letter_id, page, scale) not in self.wants:
            return
        try:
            samples, width, height, stride = render.page_image(doc, page, scale)
            img = QImage(samples, width, height, stride, QImage.Format.Format_RGB888).copy()
        except Exception:
            img = QImage()
        self.rendered.emit(letter_id, page, scale, img)

    @Slot(object)
    def call(self, job: Call) -> None:
        answered(job, self.call_done)

    @Slot(list, object)
    def import_files(self, paths: list, keep: object = None) -> None:
        """Read letters; ``keep(prep)`` saves each one's files here, off the GUI thread. Every file is
        read in a reading process within its time and memory limits (``letters.reading``), many on
        every core, while this thread keeps rendering."""
        self._queue.extend(Path(p) for p in paths)
        self._total += len(paths)
        self._keep = keep
        self._cancel = False
        QTimer.singleShot(0, self._import_next)

    def cancel_import(self) -> None:
        self._cancel = True  # read by the worker thread between files

    def _import_next(self) -> None:
        if self._cancel:
            self._queue.clear()
        if not self._queue:
            if self._jobs is not None:
                self._jobs.close()
                self._jobs = None
            if self._total:
                self.import_finished.emit(self._done, self._failed)
            self._done = self._failed = self._total = 0
            return
        if self._jobs is None:  # read in reading processes, this thread free to render meanwhile
            self._jobs, self._job_paths, self._job_next = prepare_paths(list(self._queue)), list(self._queue), 0
        path = self._queue[0]
        from_jobs = self._jobs is not None and self._job_next < len(self._job_paths)
        if from_jobs and not self._jobs.ready(self._job_next):  # type: ignore[union-attr]
            QTimer.singleShot(10, self._import_next)  # renders asked for meanwhile run first
            return
        self._queue.pop(0)
        self.import_progress.emit(self._done + self._failed, self._total, path.name)
        try:
            if from_jobs:
                self._job_next += 1
                prep = self._jobs.get(self._job_next - 1)  # type: ignore[union-attr]
            else:
                prep = prepare_path(path)
            if self._keep is not None:
                self._keep(prep)  # type: ignore[operator]
            self.imported.emit(prep)
            self._done += 1
        except EncryptedPdf:
            self.needs_password.emit(str(path))
        except (DocumentError, LibraryError) as exc:
            self._failed += 1
            self.import_failed.emit(path.name, str(exc))
        except Exception as exc:
            self._failed += 1
            self.import_failed.emit(path.name, f"{path.name} could not be imported: {exc}")
        if self._jobs is not None and self._job_next >= len(self._job_paths):
            self._jobs.close()
            self._jobs = None
        QTimer.singleShot(0, self._import_next)


class Thinker(QObject):
    """Runs calls that read text and never touch PyMuPDF (``guard`` forbids it on this thread), so that a
    500-page letter's suggestions (9 s) no longer hold up the next letter's pages on the PDF worker."""

    call_done = Signal(object, object)  # the Call, its CallResult

    @Slot()
    def forbid_pdf(self) -> None:
        guard.forbid_thread()

    @Slot()
    def allow_pdf(self) -> None:  # (as the thread ends: another thread may be given its number)
        guard.allow_thread()

    @Slot(object)
    def call(self, job: Call) -> None:
        answered(job, self.call_done)


def answered(job: Call, done: Any) -> None:
    """Run a call on the thread it was sent to, and hand back its value or the exception it raised (``done``,
    a signal to the GUI thread); nothing where a newer call with the same key was made meanwhile."""
    if job.is_stale():
        return
    try:
        result = CallResult(job.fn())
    except Exception as exc:  # handed to the caller, who says what went wrong
        result = CallResult(None, exc)
    done.emit(job, result)


@dataclass
class CallResult:
    value: Any = None
    error: Exception | None = None


class Call:
    """A function to run on the worker, and what to do with its result back on the GUI thread."""

    def __init__(self, fn: Callable[[], Any], then: Callable[[Any], None],
                 failed: Callable[[Exception], None] | None, key: str | None, generations: dict[str, int]) -> None:
        self.fn, self.then, self.failed, self.key = fn, then, failed, key
        self._generations = generations
        self.generation = generations.get(key, 0) + 1 if key else 0
        if key:
            generations[key] = self.generation

    def is_stale(self) -> bool:
        return bool(self.key) and self._generations.get(self.key or "", 0) != self.generation


class WorkerHost(QObject):
    """Owns the worker thread; the GUI calls these signals, which run on the worker."""

    request_load = Signal(str, bytes, str, str, object)
    request_render = Signal(str, int, float)
    request_import = Signal(list, object)
    request_call = Signal(object)
    request_thought = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wants = RenderWants()
        self._generations: dict[str, int] = {}
        self.thread = QThread()
        self.thread.setObjectName("pymupdf-worker")
        self.worker = PdfWorker(self.wants)
        self.worker.moveToThread(self.thread)
        self.request_load.connect(self.worker.load)
        self.request_render.connect(self.worker.render)
        self.request_import.connect(self.worker.import_files)
        self.request_call.connect(self.worker.call)
        self.worker.call_done.connect(self._call_done)
        self.thread.start()
        # The thread that reads text holds the interpreter in turns of this length while it works: at Python's
        # 5 ms, a letter opened while a 500-page letter's text was being read waited 0.3-0.8 s for its first page
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_S))
        self.thinking = QThread()
        self.thinking.setObjectName("reading-text")
        self.thinker = Thinker()
        self.thinker.moveToThread(self.thinking)
        self.thinking.started.connect(self.thinker.forbid_pdf)
        self.thinking.finished.connect(self.thinker.allow_pdf)
        self.request_thought.connect(self.thinker.call)
        self.thinker.call_done.connect(self._call_done)
        self.thinking.start()

    def call(self, fn: Callable[[], Any], then: Callable[[Any], None],
             failed: Callable[[Exception], None] | None = None, key: str | None = None) -> None:
        """Run ``fn()`` on the worker thread; back on this (GUI) thread, ``then(value)`` with what it
        returned, or ``failed(exception)`` with what it raised (re-raised here when no ``failed`` is
        given). A later call with the same ``key`` makes this one stale: it is skipped if it has not
        started, and its result is dropped if it has."""
        self.request_call.emit(Call(fn, then, failed, key, self._generations))

    def think(self, fn: Callable[[], Any], then: Callable[[Any], None],
              failed: Callable[[Exception], None] | None = None, key: str | None = None) -> None:
        """As ``call``, on the thread that reads text: ``fn`` must not use PyMuPDF (it would raise
        ``guard.WrongThread``). Keys are shared with ``call``."""
        self.request_thought.emit(Call(fn, then, failed, key, self._generations))

    def _call_done(self, job: Call, result: CallResult) -> None:
        if job.is_stale():
            return
        if result.error is None:
            job.then(result.value)
        elif job.failed is not None:
            job.failed(result.error)
        else:
            raise result.error

    def stop(self) -> None:
        self.worker.cancel_import()
        self.thread.quit()
        self.thinking.quit()
        self.thread.wait(5000)
        self.thinking.wait(5000)
