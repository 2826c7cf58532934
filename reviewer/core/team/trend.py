"""The trend since the last audit: for an authority audited before, what is new, what persists and what
is resolved, theme by theme, with the quotes then and now and the judgements then and now.

"Then" is the authority's latest earlier letter or report that the library holds annotations of (an
earlier audit, or an earlier pack opened); "now" is its latest letter in the summary's scope. A theme's
weakness is an area for improvement or a priority action: *new* when only now, *persists* when both
then and now, *resolved* when only then. Strengths are counted beside them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter

WEAK = ("priority", "improvement")
STATUS_ORDER = ("new", "persists", "resolved")
STATUS_LABELS = {"new": "New since the last audit", "persists": "Persists", "resolved": "Resolved since the last audit"}


@dataclass
class ThemeTrend:
    theme: str  # its label
    status: str  # "new" | "persists" | "resolved"
    then: Counter[str] = field(default_factory=Counter)  # severity id -> annotations
    now: Counter[str] = field(default_factory=Counter)
    then_quotes: list[str] = field(default_factory=list)  # the weaknesses' quotes, worst first, each once
    now_quotes: list[str] = field(default_factory=list)


@dataclass
class Trend:
    authority: str
    then: Letter
    now: Letter
    themes: list[ThemeTrend]
    judgements_then: dict[str, str] = field(default_factory=dict)
    judgements_now: dict[str, str] = field(default_factory=dict)
    then_title: str = ""  # as the library shows them
    now_title: str = ""

    def of(self, status: str) -> list[ThemeTrend]:
        return [t for t in self.themes if t.status == status]


def letter_date(x: Letter) -> str:
    """When a letter speaks of: its publication date, else the visit's end or start, else when it was added."""
    m = x.meta
    return m.published or m.visit_end or m.visit_start or (x.added or "")[:10]


def _weak(anns: Sequence[Annotation], theme_id: str) -> list[Annotation]:
    rank = {s: i for i, s in enumerate(WEAK)}
    found = [a for a in anns if theme_id in a.themes and a.severity in WEAK and not a.orphaned]
    return sorted(found, key=lambda a: (rank[a.severity], a.start))


def _quotes(anns: Sequence[Annotation]) -> list[str]:
    """Each passage's quote once: two auditors who tagged one sentence are one piece of evidence."""
    return list(dict.fromkeys(a.quote for a in anns))


def trends(lib: Library, letter_ids: Sequence[str]) -> list[Trend]:
    """One trend for each authority of the letters in scope that the library holds an earlier audit of."""
    scope = [lib.letters[i] for i in letter_ids if i in lib.letters]
    by_authority: dict[str, list[Letter]] = {}
    for x in scope:
        if x.meta.authority:
            by_authority.setdefault(x.meta.authority.casefold(), []).append(x)
    out = []
    for key, mine in sorted(by_authority.items()):
        now = max(mine, key=letter_date)
        earlier = [x for x in lib.letters.values()
                   if (x.meta.authority or "").casefold() == key and x.id != now.id
                   and letter_date(x) < letter_date(now) and lib.annotation_count(x.id)]
        if not earlier:
            continue
        then = max(earlier, key=letter_date)
        a_then, a_now = lib.annotations_for(then.id), lib.annotations_for(now.id)
        themes: list[ThemeTrend] = []
        for tid in lib.themes:
            weak_then, weak_now = _weak(a_then, tid), _weak(a_now, tid)
            if not weak_then and not weak_now:
                continue
            status = "persists" if weak_then and weak_now else ("new" if weak_now else "resolved")
            themes.append(ThemeTrend(
                lib.theme_label(tid), status,
                Counter(a.severity for a in a_then if tid in a.themes and not a.orphaned),
                Counter(a.severity for a in a_now if tid in a.themes and not a.orphaned),
                _quotes(weak_then), _quotes(weak_now)))
        themes.sort(key=lambda t: (STATUS_ORDER.index(t.status), -(t.now["priority"] + t.then["priority"]),
                                   t.theme.casefold()))
        out.append(Trend(now.meta.authority or key, then, now, themes, dict(then.meta.judgements),
                         dict(now.meta.judgements), lib.display_title(then.id), lib.display_title(now.id)))
    return out
