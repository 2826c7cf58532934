"""`reviewer baseline`: the national picture, and an authority's findings against it;
`reviewer baseline --build FOLDER`: the table built from an organisation's own folder of reports."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reviewer.core.team.baseline import (
    BASES,
    BASIS_LABELS,
    COLUMNS,
    FRAMEWORKS,
    Baseline,
    national_rows,
    parse_years,
    pct,
)
from reviewer.store.paths import resolve_library_path
from reviewer.workspace import Workspace
from reviewer.workspace.baseline import BASELINE_NAME, baseline_path, build_baseline, load_baseline
from reviewer.core.text.words import counted


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    b = sub.add_parser("baseline", parents=[common],
                       help="the national theme x severity baseline; with an authority, its findings against it")
    b.add_argument("authority", nargs="?", metavar="AUTHORITY",
                   help="compare this authority's annotations (in the library) with the baseline")
    b.add_argument("--json", action="store_true")
    b.add_argument("--basis", choices=tuple(BASES), default="weaknesses",
                   help="which findings to compare (default: areas for improvement and priority actions)")
    b.add_argument("--source", choices=("items", "graded", "all"),
                   help="national findings: the inspectors' items, the reports' graded findings, or both "
                        "(default: items; graded for strengths)")
    b.add_argument("--years", metavar="YEARS", help="inspection years, e.g. 2022 or 2019-2023")
    b.add_argument("--framework", choices=FRAMEWORKS, type=lambda s: {f.casefold(): f for f in FRAMEWORKS}.get(
        s.casefold(), s))
    b.add_argument("--table", metavar="FILE", help="the baseline table to read (default: the organisation's own "
                   f"{BASELINE_NAME} beside the library, else the one shipped with Reviewer)")
    b.add_argument("--build", metavar="FOLDER", help="build the table from every report in FOLDER and write it")
    b.add_argument("-o", "--output", metavar="FILE", help=f"with --build: where to write it (default: {BASELINE_NAME} "
                   "beside the library)")


def needs_store(args: argparse.Namespace) -> bool:
    """Only a comparison reads the library; building or printing the table does not open it."""
    return args.command != "baseline" or bool(args.authority)


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def cmd_baseline(ws: Workspace | None, args: argparse.Namespace) -> int:
    if args.build:
        return _build(args)
    years = parse_years(args.years)
    sources = None if not args.source else (("items", "graded") if args.source == "all" else (args.source,))
    table_file = Path(args.table).expanduser() if args.table else None
    if ws is None:
        library, _ = resolve_library_path(args.db)
        path = baseline_path(library, table_file)
        return _print_table(load_baseline(path), path, years, args.framework, args.json)
    prof = ws.national_profile(args.authority, args.basis, sources, years, args.framework, table=table_file)
    if args.json:
        _out(json.dumps({
            "authority": prof.authority, "basis": prof.basis, "basis_label": BASIS_LABELS[prof.basis],
            "national_source": list(prof.sources), "letters": prof.letters, "findings": prof.findings,
            "national_reports": prof.national_reports, "national_findings": prof.national_findings,
            "years": list(prof.years) if prof.years else None, "framework": prof.framework,
            "themes": [{"theme": r.label, "theme_id": r.theme_id, "yours": r.yours, "your_share": round(r.your_share, 4),
                        "national": r.national,
                        "national_share": None if r.national_share is None else round(r.national_share, 4),
                        "difference": None if r.difference is None else round(r.difference, 4)}
                       for r in prof.rows],
        }, indent=2, ensure_ascii=False))
        return 0
    _out(f"{prof.authority}: {prof.findings} finding{'s' if prof.findings != 1 else ''} "
         f"({BASIS_LABELS[prof.basis]}) in {prof.letters} letter{'s' if prof.letters != 1 else ''}, "
         f"against {prof.scope}")
    if not prof.findings:
        _out("No annotations of these severities yet: tag the authority's letters to compare them.")
    rows = [r for r in prof.rows if r.yours] + [r for r in prof.rows if not r.yours][:5]
    width = max([len(r.label) for r in rows] + [5])
    _out(f"{'THEME':<{width}}  {'YOURS':>9}  {'NATIONALLY':>10}  {'DIFFERENCE':>10}")
    for r in rows:
        nat = "—" if r.national_share is None else pct(r.national_share)
        diff = "" if r.difference is None else f"{round(100 * r.difference):+d} pts"
        _out(f"{r.label:<{width}}  {r.yours:>4} {pct(r.your_share):>4}  {nat:>10}  {diff:>10}")
    if rows:
        _out("")
        _out(rows[0].sentence())
    return 0


def _print_table(table: Baseline, path: Path, years: tuple[int, int] | None, framework: str | None,
                 as_json: bool) -> int:
    rows = national_rows(table, {}, years, framework)
    totals = [table.total(sevs, srcs, years, framework) for _, sevs, srcs in COLUMNS]
    if as_json:
        _out(json.dumps({
            "table": str(path), "built": table.built, "source": table.source,
            "reports": table.report_count(years, framework), "years": list(years) if years else None,
            "framework": framework,
            "reports_by_year": [{"year": y, "framework": f, "doc_type": d, "reports": n}
                                for (y, f, d), n in sorted(table.reports.items())
                                if (years is None or years[0] <= y <= years[1]) and (not framework or f == framework)],
            "columns": [{"name": name, "severities": list(sevs), "source": srcs[0], "findings": total}
                        for (name, sevs, srcs), total in zip(COLUMNS, totals)],
            "themes": [{"theme": label, "theme_id": tid,
                        **{name: {"findings": n, "share": round(share, 4)} for (name, _, _), (n, share)
                           in zip(COLUMNS, cells)}} for tid, label, cells in rows],
        }, indent=2, ensure_ascii=False))
        return 0
    spans = {}
    for (y, f, _d), n in table.reports.items():
        if (years is None or years[0] <= y <= years[1]) and (not framework or f == framework):
            lo, hi, c = spans.get(f, (y, y, 0))
            spans[f] = (min(lo, y), max(hi, y), c + n)
    _out(f"National baseline: {table.report_count(years, framework)} reports ("
         + ", ".join(f"{f} {c} ({lo}-{hi})" if lo != hi else f"{f} {c} ({lo})"
                     for f, (lo, hi, c) in sorted(spans.items(), key=lambda kv: -kv[1][2]))
         + f"), built {table.built or '?'} from {table.source or '?'}")
    _out(f"table: {path}")
    _out("Each theme's share of the findings in each column (a finding may carry several themes):")
    heads = ["Items", "Priority", "Graded AfI", "Graded PA", "Strengths"]
    width = max([len(label) for _, label, _ in rows] + [5])
    _out(f"{'THEME':<{width}}  " + "  ".join(f"{h:>10}" for h in heads))
    _out(f"{'(findings)':<{width}}  " + "  ".join(f"{t:>10,}" for t in totals))
    for _tid, label, cells in rows:
        _out(f"{label:<{width}}  " + "  ".join(f"{pct(share) if n else '—':>10}" for n, share in cells))
    _out("")
    _out("Items: the inspectors' 'What needs to improve' items; Priority: their areas for priority action; "
         "Graded: the reports' other findings as Reviewer's suggester grades them (AfI: areas for improvement, "
         "PA: priority actions).")
    return 0


def _build(args: argparse.Namespace) -> int:
    if args.output:
        out = Path(args.output).expanduser()
    else:
        library, _ = resolve_library_path(args.db)
        out = library.with_name(BASELINE_NAME)
    tty = sys.stderr.isatty()

    def progress(done: int, total: int, what: str) -> None:
        if tty:
            sys.stderr.write(f"\r[{done}/{total}] {what[:60]:<60}")
            sys.stderr.flush()

    table, problems = build_baseline(Path(args.build), out, progress)
    if tty:
        sys.stderr.write("\n")
    for p in problems:
        print(f"reviewer: note: {p}", file=sys.stderr)
    items = sum(n for (_y, _f, src, _s), n in table.totals.items() if src == "items")
    graded = sum(n for (_y, _f, src, _s), n in table.totals.items() if src == "graded")
    years = table.years()
    _out(f"wrote {out}: {sum(table.reports.values())} reports ({years[0]}-{years[-1]}), {items:,} inspectors' items, "
         f"{graded:,} graded findings; {counted(table.skipped, 'file')} left out (not a report, or unreadable)")
    return 0
