"""The corpus golds keep offsets, fingerprints and labels, never a document's text, and their fingerprints
are still the corpus documents' own (where ../shared is present)."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from reviewer.core.reading.outline import analyse, unit_key
from reviewer.letters.pdf_text import pdf_text

GOLD = Path(__file__).resolve().parents[1] / "gold"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "reports"
LABELS = {"strength", "context", "improvement", "priority", "none"}


def corpus_golds() -> list[Path]:
    return sorted([*GOLD.glob("corpus_*.json"), GOLD / "second_reader_priority.json", GOLD / "priority_decisions.json"])


@pytest.mark.parametrize("path", corpus_golds(), ids=lambda p: p.name)
def test_a_corpus_gold_holds_offsets_fingerprints_and_labels_only(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["documents"]
    for name, entry in gold["documents"].items():
        assert entry["split"] in ("development", "validation"), name
        last = -1
        for u in entry["units"]:
            assert set(u) <= {"start", "end", "key", "label", "themes"}, (name, sorted(u))
            assert 0 <= u["start"] < u["end"] and u["start"] >= last, (name, u["start"])
            assert len(u["key"]) == 16 and u["label"] in LABELS
            last = u["start"]


def test_the_second_blind_reading_is_of_the_first_readings_documents_and_units() -> None:
    """Each unit the second auditor read is a unit of the corpus document, where the first reading has it."""
    second = json.loads((GOLD / "second_reader_priority.json").read_text(encoding="utf-8"))["documents"]
    first = {}
    for f in GOLD.glob("corpus_development*.json"):
        first.update(json.loads(f.read_text(encoding="utf-8"))["documents"])
    assert set(second) <= set(first)
    labels = [u["label"] for entry in second.values() for u in entry["units"]]
    assert len(labels) == 560 and {"priority", "improvement"} <= set(labels)
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available in this checkout")
    for name, entry in second.items():
        with pymupdf.open(CORPUS / name) as doc:
            text, starts = pdf_text(doc)  # the canonical text, as the app and the bench read it
        st = analyse(text, starts)
        keys = {(u["start"], u["end"]): u["key"] for u in first[name]["units"]}
        for u in entry["units"]:
            assert unit_key(text, u["start"], u["end"], st.furniture) == u["key"], (name, u["start"])
            assert keys.get((u["start"], u["end"]), u["key"]) == u["key"]


def test_the_decisions_only_reports_are_development_reports_no_whole_gold_holds() -> None:
    """tests/gold/priority_decisions.json: failing-service weaknesses of development reports read for that decision
    alone; never a document the whole-document gold labels (the suggestion bench would score it as whole), and
    each unit is its corpus document's, fingerprint and all."""
    decided = json.loads((GOLD / "priority_decisions.json").read_text(encoding="utf-8"))["documents"]
    whole = set()
    for f in GOLD.glob("corpus_*.json"):
        whole |= set(json.loads(f.read_text(encoding="utf-8"))["documents"])
    assert decided and not set(decided) & whole
    assert {e["split"] for e in decided.values()} == {"development"}
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available in this checkout")
    for name, entry in decided.items():
        with pymupdf.open(CORPUS / name) as doc:
            text, starts = pdf_text(doc)
        st = analyse(text, starts)
        units = set(st.units)
        for u in entry["units"]:
            assert (u["start"], u["end"]) in units and unit_key(text, u["start"], u["end"], st.furniture) == u["key"]
