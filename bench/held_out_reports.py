"""Make a folder of held-out inspection reports: the published reports of authorities the corpus does not hold.

    git clone https://github.com/JT-39/ofsted-ilacs-scrape-tool /tmp/ilacs
    python bench/held_out_reports.py /tmp/ilacs /tmp/held-out
    python bench/bench_metadata.py --held-out /tmp/held-out --show

The scrape tool's repository keeps Ofsted's ILACS reports (2018-) as published, with its record of each
(ofsted_csc_ilacs_history.csv: the same columns as ../shared/corpus/reports/metadata.csv). Every report of an
authority the corpus's record does not name, whose row the record could read, is copied to the folder as
<authority>_<published>.pdf beside a metadata.csv of its rows (with the corpus's "file" column), so
bench_metadata.py scores Reviewer on documents no rule was written against. SOURCE may be a clone's work
tree or its git directory (read with ``git show``). Nothing here is shipped or tested; no text is copied
into the project.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_RECORD = ROOT.parent / "shared" / "corpus" / "reports" / "metadata.csv"
HISTORY = "ofsted_csc_ilacs_history.csv"
REPORTS = "export_data/inspection_reports"


def _reader(source: Path):
    """A function giving a file of the repository by its path (bytes, or None where it is missing)."""
    if (source / HISTORY).is_file():
        return lambda path: (source / path).read_bytes() if (source / path).is_file() else None

    def show(path: str) -> bytes | None:
        done = subprocess.run(["git", "--git-dir", str(source), "show", f"HEAD:{path}"], capture_output=True)
        return done.stdout if done.returncode == 0 else None
    return show


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="a clone of JT-39/ofsted-ilacs-scrape-tool (work tree or git directory)")
    ap.add_argument("out", type=Path, help="the folder to write")
    ap.add_argument("--corpus-record", type=Path, default=CORPUS_RECORD)
    args = ap.parse_args()
    read = _reader(args.source)
    history = read(HISTORY)
    if history is None:
        print(f"{args.source}: no {HISTORY}; is it a clone of JT-39/ofsted-ilacs-scrape-tool?", file=sys.stderr)
        return 1
    with args.corpus_record.open(newline="", encoding="utf-8") as fh:
        held = {row["local_authority"] for row in csv.DictReader(fh)}
    args.out.mkdir(parents=True, exist_ok=True)
    kept: list[dict[str, str]] = []
    for row in csv.DictReader(history.decode("utf-8").splitlines()):
        if row["local_authority"] in held or row["overall_effectiveness_grade"] in ("", "data_unreadable"):
            continue
        data = read(f"{REPORTS}/{row['urn']}_{row['local_authority']}/{row['pdf_filename']}")
        if not data or not data.startswith(b"%PDF"):
            continue  # (a report the tool did not keep, or kept as a pointer)
        day, month, year = row["publication_date"].split("/")
        name = f"{re.sub(r'[^a-z0-9]+', '-', row['local_authority'].lower()).strip('-')}_20{year[-2:]}-{month}-{day}.pdf"
        (args.out / name).write_bytes(data)
        kept.append({**row, "file": name})
    if not kept:
        print("no held-out report found", file=sys.stderr)
        return 1
    with (args.out / "metadata.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(kept[0]))
        writer.writeheader()
        writer.writerows(kept)
    print(f"{args.out}: {len(kept)} reports of {len({r['local_authority'] for r in kept})} authorities the corpus "
          "does not hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
