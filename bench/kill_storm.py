"""Kill -9 storm: start a process writing to a library, SIGKILL it at a random moment, reopen, repeat.

    python bench/kill_storm.py [--target store|window|cli] [--rounds 300] [--max-delay 0.8]

The writer is the library itself (``store``), a main window tagging through its undo stack with
its panels and worker running (``window``, offscreen), or the ``reviewer tag`` command (``cli``:
each run that exited before the kill has acknowledged its annotation). Every round checks that
the library opens and holds every change acknowledged before the kill, with its latest content.
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=300)
    ap.add_argument("--max-delay", type=float, default=0.8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--target", choices=("store", "window", "cli"), default="store")
    args = ap.parse_args()
    rng = random.Random(args.seed)
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
