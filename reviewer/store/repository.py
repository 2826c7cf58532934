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
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.table import Document

from reviewer import __version__
from reviewer.core.annotations.codebook import default_themes
from reviewer.core.annotations.model import PreparedLetter, stamp_iso
from reviewer.core.text.documents import DocumentError, Extracted
from reviewer.core.text.layout import Layout
from reviewer.core.text.layout_file import dump_layout
from reviewer.core.annotations.library import Change
from reviewer.core.annotations.model import Letter
from reviewer.store import schema
from reviewer.store.backups import good_backups, take_backup
from reviewer.core.atomic import write_atomic
from reviewer.store import incoming
from reviewer.store.journal import Journal, Scan
from reviewer.store.letter_files import LetterFiles, read_letter_copy
from reviewer.store.lock import LibraryLock, LibraryLocked
from reviewer.store.paths import backup_dir, letters_dir
from reviewer.store.schema import SCHEMA_VERSION, TABLES, Damaged
from reviewer.store.storage import AtomicJSONStorage, LibraryDamaged
from reviewer.core.text.words import counted
WRITE_DELAY = 0.15  # seconds to gather changes into one write
JOURNAL_LIMIT = 4 * 1024 * 1024  # fold the journal into the library file beyond this size...
IDLE_COMPACT = 2.0  # ...once no change has come for this many seconds (it holds Python ~0.1 s)
RETRY_EVERY = 3.0  # seconds between tries to write changes the disk refused (full, read-only for a while)


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


class LibraryMissingError(LibraryDamagedError):
    """The library file is gone (or empty) although its journal, letters or backups show there was
    one: it is not re-created empty; ``backups`` are offered as for a damaged library."""


class LibraryInUse(LibraryError):
    """Another Reviewer (window or command line) has the library open; ``holder`` says who, in a phrase."""

    def __init__(self, message: str, holder: str = "") -> None:
        super().__init__(message)
        self.holder = holder


class LibraryUnwritable(LibraryError):
    """No lock can be taken beside the library (a folder this user cannot write, a read-only share): it cannot be
    changed here; work that only reads it reads it as saved (``ReadOnlyStore``)."""


class NotSaved(LibraryError):
    """Changes that were not made durable; the message says which and why."""


def traces_of_library(path: Path) -> list[str]:
    """What beside ``path`` shows a library was kept there: its journal, its letters folder, its
    backups, or a copy kept aside by a restore (damaged, or as it was before the restore)."""
    found = []
    journal = path.with_name(path.name + ".journal")
    if journal.exists():
        found.append(journal.name)
    letters = letters_dir(path)
    if letters.is_dir() and any(letters.iterdir()):
        found.append(letters.name + "/")
    backups = backup_dir(path)
    if backups.is_dir() and any(backups.glob(f"{path.stem}-*.json")):
        found.append(backups.name + "/")
    found += sorted(p.name for p in path.parent.glob(f"{path.name}.damaged-*"))[:1]
    found += sorted(p.name for p in path.parent.glob(f"{path.name}.before-restore-*"))[:1]
    return found


