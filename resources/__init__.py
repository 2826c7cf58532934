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
    """The sample letters about fictional councils that seed a new library, each in the form it would come
    in: the committee report as the council's Word document, a letter as its PDF, else its text."""
    import reviewer.samples as samples

    folder = Path(samples.__file__).resolve().parent
    rank = {".docx": 0, ".pdf": 1, ".txt": 2, ".md": 2}
    best: dict[str, Path] = {}
    for p in sorted(folder.iterdir()):
        kind = rank.get(p.suffix.lower())
        if kind is not None and (p.stem not in best or kind < rank[best[p.stem].suffix.lower()]):
            best[p.stem] = p
    return sorted(best.values())
