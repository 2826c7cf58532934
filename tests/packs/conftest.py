"""Two auditors' libraries and a manager's, each in its own folder as if on its own machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pack_desks import EASTMERE, THORNBURY, Desk  # type: ignore[import-not-found]


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[dict[str, Desk]]:
    made = {"ann": Desk(tmp_path / "ann-laptop", "Ann Auditor"),
            "bob": Desk(tmp_path / "bob-laptop", "Bob Auditor"),
            "meg": Desk(tmp_path / "meg-laptop", "Meg Manager")}
    yield made
    for d in made.values():
        d.store.close()


@pytest.fixture
def ann_with_work(desks: dict[str, Desk]) -> Desk:
    ann = desks["ann"]
    t = ann.add(THORNBURY)
    e = ann.add(EASTMERE)
    ann.tag(t, "drift and delay mean", ["timeliness", "planning"], "improvement", "Plans drift: =SUM(A1) <script>x</script>")
    ann.tag(t, "leaders in Thornbury Vale have strengthened the front door", ["front-door", "leadership"], "strength",
            '=HYPERLINK("http://evil.example","click")')
    ann.tag(e, "Leaders have made some progress since the last monitoring visit", ["leadership"], "improvement", "Slow progress")
    return ann
