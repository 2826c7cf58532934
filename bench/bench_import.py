"""Importing a folder of published inspection reports through the window, beside bare PyMuPDF.

    python bench/bench_import.py [--letters 500]

The folder holds N reports (../shared/reports cycled, each copy with a distinct trailing byte so
it is its own letter; the sample letters when ../shared is absent). In the same run:

- bare PyMuPDF: read each file, open it, ``page.get_text()`` on every page, in one process;
- Reviewer: a main window (offscreen) on a new library imports the folder as File > Import
  Folder does, until the last letter is in the library and written to disk. A 2 ms timer on
  the GUI thread records the longest the window went without answering.

Prints the machine, both times, their ratio and the longest stall.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_common import machine, report_sources  # noqa: E402



def make_folder(folder: Path, n: int) -> int:
    files = report_sources()
    pages = 0
    import pymupdf

    for src in files:
        with pymupdf.open(src) as doc:
            pages += doc.page_count * len(range(files.index(src), n, len(files)))
    for i in range(n):
        src = files[i % len(files)]
        (folder / f"{src.stem}-{i:03d}.pdf").write_bytes(src.read_bytes() + b"\n%" + str(i).encode())
    return pages


def bare(folder: Path) -> float:
    import pymupdf

    t0 = time.perf_counter()
    chars = 0
    for path in sorted(folder.glob("*.pdf")):
        doc = pymupdf.open("pdf", path.read_bytes())
        chars += sum(len(page.get_text()) for page in doc)
        doc.close()
    return time.perf_counter() - t0


def through_window(folder: Path, db: Path, n: int) -> tuple[float, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reviewer.store.repository import LibraryStore
    from reviewer.workspace import Workspace
    from reviewer.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    store = LibraryStore(db)
    w = MainWindow(Workspace(store), QSettings(str(db.parent / "bench.ini"), QSettings.Format.IniFormat))
    w.resize(1300, 850)
    w.show()
    app.processEvents()
    clock = QElapsedTimer()
    worst = [0.0]
    last = [0]

    gaps: list[tuple[float, int]] = []

    def beat() -> None:
        now = clock.elapsed()
        gap = (now - last[0]) / 1000
        if gap > 0.05:
            gaps.append((gap, len(store.library.letters)))
        worst[0] = max(worst[0], gap)
        last[0] = now

    heart = QTimer()
    heart.setInterval(2)
    heart.timeout.connect(beat)
    finished = []
    w.host.worker.import_finished.connect(lambda a, f: finished.append((a, f)))
    clock.start()
    heart.start()
    t0 = time.perf_counter()
    w.importer.open_paths([folder], open_single=False)
    while not finished or len(store.library.letters) < finished[0][0]:  # (the signal may come first)
        app.processEvents()
        time.sleep(0.001)
    heart.stop()
    if os.environ.get("BENCH_GAPS"):
        print("gaps over 50 ms (seconds, letters in the library then):", [(round(g, 3), n) for g, n in gaps])
    store.flush()
    total = time.perf_counter() - t0
    added, failed = finished[0]
    assert added == n and failed == 0, finished
    assert len(store.library.letters) == n, (len(store.library.letters), finished)
    w.close()  # stops the worker and closes the library
    w.deleteLater()
    app.processEvents()
    return total, worst[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        pages = make_folder(folder, args.letters)
        t_bare = bare(folder)
        t_ours, stall = through_window(folder, Path(tmp) / "library.json", args.letters)
    print(machine())
    print(f"{args.letters} reports, {pages} pages")
    print(f"bare PyMuPDF get_text, one process: {t_bare:6.2f} s")
    print(f"Reviewer, Import Folder in the window: {t_ours:6.2f} s  ({t_ours / t_bare:.2f}x bare)")
    print(f"longest the window went unanswered:  {stall * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
