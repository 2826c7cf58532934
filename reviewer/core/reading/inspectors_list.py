"""The inspectors' own list of what must improve, read from a document's structure: which sentences open as
recommendations, where such a list really ends, and its items ("What needs to improve", recommendations,
areas for priority action, whole and without footnote markers). The one reader the outline panel, the
summary, the baseline and the suggester share; ``outline`` reads the document's parts it works on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.core.reading.outline import TO_MEMBERS, Part, Structure, unit_quote
from reviewer.core.reading.sentences import BULLET_LINE
from reviewer.core.text.units import BULLET_CHARS, LETTERED

# The sentence that opens an inspectors' list ("... the local authority and its partners should take the following
# action."): no item of it.
LEAD_IN = re.compile(r"\b(?:should|must|need to|are asked to) take the following actions?\b|"
                     r"\bshould (?:take|address) the following\b|"
                     # a sentence pointing at the table or appendix that holds the list ("The table below sets
                     # out the areas for improvement and our response."): a committee paper's, no item
                     r"\b(?:the )?(?:table|appendix|plan) (?:below|overleaf|that follows|at appendix \w+)\b|"
                     r"\b(?:sets?|are set) out (?:below|overleaf|in the (?:table|appendix)\b)|"
                     # a numbered item that only opens the list under it ("8. Implement the following areas for
                     # improvement from the previous looked after children inspection:"): its bullets are the items
                     r"\bthe following\b[^.;]*:\s*$", re.I)


# A reference to the report's paragraphs standing alone after a recommendation ("(Paras 58, 62, 64, 65)"): no item.
PARA_REF = re.compile(r"^\W*\(?\s*(?:(?:pages?|pp?\.)\s*[\d\s,;–\-and]+?\s*)?(?:paras?|paragraphs?)\.?\s*[\d\s,;–\-and]+\)?\W*$",
                      re.I)


_FOOTNOTE_MARK = re.compile(r"(?<=[.;:])\s*\d{1,2}$")  # "…communities. 1": a footnote's number, not the item's
# The verbs inspectors open a recommendation with ("Ensure that ...", "Strengthen management oversight ...").
RECOMMENDING = ("ensure", "improve", "strengthen", "develop", "review", "increase", "make", "take", "cease", "reduce",
                "establish", "provide", "secure", "undertake", "implement", "embed", "continue", "consider", "promote",
                "address", "monitor", "evaluate", "work", "complete", "ensuring", "improving", "strengthening",
                "confirm", "offer", "recruit", "agree", "accelerate", "produce", "assess", "identify", "use", "clarify",
                "support", "enable", "tackle", "prioritise", "analyse", "audit", "check", "involve", "publish",
                "respond", "revise", "set", "share", "update", "collate", "record", "raise", "extend", "integrate",
                "introduce", "maintain", "reconsider", "reassess", "refresh", "build", "make sure", "bring", "tighten",
                "scrutinise", "create", "engage", "explore", "formalise", "hold", "investigate", "measure", "obtain",
                "focus", "consolidate", "carry out", "expand", "eliminate", "sustain", "reinforce", "commission",
                "initiate", "visit")
# ... of which these open a finding's noun as often ("Support for care leavers is strong", "Work with partners
# ...", "Review meetings are timely"): in running text they recommend only before what they act on.
NOUN_TOO = frozenset(RECOMMENDING) - frozenset((
    "ensure", "improve", "increase", "develop", "strengthen", "establish", "analyse", "reduce", "provide", "embed",
    "extend", "consider", "evaluate", "collate", "secure", "monitor", "address", "make sure"))
_ACTS_ON = ("the", "that", "all", "how", "whether", "their", "its", "a", "an", "and", "arrangements", "children",
            "young", "social", "managers", "leaders", "plans", "practice", "services", "oversight", "management",
            "partners", "care", "this", "these", "there", "staff", "workers", "assessments", "planning")
_SHOULD = re.compile(r"^[^.;:]{0,80}?\bshould\b")  # "Senior managers should review ...": a recommendation too
# (after "Together with the LSCB and police, ..." or an adverb: "Further improve the timeliness ...", "Urgently review")
_IMPERATIVE = re.compile(r"^(?:\d{1,2}\.?\s+)?(?:(?:together|jointly|working|in partnership) with [^,.;]{3,80},\s*)?"
                         r"(?:(?:Further|Urgently|Swiftly|Rapidly|Consistently|Robustly|Fully|Systematically|Routinely|"
                         r"Significantly)\s+)?(?:" + "|".join(v.capitalize() for v in RECOMMENDING) + r")\b", re.I)
_OPENING = re.compile(r"^\W*(" + "|".join(RECOMMENDING) + r")\b\W+(\w+)", re.I)


def recommends(quote: str, listed: bool = True) -> bool:
    """Whether a sentence or item opens as a recommendation: with one of the RECOMMENDING verbs (in an
    inspectors' list, any of them; in running text, one of NOUN_TOO only before what it acts on), or with a
    subject that "should" act."""
    if listed:
        return bool(_IMPERATIVE.match(quote) or _SHOULD.match(quote))
    m = _OPENING.match(quote)
    if not m:
        return False
    verb, after = m.group(1).lower(), m.group(2).lower()
    if verb.endswith("ing"):
        return False  # "Ensuring that families get help first time means ...": in running text, the subject
    return verb not in NOUN_TOO or after in _ACTS_ON


_CARRIES_ON = re.compile(r"^(?:\(|This|These|That|It|In particular|Including|Particularly|For example|Such)\b")
_NONE_NEEDED = re.compile(r"^(?:there (?:are|is|were|was) no\b|(?:the )?inspect(?:ion|ors) (?:did|does|do) not "
                          r"(?:find|identify) any\b|no areas? for priority\b)", re.I)  # "there are none", as said


_DECIMAL_NO = re.compile(r"\s*\d{1,2}\.\d{1,2}\.?\s")  # a council paper's paragraph ("4.5 "; not its "4.4.1" items)
_RECOMMENDATIONS = re.compile(r"^\s*recommendations?\b", re.I)
# A short title line with no full stop and no bullet: a sub-heading the outline did not mark.
_MISSED_HEADING = re.compile(r"[A-Z][^\n.:;!?]{3,80}")


def list_end(text: str, structure: Structure, part: Part) -> int:
    """Where the inspectors' list under a "Recommendations" heading really ends. Older (SIF) reports give
    the local safeguarding children board's recommendations and go straight on with its findings ("9. The
    board is inadequate because ...") under no heading of their own: once the list has begun, two
    statements in a row that are neither recommendations ("Ensure ...", "... should ...") nor carry one
    on end it. Under any other list heading (and under a sub-heading that goes on with a list), a heading
    the outline missed (a short title line with no bullet) ends it where findings, not recommendations,
    follow. Other parts end where the outline ends them."""
    if table := structure.table_at(part.start):
        return table.end  # a paper's response table: its rows are the list
    if part.kind not in ("improve", "heading"):
        return part.end
    if _DECIMAL_NO.match(part.title):  # a council paper's "4.4 Inspectors set out the following areas for
        # improvement:" and its items: the paper's next numbered paragraph ("4.5 Officers have prepared ...") ends them
        for s, _e in structure.units:
            if max(part.heading_end, part.start) <= s < part.end and \
                    _DECIMAL_NO.match(text, line := text.rfind("\n", 0, s) + 1) and line + 8 > s:  # (the unit
                return s  # begins after its number)
    if part.kind == "heading" or not _RECOMMENDATIONS.match(part.title):  # (a heading: a sub-heading's part
        # that goes on with the list, as inspectors_items reads it)
        units = [(s, e) for s, e in structure.units if max(part.heading_end, part.start) <= s < part.end]
        for i, (s, e) in enumerate(units[1:-1], 1):  # a heading the outline missed, then findings ("Key
            # strengths and weaknesses of the LSCB" / "• The recent appointment of ..."); under a sub-heading
            # such as "Care leavers" the recommendations go on
            if _MISSED_HEADING.fullmatch(text[s:e].strip()) and \
                    not re.search(rf"[{BULLET_CHARS}]|\d\.", text[units[i - 1][1]:s]) and \
                    not recommends(unit_quote(text, *units[i + 1], structure.furniture)):
                return s
        return part.end
    seen = False
    plain: int | None = None  # where a run of statements began
    for s, e in structure.units:
        if s < max(part.heading_end, part.start) or s >= part.end or structure.is_heading(s, e):
            continue
        quote = re.sub(r"^\d{1,2}\.\s+", "", unit_quote(text, s, e, structure.furniture))
        if len(quote.split()) < 3 or quote[:1].islower() or _CARRIES_ON.match(quote):
            continue  # "(Para 86)", a sentence's broken-off end, "This includes ...": the item goes on
        if recommends(quote):
            seen, plain = True, None
        elif seen:
            if plain is not None:
                return plain
            plain = s
    return part.end


_SPEAKS_OF_LIST = re.compile(r"\b(?:the following|(?:these|the) recommendations|priorities|this inspection|"
                             r"(?:this|the) report)\b", re.I)


def without_preamble(items: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A list of recommendations without the statements that open it ("The following recommendations are
    those that inspectors considered to be the priorities for X. They do not address all of the detailed
    failings ..."): where what follows is recommendations ("Take urgent action ...", "Ensure ..."), the
    statements before the first of them are the list's preamble, no item. A list of findings ("The
    quality of plans ...") keeps every item."""
    first = next((i for i, (_, _, q) in enumerate(items) if recommends(q)), None)
    if not first or not _SPEAKS_OF_LIST.search(items[0][2]):
        return items  # ("When there are plans to return a child home, ensure ...": an item, worded otherwise)
    rest = items[first:]
    if len(rest) >= 3 and sum(recommends(q) for _, _, q in rest) >= 0.8 * len(rest):
        return rest
    return items


def _goes_on(text: str, prev_start: int, prev_end: int, start: int, quote: str) -> bool:
    """A sentence that goes on with the item before it: in the same bullet or paragraph (no blank line, no
    bullet or item number between), and either the item is numbered or bulleted (its marker says where it
    ends: "14. When there are plans to return a child home, ensure ... Ensure that appropriate support is
    provided.") or the sentence opens by pointing back to it ("This should include children who are
    returning home …", "In particular, …"), never with a recommendation's verb of its own ("Ensure …")."""
    between = text[prev_end:start]
    if "\n\n" in between.replace(" ", "") or re.search(rf"\n\s*(?:[{BULLET_CHARS}]|\d{{1,3}}\.)", between):
        return False
    return bool(_GOES_ON.match(quote)) or _marked(text, prev_start)


# an inspectors' item's number as it opens its line ("14.", "132.", "(3)"): up to three figures, a 2014 report's
# board's items running 131 to 142
_ITEM_NUMBER = r"\(?(\d{1,3})[.)]"


def _opening(text: str, start: int) -> str:
    """What stands before ``start`` on its line, or, where it opens its line, the line before when that holds
    nothing but a number ("9.\nA leaving care service improvement plan …", a held-out 2014 report)."""
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start]
    if not line.strip() and line_start > 0:
        before = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1]
        if re.fullmatch(rf"[ \t]*{_ITEM_NUMBER}[ \t]*", before):
            return before.strip() + " "
    return line


