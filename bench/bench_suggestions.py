"""How good Reviewer's suggestions are, against a careful auditor's own annotations.

    python bench/bench_suggestions.py [--letters DIR] [--gold FILE] [--show] [--corpus DIR] [--no-letters]

Two golds. First the corpus gold (tests/gold/corpus_*.json, bench/gold_units.py): an auditor's
exhaustive labels of whole corpus documents, every unit strength / context / improvement / priority /
none (not worth tagging), with 0-3 themes. Figures are printed for DEVELOPMENT and VALIDATION
documents separately (each gold document's `split`); tune on development only. Each suggestion is
matched to the gold unit it overlaps most (so the figures survive changes in unit splitting):
- per label L: precision = suggestions of level L on units labelled L / suggestions of level L;
  recall = units labelled L with a suggestion of level L / units labelled L. A suggestion on a unit
  labelled none or context counts against the suggestion's level (context is printed for information:
  the suggester does not suggest context);
- main theme: among suggestions on units with themes, the share whose themes include the unit's
  first (main) theme; themes right: the share of suggested themes (on units with themes) the
  auditor gave;
- on none: the share of suggestions on units not worth tagging; per document: suggestions made;
  the strongest: of the DEFAULT_SHOWN most confident suggestions of each document (what the window
  lists first), the share with the auditor's severity.

Then the letters gold:
tests/gold/letters_annotations.json, one annotation per tagged sentence or bullet of the
letters in ../shared/letters, made by hand (a unit's key, never its text). Each letter is read in
its text and its PDF version. The unit is the sentence or bullet.

- Severity, per level: a suggestion of level L on a unit is right when the auditor gave that unit
  level L. Precision = right / suggested L; recall = right / units the auditor gave L. A unit the
  auditor left untagged counts against a suggestion on it.
- Themes: over (unit, theme) pairs, among all units: precision = suggested pairs the auditor also
  gave / suggested pairs; recall = the auditor's pairs suggested / the auditor's pairs.
- Passages touched per letter. Without suggestions, every passage the auditor tags is selected and
  tagged by hand. With them: a right suggestion (right severity, and its first theme one the auditor
  gave) is accepted with one key and is not counted as touched; a suggestion with the wrong severity
  or theme is edited, a suggestion on an untagged unit dismissed, and a tagged unit with no suggestion
  tagged by hand: each of those is one passage touched.
- Two runs: "cold" (a new library: the codebook's cue phrases only) and "learnt" (the library holds
  the auditor's annotations of the other letter: themes learnt from them, leave one letter out).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.annotations.codebook import default_themes, severities  # noqa: E402
from reviewer.core.annotations.model import Annotation  # noqa: E402
from reviewer.core.reading.outline import analyse, unit_key  # noqa: E402
from reviewer.core.reading.suggest import DEFAULT_SHOWN, strongest, suggest  # noqa: E402


def read_letter(path: Path) -> tuple[str, list[int]]:
    if path.suffix.lower() == ".pdf":
        import pymupdf

        from reviewer.letters.pdf_text import pdf_text

        with pymupdf.open(path) as doc:
            return pdf_text(doc)
    from reviewer.letters.importing import extract

    ex = extract(path.read_bytes(), "text", path.name)  # as the app reads it: Markdown marks read as text
    return ex.text, []


def learnt_annotations(gold: dict, leave_out: str, letters: Path) -> list[Annotation]:
    """The auditor's annotations of the other letters, as a library would hold them (from the text version)."""
    out = []
    for stem, entry in gold["letters"].items():
        if stem == leave_out:
            continue
        text, _ = read_letter(letters / f"{stem}.txt")
        for i, row in enumerate(entry["annotations"]):
            out.append(Annotation(id=f"{stem}-{i}", letter_id=stem, start=row["start"], end=row["end"],
                                  quote=text[row["start"]:row["end"]], prefix="", suffix="", pages=(1,),
                                  themes=tuple(row["themes"]), severity=row["severity"]))
    return out


