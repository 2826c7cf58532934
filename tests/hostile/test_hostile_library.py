"""Issue 14, items 6 and 14: every damaged form of a library file is recognised as damage (never
"unexpected X"), left untouched, and the good backup offered; a poisoned backup is never offered;
records of the wrong type from a pack never enter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hostile_kit import files_beside, library, resign_pack, run  # type: ignore[import-not-found]

from reviewer.store.backups import all_backups, good_backups
from reviewer.store.repository import LibraryDamagedError, LibraryStore


def _first(d: dict[str, Any], table: str) -> dict[str, Any]:
    return next(iter(d[table].values()))


def _json(change):  # type: ignore[no-untyped-def]
    def apply(raw: bytes) -> bytes:
        d = json.loads(raw)
        change(d)
        return json.dumps(d).encode()
    return apply


def _annotation(**fields: Any):  # type: ignore[no-untyped-def]
    return _json(lambda d: _first(d, "annotations").update(fields))


def _meta(**fields: Any):  # type: ignore[no-untyped-def]
    return _json(lambda d: _first(d, "letters")["meta"].update(fields))


FORMS = {
    "a settings row with no key": _json(lambda d: d.setdefault("settings", {}).update({"99": {"value": "x"}})),
    "a setting whose value is an object": _json(lambda d: d.setdefault("settings", {}).update(
        {"99": {"key": "auditor", "value": {"a": 1}}})),
    "schema 'abc'": _json(lambda d: d.update(meta={"1": {"schema": "abc"}})),
    "schema null": _json(lambda d: d.update(meta={"1": {"schema": None}})),
    "a row that is not an object": _json(lambda d: d["annotations"].update({"99": [1, 2, 3]})),
    "a row that is a string": _json(lambda d: d["themes"].update({"99": "front door"})),
    "a non-numeric row id": _json(lambda d: d["annotations"].update({"abc": _first(d, "annotations")})),
    "a table that is a list": _json(lambda d: d.update(themes=[1, 2])),
    "a 5,000-digit number": lambda raw: raw.replace(b'"pages":3', b'"pages":' + b"9" * 5000, 1),
    "a 4,000-digit number (readable, out of range)": lambda raw: raw.replace(b'"pages":3', b'"pages":' + b"9" * 4000, 1),
    "deep nesting": lambda raw: raw.replace(b'"lead_inspector":', b'"lead_inspector":' + b"[" * 50_000 + b"]" * 50_000
                                            + b',"x":', 1),
    "authority as an object": _meta(authority={"name": "Thornbury"}),
    "authority as a number": _meta(authority=12),
    "authority as a list": _meta(authority=["Thornbury"]),
    "inspectors as text": _meta(inspectors="Jo Bloggs"),
    "judgements as a list": _meta(judgements=["good"]),
    "visit number as text": _meta(visit_number="3"),
    "start as text": _annotation(start="abc"),
    "start negative": _annotation(start=-5),
    "end before start": _annotation(end=0, start=10),
    "start as a float": _annotation(start=1.5),
    "orphaned as text": _annotation(orphaned="false"),
    "a letter id that walks out of the folder": _annotation(letter_id="../../../etc/passwd"),
    "history holding text": _annotation(history=["x"]),
    "review of an unknown status": _annotation(review={"status": "approved!"}),
    "a severity this version does not know": _annotation(severity="critical"),  # (every count and summary left it out)
    "a theme with no label": _json(lambda d: _first(d, "themes").pop("label")),
    "a letter whose id is not a SHA-256": _json(lambda d: _first(d, "letters").update(id="../evil")),
    "a lone surrogate escape that is also the wrong type": _meta(authority=["\ud800"]),
}


@pytest.fixture
def good_library(tmp_path: Path) -> Path:
    path = library(tmp_path, tags=3)
    LibraryStore(path).close()  # opening a changed library keeps a backup: the good one to offer
    assert len(good_backups(path)) == 1
    return path


@pytest.mark.parametrize("form", list(FORMS))
def test_a_damaged_library_is_reported_as_damage_with_the_backup_offered(form: str, good_library: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = good_library
    path.write_bytes(FORMS[form](path.read_bytes()))
    before = files_beside(path)

    code, out, err = run(capsys, "list", "--db", str(path))

    assert code == 1 and out == ""
    assert "damaged" in err and "left untouched" in err, err
    assert "unexpected" not in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "reviewer backups --restore" in err and "3 annotations" in err  # the good backup, offered by name
    assert files_beside(path) == before  # nothing written, nothing re-created, no backup of the damage
    with pytest.raises(LibraryDamagedError) as raised:  # what the window catches to offer "Restore Backup from …"
        LibraryStore(path)
    assert raised.value.backups
    assert run(capsys, "backups", "--db", str(path), "--restore")[0] == 0
    code, out, _ = run(capsys, "annotations", "--db", str(path), "--format", "json")
    assert code == 0 and len(json.loads(out)) == 3  # every annotation back
    assert [p.read_bytes() for p in path.parent.glob("lib.json.damaged-*")] == [before["lib.json"]]  # kept aside


def test_a_library_that_is_a_list_or_a_number_is_damage(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for raw in (b"[]", b"42", b'"text"', b"null", b"9" * 5000, b"[" * 100_000):
        path = tmp_path / "lib.json"
        path.write_bytes(raw)
        code, _, err = run(capsys, "list", "--db", str(path))
        assert code == 1 and "damaged" in err and "unexpected" not in err
        assert path.read_bytes() == raw


def test_a_poisoned_newest_backup_is_never_offered(good_library: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: a backup taken after a pack brought in non-text letter details passed the check,
    and `backups --restore` put the poison back."""
    path = good_library
    good = all_backups(path)[0]
    poisoned = json.loads(path.read_bytes())
    _first(poisoned, "letters")["meta"]["authority"] = {"a": 1}
    newest = good.with_name(good.name.replace(good.stem.rsplit("-", 1)[1], "29991231T000000000000Z"))
    newest.write_bytes(json.dumps(poisoned).encode())
    path.write_bytes(b"{")  # the library itself now damaged

    assert [b.path for b in good_backups(path)] == [good]
    code, out, _ = run(capsys, "backups", "--db", str(path))
    assert code == 0 and str(good) in out and "2999" not in out
    assert run(capsys, "backups", "--db", str(path), "--restore")[0] == 0
    assert path.read_bytes() == good.read_bytes()
    store = LibraryStore(path)
    assert isinstance(next(iter(store.library.letters.values())).meta.authority, str)
    store.close()


