"""Annotations as an Excel workbook: a frozen, filterable header, readable widths, and no formulas.

Every cell is written as a string or a number, never a formula (XlsxWriter's ``strings_to_formulas``
is off and text goes through ``write_string``); text that starts like a formula also gets Excel's
quote-prefix flag, so editing the cell later does not turn it into one.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

import xlsxwriter

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter
from reviewer.core.annotations.model import DOC_TYPE_LABELS
from reviewer.export.csvfile import HEADER, rows

_WIDTHS = {"letter": 30, "authority": 22, "letter_date": 12, "page": 7, "quote": 60, "themes": 28,
           "severity": 18, "note": 40, "auditor": 16, "review": 12, "review_comment": 32, "reviewer": 16,
           "needs_attention": 10, "start": 8, "end": 8, "annotation_id": 14, "letter_id": 14, "modified": 20}
_WRAP = {"quote", "note", "review_comment", "themes"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_MAX_CELL = 32767  # Excel's limit on characters in a cell


def _clean(text: str) -> str:
    text = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 32)  # XML 1.0 cannot carry control characters
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def _sheet(book: xlsxwriter.Workbook, name: str, header: list[str], data: list[list[str]],
           widths: dict[str, int], wrap: set[str]) -> None:
    ws = book.add_worksheet(name)
    bold = book.add_format({"bold": True, "bg_color": "#E8ECF0", "bottom": 1, "text_wrap": True, "valign": "top"})
    plain = book.add_format({"valign": "top"})
    wrapped = book.add_format({"valign": "top", "text_wrap": True})
    quoted = book.add_format({"valign": "top", "text_wrap": True, "quote_prefix": True})
    for c, h in enumerate(header):
        ws.write_string(0, c, h.replace("_", " ").capitalize(), bold)
        ws.set_column(c, c, widths.get(h, 14), wrapped if h in wrap else plain)
    for r, row in enumerate(data, start=1):
        for c, value in enumerate(row):
            text = _clean(str(value))
            if header[c] in ("page", "start", "end") and text.isdigit():
                ws.write_number(r, c, int(text))
            elif text.lstrip().startswith(_FORMULA_START):
                ws.write_string(r, c, text, quoted)
            else:
                ws.write_string(r, c, text, wrapped if header[c] in wrap else plain)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(data), 1), len(header) - 1)


def to_xlsx(lib: Library, annotations: Iterable[Annotation], letters: Iterable[Letter] = (),
            quotes: Mapping[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False,
                                     "strings_to_urls": False, "strings_to_numbers": False})
    data = rows(lib, annotations, quotes)
    for r in data:
        r[HEADER.index("page")] = r[HEADER.index("page")].split(";")[0]  # first page as a number
    _sheet(book, "Annotations", list(HEADER), data, _WIDTHS, _WRAP)
    letter_header = ["letter", "authority", "type", "visit_start", "visit_end", "letter_date",
                     "annotations", "signed_off_by", "signed_off", "letter_id"]
    letter_rows = []
    for x in letters:
        m = x.meta
        letter_rows.append([x.title, m.authority or "", DOC_TYPE_LABELS.get(m.doc_type or "", m.doc_type or ""),
                            m.visit_start or "", m.visit_end or "", m.published or "",
                            str(lib.annotation_count(x.id)), x.signoff.name if x.signoff else "",
                            x.signoff.date[:10] if x.signoff else "", x.id])
    _sheet(book, "Letters", letter_header, letter_rows,
           {"letter": 34, "authority": 24, "type": 18, "signed_off_by": 18, "letter_id": 20}, set())
    book.close()
    return buf.getvalue()
