"""What an exported audit pack holds, read back without Reviewer: summary, spreadsheet, PDFs, REFI-QDA."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pymupdf
import pytest

from reviewer.core.annotations.review import review_command, signoff_command
from reviewer.export.pack import export_pack
from reviewer.export.refiqda import read_qdc, to_qdc

SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "refi-qda"


def _schema(name: str):  # type: ignore[no-untyped-def]
    xmlschema = pytest.importorskip("xmlschema")
    if not (SCHEMAS / name).is_file():
        pytest.skip("../shared/refi-qda is not available in this checkout")
    return xmlschema.XMLSchema(str(SCHEMAS / name))


@pytest.fixture
def pack(ann_with_work, tmp_path: Path) -> zipfile.ZipFile:  # type: ignore[no-untyped-def]
    desk = ann_with_work
    lib = desk.lib
    a = next(x for x in lib.annotations.values() if x.severity == "improvement" and "Plans drift" in x.note)
    desk.undo.push(review_command(lib, [a.id], "challenged", "Is it drift, or capacity?", "Meg Manager"))
    desk.undo.push(signoff_command(lib, [a.letter_id], "Meg Manager", "Seen"))
    steps: list[tuple[int, int]] = []
    out = export_pack(desk.ws, [x.id for x in lib.letters_sorted()], tmp_path / "ann.zip", "Ann Auditor",
                      progress=lambda d, t, w: steps.append((d, t)))
    assert steps[-1][0] == steps[-1][1] and len(steps) >= 4  # progress reached the end, step by step
    return zipfile.ZipFile(out)


def test_pack_members_and_manifest(pack: zipfile.ZipFile) -> None:
    names = set(pack.namelist())
    for required in ("manifest.json", "summary.pdf", "summary.html", "annotations.csv", "annotations.xlsx",
                     "project.qdpx", "data/pack.json"):
        assert required in names
    assert len([n for n in names if n.startswith("letters/") and n.endswith(".pdf")]) == 2
    manifest = json.loads(pack.read("manifest.json"))
    assert manifest["format_version"] == 2 and manifest["auditor"] == "Ann Auditor"
    assert len([n for n in names if n.startswith("data/originals/")]) == 2  # the letters as added, named as originals
    assert manifest["app_version"] and manifest["created"]
    assert set(manifest["files"]) == names - {"manifest.json"}
    for name, digest in manifest["files"].items():
        assert hashlib.sha256(pack.read(name)).hexdigest() == digest


def test_summary_has_cross_tables_and_review(pack: zipfile.ZipFile) -> None:
    html = pack.read("summary.html").decode("utf-8")
    assert "Themes by letter" in html and "By authority" in html and "Thornbury Vale" in html
    assert "Challenged" in html and "Is it drift, or capacity?" in html and "Meg Manager" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    doc = pymupdf.open("pdf", pack.read("summary.pdf"))
    text = "".join(p.get_text() for p in doc)
    assert "Themes by letter" in text and "Challenged" in text


def test_spreadsheets(pack: zipfile.ZipFile, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(pack.read("annotations.csv").decode("utf-8-sig"))))
    assert len(rows) == 3
    drift = next(r for r in rows if r["note"].startswith("Plans drift"))
    assert drift["review"] == "Challenged" and drift["reviewer"] == "Meg Manager"
    assert drift["authority"] == "Thornbury Vale" and drift["auditor"] == "Ann Auditor"
    (tmp_path / "a.xlsx").write_bytes(pack.read("annotations.xlsx"))
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    ws = wb["Annotations"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    header = [c.value for c in ws[1]]
    assert "Quote" in header and "Review" in header and "Severity" in header
    assert ws.column_dimensions["E"].width >= 40  # the quote column is readable
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    assert not any(c.data_type == "f" for c in cells)
    formula_like = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    assert len(formula_like) == 1  # the note '=HYPERLINK(...)': kept as text, flagged so Excel never runs it
    assert formula_like[0].data_type == "s" and formula_like[0].quotePrefix
    assert "Letters" in wb.sheetnames


def test_letters_carry_real_highlights(pack: zipfile.ZipFile) -> None:
    found = []
    for name in pack.namelist():
        if not name.startswith("letters/"):
            continue
        doc = pymupdf.open("pdf", pack.read(name))
        for page in doc:
            for annot in page.annots():
                found.append((annot.type[1], annot.info["title"], annot.info["content"], annot.colors["stroke"]))
    assert len(found) >= 3
    kinds = {f[0] for f in found}
    assert kinds == {"Highlight"}
    assert all(f[1] == "Ann Auditor" for f in found)
    drift = [f for f in found if "Plans drift" in f[2]]
    assert drift and "Area for improvement" in drift[0][2] and "Timeliness" in drift[0][2]
    assert "Review: Challenged by Meg Manager" in drift[0][2]
    strength = [f for f in found if f[2].startswith("Strength")]
    assert strength and strength[0][3] != drift[0][3]  # coloured by severity


def test_qdpx_is_valid_refi_qda(pack: zipfile.ZipFile) -> None:
    schema = _schema("Project.xsd")
    inner = zipfile.ZipFile(io.BytesIO(pack.read("project.qdpx")))
    qde = inner.read("project.qde")
    schema.validate(io.BytesIO(qde))
    text = qde.decode("utf-8")
    assert "Ann Auditor" in text and "Timeliness, drift and delay" in text and 'name="Severity"' in text
    # every internal:// path resolves to a file in sources/
    import re

    for path in re.findall(r'internal://([^"]+)', text):
        assert f"sources/{path}" in inner.namelist()
    # selections point at the passage in the text source
    m = re.search(r'plainTextPath="internal://([^"]+)"', text)
    assert m
    source_text = inner.read(f"sources/{m.group(1)}").decode("utf-8")
    sel = re.search(r'startPosition="(\d+)" endPosition="(\d+)"', text)
    assert sel and source_text[int(sel.group(1)):int(sel.group(2))].strip()


def test_codebook_qdc_round_trip(ann_with_work) -> None:  # type: ignore[no-untyped-def]
    schema = _schema("Codebook.xsd")
    data = to_qdc(list(ann_with_work.lib.themes.values()))
    schema.validate(io.BytesIO(data))
    codes = read_qdc(data)
    assert len(codes) == len(ann_with_work.lib.active_themes())
    assert codes[0].name == ann_with_work.lib.active_themes()[0].label


def test_hostile_notes_keep_every_export_valid(ann_with_work, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk = ann_with_work
    lid = next(iter(desk.lib.letters))
    nasty = "\x00NUL \u202eRTL override <script>alert(1)</script> =cmd|' /C calc'!A0 " + "x" * 10_000
    desk.tag(lid, "Inspectors looked at", ["voice"], "context", nasty)
    out = export_pack(desk.ws, list(desk.lib.letters), tmp_path / "nasty.zip", "Ann Auditor")
    z = zipfile.ZipFile(out)
    html = z.read("summary.html").decode("utf-8")
    assert "<script>alert" not in html and "\x00" not in html
    (tmp_path / "n.xlsx").write_bytes(z.read("annotations.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "n.xlsx")["Annotations"]
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
    qde = zipfile.ZipFile(io.BytesIO(z.read("project.qdpx"))).read("project.qde")
    assert b"\x00" not in qde
    if (SCHEMAS / "Project.xsd").is_file():
        _schema("Project.xsd").validate(io.BytesIO(qde))
    else:  # still well-formed XML without the schema
        from xml.etree import ElementTree

        ElementTree.fromstring(qde)


def test_a_pack_sent_back_names_its_auditors_and_who_sent_it(ann_with_work, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A new manager's returned pack (stop 45) named her as its auditor, and its summary was titled "Audit
    pack". The manifest names the annotations' authors as auditors and the manager as who made the pack; opened,
    it says it is from her; its summary is titled as Export Summary titles it."""
    from pypdf import PdfReader

    from reviewer.export.pack_read import read_pack

    desk = ann_with_work
    ids = [x.id for x in desk.lib.letters_sorted()]
    authors = {a.author for a in desk.lib.annotations.values()}
    assert authors == {"Ann Auditor"}
    out = export_pack(desk.ws, ids[:1], tmp_path / "back.zip", "Meg Manager", desk.ws.summary_title(ids[:1]))
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    assert manifest["auditor"] == "Ann Auditor" and manifest["exported_by"] == "Meg Manager"
    assert read_pack(out).sender == "Meg Manager" and read_pack(out).auditor == "Ann Auditor"
    first = PdfReader(io.BytesIO(zipfile.ZipFile(out).read("summary.pdf"))).pages[0].extract_text()
    assert "Audit summary — " + desk.lib.display_title(ids[0]).split(" — ")[0] in " ".join(first.split())
