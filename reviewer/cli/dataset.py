"""`reviewer dataset PACK-OR-LIBRARY... -o DIR`: one tidy dataset (CSV and Parquet) of packs and libraries."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewer.export.dataset import parquet_available
from reviewer.workspace.dataset import write_dataset_of
from reviewer.core.text.words import counted


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    d = sub.add_parser("dataset", help="write one tidy dataset (CSV and Parquet) of audit packs and libraries")
    d.add_argument("sources", nargs="+", metavar="PACK-OR-LIBRARY",
                   help="audit packs (.zip) and libraries (library.json, or its folder); only read, never changed")
    d.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the tables into")
    d.add_argument("--format", choices=("both", "csv", "parquet"), default="both",
                   help="default: CSV, and Parquet where DuckDB is installed (pip install 'reviewer[data]')")


def needs_store(args: argparse.Namespace) -> bool:
    return args.command != "dataset"


def cmd_dataset(_ws: object, args: argparse.Namespace) -> int:
    out = Path(args.output).expanduser()
    counts, files = write_dataset_of([Path(p) for p in args.sources], out, args.format)
    kinds = sorted({f.suffix.lstrip(".") for f in files})
    sys.stdout.write(f"wrote {out} ({' and '.join(k.upper() if k == 'csv' else k.capitalize() for k in kinds)}) "
                     f"from {counted(len(args.sources), 'pack or library', 'packs and libraries')}:\n")
    for table, n in counts.items():
        sys.stdout.write(f"  {table:<18} {n:>7,} rows\n")
    if args.format == "both" and not parquet_available():
        print("reviewer: note: Parquet not written: it needs DuckDB (pip install 'reviewer[data]')", file=sys.stderr)
    return 0
