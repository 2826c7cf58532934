"""Searching the whole library: compact folds map back exactly; hits carry letter, page and snippet."""

from __future__ import annotations

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.annotations.library import Library
from reviewer.core.reading.library_search import SearchIndex, fold_letter
from reviewer.core.annotations.model import Letter, LetterMeta
from reviewer.core.annotations.tagging import new_annotation
from reviewer.core.text.textsearch import CompactFold, find_all, fold

TRICKY = ("The ﬁrst STRASSE, straße and café — co-\noperate  with “partners”.\u00ad\nRe-\n  "
          "ferral • bullet\n\n\nPage two: the front\ndoor is timely. " * 3)


def test_compact_fold_maps_every_character_as_the_full_fold_does() -> None:
    full = fold(TRICKY)
    compact = CompactFold.of(full)
    assert compact.text == full.text
    assert [compact.origin(k) for k in range(len(full.text))] == list(full.origin)
    back = CompactFold.from_bytes(compact.to_bytes())
    assert back is not None and back.text == compact.text and back.span(3, 9) == full.span(3, 9)
    assert CompactFold.from_bytes(compact.to_bytes()[:-3]) is None
    assert CompactFold.from_bytes(b"junk") is None


def _library() -> tuple[Library, SearchIndex, str, str]:
    lib = Library()
    one = Letter(id="a" * 64, title="Thornbury", source="t.pdf", kind="pdf", pages=2, meta=LetterMeta(authority="Thornbury"))
    two = Letter(id="b" * 64, title="Eastmere", source="e.txt", kind="text", pages=1, meta=LetterMeta(authority="Eastmere"))
    lib.put_letter(one)
    lib.put_letter(two)
    for theme in default_themes():  # (the annotation's theme is found by its name: a theme of the codebook)
        lib.put_theme(theme)
    text2 = "Nothing here about doors. Leaders are visible."
    page_starts = [0, TRICKY.index("Page two")]
    ann = new_annotation(text2, [0], two.id, 0, 7, ["leadership"], "improvement", "Check the front door rota", "Ann")
    lib.put_annotation(ann)
    index = SearchIndex()
    index.add(one.id, TRICKY, page_starts, CompactFold.from_bytes(fold_letter(TRICKY)),  # type: ignore[arg-type]
              furniture=[])  # (folded as a letter with no furniture: every line of this one repeats)
    index.add(two.id, text2, [0], CompactFold.from_bytes(fold_letter(text2)))  # type: ignore[arg-type]
    return lib, index, one.id, two.id


def test_search_finds_text_across_breaks_and_in_notes() -> None:
    lib, index, one, two = _library()
    found = index.search("Front Door", lib)
    text_hits = [h for h in found.hits if h.field == "text"]
    assert [(h.start, h.end) for h in text_hits] == find_all(TRICKY, "front door")
    assert all(h.letter_id == one and h.page == 2 for h in text_hits)
    assert all(h.match.lower().startswith("front") for h in text_hits)
    note = [h for h in found.hits if h.field == "note"]
    assert len(note) == 1 and note[0].letter_id == two and note[0].match == "front door"
    assert found.total == len(text_hits) + 1 and found.letters == 2
    assert index.search("cooperate", lib).total == 3  # across "co-\noperate"
    assert index.search("referral", lib).total == 3  # across "Re-\n  ferral"
    assert index.search("leadership", lib).hits[0].field == "theme"
    assert index.search("nowhere at all", lib).total == 0
    assert index.search("   ", lib).total == 0


def test_search_lists_only_up_to_the_limit_but_counts_all() -> None:
    lib, index, _, _ = _library()
    found = index.search("the", lib, limit=2)
    assert len(found.hits) == 2 and found.total > 2


def test_a_symbol_fonts_bullet_shows_as_a_bullet_in_a_result() -> None:
    """A new user's search result showed "▯" where the PDF's text carried Wingdings' bullet (stop 47)."""
    text = "Findings\n\uf06e Return home interviews are offered to every child.\n\uf06e Plans are clear.\n"
    lib = Library()
    lib.put_letter(Letter(id="c" * 64, title="A letter", source="a.txt", kind="text", pages=1, meta=LetterMeta()))
    index = SearchIndex()
    index.add("c" * 64, text, [0], CompactFold.from_bytes(fold_letter(text)))  # type: ignore[arg-type]
    hit = index.search("plans are clear", lib).hits[0]
    assert "\uf06e" not in hit.before + hit.match + hit.after and "•" in hit.before


def test_a_snippet_across_a_pages_foot_leaves_the_running_footer_out() -> None:
    footer = "Inspection of Thornbury children's services"
    said = [["Leaders know their services well", "Staff are proud to work here", "Plans are clear and kept"],
            ["Visits are seen to be regular", "Records say what was done", "Managers are close to the work"],
            ["Partners come to every meeting", "Children are heard at reviews", "Carers are trained each year"]]
    door = ["The north team's front door is timely and", "The south team's duty desk is timely and",
            "The east team's advice line is timely and"]
    pages = ["".join(f"{words}.\n" for words in said[n]) + f"{door[n]}\n{footer}\n{n + 1}\n" for n in range(3)]
    pages = [page if n == 0 else f"responds to the referral at once. {page}" for n, page in enumerate(pages)]
    pages.append("responds to the referral at once. The end.\n")
    text = "".join(pages)
    starts = [sum(len(p) for p in pages[:k]) for k in range(4)]
    lib = Library()
    letter = Letter(id="c" * 64, title="Thornbury", source="t.pdf", kind="pdf", pages=4, meta=LetterMeta())
    lib.put_letter(letter)
    index = SearchIndex()
    index.add(letter.id, text, starts, CompactFold.from_bytes(fold_letter(text, starts)))  # type: ignore[arg-type]
    hits = index.search("timely and", lib).hits
    assert len(hits) == 3
    for hit in hits:
        assert footer not in hit.snippet and "Thornbury" not in hit.after
        assert hit.after.startswith(" responds to the referral at once.")
        assert hit.snippet == hit.before + hit.match + hit.after
    # and words a page's foot splits are found together, the footer between them no part of the match
    across = index.search("timely and responds to the referral", lib).hits
    assert len(across) == 3 and all(footer not in h.snippet for h in across)
    assert all(text[h.start:h.end].startswith("timely and") and text[h.start:h.end].endswith("referral")
               for h in across)
    assert index.search("timely and inspection of", lib).total == 0  # (nor is the footer found with them)


def test_a_snippets_context_starts_and_ends_at_a_words_edge() -> None:
    """A new user's result read "…diate action 1. Cease…" (stop 50): the context either side is cut at a word's
    edge, never inside one."""
    text = ("Leaders have been asked to take immediate action in the following areas of practice, which are listed "
            "here in full. Cease the practice of placing children in unregistered homes without the checks that "
            "the regulations require of every provider.\n")
    lib = Library()
    lib.put_letter(Letter(id="c" * 64, title="A letter", source="a.txt", kind="text", pages=1, meta=LetterMeta()))
    index = SearchIndex()
    index.add("c" * 64, text, [0], CompactFold.from_bytes(fold_letter(text)))  # type: ignore[arg-type]
    hit = index.search("cease the practice", lib).hits[0]
    assert hit.before.startswith("…") and hit.after.endswith("…")
    first, last = hit.before[1:].split()[0], hit.after[:-1].split()[-1]
    assert f" {first} " in f" {text} " and f" {last.rstrip('.,')} " in f" {text.replace('.', ' ')} "
    assert hit.snippet == hit.before + hit.match + hit.after
