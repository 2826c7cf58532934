"""Making the whole-document gold: every sentence and bullet of a document, labelled by reading.

    python bench/gold_units.py dump REPORT.pdf [-o units.txt]     # the units to read, numbered
    python bench/gold_units.py write REPORT.pdf LABELS.tsv        # record the labels as gold
    python bench/gold_units.py decide REPORT.pdf LABELS.tsv       # record one decision's labels only

`dump` lists the document's units (sentences and bullets, as Reviewer's reader splits them today),
each with its number, page and the heading it sits under, and the codebook's theme ids. Read it
outside the project (the document text never enters the repository).

LABELS.tsv has one line per unit: `number<TAB>label<TAB>themes`, where label is strength, context,
improvement, priority or none (not worth tagging: headings, furniture, address blocks, boilerplate,
contents lines), and themes is up to three comma-separated theme ids (empty for none). Lines that
start with # are comments. Every unit must be labelled.

`decide` records the labels of some units only (a report's failing-service weaknesses, read for the
priority model: what bench/train_priority.py learns from beside the whole-document gold) in
tests/gold/priority_decisions.json, which the suggestion bench never scores (its documents are not whole).

`write` keeps, for each unit, its offsets in the document's canonical text, a fingerprint of how it
reads (reviewer's unit key) and the label: never the text. The gold lives in
tests/gold/corpus_*.json (one file per labeller, --gold names it), keyed by file name, with the
file's side of the corpus split.
Scoring matches a suggestion to the gold unit it overlaps most, so the gold outlives changes to
how units are split.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_split import side  # noqa: E402

from reviewer.core.annotations.codebook import default_themes  # noqa: E402
from reviewer.core.reading.outline import analyse, unit_key, unit_quote  # noqa: E402

GOLD_DIR = ROOT / "tests" / "gold"
LABELS = ("strength", "context", "improvement", "priority", "none")


def read(path: Path) -> tuple[str, list[int]]:
    if path.suffix.lower() == ".pdf":
        import pymupdf

        from reviewer.letters.pdf_text import pdf_text

        with pymupdf.open(path) as doc:
            return pdf_text(doc)
    from reviewer.core.text.documents import decode_text

    return decode_text(path.read_bytes(), path.name).text, []


def units_of(path: Path):
    text, page_starts = read(path)
    st = analyse(text, page_starts)
    import bisect

    for i, (s, e) in enumerate(st.units, 1):
        page = bisect.bisect_right(page_starts, s) if page_starts else 1
        part = st.part_at(s)
        yield i, s, e, page, part, unit_quote(text, s, e, st.furniture), unit_key(text, s, e, st.furniture)


def dump(path: Path, out) -> None:
    print("# theme ids: " + ", ".join(f"{t.id} ({t.label})" for t in default_themes()), file=out)
    print("# labels: " + ", ".join(LABELS), file=out)
    for i, s, e, page, part, quote, _key in units_of(path):
        where = f"{part.kind}: {part.title[:60]}" if part else "-"
        print(f"#{i} p{page} [{where}] {quote}", file=out)


DECISIONS = GOLD_DIR / "priority_decisions.json"
DECISIONS_ABOUT = (
    "One decision read in more development reports: each weakness the rules find under an inadequate judgement "
    "outside the inspectors' own lists (reviewer.core.reading.model_inputs.failing_weakness), labelled priority, "
    "improvement, strength, context or none by reading it in its place against DOMAIN.md, without the suggester "
    "(bench/gold_units.py decide). Not whole documents: bench/train_priority.py trains on it beside the corpus gold; "
    "the suggestion bench does not score it. Offsets into the canonical text and a unit key, never the text.")


def write(path: Path, labels_file: Path, GOLD: Path, partial: bool = False) -> None:
    theme_ids = {t.id for t in default_themes()}
    labels: dict[int, tuple[str, list[str]]] = {}
    for n, line in enumerate(labels_file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        try:
            idx, label = int(cols[0].lstrip("#")), cols[1].strip().lower()
        except (IndexError, ValueError):
            sys.exit(f"{labels_file}:{n}: expected number<TAB>label<TAB>themes")
        themes = [t.strip() for t in (cols[2] if len(cols) > 2 else "").split(",") if t.strip()]
        if label not in LABELS:
            sys.exit(f"{labels_file}:{n}: unknown label {label!r}")
        bad = [t for t in themes if t not in theme_ids]
        if bad or len(themes) > 3 or (label == "none" and themes):
            sys.exit(f"{labels_file}:{n}: bad themes {themes!r}")
        labels[idx] = (label, themes)
    units = []
    numbered = 0
    for i, s, e, _page, _part, _quote, key in units_of(path):
        numbered = i
        if i not in labels:
            if partial:
                continue
            sys.exit(f"unit #{i} has no label")
        label, themes = labels[i]
        units.append({"start": s, "end": e, "key": key, "label": label, "themes": themes})
    if partial and (unknown := sorted(i for i in labels if i > numbered)):
        sys.exit(f"{labels_file}: units {unknown[:5]} are not in {path.name}")
    gold = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else {
        "about": DECISIONS_ABOUT, "documents": {}} if partial else {
        "about": ("An auditor's exhaustive labels of whole corpus documents (../shared/corpus/reports): every "
                  "sentence and bullet as strength, context, improvement, priority or none (not worth tagging), "
                  "with 0-3 theme ids of the default codebook. Offsets into the canonical text and a unit key "
                  "(reviewer.core.reading.outline.unit_key), never the text. Made by reading against DOMAIN.md, before "
                  "looking at what the suggester says (bench/gold_units.py)."),
        "documents": {}}
    import csv

    from corpus_split import CORPUS

    authority = next((r["local_authority"] for r in csv.DictReader(open(CORPUS / "metadata.csv", encoding="utf-8"))
                      if r["file"] == path.name), "")
    gold["documents"][path.name] = {"split": side(authority) if authority else "letters", "units": units}
    gold["documents"] = dict(sorted(gold["documents"].items()))
    GOLD.write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
    counts = {lab: sum(1 for u in units if u["label"] == lab) for lab in LABELS}
    print(f"{path.name}: {len(units)} units recorded {counts}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("file", type=Path)
    d.add_argument("-o", type=Path)
    w = sub.add_parser("write")
    w.add_argument("file", type=Path)
    w.add_argument("labels", type=Path)
    w.add_argument("--gold", default="corpus_annotations.json", help="file name under tests/gold/ (corpus_*.json)")
    c = sub.add_parser("decide")
    c.add_argument("file", type=Path)
    c.add_argument("labels", type=Path)
    a = ap.parse_args()
    if a.cmd == "dump":
        if a.o:
            with open(a.o, "w", encoding="utf-8") as out:
                dump(a.file, out)
        else:
            dump(a.file, sys.stdout)
    elif a.cmd == "decide":
        write(a.file, a.labels, DECISIONS, partial=True)
    else:
        if not (a.gold.startswith("corpus_") and a.gold.endswith(".json")) or "/" in a.gold:
            sys.exit("--gold must be a file name corpus_*.json")
        write(a.file, a.labels, GOLD_DIR / a.gold)


if __name__ == "__main__":
    main()
