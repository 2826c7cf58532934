"""The library on disk: one TinyDB file (metadata, annotations, codebook, settings, schema version)
and a folder beside it holding the library's own copy of every letter and its extracted text.

The in-memory ``Library`` is the working state. Every change it announces is queued and written
by a background thread, coalesced, within a fraction of a second, through ``AtomicJSONStorage``:
the UI thread never waits for the disk.
"""

from __future__ import annotations

import dataclasses
import json
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.table import Document

from reviewer import __version__
from reviewer.core.annotations.codebook import default_themes
from reviewer.core.annotations.model import PreparedLetter
from reviewer.core.text.documents import DocumentError, Extracted, text_sha
from reviewer.core.text.layout import Layout
from reviewer.core.text.layout_file import dump_layout, load_layout
from reviewer.core.annotations.library import Change, Library
from reviewer.core.annotations.model import Annotation, Letter, Theme
from reviewer.store.backups import good_backups, take_backup
from reviewer.core.atomic import write_atomic
from reviewer.store.journal import Journal
from reviewer.store.lock import LibraryLock, LibraryLocked
from reviewer.store.storage import AtomicJSONStorage, LibraryDamaged

SCHEMA_VERSION = 1
TABLES = {"letter": "letters", "annotation": "annotations", "theme": "themes", "setting": "settings"}
WRITE_DELAY = 0.15  # seconds to gather changes into one write
JOURNAL_LIMIT = 4 * 1024 * 1024  # fold the journal into the library file beyond this size...
IDLE_COMPACT = 2.0  # ...once no change has come for this many seconds (it holds Python ~0.1 s)


class _Cache(CachingMiddleware):
    WRITE_CACHE_SIZE = 10**12  # only our explicit flush writes


class LibraryError(Exception):
    """A library that cannot be used (damaged, too new, unwritable); the message is for the user."""


class LibraryDamagedError(LibraryError):
    """The library file is damaged and was left untouched; ``backups`` are the good ones, newest first."""

    def __init__(self, message: str, path: Path) -> None:
        self.backups = good_backups(path)
        if self.backups:
            message += (f". The newest good backup is from {self.backups[0].describe()}: "
                        "restore it from the window, or with `reviewer backups --restore`")
        super().__init__(message)
        self.path = path


class LibraryInUse(LibraryError):
    """Another Reviewer (window or command line) has the library open."""


