import dataclasses
import json
from pathlib import Path

import pytest

from reviewer.core.annotations.commands import AddAnnotation, UndoStack
from reviewer.workspace import Workspace
from reviewer.letters.importing import prepare_path
from reviewer.core.annotations.tagging import locate_quote, new_annotation
from reviewer.store.repository import LibraryError, LibraryStore


def _tag(store, letter, quote, sev="improvement"):
    ex = Workspace(store).text(letter.id)
    s, e = locate_quote(ex.text, quote)
    a = new_annotation(ex.text, ex.page_starts, letter.id, s, e, ["planning"], sev, "note", "Ann")
    UndoStack(store.library).push(AddAnnotation(a))
    return a


def test_new_library_has_codebook_and_persists(tmp_path: Path, samples: Path):
    path = tmp_path / "lib.json"
    store = LibraryStore(path)
    assert store.created and len(store.library.themes) >= 30
    letter, new = store.add_prepared(prepare_path(samples / "thornbury_vale_2025_focused_visit.pdf"))
    assert new
    a = _tag(store, letter, "Too many plans are lists of services")
    store.close()
    assert not list(tmp_path.glob(".*.tmp"))
    again = LibraryStore(path)
    assert not again.created
    assert again.library.annotations[a.id] == a
    assert again.library.letters[letter.id].meta.authority == "Thornbury Vale"
    assert again.letter_file(letter).read_bytes() == (samples / "thornbury_vale_2025_focused_visit.pdf").read_bytes()
    again.close()


def test_same_content_is_one_letter(store, samples: Path, tmp_path: Path):
    src = samples / "eastmere_2024_monitoring_visit.pdf"
    copy = tmp_path / "renamed.pdf"
    copy.write_bytes(src.read_bytes())
    l1, new1 = store.add_prepared(prepare_path(src))
    l2, new2 = store.add_prepared(prepare_path(copy))
    assert new1 and not new2 and l1.id == l2.id and len(store.library.letters) == 1


def test_a_flushed_change_is_on_disk(store, samples: Path):
    """Once ``flush`` returns, a reopening process finds the change (how soon is bench_tagging's figure)."""
    letter, _ = store.add_prepared(prepare_path(samples / "eastmere_2024_monitoring_visit.txt"))
    a = _tag(store, letter, "leaves some children at risk", "priority")
    assert store.flush()
    assert a.id in annotations_on_disk(store.path)  # what a reopening process would find


def annotations_on_disk(path: Path) -> dict:
    """The library file with its journal replayed: exactly what opening the library would read."""
    from reviewer.store.journal import Journal

    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() and path.stat().st_size else {}
    records = {d["id"]: d for d in data.get("annotations", {}).values()}
    for table, key, doc in Journal(path.with_name(path.name + ".journal")).read():
        if table == "annotations":
            if doc is None:
                records.pop(key, None)
            else:
                records[key] = doc
    return records


def test_journal_is_replayed_and_a_torn_last_line_ignored(tmp_path: Path, samples: Path):
    path = tmp_path / "lib.json"
    store = LibraryStore(path)
    letter, _ = store.add_prepared(prepare_path(samples / "eastmere_2024_monitoring_visit.txt"))
    store.flush()  # a new library's first write creates the file
    a = _tag(store, letter, "leaves some children at risk", "priority")
    store.flush()
    journal = path.with_name(path.name + ".journal")
    assert journal.stat().st_size > 0  # the change went to the journal, not a whole-file rewrite
    copy = tmp_path / "copy.json"  # the state a crash would leave: file plus journal, no compaction
    copy.write_bytes(path.read_bytes())
    copy.with_name(copy.name + ".journal").write_bytes(journal.read_bytes() + b"0badc0de [[\"annotations\"")
    store.close()
    assert journal.stat().st_size == 0 and a.id in json.dumps(json.loads(path.read_text()))  # folded in on close
    crashed = LibraryStore(copy)
    assert crashed.library.annotations[a.id].severity == "priority"
    crashed.close()
    assert copy.with_name(copy.name + ".journal").stat().st_size == 0


@pytest.mark.parametrize("content", [b'{"letters": {"1": {"id": ', b"\x00\x01garbage", b"[1, 2, 3]"])
def test_damaged_library_is_reported_and_left_untouched(tmp_path: Path, content: bytes):
    path = tmp_path / "lib.json"
    path.write_bytes(content)
    with pytest.raises(LibraryError, match="left untouched|not a Reviewer library"):
        LibraryStore(path)
    assert path.read_bytes() == content


def test_changed_extraction_reanchors_and_keeps_unplaceable(store, samples: Path):
    letter, _ = store.add_prepared(prepare_path(samples / "kingsford_2025_committee_progress_report.txt"))
    kept = _tag(store, letter, "bed and breakfast accommodation was used")
    lost = _tag(store, letter, "The vacancy rate for social workers")
    # simulate a newer extractor producing shifted text without one passage
    ex = Workspace(store).text(letter.id)
    new_text = "A new first line.\n" + ex.text.replace("The vacancy rate for social workers", "Vacancies")
    moved = Workspace(store).adopt_text(letter, dataclasses.replace(ex, text=new_text, extractor="text/2"))
    anns = store.library.annotations
    assert anns[kept.id].start == kept.start + len("A new first line.\n") and not anns[kept.id].orphaned
    assert anns[lost.id].orphaned and anns[lost.id].quote == lost.quote
    assert {a.id for a in moved} == {kept.id, lost.id}


def test_schema_from_newer_app_is_refused(tmp_path: Path):
    path = tmp_path / "lib.json"
    path.write_text(json.dumps({"meta": {"1": {"schema": 999}}}))
    with pytest.raises(LibraryError, match="newer Reviewer"):
        LibraryStore(path)
    # its records may hold what this version does not know (a step of the scale added since): said to be a newer
    # version's library, not a damaged one, and left as it is
    row = {"id": "a1", "letter_id": "0" * 64, "start": 0, "end": 4, "quote": "Text", "prefix": "", "suffix": "",
           "pages": [1], "themes": [], "severity": "critical"}
    path.write_text(json.dumps({"annotations": {"1": row}, "meta": {"2": {"schema": 2}}}))
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer Reviewer"):
        LibraryStore(path)
    assert path.read_bytes() == before


def test_a_long_journal_is_folded_in_at_a_quiet_moment(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    from reviewer.core.annotations.model import Theme
    from reviewer.store import repository

    monkeypatch.setattr(repository, "JOURNAL_LIMIT", 200)
    monkeypatch.setattr(repository, "IDLE_COMPACT", 0.3)
    store = LibraryStore(tmp_path / "lib.json")
    try:
        store.flush()  # (a new library's file is written at once)
        for i in range(5):
            store.library.put_theme(Theme(id=f"t{i}", label=f"Theme {i}", colour="#123456"))
        assert store.flush()
        assert store.journal.size > 200  # written to the journal first...
        deadline = time.monotonic() + 5
        while store.journal.size and time.monotonic() < deadline:
            time.sleep(0.05)
        assert store.journal.size == 0  # ...then folded into the library file once nothing more came
        assert "t4" in (tmp_path / "lib.json").read_text(encoding="utf-8")
    finally:
        store.close()
