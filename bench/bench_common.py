"""What the benchmarks share: the documents they use and the line that says which machine ran them."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def report_sources() -> list[Path]:
    """The published reports in ../shared/reports, or the sample letters when that folder is absent."""
    reports = ROOT.parent / "shared" / "reports"
    found = sorted(reports.glob("*.pdf")) if reports.is_dir() else []
    return found or sorted((ROOT / "sample_docs").glob("*.pdf"))


def machine() -> str:
    return (f"machine: {platform.machine()} {platform.system()} {platform.release()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}")


def write_resource(path: Path, data: dict) -> int:
    """Write a trained table the app ships (resources/*.json) as every trainer does, compact with a final
    newline: its size in KB."""
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    return path.stat().st_size // 1024
