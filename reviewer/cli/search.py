"""`reviewer search`: find text across every letter in the library, and in annotations' notes and themes."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.cli.errors import at_least_one
from reviewer.cli.terminal import shown
from reviewer.core.reading.library_search import SearchResult
from reviewer.workspace import Workspace
from reviewer.workspace.search import build_index
from reviewer.core.text.words import counted


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    s = sub.add_parser("search", parents=[common], help="find text across all letters, notes and themes")
    s.add_argument("query", metavar="TEXT")
    s.add_argument("--limit", type=at_least_one, default=50, help="matches to list (default 50)")
    s.add_argument("--json", action="store_true")


def cmd_search(ws: Workspace, args: argparse.Namespace) -> int:
    unreadable: dict[str, str] = {}
    index = build_index(ws, unreadable=unreadable)
    found = index.search(args.query, ws.library, limit=max(1, args.limit))
    missing = _not_searched(ws, unreadable) if unreadable else ""
    if args.json:
        print(json.dumps(_as_json(ws, found), indent=2, ensure_ascii=False))
    elif found.total or not missing:
        _print(ws, args.query, found)
    else:  # nothing found, but not everything could be searched: that, not "No match", is the news
        searched = len(ws.library.letters) - len(unreadable)
        sys.stdout.write(f"{missing[0].upper()}{missing[1:]}. No match for “{shown(args.query)}” in what could be searched "
                         f"(annotations" + (f", and the text of {counted(searched, 'letter')}" if searched else "") + ").\n")
    if missing and (found.total or args.json):
        print(f"reviewer: note: {missing}", file=sys.stderr)
    return 0 if found.total else 1


def _not_searched(ws: Workspace, unreadable: dict[str, str]) -> str:
    """Which letters' text could not be searched, and why, in a line."""
    n, folder = len(unreadable), ws.store.files_dir
    if not folder.is_dir():
        why = f"the library's letters folder {folder} is missing (moved or deleted?)"
    else:
        why = "; ".join(sorted(set(unreadable.values()))[:3])
    whose = "every letter" if n == len(ws.library.letters) else f"{n} of {len(ws.library.letters)} letters"
    return f"the text of {whose} could not be searched: {why}"


def _as_json(ws: Workspace, found: SearchResult) -> dict[str, object]:
    lib = ws.library
    return {"total": found.total, "letters": found.letters, "hits": [
        {"letter": h.letter_id, "title": lib.display_title(h.letter_id), "field": h.field, "page": h.page,
         "start": h.start, "end": h.end, "snippet": h.snippet, "annotation": h.annotation_id} for h in found.hits]}


def _print(ws: Workspace, query: str, found: SearchResult) -> None:
    out = sys.stdout
    if not found.total:
        out.write(f"No match for “{shown(query)}” in {counted(len(ws.library.letters), 'letter')}.\n")
        return
    out.write(f"{counted(found.total, 'match', 'matches')} in {counted(found.letters, 'letter')}"
              + (f"; the first {len(found.hits)}:" if len(found.hits) < found.total else ":") + "\n")
    for h in found.hits:
        where = f"{ws.library.display_title(h.letter_id)}, p. {h.page}"
        what = "" if h.field == "text" else f" [{h.field}]"
        out.write(shown(f"{where}{what}: {h.before}[{h.match}]{h.after}") + "\n")
