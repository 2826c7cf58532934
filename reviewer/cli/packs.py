"""`reviewer pack export|import|verify`, `codebook export|import`, `project import`, `review` and
`signoff`: the manager's side of the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewer.core.text.words import counted
from reviewer.cli.errors import CliError
from reviewer.cli.terminal import shown
from reviewer.core.annotations.model import REVIEW_STATUSES
from reviewer.export.pack import PackCancelled
from reviewer.export.pack_read import PackError, read_pack
from reviewer.workspace import Workspace

COMMANDS = ("pack", "codebook", "project", "review", "signoff")


def _out(text: str) -> None:
    sys.stdout.write(shown(text) + "\n")  # (names and titles from a pack or codebook: somebody else's file)


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    pk = sub.add_parser("pack", help="export, import (merge) or verify audit packs")
    pks = pk.add_subparsers(dest="pack_command", required=True)
    e = pks.add_parser("export", parents=[common], help="write an audit pack (.zip)")
    e.add_argument("letters", nargs="*", metavar="LETTER",
                   help="letters to include (default: those holding your work, the app's sample letters left out)")
    e.add_argument("-o", "--output", required=True, metavar="PACK.zip")
    e.add_argument("--title", default="Audit pack")
    e.add_argument("--auditor", help="who the pack is from (default: your name in the library)")
    i = pks.add_parser("import", parents=[common], help="open audit packs into the library, merging them")
    i.add_argument("packs", nargs="+", metavar="PACK.zip")
    v = pks.add_parser("verify", help="check a pack's manifest and records; prints OK or what is wrong")
    v.add_argument("packs", nargs="+", metavar="PACK.zip")

    cb = sub.add_parser("codebook", help="share the codebook as REFI-QDA .qdc")
    cbs = cb.add_subparsers(dest="codebook_command", required=True)
    ce = cbs.add_parser("export", parents=[common], help="write the codebook as .qdc")
    ce.add_argument("-o", "--output", required=True, metavar="FILE.qdc")
    ci = cbs.add_parser("import", parents=[common], help="adopt a .qdc codebook: new themes added, matched ones updated")
    ci.add_argument("file", metavar="FILE.qdc")
    ci.add_argument("--colours", action="store_true",
                    help="take the file's colours for themes you have (by default yours stand)")

    pj = sub.add_parser("project", help="bring in a REFI-QDA project (.qdpx) from NVivo, ATLAS.ti, MAXQDA or QualCoder")
    pjs = pj.add_subparsers(dest="project_command", required=True)
    pi = pjs.add_parser("import", parents=[common], help="its sources become letters, codes themes, codings annotations")
    pi.add_argument("file", metavar="FILE.qdpx")

    r = sub.add_parser("review", parents=[common], help="record a manager's review of annotations")
    r.add_argument("annotations", nargs="+", metavar="ANNOTATION", help="annotation ids or unique prefixes")
    r.add_argument("--status", required=True, choices=(*REVIEW_STATUSES, "none"))
    r.add_argument("--comment", default="")
    r.add_argument("--reviewer", help="the manager's name (default: your name in the library)")

    s = sub.add_parser("signoff", parents=[common], help="sign off letters, or the whole library with --all")
    s.add_argument("letters", nargs="*", metavar="LETTER")
    s.add_argument("--all", action="store_true", help="every letter in the library")
    s.add_argument("--name", help="who signs off (default: your name in the library)")
    s.add_argument("--comment", default="")
    s.add_argument("--withdraw", action="store_true", help="withdraw the sign-off instead")


def needs_store(args: argparse.Namespace) -> bool:
    return not (args.command == "pack" and args.pack_command == "verify")


def cmd_pack(ws: Workspace | None, args: argparse.Namespace) -> int:
    if args.pack_command == "verify":
        return _verify(args.packs)
    assert ws is not None
    if args.pack_command == "export":
        return _export(ws, args)
    return _import(ws, args.packs)


def _verify(paths: list[str]) -> int:
    bad = 0
    for p in paths:
        try:
            read_pack(Path(p).expanduser())
        except PackError as exc:
            _out(f"{p}: FAILED: {exc}")
            bad += 1
        else:
            _out(f"{p}: OK")
    return 1 if bad else 0


def _export(ws: Workspace, args: argparse.Namespace) -> int:
    ids = [x.id for x in ws.letters(args.letters)] if args.letters else ws.pack_scope()
    out = Path(args.output).expanduser()
    auditor = args.auditor or ws.auditor
    tty = sys.stderr.isatty()

    def progress(done: int, total: int, what: str) -> None:
        if tty:
            sys.stderr.write(f"\r[{done}/{total}] {what[:60]:<60}")
            sys.stderr.flush()

    try:
        ws.export_pack(ids, out, auditor, args.title, progress)
    except PackCancelled as exc:
        raise CliError(f"could not write the pack: {exc}") from None
    if tty:
        sys.stderr.write("\n")
    n = sum(ws.library.annotation_count(i) for i in ids)
    _out(f"wrote {out} ({counted(len(ids), 'letter')}, {counted(n, 'annotation')})")
    return 0


def _import(ws: Workspace, paths: list[str]) -> int:
    try:  # every pack is checked, and all are merged as one step, or nothing is imported
        opened = ws.import_packs([Path(p).expanduser() for p in paths])
    except PackError as exc:
        raise CliError(f"{exc} — nothing was imported") from None
    for o in opened:
        who = f" from {o.contents.sender}" if o.contents.sender else ""  # (who made the pack: a manager who
        # sent it back, not its annotations' auditors, a manager's journey found)
        _out(f"{o.contents.path.name}{who}:")
        for line in o.report.lines():
            _out(f"  {line}")
    return 0


def cmd_codebook(ws: Workspace | None, args: argparse.Namespace) -> int:
    assert ws is not None
    if args.codebook_command == "export":
        out = Path(args.output).expanduser()
        n = ws.export_codebook(out)
        _out(f"wrote {out} ({n} themes)")
        return 0
    for line in ws.import_codebook(Path(args.file).expanduser(), take_colours=args.colours).lines:
        _out(line)
    return 0


def cmd_review(ws: Workspace | None, args: argparse.Namespace) -> int:
    assert ws is not None
    status = None if args.status == "none" else args.status
    reviewer = ws.name_or(args.reviewer, "--reviewer NAME") if status else ""
    anns = ws.annotations_named(args.annotations)
    ws.review([a.id for a in anns], status, args.comment, reviewer)
    label = REVIEW_STATUSES.get(status or "", "not reviewed")
    for a in anns:
        _out(f"{a.id[:12]}  {label}")
    return 0


def cmd_signoff(ws: Workspace | None, args: argparse.Namespace) -> int:
    assert ws is not None
    if args.all == bool(args.letters):
        raise CliError("name the letters to sign off, or give --all")
    letters = ws.letters(args.letters)
    name = "" if args.withdraw else ws.name_or(args.name, "--name NAME")
    signed = {x.id for x in letters if x.signoff is not None}
    chosen = [x for x in letters if x.id in signed] if args.withdraw else letters
    if chosen:
        ws.sign_off([x.id for x in chosen], name, args.comment, withdraw=args.withdraw)
    for x in letters:
        said = ("sign-off withdrawn" if x.id in signed else "not signed off: nothing to withdraw") if args.withdraw \
            else f"signed off by {name}"
        _out(f"{x.id[:12]}  {ws.library.display_title(x.id)}  {said}")
    return 0


def cmd_project(ws: Workspace | None, args: argparse.Namespace) -> int:
    assert ws is not None
    try:  # the archive is checked first; a refused one imports nothing
        outcome = ws.import_project(Path(args.file).expanduser())
    except PackError as exc:
        raise CliError(f"{exc} — nothing was imported") from None
    for i, line in enumerate(outcome.lines):
        _out(line if i == 0 else f"  {line}")
    return 0


HANDLERS = {"pack": cmd_pack, "codebook": cmd_codebook, "project": cmd_project, "review": cmd_review,
            "signoff": cmd_signoff}
