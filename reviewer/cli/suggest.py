"""`reviewer suggest`: the passages of a letter Reviewer would tag, with severity and themes, for the auditor to accept."""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right

from reviewer.cli.errors import CliError, at_least_one
from reviewer.core.annotations.codebook import severities, themes_said
from reviewer.core.reading.outline import analyse
from reviewer.core.reading.suggest import DEFAULT_SHOWN, strongest
from reviewer.core.text.shorten import shorten
from reviewer.workspace import Workspace
from reviewer.core.text.words import counted


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    s = sub.add_parser("suggest", parents=[common], help="suggest annotations for a letter (a file not yet in the library is added to "
                       "it; no suggestion is saved as a tag)")
    s.add_argument("letter", metavar="LETTER")
    s.add_argument("--json", action="store_true", help="every suggestion, in reading order, as JSON")
    s.add_argument("--top", type=at_least_one, default=DEFAULT_SHOWN, metavar="N",
                   help=f"print the N strongest (default {DEFAULT_SHOWN}), strongest first")
    s.add_argument("--all", action="store_true", help="print every suggestion, in reading order")


def cmd_suggest(ws: Workspace, args: argparse.Namespace) -> int:
    lib = ws.library
    known = set(lib.letters)
    letter = ws.letter(args.letter, add_missing=True, prepared=getattr(args, "prepared", None))
    if letter.id not in known:  # (said on stderr: --json's output stays JSON)
        print(f"added {lib.display_title(letter.id)} to the library", file=sys.stderr)
    ex = ws.text(letter.id)
    if ex is None or not ex.text.strip():
        raise CliError(f"{ws.library.display_title(letter.id)} has no text to suggest from (scanned or image-only)")
    st = analyse(ex.text, ex.page_starts)
    found = ws.suggestions(letter.id, ex.text, st, ws.pdf_marks(letter, st))
    labels = {s.id: s.label for s in severities()}
    pages = list(ex.page_starts) or [0]
    rows = [{"start": x.start, "end": x.end, "page": bisect_right(pages, x.start) if ex.page_starts else None,
             "quote": x.quote, "severity": labels.get(x.severity, x.severity),
             "themes": [lib.theme_label(t) for t in x.themes], "score": x.score, "why": x.why, "origin": x.origin,
             "note": x.note, "author": x.author} for x in found]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    out = sys.stdout
    out.write(f"{counted(len(rows), 'suggestion')} for {ws.library.display_title(letter.id)} (none saved as a tag; tag with `reviewer tag`):\n")
    if not args.all and len(rows) > max(0, args.top):
        order = {id(x): i for i, x in enumerate(found)}
        rows = [rows[order[id(x)]] for x in strongest(found, args.top)]
        out.write(f"the {len(rows)} strongest first, as the window shows them (--all for every one, in reading order):\n")
    for r in rows:
        quote = shorten(r["quote"], 110)
        page = f"p. {r['page']:<4} " if r["page"] else ""  # (a PDF's page; a text letter has one)
        out.write(f"{r['score']:.2f}  {r['severity']:<22} {themes_said(r['themes']) or '(no theme)'}\n"
                  f"      {page}“{quote}”\n")
        if r["origin"] == "pdf":
            out.write(f"      from the PDF: {r['why']}\n")
    return 0
