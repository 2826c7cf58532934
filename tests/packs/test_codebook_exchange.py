"""Codebooks coming back from the other tools (issue 17, item 6), each built here in the shape that
tool writes (REFI-QDA 1.5, ../shared/refi-qda): QualCoder's, with a byte-order mark, its categories,
new GUIDs on every export and every colour snapped to its palette; an older QualCoder's, whose
categories are codable and whose namespace reads "codebook:1:0"; ATLAS.ti's, with descriptions,
"Group::Code" names and upper-case GUIDs; and our own export edited in a tool that keeps GUIDs."""

from __future__ import annotations

import io
import uuid
from html import escape
from pathlib import Path

import pytest

from reviewer.core.annotations.codebook import severities
from reviewer.export.refiqda import CodebookError, read_qdc, theme_guid
from reviewer.workspace import Workspace

SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "refi-qda"
QUALCODER_PALETTE = {  # the nearest colour of QualCoder's palette (color_selector.color_matcher) to ours
    "#e02828": "#B71C1C", "#284fad": "#0D47A1", "#2e7d32": "#487E4B", "#78909c": "#7EA793",
    "#ef9a00": "#FF6F00", "#c62828": "#B71C1C",
}


def _validate(data: bytes) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    if (SCHEMAS / "Codebook.xsd").is_file():
        xmlschema.XMLSchema(str(SCHEMAS / "Codebook.xsd")).validate(io.BytesIO(data))


def _guid() -> str:
    return str(uuid.uuid4())


def _code(name: str, colour: str | None, description: str = "", codable: bool = True, inner: str = "") -> str:
    colour_attr = f' color="{colour}"' if colour else ""
    body = (f"<Description>{escape(description)}</Description>" if description else "") + inner
    return (f'<Code guid="{_guid()}" name="{escape(name)}" isCodable="{"true" if codable else "false"}"{colour_attr}>'
            f"{body}</Code>")


def qualcoder_qdc(ws: Workspace, *, older: bool = False) -> bytes:
    """Our project as QualCoder exports its codebook after importing it: categories "Themes" and
    "Severity" (codable in older versions), new GUIDs, colours from its palette, a BOM."""
    themes = "".join(_code(t.label, QUALCODER_PALETTE.get(t.colour, "#D8D8D8"), t.description)
                     for t in ws.library.active_themes())
    sevs = "".join(_code(s.label, QUALCODER_PALETTE.get(s.colour, "#D8D8D8"), s.description) for s in severities())
    ns = "urn:QDA-XML:codebook:1:0" if older else "urn:QDA-XML:codebook:1.0"
    xml = ('<?xml version="1.0" encoding="utf-8"?>\n'
           f'<CodeBook xmlns="{ns}" xsi:schemaLocation="{ns} Codebook.xsd" origin="QualCoder" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Codes>'
           + _code("Themes", None, "Themes of the Reviewer codebook", codable=older, inner=themes)
           + _code("Severity", None, "The audit's severity scale", codable=older, inner=sevs)
           + "</Codes></CodeBook>")
    return xml.encode("utf-8-sig")


def atlas_qdc() -> bytes:
    """A codebook as ATLAS.ti writes one: attributes in its order, GUIDs in capitals without braces,
    code groups flattened into "Group::Code" names, descriptions, a code without a colour."""
    def code(name: str, colour: str | None, description: str = "") -> str:
        colour_attr = f'color="{colour}" ' if colour else ""
        head = f'<Code {colour_attr}isCodable="true" name="{escape(name)}" guid="{_guid().upper()}"'
        return head + (f"><Description>{escape(description)}</Description></Code>" if description else "/>")

    return ('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n'
            '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'origin="ATLAS.ti 24.1.0" xsi:schemaLocation="urn:QDA-XML:codebook:1.0 Codebook.xsd"><Codes>'
            + code("Neglect", "#F00082", "Chronic neglect and its\nrecognition")
            + code("Sibling groups::Placement together", "#966450", "Brothers and sisters kept together")
            + code("Sibling groups::Contact", "#966450")
            + code("Court work", None, "Care proceedings & PLO")
            + code("Severity::Context", "#78909C")
            + "</Codes></CodeBook>").encode("utf-8")


@pytest.fixture
def library(ws: Workspace) -> Workspace:
    ws.set_auditor("Ann Auditor")
    return ws


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    (tmp_path / name).write_bytes(data)
    return tmp_path / name


@pytest.mark.parametrize("older", [False, True], ids=["qualcoder", "older-qualcoder"])
def test_a_codebook_back_from_qualcoder_adds_no_severities_and_keeps_our_colours(library: Workspace, tmp_path: Path,
                                                                                 older: bool) -> None:
    ws = library
    before = {t.id: t for t in ws.library.themes.values()}
    data = qualcoder_qdc(ws, older=older)
    assert data.startswith(b"\xef\xbb\xbf")
    if not older:
        _validate(data)
    outcome = ws.import_codebook(_write(tmp_path, "Codebook-audit.qdc", data))
    after = {t.id: t for t in ws.library.themes.values()}
    assert set(after) == set(before), "no theme added: not the severities, not the categories"
    assert {t.label for t in after.values()}.isdisjoint({s.label for s in severities()} | {"Themes", "Severity"})
    assert all(after[i].colour == before[i].colour for i in before), "our colours stand"
    assert any("4 severities recognised" in line for line in outcome.lines), outcome.lines
    assert outcome.command is None  # nothing changed, nothing to undo


