"""Making annotations: from a selected range or from a quote, and re-placing them when text changes."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from reviewer.core.annotations.anchor import Anchor, make_anchor, reanchor
from reviewer.core.text.markup import addresses_blanked, autolinks_read
from reviewer.core.text.layout import pages_for_range
from reviewer.core.annotations.model import Annotation, new_id, stamp_iso
from reviewer.core.text.textsearch import Folded, collapse_ws, find_all, fold


class QuoteError(ValueError):
    """A quote that is not in the letter, or is in it more than once."""


def locate_quote(text: str, quote: str, furniture: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """Where ``quote`` is in ``text`` (across line breaks, hyphenation, ligatures). ``furniture`` (running
    headers, footers, page numbers) is read past, so a sentence across a page break is found without
    the footer between its halves typed; a quote that does type it is found as well."""
    if not quote.strip():
        raise QuoteError("the quote is empty")
    hits: list[tuple[int, int]] = []
    if furniture:
        chars = list(text)
        for s, e in furniture:
            chars[s:e] = " " * (e - s)
        hits = find_all("".join(chars), quote)  # same length: offsets hold for ``text``
    if not hits:
        hits = find_all(text, quote)
    shown = collapse_ws(quote)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    if not hits:
        raise QuoteError(f'quote not found in the letter: "{shown}"')
    if len(hits) > 1:
        raise QuoteError(
            f'quote occurs {len(hits)} times in the letter: "{shown}" (quote more words to make it unique)'
        )
    return hits[0]


STRAY = 3  # characters of the next or last sentence a drag may catch by a hair ("… improvements made. I")


def trim_range(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection as it is tagged: without the white space at its ends, nor a stray scrap of the sentence
    before or after it caught by a careless drag ("… made. I", "e. Although …"): a new user's quote ended
    "made. I", printed so in the summary, and the next sentence's suggestion was gone (stop 45)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    head = _STRAY_HEAD.match(text, start, min(end, start + STRAY + 3))
    if head and end - head.end() >= 20 and (start == 0 or not text[start - 1].isspace()):
        start = head.end()  # (only a scrap the drag began inside of: "e." of "made.", not a whole "I.")
    tail = _STRAY_TAIL.search(text, max(start, end - STRAY - 3), end)
    if tail and tail.start() - start >= 20 and (end == len(text) or text[end].isalnum()):
        end = tail.start() + 1  # (only a scrap the drag ended inside of: "I" of "In")
    return start, end


_STRAY_HEAD = re.compile(rf"[^\s]{{1,{STRAY}}}[.!?][\"'’”)]?\s+")  # the end of the sentence before, then its space
_STRAY_TAIL = re.compile(rf"[.!?][\"'’”)]?\s+[^\s]{{1,{STRAY}}}$")  # a sentence's end, then the start of the next


def new_annotation(
    text: str,
    page_starts: Sequence[int],
    letter_id: str,
    start: int,
    end: int,
    themes: Iterable[str],
    severity: str,
    note: str = "",
    author: str = "",
) -> Annotation:
    start, end = trim_range(text, start, end)
    anchor = make_anchor(text, start, end)
    stamp = stamp_iso()
    return Annotation(
        id=new_id(),
        letter_id=letter_id,
        start=anchor.start,
        end=anchor.end,
        quote=anchor.quote,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        pages=pages_for_range(list(page_starts), anchor.start, anchor.end),
        themes=tuple(dict.fromkeys(themes)),
        severity=severity,
        note=note,
        author=author,
        created=stamp,
        modified=stamp,
    )


def reanchor_all(text: str, page_starts: Sequence[int], anns: Iterable[Annotation]) -> list[Annotation]:
    """Annotations re-placed in ``text``; only those that changed are returned.

    One that cannot be placed keeps its quote and is marked ``orphaned`` (needs attention).
    """
    folded = fold(text)
    past: list[tuple[str, Folded]] = []  # the text with the addresses links read with blanked, when first wanted
    changed: list[Annotation] = []
    for a in anns:
        anchor = Anchor(a.start, a.end, a.quote, a.prefix, a.suffix)
        found = reanchor(text, anchor, folded) or _past_addresses(text, anchor, past)
        if found is None:
            if not a.orphaned:
                changed.append(dataclasses.replace(a, orphaned=True))
            continue
        pages = pages_for_range(list(page_starts), found.start, found.end)
        new = dataclasses.replace(a, start=found.start, end=found.end, quote=found.quote,
                                  prefix=found.prefix, suffix=found.suffix, pages=pages, orphaned=False)
        if new != a:
            changed.append(new)
    return changed


def _past_addresses(text: str, anchor: Anchor, past: list[tuple[str, Folded]]) -> Anchor | None:
    """A passage tagged when a Markdown or HTML letter's links read as their words alone (text/2), found over the same
    words now that each link reads with its address (``markup.addresses_blanked``), the address within it: such a
    tag ("oversight of the council's plan since …") was no longer found and needed attention."""
    if not past:
        blanked = addresses_blanked(text)
        past.append((blanked, fold(blanked)))
    blanked, folded = past[0]
    quote = autolinks_read(anchor.quote)
    if blanked == text and quote == anchor.quote:
        return None
    found = reanchor(blanked, dataclasses.replace(anchor, quote=quote), folded)
    return make_anchor(text, found.start, found.end) if found is not None else None
