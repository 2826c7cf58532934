"""The summary's "Moderation" section: for each letter two auditors tagged, how far they agree (severity and
each theme, as the Overview's Moderation tab says it) and every sentence they read differently, with what
each gave it and what the manager's review says of it. As Markdown or HTML (the PDF is laid out from the
HTML), and as the workbook's rows."""

from __future__ import annotations

from collections.abc import Callable

from reviewer.core.team.moderation import PairModeration, kappa_words
from reviewer.core.team.summary import Summary
from reviewer.core.text.words import counted

QUOTE = 200  # characters of a sentence shown
SHEET_HEADER = ("letter", "page", "sentence", "first_auditor", "first_reading", "second_auditor",
                "second_reading", "review")


_NOT_REVIEWED = '<span class="none">not yet reviewed</span>'


def _short(q: str) -> str:
    q = " ".join(q.split())
    return q if len(q) <= QUOTE else q[: QUOTE - 1] + "…"


def lead(m: PairModeration) -> str:
    """One line on a pair: "Ann Auditor and Bob Auditor: 12 sentences tagged by either, the same severity
    on 9 (75%); severity kappa 0.52 (moderate); 3 differences, 1 reviewed by the manager"."""
    same = round(m.severity_agreement * m.tagged)
    return (f"{m.auditor_a} and {m.auditor_b}: {counted(m.tagged, 'sentence')} tagged by either, the same "
            f"severity on {same} ({m.severity_agreement:.0%}); severity kappa {kappa_words(m.severity_kappa)}; "
            f"{counted(len(m.disagreements), 'difference')}, {m.reviewed} reviewed by the manager")


def _themes(m: PairModeration) -> list[tuple[str, int, int, int, str]]:
    return [(t.label, t.both, t.only_a, t.only_b, kappa_words(t.kappa)) for t in m.themes]


def moderation_markdown(s: Summary, md: Callable[[str], str]) -> list[str]:
    if not s.moderation:
        return []
    out = ["## Moderation", "", md("Where two auditors tagged the same letter: each sentence or bullet is the "
                                  "unit; agreement is Cohen's kappa."), ""]
    for m in s.moderation:
        out += [f"### {md(m.letter)}", "", md(lead(m)), ""]
        if m.themes:
            out += [f"| Theme | Both | Only {md(m.auditor_a)} | Only {md(m.auditor_b)} | Kappa |", "|---|---:|---:|---:|---|"]
            out += [f"| {md(t)} | {b} | {a} | {o} | {md(k)} |" for t, b, a, o, k in _themes(m)] + [""]
        if m.disagreements:
            out += [f"**Where they differ**{' (' + m.kinds_said + ')' if m.kinds_said else ''}", ""]
            for d in m.disagreements:
                page = f" (p.{d.page})" if d.page else ""
                out.append(f"- “{md(_short(d.text))}”{page}")
                out.append(f"  - {md(m.auditor_a)}: {md(d.a)}; {md(m.auditor_b)}: {md(d.b)}")
                out.append(f"  - Review: {md(d.review or 'not yet reviewed')}")
            out.append("")
    return out


def moderation_html(s: Summary, e: Callable[[object], str]) -> list[str]:
    if not s.moderation:
        return []
    h = ["<h2>Moderation</h2>",
         '<p class="meta">Where two auditors tagged the same letter: each sentence or bullet is the unit; '
         "agreement is Cohen’s kappa.</p>"]
    for m in s.moderation:
        h.append(f"<h3>{e(m.letter)}</h3><p>{e(lead(m))}</p>")
        if m.themes:
            h.append(f"<table><tr><th>Theme</th><th>Both</th><th>Only {e(m.auditor_a)}</th>"
                     f"<th>Only {e(m.auditor_b)}</th><th>Kappa</th></tr>")
            h += [f'<tr><td>{e(t)}</td><td class="n">{b}</td><td class="n">{a}</td><td class="n">{o}</td>'
                  f"<td>{e(k)}</td></tr>" for t, b, a, o, k in _themes(m)]
            h.append("</table>")
        if m.disagreements:
            h.append(f"<h4>Where they differ ({len(m.disagreements)})</h4>")
            if m.kinds_said:
                h.append(f'<p class="meta">{e(m.kinds_said)}, the first listed first.</p>')
            h.append(f"<table><tr><th>Sentence</th><th>{e(m.auditor_a)}</th><th>{e(m.auditor_b)}</th>"
                     "<th>Review</th></tr>")
            for d in m.disagreements:
                page = f' <span class="meta">p.{d.page}</span>' if d.page else ""
                review = e(d.review) if d.review else _NOT_REVIEWED
                h.append(f"<tr><td>“{e(_short(d.text))}”{page}</td><td>{e(d.a)}</td><td>{e(d.b)}</td>"
                         f"<td>{review}</td></tr>")
            h.append("</table>")
    return h


def moderation_rows(moderation: list[PairModeration]) -> list[list[str]]:
    """The workbook's Moderation sheet: one row per sentence two auditors read differently."""
    return [[m.letter, str(d.page or ""), " ".join(d.text.split()), m.auditor_a, d.a, m.auditor_b, d.b, d.review]
            for m in moderation for d in m.disagreements]
