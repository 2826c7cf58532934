"""The Qt binding keeps Python's reference counts: a long session must not wear out None.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every Qt call returning nothing,
so the app died ("deallocating None") after a few thousand calls: an import of a few hundred
letters was enough. pyproject.toml excludes it; this test fails on any binding that does it.
"""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QLabel, QProgressBar  # noqa: E402


def test_void_calls_keep_references_to_none_and_booleans(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar, label = QProgressBar(), QLabel()
    qtbot.addWidget(bar)
    qtbot.addWidget(label)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for i in range(2000):
        bar.setValue(i % 100)
        label.setText("x")
        label.setVisible(label.isVisible())
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    assert all(a >= b - 50 for a, b in zip(after, before)), (before, after)
