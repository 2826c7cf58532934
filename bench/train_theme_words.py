"""Train the suggester's theme word prior from the development side of the corpus gold.

    python bench/train_theme_words.py [--corpus DIR]

For every unit of a development gold document (tests/gold/corpus_*.json, `split` development) that
the auditor gave themes, the unit's words (as reviewer.core.reading.suggest reads them: folded, stop
words dropped) are counted for each of its themes, the main (first) theme counting double. Only words
seen in at least MIN_UNITS units are kept, and at most TOP words per theme: the file holds word counts,
never text. Validation documents are never read. The result, resources/theme_words.json, ships with
the app and is what a new library's theme suggestions start from (its own annotations add to it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_suggestions import corpus_gold, read_letter  # noqa: E402

from reviewer.core.reading.outline import analyse, unit_quote  # noqa: E402
from reviewer.core.reading.suggest import _quote_words  # noqa: E402

OUT = ROOT / "resources" / "theme_words.json"
MIN_UNITS = 3
TOP = 120


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "reports")
    args = ap.parse_args()
    per_theme: dict[str, Counter[str]] = {}
    theme_units: Counter[str] = Counter()
    df: Counter[str] = Counter()
    units = docs = 0
    for name, entry in sorted(corpus_gold().items()):
        if entry.get("split") != "development" or not (args.corpus / name).exists():
            continue
        docs += 1
        text, starts = read_letter(args.corpus / name)
        st = analyse(text, starts)
        for u in entry["units"]:
            if not u["themes"] or u["label"] == "none":
                continue
            words = _quote_words(unit_quote(text, u["start"], u["end"], st.furniture))
            units += 1
            df.update(words)
            for i, tid in enumerate(u["themes"]):
                theme_units[tid] += 1.0 if i == 0 else 0.5
                per_theme.setdefault(tid, Counter()).update({w: 2 if i == 0 else 1 for w in words})
    keep = {w for w, n in df.items() if n >= MIN_UNITS}
    themes = {}
    for tid, counts in sorted(per_theme.items()):
        ordered = sorted(counts.items(), key=lambda wn: (-wn[1], wn[0]))  # ties by word: the same file every run
        top = [(w, n) for w, n in ordered if w in keep][:TOP]
        if top:
            themes[tid] = dict(sorted(top))
    used = {w for t in themes.values() for w in t}
    out = {"about": ("Word counts per theme from the auditor's gold labels of the development corpus documents "
                     "(bench/train_theme_words.py); word counts only, no text."),
           "documents": docs, "units": units, "df": {w: df[w] for w in sorted(used)}, "themes": themes,
           "theme_units": {tid: theme_units[tid] for tid in sorted(themes)}}
    OUT.write_text(json.dumps(out, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(themes)} themes, {len(used)} words from {units} units of {docs} documents "
          f"({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
