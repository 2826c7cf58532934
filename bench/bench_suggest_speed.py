"""How long the suggester takes on a 12-page report (issue 15: at most 1 s on 2 cores).

    python bench/bench_suggest_speed.py [REPORT.pdf] [--runs N]

Reads the report once (PyMuPDF, not timed), then times, best of N runs: the structure
(core.reading.outline.analyse) and the suggestions (core.reading.suggest.suggest, the theme model,
its word prior and naive Bayes reading included). By default the first 12-page report of the
development side of the corpus (bench/corpus_split.json). Then the same with a library that already
holds --library annotations of other letters and as many dismissed passages elsewhere (what
SeverityLearner and the theme model learn from, on every run): sentences of other development
reports, tagged as the rules read them. Last, the re-work the window runs after each decision: the same
letter and structure, with one more of its suggestions accepted each time.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_suggestions import read_letter  # noqa: E402
from corpus_split import files_for  # noqa: E402

from reviewer.core.annotations.codebook import default_themes  # noqa: E402
from reviewer.core.reading.outline import analyse  # noqa: E402
from reviewer.core.reading.suggest import forget_readings, suggest  # noqa: E402


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
    ap.add_argument("--library", type=int, default=2000, help="annotations in the library for the second timing")
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
        forget_readings()
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
    library, gone = a_library(path, args.library)
    forget_readings()
    times = []
    for _ in range(max(1, args.runs) + 1):
        t0 = time.perf_counter()
        st = analyse(text, starts)
        learnt = suggest(text, themes, library, structure=st, dismissed_quotes=gone)
        times.append(time.perf_counter() - t0)
    print(f"with a library of {len(library):,} annotations and {len(gone):,} dismissed passages elsewhere: "
          f"first run {times[0] * 1000:.0f} ms, then {min(times[1:]) * 1000:.0f} ms (best of {args.runs}), "
          f"structure included, {len(learnt)} suggestions")
    # the window's re-work after each decision: the same letter and structure, the library one tag bigger
    st = analyse(text, starts)
    suggest(text, themes, library, structure=st, dismissed_quotes=gone, letter_id="this")
    decided = []
    times = []
    for s in learnt[:max(1, args.runs)]:
        decided.append(replace(library[0], id=f"d{len(decided)}", letter_id="this", start=s.start, end=s.end,
                               quote=s.quote, severity=s.severity, themes=s.themes))
        t0 = time.perf_counter()
        suggest(text, themes, [*library, *decided], existing=[(a.start, a.end) for a in decided], structure=st,
                dismissed_quotes=gone, letter_id="this")
        times.append(time.perf_counter() - t0)
    print(f"the re-work after each decision (the letter's structure kept, the library one tag bigger): "
          f"{min(times) * 1000:.0f}-{max(times) * 1000:.0f} ms over {len(times)} decisions")
    return 0


def a_library(skip: Path, n: int) -> tuple[list, list[str]]:
    """``n`` annotations and ``n`` dismissed passages from other development reports, as the rules read them."""
    from reviewer.core.annotations.model import Annotation

    anns: list = []
    gone: list[str] = []
    for path in files_for("development"):
        if path == skip or (len(anns) >= n and len(gone) >= n):
            continue
        text, starts = read_letter(path)
        for x in suggest(text, default_themes(), [], structure=analyse(text, starts)):
            if len(anns) < n:
                anns.append(Annotation(id=f"a{len(anns)}", letter_id=path.stem, start=x.start, end=x.end,
                                       quote=x.quote, prefix="", suffix="", pages=(1,), themes=x.themes,
                                       severity=x.severity))
            elif len(gone) < n:
                gone.append(x.quote)
    return anns, gone


if __name__ == "__main__":
    sys.exit(main())
