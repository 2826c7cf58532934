"""Letters highlighted in other processes give the same pack as letters highlighted here."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pack_desks import EASTMERE, THORNBURY, Desk  # type: ignore[import-not-found]
from reviewer.export.pack import export_pack
from reviewer.letters.parallel import Jobs, workers_for

ROOT = Path(__file__).resolve().parents[2]


def _boom(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x * x


def test_jobs_give_results_in_order_and_pass_on_errors() -> None:
    jobs = Jobs([(_boom, i) for i in range(8)])
    try:
        assert [jobs.get(i) for i in (0, 1, 2)] == [0, 1, 4]
        with pytest.raises(ValueError, match="three"):
            jobs.get(3)
        assert jobs.get(7) == 49
    finally:
        jobs.close()


def _texts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.endswith((".pdf", ".qdpx", ".xlsx", "manifest.json"))}


def _highlights(path: Path) -> list[list[str]]:
    import pymupdf

    out = []
    with zipfile.ZipFile(path) as z:
        for n in sorted(z.namelist()):
            if n.startswith("letters/"):
                doc = pymupdf.open("pdf", z.read(n))
                out.append([f"{a.type[1]}:{a.info['content']}" for page in doc for a in page.annots()])
                doc.close()
    return out


def test_pack_from_processes_equals_pack_made_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    desk = Desk(tmp_path / "desk", "Ann Auditor")
    try:
        for i, src in enumerate([THORNBURY, EASTMERE] * 4):
            data = src.read_bytes() + (b"\n%" if src.suffix == ".pdf" else b"\n") + str(i).encode()
            copy = tmp_path / f"{src.stem}-{i}{src.suffix}"
            copy.write_bytes(data)
            lid = desk.add(copy)
            quote = "drift and delay mean" if src == THORNBURY else "Leaders have made some progress"
            desk.tag(lid, quote, ["leadership"], "improvement", f"note {i}")
        ids = list(desk.lib.letters)
        if workers_for(len(ids) + 5) == 0:
            pytest.skip("this machine has one CPU: no processes are used")
        parallel = export_pack(desk.ws, ids, tmp_path / "parallel.zip", "Ann Auditor")
        monkeypatch.setenv("REVIEWER_NO_PROCESSES", "1")
        here = export_pack(desk.ws, ids, tmp_path / "here.zip", "Ann Auditor")
        a, b = _texts(parallel), _texts(here)
        a.pop("data/pack.json")
        b.pop("data/pack.json")
        a.pop("summary.html"), b.pop("summary.html")  # both carry their export time
        assert a == b
        assert _highlights(parallel) == _highlights(here)
        assert sum(len(h) for h in _highlights(parallel)) >= 8
    finally:
        desk.store.close()
