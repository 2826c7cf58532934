"""REFI-QDA projects coming in (issue 17): our own pack's project.qdpx round trip, and archives built
here in the shapes QualCoder and ATLAS.ti write (REFI-QDA 1.5, ../shared/refi-qda); hostile archives
are refused with nothing imported."""

from __future__ import annotations

import io
import json
import os
import uuid
import zipfile
from html import escape
from pathlib import Path

import pytest

from reviewer.cli.main import main
from reviewer.export.pack import export_pack
from reviewer.export.pack_read import PackError

from pack_desks import EASTMERE, THORNBURY, Desk  # type: ignore[import-not-found]

SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "refi-qda"
TEXT = ("Dear Director,\n\nInspectors found that children are seen promptly by social workers.\n"
        "However, too many plans lack clear timescales and drift.\nLeaders know their services well.\n")


def _g(upper: bool = False) -> str:
    g = str(uuid.uuid4())
    return g.upper() if upper else g


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _span(text: str, quote: str) -> tuple[int, int]:
    s = text.index(quote)
    return s, s + len(quote)


def qualcoder_project(folder: Path) -> Path:
    """A project as QualCoder exports one: categories, codes with colours, a TextSource whose text is
    in sources/ with a byte-order mark, codings with memos, a note referred to from a coding."""
    user, drift, seen, timely, sev, note = _g(), _g(), _g(), _g(), _g(), _g()
    a, b = _span(TEXT, "too many plans lack clear timescales and drift"), _span(TEXT, "children are seen promptly")
    txt, pdf, pdf_txt = _g() + ".txt", _g() + ".pdf", _g() + ".txt"
    # the PDF's text as the tool read it holds a sentence our reading of the PDF does not
    pdf_text = "Inspectors heard from many families. " + "This sentence is not in the letter."
    c = _span(pdf_text, "This sentence is not in the letter.")
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Audit" origin="QualCoder 3.6" creationDateTime="2025-03-01T10:00:00Z">
<Users><User guid="{user}" name="Cara Coder"/></Users>
<CodeBook><Codes>
<Code guid="{_g()}" name="Themes" isCodable="false">
<Code guid="{drift}" name="Timeliness, drift and delay" isCodable="true" color="#1B5E20"/>
<Code guid="{seen}" name="Visits to children" isCodable="true" color="#3498DB"><Description>Seen and heard</Description></Code>
<Code guid="{timely}" name="Planning and reviews" isCodable="true" color="#CB5E3C"/>
</Code>
<Code guid="{_g()}" name="Severity" isCodable="false">
<Code guid="{sev}" name="Area for improvement" isCodable="true" color="#FF6F00"/>
</Code>
</Codes></CodeBook>
<Sources>
<TextSource guid="{_g()}" name="westbrook_letter.txt" plainTextPath="internal://{txt}" creatingUser="{user}" creationDateTime="2025-03-01T10:00:00Z">
<PlainTextSelection guid="{_g()}" name="drift" startPosition="{a[0]}" endPosition="{a[1]}" creatingUser="{user}" creationDateTime="2025-03-02T09:00:00Z">
<Description>Plans drift; see the note</Description>
<Coding guid="{_g()}" creatingUser="{user}"><CodeRef targetGUID="{drift}"/></Coding>
<Coding guid="{_g()}" creatingUser="{user}"><CodeRef targetGUID="{timely}"/></Coding>
<Coding guid="{_g()}" creatingUser="{user}"><CodeRef targetGUID="{sev}"/></Coding>
<NoteRef targetGUID="{note}"/>
</PlainTextSelection>
<PlainTextSelection guid="{_g()}" name="seen" startPosition="{b[0]}" endPosition="{b[1]}" creatingUser="{user}">
<Coding guid="{_g()}" creatingUser="{user}"><CodeRef targetGUID="{seen}"/></Coding>
</PlainTextSelection>
</TextSource>
<PDFSource guid="{_g()}" name="thornbury.pdf" path="internal://{pdf}">
<Representation guid="{_g()}" name="thornbury.pdf" plainTextPath="internal://{pdf_txt}">
<PlainTextSelection guid="{_g()}" name="lost" startPosition="{c[0]}" endPosition="{c[1]}" creatingUser="{user}">
<Coding guid="{_g()}" creatingUser="{user}"><CodeRef targetGUID="{seen}"/></Coding>
</PlainTextSelection>
</Representation>
</PDFSource>
<PictureSource guid="{_g()}" name="genogram.png" path="internal://{_g()}.png"/>
</Sources>
<Notes><Note guid="{note}" name="Memo"><PlainTextContent>Raised with the team manager</PlainTextContent></Note></Notes>
</Project>"""
    return _zip(folder / "Audit.qdpx", {"project.qde": qde.encode("utf-8"), f"sources/{txt}": TEXT.encode("utf-8-sig"),
                                         f"sources/{pdf}": THORNBURY.read_bytes(),
                                         f"sources/{pdf_txt}": pdf_text.encode("utf-8-sig")})


def atlas_project(folder: Path) -> Path:
    """A project as ATLAS.ti exports one: the .qde named after the project, GUIDs in capitals,
    flattened "Group::Code" names, a PDF source kept beside the project (relative path, no
    plainTextPath), a text source with its text in Sources/."""
    pdf = folder / "media" / "thornbury.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(THORNBURY.read_bytes())
    user, code, txt = _g(True), _g(True), _g(True) + ".txt"
    a = _span(TEXT, "Leaders know their services well")
    qde = f"""<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Project xmlns="urn:QDA-XML:project:1.0" origin="ATLAS.ti 24.1.0" name="Thornbury review" basePath="{escape(str(folder / 'media'))}">
