"""Annotations as CSV, one row each, with every cell a spreadsheet could run as a formula neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from reviewer.core.annotations.codebook import severities
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation
from reviewer.core.text.textsearch import collapse_ws

HEADER = ["letter", "authority", "letter_date", "page", "quote", "themes", "severity", "note",
          "auditor", "review", "review_comment", "reviewer", "needs_attention", "start", "end", "annotation_id", "letter_id", "modified"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: object) -> str:
    """A cell no spreadsheet will evaluate: a leading formula character gets a quote prefix."""
    text = "" if value is None else str(value)
    text = text.replace("\x00", "")
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START[:4]):
        return "'" + text
    return text


def rows(lib: Library, annotations: Iterable[Annotation], quotes: Mapping[str, str] | None = None,
         names: Mapping[str, str] | None = None) -> list[list[str]]:
    """One row per annotation; ``quotes`` (``Summary.quotes``) gives each quote as the letter reads it,
    without the running footer a page break put inside it, and ``names`` (``Summary.names``) each
    letter's title told apart from a namesake's."""
    sev = {s.id: s.label for s in severities()}
    quotes, names = quotes or {}, names or {}
    out = []
    for a in annotations:
        letter = lib.letters.get(a.letter_id)
        meta = letter.meta if letter else None
        out.append([
            names.get(a.letter_id) or (lib.display_title(letter.id) if letter else a.letter_id),
            (meta.authority if meta else "") or "",
            (meta.published if meta else "") or "",
            ";".join(str(p) for p in a.pages),
            quotes.get(a.id) or collapse_ws(a.quote),
            "; ".join(lib.theme_label(t) for t in a.themes),
            sev.get(a.severity, a.severity),
            a.note,
            a.author,
            a.review.label if a.review else "",
            a.review.comment if a.review else "",
            a.review.reviewer if a.review else "",
            "yes" if a.orphaned else "",
            str(a.start),
            str(a.end),
            a.id,
            a.letter_id,
            a.modified,
        ])
    return out


def to_csv(lib: Library, annotations: Iterable[Annotation], quotes: Mapping[str, str] | None = None,
           names: Mapping[str, str] | None = None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADER)
    for r in rows(lib, annotations, quotes, names):
        w.writerow([safe_cell(c) for c in r])
    return buf.getvalue()
