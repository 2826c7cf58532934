"""`reviewer baseline`: the national table, an authority against it, a table built from a folder, a damaged one."""

import json
from pathlib import Path

from reviewer.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_baseline_table_profile_build_and_damage(capsys, samples: Path, tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "lib.json")]
    code, out, err = run(capsys, "baseline", *db)
    assert code == 0, err
    assert out.startswith("National baseline: ") and "Care leavers" in out and "ILACS" in out
    assert not (tmp_path / "lib.json").exists()  # printing the table never opens (nor creates) the library
    code, out, _ = run(capsys, "baseline", "--json", "--framework", "ilacs", "--years", "2022-2026", *db)
    data = json.loads(out)
    assert data["framework"] == "ILACS" and data["years"] == [2022, 2026] and data["reports"] > 50
    assert data["themes"][0]["What needs to improve items"]["share"] > 0

    letter = str(samples / "eastmere_2024_monitoring_visit.txt")
    assert run(capsys, "add", letter, *db)[0] == 0
    for quote, theme in (("leaves some children at risk", "risk"),
                         ("permanence planning is delayed for many children", "permanence")):
        code, _, err = run(capsys, "tag", letter, "--quote", quote, "--theme", theme, "--theme", "care leavers",
                           "--severity", "area for improvement", "--author", "Ann Auditor", *db)
        assert code == 0, err
    code, out, err = run(capsys, "baseline", "eastmere", *db)
    assert code == 0, err
    assert out.startswith("Eastmere: 2 findings (areas for improvement and priority actions) in 1 letter")
    assert "Care leavers: 100% of your findings, " in out and "% nationally" in out
    code, out, _ = run(capsys, "baseline", "Eastmere", "--json", "--basis", "weaknesses", *db)
    prof = json.loads(out)
    row = next(r for r in prof["themes"] if r["theme_id"] == "care-leavers")
    assert row["yours"] == 2 and row["your_share"] == 1.0 and 0 < row["national_share"] < 0.5
    assert prof["national_source"] == ["items"] and prof["national_reports"] > 200
    html = tmp_path / "summary.html"
    code, _, err = run(capsys, "export", "--national", "-o", str(html), *db)
    assert code == 0, err
    page = html.read_text(encoding="utf-8")
    assert "<h2>The national picture</h2>" in page and "Care leavers: 100% of your findings" in page
    code, _, err = run(capsys, "export", "-o", str(html), *db)
    assert "national picture" not in html.read_text(encoding="utf-8")  # only when asked for
    code, _, err = run(capsys, "baseline", "Nowhere", *db)
    assert code == 1 and "no letter in the library is about 'Nowhere'" in err and "Eastmere" in err

    # an organisation's own table, built from its folder, is used from then on
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("eastmere_2024_monitoring_visit.txt", "thornbury_vale_2025_focused_visit.txt"):
        (folder / name).write_bytes((samples / name).read_bytes())
    code, out, err = run(capsys, "baseline", "--build", str(folder), *db)
    assert code == 0, err
    assert out.startswith(f"wrote {tmp_path / 'baseline.json'}: 2 reports (2024-2025)")
    code, out, _ = run(capsys, "baseline", *db)
    assert "National baseline: 2 reports" in out
    (tmp_path / "baseline.json").write_text('{"format": "reviewer-national-baseline", "version": 1, "reports": 7}')
    for args in (("baseline",), ("baseline", "Eastmere")):
        code, out, err = run(capsys, *args, *db)
        assert code == 1 and out == "" and err.count("\n") == 1
        assert "is damaged" in err and "Rebuild it with `reviewer baseline --build FOLDER`" in err


def test_building_a_table_never_writes_over_a_file_that_is_not_one(capsys, samples: Path, tmp_path: Path) -> None:
    """`reviewer baseline --build FOLDER -o library.json` (a slip of the name, the library's folder as the place to
    keep it) wrote the table over the library: every annotation since its last backup was lost. A file that is not a
    baseline table is never written over, and said before the reports are read; a table (or a damaged
    baseline.json, to rebuild) is replaced as before."""
    db = str(tmp_path / "lib.json")
    letter = str(samples / "eastmere_2024_monitoring_visit.txt")
    assert run(capsys, "add", letter, "--db", db)[0] == 0
    assert run(capsys, "tag", letter, "--quote", "leaves some children at risk", "--theme", "risk", "--severity",
               "improvement", "--author", "Ann", "--db", db)[0] == 0
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "e.txt").write_bytes((samples / "eastmere_2024_monitoring_visit.txt").read_bytes())
    library = (tmp_path / "lib.json").read_bytes()
    for target in (tmp_path / "lib.json", tmp_path / "notes.json"):
        if not target.exists():
            target.write_bytes(b"my own notes, not a table")
        before = target.read_bytes()
        code, out, err = run(capsys, "baseline", "--build", str(folder), "-o", str(target))
        assert code == 1 and out == "" and err.count("reviewer: error:") == 1, err
        assert "is not a national baseline table" in err and "nothing was written" in err
        assert target.read_bytes() == before
    assert (tmp_path / "lib.json").read_bytes() == library
    code, out, _ = run(capsys, "annotations", "--db", db, "--format", "json")
    assert code == 0 and len(json.loads(out)) == 1
    (tmp_path / "baseline.json").write_text("{damaged")  # a damaged table, rebuilt in its place
    code, _, err = run(capsys, "baseline", "--build", str(folder), "--db", db)
    assert code == 0, err
    code, _, err = run(capsys, "baseline", "--build", str(folder), "-o", str(tmp_path / "baseline.json"))
    assert code == 0, err