def _marked(text: str, start: int) -> bool:
    """The item at ``start`` opens its line with an item number or a bullet ("14. ...", "• ...")."""
    line = _opening(text, start) + text[start:start + 4]
    return bool(re.match(rf"\s*(?:[{BULLET_CHARS}]|{_ITEM_NUMBER}|\(?[a-z][.)])\s", line))


def item_number(text: str, start: int) -> str | None:
    """The number an inspectors' item's line opens with ("14" of "14. Ensure …", "132"), None for a bullet or
    an item without one: what the report and a manager's reply call the item by."""
    m = re.fullmatch(rf"\s*{_ITEM_NUMBER}\s*", _opening(text, start))
    return m.group(1) if m else None


def item_numbers(text: str, items: Sequence[tuple[int, int, str, str]]) -> list[str]:
    """What the report calls each item by: its number ("14"), or where it is a bullet under a numbered lead-in
    ("8. Implement the following … :") that number and a letter, "8a", "8b" … (a new user's summary listed the
    lead-in as an item not yet tagged and its bullets with no number, stop 46); "" for none."""
    out: list[str] = []
    lead, k, prev_end = "", 0, 0
    for start, end, _quote, _kind in items:
        own = item_number(text, start)
        gap = text[prev_end:start] if prev_end else ""
        opened = re.search(rf"(?:^|\n)[ \t]*{_ITEM_NUMBER}\s", gap)
        if own:
            lead = ""
        elif opened and LEAD_IN.search(re.sub(rf"[\s{BULLET_CHARS}]+$", "", " ".join(gap[opened.end():].split()))):
            lead, k = opened.group(1), 0
        if own or not lead:
            out.append(own or "")
        else:
            out.append(f"{lead}{'abcdefghijklmnopqrstuvwxyz'[min(k, 25)]}")
            k += 1
        prev_end = end
    return out


