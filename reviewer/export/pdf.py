"""The audit summary as PDF, laid out by PyMuPDF's Story from the same escaped HTML."""

from __future__ import annotations

import io

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


def to_pdf(s: Summary) -> bytes:
    story = pymupdf.Story(html=_story_html(s), user_css=PDF_CSS)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    mediabox = pymupdf.paper_rect("a4")
    where = mediabox + (48, 54, -48, -54)
    more = True
    while more:
        dev = writer.begin_page(mediabox)
        more, _ = story.place(where)
        story.draw(dev)
        writer.end_page()
    writer.close()
    # add page numbers and a title to each page
    doc = pymupdf.open("pdf", buf.getvalue())
    doc.set_metadata({"title": s.title, "creator": "Reviewer", "producer": "Reviewer (PyMuPDF)"})
    for i, page in enumerate(doc):
        footer = f"{s.title} — page {i + 1} of {doc.page_count}"
        page.insert_text((48, mediabox.height - 28), footer, fontsize=7.5, color=(0.45, 0.45, 0.45))
    return doc.tobytes(garbage=3, deflate=True)
