"""A letter's text as a reader reads it: its furniture blanked, the breaks inside a sentence joined, and its
sentences and bullets.

Offsets never move: ``reading_text`` gives the canonical text with its page furniture and the inspectors'
cross-references blanked, and the breaks a PDF left inside a sentence (a page break, a footer, a blank line
of wide line spacing) turned to spaces, so a sentence broken by them reads as one; ``split_units`` gives its
sentences and bullets. ``outline`` reads a letter's parts from the same text; the suggester, the summary and
moderation count the same units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.core.text.units import BULLET_CHARS, LETTERED, sentence_at

BULLET_LINE = re.compile(rf"^\s*(?:[{BULLET_CHARS}]|\d+\.)\s+\S")  # a line opening with a bullet or an item number


# Tags the inspectors put after a finding or an item: an older report's "(Recommendation)", a 2026 report's
# "(Outcome 4, national framework)".
_CROSS_REFERENCE = re.compile(
    r"\((?:recommendations?|{tag}\s+{n}(?:\s+and\s+{n})?(?:\s*[,:]\s*(?:national\s+framework|[^()]{{3,90}}))?|"
    r"national\s+framework\s*,?\s*{tag}\s+{n}(?:\s+and\s+{n})?|"
    r"{tag}\s*:\s*[^()]{{3,120}}?,\s*national\s+framework)\s*\)".format(
        tag=r"(?:outcomes?|enablers?|principles?)",
        n=r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"), re.I)  # the 2026 framework's
# tags, as reports print them: "(outcome 3, national framework)", "(enabler 2, national framework)", "(National
# Framework, Outcome 2)", "(Enabler 2: Leaders drive conditions for effective practice)", "(Outcome four,
# National Framework)", "(enabler: leaders drive conditions for effective practice, national framework)",
# "(principle 2, national framework)", "(Enabler 3)", "(National Framework outcome two)"


_LETTERED_ITEM = re.compile(rf"{LETTERED}\s")
_REFERENCE_END = re.compile(r"\((?:paras?|paragraphs?|pages?|pp?)\b[^()]*\)$", re.I)  # "… (Paras 29, 140)": an item's end


def reading_text(text: str, furniture: Sequence[tuple[int, int]]) -> str:
    """``text`` with furniture blanked and the breaks inside a sentence (a page break, a footer, a
    blank line the PDF left mid-sentence) turned to spaces: same length, same offsets."""
    chars = list(text)
    for s, e in furniture:
        for i in range(s, e):
            chars[i] = " "
    for m in _CROSS_REFERENCE.finditer(text):  # a tag the inspectors set after a finding: no words of it
        chars[m.start():m.end()] = [c if c == "\n" else " " for c in m.group(0)]
    masked = "".join(chars)
    for m in re.finditer(r"\n[ \t\n]*\n", masked):
        a, b = m.start(), m.end()
        before = masked[:a].rstrip()
        after = masked[b:b + 3]
        if not before or not after:
            continue
        if _LETTERED_ITEM.match(masked, b):
            continue  # "(a) the timeliness of ...;" / "(b) the quality of ...": a list's next item, lettered
        prev, nxt = before[-1], after[0]
        if nxt in "‘“'\"(" and after[1:2].islower():
            nxt = after[1]  # "... spent three months\n\n34\n\n‘street homeless’, while ...": a quotation goes on
        if prev in "’'" and len(before) > 1 and before[-2].isalpha():
            prev = before[-2]  # "... between the LSCB and the Adults’\n\n44\n\nSafeguarding Board": a possessive
        if (prev.isalnum() or prev in ",;(-–%" or prev == ")" and not _REFERENCE_END.search(before[-40:])) and \
                nxt.islower() or nxt.isdigit() and prev == ",":  # ("… plans (PEPs)" / "and contingency planning.")
            chars[a:b] = [" "] * (b - a)
        elif prev in "-\u2010" and len(before) > 1 and before[-2].isalpha() and nxt.isupper() and \
                not BULLET_LINE.match(masked[b:b + 4]):
            chars[a:b] = [" "] * (b - a)  # a word broken at its hyphen: "… domestic abuse at Multi-" / "Agency Risk
            # Assessment Conferences (MARAC) …"
        elif prev.islower() and nxt.isupper() and not BULLET_LINE.match(masked[b:b + 4]) and \
                any(s <= a <= e + 2 or s <= b <= e + 2 for s, e in furniture) and \
                not _section_heading_line(masked, b):
            # a page break mid-sentence before a proper noun: "...the work of\n\nFooter\n\nSocial workers"
            # is ambiguous; join only when the line before is a long (wrapped) body line
            line_start = before.rfind("\n") + 1
            if len(before) - line_start > 60:
                chars[a:b] = [" "] * (b - a)
        elif (nxt.isupper() or nxt.isdigit() or nxt == "(") and _wrapped_on(masked, before, b):
            chars[a:b] = [" "] * (b - a)
    return "".join(chars)


_ENDS_NOTHING = frozenset((  # words no sentence, item or heading ends with: the line after goes on with it
    "a", "an", "the", "of", "to", "for", "with", "in", "on", "by", "from", "at", "into", "about", "between", "than",
    "and", "or", "under", "through", "within", "across", "including", "such", "their", "its", "our", "his", "her"))


def _wrapped_on(masked: str, before: str, b: int) -> bool:
    """Whether the line after a blank line goes on with the one before though it opens with a capital, a
    number or a bracket (a PDF's wide line spacing left a blank line inside an item: "… as carers under" /
    "Regulation 24 arrangements.", "… the Public Law" / "Outline (PLO) pre-proceedings."): the line before is
    a long, wrapped one, ending with no stop, and either ends with a word nothing ends with (then even a
    number goes on with it: "… the age of" / "17.") or belongs to a bullet the line after finishes; and the
    line after is no bullet, heading, page number or footnote of its own."""
    line_start = before.rfind("\n") + 1
    line = before[line_start:]
    last = re.findall(r"[A-Za-z]+", line[-20:])
    ends_nothing = bool(last) and last[-1].lower() in _ENDS_NOTHING
    if len(line) < 55 or before[-1] in ".!?:;)" or _section_heading_line(masked, b) or \
            re.match(r"\d{1,3}(?:[ \t]*(?:\n|$)|[ \t]+[A-Z])", masked[b:b + 6]) or \
            BULLET_OPENS.match(masked, b) or not ends_nothing and BULLET_LINE.match(masked[b:b + 4]):
        # (nor a page's number, a footnote's, an item's number or a bullet: "1 The areas …", "(Para 133)" /
        # "10." / "Ensure …"; but "… when they reach the age of" / "17." goes on)
        return False
    after = re.split(rf"\n[ \t]*\n|\n(?=[ \t]*[{BULLET_CHARS}]\s)", masked[b:b + 600], maxsplit=1)[0].rstrip()  # (to
    # the next blank line or bullet)
    if after.endswith(":"):
        return False  # a group's own heading ("Within three months:") after an item with no stop
    if ends_nothing:
        return True
    block_start = before.rfind("\n\n") + 2 if "\n\n" in before else 0
    return bool(BULLET_LINE.match(before[block_start:block_start + 4]) and len(before) - block_start < 600 and
                after.endswith((".", ";")) and len(after) < 300)  # (the item's end: "Regulation 24 arrangements.")


def _section_heading_line(text: str, at: int) -> bool:
    """The line at ``at`` is a report's own section heading ("What needs to improve", "The experiences
    and progress of ..."): a new page that opens with one starts a section, whatever the page before
    ended on."""
    end = text.find("\n", at)
    line = text[at:end if end >= 0 else len(text)].strip()
    return bool(LIST_HEADING.match(line) or JUDGEMENT_START.match(line) or _OLDER_SECTION.match(line))


_FOOTNOTE_MARK = re.compile(r"[a-z)’”]\.(\d{1,2})$")  # "… require improvement.1": a footnote's mark, set close


def split_units(reading: str, paged: bool = True) -> list[tuple[int, int]]:
    """Sentences and bullets of ``reading`` as (start, end), in order. Text not laid out on pages (``paged``
    False: a web page's, a plain-text letter's) ends a run of one-line bullets at the last one's line end."""
    out: list[tuple[int, int]] = []
    n, off = len(reading), 0
    while off < n:
        if reading[off].isspace():
            off += 1
            continue
        s, e = sentence_at(reading, off)
        if e <= off:
            off += 1
            continue
        if _PARAGRAPH_NO.fullmatch(reading, s, e) and (s == 0 or reading[s - 1] == "\n"):
            off = e  # a numbered paragraph's number ("12." before its first sentence) is no sentence
            continue
        if e > s and (not out or s >= out[-1][1]):
            if not paged and not out and (cut := _headline_ends(reading, s, e)) is not None:
                out.append((s, cut))  # a web page's headline on the line above its first sentence
                off = cut
                continue
            if not paged and (cut := _last_bullet_ends(reading, out, s, e)) is not None:
                nxt = cut + 1  # the paragraph after it (whose sentence, read back, would open at the bullet)
                out += [(s, cut), (nxt, sentence_at(reading, nxt)[1])]
                off = out[-1][1]
                continue
            while s < e - 1 and reading[s] in ".,;:" and reading[s + 1].isalpha():
                s += 1  # a stray stop the PDF printed before the sentence (". .It also does not …")
            mark = _FOOTNOTE_MARK.search(reading, s, e)
            out.append((s, mark.start(1) if mark else e))  # (the mark is no part of the sentence)
        off = e
    return out