def score(gold: dict, letters: Path, learn: bool, show: bool) -> dict:
    levels = [s.id for s in severities()]
    sev = Counter()  # (level, "tp"|"sug"|"gold")
    themes = Counter()
    touched_without = accepted = edited = dismissed = by_hand = 0
    files = 0
    missing_units = 0
    for stem, entry in gold["letters"].items():
        want = {row["key"]: row for row in entry["annotations"]}
        library = learnt_annotations(gold, stem, letters) if learn else []
        for name in entry["files"]:
            path = letters / name
            if not path.exists():
                continue
            files += 1
            text, starts = read_letter(path)
            st = analyse(text, starts)
            keys = {unit_key(text, s, e, st.furniture) for s, e in st.units}
            missing_units += sum(1 for k in want if k not in keys)
            found = per_unit(suggest(text, default_themes(), library, structure=st), st.units)
            got = {unit_key(text, x.start, x.end, st.furniture): x for x in found}
            for k, row in want.items():
                sev[(row["severity"], "gold")] += 1
                themes["gold"] += len(row["themes"])
            touched_without += len(want)
            for k, x in got.items():
                sev[(x.severity, "sug")] += 1
                themes["sug"] += len(x.themes)
                row = want.get(k)
                if row is None:
                    dismissed += 1
                    if show:
                        print(f"  {name}: untagged unit suggested as {x.severity}: {x.quote[:90]}")
                    continue
                themes["tp"] += len(set(x.themes) & set(row["themes"]))
                if x.severity == row["severity"]:
                    sev[(x.severity, "tp")] += 1
                if x.severity == row["severity"] and x.themes and x.themes[0] in row["themes"]:
                    accepted += 1
                else:
                    edited += 1
                    if show:
                        print(f"  {name}: edit: suggested {x.severity} {list(x.themes)}, auditor {row['severity']} "
                              f"{row['themes']}: {x.quote[:80]}")
            by_hand += sum(1 for k in want if k not in got)
    touched_with = edited + dismissed + by_hand
    result = {"files": files, "levels": {}, "missing_units": missing_units}
    for lv in levels:
        tp, sug, gd = sev[(lv, "tp")], sev[(lv, "sug")], sev[(lv, "gold")]
        result["levels"][lv] = (tp / sug if sug else None, tp / gd if gd else None, sug, gd)
    result["themes"] = (themes["tp"] / themes["sug"] if themes["sug"] else None,
                        themes["tp"] / themes["gold"] if themes["gold"] else None)
    result["touched"] = (touched_without / max(1, files), touched_with / max(1, files))
    result["decisions"] = {"accepted with one key": accepted, "edited": edited, "dismissed": dismissed,
                           "tagged by hand": by_hand}
    return result


CORPUS_LABELS = ("strength", "improvement", "priority", "context")
SECOND_READER = ROOT / "tests" / "gold" / "corpus_second_reader.json"
SECOND_PRIORITY = ROOT / "tests" / "gold" / "second_reader_priority.json"  # one decision, read again blind


def corpus_gold() -> dict[str, dict]:
    """Every gold document of tests/gold/corpus_*.json, by file name."""
    docs: dict[str, dict] = {}
    for f in sorted((ROOT / "tests" / "gold").glob("corpus_*.json")):
        if f.name == SECOND_READER.name:
            continue  # a second auditor's reading of documents already labelled: for agreement only
        docs.update(json.loads(f.read_text(encoding="utf-8"))["documents"])
    return docs


def per_unit(found: list, units) -> list:  # type: ignore[no-untyped-def]
    """The suggestions sentence by sentence: an inspectors' item of several sentences, suggested as one
    passage (``suggest.whole_items``), scored as each of its sentences suggested alike (accepting it tags
    them all), so the figures stay those of the units the gold labels."""
    import bisect
    import dataclasses

    units = sorted(units)
    starts = [s for s, _ in units]
    out = []
    for x in found:
        i = bisect.bisect_left(starts, x.start)
        inside = []
        while i < len(units) and units[i][1] <= x.end:
            inside.append(units[i])
            i += 1
        if len(inside) < 2:
            out.append(x)
        else:
            out += [dataclasses.replace(x, start=a, end=b) for a, b in inside]
    return out


def match_units(units: list[dict], start: int, end: int, furniture: Sequence[tuple[int, int]] = ()) -> dict | None:
    """The gold unit a passage overlaps most (units are sorted by start), not counting what of the overlap is
    ``furniture`` (the letter's, as the reader finds it): a sentence read across a page break runs over the
    page's footnote, which the gold labels as furniture where it labelled each half of the sentence."""
    import bisect

    starts = [u["start"] for u in units]
    i = max(0, bisect.bisect_right(starts, start) - 1)
    best, best_ov = None, 0
    skip = [(a, b) for a, b in furniture if a < end and b > start]
    while i < len(units) and units[i]["start"] < end:
        u = units[i]
        lo, hi = max(start, u["start"]), min(end, u["end"])
        ov = hi - lo - sum(max(0, min(hi, b) - max(lo, a)) for a, b in skip)
        if ov > best_ov:
            best, best_ov = u, ov
        i += 1
    return best


