"""How well Reviewer reads documents' metadata, field by field, against the published record.

    python bench/bench_metadata.py [--corpus DIR] [--letters DIR] [--side development|validation|both]
                                   [--cache DIR] [--show]

- Corpus (default ../shared/corpus/reports): every PDF of the development and of the validation side of
  the split (bench/corpus_split.json), scored separately, against the record (DIR/metadata.csv):
  authority, document type, framework (an ILACS report's short or standard inspection), visit start and
  end, lead inspector, each judgement, publication date.
  * Judgements are named as the record names them. A record value "inspection_pre_dates_judgement"
    (the framework had no such judgement) or "not_reported_post_reform" (no overall judgement from
    2026) means the report gives none: right when Reviewer gives none.
  * Rows the record's own reader failed on ("data_unreadable": the 2013-18 reports) are scored against
    values read by hand from the documents, bench/metadata_read.json, which also gives the single
    inspection framework's sub-judgements (adoption; care leavers) and says which documents print
    their own publication date. Files that are not reports at all (a saved "Report not found" web
    page) must read as type "other" with no authority; they are left out of the field scores and
    counted apart.
  * Where the record is wrong (checked by reading the PDF), bench/metadata_exceptions.json gives what
    the document says, which is scored instead; the number of excepted values is printed.
  * Publication date: exact where the document prints it; otherwise (no ILACS report prints it) within
    7 days and flagged as estimated (Reviewer offers the PDF's creation date, a few days earlier).
- Letters: every letter in ../shared/letters named in tests/gold/letters_metadata.json, read by a person.

Prints each field's accuracy (right / scored) per side and, with --show, every miss. --cache DIR keeps
each PDF's extracted text there (keyed by size and extractor), to iterate quickly on the reader.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from reviewer.core.text.documents import kind_for  # noqa: E402
from reviewer.letters.pdf import extractor_version  # noqa: E402
from reviewer.letters.importing import extract, prepare_path, read_file  # noqa: E402
from reviewer.core.reading.metadata import read_metadata  # noqa: E402
from reviewer.core.reading.judgements import BOARD  # noqa: E402
from reviewer.core.annotations.model import LetterMeta  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
LETTERS = ROOT.parent / "shared" / "letters"
READ_FILE = HERE / "metadata_read.json"
EXCEPTIONS_FILE = HERE / "metadata_exceptions.json"
SPLIT_FILE = HERE / "corpus_split.json"
LETTERS_GOLD = ROOT / "tests" / "gold" / "letters_metadata.json"

JUDGEMENTS = ("overall_effectiveness", "impact_of_leaders", "help_and_protection", "in_care", "care_leavers")
SUB_JUDGEMENTS = ("adoption",)  # the single inspection framework's 2.1; its 2.2 is care_leavers
NOT_GIVEN = {"inspection_pre_dates_judgement", "not_reported_post_reform"}
UNREAD = {"data_unreadable", ""}
FIELDS = ("authority", "doc_type", "framework", "visit_start", "visit_end", "lead_inspector",
          *(f"judgement: {j}" for j in JUDGEMENTS + SUB_JUDGEMENTS), "judgements (whole set)",
          "published", "published: estimated flag")


def _norm(s: object) -> str:
    return " ".join(str(s or "").replace("-", " ").replace("’", "'").casefold().split())


def norm_authority(s: object) -> str:
    """An authority's name as compared: case, "&"/"and", hyphens, full stops and "City of" aside;
    "Hull" is Kingston upon Hull."""
    n = _norm(str(s or "").replace("&", " and ").replace(".", " "))
    n = re.sub(r"^city of |\s+city of$", "", n).strip()
    return {"hull": "kingston upon hull"}.get(n, n)


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
        self.reports = 0
        self.left_out: list[str] = []  # files that are not reports
        self.left_out_ok = 0  # ... read as they should be: type "other", no authority
        self.excepted = 0

    def add(self, field: str, ok: bool, where: str, got: object, want: object) -> None:
        self.seen[field] += 1
        self.right[field] += ok
        if not ok:
            self.misses.append(f"{where}: {field}: read {got!r}, expected {want!r}")

    def rate(self, field: str) -> float:
        return self.right[field] / self.seen[field] if self.seen[field] else 1.0

    def table(self, indent: str = "  ") -> list[str]:
        order = [f for f in FIELDS if f in self.seen] + [f for f in self.seen if f not in FIELDS]
        return [f"{indent}{f:34} {self.right[f]:4d} / {self.seen[f]:<4d} {100 * self.rate(f):5.1f}%" for f in order]


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def read_meta(pdf: Path, cache: Path | None = None) -> LetterMeta:
    """The metadata Reviewer reads on import (the text and the PDF's creation date), from the cache
    when one is given and holds this file's text from the same extractor."""
    if cache is None:
        return prepare_path(pdf).letter.meta
    data = read_file(pdf)
    kind = kind_for(pdf.name, data)
    key = {"size": len(data), "extractor": extractor_version(kind)}
    entry = cache / (pdf.name + ".json")
    stored = load_json(entry)
    if {k: stored.get(k) for k in key} != key:
        ex = extract(data, kind, pdf.name)
        stored = {**key, "text": ex.text, "created": ex.created}
        cache.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps(stored), encoding="utf-8")
    return read_metadata(stored["text"], stored["created"])