def _sub_item(text: str, prev: str, prev_end: int, start: int, quote: str) -> str | None:
    """A lettered sub-item that completes the item before it ("147. Give closer scrutiny … where" / "(i) they are
    privately fostered" / "(ii) their parents …"): its marker, where the item before stops short of a full stop
    mid-sentence (no stop, no semicolon: a council paper's "(a) the timeliness …;" list is items of its own) and
    this one goes on in lower case; None otherwise."""
    if not quote[:1].islower() or not prev.rstrip()[-1:].isalnum():
        return None
    m = re.search(rf"({LETTERED})\s*$", text[prev_end:start])
    return m.group(1) if m else None


_GOES_ON = re.compile(r"^(?:This|These|That|It|They|Such|In particular|Including|For example|Specifically)\b")


def inspectors_items(text: str, structure: Structure) -> list[tuple[int, int, str, str]]:
    """The inspectors' own list of what must improve: every sentence or bullet under the letter's "What
    needs to improve" / recommendations / areas for priority action headings, as (start, end, quote,
    kind), kind "improve" or "priority". Older reports group their recommendations under sub-headings
    ("Leadership and management", "Care leavers"): a plain heading right after such a section goes on
    with it while what it holds reads as recommendations (mostly "Ensure…", "Improve…"). The one
    reader the outline, the summary and the suggester share."""

    def items_of(part: Part) -> list[tuple[int, int, str]]:
        found = []
        end = list_end(text, structure, part)
        for s, e in structure.units:
            if s < max(part.heading_end, part.start) or s >= end or structure.is_heading(s, e) or \
                    structure.councils_own(s, e):
                continue
            quote = _FOOTNOTE_MARK.sub("", unit_quote(text, s, e, structure.furniture)).strip()
            quote = BULLET_LINE.sub("", quote, count=1) if BULLET_LINE.match(quote) else quote
            quote = re.sub(rf"^(?:\d{{1,3}}\.|{LETTERED})\s+", "", quote)  # "14. ", "132. ", "(b) "
            if len(quote.split()) < (2 if _marked(text, s) else 3) or _NONE_NEEDED.match(quote) or TO_MEMBERS.match(quote) or \
                    LEAD_IN.search(quote) or PARA_REF.match(quote):
                # an item number, a fragment (a bulleted item may be two words: "− private fostering."), "there
                # are none", a council report's own recommendation, a lead-in
                continue
            if found and (marker := _sub_item(text, found[-1][2], found[-1][1], s, quote)):
                ps, _pe, pq = found[-1]  # the item's sub-items, in its words: one item, whole
                found[-1] = (ps, e, f"{pq} {marker} {quote}")
                continue
            if found and _goes_on(text, found[-1][0], found[-1][1], s, quote):
                ps, _pe, pq = found[-1]  # the item's next sentence, in the same bullet: one item, whole
                found[-1] = (ps, e, f"{pq} {quote}")
                continue
            found.append((s, e, quote))
        return without_preamble(found)

    out: list[tuple[int, int, str, str]] = []
    kind: str | None = None
    for part in (p for p in structure.parts if p.level == 1):
        if part.kind in ("improve", "priority"):
            kind = part.kind
            out += [(s, e, q, kind) for s, e, q in items_of(part)]
            continue
        if kind is None or part.kind != "heading":
            kind = None
            continue
        items = items_of(part)
        if items and sum(recommends(q) for _, _, q in items) >= 0.6 * len(items):
            out += [(s, e, q, kind) for s, e, q in items]
        else:
            kind = None
    once: dict[str, tuple[int, int, str, str]] = {}  # a paper that lists the items and then sets them in its
    for item in out:  # response table: each item once, where it is first given
        once.setdefault(item_words(item[2]), item)
    return list(once.values())


_BOARD = re.compile(r"\b(?:Local Safeguarding Children(?:'s|’s)? Board|LSCB|Safeguarding Children Partnership)\b")


def boards_from(structure: Structure) -> int | None:
    """Where a report's review of its Local Safeguarding Children Board begins (a 2013-16 report carries one
    behind the local authority's, with recommendations of its own): the first heading naming the board after
    the local authority's own list; None where the report has no such review. The board's recommendations,
    from there on, are for the board, not the council."""
    parts = [p for p in structure.parts if p.level == 1]
    first = next((p.start for p in parts if p.kind in ("improve", "priority")), None)
    if first is None:
        return None
    return next((p.start for p in parts if p.start > first and p.kind in ("heading", "judgement") and  # (its graded
                 _BOARD.search(p.title)), None)  # heading, "The Local Safeguarding Children Board is good", h27)


def item_words(quote: str) -> str:
    """An item's words, whatever its bullet, case and punctuation: what tells the same item given twice."""
    return " ".join(re.findall(r"\w+", quote.lower()))