class LibraryStore:
    def __init__(self, path: Path | str, program: str = "app") -> None:
        self.path = Path(path).expanduser().resolve()
        self.files_dir = self.path.with_name(self.path.stem + "-letters")
        self.created = not self.path.exists() or self.path.stat().st_size == 0
        self.library = Library()
        self.write_error: str | None = None
        self.on_write_error: Callable[[str], None] | None = None
        self._doc_ids: dict[str, dict[str, int]] = {t: {} for t in TABLES.values()}
        self._next_id: dict[str, int] = {t: 1 for t in TABLES.values()}
        self._texts: dict[str, Extracted] = {}
        self._queue: queue.Queue[Any] = queue.Queue()
        self._retry: list[tuple[str, str, Any]] = []  # ops whose write failed, retried with the next
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the folder for {self.path}: {exc.strerror or exc}") from None
        self.lock = LibraryLock(self.path, program)
        try:
            self.lock.acquire()  # one writer: a second copy is told who has the library open
        except LibraryLocked as exc:
            raise LibraryInUse(str(exc)) from None
        self.journal = Journal(self.path.with_name(self.path.name + ".journal"))
        self._pending: list[tuple[str, str, Any]] = []  # in the journal, not yet in the library file
        try:
            self._db = TinyDB(self.path, storage=_Cache(AtomicJSONStorage))
            self._load()
            if self._pending:
                self._compact()  # fold what a crash left in the journal into the library file
        except LibraryDamaged as exc:
            self.lock.release()
            raise LibraryDamagedError(str(exc), self.path) from None
        except LibraryError:
            self.lock.release()
            raise
        if not self.created:
            try:
                take_backup(self.path)  # the state as it was opened, checked and good
            except OSError:
                pass  # a backup that cannot be written must not stop the auditor's work
        self.library.subscribe(self._on_change)
        self._thread = threading.Thread(target=self._writer, name="library-writer", daemon=True)
        self._thread.start()
        if self.created:
            self._seed()

    # ------------------------------------------------------------ loading
    def _load(self) -> None:
        meta = self._db.table("meta").all()
        schema = int(meta[0].get("schema", SCHEMA_VERSION)) if meta else SCHEMA_VERSION
        if schema > SCHEMA_VERSION:
            raise LibraryError(
                f"the library {self.path} was written by a newer Reviewer (schema {schema}); "
                "update Reviewer to open it"
            )
        by_key: dict[str, dict[str, Any]] = {}
        for table in TABLES.values():
            by_key[table] = {}
            for doc in self._db.table(table).all():
                key = str(doc.get("id") or doc.get("key"))
                self._doc_ids[table][key] = doc.doc_id
                self._next_id[table] = max(self._next_id[table], doc.doc_id + 1)
                by_key[table][key] = doc
        self._pending = self.journal.read()
        for table, key, doc in self._pending:  # changes acknowledged after the file was last written
            if table in by_key:
                if doc is None:
                    by_key[table].pop(key, None)
                else:
                    by_key[table][key] = doc
        rows = {table: list(docs.values()) for table, docs in by_key.items()}
        try:
            letters = [Letter.from_dict(d) for d in rows["letters"]]
            annotations = [Annotation.from_dict(d) for d in rows["annotations"]]
            themes = [Theme.from_dict(d) for d in rows["themes"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise LibraryDamagedError(f"the library {self.path} has a damaged record ({exc}); it has been left untouched",
                                      self.path) from None
        settings = {str(d["key"]): str(d.get("value", "")) for d in rows["settings"]}
        self.library.load(letters, annotations, themes, settings)

    def _seed(self) -> None:
        for theme in default_themes():
            self.library.put_theme(theme)
        self._queue.put(("meta", "schema", {"schema": SCHEMA_VERSION, "app": __version__}))

    # ------------------------------------------------------------ writing
    def _on_change(self, change: Change) -> None:
        table = TABLES[change.kind]
        if change.op == "remove":
            doc = None
        elif change.kind == "setting":
            doc = {"key": change.id, "value": change.record}
        else:
            doc = change.record.to_dict()  # type: ignore[union-attr]
        self._queue.put((table, change.id, doc))

    def _writer(self) -> None:
        while True:
            try:  # a long journal is folded in at the first quiet moment, not while someone tags
                first = self._queue.get(timeout=IDLE_COMPACT if self.journal.size > JOURNAL_LIMIT else None)
            except queue.Empty:
                self._compact_quietly()
                continue
            if first is None:
                self._compact_quietly()
                return
            items = [first]
            if not isinstance(first, threading.Event):
                threading.Event().wait(WRITE_DELAY)
            while True:
                try:
                    items.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            stop = None in items
            events = [i for i in items if isinstance(i, threading.Event)]
            ops = [i for i in items if isinstance(i, tuple)]
            batch, self._retry = self._retry + ops, []
            try:
                if batch:
                    self.journal.append(batch)  # durable from here: small, quick, and fsynced
                    self._pending.extend(batch)
                self.write_error = None
            except Exception as exc:  # disk full, permissions: keep state in memory, tell the user
                self.write_error = f"could not save the library to {self.path}: {exc}"
                self._retry = batch  # written again with the next change
                if self.on_write_error:
                    self.on_write_error(self.write_error)
            if stop or self.journal.size > 4 * JOURNAL_LIMIT or not self.path.exists():
                self._compact_quietly()  # rarely: a new library, closing, or edits that never pause
            for ev in events:
                ev.set()
            if stop:
                return

    def _compact_quietly(self) -> None:
        if not self._pending:
            return
        try:
            self._compact()
        except Exception:  # noqa: BLE001 - the journal still holds every change; folded in next time
            pass

    def _compact(self) -> None:
        """Write the whole library file with everything in the journal, then empty the journal."""
        self._apply(self._pending)
        self._db.storage.flush()  # type: ignore[attr-defined]
        self._pending = []
        self.journal.clear()

    def _apply(self, ops: list[tuple[str, str, Any]]) -> None:
        latest: dict[tuple[str, str], Any] = {}
        for table, key, doc in ops:
            latest[(table, key)] = doc
        by_table: dict[str, list[tuple[str, Any]]] = {}
        for (table, key), doc in latest.items():
            by_table.setdefault(table, []).append((key, doc))
        for table, entries in by_table.items():
            # One removal and one insertion per table and batch: TinyDB copies the whole table on
            # every operation, so per-record operations would make a batch quadratic.
            tbl = self._db.table(table)
            ids = self._doc_ids.setdefault(table, {})
            stale = [ids[k] for k, _ in entries if k in ids]
            for key, doc in entries:
                if doc is None:
                    ids.pop(key, None)
            if stale:
                tbl.remove(doc_ids=stale)
            fresh = []
            for key, doc in entries:
                if doc is None:
                    continue
                if key not in ids:
                    ids[key] = self._next_id.get(table, 1)
                    self._next_id[table] = ids[key] + 1
                fresh.append(Document(doc, doc_id=ids[key]))
            if fresh:
                tbl.insert_multiple(fresh)

    def flush(self, timeout: float = 10.0) -> bool:
        """Block until everything changed so far is on disk."""
        ev = threading.Event()
        self._queue.put(ev)
        return ev.wait(timeout)

    def close(self) -> None:
        if self._thread.is_alive():
            self.flush()
            self._queue.put(None)
            self._thread.join(timeout=10)
        if not self._retry:  # unsaved changes keep the lock until the process ends
            try:
                take_backup(self.path, min_age=600)  # a long session also gets a backup as it ends
            except OSError:
                pass
            self.lock.release()

    # ------------------------------------------------------------ letters and their files
    def letter_file(self, letter: Letter) -> Path:
        return self.files_dir / f"{letter.id}.{'pdf' if letter.kind == 'pdf' else 'txt'}"

    def _text_file(self, letter_id: str) -> Path:
        return self.files_dir / f"{letter_id}.text.json"

    def layout_file(self, letter_id: str) -> Path:
        return self.files_dir / f"{letter_id}.layout"

    def add_prepared(self, prep: PreparedLetter, initiator: object | None = None,
                     saved: bool = False) -> tuple[Letter, bool]:
        """Add a prepared letter; returns the library's letter and whether it was new. ``saved``
        says its files were already kept (by ``save_files`` on a worker thread)."""
        existing = self.library.letters.get(prep.letter.id)
        if existing is not None:
            if not saved and not self.letter_file(existing).exists():
                write_atomic(self.letter_file(existing), prep.data)
            return existing, False
        if not saved:
            self.save_files(prep)
        self.library.put_letter(prep.letter, initiator)
        return prep.letter, True

    def save_files(self, prep: PreparedLetter) -> None:
        """Keep the library's copy of a letter and its text; the record is added separately. A
        letter the library already has keeps the text its annotations were made on."""
        if prep.letter.id in self.library.letters and self.letter_file(prep.letter).exists():
            return
        try:
            write_atomic(self.letter_file(prep.letter), prep.data)
            self.save_text(prep.letter.id, prep.extracted)
        except OSError as exc:
            raise LibraryError(f"cannot copy {prep.letter.source} into the library: {exc.strerror or exc}") from None

    def save_text(self, letter_id: str, ex: Extracted) -> None:
        payload = {"text": ex.text, "page_starts": ex.page_starts, "pages": ex.pages, "extractor": ex.extractor}
        if ex.layout is not None and ex.extractor.startswith("pdf"):  # text letters are typeset anew
            self.save_layout(letter_id, ex.layout, ex.extractor)
        write_atomic(self._text_file(letter_id), json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        self._texts[letter_id] = dataclasses.replace(ex, layout=None)  # layouts are big: read them when wanted

    def save_layout(self, letter_id: str, layout: Layout, extractor: str) -> None:
        """Keep where every character sits, so the letter opens and exports without PyMuPDF
        reading it again. Safe from any thread; a failure only costs time later."""
        try:
            write_atomic(self.layout_file(letter_id), dump_layout(layout, extractor))
        except OSError:
            pass

    def saved_layout(self, letter_id: str, extractor: str) -> Layout | None:
        """The letter's layout as saved, if it is of its current text by ``extractor`` (the current one).
        Reads one file and no shared state beyond the letter's record: safe from a worker thread."""
        letter = self.library.letters.get(letter_id)
        if letter is None:
            return None
        try:
            data = self.layout_file(letter_id).read_bytes()
        except OSError:
            return None
        return load_layout(data, letter.text_sha, extractor)

    def letter_bytes(self, letter: Letter) -> bytes:
        try:
            return self.letter_file(letter).read_bytes()
        except OSError:
            raise DocumentError(
                f"the library's copy of {letter.source} is missing from {self.files_dir}"
            ) from None

    def saved_text(self, letter_id: str) -> Extracted | None:
        """The letter's text as last saved, if it is the text its annotations refer to; never runs
        PyMuPDF, so the GUI thread may call it while the worker owns PyMuPDF."""
        if letter_id in self._texts:
            return self._texts[letter_id]
        letter = self.library.letters.get(letter_id)
        if letter is None:
            return None
        try:
            d = json.loads(self._text_file(letter_id).read_text(encoding="utf-8"))
            saved = Extracted(d["text"], list(d["page_starts"]), int(d["pages"]), str(d["extractor"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return saved if text_sha(saved.text) == letter.text_sha else None

    def remember_text(self, letter_id: str, ex: Extracted) -> None:
        """Hold ``ex`` as the letter's text for this session (the workspace has just made it so)."""
        self._texts[letter_id] = dataclasses.replace(ex, layout=None)


def open_library(path: Path | str) -> LibraryStore:
    return LibraryStore(path)
