"""The summary's "National picture" section (when asked for): each authority's findings by theme beside
the national baseline, as Markdown or HTML."""

from __future__ import annotations

from collections.abc import Callable

from reviewer.core.team.baseline import BASIS_LABELS, Profile, ProfileRow, pct
from reviewer.core.team.summary import Summary
from reviewer.core.text.words import counted

HEAD = ("Theme", "Your findings", "Your share", "Nationally", "Difference")


def _rows(p: Profile) -> list[ProfileRow]:
    """The authority's themes, then the themes frequent nationally it has none of."""
    return [r for r in p.rows if r.yours] + [r for r in p.rows if not r.yours and (r.national_share or 0) >= 0.05]


def _cells(r: ProfileRow) -> list[str]:
    diff = "" if r.difference is None else f"{round(100 * r.difference):+d} points"
    return [r.label, str(r.yours), pct(r.your_share), "—" if r.national_share is None else pct(r.national_share), diff]


def _lead(p: Profile) -> str:
    first = p.rows[0].sentence() + ". " if p.rows and p.findings else ""
    return (f"{first}{p.authority}: {p.findings} findings ({BASIS_LABELS[p.basis]}) in {counted(p.letters, 'letter')}, "
            f"against {p.scope}.")


NOTE = ("National figures: Reviewer's reading of the published reports (the inspectors' own \"What needs to "
        "improve\" items, themed by the suggester's theme model); a finding may carry several themes.")


def national_markdown(s: Summary, md: Callable[[str], str]) -> list[str]:
    if not s.national:
        return []
    out = ["## The national picture", "", md(NOTE), ""]
    for p in s.national:
        out += [f"### {md(p.authority)}", "", md(_lead(p)), "", "| " + " | ".join(HEAD) + " |",
                "|---|---:|---:|---:|---:|"]
        out += ["| " + " | ".join(md(c) for c in _cells(r)) + " |" for r in _rows(p)] + [""]
    return out


def national_html(s: Summary, e: Callable[[object], str]) -> list[str]:
    if not s.national:
        return []
    h = ["<h2>The national picture</h2>", f'<p class="meta">{e(NOTE)}</p>']
    for p in s.national:
        h.append(f"<h3>{e(p.authority)}</h3><p>{e(_lead(p))}</p>")
        h.append("<table><tr>" + "".join(f"<th>{e(x)}</th>" for x in HEAD) + "</tr>")
        for r in _rows(p):
            cells = _cells(r)
            h.append(f"<tr><td>{e(cells[0])}</td>" + "".join(f'<td class="n">{e(c)}</td>' for c in cells[1:]) + "</tr>")
        h.append("</table>")
    return h
