"""`reviewer` subcommands: add, list, tag, annotations, export, themes."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reviewer import __version__
from reviewer.cli import backups, packs, search, suggest
from reviewer.cli.resolve import CliError, resolve_letter
from reviewer.core.codebook import LookupFailed, find_theme, severities, severity
from reviewer.core.commands import AddAnnotation, UndoStack
from reviewer.core.documents import SUPPORTED_SUFFIXES, DocumentError
from reviewer.core.importing import prepare_path
from reviewer.core.summary import build_summary
from reviewer.core.tagging import QuoteError, locate_quote, new_annotation
from reviewer.core.textsearch import collapse_ws
from reviewer.export.csvfile import to_csv
from reviewer.export.summary_files import FORMATS, export_summary
from reviewer.store.paths import open_store
from reviewer.store.repository import LibraryError, LibraryStore

COMMANDS = ("add", "list", "tag", "annotations", "export", "themes", "search", "suggest", "backups") + packs.COMMANDS


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reviewer", description="Annotate inspection letters (command line).")
    p.add_argument("--version", action="version", version=f"reviewer {__version__}")
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
    t.add_argument("--author")

    an = sub.add_parser("annotations", parents=[common], help="list annotations")
    an.add_argument("letter", nargs="?", metavar="LETTER")
    an.add_argument("--format", choices=("table", "json", "csv"), default="table")

    ex = sub.add_parser("export", parents=[common], help="export an audit summary")
    ex.add_argument("letters", nargs="*", metavar="LETTER")
    ex.add_argument("--format", choices=tuple(FORMATS))
    ex.add_argument("-o", "--output", required=True, metavar="OUT")
    ex.add_argument("--title", default="Audit summary")

    th = sub.add_parser("themes", parents=[common], help="list the codebook's themes and severities")
    th.add_argument("--json", action="store_true")
    packs.add_parsers(sub, common)
    search.add_parser(sub, common)
    suggest.add_parser(sub, common)
    backups.add_parser(sub, common)
    return p


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_add(store: LibraryStore, args: argparse.Namespace) -> int:
    failures = 0
    paths: list[Path] = []
    for f in args.files:
        p = Path(f).expanduser()
        if p.is_dir():
            paths += sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            paths.append(p)
    for p in paths:
        try:
            if not p.exists():
                raise DocumentError(f"{p}: no such file")
            prep = prepare_path(p)
            letter, new = store.add_prepared(prep)
        except DocumentError as exc:
            print(f"reviewer: error: {exc}", file=sys.stderr)
            failures += 1
            continue
        status = "" if new else "  (already in the library)"
        _out(f"{letter.id[:12]}  {letter.title}  {letter.pages} page{'s' if letter.pages != 1 else ''}{status}")
        for note in prep.notes:
            print(f"reviewer: note: {p.name}: {note}", file=sys.stderr)
    return 1 if failures else 0


def _letter_json(store: LibraryStore, x) -> dict:  # type: ignore[no-untyped-def]
    m = x.meta
    return {
        "id": x.id, "title": x.title, "source": x.source, "kind": x.kind, "pages": x.pages,
        "authority": m.authority, "doc_type": m.doc_type, "published": m.published,
        "visit_start": m.visit_start, "visit_end": m.visit_end, "lead_inspector": m.lead_inspector,
        "inspectors": list(m.inspectors), "judgements": dict(m.judgements) or None,
        "visit_number": m.visit_number,
        "annotations": store.library.annotation_count(x.id), "has_text": x.has_text,
    }


def cmd_list(store: LibraryStore, args: argparse.Namespace) -> int:
    letters = store.library.letters_sorted()
    if args.json:
        _out(json.dumps([_letter_json(store, x) for x in letters], indent=2, ensure_ascii=False))
        return 0
    if not letters:
        _out("The library is empty. Add letters with `reviewer add FILE...`.")
        return 0
    rows = [("ID", "TITLE", "AUTHORITY", "TYPE", "DATE", "PAGES", "ANNOTATIONS")]
    for x in letters:
        rows.append((x.id[:12], x.title[:40], (x.meta.authority or "")[:24], x.meta.doc_type or "",
                     x.meta.published or "", str(x.pages), str(store.library.annotation_count(x.id))))
    _table(rows)
    return 0


def _table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        _out("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


def cmd_tag(store: LibraryStore, args: argparse.Namespace) -> int:
    letter = resolve_letter(store, args.letter)
    ex = store.extracted(letter.id)
    if ex is None or not ex.text.strip():
        raise CliError(f"{letter.title} has no text to tag (scanned or image-only)")
    themes = [find_theme(store.library.themes.values(), t, include_retired=False).id for t in args.theme]
    level = severity(args.severity)
    start, end = locate_quote(ex.text, args.quote)
    author = args.author or store.library.settings.get("auditor", "")
    ann = new_annotation(ex.text, ex.page_starts, letter.id, start, end, themes, level.id, args.note, author)
    UndoStack(store.library).push(AddAnnotation(ann))
    _out(f"{ann.id[:12]}  {letter.title}  p.{ann.page}  {level.label}  "
         f"{', '.join(store.library.theme_label(t) for t in themes)}")
    return 0


def cmd_annotations(store: LibraryStore, args: argparse.Namespace) -> int:
    lib = store.library
    letters = [resolve_letter(store, args.letter, add_missing=False)] if args.letter else lib.letters_sorted()
    anns = [a for x in letters for a in lib.annotations_for(x.id)]
    sev = {s.id: s.label for s in severities()}
    if args.format == "json":
        out = [{
            "id": a.id, "letter": a.letter_id, "letter_title": lib.letters[a.letter_id].title,
            "quote": a.quote, "themes": [lib.theme_label(t) for t in a.themes], "theme_ids": list(a.themes),
            "severity": sev.get(a.severity, a.severity), "severity_id": a.severity, "note": a.note,
            "author": a.author, "page": a.page, "pages": list(a.pages), "start": a.start, "end": a.end,
            "needs_attention": a.orphaned, "created": a.created, "modified": a.modified,
            "review": a.review.to_dict() if a.review else None,
        } for a in anns]
        _out(json.dumps(out, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(to_csv(lib, anns))
    else:
        if not anns:
            _out("No annotations.")
            return 0
        rows = [("ID", "LETTER", "PAGE", "SEVERITY", "THEMES", "QUOTE")]
        for a in anns:
            q = collapse_ws(a.quote)
            rows.append((a.id[:12], lib.letters[a.letter_id].title[:28], str(a.page), sev.get(a.severity, ""),
                         ", ".join(lib.theme_label(t) for t in a.themes)[:40], q[:60] + ("…" if len(q) > 60 else "")))
        _table(rows)
    return 0


def cmd_export(store: LibraryStore, args: argparse.Namespace) -> int:
    out = Path(args.output).expanduser()
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt == "markdown":
        fmt = "md"
    if fmt not in FORMATS:
        raise CliError(f"cannot tell the format from {out.name!r}; give --format {'|'.join(FORMATS)}")
    lib = store.library
    letters = [resolve_letter(store, k, add_missing=False) for k in args.letters] or lib.letters_sorted()
    if not letters:
        raise CliError("the library has no letters to export")
    summary = build_summary(lib, [x.id for x in letters], store.text_of, title=args.title)
    export_summary(summary, lib, fmt, out)
    _out(f"wrote {out} ({len(letters)} letter{'s' if len(letters) != 1 else ''}, {summary.total} annotations)")
    return 0


def cmd_themes(store: LibraryStore, args: argparse.Namespace) -> int:
    themes = list(store.library.themes.values())
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


HANDLERS = {"add": cmd_add, "list": cmd_list, "tag": cmd_tag, "annotations": cmd_annotations,
            "export": cmd_export, "themes": cmd_themes, "search": search.cmd_search, "suggest": suggest.cmd_suggest,
            "backups": backups.cmd_backups, **packs.HANDLERS}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    store: LibraryStore | None = None
    try:
        if packs.needs_store(args) and args.command != "backups":  # backups works on a damaged library
            store = open_store(args.db, program="cli")
        code = HANDLERS[args.command](store, args)  # type: ignore[arg-type]
        if store is not None:
            store.commit()  # raises LibraryError unless every change made is durable
        return code
    except CliError as exc:
        print(f"reviewer: error: {exc}", file=sys.stderr)
        return exc.code
    except (DocumentError, LibraryError, QuoteError, LookupFailed) as exc:
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
        if store is not None:
            store.close()
            for message in store.take_notices():  # journal recovered, text cleaned, not saved (if not yet said)
                print(f"reviewer: {message}", file=sys.stderr)
