"""The summary's "Trend since the last audit" section: for each authority audited before, the judgements
then and now, and what is new, what persists and what is resolved, theme by theme, with the quotes
side by side. As Markdown or HTML (the PDF is laid out from the HTML)."""

from __future__ import annotations

from collections.abc import Callable

from reviewer.core.annotations.codebook import severities
from reviewer.core.reading.judgements import LABELS as JUDGEMENTS
from reviewer.core.team.summary import Summary
from reviewer.core.team.trend import STATUS_LABELS, STATUS_ORDER, ThemeTrend, Trend, letter_date
from reviewer.core.text.words import long_date

_SHORT = {"priority": "PA", "improvement": "AfI", "strength": "S", "context": "C"}
QUOTES = 3  # quotes shown each side


def _counts(c: dict[str, int]) -> str:
    return ", ".join(f"{n} {_SHORT.get(s.id, s.id)}" for s in severities() if (n := c.get(s.id, 0))) or "none"


def _judgements(t: Trend) -> list[tuple[str, str, str]]:
    names = [n for n in JUDGEMENTS if n in t.judgements_then or n in t.judgements_now]
    return [(JUDGEMENTS[n], t.judgements_then.get(n, "—"), t.judgements_now.get(n, "—")) for n in names]


def _lead(t: Trend) -> str:
    n = {st: len(t.of(st)) for st in STATUS_ORDER}
    return (f"Then: {t.then_title} ({long_date(letter_date(t.then))}). Now: {t.now_title} "
            f"({long_date(letter_date(t.now))}). "  # (as the summary says a date: "3 August 2018", stop 51)
            f"Weaknesses by theme: {n['new']} new, {n['persists']} persisting, {n['resolved']} resolved.")


def _quotes(qs: list[str]) -> list[str]:
    return [" ".join(q.split()) for q in qs[:QUOTES]] + ([f"… and {len(qs) - QUOTES} more"] if len(qs) > QUOTES else [])


def trend_markdown(s: Summary, md: Callable[[str], str]) -> list[str]:
    if not s.trends:
        return []
    out = ["## Trend since the last audit", "",
           md("Severities: PA priority action, AfI area for improvement, S strength, C context."), ""]
    for t in s.trends:
        out += [f"### {md(t.authority)}", "", md(_lead(t)), ""]
        if (rows := _judgements(t)):
            out += ["| Judgement | Then | Now |", "|---|---|---|"] + [f"| {md(a)} | {md(b)} | {md(c)} |" for a, b, c in rows] + [""]
        for st in STATUS_ORDER:
            items: list[ThemeTrend] = t.of(st)
            if not items:
                continue
            out += [f"**{STATUS_LABELS[st]}**", ""]
            for th in items:
                out.append(f"- **{md(th.theme)}**: then {md(_counts(th.then))}; now {md(_counts(th.now))}")
                out += [f"  - then: “{md(q)}”" for q in _quotes(th.then_quotes)]
                out += [f"  - now: “{md(q)}”" for q in _quotes(th.now_quotes)]
            out.append("")
    return out


def trend_html(s: Summary, e: Callable[[object], str]) -> list[str]:
    return trends_html(s.trends, e)


def trends_html(found: list[Trend], e: Callable[[object], str]) -> list[str]:
    """The section for these trends (the summary's, or the Overview's for the letters in view)."""
    if not found:
        return []
    h = ["<h2>Trend since the last audit</h2>",
         '<p class="meta">Severities: PA priority action, AfI area for improvement, S strength, C context.</p>']
    for t in found:
        h.append(f"<h3>{e(t.authority)}</h3><p>{e(_lead(t))}</p>")
        if (rows := _judgements(t)):
            h.append("<table><tr><th>Judgement</th><th>Then</th><th>Now</th></tr>"
                     + "".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td><td>{e(c)}</td></tr>" for a, b, c in rows)
                     + "</table>")
        for st in STATUS_ORDER:
            items = t.of(st)
            if not items:
                continue
            h.append(f"<h4>{e(STATUS_LABELS[st])}</h4>")
            h.append("<table><tr><th>Theme</th><th>Then</th><th>Now</th></tr>")
            for th in items:
                then = "".join(f"<br>“{e(q)}”" for q in _quotes(th.then_quotes))
                now = "".join(f"<br>“{e(q)}”" for q in _quotes(th.now_quotes))
                h.append(f"<tr><td>{e(th.theme)}</td><td>{e(_counts(th.then))}{then}</td>"
                         f"<td>{e(_counts(th.now))}{now}</td></tr>")
            h.append("</table>")
    return h
