"""A Markdown page's headings are the lines its marks make headings, not the same words met earlier in a line."""

from reviewer.core.text.markup import to_plain


def test_a_heading_after_a_trail_of_links_naming_it() -> None:
    page = "Home > News > Letter published\n\n# Letter published\n\nOfsted has published its letter.\n\n## Share\n"
    plain = to_plain(page)
    assert [plain.text[a:b] for a, b in plain.headings] == ["Letter published", "Share"]
    assert plain.text[:plain.headings[0][0]].endswith("\n\n")  # the heading's own line, not the trail's end


def test_a_heading_is_marked_where_it_stands_not_on_a_contents_line_before_it() -> None:
    """A report's contents list names its headings on lines of their own above them: the marks went to the contents'
    lines ("Areas for improvement" as the list names it) and the headings below showed as plain text."""
    for written in ("# Report\n\nContents\n\nAreas for improvement\n\nMain findings\n\n## Areas for improvement\n\n"
                    "Some text.\n\n## Main findings\n\nMore text.\n",
                    "<h1>Report</h1><p>Contents</p><p>Areas for improvement</p><p>Main findings</p>"
                    "<h2>Areas for improvement</h2><p>Some text.</p><h2>Main findings</h2><p>More text.</p>"):
        plain = to_plain(written)
        assert plain.text.startswith("Report\n\nContents\n\nAreas for improvement\n\nMain findings\n\n"), written
        body = plain.text.index("Areas for improvement", 20)
        assert [(s, plain.text[s:e]) for s, e in plain.headings] == [
            (0, "Report"), (body, "Areas for improvement"), (plain.text.index("Main findings", body), "Main findings")]
