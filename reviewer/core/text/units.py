"""The parts of a letter an auditor needs now: its "What needs to improve" items and its sentences."""

from __future__ import annotations

import re

from reviewer.core.text.textsearch import collapse_ws

_WNTI = re.compile(r"what needs to improve|areas? for (?:priority action|improvement)", re.I)
_BULLET = re.compile(r"^\s*(?:[\u2022\u25aa\u25fc\u25a0\u25cf\uf0b7\-\*–]|\d+\.)\s+")


def _is_heading(line: str) -> bool:
    s = line.strip().strip("#* ").strip()
    if not s or len(s) > 120:
        return False
    if line.lstrip().startswith("#"):
        return True
    return not s.endswith((".", ",", ";", ":")) and s[0].isupper() and len(s.split()) <= 14 and not _BULLET.match(line)


def improvement_items(text: str) -> list[tuple[int, int, str]]:
    """The bullets under the letter's "What needs to improve" heading(s): (start, end, text)."""
    items: list[tuple[int, int, str]] = []
    lines: list[tuple[int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    inside = False
    current: list[int] | None = None
    for off, line in lines:
        if _WNTI.search(line) and len(line.strip()) < 120:
            inside, current = True, None
            continue
        if not inside:
            continue
        if _BULLET.match(line):
            if current:
                items.append((current[0], current[1], ""))
            m = _BULLET.match(line)
            assert m
            current = [off + m.end(), off + len(line.rstrip())]
        elif not line.strip():
            continue
        elif current and not _is_heading(line):
            current[1] = off + len(line.rstrip())
        else:
            if current:
                items.append((current[0], current[1], ""))
                current = None
            if items or _is_heading(line):
                inside = False
    if current:
        items.append((current[0], current[1], ""))
    return [(s, e, collapse_ws(text[s:e])) for s, e, _ in items if e > s]


_SENT_END = re.compile(r"[.!?][\"'’”)]?(?=\s)")


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence or bullet around ``offset``: bounded by sentence ends, blank lines and bullets."""
    n = len(text)
    offset = max(0, min(offset, n - 1)) if n else 0
    start = offset
    while start > 0:
        prev = text[start - 1]
        if prev == "\n" and (start < 2 or text[start - 2] == "\n" or _BULLET.match(text[start:start + 4])):
            break
        if prev.isspace() and start >= 2 and _SENT_END.match(text, start - 2) and not text[start - 2].isspace():
            break
        start -= 1
    end = offset
    while end < n:
        if text[end] == "\n" and (end + 1 >= n or text[end + 1] == "\n" or _BULLET.match(text[end + 1:end + 5])):
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
