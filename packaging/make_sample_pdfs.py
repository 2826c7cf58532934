"""Typeset the sample letters in sample_docs/*.txt as PDFs, the way published letters look.

Run from the repository root: python packaging/make_sample_pdfs.py
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pymupdf

CSS = """
body{font-family:sans-serif;font-size:11pt;color:#0b0c0c;line-height:1.35}
h1{font-size:15pt;margin:10pt 0 6pt 0}h2{font-size:12.5pt;margin:12pt 0 5pt 0}
p{margin:0 0 7pt 0}ul{margin:0 0 7pt 0}li{margin:0 0 4pt 0}
.addr{margin:0}.org{color:#555;font-size:9pt;margin-bottom:16pt}
"""


def to_html(text: str) -> str:
    out: list[str] = []
    bullets: list[str] = []
    lines = text.split("\n")

    def flush() -> None:
        if bullets:
            out.append("<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
            bullets.clear()

    block: list[str] = []
    for i, line in enumerate(lines + [""]):
        s = line.strip()
        if i == 0:
            out.append(f'<p class="org">{html.escape(s)}</p>')
            continue
        if s.startswith("- "):
            bullets.append(html.escape(s[2:]))
            continue
        flush()
        if s.startswith("#"):
            out.append(f"<h2>{html.escape(s.lstrip('# '))}</h2>")
        elif not s:
            if block:
                out.append("<p>" + "<br/>".join(block) + "</p>")
                block = []
        else:
            block.append(html.escape(s))
    flush()
    return "".join(out)


def make_pdf(txt: Path) -> bytes:
    story = pymupdf.Story(html=to_html(txt.read_text(encoding="utf-8")), user_css=CSS)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    box = pymupdf.paper_rect("a4")
    more = True
    while more:
        dev = writer.begin_page(box)
        more, _ = story.place(box + (64, 60, -64, -60))
        story.draw(dev)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", buf.getvalue())
    title = re.sub(r"_", " ", txt.stem).title()
    doc.set_metadata({"title": title, "creator": "Reviewer sample letters (fictional)"})
    for i, page in enumerate(doc):
        page.insert_text((64, box.height - 30), f"{i + 1}", fontsize=9, color=(0.3, 0.3, 0.3))
    return doc.tobytes(garbage=3, deflate=True)


def main() -> None:
    folder = Path(__file__).resolve().parent.parent / "sample_docs"
    for txt in sorted(folder.glob("*.txt")):
        pdf = txt.with_suffix(".pdf")
        pdf.write_bytes(make_pdf(txt))
        print(pdf.name, pymupdf.open(pdf).page_count, "pages")


if __name__ == "__main__":
    main()