@pytest.mark.parametrize("details", [{"authority": {"x": 1}}, {"authority": 7}, {"inspectors": "Jo"},
                                     {"visit_number": "two"}, {"judgements": ["good"]}])
def test_a_pack_with_letter_details_of_the_wrong_type_is_refused(details: dict[str, Any], good_library: Path,
                                                                  tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = good_library
    assert run(capsys, "pack", "export", "--db", str(path), "-o", str(tmp_path / "good.zip"))[0] == 0
    bad = resign_pack(tmp_path / "good.zip", tmp_path / "bad.zip", lambda r: r["letters"][0]["meta"].update(details))
    other = library(tmp_path / "manager", tags=0)
    before = files_beside(other)

    code, out, _ = run(capsys, "pack", "verify", str(bad))
    assert code == 1 and "FAILED" in out and "damaged" in out
    code, _, err = run(capsys, "pack", "import", "--db", str(other), str(bad))
    assert code == 1 and "damaged" in err and "unexpected" not in err
    assert files_beside(other) == before
    code, _, err = run(capsys, "list", "--db", str(other))  # and the library still works
    assert code == 0


def test_a_pack_of_a_severity_this_version_does_not_know_is_refused_whole(good_library: Path, tmp_path: Path,
                                                                          capsys) -> None:  # type: ignore[no-untyped-def]
    """An annotation of a severity not on this scale (a pack by hand, or a later version's) was imported, then left
    out of every summary without a word ('3000 annotations' in the library, a summary of 2419)."""
    assert run(capsys, "pack", "export", "--db", str(good_library), "-o", str(tmp_path / "good.zip"))[0] == 0
    bad = resign_pack(tmp_path / "good.zip", tmp_path / "bad.zip",
                      lambda r: r["annotations"][0].update(severity="critical"))
    other = library(tmp_path / "manager", tags=0)
    before = files_beside(other)
    code, _, err = run(capsys, "pack", "import", "--db", str(other), str(bad))
    assert code == 1 and "'severity' must be one of" in err and "nothing was imported" in err
    assert files_beside(other) == before


def test_what_the_schema_refuses_names_the_field() -> None:
    from reviewer.core.annotations.model import Annotation, Letter, RecordError

    with pytest.raises(RecordError, match="meta: 'authority' must be text, not an object"):
        Letter.from_dict({"id": "a" * 64, "meta": {"authority": {}}})
    with pytest.raises(RecordError, match="'start' must be a whole number, not text"):
        Annotation.from_dict({"id": "x", "letter_id": "a" * 64, "start": "1", "end": 2})
    with pytest.raises(RecordError, match="'severity' must be one of strength, context, improvement, priority, not 'critical'"):
        Annotation.from_dict({"id": "x", "letter_id": "a" * 64, "start": 1, "end": 2, "severity": "critical"})
    from reviewer.core.annotations.codebook import severities
    from reviewer.core.annotations.model import SEVERITY_IDS

    assert {s.id for s in severities()} == set(SEVERITY_IDS)
    with pytest.raises(RecordError, match="an annotation must be an object, not a list"):
        Annotation.from_dict([])  # type: ignore[arg-type]
