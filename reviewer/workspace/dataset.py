"""`reviewer dataset`: every audit pack and library named, read (never written) and merged into one
tidy dataset (``export.dataset``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from reviewer.core.annotations import actions as plan
from reviewer.core.annotations.library import Library
from reviewer.export.dataset import DatasetError, Source, build_tables, parquet_available, write_dataset
from reviewer.export.pack_read import PackError, read_pack
from reviewer.store.paths import library_keeping
from reviewer.store.readonly import read_library_readonly


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def read_source(path: Path) -> Source:
    """A pack (.zip, checked as opening it would) or a library (its .json file, or the folder holding
    library.json), read only."""
    path = Path(path).expanduser()
    if path.is_dir():
        path = path / "library.json"
    if not path.is_file():
        raise DatasetError(f"{path}: no such pack or library")
    if path.suffix.lower() == ".zip":
        try:
            pack = read_pack(path)
        except PackError as exc:
            raise DatasetError(str(exc)) from None
        lib = Library()
        settings = {plan.key(a.id): plan.value(a) for a in pack.actions}
        settings |= {plan.gone_key(t.id): json.dumps(t.to_dict()) for t in pack.deleted_actions}
        lib.load(pack.letters, pack.annotations, pack.themes, settings)
        m = pack.manifest
        return Source(_digest(path), path.name, "pack", pack.auditor, str(m.get("title") or ""),
                      str(m.get("created") or ""), lib)
    lib = read_library_readonly(path)
    return Source(_digest(path), path.name, "library", lib.settings.get("auditor", ""), "", "", lib)


def write_dataset_of(paths: Sequence[Path], out: Path, fmt: str = "both") -> tuple[dict[str, int], list[Path]]:
    """Read every pack and library, merge them and write the dataset; returns rows per table and the files.
    ``fmt``: csv, parquet or both (both: Parquet only where DuckDB is installed)."""
    if not paths:
        raise DatasetError("name at least one audit pack or library")
    kept = library_keeping(Path(out))
    if kept is not None:  # (the tables were written among a library's copies of its letters, or its backups)
        raise DatasetError(f"{Path(out).expanduser()} is the library {kept.name}'s own folder, where only Reviewer keeps "
                           "its letters and backups: nothing was written. Give another folder")
    sources = [read_source(Path(p)) for p in paths]
    tables = build_tables(sources)
    parquet = fmt == "parquet" or fmt == "both" and parquet_available()
    files = write_dataset(tables, out, parquet=parquet)
    if fmt == "parquet":
        files = [f for f in files if f.suffix == ".parquet"]
        for t in tables:
            (Path(out) / f"{t}.csv").unlink(missing_ok=True)
    return {t: len(rows) for t, rows in tables.items()}, files
