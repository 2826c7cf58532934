"""What the window's controllers (tagging, packs, reviews, search, importing, exporting) may reach of
the main window, as a protocol: they depend on this, never on the main window's module, so the rooms
of ui import downwards only (shell composes; it is never imported back)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QStatusBar

from reviewer.core.annotations.library import Library
from reviewer.ui.kit.worker import WorkerHost
from reviewer.workspace import Workspace


class AppWindow(Protocol):
    ws: Workspace  # every change goes through it
    lib: Library  # the workspace's library, for reading
    settings: QSettings  # UI state only
    host: WorkerHost  # slow work and PyMuPDF
    letter_id: str | None  # the letter on screen

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name

    def __getattr__(self, name: str) -> Any: ...  # the panels and widgets it composes
