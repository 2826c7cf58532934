"""Train the suggester's theme word prior from the development side of the corpus gold.

    python bench/train_theme_words.py [--corpus DIR] [--cv]

For every unit of a development gold document (tests/gold/corpus_*.json, `split` development) that
the auditor gave themes, the unit's words (as reviewer.core.reading.suggest reads them: folded, stop
words dropped) are counted for each of its themes, the main (first) theme counting double. Only words
seen in at least MIN_UNITS units are kept, and at most TOP words per theme: the file holds word counts,
never text. Validation documents are never read. The result, resources/theme_words.json, ships with
the app and is what a new library's theme suggestions start from (its own annotations add to it).

`--cv` writes nothing: it prints the theme figures of development leave-one-document-out (each document's
suggestions made with a prior counted from the other development documents), the honest development
figures the prior's size and the theme model's weights were chosen by. Where the train extra is installed
(`pip install -e ".[train]"`), each document is left out of the embedding's theme model too
(bench/train_theme_meaning.py); otherwise that model is switched off for the run, and it says so.
bench_suggestions.py's development figures use the shipped prior, which has seen those documents.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_common import write_resource  # noqa: E402
from bench_suggestions import corpus_gold, per_unit, read_letter  # noqa: E402

from reviewer.core.reading.outline import analyse, unit_quote  # noqa: E402
from reviewer.core.reading.theming import quote_words  # noqa: E402

OUT = ROOT / "resources" / "theme_words.json"
MIN_UNITS = 2  # (leave-one-document-out on development: 2 words and 1,000 per theme beat 3 and 120:
TOP = 1000  # themes right 71% -> 73%, main theme 81% either way)


def gold_quotes(corpus: Path) -> dict[str, list[tuple[str, list[str]]]]:
    """Per development gold document: the quote of each unit the auditor gave themes, with the themes."""
    out = {}
    for name, entry in sorted(corpus_gold().items()):
        if entry.get("split") != "development" or not (corpus / name).exists():
            continue
        text, starts = read_letter(corpus / name)
        st = analyse(text, starts)
        out[name] = [(unit_quote(text, u["start"], u["end"], st.furniture), u["themes"])
                     for u in entry["units"] if u["themes"] and u["label"] != "none"]
    return out


def gold_words(corpus: Path) -> dict[str, list[tuple[frozenset[str], list[str]]]]:
    """Per development gold document: the words of each unit the auditor gave themes, with the themes."""
    return {name: [(quote_words(q), themes) for q, themes in units] for name, units in gold_quotes(corpus).items()}


def prior(docs: dict[str, list[tuple[frozenset[str], list[str]]]], leave_out: str | None = None) -> dict:
    """The prior counted from ``docs`` (all but ``leave_out``), as resources/theme_words.json holds it."""
    per_theme: dict[str, Counter[str]] = {}
    theme_units: Counter[str] = Counter()
    df: Counter[str] = Counter()
    units = 0
    for name, rows in docs.items():
        if name == leave_out:
            continue
        for words, tids in rows:
            units += 1
            df.update(words)
            for i, tid in enumerate(tids):
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
    return {"about": ("Word counts per theme from the auditor's gold labels of the development corpus documents "
                      "(bench/train_theme_words.py); word counts only, no text."),
            "documents": len(docs) - (leave_out in docs), "units": units, "df": {w: df[w] for w in sorted(used)},
            "themes": themes, "theme_units": {tid: theme_units[tid] for tid in sorted(themes)}}


def left_out_suggestions(corpus: Path, docs: dict[str, list[tuple[frozenset[str], list[str]]]]):
    """Development leave-one-document-out: per document, its name, its gold units in order and the
    suggestions made with a prior (and, where the train extra is installed, an embedding theme model)
    trained on the other documents only."""
    from reviewer.core.annotations.codebook import default_themes
    from reviewer.core.reading import theming
    from reviewer.core.reading.meaning import WordScores
    from reviewer.core.reading.suggest import suggest

    try:
        from embedding import development_embedding
        from train_theme_meaning import fit, main_themes

        embedding, quotes = development_embedding(), main_themes(gold_quotes(corpus))
        print("the embedding's theme model left out with the prior")
    except (ImportError, SystemExit) as exc:  # no train extra: NumPy or WordLlama missing
        embedding = None
        print(f"the embedding's theme model off for this run: {exc}")
    gold = corpus_gold()
    shipped = theming._prior, theming._meaning
    try:
        for name in docs:
            p = prior(docs, leave_out=name)
            theming._prior = lambda p=p: (p["themes"], p["df"], int(p["units"]), p["theme_units"])  # this run only
            if embedding is None:
                theming._meaning = lambda: None
            else:
                m = fit(embedding, quotes, leave_out=name)
                folded = (m["themes"], m["bias"], WordScores.from_json(m["words"]))
                theming._meaning = lambda folded=folded: folded
            theming.forget_sentences()  # (what was read under the last document's prior and model)
            text, starts = read_letter(corpus / name)
            units = sorted(gold[name]["units"], key=lambda u: u["start"])
            st = analyse(text, starts)
            yield name, units, per_unit(suggest(text, default_themes(), [], structure=st), st.units)
    finally:
        theming._prior, theming._meaning = shipped
        theming.forget_sentences()


def cross_validate(corpus: Path, docs: dict[str, list[tuple[frozenset[str], list[str]]]]) -> None:
    """Development leave-one-document-out: each document's theme suggestions with a prior of the others."""
    from bench_suggestions import match_units

    c: Counter[str] = Counter()
    for _name, units, suggestions in left_out_suggestions(corpus, docs):
        for x in suggestions:
            u = match_units(units, x.start, x.end)
            if u is None or not u["themes"]:
                continue
            c["units"] += 1
            c["main"] += u["themes"][0] in x.themes
            c["suggested"] += len(x.themes)
            c["right"] += len(set(x.themes) & set(u["themes"]))
    print(f"development, leave one document out ({len(docs)} documents, {c['units']} suggested units with the "
          f"auditor's themes): main theme among suggested themes {c['main'] / max(1, c['units']):.0%}; suggested "
          f"themes right {c['right'] / max(1, c['suggested']):.0%}; themes per suggestion "
          f"{c['suggested'] / max(1, c['units']):.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "reports")
    ap.add_argument("--cv", action="store_true", help="print leave-one-document-out figures; write nothing")
    args = ap.parse_args()
    docs = gold_words(args.corpus)
    if args.cv:
        cross_validate(args.corpus, docs)
        return 0
    out = prior(docs)
    size = write_resource(OUT, out)
    print(f"{OUT.relative_to(ROOT)}: {len(out['themes'])} themes, {len(out['df'])} words from {out['units']} units "
          f"of {out['documents']} documents ({size} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
