"""The action plan's records: validation, storage in settings, undoable add and update."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reviewer.core.annotations import actions
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import RecordError


def _good() -> dict:
    return {"id": "a1", "annotation_id": "ann1", "text": "Audit care plans", "owner": "Sam", "due": "2026-03-31",
            "status": "amber", "progress": [{"date": "2026-01-05", "text": "started", "by": "Sam"}],
            "created": "2026-01-01T10:00:00.000+00:00", "modified": "2026-01-05T10:00:00.000+00:00", "by": "Sam"}


def test_round_trip() -> None:
    a = actions.Action.from_dict(_good())
    assert a.due == "2026-03-31" and a.status == "amber" and a.progress[0].text == "started"
    assert actions.Action.from_dict(json.loads(json.dumps(a.to_dict()))) == a


@pytest.mark.parametrize("field,bad,words", [
    ("due", "2026-02-30", "not a date"), ("due", "31/03/2026", "not a date"), ("due", 20260331, "must be a date"),
    ("status", "purple", "must be one of"), ("status", 3, "must be one of"), ("text", 5, "must be text"),
    ("id", "", "non-empty"), ("annotation_id", None, "must be text"), ("progress", "x", "must be a list"),
    ("modified", "yesterday", "not a date and time"),
])
def test_bad_fields_are_refused(field: str, bad: object, words: str) -> None:
    d = _good()
    d[field] = bad
    with pytest.raises(RecordError, match=words):
        actions.Action.from_dict(d)


def test_bad_progress_date() -> None:
    d = _good()
    d["progress"] = [{"date": "soon", "text": "x"}]
    with pytest.raises(RecordError, match=r"progress\[0\].*not a date"):
        actions.Action.from_dict(d)


def test_missing_due_or_status() -> None:
    for k in ("due", "status"):
        d = _good()
        del d[k]
        with pytest.raises(RecordError, match="missing"):
            actions.Action.from_dict(d)


def test_overdue() -> None:
    a = actions.Action.from_dict(_good())
    assert a.overdue(date(2026, 4, 1)) and not a.overdue(date(2026, 3, 31))
    done = actions.updated(a, "Sam", status="complete")
    assert not done.overdue(date(2027, 1, 1))


def test_add_and_update_are_undoable() -> None:
    lib = Library()
    a = actions.new_action("ann1", "Audit care plans", "Sam", "2026-03-31", "red", by="Kim")
    cmd = actions.put_command(lib.settings, a, "Add action")
    cmd.do(lib, None)
    assert actions.read_all(lib.settings) == {a.id: a}
    b = actions.updated(a, "Kim", status="green", progress="half done")
    cmd2 = actions.put_command(lib.settings, b, "Update action")
    cmd2.do(lib, None)
    got = actions.read_all(lib.settings)[a.id]
    assert got.status == "green" and got.progress[0].text == "half done" and got.progress[0].by == "Kim"
    cmd2.undo(lib, None)
    assert actions.read_all(lib.settings)[a.id] == a
    cmd.undo(lib, None)
    assert actions.read_all(lib.settings) == {}


def test_new_action_checks() -> None:
    with pytest.raises(RecordError):
        actions.new_action("ann1", "x", "Sam", "2026-13-01", "red", by="Kim")
    with pytest.raises(RecordError):
        actions.new_action("ann1", "x", "Sam", "2026-01-01", "blue", by="Kim")


def test_damaged_setting_is_passed_over() -> None:
    settings = {"action:x": "{not json", "action:y": json.dumps({**_good(), "status": "nope"}),
                "action:a1": json.dumps(_good()), "other": "1"}
    assert list(actions.read_all(settings)) == ["a1"]
