"""The audit summary as Markdown."""

from __future__ import annotations

import re

from reviewer.core.team.summary import Summary
from reviewer.export.common import (SECTION_TITLES, entry_meta, item_said, letter_row, related_said, scope_rows,
                                    shown_plainly, tagged_said, theme_counts, theme_of, themes_note)
from reviewer.export.moderation import moderation_markdown
from reviewer.export.national import national_markdown
from reviewer.export.plan import plan_markdown
from reviewer.export.trend import trend_markdown


def _md(text: str) -> str:
    """Escape Markdown and HTML metacharacters in user or letter text, shown plainly (no control characters)."""
    text = shown_plainly(text.replace("\r", " ").replace("\n", " "))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", text)


def to_markdown(s: Summary) -> str:
    out: list[str] = [f"# {_md(s.title)}", ""]
    out += ["| | |", "|---|---|"] + [f"| {k} | {_md(v)} |" for k, v in scope_rows(s)] + [""]
    out += ["## Letters", "", "| Letter | Authority | Type | Dates | Judgements |", "|---|---|---|---|---|"]
    out += ["| " + " | ".join(_md(c) for c in letter_row(x, s.name(x))) + " |" for x in s.letters] + [""]
    out += ["## Counts by severity", ""] + ([_md(s.headline), ""] if s.headline else [])
    out += ["| Severity | Annotations |", "|---|---:|"]
    out += [f"| {k} | {v} |" for k, v in s.counts.items()] + [f"| **Total** | **{s.total}** |", ""]
    out += [_md(s.counts_note), ""] if s.counts_note else []
    out += ["## Themes by severity", ""]
    if s.table:
        out.append("| Theme | " + " | ".join(s.severity_labels) + " | Total |")
        out.append("|---|" + "---:|" * (len(s.severity_labels) + 1))
        out += [f"| {_md(t)} | " + " | ".join(str(c) for c in row) + f" | {tot} |" for t, row, tot in s.table]
        out += ["", _md(themes_note(s))] if themes_note(s) else []
    else:
        out.append("No annotations yet.")
    out.append("")
    many = len(s.letters) > 1
    if many and s.by_authority:
        out += ["## By authority", "", "| Authority | Letters | " + " | ".join(s.severity_labels) + " | Total |",
                "|---|---:|" + "---:|" * (len(s.severity_labels) + 1)]
        out += [f"| {_md(a)} | {n} | " + " | ".join(str(c) for c in row) + f" | {tot} |"
                for a, n, row, tot in s.by_authority] + [""]
    if s.signoffs or any(k != "Not reviewed" for k in s.reviews):
        out += ["## Manager's review", ""] + [f"- {k}: {v}" for k, v in s.reviews.items()]
        out += [f"- Signed off: {_md(t)} by {_md(n)} on {d[:10]}" + (f" ({_md(c)})" if c else "")
                for t, n, d, c in s.signoffs] + [""]
    for sid, _, entries in s.sections:
        out += [f"## {SECTION_TITLES[sid]} ({len(entries)})", ""]
        if not entries:
            out += ["None.", ""]
        held = theme_counts(entries)
        heading = None
        for e in entries:
            if theme_of(e) != heading:  # the section's findings by theme, each under its own
                heading = theme_of(e)
                out += [f"### {_md(heading)} ({held[heading]})", ""]
            flag = " **(needs attention: not found in the current text)**" if e.needs_attention else ""
            out.append(f"> {_md(e.quote)}")
            out.append(">")
            out.append(f"> — {_md(entry_meta(e, many))}{flag}")
            if e.note:
                out.append(">")
                lines = e.note.replace("\r\n", "\n").replace("\r", "\n").split("\n")
                out.append("> *Note:* " + "  \n> ".join(_md(line) for line in lines))  # two spaces: a line break
            if e.review:
                out.append(">")
                who = f" ({_md(e.reviewer)})" if e.reviewer else ""
                out.append(f"> *Review — {_md(e.review)}*{who}" + (f": {_md(e.review_comment)}" if e.review_comment else ""))
            out.append("")
    out += plan_markdown(s, _md)
    out += moderation_markdown(s, _md)
    out += trend_markdown(s, _md)
    out += national_markdown(s, _md)
    out += ["## Inspectors' \"What needs to improve\" items", ""]
    if not s.improvement_items:
        out += ["The letters list none.", ""]
    for it in s.improvement_items:
        status = tagged_said(it)
        prefix = f"{_md(it.letter)}: " if many else ""
        out.append(f"- {prefix}{_md(item_said(it))} — *{status}*; findings on its theme outside the list: {_md(related_said(it))}")
    out.append("")
    return "\n".join(out)
