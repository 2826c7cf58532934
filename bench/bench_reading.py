"""Opening long letters in the window: time to the first page drawn, and memory while scrolling.

    python bench/bench_reading.py [--library 500]

Builds a 50-page and a 500-page PDF from the published reports (../shared/reports, or the sample
letters when it is absent), then, offscreen, in one run:

- bare PyMuPDF: open the 50-page PDF and render its first page at the window's zoom;
- Reviewer: open the 50-page letter for the first time (its text not yet read: the pages come
  first) and again (its layout kept by the library), timed from the click to the first page's
  image arriving in the view;
- the 500-page letter scrolled from top to bottom, a page at a time, each page rendered, with
  the process's resident memory sampled as it goes;
- memory with a library of N letters (copies of a sample letter) and the 50-page letter open,
  beside a bare PySide6 window in this same process before anything of ours was imported.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (2**20 if sys.platform == "darwin" else 2**10)


def long_pdf(pages: int, out: Path) -> Path:
    import pymupdf

    from reviewer.core.text.documents import MAX_TEXT_CHARS

    reports = ROOT.parent / "shared" / "reports"
    srcs = sorted(reports.glob("*.pdf")) if reports.is_dir() else []
    srcs = srcs or sorted((ROOT / "sample_docs").glob("*.pdf"))
    doc = pymupdf.open()
    i = 0
    while doc.page_count < pages:
        with pymupdf.open(srcs[i % len(srcs)]) as src:
            doc.insert_pdf(src, to_page=min(src.page_count, pages - doc.page_count) - 1)
        i += 1
    if pages * 2000 >= MAX_TEXT_CHARS:  # a letter holds at most MAX_TEXT_CHARS: every fourth page left blank
        for k in range(3, pages, 4):
            rect = doc[k].rect
            doc.delete_page(k)
            doc.new_page(k, width=rect.width, height=rect.height)
    doc.save(out, garbage=1, deflate=True)
    doc.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--library", type=int, default=500, help="letters in the library for the memory figure")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication([])
    bare_w = QMainWindow()
    bare_w.resize(1300, 850)
    bare_w.show()
    app.processEvents()
    rss_bare_qt = rss_mb()
    bare_w.close()

    import pymupdf

    from bench_startup import build  # type: ignore[import-not-found]
    from reviewer.letters.importing import prepare_path
    from reviewer.workspace import Workspace
    from reviewer.store.repository import LibraryStore
    from reviewer.ui.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        p50, p500 = long_pdf(50, tmpd / "fifty.pdf"), long_pdf(500, tmpd / "five-hundred.pdf")
        db = tmpd / "library.json"
        build(db, args.library)
        store = LibraryStore(db)
        ids = {p: store.add_prepared(prepare_path(p))[0].id for p in (p50, p500)}
        w = MainWindow(Workspace(store), QSettings(str(tmpd / "bench.ini"), QSettings.Format.IniFormat))
        w.resize(1300, 850)
        w.show()
        app.processEvents()

        arrived: dict[int, float] = {}
        real = w.view.page_rendered

        def seen(page: int, scale: float, img) -> None:  # type: ignore[no-untyped-def]
            arrived.setdefault(page, time.perf_counter())
            real(page, scale, img)

        w.view.page_rendered = seen  # type: ignore[method-assign]  # (the window looks it up on each page)

        def open_and_wait(letter_id: str) -> tuple[float, float]:
            arrived.clear()
            t0 = time.perf_counter()
            w.onscreen.open(letter_id)
            while 0 not in arrived or w.onscreen.layout is None:
                app.processEvents()
                time.sleep(0.0005)
            return arrived[0] - t0, time.perf_counter() - t0

        first_cold, text_cold = open_and_wait(ids[p50])
        zoom = w.view.zoom * w.view.devicePixelRatioF()
        t0 = time.perf_counter()
        with pymupdf.open(p50) as doc:
            doc[0].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        bare_first = time.perf_counter() - t0
        open_and_wait(ids[p500])  # (another letter, so the next opening is a real one)
        first_warm, text_warm = open_and_wait(ids[p50])
        rss_open50 = rss_mb()

        open_and_wait(ids[p500])
        samples = [rss_mb()]
        bar = w.view.verticalScrollBar()
        for page in range(w.view.page_count()):
            w.view.go_to_page(page + 1)
            deadline = time.perf_counter() + 5
            while page not in arrived and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.0005)
            if page % 50 == 0:
                samples.append(rss_mb())
        samples.append(rss_mb())
        rendered = len(arrived)
        assert bar.value() > 0
        w.close()
        w.deleteLater()
        app.processEvents()

    print(f"machine: {platform.machine()} {platform.system()} {platform.release()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}")
    print(f"50-page PDF, first page drawn at zoom {zoom:.2f}:")
    print(f"  bare PyMuPDF open + render page 1:        {bare_first * 1000:6.0f} ms")
    print(f"  Reviewer, first opening (text not read):   {first_cold * 1000:6.0f} ms  (text ready after {text_cold * 1000:.0f} ms)")
    print(f"  Reviewer, opened again (layout kept):      {first_warm * 1000:6.0f} ms  (text ready after {text_warm * 1000:.0f} ms)")
    print(f"500-page PDF scrolled top to bottom: {rendered} pages rendered; resident memory "
          f"{samples[0]:.0f} MB at the top, at most {max(samples):.0f} MB, {samples[-1]:.0f} MB at the end")
    print(f"memory: bare PySide6 window {rss_bare_qt:.0f} MB; Reviewer with {args.library} letters in the library "
          f"and the 50-page letter open {rss_open50:.0f} MB")


if __name__ == "__main__":
    main()
