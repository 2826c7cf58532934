from pathlib import Path

from reviewer.core.documents import decode_text
from reviewer.core.metadata import read_metadata
from reviewer.core.structure import improvement_items, sentence_at, word_at


def _meta(path: Path):
    return read_metadata(decode_text(path.read_bytes()).text)


def test_sample_letters_metadata(samples: Path):
    m = _meta(samples / "thornbury_vale_2025_focused_visit.txt")
    assert (m.authority, m.doc_type, m.visit_start, m.visit_end, m.published) == (
        "Thornbury Vale", "focused visit", "2025-02-11", "2025-02-12", "2025-03-12")
    assert m.inspectors == ("Daniel Okafor", "Ruth Pemberton")
    m = _meta(samples / "eastmere_2024_monitoring_visit.txt")
    assert (m.authority, m.doc_type) == ("Eastmere", "monitoring visit")
    m = _meta(samples / "kingsford_2025_committee_progress_report.txt")
    assert m.doc_type == "committee report" and m.published == "2025-06-24"


def test_shared_letters_metadata(shared_letters: Path):
    m = _meta(shared_letters / "warrington_2022_focused_visit.txt")
    assert (m.authority, m.doc_type, m.visit_start, m.published) == ("Warrington", "focused visit", "2021-12-15", "2022-01-31")
    assert m.inspectors == ("Lorna Schlechte", "Lisa Walsh")
    m = _meta(shared_letters / "st_helens_2018_focused_visit.txt")
    assert m.authority == "St Helens" and m.inspectors == ("Shabana Abasi", "Stella Elliott")


def test_improvement_items_and_sentences(samples: Path):
    text = decode_text((samples / "thornbury_vale_2025_focused_visit.txt").read_bytes()).text
    items = improvement_items(text)
    assert len(items) == 4 and items[0][2].startswith("The quality of child protection")
    i = text.index("Too many plans")
    s, e = sentence_at(text, i + 5)
    assert text[s:e] == "Too many plans are lists of services rather than actions that will make a difference for the child."
    s, e = word_at(text, i + 5)
    assert text[s:e] == "many"
