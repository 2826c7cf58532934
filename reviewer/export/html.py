"""The audit summary as one self-contained HTML file (inline CSS, no scripts, everything escaped)."""

from __future__ import annotations

from html import escape

from reviewer.core.annotations.codebook import severities
from reviewer.core.team.summary import Summary
from reviewer.core.text.words import long_date
from reviewer.export.common import (SECTION_TITLES, entry_meta, item_said, letter_row, related_said,
                                    scope_rows, shown_plainly, tagged_said, theme_counts, theme_of, themes_note)
from reviewer.export.moderation import moderation_html
from reviewer.export.national import national_html
from reviewer.export.plan import plan_html
from reviewer.export.trend import trend_html

_COLOURS = {s.label: s.colour for s in severities()}
_IDS = {s.label: s.id for s in severities()}

CSS = """
body{font-family:"Segoe UI",Helvetica,Arial,sans-serif;color:#1d2329;max-width:960px;margin:2em auto;padding:0 1.2em;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.3em}h2{font-size:1.25em;border-bottom:2px solid #e3e6ea;padding-bottom:.2em;margin-top:1.8em}
table{border-collapse:collapse;margin:.6em 0;font-size:.93em}th,td{border:1px solid #d5d9de;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f3f5f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
.scope th{width:9em}.sev{display:inline-block;padding:.05em .5em;border-radius:3px;color:#fff;font-size:.85em;font-weight:600}
blockquote{margin:.9em 0;padding:.5em .9em;background:#fafbfc;border-left:5px solid #999}
blockquote p{margin:.2em 0}.headline{font-size:1.05em;margin:.3em 0 .6em 0}.meta{color:#555;font-size:.88em}.note{font-size:.93em}
.attention{color:#b00020;font-weight:600}.review{font-size:.9em;color:#24313d}.none{color:#777}
.counts td.n{font-weight:600}
@media print{body{margin:0}blockquote{break-inside:avoid}}
"""


def _e(text: object) -> str:
    """Escaped for HTML, with control characters and bidi overrides (which can disguise text) removed."""
    return escape(shown_plainly(text), quote=True)


