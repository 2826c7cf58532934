"""A letter's structure: its parts, its page furniture, and the sentences and bullets an auditor tags.

Offsets are always into the canonical text (what annotations anchor to). Nothing is removed
from it: page furniture (running headers and footers, page numbers) is *known*, so the reading
units step over it, and a sentence broken by a page break, a footer or a blank line the PDF put
in the middle of it is one unit again. Parts are what the outline lists: the address block, the
salutation, the title, headline findings, "What needs to improve" and priority-action sections,
judgement headings with the grade they carry, other headings, numbered paragraphs and the
sign-off. Everything is worked out from the text alone (fonts are not needed), so plain-text
letters, PDFs and reports all get the same treatment.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.core.reading.dates import DATE, NUMERIC_DATE
from reviewer.core.reading.furniture import find_furniture
from reviewer.core.reading.judgements import GRADE, board_heading, grade_of
from reviewer.core.reading.response_table import ResponseTable, response_tables
from reviewer.core.reading.sentences import BULLET_LINE, JUDGEMENT_START, LIST_HEADING, reading_text, split_units
from reviewer.core.text.markup import ROW_END
from reviewer.core.text.units import BULLET_CHARS, PARAGRAPH_NO
from reviewer.core.text.textsearch import collapse_ws

_JUDGEMENT_HEADING = re.compile(rf"^(.{{8,140}}?)\s*[:\-–]\s*{GRADE}\.?\s*$", re.I)  # (a full stop after it too)
# 2018-19 reports print the grade without a colon: "... help and protection requires improvement to be good"
_JUDGEMENT_SENTENCE = re.compile(rf"^((?:The experiences? and progress|The impact of leaders|Overall effectiveness|"
                                 rf"The graded judge?ment (?:for|about|of))"  # (2015: "The graded judgment for
                                 rf".{{0,140}}?)\s+(?:is\s+|are\s+)?(?:that\s+it\s+(?:is\s+)?)?{GRADE}\.?\s*$", re.I)
# adoption performance is that it is outstanding", over two lines or one)
# (a year that is a financial year's start, "Our priorities for 2024/25", "5. Priorities for 2023-24", may head; not
# one in brackets, which a sentence's lead-in gives: "In the last 12 months (2012-13) there have been:")
_NOT_HEADING = re.compile(r"\b(?:19|20)\d\d\b(?![/-]\d\d(?![\d/-]))|\((?:19|20)\d\d[/-]\d\d\)|@|www\.|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}\b|^[TEW]:?\s|"
                          r"^(?i:Outstanding|Good|Requires improvement(?: to be good)?|Inadequate|Judgement|Grade)$|"
                          r"^(?i:(?:Key )?judge?ment\s+(?:Judge?ment )?grade)$|"  # a judgement table's column heads
                          r"^(?:Lead inspector|Inspection dates?|Inspectors?(?!\s+[a-z])|Dates? of (?:visit|inspection))\b|"
                          # (not a story's headline: "Inspectors praise Calderwick's work with care leavers")
                          # a paper's cover lines: "Report of: Assistant Director", "Wards affected: All"
                          r"^(?i:report (?:of|from|by|author)|wards? affected|contact officer|lead member|portfolio "
                          r"holder|key decision|exempt information)\s*:|"
                          # the inspection team's other lines ("Deputy lead inspector: ...", "Senior Data Analyst: ...")
                          r"^(?i:(?:deputy |assistant |team |shadow |senior )?(?:lead )?(?:social care )?(?:regulatory )?"
                          r"inspectors?|(?:senior )?(?:data|research) analysts?|quality assurance managers?|"
                          r"(?:senior )?hmi)\s*:|^(?:Her|His) Majesty['’]s Inspectors?$|"
                          r"\b(?:HMI|Ofsted Inspector|Social Care Regulatory Inspector)s?(?:,|$)|"  # (the team: "Marcie
                          # Taylor HMI, Anji Parker HMI, …"; and the lead inspector's
                          # title, on the line under the name)
                          r"\s[>›»]\s(?:[^>›»]*\s)?[>›»]\s|"  # a web page's trail of links ("Home > News > …")
                          # a web page's links: to skip its menus, to a file ("Read the full letter (PDF, 210KB)"),
                          # or any the page names with its address ("Facebook (https://facebook.com)")
                          r"^(?i:skip to (?:the )?(?:main )?content)$|\((?i:pdf|docx?|word|odt|xlsx?)(?:,\s*|\s+)[\d.,]+\s*"
                          r"(?i:[kmg]i?b|bytes?)\)|\(https?://|"
                          r"\s\d{1,3}$")  # a contents line ends with its page number

KINDS = ("address", "salutation", "title", "headline", "improve", "priority", "judgements", "judgement",
         "heading", "paragraph", "signoff")


@dataclass(frozen=True)
class Part:
    kind: str  # one of KINDS
    title: str  # as the outline shows it
    start: int  # where the part (its heading) starts
    end: int  # where the part ends (the next part of the same level starts)
    grade: str | None = None  # for a judgement heading: "good", "requires improvement", ...
    level: int = 1  # 1: sections; 2: numbered paragraphs within them
    heading_end: int = -1  # end of the heading's own text; -1 for parts without one


@dataclass
class Structure:
    parts: list[Part]
    furniture: list[tuple[int, int]]
    units: list[tuple[int, int]]  # sentences and bullets, in order, furniture stepped over
    length: int
    tables: list[ResponseTable] = field(default_factory=list)  # a paper's items beside its response
    _unit_starts: list[int] = field(default_factory=list, repr=False)
    # each level's parts in order, with the latest start so far at each (``part_at`` looks one up by halving, not
    # part by part for each of a long letter's sentences)
    _levels: dict[int, tuple[list[int], list[Part]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._unit_starts = [s for s, _ in self.units]
        self._levels = {}
        for p in self.parts:
            reached, same = self._levels.setdefault(p.level, ([], []))
            reached.append(max(p.start, reached[-1]) if reached else p.start)
            same.append(p)

    def table_at(self, offset: int) -> ResponseTable | None:
        """The response table whose header starts at ``offset``."""
        return next((t for t in self.tables if t.start == offset), None)

    def in_table(self, offset: int) -> bool:
        return any(t.start <= offset < t.end for t in self.tables)

    def councils_own(self, start: int, end: int) -> bool:
        """The passage lies in a response table's council cell (its response, lead, due date): the council's
        words, no finding and no inspectors' item."""
        return any(a <= start and end <= b for t in self.tables if t.start <= start < t.end for a, b in t.council)

    def unit_at(self, offset: int) -> tuple[int, int] | None:
        """The sentence or bullet containing ``offset`` (or the nearest one before it)."""
        i = bisect.bisect_right(self._unit_starts, offset) - 1
        if i < 0:
            return self.units[0] if self.units else None
        s, e = self.units[i]
        if offset >= e and i + 1 < len(self.units) and self.units[i + 1][0] - offset < offset - e:
            return self.units[i + 1]
        return s, e

    def unit_before(self, offset: int) -> tuple[int, int] | None:
        """The sentence or bullet that starts last before ``offset``."""
        i = bisect.bisect_left(self._unit_starts, offset) - 1
        return self.units[i] if i >= 0 else None

    def units_covering(self, start: int, end: int) -> tuple[int, int] | None:
        """The smallest run of whole units that covers [start, end)."""
        a, b = self.unit_at(start), self.unit_at(max(start, end - 1))
        if a is None or b is None:
            return None
        return min(a[0], start), max(b[1], end)

    def part_at(self, offset: int, level: int = 1) -> Part | None:
        """The part of ``level`` that ``offset`` lies in: the last to start at or before it (in the parts' order,
        up to the first that starts after it)."""
        reached, same = self._levels.get(level, ([], []))
        i = bisect.bisect_right(reached, offset)
        return same[i - 1] if i else None

    def is_heading(self, start: int, end: int) -> bool:
        return any(p.start <= start and end <= max(p.heading_end, p.start) + 1 for p in self.parts
                   if p.heading_end >= 0 and p.level == 1)

    def in_furniture(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.furniture)


