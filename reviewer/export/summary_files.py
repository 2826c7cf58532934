"""Writing an audit summary to a file in the chosen format."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.annotations.library import Library
from reviewer.core.team.summary import Summary
from reviewer.core.atomic import write_atomic
from reviewer.export.csvfile import to_csv
from reviewer.export.html import to_html
from reviewer.export.markdown import to_markdown
from reviewer.export.pdf import to_pdf
from reviewer.export.xlsx import to_xlsx

FORMATS = {"md": "Markdown (*.md)", "html": "HTML (*.html)", "pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)",
           "xlsx": "Excel workbook (*.xlsx)"}  # (the pack's workbook, on its own: a manager looked for it here)


def render(summary: Summary, lib: Library, fmt: str) -> bytes:
    if fmt == "md":
        return to_markdown(summary).encode("utf-8")
    if fmt == "html":
        return to_html(summary).encode("utf-8")
    if fmt == "pdf":
        return to_pdf(summary)
    if fmt == "csv":
        anns = [a for x in summary.letters for a in lib.annotations_for(x.id)]
        return to_csv(lib, anns, summary.quotes, summary.names).encode("utf-8-sig")  # BOM: Excel then reads UTF-8
    if fmt == "xlsx":
        anns = [a for x in summary.letters for a in lib.annotations_for(x.id)]
        return to_xlsx(lib, anns, summary.letters, summary.quotes, summary.names, summary.answered, summary.moderation,
                       summary.improvement_items)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def export_summary(summary: Summary, lib: Library, fmt: str, out: Path) -> Path:
    data = render(summary, lib, fmt)
    write_atomic(Path(out), data)
    return Path(out)
