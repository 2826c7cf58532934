"""Kill -9 storm: start a process writing to a library, SIGKILL it at a random moment, reopen, repeat.

    python bench/kill_storm.py [--target store|window|cli|restore|pack-import] [--rounds 300] [--max-delay 0.8]

The writer is the library itself (``store``), a main window tagging through its undo stack with
its panels and worker running (``window``, offscreen), or the ``reviewer tag`` command (``cli``:
each run that exited before the kill has acknowledged its annotation). Every round checks that
the library opens and holds every change acknowledged before the kill, with its latest content.

``restore``: each round damages the library and runs ``reviewer backups --restore``, killed at a
random moment of its run (the delay is drawn over the measured length of a whole run, so kills land
before, during and after the restore itself). Afterwards a library must be there: either the
damaged file, byte for byte (refused as damaged, never opened as a new library), or the whole
backup with every annotation; and the damaged file must never be lost.
``pack-import``: each round starts from the same manager's library (one letter, one annotation of its
own) and runs ``reviewer pack import`` of an auditor's pack (two letters, many annotations), killed at a
random moment of its run. Afterwards the library must open with the manager's own annotation; an import
that exited 0 before the kill must be there whole; one that was killed must be there whole or not at all
(a pack is merged as one step, never half).
POSIX only.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "tests" / "store"))

from crash_writer import run_and_kill  # noqa: E402

from reviewer.letters.importing import prepare_path  # noqa: E402
from reviewer.store.repository import LibraryStore  # noqa: E402

WRITER = ROOT / "tests" / "store" / "crash_writer.py"


QUOTES = ("drift and delay mean", "Leaders in Thornbury Vale have strengthened the front door")


def _cli_round(path: Path, r: int, after: float) -> dict[str, str]:
    """Run `reviewer tag`, SIGKILL it after ``after`` seconds unless it finished: a run that exited
    with 0 acknowledged its annotation (found by its note)."""
    cmd = [sys.executable, "-m", "reviewer", "tag", "thornbury", "--quote", QUOTES[r % 2], "--theme", "planning",
           "--severity", "improvement", "--note", f"cli {r}", "--author", "Storm", "--db", str(path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        code = proc.wait(timeout=after)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return {}
    return {f"cli {r}": f"cli {r}"} if code == 0 else {}


def _restore_storm(rounds: int, rng: random.Random, annotations: int) -> int:
    from reviewer.store.backups import good_backups
    from reviewer.store.repository import LibraryDamagedError

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lib.json"
        store = LibraryStore(path)
        store.add_prepared(prepare_path(ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf"))
        _many_tags(store, annotations)
        store.close()
        LibraryStore(path).close()  # opening a changed library keeps the backup that will be restored
        backup = good_backups(path)[0].path.read_bytes()
        damaged = backup[: len(backup) // 2]
        cmd = [sys.executable, "-m", "reviewer", "backups", "--db", str(path), "--restore"]

        def timed(command: list[str]) -> float:
            runs = []
            for _ in range(3):
                path.write_bytes(damaged)
                t = time.perf_counter()
                subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, check=True)
                runs.append(time.perf_counter() - t)
            return sorted(runs)[1]

        listing, whole = timed(cmd[:-1]), timed(cmd)  # start-up and checking the backups; then the whole restore
        lo, hi = listing * 0.9, whole * 1.1  # kills drawn over the part of the run where the restore happens
        print(f"library {len(backup) // 1024} KB, {annotations} annotations; `backups` takes {listing:.2f} s, "
              f"`backups --restore` {whole:.2f} s: kills between {lo:.2f} and {hi:.2f} s")
        failures = 0
        outcomes = {"still damaged": 0, "restored": 0, "killed between keeping aside and replacing": 0}
        t0 = time.perf_counter()
        for r in range(1, rounds + 1):
            for aside in Path(tmp).glob("lib.json.damaged-*"):
                aside.unlink()
            path.write_bytes(damaged)
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            try:
                proc.wait(timeout=rng.uniform(lo, hi))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            problem = None
            asides = [a.read_bytes() for a in Path(tmp).glob("lib.json.damaged-*")]
            if not path.exists():
                problem = "no library file"
            elif path.read_bytes() == damaged:
                outcomes["still damaged"] += 1
                if damaged in asides:
                    outcomes["killed between keeping aside and replacing"] += 1
                try:
                    LibraryStore(path).close()
                    problem = "the damaged library opened"
                except LibraryDamagedError as exc:
                    if not exc.backups:
                        problem = "no backup offered"
            elif path.read_bytes() == backup:
                outcomes["restored"] += 1
                if damaged not in asides:
                    problem = "the damaged file was not kept aside"
                check = LibraryStore(path)
                if check.created or len(check.library.annotations) != annotations:
                    problem = f"restored library has {len(check.library.annotations)} annotations"
                check.close()
            else:
                problem = f"the library is neither the old file nor the backup ({path.stat().st_size} bytes)"
            if problem:
                failures += 1
                print(f"round {r}: {problem}")
            if r % 25 == 0:
                print(f"{r} rounds: {outcomes}, {failures} failures, {time.perf_counter() - t0:.0f} s")
        print(f"done: {rounds} kills during restore, {failures} failures; {outcomes}")
        return 1 if failures else 0


def _pack_import_storm(rounds: int, rng: random.Random, annotations: int) -> int:
    import shutil

    from reviewer.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        ann = Workspace(LibraryStore(base / "ann" / "lib.json"))
        ann.set_auditor("Ann Auditor")
        for name in ("thornbury_vale_2025_focused_visit.pdf", "eastmere_2024_monitoring_visit.pdf"):
            ann.add_file(ROOT / "sample_docs" / name)
        _many_tags(ann.store, annotations)
        pack = base / "ann.zip"
        ann.export_pack(list(ann.library.letters), pack, "Ann Auditor")
        theirs = set(ann.library.annotations)
        ann.close()
        meg_dir = base / "meg"
        meg = Workspace(LibraryStore(meg_dir / "lib.json"))
        meg.set_auditor("Meg Manager")
        letter = meg.add_file(ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf")[0]
        own = meg.tag_quote(letter, QUOTES[1], ["leadership"], "strength").id
        meg.close()
        LibraryStore(meg_dir / "lib.json").close()  # settled: the state each round starts from
        pristine = base / "pristine"
        shutil.copytree(meg_dir, pristine)
        cmd = [sys.executable, "-m", "reviewer", "pack", "import", str(pack), "--db", str(meg_dir / "lib.json")]

        def whole_run() -> float:
            shutil.rmtree(meg_dir)
            shutil.copytree(pristine, meg_dir)
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, check=True)
            return time.perf_counter() - t

        whole = sorted(whole_run() for _ in range(3))[1]
        print(f"a pack of {len(theirs)} annotations; `pack import` takes {whole:.2f} s: kills between 0 and "
              f"{whole * 1.1:.2f} s")
        failures = 0
        outcomes = {"finished": 0, "killed, nothing imported": 0, "killed, all imported": 0}
        t0 = time.perf_counter()
        for r in range(1, rounds + 1):
            shutil.rmtree(meg_dir)
            shutil.copytree(pristine, meg_dir)
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            try:
                finished = proc.wait(timeout=rng.uniform(0, whole * 1.1)) == 0
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                finished = False
            problem = None
            try:
                check = LibraryStore(meg_dir / "lib.json")
            except Exception as exc:  # noqa: BLE001
                problem = f"the library did not open: {exc}"
            else:
                have = set(check.library.annotations)
                check.close()
                came = len(theirs & have)
                if own not in have:
                    problem = "the manager's own annotation was lost"
                elif finished and came != len(theirs):
                    problem = f"an import that finished left {came} of {len(theirs)} annotations"
                elif came not in (0, len(theirs)):
                    problem = f"half a pack: {came} of {len(theirs)} annotations"
                else:
                    key = "finished" if finished else ("killed, all imported" if came else "killed, nothing imported")
                    outcomes[key] += 1
            if problem:
                failures += 1
                print(f"round {r}: {problem}")
            if r % 25 == 0:
                print(f"{r} rounds: {outcomes}, {failures} failures, {time.perf_counter() - t0:.0f} s")
        print(f"done: {rounds} kills during pack import, {failures} failures; {outcomes}")
        return 1 if failures else 0


def _many_tags(store: LibraryStore, n: int) -> None:
    from reviewer.core.annotations.commands import AddAnnotation, UndoStack
    from reviewer.core.annotations.tagging import new_annotation

    letter = next(iter(store.library.letters.values()))
    ex = store.saved_text(letter.id)
    assert ex is not None
    undo = UndoStack(store.library)
    for i in range(n):
        s = (i * 37) % max(1, len(ex.text) - 40)
        undo.push(AddAnnotation(new_annotation(ex.text, ex.page_starts, letter.id, s, s + 30, ["planning"],
                                               "improvement", f"note {i}", "Storm")))
    store.commit()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=300)
    ap.add_argument("--max-delay", type=float, default=0.8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--target", choices=("store", "window", "cli", "restore", "pack-import"), default="store")
    ap.add_argument("--annotations", type=int, default=2000, help="restore, pack-import: annotations in the library")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.target == "restore":
        return _restore_storm(args.rounds, rng, args.annotations)
    if args.target == "pack-import":
        return _pack_import_storm(args.rounds, rng, args.annotations)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lib.json"
        store = LibraryStore(path)
        store.add_prepared(prepare_path(ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf"))
        store.close()
        acked: dict[str, str] = {}
        failures = 0
        t0 = time.perf_counter()
        for r in range(1, args.rounds + 1):
            if args.target == "cli":
                acked.update(_cli_round(path, r, rng.uniform(0.0, args.max_delay)))
            else:
                cmd = [sys.executable, str(WRITER), str(path)] + (["--window"] if args.target == "window" else [])
                proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                acked.update(run_and_kill(proc, rng.uniform(0.0, args.max_delay)))
            try:
                check = LibraryStore(path)
            except Exception as exc:  # noqa: BLE001
                print(f"round {r}: the library did not open: {exc}")
                failures += 1
                continue
            if args.target == "cli":  # acknowledged by note: the command does not print ids
                notes = {a.note for a in check.library.annotations.values()}
                lost = [n for n in acked if n not in notes]
            else:
                lost = [a for a, note in acked.items()
                        if a not in check.library.annotations or check.library.annotations[a].note != note]
            n = len(check.library.annotations)
            check.close()
            if lost:
                failures += 1
                print(f"round {r}: {len(lost)} acknowledged change(s) lost")
            if r % 50 == 0:
                print(f"{r} rounds, {len(acked)} acknowledged annotations, {n} in the library, "
                      f"{failures} failures, {time.perf_counter() - t0:.0f} s")
        print(f"done: {args.rounds} kills, {failures} failures, {len(acked)} acknowledged changes all present"
              if not failures else f"done: {failures} failures in {args.rounds} kills")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
