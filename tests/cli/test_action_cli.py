"""`reviewer action add|update|list`: the action plan on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_update_list(capsys, tmp_path: Path, samples: Path) -> None:
    db = ["--db", str(tmp_path / "lib.json")]
    assert run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"), *db)[0] == 0
    code, out, err = run(capsys, "tag", "thornbury", "--quote", "Too many plans", "--theme", "planning",
                         "--severity", "priority action", "--author", "Ann", *db)
    assert code == 0, err
    code, out, _ = run(capsys, "annotations", "--format", "json", *db)
    (ann,) = json.loads(out)
    code, out, err = run(capsys, "action", "add", ann["id"][:8], "--text", "Review every plan", "--owner", "Sam",
                         "--due", "2000-01-31", "--status", "red", *db)
    assert code == 0, err and "added action" in out
    code, out, _ = run(capsys, "action", "list", "--json", *db)
    (a,) = json.loads(out)
    assert a["annotation_id"] == ann["id"] and a["due"] == "2000-01-31" and a["status"] == "red"
    assert a["overdue"] is True and a["owner"] == "Sam" and a["text"] == "Review every plan"
    code, out, err = run(capsys, "action", "update", a["id"][:8], "--status", "amber", "--progress", "Half done",
                         "--due", "2999-12-31", *db)
    assert code == 0, err
    code, out, _ = run(capsys, "action", "list", "thornbury", "--json", *db)
    (b,) = json.loads(out)
    assert b["status"] == "amber" and b["due"] == "2999-12-31" and not b["overdue"]
    assert [p["text"] for p in b["progress"]] == ["Half done"]
    code, out, _ = run(capsys, "action", "list", *db)
    assert "AMBER" in out and "Half done" in out and "OVERDUE" not in out
    run(capsys, "action", "update", a["id"], "--due", "1 January 2001", *db)  # as people write dates, too
    code, out, _ = run(capsys, "action", "list", "--json", *db)
    assert json.loads(out)[0]["due"] == "2001-01-01"
    code, out, _ = run(capsys, "action", "list", *db)
    assert "OVERDUE" in out


def test_bad_input_is_one_line(capsys, tmp_path: Path, samples: Path) -> None:
    db = ["--db", str(tmp_path / "lib.json")]
    run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"), *db)
    run(capsys, "tag", "thornbury", "--quote", "Too many plans", "--theme", "planning",
        "--severity", "priority action", "--author", "Ann", *db)
    code, out, _ = run(capsys, "annotations", "--format", "json", *db)
    (ann,) = json.loads(out)
    code, out, err = run(capsys, "action", "add", ann["id"], "--text", "x", "--owner", "Sam", "--due", "2026-02-30",
                         "--status", "red", *db)
    assert code == 1 and "not a date" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "action", "add", "nothing-here", "--text", "x", "--owner", "Sam",
                         "--due", "2026-02-03", "--status", "red", *db)
    assert code == 1 and "no annotation matches" in err
    code, out, err = run(capsys, "action", "update", "abcdef", "--status", "red", *db)
    assert code == 1 and "no action matches" in err
    code, out, _ = run(capsys, "action", "list", *db)
    assert code == 0 and "No actions." in out


def test_delete(capsys, tmp_path: Path, samples: Path) -> None:
    from reviewer.core.annotations.actions import read_gone
    from reviewer.store.repository import LibraryStore

    db = ["--db", str(tmp_path / "lib.json")]
    run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"), *db)
    run(capsys, "tag", "thornbury", "--quote", "Too many plans", "--theme", "planning",
        "--severity", "priority action", "--author", "Ann", *db)
    code, out, _ = run(capsys, "annotations", "--format", "json", *db)
    (ann,) = json.loads(out)
    run(capsys, "action", "add", ann["id"], "--text", "Review every plan", "--owner", "Sam", "--due", "2026-03-31",
        "--status", "red", *db)
    run(capsys, "action", "add", ann["id"], "--text", "Train managers", "--owner", "Kim", "--due", "2026-04-30",
        "--status", "green", *db)
    code, out, _ = run(capsys, "action", "list", "--json", *db)
    first, second = json.loads(out)
    code, out, err = run(capsys, "action", "delete", first["id"][:8], *db)
    assert code == 0, err
    assert f"deleted action {first['id'][:12]} (Review every plan)" in out
    code, out, _ = run(capsys, "action", "list", "--json", *db)
    assert [a["id"] for a in json.loads(out)] == [second["id"]]
    store = LibraryStore(tmp_path / "lib.json")
    try:
        assert first["id"] in read_gone(store.library.settings)  # remembered, to travel in a pack
    finally:
        store.close()
    code, out, err = run(capsys, "action", "delete", first["id"], *db)
    assert code == 1 and "no action matches" in err and len(err.strip().splitlines()) == 1


def test_update_text_and_owner(capsys, tmp_path: Path, samples: Path) -> None:
    db = ["--db", str(tmp_path / "lib.json")]
    run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"), *db)
    run(capsys, "tag", "thornbury", "--quote", "Too many plans", "--theme", "planning",
        "--severity", "priority action", "--author", "Ann", *db)
    (ann,) = json.loads(run(capsys, "annotations", "--format", "json", *db)[1])
    run(capsys, "action", "add", ann["id"], "--text", "Review every plan", "--owner", "Sam", "--due", "2026-03-31",
        "--status", "red", *db)
    (a,) = json.loads(run(capsys, "action", "list", "--json", *db)[1])
    code, out, err = run(capsys, "action", "update", a["id"][:8], "--text", "Audit a sample of plans",
                         "--owner", "Kim Lead", "--progress", "Sample chosen", *db)
    assert code == 0, err
    assert "updated action" in out and "Kim Lead" in out
    (b,) = json.loads(run(capsys, "action", "list", "--json", *db)[1])
    assert (b["text"], b["owner"], b["status"], b["due"]) == ("Audit a sample of plans", "Kim Lead", "red", "2026-03-31")
    assert [p["text"] for p in b["progress"]] == ["Sample chosen"]
    code, out, _ = run(capsys, "action", "update", a["id"], "--owner", "Kim Lead", *db)
    assert code == 0 and "nothing to change" in out
    code, out, err = run(capsys, "action", "update", a["id"], "--text", " ", *db)
    assert code == 1 and "needs a text" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit):
        main(["action", "update", "--help"])
    out = capsys.readouterr().out
    assert "--text" in out and "--owner" in out


def test_control_characters_are_shown_never_obeyed(capsys, tmp_path: Path, samples: Path) -> None:
    """An owner, an action, a note or a pack's sender holding a terminal's control sequences (ESC [2J clears
    the screen, BEL rings, a bidi override reverses what follows) is printed with them escaped: `action list`,
    `search` and `pack import` wrote them to the terminal as they were, which obeyed them."""
    db = ["--db", str(tmp_path / "lib.json")]
    hostile = "Sam\x1b[2J\x07\u202eevil"
    assert run(capsys, "add", str(samples / "thornbury_vale_2025_focused_visit.pdf"), *db)[0] == 0
    code, out, err = run(capsys, "tag", "thornbury", "--quote", "Too many plans", "--theme", "planning",
                         "--severity", "priority action", "--author", "Ann", "--note", f"zzq {hostile}", *db)
    assert code == 0, err
    ann = json.loads(run(capsys, "annotations", "--format", "json", *db)[1])[0]["id"]
    said = [run(capsys, "action", "add", ann, "--text", f"Fix {hostile}", "--owner", hostile, "--due", "2027-01-31",
                "--status", "red", *db)]
    act = json.loads(run(capsys, "action", "list", "--json", *db)[1])[0]
    assert act["owner"] == hostile  # (kept as given: only what is printed is escaped)
    said.append(run(capsys, "action", "update", act["id"], "--progress", hostile, "--owner", hostile + "2", *db))
    said.append(run(capsys, "action", "list", *db))
    said.append(run(capsys, "search", "zzq", *db))
    assert run(capsys, "pack", "export", "-o", str(tmp_path / "p.zip"), "--auditor", hostile, *db)[0] == 0
    said.append(run(capsys, "pack", "import", str(tmp_path / "p.zip"), "--db", str(tmp_path / "other.json")))
    said.append(run(capsys, "action", "delete", act["id"], *db))
    for code, out, err in said:
        assert code == 0, err
        assert not any(c in out for c in "\x1b\x07\u202e"), out
    assert "Sam\\u001b[2J\\u0007\\u202eevil" in said[2][1]