class LibraryStore(LetterFiles):
    def __init__(self, path: Path | str, program: str = "app") -> None:
        super().__init__(path)
        self.write_error: str | None = None  # the last write failed (disk full...): retried with the next change
        self.on_write_error: Callable[[str], None] | None = None
        self.on_saved_again: Callable[[], None] | None = None  # changes a failed write kept are written at last
        self.on_notice: Callable[[str], None] | None = None  # a notice while the library is open (from the writer)
        self._on_disk: tuple[int, int, int] | None = None  # the library file as this store last read or wrote it
        self.refused: list[str] = []  # changes that cannot be written, left out and reported (never retried)
        self.recovered: str | None = None  # what opening recovered from a damaged journal, and what it could not
        self.notices: list[str] = []  # for the user: the recovery above, text that had to be cleaned
        self._told = {"notices": 0, "refused": 0, "error": None}
        self._doc_ids: dict[str, dict[str, int]] = {t: {} for t in schema.KNOWN}
        self._next_id: dict[str, int] = {t: 1 for t in schema.KNOWN}
        self._stale: dict[str, list[int]] = {}
        self._queue: queue.Queue[Any] = queue.Queue()
        self._retry: list[tuple[str, str, Any]] = []  # ops whose write failed, retried with the next
        self._staged_ids: set[str] = set()  # letters whose files wait in incoming/ for their record (``save_files``)
        self._written: set[str] = set()  # names this store wrote into incoming/: removed as it closes, unless adopted
        self._adopted: dict[str, list[str]] = {}  # letter id -> its files adopted this session (an undo gives them back)
        self._copies_good: set[str] = set()  # letters whose copy ``save_files`` found already there, checked
        self._closed = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the folder for {self.path}: {exc.strerror or exc}") from None
        self.lock = LibraryLock(self.path, program)
        try:
            self.lock.acquire()  # one writer: a second copy is told who has the library open
        except LibraryLocked as exc:
            raise (LibraryInUse(str(exc), exc.holder) if exc.held else LibraryUnwritable(str(exc))) from None
        self.journal = Journal(self.path.with_name(self.path.name + ".journal"))
        self._pending: list[tuple[str, str, Any]] = []  # in the journal, not yet in the library file
        try:
            self.created = not self.path.exists() or self.path.stat().st_size == 0
            if self.created and (traces := traces_of_library(self.path)):
                raise LibraryMissingError(
                    f"the library {self.path} is {'empty' if self.path.exists() else 'missing'}, but "
                    f"{', '.join(traces)} beside it show{'s' if len(traces) == 1 else ''} that it held a library; "
                    "nothing has been created in its place (to start a new library there, move those aside first)",
                    self.path)
            self._db = TinyDB(self.path, storage=_Cache(AtomicJSONStorage))
            if self.created:  # the file exists from the start: a library file missing later is a lost library
                self._apply([("meta", "schema", {"schema": SCHEMA_VERSION, "app": __version__})])
                self._db.storage.flush()  # type: ignore[attr-defined]
            self._load()
        except LibraryDamaged as exc:
            self.lock.release()
            raise LibraryDamagedError(str(exc), self.path) from None
        except OSError as exc:
            self.lock.release()
            raise LibraryError(f"cannot {'create' if self.created else 'open'} the library {self.path}: "
                               f"{exc.strerror or exc}") from None
        except BaseException:
            self.lock.release()
            raise
        if not self.created:
            try:
                take_backup(self.path)  # the state as it was opened, checked and good
            except OSError:
                pass  # a backup that cannot be written must not stop the auditor's work
        if self.library.letters and not self.files_dir.is_dir():  # a library file copied, moved or renamed alone: said
            # as it opens, not one letter at a time (a new user's copy showed every letter, and each said at its
            # double-click that its copy was missing)
            self.notices.append(
                f"the folder {self.files_dir.name}, where this library keeps its letters, is not beside "
                f"{self.path.name} in {self.path.parent}: none of its {counted(len(self.library.letters), 'letter')} "
                "can be opened until it is there. A library copied or moved takes that folder with it; a library "
                "file renamed, the folder renamed to match")
        incoming.sweep(self.files_dir, self.library.letters)  # what a killed import left, once nobody can be adding it
        self.library.subscribe(self._on_change)
        self._on_disk = self._signature()
        self._thread = threading.Thread(target=self._writer, name="library-writer", daemon=True)
        self._thread.start()
        if self.created:
            self._seed()

    # ------------------------------------------------------------ loading
    def _load(self) -> None:
        data = self._db.storage.read()  # type: ignore[attr-defined]  # parsed and shape-checked by the storage
        try:
            contents = schema.read_library(data or {})
        except Damaged as exc:
            raise LibraryDamaged(f"the library {self.path} has a damaged record: {exc}; it has been left untouched") from None
        if contents.schema > SCHEMA_VERSION:
            raise LibraryError(
                f"the library {self.path} was written by a newer Reviewer (schema {contents.schema}); "
                "update Reviewer to open it"
            )
        by_key: dict[str, dict[str, Any]] = {}
        for table in schema.KNOWN:
            rows = contents.rows.get(table, {})
            self._doc_ids[table] = {key: number for key, (number, _) in rows.items()}
            self._next_id[table] = contents.top.get(table, 0) + 1
            by_key[table] = {key: rec for key, (_, rec) in rows.items()}
        self._stale = contents.stale
        try:
            scan = self.journal.scan()
        except Damaged as exc:
            raise LibraryError(f"{exc}; nothing has been changed") from None
        for table, key, doc in scan.ops:  # changes acknowledged after the file was last written
            if table == "meta":
                continue
            if doc is None:
                by_key[table].pop(key, None)
            else:
                by_key[table][key] = schema.record(table, doc)[1]
        self._pending = scan.ops
        self.library.load(by_key["letters"].values(), by_key["annotations"].values(), by_key["themes"].values(),
                          dict(by_key["settings"]))
        if scan.needs_keeping:  # the journal as it was is kept before it is folded in and emptied
            try:
                aside = self.journal.keep_aside()
            except OSError as exc:
                raise LibraryError(
                    f"the library's journal {self.journal.path} is damaged and a copy of it cannot be kept "
                    f"({exc.strerror or exc}); nothing has been changed. Free some space and open it again") from None
            self.recovered = self._recovery_message(scan, aside)
            self.notices.append(self.recovered)
        if self._pending or self.journal.size or self._stale:
            try:
                self._compact()  # fold what a crash left in the journal into the library file
            except OSError:  # a full disk: the journal still holds every change; it is folded in later
                if scan.torn:
                    self.journal.drop_torn()

    def _recovery_message(self, scan: Scan, aside: Path) -> str:
        where = f"The library's journal (the changes not yet written into {self.path.name}) "
        if not scan.damaged:
            return (where + "was damaged and has been repaired: " + "; ".join(scan.repaired[:5]) +
                    f". Nothing was lost. The journal as it was is kept as {aside}.")
        lost = f"about {counted(scan.lost_ops, 'change')}" if scan.lost_ops else "what those lines held"
        after = (f" {counted(scan.after_damage, 'change')} written after the damage, and" if scan.after_damage else "")
        fixed = (" Repaired: " + "; ".join(scan.repaired[:3]) + ".") if scan.repaired else ""
        shown = "; ".join(scan.damaged[:5]) + (f"; and {len(scan.damaged) - 5} more" if len(scan.damaged) > 5 else "")
        return (where + f"was damaged. Could not be read: {shown}. Not recovered: {lost}. Recovered:{after} "
                f"every other change; the library opened.{fixed} The journal as it was is kept as {aside}.")

    def _seed(self) -> None:
        for theme in default_themes():
            self.library.put_theme(theme)

    # ------------------------------------------------------------ writing
    def _on_change(self, change: Change) -> None:
        table = TABLES[change.kind]
        if change.kind == "letter":
            self._adopt_files(change)
        if change.op == "remove":
            doc = None
        elif change.kind == "setting":
            doc = {"key": change.id, "value": change.record}
        else:
            doc = change.record.to_dict()  # type: ignore[union-attr]
        if doc is not None:
            clean = schema.clean_doc(doc)
            if clean != doc:  # text that cannot be stored (bytes that were not UTF-8): cleaned here, for every caller
                self._adopt_clean(change, doc, clean)
                doc = clean
        self._queue.put((table, change.id, doc))

    def _adopt_files(self, change: Change) -> None:
        """A letter's record put: its files waiting in incoming/ become the letter's, before the record is written (a
        crash between leaves files no letter names, never a letter without its copy). Its record removed again (an
        import undone): the files adopted this session go back there, where closing removes them."""
        if change.op == "remove":
            names = self._adopted.pop(change.id, [])
            incoming.unadopt(self.files_dir, names)
            self._written.update(names)
            if names:
                self._staged_ids.add(change.id)  # (a redo adopts them again)
            return
        if change.id not in self._staged_ids or self._closed:  # (closed: the record is never written; nor adopted)
            return
        self._staged_ids.discard(change.id)
        try:
            moved = incoming.adopt(self.files_dir, change.id)
        except OSError as exc:  # (the next opening adopts what is left there for this letter)
            self.notices.append(f"the library's copy of letter {change.id[:12]} could not be moved into "
                                f"{self.files_dir}: {exc.strerror or exc}; it is kept in {incoming.INCOMING}/")
            return
        if moved:
            self._adopted[change.id] = moved

    def _adopt_clean(self, change: Change, doc: dict[str, Any], clean: dict[str, Any]) -> None:
        """Put the cleaned record in the library in place of the one announced (without a second
        event), so what is shown is what is stored, and say so."""
        table = TABLES[change.kind]
        try:
            rec = schema.record(table, clean)[1]
        except Damaged:
            return  # the writer refuses it, and says why
        held = {"letter": self.library.letters, "annotation": self.library.annotations,
                "theme": self.library.themes, "setting": self.library.settings}[change.kind]
        if change.id in held:
            held[change.id] = rec  # type: ignore[index]
        fields = [k for k in clean if clean[k] != doc.get(k)]
        field_name = fields[0] if fields else "text"
        shown = clean.get(field_name) if isinstance(clean.get(field_name), str) else None
        self.notices.append(
            f"the {field_name} of {change.kind} {change.id[:12]} held bytes that are not UTF-8 text (for example a "
            "Latin-1 argument or file name); it was stored as " + (repr(shown[:80]) if shown is not None else "valid text"))

    def _writer(self) -> None:
        while True:
            try:  # a long journal is folded in at the first quiet moment, not while someone tags; changes a full disk
                # refused are tried again every few seconds, not only with the next change (an attack, stop 48: space
                # freed, "Not saved" stayed until the auditor changed something)
                first = self._queue.get(timeout=RETRY_EVERY if self._retry else
                                        IDLE_COMPACT if self.journal.size > JOURNAL_LIMIT else None)
            except queue.Empty:
                if self._retry:
                    batch, self._retry = self._retry, []
                    self._write(batch)
                else:
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
            if batch:
                self._write(batch)
            if stop or self.journal.size > 4 * JOURNAL_LIMIT or not self.path.exists():
                self._compact_quietly()  # rarely: closing, or edits that never pause
            for ev in events:
                ev.set()
            if stop:
                return

    def _write(self, batch: list[tuple[str, str, Any]]) -> None:
        """Append ``batch`` to the journal. A change that could not be read back is left out and
        reported, never retried: it must not stop the others. A batch the disk refuses is kept and
        written again with the next change."""
        good, encoded = [], []
        for op in batch:
            try:
                encoded.append(schema.encode_op(*op))
                good.append(op)
            except Damaged as exc:
                self._refuse(op, str(exc))
        if not good:
            return
        try:
            self.journal.append_encoded(encoded)  # durable from here: small, quick, and fsynced
        except Exception as exc:  # noqa: BLE001 - disk full, permissions: keep state in memory, tell the user
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            message = f"could not save the library to {self.path}: {reason}"
            told = message == self.write_error  # the same refusal, tried again: said once, not every few seconds
            self.write_error = message
            self._retry = good  # written again with the next change
            if self.on_write_error and not told:
                self.on_write_error(message)
            return
        self._pending.extend(good)
        self._keep_if_replaced()
        if self.write_error is not None and self.on_saved_again:
            self.write_error = None
            self.on_saved_again()
        self.write_error = None

    def _refuse(self, op: tuple[str, str, Any], reason: str) -> None:
        table, key, _ = op
        message = (f"a change to {table.rstrip('s')} {key[:12]} cannot be saved and was left out ({reason}); "
                   "every other change was saved")
        self.refused.append(message)
        if self.on_write_error:
            self.on_write_error(message)

    def _compact_quietly(self) -> None:
        if not self._pending and not self._stale:
            return
        try:
            self._compact()
        except Exception:  # noqa: BLE001 - the journal still holds every change; folded in next time
            pass

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns

    def _keep_if_replaced(self) -> None:
        """The library file replaced by another program while this store has it open (a sync client, a colleague's
        "restore"): that file is kept aside, and the user told, before this store's library is written over it (an
        attack, stop 48: the window wrote over a replacing library without a word, and kept no copy of it)."""
        now = self._signature()
        if now is None or self._on_disk is None or now == self._on_disk:
            return
        self._on_disk = now
        aside = self.path.with_name(f"{self.path.stem}.replaced-{stamp_iso()[:19].replace(':', '')}{self.path.suffix}")
        try:
            shutil.copy2(self.path, aside)
        except OSError as exc:
            message = (f"the library file {self.path} was replaced by another program while Reviewer had it open, and "
                       f"a copy of that file could not be kept ({exc.strerror or exc}); Reviewer's library will be "
                       "written over it: copy it elsewhere now if you need it")
        else:
            message = (f"the library file {self.path} was replaced by another program while Reviewer had it open; the "
                       f"file found there is kept as {aside.name} beside it, and the library as Reviewer holds it is "
                       "saved in its place")
        self.notices.append(message)
        if self.on_notice:
            self.on_notice(message)

    def _compact(self) -> None:
        """Write the whole library file with everything in the journal, then empty the journal."""
        self._apply(self._pending)
        for table, numbers in self._stale.items():  # rows that repeated a record: the later one was kept
            self._db.table(table).remove(doc_ids=numbers)
        self._keep_if_replaced()
        self._db.storage.flush()  # type: ignore[attr-defined]
        self._on_disk = self._signature()
        self._pending = []
        self._stale = {}
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
        """Block until everything changed so far has been through the writer (written, or failed:
        see ``commit``)."""
        ev = threading.Event()
        self._queue.put(ev)
        return ev.wait(timeout)

    def commit(self, unsaved: str = "Nothing this command changed has been saved") -> None:
        """Return once every change made so far is durable (in the journal, fsynced); otherwise raise
        ``NotSaved`` saying what was not saved and why (``unsaved``: the words for what waits, as the caller's user
        knows it). A command calls this before it reports success, so it never exits 0 with its change lost."""
        ev = threading.Event()
        self._queue.put(ev)
        while not ev.wait(0.25):
            if not self._thread.is_alive():
                break
        problems = self.refused[self._told["refused"]:]
        self._told["refused"] = len(self.refused)
        if not ev.is_set():
            problems.append(f"the library {self.path} is closed; changes made after that were not saved")
        elif self._retry:
            problems.append(f"{self.write_error or 'the library could not be saved'}. {unsaved}")
            self._told["error"] = self.write_error
        if problems:
            raise NotSaved("; ".join(problems))

    def take_notices(self) -> list[str]:
        """Messages for the user not given yet: what opening recovered, text that had to be cleaned,
        changes left out or not saved (unless ``commit`` has already raised them)."""
        out = [f"note: {n}" for n in self.notices[self._told["notices"]:]]
        self._told["notices"] = len(self.notices)
        out += [f"error: {r}" for r in self.refused[self._told["refused"]:]]
        self._told["refused"] = len(self.refused)
        if self._retry and self.write_error and self.write_error != self._told["error"]:
            out.append(f"error: {self.write_error}")
            self._told["error"] = self.write_error
        return out

    def close(self) -> None:
        self._closed = True
        incoming.sweep(self.files_dir, self.library.letters, older_than=None, only=set(self._written))
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
    def add_prepared(self, prep: PreparedLetter, initiator: object | None = None,
                     saved: bool = False) -> tuple[Letter, bool]:
        """Add a prepared letter; returns the library's letter and whether it was new. ``saved``
        says its files were already kept (by ``save_files`` on a worker thread): they are adopted
        as its record is put, or dropped where the library has the letter already."""
        existing = self.library.letters.get(prep.letter.id)
        if existing is not None:
            final = self.letter_file(existing)
            good = (saved and existing.id in self._copies_good) or self._copy_is_good(existing)
            self._copies_good.discard(existing.id)
            if saved:  # the copy just read mends a lost or changed one; the rest is not this letter's text
                incoming.discard(self.files_dir, existing.id, keep_copy_as=None if good else final)
                self._staged_ids.discard(existing.id)  # (nothing of it waits to be adopted now)
            if not good and not self._copy_is_good(existing):
                write_atomic(final, prep.data)  # the file again: a lost or changed copy mended
            return existing, False
        if not saved:
            self.save_files(prep)
        self.library.put_letter(prep.letter, initiator)
        self._texts[prep.letter.id] = dataclasses.replace(prep.extracted, layout=None)
        return self.library.letters.get(prep.letter.id, prep.letter), True  # as stored (text cleaned)

    def _copy_is_good(self, letter: Letter) -> bool:
        try:
            read_letter_copy(self.letter_file(letter), letter)
        except DocumentError:
            return False
        return True

    def save_files(self, prep: PreparedLetter) -> None:
        """Keep a letter's copy, text and layout in the letters folder's incoming/, to be adopted when its record is
        put (``_adopt_files``). Reads nothing of the library, which the GUI thread changes meanwhile: the window's
        worker calls it (an attack, stop 50: it read the letters the GUI thread was adding)."""
        lid, ex = prep.letter.id, prep.extracted
        try:
            if self._copy_is_good(prep.letter):  # (checked here, not on the GUI thread: a letter added before)
                self._copies_good.add(lid)
            else:
                self._stage(self.letter_file(prep.letter), prep.data)
            if ex.layout is not None and ex.extractor.startswith("pdf"):  # text letters are typeset anew
                try:
                    self._stage(self.layout_file(lid), dump_layout(ex.layout, ex.extractor))
                except OSError:
                    pass  # (a layout only saves time later)
            self._stage(self._text_file(lid), _text_payload(ex))
        except OSError as exc:
            where = f" ({Path(exc.filename).parent})" if exc.filename and exc.strerror else ""  # (the folder that refused)
            raise LibraryError(f"cannot copy {prep.letter.source} into the library: {exc.strerror or exc}{where}") from None
        self._staged_ids.add(lid)

    def _stage(self, final: Path, data: bytes) -> None:
        self._written.add(final.name)
        write_atomic(incoming.staged(final), data)

    def save_text(self, letter_id: str, ex: Extracted) -> None:
        if ex.layout is not None and ex.extractor.startswith("pdf"):  # text letters are typeset anew
            self.save_layout(letter_id, ex.layout, ex.extractor)
        write_atomic(self._text_file(letter_id), _text_payload(ex))
        self._texts[letter_id] = dataclasses.replace(ex, layout=None)  # layouts are big: read them when wanted

    def save_layout(self, letter_id: str, layout: Layout, extractor: str) -> None:
        """Keep where every character sits, so the letter opens and exports without PyMuPDF
        reading it again. Safe from any thread; a failure only costs time later."""
        try:
            write_atomic(self.layout_file(letter_id), dump_layout(layout, extractor))
        except OSError:
            pass


def _text_payload(ex: Extracted) -> bytes:
    payload = {"text": ex.text, "page_starts": ex.page_starts, "pages": ex.pages, "extractor": ex.extractor}
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def open_library(path: Path | str) -> LibraryStore:
    return LibraryStore(path)
