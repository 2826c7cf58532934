"""The manager's overview: annotations counted by theme, authority or month against severity,
each cell keeping the annotations behind it so a click can list the passages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.core.annotations.codebook import SUMMARY_ORDER, severities
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation

ROW_KINDS = {"theme": "Theme", "authority": "Authority", "month": "Month"}


@dataclass
class CrossTab:
    kind: str
    rows: list[str]  # row labels, in display order
    columns: list[str]  # severity labels, most urgent first
    column_ids: list[str]
    cells: dict[tuple[int, int], list[str]] = field(default_factory=dict)  # (row, column) -> annotation ids

    def count(self, r: int, c: int) -> int:
        return len(self.cells.get((r, c), ()))

    def row_total(self, r: int) -> int:
        return sum(self.count(r, c) for c in range(len(self.columns)))

    @property
    def max_count(self) -> int:
        return max((len(v) for v in self.cells.values()), default=0)


def _month(lib: Library, a: Annotation) -> str:
    m = lib.letters[a.letter_id].meta
    d = m.published or m.visit_start or ""
    return d[:7] if len(d) >= 7 else "(no date)"


def crosstab(lib: Library, letter_ids: Sequence[str], kind: str) -> CrossTab:
    if kind not in ROW_KINDS:
        raise ValueError(f"unknown overview {kind!r}")
    sev = {s.id: s for s in severities()}
    cols = [sev[i] for i in SUMMARY_ORDER]
    col_index = {s.id: i for i, s in enumerate(cols)}
    keyed: dict[str, dict[int, list[str]]] = {}
    for lid in letter_ids:
        if lid not in lib.letters:
            continue
        for a in lib.annotations_for(lid):
            c = col_index.get(a.severity)
            if c is None:
                continue
            if kind == "theme":
                keys = [lib.theme_label(t) for t in a.themes] or ["(no theme)"]
            elif kind == "authority":
                keys = [lib.letters[lid].meta.authority or "(authority not known)"]
            else:
                keys = [_month(lib, a)]
            for k in keys:
                keyed.setdefault(k, {}).setdefault(c, []).append(a.id)
    if kind == "theme":
        order = [lib.theme_label(t) for t in lib.themes]
        rows = sorted(keyed, key=lambda k: (order.index(k) if k in order else 10**6, k))
    elif kind == "month":
        rows = sorted(keyed, reverse=True)
    else:
        rows = sorted(keyed, key=str.casefold)
    tab = CrossTab(kind, rows, [s.label for s in cols], [s.id for s in cols])
    for r, k in enumerate(rows):
        for c, ids in keyed[k].items():
            tab.cells[(r, c)] = ids
    return tab
