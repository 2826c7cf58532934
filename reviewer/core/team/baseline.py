"""The national picture: a theme x severity baseline read from published inspection reports, and an
authority's profile against it ("Care leavers: 38% of your findings, 18% nationally").

The baseline is built from the reports themselves (``report_findings`` reads one report; the
workspace runs it over a folder) and kept as a small table with counts only, never report text:

- *items*: the inspectors' own list of what must improve (``inspectors_list.inspectors_items``: "What
  needs to improve", recommendations, areas for priority action), each an area for improvement or,
  under priority action, a priority action;
- *graded*: the other findings of the report as the suggester reads them (``suggest.suggest``),
  strengths, areas for improvement and priority actions in the graded sections, outside that list.

Each finding carries the codebook themes the suggester's theme model gives it (the default
codebook's cue phrases and the shipped word prior, ``ThemeModel.choose``): the same themes Reviewer
would suggest to an auditor, no more accurate than that (README: main theme right about 3 times in
4). A finding may carry several themes, so a theme's share is the share of findings that carry it;
shares do not add up to 100%.

Rows are kept by inspection year (the visit's last day, else its first, else publication) and
framework: ``SIF`` (the single inspection framework: inspected from November 2013 to 2017, or
grading adoption), ``ILACS`` (inspected from 2018), ``earlier`` (before November 2013).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reviewer.core.annotations.codebook import severities
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import LETTER_TYPES, LetterMeta, Theme
from reviewer.core.reading.inspectors_list import inspectors_items
from reviewer.core.reading.outline import analyse
from reviewer.core.reading.suggest import suggest
from reviewer.core.reading.theming import ThemeModel

FORMAT = "reviewer-national-baseline"
VERSION = 1
SOURCES = {"items": "the inspectors' 'What needs to improve' and priority-action items",
           "graded": "the reports' other findings, as the suggester grades them"}
FRAMEWORKS = ("ILACS", "SIF", "earlier")
FINDING_SEVERITIES = ("strength", "improvement", "priority")
BASES = {"weaknesses": ("improvement", "priority"), "improvement": ("improvement",), "priority": ("priority",),
         "strength": ("strength",)}
BASIS_LABELS = {"weaknesses": "areas for improvement and priority actions", "improvement": "areas for improvement",
                "priority": "priority actions", "strength": "strengths"}
MAX_ROWS = 200_000
MAX_COUNT = 10**9  # findings in one row: more than every report could hold (a larger number is damage)


class BaselineError(ValueError):
    """A baseline table that cannot be used; the message says why and what to do."""


# ---------------------------------------------------------------- reading one report
@dataclass
class ReportFindings:
    """What one report adds to the baseline: counts only."""

    year: int | None
    framework: str
    doc_type: str
    findings: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # source, severity, theme ids

    @property
    def usable(self) -> bool:
        return self.year is not None and self.doc_type not in ("other", "")


def inspection_year(meta: LetterMeta) -> int | None:
    for d in (meta.visit_end, meta.visit_start, meta.published):
        if d and len(d) >= 4 and d[:4].isdigit():
            return int(d[:4])
    return None


def framework_of(meta: LetterMeta) -> str:
    """ILACS, SIF or earlier, from what the report grades (only the SIF graded adoption) and when it was
    inspected (the SIF from November 2013 to 2017, ILACS from January 2018)."""
    year = inspection_year(meta)
    month = (meta.visit_end or meta.visit_start or meta.published or "")[5:7]
    judgements = dict(meta.judgements)
    if "adoption" in judgements:
        return "SIF"
    if year is None:
        return "ILACS" if meta.doc_type in LETTER_TYPES else "earlier"
    if year < 2013 or year == 2013 and month.isdigit() and int(month) < 11:
        return "earlier"
    if year < 2018:
        return "SIF"
    return "ILACS"


def report_findings(text: str, page_starts: Sequence[int], meta: LetterMeta, themes: Iterable[Theme],
                    graded: bool = True) -> ReportFindings:
    """The findings of one report or letter, with their severities and themes (no text kept)."""
    themes = list(themes)
    out = ReportFindings(inspection_year(meta), framework_of(meta), meta.doc_type or "")
    if not out.usable or not text.strip():
        return out
    model = ThemeModel(themes)
    st = analyse(text, page_starts)
    items = inspectors_items(text, st)
    for _s, _e, quote, kind in items:
        severity = "priority" if kind == "priority" else "improvement"
        out.findings.append(("items", severity, model.choose(model.evidence(quote), severity, quote)))
    if graded:
        listed = [(s, e) for s, e, _q, _k in items]
        for sug in suggest(text, themes, page_starts=page_starts, structure=st):
            if sug.listed or sug.severity not in FINDING_SEVERITIES or any(s < sug.end and sug.start < e
                                                                          for s, e in listed):
                continue
            out.findings.append(("graded", sug.severity, sug.themes))
    return out


# ---------------------------------------------------------------- the table
@dataclass
class Baseline:
    """Counts of findings by year, framework, source and severity, in all and per theme."""

    built: str = ""
    source: str = ""  # where the reports came from, as the builder named it
    theme_labels: dict[str, str] = field(default_factory=dict)  # theme id -> label when built
    reports: Counter[tuple[int, str, str]] = field(default_factory=Counter)  # (year, framework, doc type)
    totals: Counter[tuple[int, str, str, str]] = field(default_factory=Counter)  # (year, framework, source, severity)
    counts: Counter[tuple[int, str, str, str, str]] = field(default_factory=Counter)  # ... theme id
    skipped: int = 0  # files read that were not usable reports

    def add(self, r: ReportFindings) -> None:
        if not r.usable or r.year is None:
            self.skipped += 1
            return
        self.reports[(r.year, r.framework, r.doc_type)] += 1
        for source, sev, theme_ids in r.findings:
            self.totals[(r.year, r.framework, source, sev)] += 1
            for tid in dict.fromkeys(theme_ids):
                self.counts[(r.year, r.framework, source, sev, tid)] += 1

    # ------------------------------------------------------------ selections
    def years(self) -> list[int]:
        return sorted({y for y, _, _ in self.reports})

    def report_count(self, years: tuple[int, int] | None = None, framework: str | None = None) -> int:
        return sum(n for (y, f, _), n in self.reports.items() if _keep(y, f, years, framework))

    def total(self, severity_ids: Sequence[str], sources: Sequence[str], years: tuple[int, int] | None = None,
              framework: str | None = None) -> int:
        return sum(n for (y, f, src, sev), n in self.totals.items()
                   if sev in severity_ids and src in sources and _keep(y, f, years, framework))

    def by_theme(self, severity_ids: Sequence[str], sources: Sequence[str], years: tuple[int, int] | None = None,
                 framework: str | None = None) -> Counter[str]:
        out: Counter[str] = Counter()
        for (y, f, src, sev, tid), n in self.counts.items():
            if sev in severity_ids and src in sources and _keep(y, f, years, framework):
                out[tid] += n
        return out

    # ------------------------------------------------------------ on disk
    def to_json(self) -> str:
        data = {
            "format": FORMAT, "version": VERSION, "built": self.built, "source": self.source,
            "about": ("Findings of published inspection reports counted by inspection year, framework, source "
                      "and severity, in all and per codebook theme; no report text. " +
                      "; ".join(f"{k}: {v}" for k, v in SOURCES.items()) + "."),
            "themes": self.theme_labels,
            "skipped": self.skipped,
            "reports": [[y, f, d, n] for (y, f, d), n in sorted(self.reports.items())],
            "totals": [[y, f, s, v, n] for (y, f, s, v), n in sorted(self.totals.items())],
            "counts": [[y, f, s, v, t, n] for (y, f, s, v, t), n in sorted(self.counts.items())],
        }
        # one row a line: small, and a rebuilt table's changes read as a diff
        head = {k: v for k, v in data.items() if k not in ("reports", "totals", "counts")}
        parts = [json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ","]
        for key in ("reports", "totals", "counts"):
            rows = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in data[key])
            parts.append(f'"{key}":[\n{rows}\n]' + ("," if key != "counts" else ""))
        return "\n".join(parts) + "\n}\n"

    @classmethod
    def from_json(cls, raw: str | bytes, name: str = "the baseline table") -> Baseline:
        """A table read back and checked; ``BaselineError`` naming what is wrong."""
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise BaselineError(f"{name} is damaged: it is not readable JSON ({str(exc)[:120]})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BaselineError(f"{name} is not a Reviewer national baseline table")
        if data.get("version") != VERSION:
            raise BaselineError(f"{name} has table version {data.get('version')!r}; this Reviewer reads version "
                                f"{VERSION}")
        out = cls(built=_s(data.get("built")), source=_s(data.get("source")))
        themes = data.get("themes") or {}
        if not isinstance(themes, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                   for k, v in themes.items()):
            raise BaselineError(f"{name} is damaged: its theme list is not a list of names")
        out.theme_labels = dict(themes)
        skipped = data.get("skipped", 0)
        out.skipped = skipped if type(skipped) is int and skipped >= 0 else 0
        for key, width, target in (("reports", 4, out.reports), ("totals", 5, out.totals),
                                   ("counts", 6, out.counts)):
            rows = data.get(key)
            if not isinstance(rows, list) or len(rows) > MAX_ROWS:
                raise BaselineError(f"{name} is damaged: its {key!r} rows are missing or not a list")
            for i, row in enumerate(rows):
                if not isinstance(row, list) or len(row) != width:
                    raise BaselineError(f"{name} is damaged: row {i + 1} of {key!r} has the wrong shape")
                year, *keys, n = row
                if type(year) is not int or not 1900 <= year <= 2200:
                    raise BaselineError(f"{name} is damaged: row {i + 1} of {key!r} has no year")
                if type(n) is not int or not 0 <= n <= MAX_COUNT:
                    raise BaselineError(f"{name} is damaged: row {i + 1} of {key!r} has a count that is not a "
                                        f"whole number from 0 to {MAX_COUNT:,}")
                if not all(isinstance(k, str) and k for k in keys):
                    raise BaselineError(f"{name} is damaged: row {i + 1} of {key!r} has an empty name")
                if key != "reports" and (keys[1] not in SOURCES or keys[2] not in FINDING_SEVERITIES):
                    raise BaselineError(f"{name} is damaged: row {i + 1} of {key!r} names an unknown source or "
                                        "severity")
                target[(year, *keys)] += n  # type: ignore[index]
        if not out.reports:
            raise BaselineError(f"{name} holds no reports")
        over = next((k for k, n in out.counts.items() if n > out.totals.get(k[:4], 0)), None)
        if over is not None:  # (a theme's share of its findings above 100%)
            raise BaselineError(f"{name} is damaged: it counts more findings of {over[4]!r} in {over[0]} than "
                                "it has findings")
        return out


def _s(v: Any) -> str:
    return v if isinstance(v, str) else ""


def _keep(year: int, framework: str, years: tuple[int, int] | None, fw: str | None) -> bool:
    return (years is None or years[0] <= year <= years[1]) and (fw is None or framework.casefold() == fw.casefold())


def parse_years(value: str | None) -> tuple[int, int] | None:
    """"2022", "2019-2023", "2019-" or "-2017" as an inclusive range; None for all years."""
    if not value:
        return None
    v = value.strip().replace("–", "-")
    try:
        if "-" in v:
            a, b = v.split("-", 1)
            span = (int(a) if a.strip() else 1900, int(b) if b.strip() else 2200)
        else:
            span = (int(v), int(v))
    except ValueError:
        raise BaselineError(f"years must be a year or a range such as 2019-2023, not {value!r}") from None
    if span[0] > span[1]:
        raise BaselineError(f"years {value!r} run backwards: give the earlier year first, e.g. {span[1]}-{span[0]}")
    return span


# ---------------------------------------------------------------- an authority against it
@dataclass(frozen=True)
class ProfileRow:
    theme_id: str
    label: str
    yours: int  # the authority's findings carrying the theme
    your_share: float
    national: int  # national findings carrying it
    national_share: float | None  # None: the baseline knows nothing of this theme (one the library added)

    @property
    def difference(self) -> float | None:
        """Percentage points above (+) or below (-) the national share."""
        return None if self.national_share is None else self.your_share - self.national_share

    def sentence(self) -> str:
        nat = "not in the national baseline" if self.national_share is None else f"{pct(self.national_share)} nationally"
        return f"{self.label}: {pct(self.your_share)} of your findings, {nat}"


@dataclass
class Profile:
    authority: str
    basis: str  # a key of BASES
    sources: tuple[str, ...]
    letters: int
    findings: int  # the authority's annotations of the basis' severities
    national_reports: int
    national_findings: int
    years: tuple[int, int] | None
    framework: str | None
    rows: list[ProfileRow]

    @property
    def scope(self) -> str:
        years = "all years" if self.years is None else (
            str(self.years[0]) if self.years[0] == self.years[1] else f"{self.years[0]}-{self.years[1]}")
        what = "inspectors' items" if self.sources == ("items",) else "findings"
        return (f"{self.national_findings:,} {what} "
                f"({BASIS_LABELS[self.basis]}) of {self.national_reports:,} reports, "
                f"{self.framework or 'every framework'}, {years}")


def pct(x: float) -> str:
    return f"{round(100 * x)}%"


def authorities(lib: Library, letter_ids: Iterable[str] | None = None) -> list[str]:
    ids = lib.letters if letter_ids is None else letter_ids
    return sorted({lib.letters[i].meta.authority for i in ids if i in lib.letters and lib.letters[i].meta.authority},
                  key=str.casefold)


def default_sources(basis: str) -> tuple[str, ...]:
    """Weaknesses against the inspectors' own items; strengths (which no list holds) against the graded findings."""
    return ("graded",) if basis == "strength" else ("items",)


