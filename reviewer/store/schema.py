"""What may enter the library, checked in one place.

Every row of the library file, every change in its journal, every backup offered for restoring and
every change about to be written passes through here. A record is read by its ``from_dict`` (the
record schema, in ``core.model``: type and range of every field); the rows around the records (the
tables, row numbers, settings and the schema version) are checked here. Anything of the wrong shape
is ``Damaged``, with a message that says where, so it is reported as damage (with the backups
offered) rather than failing later as "unexpected KeyError".

Text is cleaned of what cannot be stored (``clean_text``) as it enters; a change is written only
when it reads back as the same kind of record, so nothing is written that the library could not
open again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reviewer.core.annotations.model import Annotation, Letter, RecordError, Theme, clean_text

SCHEMA_VERSION = 1
TABLES = {"letter": "letters", "annotation": "annotations", "theme": "themes", "setting": "settings"}
RECORDS = {"letters": Letter, "annotations": Annotation, "themes": Theme}
KNOWN = (*TABLES.values(), "meta")
MAX_KEY = 200
MAX_SETTING = 1_000_000


class Damaged(ValueError):
    """Content that is not a readable Reviewer library (or journal change); the message says where."""


def _kind(v: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "an object", type(None): "null"}.get(type(v), type(v).__name__)


def loads(raw: bytes, what: str) -> Any:
    """JSON from bytes; ``Damaged`` for anything unreadable: bad UTF-8, bad JSON, a number too long
    to read (Python refuses integers of more than 4,300 digits) or nesting too deep to follow."""
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise Damaged(f"{what} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except RecursionError:
        raise Damaged(f"{what} is nested too deeply to be a Reviewer file") from None
    except ValueError as exc:  # JSONDecodeError, and "Exceeds the limit (4300 digits)..."
        raise Damaged(f"{what} is not readable JSON ({str(exc)[:200]})") from None
    except MemoryError:
        raise Damaged(f"{what} is too large to read") from None


def _key(v: Any, what: str) -> str:
    if type(v) is not str or not v.strip() or len(v) > MAX_KEY or not v.isprintable():
        raise Damaged(f"{what} has no usable key (got {_kind(v)})")
    return clean_text(v)


def record(table: str, row: Any) -> tuple[str, Any]:
    """The key and the checked record of one row of ``table``: a ``Letter``, ``Annotation`` or
    ``Theme``; for settings the value (text); for meta the row itself, with its schema version
    checked. ``Damaged`` when the row has the wrong shape."""
    if not isinstance(row, dict):
        raise Damaged(f"is {_kind(row)}, not an object")
    kind = RECORDS.get(table)
    if kind is not None:
        try:
            rec = kind.from_dict(row)
        except RecordError as exc:
            raise Damaged(str(exc)) from None
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:  # a from_dict gap
            raise Damaged(f"{type(exc).__name__}: {str(exc)[:200]}") from None
        return rec.id, rec
    if table == "settings":
        key = _key(row.get("key"), "the setting")
        value = row.get("value", "")
        if type(value) is not str or len(value) > MAX_SETTING:
            raise Damaged(f"the setting {key!r} has a value that is {_kind(value)}, not text")
        return key, clean_text(value)
    if table == "meta":
        schema = row.get("schema", SCHEMA_VERSION)
        if type(schema) is not int or schema < 1:
            raise Damaged(f"its schema version is {_kind(schema)} {str(schema)[:20]!r}, not a version number")
        return "schema", row
    raise Damaged(f"belongs to no table of a Reviewer library ({table[:40]!r})")


def _where(table: str, key: str) -> str:
    singular = {"letters": "letter", "annotations": "annotation", "themes": "theme", "settings": "setting"}
    return f"{singular.get(table, table)} {key[:12]}" if key else f"a row of {table}"


@dataclass
class Contents:
    """A library file's records, checked: per table, key -> (row number, record) in file order."""

    schema: int = SCHEMA_VERSION
    rows: dict[str, dict[str, tuple[int, Any]]] = field(default_factory=dict)
    stale: dict[str, list[int]] = field(default_factory=dict)  # row numbers of keys repeated later
    top: dict[str, int] = field(default_factory=dict)  # the highest row number of each table

    def records(self, table: str) -> list[Any]:
        return [rec for _, rec in self.rows.get(table, {}).values()]

    @property
    def counts(self) -> tuple[int, int]:
        return len(self.rows.get("letters", {})), len(self.rows.get("annotations", {}))


