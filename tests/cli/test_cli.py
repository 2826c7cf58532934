import json
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli.main import main


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    return ["--db", str(tmp_path / "lib.json")]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_tag_annotations_export(capsys, db, samples: Path, tmp_path: Path):
    code, out, _ = run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"), *db)
    assert code == 0 and "thornbury_vale_2025_focused_visit" in out and "3 pages" in out
    code, out, _ = run(capsys, "list", "--json", *db)
    (letter,) = json.loads(out)
    assert {"id", "title", "source", "pages", "authority", "doc_type", "published", "published_estimated",
            "annotations"} <= set(letter)
    assert letter["source"] == "thornbury_vale_2025_focused_visit.pdf" and letter["annotations"] == 0
    lid = letter["id"]
    # quote split across a line break in the PDF, typed with a ligature-free "fi"
    code, out, err = run(capsys, "tag", lid[:8], "--quote", "Too many plans are lists of services rather than actions",
                         "--theme", "planning", "--theme", "Management overs", "--severity", "Area for improvement",
                         "--note", "=cmd|' /C calc'!A0", "--author", "Ann", *db)
    assert code == 0, err
    code, out, _ = run(capsys, "annotations", "--format", "json", *db)
    (a,) = json.loads(out)
    assert a["letter"] == lid and a["severity"] == "Area for improvement" and a["page"] >= 1
    assert a["themes"] == ["Planning and reviews", "Management oversight and supervision"]
    assert a["end"] - a["start"] >= len("Too many plans are lists of services rather than actions")
    code, out, _ = run(capsys, "annotations", "--format", "csv", *db)
    assert "'=cmd" in out
    for fmt in ("md", "html", "pdf", "csv", "xlsx"):
        target = tmp_path / f"summary.{fmt}"
        code, out, err = run(capsys, "export", "--format", fmt, "-o", str(target), *db)
        assert code == 0, err
        assert target.stat().st_size > 200
    from openpyxl import load_workbook  # the workbook on its own, read by a reader we did not write

    sheet = load_workbook(tmp_path / "summary.xlsx", read_only=True).worksheets[0]
    rows = [[c for c in r] for r in sheet.iter_rows(values_only=True)]
    assert len(rows) == 2 and any("Too many plans" in str(c) for c in rows[1])
    code, out, _ = run(capsys, "themes", *db)
    assert "care-leavers" in out and "Priority action" in out


def test_tag_by_path_and_quote_errors(capsys, db, samples: Path):
    path = str(samples / "eastmere_2024_monitoring_visit.txt")
    code, _, err = run(capsys, "tag", path, "--quote", "not in this letter at all", "--theme", "risk", "--severity", "priority", *db)
    assert code != 0 and "not found" in err and "Traceback" not in err and err.count("\n") == 1
    code, _, err = run(capsys, "tag", path, "--quote", "care leavers", "--theme", "risk", "--severity", "priority", *db)
    assert code != 0 and "times" in err
    code, _, err = run(capsys, "tag", path, "--quote", "leaves some children at risk", "--theme", "xyz", "--severity", "priority", *db)
    assert code != 0 and "no theme" in err
    code, _, err = run(capsys, "tag", path, "--quote", "leaves some children at risk", "--theme", "risk", "--severity", "urgent", *db)
    assert code != 0 and "severity" in err
    assert json.loads(run(capsys, "list", "--json", *db)[1]) == []  # a tag refused added nothing
    code, out, err = run(capsys, "tag", path, "--quote", "leaves some\nchildren at risk", "--theme", "risk", "--severity", "red",
                         "--author", "Ann", *db)
    assert code == 0, err


