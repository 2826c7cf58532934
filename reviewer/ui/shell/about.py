"""Help > About: the version, the project's licence and the licences of everything the app bundles."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer import __version__
from reviewer.resources import UnknownResource, icon_path, read_text


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    files: tuple[str, ...]  # under resources/licenses/, shown one after the other
    url: str


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "bundled"


def components() -> list[Component]:
    """Reviewer first, then what a built copy of it carries, each with its licence text."""
    return [
        Component("Reviewer", __version__, "AGPL-3.0-or-later", ("AGPL-3.0.txt",), "the source this copy was built from"),
        Component("Python", sys.version.split()[0], "PSF-2.0", ("PSF-2.0-Python.txt",), "https://www.python.org"),
        Component("Qt", qVersion(), "LGPL-3.0-only", ("LGPL-3.0.txt", "GPL-3.0.txt"), "https://www.qt.io"),
        Component("Qt for Python (PySide6)", _dist_version("PySide6-Essentials"), "LGPL-3.0-only",
                  ("LGPL-3.0.txt", "GPL-3.0.txt"), "https://pypi.org/project/PySide6-Essentials"),
        Component("PyMuPDF and MuPDF", _dist_version("pymupdf-lite"), "AGPL-3.0", ("AGPL-3.0.txt",),
                  "https://pypi.org/project/pymupdf-lite"),
        Component("TinyDB", _dist_version("tinydb"), "MIT", ("MIT-TinyDB.txt",), "https://pypi.org/project/tinydb"),
        Component("XlsxWriter", _dist_version("XlsxWriter"), "BSD-2-Clause", ("BSD-2-Clause-XlsxWriter.txt",),
                  "https://pypi.org/project/XlsxWriter"),
        Component("platformdirs", _dist_version("platformdirs"), "MIT", ("MIT-platformdirs.txt",),
                  "https://pypi.org/project/platformdirs"),
        # not a bundled library: per-word scores computed from its word vectors when the models were trained
        Component("WordLlama (word scores derived)", "0.4.0", "MIT", ("MIT-WordLlama.txt",),
                  "https://pypi.org/project/wordllama"),
    ]


def licence_text(c: Component) -> str:
    parts = []
    for name in c.files:
        try:
            parts.append(read_text(f"licenses/{name}"))
        except UnknownResource:
            parts.append(f"(The text of {name} is missing from this copy of Reviewer.)")
    return f"{c.name} {c.version} — {c.licence}\nSource: {c.url}\n\n" + "\n\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, library_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Reviewer")
        self.resize(720, 620)
        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QIcon(str(icon_path("reviewer"))).pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        head.addWidget(icon)
        text = QLabel(
            f"<h2 style='margin:0'>Reviewer {__version__}</h2>"
            "<p>Annotate children's services inspection letters with themes and severities, export audit "
            "summaries and audit packs, and review them.</p>"
            "<p>Reviewer is free software: you may use, study, share and change it under the terms of the "
            "<b>GNU Affero General Public License, version 3 or later</b>. It comes with no warranty.</p>"
            f"<p>Your library: <code>{library_path}</code></p>")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(text, 1)
        self.table = QTreeWidget()
        self.table.setObjectName("componentsTable")
        self.table.setAccessibleName("Bundled components and their licences")
        self.table.setHeaderLabels(["Component", "Version", "Licence"])
        self.table.setRootIsDecorated(False)
        self.table.setToolTip("Select a component to read its licence")
        self._components = components()
        for c in self._components:
            self.table.addTopLevelItem(QTreeWidgetItem([c.name, c.version, c.licence]))
        for col in range(3):
            self.table.resizeColumnToContents(col)
        self.table.setMaximumHeight(190)
        self.text = QPlainTextEdit()
        self.text.setObjectName("licenceText")
        self.text.setAccessibleName("Licence text")
        self.text.setToolTip("The licence of the component selected above")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.table.currentItemChanged.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(QLabel("What this copy of Reviewer is made of:"))
        lay.addWidget(self.table)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self.table.setCurrentItem(self.table.topLevelItem(0))
        self.table.setFocus()

    def _show(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.text.setPlainText(licence_text(self._components[self.table.indexOfTopLevelItem(item)]))
