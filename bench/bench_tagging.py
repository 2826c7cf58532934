"""Tagging in a big library: how long the UI thread is held, and how soon the change is durable.

    python bench/bench_tagging.py [--letters 500] [--annotations 20000] [--tags 50]

Opens a library of N letters and M annotations, then tags passages one by one as the window does
(an undoable command on the UI thread). For each: the time the tagging call takes on the calling
thread, the longest the calling thread is kept from running while the background writer saves
(measured with a 1 ms heartbeat), and the time until the change is durable (``flush`` returns).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_startup import build  # noqa: E402

from reviewer.core.annotations.commands import AddAnnotation, UndoStack  # noqa: E402
from reviewer.workspace import Workspace  # noqa: E402
from reviewer.core.annotations.tagging import new_annotation  # noqa: E402
from reviewer.store.repository import LibraryStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=500)
    ap.add_argument("--annotations", type=int, default=20000)
    ap.add_argument("--tags", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.json"
        build(path, args.letters, args.annotations)
        t0 = time.perf_counter()
        store = LibraryStore(path)
        opened = time.perf_counter() - t0
        lib = store.library
        undo = UndoStack(lib)
        letter = lib.letters_sorted()[0]
        ex = Workspace(store).text(letter.id)
        assert ex is not None
        calls, stalls, durable = [], [], []
        for i in range(args.tags):
            s = (i * 97) % (len(ex.text) - 80)
            ann = new_annotation(ex.text, ex.page_starts, letter.id, s, s + 60, ["planning"], "priority", f"t{i}", "B")
            t0 = time.perf_counter()
            undo.push(AddAnnotation(ann))  # what the UI thread does
            calls.append(time.perf_counter() - t0)
            done = threading.Event()
            waiter = threading.Thread(target=lambda: (store.flush(), done.set()))
            waiter.start()
            worst, last = 0.0, time.perf_counter()
            while not done.is_set():  # the UI thread's heartbeat while the writer works
                time.sleep(0.001)
                now = time.perf_counter()
                worst, last = max(worst, now - last), now
            durable.append(time.perf_counter() - t0)
            stalls.append(worst)
            waiter.join()
            time.sleep(0.05)
        store.close()
    ms = lambda xs: f"median {statistics.median(xs) * 1000:.1f} ms, worst {max(xs) * 1000:.1f} ms"  # noqa: E731
    print(f"machine: {platform.machine()} {platform.system()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"library: {args.letters} letters, {args.annotations} annotations; opened in {opened:.2f} s")
    print(f"tagging call on the UI thread:      {ms(calls)}")
    print(f"UI thread held while saving:        {ms(stalls)} (heartbeat gap, 1 ms expected)")
    print(f"change durable (journal fsynced):   {ms(durable)}")


if __name__ == "__main__":
    main()