def structure(data: Any) -> dict[str, Any]:
    """Check the shape TinyDB needs (tables of numbered rows) before TinyDB touches the data."""
    if not isinstance(data, dict):
        raise Damaged(f"it is {_kind(data)}, not a Reviewer library")
    for table, rows in data.items():
        if not isinstance(rows, dict):
            raise Damaged(f"its table {str(table)[:40]!r} is {_kind(rows)}, not a table")
        if table not in KNOWN:
            continue
        for number, row in rows.items():
            if not (number.isascii() and number.isdigit() and len(number) <= 15):
                raise Damaged(f"a row of {table} is numbered {number[:20]!r}, not a row number")
            if not isinstance(row, dict):
                raise Damaged(f"row {number} of {table} is {_kind(row)}, not an object")
    return data


def read_library(data: Any) -> Contents:
    """Every record of a parsed library file, checked; ``Damaged`` naming the first bad row. A newer Reviewer's
    library is not read further than its schema version: its records may hold what this version does not know (a
    step of the scale added since), which is no damage; the caller says it is a newer version's."""
    structure(data)
    out = Contents()
    for row in data.get("meta", {}).values():
        if isinstance(row, dict) and type(row.get("schema")) is int and row["schema"] > SCHEMA_VERSION:
            out.schema = row["schema"]
            return out
    for table in KNOWN:
        kept: dict[str, tuple[int, Any]] = {}
        for number, row in data.get(table, {}).items():
            try:
                key, rec = record(table, row)
            except Damaged as exc:
                ident = row.get("id") or row.get("key") if isinstance(row, dict) else None
                place = f"row {number} of {table}"
                raise Damaged(f"{_where(table, ident)} ({place}): {exc}" if isinstance(ident, str) and ident
                              else f"{place}: {exc}") from None
            if key in kept:  # the same record twice: the later row wins, the earlier is removed when written
                out.stale.setdefault(table, []).append(kept[key][0])
            kept[key] = (int(number), rec)
            out.top[table] = max(out.top.get(table, 0), int(number))
        out.rows[table] = kept
    meta = out.rows.get("meta", {})
    if meta:
        out.schema = meta["schema"][1].get("schema", SCHEMA_VERSION)
    return out


def read_library_bytes(raw: bytes) -> Contents:
    """A library file's content parsed and checked: what the library opens and what a backup must pass."""
    return read_library(loads(raw, "the file"))


def check_op(op: Any) -> tuple[str, str, dict[str, Any] | None]:
    """One change read from the journal: ``[table, key, row or null]`` with the row a valid record
    of that key; ``Damaged`` otherwise."""
    if not isinstance(op, list) or len(op) != 3:
        raise Damaged(f"a change is {_kind(op)} of the wrong shape")
    table, key, doc = op
    if table not in KNOWN:
        raise Damaged(f"a change names no table of a Reviewer library ({str(table)[:40]!r})")
    key = _key(key, f"a change to {table}")
    if doc is not None:
        try:
            found, _ = record(table, doc)
        except Damaged as exc:
            raise Damaged(f"the change to {_where(table, key)}: {exc}") from None
        if found != key:
            raise Damaged(f"the change to {_where(table, key)} holds another record ({found[:12]})")
    return table, key, doc


def encode_op(table: str, key: str, doc: dict[str, Any] | None) -> bytes:
    """A change as it is written to the journal, once it is known to read back; ``Damaged`` when
    it would not (the record is refused, never written)."""
    try:
        raw = json.dumps([table, key, doc], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError, RecursionError) as exc:
        raise Damaged(f"the change to {_where(table, key)} cannot be written ({str(exc)[:200]})") from None
    check_op(loads(raw, "the change"))
    return raw


def clean_doc(doc: Any) -> Any:
    """``doc`` with every string (keys too) passed through ``clean_text``; equal to ``doc`` when
    nothing needed cleaning."""
    if isinstance(doc, str):
        return clean_text(doc)
    if isinstance(doc, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_doc(v) for k, v in doc.items()}
    if isinstance(doc, (list, tuple)):
        return type(doc)(clean_doc(v) for v in doc)
    return doc
