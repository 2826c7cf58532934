"""Shared pieces of the summary writers: labels, dates, scope lines, safe file writing."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Sequence

from reviewer.core.annotations.model import LETTER_TYPES, kind_label
from reviewer.core.reading.judgements import in_order
from reviewer.core.reading.judgements import label as judgement_label
from reviewer.core.team.summary import Entry, ImprovementItem, Summary
from reviewer.core.text.words import long_date
from reviewer.core.annotations.codebook import themes_said

_UNSEEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def shown_plainly(text: object) -> str:
    """Text from users and letters as a summary shows it: without control characters (a terminal's escapes, a bell)
    and bidi overrides and isolates, which can disguise the text around them. Tabs and line ends stay."""
    return _UNSEEN.sub("", str(text))


SECTION_TITLES = {"priority": "Priority actions", "improvement": "Areas for improvement",
                  "strength": "Strengths", "context": "Context"}


def pages_label(pages: tuple[int, ...]) -> str:
    if not pages:
        return "—"
    if len(pages) == 1:
        return f"p. {pages[0]}"
    return f"pp. {pages[0]}–{pages[-1]}"


def date_range(first: str | None, last: str | None) -> str:
    """"18 November 2014", "11 to 12 February 2025", "18 November to 10 December 2014", "3 May 2015 to 2 June
    2016"; "—" with none."""
    if not first or not last:
        return long_date(first or last)
    if first == last:
        return long_date(first)
    a, b = long_date(first), long_date(last)
    if a == first or b == last:  # (not a date: as it was given)
        return f"{a} to {b}"
    if first[:7] == last[:7]:
        return f"{a.split()[0]} to {b}"
    if first[:4] == last[:4]:
        return f"{a.rsplit(' ', 1)[0]} to {b}"
    return f"{a} to {b}"


def scope_rows(s: Summary) -> list[tuple[str, str]]:
    """The summary's scope: which letters, whose, when they were inspected and when published (two rows, not
    one "period" from a visit's start to a publication, which a new user read as the inspection's)."""
    return [
        ("Letters", str(len(s.letters))),
        ("Authorities", ", ".join(s.authorities) or "—"),
        ("Inspected", date_range(*s.inspected)),
        ("Published", date_range(*s.published) + {"all": " (estimated)", "some": " (some estimated)"}.get(
            s.published_estimated, "")),  # (the reports that print no date: a new user read 15 May as printed)
        ("Auditors", ", ".join(s.auditors) or "—"),
        ("Exported", long_date(s.exported) + " " + s.exported[11:16] + " UTC"),
        ("Annotations", str(s.total)),
    ]


def judgements_said(meta) -> str:  # type: ignore[no-untyped-def]
    """A report's judgements as a manager reads them ("Overall effectiveness: Inadequate; Impact of leaders:
    Inadequate; ..."), in the order the report's framework lists them, named as it names them ("Leadership,
    management and governance" in a 2014 report, its board's last); "—" where the document gives none."""
    return "; ".join(f"{judgement_label(name, meta.framework)}: {grade.capitalize()}"
                     for name, grade in in_order(dict(meta.judgements), meta.framework)) or "—"


def letter_row(letter, name: str | None = None) -> tuple[str, str, str, str, str]:  # type: ignore[no-untyped-def]
    """Letter (``name``: its title told apart from a namesake's), authority, type, dates, judgements."""
    m = letter.meta
    dates = []
    if m.visit_start or m.visit_end:
        visit = long_date(m.visit_start or m.visit_end)
        if m.visit_end and m.visit_start and m.visit_end != m.visit_start:
            visit += f" – {long_date(m.visit_end)}"
        dates.append(f"{'inspected' if m.doc_type == 'inspection report' else 'visit'} {visit}")  # (weeks: no visit)
    if m.published:  # a letter's own date; a report's, a news item's or a committee's: when published or met
        said = "letter" if m.doc_type in LETTER_TYPES else "dated" if m.doc_type == "committee report" else "published"
        dates.append(f"{said} {long_date(m.published)}" + (" (estimated)" if m.published_estimated else ""))
    return (name or letter.title, m.authority or "—", kind_label(m) or "—",
            "; ".join(dates) or "—", judgements_said(m))


def item_said(it: ImprovementItem) -> str:
    """An inspectors' item as the summary lists it, by its number in the report where it has one ("14. Ensure
    …"); one for the report's safeguarding board says so."""
    said = f"{it.number}. {it.text}" if it.number else it.text
    return f"For the LSCB: {said}" if it.board else said


NO_THEME = "No theme"


def theme_of(e: Entry) -> str:
    """The theme a finding is listed under in its severity's section: its first (the summary orders them so)."""
    return e.themes[0] if e.themes else NO_THEME


def themes_note(s: Summary) -> str:
    """What the themes table counts, where a finding has several themes: each of them, while the findings below are
    listed under their first (a new user read the table's two permanence strengths against the one listed)."""
    if not any(len(e.themes) > 1 for _sid, _label, entries in s.sections for e in entries):
        return ""
    return "A finding with several themes counts under each of them here; below, it is listed under its first."


def theme_counts(entries: Sequence[Entry]) -> dict[str, int]:
    """How many of a section's findings each theme heading holds, in the order listed."""
    return dict(Counter(theme_of(e) for e in entries))


def tagged_said(it: ImprovementItem) -> str:
    """How an inspectors' item was tagged: its severities; "dismissed" where the auditor let its suggestion go (a
    new user's dismissed item read "not yet tagged", as if nobody had looked at it); else "not yet tagged"."""
    return ", ".join(it.tagged_as) or ("dismissed (not tagged)" if it.dismissed else "not yet tagged")


def related_said(it: ImprovementItem) -> str:
    """An inspectors' item's findings on its theme outside the list: "Timeliness, drift and delay: Area for
    improvement p.2, Priority action p.3"; "no weakness tagged" where none, where the column or the line says
    "outside the list" ("none yet" beside an item tagged read as if the item itself were untagged, a
    manager's helper found; "none elsewhere", as if the letter said nothing more on it, a new user;
    "elsewhere in the letter" beside another item tagged on the theme, stop 45)."""
    if not it.related:
        return f"{it.theme}: no weakness tagged" if it.theme else "—"  # (strengths on the theme are not its
        # evidence: "none tagged" beside a tagged strength read as wrong, stop 44)
    return f"{it.theme}: {', '.join(it.related)}"


def entry_meta(e: Entry, many_letters: bool) -> str:
    bits = []
    if many_letters:
        bits.append(e.letter)
    bits.append(pages_label(e.pages))
    bits.append(themes_said(e.themes) or "no theme")
    if e.author:
        bits.append(e.author + (f", changed by {e.changed_by}" if e.changed_by else ""))
    return " · ".join(bits)


_ZIPPED = (".qdpx", ".xlsx", ".zip", ".png", ".jpg")  # compressed through and through: stored


def zip_member(z: zipfile.ZipFile, name: str, data: bytes, written_here: bool = False) -> None:
    """Add a member: zips and images are stored as they are, and so are PDFs Reviewer wrote
    (``written_here``: ``letters.pdf_writer.pdf_bytes`` keeps their objects in compressed object
    streams, so deflating them again saves about 2%); any other PDF (a letter's original file,
    kept exactly as it came) gets the fastest deflate (it saves about a quarter, in a quarter of
    the time), text the default."""
    lower = name.lower()
    if lower.endswith(_ZIPPED) or (written_here and lower.endswith(".pdf")):
        z.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    else:
        z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1 if lower.endswith(".pdf") else 6)