def test_bad_inputs_one_line_errors(capsys, db, bad_pdfs, tmp_path: Path):
    for name in ("empty", "garbage", "encrypted"):
        code, _, err = run(capsys, "add", str(bad_pdfs[name]), *db)
        assert code != 0 and err.startswith("reviewer: error:") and "Traceback" not in err
    code, out, err = run(capsys, "add", str(bad_pdfs["image_only"]), *db)
    assert code == 0 and "no text to select" in err
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{not json")
    code, _, err = run(capsys, "list", "--db", str(damaged))
    assert code != 0 and "damaged" in err and damaged.read_text() == "{not json"


def test_cli_never_imports_qt():
    code = ("import sys; from reviewer.cli.main import main; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_version_via_entry_point():
    out = subprocess.run([sys.executable, "-m", "reviewer", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip().startswith("reviewer ")


def test_search_across_the_library(capsys, db, samples: Path, tmp_path: Path):
    run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"),
        str(samples / "eastmere_2024_monitoring_visit.txt"), *db)
    code, out, _ = run(capsys, "search", "monitoring visit", *db)
    assert code == 0 and "Eastmere — monitoring visit 3 — November 2024, p. 1" in out and "[" in out
    code, out, _ = run(capsys, "search", "Leaders", "--json", "--limit", "2", *db)
    found = json.loads(out)
    assert code == 0 and found["total"] > 2 and len(found["hits"]) == 2 and found["letters"] == 2
    assert all(h["snippet"] and h["page"] >= 1 and h["field"] == "text" for h in found["hits"])
    code, out, _ = run(capsys, "search", "no such words here", *db)
    assert code == 1 and "No match" in out
    folds = list((tmp_path / "lib-letters").glob("*.fold"))
    assert len(folds) == 2  # kept for next time; a stale one is folded again, not trusted
    folds[0].write_bytes(b"0" * 64 + b"\n" + folds[0].read_bytes()[65:])
    code, out, _ = run(capsys, "search", "Leaders", "--json", *db)
    assert json.loads(out)["letters"] == 2


def test_suggest_prints_passages_without_saving(capsys, db, samples: Path):
    run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"), *db)
    code, out, _ = run(capsys, "suggest", "thornbury", "--json", *db)
    found = json.loads(out)
    assert code == 0 and found
    assert {"start", "end", "quote", "severity", "themes", "score"} <= set(found[0])
    assert {f["severity"] for f in found} <= {"Priority action", "Area for improvement", "Strength", "Context"}
    code, out, _ = run(capsys, "annotations", "--format", "json", *db)
    assert json.loads(out) == []  # nothing became an annotation
    code, out, _ = run(capsys, "suggest", "thornbury", *db)
    assert code == 0 and "suggestions for" in out and "none saved as a tag" in out
    code, out, err = run(capsys, "suggest", str(samples / "eastmere_2024_monitoring_visit.txt"), "--json", *db)
    assert code == 0 and json.loads(out)  # a file not in the library: added, and it says so (not on stdout)
    assert "added" in err and "to the library" in err
    code, out, err = run(capsys, "suggest", str(samples / "eastmere_2024_monitoring_visit.txt"), "--json", *db)
    assert code == 0 and "added" not in err


def test_suggest_shows_the_windows_strongest_with_their_pages(capsys, db, samples: Path, tmp_path: Path):
    """`reviewer suggest` lists the strongest as the window shows them (the inspectors' items at most half, the
    report's findings the rest), each with its page: a new user compared the two and found 25 items and 5
    findings against the window's 15 and 15, and had to work the pages out from the PDF (stop 45)."""
    from reviewer.core.reading.outline import analyse
    from reviewer.core.reading.suggest import strongest
    from reviewer.workspace import Workspace

    run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"), *db)
    code, out, _ = run(capsys, "suggest", "thornbury", "--json", *db)
    rows = json.loads(out)
    assert code == 0 and all(1 <= r["page"] <= 3 for r in rows) and rows[-1]["page"] > rows[0]["page"]
    code, out, _ = run(capsys, "suggest", "thornbury", "--top", "6", *db)
    ws = Workspace.open(str(tmp_path / "lib.json"))
    try:
        letter = next(iter(ws.library.letters.values()))
        ex = ws.text(letter.id)
        st = analyse(ex.text, ex.page_starts)
        want = strongest(ws.suggestions(letter.id, ex.text, st, ws.pdf_marks(letter, st)), 6)
    finally:
        ws.close()
    said = [line.split("“", 1)[1][:40] for line in out.splitlines() if "“" in line]
    assert said == [s.quote[:40] for s in want] and "as the window shows them" in out
    assert all(line.lstrip().startswith("p. ") for line in out.splitlines() if "“" in line)


def test_db_before_the_subcommand_never_starts_the_window(tmp_path: Path, samples: Path):
    """`reviewer --db lib.json add FILE` (issue 16, item 4): the option before the subcommand, as git
    takes it, works for every subcommand; a known subcommand runs headless, without a display."""
    import os

    lib = str(tmp_path / "lib.json")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    probe = ("import sys; from reviewer.__main__ import main; code = main(sys.argv[1:]); "
             "assert not any(m.startswith('PySide6') for m in sys.modules), 'the window was started'; sys.exit(code)")

    def reviewer(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env,
                              timeout=120)

    out = reviewer("--db", lib, "add", str(samples / "eastmere_2024_monitoring_visit.txt"))
    assert out.returncode == 0, out.stderr
    assert "3 pages" in out.stdout
    out = reviewer(f"--db={lib}", "list", "--json")
    assert out.returncode == 0 and len(json.loads(out.stdout)) == 1, out.stderr
    for args in (("--db", lib, "themes"), ("--db", lib, "annotations"), ("--db", lib, "pack", "export", "-o",
                                                                            str(tmp_path / "p.zip"), "--auditor", "Ann"),
                 ("--db", lib, "search", "children"), ("--db", lib, "backups")):
        out = reviewer(*args)
        assert out.returncode == 0, (args, out.stderr)
    out = reviewer("--db", lib, "pack", "verify", str(tmp_path / "p.zip"))  # a subcommand without --db of its own
    assert out.returncode == 0 and "OK" in out.stdout, out.stderr
    out = reviewer("--db", lib, "tag", "eastmere", "--quote", "no such words", "--theme", "risk", "--severity", "red")
    assert out.returncode == 1 and out.stderr.startswith("reviewer: error:") and "display" not in out.stderr
    # a mistyped subcommand starts no window either (an attack, stop 48: "reviewer lsit" opened the whole window, and
    # without a display aborted with Qt's advice to reinstall): it is named, with the nearest command
    out = reviewer("--db", lib, "lsit")
    assert out.returncode == 2 and "'lsit' is not a command; did you mean 'list'?" in out.stderr, out.stderr
    out = reviewer("set-name")
    assert out.returncode == 2 and "'set-name' is not a command" in out.stderr and "Reinstalling" not in out.stderr
    other = str(tmp_path / "other.json")
    out = reviewer("--db", lib, "list", "--db", other)  # the subcommand's own --db wins
    assert out.returncode == 0 and "empty" in out.stdout


def test_list_shows_readable_titles_telling_twins_apart(capsys, db, samples: Path):
    """Issue 16, item 8: a readable title from the letter's metadata, the same as the window's."""
    run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"),
        str(samples / "thornbury_vale_2025_focused_visit.txt"), *db)
    code, out, _ = run(capsys, "list", *db)
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["ID", "TITLE", "DATE"]
    assert "Thornbury Vale — focused visit — March 2025  " in lines[1] and "(text)" not in lines[1]
    assert "Thornbury Vale — focused visit — March 2025 (text)" in lines[2]
    assert lines[1].rstrip().endswith(".pdf") and lines[2].rstrip().endswith(".txt")
    code, out, _ = run(capsys, "list", "--json", *db)
    shown = [x["display_title"] for x in json.loads(out)]
    assert shown == ["Thornbury Vale — focused visit — March 2025", "Thornbury Vale — focused visit — March 2025 (text)"]
    assert [x["title"] for x in json.loads(out)] == ["thornbury_vale_2025_focused_visit"] * 2  # as stored
    code, out, err = run(capsys, "annotations", "Thornbury Vale — focused visit — March 2025 (text)", *db)
    assert code == 0, err  # a letter is named by its title as shown, too


def _name_library(path: str, name: str) -> None:
    from reviewer.workspace import Workspace

    ws = Workspace.open(path)
    ws.set_auditor(name)
    ws.flush()
    ws.close()


def test_tag_is_signed_and_a_passage_is_tagged_once_unless_asked(capsys, db, samples: Path):
    """Issue 16, item 10: annotations made on the command line were unsigned, and the same quote tagged
    twice made two identical annotations without a word."""
    path = str(samples / "eastmere_2024_monitoring_visit.txt")
    args = ("tag", path, "--quote", "leaves some children at risk", "--theme", "risk", "--severity", "red", *db)
    code, _, err = run(capsys, *args)
    assert code == 1 and "--author" in err and "no name" in err  # nobody to sign it: said, not guessed
    _name_library(db[1], "Ann Auditor")
    code, _, err = run(capsys, *args)
    assert code == 0, err
    code, _, err = run(capsys, *args)
    assert code == 1 and "already tagged" in err and "--again" in err and err.count("\n") == 1
    code, _, err = run(capsys, *args, "--again", "--author", "Bob Builder")
    assert code == 0 and "warning" in err and "tagged already" in err
    code, out, _ = run(capsys, "annotations", "--format", "json", *db)
    assert [a["author"] for a in json.loads(out)] == ["Ann Auditor", "Bob Builder"]


def test_export_never_writes_a_format_under_another_name(capsys, db, samples: Path, tmp_path: Path):
    """Issue 16, item 10: `export -o s.docx` wrote a PDF named s.docx."""
    run(capsys, "add", str(samples / "eastmere_2024_monitoring_visit.txt"), *db)
    for args, says in ((("-o", str(tmp_path / "s.docx")), "end its name in .md, .html, .pdf, .csv"),
                       (("--format", "pdf", "-o", str(tmp_path / "s.docx")), "name it s.pdf"),
                       (("--format", "pdf", "-o", str(tmp_path / "s.html")), "name it s.pdf, or leave out --format"),
                       (("--format", "md", "-o", str(tmp_path / "summary")), "name it summary.md")):
        code, _, err = run(capsys, "export", *args, *db)
        assert code == 1 and says in err, (args, err)
    assert list(tmp_path.glob("s*")) == [] and not (tmp_path / "summary").exists()
    code, out, err = run(capsys, "export", "-o", str(tmp_path / "s.PDF"), *db)  # the name says it
    assert code == 0 and (tmp_path / "s.PDF").read_bytes().startswith(b"%PDF"), err
    code, out, err = run(capsys, "export", "--format", "md", "-o", str(tmp_path / "s.markdown"), *db)
    assert code == 0 and (tmp_path / "s.markdown").read_text().startswith("#"), err


def test_counts_and_ranges_that_make_no_sense_are_refused(capsys, db, samples: Path):
    """Found by a deliberate attack: "--limit 0" listed "the first 1", "--top -5" "the 0 strongest", reversed
    years a table of zeros, and withdrawing a sign-off never given said it was withdrawn."""
    path = str(samples / "eastmere_2024_monitoring_visit.txt")
    assert run(capsys, "add", path, *db)[0] == 0
    for args in (("search", "plans", "--limit", "0"), ("search", "plans", "--limit", "-1"), ("suggest", path, "--top", "-5")):
        with pytest.raises(SystemExit) as exit_:
            main([*args, *db])
        err = capsys.readouterr().err
        assert exit_.value.code == 2 and "1 or more" in err and "Traceback" not in err, args
    code, _, err = run(capsys, "baseline", "--years", "2023-2019", *db)
    assert code != 0 and "backwards" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "signoff", "--all", "--withdraw", *db)
    assert code == 0 and "nothing to withdraw" in out and "sign-off withdrawn" not in out


def test_a_pack_sent_back_is_said_to_come_from_who_sent_it(capsys, samples: Path, tmp_path: Path) -> None:
    """A manager's journey (stop 47): the pack she sent back was opened "from Sam Auditor, Bea Auditor", its
    annotations' auditors, not from her."""
    ann = ["--db", str(tmp_path / "ann.json")]
    mia = ["--db", str(tmp_path / "mia.json")]
    run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"), *ann)
    code, out, err = run(capsys, "list", "--json", *ann)
    lid = json.loads(out)[0]["id"]
    code, _, err = run(capsys, "tag", lid[:8], "--quote", "Too many plans are lists of services", "--theme",
                       "planning", "--severity", "Area for improvement", "--author", "Ann Auditor", *ann)
    assert code == 0, err
    first = tmp_path / "ann.zip"
    code, _, err = run(capsys, "pack", "export", "-o", str(first), "--auditor", "Ann Auditor", *ann)
    assert code == 0, err
    code, out, err = run(capsys, "pack", "import", str(first), *mia)
    assert code == 0 and "ann.zip from Ann Auditor:" in out, out + err
    back = tmp_path / "back.zip"
    code, _, err = run(capsys, "pack", "export", "-o", str(back), "--auditor", "Mia Manager", *mia)
    assert code == 0, err
    code, out, err = run(capsys, "pack", "import", str(back), *ann)
    assert code == 0 and "back.zip from Mia Manager:" in out, out + err
