"""A letter's links (an Acrobat user clicked a report's contents and its web addresses, and nothing happened):
read with the pages' text, kept with the layout (a layout kept before links were is read again), and only web
and e-mail addresses ever handed on."""

from __future__ import annotations

import pymupdf
import pytest

from reviewer.core.text.documents import text_sha
from reviewer.core.text.layout_file import MAGIC, dump_layout, load_layout
from reviewer.core.text.links import Link, link_at, web_address
from reviewer.letters.pdf import extractor_version
from reviewer.letters.pdf_text import pdf_layout


def linked_pdf() -> bytes:
    """Three pages: a contents page whose entries go to pages 2 and 3, and web links of every kind on page 3."""
    doc = pymupdf.open()
    for _ in range(3):
        doc.new_page(width=595, height=842)
    first = doc[0]
    first.insert_text((72, 100), "Contents", fontsize=14)
    for i, (words, to) in enumerate((("Findings ........ 2", 1), ("Next steps ........ 3", 2))):
        y = 140 + 30 * i
        first.insert_text((72, y), words, fontsize=11)
        first.insert_link({"kind": pymupdf.LINK_GOTO, "from": pymupdf.Rect(70, y - 12, 300, y + 4), "page": to,
                           "to": pymupdf.Point(72, 400)})
    doc[1].insert_text((72, 400), "Findings of the visit.", fontsize=11)
    last = doc[2]
    for i, uri in enumerate(("https://example.org/report", "mailto:someone@example.org", "file:///etc/passwd",
                             "javascript:alert(1)")):
        y = 100 + 30 * i
        last.insert_text((72, y), f"Address {i}", fontsize=11)
        last.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(70, y - 12, 200, y + 4), "uri": uri})
    last.insert_link({"kind": pymupdf.LINK_LAUNCH, "from": pymupdf.Rect(70, 300, 200, 320), "file": "run.exe"})
    return doc.tobytes()


def _layout():  # type: ignore[no-untyped-def]
    doc = pymupdf.open("pdf", linked_pdf())
    try:
        return pdf_layout(doc)
    finally:
        doc.close()


def test_links_are_read_with_the_pages() -> None:
    layout = _layout()
    inside = [ln for ln in layout.links if ln.internal]
    assert [(ln.page, ln.to_page) for ln in inside] == [(0, 1), (0, 2)]
    assert inside[0].to_y == pytest.approx(400, abs=1) and inside[0].tip() == "Go to page 2"
    web = [ln.uri for ln in layout.links if not ln.internal]
    assert web[:2] == ["https://example.org/report", "mailto:someone@example.org"]
    assert "javascript:alert(1)" in web  # read, to be said and refused (MuPDF reads a file: address as a link to
    # another file, and a program to launch is no link a reader follows: both left out)
    assert [ln.uri for ln in layout.links if ln.followable() and not ln.internal] == web[:2]
    assert layout.link_at(0, 100, 135) == inside[0]
    assert layout.link_at(0, 100, 60) is None and layout.link_at(1, 100, 135) is None


def test_only_web_and_mail_addresses_are_followed() -> None:
    assert web_address("https://example.org/a?b=c") == "https://example.org/a?b=c"
    assert web_address(" http://example.org ") == "http://example.org"
    assert web_address("mailto:someone@example.org") == "mailto:someone@example.org"
    assert web_address("HTTPS://EXAMPLE.ORG") is not None
    for refused in ("file:///etc/passwd", "javascript:alert(1)", "data:text/html,hi", "smb://server/share",
                    "http:relative", "mailto:", "https://example.org/\nx", "", "vbscript:x", "C:\\run.exe"):
        assert web_address(refused) is None, refused
    page = Link(0, (0, 0, 10, 10), to_page=13)
    assert page.followable() and page.tip() == "Go to page 14"
    assert Link(0, (0, 0, 10, 10), uri="https://example.org").tip() == "https://example.org"
    bad = Link(0, (0, 0, 10, 10), uri="file:///etc/passwd")
    assert not bad.followable() and "not opened" in bad.tip()
    assert len(Link(0, (0, 0, 1, 1), uri="https://example.org/" + "a" * 500).tip()) <= 120


