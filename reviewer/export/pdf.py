"""The audit summary as PDF, laid out by PyMuPDF's Story from the same escaped HTML."""

from __future__ import annotations

import io
import os
import re
import tempfile

import pymupdf

from reviewer.core.summary import Summary
from reviewer.export.html import to_html

# Story understands a subset of CSS: keep to fonts, colours, margins and borders.
PDF_CSS = """
body{font-family:sans-serif;font-size:10pt;color:#1d2329}
h1{font-size:17pt;margin:0 0 6pt 0}h2{font-size:12.5pt;margin:14pt 0 4pt 0;color:#24313d}
table{border-collapse:collapse;margin:4pt 0}th,td{border:0.5pt solid #c5cad0;padding:2pt 4pt;font-size:9pt;text-align:left}
th{background-color:#eef1f4}
blockquote{margin:6pt 0 6pt 0;padding:3pt 6pt;border-left:3pt solid #999;background-color:#f8f9fa}
p{margin:2pt 0}.meta{color:#555;font-size:8.5pt}.review{font-size:9pt;color:#24313d}.note{font-size:9pt}.attention{color:#b00020}.none{color:#777}
.sev{color:#ffffff;padding:1pt 3pt}
"""


def _story_html(s: Summary) -> str:
    html = to_html(s)
    body = html[html.index("<body>") + 6 : html.rindex("</body>")]
    return body


_TOP = re.compile(r"(?=<h2>|<blockquote)")
CHUNK = 16_000  # characters of HTML per Story: MuPDF's layout slows as one story grows


def _chunks(body: str) -> list[str]:
    """The body cut between top-level headings and findings, in pieces of about ``CHUNK``."""
    out, cur = [], ""
    for part in _TOP.split(body):
        if cur and len(cur) + len(part) > CHUNK:
            out.append(cur)
            cur = ""
        cur += part
    if cur:
        out.append(cur)
    return out


def to_pdf(s: Summary) -> bytes:
    """Laid out a chunk at a time, each continuing where the last ended on the page: a summary of
    thousands of findings takes time in proportion to its length, not its square."""
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    mediabox = pymupdf.paper_rect("a4")
    where = mediabox + (48, 54, -48, -54)
    dev, space = None, where
    for chunk in _chunks(_story_html(s)):
        story = pymupdf.Story(html=chunk, user_css=PDF_CSS)
        more = True
        while more:
            if dev is None or space.height < 40:
                if dev is not None:
                    writer.end_page()
                dev, space = writer.begin_page(mediabox), where
            more, filled = story.place(space)
            story.draw(dev)
            if more:
                writer.end_page()
                dev, space = None, where
            else:
                space = pymupdf.Rect(where.x0, pymupdf.Rect(filled).y1 + 4, where.x1, where.y1)
    if dev is not None:
        writer.end_page()
    writer.close()
    # add page numbers and a title to each page
    doc = pymupdf.open("pdf", buf.getvalue())
    doc.set_metadata({"title": s.title, "creator": "Reviewer", "producer": "Reviewer (PyMuPDF)"})
    font = pymupdf.Font("helv")
    for i, page in enumerate(doc):
        page.wrap_contents()  # the story leaves its coordinate system set: draw the footer outside it
        footer = pymupdf.TextWriter(page.rect, color=(0.45, 0.45, 0.45))
        footer.append((48, mediabox.height - 28), f"{s.title} — page {i + 1} of {doc.page_count}", font=font, fontsize=7.5)
        footer.write_text(page)
    return pdf_bytes(doc)


def pdf_bytes(doc: pymupdf.Document) -> bytes:
    """The document saved: through a temporary file, which MuPDF writes about three times faster
    than it hands bytes to Python."""
    fd, tmp = tempfile.mkstemp(prefix="reviewer-", suffix=".pdf")
    os.close(fd)
    try:
        doc.save(tmp, garbage=1, deflate=True)
        with open(tmp, "rb") as fh:
            return fh.read()
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