def expected(row: dict[str, str], read: dict, exceptions: dict[tuple[str, str], object]) -> tuple[dict[str, object], int]:
    """What each field should read for one corpus report, and how many values the exceptions changed."""
    name = row["file"]
    hand = read.get(name, {})
    want: dict[str, object] = {"authority": row["local_authority"], "doc_type": hand.get("doc_type", "inspection report")}
    for field, col in (("visit_start", "inspection_start_date"), ("visit_end", "inspection_end_date")):
        want[field] = _date(row[col]) if row[col] else hand.get(field)
    want["lead_inspector"] = row["inspector_name"] or hand.get("lead_inspector")
    # the record's framework: an ILACS inspection's "short" or "standard" (blank before ILACS; any other word
    # is the record's remark, not a framework)
    want["framework"] = f"ilacs {row['inspection_framework']}" if row.get("inspection_framework") in (
        "short", "standard") else None
    grades: dict[str, str | None] = {}
    for j in JUDGEMENTS:
        rec = row.get(f"{j}_grade", "")
        if rec in UNREAD:
            if not hand:
                continue  # neither the record nor a reading: nothing to score against
            grades[j] = hand.get("judgements", {}).get(j)
        else:
            grades[j] = None if rec in NOT_GIVEN else rec
    if hand:
        for j in SUB_JUDGEMENTS:
            grades[j] = hand.get("judgements", {}).get(j)
    want["judgements"] = grades
    want["published"] = _date(row["publication_date"])
    want["published_printed"] = bool(hand.get("published_printed"))
    n = 0
    for (file, field), value in exceptions.items():
        if file != name:
            continue
        n += 1
        if field.startswith("judgement: "):
            grades[field.removeprefix("judgement: ")] = value
        else:
            want[field] = value
    return want, n


def score_report(m: LetterMeta, want: dict[str, object], where: str, s: Score) -> None:
    s.add("authority", norm_authority(m.authority) == norm_authority(want["authority"]), where, m.authority,
          want["authority"])
    s.add("doc_type", m.doc_type == want["doc_type"], where, m.doc_type, want["doc_type"])
    if want["framework"]:
        s.add("framework", m.framework == want["framework"], where, m.framework, want["framework"])
    for field in ("visit_start", "visit_end"):
        if want[field]:
            s.add(field, getattr(m, field) == want[field], where, getattr(m, field), want[field])
    if want["lead_inspector"]:
        s.add("lead_inspector", _norm(m.lead_inspector) == _norm(want["lead_inspector"]), where, m.lead_inspector,
              want["lead_inspector"])
    got = dict(m.judgements)
    got.pop(BOARD, None)  # (the record carries no board's judgement: the LSCB review's grade is read beside it)
    grades: dict[str, object] = want["judgements"]  # type: ignore[assignment]
    for j, grade in grades.items():
        s.add(f"judgement: {j}", got.get(j) == grade, where, got.get(j), grade)
    if all(j in grades for j in JUDGEMENTS):  # every judgement known: nothing else may be read
        whole = {j: g for j, g in grades.items() if g}
        s.add("judgements (whole set)", got == whole, where, got, whole)
    printed, pub = bool(want["published_printed"]), want["published"]
    ok = m.published == pub if printed else _near(m.published, pub, 7)  # type: ignore[arg-type]
    s.add("published", ok, where, m.published, pub if printed else f"{pub} ± 7 days")
    estimated = bool(getattr(m, "published_estimated", False))
    s.add("published: estimated flag", estimated == (not printed), where, estimated, not printed)


