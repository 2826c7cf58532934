from reviewer.core.text.textsearch import collapse_ws, find_all, fold


def test_finds_across_ligature_glyphs():
    text = "This letter summarises the \ufb01ndings of the visit. An e\ufb00ective response."
    (s, e), = find_all(text, "findings")
    assert text[s:e] == "\ufb01ndings"
    (s, e), = find_all(text, "effective")
    assert text[s:e] == "e\ufb00ective"


def test_finds_across_line_breaks_and_hyphenation():
    text = "a well-\ndeveloped response from\npartners and multi-\nagency work"
    (s, e), = find_all(text, "well-developed response from partners")
    assert text[s:e] == "well-\ndeveloped response from\npartners"
    assert find_all(text, "multiagency work")
    assert find_all(text, "multi-agency work")


def test_curly_quotes_and_case_fold():
    text = "the local authority\u2019s \u2018front door\u2019"
    assert find_all(text, "AUTHORITY'S 'FRONT DOOR'")


def test_fold_maps_back_to_original_offsets():
    text = "A  \ufb01ne\n day"
    f = fold(text)
    assert f.text == "a fine day"
    assert f.span(2, 6) == (3, 6)


def test_collapse_ws_keeps_compound_hyphens():
    assert collapse_ws("multi-\nagency  work\nhere") == "multi-agency work here"