def test_a_colour_changed_on_purpose_under_our_guid_is_taken_a_palettes_is_not(library: Workspace, tmp_path: Path) -> None:
    ws = library
    themes = ws.library.active_themes()
    red, blue = next(t for t in themes if t.colour == "#e02828"), next(t for t in themes if t.colour == "#284fad")
    ws.export_codebook(tmp_path / "ours.qdc")
    text = (tmp_path / "ours.qdc").read_text(encoding="utf-8")
    # a tool that keeps our GUIDs: the auditor made the red theme yellow; the blue one is the tool's nearest blue
    text = text.replace('color="#e02828"', 'color="#ffeb3b"').replace('color="#284fad"', 'color="#0D47A1"')
    assert f'guid="{theme_guid(red.id)}"' in text
    path = _write(tmp_path, "edited.qdc", text.encode("utf-8"))
    ws.import_codebook(path)
    assert ws.library.themes[red.id].colour == "#ffeb3b"
    assert ws.library.themes[blue.id].colour == "#284fad"
    ws.import_codebook(path, take_colours=True)  # the auditor asked for the file's colours
    assert ws.library.themes[blue.id].colour == "#0D47A1"


def test_a_codebook_from_atlas_ti_imports_with_its_descriptions(library: Workspace, tmp_path: Path) -> None:
    ws = library
    data = atlas_qdc()
    _validate(data)
    neglect = next(t for t in ws.library.themes.values() if t.label == "Neglect")
    outcome = ws.import_codebook(_write(tmp_path, "atlas.qdc", data))
    labels = {t.label: t for t in ws.library.themes.values()}
    assert {"Sibling groups::Placement together", "Sibling groups::Contact", "Court work"} <= set(labels)
    assert labels["Court work"].description == "Care proceedings & PLO" and labels["Court work"].colour == "#888888"
    assert labels["Sibling groups::Placement together"].description == "Brothers and sisters kept together"
    assert ws.library.themes[neglect.id].description == "Chronic neglect and its\nrecognition"  # matched by name
    assert ws.library.themes[neglect.id].colour == neglect.colour  # a new GUID: ours stands
    assert "Severity::Context" not in labels and "Context" not in labels
    assert any("severity recognised" in line for line in outcome.lines), outcome.lines
    ws.undo_last()  # one step
    assert "Court work" not in {t.label for t in ws.library.themes.values()}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entities_are_refused_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    bomb = ('<?xml version="1.0" encoding="%s"?><!DOCTYPE CodeBook [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="%s" name="&b;" isCodable="true"/>'
            '</Codes></CodeBook>') % (encoding.upper(), _guid())
    with pytest.raises(CodebookError, match="DOCTYPE or entities"):
        read_qdc(bomb.encode(encoding))
    external = ('<?xml version="1.0"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><CodeBook '
                'xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')
    with pytest.raises(CodebookError, match="DOCTYPE or entities"):
        read_qdc(external.encode("utf-8"))


def test_a_name_names_one_theme_whatever_a_codebook_or_a_pack_brings(library: Workspace, tmp_path: Path) -> None:
    """Found by a deliberate attack: a colleague's codebook renaming "Assessment quality" to another theme's
    name, or a pack bringing a theme of a new id under a name taken here, made two themes of one name (they
    printed, exported and filtered as one, and `tag --theme NAME` was refused as ambiguous)."""
    from reviewer.core.annotations.codebook import find_theme
    from reviewer.core.annotations.model import Theme
    from reviewer.core.team.merge import plan_merge

    ws = library
    out = tmp_path / "mine.qdc"
    ws.export_codebook(out)
    planning = find_theme(ws.library.themes.values(), "planning").label
    assessment = find_theme(ws.library.themes.values(), "assessment")
    out.write_text(out.read_text(encoding="utf-8").replace(f'name="{escape(assessment.label)}"',
                                                           f'name="{escape(planning)}"'), encoding="utf-8")
    outcome = ws.import_codebook(out)
    assert ws.library.themes["assessment"].label == assessment.label
    assert any(line.startswith(f"kept      {assessment.label}") for line in outcome.lines)
    # a pack's theme of another id under a name taken here takes a name of its own, and says so
    batch, report = plan_merge(ws.library, [], [], [Theme("planning-2", planning.upper(), "#123456")],
                               source="Ann's pack")
    assert f"{planning.upper()} (2)" in report.themes_added[0] and "a theme here has that name" in report.themes_added[0]
    assert [c.after.label for c in batch.commands] == [f"{planning.upper()} (2)"]  # type: ignore[attr-defined]