def corpus_rows(corpus: Path) -> dict[str, dict[str, str]]:
    table = corpus / "metadata.csv"
    if not table.exists():
        return {}
    with table.open(newline="", encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


def exceptions_by_field() -> dict[tuple[str, str], object]:
    return {(e["file"], e["field"]): e["document"] for e in load_json(EXCEPTIONS_FILE).get("exceptions", [])}


def score_corpus(side: str, corpus: Path = CORPUS, cache: Path | None = None) -> Score:
    """Scores of one side of the split ('development' or 'validation'), or with side 'held out' every report
    of ``corpus``'s record (a folder bench/held_out_reports.py made: authorities the corpus does not hold)."""
    s = Score()
    rows = corpus_rows(corpus)
    split = load_json(SPLIT_FILE) if side != "held out" else {side: sorted(rows)}
    read = load_json(READ_FILE).get("reports", {})
    exceptions = exceptions_by_field()
    for name in split.get(side, []):
        pdf, row = corpus / name, rows.get(name)
        if row is None or not pdf.is_file():
            continue
        m = read_meta(pdf, cache)
        if read.get(name, {}).get("not_a_report"):
            s.left_out.append(name)
            s.left_out_ok += m.doc_type == "other" and not m.authority
            if m.doc_type != "other" or m.authority:
                s.misses.append(f"{name}: not a report, read as {m.doc_type!r} of {m.authority!r}")
            continue
        want, n = expected(row, read, exceptions)
        s.reports += 1
        s.excepted += n
        score_report(m, want, name, s)
    return s


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
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--letters", type=Path, default=LETTERS)
    ap.add_argument("--side", choices=("development", "validation", "both"), default="both")
    ap.add_argument("--cache", type=Path, default=None, help="keep extracted text here between runs")
    ap.add_argument("--show", action="store_true", help="list every miss")
    ap.add_argument("--held-out", type=Path, default=None, help="score every report of this folder's record "
                    "instead (bench/held_out_reports.py makes one of authorities the corpus does not hold)")
    args = ap.parse_args()
    sides = ("development", "validation") if args.side == "both" else (args.side,)
    if args.held_out:
        args.corpus, sides = args.held_out, ("held out",)
    if not (args.corpus / "metadata.csv").exists():
        print(f"no corpus at {args.corpus}: corpus figures skipped")
        sides = ()
    n_exceptions = len(load_json(EXCEPTIONS_FILE).get("exceptions", []))
    for side in sides:
        s = score_corpus(side, args.corpus, args.cache)
        print(f"{side}: {s.reports} reports against {args.corpus / 'metadata.csv'}"
              f" (hand-read values for the record's unreadable rows: {READ_FILE.name});"
              f" {s.excepted} record values excepted ({EXCEPTIONS_FILE.name});"
              f" {len(s.left_out)} file(s) left out as not reports, {s.left_out_ok} of them read as 'other'"
              f" with no authority")
        print("\n".join(s.table()))
        if args.show and s.misses:
            print("  misses:")
            for miss in s.misses:
                print("    " + miss)
    s = Score()
    n_letters = score_letters(args.letters, LETTERS_GOLD, s)
    print(f"letters: {n_letters} letter files against the gold set ({LETTERS_GOLD.name});"
          f" exceptions listed in all: {n_exceptions}")
    print("\n".join(s.table()))
    if args.show and s.misses:
        print("  misses:")
        for miss in s.misses:
            print("    " + miss)


if __name__ == "__main__":
    main()