def profile(lib: Library, authority: str, table: Baseline, basis: str = "weaknesses",
            sources: Sequence[str] | None = None, years: tuple[int, int] | None = None,
            framework: str | None = None, letter_ids: Iterable[str] | None = None) -> Profile:
    """The authority's annotations (of the basis' severities) by theme, each theme's share beside its
    share of the national findings. Themes are matched by id, so a renamed theme keeps its figures."""
    if basis not in BASES:
        raise BaselineError(f"unknown basis {basis!r}; use one of {', '.join(BASES)}")
    srcs = tuple(sources) if sources else default_sources(basis)
    if any(s not in SOURCES for s in srcs):
        raise BaselineError(f"unknown source in {', '.join(srcs)}; use items, graded or both")
    want = BASES[basis]
    key = authority.casefold().strip()
    pool = lib.letters if letter_ids is None else [i for i in letter_ids if i in lib.letters]
    letters = [lib.letters[i] for i in pool if (lib.letters[i].meta.authority or "").casefold().strip() == key]
    anns = [a for x in letters for a in lib.annotations_for(x.id) if a.severity in want and not a.orphaned]
    mine: Counter[str] = Counter(t for a in anns for t in dict.fromkeys(a.themes))
    nat_total = table.total(want, srcs, years, framework)
    nat = table.by_theme(want, srcs, years, framework)
    shown = authority if not letters else (letters[0].meta.authority or authority)
    rows = []
    for tid in dict.fromkeys([*mine, *(t for t in lib.themes if not lib.themes[t].retired and nat.get(t)),
                              *(t for t in nat if t not in lib.themes)]):
        label = table.theme_labels[tid] if tid not in lib.themes and tid in table.theme_labels else lib.theme_label(tid)
        known = tid in table.theme_labels or tid in nat
        rows.append(ProfileRow(tid, label, mine[tid], mine[tid] / len(anns) if anns else 0.0, nat.get(tid, 0),
                               (nat.get(tid, 0) / nat_total if nat_total else 0.0) if known else None))
    rows.sort(key=lambda r: (-(r.yours / max(1, len(anns))), -(r.national_share or 0.0), r.label.casefold()))
    return Profile(shown, basis, srcs, len(letters), len(anns), table.report_count(years, framework), nat_total,
                   years, framework, rows)


