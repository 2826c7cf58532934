"""The action plan in a pack's workbook (a sheet "Actions", dates as dates) and its actions.csv."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from pack_desks import THORNBURY, Desk  # type: ignore[import-not-found]


def test_actions_in_workbook_and_csv(tmp_path: Path) -> None:
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        a = ann.tag(lid, "Too many plans", ["planning"], "priority")
        act = ann.ws.add_action(a.id, "=Review every plan", "Sam Owner", "2000-03-31", "red")
        ann.ws.update_action(act.id, progress="Half done")
        pack = tmp_path / "p.zip"
        ann.ws.export_pack([lid], pack, ann.name)
        with zipfile.ZipFile(pack) as z:
            text = z.read("actions.csv").decode("utf-8-sig")
            book = load_workbook(io.BytesIO(z.read("annotations.xlsx")))
        (row,) = list(csv.DictReader(io.StringIO(text)))
        assert row["action_id"] == act.id and row["annotation_id"] == a.id and row["due"] == "2000-03-31"
        assert row["status"] == "Red" and row["overdue"] == "yes" and row["owner"] == "Sam Owner"
        assert row["action"] == "'=Review every plan" and "Half done" in row["progress"]
        sheet = book["Actions"]
        header = [c.value for c in sheet[1]]
        values = dict(zip(header, [c.value for c in sheet[2]]))
        assert values["Due"] == datetime(2000, 3, 31)  # a date, not text
        assert values["Action"] == "=Review every plan" and values["Status"] == "Red"
    finally:
        ann.store.close()


def test_no_actions_no_member(tmp_path: Path) -> None:
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        ann.tag(lid, "Too many plans", ["planning"], "priority")
        pack = tmp_path / "p.zip"
        ann.ws.export_pack([lid], pack, ann.name)
        with zipfile.ZipFile(pack) as z:
            assert "actions.csv" not in z.namelist()
            assert "Actions" not in load_workbook(io.BytesIO(z.read("annotations.xlsx"))).sheetnames
    finally:
        ann.store.close()
