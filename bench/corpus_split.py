"""The corpus split: which authorities are for development and which are held back for validation.

The 243 reports in ../shared/corpus/reports belong to 76 authorities. Rules, word lists and models
are tuned on the development authorities only; figures are quoted on the validation ones. The split
is by authority, never by report, so that no validation authority's house style was ever read while
tuning. It is fixed by a hash of the authority's name (so it never depends on the order of files),
except that the authorities whose documents the project was first written against
(../shared/reports and ../shared/letters) are always development.

`python bench/corpus_split.py` prints the split; `corpus_split.json` beside this file is the same
split written down (a test holds that the two agree).
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[0].parent / "shared" / "corpus" / "reports"
SPLIT_FILE = HERE / "corpus_split.json"

# Read before the corpus existed: ../shared/reports and ../shared/letters.
ALWAYS_DEVELOPMENT = frozenset({
    "dorset", "durham", "lincolnshire", "liverpool", "north east lincolnshire", "st helens", "warrington",
})
VALIDATION_SHARE = 0.35


def side(authority: str) -> str:
    """'development' or 'validation' for an authority as metadata.csv names it."""
    name = authority.strip().lower()
    if name in ALWAYS_DEVELOPMENT:
        return "development"
    bucket = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "validation" if bucket < VALIDATION_SHARE else "development"


def corpus_rows(corpus: Path = CORPUS) -> list[dict[str, str]]:
    with open(corpus / "metadata.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_split() -> dict[str, list[str]]:
    """The written-down split: {"development": [file, ...], "validation": [file, ...], ...}."""
    return json.loads(SPLIT_FILE.read_text(encoding="utf-8"))


def files_for(which: str) -> list[Path]:
    """The corpus PDFs of one side ('development' or 'validation') that are present here."""
    return [CORPUS / name for name in load_split()[which] if (CORPUS / name).is_file()]


def compute(corpus: Path = CORPUS) -> dict[str, object]:
    rows = corpus_rows(corpus)
    split: dict[str, object] = {"about": __doc__.strip().splitlines()[0]}
    for which in ("development", "validation"):
        chosen = [r for r in rows if side(r["local_authority"]) == which]
        split[f"{which}_authorities"] = sorted({r["local_authority"] for r in chosen})
        split[which] = sorted(r["file"] for r in chosen)
    return split


if __name__ == "__main__":
    split = compute()
    if "--write" in sys.argv:
        SPLIT_FILE.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    for which in ("development", "validation"):
        print(f"{which}: {len(split[which + '_authorities'])} authorities, {len(split[which])} reports")