<Users><User guid="{user}" name="Ade Atlas"/></Users>
<CodeBook><Codes>
<Code color="#46AA00" isCodable="true" name="Leadership::Knowing the service" guid="{code}"><Description>Leaders' grip</Description></Code>
</Codes></CodeBook>
<Sources>
<PDFSource guid="{_g(True)}" name="thornbury.pdf" path="relative:///thornbury.pdf"/>
<TextSource guid="{_g(True)}" name="Westbrook notes.docx" richTextPath="internal://{_g(True)}.docx" plainTextPath="internal://{txt}">
<PlainTextSelection guid="{_g(True)}" startPosition="{a[0]}" endPosition="{a[1]}" creatingUser="{user}" name="Leaders know">
<Coding guid="{_g(True)}"><CodeRef targetGUID="{code}"/></Coding>
</PlainTextSelection>
</TextSource>
</Sources>
</Project>"""
    return _zip(folder / "Thornbury review.qdpx", {"Thornbury review.qde": qde.encode("utf-8"),
                                                   f"Sources/{txt}": TEXT.encode("utf-8")})


def test_a_pack_project_round_trips_through_project_import(tmp_path: Path) -> None:
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    t, e = ann.add(THORNBURY), ann.add(EASTMERE)
    ann.tag(t, "drift and delay mean", ["timeliness", "planning"], "improvement", "Plans drift\nsecond line")
    ann.tag(t, "leaders in Thornbury Vale have strengthened the front door", ["front-door"], "strength")
    ann.tag(e, "Leaders have made some progress since the last monitoring visit", ["leadership"], "priority", "Slow")
    pack = zipfile.ZipFile(export_pack(ann.ws, list(ann.lib.letters), tmp_path / "ann.zip", "Ann Auditor"))
    qdpx = tmp_path / "ann.qdpx"
    qdpx.write_bytes(pack.read("project.qdpx"))
    meg = Desk(tmp_path / "meg", "Meg Manager")
    outcome = meg.ws.import_project(qdpx)
    assert any("2 new letters" in line for line in outcome.lines), outcome.lines

    def seen(desk: Desk) -> set[tuple[str, tuple[str, ...], str, str, str]]:
        lib = desk.lib
        return {(" ".join(a.quote.split()), tuple(sorted(lib.theme_label(x) for x in a.themes)), a.severity, a.note,
                 a.author) for a in lib.annotations.values()}

    assert seen(meg) == seen(ann)
    assert not any(a.orphaned for a in meg.lib.annotations.values())
    meg.ws.undo_last()  # one step
    assert not meg.lib.annotations and not meg.lib.letters
    ann.store.close()
    meg.store.close()


def test_a_packs_own_project_names_the_letters_the_library_holds(tmp_path: Path) -> None:
    """A pack's project.qdpx carries cleaned copies of its letters (other bytes, other ids) and a text letter
    as its typeset pages: imported where those letters are, it adds no second copy of them, and brings
    back no annotation the library already holds; another library's codings land on its own letters."""
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    t, e = ann.add(THORNBURY), ann.add(EASTMERE)
    ann.tag(t, "drift and delay mean", ["timeliness"], "improvement", "Plans drift")
    ann.tag(e, "Leaders have made some progress since the last monitoring visit", ["leadership"], "priority")
    pack = zipfile.ZipFile(export_pack(ann.ws, list(ann.lib.letters), tmp_path / "ann.zip", "Ann Auditor"))
    qdpx = tmp_path / "ann.qdpx"
    qdpx.write_bytes(pack.read("project.qdpx"))
    before = dict(ann.lib.annotations)
    outcome = ann.ws.import_project(qdpx)
    assert set(ann.lib.letters) == {t, e} and ann.lib.annotations == before, outcome.lines
    assert sum("the project's copy of it is this letter (1 coding already here)" in line
               for line in outcome.lines) == 2, outcome.lines

    bea = Desk(tmp_path / "bea", "Bea Auditor")  # the same letters, her own library, nothing tagged yet
    assert (bea.add(THORNBURY), bea.add(EASTMERE)) == (t, e)
    bea.ws.import_project(qdpx)
    assert set(bea.lib.letters) == {t, e}
    placed = {(a.letter_id, " ".join(a.quote.split())) for a in bea.lib.annotations.values()}
    assert placed == {(t, "drift and delay mean"),
                      (e, "Leaders have made some progress since the last monitoring visit")}
    assert not any(a.orphaned for a in bea.lib.annotations.values())
    bea.ws.undo_last()  # one step
    assert not bea.lib.annotations and set(bea.lib.letters) == {t, e}
    for desk in (ann, bea):
        desk.store.close()


