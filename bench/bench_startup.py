"""Time from starting the process to the main window shown, with a library of N letters.

    python bench/bench_startup.py [--letters 500] [--runs 5]

Side by side in the same run: a bare PySide6 window (the floor any Qt app pays) and Reviewer on
the same machine. The library is built once (copies of a sample letter, each its own document).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 800); w.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

REVIEWER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import reviewer.ui.shell.app as ui
real = QApplication.exec
def exec_(*a):
    QTimer.singleShot(0, lambda: (print("shown", flush=True), QApplication.quit()))
    return real()
QApplication.exec = exec_
sys.exit(ui.main(["--db", sys.argv[1]]))
"""


def build(path: Path, n: int, annotations: int = 0) -> None:
    from reviewer.core.text.documents import content_id
    from reviewer.letters.importing import prepare_path
    from reviewer.core.annotations.tagging import new_annotation
    from reviewer.store.repository import LibraryStore

    store = LibraryStore(path)
    base = prepare_path(ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.txt")
    for i in range(n):
        data = base.data + f"\n{i}\n".encode()
        letter = dataclasses.replace(base.letter, id=content_id(data), title=f"{base.letter.title} {i}")
        prep = dataclasses.replace(base, letter=letter, data=data)
        store.add_prepared(prep)
        ex = prep.extracted
        per = annotations // n + (1 if i < annotations % n else 0)
        for j in range(per):
            s = (j * 211) % max(1, len(ex.text) - 60)
            store.library.put_annotation(new_annotation(ex.text, ex.page_starts, letter.id, s, s + 50,
                                                        ["planning"], "improvement", f"note {j}", "Bench"))
    store.close()


def timed(code: str, *args: str) -> float:
    """Seconds from launching the process to the window shown (not counting shutdown)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    _, err = proc.communicate(timeout=120)
    if line.strip() != "shown":
        raise SystemExit(f"the window did not show:\n{err[-2000:]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=500)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--annotations", type=int, default=0, help="annotations spread over the letters")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        lib = Path(tmp) / "library.json"
        t0 = time.perf_counter()
        build(lib, args.letters, args.annotations)
        print(f"library of {args.letters} letters and {args.annotations} annotations built in {time.perf_counter() - t0:.1f} s "
              f"({lib.stat().st_size / 2**20:.1f} MB)")
        os.environ["HOME"] = tmp  # QSettings of the run stay in the temporary folder
        bare = [timed(BARE) for _ in range(args.runs)]
        rev = [timed(REVIEWER, str(lib)) for _ in range(args.runs)]
    print(f"machine: {platform.machine()} {platform.system()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    print(f"bare PySide6 window shown:  median {statistics.median(bare):.2f} s  (runs: {', '.join(f'{x:.2f}' for x in bare)})")
    print(f"Reviewer window shown:      median {statistics.median(rev):.2f} s  (runs: {', '.join(f'{x:.2f}' for x in rev)})")


if __name__ == "__main__":
    main()