def library_of(docs: dict[str, dict], corpus: Path, split: str) -> dict[str, tuple[list[Annotation], list[str]]]:
    """Per gold document of one side: what its auditor's library would hold from the others, had they
    worked through them with Reviewer: an annotation for every unit they labelled (its severity and
    themes; context included) and, as dismissed, every cold suggestion on a unit not worth tagging."""
    own: dict[str, tuple[list[Annotation], list[str]]] = {}
    for name, entry in sorted(docs.items()):
        if entry.get("split") != split or not (corpus / name).exists():
            continue
        text, starts = read_letter(corpus / name)
        st = analyse(text, starts)
        units = sorted(entry["units"], key=lambda u: u["start"])
        anns = [Annotation(id=f"{name}-{i}", letter_id=name, start=u["start"], end=u["end"],
                           quote=" ".join(text[u["start"]:u["end"]].split()), prefix="", suffix="", pages=(1,),
                           themes=tuple(u["themes"]), severity=u["label"])
                for i, u in enumerate(units) if u["label"] in ("strength", "context", "improvement", "priority")]
        dismissed = []
        for x in per_unit(suggest(text, default_themes(), [], structure=st), st.units):
            u = match_units(units, x.start, x.end, st.furniture)
            if u is None or u["label"] == "none":
                dismissed.append(x.quote)
        own[name] = (anns, dismissed)
    return {name: ([a for o, (anns, _) in own.items() if o != name for a in anns],
                   [q for o, (_, qs) in own.items() if o != name for q in qs]) for name in own}


