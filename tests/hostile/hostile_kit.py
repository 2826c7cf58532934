"""Building hostile libraries, journals and packs by code, and looking at what is on disk."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from reviewer.cli.main import main as cli_main
from reviewer.core.annotations.commands import AddAnnotation, UndoStack
from reviewer.letters.importing import prepare_path
from reviewer.core.annotations.tagging import locate_quote, new_annotation
from reviewer.store.repository import LibraryStore

ROOT = Path(__file__).resolve().parents[2]
THORNBURY = ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf"
QUOTES = ("drift and delay mean", "Leaders in Thornbury Vale have strengthened the front door")


def tag(store: LibraryStore, note: str, quote: str = QUOTES[0]) -> str:
    letter = next(iter(store.library.letters.values()))
    ex = store.saved_text(letter.id)
    assert ex is not None
    start, end = locate_quote(ex.text, quote)
    ann = new_annotation(ex.text, ex.page_starts, letter.id, start, end, ["planning"], "improvement", note, "Ann")
    UndoStack(store.library).push(AddAnnotation(ann))
    return ann.id


def library(folder: Path, tags: int = 3, name: str = "lib.json") -> Path:
    """A closed library with the Thornbury letter and ``tags`` annotations (notes "note 0"...)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    store = LibraryStore(path)
    store.add_prepared(prepare_path(THORNBURY))
    for i in range(tags):
        tag(store, f"note {i}")
    store.close()
    return path


def crashed(folder: Path, lines: int = 5) -> tuple[Path, list[str]]:
    """A library as a crash leaves it: the file, plus a journal of ``lines`` acknowledged lines
    (one new annotation each) not yet folded in. Returns the path and the ids, in order."""
    path = library(folder / "source", tags=0)
    store = LibraryStore(path)
    ids = []
    for i in range(lines):
        ids.append(tag(store, f"journal {i}"))
        store.commit()  # acknowledged: its own fsynced line
    copy = folder / "lib.json"
    copy.write_bytes(path.read_bytes())
    journal(copy).write_bytes(journal(path).read_bytes())
    shutil.copytree(store.files_dir, folder / "lib-letters")
    store.close()
    return copy, ids


def journal(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def journal_lines(path: Path) -> list[bytes]:
    return journal(path).read_bytes().split(b"\n")[:-1]


def annotations_in_file(path: Path) -> dict[str, dict[str, Any]]:
    data = json.loads(path.read_bytes())
    return {d["id"]: d for d in data.get("annotations", {}).values()}


def files_beside(path: Path) -> dict[str, bytes]:
    """Every file in the library's folder (recursively) and its bytes, to prove nothing was written."""
    return {str(p.relative_to(path.parent)): p.read_bytes() for p in sorted(path.parent.rglob("*")) if p.is_file()
            and not p.name.endswith(".lock")}


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    code = cli_main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def resign_pack(src: Path, dst: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Copy an audit pack with its records changed by ``change(records)`` and the manifest's
    checksums made to match: a pack altered by someone who knows the format."""
    from reviewer.export.pack import DATA, MANIFEST

    with zipfile.ZipFile(src) as z:
        members = {i.filename: z.read(i) for i in z.infolist() if not i.is_dir()}
    records = json.loads(members[DATA])
    change(records)
    members[DATA] = json.dumps(records, ensure_ascii=True).encode("utf-8")  # \ud800 escapes survive as text
    manifest = json.loads(members.pop(MANIFEST))
    manifest["files"] = {n: hashlib.sha256(b).hexdigest() for n, b in members.items()}
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in members.items():
            z.writestr(n, b)
        z.writestr(MANIFEST, json.dumps(manifest).encode("utf-8"))
    return dst
