"""Time exporting and opening audit packs.

    python bench/bench_packs.py [--letters N] [--every K]

Builds a temporary library of N letters (the published reports in ../shared/reports, cycled,
or the sample letters when ../shared is absent; copies get a distinct trailing byte so each is
its own letter), tags every K-th sentence, then times: building and writing the pack, verifying
it, and opening it into a fresh library (reading every letter again). Prints the machine too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_common import machine, report_sources  # noqa: E402

from reviewer.core.annotations.commands import AddAnnotation, UndoStack  # noqa: E402
from reviewer.workspace import Workspace  # noqa: E402
from reviewer.letters.pdf import extractor_version  # noqa: E402
from reviewer.letters.importing import layout_for, prepare_letter  # noqa: E402
from reviewer.core.team.moderation import sentences  # noqa: E402
from reviewer.core.annotations.tagging import new_annotation  # noqa: E402
from reviewer.export.pack import export_pack  # noqa: E402
from reviewer.export.pack_import import plan_pack_import  # noqa: E402
from reviewer.export.pack_read import read_pack  # noqa: E402
from reviewer.store.repository import LibraryStore  # noqa: E402



def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--letters", type=int, default=20)
    ap.add_argument("--every", type=int, default=6, help="tag every K-th sentence")
    ap.add_argument("--cold", action="store_true",
                    help="letters never opened in the window: their layouts are read during the export")
    args = ap.parse_args()
    files = report_sources()
    with tempfile.TemporaryDirectory() as tmp:
        store = LibraryStore(Path(tmp) / "auditor.json")
        undo = UndoStack(store.library)
        themes = [t.id for t in store.library.active_themes()]
        pages = 0
        t0 = time.perf_counter()
        for i in range(args.letters):
            src = files[i % len(files)]
            data = src.read_bytes() + (b"\n%" + str(i).encode() if i >= len(files) else b"")
            prep = prepare_letter(data, f"{src.stem}-{i}.pdf")
            letter, _ = store.add_prepared(prep)
            pages += letter.pages
            ex = prep.extracted
            for j, (s, e) in enumerate(sentences(ex.text)):
                if j % args.every == 0 and e - s > 20:
                    ann = new_annotation(ex.text, ex.page_starts, letter.id, s, e, [themes[j % len(themes)]],
                                         ("strength", "context", "improvement", "priority")[(j // args.every) % 4], "note", "Bench Auditor")
                    undo.push(AddAnnotation(ann))
        setup = time.perf_counter() - t0
        if not args.cold:  # every letter an auditor annotated was opened, and its layout kept, in the window
            for x in store.library.letters.values():
                layout, _, _ = layout_for(store.letter_bytes(x), x.kind, x.source)
                store.save_layout(x.id, layout, extractor_version(x.kind))
        n_ann = len(store.library.annotations)
        out = Path(tmp) / "pack.zip"
        t0 = time.perf_counter()
        export_pack(Workspace(store), list(store.library.letters), out, "Bench Auditor")
        t_export = time.perf_counter() - t0
        t0 = time.perf_counter()
        contents = read_pack(out)
        t_verify = time.perf_counter() - t0
        fresh = LibraryStore(Path(tmp) / "manager.json")
        t0 = time.perf_counter()
        plan = plan_pack_import(contents, fresh.library, fresh.saved_text)
        for prep in plan.prepared:
            fresh.save_files(prep)
        UndoStack(fresh.library).push(plan.command)
        t_open = time.perf_counter() - t0
        assert len(fresh.library.annotations) == n_ann
        store.close()
        fresh.close()
        print(machine())
        print(f"library: {args.letters} letters, {pages} pages, {n_ann} annotations (built in {setup:.1f} s)")
        print(f"pack: {out.stat().st_size / 2**20:.1f} MB")
        print(f"export pack:            {t_export:6.2f} s"
              + ("  (letters never opened: layouts read during export)" if args.cold else
                 "  (layouts kept from opening each letter, as for any annotated letter)"))
        print(f"verify pack:            {t_verify:6.2f} s")
        print(f"open into new library:  {t_open:6.2f} s")


if __name__ == "__main__":
    main()
