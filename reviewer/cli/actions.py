"""`reviewer action add|update|delete|list`: the action plan that answers the findings."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from reviewer.cli.errors import CliError
from reviewer.cli.terminal import shown
from reviewer.core.annotations.actions import STATUSES, Action, typed_date
from reviewer.core.text.textsearch import collapse_ws
from reviewer.workspace import Workspace

COMMANDS = ("action",)


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    ac = sub.add_parser("action", help="the action plan: add, update, delete and list actions answering findings")
    acs = ac.add_subparsers(dest="action_command", required=True)
    a = acs.add_parser("add", parents=[common], help="add an action answering an annotation")
    a.add_argument("annotation", metavar="ANNOTATION", help="annotation id or unique prefix")
    a.add_argument("--text", required=True, help="what will be done")
    a.add_argument("--owner", required=True, metavar="NAME")
    a.add_argument("--due", required=True, metavar="DATE", help="2027-03-15, 15/03/2027 or '15 March 2027'")
    a.add_argument("--status", required=True, choices=STATUSES)
    u = acs.add_parser("update", parents=[common],
                       help="change an action's text, owner, status or due date, or note progress")
    u.add_argument("action", metavar="ACTION", help="action id or unique prefix")
    u.add_argument("--text", help="what will be done, reworded (the earlier wording is kept in its history)")
    u.add_argument("--owner", metavar="NAME", help="who will do it")
    u.add_argument("--status", choices=STATUSES)
    u.add_argument("--due", metavar="DATE", help="2027-03-15, 15/03/2027 or '15 March 2027'")
    u.add_argument("--progress", metavar="TEXT", help="a progress note, dated today")
    d = acs.add_parser("delete", parents=[common], help="delete an action (the deletion travels in packs)")
    d.add_argument("action", metavar="ACTION", help="action id or unique prefix")
    ls = acs.add_parser("list", parents=[common], help="list actions by due date (overdue ones marked)")
    ls.add_argument("letter", nargs="?", metavar="LETTER", help="only actions on this letter's annotations")
    ls.add_argument("--json", action="store_true")


def row(ws: Workspace, a: Action, today: date) -> dict[str, object]:
    ann = ws.library.annotations.get(a.annotation_id)
    return {"id": a.id, "annotation_id": a.annotation_id, "letter": ann.letter_id if ann else None,
            "text": a.text, "owner": a.owner, "due": a.due, "status": a.status, "overdue": a.overdue(today),
            "progress": [p.to_dict() for p in a.progress], "created": a.created, "modified": a.modified, "by": a.by}


def _due(typed: str | None) -> str | None:
    if typed is None:
        return None
    due = typed_date(typed)
    if due is None:
        raise CliError(f"--due {typed!r} is not a date: give it as 2027-03-15, 15/03/2027 or '15 March 2027'")
    return due


def cmd_action(ws: Workspace, args: argparse.Namespace) -> int:
    if args.action_command in ("add", "update"):
        args.due = _due(args.due)
    if args.action_command == "add":
        a = ws.add_action(args.annotation, args.text, args.owner, args.due, args.status)
        _out(f"added action {a.id[:12]} (due {a.due}, {a.status}) to annotation {a.annotation_id[:12]}")
    elif args.action_command == "update":
        before = ws.action(args.action)
        a = ws.update_action(before.id, status=args.status, due=args.due, progress=args.progress,
                             text=args.text, owner=args.owner)
        _out(f"updated action {a.id[:12]} (due {a.due}, {a.status}, owner {shown(a.owner) or 'none'})" if a != before
             else f"action {a.id[:12]}: nothing to change")
    elif args.action_command == "delete":
        a = ws.delete_action(args.action)
        _out(f"deleted action {a.id[:12]} ({shown(collapse_ws(a.text)[:60])}) from annotation {a.annotation_id[:12]}")
    else:
        today = date.today()
        acts = ws.actions_for([ws.letter(args.letter).id] if args.letter else None)
        if args.json:
            _out(json.dumps([row(ws, a, today) for a in acts], indent=2, ensure_ascii=False))
        elif not acts:
            _out("No actions.")
        else:
            for a in acts:
                mark = "  OVERDUE" if a.overdue(today) else ""
                _out(f"{a.id[:12]}  {a.due}  {a.status.upper():8}  {shown(a.owner)}  (annotation {a.annotation_id[:12]}){mark}")
                _out(f"    {shown(collapse_ws(a.text))}")
                for p in a.progress:
                    _out(f"    {p.date} {shown(p.by) + ': ' if p.by else ''}{shown(collapse_ws(p.text))}")
    return 0


HANDLERS = {"action": cmd_action}
