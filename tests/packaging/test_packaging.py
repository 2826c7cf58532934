"""What the packaging ships: icons each platform can read, a valid desktop entry and metainfo whose
version is the app's, and a built program's `--self-test` that really opens a letter."""

from __future__ import annotations

import configparser
import os
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reviewer import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PNG = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG
    return struct.unpack(">II", data[16:24])


def test_ico_holds_every_windows_size_as_png() -> None:
    data = (PACKAGING / "icons" / "reviewer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _c, _r, _planes, _bits, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        size = png_size(data[offset:offset + length])
        assert size == (w or 256, h or 256)
        sizes.append(size[0])
    assert {16, 32, 48, 256} <= set(sizes)


def test_icns_holds_retina_sizes_as_png() -> None:
    data = (PACKAGING / "icons" / "reviewer.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, found = 8, {}
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        found[kind] = png_size(data[pos + 8:pos + length])[0]
        pos += length
    assert found[b"ic10"] == 1024 and found[b"ic07"] == 128 and found[b"icp4"] == 16


def test_desktop_entry_and_metainfo_agree_with_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "org.reviewer.Reviewer.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Exec"].startswith("reviewer ")
    assert "application/pdf" in d["MimeType"] and "application/zip" in d["MimeType"]
    meta = ET.parse(PACKAGING / "linux" / "org.reviewer.Reviewer.metainfo.xml").getroot()
    assert meta.findtext("id") == d["Icon"] == "org.reviewer.Reviewer"
    assert meta.find("launchable").text == "org.reviewer.Reviewer.desktop"  # type: ignore[union-attr]
    assert meta.find("releases/release").get("version") == __version__  # type: ignore[union-attr]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert meta.findtext("project_license") == project["license"]
    for size in (16, 32, 48, 128, 256, 512):
        assert png_size((PACKAGING / "icons" / f"reviewer-{size}.png").read_bytes()) == (size, size)


def test_about_box_licences_are_all_shipped() -> None:
    pytest.importorskip("PySide6")
    from reviewer.ui.shell.about import components, licence_text

    names = [c.name for c in components()]
    assert names[0] == "Reviewer" and {"Qt", "PyMuPDF and MuPDF", "TinyDB", "XlsxWriter", "Python"} <= set(names)
    for c in components():
        text = licence_text(c)
        assert "is missing" not in text and len(text) > 500
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in licence_text(components()[0])
    assert (ROOT / "LICENSE").read_text() == licence_text(components()[0]).split("\n\n", 1)[1]


def run_self_test(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "reviewer", "--self-test", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_self_test_opens_a_letter_in_the_window(samples: Path) -> None:
    done = run_self_test(str(samples / "thornbury_vale_2025_focused_visit.pdf"))
    assert done.returncode == 0, done.stderr
    assert "ok: opened thornbury_vale_2025_focused_visit.pdf (3 pages" in done.stdout


def test_self_test_passes_a_letter_that_opened_with_a_note(tmp_path: Path) -> None:
    """A council's letter saved as Windows-1252 (stop 46): every character was read right, but the self-test
    failed on the note that says so. It opens: ok, with the note."""
    letter = tmp_path / "westfold_letter.txt"
    letter.write_bytes("Westfold Council\n\nDear Director\n\nCare leavers’ plans are “clear”; £2m was spent.\n"
                       .encode("cp1252"))
    done = run_self_test(str(letter))
    assert done.returncode == 0, done.stderr
    assert "ok: opened westfold_letter.txt" in done.stdout and "read as Windows-1252" in done.stdout


def test_self_test_fails_clearly_on_a_damaged_letter(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF")
    done = run_self_test(str(bad))
    assert done.returncode == 1
    assert "FAILED" in done.stderr and "broken.pdf" in done.stderr and "Traceback" not in done.stderr
