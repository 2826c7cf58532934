"""`reviewer search`: find text across every letter in the library, and in annotations' notes and themes."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.core.reading.library_search import SearchResult
from reviewer.workspace import Workspace
from reviewer.workspace.search import build_index


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    s = sub.add_parser("search", parents=[common], help="find text across all letters, notes and themes")
    s.add_argument("query", metavar="TEXT")
    s.add_argument("--limit", type=int, default=50, help="matches to list (default 50)")
    s.add_argument("--json", action="store_true")


def cmd_search(ws: Workspace, args: argparse.Namespace) -> int:
    index = build_index(ws)
    found = index.search(args.query, ws.library, limit=max(1, args.limit))
    if args.json:
        print(json.dumps(_as_json(ws, found), indent=2, ensure_ascii=False))
    else:
        _print(ws, args.query, found)
    return 0 if found.total else 1


def _as_json(ws: Workspace, found: SearchResult) -> dict[str, object]:
    lib = ws.library
    return {"total": found.total, "letters": found.letters, "hits": [
        {"letter": h.letter_id, "title": lib.display_title(h.letter_id), "field": h.field, "page": h.page,
         "start": h.start, "end": h.end, "snippet": h.snippet, "annotation": h.annotation_id} for h in found.hits]}


def _print(ws: Workspace, query: str, found: SearchResult) -> None:
    out = sys.stdout
    if not found.total:
        out.write(f"No match for “{query}” in {len(ws.library.letters)} letter(s).\n")
        return
    out.write(f"{found.total} match(es) in {found.letters} letter(s)"
              + (f"; the first {len(found.hits)}:" if len(found.hits) < found.total else ":") + "\n")
    for h in found.hits:
        where = f"{ws.library.display_title(h.letter_id)}, p. {h.page}"
        what = "" if h.field == "text" else f" [{h.field}]"
        out.write(f"{where}{what}: {h.before}[{h.match}]{h.after}\n")
