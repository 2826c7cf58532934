"""A Markdown page's headings are the lines its marks make headings, not the same words met earlier in a line."""

from reviewer.core.text.markup import to_plain


def test_a_heading_after_a_trail_of_links_naming_it() -> None:
    page = "Home > News > Letter published\n\n# Letter published\n\nOfsted has published its letter.\n\n## Share\n"
    plain = to_plain(page)
    assert [plain.text[a:b] for a, b in plain.headings] == ["Letter published", "Share"]
    assert plain.text[:plain.headings[0][0]].endswith("\n\n")  # the heading's own line, not the trail's end