def first_half(text: str, st, units: list[dict]) -> tuple[int, list[Annotation], list[tuple[int, int]]]:
    """An auditor half way through a document: where the second half starts, their annotations of every
    unit of the first half they labelled, and the cold suggestions there they dismissed."""
    mid = units[len(units) // 2]["start"] if units else 0
    anns = [Annotation(id=f"own-{i}", letter_id="this", start=u["start"], end=u["end"],
                       quote=" ".join(text[u["start"]:u["end"]].split()), prefix="", suffix="", pages=(1,),
                       themes=tuple(u["themes"]), severity=u["label"])
            for i, u in enumerate(units) if u["start"] < mid and u["label"] != "none"]
    gone = []
    for x in per_unit(suggest(text, default_themes(), [], structure=st), st.units):
        u = match_units(units, x.start, x.end, st.furniture)
        if x.start < mid and (u is None or u["label"] == "none"):
            gone.append((x.start, x.end))
    return mid, anns, gone


def score_corpus(docs: dict[str, dict], corpus: Path, split: str, show: bool = False,
                 suggester=None, learn: bool = False, half: bool = False) -> dict | None:
    """The suggester against the corpus gold documents of one side of the split. ``learn``: each
    document is suggested with the library of the side's other documents (``library_of``). ``half``:
    only each document's second half is scored, and with ``learn`` the library holds the auditor's
    decisions on its first half (``first_half``) instead."""
    libraries = library_of(docs, corpus, split) if learn and not half else {}
    c = Counter()
    n_docs = 0
    per_doc = []
    for name, entry in sorted(docs.items()):
        if entry.get("split") != split:
            continue
        path = corpus / name
        if not path.exists():
            continue
        n_docs += 1
        text, starts = read_letter(path)
        st = analyse(text, starts)
        units = sorted(entry["units"], key=lambda u: u["start"])
        mid = 0
        if suggester:
            found = suggester(text, st)
        elif half:
            mid, own, gone = first_half(text, st, units)
            found = suggest(text, default_themes(), own if learn else [], structure=st, letter_id="this",
                            dismissed=gone if learn else ())
        else:
            held, gone = libraries.get(name, ([], []))
            found = suggest(text, default_themes(), held, structure=st, dismissed_quotes=gone)
        units = [u for u in units if u["start"] >= mid]
        found = [x for x in per_unit(found, st.units) if x.start >= mid]
        for u in units:
            c[(u["label"], "gold")] += 1
        per_doc.append((name, len(found)))
        for x in strongest(found):
            u = match_units(units, x.start, x.end, st.furniture)
            c["top_n"] += 1
            c["top_right"] += u is not None and u["label"] == x.severity
        hit: dict[int, set[str]] = {}
        for x in found:
            u = match_units(units, x.start, x.end, st.furniture)
            label = u["label"] if u else "none"
            c[(x.severity, "sug")] += 1
            c["sug"] += 1
            if label == "none":
                c["on_none"] += 1
            if u is not None:
                hit.setdefault(id(u), set()).add(x.severity)
            if label == x.severity:
                c[(x.severity, "tp_p")] += 1
            elif show:
                print(f"   {name}: suggested {x.severity}, auditor {label}: {x.quote[:100]}")
            if u is not None and u["themes"]:
                c["theme_units"] += 1
                if u["themes"][0] in x.themes:
                    c["main_in"] += 1
                c["themes_sug"] += len(x.themes)
                c["themes_right"] += len(set(x.themes) & set(u["themes"]))
        for u in units:
            if u["label"] in hit.get(id(u), ()):
                c[(u["label"], "tp_r")] += 1
    if not n_docs:
        return None
    out = {"documents": n_docs, "levels": {}, "per_doc": per_doc}
    for lv in CORPUS_LABELS:
        sug, gd = c[(lv, "sug")], c[(lv, "gold")]
        out["levels"][lv] = (c[(lv, "tp_p")] / sug if sug else None, c[(lv, "tp_r")] / gd if gd else None, sug, gd)
    out["main_theme"] = c["main_in"] / c["theme_units"] if c["theme_units"] else None
    out["themes_right"] = c["themes_right"] / c["themes_sug"] if c["themes_sug"] else None
    out["on_none"] = c["on_none"] / c["sug"] if c["sug"] else None
    out["suggestions"] = c["sug"]
    out["per_document"] = c["sug"] / n_docs
    out["top"] = c["top_right"] / c["top_n"] if c["top_n"] else None
    return out


def print_corpus(r: dict, split: str, learn: bool = False, half: bool = False) -> None:
    how = ("learnt: the library holds the auditor's labels of the side's other documents and their dismissals"
           if learn else "cold: a new library")
    if half:
        how = ("second halves, learnt from the auditor's tags and dismissals in the first half" if learn else
               "second halves, cold")
    print(f"\n== corpus gold, {split.upper()}: {r['documents']} documents ({how})")
    if split == "development":
        print("   (in-sample: the theme word prior and chooser, the severity review and the failing-service priority "
              "model were trained on these documents; --cv of bench/train_theme_words.py, train_theme_choice.py, "
              "train_severity.py and train_priority.py gives them left out)")
    print("   label        precision  recall  (suggested / auditor)")
    for lv, (p, rc, sug, gd) in r["levels"].items():
        print(f"   {lv:<12} {pct(p):>9} {pct(rc):>7}  ({sug} / {gd})")
    print(f"   main theme among suggested themes: {pct(r['main_theme'])}; suggested themes right: "
          f"{pct(r['themes_right'])}")
    each = ", ".join(f"{n[:-4] if n.endswith('.pdf') else n} {k}" for n, k in r["per_doc"])
    print(f"   suggestions on units not worth tagging: {pct(r['on_none'])}; suggestions per document: "
          f"{r['per_document']:.0f} ({each})")
    print(f"   the {DEFAULT_SHOWN} strongest of each document (what the window shows first): {pct(r['top'])} "
          f"with the auditor's severity")


def agreement(corpus: Path) -> None:
    """How far two careful auditors agree, on the documents a second auditor labelled again
    (tests/gold/corpus_second_reader.json): the second reading scored exactly as the suggester is,
    against the first; the suggester beside it on the same documents. The ceiling the figures can
    honestly be asked to reach."""
    from reviewer.core.reading.suggest import Suggestion

    if not SECOND_READER.exists():
        print("no second reading (tests/gold/corpus_second_reader.json): agreement not measured")
        return
    second = json.loads(SECOND_READER.read_text(encoding="utf-8"))["documents"]
    first = {name: entry for name, entry in corpus_gold().items() if name in second}
    for name, entry in sorted(first.items()):
        again = [Suggestion(u["start"], u["end"], "", u["label"], tuple(u["themes"]), 1.0, "second reader")
                 for u in second[name]["units"] if u["label"] in ("strength", "improvement", "priority")]
        for who, fn in (("a second auditor", lambda text, st: again), ("the suggester", None)):
            r = score_corpus({name: entry}, corpus, entry["split"], suggester=fn)
            if r:
                print_corpus(r, f"{entry['split']}, {name}: {who} against the first")


def second_priority_reading() -> dict[str, list[dict]]:
    """A second auditor's blind reading of the decision the targets turn on: every weakness the rules find in
    a failing service (tests/gold/second_reader_priority.json), by file name; empty where absent."""
    if not SECOND_PRIORITY.exists():
        return {}
    return {name: sorted(e["units"], key=lambda u: u["start"])
            for name, e in json.loads(SECOND_PRIORITY.read_text(encoding="utf-8"))["documents"].items()}


def priority_agreement(pairs: list[tuple[str, str]]) -> str:
    """Priority actions of a reading (each pair's second label) against a reference reading (its first):
    precision / recall, and F1."""
    tp = sum(a == b == "priority" for a, b in pairs)
    said, meant = sum(b == "priority" for _, b in pairs), sum(a == "priority" for a, _ in pairs)
    p, r = tp / max(1, said), tp / max(1, meant)
    return f"priority {p:.1%} / {r:.1%} (F1 {2 * p * r / max(1e-9, p + r):.1%}; {said} said, {meant} in the reference)"


def decision_agreement(corpus: Path) -> None:
    """The second blind reading of a failing service's weaknesses against the first reading, and the suggester
    (in-sample) against both, on the same units."""
    second = second_priority_reading()
    if not second:
        return
    first = corpus_gold()
    rows: dict[str, list[tuple[str, str]]] = {"a second auditor against the first": [],
                                              "the suggester against the first": [],
                                              "the suggester against the second": []}
    for name, units in sorted(second.items()):
        if name not in first or not (corpus / name).exists():
            continue
        text, starts = read_letter(corpus / name)
        said: dict[int, str] = {}
        st = analyse(text, starts)
        for x in per_unit(suggest(text, default_themes(), [], structure=st), st.units):
            u = match_units(units, x.start, x.end, st.furniture)
            if u is not None:
                said.setdefault(id(u), x.severity)
        ref = sorted(first[name]["units"], key=lambda u: u["start"])
        for u in units:
            one = (match_units(ref, u["start"], u["end"]) or {"label": "none"})["label"]
            rows["a second auditor against the first"].append((one, u["label"]))
            rows["the suggester against the first"].append((one, said.get(id(u), "-")))
            rows["the suggester against the second"].append((u["label"], said.get(id(u), "-")))
    n = len(rows["a second auditor against the first"])
    print(f"\n== one decision read twice: {n} weaknesses the rules find in a failing service, {len(second)} "
          f"development reports (the suggester in-sample: bench/train_priority.py --cv gives it left out)")
    for who, pairs in rows.items():
        print(f"   {who}: {priority_agreement(pairs)}")


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f}%"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--letters", type=Path, default=ROOT.parent / "shared" / "letters")
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "letters_annotations.json")
    ap.add_argument("--show", action="store_true", help="print every edit and dismissal")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "reports")
    ap.add_argument("--split", choices=("development", "validation", "both"), default="both")
    ap.add_argument("--no-letters", action="store_true", help="score the corpus gold only")
    ap.add_argument("--agreement", action="store_true",
                    help="only: a second auditor's reading against the first, beside the suggester's")
    ap.add_argument("--learn", choices=("cold", "learnt", "both", "within"), default="both",
                    help="corpus gold: a new library, one holding the other documents' labels, both, or "
                         "within: second halves cold and learnt from the first half")
    args = ap.parse_args()
    if args.agreement:
        agreement(args.corpus)
        decision_agreement(args.corpus)
        return 0
    if args.corpus.is_dir():
        docs = corpus_gold()
        sides = ("development", "validation") if args.split == "both" else (args.split,)
        runs = (False, True) if args.learn in ("both", "within") else (args.learn == "learnt",)
        half = args.learn == "within"
        for split in sides:
            for learn in runs:
                # never print a validation document's units: only its totals
                r = score_corpus(docs, args.corpus, split, args.show and split == "development", learn=learn,
                                 half=half)
                if r:
                    print_corpus(r, split, learn, half)
    else:
        print(f"no corpus at {args.corpus}: corpus gold not measured")
    if args.no_letters:
        return 0
    if not args.letters.is_dir():
        print(f"no letters at {args.letters}: nothing to measure")
        return 1
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    n_gold = sum(len(e["annotations"]) for e in gold["letters"].values())
    print(f"gold: {n_gold} annotations on {len(gold['letters'])} letters (each read as .txt and .pdf)")
    for learn in (False, True):
        r = score(gold, args.letters, learn, args.show)
        print(f"\n== {'learnt (leave one letter out)' if learn else 'cold (codebook cues only)'}: {r['files']} files")
        if r["missing_units"]:
            print(f"   {r['missing_units']} gold unit(s) not found as a unit in a file")
        print("   severity     precision  recall  (suggested / auditor)")
        for lv, (p, rc, sug, gd) in r["levels"].items():
            print(f"   {lv:<12} {pct(p):>9} {pct(rc):>7}  ({sug} / {gd})")
        print(f"   themes       {pct(r['themes'][0]):>9} {pct(r['themes'][1]):>7}")
        wo, wi = r["touched"]
        print(f"   passages touched per letter: {wo:.1f} without suggestions, {wi:.1f} with")
        print("   " + ", ".join(f"{k}: {v}" for k, v in r["decisions"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
