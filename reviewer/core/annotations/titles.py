"""A letter's readable title, worked out in one place from its metadata.

``Letter.title`` is kept as stored (the file's name, without its suffix). What the auditor reads in
the library list, the window title, the command line and the names of exported files is
``display_titles``: "Halton — focused visit — January 2023", from the authority, the kind of
document and its date. Letters that would read the same are told apart: a text letter beside its PDF
twin says "(text)", and any still alike say which file they came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from reviewer.core.annotations.model import FRAMEWORK_LABELS, Letter

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
SEP = " — "


def month_year(iso: str | None) -> str:
    """"January 2023" from an ISO date; "" when there is none or it cannot be read."""
    try:
        year, month = int(str(iso)[:4]), int(str(iso)[5:7])
    except (TypeError, ValueError):
        return ""
    return f"{MONTH_NAMES[month - 1]} {year}" if 1 <= month <= 12 else ""


def file_name_title(letter: Letter) -> str:
    """The title a letter is stored with until the auditor gives it one: its file's name, without the suffix."""
    return PurePath(letter.source).stem


def given_title(letter: Letter) -> str:
    """The title the auditor gave the letter (Letter details), or "" where it is still its file's name."""
    return "" if letter.title in ("", file_name_title(letter)) else letter.title


def readable_title(letter: Letter) -> str:
    """Authority — kind — month and year (of publication where the letter prints it, else of the visit), as far
    as the metadata says. The stored title when the
    auditor gave the letter one (Letter details), or when the authority is not known (a name
    without it would say too little)."""
    m = letter.meta
    if given_title(letter) or not m.authority:
        return letter.title
    parts = [m.authority]
    if m.doc_type and m.doc_type != "other":
        kind = m.doc_type
        if kind == "monitoring visit" and m.visit_number:
            kind = f"monitoring visit {m.visit_number}"
        elif kind == "inspection report" and m.framework in FRAMEWORK_LABELS:
            label = FRAMEWORK_LABELS[m.framework]  # "ILACS short inspection"; "looked after children inspection"
            kind = label if label.split()[0].isupper() else label[0].lower() + label[1:]
        parts.append(kind)
    # (a publication date the PDF only suggests comes days early, and a month early at a month's end: a new user's
    # report published on 4 August read "July 2025"; the visit's own month is a fact the report prints)
    # A paper's own date, estimated from its month or its weekday, is still its own: the visit it tells of may be
    # years before ("Dunholm — committee report — February 2017" for a paper of March 2023)
    own = m.published and (not m.published_estimated or m.doc_type in ("committee report", "news item"))
    when = month_year(m.published if own else m.visit_end or m.visit_start or m.published)
    if when:
        parts.append(when)
    return SEP.join(parts)


def display_titles(letters: Iterable[Letter]) -> dict[str, str]:
    """Each letter's title as shown (letter id -> title), every one different from the others."""
    letters = list(letters)
    base = {x.id: readable_title(x) for x in letters}
    groups: dict[str, list[Letter]] = {}
    for x in letters:
        groups.setdefault(base[x.id].casefold(), []).append(x)
    out = dict(base)
    for same in groups.values():
        if len(same) < 2:
            continue
        kinds = {x.kind for x in same}
        marked = {x.id: base[x.id] + (" (text)" if len(kinds) > 1 and x.kind != "pdf" else "") for x in same}
        counts: dict[str, int] = {}
        for title in marked.values():
            counts[title.casefold()] = counts.get(title.casefold(), 0) + 1
        for x in same:
            title = marked[x.id]
            if counts[title.casefold()] > 1:  # alike still: say which file
                title = f"{base[x.id]} ({x.source or x.id[:10]})"
            out[x.id] = title
    return out


def file_title(title: str) -> str:
    """``title`` made safe as a file name on every system (no slashes, colons, quotes or control characters)."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in title)
    return cleaned.strip(" .")[:120] or "letter"
