"""The summary's "Action plan" section: each action with the finding it answers, its owner, due date
(overdue ones marked), RAG status, the inspectors' item the finding answers and progress notes, by due date. As Markdown or HTML (the PDF is
laid out from the HTML)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reviewer.core.annotations.actions import STATUS_LABELS
from reviewer.core.team.summary import ActionEntry, Summary
from reviewer.core.text.words import counted, long_date

QUOTE = 160  # characters of the finding shown


def _short(q: str) -> str:
    """At most ``QUOTE`` characters, cut between words (a manager's plan read "…too much de…")."""
    q = " ".join(q.split())
    if len(q) <= QUOTE:
        return q
    cut = q[: QUOTE - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


def _item(e: ActionEntry) -> str:
    """The inspectors' item the finding answers; where the finding is the item itself, said so, not twice."""
    if not e.item:
        return "—"
    item, quote = (" ".join(t.lower().strip(" .").split()) for t in (e.item, e.quote))
    return "the finding is this item" if item == quote else _short(e.item)


def _due(e: ActionEntry, today: date) -> str:
    """As the rest of the summary says a date ("31 March 2027"), not as the workbook stores it: a manager's PDF
    read "2026-10-01" in the plan beside "29 November 2026" for the sign-off above it."""
    return long_date(e.action.due) + (" (overdue)" if e.action.overdue(today) else "")


NO_ACTIONS = "No actions yet: no finding here has an action (an action is added to a finding in the Plan panel)."


def _weaknesses(s: Summary) -> bool:
    """Findings an action could answer: with none, a summary has no plan to speak of."""
    return any(entries for sid, _label, entries in s.sections if sid in ("improvement", "priority"))


def plan_markdown(s: Summary, md: Callable[[str], str], today: date | None = None) -> list[str]:
    if not s.actions:  # (said, where there are weaknesses: a manager could not tell "no actions" from "not exported")
        return ["## Action plan", "", NO_ACTIONS, ""] if _weaknesses(s) else []
    today = today or date.today()
    overdue = sum(e.action.overdue(today) for e in s.actions)
    out = ["## Action plan", "", f"{counted(len(s.actions), 'action')}, {overdue} overdue.", "",
           "| Due | Status | Owner | Action | Finding | Inspectors' item |", "|---|---|---|---|---|---|"]
    for e in s.actions:
        a = e.action
        finding = f"{e.severity}, {e.letter} p.{e.page}: “{_short(e.quote)}”"
        out.append(f"| {md(_due(e, today))} | {md(STATUS_LABELS.get(a.status, a.status))} | {md(a.owner)} | "
                   f"{md(' '.join(a.text.split()))} | {md(finding)} | {md(_item(e))} |")
    out.append("")
    notes = [e for e in s.actions if e.action.progress]
    if notes:
        out += ["### Progress", ""]
        for e in notes:
            out.append(f"- **{md(' '.join(e.action.text.split()))}**")
            for p in e.action.progress:
                by = f" ({md(p.by)})" if p.by else ""
                out.append(f"  - {md(long_date(p.date))}{by}: {md(' '.join(p.text.split()))}")
        out.append("")
    return out


def plan_html(s: Summary, e_: Callable[[object], str], today: date | None = None) -> list[str]:
    if not s.actions:
        return ["<h2>Action plan</h2>", f"<p>{e_(NO_ACTIONS)}</p>"] if _weaknesses(s) else []
    today = today or date.today()
    overdue = sum(e.action.overdue(today) for e in s.actions)
    h = ["<h2>Action plan</h2>", f"<p>{counted(len(s.actions), 'action')}, {overdue} overdue.</p>",
         "<table><tr><th>Due</th><th>Status</th><th>Owner</th><th>Action</th><th>Finding</th><th>Inspectors' item</th><th>Progress</th></tr>"]
    for e in s.actions:
        a = e.action
        due = e_(long_date(a.due)) + (' <strong class="overdue">overdue</strong>' if a.overdue(today) else "")
        progress = "<br>".join(f"{e_(long_date(p.date))}{' (' + e_(p.by) + ')' if p.by else ''}: {e_(p.text)}" for p in a.progress)
        h.append(f'<tr class="rag-{e_(a.status)}"><td>{due}</td><td>{e_(STATUS_LABELS.get(a.status, a.status))}</td>'
                 f"<td>{e_(a.owner)}</td><td>{e_(a.text)}</td>"
                 f"<td>{e_(e.severity)}, {e_(e.letter)} p.{e.page}: “{e_(_short(e.quote))}”</td>"
                 f"<td>{e_(_item(e))}</td><td>{progress}</td></tr>")
    h.append("</table>")
    return h
