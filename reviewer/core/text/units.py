"""Sentences and words: where the one around an offset starts and ends (selection by click and by key)."""

from __future__ import annotations

import re

# bullet glyphs, with the private-use ones symbol fonts put in PDFs' text (Wingdings' \uf06e, \uf0a7, ...)
BULLET_CHARS = "\u2022\u25aa\u25fc\u25a0\u25cf\uf000-\uf0ff\\-\\*–−"
# an item's marks other than a bullet: a list's letter ("(b)", "(iv)") and a council paper's paragraph number
LETTERED = r"\((?:[a-h]|[ivx]{1,4})\)"
PARAGRAPH_NO = r"\d{1,2}(?:\.\d{1,2}){1,2}\.?"  # "2.1", "2.1.1"
_BULLET = re.compile(rf"^\s*(?:[{BULLET_CHARS}]|\d+\.|{PARAGRAPH_NO}|{LETTERED})\s+")  # ("•", "14.", "2.1", "(b)")
# (not before a word in lower case: "(e.g. into the Stronger Families Teams)", "etc. and" go on)
_SENT_END = re.compile(r"[.!?][\"'’”)]?(?=\s)(?!\s+[a-z])")


_NUMBER_OPENS = re.compile(rf"\s*(?:\d+\.|{PARAGRAPH_NO})\s")
_MID_SENTENCE = re.compile(r"[a-z,]$|\d[–-]$")  # (and a span of years broken at its dash: "in 2014–" / "15. The")


def _opens_item(text: str, at: int) -> bool:
    """Whether the line starting at ``at`` opens a bullet or a numbered item. A number ending a sentence the
    line before broke ("... young people when they turn" / "21. A significant number ...") opens none: the
    line before is prose cut mid-sentence (a long line ending in a lower-case word, a comma or a span of years
    broken at its dash), where a list's heading is short or ends its sentence."""
    if not _BULLET.match(text[at:at + 10]):
        return False
    if not _NUMBER_OPENS.match(text, at):
        return True
    before = text[text.rfind("\n", 0, max(0, at - 1)) + 1:max(0, at - 1)].rstrip()
    return not (len(before) >= 50 and _MID_SENTENCE.search(before) and ":" not in before)  # (not a graded
    # heading: "The experiences and progress of children in care: good" / "17. ...")


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence or bullet around ``offset``: bounded by sentence ends, blank lines and bullets."""
    n = len(text)
    offset = max(0, min(offset, n - 1)) if n else 0
    start = offset
    while start > 0:
        prev = text[start - 1]
        if prev == "\n" and (start < 2 or text[start - 2] == "\n" or _opens_item(text, start)):
            break
        if prev.isspace() and start >= 2 and not text[start - 2].isspace() and (
                _SENT_END.match(text, start - 2) or start >= 3 and text[start - 2] in "\"'’”)" and
                _SENT_END.match(text, start - 3)):
            break  # after "... practice." and after '... practice."', a quotation's close
        start -= 1
    end = offset
    while end < n:
        if text[end] == "\n" and (end + 1 >= n or text[end + 1] == "\n" or _opens_item(text, end + 1)):
            break
        m = _SENT_END.match(text, end)
        if m:
            end = m.end()
            break
        end += 1
    m = _BULLET.match(text[start:end])
    if m:
        start += m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def word_at(text: str, offset: int) -> tuple[int, int]:
    n = len(text)
    if not n:
        return 0, 0
    offset = max(0, min(offset, n - 1))
    if not (text[offset].isalnum() or text[offset] in "'’-"):
        return offset, offset + 1
    s = offset
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "'’-"):
        s -= 1
    e = offset
    while e < n and (text[e].isalnum() or text[e] in "'’-"):
        e += 1
    return s, e
