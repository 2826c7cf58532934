"""Finding text across a whole library.

    python bench/bench_search.py [--letters 500]

Builds a library of N letters (the published reports in ../shared/reports cycled, each copy its
own letter; the sample letters when ../shared is absent), then times: building the search index
the first time (every letter folded, in other processes) and again from the folds kept on disk,
and searches for a common word, a phrase, a rare word and a word that is nowhere, each the
median of 5 runs, beside a plain ``str.find`` scan of the same texts unfolded (the floor).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_common import machine, report_sources  # noqa: E402

QUERIES = ("children", "front door", "pre-birth", "zebra crossing")



def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=500)
    args = ap.parse_args()
    from reviewer.core.text.documents import content_id
    from reviewer.letters.importing import prepare_path
    from reviewer.store.repository import LibraryStore
    from reviewer.workspace import Workspace
    from reviewer.workspace.search import build_index

    with tempfile.TemporaryDirectory() as tmp:
        store = LibraryStore(Path(tmp) / "library.json")
        bases = [prepare_path(p) for p in report_sources()]
        chars = 0
        for i in range(args.letters):
            base = bases[i % len(bases)]
            data = base.data + f"\n%{i}".encode()
            letter = dataclasses.replace(base.letter, id=content_id(data), title=f"{base.letter.title} {i}")
            store.add_prepared(dataclasses.replace(base, letter=letter, data=data))
            chars += len(base.extracted.text)
        ws = Workspace(store)  # what build_index is given since the workspace holds every operation
        t0 = time.perf_counter()
        index = build_index(ws)
        t_first = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = build_index(ws)
        t_again = time.perf_counter() - t0
        texts = [store.saved_text(i).text for i in store.library.letters]  # type: ignore[union-attr]
        rows = []
        for q in QUERIES:
            times, found = [], None
            for _ in range(5):
                t0 = time.perf_counter()
                found = index.search(q, store.library, limit=300)
                times.append(time.perf_counter() - t0)
            floor = []
            for _ in range(5):
                t0 = time.perf_counter()
                sum(t.count(q) for t in texts)
                floor.append(time.perf_counter() - t0)
            assert found is not None
            rows.append((q, statistics.median(times), max(times), found.total, found.letters, statistics.median(floor)))
        store.close()
    print(machine())
    print(f"library: {args.letters} letters, {chars / 1e6:.1f} million characters")
    print(f"index built first time (all folded): {t_first:6.2f} s; again from the kept folds: {t_again:6.2f} s")
    for q, med, worst, total, letters, floor in rows:
        print(f"search {q!r:18} median {med * 1000:5.0f} ms, worst {worst * 1000:5.0f} ms, "
              f"{total} matches in {letters} letters  (plain str.count over the texts: {floor * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
