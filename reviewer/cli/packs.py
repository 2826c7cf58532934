"""`reviewer pack export|import|verify`, `codebook export|import`, `review` and `signoff`:
the manager's side of the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewer.cli.resolve import CliError, resolve_letter
from reviewer.core.commands import Batch, Command, PutTheme, UndoStack
from reviewer.core.documents import DocumentError
from reviewer.core.model import REVIEW_STATUSES, Annotation
from reviewer.core.review import ReviewError, review_command, signoff_command
from reviewer.export.common import write_atomic
from reviewer.export.pack import PackCancelled, export_pack
from reviewer.export.pack_import import plan_pack_import
from reviewer.export.pack_read import PackContents, PackError, read_pack
from reviewer.export.refiqda import CodebookError, read_qdc, themes_from_qdc, to_qdc
from reviewer.store.repository import LibraryStore

COMMANDS = ("pack", "codebook", "review", "signoff")


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    pk = sub.add_parser("pack", help="export, import (merge) or verify audit packs")
    pks = pk.add_subparsers(dest="pack_command", required=True)
    e = pks.add_parser("export", parents=[common], help="write an audit pack (.zip)")
    e.add_argument("letters", nargs="*", metavar="LETTER", help="letters to include (default: all)")
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


def _me(store: LibraryStore | None, given: str | None, what: str) -> str:
    name = (given or (store.library.settings.get("auditor", "") if store else "")).strip()
    if not name:
        raise CliError(f"give {what} (no name is set in this library)")
    return name


def cmd_pack(store: LibraryStore | None, args: argparse.Namespace) -> int:
    if args.pack_command == "verify":
        return _verify(args.packs)
    assert store is not None
    if args.pack_command == "export":
        return _export(store, args)
    return _import(store, args.packs)


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


def _export(store: LibraryStore, args: argparse.Namespace) -> int:
    lib = store.library
    letters = [resolve_letter(store, k, add_missing=False) for k in args.letters] or lib.letters_sorted()
    if not letters:
        raise CliError("the library has no letters to put in a pack")
    out = Path(args.output).expanduser()
    if out.suffix.lower() != ".zip":
        raise CliError(f"an audit pack is a .zip file; got {out.name}")
    auditor = args.auditor or lib.settings.get("auditor", "")
    tty = sys.stderr.isatty()

    def progress(done: int, total: int, what: str) -> None:
        if tty:
            sys.stderr.write(f"\r[{done}/{total}] {what[:60]:<60}")
            sys.stderr.flush()

    try:
        export_pack(store, [x.id for x in letters], out, auditor, args.title, progress)
    except (DocumentError, PackCancelled) as exc:
        raise CliError(f"could not write the pack: {exc}") from None
    if tty:
        sys.stderr.write("\n")
    n = sum(lib.annotation_count(x.id) for x in letters)
    _out(f"wrote {out} ({len(letters)} letter{'s' if len(letters) != 1 else ''}, {n} annotations)")
    return 0


def _import(store: LibraryStore, paths: list[str]) -> int:
    contents: list[PackContents] = []
    for p in paths:  # every pack is checked before any is imported
        try:
            contents.append(read_pack(Path(p).expanduser()))
        except PackError as exc:
            raise CliError(f"{exc} — nothing was imported") from None
    undo = UndoStack(store.library)
    for c in contents:
        try:
            plan = plan_pack_import(c, store.library, store.extracted)
        except PackError as exc:
            raise CliError(f"{exc} — nothing was imported from it") from None
        for prep in plan.prepared:
            store.save_files(prep)
        if plan.changes_anything:
            undo.push(plan.command)
        who = f" from {c.auditor}" if c.auditor else ""
        _out(f"{c.path.name}{who}:")
        for line in plan.report.lines():
            _out(f"  {line}")
    return 0


def cmd_codebook(store: LibraryStore | None, args: argparse.Namespace) -> int:
    assert store is not None
    lib = store.library
    if args.codebook_command == "export":
        out = Path(args.output).expanduser()
        write_atomic(out, to_qdc(list(lib.themes.values())))
        _out(f"wrote {out} ({len(lib.active_themes())} themes)")
        return 0
    path = Path(args.file).expanduser()
    try:
        codes = read_qdc(path.read_bytes())
    except CodebookError as exc:
        raise CliError(f"{path.name}: {exc}") from None
    cmds: list[Command] = []
    for before, after in themes_from_qdc(codes, list(lib.themes.values())):
        if before is None:
            cmds.append(PutTheme(None, after, "Add theme"))
            _out(f"added     {after.label}")
        elif before != after:
            cmds.append(PutTheme(before, after, "Update theme"))
            _out(f"updated   {before.label}" + (f" → {after.label}" if before.label != after.label else ""))
    if cmds:
        UndoStack(lib).push(Batch(cmds, "Import codebook"))
    _out(f"{len(codes)} codes read; {len(cmds)} theme(s) added or updated")
    return 0


def _annotation(store: LibraryStore, key: str) -> Annotation:
    anns = store.library.annotations
    if key in anns:
        return anns[key]
    hits = [a for a in anns.values() if len(key) >= 4 and a.id.startswith(key.lower())]
    if len(hits) != 1:
        raise CliError(f"no annotation matches {key!r}" if not hits else f"annotation {key!r} is ambiguous")
    return hits[0]


def cmd_review(store: LibraryStore | None, args: argparse.Namespace) -> int:
    assert store is not None
    status = None if args.status == "none" else args.status
    reviewer = _me(store, args.reviewer, "--reviewer NAME") if status else ""
    anns = [_annotation(store, k) for k in args.annotations]
    try:
        UndoStack(store.library).push(review_command(store.library, [a.id for a in anns], status, args.comment, reviewer))
    except ReviewError as exc:
        raise CliError(str(exc)) from None
    label = REVIEW_STATUSES.get(status or "", "not reviewed")
    for a in anns:
        _out(f"{a.id[:12]}  {label}")
    return 0


def cmd_signoff(store: LibraryStore | None, args: argparse.Namespace) -> int:
    assert store is not None
    lib = store.library
    if args.all == bool(args.letters):
        raise CliError("name the letters to sign off, or give --all")
    letters = lib.letters_sorted() if args.all else [resolve_letter(store, k, add_missing=False) for k in args.letters]
    name = "" if args.withdraw else _me(store, args.name, "--name NAME")
    try:
        UndoStack(lib).push(signoff_command(lib, [x.id for x in letters], name, args.comment, clear=args.withdraw))
    except ReviewError as exc:
        raise CliError(str(exc)) from None
    for x in letters:
        _out(f"{x.id[:12]}  {x.title}  " + ("sign-off withdrawn" if args.withdraw else f"signed off by {name}"))
    return 0


HANDLERS = {"pack": cmd_pack, "codebook": cmd_codebook, "review": cmd_review, "signoff": cmd_signoff}
