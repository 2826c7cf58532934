"""Annotations as an Excel workbook: a frozen, filterable header, readable widths, and no formulas.

Every cell is written as a string, a number or a date, never a formula (XlsxWriter's
``strings_to_formulas`` is off and text goes through ``write_string``); text that starts like a
formula also gets Excel's quote-prefix flag, so editing the cell later does not turn it into one.
Dates (letter, visit, sign-off) are Excel dates and ``modified`` a date and time in UTC, so Excel's
date filters and sorting work; pages, offsets and counts are numbers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter
from reviewer.core.annotations.model import kind_label, parse_time
from reviewer.core.reading.judgements import LABELS as JUDGEMENT_LABELS
from reviewer.core.team.moderation import PairModeration
from reviewer.core.team.summary import ImprovementItem, distinct_titles
from reviewer.export.common import item_said, related_said, tagged_said
from reviewer.export.csvfile import ACTION_HEADER, HEADER, action_rows, rows
from reviewer.export.moderation import SHEET_HEADER, moderation_rows

if TYPE_CHECKING:
    import xlsxwriter

_WIDTHS = {"letter": 30, "authority": 22, "letter_date": 12, "page": 7, "quote": 60, "themes": 28,
           "severity": 18, "note": 40, "auditor": 16, "changed_by": 16, "review": 12, "review_comment": 32, "reviewer": 16,
           "needs_attention": 10, "start": 8, "end": 8, "annotation_id": 14, "letter_id": 20, "modified": 20}
_WRAP = {"quote", "note", "review_comment", "themes"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_MAX_CELL = 32767  # Excel's limit on characters in a cell, counted as UTF-16 code units (an emoji is two)
_NUMBERS = {"page", "start", "end", "annotations"}
_DATES = {"letter_date", "visit_start", "visit_end", "signed_off", "due"}
_TIMES = {"modified"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _grade(grade: str) -> str:
    """A judgement's grade as the summary writes it ("Requires improvement", not "requires improvement")."""
    return grade[:1].upper() + grade[1:]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # XML 1.0 cannot carry control characters (bar tab and line ends)


def _clean(text: str) -> str:
    text = _CONTROL.sub("", text)
    if len(text) * 2 <= _MAX_CELL:  # (however many of them are outside the Basic Multilingual Plane)
        return text
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) <= 2 * _MAX_CELL:
        return text
    # cut after the last whole character within the limit, the ellipsis counted: 20,000 emoji in a note (40,000
    # units) were written whole, and Excel would refuse or "repair" the workbook (an attack, stop 50)
    head = units[: 2 * (_MAX_CELL - 1)]
    if 0xD8 <= head[-1] <= 0xDB:  # the last unit opens a surrogate pair whose second half is cut off
        head = head[:-2]
    return head.decode("utf-16-le", "surrogatepass") + "…"


def _typed(column: str, text: str) -> int | date | datetime | None:
    """The cell's value as a number or date where its column holds those, else None (text)."""
    if column in _NUMBERS and text.isdigit():
        return int(text)
    if column in _DATES and _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    if column in _TIMES and text:
        t = parse_time(text)
        return t.astimezone(timezone.utc).replace(tzinfo=None) if t.year > 1 else None
    return None


def _sheet(book: xlsxwriter.Workbook, name: str, header: list[str], data: list[list[str]],
           widths: dict[str, int], wrap: set[str], labels: Mapping[str, str] | None = None) -> None:
    ws = book.add_worksheet(name)
    bold = book.add_format({"bold": True, "bg_color": "#E8ECF0", "bottom": 1, "text_wrap": True, "valign": "top"})
    plain = book.add_format({"valign": "top"})
    wrapped = book.add_format({"valign": "top", "text_wrap": True})
    quoted = book.add_format({"valign": "top", "text_wrap": True, "quote_prefix": True})
    day = book.add_format({"valign": "top", "num_format": "yyyy-mm-dd", "align": "left"})
    stamp = book.add_format({"valign": "top", "num_format": "yyyy-mm-dd hh:mm", "align": "left"})
    for c, h in enumerate(header):
        label = (labels or {}).get(h) or h.replace("_", " ").capitalize() + (" (UTC)" if h in _TIMES else "")
        ws.write_string(0, c, label, bold)
        ws.set_column(c, c, widths.get(h, 14), wrapped if h in wrap else plain)
    for r, row in enumerate(data, start=1):
        for c, value in enumerate(row):
            text = _clean(str(value))
            typed = _typed(header[c], text)
            if isinstance(typed, datetime):
                ws.write_datetime(r, c, typed, stamp)
            elif isinstance(typed, date):
                ws.write_datetime(r, c, datetime(typed.year, typed.month, typed.day), day)
            elif isinstance(typed, int):
                ws.write_number(r, c, typed)
            elif text.lstrip().startswith(_FORMULA_START):
                ws.write_string(r, c, text, quoted)
            elif text:
                ws.write_string(r, c, text, wrapped if header[c] in wrap else plain)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(data), 1), len(header) - 1)


