"""One tidy dataset of audit packs and libraries, for the tools a council already has (Power BI,
Excel, DuckDB): a table per kind of record, one row per record, stable ids to join on, dates as
dates, as CSV and as Parquet.

Tables (``TABLES``): ``sources`` (each pack or library read), ``letters``, ``judgements`` (a
report's grades), ``themes``, ``annotations``, ``annotation_themes`` (one row per theme of an
annotation), ``reviews``, ``signoffs``, ``actions`` (the action plan: one row per action, joined to its
annotation and letter; ``overdue`` as of the day the dataset is written) and ``progress`` (each action's
dated progress notes). Ids: a letter's SHA-256, an annotation's and a theme's
own id, a source's SHA-256 (first 16 digits). Times are UTC.

CSV files are UTF-8 with a byte-order mark (so Excel reads the accents), a header row, ISO dates
and empty cells for nothing. Parquet files are written by DuckDB (``pip install 'reviewer[data]'``)
from those same CSV files with the column types below, so the two always agree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reviewer.core.annotations import actions as plan
from reviewer.core.annotations.codebook import severities, theme_name
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import parse_time
from reviewer.core.atomic import write_atomic

# table -> [(column, DuckDB type)]
TABLES: dict[str, list[tuple[str, str]]] = {
    "sources": [("source_id", "VARCHAR"), ("file", "VARCHAR"), ("kind", "VARCHAR"), ("auditor", "VARCHAR"),
                ("title", "VARCHAR"), ("created", "TIMESTAMP"), ("letters", "INTEGER"), ("annotations", "INTEGER")],
    "letters": [("letter_id", "VARCHAR"), ("title", "VARCHAR"), ("file", "VARCHAR"), ("kind", "VARCHAR"),
                ("pages", "INTEGER"), ("authority", "VARCHAR"), ("doc_type", "VARCHAR"), ("framework", "VARCHAR"),
                ("published", "DATE"),
                ("published_estimated", "BOOLEAN"), ("visit_start", "DATE"), ("visit_end", "DATE"),
                ("visit_number", "INTEGER"), ("lead_inspector", "VARCHAR"), ("inspectors", "VARCHAR"),
                ("added", "TIMESTAMP"), ("source_id", "VARCHAR")],
    "judgements": [("letter_id", "VARCHAR"), ("judgement", "VARCHAR"), ("grade", "VARCHAR")],
    "themes": [("theme_id", "VARCHAR"), ("theme", "VARCHAR"), ("colour", "VARCHAR"), ("retired", "BOOLEAN")],
    "annotations": [("annotation_id", "VARCHAR"), ("letter_id", "VARCHAR"), ("page", "INTEGER"),
                    ("pages", "VARCHAR"), ("start_offset", "BIGINT"), ("end_offset", "BIGINT"), ("quote", "VARCHAR"),
                    ("severity_id", "VARCHAR"), ("severity", "VARCHAR"), ("note", "VARCHAR"), ("author", "VARCHAR"),
                    ("created", "TIMESTAMP"), ("modified", "TIMESTAMP"), ("needs_attention", "BOOLEAN"),
                    ("review_status", "VARCHAR"), ("source_id", "VARCHAR")],
    "annotation_themes": [("annotation_id", "VARCHAR"), ("theme_id", "VARCHAR"), ("theme", "VARCHAR"),
                          ("position", "INTEGER")],
    "reviews": [("annotation_id", "VARCHAR"), ("status", "VARCHAR"), ("comment", "VARCHAR"), ("reviewer", "VARCHAR"),
                ("reviewed", "TIMESTAMP")],
    "signoffs": [("letter_id", "VARCHAR"), ("name", "VARCHAR"), ("signed", "TIMESTAMP"), ("comment", "VARCHAR")],
    "actions": [("action_id", "VARCHAR"), ("annotation_id", "VARCHAR"), ("letter_id", "VARCHAR"), ("text", "VARCHAR"),
                ("owner", "VARCHAR"), ("due", "DATE"), ("status", "VARCHAR"), ("created", "TIMESTAMP"),
                ("updated", "TIMESTAMP"), ("overdue", "BOOLEAN"), ("source_id", "VARCHAR")],
    "progress": [("action_id", "VARCHAR"), ("at", "TIMESTAMP"), ("by", "VARCHAR"), ("text", "VARCHAR")],
}


class DatasetError(Exception):
    """The dataset cannot be written as asked; the message says why."""


@dataclass
class Source:
    source_id: str
    file: str
    kind: str  # "pack" or "library"
    auditor: str
    title: str
    created: str
    library: Library  # its records


def as_date(v: Any) -> str | None:
    """An ISO date, or None for anything that is not one (a nonsense date never breaks a load)."""
    s = str(v or "").strip()[:10]
    try:
        return date.fromisoformat(s).isoformat() if s else None
    except ValueError:
        return None


def as_time(v: Any) -> str | None:
    """An ISO date-time in UTC ("2025-03-01 14:05:09.123"), or None."""
    s = str(v or "").strip()
    if not s:
        return None
    try:
        datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        d = as_date(s)
        return f"{d} 00:00:00" if d else None
    t = parse_time(s)  # (in UTC; beyond what a date can hold there, unreadable)
    if t == parse_time(None):
        return None
    return t.replace(tzinfo=None).isoformat(sep=" ", timespec="milliseconds")


def _latest(a: Any) -> str:
    """When an annotation last changed: its edit, or a manager's review of it since."""
    return max(as_time(a.modified) or "", (as_time(a.review.at) if a.review else None) or "")


