"""The workspace's exchanges with the world outside the library: codebooks, audit summaries, audit
packs (written, read and merged), REFI-QDA projects from the other tools, and the national picture.
``Workspace`` takes these operations from here; they use its library, store and undo like the rest."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.annotations.codebook import ThemeNames
from reviewer.core.annotations.commands import Batch, Command, PutTheme
from reviewer.core.annotations.library import Change, Library
from reviewer.core.annotations.model import Annotation, Letter, Theme
from reviewer.core.team.baseline import Baseline, Profile, authorities, profile
from reviewer.core.team.merge import MergeReport
from reviewer.core.team.summary import build_summary
from reviewer.core.annotations.model import PreparedLetter
from reviewer.core.text.documents import DocumentError
from reviewer.core.text.layout import Layout
from reviewer.core.text.layout_file import load_layout
from reviewer.core.atomic import write_atomic
from reviewer.core.files import FileRefused, read_regular
from reviewer.export.pack import PackCancelled, export_pack
from reviewer.export.pack_import import plan_pack_import, prepare_pack_letters
from reviewer.export.pack_read import PackContents, read_pack
from reviewer.export.project_read import ProjectRead, read_project
from reviewer.export.refiqda import MAX_QDC_BYTES, CodebookError, read_qdc, severity_of, themes_from_qdc, to_qdc
from reviewer.export.summary_files import FORMATS, export_summary
from reviewer.letters.pdf import extractor_version
from reviewer.store.letter_files import read_letter_copy
from reviewer.store.readonly import ReadOnlyStore
from reviewer.store.repository import LibraryStore
from reviewer.workspace.baseline import baseline_path, load_baseline
from reviewer.workspace.errors import NotFound, Outcome, WorkspaceError
from reviewer.core.text.words import counted


@dataclass
class Snapshot:
    """A pack's records and files as they were when it was asked for (a ``PackSource``)."""

    library: Library
    texts: dict[str, str]
    files: dict[str, Path]
    layouts: dict[str, Path]
    extractors: dict[str, str]
    starts: dict[str, list[int]] = field(default_factory=dict)

    def letter_bytes(self, letter: Letter) -> bytes:
        return read_letter_copy(self.files[letter.id], letter)

    def text_of(self, letter_id: str) -> str | None:
        return self.texts.get(letter_id)

    def page_starts_of(self, letter_id: str) -> list[int]:
        return self.starts.get(letter_id, [])

    @staticmethod
    def extractor(letter: Letter) -> str:
        """The extraction a letter's text comes from today (a new PyMuPDF may read it differently)."""
        return extractor_version(letter.kind)

    def saved_layout(self, letter_id: str) -> Layout | None:
        letter = self.library.letters[letter_id]
        try:
            data = self.layouts[letter_id].read_bytes()
        except OSError:
            return None
        return load_layout(data, letter.text_sha, self.extractors[letter_id])


@dataclass
class PackOpened:
    contents: PackContents
    report: MergeReport


SUFFIXES = {"md": (".md", ".markdown"), "html": (".html", ".htm"), "pdf": (".pdf",), "csv": (".csv",), "xlsx": (".xlsx",)}


def summary_format(out: Path, fmt: str | None = None) -> str:
    """The format a summary is written in: ``fmt`` if the file's suffix agrees with it, else the one
    the suffix names. A file is never written in a format its name does not say (s.docx holding a PDF)."""
    fmt = "md" if fmt == "markdown" else fmt
    named = next((f for f, suffixes in SUFFIXES.items() if out.suffix.lower() in suffixes), None)
    if fmt is not None and fmt not in FORMATS:
        raise WorkspaceError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if named is None and fmt is not None:
        raise WorkspaceError(f"{out.name} would hold a {fmt.upper()} summary under another name; "
                             f"name it {out.stem}{SUFFIXES[fmt][0]}")
    if named is None:
        raise WorkspaceError(f"{out.name} does not say which format to write: end its name in "
                             f"{', '.join(s[0] for s in SUFFIXES.values())} (or give --format and a name to match)")
    if fmt is not None and fmt != named:
        raise WorkspaceError(f"{out.name} names a {named.upper()} file but the format asked for is {fmt.upper()}: "
                             f"name it {out.stem}{SUFFIXES[fmt][0]}, or leave out --format")
    return named


