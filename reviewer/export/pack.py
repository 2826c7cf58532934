"""Writing an audit pack: one .zip a manager can use with Reviewer, and without it.

Members: summary.pdf and summary.html, annotations.csv and annotations.xlsx, letters/ (each letter
as a PDF with real highlight annotations), project.qdpx (REFI-QDA), data/pack.json and
data/originals/ (the app's own records and the original letter files) and manifest.json (format
version, app version, auditor, created, and the SHA-256 of every other member).

The PDFs a manager opens (letters/ and the sources in project.qdpx) are cleaned copies: no
JavaScript, no actions that run or open anything, no attached or embedded files
(``letters.clean``). The originals in data/originals/ are kept exactly as they were, since their
SHA-256 is the letter's id, and are named as originals.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, Protocol

from reviewer import __version__
from reviewer.core.text.layout import Layout
from reviewer.core.text.documents import FILE_SUFFIX
from reviewer.core.annotations import actions as plan
from reviewer.core.annotations import deletions
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Letter, now_iso
from reviewer.core.annotations.titles import file_title
from reviewer.core.reading.suggest import read_dismissed
from reviewer.letters.parallel import Jobs, JobsCancelled
from reviewer.core.team.summary import build_summary, distinct_titles
from reviewer.letters.highlight import annotate_job, run_annotate_job, run_safe_and_annotate_job
from reviewer.core.atomic import write_atomic
from reviewer.export.common import zip_member
from reviewer.export.csvfile import action_rows, actions_to_csv, to_csv
from reviewer.export.html import to_html
from reviewer.export.pdf import to_pdf
from reviewer.export.refiqda import SourceText, to_qdpx
from reviewer.export.xlsx import to_xlsx

PACK_FORMAT = "reviewer-audit-pack"
PACK_VERSION = 2  # 2: the original letter files are in data/originals/ (version 1: data/letters/)
READABLE_VERSIONS = (1, 2)
MANIFEST = "manifest.json"
DATA = "data/pack.json"
ORIGINALS = {1: "data/letters/", 2: "data/originals/"}  # by pack format version

Progress = Callable[[int, int, str], None]


class PackSource(Protocol):
    """What a pack needs from the library beyond its records (``LibraryStore`` provides it)."""

    library: Library

    def letter_bytes(self, letter: Letter) -> bytes: ...

    def text_of(self, letter_id: str) -> str | None: ...

    def saved_layout(self, letter_id: str) -> Layout | None: ...

    def page_starts_of(self, letter_id: str) -> list[int]: ...


def original_name(letter: Letter, version: int = PACK_VERSION) -> str:
    """Where a pack keeps the letter's file exactly as it was added (its SHA-256 is the letter's id):
    an original, never cleaned, so named; what a manager opens is in letters/ and project.qdpx."""
    return f"{ORIGINALS[version]}{letter.id}.{FILE_SUFFIX.get(letter.kind, 'txt')}"


def _is_original(name: str) -> bool:
    """Whether the member ``name`` is a letter's file as it was added (every other PDF Reviewer wrote)."""
    return name.startswith(ORIGINALS[PACK_VERSION])


def _file_title(title: str, taken: set[str]) -> str:
    """A file name for ``title`` (already told apart from its namesakes by ``distinct_titles``), made
    safe for every file system and unique again after that."""
    base = file_title(title)[:80].strip(" .") or "letter"
    name, n = base, 2
    while name.casefold() in taken:
        name, n = f"{base} ({n})", n + 1
    taken.add(name.casefold())
    return name


def pack_records(lib: Library, letters: Sequence[Letter], auditor: str) -> dict[str, object]:
    kept = plan.read_all(lib.settings)
    return {
        "format": PACK_FORMAT,
        "format_version": PACK_VERSION,
        "auditor": auditor,
        "letters": [x.to_dict() for x in letters],
        "annotations": [a.to_dict() for x in letters for a in lib.annotations_for(x.id)],
        "themes": [t.to_dict() for t in lib.themes.values()],
        "deleted": [t.to_dict() for t in deletions.read_all(lib.settings).values()
                    if t.letter_id in {x.id for x in letters}],
        "actions": [a.to_dict() for a in plan.sorted_by_due(plan.read_all(lib.settings))
                    if (ann := lib.annotations.get(a.annotation_id)) is not None
                    and ann.letter_id in {x.id for x in letters}],
        "deleted_actions": [t.to_dict() for t in plan.read_gone(lib.settings).values()
                            if t.letter_id in {x.id for x in letters} and t.id not in kept],  # not brought back since
        # the suggestions the auditor dismissed, so that a manager reviewing the pack is not shown them again
        "dismissed": {x.id: [list(r) for r in ranges] for x in letters
                      if (ranges := read_dismissed(lib.settings, x.id))},
    }


def signed_library(lib: Library, auditor: str) -> Library:
    """The library as the pack tells it: annotations nobody signed (made before a name was set) are
    the pack's auditor's, in every member (records, spreadsheets, highlights, summary, REFI-QDA)."""
    if not auditor or all(a.author for a in lib.annotations.values()):
        return lib
    out = Library()
    out.load(lib.letters.values(),
             [a if a.author else dataclasses.replace(a, author=auditor) for a in lib.annotations.values()],
             lib.themes.values(), lib.settings)
    return out