def national_rows(table: Baseline, labels: dict[str, str], years: tuple[int, int] | None = None,
                  framework: str | None = None) -> list[tuple[str, str, list[tuple[int, float]]]]:
    """The baseline itself, theme by theme: (theme id, label, [(count, share)] for each column of
    ``COLUMNS``), most frequent in the inspectors' items first."""
    cols = []
    for _, sevs, srcs in COLUMNS:
        total = table.total(sevs, srcs, years, framework)
        cols.append((table.by_theme(sevs, srcs, years, framework), total))
    tids = dict.fromkeys([*table.theme_labels, *(t for c, _ in cols for t in c)])
    rows = []
    for tid in tids:
        cells = [(c.get(tid, 0), c.get(tid, 0) / total if total else 0.0) for c, total in cols]
        if any(n for n, _ in cells):
            rows.append((tid, labels.get(tid) or table.theme_labels.get(tid, tid), cells))
    rows.sort(key=lambda r: (-r[2][0][0], r[1].casefold()))
    return rows


COLUMNS = (("What needs to improve items", ("improvement",), ("items",)),
           ("Priority action items", ("priority",), ("items",)),
           ("Graded areas for improvement", ("improvement",), ("graded",)),
           ("Graded priority actions", ("priority",), ("graded",)),
           ("Graded strengths", ("strength",), ("graded",)))


def severity_label(sid: str) -> str:
    return {s.id: s.label for s in severities()}.get(sid, sid)

