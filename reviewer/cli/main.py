"""`reviewer` subcommands: add, list, tag, annotations, export, themes."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reviewer.core.text.words import counted
from reviewer import __version__
from reviewer.cli import actions, backups, baseline, dataset, packs, search, suggest
from reviewer.cli.errors import CliError
from reviewer.cli.terminal import shown
from reviewer.core.annotations.codebook import severities, themes_said
from reviewer.core.text.shorten import shorten
from reviewer.core.text.textsearch import collapse_ws
from reviewer.export.csvfile import to_csv
from reviewer.export.summary_files import FORMATS
from reviewer.letters import reading
from reviewer.letters.importing import prepare_path
from reviewer.workspace import USER_ERRORS, LibraryInUse, Workspace

COMMANDS = ("add", "list", "tag", "delete", "annotations", "export", "themes", "search", "suggest", "backups",
            "baseline", "dataset") + packs.COMMANDS + actions.COMMANDS


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reviewer", description="Annotate inspection letters (command line).")
    p.add_argument("--version", action="version", version=f"reviewer {__version__}")
    # before the subcommand too (`reviewer --db lib.json add FILE`); the subcommand's own --db wins
    p.add_argument("--db", dest="db_before", metavar="PATH", help="library file (default: REVIEWER_DB or the user data folder)")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="library file (default: REVIEWER_DB or the user data folder)")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("add", parents=[common], help="add letters to the library")
    a.add_argument("files", nargs="+", metavar="FILE")

    ls = sub.add_parser("list", parents=[common], help="list the letters in the library")
    ls.add_argument("--json", action="store_true")

    t = sub.add_parser("tag", parents=[common], help="tag a quoted passage of a letter")
    t.add_argument("letter", metavar="LETTER")
    t.add_argument("--quote", required=True)
    t.add_argument("--theme", action="append", required=True, metavar="THEME")
    t.add_argument("--severity", required=True, metavar="LEVEL")
    t.add_argument("--note", default="")
    t.add_argument("--author", help="who tags it (default: your name in the library)")
    t.add_argument("--again", action="store_true", help="tag a passage that is tagged already, once more")

    dl = sub.add_parser("delete", parents=[common], help="delete annotations (the deletion travels in packs)")
    dl.add_argument("annotations", nargs="+", metavar="ANNOTATION", help="annotation ids or unique prefixes")

    an = sub.add_parser("annotations", parents=[common], help="list annotations")
    an.add_argument("letter", nargs="?", metavar="LETTER")
    an.add_argument("--format", choices=("table", "json", "csv"), default="table")

    ex = sub.add_parser("export", parents=[common], help="export an audit summary")
    ex.add_argument("letters", nargs="*", metavar="LETTER")
    ex.add_argument("--format", choices=tuple(FORMATS), help="optional: the file's name says it (and must agree)")
    ex.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write: .md, .html, .pdf or .csv")
    ex.add_argument("--title", default="Audit summary")
    ex.add_argument("--national", action="store_true",
                    help="include each authority's findings against the national baseline (see `reviewer baseline`)")

    th = sub.add_parser("themes", parents=[common], help="list the codebook's themes and severities")
    th.add_argument("--json", action="store_true")
    packs.add_parsers(sub, common)
    search.add_parser(sub, common)
    suggest.add_parser(sub, common)
    backups.add_parser(sub, common)
    baseline.add_parser(sub, common)
    dataset.add_parser(sub)
    actions.add_parser(sub, common)
    return p


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def read_first(args: argparse.Namespace) -> None:
    """Read the letters a command names by their file before the library is opened, so the library
    is never locked while a file is read: ``add``'s files (``args.read``, from ``Workspace.read_files``)
    and ``tag``'s or ``suggest``'s letter when it is a file (``args.prepared``). Each file is read in
    a reading process within its time and memory limits (``letters.reading``)."""
    if args.command == "add":
        args.paths = Workspace.files_in(Path(f) for f in args.files)
        with reading.forking_while_alone():  # one thread, no library open yet: readers start at once
            args.read = list(Workspace.read_files(args.paths))
    elif args.command in ("tag", "suggest"):
        path = Path(args.letter).expanduser()
        args.prepared = prepare_path(path) if path.exists() and not path.is_dir() else None


def cmd_add(ws: Workspace, args: argparse.Namespace) -> int:
    failures = 0
    for p, letter, new, notes, error in ws.add_files(args.paths, read=args.read):
        if letter is None:
            print(f"reviewer: error: {error}", file=sys.stderr)
            failures += 1
            continue
        status = "" if new else "  (already in the library)"
        _out(f"{letter.id[:12]}  {shown(ws.library.display_title(letter.id))}  ({shown(letter.source)})  "
             f"{letter.pages} page{'s' if letter.pages != 1 else ''}{status}")
        for note in notes:
            print(f"reviewer: note: {p.name}: {note}", file=sys.stderr)
    return 1 if failures else 0


def _letter_json(ws: Workspace, x) -> dict:  # type: ignore[no-untyped-def]
    m = x.meta
    return {
        "id": x.id, "title": x.title, "display_title": ws.library.display_title(x.id), "source": x.source, "kind": x.kind, "pages": x.pages,
        "authority": m.authority, "doc_type": m.doc_type, "published": m.published,
        "published_estimated": m.published_estimated,
        "visit_start": m.visit_start, "visit_end": m.visit_end, "lead_inspector": m.lead_inspector,
        "inspectors": list(m.inspectors), "judgements": dict(m.judgements) or None,
        "visit_number": m.visit_number, "framework": m.framework,
        "annotations": ws.library.annotation_count(x.id), "has_text": x.has_text,
    }


def cmd_list(ws: Workspace, args: argparse.Namespace) -> int:
    letters = ws.library.letters_sorted()
    if args.json:
        _out(json.dumps([_letter_json(ws, x) for x in letters], indent=2, ensure_ascii=False))
        return 0
    if not letters:
        _out("The library is empty. Add letters with `reviewer add FILE...`.")
        return 0
    rows = [("ID", "TITLE", "DATE", "PAGES", "ANNOTATIONS", "FILE")]
    for x in letters:
        rows.append((x.id[:12], shorten(ws.library.display_title(x.id), 64), _date_shown(x.meta), str(x.pages),
                     str(ws.library.annotation_count(x.id)), x.source))
    _table(rows)
    return 0


def _date_shown(m) -> str:  # type: ignore[no-untyped-def]
    """The letter's date; "~" marks an estimate (a report's PDF creation date, to confirm)."""
    return f"~{m.published}" if m.published and m.published_estimated else (m.published or "")


def _table(rows: Sequence[Sequence[str]]) -> None:
    rows = [[shown(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        _out("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


def cmd_tag(ws: Workspace, args: argparse.Namespace) -> int:
    prep = args.prepared
    if prep is not None and prep.letter.id not in ws.library.letters:  # a file to add for the tag: the tag is
        ws.placed_tag(prep.extracted, prep.letter.title, args.quote, args.theme, args.severity, args.author)  # checked
        # first, so a tag refused adds nothing
    letter = ws.letter(args.letter, add_missing=True, prepared=prep)
    ann = ws.tag_quote(letter, args.quote, args.theme, args.severity, args.note, args.author, again=args.again)
    before = [a for a in ws.tagged_at(letter.id, ann.start, ann.end) if a.id != ann.id]
    if before:
        print(f"reviewer: warning: that passage was tagged already ({', '.join(a.id[:12] for a in before)}); "
              "tagged again as asked", file=sys.stderr)
    level = {s.id: s.label for s in severities()}[ann.severity]
    _out(shown(f"{ann.id[:12]}  {ws.library.display_title(letter.id)}  p.{ann.page}  {level}  "
               f"{', '.join(ws.library.theme_label(t) for t in ann.themes)}"))
    return 0


def cmd_delete(ws: Workspace, args: argparse.Namespace) -> int:
    anns = ws.annotations_named(args.annotations)
    ws.delete([a.id for a in anns])
    for a in anns:
        _out(f"{a.id[:12]}  deleted  {ws.library.letters[a.letter_id].title}  p.{a.page}")
    return 0


def cmd_annotations(ws: Workspace, args: argparse.Namespace) -> int:
    lib = ws.library
    letters = [ws.letter(args.letter)] if args.letter else lib.letters_sorted()
    anns = [a for x in letters for a in lib.annotations_for(x.id)]
    sev = {s.id: s.label for s in severities()}
    if args.format == "json":
        out = [{
            "id": a.id, "letter": a.letter_id, "letter_title": lib.display_title(a.letter_id),
            "quote": a.quote, "themes": [lib.theme_label(t) for t in a.themes], "theme_ids": list(a.themes),
            "severity": sev.get(a.severity, a.severity), "severity_id": a.severity, "note": a.note,
            "author": a.author, "page": a.page, "pages": list(a.pages), "start": a.start, "end": a.end,
            "needs_attention": a.orphaned, "created": a.created, "modified": a.modified,
            "review": a.review.to_dict() if a.review else None,
        } for a in anns]
        _out(json.dumps(out, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(to_csv(lib, anns, ws.reading_quotes(letters)))
    else:
        if not anns:
            _out("No annotations.")
            return 0
        rows = [("ID", "LETTER", "PAGE", "SEVERITY", "THEMES", "QUOTE")]
        quotes = ws.reading_quotes(letters)
        for a in anns:
            q = quotes.get(a.id) or collapse_ws(a.quote)
            rows.append((a.id[:12], shorten(lib.display_title(a.letter_id), 40), str(a.page), sev.get(a.severity, ""),
                         shorten(themes_said(lib.theme_label(t) for t in a.themes), 40), shorten(q, 60)))
        _table(rows)
    return 0


def cmd_export(ws: Workspace, args: argparse.Namespace) -> int:
    out = Path(args.output).expanduser()
    letters = ws.letters(args.letters)
    _, total = ws.export_summary([x.id for x in letters], out, args.format, args.title, national=args.national)
    _out(f"wrote {out} ({counted(len(letters), 'letter')}, {counted(total, 'annotation')})")
    return 0


def cmd_themes(ws: Workspace, args: argparse.Namespace) -> int:
    themes = list(ws.library.themes.values())
    if args.json:
        _out(json.dumps({"themes": [t.to_dict() for t in themes],
                         "severities": [{"id": s.id, "label": s.label, "colour": s.colour} for s in severities()]},
                        indent=2, ensure_ascii=False))
        return 0
    rows = [("ID", "THEME", "STATUS")]
    rows += [(t.id, t.label, "retired" if t.retired else "") for t in themes]
    _table(rows)
    _out("")
    _out("Severities: " + "; ".join(f"{s.label} ({s.id})" for s in severities()))
    return 0


HANDLERS = {"add": cmd_add, "list": cmd_list, "tag": cmd_tag, "delete": cmd_delete, "annotations": cmd_annotations,
            "export": cmd_export, "themes": cmd_themes, "search": search.cmd_search, "suggest": suggest.cmd_suggest,
            "backups": backups.cmd_backups, "baseline": baseline.cmd_baseline,
            "dataset": dataset.cmd_dataset, **packs.HANDLERS, **actions.HANDLERS}


STREAMED = frozenset({"add"})  # said as it goes (a folder of reports takes a while); its failure says what was not saved

# Commands that only read the library (their output goes elsewhere: the terminal, a summary, a pack, a codebook
# file): while another program holds the library (the window), they read it as of its last save
# (``Workspace.open_to_read``) rather than refuse. Every other command changes it, and is refused then.
READING = frozenset({"list", "annotations", "export", "themes", "search", "suggest", "baseline",
                     "pack export", "codebook export", "action list"})


def command_of(args: argparse.Namespace) -> str:
    """The command as typed: "list", or "pack export" for a command with its own subcommands."""
    sub = getattr(args, f"{args.command}_command", None)
    return f"{args.command} {sub}" if sub else args.command


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.db = getattr(args, "db", None) or args.db_before
    ws: Workspace | None = None
    try:
        read_first(args)  # letters named by their file: read before the library is opened and locked
        if packs.needs_store(args) and baseline.needs_store(args) and dataset.needs_store(args) and args.command != "backups":  # backups works on a damaged library
            if command_of(args) in READING:
                ws = Workspace.open_to_read(args.db, program="cli")
                if ws.read_only:  # (suggest on a file the library lacks is refused then: adding it is a change)
                    print(f"reviewer: note: {ws.store.note}", file=sys.stderr)
            else:
                ws = Workspace.open(args.db, program="cli")
        if ws is None or args.command in STREAMED:
            code = HANDLERS[args.command](ws, args)  # type: ignore[arg-type]
            if ws is not None:
                ws.flush()
            return code
        said = io.StringIO()
        with contextlib.redirect_stdout(said):
            code = HANDLERS[args.command](ws, args)  # type: ignore[arg-type]
        ws.flush()  # a change is reported done only once it is on disk: what it says waits for that
        sys.stdout.write(said.getvalue())
        return code
    except CliError as exc:
        print(f"reviewer: error: {exc}", file=sys.stderr)
        return exc.code
    except LibraryInUse as exc:  # a change, while another program has the library open
        print(f"reviewer: error: {exc} (commands that only read it, such as `reviewer list` and `reviewer export`, "
              "work meanwhile)", file=sys.stderr)
        return 1
    except USER_ERRORS as exc:
        print(f"reviewer: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `reviewer list | head`
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 0
    except OSError as exc:
        print(f"reviewer: error: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback in the user's face
        print(f"reviewer: error: unexpected {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        if ws is not None:
            ws.close()
            for message in ws.store.take_notices():  # journal recovered, text cleaned, not saved (if not yet said)
                print(f"reviewer: {message}", file=sys.stderr)