def _edited(act: plan.Action) -> str:
    return as_time(act.modified or act.created) or ""


def build_tables(sources: Sequence[Source], today: date | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every source's records merged: one letter per id, one annotation per id (the newest edit or review
    wins, as when packs are opened), one theme per id, one action per id (the newest edit wins; one deleted
    since in any source is left out); each row says which source it came from."""
    letters: dict[str, tuple[Any, str]] = {}
    anns: dict[str, tuple[Any, str]] = {}
    themes: dict[str, Any] = {}
    acts: dict[str, tuple[plan.Action, str]] = {}
    gone: dict[str, str] = {}  # action id -> when it was last deleted
    for src in sources:
        lib = src.library
        for act in plan.read_all(lib.settings).values():
            if act.id not in acts or _edited(act) > _edited(acts[act.id][0]):
                acts[act.id] = (act, src.source_id)
        for t in plan.read_gone(lib.settings).values():
            gone[t.id] = max(gone.get(t.id, ""), as_time(t.at) or "")
        for t in lib.themes.values():
            themes.setdefault(t.id, t)
        for x in lib.letters.values():
            if x.id not in letters or (x.signoff and not letters[x.id][0].signoff):
                letters[x.id] = (x, src.source_id)
        for a in lib.annotations.values():
            old = anns.get(a.id)
            if old is None or _latest(a) > _latest(old[0]):
                anns[a.id] = (a, src.source_id)
    labels = {s.id: s.label for s in severities()}
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for src in sources:
        out["sources"].append({"source_id": src.source_id, "file": src.file, "kind": src.kind, "auditor": src.auditor,
                               "title": src.title, "created": as_time(src.created),
                               "letters": len(src.library.letters), "annotations": len(src.library.annotations)})
    for lid in sorted(letters, key=lambda i: (letters[i][0].meta.authority or "", letters[i][0].title, i)):
        x, sid = letters[lid]
        m = x.meta
        out["letters"].append({
            "letter_id": x.id, "title": x.title, "file": x.source, "kind": x.kind, "pages": x.pages,
            "authority": m.authority, "doc_type": m.doc_type, "framework": m.framework,
            "published": as_date(m.published),
            "published_estimated": bool(m.published_estimated), "visit_start": as_date(m.visit_start),
            "visit_end": as_date(m.visit_end), "visit_number": m.visit_number, "lead_inspector": m.lead_inspector,
            "inspectors": "; ".join(m.inspectors), "added": as_time(x.added), "source_id": sid})
        out["judgements"] += [{"letter_id": x.id, "judgement": k, "grade": g} for k, g in m.judgements]
        if x.signoff:
            out["signoffs"].append({"letter_id": x.id, "name": x.signoff.name, "signed": as_time(x.signoff.date),
                                    "comment": x.signoff.comment})
    for t in themes.values():
        out["themes"].append({"theme_id": t.id, "theme": t.label, "colour": t.colour, "retired": t.retired})
    order = {lid: i for i, lid in enumerate(r["letter_id"] for r in out["letters"])}
    for aid in sorted(anns, key=lambda i: (order.get(anns[i][0].letter_id, 0), anns[i][0].start, i)):
        a, sid = anns[aid]
        if a.letter_id not in letters:
            continue
        out["annotations"].append({
            "annotation_id": a.id, "letter_id": a.letter_id, "page": a.page, "pages": ", ".join(map(str, a.pages)),
            "start_offset": a.start, "end_offset": a.end, "quote": a.quote, "severity_id": a.severity,
            "severity": labels.get(a.severity, a.severity), "note": a.note, "author": a.author,
            "created": as_time(a.created), "modified": as_time(a.modified), "needs_attention": a.orphaned,
            "review_status": a.review.status if a.review else None, "source_id": sid})
        for i, tid in enumerate(dict.fromkeys(a.themes), start=1):
            label = theme_name(themes, tid)
            out["annotation_themes"].append({"annotation_id": a.id, "theme_id": tid, "theme": label, "position": i})
        if a.review:
            out["reviews"].append({"annotation_id": a.id, "status": a.review.status, "comment": a.review.comment,
                                   "reviewer": a.review.reviewer, "reviewed": as_time(a.review.at)})
    placed = {r["annotation_id"]: r["letter_id"] for r in out["annotations"]}
    for act in plan.sorted_by_due([a for a, _ in acts.values()]):
        sid = acts[act.id][1]
        if act.annotation_id not in placed or (act.id in gone and gone[act.id] >= _edited(act)):
            continue  # its finding is not in the dataset, or it was deleted since this version
        out["actions"].append({
            "action_id": act.id, "annotation_id": act.annotation_id, "letter_id": placed[act.annotation_id],
            "text": act.text, "owner": act.owner, "due": act.due, "status": act.status,
            "created": as_time(act.created), "updated": as_time(act.modified), "overdue": act.overdue(today),
            "source_id": sid})
        out["progress"] += [{"action_id": act.id, "at": as_time(p.date), "by": p.by, "text": p.text}
                            for p in act.progress]
    return out


def _csv(table: str, rows: Iterable[dict[str, Any]]) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    cols = [c for c, _ in TABLES[table]]
    w.writerow(cols)
    for r in rows:
        w.writerow(["" if r.get(c) is None else ("true" if r[c] is True else "false" if r[c] is False else r[c])
                    for c in cols])
    return buf.getvalue().encode("utf-8-sig")


def parquet_available() -> bool:
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return False
    return True


MARKER = "reviewer-dataset.json"  # in a folder Reviewer wrote a dataset to: its files may be written over


def _ours_to_write(out: Path, names: Sequence[str]) -> None:
    """Refuse a folder where a file the dataset would write is there already and the folder is not one
    Reviewer wrote a dataset to (no ``MARKER``): that file is somebody else's, never overwritten."""
    if (out / MARKER).is_file():
        return
    theirs = [f.name for t in names for f in (out / f"{t}.csv", out / f"{t}.parquet") if f.exists()]
    if theirs:
        raise DatasetError(f"{out} already holds {', '.join(theirs[:3])}{' and more' if len(theirs) > 3 else ''}, "
                           "not written by Reviewer: nothing was written. Give a new or empty folder")