def to_xlsx(lib: Library, annotations: Iterable[Annotation], letters: Iterable[Letter] = (),
            quotes: Mapping[str, str] | None = None, names: Mapping[str, str] | None = None,
            items: Mapping[str, str] | None = None, moderation: Sequence[PairModeration] = (),
            listed: Sequence[ImprovementItem] = ()) -> bytes:
    """``listed``: the inspectors' items, each with how it was tagged and the findings on its theme outside the
    list (the summary's cross-reference, a sheet of its own: a new user found it in the PDF and not here)."""
    import xlsxwriter  # (here, not at the top: the window starts without it, 26 ms)

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False,
                                     "strings_to_urls": False, "strings_to_numbers": False})
    data_anns = list(annotations)
    data = rows(lib, data_anns, quotes, names)
    for r in data:
        r[HEADER.index("page")] = r[HEADER.index("page")].split(";")[0]  # first page as a number
    _sheet(book, "Annotations", list(HEADER), data, _WIDTHS, _WRAP)
    letter_header = ["letter", "authority", "type", "visit_start", "visit_end", "letter_date", "letter_date_estimated",
                     *JUDGEMENT_LABELS, "annotations", "signed_off_by", "signed_off", "letter_id"]
    letters = list(letters)
    names = dict(distinct_titles(letters, lib), **(names or {}))  # namesakes (a PDF and its text twin) told apart
    letter_rows = []
    for x in letters:
        m = x.meta
        letter_rows.append([names[x.id], m.authority or "", kind_label(m),
                            m.visit_start or "", m.visit_end or "", m.published or "",
                            "yes" if m.published and m.published_estimated else "",
                            *(_grade(dict(m.judgements).get(j, "")) for j in JUDGEMENT_LABELS),
                            str(lib.annotation_count(x.id)), x.signoff.name if x.signoff else "",
                            x.signoff.date[:10] if x.signoff else "", x.id])
    _sheet(book, "Letters", letter_header, letter_rows,
           {"letter": 34, "authority": 24, "type": 18, "letter_date_estimated": 11, "signed_off_by": 18,
            "letter_id": 20, **dict.fromkeys(JUDGEMENT_LABELS, 16)}, set(), JUDGEMENT_LABELS)  # (the judgements
    # named as the summary names them: "Lscb" was a new user's column)
    if listed:
        _sheet(book, "Inspectors items", ["letter", "number", "item", "tagged_as", "findings_on_its_theme"],
               [[it.letter, it.number, item_said(it), tagged_said(it), related_said(it)] for it in listed],
               {"letter": 30, "number": 8, "item": 70, "tagged_as": 22, "findings_on_its_theme": 50},
               {"item", "findings_on_its_theme"},
               {"findings_on_its_theme": "Findings on its theme outside the list"})
    acts = action_rows(lib, data_anns, names, items=items)
    if acts:
        _sheet(book, "Actions", list(ACTION_HEADER), acts,
               {"letter": 30, "finding": 50, "severity": 18, "inspectors_item": 40, "action": 50, "owner": 18, "due": 12, "status": 10,
                "progress": 50, "action_id": 14, "annotation_id": 14, "modified": 20},
               {"finding", "inspectors_item", "action", "progress"})
    if moderation:
        _sheet(book, "Moderation", list(SHEET_HEADER), moderation_rows(list(moderation)),
               {"letter": 30, "page": 7, "sentence": 60, "first_auditor": 16, "first_reading": 32,
                "second_auditor": 16, "second_reading": 32, "review": 40},
               {"sentence", "first_reading", "second_reading", "review"})
    book.close()
    return buf.getvalue()
