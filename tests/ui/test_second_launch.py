"""One window per library (issue 16, item 3): `reviewer FILE` while the window has the library open
hands the file to that window, which comes forward and opens it, instead of refusing on the lock."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QDir  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.ui.shell.single_instance import Listener, hand_over, server_name  # noqa: E402

LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from reviewer.ui.shell.single_instance import hand_over
app = QCoreApplication([])
sys.exit(0 if hand_over(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]) else 3)
"""


def second_launch(qtbot, library: Path, *files: Path) -> int:
    """What `reviewer FILE` does first, in a process of its own; its exit code."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    launch = subprocess.Popen([sys.executable, "-c", LAUNCH, str(library), *map(str, files)], env=env)
    qtbot.waitUntil(lambda: launch.poll() is not None, timeout=30000)
    return launch.returncode


def test_a_second_launch_hands_its_file_to_the_window_and_quits(letter_window, qtbot, samples: Path):
    w = letter_window
    Listener(w.store.path, w, w.importer.open_paths)
    w.showMinimized()
    assert second_launch(qtbot, w.store.path, samples / "eastmere_2024_monitoring_visit.pdf") == 0
    qtbot.waitUntil(lambda: w.windowTitle() == "Eastmere — monitoring visit 3 — November 2024 — Reviewer", timeout=15000)
    assert not w.isMinimized()


def test_files_handed_over_during_a_dialog_open_once_it_is_closed(letter_window, qtbot, samples: Path):
    """A tag dialog holds the open letter's passage: the handed-over letter must not replace it meanwhile."""
    from PySide6.QtWidgets import QDialog

    w = letter_window
    Listener(w.store.path, w, w.importer.open_paths)
    dialog = QDialog(w)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    assert second_launch(qtbot, w.store.path, samples / "eastmere_2024_monitoring_visit.pdf") == 0
    qtbot.wait(700)
    assert w.windowTitle().startswith("Thornbury Vale")
    dialog.accept()
    qtbot.waitUntil(lambda: w.windowTitle().startswith("Eastmere"), timeout=15000)


def test_with_no_window_on_the_library_a_launch_starts_as_usual(tmp_path: Path):
    started = time.monotonic()
    assert hand_over(tmp_path / "lib.json", [tmp_path / "letter.pdf"]) is False
    assert time.monotonic() - started < 2


@pytest.mark.skipif(sys.platform == "win32", reason="local sockets are files on Unix only")
def test_a_socket_left_by_a_crashed_window_does_not_stop_the_next_one(letter_window, tmp_path: Path):
    lib = tmp_path / "other-lib.json"
    stale = Path(QDir.tempPath()) / server_name(lib)
    with socket.socket(socket.AF_UNIX) as s:  # bound, never unlinked: what a killed window leaves
        s.bind(str(stale))
    try:
        listener = Listener(lib, letter_window, letter_window.importer.open_paths)
        assert listener.server.isListening()
    finally:
        stale.unlink(missing_ok=True)


def test_one_library_one_name(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    assert server_name(tmp_path / "lib.json") == server_name(tmp_path / "sub" / ".." / "lib.json")
    assert server_name(tmp_path / "lib.json") != server_name(tmp_path / "other.json")


def test_a_letter_opened_from_outside_is_the_one_selected_in_the_library(letter_window, qtbot, samples: Path):
    """Seen in the journey's screenshots: the handed-over letter opened, but the library kept the old
    letter selected (its row did not exist yet when the window selected it)."""
    w = letter_window
    w.importer.open_paths([samples / "eastmere_2024_monitoring_visit.pdf"])
    qtbot.waitUntil(lambda: w.windowTitle().startswith("Eastmere"), timeout=15000)
    qtbot.wait(50)
    assert w.library_panel.selected_ids() == [w.onscreen.letter_id]