def write_dataset(tables: dict[str, list[dict[str, Any]]], out: Path, parquet: bool = True) -> list[Path]:
    """Write each table as ``out/TABLE.csv`` and, with ``parquet``, ``out/TABLE.parquet``; returns the files.
    A file of a table's name already in ``out`` is written over only where Reviewer wrote the dataset there
    before (``MARKER``, written first)."""
    out = Path(out).expanduser()
    if out.exists() and not out.is_dir():
        raise DatasetError(f"{out} is a file, not a folder: nothing was written. Give a new or empty folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatasetError(f"cannot create the folder {out}: {exc.strerror or exc}") from None
    _ours_to_write(out, list(tables))
    write_atomic(out / MARKER, json.dumps({"written_by": "Reviewer", "tables": list(tables)}, indent=1).encode())
    written = []
    for table, rows in tables.items():
        path = out / f"{table}.csv"
        write_atomic(path, _csv(table, rows))
        written.append(path)
    if parquet:
        written += _parquet(out, list(tables))
    return written


def _parquet(out: Path, names: Sequence[str]) -> list[Path]:
    """Parquet from the CSV files just written, typed, by DuckDB: it writes Parquet itself, and is what
    the dataset is most often loaded with."""
    try:
        import duckdb
    except ImportError:
        raise DatasetError("Parquet needs DuckDB: pip install 'reviewer[data]' (or give --format csv)") from None
    con = duckdb.connect()
    written = []
    try:
        for table in names:
            cols = ", ".join(f'"{c}" {t}' for c, t in TABLES[table])
            con.execute(f'CREATE TABLE "{table}" ({cols})')
            csv_path = str(out / f"{table}.csv").replace("'", "''")
            con.execute(f"COPY \"{table}\" FROM '{csv_path}' (HEADER, DELIMITER ',', QUOTE '\"', NULLSTR '')")
            target = out / f"{table}.parquet"
            tmp = target.with_name(target.name + ".tmp")
            con.execute(f"COPY \"{table}\" TO '{str(tmp).replace(chr(39), chr(39) * 2)}' (FORMAT PARQUET)")
            tmp.replace(target)
            written.append(target)
    except duckdb.Error as exc:
        raise DatasetError(f"DuckDB could not write Parquet: {exc}") from None
    finally:
        con.close()
    return written
