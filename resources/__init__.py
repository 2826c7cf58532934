"""Packaged resources (default codebook, icons, style, sample letters), loaded through one lookup.

Installed as ``reviewer.resources``. :func:`path` fails loudly on an unknown name so a typo in an
icon or resource name is a test failure, not a blank button.
"""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parent


class UnknownResource(LookupError):
    """A resource name that the package does not ship."""


def path(name: str) -> Path:
    """Return the file path of the resource ``name`` (e.g. ``"codebook.json"``, ``"icons/tag.svg"``)."""
    candidate = (_ROOT / name).resolve()
    if _ROOT not in candidate.parents or not candidate.is_file():
        raise UnknownResource(f"no resource named {name!r}")
    return candidate


def read_text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


def icon_path(name: str) -> Path:
    return path(f"icons/{name}.svg")


def sample_letters() -> list[Path]:
    """The sample letters about fictional councils that seed a new library (PDF where both exist)."""
    import reviewer.samples as samples

    folder = Path(samples.__file__).resolve().parent
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".pdf", ".txt", ".md"})
    pdf_stems = {p.stem for p in files if p.suffix.lower() == ".pdf"}
    return [p for p in files if p.suffix.lower() == ".pdf" or p.stem not in pdf_stems]
