"""The codebook: the four severities (fixed scale) and the themes (editable), with lookups by name."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace

from reviewer.core.annotations.model import Severity, Theme

_DEFAULT_SEVERITIES = (
    Severity("strength", "Strength", "#2e7d32", "Good or outstanding practice.", 0),
    Severity("context", "Context", "#78909c", "Neutral description, no judgement.", 1, "context"),
    Severity("improvement", "Area for improvement", "#ef9a00", "What needs to improve.", 2, "areas for improvement"),
    Severity("priority", "Priority action", "#c62828", "Areas for priority action; children at risk.", 3),
)

# Order in which summaries list the sections: most urgent first.
SUMMARY_ORDER = ("priority", "improvement", "strength", "context")


class LookupFailed(ValueError):
    """A theme or severity name that matches nothing, or more than one thing."""


THEMES_JOINED_BY = "; "  # theme names hold commas ("Timeliness, drift and delay"): a list of them is said with "; "


def themes_said(labels: Iterable[str]) -> str:
    """Several themes' names as one line: "Front door, MASH, thresholds and consent; Timeliness, drift and delay" (a
    new user read a card's and the summary's ", " as one theme run into the next; the workbook said "; ")."""
    return THEMES_JOINED_BY.join(labels)


def severities() -> tuple[Severity, ...]:
    return _DEFAULT_SEVERITIES


def severity(key: str) -> Severity:
    """Find a severity by id, label or unique case-insensitive label prefix."""
    k = key.strip().casefold()
    for s in _DEFAULT_SEVERITIES:
        if k in (s.id, s.label.casefold()):
            return s
    aliases = {"afi": "improvement", "area for improvement": "improvement", "amber": "improvement",
               "red": "priority", "green": "strength", "grey": "context", "gray": "context"}
    if k in aliases:
        return severity(aliases[k])
    hits = [s for s in _DEFAULT_SEVERITIES if k and s.label.casefold().startswith(k)]
    if len(hits) == 1:
        return hits[0]
    names = ", ".join(s.label for s in _DEFAULT_SEVERITIES)
    raise LookupFailed(f"unknown severity {key!r}; use one of: {names}")


def _shipped() -> dict:
    from reviewer.resources import read_text

    return json.loads(read_text("codebook.json"))


def default_themes() -> list[Theme]:
    return [Theme.from_dict(t) for t in _shipped()["themes"]]


def recoloured_themes(themes: Iterable[Theme]) -> list[Theme]:
    """Of a library's ``themes``, those still in a colour a default theme shipped with before
    (codebook.json's "former_colours": one too close to another theme's), in the colour it ships with now.
    A colour the auditor chose is theirs and is left alone."""
    data = _shipped()
    former = {tid: {str(c).lower() for c in cols} for tid, cols in data.get("former_colours", {}).items()
              if isinstance(cols, list)}
    now = {t["id"]: t["colour"] for t in data["themes"]}
    return [replace(t, colour=now[t.id]) for t in themes
            if t.id in former and t.id in now and t.colour.lower() in former[t.id]]


def find_theme(themes: Iterable[Theme], key: str, *, include_retired: bool = True) -> Theme:
    """A theme by id, exact label, or unique case-insensitive label prefix."""
    pool = [t for t in themes if include_retired or not t.retired]
    k = key.strip()
    for t in pool:
        if t.id == k:
            return t
    kf = k.casefold()
    exact = [t for t in pool if t.label.casefold() == kf]
    if len(exact) == 1:
        return exact[0]
    hits = [t for t in pool if kf and t.label.casefold().startswith(kf)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise LookupFailed(f"no theme matches {key!r} (see `reviewer themes`)")
    listed = "; ".join(t.label for t in hits[:5])
    raise LookupFailed(f"theme {key!r} is ambiguous: {listed}")


def label_taken(themes: Iterable[Theme], label: str, theme_id: str | None = None) -> Theme | None:
    """The other theme (not ``theme_id``) already called ``label``, case aside: a name names one theme, so
    that a filter, an export's column and ``tag --theme NAME`` each mean one."""
    key = _name_key(label)
    return next((t for t in themes if t.id != theme_id and _name_key(t.label) == key), None)


DELETED_THEME = "(deleted theme)"


def theme_name(themes: Mapping[str, Theme], theme_id: str, former: Mapping[str, str] | None = None) -> str:
    """How a theme an annotation carries is named on every surface (a card, a summary, a workbook): its label; for
    one no longer in the codebook (removed, or never in this library's), its last name known and that it was deleted,
    "Neglect (deleted theme)", else "(deleted theme)": never its id ("theme-3f2a…", "planning")."""
    t = themes.get(theme_id)
    if t is not None:
        return t.label
    was = (former or {}).get(theme_id)
    return f"{was} {DELETED_THEME}" if was else DELETED_THEME


class ThemeNames:
    """The names of a library's themes as a batch (a pack, a codebook) will leave them, each looked up at once:
    a name names one theme, and a theme arriving under a taken one is "label (2)", "label (3)", ... (5,000
    codes of one name are named in linear time)."""

    def __init__(self, themes: Iterable[Theme]) -> None:
        self._holder = {_name_key(t.label): t.id for t in themes}
        self._next: dict[str, int] = {}

    def taken(self, label: str, theme_id: str | None = None) -> bool:
        """Whether another theme than ``theme_id`` has the name ``label``, case aside."""
        holder = self._holder.get(_name_key(label))
        return holder is not None and holder != theme_id

    def own(self, label: str, theme_id: str | None = None) -> str:
        """``label``, or where another theme has it, the first "label (n)" free."""
        if not self.taken(label, theme_id):
            return label
        key = _name_key(label)
        n = self._next.get(key, 2)
        while self.taken(f"{label} ({n})", theme_id):
            n += 1
        self._next[key] = n + 1
        return f"{label} ({n})"

    def put(self, theme: Theme, before: Theme | None = None) -> None:
        """``theme`` named as it now is (``before``: its name until now, let go)."""
        if before is not None and self._holder.get(_name_key(before.label)) == before.id:
            del self._holder[_name_key(before.label)]
        self._holder[_name_key(theme.label)] = theme.id


def _name_key(label: str) -> str:
    return label.strip().casefold()


def slug_for(label: str, taken: Collection[str], counters: dict[str, int] | None = None) -> str:
    """An id for a new theme called ``label`` that is not in ``taken`` (a set or mapping is looked in
    as it is, never copied). A caller naming many themes passes ``counters``, where the next number
    to try for each base is kept, so naming n themes takes time in proportion to n."""
    import re

    base = re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")[:40] or "theme"
    used = taken if isinstance(taken, (set, frozenset, dict)) else set(taken)
    if base not in used:
        return base
    n = counters.get(base, 2) if counters is not None else 2
    while f"{base}-{n}" in used:
        n += 1
    if counters is not None:
        counters[base] = n + 1
    return f"{base}-{n}"
