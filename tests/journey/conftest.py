"""The journey's display: started once per run, skipped with the reason where it cannot run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop import Display, desktop, missing_tools  # type: ignore[import-not-found]

SCREENS = Path(os.environ.get("REVIEWER_JOURNEY_SCREENS", Path(__file__).resolve().parent / "screens"))


@pytest.fixture(scope="session")
def display() -> Iterator[Display]:
    why = missing_tools()
    if why:
        pytest.skip(why)
    shutil.rmtree(SCREENS, ignore_errors=True)
    SCREENS.mkdir(parents=True)
    print(f"\njourney screenshots: {SCREENS}")
    with desktop(SCREENS) as d:
        yield d
