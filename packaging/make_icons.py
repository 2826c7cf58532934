"""Export the app icon (resources/icons/reviewer.svg) to the files each platform needs.

    python packaging/make_icons.py

writes packaging/icons/: reviewer-N.png for Linux (hicolor sizes 16…512), reviewer.ico for Windows
(16…256, PNG-compressed entries) and reviewer.icns for macOS (16…1024, PNG entries). Qt draws the SVG,
and the .ico and .icns containers are written here: both are a short header and a table of PNGs.
The outputs are committed; run this again after changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "reviewer.svg"
OUT = ROOT / "packaging" / "icons"
LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (type, pixel size) of the PNG entries macOS reads; ic11…ic14 are the @2x versions of 16…512.
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
              (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512))


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(p)
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico of PNG entries (Vista and later read PNG-compressed entries of any size)."""
    sizes = [s for s in ICO_SIZES]
    head = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    table, body = b"", b""
    for s in sizes:
        data = pngs[s]
        table += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return head + table + body


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns of PNG entries."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[s])) + pngs[s] for kind, s in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage and the SVG renderer need one
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(LINUX_SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_TYPES})
    pngs = {s: render_png(s) for s in sizes}
    for s in LINUX_SIZES:
        (OUT / f"reviewer-{s}.png").write_bytes(pngs[s])
    (OUT / "reviewer.ico").write_bytes(ico(pngs))
    (OUT / "reviewer.icns").write_bytes(icns(pngs))
    print(f"{app.applicationName()}: wrote {len(LINUX_SIZES)} PNGs, reviewer.ico and reviewer.icns to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
