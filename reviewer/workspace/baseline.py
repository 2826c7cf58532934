"""The national baseline: built from a folder of published reports, found, and read.

``build_baseline`` reads every PDF or text file in a folder with Reviewer's own readers (text,
metadata, the inspectors' items, the suggester), on every core, and writes the table
(``core.team.baseline``): counts only, no report text. ``load_baseline`` finds the table to use:
the one named, else the organisation's own beside the library (``baseline.json``, which
``reviewer baseline --build FOLDER`` writes there), else the one shipped with Reviewer.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.atomic import write_atomic
from reviewer.core.files import FileRefused, read_regular
from reviewer.core.team.baseline import FORMAT, Baseline, BaselineError, ReportFindings, report_findings
from reviewer.core.text.documents import SUPPORTED_SUFFIXES, DocumentError
from reviewer.letters.importing import prepare_path
from reviewer.letters.parallel import Jobs

BASELINE_NAME = "baseline.json"


def read_report(path: Path) -> ReportFindings | str:
    """One report's findings (run in another process); the reason as text when it cannot be read."""
    try:
        prep = prepare_path(path)
    except DocumentError as exc:
        return str(exc)
    ex = prep.extracted
    return report_findings(ex.text, ex.page_starts, prep.letter.meta, default_themes())


def build_baseline(folder: Path, out: Path, progress: Callable[[int, int, str], None] | None = None
                   ) -> tuple[Baseline, list[str]]:
    """Read every report in ``folder`` (and below) and write the baseline table to ``out``; returns it
    and the problems met (files that could not be read). Nothing is written when no report is usable."""
    folder = Path(folder).expanduser()
    _replaceable(Path(out).expanduser())
    if not folder.is_dir():
        raise BaselineError(f"{folder} is not a folder of reports")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    if not files:
        raise BaselineError(f"{folder} holds no PDF or text reports")
    table = Baseline(built=datetime.now(timezone.utc).date().isoformat(),
                     source=f"{len(files)} files in {'/'.join(folder.resolve().parts[-2:])}",
                     theme_labels={t.id: t.label for t in default_themes()})
    problems: list[str] = []
    jobs = Jobs([(read_report, p) for p in files])
    try:
        for i, p in enumerate(files):
            if progress:
                progress(i, len(files), p.name)
            try:
                found = jobs.get(i)
            except Exception as exc:  # noqa: BLE001 - one bad file never stops the build
                found = f"{p.name}: {type(exc).__name__}: {exc}"
            if isinstance(found, str):
                problems.append(found)
                table.skipped += 1
            else:
                table.add(found)
    finally:
        jobs.close()
    if progress:
        progress(len(files), len(files), "")
    if not table.reports:
        raise BaselineError(f"no inspection report or letter in {folder} could be read; nothing was written")
    write_atomic(Path(out).expanduser(), table.to_json().encode("utf-8"))
    return table, problems


def _replaceable(out: Path) -> None:
    """Refuse, before any report is read, to write over a file at ``out`` that is not a baseline table: ``-o
    library.json`` wrote the table over the library. A table, or a damaged one under its own name, is replaced."""
    if not out.exists() or out.name == BASELINE_NAME:
        return
    try:
        data = json.loads(read_regular(out, 64 * 1024 * 1024, "a baseline table"))
    except (FileRefused, ValueError, RecursionError):  # (not JSON, or nested beyond reason)
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BaselineError(f"{out} is not a national baseline table: it is not written over, and nothing was written "
                            f"(name a new file, or one called {BASELINE_NAME})")


def shipped_baseline() -> Path:
    from reviewer.resources import path

    return path(BASELINE_NAME)


def baseline_path(library: Path | None, named: Path | None = None) -> Path:
    """The table to use: ``named``, else the organisation's own beside the library, else the shipped one."""
    if named is not None:
        return Path(named).expanduser()
    if library is not None:
        own = Path(library).with_name(BASELINE_NAME)
        if own.is_file():
            return own
    return shipped_baseline()


def load_baseline(path: Path) -> Baseline:
    """The table at ``path``, checked; ``BaselineError`` with a message that says what to do."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise BaselineError(f"the national baseline table {path} is missing; build one with "
                            "`reviewer baseline --build FOLDER`") from None
    except OSError as exc:
        raise BaselineError(f"the national baseline table {path} cannot be read: {exc.strerror or exc}") from None
    try:
        return Baseline.from_json(raw, f"the national baseline table {path}")
    except BaselineError as exc:
        raise BaselineError(f"{exc}. Rebuild it with `reviewer baseline --build FOLDER` (or remove it to use "
                            "the one shipped with Reviewer)") from None