def test_an_email_link_fills_in_only_a_subject_body_or_copy() -> None:
    # a hostile report's "Write to us" can ask a mail program to attach a file of the auditor's or to copy
    # someone unseen; the mail program is given the address with its subject, body and cc alone, as written
    hostile = "mailto:office@example.org?subject=Audit%20query&attach=/home/me/.ssh/id_rsa&BCC=x@example.net" \
              "&body=Hello+there&%61ttachment=C:%5Cnotes.docx&cc=lead@example.org"
    assert web_address(hostile) == "mailto:office@example.org?subject=Audit%20query&body=Hello+there&cc=lead@example.org"
    assert web_address("mailto:office@example.org?attach=/etc/passwd") == "mailto:office@example.org"
    assert web_address("mailto:office@example.org") == "mailto:office@example.org"
    assert Link(0, (0, 0, 10, 10), uri="mailto:office@example.org?attach=/etc/passwd").tip() == "mailto:office@example.org"


def test_the_smallest_of_overlapping_links_is_the_one_under_the_pointer() -> None:
    block, line = Link(0, (0, 0, 500, 500), uri="https://a.example"), Link(0, (10, 10, 50, 20), to_page=2)
    assert link_at([block, line], 0, 20, 15) is line
    assert link_at([block, line], 0, 200, 200) is block
    assert link_at([block, line], 1, 20, 15) is None


def test_links_are_kept_with_the_layout_and_an_older_layout_is_read_again() -> None:
    layout = _layout()
    version = extractor_version("pdf")
    data = dump_layout(layout, version)
    back = load_layout(data, text_sha(layout.text), version)
    assert back is not None and back.links == layout.links
    older = b"RVLAYOUT1\n" + data[len(MAGIC):]  # a layout kept before links were: no links, so refused
    assert load_layout(older, text_sha(layout.text), version) is None


def _kept_with_links(links) -> bool:  # type: ignore[no-untyped-def]
    """Whether a kept layout whose header's links were rewritten as ``links`` is read back (json writes NaN and
    Infinity, and reads them back)."""
    import json

    layout = _layout()
    version = extractor_version("pdf")
    data = dump_layout(layout, version)
    pos = len(MAGIC)
    n = int.from_bytes(data[pos:pos + 4], "little")
    header = json.loads(data[pos + 4:pos + 4 + n])
    header["links"] = links
    head = json.dumps(header).encode()
    changed = data[:pos] + len(head).to_bytes(4, "little") + head + data[pos + 4 + n:]
    return load_layout(changed, text_sha(layout.text), version) is not None


def test_a_damaged_link_in_a_kept_layout_refuses_the_file() -> None:
    for bad in ([[9, 0, 0, 1, 1, -1, 0, "https://x.example"]], [[0, 0, 0, 1, 1, 7, 0, ""]], [[0, "a", 0, 1, 1, -1, 0, ""]],
                "links"):
        assert not _kept_with_links(bad), bad


def _many_links_pdf(n: int) -> bytes:
    """One page with ``n`` web links, written as PDF by hand (PyMuPDF's insert_link is slow for so many)."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>"
            f" /Annots [{' '.join(f'{6 + i} 0 R' for i in range(n))}] >>",
            "<< /Length 43 >>\nstream\nBT /F1 12 Tf 72 700 Td (Hello links) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    objs += [f"<< /Type /Annot /Subtype /Link /Rect [{i % 500} {i % 700} {i % 500 + 9} {i % 700 + 9}]"
             f" /A << /S /URI /URI (https://example.org/{i}) >> >>" for i in range(n)]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def test_a_page_of_thousands_of_links_is_read_at_once() -> None:
    """PyMuPDF's get_links looks through the page's annotations again for every link (10,000 links: 52 s on one
    page, the letter never opened); the reader takes the first MAX_LINKS in one pass."""
    import time

    from reviewer.letters.pdf_text import MAX_LINKS

    doc = pymupdf.open("pdf", _many_links_pdf(5000))
    try:
        began = time.monotonic()
        layout = pdf_layout(doc)
        took = time.monotonic() - began
    finally:
        doc.close()
    assert "Hello links" in layout.text
    assert len(layout.links) == MAX_LINKS and layout.links[0].uri == "https://example.org/0"
    assert layout.links[-1].uri == f"https://example.org/{MAX_LINKS - 1}"
    assert took < 3, took


def test_a_kept_layout_with_links_no_reader_made_is_refused() -> None:
    """A layout file is only ever read back as written; a link no reader makes (a box or height not finite or
    past any page, an address longer than a reader keeps) refuses the file, so the letter is read again: a
    height of Infinity had reached the view's jump (int(inf): OverflowError on the click)."""
    inf, nan = float("inf"), float("nan")
    for bad in ([[0, 0, 0, 1, 1, 1, inf, ""]], [[0, 0, 0, 1, 1, 1, nan, ""]], [[0, nan, 0, 1, 1, -1, 0, "https://x.example"]],
                [[0, 0, 0, inf, 1, -1, 0, "https://x.example"]], [[0, 0, 0, 1e300, 1e300, -1, 0, "https://x.example"]],
                [[0, 0, 0, 1, 1, 1, -5, ""]], [[0, 5, 5, 1, 1, 1, 0, ""]],
                [[0, 0, 0, 1, 1, -1, 0, "https://x.example/" + "a" * 100_000]]):
        assert not _kept_with_links(bad), bad


