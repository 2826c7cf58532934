"""The manager's command line: pack export / verify / import, review, signoff, codebook."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from reviewer.cli.main import main

from pack_desks import THORNBURY  # type: ignore[import-not-found]


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_pack_round_trip_on_the_command_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a, m = str(tmp_path / "ann.json"), str(tmp_path / "meg.json")
    assert run(capsys, "add", "--db", a, str(THORNBURY))[0] == 0
    code, out, err = run(capsys, "tag", "--db", a, "thornbury", "--quote", "drift and delay mean",
                         "--theme", "timeliness", "--severity", "improvement", "--author", "Ann Auditor")
    assert code == 0, err
    ann_id = out.split()[0]
    pack = tmp_path / "ann.zip"
    code, out, err = run(capsys, "pack", "export", "--db", a, "-o", str(pack), "--auditor", "Ann Auditor")
    assert code == 0 and "1 letter" in out, err
    assert run(capsys, "pack", "verify", str(pack))[1].strip().endswith("OK")
    code, out, _ = run(capsys, "pack", "import", "--db", m, str(pack), str(pack))
    assert code == 0 and "1 new annotation" in out and "1 already present" in out
    code, out, _ = run(capsys, "review", "--db", m, ann_id, "--status", "challenged", "--comment", "Why?",
                       "--reviewer", "Meg Manager")
    assert code == 0 and "Challenged" in out
    assert run(capsys, "signoff", "--db", m, "--all", "--name", "Meg Manager")[0] == 0
    back = tmp_path / "meg.zip"
    assert run(capsys, "pack", "export", "--db", m, "-o", str(back))[0] == 0
    code, out, _ = run(capsys, "pack", "import", "--db", a, str(back))
    assert code == 0 and "1 review and 1 sign-off" in out
    code, out, _ = run(capsys, "annotations", "--db", a, "--format", "json")
    (row,) = json.loads(out)
    assert row["review"]["status"] == "challenged" and row["review"]["comment"] == "Why?"


def test_verify_reports_what_is_wrong(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a = str(tmp_path / "ann.json")
    run(capsys, "add", "--db", a, str(THORNBURY))
    pack = tmp_path / "p.zip"
    run(capsys, "pack", "export", "--db", a, "-o", str(pack))
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(pack) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, data + b" " if info.filename == "summary.html" else data)
    code, out, _ = run(capsys, "pack", "verify", str(bad))
    assert code == 1 and "summary.html has been changed" in out
    code, _, err = run(capsys, "pack", "import", "--db", str(tmp_path / "m.json"), str(bad))
    assert code == 1 and "nothing was imported" in err and "Traceback" not in err
    code, out, _ = run(capsys, "pack", "verify", str(tmp_path / "missing.zip"))
    assert code == 1 and "no such file" in out


def test_codebook_export_and_import(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a, b = str(tmp_path / "a.json"), str(tmp_path / "b.json")
    qdc = tmp_path / "team.qdc"
    run(capsys, "themes", "--db", a)
    code, out, _ = run(capsys, "codebook", "export", "--db", a, "-o", str(qdc))
    assert code == 0 and qdc.exists()
    library = Path(a).read_bytes()  # an attack wrote the codebook over the library: any name but .qdc is refused
    for name in (a, str(tmp_path / "letter.pdf")):
        code, _, err = run(capsys, "codebook", "export", "--db", a, "-o", name)
        assert code == 1 and "a codebook is a REFI-QDA .qdc file" in err and "nothing was written" in err
    assert Path(a).read_bytes() == library and not (tmp_path / "letter.pdf").exists()
    text = qdc.read_text(encoding="utf-8").replace('name="Neglect"', 'name="Neglect and chronic harm"')
    text = text.replace("</Codes>", '<Code guid="0b2c1f5e-1111-4222-8333-944455556666" name="Online harm" '
                                    'isCodable="true" color="#123456"/></Codes>')
    qdc.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "codebook", "import", "--db", b, str(qdc))
    assert code == 0 and "added     Online harm" in out and "Neglect → Neglect and chronic harm" in out
    code, out, _ = run(capsys, "themes", "--db", b, "--json")
    labels = {t["id"]: t["label"] for t in json.loads(out)["themes"]}
    assert labels["neglect"] == "Neglect and chronic harm" and labels["online-harm"] == "Online harm"
    evil = tmp_path / "evil.qdc"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><CodeBook/>', encoding="utf-8")
    code, _, err = run(capsys, "codebook", "import", "--db", b, str(evil))
    assert code == 1 and "DOCTYPE" in err


def test_pack_auditor_signs_what_nobody_signed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue 16, item 10: `pack export --auditor` left the pack's auditor column empty for annotations
    made before the library had a name. The pack signs them with its auditor; signed ones keep theirs."""
    import csv
    import io

    from reviewer.core.annotations.tagging import locate_quote
    from reviewer.workspace import Workspace

    lib = str(tmp_path / "lib.json")
    ws = Workspace.open(lib)
    letter, _, _ = ws.add_file(THORNBURY)
    ex = ws.text(letter.id)
    start, end = locate_quote(ex.text, "drift and delay mean")
    ws.tag(letter.id, ex.text, ex.page_starts, start, end, ["timeliness"], "improvement", author="")  # before a name was set
    ws.tag_quote(letter, "reduced caseloads", ["workforce"], "strength", author="Cas Colleague")
    ws.flush()
    ws.close()
    pack = tmp_path / "p.zip"
    code, _, err = run(capsys, "--db", lib, "pack", "export", "-o", str(pack), "--auditor", "Ann Auditor")
    assert code == 0, err
    with zipfile.ZipFile(pack) as z:
        rows = list(csv.DictReader(io.StringIO(z.read("annotations.csv").decode("utf-8-sig"))))
        records = json.loads(z.read("data/pack.json"))
    assert sorted(r["auditor"] for r in rows) == ["Ann Auditor", "Cas Colleague"]
    assert sorted(a["author"] for a in records["annotations"]) == ["Ann Auditor", "Cas Colleague"]
    code, out, _ = run(capsys, "--db", lib, "annotations", "--format", "json")
    assert sorted(a["author"] for a in json.loads(out)) == ["", "Cas Colleague"]  # the library itself is as it was