def _lines(text: object) -> str:
    """Escaped, its line breaks kept (a note typed as a list reads as one)."""
    return "<br>".join(_e(line) for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _review_html(s: Summary) -> list[str]:
    reviewed = sum(v for k, v in s.reviews.items() if k != "Not reviewed")
    if not reviewed and not s.signoffs:
        return []
    h = ["<h2>Manager’s review</h2><table><tr>"
         + "".join(f"<th>{_e(k)}</th>" for k in s.reviews) + "</tr><tr>"
         + "".join(f'<td class="n">{v}</td>' for v in s.reviews.values()) + "</tr></table>"]
    if s.signoffs:
        h.append("<table><tr><th>Letter</th><th>Signed off by</th><th>Date</th><th>Comment</th></tr>")
        h += [f"<tr><td>{_e(t)}</td><td>{_e(n)}</td><td>{_e(long_date(d))}</td><td>{_e(c)}</td></tr>"
              for t, n, d, c in s.signoffs]
        h.append("</table>")
    return h


WIDE = 5  # beyond this many letters, themes by letter are listed per letter, not as columns
WIDE_TITLES = 90  # characters of letter titles that fit across a page as column headings


def _theme_letters_html(s: Summary) -> list[str]:
    if len(s.letters) <= WIDE and sum(len(s.name(x)) for x in s.letters) <= WIDE_TITLES:
        h = ["<h2>Themes by letter</h2><table><tr><th>Theme</th>"
             + "".join(f"<th>{_e(s.name(x))}</th>" for x in s.letters) + "<th>Total</th></tr>"]
        for theme, row, tot in s.theme_letters:
            cells = "".join(f'<td class="n">{c or ""}</td>' for c in row)
            h.append(f"<tr><td>{_e(theme)}</td>{cells}<td class=\"n\">{tot}</td></tr>")
        return h + ["</table>"]
    h = ["<h2>Themes by letter</h2><table><tr><th>Letter</th><th>Annotations</th><th>Themes (annotations)</th></tr>"]
    for j, x in enumerate(s.letters):
        found = sorted(((row[j], theme) for theme, row, _ in s.theme_letters if row[j]), key=lambda t: (-t[0], t[1]))
        listed = ", ".join(f"{_e(theme)} ({n})" for n, theme in found) or '<span class="none">none</span>'
        h.append(f'<tr><td>{_e(s.name(x))}</td><td class="n">{s.letter_counts[j]}</td><td>{listed}</td></tr>')
    return h + ["</table>"]


def _severity_heading(label: str, chips: bool) -> str:
    colour = _COLOURS[label]
    if chips:
        return f'<th><span class="sev" style="background:{colour}">{_e(label)}</span></th>'
    # for MuPDF's layout: an inline chip is clipped when its column is narrow ("Strengt"), and a cell's
    # background comes back as a thin bar on later pages; a coloured rule under the name does neither
    return f'<th class="sev" style="border-bottom:3pt solid {colour}">{_e(label)}</th>'


def to_html(s: Summary, chips: bool = True) -> str:
    """The summary as HTML; ``chips=False`` names the severities over coloured rules instead of on
    coloured chips (for the PDF's layout)."""
    many = len(s.letters) > 1
    h: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        f"<title>{_e(s.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(s.title)}</h1>",
        '<table class="scope">' + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in scope_rows(s)) + "</table>",
        "<h2>Letters</h2><table><tr><th>Letter</th><th>Authority</th><th>Type</th><th>Dates</th><th>Judgements</th></tr>",
    ]
    h += ["<tr>" + "".join(f"<td>{_e(c)}</td>" for c in letter_row(x, s.name(x))) + "</tr>" for x in s.letters]
    h.append("</table><h2>Counts by severity</h2>")
    if s.headline:
        h.append(f'<p class="headline">{_e(s.headline)}</p>')
    h.append('<table class="counts"><tr>')
    h += [_severity_heading(k, chips) for k in s.counts]
    h.append("<th>Total</th></tr><tr>")
    h += [f'<td class="n">{v}</td>' for v in s.counts.values()]
    h.append(f'<td class="n">{s.total}</td></tr></table>')
    if s.counts_note:
        h.append(f'<p class="meta">{_e(s.counts_note)}</p>')
    h.append("<h2>Themes by severity</h2>")
    if s.table:
        h.append("<table><tr><th>Theme</th>" + "".join(f"<th>{_e(x)}</th>" for x in s.severity_labels) + "<th>Total</th></tr>")
        for theme, row, tot in s.table:
            cells = "".join(f'<td class="n">{c or ""}</td>' for c in row)
            h.append(f"<tr><td>{_e(theme)}</td>{cells}<td class=\"n\">{tot}</td></tr>")
        h.append("</table>")
        if themes_note(s):
            h.append(f'<p class="meta">{_e(themes_note(s))}</p>')
    else:
        h.append('<p class="none">No annotations yet.</p>')
    if many and s.theme_letters:
        h += _theme_letters_html(s)
    if s.by_authority and (many or len(s.by_authority) > 1):
        h.append("<h2>By authority</h2><table><tr><th>Authority</th><th>Letters</th>"
                 + "".join(f"<th>{_e(x)}</th>" for x in s.severity_labels) + "<th>Total</th></tr>")
        for auth, n, row, tot in s.by_authority:
            cells = "".join(f'<td class="n">{c or ""}</td>' for c in row)
            h.append(f'<tr><td>{_e(auth)}</td><td class="n">{n}</td>{cells}<td class="n">{tot}</td></tr>')
        h.append("</table>")
    h += _review_html(s)
    for sid, label, entries in s.sections:
        h.append(f"<h2>{_e(SECTION_TITLES[sid])} ({len(entries)})</h2>")
        if not entries:
            h.append('<p class="none">None.</p>')
        held = theme_counts(entries)
        heading = None
        for e in entries:
            if theme_of(e) != heading:  # the section's findings by theme, each under its own
                heading = theme_of(e)
                h.append(f"<h3>{_e(heading)} ({held[heading]})</h3>")
            colour = _COLOURS.get(label, "#999")
            h.append(f'<blockquote style="border-left-color:{colour}"><p>“{_e(e.quote)}”</p>')
            h.append(f'<p class="meta">{_e(entry_meta(e, many))}</p>')
            if e.needs_attention:
                h.append('<p class="attention">Needs attention: this passage was not found in the current text of the letter.</p>')
            if e.note:
                h.append(f'<p class="note"><strong>Note:</strong> {_lines(e.note)}</p>')
            if e.review:
                who = f" ({_e(e.reviewer)})" if e.reviewer else ""
                comment = f": {_lines(e.review_comment)}" if e.review_comment else ""
                h.append(f'<p class="review"><strong>Review — {_e(e.review)}</strong>{who}{comment}</p>')
            h.append("</blockquote>")
    h += plan_html(s, _e)
    h += moderation_html(s, _e)
    h += trend_html(s, _e)
    h += national_html(s, _e)
    h.append("<h2>Inspectors’ “What needs to improve” items</h2>")
    if not s.improvement_items:
        h.append('<p class="none">The letters list none.</p>')
    else:
        h.append("<table><tr>" + ("<th>Letter</th>" if many else "") + "<th>Item</th><th>Tagged as</th>"
                 "<th>Findings on its theme outside the list</th></tr>")
        for it in s.improvement_items:
            tag = tagged_said(it)
            first = f"<td>{_e(it.letter)}</td>" if many else ""
            h.append(f"<tr>{first}<td>{_e(item_said(it))}</td><td>{_e(tag)}</td><td>{_e(related_said(it))}</td></tr>")
        h.append("</table>")
    h.append("</body></html>")
    return "\n".join(h)