def _blocks(reading: str) -> list[tuple[int, int]]:
    """Paragraph blocks: runs of non-blank lines, (start, end) without the surrounding space."""
    out = []
    for m in re.finditer(r"^[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", reading, re.M):  # (each from a line's start, not
        # from every character of a long blank line)
        s, e = m.start(), m.end()
        while s < e and reading[s].isspace():
            s += 1
        while e > s and reading[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


_TEAM_LINE = re.compile(r"^(?:Inspection dates?|Dates? of (?:the )?(?:visit|inspection)|Lead inspector)\s*:", re.I)


_FINDINGS_LINE = re.compile(r"Inspection findings\s*$")


# A line that can only be a heading: capitalised, a few words, no closing punctuation, not ending on a word that
# goes on ("… services for children and")
_TITLE_LINE = re.compile(r"[A-Z][\w’'-]*(?: [\w’'-]+){1,9}(?<!\band)(?<!\bor)(?<!\bof)(?<!\bthe)(?<!\bto)(?<!\bfor)"
                         r"(?<!\bin)(?<!\bwith)(?<!\bby)(?<!\ba)(?<!\ban)(?<!\bthat)(?<!\bwho)(?<!\bwhich)")


def _split_blocks(reading: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Blocks with a heading the PDF ran into its neighbours taken apart: a judgement heading ("The
    experiences and progress of ...: good", on one or two lines) glued to the bullet before it or the
    paragraph after it, and "What needs to improve?" on a line of its own run into the paragraph before
    it or its first bullet after it."""
    out: list[tuple[int, int]] = []
    for s, e in blocks:
        lines = [(s + m.start(), s + m.end()) for m in re.finditer(r"[^\n]+", reading[s:e])]
        cuts: set[int] = set()
        for i, (ls, le) in enumerate(lines):
            line = reading[ls:le].strip()
            if i == 0 and len(lines) > 1 and _TITLE_LINE.fullmatch(line) and \
                    re.match(rf"\s*[{BULLET_CHARS}]", reading[lines[1][0]:lines[1][1]]):
                cuts.add(lines[1][0])  # a heading on the line above its first bullet ("Summary for children and young
                # people" / "• In July 2014, Ofsted looked at …"): the section went unnamed, its bullets read on
                continue
            if i and _TEAM_LINE.match(line):  # the report's title run into its dates and team lines below it
                cuts.add(ls)
                continue
            if _FINDINGS_LINE.match(line) and i + 1 < len(lines) and \
                    re.match(r"\s*\d{1,3}\.(?:\s+[A-Z]|\s*$)", reading[lines[i + 1][0]:lines[i + 1][1]]):
                cuts.update((ls, lines[i + 1][0]))  # "Inspection findings" / "111. There has been …": a page opened
                continue  # with the section's heading, its first numbered paragraph on the next line (or its number
                # alone, "78." / "There has been …")
            if LIST_HEADING.match(line):
                if i + 1 < len(lines) and re.fullmatch(r"\s*\d{1,3}\s*", reading[lines[i + 1][0]:lines[i + 1][1]]):
                    continue  # a contents line: the heading's page number on the line below
                cuts.update((ls, lines[i + 1][0] if i + 1 < len(lines) else e))
                continue
            if not JUDGEMENT_START.match(line) or i and re.fullmatch(r"\s*\d{1,3}\.\s*", reading[lines[i - 1][0]:lines[i - 1][1]]):
                continue  # (a numbered paragraph's first sentence: "1." / "The experiences … are now outstanding.")
            for j in (i, i + 1):
                if j >= len(lines):
                    break
                title = collapse_ws(reading[ls:lines[j][1]])
                if _JUDGEMENT_HEADING.match(title) or _JUDGEMENT_SENTENCE.match(title):
                    cuts.update((ls, lines[j + 1][0] if j + 1 < len(lines) else e))
                    break
        bounds = sorted(c for c in cuts if s < c < e)
        for a, b in zip([s, *bounds], [*bounds, e]):
            seg = reading[a:b]
            a2, b2 = a + len(seg) - len(seg.lstrip()), a + len(seg.rstrip())
            if a2 < b2:
                out.append((a2, b2))
    return out


_HEADING_NOTE = re.compile(r"(?:(?<=[a-z?’)])(?<!covid)|(?<=[a-z]\.))\d{1,2}$", re.I)  # a footnote's mark set close
# after a heading ("What needs to improve?1", "Information about this local authority area3"; not "Covid19"), or after
# a sentence's full stop, which then is no heading ("Asian or Asian British.7", a bullet's last line, stop 52)


# a labelled line whose list runs on to the next line ("Team inspectors: A, B, C," / "D, E"): what follows is more
# of it, no heading (h25: the last two inspectors' names headed a part)
_LABEL_RUNS_ON = re.compile(r"\s*[A-Z][\w ’'-]{1,40}:[ \t]+[^\n]*,\s*")
# a line left on a joining word runs on to the next block ("Inspection of services for children ... and" / "Review of
# the effectiveness of the Local Safeguarding Children Board", a 2013-16 report's cover title): what follows is more
# of it, no heading (h27: the board's review headed the cover, its judgement table under it); so does the joining
# word on a line of its own between the two ("... children looked after and care leavers" / "And" / "Review of ...",
# h30), which heads nothing itself
_JOINED_ON = re.compile(r"(?s).*\b(?:and|or)\s*|.*&\s*|\s*(?:And|AND|Or|OR)\s*")


def _heading_text(block: str) -> str | None:
    flat = _HEADING_NOTE.sub("", collapse_ws(block).strip("#*_ ").strip())
    if not flat or len(flat) > 160 or len(flat.split()) > 22 or block.count("\n") > 2 or _JOINED_ON.fullmatch(flat):
        return None
    if flat.endswith((".", ",", ";")) and not (_JUDGEMENT_HEADING.match(flat) or _JUDGEMENT_SENTENCE.match(flat) or
                                               board_heading(flat)) or \
            BULLET_LINE.match(block) or \
            _NOT_HEADING.search(flat):  # (a judgement heading may end with a full stop: "…: Requires improvement to be good.")
        return None
    if not (flat[0].isupper() or flat[0].isdigit() and re.match(r"^\d+(?:\.\d+)*\s+[A-Z]", flat)):
        return None
    return flat


_TABLE_ROW = re.compile(rf"\s*[A-Z][^\n]{{3,80}}(?:\n[^\n]{{3,80}}){{0,2}}\s*\n\s*{GRADE}[ \t]*(?=\n|$)|"
                        rf"\s*[A-Z][^\n\t]{{3,160}}\t[ \t]*{GRADE}[ \t]*(?=\n|$)")  # (or a Markdown table's row)
_CONTENTS = re.compile(r"^(?:table of )?contents$", re.I)
_GRADE_LINE = re.compile(rf"\s*{GRADE}\s*", re.I)
_SENTENCE_GOES_ON = re.compile(r"\b(?:is|are|was|were|be|remains?|judged|rated)$", re.I)


def _graded_below(block: str, after: str) -> tuple[str, str, bool] | None:
    """A heading whose grade stands on a line of its own, its last or the next block's (older reports:
    "The experiences and progress of children looked after and achieving permanence" / "Inadequate"): (the
    heading without it, the grade, whether it stood in the next block), or None."""
    lines = [x.strip() for x in block.strip().split("\n") if x.strip()]
    if len(lines) >= 2 and _GRADE_LINE.fullmatch(lines[-1]):
        title, grade, below = " ".join(lines[:-1]), lines[-1], False
    elif lines and _GRADE_LINE.fullmatch(after):
        title, grade, below = " ".join(lines), after.strip(), True
    else:
        return None
    if not grade[:1].isupper() or _GRADE_LINE.fullmatch(title) or _SENTENCE_GOES_ON.search(title):
        return None  # a sentence that ends in its grade ("... the LSCB is" / "requires improvement") says it
    return collapse_ws(title).strip(), grade_of(grade), below


_SECTION_HEADING = re.compile(r"\s*(\d{1,2})\.\s+([A-Z][^\n.;:]{2,90})\s*")  # "4. Progress against the …"


def _next_section(block: str, last: int | None) -> str | None:
    """A council paper's numbered section heading known by its number, the one after the paper's last section
    ("2. Areas for priority action identified by Ofsted" after "1. Introduction"), where no "2.1" paragraph follows
    it (a list, a table) or its paragraphs are numbered in a count of their own ("2. What inspectors found" / "3.
    Inspectors found that …"): read as a heading, not a paragraph."""
    m = _SECTION_HEADING.fullmatch(block)
    if last is None or not m or int(m.group(1)) != last + 1 or not _short_section(m.group(2)):
        return None
    return collapse_ws(block).strip()


def _short_section(words: str) -> bool:
    """A numbered section heading's words: ten at most, or a letter's own section however long ("2. What needs to
    improve in this area of social work practice?")."""
    return len(words.split()) <= 10 or _kind(collapse_ws(words))[0] in ("improve", "priority", "headline")


def _first_of_sections(block: str, later: list[str]) -> str | None:
    """A paper's first numbered section heading where its sections run on in prose with no "4.1" under them
    (minutes: "1. Welcome and apologies" / "The Chair welcomed members." / ... / "2. Ofsted monitoring visit"):
    known by the prose block under it and the next section's heading further on, the next number's, alone on its
    line as this one is. (A numbered list's items follow one another, with no prose between.)"""
    m = _SECTION_HEADING.fullmatch(block)
    if not m or not _short_section(m.group(2)) or not later or re.match(r"\s*\d", later[0]):
        return None
    n = int(m.group(1))
    for nxt in later[1:]:
        if (follows := _SECTION_HEADING.fullmatch(nxt)) and int(follows.group(1)) == n + 1 \
                and _short_section(follows.group(2)):
            return collapse_ws(block).strip()
        if re.match(rf"\s*{n}\.\s", nxt):
            return None  # the same number again: a list's or another count's
    return None


def _numbered_heading(block: str, after: str) -> str | None:
    """A council report's numbered section heading ("4. Progress against the areas for improvement"),
    known by the "4.1" paragraph under it: read as a heading, not a numbered list's item."""
    m = _SECTION_HEADING.fullmatch(block)
    if m and len(m.group(2).split()) <= 10 and re.match(rf"\s*(?:{m.group(1)}\.1|1\.)\s", after):  # (or a list
        # numbered from 1 under it: "4. Next steps" / "1. The action plan will be reviewed ...")
        return collapse_ws(block).strip()
    return None


# Reports before 2014 group their areas for improvement by when they are due ("Immediately:", "Within three
# months:"): each group is more of the list (the ones due immediately its priority actions).
_BY_WHEN = re.compile(r"^(?:immediately|within (?:\w+ ){1,2}(?:days|weeks|months))\s*:?\s*$")

_SINCE = re.compile(r"\bprogress (?:against|on|made|in|towards|since)\b|\bupdates? on\b|\bresponse to\b|"
                    r"\bour response\b|\baction plan\b|\baddressing\b|\bactions? (?:taken|to address|in response)\b")
_ITEMS_NAMED = re.compile(r"areas? for (?:priority action|improvement)|priority|immediate action|recommendation|"
                          r"what needs to improve|need to improve")


def tells_what_was_done(title: str) -> bool:
    """A council paper's heading over what it has done since the inspectors' items ("Progress against the
    areas for improvement", "Action plan to address the recommendations", "Our response to the priority
    actions"): a section of its own, never the inspectors' list nor its tone."""
    low = title.lower()
    return bool(_SINCE.search(low) and _ITEMS_NAMED.search(low))


# A council paper's own recommendations, to its members: a numbered section of the paper ("2. Recommendations",
# "3. Reasons for the recommendations"), where a report heads the inspectors' list "Recommendations" unnumbered
_SECTION_NO = r"(?:\d+(?:\.\d+)*\.?\s+)"  # a paper's section or paragraph number before its words ("2. ", "7.1 ")
_PAPERS_OWN = re.compile(rf"^\s*(?:{_SECTION_NO}recommendations?\s*:?\s*$|{_SECTION_NO}?reasons? for "
                         rf"(?:the )?(?:recommendations?|decisions?)\b|{_SECTION_NO}?recommendations? to "
                         r"(?:the )?(?:cabinet|committee|members|board|panel|council)\b)")
# What a paper asks of its members, not of the council ("7.1 That the committee notes the progress made", "Cabinet is
# asked to:"): no inspectors' item, no finding (not "family members are invited to attend key meetings")
TO_MEMBERS = re.compile(rf"^\W*{_SECTION_NO}?(?:that (?:the )?(?:committee|cabinet|board|panel|council|members?|scrutiny)\b|"
                        r"(?:the )?(?:committee|cabinet|board|panel|members?) (?:is|are) (?:asked|recommended|invited) "
                        r"to\b)", re.I)


def papers_own(title: str) -> bool:
    """A council paper's section of its own recommendations to its members ("2. Recommendations", "3. Reasons for
    the recommendations", "2.1 That Cabinet:"): never the inspectors' list, no findings."""
    return bool(_PAPERS_OWN.match(title.lower()) or title.rstrip().endswith(":") and TO_MEMBERS.match(title))


def _kind(title: str) -> tuple[str, str | None]:
    low = title.lower()
    if tells_what_was_done(title) or papers_own(title):
        return "heading", None
    if re.search(r"areas? for priority action|priority action|priority and immediate action|immediate action", low) \
            or re.match(r"immediately\s*:?\s*$", low):  # (items due "Immediately:", as an item asking for immediate
        # action is: a priority action)
        return "priority", None
    if re.search(r"what needs to improve|areas? for improvement|what does the (?:local authority|lscb) need to improve|"
                 r"recommendations|recommendation for improvement", low) or _BY_WHEN.match(low) or \
            re.search(r"\b(?:should|must|needs? to|asked (?:[\w’']+ ){0,3}?to|told (?:[\w’']+ ){0,3}?to) (?:further )?"
                      r"improve\s*:\s*$|\bwhere (?:further |more )?(?:progress|improvement|work) is (?:needed|required)"
                      r"\s*:\s*$", low):  # a paper's lead-in: "Ofsted asked the council to improve:", "… the following
        # areas where further progress is needed:"
        return "improve", None
    m = _JUDGEMENT_HEADING.match(title) or _JUDGEMENT_SENTENCE.match(title)
    if m:
        return "judgement", grade_of(m.group(2))
    if board := board_heading(title):  # a 2013-18 report's review of its safeguarding children board
        return "judgement", board
    if re.search(r"^(?:\d{1,2}\.\s+)?(?:overview|headline findings|summary of findings|summary|main findings|findings)\b",
                 low):  # (a letter retyped with its sections numbered: "1. Headline findings")
        return "headline", None
    return "heading", None


_PAPER_SECTION = re.compile(rf"(?:{PARAGRAPH_NO}|\d{{1,2}}\.)[ \t]+[A-Z]")  # "1. Purpose of the report",
# "2.1 That Cabinet" (not a letter's date, "3 March 2025", nor an address's "12 High Street")


def analyse(text: str, page_starts: Sequence[int] = ()) -> Structure:
    """The structure of a letter or report from its canonical text and (for a PDF) its page starts."""
    furniture = find_furniture(text, page_starts)
    reading = reading_text(text, furniture)
    units = split_units(reading, paged=bool(page_starts))
    blocks = _split_blocks(reading, _blocks(reading))
    tables = response_tables(reading, blocks)
    heads: list[tuple[str, str, int, int, str | None]] = []  # kind, title, start, heading_end, grade
    salutation = next((b for b in blocks[:40] if re.match(r"^Dear\b", reading[b[0]:b[1]])), None)
    if salutation and any(_PAPER_SECTION.match(reading, a) for a, _ in blocks if a < salutation[0]):
        salutation = None  # a letter bound in behind a paper's own numbered sections: the paper's outline stands
    if salutation:
        if salutation[0] > 0 and blocks[0][0] < salutation[0]:
            heads.append(("address", "Address and date", blocks[0][0], salutation[0], None))
        heads.append(("salutation", collapse_ws(reading[salutation[0]:salutation[1]]).split("\n")[0][:60],
                      salutation[0], salutation[1], None))
    opened = salutation
    if salutation is None and (titled := _unsaluted_title(reading, blocks)):  # a letter to several leaders, with no
        opened = titled  # "Dear ..." (a joint targeted area inspection's): its address block, then its title
        heads.append(("address", "Address and date", blocks[0][0], titled[0], None))
        heads.append(("title", collapse_ws(reading[titled[0]:titled[1]]).strip(), titled[0], titled[1], None))
    # (a Markdown or HTML table's row is a line, its cells each ended by a tab: "Judgement\tGrade\t")
    table = re.search(r"\n\s*Judgement(?:\s*\n\s*|[ \t]*\t[ \t]*)Grade\s*\n", reading[:12000])
    table_span = (-1, -1)
    if table:
        m = re.search(r"Overall effectiveness(?:\s*\n\s*|[ \t]*\t[ \t]*)(?:Outstanding|Good|Requires improvement(?: to "
                      r"be good)?|Inadequate)", reading[table.end():table.end() + 1500])
        end = table.end() + (m.end() if m else 0)
        if not m:  # from 2026 no overall effectiveness: the table ends with its last row ("... care leavers" / "Good")
            while row := _TABLE_ROW.match(reading, end):
                end = row.end()
        table_span = (table.start() + 1, end)
        heads.append(("judgements", "Judgements", table_span[0], end, None))
    elif cover := _cover_judgements(reading, blocks, page_starts):
        table_span = cover  # (a 2013-18 report's rows, on its cover)
        heads.append(("judgements", "Judgements", *cover, None))
    signoff_at = None
    section = None  # the number of the paper's last numbered section heading ("2. Findings of the visit")
    title_done = opened is not salutation
    contents_end = -1  # where a contents page ends (its page's end): its entries head no part
    for i, (s, e) in enumerate(blocks):
        if opened and s <= opened[1] or table_span[0] <= s < table_span[1]:
            continue
        if table := next((t for t in tables if t.start <= s < t.end), None):
            if s == table.start and table.kind != "plan":  # the table is the list: its header heads it; no cell
                heads.append((table.kind, table.title, s, table.header_end, None))  # heads a part (an action plan's
                title_done = True  # header neither: the paper's own heading, "3. Action plan", is over it)
            continue
        if _table_row(reading, s, e):
            continue  # a Markdown or HTML table's row ("Front door\tGood\t"): its cells head no part
        block = reading[s:e]
        if re.match(r"^(?:Yours sincerely|Yours faithfully|Kind regards)\b", block):
            heads.append(("signoff", "Sign-off", s, e, None))
            signoff_at = s
            continue
        if signoff_at is not None:
            continue
        if re.match(r"\s*\d(?:\.\d)?\.?\s", block) and _table_cell(reading, s, e, table_span):
            continue  # a judgement table's numbered row ("2.1 Adoption performance / Good") heads no section
        first = block.strip().split("\n", 1)[0].strip()
        if _CONTENTS.match(first) and s >= contents_end:  # a contents page, its first entry in the same block
            # ("Contents" / "Section 1: The local authority - Summary of findings" / 3): one part, no entry
            contents_end = next((p for p in page_starts if p > s), -1)
            at = s + len(block) - len(block.lstrip())
            heads.append(("heading", first, s, at + len(first), None))
            title_done = True
            continue
        title = _heading_text(block) or _numbered_heading(block, reading[blocks[i + 1][0]:blocks[i + 1][1]]
                                                          if i + 1 < len(blocks) else "") or \
            _next_section(block, section) or _first_of_sections(block, [reading[a:b] for a, b in blocks[i + 1:i + 30]])
        if title is None or i > 0 and (_LABEL_RUNS_ON.fullmatch(before := reading[blocks[i - 1][0]:blocks[i - 1][1]])
                                       or _JOINED_ON.fullmatch(before)):
            continue
        if m := _SECTION_HEADING.fullmatch(block):
            section = int(m.group(1))
        if s < contents_end:
            continue  # an entry of the contents page ("The local authority" / 3): no part of the letter
        kind, grade = _kind(title)
        if kind == "improve" and i + 1 < len(blocks) and TO_MEMBERS.match(reading[blocks[i + 1][0]:blocks[i + 1][1]]):
            kind = "heading"  # a paper's own recommendations to its members ("Recommendations" / "That the
            # Committee notes the progress made"), unnumbered: never the inspectors' list
        if kind == "heading" and (graded := _graded_below(block, reading[blocks[i + 1][0]:blocks[i + 1][1]]
                                                          if i + 1 < len(blocks) else "")):
            # older reports print the grade on the heading's last line or below it ("Leadership, management
            # and governance" / "Inadequate")
            title, grade, below = graded
            kind = "judgement"
            if below:
                e = blocks[i + 1][1]
        if kind != "judgement" and len(title.split()) > 14:
            continue  # a sentence that lost its full stop, not a heading
        if kind == "heading" and not title_done:
            kind = "title"
        title_done = True
        heads.append((kind, title, s, e, grade))
    heads.sort(key=lambda h: h[2])
    heads = _graded_once(heads)
    if salutation and (body := _unheaded_body(reading, salutation[1], heads)) is not None:
        heads.append(("heading", "Letter", body, body, None))
        heads.sort(key=lambda h: h[2])
    parts: list[Part] = []
    for i, (kind, title, s, he, grade) in enumerate(heads):
        nxt = heads[i + 1][2] if i + 1 < len(heads) else len(text)
        end = he if kind in ("salutation", "address", "judgements") else nxt
        if kind == "signoff":
            end = max(he, min(len(text), len(reading.rstrip())))
        parts.append(Part(kind, title, s, end, grade, 1, he))
    in_tables = [(t.start, t.end) for t in tables]
    parts.extend(_numbered(reading, parts, in_tables) or _decimal(reading, parts, in_tables))
    parts.sort(key=lambda p: (p.start, p.level))
    units = _cut_at_parts([(s, e) for s, e in units if not _table_cell(reading, s, e, table_span)], parts, reading)
    if tables:  # a response table's units are its cells' sentences: none runs from one cell into the next
        units = sorted([u for u in units if not any(t.start <= u[0] < t.end for t in tables)] +
                       [(a + s, a + e) for t in tables for a, b in (*t.items, *t.council)
                        for s, e in split_units(reading[a:b])])
    return Structure(parts, furniture, units, len(text), tables)


# the first line of a 2013-18 report's judgement table, on its cover: "Children's services in Westfold require
# improvement to be good", "The overall judgement is good." (no "Judgement / Grade" row, as later reports have)
_COVER_VERDICT = re.compile(r"(?:The\s+overall\s+judge?ment\s+is\b|Children['’]s\s+services\s+in\s+"
                            r"(?:[\w’'&-]+\s+){1,8}?(?:are|is|require|requires)\b)")


def _cover_judgements(reading: str, blocks: list[tuple[int, int]], page_starts: Sequence[int]) -> tuple[int, int] | None:
    """Where a 2013-18 report's cover holds its judgement table's rows ("1. Children who need help and protection" /
    "Requires improvement" ... "3. Leadership, management and governance" / "Good"), under the overall judgement's
    line; None where the first page holds no such line followed by numbered graded rows (h27: a new user's 2016
    report's outline had no judgement table, its cover under "Review of the effectiveness of the Local Safeguarding
    Children Board"). The overall judgement's line, and the grade's sentences around the rows, stay where they were."""
    if len(page_starts) < 2:
        return None
    cover_end = page_starts[1]
    verdict = next((i for i, (s, _e) in enumerate(blocks) if s < cover_end and _COVER_VERDICT.match(reading, s)), None)
    if verdict is None:
        return None
    rows: list[tuple[int, int]] = []
    lead_in = None  # the table's own heading: "The judgements on areas of the service that contribute to overall
    # effectiveness are:" (the part starts there, no heading of its own above it)
    for s, e in blocks[verdict + 1:verdict + 12]:
        if s >= cover_end:
            break
        if _COVER_ROW.match(reading[s:e]) and _GRADE_LINE.search(reading[s:e]) or \
                rows and (_COVER_BOARD.match(reading[s:e]) or _GRADE_LINE.fullmatch(reading[s:e].rstrip(". \n"))):
            rows.append((s, e))  # (and the board's grade under them: "The effectiveness of the Local Safeguarding
            # Children Board (LSCB)" / "Requires improvement.", "The judgement for the effectiveness of ... is good.")
        elif rows:
            break
        else:
            lead_in = s if _COVER_LEAD_IN.fullmatch(reading[s:e]) else None
    if not (rows and reading[rows[0][0]] == "1"):
        return None
    return (rows[0][0] if lead_in is None else lead_in), rows[-1][1]


_COVER_ROW = re.compile(r"\d(?:\.\d)?\.?\s+[A-Z]")
_COVER_LEAD_IN = re.compile(r"\s*The\s+judge?ments\s+on\s+[^.]{0,120}:\s*")
_COVER_BOARD = re.compile(r"The\s+(?:judge?ment\s+(?:for|on|of)\s+the\s+)?effectiveness\s+of\s+the\s+Local\s+Safeguarding\s+"
                          r"Children\s+Board\b(?:\s*\(LSCB\))?(?:\s+(?:is\s+)?(?:that\s+it\s+)?(?:is\s+)?"
                          + GRADE + r")?\.?\s*$", re.I)


def _cut_at_parts(units: list[tuple[int, int]], parts: list[Part], reading: str) -> list[tuple[int, int]]:
    """No sentence runs into the next part: a line printed without its full stop before a heading ("There are no
    areas for priority or immediate action" / "Areas for improvement") ends where the heading's line starts."""
    starts = sorted({p.start for p in parts})
    out: list[tuple[int, int]] = []
    for s, e in units:
        i = bisect.bisect_right(starts, s)
        while i < len(starts) and starts[i] < e:
            at = starts[i]
            before = reading[s:at].rstrip(" \t")
            if before.endswith("\n") and before.strip():
                out.append((s, s + len(before.rstrip())))
                s = at
            i += 1
        out.append((s, e))
    return out


_LETTER_TITLE = re.compile(r"(?:Joint targeted area inspection|(?:Focused|Monitoring|Assurance) visit) (?:of|to)\b", re.I)
_DATED = re.compile(rf"{DATE.pattern}|\b{NUMERIC_DATE}\b", re.I)  # (a letter's date above its title)


def _unsaluted_title(reading: str, blocks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The title block of a letter that greets no one ("Joint targeted area inspection of the multi-agency response
    to … in X", under its addressees' names and roles), where an address block with the letter's date stands above
    it; None for any other document."""
    for s, e in blocks[1:25]:
        if _LETTER_TITLE.match(reading, s):
            return (s, e) if _DATED.search(reading, blocks[0][0], s) and e - s < 400 else None
    return None


def _unheaded_body(reading: str, after: int, heads: list[tuple[str, str, int, int, str | None]]) -> int | None:
    """Where the body of a letter that runs from its "Dear ..." to its sign-off under no heading of its own starts
    (an email to members, a short letter): a part of its own, read as the letter's words, where otherwise it would
    be taken for the salutation's; None where a heading follows the salutation (the letter's opening paragraph,
    "This letter summarises ...", stays with the salutation) or nothing does."""
    nxt = next((h for h in heads if h[2] >= after), None)
    if nxt is not None and nxt[0] != "signoff":
        return None
    body = reading[after:len(reading) if nxt is None else nxt[2]]
    if len(body.split()) < 40:
        return None
    return after + len(body) - len(body.lstrip())


def _table_row(reading: str, start: int, end: int) -> bool:
    """The block is a table's row as the Markdown and HTML reading writes it: each of its lines ends with a cell's end
    (``markup.ROW_END``), which no other reading writes (a Word or PDF table's cells are blocks of their own)."""
    stop = reading.find("\n", end)
    return all(line.endswith(ROW_END) for line in reading[start:len(reading) if stop < 0 else stop].split("\n"))


def _graded_once(heads: list[tuple[str, str, int, int, str | None]]) -> list[tuple[str, str, int, int, str | None]]:
    """A section's heading, then its one-row judgement table under it repeating the heading with the grade
    (2014 reports: "Leadership, management and governance" / "Key Judgement | Judgement Grade" / "Leadership,
    management and governance | Requires Improvement"): one graded part, from the heading."""
    out: list[tuple[str, str, int, int, str | None]] = []
    for h in heads:
        if out and h[0] == "judgement" and out[-1][0] == "heading" and \
                collapse_ws(out[-1][1]).lower() == collapse_ws(h[1]).lower():
            out[-1] = (h[0], h[1], out[-1][2], h[3], h[4])
        else:
            out.append(h)
    return out


_GRADE_CELL = re.compile(rf"(?:Judge?ment\s+Grade|{GRADE}|(?:\d(?:\.\d)?\.?\s+)?[A-Z][^.:;]{{4,120}}?\s+{GRADE})", re.I)
TABLE_REACH = 12000  # judgement tables sit on a report's first pages


def _table_cell(reading: str, start: int, end: int, table_span: tuple[int, int]) -> bool:
    """A cell of the judgement table ("Judgement Grade", "Inadequate", "2.1 Adoption performance Good"),
    no sentence: inside the table the outline found, or, near the top, a judgement name and its grade
    with no full stop (the older reports' table, which has no "Judgement / Grade" row)."""
    if table_span[0] <= start and end <= table_span[1]:
        return True
    flat = collapse_ws(reading[start:end])
    return start < TABLE_REACH and len(flat.split()) <= 16 and bool(_GRADE_CELL.fullmatch(flat)) and \
        bool(re.fullmatch(rf".*\b{GRADE}|Judge?ment\s+Grade", flat, re.I))


def _numbered(reading: str, parts: list[Part], tables: Sequence[tuple[int, int]] = ()) -> list[Part]:
    """Numbered paragraphs ("12. Children in care...") as second-level parts, when a text numbers them; never a
    number in one of the paper's ``tables`` (an action plan's Ref column)."""
    found: list[tuple[int, int]] = []
    headed = {p.start for p in parts}  # (a council paper's numbered section heading, "1. Purpose of the report")
    for m in re.finditer(r"(?m)^[ \t]*(\d{1,3})\.(?:[ \t]+|\n\s*)(?=[A-Z‘'“\"]|\d+(?:\.\d+)?(?: per ?cent|%))", reading):
        if m.start() in headed or m.start() + len(m.group(0)) - len(m.group(0).lstrip()) in headed or \
                any(a <= m.start() < b for a, b in tables):
            continue
        # (a paragraph may open with its figure: "75. 10.2 per cent of children leaving care …", a held-out 2014
        # report, whose outline lost paragraphs 75 to 164 when the count broke there)
        block_end = reading.find("\n\n", m.end())
        if _table_cell(reading, m.start(), block_end if block_end >= 0 else len(reading), (-1, -1)):
            continue  # "1. Children who need help and protection / Requires improvement": a table's row
        found.append((int(m.group(1)), m.start()))
    # keep only a numbering that counts up (a list of numbered bullets restarting at 1 is not paragraphs)
    if len(found) < 5:
        return []
    out, expect = [], None
    for k, (number, start) in enumerate(found):
        if number == 1 and 0 < len(out) < 3:  # the count starts here: what went before was a stray row of the
            out, expect = [], None  # judgement table ("2. Children looked after and achieving / permanence",
            # broken across lines), which had cost a held-out 2014 report its paragraph 1
        # (a paragraph whose number the PDF ran into the line before, "… and families,  23. Recent …", is lost;
        # the count goes on past it where the next number follows on: a 49-page report's outline stopped at 22)
        goes_on = expect is not None and expect + 1 < number <= expect + 3 and \
            k + 1 < len(found) and found[k + 1][0] == number + 1
        if expect is None or number == expect or number == expect + 1 or goes_on:
            body = re.sub(r"^\s*\d{1,3}\.\s*", "", reading[start:start + 120])
            out.append((number, start, _labelled(f"{number}.", body)))
            expect = number
    if len(out) < 5:
        return []
    return _paragraph_parts(reading, parts, [(start, label) for _number, start, label in out])


def _labelled(number: str, body: str) -> str:
    """How the outline names a numbered paragraph: its number and its first seven words."""
    words = collapse_ws(body).split()
    return f"{number} " + " ".join(words[:7]) + ("…" if len(words) > 7 else "")


def _paragraph_parts(reading: str, parts: list[Part], found: list[tuple[int, str]]) -> list[Part]:
    """Second-level parts for numbered paragraphs (start, label), each up to the next or the next part."""
    out = []
    for i, (start, label) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(reading)
        nxt_part = next((p.start for p in parts if p.start > start), end)
        out.append(Part("paragraph", label, start, min(end, nxt_part), None, 2, -1))
    return out


def _decimal(reading: str, parts: list[Part], tables: Sequence[tuple[int, int]] = ()) -> list[Part]:
    """A council paper's paragraphs numbered within its numbered sections ("4.2 The number of children …"
    under "4. Progress against …") as second-level parts: its outline had listed each section twice and none
    of its paragraphs (a new user's Word committee report, stop 51)."""
    found: list[tuple[tuple[int, int], int, str]] = []
    headed = {p.start for p in parts}
    for m in re.finditer(r"(?m)^[ \t]*(\d{1,2})\.(\d{1,2})[ \t]+(?=[A-Z‘'“\"])", reading):
        number = (int(m.group(1)), int(m.group(2)))
        if m.start() in headed or any(a <= m.start() < b for a, b in tables):  # (the heading of a list: "3.1
            continue  # Inspectors identified …:"; a plan's Ref, "2.1")
        if found and number <= found[-1][0]:
            continue  # counts up, or it is no paragraph numbering ("2.5 per cent" was not taken: a capital follows)
        found.append((number, m.start(), _labelled(f"{number[0]}.{number[1]}", reading[m.end():m.end() + 120])))
    if len(found) < 3 or not any(p.kind != "paragraph" and re.match(rf"{found[0][0][0]}\.\s", p.title) for p in parts):
        return []  # (under a numbered section heading of its own: not a table of figures)
    return _paragraph_parts(reading, parts, [(start, label) for _number, start, label in found])


# a word hyphenated across lines ("poor-\nquality", "Multi-\n\nAgency"), and a span of years broken at its dash
# ("2014–\n15"): kept whole
_BROKEN_AT_HYPHEN = re.compile(r"(\w)-[ \t]*\n\s*(?=[a-z]|[A-Z][a-z])|(\d[–-])[ \t]*\n\s*(?=\d)")


# a combining mark standing alone, on no letter: a sub-bullet's glyph a PDF set at the end of the line before
# ("… including: ̶" / "sufficiency of accommodation ̶", U+0336), no part of what the unit says
_LONE_MARK = re.compile(r"(?:(?<=\s)|^)[\u0300-\u036f]+")


def unit_quote(text: str, start: int, end: int, furniture: Sequence[tuple[int, int]]) -> str:
    """How a unit reads: furniture left out, white space collapsed, a word hyphenated across lines kept whole."""
    pieces, pos = [], start
    for s, e in furniture:
        if e <= start or s >= end:
            continue
        pieces.append(text[pos:max(pos, s)])
        pos = min(end, e)
    pieces.append(text[pos:end])
    flat = " ".join(pieces)
    flat = _BROKEN_AT_HYPHEN.sub(lambda m: m.group(2) or m.group(1) + "-", flat)
    return collapse_ws(_LONE_MARK.sub("", flat))


def furniture_blanked(text: str, furniture: Sequence[tuple[int, int]]) -> str:
    """``text`` with its running headers, footers and page numbers turned to spaces: same length, same offsets, so
    that words a page break splits are found together (a new user's search for a phrase across a page's foot found
    nothing, the footer and page number sitting between its halves)."""
    if not furniture:
        return text
    chars = list(text)
    for s, e in furniture:
        chars[s:e] = [c if c == "\n" else " " for c in text[s:e]]
    return "".join(chars)


def without_furniture(start: int, end: int, furniture: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) in pieces, the furniture inside it left out: what a highlight of a passage that
    crosses a page break covers (never the running footer or the page number between its halves)."""
    pieces, at = [], start
    for s, e in sorted(furniture):
        if e <= at or s >= end:
            continue
        if s > at:
            pieces.append((at, s))
        at = max(at, e)
    if at < end:
        pieces.append((at, end))
    return pieces


def quote_as_read(text: str | None, start: int, end: int, quote: str,
                  furniture: Sequence[tuple[int, int]]) -> str:
    """An annotation's quote as the letter reads it: the running footer or page number a page break
    put inside it left out, white space collapsed. Where the text no longer holds the quote at its
    place (an annotation that needs attention), the quote as stored."""
    if text is not None and text[start:end] == quote:
        return unit_quote(text, start, end, furniture)
    return collapse_ws(quote)


def unit_key(text: str, start: int, end: int, furniture: Sequence[tuple[int, int]] = ()) -> str:
    """A short fingerprint of how a unit reads (letters and digits only, lower case): the same
    sentence in a letter's text and PDF versions has the same key, and the key does not give the text."""
    import hashlib

    bare = re.sub(r"[^a-z0-9]", "", unit_quote(text, start, end, furniture).lower())
    return hashlib.sha256(bare.encode()).hexdigest()[:16]
