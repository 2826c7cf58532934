"""`reviewer dataset`: packs and a library (open elsewhere, never written) as one tidy dataset, loaded into DuckDB."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reviewer.cli.main import main
from reviewer.store.repository import LibraryStore
from reviewer.workspace import Workspace

TAGS = {
    "Ann Auditor": [("eastmere_2024_monitoring_visit.txt", "leaves some children at risk", ["risk", "care leavers"],
                     "priority"),
                    ("eastmere_2024_monitoring_visit.txt", "permanence planning is delayed for many children",
                     ["permanence"], "improvement")],
    "Bob Auditor": [("thornbury_vale_2025_focused_visit.txt", "Too many plans are lists of services rather than actions",
                     ["planning"], "improvement"),
                    ("eastmere_2024_monitoring_visit.txt", "leaves some children at risk", ["risk"], "priority")],
}
REGION = """
    PIVOT (SELECT l.authority, t.theme
           FROM 'DIR/annotation_themes.parquet' t
           JOIN 'DIR/annotations.parquet' a USING (annotation_id)
           JOIN 'DIR/letters.parquet' l USING (letter_id))
    ON authority USING count(*) GROUP BY theme ORDER BY theme
"""


def _pack(tmp: Path, samples: Path, name: str) -> Path:
    ws = Workspace(LibraryStore(tmp / f"{name.split()[0]}.json"))
    try:
        ws.set_auditor(name)
        for file, quote, themes, sev in TAGS[name]:
            letter = ws.letter(str(samples / file), add_missing=True)
            ann = ws.tag_quote(letter, quote, themes, sev, note="=SUM(A1)" if name == "Bob Auditor" else "")
            if name == "Bob Auditor" and file.startswith("thornbury"):
                act = ws.add_action(ann.id, "Review every plan", "Sam Owner", "2999-01-31", "amber")
                ws.update_action(act.id, progress="Ten plans reviewed")
        out = tmp / f"{name.split()[0]}.zip"
        ws.export_pack(list(ws.library.letters), out, name)
        return out
    finally:
        ws.close()


def test_packs_and_a_library_as_one_dataset_in_duckdb(tmp_path: Path, samples: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    duckdb = pytest.importorskip("duckdb")
    packs = [_pack(tmp_path, samples, "Ann Auditor"), _pack(tmp_path, samples, "Bob Auditor")]
    manager = Workspace(LibraryStore(tmp_path / "manager" / "library.json"))  # open, locked, while it is read
    try:
        manager.set_auditor("Meg Manager")
        manager.import_packs(packs)
        first = sorted(manager.library.annotations.values(), key=lambda a: a.created)[0]
        manager.review([first.id], "challenged", "Is this priority?", "Meg Manager")
        manager.sign_off([first.letter_id], "Meg Manager", "Checked")
        late = manager.add_action(first.id, "Escalate to the safeguarding board", "Pat Head", "2000-01-31", "red")
        manager.update_action(late.id, progress="Raised at the board")
        manager.update_action(late.id, progress="Board asked for a plan")
        manager.add_action(first.id, "Audit twenty cases", "Kim Lead", "2999-06-30", "green")
        dropped = manager.add_action(first.id, "A thought withdrawn", "Kim Lead", "2999-07-01", "green")
        manager.delete_action(dropped.id)
        manager.flush()
        lib_file = tmp_path / "manager" / "library.json"
        before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in lib_file.parent.iterdir() if p.is_file()}
        out = tmp_path / "dataset"
        code = main(["dataset", *map(str, packs), str(lib_file.parent), "-o", str(out)])
        printed = capsys.readouterr().out
        assert code == 0 and printed.startswith(f"wrote {out} (CSV and Parquet) from 3 packs and libraries")
        after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in lib_file.parent.iterdir() if p.is_file()}
        assert after == before  # the library was read, never written
    finally:
        manager.close()

    con = duckdb.connect()
    q = lambda sql: con.execute(sql.replace("DIR", str(out))).fetchall()  # noqa: E731
    assert q("SELECT count(*) FROM 'DIR/sources.parquet'") == [(3,)]
    assert q("SELECT kind, count(*) FROM 'DIR/sources.parquet' GROUP BY kind ORDER BY kind") == [("library", 1), ("pack", 2)]
    assert q("SELECT count(*) FROM 'DIR/letters.parquet'") == [(2,)]
    assert q("SELECT count(*) FROM 'DIR/letters.parquet' WHERE framework IS NULL") == [(2,)]  # letters: no framework
    assert q("SELECT count(*) FROM 'DIR/annotations.parquet'") == [(4,)]  # two auditors' annotations, once each
    assert q("SELECT count(*) FROM 'DIR/annotation_themes.parquet'") == [(5,)]
    assert q("SELECT status, comment, reviewer FROM 'DIR/reviews.parquet'") == [("challenged", "Is this priority?",
                                                                                 "Meg Manager")]
    assert q("SELECT count(*) FROM 'DIR/signoffs.parquet' s JOIN 'DIR/letters.parquet' USING (letter_id)") == [(1,)]
    # every join key resolves
    assert q("SELECT count(*) FROM 'DIR/annotations.parquet' a ANTI JOIN 'DIR/letters.parquet' USING (letter_id)") == [(0,)]
    assert q("SELECT count(*) FROM 'DIR/annotation_themes.parquet' t ANTI JOIN 'DIR/themes.parquet' USING (theme_id)") \
        == [(0,)]
    assert q("SELECT count(*) FROM 'DIR/annotations.parquet' a ANTI JOIN 'DIR/sources.parquet' USING (source_id)") == [(0,)]
    # the action plan: each action once (Bob's is in his pack and in the manager's library), a deleted one
    # left out; each joins to its annotation and, through it, its letter
    assert q("SELECT count(*) FROM 'DIR/actions.parquet'") == [(3,)]
    assert q("SELECT count(*) FROM 'DIR/progress.parquet'") == [(3,)]
    assert q("SELECT count(*) FROM 'DIR/actions.parquet' WHERE text = 'A thought withdrawn'") == [(0,)]
    joined = q("SELECT x.text, l.authority, a.severity, x.overdue, x.due, x.status FROM 'DIR/actions.parquet' x "
               "JOIN 'DIR/annotations.parquet' a USING (annotation_id) JOIN 'DIR/letters.parquet' l "
               "ON l.letter_id = a.letter_id ORDER BY x.due")
    assert [(r[0], r[1], r[3], r[5]) for r in joined] == [
        ("Escalate to the safeguarding board", "Eastmere", True, "red"),
        ("Review every plan", "Thornbury Vale", False, "amber"),
        ("Audit twenty cases", "Eastmere", False, "green")]
    assert joined[0][4].isoformat() == "2000-01-31"
    assert q("SELECT count(*) FROM 'DIR/actions.parquet' x JOIN 'DIR/annotations.parquet' a "
             "ON a.annotation_id = x.annotation_id AND a.letter_id = x.letter_id") == [(3,)]
    assert q("SELECT count(*) FROM 'DIR/progress.parquet' p ANTI JOIN 'DIR/actions.parquet' USING (action_id)") == [(0,)]
    assert q("SELECT p.text FROM 'DIR/progress.parquet' p JOIN 'DIR/actions.parquet' x USING (action_id) "
             "WHERE x.owner = 'Pat Head' ORDER BY p.text") == [("Board asked for a plan",), ("Raised at the board",)]
    types = dict(q("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM 'DIR/actions.parquet')"))
    assert types["due"] == "DATE" and types["updated"] == "TIMESTAMP" and types["overdue"] == "BOOLEAN"
    types = dict(q("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM 'DIR/progress.parquet')"))
    assert types["at"] == "TIMESTAMP"
    # dates as dates, times as timestamps
    types = dict(q("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM 'DIR/letters.parquet')"))
    assert types["visit_start"] == "DATE" and types["published"] == "DATE" and types["added"] == "TIMESTAMP"
    types = dict(q("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM 'DIR/annotations.parquet')"))
    assert types["created"] == "TIMESTAMP" and types["needs_attention"] == "BOOLEAN" and types["page"] == "INTEGER"
    assert q("SELECT authority, visit_start FROM 'DIR/letters.parquet' WHERE authority = 'Eastmere'")[0][1].year == 2024
    # text as it was written (the dataset is data, not a spreadsheet): no formula guard, no loss
    assert q("SELECT note FROM 'DIR/annotations.parquet' WHERE author = 'Bob Auditor' LIMIT 1") == [("=SUM(A1)",)]
    # the README's theme x authority table across a region's packs
    rows = {r[0]: r[1:] for r in q(REGION)}
    cols = [d[0] for d in con.execute(REGION.replace("DIR", str(out))).description]
    assert cols == ["theme", "Eastmere", "Thornbury Vale"]
    assert rows["Risk and safety planning"] == (2, 0) and rows["Planning and reviews"] == (0, 1)
    # the CSV files load the same, with the same types when read with them
    assert q("SELECT count(*) FROM read_csv('DIR/annotations.csv', header=true)") == [(4,)]
    assert q("SELECT typeof(visit_start) FROM read_csv('DIR/letters.csv', header=true) LIMIT 1") == [("DATE",)]


def test_bad_sources_are_refused_with_a_reason(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK not a zip")
    assert main(["dataset", str(bad), "-o", str(tmp_path / "out")]) == 1
    assert "not a readable audit pack" in capsys.readouterr().err
    broken = tmp_path / "lib" / "library.json"
    broken.parent.mkdir()
    broken.write_text('{"letters": {"1": {"id": 3}}}', encoding="utf-8")
    assert main(["dataset", str(broken.parent), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and err.count("\n") == 1
    assert broken.read_text(encoding="utf-8") == '{"letters": {"1": {"id": 3}}}'
    assert main(["dataset", str(tmp_path / "nowhere.zip"), "-o", str(tmp_path / "out")]) == 1
    assert "no such pack or library" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_action_deleted_in_one_source_is_left_out_unless_edited_after(tmp_path: Path, samples: Path) -> None:
    """Two libraries: one deleted the action, the other holds it; the deletion wins over an older copy and
    loses to a newer edit (as opening packs would have it)."""
    import time

    from reviewer.export.dataset import build_tables
    from reviewer.workspace.dataset import read_source

    first = Workspace(LibraryStore(tmp_path / "one" / "library.json"))
    first.set_auditor("Ann Auditor")
    letter = first.letter(str(samples / "thornbury_vale_2025_focused_visit.txt"), add_missing=True)
    ann = first.tag_quote(letter, "Too many plans are lists of services", ["planning"], "improvement")
    act = first.add_action(ann.id, "Review every plan", "Sam", "2999-01-31", "red")
    first.export_pack([letter.id], tmp_path / "one.zip", "Ann Auditor")  # the action as it was
    time.sleep(0.01)
    first.delete_action(act.id)
    first.flush()
    first.close()
    pack, lib = read_source(tmp_path / "one.zip"), read_source(tmp_path / "one")
    assert [r["action_id"] for r in build_tables([pack])["actions"]] == [act.id]
    assert build_tables([pack, lib])["actions"] == [] and build_tables([lib, pack])["actions"] == []


def test_a_folder_holding_someone_elses_files_of_a_tables_name_is_refused_whole(tmp_path: Path, samples: Path,
                                                                               capsys) -> None:  # type: ignore[no-untyped-def]
    """An attack found it: `dataset -o FOLDER` wrote over the user's own letters.csv, and with --format
    parquet then deleted it. A table's file already there is written over only where Reviewer wrote the
    dataset before; otherwise nothing is written and the message says why."""
    pack = _pack(tmp_path, samples, "Ann Auditor")
    mine = tmp_path / "reports"
    mine.mkdir()
    (mine / "letters.csv").write_text("my own list of letters\n", encoding="utf-8")
    for fmt in ("csv", "parquet"):
        assert main(["dataset", str(pack), "-o", str(mine), "--format", fmt]) == 1
        err = capsys.readouterr().err
        assert "already holds letters.csv, not written by Reviewer: nothing was written" in err
        assert sorted(p.name for p in mine.iterdir()) == ["letters.csv"]
        assert (mine / "letters.csv").read_text(encoding="utf-8") == "my own list of letters\n"
    out = tmp_path / "data"
    assert main(["dataset", str(pack), "-o", str(out), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out} (CSV) from 1 pack or library:")
    assert main(["dataset", str(pack), "-o", str(out), "--format", "csv"]) == 0  # again: its own files


def test_a_librarys_own_folders_and_its_file_are_refused(tmp_path: Path, samples: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The dataset is never written among a library's copies of its letters or its backups (its tables were
    added to the letters folder), nor where a file is: one line says why, nothing is written."""
    path = tmp_path / "team.json"
    ws = Workspace(LibraryStore(path))
    ws.letter(str(samples / "eastmere_2024_monitoring_visit.txt"), add_missing=True)
    ws.close()
    letters, backups = tmp_path / "team-letters", tmp_path / "team-backups"
    backups.mkdir(exist_ok=True)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and not p.name.endswith(".lock")}
    for out in (letters, letters / "data", backups):
        assert main(["dataset", str(path), "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert "team.json's own folder" in err and "nothing was written" in err and err.count("\n") == 1
    assert main(["dataset", str(path), "-o", str(path)]) == 1
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and err.count("\n") == 1
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and not p.name.endswith(".lock")} == before
    assert not (letters / "data").exists()
    assert main(["dataset", str(path), "-o", str(tmp_path / "team-data")]) == 0  # (beside it: the user's folder)
