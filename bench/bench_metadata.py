"""How well Reviewer reads letters' metadata, field by field, against the published record.

    python bench/bench_metadata.py [--reports DIR] [--letters DIR] [--show]

- Reports: every PDF listed in DIR/metadata.csv (default ../shared/reports), compared with the
  record's local authority, publication date, lead inspector, inspection start and end dates
  and the five judgements. A record value that is not a grade ("data_unreadable",
  "inspection_pre_dates_judgement", "not_reported_post_reform") is scored as "the report does
  not give it": right when Reviewer gives nothing. Publication dates are also scored within
  7 days: reports do not print their publication date, and the file's own creation date,
  a few days earlier, is what Reviewer can offer.
- Letters: every letter in DIR (default ../shared/letters) named in tests/gold/letters_metadata.json,
  whose values a person read from the letters.

Prints each field's accuracy (right / scored) and, with --show, every miss.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.letters.importing import prepare_path  # noqa: E402

JUDGEMENTS = ("overall_effectiveness", "impact_of_leaders", "help_and_protection", "in_care", "care_leavers")
GRADES = {"outstanding", "good", "requires improvement", "inadequate"}


def _norm(s: object) -> str:
    return " ".join(str(s or "").replace("-", " ").replace("’", "'").casefold().split())


def _date(s: str) -> str | None:
    """dd/mm/yy or dd/mm/yyyy -> ISO."""
    try:
        d, m, y = (int(p) for p in s.strip().split("/"))
    except ValueError:
        return None
    return date(y + 2000 if y < 100 else y, m, d).isoformat()


def _near(a: str | None, b: str | None, days: int) -> bool:
    if not a or not b:
        return a == b
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= days


class Score:
    def __init__(self) -> None:
        self.right: dict[str, int] = defaultdict(int)
        self.seen: dict[str, int] = defaultdict(int)
        self.misses: list[str] = []

    def add(self, field: str, ok: bool, where: str, got: object, want: object) -> None:
        self.seen[field] += 1
        self.right[field] += ok
        if not ok:
            self.misses.append(f"{where}: {field}: read {got!r}, record {want!r}")


def score_reports(folder: Path, s: Score) -> int:
    table = folder / "metadata.csv"
    if not table.exists():
        return 0
    n = 0
    with table.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pdf = next((p for p in folder.glob("*.pdf") if p.stem.startswith(row["local_authority"].replace(" ", "-"))
                        and _date(row["publication_date"]) and p.stem.endswith(_date(row["publication_date"]) or "")), None)
            if pdf is None:
                continue
            n += 1
            m = prepare_path(pdf).letter.meta
            where = pdf.name
            s.add("authority", _norm(m.authority) == _norm(row["local_authority"]), where, m.authority, row["local_authority"])
            s.add("doc_type", m.doc_type == "inspection report", where, m.doc_type, "inspection report")
            pub = _date(row["publication_date"])
            s.add("published (exact)", m.published == pub, where, m.published, pub)
            s.add("published (within 7 days)", _near(m.published, pub, 7), where, m.published, pub)
            for field, col in (("visit_start", "inspection_start_date"), ("visit_end", "inspection_end_date")):
                want = _date(row[col]) if row[col] else None
                if want:
                    s.add(field, getattr(m, field) == want, where, getattr(m, field), want)
            if row["inspector_name"]:
                s.add("lead_inspector", _norm(m.lead_inspector) == _norm(row["inspector_name"]), where,
                      m.lead_inspector, row["inspector_name"])
            got = dict(m.judgements)
            for j in JUDGEMENTS:
                want = row.get(f"{j}_grade", "")
                if want == "data_unreadable" or not want:
                    continue  # the record itself could not read it: nothing to score against
                want_v = want if want in GRADES else None
                s.add(f"judgement: {j}", got.get(j) == want_v, where, got.get(j), want)
    return n


def score_letters(folder: Path, gold_file: Path, s: Score) -> int:
    if not folder.is_dir() or not gold_file.exists():
        return 0
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    n = 0
    for stem, want in gold.items():
        if stem.startswith("_"):
            continue
        for path in sorted(folder.glob(f"{stem}.*")):
            n += 1
            m = prepare_path(path).letter.meta
            got = {"authority": m.authority, "doc_type": m.doc_type, "published": m.published,
                   "visit_start": m.visit_start, "visit_end": m.visit_end, "lead_inspector": m.lead_inspector,
                   "inspectors": list(m.inspectors), "judgements": dict(m.judgements) or None}
            for field, value in want.items():
                ok = ([_norm(x) for x in got[field]] == [_norm(x) for x in value] if field == "inspectors"
                      else _norm(got[field]) == _norm(value) if isinstance(value, str) else got[field] == value)
                s.add(f"letters: {field}", ok, path.name, got[field], value)
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=Path, default=ROOT.parent / "shared" / "reports")
    ap.add_argument("--letters", type=Path, default=ROOT.parent / "shared" / "letters")
    ap.add_argument("--show", action="store_true", help="list every miss")
    args = ap.parse_args()
    s = Score()
    n_reports = score_reports(args.reports, s)
    n_letters = score_letters(args.letters, ROOT / "tests" / "gold" / "letters_metadata.json", s)
    print(f"{n_reports} reports against {args.reports / 'metadata.csv'}; {n_letters} letter files against the gold set")
    for field in s.seen:
        print(f"  {field:34} {s.right[field]:4d} / {s.seen[field]:<4d} {100 * s.right[field] / s.seen[field]:5.1f}%")
    if args.show and s.misses:
        print("misses:")
        for miss in s.misses:
            print("  " + miss)


if __name__ == "__main__":
    main()