class Exchange:
    """Operations that read or write files others send or receive (a mixin of ``Workspace``)."""

    library: Library
    store: LibraryStore | ReadOnlyStore
    # from Workspace: the one way a change is made, and the letters' texts as kept
    do: Callable[..., list[Change]]
    text_of: Callable[[str], str | None]
    page_starts_of: Callable[[str], list[int]]
    saved_text: Callable[[str], object]

    # ------------------------------------------------------------ summaries
    def summary_title(self, letter_ids: Sequence[str]) -> str:
        """The title an audit summary takes, alone or in a pack: "Audit summary — Halton — focused visit — January
        2023" for one letter (a returned pack's summary was titled "Audit pack", stop 45)."""
        ids = list(letter_ids)
        return f"Audit summary — {self.library.display_title(ids[0])}" if len(ids) == 1 else "Audit summary"

    # ------------------------------------------------------------ codebook
    def put_theme(self, before: Theme | None, after: Theme, label: str, initiator: object | None = None) -> list[Change]:
        return self.do(PutTheme(before, after, label), initiator)

    def check_export_target(self, out: Path) -> None:
        """Refuse to write an export among the library's own files (``LetterFiles.own_file``): a summary named after a
        letter's copy in the letters folder was written over it, by a command that only reads the library. The
        window's save dialogs ask this too (``Desk.named_with``)."""
        if self.store.own_file(out):
            raise WorkspaceError(f"{out} is among the library's own files (its letters' copies, backups or journal): "
                                 "choose a place outside them; nothing was written")

    def export_codebook(self, out: Path) -> int:
        if out.suffix.lower() != ".qdc":  # (never over the library, a letter or anything else by a slip of the name)
            raise WorkspaceError(f"a codebook is a REFI-QDA .qdc file; got {out.name}: nothing was written")
        self.check_export_target(out)
        write_atomic(out, to_qdc(list(self.library.themes.values())))
        return len(self.library.active_themes())

    def import_codebook(self, path: Path, initiator: object | None = None, *, take_colours: bool = False) -> Outcome:
        """Adopt a .qdc codebook: new themes added, matched ones updated, as one step. Our severities
        and our own categories, as another tool sends them back, are recognised and not made themes;
        a matched theme keeps its colour unless ``take_colours`` (or the file changed it on purpose)."""
        try:
            codes = read_qdc(read_regular(path, MAX_QDC_BYTES, "a codebook"))  # a pipe or device refused at once
        except FileRefused as exc:
            raise WorkspaceError(str(exc)) from None
        except CodebookError as exc:
            raise CodebookError(f"{path.name}: {exc}") from None
        cmds: list[Command] = []
        lines: list[str] = []
        themes = list(self.library.themes.values())
        names = ThemeNames(themes)  # as they will be: a name names one theme
        for before, after in themes_from_qdc(codes, themes, take_colours):
            if before is None:
                label = names.own(after.label, after.id)
                lines.append(f"added     {label}" + (f" (the codebook's “{after.label}”: a theme here has that name)"
                                                     if label != after.label else ""))
                after = dataclasses.replace(after, label=label)
                cmds.append(PutTheme(None, after, "Add theme"))
                names.put(after)
                continue
            if before.label != after.label and names.taken(after.label, after.id):
                lines.append(f"kept      {before.label} (not renamed “{after.label}”: another theme here has that name)")
                after = dataclasses.replace(after, label=before.label)
            if before != after:
                cmds.append(PutTheme(before, after, "Update theme"))
                lines.append(f"updated   {before.label}" + (f" → {after.label}" if before.label != after.label else ""))
            names.put(after, before)
        labels = {t.label.casefold() for t in themes}
        known = [c for c in codes if c.name.casefold() not in labels and severity_of(c) is not None]
        if known:
            lines.append(f"{len(known)} severit{'y' if len(known) == 1 else 'ies'} recognised (not added as themes): "
                         + ", ".join(dict.fromkeys(c.name for c in known)))
        out = Outcome(lines=lines)
        if cmds:
            out.command = Batch(cmds, "Import codebook")
            out.changes = self.do(out.command, initiator)
        out.lines.append(f"{len(codes)} codes read; {counted(len(cmds), 'theme')} added or updated")
        return out

    # ------------------------------------------------------------ summaries and packs
    def export_summary(self, letter_ids: Sequence[str], out: Path, fmt: str | None = None,
                       title: str = "Audit summary", national: bool = False) -> tuple[Path, int]:
        fmt = summary_format(out, fmt)
        self.check_export_target(out)
        if not letter_ids:
            raise WorkspaceError("the library has no letters to export")
        profiles = self.national_profiles(letter_ids) if national else []
        summary = build_summary(self.library, list(letter_ids), self.text_of, title=title,
                                page_starts_of=self.page_starts_of, national=profiles)
        export_summary(summary, self.library, fmt, out)
        return out, summary.total

    def export_pack(self, letter_ids: Sequence[str], out: Path, auditor: str, title: str = "Audit pack",
                    progress: Callable[[int, int, str], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> None:
        if not letter_ids:
            raise WorkspaceError("the library has no letters to put in a pack")
        if out.suffix.lower() != ".zip":
            raise WorkspaceError(f"an audit pack is a .zip file; got {out.name}")
        self.check_export_target(out)
        try:
            export_pack(self, list(letter_ids), out, auditor, title, progress, cancelled)
        except PackCancelled:
            raise
        except DocumentError as exc:
            raise WorkspaceError(f"could not write the pack: {exc}") from None

    @staticmethod
    def read_packs(paths: Sequence[Path], known: Iterable[str],
                   progress: Callable[[int, int, str], None] | None = None
                   ) -> list[tuple[PackContents, dict[str, PreparedLetter]]]:
        """Check every pack and read the letters the library lacks: the slow part, no shared state.
        A refused pack raises ``PackError`` and nothing is imported."""
        known = set(known)
        out = []
        for i, p in enumerate(paths):
            if progress:
                progress(i, len(paths), f"Checking {p.name}")
            contents = read_pack(p)
            ready = prepare_pack_letters(contents, known)
            known |= set(ready)
            out.append((contents, ready))
        return out

    def merge_packs(self, read: Sequence[tuple[PackContents, dict[str, PreparedLetter]]],
                    initiator: object | None = None, label: str | None = None) -> list[PackOpened]:
        """Merge read packs, in order, as one undoable step: all of them or, on any error, none."""
        done: list[Batch] = []
        opened: list[PackOpened] = []
        kept: list[PreparedLetter] = []
        try:
            for contents, ready in read:  # each pack merges into what the packs before it left
                plan = plan_pack_import(contents, self.library, self.saved_text, ready)
                for prep in plan.prepared:
                    self.store.save_files(prep)
                    kept.append(prep)
                signed = {x.id: self._findings(x.id) for x in self.library.letters.values() if x.signoff}
                plan.command.do(self.library, initiator)
                plan.report.signed_changed = [  # (a returned pack deleted a finding the sign-off had seen)
                    self.library.display_title(lid) for lid, before in signed.items()
                    if lid in self.library.letters and before != self._findings(lid)]
                done.append(plan.command)
                opened.append(PackOpened(contents, plan.report))
        except BaseException:
            for cmd in reversed(done):
                cmd.undo(self.library, initiator)
            raise
        if any(cmd.commands for cmd in done):
            label = label or ("Open audit pack" if len(done) == 1 else f"Open {len(done)} audit packs")
            self.do(Batch(list(done), label), initiator, already_done=True)
        return opened

    def _findings(self, letter_id: str) -> frozenset[tuple[str, str, str]]:
        """What a letter's findings are now, to tell whether a merge changed them."""
        return frozenset((a.id, a.modified, a.severity) for a in self.library.annotations_for(letter_id))

    def import_packs(self, paths: Sequence[Path], initiator: object | None = None) -> list[PackOpened]:
        return self.merge_packs(self.read_packs(paths, self.library.letters), initiator)

    # ------------------------------------------------------------ REFI-QDA projects from other tools
    @staticmethod
    def read_project(path: Path, themes: Sequence[Theme]) -> ProjectRead:
        """Check a .qdpx and read its letters and codings against the library's ``themes``: the slow
        part, no shared state (the window runs it on its worker). A refused archive raises ``PackError``."""
        return read_project(path, themes)

    def merge_project(self, read: ProjectRead, initiator: object | None = None) -> Outcome:
        """Merge a read project as one undoable step; its lines say what came in and what did not."""
        read, held = self.held_copies(read)
        opened = self.merge_packs([(read.contents, read.prepared)], initiator,
                                  label=f"Import project {read.contents.path.name}")[0]
        origin = read.contents.manifest.get("origin") or "another tool"
        lines = [f"{read.contents.path.name} (from {origin}):"] + opened.report.lines() + held + read.notes
        return Outcome(lines=lines)

    def held_copies(self, read: ProjectRead) -> tuple[ProjectRead, list[str]]:
        """The project with each source that is a copy of a letter the library holds taken as that letter,
        and a line for each: a pack's project.qdpx carries cleaned copies (other bytes, so other ids) of
        the same text, and a text letter as the pages it was typeset on. Its codings are placed on the
        letter held (by their quotes, as a pack's are); the copy is not added again."""
        lib = self.library
        same: dict[str, Letter] = {}
        for x in read.contents.letters:
            prep = read.prepared.get(x.id)
            if x.id in lib.letters or prep is None:
                continue
            words = prep.extracted.text.split()
            for held in lib.letters.values():
                if held.pages != x.pages or held.meta.authority != x.meta.authority:
                    continue  # (only a likely copy's text is read)
                ex = self.store.saved_text(held.id)
                if ex is not None and ex.text.split() == words:
                    same[x.id] = held
                    break
        if not same:
            return read, []

        def content(a: Annotation) -> tuple:
            return " ".join(a.quote.split()), a.severity, tuple(a.themes), a.note.strip(), a.author

        here = {content(a) for held in same.values() for a in lib.annotations_for(held.id)}
        c = read.contents  # the held letter in the copy's place: its codings are placed on it by their quotes
        annotations, known = [], Counter()
        for a in c.annotations:
            if a.letter_id in same:
                if content(a) in here:  # the library's own annotation, come back with a project's id
                    known[a.letter_id] += 1
                    continue
                a = dataclasses.replace(a, letter_id=same[a.letter_id].id)
            annotations.append(a)
        letters = list({y.id: y for y in (same.get(x.id, x) for x in c.letters)}.values())  # (two copies: one)
        contents = dataclasses.replace(c, letters=letters, annotations=annotations,
                                       originals={k: v for k, v in c.originals.items() if k not in same})
        prepared = {k: v for k, v in read.prepared.items() if k not in same}
        lines = [f"  {lib.display_title(held.id)}: the project's copy of it is this letter"
                 + (f" ({counted(known[copy], 'coding')} already here)" if known[copy] else "")
                 for copy, held in same.items()]
        return dataclasses.replace(read, contents=contents, prepared=prepared), lines

    def import_project(self, path: Path, initiator: object | None = None) -> Outcome:
        """``reviewer project import``: read the project, then merge it."""
        return self.merge_project(self.read_project(path, list(self.library.themes.values())), initiator)

    # ------------------------------------------------------------ the national picture
    def national_baseline(self, table: Path | None = None) -> Baseline:
        """The baseline table named, else the organisation's own beside the library, else the shipped one."""
        return load_baseline(baseline_path(self.store.path, table))

    def national_profiles(self, letter_ids: Sequence[str], baseline: Baseline | None = None) -> list[Profile]:
        """Each authority of these letters that has findings, against the national baseline: for a summary."""
        table = baseline or self.national_baseline()
        out = [profile(self.library, name, table, letter_ids=letter_ids) for name in authorities(self.library, letter_ids)]
        return [p for p in out if p.findings]

    def national_profile(self, authority: str, basis: str = "weaknesses", sources: Sequence[str] | None = None,
                         years: tuple[int, int] | None = None, framework: str | None = None,
                         letter_ids: Sequence[str] | None = None, table: Path | None = None,
                         baseline: Baseline | None = None) -> Profile:
        """The authority's findings by theme against the national baseline; ``NotFound`` when the
        library holds no letter of that authority."""
        lib = self.library
        key = " ".join(authority.split()).casefold()
        known = {(x.meta.authority or "").casefold(): x.meta.authority for x in lib.letters.values() if x.meta.authority}
        if key not in known:
            hits = sorted({v for k, v in known.items() if k.startswith(key)}) if key else []
            if len(hits) != 1:
                named = ", ".join(sorted(known.values(), key=str.casefold)[:8]) or "none"
                raise NotFound(f"no letter in the library is about {authority!r}" +
                               (f" ({len(hits)} authorities start so)" if hits else "") + f"; authorities: {named}")
            key = hits[0].casefold()
        return profile(lib, known[key] or authority, baseline or self.national_baseline(table), basis, sources,
                       years, framework, letter_ids)
