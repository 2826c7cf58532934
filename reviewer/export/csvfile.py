"""Annotations as CSV, one row each, with every cell a spreadsheet could run as a formula neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date

from reviewer.core.annotations import actions as plan
from reviewer.core.annotations.codebook import severities, themes_said
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation
from reviewer.core.text.textsearch import collapse_ws

HEADER = ["letter", "authority", "letter_date", "page", "quote", "themes", "severity", "note",
          "auditor", "changed_by", "review", "review_comment", "reviewer", "actions", "needs_attention", "start", "end", "annotation_id", "letter_id", "modified"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: object) -> str:
    """A cell no spreadsheet will evaluate: a leading formula character gets a quote prefix."""
    text = "" if value is None else str(value)
    text = text.replace("\x00", "")
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START[:4]):
        return "'" + text
    return text


def action_line(act: plan.Action, today: date | None = None) -> str:
    """An action as a finding's row shows it: "what — owner, due YYYY-MM-DD, Status (OVERDUE)"."""
    over = " (OVERDUE)" if act.overdue(today) else ""
    owner = f"{act.owner}, " if act.owner else ""
    return f"{collapse_ws(act.text)} — {owner}due {act.due}, {plan.STATUS_LABELS.get(act.status, act.status)}{over}"


def rows(lib: Library, annotations: Iterable[Annotation], quotes: Mapping[str, str] | None = None,
         names: Mapping[str, str] | None = None) -> list[list[str]]:
    """One row per annotation; ``quotes`` (``Summary.quotes``) gives each quote as the letter reads it,
    without the running footer a page break put inside it, and ``names`` (``Summary.names``) each
    letter's title told apart from a namesake's."""
    sev = {s.id: s.label for s in severities()}
    quotes, names = quotes or {}, names or {}
    acts: dict[str, list[plan.Action]] = {}
    for act in plan.sorted_by_due(plan.read_all(lib.settings)):
        acts.setdefault(act.annotation_id, []).append(act)
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
            themes_said(lib.theme_label(t) for t in a.themes),
            sev.get(a.severity, a.severity),
            a.note,
            a.author,
            a.changed_by,  # (a manager's regrade is the manager's: said beside the auditor's name)
            a.review.label if a.review else "",
            a.review.comment if a.review else "",
            a.review.reviewer if a.review else "",
            "\n".join(action_line(act) for act in acts.get(a.id, ())),
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


ACTION_HEADER = ["letter", "page", "finding", "severity", "inspectors_item", "action", "owner", "due", "status", "overdue", "progress",
                 "by", "action_id", "annotation_id", "modified"]


def action_rows(lib: Library, annotations: Iterable[Annotation], names: Mapping[str, str] | None = None,
                today: date | None = None, items: Mapping[str, str] | None = None) -> list[list[str]]:
    """One row per action of the plan answering one of ``annotations``, by due date; ``items``
    (``Summary.answered``): annotation id -> the inspectors' item its finding answers."""
    items = items or {}
    sev = {s.id: s.label for s in severities()}
    names = names or {}
    anns = {a.id: a for a in annotations}
    out = []
    for act in plan.sorted_by_due(plan.read_all(lib.settings)):
        a = anns.get(act.annotation_id)
        if a is None:
            continue
        out.append([
            names.get(a.letter_id) or lib.display_title(a.letter_id),
            str(a.page),
            collapse_ws(a.quote),
            sev.get(a.severity, a.severity),
            items.get(a.id, ""),
            act.text,
            act.owner,
            act.due,
            plan.STATUS_LABELS.get(act.status, act.status),
            "yes" if act.overdue(today) else "",
            "\n".join(f"{p.date} {p.by + ': ' if p.by else ''}{p.text}" for p in act.progress),
            act.by,
            act.id,
            act.annotation_id,
            act.modified,
        ])
    return out


def actions_to_csv(lib: Library, annotations: Iterable[Annotation], names: Mapping[str, str] | None = None,
                   items: Mapping[str, str] | None = None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(ACTION_HEADER)
    for r in action_rows(lib, annotations, names, items=items):
        w.writerow([safe_cell(c) for c in r])
    return buf.getvalue()
