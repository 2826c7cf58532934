"""`reviewer add` of many reports, beside a single-process bare PyMuPDF `get_text()` of the same files.

    python bench/bench_add.py [--reports 60]

The reports are the first N of ../shared/corpus/reports (sorted by name; ../shared/reports or the
sample letters when it is absent). In the same run: bare PyMuPDF opens each file and reads every
page's text in one process; then `reviewer add` adds them all to a new library from the command
line (a fresh process, so its start-up counts too). Prints the machine, both times and their ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_common import machine, report_sources  # noqa: E402


def sources(n: int) -> list[Path]:
    corpus = ROOT.parent / "shared" / "corpus" / "reports"
    found = sorted(corpus.glob("*.pdf")) if corpus.is_dir() else report_sources()
    return found[:n]


def bare(files: list[Path]) -> float:
    import pymupdf

    t0 = time.perf_counter()
    for f in files:
        with pymupdf.open(f) as doc:
            for page in doc:
                page.get_text()
    return time.perf_counter() - t0


def reviewer_add(files: list[Path]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reviewer", "add", "--db", str(Path(tmp) / "lib.json"),
                        *map(str, files)], check=True, capture_output=True)
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=60)
    files = sources(ap.parse_args().reports)
    pages = 0
    import pymupdf

    for f in files:
        with pymupdf.open(f) as doc:
            pages += doc.page_count
    print(machine())
    b = bare(files)
    r = reviewer_add(files)
    print(f"{len(files)} reports, {pages} pages: bare PyMuPDF get_text() {b:.1f} s; reviewer add {r:.1f} s "
          f"({r / b:.2f}x)")


if __name__ == "__main__":
    main()