def build_pack(source: PackSource, letter_ids: Sequence[str], auditor: str, title: str = "Audit pack",
               progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
               put: Callable[[str, bytes], None] | None = None) -> dict[str, bytes]:
    """Every member of the pack, handed to ``put`` as each is ready (so the zip is written while
    letters are still being highlighted), the manifest of their hashes last. Without ``put``, the
    members are returned."""
    lib = signed_library(source.library, auditor)
    letters = [lib.letters[i] for i in letter_ids if i in lib.letters]
    if not letters:
        raise ValueError("there are no letters to put in the pack")
    kept: dict[str, bytes] = {}
    hashes: dict[str, str] = {}

    def add(name: str, data: bytes) -> None:
        hashes[name] = hashlib.sha256(data).hexdigest()
        if put is None:
            kept[name] = data
        else:
            put(name, data)

    jobs = []
    highlighted: dict[str, int] = {}  # letter id -> its job: the letter with its highlights (and a PDF's safe copy)
    plain: dict[str, int] = {}  # a text letter's typeset pages without highlights: the source QDA tools show
    originals: dict[str, bytes] = {}
    for x in letters:
        originals[x.id] = data = source.letter_bytes(x)
        highlighted[x.id] = len(jobs)
        jobs.append(annotate_job(lib, x, data, lib.annotations_for(x.id), source.saved_layout(x.id)))
        if x.kind != "pdf":
            plain[x.id] = len(jobs)
            jobs.append(annotate_job(lib, x, data, []))
    steps, done = len(jobs) + 4, 0

    def step(what: str) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise PackCancelled("cancelled")
        if progress is not None:
            progress(done, steps, what)
        done += 1

    created = now_iso()
    step("Writing the summary")
    summary = build_summary(lib, [x.id for x in letters], source.text_of, title=title,
                            page_starts_of=source.page_starts_of)
    # the summary's PDF (call 0) and every letter (call 1 + its job) are written in other processes meanwhile;
    # a PDF letter's job also gives its safe copy (no scripts, actions or attached files), its source in project.qdpx
    pdf_jobs = {highlighted[x.id] for x in letters if x.id not in plain}
    running = Jobs([(to_pdf, summary)] + [(run_safe_and_annotate_job if k in pdf_jobs else run_annotate_job, j)
                                          for k, j in enumerate(jobs)])
    with_highlights: dict[str, bytes] = {}  # a PDF letter's highlighted copy, which came with its safe copy
    try:
        add("summary.html", to_html(summary).encode("utf-8"))
        step("Writing the spreadsheet")
        anns = [a for x in letters for a in lib.annotations_for(x.id)]
        add("annotations.csv", to_csv(lib, anns, summary.quotes, summary.names).encode("utf-8-sig"))
        if any(True for _ in action_rows(lib, anns)):
            add("actions.csv", actions_to_csv(lib, anns, summary.names, summary.answered).encode("utf-8-sig"))
        add("annotations.xlsx", to_xlsx(lib, anns, letters, summary.quotes, summary.names, summary.answered,
                                        summary.moderation, summary.improvement_items))
        step("Writing the REFI-QDA project")
        sources: list[SourceText] = []
        for x in letters:
            add(original_name(x), originals[x.id])
            if x.id in plain:
                as_pdf = running.get(1 + plain[x.id], cancelled)
            else:
                as_pdf, with_highlights[x.id] = running.get(1 + highlighted[x.id], cancelled)
            sources.append(SourceText(x, source.text_of(x.id) or "", as_pdf))
        add("project.qdpx", to_qdpx(lib, sources, title, created))
        taken: set[str] = set()
        shown = distinct_titles(letters, lib)
        for x in letters:
            step(f"Highlighting {shown[x.id]}")
            marked = with_highlights.pop(x.id) if x.id in with_highlights else running.get(1 + highlighted[x.id], cancelled)
            add(f"letters/{_file_title(shown[x.id], taken)}.pdf", marked)
        step("Laying out the summary")
        add("summary.pdf", running.get(0, cancelled))
    except JobsCancelled:
        raise PackCancelled("cancelled") from None
    finally:
        running.close()
    add(DATA, json.dumps(pack_records(lib, letters, auditor), ensure_ascii=False, indent=1).encode("utf-8"))
    signed = [x.signoff for x in letters if x.signoff]
    manifest = {
        "format": PACK_FORMAT,
        "format_version": PACK_VERSION,
        "app": "Reviewer",
        "app_version": __version__,
        "title": title,
        # whose annotations these are (a manager sending a pack back is not its auditor: a new manager's returned
        # pack named her so, stop 45), and who made the pack
        "auditor": ", ".join(dict.fromkeys(a.author for a in anns if a.author)) or auditor,
        "exported_by": auditor,
        "created": created,
        "letters": len(letters),
        "annotations": len(anns),
        "signed_off": len(signed) == len(letters),
        "files": dict(sorted(hashes.items())),
    }
    add(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
    if progress is not None:
        progress(steps, steps, "Done")
    return kept


class PackCancelled(Exception):
    pass


def export_pack(source: PackSource, letter_ids: Sequence[str], out: Path, auditor: str,
                title: str = "Audit pack", progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> Path:
    """Build and write the pack, each member zipped as soon as it is ready; the file appears,
    whole, only at the end."""

    def zip_into(fh: BinaryIO) -> None:
        with zipfile.ZipFile(fh, "w") as z:
            build_pack(source, letter_ids, auditor, title, progress, cancelled,
                       put=lambda name, data: zip_member(z, name, data, written_here=not _is_original(name)))

    write_atomic(Path(out), zip_into)
    return Path(out)
