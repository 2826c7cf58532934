"""How long the suggester takes on a 12-page report (issue 15: at most 1 s on 2 cores).

    python bench/bench_suggest_speed.py [REPORT.pdf] [--runs N]

Reads the report once (PyMuPDF, not timed), then times, best of N runs: the structure
(core.reading.outline.analyse) and the suggestions (core.reading.suggest.suggest, the theme model,
its word prior and naive Bayes reading included). By default the first 12-page report of the
development side of the corpus (bench/corpus_split.json).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_suggestions import read_letter  # noqa: E402
from corpus_split import files_for  # noqa: E402

from reviewer.core.annotations.codebook import default_themes  # noqa: E402
from reviewer.core.reading.outline import analyse  # noqa: E402
from reviewer.core.reading.suggest import suggest  # noqa: E402


def twelve_pages() -> Path | None:
    import pymupdf

    for path in files_for("development"):
        with pymupdf.open(path) as doc:
            if doc.page_count == 12:
                return path
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", nargs="?", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    path = args.report or twelve_pages()
    if path is None:
        print("no 12-page report found: give one")
        return 1
    text, starts = read_letter(path)
    themes = default_themes()
    best_structure = best_suggest = float("inf")
    found = []
    for _ in range(max(1, args.runs)):
        t0 = time.perf_counter()
        st = analyse(text, starts)
        t1 = time.perf_counter()
        found = suggest(text, themes, [], structure=st)
        t2 = time.perf_counter()
        best_structure, best_suggest = min(best_structure, t1 - t0), min(best_suggest, t2 - t1)
    print(f"{path.name}: {len(starts)} pages, {len(text):,} characters, {len(st.units)} units, "
          f"{len(found)} suggestions")
    print(f"structure {best_structure * 1000:.0f} ms, suggestions {best_suggest * 1000:.0f} ms, "
          f"together {(best_structure + best_suggest) * 1000:.0f} ms (best of {args.runs}; target 1000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
