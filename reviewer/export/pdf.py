"""The audit summary as PDF, laid out by PyMuPDF's Story from the same escaped HTML."""

from __future__ import annotations

import re

from reviewer.core.team.summary import Summary
from reviewer.export.html import to_html
from reviewer.letters.pdf_writer import in_text, story_pdf

# Story understands a subset of CSS: keep to fonts, colours, margins and borders.
PDF_CSS = """
body{font-family:sans-serif;font-size:10pt;color:#1d2329}
h1{font-size:17pt;margin:0 0 6pt 0}h2{font-size:12.5pt;margin:14pt 0 4pt 0;color:#24313d}
h3{font-size:10.5pt;margin:8pt 0 2pt 0;color:#3b4a57}
table{border-collapse:collapse;margin:4pt 0}th,td{border:0.5pt solid #c5cad0;padding:2pt 4pt;font-size:9pt;text-align:left}
th{border-bottom:1pt solid #8a939c}
blockquote{margin:6pt 0 6pt 0;padding:3pt 6pt;border-left:3pt solid #999;background-color:#f8f9fa}
p{margin:2pt 0}.headline{font-size:10.5pt;margin:2pt 0 6pt 0}.meta{color:#555;font-size:8.5pt}.review{font-size:9pt;color:#24313d}.note{font-size:9pt}.attention{color:#b00020}.none{color:#777}
blockquote p{overflow-wrap:break-word}th.sev{white-space:nowrap}.scope th{border-bottom:0.5pt solid #c5cad0}
"""


_SHORT_SCOPE = re.compile(r"(<th>(?:Exported|Inspected|Published)</th><td>)([^<]{1,40})(?=</td>)")


_CELL = re.compile(r"(<t[dh]\b[^>]*>)(.*?)(?=</t[dh]>)", re.S)
_LONG_WORD = re.compile(r"[^\s<>&]{25,}")  # longer than any word of the reports' English
BREAK_EVERY = 12  # characters: seven such columns fit a page's width


def _breakable(m: re.Match[str]) -> str:
    """A table cell whose long words may break every ``BREAK_EVERY`` characters (a zero-width space, which readers
    leave out of the text they give): MuPDF sets a column as wide as its longest word, and a table wider than the page
    is cut at its edge, its last columns never drawn (a pasted link or a key held down in an action's owner)."""
    return m.group(1) + in_text(m.group(2), lambda text: _LONG_WORD.sub(
        lambda w: "\u200b".join(w[0][i:i + BREAK_EVERY] for i in range(0, len(w[0]), BREAK_EVERY)), text))


def _story_html(s: Summary) -> str:
    html = to_html(s, chips=False)
    body = html[html.index("<body>") + 6 : html.rindex("</body>")]
    # a date kept on one line: Story sized the scope's column to its other values and broke "… 00:45" / "UTC"
    body = _SHORT_SCOPE.sub(lambda m: m.group(1) + m.group(2).replace(" ", "&#160;"), body)
    return _CELL.sub(_breakable, body)


_TOP = re.compile(r"(?=<h2>|<h3>|<blockquote)")
CHUNK = 16_000  # characters of HTML per Story: MuPDF's layout slows as one story grows
# A piece that is only a heading and the note that introduces what it heads ("Moderation" / "Where two auditors
# tagged the same letter: …"), nothing it heads yet (not "Action plan" / "No actions yet: …", which is all it says)
_LEAD_ONLY = re.compile(r"\s*(?:<h([2-6])>(?:(?!<h[1-6]\b).)*?</h\1>\s*(?:<p class=\"meta\">(?:(?!</?p\b).)*</p>\s*)*)+",
                        re.S)


def _chunks(body: str) -> list[str]:
    """The body cut between headings and findings: each heading (a section's, or a theme's within it) starts a
    piece with what follows it (its table, its first finding), each finding is a piece of its own, so the layout keeps a
    heading with its content and a finding whole on one page (``story_pdf``); a piece of more than
    ``CHUNK`` is cut between its parts."""
    out, cur = [], ""
    for part in _TOP.split(body):
        if cur and (part.startswith(("<h2>", "<h3>", "<blockquote")) or len(cur) + len(part) > CHUNK) and \
                not _LEAD_ONLY.fullmatch(cur):  # (a heading ending a piece on its own had been left at a page's
            # foot, its findings overleaf; and a section's heading with its one line of introduction, "Moderation"
            # at the foot of a page and every letter's moderation on the next: each goes with what it heads)
            out.append(cur)
            cur = ""
        cur += part
    if cur:
        out.append(cur)
    return out


def to_pdf(s: Summary) -> bytes:
    return story_pdf(_chunks(_story_html(s)), PDF_CSS, s.title)