def test_a_qualcoder_project_imports_with_memos_notes_users_and_what_could_not_be_placed(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = qualcoder_project(tmp_path)
    if (SCHEMAS / "Project.xsd").is_file():
        pytest.importorskip("xmlschema").XMLSchema(str(SCHEMAS / "Project.xsd")).validate(
            io.BytesIO(zipfile.ZipFile(path).read("project.qde")))
    outcome = ws.import_project(path)
    lib = ws.library
    letter = next(x for x in lib.letters.values() if x.kind == "text")
    assert letter.title == "westbrook_letter" and len(lib.letters) == 2
    anns = {a.quote: a for a in lib.annotations.values()}
    drift = anns["too many plans lack clear timescales and drift"]
    assert {lib.theme_label(t) for t in drift.themes} == {"Timeliness, drift and delay", "Planning and reviews"}
    assert drift.severity == "improvement" and drift.author == "Cara Coder"
    assert drift.note == "Plans drift; see the note\n\nRaised with the team manager"
    assert drift.created.startswith("2025-03-02")
    seen = anns["children are seen promptly"]
    assert [lib.theme_label(t) for t in seen.themes] == ["Visits to children"] and seen.severity == "context"
    assert "Area for improvement" not in {t.label for t in lib.themes.values()}  # a severity, not a theme
    lost = next(a for a in lib.annotations.values() if a.orphaned)  # its text is not in the letter: kept, flagged
    assert lost.quote == "This sentence is not in the letter."
    text = "\n".join(outcome.lines)
    assert "needs attention" in text and "“This sentence is not in the letter.”" in text and "genogram.png" in text


def test_an_atlas_ti_project_with_a_source_beside_it_imports(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = ws.import_project(atlas_project(tmp_path))
    lib = ws.library
    kinds = sorted(x.kind for x in lib.letters.values())
    assert kinds == ["pdf", "text"], outcome.lines
    (a,) = lib.annotations.values()
    assert a.quote == "Leaders know their services well" and a.author == "Ade Atlas" and not a.orphaned
    assert [lib.theme_label(t) for t in a.themes] == ["Leadership::Knowing the service"]


def test_the_command_line_imports_a_project(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "lib.json")
    assert main(["project", "import", "--db", db, str(qualcoder_project(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "from QualCoder 3.6" in out and "2 new letters" in out
    assert main(["annotations", "--db", db, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def _hostile(tmp_path: Path, kind: str) -> Path:
    good = zipfile.ZipFile(qualcoder_project(tmp_path))
    members = {n: good.read(n) for n in good.namelist()}
    qde = members["project.qde"].decode("utf-8")
    if kind == "zip-slip":
        members["../../outside.txt"] = b"escaped"
    elif kind == "absolute":
        members["/etc/evil.txt"] = b"escaped"
    elif kind == "entities":
        members["project.qde"] = qde.replace('<?xml version="1.0" encoding="utf-8"?>',
                                             '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">'
                                             '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>').replace("Cara Coder", "&b;").encode()
    elif kind == "external":
        members["project.qde"] = qde.replace('<?xml version="1.0" encoding="utf-8"?>',
                                             '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                             ).replace("Cara Coder", "&x;").encode()
    elif kind == "two-projects":
        members["other.qde"] = members["project.qde"]
    path = tmp_path / f"{kind}.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
        if kind == "inflation":
            z.writestr("sources/bomb.txt", b"\0" * (300 * 2**20))
        if kind == "ratio":
            z.writestr("sources/bomb.txt", b"\0" * (20 * 2**20))
    return path


@pytest.mark.parametrize("kind", ["zip-slip", "absolute", "inflation", "ratio", "entities", "external", "two-projects"])
def test_a_hostile_archive_is_refused_with_nothing_imported(ws, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    path = _hostile(tmp_path, kind)
    before = (dict(ws.library.letters), dict(ws.library.annotations), dict(ws.library.themes))
    with pytest.raises(PackError):
        ws.import_project(path)
    assert (dict(ws.library.letters), dict(ws.library.annotations), dict(ws.library.themes)) == before
    assert not (tmp_path.parent / "outside.txt").exists()


def test_a_project_cannot_pull_in_files_from_elsewhere_on_this_computer(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A project names any path it likes: a source outside the project's own folder is never read from
    disk (a hostile .qdpx would otherwise carry a local file into the library, and from there into packs)."""
    elsewhere = tmp_path / "private" / "secret.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text("Dear Ms Okafor, this is a private file that must stay where it is.\n", encoding="utf-8")
    folder = tmp_path / "projects"
    folder.mkdir()
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" origin="Hostile" name="p">
<Sources>
<TextSource guid="{_g(True)}" name="secret.txt" plainTextPath="absolute://{escape(str(elsewhere))}"/>
<TextSource guid="{_g(True)}" name="also secret.txt" plainTextPath="relative:///../private/secret.txt"/>
</Sources>
</Project>"""
    path = _zip(folder / "hostile.qdpx", {"project.qde": qde.encode("utf-8")})
    from reviewer.workspace import USER_ERRORS

    with pytest.raises(USER_ERRORS, match="none of its sources can be a letter"):
        ws.import_project(path)
    assert not ws.library.letters


def test_a_source_read_from_beside_the_project_is_named(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An attack (stop 48): a hand-written project in a downloads folder named a file beside it, which joined the
    library (and from there would go into packs) with only "1 new letter" said. A source read from this computer,
    not from the project file, is named with its path in what the import says."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    beside = folder / "notes.txt"
    beside.write_text(TEXT, encoding="utf-8")
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" origin="Hand-written" name="p">
<Sources><TextSource guid="{_g(True)}" name="notes.txt" plainTextPath="absolute://{escape(str(beside))}"/></Sources>
</Project>"""
    path = _zip(folder / "project.qdpx", {"project.qde": qde.encode("utf-8")})
    outcome = ws.import_project(path)
    assert len(ws.library.letters) == 1
    assert any(line == f"read from this computer, not from the project file: {beside.resolve()}"
               for line in outcome.lines), outcome.lines


def test_a_project_of_undated_codings_imported_again_keeps_the_auditors_edits(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An attack found it: a coding with no date was given the time of the import, so the same project
    imported again was "newer" than every edit made since, and put the old note and severity back. An
    undated coding has the project's own time (else its file's): importing it again changes nothing."""
    a, b = _span(TEXT, "too many plans lack clear timescales and drift")
    code = _g()
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Undated" origin="A tool">
<CodeBook><Codes><Code guid="{code}" name="Planning and reviews" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="{_g()}" name="letter.txt"><PlainTextContent>{escape(TEXT)}</PlainTextContent>
<PlainTextSelection guid="{_g()}" startPosition="{a}" endPosition="{b}"><Description>their note</Description>
<Coding guid="{_g()}"><CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>
</TextSource></Sources></Project>"""
    path = _zip(tmp_path / "undated.qdpx", {"project.qde": qde.encode("utf-8")})
    ws.import_project(path)
    (ann,) = ws.library.annotations.values()
    ws.edit_annotation(ann.id, note="my own reading", severity="priority")
    again = "\n".join(ws.import_project(path).lines)
    kept = ws.library.annotations[ann.id]
    assert (kept.note, kept.severity) == ("my own reading", "priority")
    assert "0 updated by a newer edit" in again and "1 older copies ignored" in again
    os.utime(path, (2_000_000_000, 2_000_000_000))  # a fresh copy or download of the same project: no newer
    again = "\n".join(ws.import_project(path).lines)
    assert (ws.library.annotations[ann.id].note, "0 updated by a newer edit") == ("my own reading", "0 updated by a newer edit")
    assert "0 updated by a newer edit" in again