def test_an_address_too_long_to_keep_is_left_out_never_opened_cut() -> None:
    """A web link of 100,000 characters was kept cut to its first 2,000 and opened so: an address the letter never
    gave. It is left out, as a link to another file is; a long address that fits is kept whole."""
    from reviewer.core.text.links import MAX_ADDRESS

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), "Addresses", fontsize=11)
    fits = "https://example.org/" + "a" * (MAX_ADDRESS - 20)
    for i, uri in enumerate(("https://example.org/" + "b" * 100_000, fits)):
        page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(70, 100 + 30 * i, 200, 120 + 30 * i), "uri": uri})
    doc = pymupdf.open("pdf", doc.tobytes())
    try:
        layout = pdf_layout(doc)
    finally:
        doc.close()
    assert [ln.uri for ln in layout.links] == [fits]


def test_a_kept_layout_whose_header_nests_without_end_is_refused() -> None:
    """A layout file's header of 100,000 nested lists raised RecursionError from json (no ValueError), out of
    load_layout and up to whatever opened the letter."""
    layout = _layout()
    version = extractor_version("pdf")
    head = b"[" * 100_000 + b"]" * 100_000
    data = MAGIC + len(head).to_bytes(4, "little") + head
    assert load_layout(data, text_sha(layout.text), version) is None


def test_the_link_under_the_pointer_is_looked_for_on_its_page_alone() -> None:
    """Every move of the pointer asks which link is under it: all the letter's links were looked through (a report
    of 400 pages of 500 links each, 17 ms a move on the GUI thread; twice that with the tooltip). Only the page's."""
    import time
    from array import array

    from reviewer.core.text.layout import Layout

    pages = 400
    links = [Link(p, (10.0 + i % 50, 10.0, 20.0 + i % 50, 20.0), uri=f"https://example.org/{p}/{i}")
             for p in range(pages) for i in range(500)]
    layout = Layout("", [(595.0, 842.0)] * pages, [], array("f"), array("f"), links)
    assert layout.link_at(7, 15.0, 15.0) == link_at(links, 7, 15.0, 15.0) is not None
    assert layout.link_at(7, 5.0, 5.0) is None and layout.link_at(pages, 15.0, 15.0) is None
    began = time.monotonic()
    for k in range(1000):
        layout.link_at(k % pages, 5.0, 5.0)
    assert time.monotonic() - began < 1.5


def test_an_email_links_field_hides_no_other_in_its_value() -> None:
    """A second '?', a ';' or an encoded '&' in a kept field's value could be split into a field of its own by a
    mail program that reads the link loosely ('attach=' the local file it names): the value is given encoded, so it
    is the subject's or body's words alone; a subject or cc with a line break (a header of its own) is left out."""
    for hostile, given in (
            ("mailto:office@example.org?subject=Query?attach=/etc/passwd", "subject=Query%3Fattach%3D/etc/passwd"),
            ("mailto:office@example.org?body=Hi;attach=/etc/passwd", "body=Hi%3Battach%3D/etc/passwd"),
            ("mailto:office@example.org?subject=Hi%26attach=/etc/passwd", "subject=Hi%26attach%3D/etc/passwd")):
        assert web_address(hostile) == f"mailto:office@example.org?{given}", hostile
    assert web_address("mailto:office@example.org?cc=x%0Abcc:%20spy@example.net&subject=Hi") == \
        "mailto:office@example.org?subject=Hi"
    assert web_address("mailto:office@example.org?body=Line%20one%0D%0ALine%20two") == \
        "mailto:office@example.org?body=Line%20one%0D%0ALine%20two"  # (a body's lines are its own)
