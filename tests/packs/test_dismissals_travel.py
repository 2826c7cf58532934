"""Seen by a new user's manager (stop 27): the suggestions the auditor dismissed were suggested again in the
manager's copy of the pack, dashed in the letter while they reviewed. Dismissals travel in a pack as the
records do: merged (never taken away), undone with the pack, and a pack whose dismissals are damaged is
refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from pack_desks import THORNBURY, Desk  # type: ignore[import-not-found]
from reviewer.core.reading.suggest import read_dismissed
from reviewer.export.pack_read import PackError, read_pack
from test_actions_travel import _edit_records  # type: ignore[import-not-found]


def test_dismissed_suggestions_are_not_suggested_in_the_managers_copy(desks: dict[str, Desk], tmp_path: Path) -> None:
    ann, meg = desks["ann"], desks["meg"]
    lid = ann.add(THORNBURY)
    ann.ws.dismiss_suggestions(lid, [(100, 180), (400, 460)])
    pack = tmp_path / "one.zip"
    ann.ws.export_pack([lid], pack, ann.name)
    assert read_pack(pack).dismissed == {lid: [(100, 180), (400, 460)]}
    report = meg.open_pack(pack)
    assert read_dismissed(meg.lib.settings, lid) == [(100, 180), (400, 460)]
    assert report.dismissed == 2 and any("2 suggestions dismissed in the pack" in line for line in report.lines())
    meg.ws.dismiss_suggestions(lid, [(900, 950)])
    report = meg.open_pack(pack)  # again: nothing new, and what the manager dismissed stays dismissed
    assert report.dismissed == 0
    assert read_dismissed(meg.lib.settings, lid) == [(100, 180), (400, 460), (900, 950)]
    meg.undo.undo()  # the manager's own dismissal
    meg.undo.undo()  # the first pack: its dismissals go with it
    assert read_dismissed(meg.lib.settings, lid) == []


@pytest.mark.parametrize("bad", [
    "not a table", {"no-such-letter": [[1, 2]]}, {"LID": "1-2"}, {"LID": [[5, 2]]}, {"LID": [[1, 2, 3]]},
    {"LID": [["1", "2"]]}, {"LID": [[-1, 2]]}, {"LID": [[True, 2]]}])
def test_a_pack_with_damaged_dismissals_is_refused(desks: dict[str, Desk], tmp_path: Path, bad) -> None:  # type: ignore[no-untyped-def]
    ann = desks["ann"]
    lid = ann.add(THORNBURY)
    pack = tmp_path / "one.zip"
    ann.ws.export_pack([lid], pack, ann.name)
    value = {k.replace("LID", lid): v for k, v in bad.items()} if isinstance(bad, dict) else bad
    tampered = _edit_records(pack, tmp_path / "bad.zip", lambda d: d.__setitem__("dismissed", value))
    with pytest.raises(PackError, match="dismissed"):
        read_pack(tampered)