def _headline_ends(reading: str, s: int, e: int) -> int | None:
    """Where a web page's headline ends when its first sentence follows on the next line ("Positive feedback
    from Ofsted following recent focused visit" / "Ofsted published the outcome of ..."): a first line of a
    few words with no full stop, and a capital opening the next."""
    nl = reading.find("\n", s, e)
    if nl < 0 or reading[nl - 1] in ".!?:;,-–" or not reading[nl + 1:nl + 2].isupper() or \
            not 2 <= len(reading[s:nl].split()) <= 16 or len(reading[nl + 1:e].split()) < 8:
        return None
    return nl


BULLET_OPENS = re.compile(rf"[ \t]*[{BULLET_CHARS}][ \t]+")  # a line opening with a bullet (not a number)


def _last_bullet_ends(reading: str, units: list[tuple[int, int]], s: int, e: int) -> int | None:
    """Where the last of a run of one-line bullets without full stops ends, when the paragraph after it
    follows on the next line with no blank line between (a web page's "- The council has developed ...
    providers" / "Inspectors highlighted ..."): at its line's end, when the bullet before it was one line too
    and the next line opens with a capital. (Not on a PDF's pages, whose lines wrap wherever the width ends.)"""
    def bullet_opens(at: int) -> bool:  # the unit at ``at`` is a bullet's first words
        m = BULLET_OPENS.match(reading, reading.rfind("\n", 0, at) + 1)
        return bool(m) and m.end() == at

    nl = reading.find("\n", s, e)
    if nl < 0 or not units or reading[nl - 1] in ".!?:;," or not reading[nl + 1:nl + 2].isupper() or \
            not bullet_opens(s):
        return None
    ps, pe = units[-1]
    if "\n" in reading[ps:pe] or not bullet_opens(ps) or reading[pe:reading.rfind("\n", 0, s) + 1].strip():
        return None
    return nl


_PARAGRAPH_NO = re.compile(r"\d{1,3}\.")


LIST_HEADING = re.compile(r"^(?:What needs to improve(?: in this area of social work practice)?|Recommendations|"
                           r"Areas? for (?:priority action|improvement)|What does the local authority need to improve)"
                           r"\s*[?:.]?\s*\d{0,2}$", re.I)  # on a line of its own (a footnote mark may follow)
JUDGEMENT_START = re.compile(r"^(?:The experiences and progress of|The impact of leaders)\b")
# ... and an older report's own section headings: the board's review ("Inspection findings – the Local
# Safeguarding Children Board"), which follows the last of the local authority's recommendations
_OLDER_SECTION = re.compile(r"^(?:Inspection findings|Review of the effectiveness of the Local Safeguarding "
                            r"Children Board)\b")
